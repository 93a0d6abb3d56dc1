# Extra make rules, used as `make -f Makefile -f entry.mk interpreter.wasm`:
# links sandbox/cpython/entry.c instead of Programs/python.c, with exactly the
# link line CPython uses for python.wasm.
interpreter.wasm: Programs/ci_entry.o $(LINK_PYTHON_DEPS)
	$(LINKCC) $(PY_CORE_LDFLAGS) $(LINKFORSHARED) -o $@ Programs/ci_entry.o $(LINK_PYTHON_OBJS) $(LIBS) $(MODLIBS) $(SYSLIBS)

Programs/ci_entry.o: $(CI_ENTRY_SRC) $(PYTHON_HEADERS)
	$(CC) -c $(PY_CORE_CFLAGS) -o $@ $(CI_ENTRY_SRC)
