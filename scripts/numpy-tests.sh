#!/usr/bin/env bash
# Runs numpy's own test suite inside the sandbox: each test file on a fresh
# interpreter (`code-interpreter run`), so a crash in one cannot hide the
# others. pytest and hypothesis (pure Python, pinned by hash in
# scripts/numpy-tests-requirements.txt) are added to a copy of the guest's
# files made for this run only; the service's guest never has them.
#
# Usage: scripts/numpy-tests.sh [TEST_PATH...]
#   TEST_PATH: paths under numpy/ (default: the set below: core array
#   creation, indexing, ufuncs, reductions, sorting; linalg, random, fft,
#   polynomial). PYTEST_ARGS adds pytest options (e.g. "-k sort").
# Output: a line per file with pytest's counts, then the totals; the full
# pytest output of each file is kept in $OUT (printed at the end).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CODE_INTERPRETER_CACHE:-$HOME/.cache/code-interpreter}
JOBS=${JOBS:-2}
DEFAULT_TESTS=(
  numpy/_core/tests/test_multiarray.py      # array creation, indexing, methods, sorting
  numpy/_core/tests/test_numeric.py         # creation functions, reductions, broadcasting
  numpy/_core/tests/test_indexing.py
  numpy/_core/tests/test_ufunc.py           # ufunc machinery, reductions
  numpy/_core/tests/test_umath.py           # the math ufuncs
  numpy/_core/tests/test_function_base.py   # linspace, logspace, geomspace
  numpy/_core/tests/test_shape_base.py
  numpy/_core/tests/test_item_selection.py  # take, put, choose
  numpy/_core/tests/test_scalarmath.py
  numpy/_core/tests/test_dtype.py
  numpy/lib/tests/test_function_base.py     # mean/median/percentile, sort helpers, ...
  numpy/linalg/tests
  numpy/random/tests
  numpy/fft/tests
  numpy/polynomial/tests
)
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=("${DEFAULT_TESTS[@]}")

dist=$("$ROOT/guest/build.sh" | tail -n 1)
(cd "$ROOT" && cargo build -j "$JOBS" --bin code-interpreter)
bin=${CARGO_TARGET_DIR:-$ROOT/target}/debug/code-interpreter

# The guest's files plus numpy's tests and the test packages (hard links: cheap).
key=$( { cat "$dist/build-id" "$ROOT/scripts/numpy-tests-requirements.txt"; } | sha256sum | cut -c1-16)
tdist=$CACHE/numpy-tests/dist-$key
if [ ! -f "$tdist/build-id" ]; then
  echo "==> [numpy-tests] preparing $tdist" >&2
  rm -rf "$tdist" && mkdir -p "$CACHE/numpy-tests/wheels"
  cp -al "$dist" "$tdist.tmp"
  rm -f "$tdist.tmp/build-id"
  site=$tdist.tmp/lib/python3.11/site-packages
  cp -r "$dist/numpy-tests/numpy/." "$site/numpy/"
  # A few test modules import ctypes or mmap at the top (test_multiarray, test_dtype,
  # test_ufunc, ...); WASI has neither, so their copies here import them only if they
  # exist. The tests that use them then fail (and are counted).
  python3 - "$site/numpy" <<'PY'
import pathlib, re, sys
pattern = re.compile(r"^import (ctypes|mmap)( as (\w+))?$", re.M)
for path in pathlib.Path(sys.argv[1]).rglob("test_*.py"):
    text = path.read_text()
    new = pattern.sub(lambda m: f"try:\n    {m.group(0)}\nexcept ImportError:  # not on WASI "
                      f"(scripts/numpy-tests.sh)\n    {m.group(3) or m.group(1)} = None", text)
    if new != text:
        path.write_text(new)
PY
  python3 -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
    -r "$ROOT/scripts/numpy-tests-requirements.txt" -d "$CACHE/numpy-tests/wheels"
  for whl in "$CACHE"/numpy-tests/wheels/*.whl; do unzip -q -o "$whl" -d "$site"; done
  # numpy's own pytest configuration (its CI's: warnings are errors, with its exceptions)
  tar xzf "$(ls "$CACHE"/sandbox/src/numpy-*.tar.gz | head -n 1)" -O --wildcards '*/pytest.ini' \
    > "$site/pytest.ini"
  python3 -m compileall -q -j "$JOBS" --invalidation-mode unchecked-hash \
    -d /usr/local/lib/python3.11/site-packages "$site" >/dev/null || true
  echo "numpy-tests-$key" > "$tdist.tmp/build-id"
  mv "$tdist.tmp" "$tdist"
fi

OUT=$(mktemp -d /tmp/numpy-tests.XXXXXX)
cell=$OUT/cell.py
total_pass=0; total_fail=0; total_skip=0; total_err=0; total_xfail=0; crashed=()
printf '%-45s %7s %7s %7s %7s %7s %8s\n' file passed failed skipped xfail errors seconds
for t in "${tests[@]}"; do
  files=()
  if [ -d "$tdist/lib/python3.11/site-packages/$t" ]; then
    while IFS= read -r f; do files+=("${f#"$tdist"/lib/python3.11/site-packages/}"); done \
      < <(find "$tdist/lib/python3.11/site-packages/$t" -name 'test_*.py' | sort)
  else
    files=("$t")
  fi
  for f in "${files[@]}"; do
    log=$OUT/$(echo "$f" | tr / _).log
    cat > "$cell" <<PY
import os, sys, tempfile
sys.dont_write_bytecode = True
os.makedirs("/mnt/data/tmp", exist_ok=True)
os.environ["TMPDIR"] = tempfile.tempdir = "/mnt/data/tmp"
if not hasattr(os, "getuid"):  # WASI has none; pytest's tmp_path takes -1 as "unknown"
    os.getuid = lambda: -1
import pytest
# explicit config and root: pytest would look for ini files in directories the guest cannot see
site = "/usr/local/lib/python3.11/site-packages"
code = pytest.main(["-c", site + "/pytest.ini", "--rootdir", site,
                    "-q", "-rfE", "--tb=line", "--capture=sys",  # no os.dup on WASI
                    "-p", "no:cacheprovider", "-p", "no:faulthandler", "-p", "no:logging",
                    "-o", "console_output_style=classic", *"${PYTEST_ARGS:-}".split(),
                    "/usr/local/lib/python3.11/site-packages/$f"])
print("pytest exit code", int(code))
PY
    start=$(date +%s)
    # run from /tmp: `run` saves displays into its display dir
    (cd "$OUT" && "$bin" run --sandbox-dir "$tdist" --cache-dir "$CACHE/numpy-tests/modules" \
       --timeout 1800 --memory-mb 4096 --max-output-bytes 16777216 --display-dir "$OUT" "$cell") \
       >"$log" 2>&1 || true
    secs=$(( $(date +%s) - start ))
    summary=$(grep -E '^(=+ )?[0-9]+ (passed|failed|skipped|errors?|deselected|xfailed|xpassed|warnings?)|^(=+ )?no tests ran' "$log" | tail -n 1 || true)
    count() { echo "$summary" | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+' || echo 0; }
    p=$(count passed); fl=$(count failed); s=$(count skipped); x=$(count xfailed); e=$(count 'errors?')
    if [ -z "$summary" ]; then crashed+=("$f"); fl="CRASH"; fi
    printf '%-45s %7s %7s %7s %7s %7s %8s\n' "${f#numpy/}" "$p" "$fl" "$s" "$x" "$e" "$secs"
    total_pass=$((total_pass + p)); total_skip=$((total_skip + s)); total_xfail=$((total_xfail + x))
    total_err=$((total_err + e)); [ "$fl" = CRASH ] || total_fail=$((total_fail + fl))
  done
done
printf '%-45s %7s %7s %7s %7s %7s\n' TOTAL "$total_pass" "$total_fail" "$total_skip" "$total_xfail" "$total_err"
[ ${#crashed[@]} -eq 0 ] || echo "no pytest summary (the interpreter stopped): ${crashed[*]}"
echo "logs: $OUT"
