# Sourced by guest/build.sh: the "numpy" stage. numpy's C and Cython
# extension modules, cross-compiled for wasm32-wasi with the same clang as
# CPython, become static archives that are linked into the interpreter as
# builtin modules (entry.c serves their dotted names); numpy's Python files
# go to the guest's site-packages. Everything that changes the result lives in
# this directory, whose files (and the cpython stage's key) key the cache.
#
# Output in $NUMPY_BUILD/out: interpreter.wasm (with numpy), site-packages/
# (the numpy package without its tests) and tests/ (numpy's test packages,
# for scripts/numpy-tests.sh only).

NUMPY_VERSION=2.2.6
NUMPY_SHA256=e29554e2bef54a90aa5cc07da6ce955accb83f21ab5de01a62c8478897b264fd
NUMPY_URL=https://files.pythonhosted.org/packages/76/21/7d2a95e4bba9dc13d043ee156a356c0a8f0c6309dff6b21b4d71a073b8a8/numpy-$NUMPY_VERSION.tar.gz

# numpy's extension modules left out of the interpreter: _simd only exposes
# the SIMD dispatch machinery to numpy's own SIMD tests (none here).
NUMPY_SKIP_MODULES="numpy._core._simd"

fetch_numpy() {
  step "fetch the numpy $NUMPY_VERSION source distribution (PyPI)"
  NUMPY_TARBALL=$WORK/src/numpy-$NUMPY_VERSION-$NUMPY_SHA256.tar.gz
  if [ ! -f "$NUMPY_TARBALL" ]; then
    mkdir -p "$WORK/src"
    curl -fsSL --retry 3 -o "$NUMPY_TARBALL.part" "$NUMPY_URL"
    echo "$NUMPY_SHA256  $NUMPY_TARBALL.part" | sha256sum -c --quiet -
    mv "$NUMPY_TARBALL.part" "$NUMPY_TARBALL"
  fi
}

# The toolchain meson sees: clang wrappers, a cross file, and a "python" that
# is the host's python 3.11 answering sysconfig questions for the guest
# (the guest's _sysconfigdata and a prefix holding the guest's headers).
numpy_toolchain() {
  local tc=$NUMPY_BUILD/tc
  mkdir -p "$tc/shim" "$tc/pyhost/include/python3.11" "$tc/pkgconfig"
  cp "$HERE/numpy/toolchain/wasm-cc" "$tc/wasm-cc"
  ln -sfn wasm-cc "$tc/wasm-c++"
  sed -e "s#@TC@#$tc#g" -e "s#@VENV@#$NUMPY_BUILD/venv#g" -e "s#@CLANG@#$CLANG_VERSION#g" \
    "$HERE/numpy/toolchain/wasm32-wasi.cross.in" > "$tc/wasm32-wasi.cross"
  printf "[binaries]\ncython = '%s'\n" "$NUMPY_BUILD/venv/bin/cython" > "$tc/native.ini"
  cp -r "$BUILD/Python-$PY_VERSION/Include/." "$tc/pyhost/include/python3.11/"
  cp "$BUILD/wasm/pyconfig.h" "$tc/pyhost/include/python3.11/"
  cp "$BUILD/out/_sysconfigdata__wasi_wasm32-wasi.py" "$tc/shim/"
  printf 'import sys\nsys.prefix = sys.base_prefix = sys.exec_prefix = sys.base_exec_prefix = "%s"\n' \
    "$tc/pyhost" > "$tc/shim/sitecustomize.py"
  cat > "$tc/wasm-python" <<PY
#!/bin/sh
export _PYTHON_SYSCONFIGDATA_NAME=_sysconfigdata__wasi_wasm32-wasi
export _PYTHON_HOST_PLATFORM=wasi-wasm32
export PYTHONPATH=$tc/shim
exec $NUMPY_BUILD/venv/bin/python3 "\$@"
PY
  chmod +x "$tc/wasm-python"
  export WASM_SYSROOT=$BUILD/sysroot CLANG_VERSION
}

numpy_venv() {
  step "build venv for numpy (Cython, pinned by hash)"
  logged "$NUMPY_BUILD/venv.log" python3 -m venv "$NUMPY_BUILD/venv"
  logged "$NUMPY_BUILD/pip.log" "$NUMPY_BUILD/venv/bin/pip" install --quiet --no-deps \
    --only-binary=:all: --require-hashes -r "$HERE/numpy/requirements-build.txt"
}

numpy_compile() {
  local src=$NUMPY_BUILD/numpy-$NUMPY_VERSION tc=$NUMPY_BUILD/tc
  step "configure numpy for wasm32-wasi (meson)"
  # numpy's own fallback linear algebra (lapack_lite), no SIMD, no threads.
  logged "$NUMPY_BUILD/meson-setup.log" "$tc/wasm-python" "$src/vendored-meson/meson/meson.py" setup \
    --cross-file "$tc/wasm32-wasi.cross" --native-file "$tc/native.ini" \
    --buildtype=release -Db_ndebug=if-release \
    -Ddisable-optimization=true -Dcpu-baseline=none -Dcpu-dispatch=none \
    -Ddisable-highway=true -Ddisable-intel-sort=true -Ddisable-svml=true \
    -Dblas=none -Dlapack=none -Dallow-noblas=true -Ddisable-threading=true \
    "$NUMPY_BUILD/build" "$src"
  step "compile numpy for wasm32-wasi (ninja -j$JOBS)"
  logged "$NUMPY_BUILD/ninja.log" ninja -C "$NUMPY_BUILD/build" -j"$JOBS"
  "$tc/wasm-python" "$src/vendored-meson/meson/meson.py" introspect --targets "$NUMPY_BUILD/build" \
    > "$NUMPY_BUILD/targets.json"
  "$tc/wasm-python" "$src/vendored-meson/meson/meson.py" introspect --installed "$NUMPY_BUILD/build" \
    > "$NUMPY_BUILD/installed.json"
}

# The extension modules' table (entry.c's ci_static_extensions), the list of
# archives to link, and the package's Python files laid out as installed.
numpy_collect() {
  step "collect numpy's modules and Python files"
  python3 "$HERE/numpy/collect.py" --build "$NUMPY_BUILD" --skip "$NUMPY_SKIP_MODULES" \
    --table "$NUMPY_BUILD/static_table.c" --libs "$NUMPY_BUILD/link-libs.txt" \
    --site "$NUMPY_BUILD/out/site-packages" --tests "$NUMPY_BUILD/out/tests"
}

numpy_link() {
  step "link the interpreter with numpy"
  "$tc_cc" -O2 -c "$HERE/numpy/toolchain/cxa_stubs.c" -o "$NUMPY_BUILD/cxa_stubs.o"
  local libs
  libs="$(tr '\n' ' ' < "$NUMPY_BUILD/link-libs.txt") $NUMPY_BUILD/cxa_stubs.o -lc++ -lc++abi -lc-printscan-long-double"
  libs="$libs -lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-getpid"
  logged "$NUMPY_BUILD/link.log" make -C "$BUILD/wasm" -f Makefile -f "$HERE/cpython/entry.mk" \
    CI_ENTRY_SRC="$HERE/cpython/entry.c" CI_OUT="$NUMPY_BUILD/interpreter.wasm" \
    CI_TABLE_SRC="$NUMPY_BUILD/static_table.c" CI_EXTRA_LIBS="$libs" "$NUMPY_BUILD/interpreter.wasm"
  # Two modules defining one function differently (see patches/0003) link
  # with only a warning, and the calls of one side then trap: refuse that.
  if grep -E "wasm-ld.*(warning|error)" "$NUMPY_BUILD/link.log"; then
    echo "the numpy link has warnings (above); see $NUMPY_BUILD/link.log" >&2
    return 1
  fi
  # interpreter.wasm marks the stage complete, so it is written last.
  llvm-strip-$CLANG_VERSION -o "$NUMPY_BUILD/out/interpreter.wasm" "$NUMPY_BUILD/interpreter.wasm"
}

stage_numpy() {
  local key
  key=$(cd "$HERE" && { basename "$BUILD"; echo "$NUMPY_SHA256";
        find numpy -type f | sort | xargs cat; } | sha256sum | cut -c1-16)
  NUMPY_BUILD=$WORK/numpy-$key
  if [ -f "$NUMPY_BUILD/out/interpreter.wasm" ]; then
    echo "==> [sandbox] numpy stage cached ($NUMPY_BUILD)" >&2
    return
  fi
  fetch_numpy
  rm -rf "$NUMPY_BUILD"
  mkdir -p "$NUMPY_BUILD/out"
  step "unpack and patch numpy"
  tar xzf "$NUMPY_TARBALL" -C "$NUMPY_BUILD"
  for patch in "$HERE"/numpy/patches/*.patch; do
    patch -d "$NUMPY_BUILD/numpy-$NUMPY_VERSION" -p1 --quiet < "$patch"
  done
  numpy_toolchain
  tc_cc=$NUMPY_BUILD/tc/wasm-cc
  numpy_venv
  numpy_compile
  numpy_collect
  numpy_link
}
