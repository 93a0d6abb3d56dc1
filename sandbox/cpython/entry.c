/*
 * Entry point of the sandbox interpreter (replaces Programs/python.c).
 *
 * Two exports matter to the host:
 *   wizer-initialize  run once by the snapshotter (wasmtime-wizer): starts the
 *                     interpreter and imports the cell runner and the common
 *                     modules; the resulting memory becomes the snapshot.
 *   _start / main     run per instance: initializes only if no snapshot did,
 *                     gets the cell function from ci_runtime.runner.start(),
 *                     then asks the host for cells (import host.next) and
 *                     runs each until there are none left.
 *
 * Only this loop can ask for the next cell: host.next is not reachable from
 * Python (the _hostcall module has no such operation), so a cell cannot take
 * the session's next cell.
 */
#include "Python.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define STDLIB_DIR L"/usr/local/lib/python3.11"
#define SITE_DIR STDLIB_DIR L"/site-packages"

/* Waits for the next cell: its request (JSON) is pending for take_response,
 * of the returned size; 0 when the instance should exit. */
__attribute__((import_module("host"), import_name("next")))
int32_t ci_host_next(void);

__attribute__((import_module("host"), import_name("take_response")))
void ci_host_take_response(void *dst);

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

/* The next cell's request as bytes, or NULL when there are no more cells. */
static PyObject *
ci_next_request(void)
{
    int32_t size = ci_host_next();
    if (size <= 0) {
        return NULL;
    }
    PyObject *request = PyBytes_FromStringAndSize(NULL, size);
    if (request == NULL) {
        ci_fail("no memory for the next cell");
    }
    ci_host_take_response(PyBytes_AS_STRING(request));
    return request;
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
    PyObject *run_cell = PyObject_CallMethod(runner, "start", NULL);
    if (run_cell == NULL) {
        ci_fail("ci_runtime.runner.start() failed");
    }
    Py_DECREF(runner);
    PyObject *request;
    while ((request = ci_next_request()) != NULL) {
        PyObject *done = PyObject_CallOneArg(run_cell, request);
        Py_DECREF(request);
        if (done == NULL) {
            ci_fail("running a cell failed");
        }
        Py_DECREF(done);
    }
    Py_DECREF(run_cell);
    return 0;
}
