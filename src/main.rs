//! The `pathways` command: everything is in the library (`pathways::cli`).

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    pathways::cli::main()
}
