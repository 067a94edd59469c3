//! Live content reload. A reload builds a complete new site (load, check,
//! render, compress, index) off the request path and swaps it in at once;
//! if the new content has any error, the old site keeps being served and
//! the errors are logged with `path:line:col`. In `--watch` mode (for
//! editors) pages also show a banner saying the last edit was rejected.

use crate::state::{AppState, Loaded, Options};
use std::time::Duration;

/// Build a new site from `opts` and swap it in, or keep the old one.
/// Returns whether the new site went live.
pub async fn reload(state: &AppState, opts: &Options) -> bool {
    // One reload at a time, in order: a build that started earlier can
    // never finish last and replace a newer one.
    let _turn = state.reload_lock().await;
    let opts = opts.clone();
    let started = std::time::Instant::now();
    let built = tokio::task::spawn_blocking(move || Loaded::build(&opts)).await;
    match built {
        Ok(Ok(loaded)) => {
            let pages = loaded.store.len();
            let warm = state.replace(loaded);
            let now = state.clone();
            std::thread::spawn(move || {
                let _ = warm
                    .store
                    .warm(|| std::sync::Arc::ptr_eq(&now.current(), &warm));
            });
            state.set_rejected(None);
            tracing::info!(pages, elapsed = ?started.elapsed(), "content reloaded");
            true
        }
        Ok(Err(e)) => {
            let text = e.to_string();
            for line in text.lines() {
                tracing::error!("{line}");
            }
            tracing::error!("reload rejected: the site keeps serving the last good content");
            state.set_rejected(Some(text));
            false
        }
        Err(e) => {
            tracing::error!(error = %e, "reload failed");
            false
        }
    }
}

/// Reload on every SIGHUP (for deployments).
pub async fn on_sighup(state: AppState, opts: Options) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            tracing::warn!("cannot listen for SIGHUP; reload on signal is off");
            return;
        };
        while hup.recv().await.is_some() {
            tracing::info!("SIGHUP: reloading content");
            reload(&state, &opts).await;
        }
    }
    #[cfg(not(unix))]
    let _ = (state, opts);
}

/// Whether a file event changes what a load would read: a write, a
/// create, a remove or a rename. Reads (open, access, close after
/// reading) and metadata changes are not edits: the reload's own reads,
/// `git status` or an editor's file tree must never start a reload.
pub fn is_edit(kind: &notify_debouncer_full::notify::EventKind) -> bool {
    use notify_debouncer_full::notify::EventKind;
    use notify_debouncer_full::notify::event::{AccessKind, AccessMode, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Watch the content and static folders and reload after changes settle.
pub fn watch(state: AppState, opts: Options) -> anyhow::Result<impl Drop> {
    use notify_debouncer_full::notify::RecursiveMode;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(
        Duration::from_millis(250),
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            if let Ok(events) = result
                && events.iter().any(|e| is_edit(&e.event.kind))
            {
                let _ = tx.send(());
            }
        },
    )?;
    debouncer.watch(&opts.content, RecursiveMode::Recursive)?;
    debouncer.watch(&opts.static_dir, RecursiveMode::Recursive)?;
    tokio::spawn(async move {
        while rx.recv().await.is_some() {
            // Several saves in a row become one reload.
            while rx.try_recv().is_ok() {}
            tracing::info!("content changed: reloading");
            reload(&state, &opts).await;
        }
    });
    Ok(debouncer)
}
