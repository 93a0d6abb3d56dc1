//! Session benchmarks: forking a session, interrupting a cell at its
//! deadline and live output, each next to the baseline it replaces.
//!
//! Run with `cargo bench --bench sessions` (needs the guest build of
//! `guest/build.sh`); `--quick` (or `SESSIONS_BENCH_QUICK=1`) for a smoke run
//! with tiny counts. What is measured, printed as one table (median / p90 /
//! min):
//!
//! 1. `Sandbox::fork_session` of a session that imported numpy, pandas and
//!    sympy and holds a 10 MB array and a table (and keeps checkpoints, as
//!    the service's sessions do), and `save_session` /
//!    `restore_session` of it (with the saved bytes' size), against the way
//!    to the same state without them: a new session running the same set-up
//!    cell. Each round starts once the last one's sessions are gone and the
//!    warm pool is full again ([`SETTLE`]); one more fork per round is timed
//!    right after the round's three sessions were closed, while the sandbox
//!    tears them down and starts their warm replacements.
//! 2. How long after its deadline a cell ends: `while True: pass` and
//!    `time.sleep(30)` interrupted at a 200 ms deadline (KeyboardInterrupt),
//!    against a loop that ends by itself at 200 ms.
//! 3. How soon a running cell's first printed line arrives, against the same
//!    line from a cell that ends right after printing it.
//! 4. Checkpoints: a small cell (`y = 1`, back to back) in the set-up session
//!    keeping checkpoints against the same cell in one that keeps none (the
//!    difference is the checkpoint's cost); and a cell that stops the
//!    interpreter (`os._exit`) plus the next cell, which runs in the
//!    instance rebuilt from the checkpoint, against a new session re-running
//!    the set-up.

#[path = "common/quick.rs"]
mod quick;
#[path = "common/stats.rs"]
mod stats;

use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use code_interpreter::{
    Artifacts, CellLimits, Event, InstanceLimits, Outcome, Sandbox, SandboxConfig, Session,
};
use stats::Stats;

/// The state a fork copies: the heavy modules, 10 MB of numbers, a table.
const SETUP: &str = "import numpy as np, pandas as pd, sympy\n\
                     big = np.random.default_rng(0).random(1_250_000)\n\
                     df = pd.DataFrame({'a': range(1000)})\n\
                     x = sympy.Symbol('x')";
/// Reads the copied state back, so a broken fork fails the bench.
const CHECK: &str =
    "assert big.shape == (1_250_000,) and int(df['a'].sum()) == 499500\nsympy.solve(x**2 - 4, x)";
/// Time for a sandbox to tear down closed sessions and refill its warm pool.
const SETTLE: Duration = Duration::from_millis(100);
const DEADLINE: Duration = Duration::from_millis(200);
const ENDLESS_LOOP: &str = "while True:\n    pass";
const LONG_SLEEP: &str = "import time\ntime.sleep(30)";
const LOOP_TO_DEADLINE: &str =
    "import time\nt = time.monotonic()\nwhile time.monotonic() - t < 0.2:\n    pass";
const PRINT_THEN_LOOP: &str = "print('ready')\nwhile True:\n    pass";
const PRINT_THEN_END: &str = "print('ready')";

const SMALL_CELL: &str = "y = 1";
const EXIT: &str = "import os\nos._exit(0)";

struct Counts {
    forks: usize,
    deadlines: usize,
    first_lines: usize,
    small_cells: usize,
    rollbacks: usize,
}

fn main() -> Result<()> {
    let counts = if quick::quick_mode("SESSIONS_BENCH_QUICK") {
        Counts {
            forks: 3,
            deadlines: 3,
            first_lines: 3,
            small_cells: 5,
            rollbacks: 2,
        }
    } else {
        Counts {
            forks: 30,
            deadlines: 20,
            first_lines: 30,
            small_cells: 200,
            rollbacks: 20,
        }
    };
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run(&counts))
}

async fn run(counts: &Counts) -> Result<()> {
    let sandbox = Sandbox::new(SandboxConfig::new(Artifacts::load(
        &Artifacts::default_dir(),
    )?))
    .await?;

    eprintln!(
        "measuring 1/4: forks, saves and restores against a new session re-running the set-up"
    );
    let copies = copies(&sandbox, counts.forks).await?;
    eprintln!("measuring 2/4: cells past a 200 ms deadline");
    let looped = past_deadline(&sandbox, ENDLESS_LOOP, DEADLINE, counts).await?;
    let slept = past_deadline(&sandbox, LONG_SLEEP, DEADLINE, counts).await?;
    let ended = past_deadline(&sandbox, LOOP_TO_DEADLINE, Duration::from_secs(30), counts).await?;
    eprintln!("measuring 3/4: the first printed line");
    let live = first_lines(&sandbox, PRINT_THEN_LOOP, counts.first_lines).await?;
    let whole = first_lines(&sandbox, PRINT_THEN_END, counts.first_lines).await?;
    eprintln!("measuring 4/4: checkpoints and rollback");
    let checkpoints = checkpoints(&sandbox, counts).await?;

    println!("\n{:<58} {:>9} {:>9} {:>9}", "", "median", "p90", "min");
    row("fork (numpy, pandas, sympy, 10 MB array)", &copies.fork);
    row(
        "  the same, right after 3 sessions closed",
        &copies.busy_fork,
    );
    row("save (the same session)", &copies.save);
    row("restore (the same session)", &copies.restore);
    row("  baseline: new session running the set-up", &copies.replay);
    println!(
        "  fork {:.0}x and restore {:.0}x faster than the baseline; saved state {:.1} MiB",
        ratio(&copies.replay, &copies.fork),
        ratio(&copies.replay, &copies.restore),
        copies.saved_bytes as f64 / f64::from(1 << 20)
    );
    row("past the deadline: while True (KeyboardInterrupt)", &looped);
    row(
        "past the deadline: time.sleep(30) (KeyboardInterrupt)",
        &slept,
    );
    row(
        "  baseline: a loop ending by itself at the deadline",
        &ended,
    );
    row("first line of a cell still running", &live);
    row("  baseline: the same line from a cell that ends", &whole);
    row("small cell, session keeping checkpoints", &checkpoints.kept);
    row(
        "  baseline: small cell, session keeping none",
        &checkpoints.none,
    );
    println!(
        "  checkpoint cost per small cell: {:.2} ms (median difference)",
        (checkpoints.kept.median().as_secs_f64() - checkpoints.none.median().as_secs_f64()) * 1e3
    );
    row(
        "os._exit cell + next cell (rebuilt from checkpoint)",
        &checkpoints.rollback,
    );
    row(
        "  baseline: new session running the set-up",
        &checkpoints.replay,
    );
    Ok(())
}

fn row(name: &str, stats: &Stats) {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1e3);
    println!(
        "{name:<58} {:>9} {:>9} {:>9}   (n={})",
        ms(stats.median()),
        ms(stats.p90()),
        ms(stats.min()),
        stats.n()
    );
}

fn ratio(baseline: &Stats, measured: &Stats) -> f64 {
    baseline.median().as_secs_f64() / measured.median().as_secs_f64()
}

/// Runs `code` in `session` and fails unless it ends with `outcome`.
async fn run_cell(
    session: &Session,
    code: &str,
    limits: CellLimits,
    outcome: Outcome,
) -> Result<Vec<Event>> {
    let events = session.execute(code, limits)?.collect().await;
    match events.last() {
        Some(Event::End(end)) if end.outcome == outcome => Ok(events),
        _ => bail!("cell {code:?} did not end {outcome:?}: {events:#?}"),
    }
}

/// Times of copying a session's state, and of building it anew.
struct Copies {
    fork: Stats,
    busy_fork: Stats,
    save: Stats,
    restore: Stats,
    replay: Stats,
    saved_bytes: usize,
}

async fn copies(sandbox: &Sandbox, runs: usize) -> Result<Copies> {
    // As the service's sessions do: its memory is then shared from its checkpoint.
    let source = sandbox.create_session(InstanceLimits::default()).await?;
    source.keep_checkpoints()?;
    run_cell(&source, SETUP, CellLimits::default(), Outcome::Ok).await?;
    let (mut fork, mut busy_fork) = (vec![], vec![]);
    let (mut save, mut restore, mut replay) = (vec![], vec![], vec![]);
    let mut saved_bytes = 0;
    for _ in 0..runs {
        tokio::time::sleep(SETTLE).await;
        let started = Instant::now();
        let child = sandbox.fork_session(&source).await?;
        fork.push(started.elapsed());
        run_cell(&child, CHECK, CellLimits::default(), Outcome::Ok).await?;

        let started = Instant::now();
        let bytes = sandbox.save_session(&source).await?;
        save.push(started.elapsed());
        saved_bytes = bytes.len();
        let started = Instant::now();
        let restored = sandbox.restore_session(bytes).await?;
        restore.push(started.elapsed());
        run_cell(&restored, CHECK, CellLimits::default(), Outcome::Ok).await?;

        let started = Instant::now();
        let fresh = sandbox.create_session(InstanceLimits::default()).await?;
        run_cell(&fresh, SETUP, CellLimits::default(), Outcome::Ok).await?;
        replay.push(started.elapsed());
        run_cell(&fresh, CHECK, CellLimits::default(), Outcome::Ok).await?;

        drop((child, restored, fresh));
        let started = Instant::now();
        let child = sandbox.fork_session(&source).await?;
        busy_fork.push(started.elapsed());
        run_cell(&child, CHECK, CellLimits::default(), Outcome::Ok).await?;
    }
    Ok(Copies {
        fork: Stats::new(fork),
        busy_fork: Stats::new(busy_fork),
        save: Stats::new(save),
        restore: Stats::new(restore),
        replay: Stats::new(replay),
        saved_bytes,
    })
}

/// How long after [`DEADLINE`] cells running `code` under `timeout` end,
/// from the call to their last event, each in a session made for it; they
/// must time out when `timeout` is the deadline, and end well otherwise.
async fn past_deadline(
    sandbox: &Sandbox,
    code: &str,
    timeout: Duration,
    counts: &Counts,
) -> Result<Stats> {
    let limits = CellLimits {
        timeout,
        ..CellLimits::default()
    };
    let outcome = if timeout == DEADLINE {
        Outcome::Timeout
    } else {
        Outcome::Ok
    };
    let mut past = Vec::new();
    for _ in 0..counts.deadlines {
        let session = sandbox.create_session(InstanceLimits::default()).await?;
        let started = Instant::now();
        run_cell(&session, code, limits, outcome).await?;
        past.push(started.elapsed().saturating_sub(DEADLINE));
        // The session lives on after a soft interrupt.
        run_cell(&session, "1", CellLimits::default(), Outcome::Ok).await?;
    }
    Ok(Stats::new(past))
}

/// How long the first stream event of `code` takes to arrive; a cell still
/// running afterwards is interrupted.
async fn first_lines(sandbox: &Sandbox, code: &str, runs: usize) -> Result<Stats> {
    let session = sandbox.create_session(InstanceLimits::default()).await?;
    let mut first = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        let mut events = session.execute(code, CellLimits::default())?;
        loop {
            match events.next().await {
                Some(Event::Stream { .. }) => break,
                Some(_) => {}
                None => bail!("cell {code:?} printed nothing"),
            }
        }
        first.push(started.elapsed());
        session.interrupt();
        events.collect().await;
    }
    Ok(Stats::new(first))
}

/// Times of small cells with and without checkpoints, and of rollbacks.
struct Checkpoints {
    kept: Stats,
    none: Stats,
    rollback: Stats,
    replay: Stats,
}

async fn checkpoints(sandbox: &Sandbox, counts: &Counts) -> Result<Checkpoints> {
    let kept = sandbox.create_session(InstanceLimits::default()).await?;
    kept.keep_checkpoints()?;
    let none = sandbox.create_session(InstanceLimits::default()).await?;
    for session in [&kept, &none] {
        run_cell(session, SETUP, CellLimits::default(), Outcome::Ok).await?;
    }
    let (mut with, mut without) = (vec![], vec![]);
    for _ in 0..counts.small_cells {
        for (session, times) in [(&kept, &mut with), (&none, &mut without)] {
            let started = Instant::now();
            run_cell(session, SMALL_CELL, CellLimits::default(), Outcome::Ok).await?;
            times.push(started.elapsed());
        }
    }
    let (mut rollback, mut replay) = (vec![], vec![]);
    for _ in 0..counts.rollbacks {
        let started = Instant::now();
        let events = run_cell(&kept, EXIT, CellLimits::default(), Outcome::SandboxFault).await?;
        if !matches!(events.last(), Some(Event::End(end)) if end.rolled_back_to.is_some()) {
            bail!("the session was not rebuilt: {events:#?}");
        }
        run_cell(&kept, "1", CellLimits::default(), Outcome::Ok).await?;
        rollback.push(started.elapsed());
        run_cell(&kept, CHECK, CellLimits::default(), Outcome::Ok).await?;

        let started = Instant::now();
        let fresh = sandbox.create_session(InstanceLimits::default()).await?;
        run_cell(&fresh, SETUP, CellLimits::default(), Outcome::Ok).await?;
        replay.push(started.elapsed());
    }
    Ok(Checkpoints {
        kept: Stats::new(with),
        none: Stats::new(without),
        rollback: Stats::new(rollback),
        replay: Stats::new(replay),
    })
}
