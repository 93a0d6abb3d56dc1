//! The host's requests to a running guest: a CPython pending call queued from
//! outside (guest/cpython/entry.c). The guest reports where its interpreter's
//! pending-call queue is once per instance (`host.pending_calls`); while a cell
//! runs, the host writes an entry and raises the flags exactly as
//! `Py_AddPendingCall` would, and the eval loop runs the call at its next
//! check. The guest is paused whenever the host writes (an epoch callback or
//! a host call), and the host is the queue's only producer, so the ring needs
//! no lock.
//!
//! Everything is read from and written to guest memory with bounds checks:
//! a guest that lies about the addresses only corrupts its own interpreter.

use wasmtime::{AsContextMut, Memory};

/// What the host asks of the guest (the pending call's argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// Send the output buffered so far.
    Tick = 1,
    /// Raise `KeyboardInterrupt` in the running Python code.
    Interrupt = 2,
}

/// Where the guest's pending-call queue is: guest addresses, as
/// `struct ci_pending_queue` in entry.c lays them out.
#[derive(Debug, Clone, Copy)]
pub struct PendingCalls {
    memory: Memory,
    /// The `{func, arg}` entries, 8 bytes each.
    calls: u32,
    capacity: u32,
    first: u32,
    last: u32,
    calls_to_do: u32,
    eval_breaker: u32,
    /// The guest's pending-call function, as a function table index.
    func: u32,
}

/// Size of `struct ci_pending_queue`: seven 32-bit words.
pub const QUEUE_DESCRIPTION_BYTES: usize = 7 * 4;

impl PendingCalls {
    /// The queue described at `ptr` in `memory`, if the description is in
    /// bounds and plausible.
    pub fn read(store: impl AsContextMut, memory: Memory, ptr: u32) -> Result<Self, &'static str> {
        let mut bytes = [0u8; QUEUE_DESCRIPTION_BYTES];
        memory
            .read(&store, ptr as usize, &mut bytes)
            .map_err(|_| "pending-call queue description outside guest memory")?;
        let word = |i: usize| u32::from_le_bytes(bytes[i * 4..i * 4 + 4].try_into().unwrap());
        let queue = Self {
            memory,
            calls: word(0),
            capacity: word(1),
            first: word(2),
            last: word(3),
            calls_to_do: word(4),
            eval_breaker: word(5),
            func: word(6),
        };
        if queue.capacity == 0 || queue.capacity > 1024 {
            return Err("implausible pending-call queue capacity");
        }
        Ok(queue)
    }

    /// Queues `request` (a tick only when nothing waits); `false` when the
    /// queue is full or not in guest memory (the request is then not made).
    pub fn push(&self, mut store: impl AsContextMut, request: Request) -> bool {
        let data = self.memory.data_mut(&mut store);
        let (Some(first), Some(last)) = (read_index(data, self.first), read_index(data, self.last))
        else {
            return false;
        };
        if first >= self.capacity || last >= self.capacity {
            return false;
        }
        // One tick waiting is enough: a guest stuck in a long C call must
        // not fill the queue with them and leave no room for an interrupt.
        if request == Request::Tick && first != last {
            return true;
        }
        let next = (last + 1) % self.capacity;
        if next == first {
            return false;
        }
        let entry = self.calls as usize + last as usize * 8;
        write_word(data, entry, self.func)
            && write_word(data, entry + 4, request as u32)
            && write_word(data, self.last as usize, next)
            && write_word(data, self.calls_to_do as usize, 1)
            && write_word(data, self.eval_breaker as usize, 1)
    }

    /// Drops the requests the guest has not run yet (a new cell starts: an
    /// interrupt meant for the last one must not reach it).
    pub fn clear(&self, mut store: impl AsContextMut) {
        let data = self.memory.data_mut(&mut store);
        if let Some(last) = read_index(data, self.last) {
            write_word(data, self.first as usize, last);
            write_word(data, self.calls_to_do as usize, 0);
        }
    }
}

fn read_index(data: &[u8], at: u32) -> Option<u32> {
    let bytes = data.get(at as usize..at as usize + 4)?;
    Some(u32::from_le_bytes(bytes.try_into().ok()?))
}

fn write_word(data: &mut [u8], at: usize, value: u32) -> bool {
    match data.get_mut(at..at + 4) {
        Some(slot) => {
            slot.copy_from_slice(&value.to_le_bytes());
            true
        }
        None => false,
    }
}
