"""PathCollection.legend_elements (scatter): handles and labels for the distinct colours or
sizes of a scatter, as matplotlib's, with its ScalarFormatter labels."""

import math

import numpy as np

from . import _rc
from ._lines import Line2D
from .ticker import (FixedLocator, Formatter, Locator, MaxNLocator, ScalarFormatter, StrMethodFormatter,
                     scalar_decimals)

_MARKERS = frozenset("o s ^ v < > D d p h H 8 * P X".split())


class _MathTextLabels:
    """matplotlib's ScalarFormatter(useOffset=False, useMathText=True) on a dummy axis whose
    view is (vmin, vmax): an order of magnitude outside rcParams axes.formatter.limits is
    divided out (and, on no axis, shown nowhere), as many decimals as the locations need."""

    def __init__(self, vmin, vmax):
        self._view = (float(vmin), float(vmax))
        self.locs, self._order, self._format = [], 0, "%1.0f"

    def set_locs(self, locs):
        self.locs = list(locs)
        if self.locs:
            self._set_order_of_magnitude()
            self._set_format()

    def _set_order_of_magnitude(self):
        low, high = _rc.rcParams["axes.formatter.limits"]
        vmin, vmax = sorted(self._view)
        locs = np.asarray(self.locs, dtype=float)
        locs = np.abs(locs[(vmin <= locs) & (locs <= vmax)])
        if not len(locs):
            self._order = 0
            return
        val = locs.max()
        oom = 0 if val == 0 else math.floor(math.log10(val))
        self._order = oom if (oom <= low or oom >= high) else 0

    def _set_format(self):
        decimals = scalar_decimals(self.locs, self._view, self._order)
        self._format = r"$\mathdefault{%1." + str(decimals) + "f}$"

    def __call__(self, x, pos=None):
        if not self.locs:
            return ""
        xp = x / 10.0 ** self._order
        if abs(xp) < 1e-8:
            xp = 0
        text = self._format % xp
        return text.replace("-", "\N{MINUS SIGN}") if _rc.rcParams["axes.unicode_minus"] else text


def legend_elements(scatter, prop="colors", num="auto", fmt=None, func=lambda x: x, **kwargs):
    """(handles, labels) as matplotlib's PathCollection.legend_elements."""
    handles, labels = [], []
    marker = scatter._marker
    if scatter._markers is not None or not (isinstance(marker, str) and marker in _MARKERS):
        raise NotImplementedError("legend_elements() of a scatter with per-point or path markers is not supported "
                                  "in this sandbox")
    if isinstance(fmt, ScalarFormatter):
        raise NotImplementedError("legend_elements(fmt=ScalarFormatter(...)) is not supported in this sandbox")
    array = scatter.get_array()
    if prop == "colors":
        if array is None:
            import warnings

            warnings.warn("Collection without array used. Make sure to specify the values to be colormapped via "
                          "the `c` argument.", stacklevel=3)
            return handles, labels
        values_of = np.asarray(array, dtype=float)
        size = kwargs.pop("size", _rc.rcParams["lines.markersize"])
    elif prop == "sizes":
        values_of = np.asarray(scatter.get_sizes(), dtype=float)
        color = kwargs.pop("color", "k")
    else:
        raise ValueError(f"Valid values for `prop` are 'colors' or 'sizes'. You supplied '{prop}' instead.")
    u = np.unique(values_of)
    fu = func(u)
    if fmt is None:
        fmt = _MathTextLabels(fu.min(), fu.max())
    elif isinstance(fmt, str):
        fmt = StrMethodFormatter(fmt)
    if num == "auto":
        num = 9
        if len(u) <= num:
            num = None
    if num is None:
        values = u
        label_values = func(values)
    else:
        if isinstance(num, Locator):
            loc = num
        elif np.iterable(num):
            loc = FixedLocator(num)
        else:
            num = int(num)
            loc = MaxNLocator(nbins=num, min_n_ticks=num - 1, steps=[1, 2, 2.5, 3, 5, 6, 8, 10])
        low, high = func(values_of).min(), func(values_of).max()
        label_values = np.asarray(loc.tick_values(low, high), dtype=float)
        label_values = label_values[(label_values >= low) & (label_values <= high)]
        yarr = np.linspace(values_of.min(), values_of.max(), 256)
        xarr = func(yarr)
        ix = np.argsort(xarr)
        values = np.interp(label_values, xarr[ix], yarr[ix])
    kw = {"markeredgewidth": scatter._linewidth, "alpha": scatter.get_alpha(), **kwargs}
    for val, lab in zip(values, label_values):
        if prop == "colors":
            color = scatter.cmap(scatter.norm(val))
        else:
            size = np.sqrt(val)
            if np.isclose(size, 0.0):
                continue
        handles.append(Line2D([0], [0], linestyle="", color=color, markersize=size, marker=marker, **kw))
        if isinstance(fmt, (Formatter, _MathTextLabels)):
            fmt.set_locs(label_values)
        labels.append(fmt(lab))
    return handles, labels
