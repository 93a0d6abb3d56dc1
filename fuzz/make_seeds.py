"""Writes the seed corpus of the fuzz targets (fuzz/corpus/<target>/seed-*; chart_spec_json uses
chart_spec's).

Event payloads come from the guest runtime (guest/runtime/guest_runtime) run natively with a fake
`_hostcall`, chart payloads from the guest's matplotlib package the same way, so the seeds are what
the real guest sends. Run: python3 fuzz/make_seeds.py (host Python; sympy optional).
"""

import json
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "guest", "runtime"))


class HostError(Exception):
    pass


def capture(cells, module_body):
    """Run `cells` through the guest runner; return the raw payloads of (op, payload) calls."""
    from guest_runtime import runner

    calls, pending = [], list(cells)

    def call(op, payload):
        if op == "next":
            if not pending:
                return b""
            return json.dumps({"code": pending.pop(0), "execution_count": 1, "seed": 42}).encode()
        calls.append((op, bytes(payload)))
        return b"1" if op == "event" else (b"" if b'"display"' in payload[:30] else b"IMG")

    fake = types.ModuleType("_hostcall")
    fake.call, fake.HostError = call, HostError
    sys.modules["_hostcall"] = fake
    saved = sys.stdout, sys.stderr, os.getcwd()
    try:
        runner.serve()
    finally:
        sys.stdout, sys.stderr, cwd = saved
        os.chdir(cwd)
    return calls


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"seed-{name}"), "wb") as f:
        f.write(data)


EVENT_CELLS = {
    "print": "print('hello', 'wörld')\nimport sys; print('oops', file=sys.stderr)",
    "values": "from fractions import Fraction\nfrom decimal import Decimal\n"
              "[2**100, Fraction(7381, 2520), Decimal('1.10'), 1.5, float('nan'), -0.0, 3+4j, None, True,"
              " 'é', (1,), {1, 2}, {'a': [1, {'b': 2}]}, range(3)]",
    "error": "def f():\n    return 1 / 0\nf()",
    "display": "display({'text/html': '<b>hi</b>', 'image/png': b'\\x89PNG\\r\\n'}, raw=True)",
}

CHART_CELLS = {
    "line": "import matplotlib.pyplot as plt\nplt.figure(figsize=(3, 2), dpi=50)\n"
            "plt.plot([1, 2, None, 4], [1, 4, 9, 16], 'r--o', label='$x^2$')\nplt.title('Squares')\n"
            "plt.xlabel('x'); plt.ylabel(r'$\\alpha$'); plt.legend(); plt.grid(True)\nplt.show()",
    "bars": "import matplotlib.pyplot as plt\nfig, (a, b) = plt.subplots(1, 2, figsize=(4, 2), dpi=40)\n"
            "a.bar(['x', 'y', 'z'], [3, -1, 2], color=['r', 'g'])\nb.barh([1, 2], [5, 6], edgecolor='k')\n"
            "b.set_xscale('log'); a.set_xticks([0, 1, 2], ['a', 'b', 'c'], rotation=45)\n"
            "fig.suptitle('Bars'); plt.show()",
    "hist_scatter": "import matplotlib.pyplot as plt\nplt.figure(figsize=(3, 2), dpi=40)\n"
                    "plt.hist([1, 2, 2, 3, 3, 3, 10], bins=4, histtype='step')\n"
                    "plt.scatter([1, 2, 3], [3, 1, 2], s=[10, 20, 30], c=['r', 'g', 'b'], marker='^')\n"
                    "plt.fill_between([0, 1, 2], [0, 1, 0], [1, 2, 1], alpha=0.3)\nplt.ylim(5, -1)\n"
                    "plt.axhline(1, ls=':'); plt.text(0.5, 0.5, 'mid', transform=plt.gca().transAxes)\n"
                    "plt.annotate('peak', xy=(1, 2), xytext=(2, 3), arrowprops={})\nplt.show()",
    "pie_twin": "import matplotlib.pyplot as plt\nfig, (a, b) = plt.subplots(2, 1, figsize=(3, 3), dpi=40)\n"
                "a.pie([1, 2, 3], labels=['a', 'b', 'c'], autopct='%1.0f%%', explode=[0, 0.1, 0])\n"
                "l1, = b.plot([1, 2, 3], label='one'); t = b.twinx(); l2, = t.plot([3, 2, 1], 'g', label='two')\n"
                "b.legend([l1, l2], ['one', 'two'], loc='upper center')\nplt.show()",
    "savefig_svg": "import io, matplotlib.pyplot as plt\nplt.figure(figsize=(2, 2), dpi=30)\n"
                   "plt.semilogy([1, 10, 100]); plt.axis('equal')\nplt.savefig(io.BytesIO(), format='svg')",
}


def main():
    for index, path in enumerate(["data/sales.csv", "/mnt/data/out/plot.png", "über/ü.txt", "a/../b"]):
        write("scratch_paths", str(index), path.encode())
    for name, code in EVENT_CELLS.items():
        calls = capture([code], None)
        payloads = [p for op, p in calls if op == "event"]
        assert payloads, name
        write("hostcall_event", name, b"\n".join(payloads))
    for name, code in CHART_CELLS.items():
        calls = capture([code], None)
        charts = [p for op, p in calls if op == "chart"]
        assert charts, (name, calls)
        write("chart_spec", name, charts[0])  # also the seeds of chart_spec_json


if __name__ == "__main__":
    main()
