"""A reused native worker for executor (b) of benches/math_programs/run.py.

Reads one JSON request per line on stdin, {"code": ..., "answer": ...}, runs
the code with `exec` in a fresh dict, evaluates the answer expression there and
writes one JSON line: {"ok": true, "answer": repr} or {"ok": false, "error":
"Name: message"}. Modules stay imported between programs (as in the pools of
math benchmark harnesses): sympy is imported once per worker, by the first
program that needs it. The program's own prints are dropped; the parent kills
a worker that overruns its time limit and starts another.
"""

import io
import json
import os
import sys


def protocol_files():
    """The request and response streams, moved off fds 0 and 1 so that the
    programs cannot read or write them."""
    requests = os.fdopen(os.dup(0), "r", encoding="utf-8")
    responses = os.fdopen(os.dup(1), "w", encoding="utf-8")
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    return requests, responses


def run(code, answer):
    """The response to one program."""
    namespace = {"__name__": "__main__"}
    sys.stdout = io.StringIO()
    try:
        exec(code, namespace)
        return {"ok": True, "answer": repr(eval(answer, namespace))}
    except BaseException as error:  # noqa: BLE001 - a program may raise anything, SystemExit included
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}
    finally:
        sys.stdout = sys.__stdout__


def main():
    """Serves requests until stdin closes."""
    requests, responses = protocol_files()
    for line in requests:
        request = json.loads(line)
        responses.write(json.dumps(run(request["code"], request["answer"])) + "\n")
        responses.flush()


if __name__ == "__main__":
    main()
