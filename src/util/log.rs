//! Log lines go to standard error in batches: a request appends its line to
//! a buffer (one short lock, no system call, no thread woken), and a
//! background thread writes the buffer out every 50 ms (a request never
//! wakes it: at the highest rate measured, 50 ms of lines is under 1 MB,
//! far below the cap). A slow terminal or disk never holds up a request; if the buffer
//! reaches its cap, lines are dropped and counted, and the count is
//! written with the next batch.
//!
//! The access log line (one per request) is the one line written on every
//! request, so it is formatted here by hand, exactly as the `tracing`
//! formatter would write it (time, level, target, message, fields), which
//! costs a fraction of going through `tracing`. Filtering still follows
//! `RUST_LOG`: the line is written only when `pathways::http` is enabled at
//! `INFO` (asked once, when the writer is installed).

use std::fmt::Write as _;
use std::io::Write;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Buffered bytes past which lines are dropped.
const CAP: usize = 8 * 1024 * 1024;
/// How often the writer writes.
const EVERY: Duration = Duration::from_millis(50);

#[derive(Default)]
struct Shared {
    state: Mutex<Buffer>,
    wake: Condvar,
}

#[derive(Default)]
struct Buffer {
    bytes: Vec<u8>,
    dropped: u64,
    closed: bool,
}

/// The writer handed to the log formatter.
#[derive(Clone)]
pub(crate) struct Batched {
    shared: Arc<Shared>,
}

/// Writes what is left when dropped (at exit).
pub(crate) struct Flush {
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// A batched writer to `out`, and the guard that flushes it at exit.
pub(crate) fn batched(out: impl Write + Send + 'static) -> (Batched, Flush) {
    let shared = Arc::new(Shared::default());
    let thread = {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("log-writer".into())
            .spawn(move || write_out(&shared, out))
            .ok()
    };
    (
        Batched {
            shared: shared.clone(),
        },
        Flush { shared, thread },
    )
}

fn write_out(shared: &Shared, mut out: impl Write) {
    let mut spare = Vec::new();
    loop {
        let (dropped, closed) = {
            let mut b = shared.state.lock().unwrap_or_else(|p| p.into_inner());
            if b.bytes.is_empty() && !b.closed {
                b = shared
                    .wake
                    .wait_timeout(b, EVERY)
                    .unwrap_or_else(|p| p.into_inner())
                    .0;
            }
            std::mem::swap(&mut b.bytes, &mut spare);
            (std::mem::take(&mut b.dropped), b.closed)
        };
        if dropped > 0 {
            let _ = writeln!(
                out,
                "pathways: {dropped} log line(s) dropped: the log could not keep up"
            );
        }
        let _ = out.write_all(&spare);
        let _ = out.flush();
        spare.clear();
        if closed {
            return;
        }
        std::thread::sleep(EVERY);
    }
}

impl Write for Batched {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.line(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Batched {
    /// Append one whole line.
    fn line(&self, line: &[u8]) {
        let mut b = self.shared.state.lock().unwrap_or_else(|p| p.into_inner());
        if b.bytes.len() + line.len() > CAP {
            b.dropped += 1;
            return;
        }
        b.bytes.extend_from_slice(line);
    }
}

static ACCESS: OnceLock<Batched> = OnceLock::new();

/// Write access log lines by hand into `writer` (the one the `tracing`
/// formatter writes to, without colours), when the installed filter lets
/// `pathways::http` log at `INFO` (the filter is fixed at start, so this is
/// asked once, not per request). Call it after the subscriber is installed.
pub(crate) fn install_access(writer: Batched) {
    if tracing::enabled!(target: "pathways::http", tracing::Level::INFO) {
        let _ = ACCESS.set(writer);
    }
}

/// One request's access log line: `served method=… path=… status=…
/// bytes=… micros=…` at `INFO` from `pathways::http`, for a request
/// started at `started`.
pub fn access(method: &str, path: &str, status: u16, bytes: Option<&str>, started: Instant) {
    let bytes = bytes.unwrap_or("-");
    let Some(sink) = ACCESS.get() else {
        let micros = started.elapsed().as_micros() as u64;
        tracing::info!(target: "pathways::http", method, path = %path, status, bytes, micros, "served");
        return;
    };
    thread_local! {
        static LINE: std::cell::RefCell<Line> = const {
            std::cell::RefCell::new(Line { text: String::new(), anchor: None, second: u64::MAX, date: String::new() })
        };
    }
    LINE.with(|line| {
        let Ok(mut line) = line.try_borrow_mut() else {
            return;
        };
        let now = Instant::now();
        let micros = now.saturating_duration_since(started).as_micros() as u64;
        let since = line.wall(now);
        let Line {
            text, second, date, ..
        } = &mut *line;
        // Written piece by piece, no `format!`: this runs for every request.
        // The date and time to the second are formatted once a second.
        if since.as_secs() != *second {
            *second = since.as_secs();
            date.clear();
            timestamp(date, UNIX_EPOCH + std::time::Duration::from_secs(*second));
            date.truncate(date.len().saturating_sub(8)); // ".000000Z"
        }
        text.clear();
        text.push_str(date);
        text.push('.');
        push_number(text, u64::from(since.subsec_micros()), 6);
        text.push_str("Z  INFO pathways::http: served method=");
        text.push_str(method);
        text.push_str(" path=");
        text.push_str(path);
        text.push_str(" status=");
        push_number(text, u64::from(status), 1);
        text.push_str(" bytes=");
        text.push_str(bytes);
        text.push_str(" micros=");
        push_number(text, micros, 1);
        text.push('\n');
        sink.line(text.as_bytes());
    });
}

/// A thread's access line buffer, the date and time of the last second it
/// wrote, and its anchor between the monotonic clock and the wall clock.
struct Line {
    text: String,
    /// A monotonic instant and the wall-clock time (since the epoch) read
    /// with it, read again once a second: in between, a line's time is the
    /// anchor's plus the monotonic time since, which saves reading the
    /// wall clock for every request.
    anchor: Option<(Instant, Duration)>,
    second: u64,
    date: String,
}

impl Line {
    /// The wall-clock time (since the epoch) at `now`.
    fn wall(&mut self, now: Instant) -> Duration {
        match self.anchor {
            Some((at, wall)) if now.saturating_duration_since(at) < Duration::from_secs(1) => {
                wall + (now - at)
            }
            _ => {
                let wall = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or_default();
                self.anchor = Some((now, wall));
                wall
            }
        }
    }
}

/// `n` in decimal, zero-padded to at least `width` digits.
fn push_number(out: &mut String, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = at.min(digits.len().saturating_sub(width));
    for d in &digits[start..] {
        out.push(char::from(*d));
    }
}

/// `2026-11-24T23:22:12.118048Z`, as the `tracing` formatter writes time.
fn timestamp(out: &mut String, now: SystemTime) {
    let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = since.as_secs();
    let (y, m, d) = civil(secs / 86_400);
    let s = secs % 86_400;
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:06}Z",
        s / 3600,
        s / 60 % 60,
        s % 60,
        since.subsec_micros()
    );
}

/// Year, month and day of a count of days since 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
pub(crate) fn civil(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Batched {
    type Writer = Batched;

    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

impl Drop for Flush {
    fn drop(&mut self) {
        {
            let mut b = self.shared.state.lock().unwrap_or_else(|p| p.into_inner());
            b.closed = true;
        }
        self.shared.wake.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn numbers_are_written_in_decimal_padded_to_width() {
        for (n, width, want) in [
            (0, 1, "0"),
            (7, 6, "000007"),
            (118_048, 6, "118048"),
            (404, 1, "404"),
            (u64::MAX, 1, "18446744073709551615"),
        ] {
            let mut s = String::new();
            push_number(&mut s, n, width);
            assert_eq!(s, want);
        }
    }

    #[test]
    fn every_line_is_written_by_exit_in_order() {
        let sink = Sink::default();
        let (mut w, flush) = batched(sink.clone());
        for i in 0..1000 {
            writeln!(w, "line {i}").unwrap();
        }
        drop(flush);
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1000);
        assert_eq!(lines[999], "line 999");
    }

    #[test]
    fn times_are_written_as_the_tracing_formatter_writes_them() {
        let mut s = String::new();
        let t = UNIX_EPOCH + Duration::from_micros(1_795_994_532_118_048);
        timestamp(&mut s, t);
        assert_eq!(s, "2026-11-29T23:22:12.118048Z");
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(19_782), (2024, 2, 29));
        assert_eq!(civil(10_956), (1999, 12, 31));
    }
}
