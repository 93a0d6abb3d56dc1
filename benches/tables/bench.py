"""Tables benchmark (run with benches/tables/run.sh): a 1,000,000-row CSV read, filtered,
grouped by two keys and aggregated (workload.py), through the sandbox and with native pandas,
on the same file in the same run.

Sandbox: `code-interpreter serve` (release unless run.sh is told otherwise) on a free loopback port, one session, the CSV
uploaded with the project's Python client, the workload run as a cell (PATH =
/mnt/data/sales.csv) that prints its result as JSON; timed by the client's wall time around
Execute (the guest's own wall time is reported too). Native: a worker process of the venv's
python with pandas imported, the workload exec'd on the same file. One untimed warm-up of
each, then ROUNDS rounds, each one run of native and one of the sandbox, so both see the same
load. Both results must be equal (floats rounded to 4 decimals). Target: native / sandbox >= 2
(medians)."""

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import workload  # noqa: E402

from code_interpreter_client import Client  # noqa: E402

CELL = "import pandas as pd, json\nPATH = '/mnt/data/sales.csv'\n" + workload.SOURCE + \
    "print(json.dumps(result))\n"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json")
    parser.add_argument("--server", required=True, help="the code-interpreter binary")
    args = parser.parse_args()

    cache = Path(os.environ.get("CODE_INTERPRETER_CACHE", Path.home() / ".cache/code-interpreter"))
    csv_path = cache / f"tables-bench-{args.rows}.csv"
    if not csv_path.exists():
        print(f"writing {csv_path}", file=sys.stderr)
        workload.write_csv(csv_path.with_suffix(".tmp"), args.rows)
        csv_path.with_suffix(".tmp").rename(csv_path)
    data = csv_path.read_bytes()

    native = subprocess.Popen([sys.executable, str(HERE / "native.py"), str(csv_path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    info = json.loads(native.stdout.readline())

    def run_native(count):
        native.stdin.write(f"{count}\n")
        native.stdin.flush()
        return json.loads(native.stdout.readline())

    address = f"127.0.0.1:{free_port()}"
    log = tempfile.NamedTemporaryFile(prefix="tables-bench-server-", suffix=".log", delete=False)
    server = subprocess.Popen([args.server, "serve", "--listen", address],
                              env={**os.environ, "RUST_LOG": "warn"}, stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=log)
    try:
        with Client(address) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    session = client.create_session()
                    break
                except Exception:
                    if time.monotonic() > deadline or server.poll() is not None:
                        sys.exit(f"the server did not start; see {log.name}")
                    time.sleep(0.2)
            with session:
                session.upload("sales.csv", data)

                def run_sandbox():
                    started = time.perf_counter()
                    cell = session.execute(CELL, timeout=300)
                    ms = (time.perf_counter() - started) * 1e3
                    if not cell.ok:
                        sys.exit(f"sandbox cell failed: {cell.outcome} {cell.error} {cell.message}")
                    return ms, cell.usage.wall_time_us / 1e3, json.loads(cell.stdout)

                _, _, sandbox_result = run_sandbox()
                native_result = run_native(1)["result"]
                if workload.normalized(sandbox_result) != native_result:
                    sys.exit("the sandbox's result differs from native pandas':\n"
                             f"{workload.normalized(sandbox_result)[:3]}\n{native_result[:3]}")
                native_ms, sandbox_ms, guest_ms = [], [], []
                for _ in range(args.rounds):
                    native_ms += run_native(1)["ms"]
                    client_ms, guest, _ = run_sandbox()
                    sandbox_ms.append(client_ms)
                    guest_ms.append(guest)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
        native.stdin.close()
        native.wait()

    summary = {
        "server": args.server, "rows": args.rows, "csv_mb": round(len(data) / 1e6, 1), "rounds": args.rounds,
        "pandas": info["pandas"], "load_average": os.getloadavg(),
        "native_ms": statistics.median(native_ms), "sandbox_ms": statistics.median(sandbox_ms),
        "sandbox_guest_ms": statistics.median(guest_ms),
        "native_all_ms": native_ms, "sandbox_all_ms": sandbox_ms,
    }
    summary["ratio"] = summary["native_ms"] / summary["sandbox_ms"]
    print(f"{args.rows:,} rows ({summary['csv_mb']} MB CSV), {args.rounds} rounds, "
          f"pandas {info['pandas']}, load {summary['load_average'][0]:.1f}")
    print(f"  native pandas      median {summary['native_ms']:8.1f} ms")
    print(f"  sandbox (client)   median {summary['sandbox_ms']:8.1f} ms "
          f"(guest wall {summary['sandbox_guest_ms']:.1f} ms)")
    print(f"  native / sandbox   {summary['ratio']:.2f}x (target >= 2)")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
