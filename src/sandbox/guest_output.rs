//! The guest's raw stdout/stderr file descriptors.
//!
//! Python-level output travels as events through host calls; what reaches the
//! WASI descriptors directly (C-level messages such as "Fatal Python error",
//! `os.write(1, ...)`) is kept here, its last few KiB, for diagnosing sandbox
//! faults.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use tokio::io::AsyncWrite;
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};

/// A shared byte buffer that keeps the last `capacity` bytes written to it
/// (the writer never sees an error).
#[derive(Clone)]
pub struct TailBuffer {
    bytes: Arc<Mutex<Vec<u8>>>,
    capacity: usize,
}

impl TailBuffer {
    pub fn new(capacity: usize) -> Self {
        Self {
            bytes: Arc::default(),
            capacity,
        }
    }

    /// The captured text, lossily decoded.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes.lock().expect("buffer lock")).into_owned()
    }
}

impl AsyncWrite for TailBuffer {
    fn poll_write(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let mut bytes = self.bytes.lock().expect("buffer lock");
        let tail = &buf[buf.len().saturating_sub(self.capacity)..];
        let overflow = (bytes.len() + tail.len()).saturating_sub(self.capacity);
        bytes.drain(..overflow);
        bytes.extend_from_slice(tail);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

impl IsTerminal for TailBuffer {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for TailBuffer {
    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}
