# Sourced by guest/build.sh: the "cpython" stage (compiling zlib, the native
# build python and the wasm32-wasi interpreter). Everything that changes the
# compiled interpreter lives in this directory, whose files key the stage cache.

PY_VERSION=3.11.2
CLANG_VERSION=14

wasm_toolchain() {
  SYSROOT=$BUILD/sysroot
  mkdir -p "$SYSROOT/include" "$SYSROOT/lib"
  ln -sfn /usr/include/wasm32-wasi "$SYSROOT/include/wasm32-wasi"
  ln -sfn /usr/lib/wasm32-wasi "$SYSROOT/lib/wasm32-wasi"
  export CC="clang-$CLANG_VERSION --target=wasm32-wasi --sysroot=$SYSROOT"
  export CPP="$CC -E"
  export AR=llvm-ar-$CLANG_VERSION RANLIB=llvm-ranlib-$CLANG_VERSION
  export PKG_CONFIG_LIBDIR=$BUILD/prefix/lib/pkgconfig PKG_CONFIG_PATH=
}

build_zlib() {
  step "build zlib for wasm32-wasi"
  mkdir -p "$BUILD/zlib" "$BUILD/prefix/lib" "$BUILD/prefix/include"
  tar xf "$ZLIB_TARBALL" -C "$BUILD/zlib" --strip-components=1
  (
    cd "$BUILD/zlib"
    for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback \
             inffast inflate inftrees trees uncompr zutil; do
      $CC -O2 -D_LARGEFILE64_SOURCE=1 -c "$f.c" -o "$f.o"
    done
    $AR rcs "$BUILD/prefix/lib/libz.a" ./*.o
    cp zlib.h zconf.h "$BUILD/prefix/include/"
  )
}

build_native_python() {
  step "build native CPython $PY_VERSION (the build python)"
  mkdir -p "$BUILD/native"
  cd "$BUILD/native"
  logged "$BUILD/native-configure.log" env -u CC -u CPP -u AR -u RANLIB -u PKG_CONFIG_LIBDIR \
    "$SRC/configure" --prefix="$BUILD/native-prefix"
  logged "$BUILD/native-make.log" env -u CC -u CPP -u AR -u RANLIB -u PKG_CONFIG_LIBDIR make -j"$JOBS"
}

build_wasm_python() {
  step "configure CPython for wasm32-wasi"
  cp "$HERE/cpython/hostcall.c" "$SRC/Modules/hostcall.c"
  mkdir -p "$BUILD/wasm/Modules"
  cp "$HERE/cpython/Setup.local" "$BUILD/wasm/Modules/Setup.local"
  cd "$BUILD/wasm"
  logged "$BUILD/wasm-configure.log" env \
    CONFIG_SITE="$SRC/Tools/wasm/config.site-wasm32-wasi" \
    ZLIB_CFLAGS="-I$BUILD/prefix/include" ZLIB_LIBS="-L$BUILD/prefix/lib -lz" \
    CFLAGS="-I$BUILD/prefix/include" LDFLAGS="-L$BUILD/prefix/lib" \
    "$SRC/configure" -C --host=wasm32-unknown-wasi --build="$("$SRC/config.guess")" \
      --with-build-python="$BUILD/native/python" --with-pymalloc \
      --disable-test-modules --without-ensurepip
  grep -q '^zlib' Modules/Setup.stdlib || { echo "zlib was not detected" >&2; false; }
  step "compile CPython for wasm32-wasi"
  logged "$BUILD/wasm-make.log" make -j"$JOBS"
  step "link the sandbox interpreter"
  logged "$BUILD/wasm-link.log" make -f Makefile -f "$HERE/cpython/entry.mk" \
    CI_ENTRY_SRC="$HERE/cpython/entry.c" interpreter.wasm
  # interpreter.wasm marks the stage complete, so it is written last.
  cp build/lib.wasi-wasm32-3.11/_sysconfigdata__wasi_wasm32-wasi.py "$BUILD/out/"
  llvm-strip-$CLANG_VERSION -o "$BUILD/out/interpreter.wasm" interpreter.wasm
}

stage_cpython() {
  local key
  key=$(cd "$HERE" && hash_inputs cpython/build.sh cpython/hostcall.c cpython/entry.c cpython/entry.mk cpython/no_extensions.c \
        cpython/Setup.local cpython/patches/*.patch)
  BUILD=$WORK/cpython-$key
  if [ -f "$BUILD/out/interpreter.wasm" ]; then
    echo "==> [sandbox] cpython stage cached ($BUILD)" >&2
    return
  fi
  rm -rf "$BUILD"
  mkdir -p "$BUILD/out"
  SRC=$BUILD/Python-$PY_VERSION
  step "unpack and patch CPython sources"
  tar xf "$PY_TARBALL" -C "$BUILD"
  for patch in "$HERE"/cpython/patches/*.patch; do
    patch -d "$SRC" -p1 --quiet < "$patch"
  done
  wasm_toolchain
  build_zlib
  build_native_python
  build_wasm_python
}

