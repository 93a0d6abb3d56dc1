#!/usr/bin/env bash
# MCP benchmark: `2**200` and a GDP line chart through `code-interpreter mcp`
# (streamable HTTP and stdio, with the official MCP Python SDK) and through the
# gRPC API (with the project's Python client), side by side in one run.
# Target: an MCP run_code of 2**200 takes under 10 ms of server time. See bench.py.
#
# Usage: benches/mcp/run.sh [--count N] [--json PATH]
#
# Builds the release server and the guest (guest/build.sh) and creates (or
# reuses) a throwaway venv with the pinned SDK and gRPC packages in
# $CODE_INTERPRETER_CACHE/mcp-bench-venv (default ~/.cache/code-interpreter).
set -euo pipefail
cd "$(dirname "$0")/../.."

source benches/venv.sh
venv=$(bench_venv mcp-bench-venv $(cat tests/mcp/requirements.txt) \
  grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2)

guest/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter
"$venv/bin/python3" clients/python/generate.py
export PYTHONPATH="$PWD/clients/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$venv/bin/python3" benches/mcp/bench.py \
  --server "${CARGO_TARGET_DIR:-target}/release/code-interpreter" "$@"
