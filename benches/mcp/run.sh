#!/usr/bin/env bash
# MCP benchmark: `2**200` and a GDP line chart through `code-interpreter mcp`
# (streamable HTTP and stdio, with the official MCP Python SDK) and through the
# gRPC API (with the project's Python client), side by side in one run.
# Target: an MCP run_code of 2**200 takes under 10 ms of server time. See bench.py.
#
# Usage: benches/mcp/run.sh [--count N] [--json PATH]
#
# Builds the release server and the guest (sandbox/build.sh) and creates (or
# reuses) a throwaway venv with the pinned SDK and gRPC packages in
# $CODE_INTERPRETER_CACHE/mcp-bench-venv (default ~/.cache/code-interpreter).
set -euo pipefail
cd "$(dirname "$0")/../.."

source benches/venv.sh
venv=$(bench_venv mcp-bench-venv \
  mcp==2.3.0 mcp-types==2.3.0 annotated-types==0.8.0 anyio==4.16.0 attrs==26.1.0 cffi==2.1.1 \
  click==8.5.1 cryptography==51.0.1 h11==0.16.0 httpcore2==2.17.0 httpx2==2.17.0 idna==3.21 \
  jsonschema==4.26.0 jsonschema-specifications==2025.9.1 opentelemetry-api==1.45.3 \
  pycparser==3.12 pydantic==2.14.4 pydantic_core==2.50.5 PyJWT==2.15.1 python-multipart==0.0.34 \
  referencing==0.37.0 rpds-py==2026.9.1 sse-starlette==3.7.1 starlette==1.10.0 \
  truststore==0.10.5 typing-inspection==0.4.5 typing_extensions==4.16.0 uvicorn==0.55.0 \
  grpcio==1.85.3 grpcio-tools==1.85.1 protobuf==7.36.2)

sandbox/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter
"$venv/bin/python3" clients/python/generate.py
export PYTHONPATH="$PWD/clients/python${PYTHONPATH:+:$PYTHONPATH}"
exec "$venv/bin/python3" benches/mcp/bench.py \
  --server "${CARGO_TARGET_DIR:-target}/release/code-interpreter" "$@"
