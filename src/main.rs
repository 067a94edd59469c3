use clap::Parser;
use pathways::config::{Cli, Command, ContentArgs, ExportArgs, ServeArgs};
use pathways::state::{Loaded, Options};
use std::process::ExitCode;

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = Cli::parse();
    // Log lines are written by a background thread: a slow terminal or disk
    // never holds up a request.
    let (writer, _flush_on_exit) = tracing_appender::non_blocking(std::io::stderr());
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "pathways=info,tower_http=warn".into()),
        )
        .init();
    match cli.command {
        Some(Command::Check(args)) => check(&args),
        Some(Command::Serve(args)) => serve(args),
        Some(Command::Export(args)) => export(&args),
        Some(Command::GenCorpus { out, pathways }) => {
            match pathways::corpus::write(&out, pathways, 1) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("cannot write the corpus to {}: {e}", out.display());
                    ExitCode::FAILURE
                }
            }
        }
        None => serve(cli.serve),
    }
}

fn check(args: &ContentArgs) -> ExitCode {
    match pathways::content::load(&args.content) {
        Ok(site) => {
            // Every page has a share image: the site's own or its page's.
            // Draw one to prove the font and template work.
            if let Some(card) = pathways::share::cards(&site).first()
                && let Err(e) = pathways::share::render_png(&card.svg())
            {
                eprintln!("the share image cannot be drawn: {e}");
                return ExitCode::FAILURE;
            }
            for w in &site.warnings {
                println!("{w}");
            }
            let sections: usize = site.pathways.iter().map(|p| p.sections.len()).sum();
            println!(
                "ok: {} pathway(s), {sections} section(s), {} glossary terms, {} resources; {} warning(s)",
                site.pathways.len(),
                site.glossary.len(),
                site.resources.len(),
                site.warnings.len()
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
    let opts = Options {
        content: args.content.content.clone(),
        static_dir: args.content.static_dir.clone(),
        base_url: args.base_url.clone(),
    };
    let loaded = match Loaded::build(&opts) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match pathways::export::export(&loaded, &args.out) {
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
    let opts = Options {
        content: args.content.content.clone(),
        static_dir: args.content.static_dir.clone(),
        base_url: args.base_url.clone(),
    };
    let started = std::time::Instant::now();
    let loaded = match Loaded::build(&opts) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &loaded.site.warnings {
        tracing::warn!("{w}");
    }
    let pages = loaded.store.len();
    let runtime = tokio::runtime::Runtime::new().expect("starting the tokio runtime");
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
        let mut state = pathways::AppState::new(loaded);
        if args.watch {
            state = state.for_editors();
        }
        let current = state.current();
        std::thread::spawn(move || current.store.warm());
        tokio::spawn(pathways::reload::on_sighup(state.clone(), opts.clone()));
        let _watcher = if args.watch {
            match pathways::reload::watch(state.clone(), opts.clone()) {
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
        let app = pathways::app(state);
        pathways::server::serve(listener, app, pathways::server::shutdown_signal()).await;
        ExitCode::SUCCESS
    })
}

/// glibc gives each thread that allocates its own malloc arena and keeps
/// freed memory in it; the load's worker threads would leave ~10 MB behind.
/// One arena keeps the resident size down (measured: 44 MB -> 33 MB after
/// load and a burst of requests) at no cost we could measure. The variable
/// must be set before the process starts, so set it and exec ourselves once;
/// an explicit `MALLOC_ARENA_MAX` in the environment wins.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    use std::os::unix::process::CommandExt as _;
    if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    // `exec` returns only if it failed; then we simply run untuned.
    let _ = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .env("MALLOC_ARENA_MAX", "1")
        .exec();
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
