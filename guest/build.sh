#!/usr/bin/env bash
# Builds the sandbox guest: CPython 3.11 for wasm32-wasi (from Debian's source
# package, with Debian's clang/lld/wasi-libc) with numpy linked in (from its
# PyPI sdist), its trimmed and precompiled standard library, numpy's and the
# vendored pure-Python packages and the guest runtime.
#
# Usage: guest/build.sh            (prints the output directory at the end)
#
# Output: $CACHE/sandbox/dist-<hash>/ with
#   interpreter.wasm              the stripped interpreter (entry: guest/cpython/entry.c)
#   lib/python3.11/               stdlib + site-packages, mounted read-only in the guest
#   numpy-tests/                  numpy's test packages (scripts/numpy-tests.sh), not mounted
# and the symlink $CACHE/sandbox/current pointing at it (the 4 most recently
# built or used dist directories are kept). CACHE defaults to
# ~/.cache/code-interpreter (override with CODE_INTERPRETER_CACHE).
#
# Three stages, each cached under a hash of its inputs: "cpython" (compiling,
# minutes), "numpy" (compiling numpy and linking it into the interpreter,
# minutes; guest/numpy/build.sh) and "dist" (packing the Python files,
# seconds). Unchanged inputs make the whole script finish in about a second.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${CODE_INTERPRETER_CACHE:-$HOME/.cache/code-interpreter}
WORK=$CACHE/sandbox
JOBS=${JOBS:-2}
STEP="start"
step() { STEP=$1; echo "==> [sandbox] $1" >&2; }
on_exit() {
  local status=$?
  [ "$status" = 0 ] || echo "sandbox build FAILED in step \"$STEP\" (exit $status); see the log above${LOG:+ and $LOG}" >&2
}
trap on_exit EXIT

# One build at a time per cache: a second run waits, then finds the stages built.
mkdir -p "$WORK"
exec 9>"$WORK/.lock"
flock 9

# Runs a noisy command with its output in a log file, shown if it fails.
logged() {
  LOG=$1; shift
  if ! "$@" >"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    return 1
  fi
  LOG=
}

# The compiling stage; it also defines PY_VERSION and CLANG_VERSION, which
# thereby key its cache.
# shellcheck source=cpython/build.sh
source "$HERE/cpython/build.sh"
# shellcheck source=numpy/build.sh
source "$HERE/numpy/build.sh"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_packages() {
  step "install Debian packages"
  local src=/etc/apt/sources.list.d/code-interpreter-src.sources
  if [ ! -f "$src" ]; then
    sudo_if_needed tee "$src" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    NEED_UPDATE=1
  fi
  local packages=("clang-$CLANG_VERSION" "lld-$CLANG_VERSION" "llvm-$CLANG_VERSION"
                  "libclang-rt-$CLANG_VERSION-dev-wasm32" wasi-libc dpkg-dev build-essential unzip
                  "libc++-$CLANG_VERSION-dev-wasm32" "libc++abi-$CLANG_VERSION-dev-wasm32"
                  ninja-build python3-venv curl)
  local missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ] || [ -n "${NEED_UPDATE:-}" ]; then
    sudo_if_needed apt-get update -qq
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Source packages are fetched once into $WORK/src (Debian's orig tarballs).
fetch_sources() {
  step "fetch Debian source packages (python3.11, zlib)"
  mkdir -p "$WORK/src"
  cd "$WORK/src"
  if ! ls python3.11_${PY_VERSION}.orig.tar.* >/dev/null 2>&1 || ! ls zlib_*.orig.tar.* >/dev/null 2>&1; then
    apt-get source --download-only python3.11 zlib >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get source --download-only python3.11 zlib >/dev/null; }
  fi
  PY_TARBALL=$(ls "$WORK"/src/python3.11_${PY_VERSION}.orig.tar.* | head -1)
  ZLIB_TARBALL=$(ls "$WORK"/src/zlib_*.orig.tar.* | head -1)
}

hash_inputs() {
  (cd "$HERE" && cat "$@" | sha256sum | cut -c1-16)
}


# The standard library minus what cannot work or is never wanted in the guest.
copy_stdlib() {
  step "copy and trim the standard library"
  local lib=$1
  mkdir -p "$lib"
  tar -C "$BUILD/Python-$PY_VERSION/Lib" -cf - \
      --exclude='test' --exclude='tests' --exclude='idle_test' \
      --exclude='idlelib' --exclude='tkinter' --exclude='turtledemo' --exclude='turtle.py' \
      --exclude='ensurepip' --exclude='venv' --exclude='lib2to3' --exclude='pydoc_data' \
      --exclude='distutils' --exclude='msilib' --exclude='__pycache__' --exclude='site-packages' \
      . | tar -C "$lib" -xf -
  cp "$BUILD/out/_sysconfigdata__wasi_wasm32-wasi.py" "$lib/"
}

install_packages() {
  step "install vendored packages (pinned wheels)"
  local site=$1
  mkdir -p "$site" "$WORK/wheels"
  python3 -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
    -r "$HERE/requirements.txt" -d "$WORK/wheels"
  while read -r spec _; do
    case "$spec" in ''|\#*) continue ;; esac
    local name=${spec%%==*} version=${spec#*==}
    # Wheel names spell the project with underscores (python_dateutil-...-py2.py3-none-any.whl).
    unzip -q -o "$WORK/wheels/${name//-/_}-${version}-"*-none-any.whl -d "$site"
  done < <(grep -v '^ *--hash' "$HERE/requirements.txt" | sed 's/ *\\$//')
  # sympy probes the C long size through ctypes, which does not exist on WASI.
  sed -i 's/^from ctypes import c_long, sizeof$/from struct import calcsize as _calcsize/; s/sizeof(c_long)/_calcsize("l")/' \
    "$site/sympy/external/gmpy.py"
  grep -q '_calcsize("l")' "$site/sympy/external/gmpy.py"
  cp -r "$HERE/runtime/guest_runtime" "$HERE/runtime/ci_runtime.py" "$HERE/runtime/matplotlib" "$HERE/runtime/pandas" "$HERE/runtime/seaborn" "$site/"
  cp -r "$NUMPY_BUILD/out/site-packages/numpy" "$site/"
}

stage_dist() {
  local key
  key=$(cd "$HERE" && { echo "$BUILD"; echo "$NUMPY_BUILD"; cat build.sh requirements.txt;
        find runtime/guest_runtime runtime/ci_runtime.py runtime/matplotlib runtime/pandas runtime/seaborn -name '*.py' | sort | xargs cat; } | sha256sum | cut -c1-16)
  local dist=$WORK/dist-$key
  if [ ! -f "$dist/build-id" ]; then
    rm -rf "$dist"
    local lib=$dist/lib/python3.11
    copy_stdlib "$lib"
    install_packages "$lib/site-packages"
    step "precompile Python files"
    logged "$dist/compileall.log" "$BUILD/native/python" -m compileall -q -j "$JOBS" \
      --invalidation-mode unchecked-hash -d /usr/local/lib/python3.11 "$lib"
    rm "$dist/compileall.log"
    # numpy's own tests, outside the guest's file tree (scripts/numpy-tests.sh)
    cp -r "$NUMPY_BUILD/out/tests" "$dist/numpy-tests"
    cp "$NUMPY_BUILD/out/interpreter.wasm" "$dist/"
    echo "$key" > "$dist/build-id"
  else
    echo "==> [sandbox] dist stage cached ($dist)" >&2
  fi
  ln -sfn "$dist" "$WORK/current"
  DIST=$dist
  # Each change to the runtime's Python makes a new dist (about 150 MB): keep the 4 most
  # recently built or used ones (a server of an older build may still read its stdlib).
  touch "$dist"
  ls -dt "$WORK"/dist-* | tail -n +5 | xargs -r rm -rf
}

ensure_packages
fetch_sources
stage_cpython
stage_numpy
stage_dist
step "done"
echo "$DIST"
