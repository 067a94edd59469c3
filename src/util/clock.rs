//! The server's clock: one thread of its own, running a timer-only tokio
//! runtime, holds every timer the server sets (each connection's idle
//! watchdog, HTTP/2 keep-alive pings, the whole-request time limit, the
//! shutdown grace period). The runtime that serves requests then needs no
//! time driver: with one, every time a worker thread goes idle it takes the
//! timer wheel's lock and reads the clock, measured at a few percent of
//! the request rate on a stored page.
//!
//! A timer made here ([`sleep`], [`timeout`], [`spawn`], [`Timer`]) can be
//! awaited on any runtime; the clock thread runs until the process ends, so
//! no timer outlives it.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};
use tokio::runtime::Handle;

static CLOCK: OnceLock<Handle> = OnceLock::new();
/// Held while the clock starts, so that two first calls start one thread.
static STARTING: Mutex<()> = Mutex::new(());

/// Start the clock thread (once per process; later calls return the same
/// clock). An error says why it cannot run; the clock is kept only once
/// its thread runs.
pub fn start() -> std::io::Result<&'static Handle> {
    if let Some(h) = CLOCK.get() {
        return Ok(h);
    }
    let _one = STARTING.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(h) = CLOCK.get() {
        return Ok(h);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let handle = rt.handle().clone();
    std::thread::Builder::new()
        .name("clock".into())
        .spawn(move || rt.block_on(std::future::pending::<()>()))?;
    Ok(CLOCK.get_or_init(|| handle))
}

/// The clock (started on first use: a process that cannot start a thread
/// cannot serve either).
fn handle() -> &'static Handle {
    match start() {
        Ok(h) => h,
        Err(e) => panic!("cannot start the clock thread: {e}"),
    }
}

/// A sleep of `d`, kept by the clock.
pub fn sleep(d: Duration) -> tokio::time::Sleep {
    let _clock = handle().enter();
    tokio::time::sleep(d)
}

/// `fut`, given at most `d` (the clock keeps the deadline).
pub fn timeout<F: Future>(d: Duration, fut: F) -> tokio::time::Timeout<F> {
    let _clock = handle().enter();
    tokio::time::timeout(d, fut)
}

/// Run `fut` (a task that only waits on timers and channels) on the clock
/// thread.
pub fn spawn<F>(fut: F) -> tokio::task::JoinHandle<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    handle().spawn(fut)
}

/// hyper's timer (HTTP/2 keep-alive pings), kept by the clock.
#[derive(Clone, Debug, Default)]
pub struct Timer(hyper_util::rt::TokioTimer);

impl hyper::rt::Timer for Timer {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn hyper::rt::Sleep>> {
        let _clock = handle().enter();
        self.0.sleep(duration)
    }

    fn sleep_until(&self, deadline: Instant) -> Pin<Box<dyn hyper::rt::Sleep>> {
        let _clock = handle().enter();
        self.0.sleep_until(deadline)
    }

    fn reset(&self, sleep: &mut Pin<Box<dyn hyper::rt::Sleep>>, new_deadline: Instant) {
        let _clock = handle().enter();
        self.0.reset(sleep, new_deadline);
    }
}
