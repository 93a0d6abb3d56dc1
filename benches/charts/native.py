"""The native side of the chart benchmark: one warm process, driven by
bench.py over its pipes so that native and sandbox blocks can take turns.

Usage: python native.py OUT_DIR

Imports matplotlib (Agg), renders one untimed warm-up chart of each variant
and prints one JSON line with the versions. Then, for each line
"VARIANT COUNT" read from stdin (VARIANT: savefig_png or savefig_png_svg,
see chart.py), it times COUNT charts, each an exec of the variant's source in
a fresh namespace, writes the last chart's PNG to OUT_DIR/native-VARIANT.png
and prints one JSON line: {"ms": [wall ms per chart], "cpu_ms": [CPU ms per
chart], "png_path": path}. Exits at the end of its input.
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

VARIANTS = {"savefig_png": chart.SAVEFIG_PNG, "savefig_png_svg": chart.SAVEFIG_PNG_SVG}


def timed(code, count):
    """Wall and CPU milliseconds per exec of code (count times, fresh
    namespaces) and the last namespace."""
    wall, cpu = [], []
    for _ in range(count):
        namespace = {}
        started, started_cpu = time.perf_counter(), time.process_time()
        exec(code, namespace)
        wall.append((time.perf_counter() - started) * 1e3)
        cpu.append((time.process_time() - started_cpu) * 1e3)
    return wall, cpu, namespace


def reply(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    out_dir = Path(sys.argv[1])
    codes = {name: compile(source, f"<{name}>", "exec") for name, source in VARIANTS.items()}
    for code in codes.values():
        timed(code, 1)  # warm-up: fonts, caches, both formats
    reply({
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "matplotlib": matplotlib.__version__,
        "numpy": numpy.__version__,
        "backend": matplotlib.get_backend(),
    })
    for line in sys.stdin:
        name, count = line.split()
        wall, cpu, namespace = timed(codes[name], int(count))
        path = out_dir / f"native-{name}.png"
        path.write_bytes(namespace["png"])
        reply({"ms": wall, "cpu_ms": cpu, "png_path": str(path)})
    if plt.get_fignums():
        sys.exit(f"figures left open: {plt.get_fignums()}")


if __name__ == "__main__":
    main()
