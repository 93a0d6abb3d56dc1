"""Native pandas worker for bench.py: reads "<count>" lines on stdin, runs the workload that
many times on the CSV given as argv[1], answers one JSON line per block (wall ms per run and
the last result)."""

import json
import sys
import time

import pandas as pd

import workload

namespace = {"pd": pd, "PATH": sys.argv[1]}
code = compile(workload.SOURCE, "<workload>", "exec")
print(json.dumps({"pandas": pd.__version__}), flush=True)
for line in sys.stdin:
    ms = []
    for _ in range(int(line)):
        started = time.perf_counter()
        exec(code, namespace)
        ms.append((time.perf_counter() - started) * 1e3)
    print(json.dumps({"ms": ms, "result": workload.normalized(namespace["result"])}), flush=True)
