"""The normalized result of one snippet, shared by the real-library run and the sandbox run.

    {"ok": bool, "error": "Type: message" or "", "error_type": "Type" or "",
     "stdout": str, "figures": [{"axes": [{"series": [...]}], "colorbars": int}]}

A series is {"kind": k, ...}: "line"/"scatter"/"bar"/"barh" with "points" ([x, y] pairs; a
bar's x is its centre, y its height; barh: [centre y, width]; a value on a categorical axis is
its category name; NaN is null), "pie" with "fractions", "hline"/"vline" with "value",
"image" with "shape", "fill" (drawn areas, counted only), and "other" with "class" (anything
else, counted only). `sandbox_series` turns the sandbox's chart description
(application/vnd.code-interpreter.chart+json, see src/charts/describe.rs) into this form.
"""

import math

COMPARED_KINDS = ("line", "scatter", "bar", "barh", "pie", "hline", "vline", "image")


def number(v):
    """A JSON-safe number: None for NaN/inf/masked, else a float."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def sandbox_figure(chart):
    """A sandbox chart description as a normalized figure."""
    def colorbar(axes):
        return axes.get("colorbar_of") is not None

    axes = chart.get("axes", [])
    return {"axes": [{"series": [s for raw in a.get("series", []) for s in sandbox_series(raw)]}
                     for a in axes if not colorbar(a)],
            "colorbars": sum(1 for a in axes if colorbar(a))}


def sandbox_series(raw):
    """The normalized series of one sandbox series (a list: a histogram is its bars)."""
    kind = raw.get("type")
    if kind == "line" and raw.get("role") == "axline":
        return [{"kind": "other", "class": "_AxLine"}]  # matplotlib's axline is its own artist
    if kind == "line" and raw.get("coords") in (["axes", "data"], ["data", "axes"]):
        # As the reference reads a Line2D in the axis transform (axhline, axvline): its value.
        vertical = raw["coords"][0] == "data"
        first = raw.get("points", [[None, None]])[0]
        return [{"kind": "vline" if vertical else "hline", "value": number(first[0 if vertical else 1])}]
    if kind in ("line", "scatter", "bar", "barh"):
        return [{"kind": kind, "points": [[p if isinstance(p, str) else number(p) for p in pair]
                                          for pair in raw.get("points", [])]}]
    if kind == "hist":
        edges, counts = raw.get("edges", []), raw.get("counts", [])
        bars = [[number((a + b) / 2), number(c)] for a, b, c in zip(edges, edges[1:], counts)]
        return [{"kind": "barh" if raw.get("orientation") == "horizontal" else "bar",
                 "points": bars}]
    if kind == "pie":
        return [{"kind": "pie", "fractions": [number(s.get("fraction")) for s in raw.get("slices", [])]}]
    if kind in ("hline", "vline"):
        return [{"kind": kind, "value": number(raw.get("value"))}]
    if kind == "image":
        return [{"kind": "image", "shape": list(raw.get("shape", []))}]
    if kind in ("fill_between", "fill", "stackplot"):
        return [{"kind": "fill"}]
    return [{"kind": "other", "class": kind}]
