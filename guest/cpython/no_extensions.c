/* The table of statically linked package extension modules for an
 * interpreter without any (entry.c); guest/numpy generates numpy's. */
#include "Python.h"

struct _inittab ci_static_extensions[] = {
    {NULL, NULL},
};
