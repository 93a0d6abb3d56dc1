"""rugplot (seaborn 0.13.2): a short tick per observation along the x (or y) axis, from the axes' edge
to `height` (a fraction of the axes) across it, with the margin across widened by twice the height.

seaborn draws one LineCollection in a blended transform (data along, axes fraction across).  The
sandbox's lines are in data coordinates, so `RugTicks` places its ends when the figure is drawn, from
the view limits across (which the guest then decides); with hue it draws one collection per hue level
(seaborn colours the segments of one collection), so ticks of different levels at the same position
overlap in hue order rather than in data order.
"""

import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

from . import _core


class RugTicks(Line2D):
    """Ticks at `values` along axis `var`, from axes fraction 0 to `height` across."""

    def __init__(self, var, values, height, **style):
        super().__init__([], [], **style)
        self._var, self._values, self._height = var, [float(v) for v in values], float(height)

    def _guest_limits(self):
        return True  # the ends across follow the view limits

    def extent(self, name):
        if name == self._var:
            return self._values, ()
        # Across, the rug has no data; rugplot's margins() makes matplotlib autoscale that axis,
        # which without any data is its locators' (-0.05, 0.05) (before the margins).
        others = any(artist.extent(name)[0] for axes in self.axes._group[name].members for artist in axes._artists
                     if not isinstance(artist, RugTicks))
        return (() if others else (-0.05, 0.05)), ()

    def _across(self):
        """(data value at axes fraction 0, at `height`) across the ticks."""
        group = self.axes._group["y" if self._var == "x" else "x"]
        lo, hi = group.view_limits()
        if group.scale == "log":
            a, b = math.log10(lo), math.log10(hi)
            return lo, 10 ** (a + self._height * (b - a))
        return lo, lo + self._height * (hi - lo)

    def spec(self):
        start, end = self._across()
        along, across = [], []
        for value in self._values:
            along += [value, value, None]
            across += [start, end, None]
        self._x, self._y = (along[:-1], across[:-1]) if self._var == "x" else (across[:-1], along[:-1])
        return {**super().spec(), "segments": True}


def rugplot(data=None, *, x=None, y=None, hue=None, height=.025, expand_margins=True, palette=None, hue_order=None,
            hue_norm=None, legend=True, ax=None, **kwargs):
    """Ticks at each observation of x and/or y (see the module docstring)."""
    a = kwargs.pop("a", None)
    axis = kwargs.pop("axis", None)
    if a is not None:
        data = a
        warnings.warn("The `a` parameter has been replaced with `x`", UserWarning, stacklevel=2)
    if axis is not None:
        x, y = (data, None) if axis == "x" else (None, data)
        data = None
        warnings.warn("The `axis` parameter has been deprecated; use the `x` or `y` parameters instead.",
                      UserWarning, stacklevel=2)
    if kwargs.pop("vertical", None):
        x, y = None, x if x is not None else data
    plot_data = _core.PlotData(data, dict(x=x, y=y, hue=hue))
    ax = plt.gca() if ax is None else ax
    rows = plot_data.dropna()
    present = [var for var in ("x", "y") if var in rows]
    for var in present:
        if _core.variable_type(rows[var]) != "numeric":
            raise NotImplementedError(f"rugplot() of {_core.variable_type(rows[var])} data is not supported in "
                                      "this sandbox")
    hue_map = None
    if "hue" in rows:
        hue_map = _core.HueMap(rows["hue"], palette, hue_order or plot_data.categories.get("hue"), hue_norm)
    color = kwargs.pop("color", kwargs.pop("c", None))
    color = None if hue_map is not None else _core.default_color(ax, "line", color)
    if not present:
        return ax
    if "lw" in kwargs:
        kwargs["linewidth"] = kwargs.pop("lw")
    kwargs.setdefault("linewidth", 1)
    if expand_margins:
        xmargin, ymargin = ax.margins()
        if "x" in present:
            ymargin += height * 2
        if "y" in present:
            xmargin += height * 2
        ax.margins(x=xmargin, y=ymargin)
    for var in present:
        values = np.asarray(rows[var], dtype=float)
        if hue_map is None:
            ax._add(RugTicks(var, values, height, color=color, **kwargs))
            continue
        hues = rows["hue"]
        for level in hue_map.levels:
            keep = [v for v, h in zip(values, hues) if h == level]
            if keep:
                ax._add(RugTicks(var, keep, height, color=hue_map(level), **kwargs))
    _core.add_axis_labels(ax, plot_data.names.get("x"), plot_data.names.get("y"))
    if hue_map is not None and legend:
        handles = [Line2D([], [], color=hue_map(level), label=str(level)) for level in hue_map.levels]
        ax.legend(handles, [str(level) for level in hue_map.levels], title=_core.legend_title(plot_data.names))
    return ax
