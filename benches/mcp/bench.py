"""MCP benchmark: the same cells through `code-interpreter mcp` (streamable
HTTP and stdio, called with the official MCP Python SDK) and through the gRPC
API (`code-interpreter serve`, called with the project's Python client),
measured side by side in one run.

Run with benches/mcp/run.sh [--count N] [--json PATH]; it builds the release
server and the guest and sets up a throwaway venv with the pinned SDK and the
gRPC packages. Target (issue 19): an MCP `run_code` of `2**200` takes under
10 ms of server time.

Workloads, each in a session of its transport (one untimed warm-up call):
  - arithmetic: `2**200`, the typed result;
  - chart: a line chart of GDP by year left open at the end of the cell, so
    that it comes back as PNG (plus the chart description; gRPC also carries
    the SVG).
Per call: the client's wall time around the call, and the interpreter's own
`usage.wall_time_us`. Per block of calls: the server process' CPU time (user
+ system, from /proc), divided by the calls: the server time of a call,
whatever the client library costs. The measurements take turns in ROUNDS
rounds, each one block per transport and workload, so that every transport
sees the same changes in other load on the machine.

Prints a table and the MCP/gRPC ratios; --json PATH also writes the results.
"""

import argparse
import asyncio
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

from code_interpreter_client import Client as GrpcClient
from mcp import Client as McpClient
from mcp import StdioServerParameters

ROUNDS = 5
FULL_COUNT = 200
TARGET_SERVER_MS = 10.0
STARTUP_TIMEOUT_S = 300.0

WORKLOADS = {
    "arithmetic": "2**200",
    "chart": """
import matplotlib.pyplot as plt
years = list(range(2000, 2013))
gdp = [10.2, 10.6, 11.0, 11.5, 12.3, 13.0, 13.8, 14.5, 14.7, 14.4, 15.0, 15.5, 15.8]
fig, ax = plt.subplots(figsize=(8, 5))
ax.plot(years, gdp, label="GDP")
ax.scatter(years, gdp, c=["red" if b < a else "tab:blue" for a, b in zip([gdp[0]] + gdp, gdp)])
ax.set_title("GDP by year")
ax.set_xlabel("Year")
ax.set_ylabel("GDP")
ax.legend()
""",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid):
    """User + system CPU time of a process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for_port(port, process, log):
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server exited; its log:\n{Path(log).read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the server did not listen within {STARTUP_TIMEOUT_S} s")


def start(binary, args, port, workdir, name):
    log = os.path.join(workdir, f"{name}.log")
    with open(log, "w") as out:
        process = subprocess.Popen([binary, *args, "--warm-instances", "2"], stdout=out,
                                   stderr=subprocess.STDOUT, env={**os.environ, "RUST_LOG": "warn"})
    wait_for_port(port, process, log)
    return process


def stdio_server_pid():
    """The pid of the `code-interpreter mcp` child the SDK started."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"mcp" in cmdline and b"--http" not in cmdline:
            return int(entry.name)
    raise RuntimeError("the stdio server process was not found")


class GrpcTransport:
    name = "grpc"

    def __init__(self, target, pid):
        self.client = GrpcClient(target)
        self.session = self.client.create_session()
        self.pid = pid

    async def call(self, code):
        started = time.perf_counter()
        result = self.session.execute(code)
        wall = time.perf_counter() - started
        assert result.outcome == "ok", result
        if "plt" in code:
            assert result.displays and "image/png" in result.displays[0].data
        return wall, result.usage.wall_time_us

    async def close(self):
        self.session.close()
        self.client.close()


class McpTransport:
    def __init__(self, name, client, pid):
        self.name = name
        self.client = client
        self.pid = pid
        self.session_id = None

    async def open(self):
        created = await self.client.call_tool("create_session", {})
        self.session_id = created.structured_content["session_id"]
        return self

    async def call(self, code):
        started = time.perf_counter()
        result = await self.client.call_tool("run_code",
                                             {"code": code, "session_id": self.session_id})
        wall = time.perf_counter() - started
        assert not result.is_error, result
        if "plt" in code:
            assert any(block.type == "image" for block in result.content)
        return wall, result.structured_content["usage"]["wall_time_us"]

    async def close(self):
        await self.client.call_tool("close_session", {"session_id": self.session_id})


async def measure(transports, count):
    samples = {(t.name, w): {"wall": [], "guest": [], "cpu": 0.0, "calls": 0}
               for t in transports for w in WORKLOADS}
    for transport in transports:
        for code in WORKLOADS.values():
            await transport.call(code)
    per_block = max(1, count // ROUNDS)
    for _ in range(ROUNDS):
        for workload, code in WORKLOADS.items():
            for transport in transports:
                sample = samples[(transport.name, workload)]
                cpu_before = cpu_seconds(transport.pid)
                for _ in range(per_block):
                    wall, guest_us = await transport.call(code)
                    sample["wall"].append(wall)
                    sample["guest"].append(guest_us / 1e6)
                sample["cpu"] += cpu_seconds(transport.pid) - cpu_before
                sample["calls"] += per_block
    return {
        f"{name}/{workload}": {
            "calls": sample["calls"],
            "client_wall_ms_median": statistics.median(sample["wall"]) * 1e3,
            "server_cpu_ms_per_call": sample["cpu"] / sample["calls"] * 1e3,
            "guest_wall_ms_median": statistics.median(sample["guest"]) * 1e3,
        }
        for (name, workload), sample in samples.items()
    }


async def run(binary, count):
    with tempfile.TemporaryDirectory() as workdir:
        grpc_port, http_port = free_port(), free_port()
        grpc_server = start(binary, ["serve", "--listen", f"127.0.0.1:{grpc_port}"],
                            grpc_port, workdir, "grpc")
        http_server = start(binary, ["mcp", "--http", f"127.0.0.1:{http_port}"],
                            http_port, workdir, "mcp-http")
        try:
            stdio = StdioServerParameters(command=binary, args=["mcp", "--warm-instances", "2"],
                                          env={"RUST_LOG": "warn"})
            async with McpClient(f"http://127.0.0.1:{http_port}/mcp") as http_client, \
                    McpClient(stdio) as stdio_client:
                transports = [
                    GrpcTransport(f"127.0.0.1:{grpc_port}", grpc_server.pid),
                    await McpTransport("mcp-http", http_client, http_server.pid).open(),
                    await McpTransport("mcp-stdio", stdio_client, stdio_server_pid()).open(),
                ]
                results = await measure(transports, count)
                for transport in transports:
                    await transport.close()
        finally:
            for server in (grpc_server, http_server):
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=60)
    return results


def report(results):
    print(f"{'transport/workload':<24} {'calls':>6} {'client wall':>12} {'server CPU':>11} "
          f"{'guest wall':>11}  (ms; medians, CPU per call)")
    for name, row in results.items():
        print(f"{name:<24} {row['calls']:>6} {row['client_wall_ms_median']:>12.2f} "
              f"{row['server_cpu_ms_per_call']:>11.2f} {row['guest_wall_ms_median']:>11.2f}")
    ratios = {}
    for transport in ("mcp-http", "mcp-stdio"):
        for workload in WORKLOADS:
            mcp, grpc = results[f"{transport}/{workload}"], results[f"grpc/{workload}"]
            ratios[f"{transport}/{workload}"] = {
                "client_wall": mcp["client_wall_ms_median"] / grpc["client_wall_ms_median"],
                "server_cpu": mcp["server_cpu_ms_per_call"] / grpc["server_cpu_ms_per_call"],
            }
    print("\nMCP / gRPC:")
    for name, ratio in ratios.items():
        print(f"  {name:<22} client wall {ratio['client_wall']:.2f}x, "
              f"server CPU {ratio['server_cpu']:.2f}x")
    arithmetic = results["mcp-http/arithmetic"]["server_cpu_ms_per_call"]
    verdict = "met" if arithmetic < TARGET_SERVER_MS else "NOT met"
    print(f"\ntarget: MCP run_code 2**200 under {TARGET_SERVER_MS:.0f} ms of server time: "
          f"{arithmetic:.2f} ms over HTTP ({verdict}); load average {os.getloadavg()[0]:.2f}")
    return ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="the code-interpreter binary")
    parser.add_argument("--count", type=int, default=FULL_COUNT, help="calls per transport and workload")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    results = asyncio.run(run(args.server, args.count))
    ratios = report(results)
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "ratios": ratios,
                                               "load_average": os.getloadavg()}, indent=2))


if __name__ == "__main__":
    main()
