/*
 * Entry point of the sandbox interpreter (replaces Programs/python.c).
 *
 * Two exports matter to the host:
 *   wizer-initialize  run once by the snapshotter (wasmtime-wizer): starts the
 *                     interpreter and imports the cell runner and the common
 *                     modules; the resulting memory becomes the snapshot.
 *   _start / main     run per instance: initializes only if no snapshot did,
 *                     gets the cell function from guest_runtime.runner.start(),
 *                     then asks the host for cells (import host.next) and
 *                     runs each until there are none left.
 *
 * Only this loop can ask for the next cell: host.next is not reachable from
 * Python (the _hostcall module has no such operation), so a cell cannot take
 * the session's next cell.
 *
 * While a cell runs, the host asks the guest for two things by queueing a
 * CPython pending call (the mechanism signal handlers use), which the eval
 * loop runs at its next check (a loop's back edge, a call):
 *  - a tick, every few tens of milliseconds: the runner sends the output it
 *    has buffered, so printed lines reach the caller while the cell runs;
 *  - an interrupt, at the cell's deadline or on cancel: KeyboardInterrupt is
 *    raised in the running Python code, as Jupyter's interrupt does, and the
 *    session keeps its state.
 * main() tells the host where the queue is (import host.pending_calls); the
 * host writes an entry and sets the flags, exactly as Py_AddPendingCall
 * would. The guest is paused while the host writes, and the host is the
 * queue's only producer.
 *
 * Extension modules of packages (numpy._core._multiarray_umath, ...) are
 * linked in statically. Their table, ci_static_extensions, comes from the
 * stage that built them (guest/numpy), or from no_extensions.c. CPython 3.11
 * only serves top-level builtin modules (BuiltinImporter.find_spec answers
 * None when given a package path), so:
 *  - ci_register_static_extensions() appends the dotted names to the inittab
 *    before initialization (they then appear in sys.builtin_module_names);
 *  - the builtin module _ci_static has create(spec), which does what
 *    _imp.create_builtin does with the package context set the way importdl.c
 *    sets it for a module loaded from a file, so a single-phase module
 *    (Cython's, numpy's) gets its full dotted __name__;
 *  - ci_install_static_finder() puts a meta-path finder first that serves
 *    exactly those dotted names. It is installed before the preload, so it is
 *    part of the snapshot.
 */
#ifndef Py_BUILD_CORE
#define Py_BUILD_CORE 1 /* the interpreter's pending-call queue */
#endif
#include "Python.h"
#include "internal/pycore_pystate.h"
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

/* Where the host queues pending calls: guest addresses, all 32-bit. */
struct ci_pending_queue {
    uint32_t calls;        /* interp->ceval.pending.calls: {func, arg} entries */
    uint32_t capacity;     /* NPENDINGCALLS */
    uint32_t first;        /* &pending.first (the guest pops here) */
    uint32_t last;         /* &pending.last (the host pushes here) */
    uint32_t calls_to_do;  /* &pending.calls_to_do */
    uint32_t eval_breaker; /* &interp->ceval.eval_breaker */
    uint32_t func;         /* ci_pending_call, as a function table index */
};

/* Tells the host where the pending-call queue is (once per instance). */
__attribute__((import_module("host"), import_name("pending_calls")))
void ci_host_pending_calls(const struct ci_pending_queue *queue);

/* The argument of the host's pending calls: what it asks for. */
#define CI_TICK 1
#define CI_INTERRUPT 2

/* name -> init function, ended by {NULL, NULL} */
extern struct _inittab ci_static_extensions[];

static void ci_fail(const char *what);

static PyObject *
ci_static_create(PyObject *self, PyObject *spec)
{
    (void)self;
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL) {
        return NULL;
    }
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *imp = PyImport_ImportModule("_imp");
    if (imp == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    const char *old = _Py_PackageContext;
    _Py_PackageContext = cname;
    PyObject *mod = PyObject_CallMethod(imp, "create_builtin", "O", spec);
    _Py_PackageContext = old;
    Py_DECREF(imp);
    Py_DECREF(name);
    return mod;
}

static PyMethodDef ci_static_methods[] = {
    {"create", ci_static_create, METH_O,
     "create(spec): a statically linked extension module of a package"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ci_static_def = {
    PyModuleDef_HEAD_INIT, "_ci_static", NULL, -1, ci_static_methods,
};

static PyObject *
ci_static_init(void)
{
    return PyModule_Create(&ci_static_def);
}

static void
ci_register_static_extensions(void)
{
    if (ci_static_extensions[0].name == NULL) {
        return;
    }
    if (PyImport_AppendInittab("_ci_static", ci_static_init) < 0) {
        ci_fail("cannot register _ci_static");
    }
    for (struct _inittab *p = ci_static_extensions; p->name; p++) {
        if (PyImport_AppendInittab(p->name, p->initfunc) < 0) {
            ci_fail("cannot register a static extension module");
        }
    }
}

static const char ci_finder_src[] =
    "import sys, _imp, _ci_static\n"
    "from importlib.machinery import ModuleSpec\n"
    "class StaticExtensionFinder:\n"
    "    # finds the extension modules of packages linked into the interpreter\n"
    "    _names = frozenset(n for n in sys.builtin_module_names if '.' in n)\n"
    "    @classmethod\n"
    "    def find_spec(cls, fullname, path=None, target=None):\n"
    "        if fullname in cls._names:\n"
    "            return ModuleSpec(fullname, cls, origin='built-in')\n"
    "        return None\n"
    "    @staticmethod\n"
    "    def create_module(spec):\n"
    "        return _ci_static.create(spec)\n"
    "    @staticmethod\n"
    "    def exec_module(module):\n"
    "        _imp.exec_builtin(module)\n"
    "sys.meta_path.insert(0, StaticExtensionFinder)\n";

static void
ci_install_static_finder(void)
{
    if (ci_static_extensions[0].name == NULL) {
        return;
    }
    PyObject *globals = PyDict_New();
    if (globals == NULL) {
        ci_fail("no memory for the static extension finder");
    }
    PyObject *r = PyRun_String(ci_finder_src, Py_file_input, globals, globals);
    Py_DECREF(globals);
    if (r == NULL) {
        ci_fail("cannot install the static extension finder");
    }
    Py_DECREF(r);
}

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
    ci_register_static_extensions();

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
    ci_install_static_finder();

    PyObject *runner = PyImport_ImportModule("guest_runtime.runner");
    if (runner == NULL) {
        ci_fail("cannot import guest_runtime.runner");
    }
    PyObject *done = PyObject_CallMethod(runner, "preload", NULL);
    if (done == NULL) {
        ci_fail("guest_runtime.runner.preload() failed");
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

/* The runner's flush_output(): sends the buffered output of the cell. */
static PyObject *ci_flush_output = NULL;

/* What the host's pending calls run (see the top of this file). */
static int
ci_pending_call(void *arg)
{
    if ((uintptr_t)arg == CI_INTERRUPT) {
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return -1;
    }
    if (ci_flush_output == NULL) {
        return 0;
    }
    /* An error of the flush (the interrupt itself, landing inside it)
     * propagates into the cell like any exception. */
    PyObject *done = PyObject_CallNoArgs(ci_flush_output);
    if (done == NULL) {
        return -1;
    }
    Py_DECREF(done);
    return 0;
}

static struct ci_pending_queue ci_queue;

static void
ci_register_pending_calls(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    struct _pending_calls *pending = &interp->ceval.pending;
    ci_queue.calls = (uint32_t)(uintptr_t)pending->calls;
    ci_queue.capacity = NPENDINGCALLS;
    ci_queue.first = (uint32_t)(uintptr_t)&pending->first;
    ci_queue.last = (uint32_t)(uintptr_t)&pending->last;
    ci_queue.calls_to_do = (uint32_t)(uintptr_t)&pending->calls_to_do;
    ci_queue.eval_breaker = (uint32_t)(uintptr_t)&interp->ceval.eval_breaker;
    ci_queue.func = (uint32_t)(uintptr_t)&ci_pending_call;
    ci_host_pending_calls(&ci_queue);
}

int
main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    if (!ci_initialized) {
        ci_initialize();
    }
    PyObject *runner = PyImport_ImportModule("guest_runtime.runner");
    if (runner == NULL) {
        ci_fail("cannot import guest_runtime.runner");
    }
    PyObject *run_cell = PyObject_CallMethod(runner, "start", NULL);
    if (run_cell == NULL) {
        ci_fail("guest_runtime.runner.start() failed");
    }
    ci_flush_output = PyObject_GetAttrString(runner, "flush_output");
    if (ci_flush_output == NULL) {
        ci_fail("guest_runtime.runner has no flush_output");
    }
    Py_DECREF(runner);
    ci_register_pending_calls();
    PyObject *request;
    while ((request = ci_next_request()) != NULL) {
        PyObject *done = PyObject_CallOneArg(run_cell, request);
        Py_DECREF(request);
        if (done == NULL) {
            /* An interrupt that landed in the runner's own code after the
             * cell's: the host already knows the cell was interrupted. */
            if (!PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
                ci_fail("running a cell failed");
            }
            PyErr_Clear();
            continue;
        }
        Py_DECREF(done);
    }
    Py_DECREF(run_cell);
    return 0;
}
