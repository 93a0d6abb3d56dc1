"""Axes.barbs: wind barbs as matplotlib's Barbs builds them (its _find_tails and _make_barbs), each
a polygon in points about its point, sent as the spec's ``quiver`` (unit "points")."""

import math

import numpy as np

from . import _kwargs
from ._artist import Artist
from ._quiver import _parse_args
from .cm import ScalarMappable
from .colors import spec_color, to_rgba, to_rgba_array

_OPTIONS = frozenset(("facecolor", "edgecolor", "color", "linewidth", "alpha", "zorder", "label", "cmap", "norm",
                      "clim"))


def find_tails(mag, rounding=True, half=5, full=10, flag=50):
    """(flags, full barbs, whether a half barb, whether empty) per magnitude, as matplotlib's."""
    if rounding:
        mag = half * np.around(mag / half)
    n_flags, mag = divmod(mag, flag)
    n_barb, mag = divmod(mag, full)
    half_flag = mag >= half
    empty_flag = ~(half_flag | (n_flags > 0) | (n_barb > 0))
    return n_flags.astype(int), n_barb.astype(int), half_flag, empty_flag


def make_barbs(u, v, nflags, nbarbs, half_barb, empty_flag, length, pivot, sizes, fill_empty, flip):
    """Each barb's polygon (in units of length / 2 points), turned to point along (u, v)."""
    spacing = length * sizes.get("spacing", 0.125)
    full_height = length * sizes.get("height", 0.4)
    full_width = length * sizes.get("width", 0.25)
    empty_rad = length * sizes.get("emptybarb", 0.15)
    endx = 0.0
    try:
        endy = float(pivot)
    except ValueError:
        endy = {"tip": 0.0, "middle": -length / 2.}[pivot.lower()]
    angles = -(np.ma.arctan2(v, u) + np.pi / 2)
    # CirclePolygon((0, 0), radius=empty_rad).get_verts(): 20 sides from the top, closed
    theta = 2 * np.pi / 20 * np.arange(21) + np.pi / 2
    circ = np.column_stack([np.cos(theta), np.sin(theta)]) * empty_rad
    circ[-1] = circ[0]
    empty_barb = circ if fill_empty else np.concatenate((circ, circ[::-1]))
    barbs = []
    for index, angle in np.ndenumerate(angles):
        if empty_flag[index]:
            barbs.append(empty_barb)
            continue
        verts = [(endx, endy)]
        offset = length
        barb_height = -full_height if flip[index] else full_height
        for _ in range(nflags[index]):
            if offset != length:
                offset += spacing / 2.
            verts.extend([[endx, endy + offset], [endx + barb_height, endy - full_width / 2 + offset],
                          [endx, endy - full_width + offset]])
            offset -= full_width + spacing
        for _ in range(nbarbs[index]):
            verts.extend([(endx, endy + offset), (endx + barb_height, endy + offset + full_width / 2),
                          (endx, endy + offset)])
            offset -= spacing
        if half_barb[index]:
            if offset == length:
                verts.append((endx, endy + offset))
                offset -= 1.5 * spacing
            verts.extend([(endx, endy + offset), (endx + barb_height / 2, endy + offset + full_width / 4),
                          (endx, endy + offset)])
        a, b = math.cos(-float(angle)), math.sin(-float(angle))  # Affine2D().rotate(-angle)
        verts = np.asarray(verts, dtype=float)
        barbs.append(np.column_stack([a * verts[:, 0] - b * verts[:, 1], b * verts[:, 0] + a * verts[:, 1]]))
    return barbs


class Barbs(ScalarMappable, Artist):
    """Wind barbs (matplotlib.quiver.Barbs): a polygon per unmasked point."""

    zorder_default = 1

    def __init__(self, ax, *args, pivot="tip", length=7, barbcolor=None, flagcolor=None, sizes=None,
                 fill_empty=False, barb_increments=None, rounding=True, flip_barb=False, **kwargs):
        options = _kwargs.take(kwargs, _OPTIONS, "Barbs")
        Artist.__init__(self, options.get("label"), options.get("alpha"))
        self._zorder = options.get("zorder")
        x, y, u, v, c = _parse_args(args)
        u, v = np.ma.masked_invalid(u).ravel(), np.ma.masked_invalid(v).ravel()
        flip = np.broadcast_to(np.atleast_1d(flip_barb), u.shape).ravel()
        keep = ~(np.ma.getmaskarray(u) | np.ma.getmaskarray(v))
        if c is not None:
            c = np.ma.masked_invalid(c).ravel()
            keep &= ~np.ma.getmaskarray(c)
        x, y, u, v, flip = x[keep], y[keep], np.ma.getdata(u)[keep], np.ma.getdata(v)[keep], flip[keep]
        flags, barbs, halves, empty = find_tails(np.hypot(u, v), rounding, **(barb_increments or {}))
        polygons = make_barbs(u, v, flags, barbs, halves, empty, length, pivot, sizes or {}, fill_empty, flip)
        self.X, self.Y, self._polygons, self._scale = x, y, polygons, length / 2
        color = options.get("color")
        if None in (barbcolor, flagcolor):
            faces = flagcolor or barbcolor or options.get("facecolor", color or "k")
            edges = "face"
        else:
            faces, edges = flagcolor, barbcolor
        self._faces = [tuple(c) for c in to_rgba_array(faces)]
        self._edges = None if isinstance(edges, str) and edges == "face" else [tuple(c) for c in to_rgba_array(edges)]
        self._linewidth = float(np.atleast_1d(options.get("linewidth", 1))[0])
        self._values = None
        self._init_mappable([], options.get("cmap"), options.get("norm"), None, None)
        if c is not None:
            self._values = np.ma.getdata(c)[keep].astype(float)
            self.norm.autoscale_None(self._values.tolist())
        if "clim" in options:
            self.set_clim(*options["clim"])

    def get_array(self):
        return self._values

    def extent(self, name):
        return (self.X if name == "x" else self.Y).tolist(), ()

    def _colors(self, base):
        n = len(self._polygons)
        if self._values is not None and (base is self._faces or self._edges is None):
            return [spec_color(self.cmap(self.norm(float(v))), self._alpha) for v in self._values]
        return [spec_color(base[i % len(base)], self._alpha) for i in range(n)]

    def spec(self):
        sides = max((len(p) for p in self._polygons), default=3)
        if sides > 64:
            raise NotImplementedError("barbs with more than 64 vertices (many flags) are not supported in this "
                                      "sandbox")
        padded = [np.concatenate([p, np.repeat(p[-1:], sides - len(p), axis=0)]) * self._scale
                  for p in self._polygons]
        shape = np.concatenate(padded) if padded else np.empty((0, 2))
        faces = self._colors(self._faces)
        edges = faces if self._edges is None else self._colors(self._edges)
        return {**self._head("quiver"), "role": "barbs", "x": self.X.tolist(), "y": self.Y.tolist(),
                "coords": "data", "unit": "points", "sides": max(sides, 3),
                "shape_x": shape[:, 0].tolist(), "shape_y": shape[:, 1].tolist(),
                "facecolors": faces or [spec_color(to_rgba("k"))], "edgecolors": edges or [spec_color(to_rgba("k"))],
                "linewidth": self._linewidth}
