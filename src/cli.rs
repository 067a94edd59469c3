//! The command line: parse, start logging, run `serve`, `check`, `export`
//! or the hidden `gen-corpus` (a generator of large content trees for
//! benchmarks, kept here in the command layer, outside the serving core).

pub mod corpus;
pub mod trim;

use crate::config::{Cli, Command, ContentArgs, ExportArgs, ServeArgs};
use crate::state::{AppState, Loaded, Options};
use clap::Parser as _;
use std::process::ExitCode;

/// Run the command line.
pub fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    // Log lines are written in batches by a background thread: a slow
    // terminal or disk never holds up a request (see `log`).
    let (writer, _flush_on_exit) = crate::util::log::batched(std::io::stderr());
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt()
        .with_writer(writer.clone())
        .with_ansi(ansi)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "pathways=info,tower_http=warn".into()),
        )
        .init();
    if !ansi {
        // Access log lines are formatted by hand into the same writer.
        crate::util::log::install_access(writer);
    }
    match cli.command {
        Some(Command::Check(args)) => check(&args),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Export(args)) => export(&args),
        Some(Command::TrimOews(args)) => match trim::run(&args) {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e:#}");
                ExitCode::FAILURE
            }
        },
        Some(Command::GenCorpus {
            out,
            pathways,
            oews,
            hostile,
            size,
        }) => match match hostile {
            Some(kind) => {
                corpus::hostile::write(&out, kind, size.unwrap_or(kind.reported_size())).map(drop)
            }
            None => corpus::write_with(&out, pathways, 1, oews),
        } {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cannot write the corpus to {}: {e}", out.display());
                ExitCode::FAILURE
            }
        },
        None => serve(cli.serve),
    }
}

fn options(content: &ContentArgs, base_url: Option<&crate::util::base_url::BaseUrl>) -> Options {
    Options {
        content: content.content.clone(),
        static_dir: content.static_dir.clone(),
        base_url: base_url.cloned(),
    }
}

/// Load, render and check everything (what a start would do), then print
/// every warning and a summary, or every error.
fn check(args: &ContentArgs) -> ExitCode {
    match Loaded::build(&options(args, None)) {
        Ok(loaded) => {
            // Every page has a share image; draw one to prove the font works.
            loaded.store.warm_one();
            let site = &loaded.default_edition().site;
            for w in &loaded.warnings {
                println!("{w}");
            }
            let sections: usize = site.pathways.iter().map(|p| p.sections.len()).sum();
            println!(
                "ok: {} pathway(s), {sections} section(s), {} pages, {} glossary terms, {} resources; {} warning(s); {} edition(s)",
                site.pathways.len(),
                loaded.store.len(),
                site.glossary.len(),
                site.resources.len(),
                loaded.warnings.len(),
                loaded.editions.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn export(args: &ExportArgs) -> ExitCode {
    let loaded = match Loaded::build(&options(&args.content, args.base_url.as_ref())) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match crate::export::export(&loaded, &args.out) {
        Ok(n) => {
            println!("exported {n} files to {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("export failed: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> ExitCode {
    let opts = options(&args.content, args.base_url.as_ref());
    let started = std::time::Instant::now();
    let loaded = match Loaded::build(&opts) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &loaded.warnings {
        tracing::warn!("{w}");
    }
    let pages = loaded.store.len();
    // Timers are kept by the clock thread: the serving runtime has none.
    let runtime = match crate::util::clock::start().and_then(|_| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_io()
            .build()
    }) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(args.addr).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("cannot listen on {}: {e}", args.addr);
                return ExitCode::FAILURE;
            }
        };
        let addr = listener.local_addr().map_or(args.addr, |a| a);
        println!(
            "pathways: {pages} pages loaded in {:?}; serving at http://{addr}",
            started.elapsed()
        );
        let mut state = AppState::new(loaded);
        if args.watch {
            state = state.for_editors();
        }
        let current = state.current();
        let now = state.clone();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let pages = current
                .store
                .warm(|| std::sync::Arc::ptr_eq(&now.current(), &current));
            if pages > 0 {
                // `scripts/bench.sh` waits for this line before measuring.
                tracing::info!(
                    pages,
                    ms = started.elapsed().as_millis() as u64,
                    "brotli bodies made"
                );
            }
        });
        tokio::spawn(crate::reload::on_sighup(state.clone(), opts.clone()));
        let _watcher = if args.watch {
            match crate::reload::watch(state.clone(), opts.clone()) {
                Ok(w) => {
                    println!(
                        "watching {} and {} for changes",
                        opts.content.display(),
                        opts.static_dir.display()
                    );
                    Some(w)
                }
                Err(e) => {
                    eprintln!("cannot watch for changes: {e:#}");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            None
        };
        let limits = crate::server::Limits {
            max_connections: args.max_connections,
            ..Default::default()
        };
        let app = crate::app(state);
        crate::server::serve_with(listener, app, crate::server::shutdown_signal(), limits).await;
        ExitCode::SUCCESS
    })
}

/// The allocator (mimalloc) reads its options from the environment when the
/// process starts. Committing arena memory only when it is touched
/// (`ARENA_EAGER_COMMIT=0`) keeps the resident size close to what is in use:
/// measured on the bundled content after a load run, 26 MiB instead of 52.
/// (Freed memory is handed back once after each load, `util::mem`; purging
/// every free at once, `PURGE_DELAY=0`, cost 0.4 s of a 1,000-pathway load.)
/// The variable must be set before the process starts, so set it and exec
/// ourselves once; any `MIMALLOC_` variable already in the environment
/// means the operator chose, and wins.
#[cfg(unix)]
fn tune_allocator() {
    use std::os::unix::process::CommandExt as _;
    if std::env::vars_os().any(|(k, _)| k.to_string_lossy().starts_with("MIMALLOC_")) {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    // `exec` returns only if it failed; then we simply run untuned.
    let _ = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("MIMALLOC_ARENA_EAGER_COMMIT", "0")
        .exec();
}

#[cfg(not(unix))]
fn tune_allocator() {}
