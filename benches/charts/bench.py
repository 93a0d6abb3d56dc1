"""Chart benchmark: the same 1,000-point line chart (title, axis labels,
legend; benches/charts/chart.py) rendered to an 800x500 PNG through the
sandbox and by native matplotlib (Agg), measured in the same run.

Run with benches/charts/run.sh [--quick] [--count N] [--json PATH]; it builds
the release server and the guest, sets up a throwaway venv with a pinned
matplotlib and the client's gRPC packages, and runs this file with that venv's
python. Target: the sandbox's savefig PNG cell takes at most 0.10 of native
matplotlib's time per chart (medians).

Native (native.py, in one process of the venv's python): matplotlib imported,
one untimed warm-up chart per variant, then COUNT charts of each variant, each
an exec of the source (wall and CPU time per chart):
  - savefig PNG (the basis of the ratios)
  - savefig PNG + SVG (context for the sandbox's display variant)
and, as context only, the cold cost: a fresh `python -c` importing matplotlib
and rendering one chart (wall time; median of COLD_RUNS after one untimed run
that fills the OS file cache and matplotlib's font cache).

Sandbox: the real `code-interpreter serve` binary on a free loopback port,
called with the project's Python client (clients/python). One session, one
untimed warm-up cell per variant, then COUNT cells of each variant:
  - savefig PNG: the same source, figure saved into a BytesIO and closed, so
    that nothing is displayed;
  - display: the figure left open, so that the runner displays it at the end
    of the cell (one display event: PNG + SVG + chart description + text).
Per cell: the client's wall time around the Execute call, and the guest's
`usage.wall_time_us` from the end event. Also measured: empty cells (the
fixed cost of a cell), the first chart in a new session (importing the
guest's matplotlib), a chart cell without a session (a fresh interpreter),
the server's and this client's CPU time per cell, and a breakdown of the
guest's time (JSON encoding of the figure spec and the host's `chart` call,
timed by wrapping them in extra cells after the measured ones; a cell with
only the data lists).

The warm measurements take turns in ROUNDS rounds, each one block of every
variant (native savefig PNG, native PNG + SVG, sandbox savefig PNG, sandbox
display, empty cells), so that both sides see the same changes in other load
on the machine; the cells within a block run back to back.

The ratios compare medians of wall time; the CPU-time ratio (server + client
process per cell against the native process per chart) is printed beside
them, with the load average, since other work on the machine stretches wall
times, native matplotlib's (100+ ms a chart) more than short cells.

Correctness: every PNG measured, native and sandbox, must be a well-formed
PNG (chunk CRCs, IHDR, IDAT inflating to the right size) of 800x500 pixels.

Prints a table and the ratios; --json PATH also writes the results as JSON.
"""

import argparse
import base64
import json
import os
import platform
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import chart

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

FULL_COUNT = 200
QUICK_COUNT = 30
TARGET = 0.10
COLD_RUNS = 3
EMPTY_CELLS = 50
BREAKDOWN_CELLS = 20
FRESH_RUNS = 3
ROUNDS = 5
STARTUP_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 10.0
CELL_TIMEOUT_S = 60.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_COUNT} charts per variant")
    parser.add_argument("--count", type=int, help=f"charts per variant (default {FULL_COUNT})")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this path")
    args = parser.parse_args()
    quick = args.quick or os.environ.get("CHART_BENCH_QUICK", "") not in ("", "0")
    args.count = args.count or (QUICK_COUNT if quick else FULL_COUNT)
    if args.count < 1:
        parser.error("--count must be at least 1")
    return args


def stats(ms):
    """Summary of a list of milliseconds."""
    ordered = sorted(ms)
    return {
        "n": len(ms),
        "median_ms": statistics.median(ms),
        "mean_ms": statistics.fmean(ms),
        "min_ms": ordered[0],
        "p90_ms": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "stdev_ms": statistics.stdev(ms) if len(ms) > 1 else 0.0,
    }


def log(message):
    print(f"chart bench: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Native


class Native:
    """The warm native process (native.py), timing blocks of charts on request."""

    VARIANTS = ("savefig_png", "savefig_png_svg")

    def __init__(self, out_dir):
        self.process = subprocess.Popen([sys.executable, str(HERE / "native.py"), str(out_dir)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.info = self.read()
        self.ms = {name: [] for name in self.VARIANTS}
        self.cpu_ms = {name: [] for name in self.VARIANTS}
        self.png = {}

    def read(self):
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"native.py exited with status {self.process.wait()}")
        return json.loads(line)

    def run(self, name, count):
        """Times count charts of variant name; checks the last one's PNG."""
        self.process.stdin.write(f"{name} {count}\n")
        self.process.stdin.flush()
        block = self.read()
        self.ms[name] += block["ms"]
        self.cpu_ms[name] += block["cpu_ms"]
        self.png[name] = chart.check_png(Path(block["png_path"]).read_bytes(), f"native {name}")

    def close(self):
        self.process.stdin.close()
        if self.process.wait() != 0:
            sys.exit("native.py failed at the end")

    def results(self):
        return {**self.info, "png": self.png,
                "stats": {name: stats(ms) for name, ms in self.ms.items()},
                "cpu_stats": {name: stats(ms) for name, ms in self.cpu_ms.items()}}


COLD_SOURCE = ("import sys\nimport matplotlib\nmatplotlib.use('Agg')\n" + chart.SAVEFIG_PNG
               + "sys.stdout.buffer.write(png)\n")


def measure_native_cold():
    """Wall ms of fresh `python -c` processes importing matplotlib and rendering one chart."""

    def run():
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", COLD_SOURCE], capture_output=True)
        elapsed = (time.perf_counter() - started) * 1e3
        if done.returncode != 0:
            sys.exit(f"native cold run failed:\n{done.stderr.decode(errors='replace')}")
        return elapsed, chart.check_png(done.stdout, "native cold run")

    first, _ = run()  # file cache and matplotlib's font cache
    runs = [run() for _ in range(COLD_RUNS)]
    return {"first_ms": first, "ms": [ms for ms, _ in runs], "median_ms": statistics.median(ms for ms, _ in runs),
            "png": runs[-1][1]}


# ---------------------------------------------------------------------------
# Sandbox


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def process_cpu_seconds(pid):
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Server:
    """`code-interpreter serve` on a free loopback port; a context manager
    that stops it with SIGTERM (SIGKILL after STOP_TIMEOUT_S)."""

    def __init__(self, log_path):
        target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
        self.binary = target / "release" / "code-interpreter"
        if not self.binary.exists():
            sys.exit(f"{self.binary} is missing: cargo build -j 2 --release --bin code-interpreter")
        self.address = f"127.0.0.1:{free_port()}"
        self.log_path = log_path
        with open(log_path, "wb") as server_log:
            self.process = subprocess.Popen([self.binary, "serve", "--listen", self.address],
                                            env={**os.environ, "RUST_LOG": "warn"},
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            stderr=server_log)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            log("the server did not stop after SIGTERM; killing it")
            self.process.kill()
            self.process.wait()

    def cpu_seconds(self):
        return process_cpu_seconds(self.process.pid)

    def wait_until_serving(self):
        """Polls grpc.health.v1 until the server answers SERVING."""
        import grpc

        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        with grpc.insecure_channel(self.address) as channel:
            check = channel.unary_unary("/grpc.health.v1.Health/Check")  # raw bytes in and out
            while True:
                if self.process.poll() is not None:
                    tail = Path(self.log_path).read_text(errors="replace")[-2000:]
                    sys.exit(f"the server exited during start-up:\n{tail}")
                try:
                    if check(b"", timeout=2) == b"\x08\x01":  # status: SERVING
                        return
                except grpc.RpcError:
                    pass
                if time.monotonic() > deadline:
                    sys.exit(f"the server did not report SERVING within {STARTUP_TIMEOUT_S} s")
                time.sleep(0.1)


def run_cell(session, code, what):
    """Runs code in the session: (client wall ms, guest wall ms, ExecutionResult)."""
    started = time.perf_counter()
    result = session.execute(code, timeout=CELL_TIMEOUT_S)
    client_ms = (time.perf_counter() - started) * 1e3
    if not result.ok:
        detail = "\n".join(result.error.traceback) if result.error else result.message
        sys.exit(f"sandbox {what}: the cell ended {result.outcome}:\n{detail}\n{result.stderr}")
    return client_ms, result.usage.wall_time_us / 1e3, result


class Cells:
    """Cells of one kind, run in blocks: client and guest ms per cell and
    the server's and this process's CPU time over the blocks."""

    def __init__(self, server, session, code, what):
        self.server, self.session, self.code, self.what = server, session, code, what
        self.client_ms, self.guest_ms = [], []
        self.server_cpu_s = self.client_cpu_s = 0.0

    def run(self, count):
        """Runs count cells back to back; their ExecutionResults."""
        results = []
        server_cpu, own_cpu = self.server.cpu_seconds(), own_cpu_seconds()
        for _ in range(count):
            client, guest, result = run_cell(self.session, self.code, self.what)
            self.client_ms.append(client)
            self.guest_ms.append(guest)
            results.append(result)
        self.server_cpu_s += self.server.cpu_seconds() - server_cpu
        self.client_cpu_s += own_cpu_seconds() - own_cpu
        return results

    def results(self):
        n = len(self.client_ms)
        return {"client_ms": self.client_ms, "guest_ms": self.guest_ms,
                "client": stats(self.client_ms), "guest": stats(self.guest_ms),
                "server_cpu_ms_per_cell": self.server_cpu_s * 1e3 / n,
                "client_cpu_ms_per_cell": self.client_cpu_s * 1e3 / n}


def value_of(result, what):
    if result.result is None:
        sys.exit(f"sandbox {what}: the cell gave no value")
    return result.result


# Wraps the guest matplotlib's JSON encoding of the figure spec and the
# `chart` host call with timers that append to _bench_log (diagnostics only;
# these are internals of guest/runtime/matplotlib/_host.py).
INSTRUMENT = """\
import time as _bench_time
import _hostcall as _bench_hostcall
import matplotlib._host as _bench_host

_bench_log = []

def _bench_timed(kind, function):
    def timed(*args):
        started = _bench_time.perf_counter()
        try:
            return function(*args)
        finally:
            _bench_log.append((kind, _bench_time.perf_counter() - started, len(args[-1]) if kind == "host" else 0))
    return timed

_bench_host._encode = _bench_timed("encode", _bench_host._encode)
_bench_hostcall.call = _bench_timed("host", _bench_hostcall.call)
"""

TAKE_LOG = "_bench_taken = list(_bench_log)\n_bench_log.clear()\n_bench_taken"


def breakdown(session, code, cells, what):
    """Guest wall ms per cell of code, split into the JSON encoding of the
    figure spec and the host's chart call (means over `cells` cells), with
    the spec's size in JSON bytes."""
    run_cell(session, "_bench_log.clear()", what)
    guest = [run_cell(session, code, what)[1] for _ in range(cells)]
    entries = value_of(run_cell(session, TAKE_LOG, what)[2], what)
    host = [entry for entry in entries if entry[0] == "host"]
    encode = [entry for entry in entries if entry[0] == "encode"]
    if len(host) != cells or len(encode) != cells:
        sys.exit(f"sandbox {what}: expected {cells} chart calls, the log has {len(host)} and {len(encode)} encodings")
    return {
        "cells": cells,
        "guest_ms": statistics.fmean(guest),
        "host_chart_call_ms": statistics.fmean(entry[1] for entry in host) * 1e3,
        "spec_json_encode_ms": statistics.fmean(entry[1] for entry in encode) * 1e3,
        "spec_json_bytes": host[0][2],
    }


def blocks(count, rounds):
    """count split into `rounds` block sizes as even as possible (no empty blocks)."""
    rounds = max(1, min(rounds, count))
    return [count // rounds + (i < count % rounds) for i in range(rounds)]


def measure(count, native):
    """The warm measurements, native and through the service, in rounds
    (see the module docstring); the sandbox's results."""
    import grpc  # noqa: F401  (fails early without the venv)
    from code_interpreter_client import Client

    out = {}
    with tempfile.TemporaryDirectory(prefix="chart-bench-") as tmp:
        with Server(Path(tmp) / "server.log") as server:
            started = time.monotonic()
            server.wait_until_serving()
            log(f"server serving on {server.address} after {time.monotonic() - started:.2f} s")
            with Client(server.address, timeout=CELL_TIMEOUT_S) as client:
                with client.create_session() as session:
                    info = value_of(run_cell(session, "import platform\nplatform.python_version()", "probe")[2],
                                    "probe")
                    out["python"] = f"CPython {info} (wasm32-wasi)"

                    first_client, first_guest, _ = run_cell(session, chart.SAVEFIG_PNG, "first chart")
                    out["first_chart_in_session"] = {"client_ms": first_client, "guest_ms": first_guest}
                    run_cell(session, chart.DISPLAY, "display warm-up")
                    out["matplotlib"] = value_of(
                        run_cell(session, "import matplotlib\nmatplotlib.__version__", "probe")[2], "probe")

                    empty = Cells(server, session, "pass", "empty cell")
                    savefig = Cells(server, session, chart.SAVEFIG_PNG, "savefig PNG")
                    display = Cells(server, session, chart.DISPLAY, "display")
                    sizes = blocks(count, ROUNDS)
                    log(f"{count} charts per variant in {len(sizes)} rounds; each round: a block of native"
                        " savefig PNG, native PNG + SVG, sandbox savefig PNG, sandbox display, empty cells")
                    for size in sizes:
                        native.run("savefig_png", size)
                        native.run("savefig_png_svg", size)
                        savefig.run(size)
                        # The last cell's PNG (the variable png stays in the session).
                        encoded = value_of(run_cell(session, "import base64\nbase64.b64encode(png).decode()",
                                                    "fetch PNG")[2], "fetch PNG")
                        png_info = chart.check_png(base64.b64decode(encoded), "sandbox savefig PNG")
                        items = check_displays(display.run(size))
                        empty.run(max(1, EMPTY_CELLS // len(sizes)))
                        log(f"  round of {size} done")
                    out["savefig_png"] = {**savefig.results(), "png": png_info}
                    out["display"] = {**display.results(), "items": items}
                    out["empty_cell"] = empty.results()

                    log(f"sandbox: breakdown, {BREAKDOWN_CELLS} cells per variant")
                    run_cell(session, INSTRUMENT, "instrument")
                    out["breakdown"] = {
                        "savefig_png": breakdown(session, chart.SAVEFIG_PNG, BREAKDOWN_CELLS, "breakdown"),
                        "display": breakdown(session, chart.DISPLAY, BREAKDOWN_CELLS, "breakdown"),
                        "data_only_guest_ms": statistics.fmean(
                            run_cell(session, chart.DATA, "data only")[1] for _ in range(BREAKDOWN_CELLS)),
                    }

                fresh = []
                for _ in range(FRESH_RUNS):
                    time.sleep(1.0)  # let the server refill its pool of started interpreters
                    began = time.perf_counter()
                    result = client.execute(chart.SAVEFIG_PNG, timeout=CELL_TIMEOUT_S)
                    ms = (time.perf_counter() - began) * 1e3
                    if not result.ok:
                        sys.exit(f"sandbox fresh-interpreter chart: {result.outcome} {result.message}")
                    fresh.append((ms, result.usage.wall_time_us / 1e3))
                out["fresh_interpreter"] = {"client_ms": statistics.median(ms for ms, _ in fresh),
                                            "guest_ms": statistics.median(g for _, g in fresh)}
    return out


def check_displays(results):
    """Each display cell must show exactly one figure with a valid 800x500 PNG,
    an SVG and the chart description; the sizes of the last one's items."""
    items = None
    for result in results:
        if len(result.displays) != 1:
            sys.exit(f"sandbox display: {len(result.displays)} displays in a cell, expected 1")
        data = result.displays[0].data
        png = data.get("image/png")
        if png is None or "image/svg+xml" not in data:
            sys.exit(f"sandbox display: the display has {sorted(data)}, expected image/png and image/svg+xml")
        info = chart.check_png(png, "sandbox display PNG")
        description = json.loads(data.get("application/vnd.code-interpreter.chart+json", b"null"))
        if not description or description["axes"][0]["series"][0]["type"] != "line":
            sys.exit("sandbox display: no chart description of the line")
        items = {"png": info, "mime_bytes": {mime: len(body) for mime, body in data.items()}}
    return items


# ---------------------------------------------------------------------------
# Report


def ratio(numerator, denominator):
    return numerator / denominator if denominator else float("inf")


def report(args, native, cold, sandbox, loads):
    n = native["stats"]
    s_png, s_disp = sandbox["savefig_png"], sandbox["display"]
    empty = sandbox["empty_cell"]
    rows = [
        ("native warm: savefig PNG", n["savefig_png"]),
        ("native warm: savefig PNG + SVG", n["savefig_png_svg"]),
        ("sandbox savefig PNG: client wall", s_png["client"]),
        ("sandbox savefig PNG: guest wall_time_us", s_png["guest"]),
        ("sandbox display: client wall", s_disp["client"]),
        ("sandbox display: guest wall_time_us", s_disp["guest"]),
        ("sandbox empty cell: client wall", empty["client"]),
        ("sandbox empty cell: guest wall_time_us", empty["guest"]),
    ]
    print(f"\nchart bench: 1,000-point line chart (title, labels, legend), {chart.WIDTH}x{chart.HEIGHT} PNG;"
          f" {args.count} charts per variant; {os.cpu_count()} cores")
    print(f"native:  {native['python']}, matplotlib {native['matplotlib']} ({native['backend']}),"
          f" numpy {native['numpy']}, one warm process")
    print(f"sandbox: code-interpreter serve (release), {sandbox['python']}, guest matplotlib"
          f" {sandbox['matplotlib']}, one session, the project's Python client")
    print(f"\n  {'ms per chart':<42} {'median':>8} {'mean':>8} {'min':>8} {'p90':>8}")
    for label, row in rows:
        print(f"  {label:<42} {row['median_ms']:8.2f} {row['mean_ms']:8.2f} {row['min_ms']:8.2f} {row['p90_ms']:8.2f}")

    print("\n  cold / first-use costs (context, not the ratio's basis), wall ms")
    print(f"  {'native python -c: import matplotlib + 1 chart':<58} {cold['median_ms']:8.1f}"
          f"   (median of {COLD_RUNS}; the very first run: {cold['first_ms']:.0f})")
    first = sandbox["first_chart_in_session"]
    print(f"  {'sandbox first chart in a new session (client / guest)':<58} {first['client_ms']:8.1f}"
          f" / {first['guest_ms']:.1f}")
    fresh = sandbox["fresh_interpreter"]
    print(f"  {'sandbox Execute without session (client / guest)':<58} {fresh['client_ms']:8.1f}"
          f" / {fresh['guest_ms']:.1f}   (median of {FRESH_RUNS})")

    print("\n  CPU time per chart, ms (mean)")
    nc = native["cpu_stats"]
    print(f"  {'native warm: savefig PNG / PNG + SVG':<42} {nc['savefig_png']['mean_ms']:8.2f} /"
          f" {nc['savefig_png_svg']['mean_ms']:.2f}")
    for label, row in (("savefig PNG", s_png), ("display", s_disp), ("empty cell", empty)):
        print(f"  {'sandbox ' + label + ': server / client process':<42} {row['server_cpu_ms_per_cell']:8.2f} /"
              f" {row['client_cpu_ms_per_cell']:.2f}")

    print(f"\n  where the guest's time goes (means over {BREAKDOWN_CELLS} instrumented cells), ms")
    for name in ("savefig_png", "display"):
        b = sandbox["breakdown"][name]
        rest = b["guest_ms"] - b["host_chart_call_ms"] - b["spec_json_encode_ms"]
        print(f"  {name:<12} guest {b['guest_ms']:6.2f} = host chart call {b['host_chart_call_ms']:6.2f}"
              f" + spec JSON encode {b['spec_json_encode_ms']:5.2f} ({b['spec_json_bytes'] / 1024:.0f} KiB)"
              f" + Python and cell {rest:5.2f}")
    print(f"  {'':<12} of which a cell with only the imports and the x, y lists:"
          f" {sandbox['breakdown']['data_only_guest_ms']:.2f}")

    png_n, png_s = native["png"]["savefig_png"], s_png["png"]
    items = s_disp["items"]
    print(f"\n  PNGs checked (well-formed, {chart.WIDTH}x{chart.HEIGHT}): native {png_n['bytes']:,} bytes"
          f" (colour type {png_n['color_type']}), sandbox savefig {png_s['bytes']:,} bytes"
          f" (colour type {png_s['color_type']}), sandbox display: "
          + ", ".join(f"{mime} {size:,}" for mime, size in items["mime_bytes"].items()))

    ratios = {
        "savefig_png_client_vs_native_png": ratio(s_png["client"]["median_ms"], n["savefig_png"]["median_ms"]),
        "savefig_png_client_vs_native_png_mean": ratio(s_png["client"]["mean_ms"], n["savefig_png"]["mean_ms"]),
        "savefig_png_client_vs_native_png_min": ratio(s_png["client"]["min_ms"], n["savefig_png"]["min_ms"]),
        "savefig_png_guest_vs_native_png": ratio(s_png["guest"]["median_ms"], n["savefig_png"]["median_ms"]),
        "display_client_vs_native_png": ratio(s_disp["client"]["median_ms"], n["savefig_png"]["median_ms"]),
        "display_client_vs_native_png_svg": ratio(s_disp["client"]["median_ms"], n["savefig_png_svg"]["median_ms"]),
        "savefig_png_cpu_vs_native_png_cpu": ratio(s_png["server_cpu_ms_per_cell"] + s_png["client_cpu_ms_per_cell"],
                                                   native["cpu_stats"]["savefig_png"]["mean_ms"]),
    }
    met = ratios["savefig_png_client_vs_native_png"] <= TARGET
    print("\nratios sandbox / native (medians; target for savefig PNG, client wall: <= 0.10)")
    print(f"  savefig PNG, client wall / native PNG          {ratios['savefig_png_client_vs_native_png']:6.3f}"
          f"   ({'MET' if met else 'MISSED'}; means: {ratios['savefig_png_client_vs_native_png_mean']:.3f},"
          f" minimums: {ratios['savefig_png_client_vs_native_png_min']:.3f})")
    print(f"  savefig PNG, guest wall / native PNG           {ratios['savefig_png_guest_vs_native_png']:6.3f}")
    print(f"  display, client wall / native PNG              {ratios['display_client_vs_native_png']:6.3f}")
    print(f"  display, client wall / native PNG + SVG        {ratios['display_client_vs_native_png_svg']:6.3f}")
    print(f"  savefig PNG, CPU (server + client) / native    {ratios['savefig_png_cpu_vs_native_png_cpu']:6.3f}"
          "   (means; less sensitive to other load)")
    print(f"  load average (1 min) at start / after the cold runs / at end: "
          + " / ".join(f"{load:.2f}" for load in loads))
    return ratios, met


def main():
    args = parse_args()
    loads = [os.getloadavg()[0]]
    log(f"native: cold python -c, {COLD_RUNS + 1} runs")
    cold = measure_native_cold()
    loads.append(os.getloadavg()[0])
    with tempfile.TemporaryDirectory(prefix="chart-bench-native-") as tmp:
        log("native: starting the warm process")
        runner = Native(Path(tmp))
        sandbox = measure(args.count, runner)
        runner.close()
        native = runner.results()
    loads.append(os.getloadavg()[0])
    ratios, met = report(args, native, cold, sandbox, loads)
    if args.json:
        results = {
            "benchmark": "charts",
            "count": args.count,
            "cores": os.cpu_count(),
            "machine": platform.machine(),
            "target": TARGET,
            "target_met": met,
            "load_average_1min": {"start": loads[0], "after_cold_runs": loads[1], "end": loads[2]},
            "ratios": ratios,
            "native": {**native, "cold": cold},
            "sandbox": sandbox,
            "samples_ms": {
                "native_savefig_png": runner.ms["savefig_png"],
                "native_savefig_png_svg": runner.ms["savefig_png_svg"],
                "native_savefig_png_cpu": runner.cpu_ms["savefig_png"],
                **{f"sandbox_{name}_{side}": sandbox[name].pop(f"{side}_ms")
                   for name in ("savefig_png", "display", "empty_cell") for side in ("client", "guest")},
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")
        log(f"results written to {args.json}")


if __name__ == "__main__":
    main()
