/* libc++abi for wasm32-wasi is built without exception support: a C++ throw
 * (only pocketfft's error paths in numpy) ends the instance with a message. */
#include <stdio.h>
#include <stdlib.h>
void *__cxa_allocate_exception(size_t size) { void *p = malloc(size); if (!p) abort(); return p; }
void __cxa_throw(void *obj, void *tinfo, void (*dest)(void *)) {
    (void)obj; (void)tinfo; (void)dest;
    fputs("fatal: C++ exception thrown (no exception support in this build)\n", stderr);
    abort();
}
