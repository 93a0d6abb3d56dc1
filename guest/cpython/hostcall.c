/*
 * _hostcall: the one door from guest Python to the Rust host.
 *
 *     _hostcall.call(op: str, payload: bytes-like) -> bytes
 *
 * The request is an operation name and an opaque payload; the host answers with
 * bytes or refuses with a message, raised here as _hostcall.HostError. Which
 * operations exist and how their payloads are encoded is the host's business
 * (see docs/ARCHITECTURE.md, "Host calls").
 *
 * Wire protocol (two wasm imports from module "host"):
 *   int32 call(op_ptr, op_len, payload_ptr, payload_len)
 *       r >= 0: success, a response of r bytes is pending;
 *       r <  0: refusal, an UTF-8 error message of (-r - 1) bytes is pending.
 *   void take_response(dst_ptr)
 *       copies the pending response (or error message) to dst and clears it.
 */
#define PY_SSIZE_T_CLEAN
#include "Python.h"
#include <stdint.h>

__attribute__((import_module("host"), import_name("call")))
int32_t ci_host_call(const char *op, uint32_t op_len,
                     const void *payload, uint32_t payload_len);

__attribute__((import_module("host"), import_name("take_response")))
void ci_host_take_response(void *dst);

static PyObject *HostError;

static PyObject *
hostcall_call(PyObject *module, PyObject *args)
{
    const char *op;
    Py_ssize_t op_len;
    Py_buffer payload;
    if (!PyArg_ParseTuple(args, "s#y*:call", &op, &op_len, &payload)) {
        return NULL;
    }
    int32_t r = ci_host_call(op, (uint32_t)op_len, payload.buf,
                             (uint32_t)payload.len);
    PyBuffer_Release(&payload);

    Py_ssize_t size = r >= 0 ? (Py_ssize_t)r : -(Py_ssize_t)r - 1;
    PyObject *out = PyBytes_FromStringAndSize(NULL, size);
    if (out == NULL) {
        /* Still drain the pending response so the next call starts clean. */
        char *scratch = PyMem_RawMalloc(size ? size : 1);
        if (scratch != NULL) {
            ci_host_take_response(scratch);
            PyMem_RawFree(scratch);
        }
        return NULL;
    }
    ci_host_take_response(PyBytes_AS_STRING(out));
    if (r >= 0) {
        return out;
    }
    PyObject *message = PyUnicode_DecodeUTF8(PyBytes_AS_STRING(out), size,
                                             "replace");
    Py_DECREF(out);
    if (message != NULL) {
        PyErr_SetObject(HostError, message);
        Py_DECREF(message);
    }
    return NULL;
}

static PyMethodDef hostcall_methods[] = {
    {"call", hostcall_call, METH_VARARGS,
     PyDoc_STR("call(op, payload) -> bytes\n\n"
               "Send one request to the host and return its response.\n"
               "Raises HostError when the host refuses the request.")},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef hostcall_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_hostcall",
    .m_doc = "Requests from the sandboxed interpreter to its host.",
    .m_size = -1,
    .m_methods = hostcall_methods,
};

PyMODINIT_FUNC
PyInit__hostcall(void)
{
    PyObject *m = PyModule_Create(&hostcall_module);
    if (m == NULL) {
        return NULL;
    }
    HostError = PyErr_NewExceptionWithDoc(
        "_hostcall.HostError", "The host refused a request.", NULL, NULL);
    if (HostError == NULL || PyModule_AddObjectRef(m, "HostError", HostError) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
