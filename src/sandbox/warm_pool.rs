//! Instances started ahead of demand.
//!
//! Starting an instance (instantiation, the guest's start-up up to waiting for
//! its first cell) takes a few milliseconds, mostly copy-on-write page faults
//! on the snapshot's memory. A few instances with default limits are kept
//! started, each waiting for its first cell with an empty namespace, so a
//! fresh instance is ready at once. They are fresh: no cell has run in them.
//! The sandbox starts them (`keep_warm_pool_filled` in the module above).

use std::sync::{Arc, Mutex};

use tokio::sync::Notify;

use super::session::Session;

/// Ready instances and a signal to make more.
pub struct WarmPool {
    ready: Mutex<Vec<Session>>,
    capacity: usize,
    wanted: Arc<Notify>,
}

impl WarmPool {
    pub fn new(capacity: usize) -> Self {
        Self {
            ready: Mutex::new(Vec::with_capacity(capacity)),
            capacity,
            wanted: Arc::new(Notify::new()),
        }
    }

    /// A started instance, if one is ready; asks for a replacement either way.
    pub fn take(&self) -> Option<Session> {
        if self.capacity == 0 {
            return None;
        }
        self.wanted.notify_one();
        let mut ready = self.ready.lock().expect("warm pool lock");
        while let Some(session) = ready.pop() {
            if session.end_reason().is_none() {
                return Some(session);
            }
        }
        None
    }

    /// Instances ready now (some may have ended since they were started).
    pub fn ready_count(&self) -> usize {
        self.ready.lock().expect("warm pool lock").len()
    }

    /// Whether the pool has room for another instance.
    pub fn needs_more(&self) -> bool {
        self.ready.lock().expect("warm pool lock").len() < self.capacity
    }

    /// Adds a started instance.
    pub fn put(&self, session: Session) {
        self.ready.lock().expect("warm pool lock").push(session);
    }

    /// Notified whenever an instance was taken (the filler waits on it).
    pub fn wanted(&self) -> Arc<Notify> {
        Arc::clone(&self.wanted)
    }
}
