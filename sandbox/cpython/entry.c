/*
 * Entry point of the sandbox interpreter (replaces Programs/python.c).
 *
 * Two exports matter to the host:
 *   wizer-initialize  run once by the snapshotter (wasmtime-wizer): starts the
 *                     interpreter and imports the cell runner and the common
 *                     modules; the resulting memory becomes the snapshot.
 *   _start / main     run per instance: initializes only if no snapshot did,
 *                     then hands control to ci_runtime.runner.serve(), which
 *                     asks the host for cells until there are none left.
 */
#include "Python.h"
#include <stdio.h>
#include <stdlib.h>

#define STDLIB_DIR L"/usr/local/lib/python3.11"
#define SITE_DIR STDLIB_DIR L"/site-packages"

/* Set in the snapshot: a pre-initialized instance skips initialization. */
static int ci_initialized = 0;

static void
ci_fail(const char *what)
{
    fprintf(stderr, "sandbox interpreter: %s\n", what);
    if (PyErr_Occurred()) {
        PyErr_Print();
    }
    abort();
}

static void
ci_check(PyStatus status)
{
    if (PyStatus_Exception(status)) {
        Py_ExitStatusException(status);
    }
}

static void
ci_initialize(void)
{
    /* UTF-8 mode: open() without an encoding reads and writes UTF-8, as
     * model-written code expects (the C locale of WASI would mean ASCII). */
    PyPreConfig preconfig;
    PyPreConfig_InitIsolatedConfig(&preconfig);
    preconfig.utf8_mode = 1;
    ci_check(Py_PreInitialize(&preconfig));

    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    /* Fixed hash secret: the snapshot freezes every dict built during
     * initialization, so a per-instance secret is impossible; 0 also makes
     * set and dict iteration order reproducible from run to run. */
    config.use_hash_seed = 1;
    config.hash_seed = 0;
    config.site_import = 0;
    config.write_bytecode = 0;
    config.install_signal_handlers = 0;
    config.module_search_paths_set = 1;
    ci_check(PyWideStringList_Append(&config.module_search_paths, STDLIB_DIR));
    ci_check(PyWideStringList_Append(&config.module_search_paths, SITE_DIR));
    ci_check(PyConfig_SetString(&config, &config.program_name, L"python3"));
    ci_check(Py_InitializeFromConfig(&config));
    PyConfig_Clear(&config);

    PyObject *runner = PyImport_ImportModule("ci_runtime.runner");
    if (runner == NULL) {
        ci_fail("cannot import ci_runtime.runner");
    }
    PyObject *done = PyObject_CallMethod(runner, "preload", NULL);
    if (done == NULL) {
        ci_fail("ci_runtime.runner.preload() failed");
    }
    Py_DECREF(done);
    Py_DECREF(runner);
    ci_initialized = 1;
}

__attribute__((export_name("wizer-initialize")))
void
ci_wizer_initialize(void)
{
    ci_initialize();
}

int
main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (!ci_initialized) {
        ci_initialize();
    }
    PyObject *runner = PyImport_ImportModule("ci_runtime.runner");
    if (runner == NULL) {
        ci_fail("cannot import ci_runtime.runner");
    }
    PyObject *done = PyObject_CallMethod(runner, "serve", NULL);
    if (done == NULL) {
        ci_fail("ci_runtime.runner.serve() failed");
    }
    Py_DECREF(done);
    Py_DECREF(runner);
    return 0;
}
