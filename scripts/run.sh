#!/usr/bin/env bash
# Sets everything up (guest build, release binary) and runs one cell:
#   scripts/run.sh -c 'print(2**100)'      or      scripts/run.sh file.py
set -euo pipefail
cd "$(dirname "$0")/.."

sandbox/build.sh >/dev/null
cargo build -j 2 --release --bin code-interpreter
exec target/release/code-interpreter run "$@"
