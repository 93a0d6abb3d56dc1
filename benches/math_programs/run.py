"""Program-of-thought batch benchmark: the service's ExecuteBatch against
native python3, on a corpus of model-style math programs (benches/math_programs/programs.py).

Run with benches/math_programs/run.sh (it sets up a venv with grpcio and sympy, builds
the release server and passes its arguments here). `--quick` or
POT_BENCH_QUICK=1 runs 100 programs instead of 1,000; `--count N` picks
another size; `--no-sweep` skips the service's extra settings.

Three executors run the same corpus, one after another, each with a time limit
of TIMEOUT_S per program; every program's answer is the repr of `solution()`:

  S    the real `code-interpreter serve` binary on a free loopback port, the
       whole corpus in ONE ExecuteBatch call (answer: expression "solution()",
       limits.timeout_ms, max_parallel 0 = the server's default, 4 per core); each program
       gets a fresh sandboxed interpreter (sympy already imported in its
       snapshot). A sweep tries other max_parallel values and chunkings.
  (a)  a native python3 process per program (`python3 -c CODE`, printing the
       repr of solution() after a marker line), as many at once as there are
       cores: the isolation the sandbox gives, one interpreter per program.
  (b)  as many reused native worker processes as cores (benches/math_programs/worker.py),
       each exec-ing programs in a fresh dict: no isolation between programs,
       sympy imported once per worker; a worker that overruns is killed and
       replaced, as the pools of math benchmark harnesses do.

The native interpreter is the python3 on PATH resolved to its real executable
(run.sh puts the venv's first), or $POT_BENCH_PYTHON; it needs sympy.

Reported: programs per second and CPU time of each executor (for S the
server process's, for (a) and (b) the native processes') and the ratios
against the targets; whether every S setting ended every program alike;
time per kind of program and the slowest programs (also for S at
max_parallel = cores, where cell times are not stretched by waiting for a
core); and answer agreement of S with (b) and (a), program by program (the
repr texts must be equal; failures agree with failures).
"""

import argparse
import concurrent.futures
import json
import os
import queue
import resource
import select
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import programs as corpus

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORKER = HERE / "worker.py"

TIMEOUT_S = 5.0
ANSWER = "solution()"
CORES = os.cpu_count() or 1
FULL_COUNT = 1000
QUICK_COUNT = 100

TARGET_VS_PROCESSES = 5.0
TARGET_VS_POOL = 0.5

# Printed before the answer by executor (a), so that the program's own prints
# can be told apart from it.
MARK = "\x1e\x1eANSWER\x1e\x1e"
STARTUP_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Run:
    """How one program ended on one executor.

    status is "ok", "error", "timeout" or another failure; answer is the
    repr text for "ok"; error is one line on what went wrong; seconds is
    the program's time (for S the sandbox's cell time, otherwise from
    handing it out until its result).
    """

    status: str
    answer: str = ""
    error: str = ""
    seconds: float = 0.0

    @property
    def failed(self):
        return self.status != "ok"

    def failure_kind(self):
        """The exception class name, or the status for other failures."""
        return self.error.split(":", 1)[0] if self.status == "error" else self.status

    def describe(self, width=70):
        """The answer's repr text, or the failure in angle brackets."""
        text = self.answer if not self.failed else f"<{self.error}>"
        return text if len(text) <= width else text[: width - 3] + "..."


@dataclass
class Measurement:
    """One executor's pass over the corpus: a short name for columns, a
    label, the Runs in corpus order, the wall time and the CPU time of the
    processes running the programs (the server for S)."""

    name: str
    label: str
    runs: list
    wall_s: float
    cpu_s: float

    @property
    def rate(self):
        return len(self.runs) / self.wall_s

    @property
    def cpu_share(self):
        """CPU time over the machine's capacity during the run."""
        return self.cpu_s / (self.wall_s * CORES)

    def count(self, status):
        return sum(run.status == status for run in self.runs)


# ---------------------------------------------------------------------------
# Settings and the native interpreter


def parse_args():
    """Command-line settings; POT_BENCH_QUICK=1 is --quick."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_COUNT} programs")
    parser.add_argument("--count", type=int, help=f"number of programs (default {FULL_COUNT})")
    parser.add_argument("--no-sweep", action="store_true", help="only the default service setting")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("POT_BENCH_QUICK", "") not in ("", "0")
    args.count = args.count or (QUICK_COUNT if quick else FULL_COUNT)
    return args


def native_python():
    """The native interpreter's real executable and a description of it."""
    python = os.environ.get("POT_BENCH_PYTHON", "python3")
    probe = (
        "import os, platform, sys\n"
        "print(sys.executable)\n"
        "print(f'{platform.python_implementation()} {platform.python_version()}, '"
        " f'{os.path.realpath(sys.executable)}', end='')\n"
        "import sympy, mpmath\n"
        "print(f', sympy {sympy.__version__}, mpmath {mpmath.__version__}')\n"
    )
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{python} cannot run the corpus (it needs sympy; use benches/math_programs/run.sh):\n{done.stderr}")
    executable, description = done.stdout.splitlines()
    return executable, description


# ---------------------------------------------------------------------------
# S: the service


class Server:
    """The `code-interpreter serve` child process; a context manager that
    stops it with SIGTERM (SIGKILL after STOP_TIMEOUT_S)."""

    def __init__(self, log_path):
        target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
        binary = target / "release" / "code-interpreter"
        if not binary.exists():
            sys.exit(f"{binary} is missing: cargo build -j 2 --release --bin code-interpreter")
        self.address = f"127.0.0.1:{free_port()}"
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [binary, "serve", "--listen", self.address],
                env={**os.environ, "RUST_LOG": "warn"},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )

    def __enter__(self):
        return self

    def cpu_seconds(self):
        """The server process's user + system CPU time so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            print("the server did not stop after SIGTERM; killing it", file=sys.stderr)
            self.process.kill()
            self.process.wait()

    def wait_until_serving(self, grpc):
        """Polls grpc.health.v1 until the server answers SERVING."""
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        with grpc.insecure_channel(self.address) as channel:
            # HealthCheckRequest{service: ""} is empty; SERVING is field 1 = 1.
            check = channel.unary_unary("/grpc.health.v1.Health/Check")
            while True:
                if self.process.poll() is not None:
                    log = Path(self.log_path).read_text(errors="replace")[-2000:]
                    sys.exit(f"the server exited during start-up:\n{log}")
                try:
                    if check(b"", timeout=2) == b"\x08\x01":
                        return
                except grpc.RpcError:
                    pass
                if time.monotonic() > deadline:
                    sys.exit(f"the server did not report SERVING within {STARTUP_TIMEOUT_S} s")
                time.sleep(0.1)


def free_port():
    """A loopback port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service:
    """An ExecuteBatch client of the running server (the project's Python client)."""

    def __init__(self, address):
        from code_interpreter_client import Client

        self.client = Client(address)

    def batch(self, codes, max_parallel=0, answer=ANSWER):
        """Runs codes in one ExecuteBatch call; their Runs in input order."""
        runs = [None] * len(codes)
        results = self.client.batch(codes, answer=("expression", answer),
                                    max_parallel=max_parallel, timeout=TIMEOUT_S)
        for result in results:
            runs[result.index] = self.run_of(result)
        missing = [index for index, run in enumerate(runs) if run is None]
        if missing:
            sys.exit(f"ExecuteBatch sent no result for programs {missing[:10]}")
        return runs

    @staticmethod
    def run_of(result):
        """The Run of a BatchResult."""
        seconds = result.usage.wall_time_us / 1e6
        if result.ok:
            return Run("ok", answer=result.answer_text, seconds=seconds)
        return Run(result.outcome, error=result.short_error, seconds=seconds)

    def sandbox_description(self):
        """The sandbox's Python, sympy and mpmath versions (one small batch,
        which also warms the server up)."""
        code = "import platform, sympy, mpmath"
        answer = "f'{platform.python_implementation()} {platform.python_version()}, sympy {sympy.__version__}, mpmath {mpmath.__version__}'"
        (run,) = self.batch([code], answer=answer)
        return run.answer.strip("'") if run.status == "ok" else f"unknown ({run.error})"


def sweep_settings(count):
    """(name, label, function running codes) for each service setting
    measured; the first is the default: one call, max_parallel 0."""
    chunk = max(1, count // 10)
    quarter = -(-count // 4)
    settings = [("S", "one call, max_parallel 0 (server default)", lambda service, codes: service.batch(codes))]
    for parallel in sorted({CORES, 4, 8, 16}):
        settings.append((f"S@{parallel}", f"one call, max_parallel {parallel}",
                         lambda service, codes, parallel=parallel: service.batch(codes, parallel)))
    settings.append(("S/chunks", f"{-(-count // chunk)} calls of {chunk} in turn, max_parallel 0",
                     lambda service, codes: chunked(service, codes, chunk, 1)))
    settings.append(("S/4calls", f"4 concurrent calls of {quarter}, max_parallel 0",
                     lambda service, codes: chunked(service, codes, quarter, 4)))
    return settings


def chunked(service, codes, size, concurrency):
    """Runs codes as ExecuteBatch calls of `size` programs, `concurrency` at once."""
    chunks = [codes[start:start + size] for start in range(0, len(codes), size)]
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        return [run for runs in pool.map(service.batch, chunks) for run in runs]


def measure_service(codes, sweep):
    """S: starts the server, runs the corpus with each setting; the
    measurements (the default first) and the sandbox's description."""
    import grpc

    with tempfile.TemporaryDirectory(prefix="pot-bench-") as tmp:
        with Server(Path(tmp) / "server.log") as server:
            started = time.monotonic()
            server.wait_until_serving(grpc)
            print(f"server serving on {server.address} after {time.monotonic() - started:.2f} s", file=sys.stderr)
            service = Service(server.address)
            description = service.sandbox_description()
            settings = sweep_settings(len(codes))
            measurements = []
            for name, label, run in settings if sweep else settings[:1]:
                print(f"{name}: {label}", file=sys.stderr)
                measurements.append(timed(name, label, lambda: run(service, codes), server.cpu_seconds))
            service.client.close()
    return measurements, description


def timed(name, label, run_all, cpu_seconds):
    """A Measurement of run_all(), which returns the Runs; cpu_seconds()
    gives the running CPU time of the processes that do the work."""
    cpu, started = cpu_seconds(), time.perf_counter()
    runs = run_all()
    wall = time.perf_counter() - started
    return Measurement(name, label, runs, wall, cpu_seconds() - cpu)


def children_cpu_seconds():
    """User + system CPU time of this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------------------
# (a): a native process per program


def run_process(python, code):
    """Runs code + the answer print in a fresh `python -c` process."""
    source = f"{code}\nprint({MARK!r} + repr({ANSWER}))\n"
    started = time.perf_counter()
    try:
        done = subprocess.run([python, "-c", source], capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return Run("timeout", error="timeout", seconds=time.perf_counter() - started)
    seconds = time.perf_counter() - started
    if done.returncode == 0 and MARK in done.stdout:
        answer = done.stdout.rsplit(MARK, 1)[1].removesuffix("\n")
        return Run("ok", answer=answer, seconds=seconds)
    lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
    return Run("error", error=lines[-1], seconds=seconds)


def measure_processes(python, codes):
    """(a): every program in its own process, CORES at a time."""
    with concurrent.futures.ThreadPoolExecutor(CORES) as pool:
        return timed("(a)", f"python3 -c per program, {CORES} at once",
                     lambda: list(pool.map(lambda code: run_process(python, code), codes)),
                     children_cpu_seconds)


# ---------------------------------------------------------------------------
# (b): a pool of reused native workers


class Worker:
    """A worker.py process taking one program at a time over its pipes."""

    def __init__(self, python):
        self.python = python
        self.process = self.start()

    def start(self):
        return subprocess.Popen([self.python, str(WORKER)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True, encoding="utf-8")

    def run(self, code):
        """Runs one program; kills and replaces the process on timeout or
        when it dies."""
        started = time.perf_counter()
        self.process.stdin.write(json.dumps({"code": code, "answer": ANSWER}) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], TIMEOUT_S)
        line = self.process.stdout.readline() if ready else ""
        seconds = time.perf_counter() - started
        if not line:
            self.replace()
            status = "timeout" if not ready else "worker died"
            return Run(status, error=status, seconds=seconds)
        response = json.loads(line)
        if response["ok"]:
            return Run("ok", answer=response["answer"], seconds=seconds)
        return Run("error", error=response["error"], seconds=seconds)

    def replace(self):
        self.stop()
        self.process = self.start()

    def stop(self):
        self.process.kill()
        self.process.wait()


def measure_pool(python, codes):
    """(b): CORES reused workers (started before the clock, stopped on it so
    that their CPU time counts), each taking the next program from a shared
    queue."""
    workers = [Worker(python) for _ in range(CORES)]
    todo = queue.SimpleQueue()
    for index, code in enumerate(codes):
        todo.put((index, code))
    runs = [None] * len(codes)

    def serve(worker):
        while True:
            try:
                index, code = todo.get_nowait()
            except queue.Empty:
                return
            runs[index] = worker.run(code)

    def run_all():
        threads = [threading.Thread(target=serve, args=(worker,)) for worker in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for worker in workers:
            worker.stop()
        return runs

    return timed("(b)", f"{CORES} reused workers, exec per program", run_all, children_cpu_seconds)


def warm_native(python):
    """One `import sympy` natively, so that (a) does not pay a cold file cache."""
    subprocess.run([python, "-c", "import sympy"], check=True)


# ---------------------------------------------------------------------------
# Report


def print_table(title, measurements):
    """Throughput, CPU use and outcomes of each measurement."""
    print(f"\n{title}")
    print(f"  {'':<9} {'':<42} {'wall s':>7} {'prog/s':>7} {'cpu s':>6} {'cpu%':>5}"
          f" {'ok':>5} {'error':>5} {'timeout':>7} {'other':>5}")
    for m in measurements:
        ok, error, timeout = m.count("ok"), m.count("error"), m.count("timeout")
        other = len(m.runs) - ok - error - timeout
        print(f"  {m.name:<9} {m.label:<42} {m.wall_s:7.2f} {m.rate:7.1f} {m.cpu_s:6.1f} {m.cpu_share:5.0%}"
              f" {ok:5} {error:5} {timeout:7} {other:5}")


def print_ratio(name, numerator, denominator, target):
    ratio = numerator.rate / denominator.rate
    verdict = "MET" if ratio >= target else "MISSED"
    print(f"  {name:<28} {ratio:6.2f}x   (target >= {target}x: {verdict})")


def print_kinds(programs, measurements):
    """Median and total program time per kind of program, per executor."""
    kinds = list(corpus.KINDS)
    print("\ntime per program by kind, median ms / total s (S...: the sandbox's cell time, program and answer"
          " cells, under that setting's parallelism; (a), (b): until the result, process start included)")
    print(f"  {'kind':<14} {'n':>4}" + "".join(f" {m.name:>18}" for m in measurements))
    for kind in kinds:
        picked = [p.index for p in programs if p.kind == kind]
        cells = []
        for m in measurements:
            seconds = [m.runs[i].seconds for i in picked]
            cells.append(f"{statistics.median(seconds) * 1e3:9.1f} / {sum(seconds):6.1f}")
        print(f"  {kind:<14} {len(picked):4}" + "".join(f" {cell:>18}" for cell in cells))


def print_slowest(programs, measurements, count=5):
    """The slowest programs that did not time out, per executor."""
    names = " / ".join(m.name for m in measurements)
    print(f"\nslowest programs that finished (#index kind: seconds on {names})")
    for m in measurements:
        finished = [i for i, run in enumerate(m.runs) if run.status != "timeout"]
        slowest = sorted(finished, key=lambda i: m.runs[i].seconds, reverse=True)[:count]
        cells = [f"#{i} {programs[i].kind}: " + " / ".join(f"{o.runs[i].seconds:.2f}" for o in measurements)
                 for i in slowest]
        print(f"  {m.name:<4} " + "; ".join(cells))


def print_agreement(programs, reference, other, shown=5):
    """Program-by-program agreement of two executors: the same repr when both
    finished, or both failed (failure kinds may differ; they are counted)."""
    same, both_failed, kind_differs, mismatches = 0, 0, [], []
    for program, ours, theirs in zip(programs, reference.runs, other.runs):
        if ours.failed and theirs.failed:
            both_failed += 1
            if ours.failure_kind() != theirs.failure_kind():
                kind_differs.append((program, ours, theirs))
        elif not ours.failed and not theirs.failed and ours.answer == theirs.answer:
            same += 1
        else:
            mismatches.append((program, ours, theirs))
    a, b = reference.name, other.name
    total = len(programs)
    print(f"\n{a} vs {b}: {same + both_failed}/{total} agree ({same} same answer, {both_failed} both failed,"
          f" {len(kind_differs)} of them differently); {len(mismatches)} mismatches")
    for program, ours, theirs in mismatches[:shown] + kind_differs[:shown]:
        print(f"  #{program.index} {program.kind}: {a} {ours.describe()}  {b} {theirs.describe()}")


def print_consistency(programs, measurements, shown=3):
    """The programs that some service setting ended unlike the default."""
    default = measurements[0]
    consistent = True
    for m in measurements[1:]:
        differ = [i for i, (x, y) in enumerate(zip(default.runs, m.runs))
                  if (x.status, x.answer) != (y.status, y.answer)]
        if differ:
            consistent = False
            cases = "; ".join(f"#{i} {programs[i].kind}: {default.runs[i].describe(30)} vs"
                              f" {m.runs[i].describe(30)} ({m.runs[i].seconds:.2f} s)" for i in differ[:shown])
            print(f"  {m.name}: {len(differ)} programs end unlike on S: {cases}")
    if consistent and len(measurements) > 1:
        print("  every setting gave every program the same outcome and answer")


def main():
    args = parse_args()
    programs = corpus.generate(args.count)
    codes = [program.code for program in programs]
    python, native = native_python()
    makeup = ", ".join(f"{kind} {n}" for kind, n in corpus.kind_counts(args.count).items())

    service_runs, sandbox = measure_service(codes, sweep=not args.no_sweep)
    print("(a): a process per program", file=sys.stderr)
    warm_native(python)
    processes = measure_processes(python, codes)
    print("(b): reused workers", file=sys.stderr)
    pool = measure_pool(python, codes)

    default, best = service_runs[0], max(service_runs, key=lambda m: m.rate)
    print(f"pot bench: {args.count} programs (seed {corpus.SEED}): {makeup}")
    print(f"answer: repr of {ANSWER}; per-program timeout {TIMEOUT_S:g} s; {CORES} cores")
    print(f"native: {python} ({native})")
    print(f"sandbox: code-interpreter serve, ExecuteBatch ({sandbox})")
    print_table("service settings (S)", service_runs)
    print_consistency(programs, service_runs)
    print_table("executors", [default, processes, pool] + ([best] if best is not default else []))
    print("\nratios (programs/s)")
    print_ratio("S default / (a)", default, processes, TARGET_VS_PROCESSES)
    print_ratio("S default / (b)", default, pool, TARGET_VS_POOL)
    if best is not default:
        print(f"  best S setting: {best.name}, {best.label}")
        print_ratio("S best / (a)", best, processes, TARGET_VS_PROCESSES)
        print_ratio("S best / (b)", best, pool, TARGET_VS_POOL)
    uncontended = next((m for m in service_runs if m.name == f"S@{CORES}"), None)
    compared = [default] + ([uncontended] if uncontended else []) + [processes, pool]
    print_kinds(programs, compared)
    print_slowest(programs, compared)
    print_agreement(programs, default, pool)
    print_agreement(programs, default, processes)


if __name__ == "__main__":
    main()
