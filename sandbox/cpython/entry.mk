# Extra make rules, used as `make -f Makefile -f entry.mk interpreter.wasm`:
# links sandbox/cpython/entry.c instead of Programs/python.c, with the link
# line CPython uses for python.wasm and a larger C stack (the last
# stack-size wins): CPython's 512 KiB overflows in C-level recursion (a
# recursive property, __len__ calling len(self), the parser on deeply nested
# unary operators) before the recursion limit of 600 raises RecursionError.
# It is linear memory below the heap (--stack-first), so the initial memory
# grows with it; only the part of the stack a cell reaches is ever touched.
CI_STACK_SIZE = 8388608
CI_INITIAL_MEMORY = 20971520

interpreter.wasm: Programs/ci_entry.o $(LINK_PYTHON_DEPS)
	$(LINKCC) $(PY_CORE_LDFLAGS) -Wl,-z,stack-size=$(CI_STACK_SIZE) -Wl,--initial-memory=$(CI_INITIAL_MEMORY) $(LINKFORSHARED) -o $@ Programs/ci_entry.o $(LINK_PYTHON_OBJS) $(LIBS) $(MODLIBS) $(SYSLIBS)

Programs/ci_entry.o: $(CI_ENTRY_SRC) $(PYTHON_HEADERS)
	$(CC) -c $(PY_CORE_CFLAGS) -o $@ $(CI_ENTRY_SRC)
