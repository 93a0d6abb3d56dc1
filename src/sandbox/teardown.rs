//! Ending an instance off the threads that drive the others.
//!
//! Dropping a store frees its memory slot (the pooling allocator gives back
//! every page the instance wrote) and a session's scratch directory is then
//! deleted; together a few milliseconds. Done where the driver task ends, on a
//! runtime worker, that time is taken from the other sessions' drivers on the
//! same worker: a fork or a cell that arrives right after a session closed
//! waited for it.

/// Owns what an instance leaves behind and drops it on the runtime's blocking
/// pool (inline when there is no runtime).
pub struct DropAside<T: Send + 'static>(Option<T>);

impl<T: Send + 'static> DropAside<T> {
    pub fn new(value: T) -> Self {
        Self(Some(value))
    }

    /// The value, until the guard is dropped.
    pub fn get_mut(&mut self) -> &mut T {
        self.0.as_mut().expect("taken only on drop")
    }
}

impl<T: Send + 'static> Drop for DropAside<T> {
    fn drop(&mut self) {
        let Some(value) = self.0.take() else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            // A runtime shutting down drops the closure, and the value, here.
            Ok(runtime) => drop(runtime.spawn_blocking(move || drop(value))),
            Err(_) => drop(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::thread::{self, ThreadId};

    use super::DropAside;

    /// Sends the thread it is dropped on.
    struct Reporter(mpsc::Sender<ThreadId>);

    impl Drop for Reporter {
        fn drop(&mut self) {
            let _ = self.0.send(thread::current().id());
        }
    }

    #[test]
    fn drops_off_the_worker_inside_a_runtime() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .build()
            .unwrap();
        let (sender, dropped_on) = mpsc::channel();
        let worker = runtime.block_on(async move {
            tokio::spawn(async move {
                drop(DropAside::new(Reporter(sender)));
                thread::current().id()
            })
            .await
            .unwrap()
        });
        assert_ne!(dropped_on.recv().unwrap(), worker);
    }

    #[test]
    fn drops_inline_without_a_runtime() {
        let (sender, dropped_on) = mpsc::channel();
        drop(DropAside::new(Reporter(sender)));
        assert_eq!(dropped_on.try_recv().unwrap(), thread::current().id());
    }
}
