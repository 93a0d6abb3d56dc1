#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs all tests:
# the guest build (guest/build.sh), the runner's own unit tests, formatting,
# the one-way layering of the modules, lints, the Rust integration tests against the real guest (the adversarial
# corpus and a 30-second soak among them), the Python client's tests against a
# real server, the MCP server driven by the official MCP Python SDK (stdio and
# HTTP), and a short fuzzing run of every fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."

# cargo fmt and cargo clippy come with rustup's default profile; add them if missing.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  rustup component add rustfmt clippy
fi
scripts/host-deps.sh
guest/build.sh
# The runner's unit tests need numpy (the guest's release) and contourpy (to check the
# contours against); they run in a throwaway venv holding just those wheels.
source benches/venv.sh
runner_venv=$(bench_venv runner-test-venv numpy==2.2.6 contourpy==1.3.3)
(cd guest/runtime && "$runner_venv/bin/python3" -m unittest discover -s tests)
cargo fmt --check
# Modules import one way only, none over 600 lines (docs/ARCHITECTURE.md, "Layers").
python3 scripts/check-layers.py
# The fuzz targets' entry points (feature `fuzzing`) are linted and their
# seeds replayed by `cargo test` too; one feature set keeps one build.
cargo clippy -j 2 --all-targets --features fuzzing -- -D warnings
cargo test -j 2 --features fuzzing
cargo build -j 2 --features fuzzing --bin code-interpreter
cargo run -j 2 --features fuzzing --example run_cell
clients/python/run_tests.sh "${CARGO_TARGET_DIR:-target}/debug/code-interpreter"
tests/mcp/run.sh "${CARGO_TARGET_DIR:-target}/debug/code-interpreter"
scripts/fuzz.sh --smoke
