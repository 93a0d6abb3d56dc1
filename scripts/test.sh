#!/usr/bin/env bash
# Sets everything up on a fresh Debian machine and runs all tests: the guest
# build (guest/build.sh), the runner's own unit tests, formatting, the one-way
# layering of the modules, lints, the Rust integration tests against the real
# guest (the adversarial corpus and a 30-second soak among them), the examples,
# the Python client's tests against a real server, the MCP server driven by the
# official MCP Python SDK (stdio and HTTP), and a short fuzzing run of every
# fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."

# cargo fmt and cargo clippy come with rustup's default profile; add them if missing.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  rustup component add rustfmt clippy
fi
scripts/host-deps.sh

# The guest build (minutes from cold, compiling CPython and numpy) runs beside
# the Rust build below; only running the tests waits for it.
guest_log=$(mktemp)
guest/build.sh >"$guest_log" 2>&1 &
guest_pid=$!
wait_for_guest() {
  local status=0
  wait "$guest_pid" || status=$?
  cat "$guest_log" >&2
  rm -f "$guest_log"
  return "$status"
}
trap 'kill "$guest_pid" 2>/dev/null || true' EXIT

# The runner's unit tests need numpy (the guest's release), python-dateutil with six (the
# guest's, for matplotlib.dates) and contourpy (to check the contours against); they run in a
# throwaway venv holding just those wheels.
source benches/venv.sh
runner_venv=$(bench_venv runner-test-venv numpy==2.2.6 python-dateutil==2.9.0.post0 six==1.17.0 \
    contourpy==1.3.3)
(cd guest/runtime && "$runner_venv/bin/python3" -m unittest discover -s tests)
cargo fmt --check
# Modules import one way only, none over 600 lines (docs/ARCHITECTURE.md, "Layers").
python3 scripts/check-layers.py

# Lints run inside the one build the tests need: clippy-driver compiles this
# crate's targets (through RUSTC_WORKSPACE_WRAPPER and CLIPPY_ARGS, as `cargo
# clippy` itself does), so the dependencies are compiled once rather than also
# checked apart; any warning, clippy's or rustc's, fails the build. The fuzz
# targets' entry points (feature `fuzzing`) are linted and their seeds replayed
# too; one feature set keeps one build.
linted() {
  RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver" \
    CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__" cargo "$@"
}
linted test -j 2 --features fuzzing --all-targets --no-run
wait_for_guest
linted test -j 2 --features fuzzing
linted run -j 2 --features fuzzing --example run_cell
clients/python/run_tests.sh "${CARGO_TARGET_DIR:-target}/debug/code-interpreter"
tests/mcp/run.sh "${CARGO_TARGET_DIR:-target}/debug/code-interpreter"
scripts/fuzz.sh --smoke
