"""matplotlib.collections.EllipseCollection: ellipses of given widths, heights and angles at data
offsets, sized in screen units (matplotlib's ``units``: axes width or height, x or y data units,
dots, inches, points). Sent as a ``quiver`` artist (role "ellipse_collection"): each ellipse a
64-sided outline in those units around its offset, which the host turns into pixels as matplotlib's
transform does. ``units='xy'`` (ellipses in data space, stretched by the axes' aspect) is refused.
"""

import math

import numpy as np

from . import _kwargs, _rc
from ._artist import Artist
from .cm import ScalarMappable
from .colors import spec_color, to_rgba

_SIDES = 64
_UNITS = {"x": "x", "y": "y", "width": "width", "height": "height", "dots": "dots", "inches": "inches",
          "points": "points"}
_OPTIONS = frozenset(("facecolor", "edgecolor", "linewidth", "color", "alpha", "zorder", "label", "cmap", "norm",
                      "array", "clim"))


class EllipseCollection(ScalarMappable, Artist):
    """Ellipses at offsets; added with ax.add_collection (the offsets join the data limits without
    rescaling the view, as matplotlib's add_collection)."""

    zorder_default = 1
    _autoscale = ()

    def __init__(self, widths, heights, angles, *, units="points", offsets=None, offset_transform=None,
                 **kwargs):
        options = _kwargs.take(kwargs, _OPTIONS, "EllipseCollection")
        Artist.__init__(self, options.get("label"), options.get("alpha"))
        if units == "xy":
            raise NotImplementedError("EllipseCollection(units='xy') is not supported in this sandbox")
        if units not in _UNITS:
            raise ValueError(f"Unrecognized units: {units!r}")
        self._units = units
        self._widths = 0.5 * np.asarray(widths, dtype=float).ravel()
        self._heights = 0.5 * np.asarray(heights, dtype=float).ravel()
        self._angles = np.deg2rad(np.asarray(angles, dtype=float).ravel())
        self._offsets = np.zeros((0, 2)) if offsets is None else np.asarray(offsets, dtype=float).reshape(-1, 2)
        self._offset_transform = offset_transform
        self._init_mappable([], options.get("cmap"), options.get("norm"), None, None)
        color = options.get("color")
        face = options.get("facecolor", color)
        self._faces = [to_rgba(_rc.rcParams["patch.facecolor"] if face is None else face)]
        edge = options.get("edgecolor", color)
        self._edges = None if edge in (None, "face") else [to_rgba(edge)]
        self._linewidth = float(options.get("linewidth", _rc.rcParams["patch.linewidth"]))
        self._zorder = options.get("zorder")
        self._values = None
        if options.get("array") is not None:
            self.set_array(options["array"])
        if options.get("clim") is not None:
            self.set_clim(*options["clim"])

    def _attach(self, ax):
        if self._offset_transform is not None and self._offset_transform is not ax.transData:
            raise NotImplementedError("EllipseCollection offsets other than in data coordinates are not supported "
                                      "in this sandbox")
        if self._units in ("x", "y") and ax._group[self._units].scale != "linear":
            raise NotImplementedError(f"EllipseCollection(units={self._units!r}) on a non-linear axis is not "
                                      "supported in this sandbox")
        ax._add(self, self._zorder)
        if self._values is not None:
            ax.figure._current_mappable = self
        return self

    def set_array(self, A):
        self._values = np.ravel(np.asarray(A, dtype=float))
        self.norm.autoscale_None([float(v) for v in self._values if math.isfinite(v)])

    def get_array(self):
        return self._values

    def set_facecolor(self, c):
        self._faces = [to_rgba(c)]

    def set_edgecolor(self, c):
        self._edges = None if c == "face" else [to_rgba(c)]

    def set_linewidth(self, lw):
        self._linewidth = float(lw)

    set_facecolors, set_edgecolors, set_linewidths = set_facecolor, set_edgecolor, set_linewidth

    def _guest_limits(self):
        return True

    def extent(self, name):
        return [float(v) for v in self._offsets[:, 0 if name == "x" else 1]], ()

    def spec(self):
        n = len(self._offsets)
        count = max(n, len(self._widths))
        widths, heights, angles = (np.resize(a, count) for a in (self._widths, self._heights, self._angles))
        t = np.linspace(0, 2 * np.pi, _SIDES, endpoint=False)
        cx, cy = np.cos(t)[None, :] * widths[:, None], np.sin(t)[None, :] * heights[:, None]
        cos, sin = np.cos(angles)[:, None], np.sin(angles)[:, None]
        shape_x, shape_y = cx * cos - cy * sin, cx * sin + cy * cos
        offsets = np.resize(self._offsets, (count, 2)) if n else np.zeros((count, 2))
        if self._values is not None:
            values = np.resize(self._values, count)
            faces = [spec_color(self.cmap(self.norm(float(v))), self._alpha) for v in values]
        else:
            faces = [spec_color(c, self._alpha) for c in self._faces]
        edges = faces if self._edges is None else [spec_color(c, self._alpha) for c in self._edges]
        return {**self._head("quiver"), "role": "ellipse_collection", "x": offsets[:, 0].tolist(),
                "y": offsets[:, 1].tolist(), "coords": "data", "unit": _UNITS[self._units], "sides": _SIDES,
                "shape_x": shape_x.ravel().tolist(), "shape_y": shape_y.ravel().tolist(), "facecolors": faces,
                "edgecolors": edges, "linewidth": self._linewidth}
