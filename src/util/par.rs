//! Work spread over every core, results in input order, and nothing lost:
//! a panic in one item is an error that names the item, never a gap or a
//! shifted result.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// An item whose work panicked (or was never done): its position in the
/// items given and the panic's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked {
    pub index: usize,
    pub message: String,
}

impl std::fmt::Display for Panicked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "item {} failed: {}", self.index, self.message)
    }
}

impl std::error::Error for Panicked {}

/// `f` over `items` on every core (each thread takes the next item), the
/// results in the items' order: one result for every item, or the first
/// item (in order) whose work panicked. After a panic the other threads
/// take no new items.
pub fn on_all_cores<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T) -> U + Sync,
) -> Result<Vec<U>, Panicked> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let worker = || {
        let mut out = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let done = catch_unwind(AssertUnwindSafe(|| f(item))).map_err(|payload| {
                stop.store(true, Ordering::Relaxed);
                panic_message(payload.as_ref())
            });
            out.push((i, done));
        }
        out
    };
    let mut slots: Vec<Option<U>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let mut failed: Option<Panicked> = None;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(items.len()).max(1))
            .map(|_| scope.spawn(worker))
            .collect();
        for w in workers {
            // A worker catches its items' panics, so joining fails only
            // if the thread itself could not run: its items stay empty
            // and are reported below.
            for (i, done) in w.join().unwrap_or_default() {
                match done {
                    Ok(u) => slots[i] = Some(u),
                    Err(message) => {
                        if failed.as_ref().is_none_or(|p| i < p.index) {
                            failed = Some(Panicked { index: i, message });
                        }
                    }
                }
            }
        }
    });
    if let Some(p) = failed {
        return Err(p);
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(index, slot)| {
            slot.ok_or_else(|| Panicked {
                index,
                message: "its worker stopped before doing it".into(),
            })
        })
        .collect()
}

/// The text a panic was raised with.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

#[cfg(test)]
mod tests {
    use super::on_all_cores;

    #[test]
    fn every_result_comes_back_in_the_items_order() {
        let items: Vec<usize> = (0..1000).collect();
        let done = on_all_cores(&items, |&i| i * 2).expect("no item panics");
        assert_eq!(done, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(on_all_cores(&[] as &[u8], |&b| b), Ok(vec![]));
    }

    #[test]
    fn a_panic_in_one_item_is_an_error_naming_that_item() {
        let items: Vec<usize> = (0..200).collect();
        let err = on_all_cores(&items, |&i| {
            assert!(i != 137, "item {i} cannot be done");
            i
        })
        .expect_err("a panicking item fails the whole map");
        assert_eq!(err.index, 137);
        assert!(err.message.contains("item 137 cannot be done"), "{err}");
        // Formatted panics (a `String` payload) and plain ones (`&str`).
        let err =
            on_all_cores(&items, |&i| if i == 3 { panic!("plain") } else { i }).expect_err("fails");
        assert_eq!((err.index, err.message.as_str()), (3, "plain"));
    }

    #[test]
    fn with_several_panics_the_first_in_order_is_named() {
        let items: Vec<usize> = (0..64).collect();
        let err = on_all_cores(&items, |&i| {
            assert!(i % 10 != 9, "bad {i}");
        })
        .expect_err("fails");
        // Threads stop taking items after a panic, so a later panicking
        // item may never run; the first one always does (items are taken
        // in order), and it is the one named.
        assert_eq!(err.index, 9, "{err}");
    }
}
