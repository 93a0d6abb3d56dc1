//! Guest benchmarks: how fast the sandboxed CPython starts and runs, next to
//! the targets it should meet.
//!
//! Run with `cargo bench --bench guest` (needs the guest build of
//! `guest/build.sh`; the first run also builds the snapshot and compiles the
//! modules into the cache, which takes a while). For a quick smoke run with
//! tiny iteration counts set `GUEST_BENCH_QUICK=1` or pass `--quick`:
//! `cargo bench --bench guest -- --quick`. The native interpreter is the
//! `python3` on `PATH` (resolved to its real executable, so that launcher
//! shims such as pyenv's do not count), or `$GUEST_BENCH_PYTHON`.
//!
//! What is measured, in one run, printed as one table (median / p90 / min):
//!
//! 1. A fresh instance running `pass` started from the pre-initialized
//!    snapshot, against a sandbox with `preinitialized = false` that starts the
//!    interpreter from scratch in every instance (that start-up includes the
//!    cell runner's preload of the common modules and sympy). "End to end" is
//!    `Sandbox::run` from call to return (instance start and the cell; the
//!    instance is torn down in the background). Requests come 10 ms apart, so
//!    the sandbox's warm pool of started instances keeps up; a second row shows
//!    the same with the pool off (every instance started on demand). "Cell
//!    only" is the host's
//!    `Usage::wall_time`. The minor page faults per run are shown too (Linux):
//!    copy-on-write faults on the snapshot's memory image dominate a fresh start.
//! 2. `benches/workloads/cpu.py`, a pure-Python CPU workload, as a cell on a
//!    fresh instance against the native `python3` running the same file. The
//!    workload times itself with `time.perf_counter()` and prints the seconds;
//!    that in-interpreter time is the fair comparison (the end-to-end wall time
//!    is shown too). Sandbox and native runs alternate, so that machine load
//!    hits both alike.
//! 3. A fresh instance running `import sympy` and `sympy.solve(x**2 - 2, x)`,
//!    with the native `python3` doing the same (end to end) for context.
//! 4. The latency of a `1+1` cell in a warm session.
//! 5. A fresh instance running a small numpy cell (numpy is imported in the
//!    snapshot), with native numpy doing the same in a new process for context.
//! 6. `benches/workloads/numpy_work.py`, a numpy workload (elementwise math,
//!    reductions, sorting, matmul, linalg, fft, random, indexing), as a cell on
//!    a fresh instance against native numpy 2.2.6 (the PyPI wheel, installed
//!    by this bench into a venv of its own under the cache directory, pinned by
//!    `benches/workloads/numpy-requirements.txt`; or `$GUEST_BENCH_NUMPY_PYTHON`,
//!    an interpreter with numpy), alternating; each part's ratio is shown.

mod common;
#[path = "common/stats.rs"]
mod stats;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use code_interpreter::{
    Artifacts, CellLimits, Event, InstanceLimits, Outcome, Sandbox, SandboxConfig, StreamName,
    Value,
};
use stats::Stats;

const CPU_WORKLOAD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/workloads/cpu.py");
const SYMPY_CELL: &str = r#"import sympy; x = sympy.Symbol("x"); sympy.solve(x**2 - 2, x)"#;
const SYMPY_NATIVE: &str =
    r#"import sympy; x = sympy.Symbol("x"); print(sympy.solve(x**2 - 2, x))"#;
const SYMPY_ANSWER: &str = "[-sqrt(2), sqrt(2)]";
const NUMPY_WORKLOAD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/benches/workloads/numpy_work.py"
);
const NUMPY_REQUIREMENTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/benches/workloads/numpy-requirements.txt"
);
const NUMPY_CELL: &str =
    "import numpy as np\nx = np.linspace(0, 1, 1001)\nround(float(np.trapezoid(x**2, x)), 6)";
const NUMPY_NATIVE: &str = "import numpy as np\nx = np.linspace(0, 1, 1001)\nprint(round(float(np.trapezoid(x**2, x)), 6))";
const NUMPY_ANSWER: &str = "0.333334";

/// Pause between measured fresh-instance requests (not measured).
const REQUEST_GAP: Duration = Duration::from_millis(10);

const TARGET_FRESH_PASS: Duration = Duration::from_millis(1);
const TARGET_CPU_RATIO: f64 = 2.5;
const TARGET_SYMPY_FRESH: Duration = Duration::from_millis(100);

/// Iteration counts (measured runs; warm-up runs come on top).
struct Counts {
    fresh_snapshot: usize,
    fresh_scratch: usize,
    cpu_rounds: usize,
    sympy_sandbox: usize,
    sympy_native: usize,
    session_cells: usize,
    numpy_sandbox: usize,
    numpy_native: usize,
    numpy_rounds: usize,
    warmup: usize,
}

impl Counts {
    fn full() -> Self {
        Self {
            fresh_snapshot: 300,
            fresh_scratch: 10,
            cpu_rounds: 11,
            sympy_sandbox: 30,
            sympy_native: 5,
            session_cells: 500,
            numpy_sandbox: 30,
            numpy_native: 5,
            numpy_rounds: 5,
            warmup: 10,
        }
    }

    fn quick() -> Self {
        Self {
            fresh_snapshot: 20,
            fresh_scratch: 1,
            cpu_rounds: 1,
            sympy_sandbox: 3,
            sympy_native: 1,
            session_cells: 20,
            numpy_sandbox: 3,
            numpy_native: 1,
            numpy_rounds: 1,
            warmup: 1,
        }
    }

    fn from_env() -> Self {
        if common::quick_mode("GUEST_BENCH_QUICK") {
            Self::quick()
        } else {
            Self::full()
        }
    }
}

fn main() -> Result<()> {
    let counts = Counts::from_env();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(&counts))
}

async fn run(counts: &Counts) -> Result<()> {
    let artifacts = Artifacts::load(&Artifacts::default_dir())?;
    let python = common::native_python("GUEST_BENCH_PYTHON")?;
    eprintln!(
        "guest build {}; native interpreter {}",
        artifacts.build_id,
        python.display()
    );
    let snapshot = new_sandbox(&artifacts, true, true).await?;
    let cold = new_sandbox(&artifacts, true, false).await?;
    let scratch = new_sandbox(&artifacts, false, false).await?;

    let numpy_python = native_numpy_python()?;
    eprintln!("native numpy interpreter {}", numpy_python.display());

    eprintln!("measuring 1/6: fresh instances running `pass`");
    let ok = |_: &[Event]| Ok(());
    let pass_snapshot = fresh_runs(
        &snapshot,
        "pass",
        counts.warmup * 2,
        counts.fresh_snapshot,
        ok,
    )
    .await?;
    let pass_cold = fresh_runs(&cold, "pass", counts.warmup, counts.fresh_snapshot, ok).await?;
    drop(cold);
    let pass_scratch = fresh_runs(&scratch, "pass", 1, counts.fresh_scratch, ok).await?;
    drop(scratch);

    eprintln!("measuring 2/6: CPU workload, sandbox and native alternating");
    let cpu = cpu_rounds(&snapshot, &python, counts.cpu_rounds).await?;

    eprintln!("measuring 3/6: fresh instances running sympy");
    let sympy = sympy_runs(&snapshot, &python, counts).await?;

    eprintln!("measuring 4/6: `1+1` cells in a warm session");
    let session = session_cells(&snapshot, counts.warmup * 2, counts.session_cells).await?;

    eprintln!("measuring 5/6: fresh instances running a numpy cell");
    let numpy_fresh = numpy_runs(&snapshot, &numpy_python, counts).await?;

    eprintln!("measuring 6/6: numpy workload, sandbox and native numpy alternating");
    let numpy_work = numpy_rounds(&snapshot, &numpy_python, counts.numpy_rounds).await?;

    print_report(
        &pass_snapshot,
        &pass_cold,
        &pass_scratch,
        &cpu,
        &sympy,
        &session,
    );
    print_numpy(&numpy_fresh, &numpy_work);
    Ok(())
}

/// A sandbox from the snapshot or not, with or without warm instances.
async fn new_sandbox(artifacts: &Artifacts, preinitialized: bool, warm: bool) -> Result<Sandbox> {
    let mut config = SandboxConfig::new(artifacts.clone());
    config.preinitialized = preinitialized;
    if !warm {
        config.warm_instances = 0;
    }
    let started = Instant::now();
    let sandbox = Sandbox::new(config).await?;
    eprintln!(
        "sandbox (preinitialized = {preinitialized}, warm = {warm}) ready in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(sandbox)
}

/// Runs `code` on a fresh instance, failing unless the cell ended `ok`.
async fn run_cell(sandbox: &Sandbox, code: &str) -> Result<Vec<Event>> {
    let events = sandbox
        .run(code, InstanceLimits::default(), CellLimits::default())
        .await?;
    check_ok(code, &events)?;
    Ok(events)
}

fn check_ok(code: &str, events: &[Event]) -> Result<()> {
    match events.last() {
        Some(Event::End(end)) if end.outcome == Outcome::Ok => Ok(()),
        _ => bail!("cell {code:?} did not end ok: {events:#?}"),
    }
}

fn cell_wall_time(events: &[Event]) -> Duration {
    match events.last() {
        Some(Event::End(end)) => end.usage.wall_time,
        _ => Duration::ZERO,
    }
}

fn stdout_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        if let Event::Stream {
            name: StreamName::Stdout,
            text: chunk,
        } = event
        {
            text.push_str(chunk);
        }
    }
    text
}

fn result_text(events: &[Event]) -> Option<&str> {
    events.iter().find_map(|event| match event {
        Event::Result(result) => Some(result.text_plain.as_str()),
        _ => None,
    })
}

/// Runs of a cell on fresh instances.
struct FreshStats {
    /// `Sandbox::run` from call to return: instance start, the cell, the end event.
    end_to_end: Stats,
    /// The cell alone, as the host timed it (`Usage::wall_time`).
    cell: Stats,
    /// Minor page faults of this process per run (Linux only): mostly the
    /// copy-on-write faults of the guest touching its memory image.
    page_faults: Option<u64>,
}

impl FreshStats {
    fn page_fault_note(&self) -> String {
        self.page_faults.map_or_else(String::new, |faults| {
            format!("{faults} minor page faults/run")
        })
    }
}

/// `runs` fresh instances running `code`, after `warmup` unmeasured ones;
/// `check` inspects each run's events.
async fn fresh_runs(
    sandbox: &Sandbox,
    code: &str,
    warmup: usize,
    runs: usize,
    check: impl Fn(&[Event]) -> Result<()>,
) -> Result<FreshStats> {
    for _ in 0..warmup {
        check(&run_cell(sandbox, code).await?)?;
    }
    let (mut end_to_end, mut cell) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    let faults_before = minor_page_faults();
    for _ in 0..runs {
        let started = Instant::now();
        let events = run_cell(sandbox, code).await?;
        end_to_end.push(started.elapsed());
        cell.push(cell_wall_time(&events));
        check(&events)?;
        // Requests arrive with gaps, as an agent's do; the warm pool refills.
        tokio::time::sleep(REQUEST_GAP).await;
    }
    let page_faults = faults_before
        .zip(minor_page_faults())
        .map(|(before, after)| (after - before) / runs as u64);
    Ok(FreshStats {
        end_to_end: Stats::new(end_to_end),
        cell: Stats::new(cell),
        page_faults,
    })
}

/// Minor page faults of this process so far (field 10 of `/proc/self/stat`).
fn minor_page_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields = &stat[stat.rfind(')')? + 2..];
    fields.split(' ').nth(7)?.parse().ok()
}

/// What one run of the CPU workload reported.
struct WorkloadRun {
    /// Time of the work, measured inside the interpreter.
    inside: Duration,
    /// Time from starting the instance or process until it finished.
    end_to_end: Duration,
    checksum: String,
    /// `part_<name>=<seconds>` lines (the numpy workload's parts).
    parts: Vec<(String, Duration)>,
}

fn parse_workload_output(stdout: &str, end_to_end: Duration) -> Result<WorkloadRun> {
    let field = |key: &str| {
        stdout
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .map(str::trim)
            .with_context(|| format!("no {key:?} line in the workload output {stdout:?}"))
    };
    let seconds: f64 = field("elapsed_seconds=")?.parse()?;
    let mut parts = Vec::new();
    for line in stdout.lines() {
        if let Some((name, value)) = line.strip_prefix("part_").and_then(|l| l.split_once('=')) {
            parts.push((
                name.to_owned(),
                Duration::from_secs_f64(value.trim().parse()?),
            ));
        }
    }
    Ok(WorkloadRun {
        inside: Duration::from_secs_f64(seconds),
        end_to_end,
        checksum: field("checksum=")?.to_owned(),
        parts,
    })
}

async fn cpu_in_sandbox(sandbox: &Sandbox, code: &str) -> Result<WorkloadRun> {
    let started = Instant::now();
    let events = run_cell(sandbox, code).await?;
    parse_workload_output(&stdout_text(&events), started.elapsed())
}

fn cpu_native(python: &Path) -> Result<WorkloadRun> {
    let started = Instant::now();
    let stdout = native_output(Command::new(python).arg(CPU_WORKLOAD))?;
    parse_workload_output(&stdout, started.elapsed())
}

struct CpuStats {
    sandbox_inside: Stats,
    sandbox_end_to_end: Stats,
    native_inside: Stats,
    native_end_to_end: Stats,
}

/// One warm-up run each, then `rounds` rounds of one sandbox and one native run.
async fn cpu_rounds(sandbox: &Sandbox, python: &Path, rounds: usize) -> Result<CpuStats> {
    let code =
        std::fs::read_to_string(CPU_WORKLOAD).with_context(|| format!("reading {CPU_WORKLOAD}"))?;
    let warm_sandbox = cpu_in_sandbox(sandbox, &code).await?;
    let warm_native = cpu_native(python)?;
    ensure!(
        warm_sandbox.checksum == warm_native.checksum,
        "the workload computed different checksums: sandbox {}, native {}",
        warm_sandbox.checksum,
        warm_native.checksum
    );
    let (mut in_sandbox, mut native) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        in_sandbox.push(cpu_in_sandbox(sandbox, &code).await?);
        native.push(cpu_native(python)?);
    }
    let stats = |runs: &[WorkloadRun], pick: fn(&WorkloadRun) -> Duration| {
        Stats::new(runs.iter().map(pick).collect())
    };
    Ok(CpuStats {
        sandbox_inside: stats(&in_sandbox, |run| run.inside),
        sandbox_end_to_end: stats(&in_sandbox, |run| run.end_to_end),
        native_inside: stats(&native, |run| run.inside),
        native_end_to_end: stats(&native, |run| run.end_to_end),
    })
}

struct SympyStats {
    sandbox: FreshStats,
    native_end_to_end: Stats,
}

async fn sympy_runs(sandbox: &Sandbox, python: &Path, counts: &Counts) -> Result<SympyStats> {
    let check = |events: &[Event]| {
        ensure!(
            result_text(events) == Some(SYMPY_ANSWER),
            "unexpected sympy result: {events:#?}"
        );
        Ok(())
    };
    let warmup = counts.warmup.min(3);
    let in_sandbox = fresh_runs(sandbox, SYMPY_CELL, warmup, counts.sympy_sandbox, check).await?;
    native_output(Command::new(python).args(["-c", SYMPY_NATIVE]))?; // warm-up
    let mut native = Vec::new();
    for _ in 0..counts.sympy_native {
        let started = Instant::now();
        let stdout = native_output(Command::new(python).args(["-c", SYMPY_NATIVE]))?;
        native.push(started.elapsed());
        ensure!(
            stdout.trim() == SYMPY_ANSWER,
            "unexpected native sympy output {stdout:?}"
        );
    }
    Ok(SympyStats {
        sandbox: in_sandbox,
        native_end_to_end: Stats::new(native),
    })
}

/// Latency of `1+1` cells (execute until the end event) in one warm session.
async fn session_cells(sandbox: &Sandbox, warmup: usize, cells: usize) -> Result<Stats> {
    let session = sandbox.create_session(InstanceLimits::default()).await?;
    let mut samples = Vec::with_capacity(cells);
    for i in 0..warmup + cells {
        let started = Instant::now();
        let events = session
            .execute("1+1", CellLimits::default())?
            .collect()
            .await;
        let elapsed = started.elapsed();
        check_ok("1+1", &events)?;
        let two = events.iter().any(|event| {
            matches!(event, Event::Result(result) if result.value == Value::Int { value: "2".to_owned() })
        });
        ensure!(two, "`1+1` did not evaluate to 2: {events:#?}");
        if i >= warmup {
            samples.push(elapsed);
        }
    }
    Ok(Stats::new(samples))
}

/// The native interpreter with numpy: `$GUEST_BENCH_NUMPY_PYTHON`, else a venv
/// under the cache directory with the pinned numpy wheel, made on first use.
fn native_numpy_python() -> Result<std::path::PathBuf> {
    if let Some(python) = std::env::var_os("GUEST_BENCH_NUMPY_PYTHON") {
        return Ok(python.into());
    }
    let cache = std::env::var_os("CODE_INTERPRETER_CACHE").map_or_else(
        || {
            let home = std::env::var_os("HOME").unwrap_or_else(|| "/tmp".into());
            std::path::PathBuf::from(home).join(".cache/code-interpreter")
        },
        std::path::PathBuf::from,
    );
    let venv = cache.join("numpy-bench-venv");
    let python = venv.join("bin").join("python");
    let ready = Command::new(&python)
        .args(["-c", "import numpy; assert numpy.__version__ == '2.2.6'"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !ready {
        eprintln!("installing native numpy into {}", venv.display());
        native_output(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
        native_output(
            Command::new(venv.join("bin").join("pip"))
                .args([
                    "install",
                    "--quiet",
                    "--only-binary=:all:",
                    "--require-hashes",
                    "-r",
                ])
                .arg(NUMPY_REQUIREMENTS),
        )?;
    }
    Ok(python)
}

async fn numpy_runs(sandbox: &Sandbox, python: &Path, counts: &Counts) -> Result<SympyStats> {
    let check = |events: &[Event]| {
        ensure!(
            result_text(events) == Some(NUMPY_ANSWER),
            "unexpected numpy result: {events:#?}"
        );
        Ok(())
    };
    let warmup = counts.warmup.min(3);
    let in_sandbox = fresh_runs(sandbox, NUMPY_CELL, warmup, counts.numpy_sandbox, check).await?;
    native_output(Command::new(python).args(["-c", NUMPY_NATIVE]))?; // warm-up
    let mut native = Vec::new();
    for _ in 0..counts.numpy_native {
        let started = Instant::now();
        let stdout = native_output(Command::new(python).args(["-c", NUMPY_NATIVE]))?;
        native.push(started.elapsed());
        ensure!(
            stdout.trim() == NUMPY_ANSWER,
            "unexpected native numpy output {stdout:?}"
        );
    }
    Ok(SympyStats {
        sandbox: in_sandbox,
        native_end_to_end: Stats::new(native),
    })
}

struct NumpyWorkStats {
    cpu: CpuStats,
    /// Per part: name, sandbox median, native median.
    parts: Vec<(String, Duration, Duration)>,
}

fn numpy_native_run(python: &Path) -> Result<WorkloadRun> {
    let started = Instant::now();
    let stdout = native_output(Command::new(python).arg(NUMPY_WORKLOAD))?;
    parse_workload_output(&stdout, started.elapsed())
}

/// One warm-up run each, then `rounds` rounds of one sandbox and one native run.
async fn numpy_rounds(sandbox: &Sandbox, python: &Path, rounds: usize) -> Result<NumpyWorkStats> {
    let code = std::fs::read_to_string(NUMPY_WORKLOAD)
        .with_context(|| format!("reading {NUMPY_WORKLOAD}"))?;
    let warm_sandbox = cpu_in_sandbox(sandbox, &code).await?;
    let warm_native = numpy_native_run(python)?;
    let (a, b): (f64, f64) = (
        warm_sandbox.checksum.parse()?,
        warm_native.checksum.parse()?,
    );
    ensure!(
        (a - b).abs() <= 1e-6 * b.abs().max(1.0),
        "the numpy workload computed different checksums: sandbox {a}, native {b}"
    );
    let (mut in_sandbox, mut native) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        in_sandbox.push(cpu_in_sandbox(sandbox, &code).await?);
        native.push(numpy_native_run(python)?);
    }
    let stats = |runs: &[WorkloadRun], pick: fn(&WorkloadRun) -> Duration| {
        Stats::new(runs.iter().map(pick).collect())
    };
    let part = |runs: &[WorkloadRun], index: usize| {
        Stats::new(runs.iter().map(|run| run.parts[index].1).collect()).median()
    };
    let parts = (0..warm_sandbox.parts.len())
        .map(|i| {
            (
                warm_sandbox.parts[i].0.clone(),
                part(&in_sandbox, i),
                part(&native, i),
            )
        })
        .collect();
    Ok(NumpyWorkStats {
        cpu: CpuStats {
            sandbox_inside: stats(&in_sandbox, |run| run.inside),
            sandbox_end_to_end: stats(&in_sandbox, |run| run.end_to_end),
            native_inside: stats(&native, |run| run.inside),
            native_end_to_end: stats(&native, |run| run.end_to_end),
        },
        parts,
    })
}

/// Runs a native command to completion, failing unless it exits successfully.
fn native_output(command: &mut Command) -> Result<String> {
    let output = command
        .output()
        .with_context(|| format!("starting {command:?}"))?;
    ensure!(
        output.status.success(),
        "{command:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(String::from_utf8(output.stdout)?)
}

fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1e3)
}

fn ratio(numerator: Duration, denominator: Duration) -> f64 {
    numerator.as_secs_f64() / denominator.as_secs_f64()
}

fn verdict(met: bool) -> &'static str {
    if met { "MET" } else { "MISSED" }
}

fn print_header(title: &str) {
    println!("\n{title}");
}

fn print_row(label: &str, stats: &Stats, note: &str) {
    println!(
        "  {label:<40} {:>4} {:>12} {:>12} {:>12}  {note}",
        stats.n(),
        ms(stats.median()),
        ms(stats.p90()),
        ms(stats.min())
    );
}

fn print_ratio(label: &str, value: f64, note: &str) {
    println!("  {label:<58} {value:>9.2}x  {note}");
}

/// The end-to-end and cell-only rows of fresh-instance runs; `target` goes
/// next to the end-to-end median.
fn print_fresh(label: &str, stats: &FreshStats, target: Option<Duration>) {
    let note = target.map_or_else(String::new, |target| {
        let met = stats.end_to_end.median() <= target;
        format!("median <= {}: {}", ms(target), verdict(met))
    });
    print_row(&format!("{label}, end to end"), &stats.end_to_end, &note);
    let cell_label = format!("{label}, cell only");
    print_row(&cell_label, &stats.cell, &stats.page_fault_note());
}

fn print_report(
    pass_snapshot: &FreshStats,
    pass_cold: &FreshStats,
    pass_scratch: &FreshStats,
    cpu: &CpuStats,
    sympy: &SympyStats,
    session: &Stats,
) {
    println!(
        "\n  {:<40} {:>4} {:>12} {:>12} {:>12}  target / notes",
        "benchmark", "n", "median", "p90", "min"
    );
    println!(
        "  (\"cell only\" is the host's Usage.wall_time; the rest of end to end is instance start-up)"
    );
    print_fresh_pass(pass_snapshot, pass_cold, pass_scratch);
    print_cpu(cpu);
    print_sympy(sympy);
    print_header("4. warm session running `1+1`");
    print_row("cell latency (execute to end event)", session, "");
}

fn print_fresh_pass(snapshot: &FreshStats, cold: &FreshStats, scratch: &FreshStats) {
    print_header("1. fresh instance running `pass` (10 ms between requests)");
    print_fresh("from the snapshot", snapshot, Some(TARGET_FRESH_PASS));
    print_fresh("from the snapshot, no warm pool", cold, None);
    print_fresh("without the snapshot", scratch, None);
    let speedup = ratio(scratch.end_to_end.median(), snapshot.end_to_end.median());
    print_ratio("without / with snapshot, end to end (medians)", speedup, "");
}

fn print_cpu(cpu: &CpuStats) {
    print_header("2. CPU workload benches/workloads/cpu.py (sandbox and native runs alternate)");
    print_row(
        "sandbox, timed inside (perf_counter)",
        &cpu.sandbox_inside,
        "",
    );
    print_row("native python3, timed inside", &cpu.native_inside, "");
    print_row(
        "sandbox, end to end (fresh instance)",
        &cpu.sandbox_end_to_end,
        "",
    );
    print_row(
        "native python3, end to end (process)",
        &cpu.native_end_to_end,
        "",
    );
    let inside = ratio(cpu.sandbox_inside.median(), cpu.native_inside.median());
    let met = inside <= TARGET_CPU_RATIO;
    let note = format!("<= {TARGET_CPU_RATIO}x: {}", verdict(met));
    print_ratio("sandbox / native, timed inside (medians)", inside, &note);
    let end_to_end = ratio(
        cpu.sandbox_end_to_end.median(),
        cpu.native_end_to_end.median(),
    );
    print_ratio("sandbox / native, end to end (medians)", end_to_end, "");
}

fn print_sympy(sympy: &SympyStats) {
    print_header("3. fresh instance running `import sympy; sympy.solve(x**2 - 2, x)`");
    print_fresh("sandbox", &sympy.sandbox, Some(TARGET_SYMPY_FRESH));
    print_row(
        "native python3, end to end (process)",
        &sympy.native_end_to_end,
        "",
    );
    let end_to_end = ratio(
        sympy.sandbox.end_to_end.median(),
        sympy.native_end_to_end.median(),
    );
    print_ratio("sandbox / native, end to end (medians)", end_to_end, "");
}

fn print_numpy(fresh: &SympyStats, work: &NumpyWorkStats) {
    print_header(
        "5. fresh instance running a numpy cell (linspace + trapezoid; numpy in the snapshot)",
    );
    print_fresh("sandbox", &fresh.sandbox, None);
    print_row(
        "native numpy, end to end (process)",
        &fresh.native_end_to_end,
        "",
    );
    let end_to_end = ratio(
        fresh.sandbox.end_to_end.median(),
        fresh.native_end_to_end.median(),
    );
    print_ratio("sandbox / native, end to end (medians)", end_to_end, "");

    print_header(
        "6. numpy workload benches/workloads/numpy_work.py (sandbox: wasm32, no SIMD, no BLAS; \
         native: numpy 2.2.6 wheel)",
    );
    let cpu = &work.cpu;
    print_row(
        "sandbox, timed inside (sum of parts)",
        &cpu.sandbox_inside,
        "",
    );
    print_row("native numpy, timed inside", &cpu.native_inside, "");
    print_row(
        "sandbox, end to end (fresh instance)",
        &cpu.sandbox_end_to_end,
        "",
    );
    print_row(
        "native numpy, end to end (process)",
        &cpu.native_end_to_end,
        "",
    );
    println!(
        "  {:<40} {:>12} {:>12} {:>10}",
        "part (best of 3, median of rounds)", "sandbox", "native", "ratio"
    );
    for (name, sandbox, native) in &work.parts {
        println!(
            "  {name:<40} {:>12} {:>12} {:>9.2}x",
            ms(*sandbox),
            ms(*native),
            ratio(*sandbox, *native)
        );
    }
    let inside = ratio(cpu.sandbox_inside.median(), cpu.native_inside.median());
    print_ratio("sandbox / native, timed inside (medians)", inside, "");
}
