"""Axes.hexbin: counts (or reduced C values) in a grid of hexagons, as matplotlib's.

The binning follows matplotlib's hexbin line by line (two offset rectangular lattices, each point
to the nearer centre); the hexagons are drawn in matplotlib's order, each filled and edged in its
colour (edgecolors="face"), cells whose value the norm cannot map (zero counts under a log norm)
left transparent.  The view is autoscaled to the binned extent (each hexagon carries it) with the default margins.
"""

import math

import numpy as np

from . import _data, _rc
from ._artist import Artist
from .cm import ScalarMappable
from .colors import LogNorm, spec_color, to_rgba

_TRANSPARENT = (0.0, 0.0, 0.0, 0.0)


def _nonsingular(lo, hi, expander=0.1):
    """matplotlib.transforms.nonsingular for a finite pair."""
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo <= max(abs(lo), abs(hi)) * 1e-15 or (lo == 0 and hi == 0):
        if hi == 0 and lo == 0:
            return -expander, expander
        return lo - expander * abs(lo), hi + expander * abs(hi)
    return lo, hi


class PolyCollection(ScalarMappable):
    """hexbin's result: the value of each drawn hexagon (get_array), its centres (get_offsets)
    and colour mapping; the hexagons are drawn on .axes."""

    def __init__(self, ax, values, offsets, extent, polygon, cmap, norm, vmin, vmax, alpha, edgecolor, linewidth,
                 zorder):
        self.axes, self._values, self._offsets, self._alpha = ax, values, offsets, alpha
        self._extent = extent
        self._init_mappable(values.tolist(), cmap, norm, vmin, vmax)
        self._cells = []
        for value, (cx, cy) in zip(values.tolist(), offsets.tolist()):
            cell = _Hexagon(self, value, cx + polygon[:, 0], cy + polygon[:, 1], edgecolor, linewidth)
            self._cells.append(cell)
            ax._add(cell, zorder)

    def get_array(self):
        return self._values

    def get_offsets(self):
        return self._offsets

    def get_clim(self):
        return self.norm.vmin, self.norm.vmax

    def _face(self, value):
        scaled = self.norm(value)
        if scaled is None or not math.isfinite(scaled):
            return _TRANSPARENT
        return tuple(self.cmap(scaled, alpha=self._alpha))

    def remove(self):
        for cell in self._cells:
            cell.remove()

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"PolyCollection.{name} (of hexbin) is not supported in this sandbox")


class _Hexagon(Artist):
    """One cell of a hexbin, coloured through its collection's colormap when drawn."""

    zorder_default = 1

    def __init__(self, owner, value, xs, ys, edgecolor, linewidth):
        super().__init__("_nolegend_")
        self._owner, self._value = owner, value
        self._xs, self._ys = xs.tolist(), ys.tolist()
        self._edgecolor, self._linewidth = edgecolor, linewidth

    def _guest_limits(self):
        return True  # the view fits the binned extent, which the hexagons reach beyond

    def extent(self, name):
        return self._owner._extent[0 if name == "x" else 1], ()

    def spec(self):
        face = self._owner._face(self._value)
        edge = face if self._edgecolor == "face" else to_rgba(self._edgecolor, self._owner._alpha)
        return {**self._head("patch"), "joinstyle": "round", "x": self._xs, "y": self._ys, "coords": ["data", "data"],
                "facecolor": spec_color(face), "edgecolor": spec_color(edge), "linewidth": self._linewidth,
                "linestyle": "-", "shape": None, "role": "hexbin"}


class HexbinMethods:
    """hexbin() for Axes."""

    def hexbin(self, x, y, C=None, gridsize=100, bins=None, xscale="linear", yscale="linear", extent=None,
               cmap=None, norm=None, vmin=None, vmax=None, alpha=None, linewidths=None, edgecolors="face",
               reduce_C_function=np.mean, mincnt=None, marginals=False, colorizer=None, **kwargs):
        """Hexagonal binning of x and y; returns the PolyCollection."""
        zorder = kwargs.pop("zorder", None)
        kwargs.pop("label", None)
        edgecolors = kwargs.pop("edgecolor", kwargs.pop("ec", edgecolors))
        linewidths = kwargs.pop("linewidth", kwargs.pop("lw", linewidths))
        if kwargs:
            raise NotImplementedError(f"hexbin(): {next(iter(kwargs))}= is not supported in this sandbox")
        if marginals or colorizer is not None or xscale != "linear" or yscale != "linear":
            raise NotImplementedError("hexbin() marginals, colorizer and log scales are not supported in this sandbox")
        x = np.asarray(_data.numbers_of(x), dtype=float)
        y = np.asarray(_data.numbers_of(y), dtype=float)
        keep = np.isfinite(x) & np.isfinite(y)
        if C is not None:
            C = np.asarray(C, dtype=float)
            keep &= np.isfinite(C)
            C = C[keep]
        x, y = x[keep], y[keep]
        nx, ny = (int(g) for g in gridsize) if np.iterable(gridsize) else (int(gridsize), int(gridsize / math.sqrt(3)))
        if extent is not None:
            xmin, xmax, ymin, ymax = (float(v) for v in extent)
            if xmin > xmax:
                raise ValueError("In extent, xmax must be greater than xmin")
            if ymin > ymax:
                raise ValueError("In extent, ymax must be greater than ymin")
        else:
            xmin, xmax = _nonsingular(*((x.min(), x.max()) if len(x) else (0, 1)))
            ymin, ymax = _nonsingular(*((y.min(), y.max()) if len(y) else (0, 1)))
        nx1, ny1, nx2, ny2 = nx + 1, ny + 1, nx, ny
        padding = 1.e-9 * (xmax - xmin)
        xmin, xmax = xmin - padding, xmax + padding
        sx, sy = (xmax - xmin) / nx, (ymax - ymin) / ny
        ix, iy = (x - xmin) / sx, (y - ymin) / sy
        ix1, iy1 = np.round(ix).astype(int), np.round(iy).astype(int)
        ix2, iy2 = np.floor(ix).astype(int), np.floor(iy).astype(int)
        i1 = np.where((0 <= ix1) & (ix1 < nx1) & (0 <= iy1) & (iy1 < ny1), ix1 * ny1 + iy1 + 1, 0)
        i2 = np.where((0 <= ix2) & (ix2 < nx2) & (0 <= iy2) & (iy2 < ny2), ix2 * ny2 + iy2 + 1, 0)
        d1 = (ix - ix1) ** 2 + 3.0 * (iy - iy1) ** 2
        d2 = (ix - ix2 - 0.5) ** 2 + 3.0 * (iy - iy2 - 0.5) ** 2
        bdist = d1 < d2
        if C is None:
            counts1 = np.bincount(i1[bdist], minlength=1 + nx1 * ny1)[1:]
            counts2 = np.bincount(i2[~bdist], minlength=1 + nx2 * ny2)[1:]
            accum = np.concatenate([counts1, counts2]).astype(float)
            if mincnt is not None:
                accum[accum < mincnt] = np.nan
        else:
            at1 = [[] for _ in range(1 + nx1 * ny1)]
            at2 = [[] for _ in range(1 + nx2 * ny2)]
            for i in range(len(x)):
                (at1[i1[i]] if bdist[i] else at2[i2[i]]).append(C[i])
            mincnt = 1 if mincnt is None else mincnt
            accum = np.array([reduce_C_function(acc) if len(acc) >= mincnt else np.nan
                              for cells in (at1, at2) for acc in cells[1:]], float)
        good = ~np.isnan(accum)
        offsets = np.zeros((nx1 * ny1 + nx2 * ny2, 2), float)
        offsets[:nx1 * ny1, 0] = np.repeat(np.arange(nx1), ny1)
        offsets[:nx1 * ny1, 1] = np.tile(np.arange(ny1), nx1)
        offsets[nx1 * ny1:, 0] = np.repeat(np.arange(nx2) + 0.5, ny2)
        offsets[nx1 * ny1:, 1] = np.tile(np.arange(ny2), nx2) + 0.5
        offsets[:, 0] = offsets[:, 0] * sx + xmin
        offsets[:, 1] = offsets[:, 1] * sy + ymin
        offsets, accum = offsets[good, :], accum[good]
        polygon = [sx, sy / 3] * np.array([[.5, -.5], [.5, .5], [0., 1.], [-.5, .5], [-.5, -.5], [0., -1.]])
        if isinstance(bins, str) and bins == "log":
            if norm is None:
                norm, vmin, vmax = LogNorm(vmin=vmin, vmax=vmax), None, None
            bins = None
        if bins is not None:
            if not np.iterable(bins):
                lo, hi = min(accum), max(accum)
                bins -= 1
                bins = lo + (hi - lo) * np.arange(bins) / bins
            accum = np.sort(bins).searchsorted(accum).astype(float)
        if norm is not None and (vmin is not None or vmax is not None):
            norm.vmin, norm.vmax = (norm.vmin if vmin is None else vmin), (norm.vmax if vmax is None else vmax)
            vmin = vmax = None
        if isinstance(norm, LogNorm) and norm.vmin is None and norm.vmax is None:
            positive = accum[accum > 0]
            if len(positive):
                norm.vmin, norm.vmax = float(positive.min()), float(accum.max())
        width = float(_data.items(linewidths)[0]) if linewidths is not None else _rc.rcParams["patch.linewidth"]
        collection = PolyCollection(self, accum, offsets, ([xmin, xmax], [ymin, ymax]), polygon, cmap, norm, vmin,
                                    vmax, alpha, edgecolors, width, zorder)
        self.figure._current_mappable = collection
        return collection
