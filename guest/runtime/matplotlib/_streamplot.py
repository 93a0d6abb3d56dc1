"""Axes.streamplot: a vector field's streamlines (a LineCollection) with an arrow half-way along
each (FancyArrowPatch '-|>', the spec's ``quiver`` with ``fancy``), as matplotlib's streamplot;
the trajectories come from _stream_integrate."""

import numpy as np

from . import _rc
from ._artist import Artist
from ._stream_integrate import interpgrid, trajectories
from .cm import get_cmap
from .colors import Normalize, to_rgba

_SHRINK = 2.0  # FancyArrowPatch's shrinkA and shrinkB, points


class StreamplotSet:
    """streamplot()'s result: ``lines`` (the LineCollection) and ``arrows``."""

    def __init__(self, lines, arrows):
        self.lines = lines
        self.arrows = arrows


class StreamArrows(Artist):
    """The arrows: each from its tail to its head (data), '-|>' of mutation scale 10 * arrowsize."""

    def __init__(self, tails, heads, colors, widths, arrowsize):
        super().__init__("_nolegend_")
        self._tails, self._heads = tails, heads
        self._colors, self._widths = colors, widths
        self._arrowsize = float(arrowsize)
        self._extents = ([], [])

    def _limit_with(self, ax):
        """The data limits the arrows add, as matplotlib's add_patch() finds them: each arrow's
        outline on screen mapped back through the axes' transform at that moment (its view before
        streamplot's lines were added; its box under the default subplot parameters, before any
        layout; points taken for pixels, as an arrow not yet drawn has no dpi correction)."""
        from ._polar import PolarAxes

        if isinstance(ax, PolarAxes) or (ax.get_xscale(), ax.get_yscale()) != ("linear", "linear"):
            raise NotImplementedError("streamplot() on polar or non-linear axes is not supported in this sandbox")
        (vx0, vx1), (vy0, vy1) = ax.get_xlim(), ax.get_ylim()
        left, bottom, right, top = _stale_box(ax)
        dpi = ax.figure.get_dpi()
        width_in, height_in = ax.figure.get_size_inches()
        W, H = width_in * dpi, height_in * dpi
        sx, sy = (right - left) * W / (vx1 - vx0), (top - bottom) * H / (vy1 - vy0)
        ox, oy = left * W - vx0 * sx, bottom * H - vy0 * sy
        xs, ys = [], []
        for tail, head, width in zip(self._tails, self._heads, self._widths):
            for px, py in _outline((ox + tail[0] * sx, oy + tail[1] * sy), (ox + head[0] * sx, oy + head[1] * sy),
                                   1.0, 10.0 * self._arrowsize, width):
                xs.append((px - ox) / sx)
                ys.append((py - oy) / sy)
        self._extents = (xs, ys)

    def __len__(self):
        return len(self._heads)

    def get_paths(self):
        raise NotImplementedError("streamplot arrows' get_paths() is not supported in this sandbox")

    def extent(self, name):
        return self._extents[0 if name == "x" else 1], ()

    def spec(self):
        scale = 10.0 * self._arrowsize  # the mutation scale, points
        faces = [self._color(c) for c in self._colors]
        return {**self._head("quiver"), "role": "stream_arrows",
                "x": [float(p[0]) for p in self._heads], "y": [float(p[1]) for p in self._heads],
                "coords": "data", "unit": "points", "sides": 3, "shape_x": [], "shape_y": [],
                "facecolors": faces, "edgecolors": faces,
                "linewidth": float(self._widths[0]) if self._widths else 0.0,
                "fancy": {"tail_x": [float(p[0]) for p in self._tails],
                          "tail_y": [float(p[1]) for p in self._tails],
                          "shrink": _SHRINK, "head_length": 0.4 * scale, "head_width": 0.2 * scale,
                          "linewidths": [float(w) for w in self._widths]}}


def streamplot(ax, x, y, u, v, density=1, linewidth=None, color=None, cmap=None, norm=None, arrowsize=1,
               arrowstyle="-|>", minlength=0.1, transform=None, zorder=None, start_points=None, maxlength=4.0,
               integration_direction="both", broken_streamlines=True):
    """Streamlines of the vector field (u, v) on the grid (x, y), as matplotlib's."""
    from .collections import LineCollection

    if arrowstyle != "-|>":
        raise NotImplementedError(f"streamplot(arrowstyle={arrowstyle!r}) is not supported in this sandbox "
                                  "(only '-|>')")
    if transform is not None and transform is not ax.transData:
        raise NotImplementedError("streamplot(transform=...) other than ax.transData is not supported in this "
                                  "sandbox")
    zorder = 2 if zorder is None else zorder  # Line2D's
    if color is None:
        color = ax._next_color("line")
    if linewidth is None:
        linewidth = _rc.rcParams["lines.linewidth"]
    grid, dmap, found = trajectories(x, y, u, v, density, minlength, maxlength, integration_direction,
                                     start_points, broken_streamlines)
    multicolor = isinstance(color, np.ndarray)
    if multicolor:
        if color.shape != grid.shape:
            raise ValueError("If 'color' is given, it must match the shape of the (x, y) grid")
        color = np.ma.masked_invalid(color)
        line_colors = [[]]
        if norm is None:
            norm = Normalize(float(color.min()), float(color.max()))
        cmap = get_cmap(cmap)
    varying_width = isinstance(linewidth, np.ndarray)
    if varying_width:
        if linewidth.shape != grid.shape:
            raise ValueError("If 'linewidth' is given, it must match the shape of the (x, y) grid")
        widths = []
    streamlines, tails, heads, arrow_colors, arrow_widths = [], [], [], [], []
    for t in found:
        tgx, tgy = t.T
        tx, ty = dmap.grid2data(tgx, tgy)
        tx += grid.x_origin
        ty += grid.y_origin
        if varying_width or multicolor:
            points = np.transpose([tx, ty]).reshape(-1, 1, 2)
            streamlines.extend(np.hstack([points[:-1], points[1:]]))
        else:
            streamlines.append(np.transpose([tx, ty]))
        s = np.cumsum(np.hypot(np.diff(tx), np.diff(ty)))
        n = np.searchsorted(s, s[-1] / 2.)
        tails.append((float(tx[n]), float(ty[n])))
        heads.append((float(np.mean(tx[n:n + 2])), float(np.mean(ty[n:n + 2]))))
        if varying_width:
            line_widths = interpgrid(linewidth, tgx, tgy)[:-1]
            widths.extend(line_widths)
            arrow_widths.append(float(line_widths[n]))
        else:
            arrow_widths.append(float(linewidth))
        if multicolor:
            color_values = interpgrid(color, tgx, tgy)[:-1]
            line_colors.append(color_values)
            value = color_values[n]
            arrow_colors.append(cmap(None if np.ma.is_masked(value) else norm(float(value))))
        else:
            arrow_colors.append(to_rgba(color))
    kwargs = {"linewidth": widths if varying_width else linewidth, "zorder": zorder}
    if multicolor:
        lc = LineCollection(streamlines, array=np.ma.hstack(line_colors), cmap=cmap, norm=norm, **kwargs)
    else:
        lc = LineCollection(streamlines, color=color, **kwargs)
    lc._sticky = {"x": [float(grid.x_origin), float(grid.x_origin + grid.width)],
                  "y": [float(grid.y_origin), float(grid.y_origin + grid.height)]}
    arrows = StreamArrows(tails, heads, arrow_colors, arrow_widths, arrowsize)
    arrows._limit_with(ax)  # before the lines change the view
    ax.add_collection(lc)
    if heads:
        ax._add(arrows, zorder)
    return StreamplotSet(lc, arrows)



def _outline(tail, head, dots_per_point, mutation, linewidth):
    """The vertices of a '-|>' FancyArrowPatch from tail to head (display pixels): the shrunk line's
    ends and the head's wedge (the host draws the same, src/charts/stream_arrows.rs)."""
    import math

    shrink = _SHRINK * dots_per_point
    start = _towards(tail, head, shrink)
    end = _towards(head, start, shrink)
    if start == end:
        return [start, end]
    head_length, head_width = 0.4 * mutation * dots_per_point, 0.2 * mutation * dots_per_point
    head_dist = math.hypot(head_length, head_width)
    cos_t, sin_t = head_length / head_dist, head_width / head_dist
    dx, dy = start[0] - end[0], start[1] - end[1]
    distance = math.hypot(dx, dy)
    pad = 0.5 * linewidth * dots_per_point / sin_t
    tip = (end[0] + pad * dx / distance, end[1] + pad * dy / distance)
    dx, dy = dx / distance * head_dist, dy / distance * head_dist
    side1 = (tip[0] + cos_t * dx + sin_t * dy, tip[1] - sin_t * dx + cos_t * dy)
    side2 = (tip[0] + cos_t * dx - sin_t * dy, tip[1] + sin_t * dx + cos_t * dy)
    return [start, tip, side1, side2]


def _towards(p, q, by):
    """p moved by towards q, or p when q is no further (split_path_inout finds no crossing)."""
    import math

    distance = math.hypot(q[0] - p[0], q[1] - p[1])
    if distance <= by or by <= 0:
        return p
    f = by / distance
    return (p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f)


def _stale_box(ax):
    """(left, bottom, right, top) of ax in figure fractions before layout: its grid cell under the
    default subplot parameters (matplotlib's GridSpec.get_grid_positions), or its rect."""
    from ._axes_base import _BOTTOM, _HSPACE, _LEFT, _RIGHT, _TOP, _WSPACE

    kind, pos = ax._position
    if kind == "rect":
        left, bottom, width, height = pos
        return left, bottom, left + width, bottom + height
    nrows, ncols, row, col, rowspan, colspan = pos
    width_ratios, height_ratios = ax._ratios

    def cells(count, total, space, ratios):
        cell = total / (count + space * (count - 1))
        ratios = [1] * count if ratios is None else ratios
        norm = cell * count / sum(ratios)
        seps = [0] + [space * cell] * (count - 1)
        return np.cumsum(np.column_stack([seps, [r * norm for r in ratios]]).flat)

    tops, bottoms = (_TOP - cells(nrows, _TOP - _BOTTOM, _HSPACE, height_ratios)).reshape((-1, 2)).T
    lefts, rights = (_LEFT + cells(ncols, _RIGHT - _LEFT, _WSPACE, width_ratios)).reshape((-1, 2)).T
    rows, cols = slice(row, row + max(rowspan, 1)), slice(col, col + max(colspan, 1))
    return lefts[cols].min(), bottoms[rows].min(), rights[cols].max(), tops[rows].max()
