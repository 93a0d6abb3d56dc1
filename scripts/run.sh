#!/usr/bin/env bash
# Sets everything up (guest build, release binary) and serves the gRPC API on
# 127.0.0.1:50051 with the default limits. Extra arguments go to `serve`
# (see `code-interpreter serve --help`), e.g. scripts/run.sh --listen 0.0.0.0:50051
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/host-deps.sh
guest/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter
exec target/release/code-interpreter serve "$@"
