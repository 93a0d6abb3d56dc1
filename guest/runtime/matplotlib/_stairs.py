"""stairs() and its StepPatch: a stepwise constant function between edges, drawn as matplotlib's
StepPatch path (one open subpath per run of finite values, down to the baseline and back)."""

import numpy as np

from ._lines import Line2D
from .path import Path
from .patches import PathPatch


class StepPatch(PathPatch):
    """Values between edges (len(edges) == len(values) + 1) from a baseline (a number, one per
    value, or None for none), vertical or horizontal."""

    _kind = "StepPatch"

    def __init__(self, values, edges, *, orientation="vertical", baseline=0, **kwargs):
        if orientation not in ("vertical", "horizontal"):
            raise ValueError(f"{orientation!r} is not a valid value for orientation; supported values are "
                             "'vertical', 'horizontal'")
        self.orientation = orientation
        self._values = np.asarray(values, dtype=float)
        self._edges = np.asarray(edges, dtype=float)
        self._baseline = None if baseline is None else np.asarray(baseline, dtype=float)
        super().__init__(self._step_path(), **kwargs)

    def _step_path(self):
        """matplotlib's StepPatch._update_path."""
        values, edges, baseline = self._values, self._edges, self._baseline
        if np.isnan(np.sum(edges)):
            raise ValueError('Nan values in "edges" are disallowed')
        if edges.size - 1 != values.size:
            raise ValueError(f"Size mismatch between 'values' and 'edges'. Expected `len(values) + 1 == "
                             f"len(edges)`, but `len(values) = {values.size}` and `len(edges) = {edges.size}`.")
        verts, codes = [np.empty((0, 2))], [np.empty(0, dtype=Path.code_type)]
        finite = ~np.isnan(values)
        if baseline is not None:
            finite &= ~np.isnan(baseline)
        for start, stop in _runs(finite):
            x = np.repeat(edges[start:stop + 1], 2)
            y = np.repeat(values[start:stop], 2)
            if baseline is None:
                y = np.concatenate([y[:1], y, y[-1:]])
            elif baseline.ndim == 0:
                y = np.concatenate([[baseline], y, [baseline]])
            elif baseline.ndim == 1:
                base = np.repeat(baseline[start:stop], 2)[::-1]
                x = np.concatenate([x, x[::-1]])
                y = np.concatenate([base[-1:], y, base[:1], base[:1], base, base[-1:]])
            else:
                raise ValueError("Invalid `baseline` specified")
            xy = np.column_stack([x, y] if self.orientation == "vertical" else [y, x])
            verts.append(xy)
            codes.append([Path.MOVETO] + [Path.LINETO] * (len(xy) - 1))
        return Path(np.concatenate(verts), np.concatenate(codes))

    def get_data(self):
        return self._values, self._edges, self._baseline

    def extent(self, name):
        values, sticky = super().extent(name)
        along = "y" if self.orientation == "vertical" else "x"
        if name == along and self._baseline is not None and self._stairs:
            sticky = [float(np.min(self._baseline))]
        return values, sticky

    _stairs = False  # made by stairs(): the baseline is sticky

    def _legend_handle(self):
        """As matplotlib's HandlerStepPatch: an unfilled, unhatched StepPatch shows as a line."""
        if self._fill or self._hatch is not None:
            return None
        line = Line2D._of([0.0, 1.0], [0.0, 0.0], color=self._edge, linewidth=self._linewidth, linestyle="-",
                          alpha=self._alpha)
        return {**line.spec(), "linestyle": self._linestyle}


def _runs(mask):
    """(start, stop) of each run of True in mask (cbook.contiguous_regions)."""
    runs, start = [], None
    for i, flag in enumerate(mask.tolist()):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(mask)))
    return runs


def stairs(axes, values, edges=None, *, orientation="vertical", baseline=0, fill=False, **kwargs):
    """Axes.stairs: a StepPatch in the next line colour (its face when filled, else its edge)."""
    from . import _data

    color = kwargs.pop("color", None)
    if color is None:
        color = axes._next_color("line")
    if fill:
        kwargs.setdefault("linewidth", 0)
        kwargs.setdefault("facecolor", color)
    else:
        kwargs.setdefault("edgecolor", color)
    values = [_data.number(v) for v in _data.items(values)]
    values = np.array([np.nan if v is None else v for v in values], dtype=float)
    edges = np.arange(len(values) + 1) if edges is None else np.asarray(_data.items(edges), dtype=float)
    patch = StepPatch(values, edges, orientation=orientation, baseline=baseline, fill=fill, **kwargs)
    patch._stairs = True
    patch._autoscale = ("x", "y")
    return axes.add_patch(patch)
