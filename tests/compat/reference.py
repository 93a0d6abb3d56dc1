"""Runs the corpus with the real libraries and writes each snippet's normalized result.

Run with the compat venv's python (pinned pandas, matplotlib, seaborn, numpy). The parent
imports the libraries once; each snippet runs in a forked child (a fresh interpreter state:
nothing a snippet sets survives it) with MPLBACKEND=Agg, its own temporary working directory
holding the data CSVs, `seaborn.load_dataset` reading those CSVs with `pd.read_csv`, a
timeout, and `plt.show` recording the figures open at that moment and closing them; figures
still open at the end count too (as Jupyter's inline backend shows them). Every snippet runs
twice with fresh random seeds: a snippet whose two results differ is marked
nondeterministic. Figures are read back from matplotlib's artists (see `describe_figure`).

Usage: python reference.py --out FILE [--only GLOB] [--timeout S] [--jobs N]
"""

import argparse
import io
import json
import math
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ["MPLBACKEND"] = "Agg"

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn  # noqa: E402
from matplotlib.collections import PathCollection, PolyCollection, PolyQuadMesh, QuadMesh  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.patches import Polygon, Wedge  # noqa: E402

from normalize import number  # noqa: E402
from snippets import CORPUS, DATA, snippets  # noqa: E402

def category_names(axis):
    """{position: name} of a categorical axis, else None."""
    units = axis.get_units()
    mapping = getattr(units, "_mapping", None)
    if mapping is None:
        return None
    return {float(v): str(k) for k, v in mapping.items()}


def coordinate(v, names):
    """A data coordinate as JSON: its category name on a categorical axis."""
    f = number(v)
    if names is not None and f is not None and abs(f - round(f)) < 1e-9 and float(round(f)) in names:
        return names[float(round(f))]
    return f


def points(xy, xnames, ynames):
    return [[coordinate(x, xnames), coordinate(y, ynames)] for x, y in xy]


def describe_axes(ax):
    """The normalized series of one Axes, read from its artists."""
    xnames, ynames = category_names(ax.xaxis), category_names(ax.yaxis)
    series, seen = [], set()
    for line in ax.lines:
        transform = line.get_transform()
        ydata, xdata = line.get_ydata(orig=False), line.get_xdata(orig=False)
        if transform is ax.get_yaxis_transform(which="grid"):
            series.append({"kind": "hline", "value": number(np.asarray(ydata, float)[0])})
        elif transform is ax.get_xaxis_transform(which="grid"):
            series.append({"kind": "vline", "value": number(np.asarray(xdata, float)[0])})
        elif type(line).__name__ != "Line2D":
            series.append({"kind": "other", "class": type(line).__name__})
        else:
            series.append({"kind": "line", "points": points(line.get_xydata(), xnames, ynames)})
    for container in ax.containers:
        if isinstance(container, BarContainer):
            horizontal = container.orientation == "horizontal"
            bars = []
            for rect in container.patches:
                seen.add(id(rect))
                if horizontal:
                    bars.append([coordinate(rect.get_y() + rect.get_height() / 2, ynames),
                                 number(rect.get_width())])
                else:
                    bars.append([coordinate(rect.get_x() + rect.get_width() / 2, xnames),
                                 number(rect.get_height())])
            series.append({"kind": "barh" if horizontal else "bar", "points": bars})
    wedges = [p for p in ax.patches if isinstance(p, Wedge) and getattr(p, "_compat_pie", False)]
    for pie in sorted({p._compat_pie_id for p in wedges}):
        group = [p for p in wedges if p._compat_pie_id == pie]
        seen.update(id(p) for p in group)
        series.append({"kind": "pie", "fractions": [number((p.theta2 - p.theta1) / 360)
                                                    for p in group]})
    for patch in ax.patches:
        if hasattr(patch, "_compat_hist"):
            if patch._compat_hist is not None:
                centres, counts, horizontal = patch._compat_hist
                names = ynames if horizontal else xnames
                series.append({"kind": "barh" if horizontal else "bar",
                               "points": [[coordinate(c, names), number(h)]
                                          for c, h in zip(centres, counts)]})
        elif id(patch) not in seen:
            series.append({"kind": "other", "class": type(patch).__name__})
    for coll in ax.collections:
        if isinstance(coll, PathCollection):
            offsets = np.ma.filled(np.ma.asarray(coll.get_offsets(), float), np.nan)
            series.append({"kind": "scatter", "points": points(offsets, xnames, ynames)})
        elif isinstance(coll, (QuadMesh, PolyQuadMesh)):
            series.append({"kind": "image", "shape": list(np.shape(coll.get_array()))})
        elif isinstance(coll, PolyCollection):
            series.append({"kind": "fill"})
        else:
            series.append({"kind": "other", "class": type(coll).__name__})
    for image in ax.images:
        series.append({"kind": "image", "shape": list(np.shape(image.get_array()))})
    return {"series": series}


def describe_figure(fig):
    """A figure's visible axes in fig.axes order; colorbar axes are only counted."""
    visible = [ax for ax in fig.axes if ax.get_visible()]
    return {"axes": [describe_axes(ax) for ax in visible if not hasattr(ax, "_colorbar")],
            "colorbars": sum(1 for ax in visible if hasattr(ax, "_colorbar"))}


def tag_pies():
    """Marks the wedges each Axes.pie call draws, so a figure's pies are told apart."""
    original = matplotlib.axes.Axes.pie
    counter = iter(range(1 << 30))

    def pie(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        pie_id = next(counter)
        for wedge in result[0]:
            wedge._compat_pie, wedge._compat_pie_id = True, pie_id
        return result

    matplotlib.axes.Axes.pie = pie


def tag_step_hists():
    """Marks the outlines Axes.hist draws for histtype "step"/"stepfilled" (Polygons, where the
    other histtypes draw a BarContainer) with the histogram's bins, so they read back as bars."""
    original = matplotlib.axes.Axes.hist

    def hist(self, x, *args, **kwargs):
        n, bins, patches = result = original(self, x, *args, **kwargs)
        several = np.ndim(n) == 2
        centres = (np.asarray(bins[:-1], float) + np.asarray(bins[1:], float)) / 2
        horizontal = kwargs.get("orientation", "vertical") == "horizontal"
        for counts, group in zip(n if several else [n], patches if several else [patches]):
            polygons = list(group)
            if polygons and isinstance(polygons[0], Polygon):
                polygons[0]._compat_hist = (centres, counts, horizontal)
                for polygon in polygons[1:]:
                    polygon._compat_hist = None
        return result

    matplotlib.axes.Axes.hist = hist


def load_dataset(name, cache=True, data_home=None, **kws):
    """seaborn.load_dataset reading the corpus' synthetic CSVs (no download)."""
    return pd.read_csv(DATA / f"{name}.csv", **kws)


def run_child(path, result_file):
    """In the forked child: runs one snippet and writes its normalized result."""
    figures = []

    def show(*args, **kwargs):
        for num in plt.get_fignums():
            figures.append(describe_figure(plt.figure(num)))
        plt.close("all")

    plt.show = show
    np.random.seed(int.from_bytes(os.urandom(4), "little"))
    random.seed(os.urandom(8))
    sys.argv = [str(path)]
    stdout = io.StringIO()
    sys.stdout = stdout
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.stderr = io.StringIO()
    error, error_type = "", ""
    try:
        code = compile(path.read_text(), str(path), "exec")
        exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
    except BaseException as e:  # noqa: BLE001 - every failure is the snippet's result
        error_type = type(e).__name__
        error = f"{error_type}: {e}"
        stack = traceback.extract_tb(e.__traceback__)
        lines = [f.lineno for f in stack if f.filename == str(path)]
        error += f" (line {lines[-1]})" if lines else ""
    try:
        show()
    except BaseException as e:  # noqa: BLE001
        error = error or f"describing the figures failed: {type(e).__name__}: {e}"
        error_type = error_type or "DescribeError"
    result = {"ok": not error_type, "error": error, "error_type": error_type,
              "stdout": stdout.getvalue(), "figures": figures}
    Path(result_file).write_text(json.dumps(result, allow_nan=False))


def run(path, timeout):
    """The normalized result of one snippet, run in a forked child in a fresh temp dir."""
    workdir = Path(tempfile.mkdtemp(prefix="compat-ref-"))
    try:
        for csv in DATA.glob("*.csv"):
            shutil.copy(csv, workdir)
        result_file = workdir / ".compat-result.json"
        pid = os.fork()
        if pid == 0:
            try:
                os.chdir(workdir)
                run_child(path, result_file)
            finally:
                os._exit(0)
        deadline = time.monotonic() + timeout
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return {"ok": False, "error": f"timeout after {timeout} s", "error_type": "Timeout",
                        "stdout": "", "figures": []}
            time.sleep(0.01)
        if not result_file.exists():
            return {"ok": False, "error": f"the child died (status {status})",
                    "error_type": "Crash", "stdout": "", "figures": []}
        return json.loads(result_file.read_text())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def structure(result):
    """A result's figures down to the kind and size of each series."""
    return [[[(s["kind"], len(s.get("points", s.get("fractions", []))), s.get("shape"))
              for s in a["series"]] for a in f["axes"]] for f in result["figures"]]


def merge_runs(first, second):
    """The first run's result, marked with what the second run did not reproduce.

    Equal results, or results differing only in some series' values (seaborn's bootstrapped
    error bars, jitter, unseeded data): "deterministic" true, and such a series carries
    "random": per coordinate (x, y) whether it varied, or true for a pie or line value. Any
    other difference (output, errors, numbers of figures, axes, series or points):
    "deterministic" false.
    """
    first["deterministic"] = first == second
    if first["deterministic"] or any(first[k] != second[k] for k in ("ok", "error", "stdout")):
        return first
    if structure(first) != structure(second):
        return first
    for f1, f2 in zip(first["figures"], second["figures"]):
        for a1, a2 in zip(f1["axes"], f2["axes"]):
            for s1, s2 in zip(a1["series"], a2["series"]):
                if s1 == s2:
                    continue
                if "points" in s1:
                    s1["random"] = [any(p[d] != q[d] for p, q in zip(s1["points"], s2["points"]))
                                    for d in (0, 1)]
                else:
                    s1["random"] = True
    first["deterministic"] = True
    return first


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", help="glob over library/id, e.g. 'pandas/*' or '*/Series.*'")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    seaborn.load_dataset = load_dataset
    tag_pies()
    tag_step_hists()
    results = {}
    started = time.monotonic()
    todo = list(snippets(args.corpus, args.only))
    for n, (snippet_id, path) in enumerate(todo, 1):
        results[snippet_id] = merge_runs(run(path, args.timeout), run(path, args.timeout))
        if n % 100 == 0:
            print(f"reference: {n}/{len(todo)} snippets, {time.monotonic() - started:.0f} s",
                  file=sys.stderr)
    args.out.write_text(json.dumps(results, indent=0, sort_keys=True, allow_nan=False) + "\n")
    ok = sum(r["ok"] for r in results.values())
    print(f"reference: {len(results)} snippets, {ok} ran without error, "
          f"{sum(not r['deterministic'] for r in results.values())} nondeterministic, "
          f"{time.monotonic() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
