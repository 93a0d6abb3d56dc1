"""The native side of the chart benchmark, in one warm process: imports
matplotlib (Agg), renders one untimed warm-up chart, then times COUNT charts
of each native variant (chart.SAVEFIG_PNG, chart.SAVEFIG_PNG_SVG), each chart
an exec of the same source in a fresh namespace.

Usage: python native.py COUNT OUT_DIR
Prints one JSON object: versions, per-chart wall and CPU milliseconds per variant, and
the paths in OUT_DIR of the last chart's PNG of each variant.
"""

import json
import platform
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402

import chart  # noqa: E402


def timed(source, count):
    """Wall and CPU milliseconds per exec of source (count times, fresh
    namespaces) and the last namespace."""
    code = compile(source, "<chart>", "exec")
    wall, cpu = [], []
    for _ in range(count):
        namespace = {}
        started, started_cpu = time.perf_counter(), time.process_time()
        exec(code, namespace)
        wall.append((time.perf_counter() - started) * 1e3)
        cpu.append((time.process_time() - started_cpu) * 1e3)
    return wall, cpu, namespace


def main():
    count, out_dir = int(sys.argv[1]), Path(sys.argv[2])
    timed(chart.SAVEFIG_PNG_SVG, 1)  # warm-up: fonts, caches, both formats
    result = {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "matplotlib": matplotlib.__version__,
        "numpy": numpy.__version__,
        "backend": matplotlib.get_backend(),
        "ms": {},
        "cpu_ms": {},
        "png_paths": {},
    }
    for name, source in (("savefig_png", chart.SAVEFIG_PNG), ("savefig_png_svg", chart.SAVEFIG_PNG_SVG)):
        wall, cpu, namespace = timed(source, count)
        path = out_dir / f"native-{name}.png"
        path.write_bytes(namespace["png"])
        result["ms"][name] = wall
        result["cpu_ms"][name] = cpu
        result["png_paths"][name] = str(path)
    if plt.get_fignums():
        sys.exit(f"figures left open: {plt.get_fignums()}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
