#!/usr/bin/env bash
# Program-of-thought batch benchmark: the service's ExecuteBatch against native
# python3 (a process per program, and a pool of reused workers) on a corpus of
# 1,000 model-style math programs. See benches/math_programs/run.py.
#
# Creates (or reuses) a venv with grpcio, grpcio-tools, protobuf and the
# sandbox's sympy and mpmath, builds the release server and runs run.py with
# the venv's python3 first on PATH, so that the native executors use it.
# Arguments go to run.py (--quick, --count N, --no-sweep); POT_BENCH_QUICK=1
# is the same as --quick, POT_BENCH_PYTHON picks another native interpreter.
set -euo pipefail
cd "$(dirname "$0")/../.."

source benches/venv.sh
venv=$(bench_venv pot-bench-venv \
    grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2 sympy==1.14.0 mpmath==1.3.0)

guest/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter

export PATH="$venv/bin:$PATH"
# The service is called through the project's Python client (clients/python).
python3 clients/python/generate.py
export PYTHONPATH="$PWD/clients/python${PYTHONPATH:+:$PYTHONPATH}"
exec python3 benches/math_programs/run.py "$@"
