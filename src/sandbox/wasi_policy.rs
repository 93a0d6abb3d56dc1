//! The host's policy on the guest's WASI preview 1 calls, wrapped around
//! wasmtime-wasi's own.
//!
//! - `poll_oneoff`: wasmtime-wasi sleeps on a lone relative clock with
//!   `std::thread::sleep` when blocking the current thread is allowed (which
//!   we allow, for fast file calls). That sleep holds a worker thread and no
//!   deadline, cancel or close can end it; here it is an async sleep, which
//!   ends early when the running cell is due to be interrupted (the guest
//!   then gets its `KeyboardInterrupt` as soon as it runs again), and which
//!   the instance's watchdog stops by dropping the call.
//! - `path_open`, `fd_close`, `fd_renumber`: a cap on the descriptors an
//!   instance holds open (each is a host descriptor): `EMFILE` past it.
//! - `fd_write`, `fd_pwrite`, `fd_filestat_set_size`, and the calls that
//!   create directory entries: a quota on the scratch directory's bytes and
//!   entries ([`crate::scratch::ScratchQuota`]): `EDQUOT` past it.
//!
//! Everything else of a call is wasmtime-wasi's, called through its
//! generated preview 1 functions.

use std::time::Duration;

use wasmtime::{AsContextMut, Caller, Linker, Result};
use wasmtime_wasi::p1::types::{self, Errno, Oflags, Subclockflags, SubscriptionU};
use wasmtime_wasi::p1::wasi_snapshot_preview1::{self as p1, WasiSnapshotPreview1};
use wiggle::{GuestMemory, GuestPtr};

use super::cell::CellClock;
use super::guest_state::{GuestState, check_cell, guest_memory};

const MODULE: &str = "wasi_snapshot_preview1";

/// Replaces the wrapped calls in `linker`, which already holds WASI.
pub fn add_to_linker(linker: &mut Linker<GuestState>) -> Result<()> {
    linker.allow_shadowing(true);
    add_poll_oneoff(linker)?;
    add_descriptor_cap(linker)?;
    add_scratch_quota(linker)?;
    linker.allow_shadowing(false);
    Ok(())
}

/// The guest's memory and the store state, as wasmtime-wasi's functions
/// take them.
fn split<'a>(
    caller: &'a mut Caller<'_, GuestState>,
) -> Result<(GuestMemory<'a>, &'a mut GuestState)> {
    let memory = guest_memory(caller)?;
    let fuel = caller.as_context_mut().hostcall_fuel();
    let (data, state) = memory.data_and_store_mut(caller);
    state.wasi.set_hostcall_fuel(fuel);
    Ok((GuestMemory::Unshared(data), state))
}

fn add_poll_oneoff(linker: &mut Linker<GuestState>) -> Result<()> {
    linker.func_wrap_async(
        MODULE,
        "poll_oneoff",
        |mut caller: Caller<'_, GuestState>, (subs, events, count, out): (i32, i32, i32, i32)| {
            Box::new(async move {
                let cell = caller.data().cells.current().map(|cell| cell.clock());
                let (mut memory, state) = split(&mut caller)?;
                if let Some((userdata, timeout)) = lone_relative_clock(&memory, subs, count) {
                    sleep(timeout, cell).await;
                    check_cell(&mut caller)?;
                    let (mut memory, _) = split(&mut caller)?;
                    return Ok(clock_fired(&mut memory, userdata, events, out) as i32);
                }
                let clock = first_clock(&memory, subs, count);
                let poll = p1::poll_oneoff(&mut state.wasi, &mut memory, subs, events, count, out);
                let (Some(cell), Some(userdata)) = (cell, clock) else {
                    return poll.await;
                };
                let polled = tokio::select! {
                    polled = poll => Some(polled),
                    _ = cell.due() => None,
                };
                match polled {
                    Some(polled) => polled,
                    None => {
                        check_cell(&mut caller)?;
                        let (mut memory, _) = split(&mut caller)?;
                        Ok(clock_fired(&mut memory, userdata, events, out) as i32)
                    }
                }
            })
        },
    )?;
    Ok(())
}

/// The userdata and timeout of a poll on one relative clock, the case
/// wasmtime-wasi would serve with a thread sleep.
fn lone_relative_clock(memory: &GuestMemory<'_>, subs: i32, count: i32) -> Option<(u64, Duration)> {
    if count != 1 {
        return None;
    }
    let sub = memory
        .read(GuestPtr::<types::Subscription>::new(subs as u32))
        .ok()?;
    match sub.u {
        SubscriptionU::Clock(clock)
            if !clock
                .flags
                .contains(Subclockflags::SUBSCRIPTION_CLOCK_ABSTIME) =>
        {
            Some((sub.userdata, Duration::from_nanos(clock.timeout)))
        }
        _ => None,
    }
}

/// The userdata of a poll's first clock subscription: the event reported
/// when the running cell is due to be interrupted before the poll ends (a
/// sleep to an absolute time, as CPython's `time.sleep` does, or a `select`
/// with a timeout), so the guest runs on and meets its interrupt.
fn first_clock(memory: &GuestMemory<'_>, subs: i32, count: i32) -> Option<u64> {
    let subs = GuestPtr::<types::Subscription>::new(subs as u32);
    (0..u32::try_from(count).ok()?)
        .filter_map(|i| memory.read(subs.add(i).ok()?).ok())
        .find(|sub| matches!(sub.u, SubscriptionU::Clock(_)))
        .map(|sub| sub.userdata)
}

/// Sleeps without holding the thread, until `timeout` passes or the running
/// `cell` is due to be interrupted; a timeout past the clock's range sleeps
/// until then.
async fn sleep(timeout: Duration, cell: Option<CellClock>) {
    if timeout.is_zero() {
        return;
    }
    let due = async {
        match cell {
            Some(cell) => cell.due().await,
            None => std::future::pending().await,
        }
    };
    let timer = async {
        match tokio::time::Instant::now().checked_add(timeout) {
            Some(at) => tokio::time::sleep_until(at).await,
            None => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = timer => {}
        _ = due => {}
    }
}

/// Writes the one event of a fired clock; the errno of the call.
fn clock_fired(memory: &mut GuestMemory<'_>, userdata: u64, events: i32, out: i32) -> Errno {
    let event = types::Event {
        userdata,
        error: Errno::Success,
        type_: types::Eventtype::Clock,
        fd_readwrite: types::EventFdReadwrite {
            flags: types::Eventrwflags::empty(),
            nbytes: 1,
        },
    };
    let written = memory
        .write(GuestPtr::new(events as u32), event)
        .and_then(|()| memory.write(GuestPtr::<types::Size>::new(out as u32), 1));
    if written.is_ok() {
        Errno::Success
    } else {
        Errno::Fault
    }
}

fn add_descriptor_cap(linker: &mut Linker<GuestState>) -> Result<()> {
    linker.func_wrap_async(
        MODULE,
        "path_open",
        |mut caller: Caller<'_, GuestState>,
         (dir, lookup, path, path_len, oflags, base, inheriting, fdflags, out): (
            i32,
            i32,
            i32,
            i32,
            i32,
            i64,
            i64,
            i32,
            i32,
        )| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                if !state.quota.may_open() {
                    return Ok(Errno::Mfile as i32);
                }
                let mut open = async |oflags| {
                    p1::path_open(
                        &mut state.wasi,
                        &mut memory,
                        dir,
                        lookup,
                        path,
                        path_len,
                        oflags,
                        base,
                        inheriting,
                        fdflags,
                        out,
                    )
                    .await
                };
                let creates = Oflags::from_bits_truncate(oflags as u16).contains(Oflags::CREAT);
                let errno = if !creates || state.quota.reserve_entry() {
                    open(oflags).await?
                } else {
                    open_existing(oflags, open).await?
                };
                if errno == 0 {
                    state.quota.opened();
                }
                Ok(errno)
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_close",
        |mut caller: Caller<'_, GuestState>, (fd,): (i32,)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                let errno = p1::fd_close(&mut state.wasi, &mut memory, fd).await?;
                if errno == 0 {
                    state.quota.closed();
                }
                Ok(errno)
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_renumber",
        |mut caller: Caller<'_, GuestState>, (from, to): (i32, i32)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                let errno = p1::fd_renumber(&mut state.wasi, &mut memory, from, to).await?;
                if errno == 0 && from != to {
                    state.quota.renumbered(to);
                }
                Ok(errno)
            })
        },
    )?;
    Ok(())
}

/// Opens with `O_CREAT` when no entry may be created: only a file that
/// already exists opens; otherwise `EDQUOT`.
async fn open_existing(oflags: i32, open: impl AsyncFnOnce(i32) -> Result<i32>) -> Result<i32> {
    let oflags = Oflags::from_bits_truncate(oflags as u16);
    if oflags.contains(Oflags::EXCL) {
        return Ok(Errno::Dquot as i32);
    }
    let errno = open(i32::from((oflags - Oflags::CREAT).bits())).await?;
    Ok(if errno == Errno::Noent as i32 {
        Errno::Dquot as i32
    } else {
        errno
    })
}

fn add_scratch_quota(linker: &mut Linker<GuestState>) -> Result<()> {
    linker.func_wrap_async(
        MODULE,
        "fd_write",
        |mut caller: Caller<'_, GuestState>, (fd, iovs, len, out): (i32, i32, i32, i32)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                if !state.quota.reserve_write(fd, requested(&memory, iovs, len)) {
                    return Ok(Errno::Dquot as i32);
                }
                p1::fd_write(&mut state.wasi, &mut memory, fd, iovs, len, out).await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_pwrite",
        |mut caller: Caller<'_, GuestState>,
         (fd, iovs, len, offset, out): (i32, i32, i32, i64, i32)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                if !state.quota.reserve_write(fd, requested(&memory, iovs, len)) {
                    return Ok(Errno::Dquot as i32);
                }
                p1::fd_pwrite(&mut state.wasi, &mut memory, fd, iovs, len, offset, out).await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "fd_filestat_set_size",
        |mut caller: Caller<'_, GuestState>, (fd, size): (i32, i64)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                // A file may grow to `size`: as much as writing it.
                if !state.quota.reserve_bytes(size as u64) {
                    return Ok(Errno::Dquot as i32);
                }
                p1::fd_filestat_set_size(&mut state.wasi, &mut memory, fd, size).await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "path_create_directory",
        |mut caller: Caller<'_, GuestState>, (dir, path, len): (i32, i32, i32)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                if !state.quota.reserve_entry() {
                    return Ok(Errno::Dquot as i32);
                }
                p1::path_create_directory(&mut state.wasi, &mut memory, dir, path, len).await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "path_symlink",
        |mut caller: Caller<'_, GuestState>,
         (old, old_len, dir, new, new_len): (i32, i32, i32, i32, i32)| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                if !state.quota.reserve_entry() {
                    return Ok(Errno::Dquot as i32);
                }
                p1::path_symlink(
                    &mut state.wasi,
                    &mut memory,
                    old,
                    old_len,
                    dir,
                    new,
                    new_len,
                )
                .await
            })
        },
    )?;
    linker.func_wrap_async(
        MODULE,
        "path_link",
        |mut caller: Caller<'_, GuestState>,
         (old_dir, lookup, old, old_len, new_dir, new, new_len): (
            i32,
            i32,
            i32,
            i32,
            i32,
            i32,
            i32,
        )| {
            Box::new(async move {
                let (mut memory, state) = split(&mut caller)?;
                if !state.quota.reserve_entry() {
                    return Ok(Errno::Dquot as i32);
                }
                p1::path_link(
                    &mut state.wasi,
                    &mut memory,
                    old_dir,
                    lookup,
                    old,
                    old_len,
                    new_dir,
                    new,
                    new_len,
                )
                .await
            })
        },
    )?;
    Ok(())
}

/// Bytes a write asks to write: the sum of its buffers' lengths (0 if the
/// list is unreadable; wasmtime-wasi then refuses the call).
fn requested(memory: &GuestMemory<'_>, iovs: i32, len: i32) -> u64 {
    let list = GuestPtr::<[types::Ciovec]>::new((iovs as u32, len as u32));
    list.iter()
        .filter_map(|iov| memory.read(iov.ok()?).ok())
        .map(|iov| u64::from(iov.buf_len))
        .sum()
}
