#!/usr/bin/env bash
# Fuzzes the host's parsers of untrusted input with cargo-fuzz (libFuzzer):
# the host-call request decoder and event payloads, chart specs, request
# validation and file-path confinement (targets in fuzz/fuzz_targets/, entry
# points in src/fuzzing.rs; fuzz/README.md).
#
#   scripts/fuzz.sh --smoke            every target on a fixed set of generated inputs
#                                      (~20 s each; FUZZ_SMOKE_SECONDS, 120, bounds each),
#                                      two at a time, built mostly unoptimized (a cold
#                                      build then takes minutes less); what scripts/test.sh runs
#   scripts/fuzz.sh TARGET [SECONDS]   one target (default 300 s)
#   scripts/fuzz.sh --build            build only
#
# Fails when a target crashes (panic, broken invariant, timeout, out of memory);
# the input is saved under fuzz/artifacts/TARGET/ (fuzz/README.md: replaying).
#
# Stable Rust, no nightly: cargo-fuzz wants nightly only for its default
# sanitizer (`-Zsanitizer=address`). libFuzzer's coverage instrumentation
# (`-Cpasses=sancov-module` and `-Cllvm-args=-sanitizer-coverage-*`) is plain
# stable codegen flags, so with `--sanitizer none` everything builds on the
# stable toolchain (the only one a fresh machine has) and the fuzzer still sees
# coverage (its `cov:`/`ft:` counts grow). What is lost is AddressSanitizer,
# which finds little in safe Rust: panics, overflow checks (debug assertions
# are on), timeouts and libFuzzer's -malloc_limit_mb/-rss_limit_mb catch what
# matters here. FUZZ_SANITIZER=address turns it on anyway: the stable
# toolchain ships the ASan runtime, and RUSTC_BOOTSTRAP=1 lets stable rustc
# take the -Z flag (a bootstrap escape hatch, fine for a test build, never for
# the shipped binary).
#
# cargo-fuzz itself is installed (pinned, --locked) under
# ~/.cache/code-interpreter/ (or $CODE_INTERPRETER_CACHE), and builds go to a target dir there too (they use
# their own RUSTFLAGS, so sharing the main target dir would rebuild both), so
# repeat runs are fast. The corpus that runs grow is kept there as well; the
# committed seeds in fuzz/corpus/ are read, never written.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.2
CACHE=${CODE_INTERPRETER_CACHE:-$HOME/.cache/code-interpreter}
TOOLS=$CACHE/cargo-fuzz-$CARGO_FUZZ_VERSION
export CARGO_TARGET_DIR=$CACHE/fuzz-target
TARGETS=(hostcall_request hostcall_event chart_spec chart_spec_json request_limits scratch_paths)
SANITIZER=${FUZZ_SANITIZER:-none}

usage() {
  echo "usage: $0 --smoke | --build | TARGET [SECONDS]   (targets: ${TARGETS[*]})" >&2
  exit 2
}
[ $# -ge 1 ] || usage

if ! "$TOOLS/bin/cargo-fuzz" --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION"; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION into $TOOLS"
  env -u CARGO_TARGET_DIR cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked \
    --root "$TOOLS" -j 2 --quiet
fi
export PATH=$TOOLS/bin:$PATH
if [ "$SANITIZER" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}
BUILD=(--sanitizer "$SANITIZER")
SMOKE=0
if [ "${1:-}" = --smoke ]; then
  SMOKE=1
  BUILD+=(--dev)
fi

build() {
  local started=$SECONDS
  cargo fuzz build "${BUILD[@]}"
  echo "fuzz: built the targets in $((SECONDS - started)) s"
}

# Inputs per target of the smoke run (about 20 s each on a loaded 2-core
# machine). With a fixed seed and only the committed seeds as its corpus, the
# smoke run tries the same inputs on every machine: CI runs exactly what
# passed here, and a crash it reports reproduces.
declare -A SMOKE_RUNS=([hostcall_request]=200000 [hostcall_event]=30000 [chart_spec]=40000
  [chart_spec_json]=20000 [request_limits]=20000 [scratch_paths]=300000)

# run TARGET SECONDS LOG: fuzzes one target for SECONDS, output to LOG (the
# smoke run: its fixed inputs, SECONDS being only a bound).
run() {
  local target=$1 seconds=$2 log=$3
  local corpus=$CACHE/fuzz-corpus/$target seeds=fuzz/corpus/$target
  local flags=(-max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024
    -timeout=20 -print_final_stats=1)
  if [ "$SMOKE" = 1 ]; then
    corpus=$(mktemp -d)
    flags+=(-seed=1 -runs="${SMOKE_RUNS[$target]}")
  fi
  case $target in
    chart_spec | chart_spec_json)
      seeds=fuzz/corpus/chart_spec
      flags+=(-max_len=32768 -dict=fuzz/chart.dict)
      ;;
  esac
  mkdir -p "$corpus"
  local dirs=("$corpus")
  [ -d "$seeds" ] && dirs+=("$seeds")
  local status=0
  cargo fuzz run "${BUILD[@]}" "$target" "${dirs[@]}" -- "${flags[@]}" >"$log" 2>&1 || status=$?
  [ "$SMOKE" = 1 ] && rm -rf "$corpus"
  return "$status"
}

# summary TARGET LOG: one line of libFuzzer's final numbers.
summary() {
  local stats
  stats=$(grep -E '^(#[0-9]+ +DONE|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))' "$2" |
    sed -E 's/^stat::([a-z_]+): +/\1=/' | tr -s ' \n' ' ')
  echo "fuzz: $1: $stats"
}

case $1 in
  --build)
    build
    ;;
  --smoke)
    seconds=${FUZZ_SMOKE_SECONDS:-120}
    build
    logs=$(mktemp -d)
    failed=()
    started=$SECONDS
    # Two targets at a time (the machine has two cores).
    for ((i = 0; i < ${#TARGETS[@]}; i += 2)); do
      pids=()
      for target in "${TARGETS[@]:i:2}"; do
        run "$target" "$seconds" "$logs/$target.log" &
        pids+=("$!:$target")
      done
      for entry in "${pids[@]}"; do
        target=${entry#*:}
        if wait "${entry%%:*}"; then
          summary "$target" "$logs/$target.log"
        else
          failed+=("$target")
          echo "fuzz: $target FAILED; the end of its log:" >&2
          tail -n 60 "$logs/$target.log" >&2
        fi
      done
    done
    echo "fuzz: smoke run of ${#TARGETS[@]} targets took $((SECONDS - started)) s"
    rm -rf "$logs"
    if [ ${#failed[@]} -gt 0 ]; then
      echo "fuzz: crashes in ${failed[*]} (inputs under fuzz/artifacts/)" >&2
      exit 1
    fi
    ;;
  -*)
    usage
    ;;
  *)
    target=$1
    seconds=${2:-300}
    [[ " ${TARGETS[*]} " == *" $target "* ]] || usage
    build
    log=$(mktemp)
    if run "$target" "$seconds" "$log"; then
      grep -E '^#[0-9]+ ' "$log" | tail -n 3
      summary "$target" "$log"
      rm -f "$log"
    else
      tail -n 80 "$log" >&2
      echo "fuzz: $target FAILED (log: $log)" >&2
      exit 1
    fi
    ;;
esac
