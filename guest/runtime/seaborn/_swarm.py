"""swarmplot: one scatter per category (and hue level with dodge) whose points seaborn 0.13.2 moves
along the categorical axis so they do not overlap (its Beeswarm, run in display pixels).

seaborn runs the swarm when the figure is drawn, and swarmplot draws the figure at once: every swarm
of the figure is laid out again then, with the axes' transform of that moment (the categorical axis
autoscaled to the data drawn so far, before swarmplot sets its final -0.5 .. n-0.5 limits). The
guest does the same at each swarmplot call, from the figure's size and dpi, matplotlib's default
subplot layout and the limits matplotlib would autoscale to."""

import warnings
import weakref

import matplotlib.pyplot as plt
import numpy as np

from .categorical import _CATEGORY_LIMITS, _CategoricalPlot, _point_colors, _unsupported

# The swarms of each figure, laid out again at each "draw" (a swarmplot call on that figure).
_SWARMS = weakref.WeakKeyDictionary()
_UNFILLED_MARKERS = frozenset("x+|_,.") | {"1", "2", "3", "4"}


def swarmplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, dodge=False, orient=None,
              color=None, palette=None, size=5, edgecolor=None, linewidth=0, hue_norm=None, log_scale=None,
              native_scale=False, formatter=None, legend="auto", warn_thresh=.05, ax=None, **kwargs):
    """Points of each category spread into a non-overlapping swarm (seaborn's swarmplot)."""
    _unsupported("swarmplot", log_scale=log_scale)
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient, color, legend,
                         wide=({"x": "@columns", "y": "@values", "hue": "@columns"}, {"y": "@values"}))
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    had_categories = bool(getattr(ax, f"{p.orient}axis").group.categories)
    p.attach(ax, formatter, native_scale)
    if not had_categories and not p.native and ax.collections:
        raise NotImplementedError("swarmplot() on an axis that becomes categorical after points were drawn "
                                  "on the axes is not supported in this sandbox (matplotlib's unit change "
                                  "drops those points from the data limits the swarm is laid out in)")
    if ax.get_xscale() != "linear" or ax.get_yscale() != "linear":
        raise NotImplementedError("swarmplot() on a log axis is not supported in this sandbox")
    color, edgecolor = _point_colors(p, ax, hue, hue_order, hue_norm, palette, color, edgecolor)
    kws = dict(kwargs)
    kws.setdefault("zorder", 3)
    size = kws.get("s", size)
    if linewidth is None:
        linewidth = size / 10
    kws.update(s=size ** 2, edgecolor=edgecolor, linewidth=linewidth)
    if kws.get("marker") in _UNFILLED_MARKERS:
        kws.pop("edgecolor")
    dodging = dodge and p.hue is not None and p.hue.kind == "categorical"
    offsets = {}
    if dodging:
        n = len(p.hue.levels)
        width = .8 * p.native_width
        spread = np.linspace(0, width - width / n, n)
        offsets = dict(zip(p.hue.levels, (spread - spread.mean()).tolist()))
    rows = p.data.dropna()
    groups = [(cat, level) for cat in p.levels for level in (p.hue.levels if dodging else [None])]
    swarms = _SWARMS.setdefault(ax.figure, [])
    for cat, level in groups:
        keep = [i for i, v in enumerate(rows[p.orient]) if v == cat and (level is None or rows["hue"][i] == level)]
        center = p.position[cat] + offsets.get(level, 0.0)
        values = [rows[p.value_var][i] for i in keep]
        along = [center] * len(keep)
        style = dict(kws)
        if p.hue is not None:
            style["c"] = [p.hue(rows["hue"][i]) for i in keep] if keep else None
        else:
            style["color"] = color
        if style.get("c") is None:
            style.pop("c", None)
        points = ax.scatter(*((along, values) if p.orient == "x" else (values, along)), **style)
        if len(keep) > 1:
            swarms.append(_Swarm(ax, points, center, p.orient, not p.native, .4 * p.native_width, values,
                                 size ** 2, linewidth, warn_thresh))
    _draw(ax.figure)
    p.point_legend(ax, kws.get("marker", "o"), size, kws.get("edgecolor"))
    p.finish_axes(ax)
    return ax


class _Swarm:
    """One swarmed scatter: its centre on the categorical (or native_scale) axis, how far its points may
    move from it, its values and point sizes."""

    def __init__(self, ax, points, center, orient, categorical, reach, values, area, linewidth, warn_thresh):
        self.ax, self.points, self.center, self.orient = ax, points, center, orient
        self.categorical, self.reach = categorical, reach
        self.values = np.asarray(values, dtype=float)
        self.area, self.linewidth, self.warn_thresh = area, linewidth, warn_thresh


def _draw(figure):
    """Lay out every swarm of the figure as matplotlib's draw would now, with the transforms of the draw's
    start; except that after each swarm on a native_scale axis seaborn autoscales that axis to the moved
    points, which the next swarms' layout sees."""
    swarms = [swarm for swarm in _SWARMS.get(figure, []) if swarm.ax.figure is figure]
    transforms = [(_transform(s.ax, s.orient, s.categorical), _transform(s.ax, _other(s.orient), False))
                  for s in swarms]
    for swarm, (cat_transform, value_transform) in zip(swarms, transforms):
        if not swarm.categorical:
            cat_transform = _transform(swarm.ax, swarm.orient, False)
        _beeswarm(swarm, cat_transform, value_transform)


def _other(name):
    return "y" if name == "x" else "x"


def _position(ax):
    """The axes' box in figure fractions (left, bottom, right, top), computed as matplotlib's GridSpec
    does with the default subplot parameters, so that the pixels below equal matplotlib's bit for bit."""
    kind, pos = ax._position
    if kind == "rect":
        left, bottom, width, height = (float(v) for v in pos)
        return left, bottom, left + width, bottom + height
    nrows, ncols, row, col, rowspan, colspan = pos
    if any(ax._ratios):
        raise NotImplementedError("swarmplot() on subplots with width or height ratios is not supported in "
                                  "this sandbox")
    left, right, bottom, top, space = .125, .9, .11, .88, .2
    cell_h = (top - bottom) / (nrows + space * (nrows - 1))
    heights = [r * (cell_h * nrows / nrows) for r in [1] * nrows]
    cell_hs = np.cumsum(np.column_stack([[0] + [space * cell_h] * (nrows - 1), heights]).flat)
    cell_w = (right - left) / (ncols + space * (ncols - 1))
    widths = [r * (cell_w * ncols / ncols) for r in [1] * ncols]
    cell_ws = np.cumsum(np.column_stack([[0] + [space * cell_w] * (ncols - 1), widths]).flat)
    tops, bottoms = (top - cell_hs).reshape((-1, 2)).T
    lefts, rights = (left + cell_ws).reshape((-1, 2)).T
    rows, cols = slice(row, row + rowspan), slice(col, col + colspan)
    return lefts[cols].min(), bottoms[rows].min(), rights[cols].max(), tops[rows].max()


def _transform(ax, name, categorical):
    """(scale, offset): pixel = scale * value + offset on axis name at draw time, as ax.transData's
    matrix (axes box times the view limits' BboxTransformFrom). An axis is autoscaled to the data unless
    its limits were set other than by a categorical plot (seaborn leaves autoscaling on); inversions are
    kept."""
    group = getattr(ax, f"{name}axis").group
    view = group.view_limits()
    autoscaled = group.limits == [None, None] or group.limits == _CATEGORY_LIMITS.get(ax, {}).get(name)
    lo, hi = sorted(group.auto_limits() if autoscaled else view)
    if view[0] > view[1] or (categorical and name == "y"):  # seaborn inverts a categorical y axis first
        lo, hi = hi, lo
    width_in, height_in = ax.figure.get_size_inches()
    dpi = ax.figure.get_dpi()
    left, bottom, right, top = _position(ax)
    size = dpi * (width_in if name == "x" else height_in)
    start, end = (left, right) if name == "x" else (bottom, top)
    out_start, out_length = size * start, size * end - size * start
    unit = 1 / (hi - lo)
    return out_length * unit, out_length * (-lo * unit) + out_start


def _beeswarm(swarm, cat_transform, value_transform):
    """seaborn's Beeswarm.__call__: positions in pixels, sorted by value, swarmed, back to data, then
    kept within 0.4 category widths of the centre (its gutters)."""
    ax, cat_name = swarm.ax, swarm.orient
    (cat_scale, cat_offset), (val_scale, val_offset) = cat_transform, value_transform
    n = len(swarm.values)
    cat_px = np.full(n, cat_scale * swarm.center + cat_offset)
    val_px = val_scale * swarm.values + val_offset
    radii = np.full(n, (np.sqrt(swarm.area) + swarm.linewidth) / 2 * (ax.figure.get_dpi() / 72))
    xyr = np.c_[cat_px, val_px, radii]
    sorter = np.argsort(xyr[:, 1], kind="stable")  # see _swarm_positions on ties
    placed = np.empty_like(xyr)
    placed[sorter] = _swarm_positions(xyr[sorter])
    along = (placed[:, 0] - cat_offset) / cat_scale
    low, high = swarm.center - swarm.reach, swarm.center + swarm.reach
    off = (along < low) | (along > high)
    along = np.clip(along, low, high)
    share = off.sum() / n
    if share > swarm.warn_thresh:
        warnings.warn(f"{share:.1%} of the points cannot be placed; you may want to decrease the size of the "
                      "markers or use stripplot.", UserWarning, stacklevel=4)
    pairs = np.c_[along, swarm.values] if cat_name == "x" else np.c_[swarm.values, along]
    swarm.points.set_offsets(pairs.tolist())


def _swarm_positions(xyr):
    """seaborn's Beeswarm.beeswarm: each point, in value order, at the most central position along the
    categorical axis that overlaps none of the points placed before it.

    Ties (equal values; a left and a right position equally central) are broken in order (left first):
    seaborn sorts with numpy's default argsort, whose order of equal keys is not defined and differs
    between machines (x86 builds use SIMD sorting networks), so real seaborn's swarms can differ from
    these and from each other by such mirror choices."""
    midline = xyr[0, 0]
    swarm = [xyr[0]]
    for point in xyr[1:]:
        neighbors = _could_overlap(point, swarm)
        candidates = _candidates(point, neighbors)
        candidates = candidates[np.argsort(np.abs(candidates[:, 0] - midline), kind="stable")]
        swarm.append(_first_free(candidates, neighbors))
    return np.array(swarm)


def _could_overlap(point, swarm):
    _, y, r = point
    neighbors = []
    for other in reversed(swarm):
        if (y - other[1]) < (r + other[2]):
            neighbors.append(other)
        else:
            break
    return np.array(neighbors)[::-1]


def _candidates(point, neighbors):
    candidates = [point]
    x, y, r = point
    left_first = True
    for x_j, y_j, r_j in neighbors:
        dx = np.sqrt(max((r + r_j) ** 2 - (y - y_j) ** 2, 0)) * 1.05
        left, right = (x_j - dx, y, r), (x_j + dx, y, r)
        candidates.extend([left, right] if left_first else [right, left])
        left_first = not left_first
    return np.array(candidates)


def _first_free(candidates, neighbors):
    if len(neighbors) == 0:
        return candidates[0]
    for candidate in candidates:
        x, y, r = candidate
        if np.all(np.square(neighbors[:, 0] - x) + np.square(neighbors[:, 1] - y) >= np.square(neighbors[:, 2] + r)):
            return candidate
    raise RuntimeError("No non-overlapping candidates found. This should not happen.")
