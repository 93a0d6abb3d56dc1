#!/usr/bin/env bash
# Tables benchmark: read a generated 1,000,000-row CSV, filter it, group it by two keys and
# aggregate, through the sandbox (a session cell of the real release server, called with the
# project's Python client; the guest's pandas runs on polars on the host) and with native
# pandas in a throwaway venv, on the same file, alternating in the same run. Target: the
# sandbox at least 2x faster than native pandas (medians of wall time). See bench.py.
#
# Usage: benches/tables/run.sh [--rounds N] [--rows N] [--json PATH]
#
# Builds the release server and the guest (guest/build.sh), creates (or reuses) a venv
# with pinned pandas and the client's gRPC packages in
# $CODE_INTERPRETER_CACHE/tables-bench-venv (default ~/.cache/code-interpreter; nothing is
# installed in the repo or the system Python), generates the client's stubs and runs
# bench.py with the venv's python.
set -euo pipefail
cd "$(dirname "$0")/../.."

source benches/venv.sh
venv=$(bench_venv tables-bench-venv \
    pandas==3.1.1 numpy==2.3.5 python-dateutil==2.9.0.post0 six==1.17.0 tzdata==2026.6 \
    grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2)

guest/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter
binary="${CARGO_TARGET_DIR:-target}/release/code-interpreter"

"$venv/bin/python3" clients/python/generate.py
export PYTHONPATH="$PWD/clients/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$venv/bin/python3" benches/tables/bench.py --server "$binary" "$@"
