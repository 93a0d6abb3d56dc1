#!/usr/bin/env bash
# Chart benchmark: the same 1,000-point line chart with title, axis labels and
# legend rendered to an 800x500 PNG through the sandbox (a session cell of the
# real server, called with the project's Python client) and by native
# matplotlib (Agg) in one warm Python process, measured in the same run.
# Target: the sandbox's savefig-PNG cell takes at most one tenth of native
# matplotlib's time per chart (medians). Also reported: the sandbox variant
# whose figure is displayed at the end of the cell (PNG + SVG + description),
# the guest's own wall time per cell and where it goes, empty cells, cold
# costs (a fresh `python -c`, the first chart in a session, a cell without a
# session). Every PNG is checked (well-formed, 800x500). See bench.py.
#
# Usage: benches/charts/run.sh [--quick] [--count N] [--json PATH]
#   --quick      30 charts per variant instead of 200 (CHART_BENCH_QUICK=1 too)
#   --count N    N charts per variant
#   --json PATH  also write the results as JSON
#
# Builds the release server and the guest (guest/build.sh), creates (or
# reuses) a throwaway venv with a pinned matplotlib and numpy and the client's
# gRPC packages in $CODE_INTERPRETER_CACHE/chart-bench-venv (default
# ~/.cache/code-interpreter; nothing is installed in the repo or the system
# Python), generates the client's stubs and runs bench.py with the venv's
# python, which starts the server on a free loopback port and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

source benches/venv.sh
# Wheels only (manylinux wheels for CPython 3.11-3.13): matplotlib's
# dependencies are pinned as well, so every run measures the same native code.
venv=$(bench_venv chart-bench-venv \
    matplotlib==3.10.8 numpy==2.3.5 contourpy==1.3.3 cycler==0.12.1 fonttools==4.68.0 \
    kiwisolver==1.5.1 packaging==26.4 pillow==13.0.0 pyparsing==3.3.3 python-dateutil==4.0.0 \
    grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2)

guest/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter

# matplotlib keeps its font cache under MPLCONFIGDIR: keep it in the venv too.
export MPLCONFIGDIR="$venv/mplconfig"
export MPLBACKEND=Agg
# The service is called through the project's Python client (clients/python).
"$venv/bin/python3" clients/python/generate.py
export PYTHONPATH="$PWD/clients/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$venv/bin/python3" benches/charts/bench.py "$@"
