//! The `pathways` command: everything is in the library (`pathways::cli`).

fn main() -> std::process::ExitCode {
    pathways::cli::main()
}
