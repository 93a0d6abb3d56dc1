# Extra make rules, used as `make -f Makefile -f entry.mk interpreter.wasm`:
# links guest/cpython/entry.c instead of Programs/python.c, with the link
# line CPython uses for python.wasm and a larger C stack (the last
# stack-size wins): CPython's 512 KiB overflows in C-level recursion (a
# recursive property, __len__ calling len(self), the parser on deeply nested
# unary operators) before the recursion limit of 600 raises RecursionError.
# It is linear memory below the heap (--stack-first), so the initial memory
# grows with it; only the part of the stack a cell reaches is ever touched.
#
# Later stages link their extension modules in with the same rule:
#   make -f Makefile -f entry.mk CI_OUT=/path/interpreter.wasm \
#        CI_TABLE_SRC=table.c CI_EXTRA_LIBS="libs..." /path/interpreter.wasm
# CI_TABLE_SRC defines ci_static_extensions (see entry.c).
CI_STACK_SIZE = 8388608
CI_INITIAL_MEMORY = 20971520
CI_OUT = interpreter.wasm
CI_TABLE_SRC = $(dir $(CI_ENTRY_SRC))no_extensions.c
CI_EXTRA_LIBS =

$(CI_OUT): Programs/ci_entry.o $(CI_OUT).table.o $(LINK_PYTHON_DEPS)
	$(LINKCC) $(PY_CORE_LDFLAGS) -Wl,-z,stack-size=$(CI_STACK_SIZE) -Wl,--initial-memory=$(CI_INITIAL_MEMORY) $(LINKFORSHARED) -o $@ Programs/ci_entry.o $(CI_OUT).table.o $(LINK_PYTHON_OBJS) $(CI_EXTRA_LIBS) $(LIBS) $(MODLIBS) $(SYSLIBS)

Programs/ci_entry.o: $(CI_ENTRY_SRC) $(PYTHON_HEADERS)
	$(CC) -c $(PY_CORE_CFLAGS) -o $@ $(CI_ENTRY_SRC)

$(CI_OUT).table.o: $(CI_TABLE_SRC) $(PYTHON_HEADERS)
	$(CC) -c $(PY_CORE_CFLAGS) -o $@ $(CI_TABLE_SRC)
