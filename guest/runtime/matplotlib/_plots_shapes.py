"""Axes methods adding shapes and line families: add_patch()/add_artist()/add_line()/
add_collection(), fill(), axvspan()/axhspan(), hlines()/vlines(), step(), stem(), stackplot(),
fill_betweenx()."""

from . import _data, _kwargs, _rc, _styles
from ._collections import Fill
from ._lines import Line2D
from ._text import Text
from .collections import EllipseCollection, LineCollection, PatchCollection
from .patches import Patch, Polygon, Rectangle


class AxLine(Line2D):
    """axline(): the infinite line through xy1 and xy2 (or with slope), drawn across the view.

    Its two points count for autoscaling, as in matplotlib; the drawn segment is computed
    from the view limits when the figure is sent (so the guest sends the limits too).
    """

    def __init__(self, xy1, xy2, slope, **style):
        self._setup([xy1[0]] if xy2 is None else [xy1[0], xy2[0]],
                    [xy1[1]] if xy2 is None else [xy1[1], xy2[1]], **style)
        self._xy1, self._xy2, self._slope = xy1, xy2, slope
        self._point_coords = ("data", "data")  # transform=: the points' coordinates (the slope's are data)
        self._role = "axline"

    def _guest_limits(self):
        return True

    def extent(self, name):
        if self._point_coords[name == "y"] != "data":
            return (), ()  # points in axes fractions do not autoscale
        return super().extent(name)

    def _in_data(self, point):
        """A point given in its coordinates (transform=) as data coordinates of the current view."""
        limits = (self.axes.get_xlim(), self.axes.get_ylim())
        return tuple(v if coords == "data" else lo + v * (hi - lo)
                     for v, coords, (lo, hi) in zip(point, self._point_coords, limits))

    def spec(self):
        xlo, xhi = sorted(self.axes.get_xlim())
        ylo, yhi = sorted(self.axes.get_ylim())
        if {self.axes.get_xscale(), self.axes.get_yscale()} != {"linear"}:
            raise NotImplementedError("axline() on log axes is not supported in this sandbox")
        (x1, y1) = self._in_data(self._xy1)
        if self._xy2 is not None:
            x2, y2 = self._in_data(self._xy2)
            dx, dy = x2 - x1, y2 - y1
        else:
            dx, dy = 1.0, self._slope
        if dx == 0 and dy == 0:
            raise ValueError("Cannot draw a line through two identical points")
        # From xy1 to well beyond the view both ways (in view sizes); the host clips it.
        width, height = max(xhi - xlo, 1e-300), max(yhi - ylo, 1e-300)
        along = max(abs(dx) / width, abs(dy) / height)
        reach = (10 + abs(x1 - (xlo + xhi) / 2) / width + abs(y1 - (ylo + yhi) / 2) / height) / along
        t0, t1 = -reach, reach
        spec = super().spec()
        spec["x"] = [x1 + t0 * dx, x1 + t1 * dx]
        spec["y"] = [y1 + t0 * dy, y1 + t1 * dy]
        return spec


class FillBetweenX(Fill):
    """fill_betweenx(): the area between x1 and x2 over y, sent as a polygon patch through
    matplotlib's vertices: (x2[0], y[0]), the x1 points, (x2[-1], y[-1]), the x2 points backwards."""

    def __init__(self, y, x1, x2, color, *, edgecolor=None, linewidth=None, linestyle="-", label=None,
                 alpha=None):
        super().__init__(y, x1, x2, color, edgecolor=edgecolor, linewidth=linewidth, linestyle=linestyle,
                         label=label, alpha=alpha)

    def extent(self, name):
        return ([*self._y1, *self._y2] if name == "x" else self._x), ()

    def vertices(self):
        """The polygon's corners (x, y), as matplotlib's path has them before closing."""
        y, x1, x2 = self._x, self._y1, self._y2
        if not y:
            return []
        return [(x2[0], y[0]), *zip(x1, y), (x2[-1], y[-1]), *reversed(list(zip(x2, y)))]

    def spec(self):
        corners = self.vertices()
        edge = (0.0, 0.0, 0.0, 0.0) if self._edgecolor is None else self._edgecolor
        return {**self._head("patch"), "joinstyle": "round", "x": [x for x, _ in corners], "y": [y for _, y in corners],
                "coords": ["data", "data"], "facecolor": self._color(self._rgba), "edgecolor": self._color(edge),
                "linewidth": self._linewidth, "linestyle": self._linestyle,
                "shape": {"kind": "Polygon", "xy": [list(p) for p in corners]}, "role": "fill_betweenx"}


class StemContainer(tuple):
    """What stem() returns: (markerline, stemlines, baseline)."""

    def __new__(cls, markerline, stemlines, baseline):
        self = super().__new__(cls, (markerline, stemlines, baseline))
        self.markerline, self.stemlines, self.baseline = markerline, stemlines, baseline
        return self


class ShapeMethods:
    """Patches, spans and line families for Axes."""

    def add_patch(self, p):
        """Draw patch p (a Rectangle, Circle, Polygon... from matplotlib.patches) on the axes."""
        if not isinstance(p, Patch):
            raise TypeError(f"add_patch() needs a matplotlib.patches.Patch, not {type(p).__name__}")
        return self._add(p)

    def fill(self, *args, data=None, **kwargs):
        """Filled polygons: fill(x, y, [color], x2, y2, [color2], ...); returns the Polygons.

        Without color, facecolor or a colour argument each takes the next colour of the
        patches' cycle, as matplotlib's; other keyword arguments set every polygon."""
        if data is not None:
            raise NotImplementedError("fill(data=...) is not supported in this sandbox")
        rest, polygons = list(args), []
        while rest:
            if len(rest) < 2:
                raise TypeError("fill() needs x and y for every polygon: fill(x, y, [color], ...)")
            x, y, *rest = rest
            color = rest.pop(0) if rest and isinstance(rest[0], str) else None
            xs = _data.numbers_of(x, self._group["x"])
            ys = _data.numbers_of(y, self._group["y"])
            if len(xs) != len(ys):
                raise ValueError(f"x and y must have same first dimension, but have shapes ({len(xs)},) and "
                                 f"({len(ys)},)")
            options = dict(kwargs)
            if not {"color", "facecolor", "fc"} & options.keys():
                options["facecolor"] = color or self._next_color("patch")
            polygon = Polygon(list(zip(xs, ys)), **options)
            polygon._autoscale = ("x", "y")  # unlike add_patch(), fill() rescales the view
            polygons.append(self._add(polygon))
        return polygons

    def stairs(self, values, edges=None, *, orientation="vertical", baseline=0, fill=False, data=None, **kwargs):
        """A stepwise constant function (matplotlib's StepPatch); returns the StepPatch."""
        from ._stairs import stairs

        if data is not None:
            raise NotImplementedError("stairs(data=...) is not supported in this sandbox")
        return stairs(self, values, edges, orientation=orientation, baseline=baseline, fill=fill, **kwargs)

    def add_line(self, line):
        if not isinstance(line, Line2D):
            raise TypeError(f"add_line() needs a Line2D, not {type(line).__name__}")
        return self._add(line)

    def arrow(self, x, y, dx, dy, **kwargs):
        """A FancyArrow from (x, y) along (dx, dy) (data units); the view rescales to it."""
        from .patches import FancyArrow

        arrow = FancyArrow(x, y, dx, dy, **kwargs)
        arrow._autoscale = ("x", "y")
        return self.add_patch(arrow)

    def add_collection(self, collection, autolim=True):
        if isinstance(collection, (PatchCollection, EllipseCollection)):
            return collection._attach(self)
        if not isinstance(collection, (LineCollection, Fill)):
            raise NotImplementedError(f"add_collection() of a {type(collection).__name__} is not supported in "
                                      "this sandbox; use a LineCollection")
        self._add(collection)
        if isinstance(collection, LineCollection) and collection._parts is not None:
            collection._parts.segments(self)
            if collection._parts._values is not None:
                self.figure._current_mappable = collection
        return collection

    def add_artist(self, a):
        if isinstance(a, Patch):
            return self.add_patch(a)
        if isinstance(a, (Line2D, Text)):
            return self._add(a)
        from ._legend import Legend

        if isinstance(a, Legend) and a.axes is self:
            if all(kept is not a for kept in self._extra_legends):
                self._extra_legends.append(a)  # kept when legend() makes another
            return a
        raise NotImplementedError(f"add_artist() of a {type(a).__name__} is not supported in this sandbox")

    @property
    def patches(self):
        return [a for a in self._artists if isinstance(a, Patch)]

    @property
    def lines(self):
        return [a for a in self._artists if isinstance(a, Line2D) and not isinstance(a, LineCollection)]

    @property
    def collections(self):
        from ._collections import Scatter

        return [a for a in self._artists if isinstance(a, (LineCollection, Scatter, Fill))]

    @property
    def texts(self):
        return [a for a in self._artists if type(a) is Text]

    def axline(self, xy1, xy2=None, *, slope=None, **kwargs):
        """The infinite line through xy1 and xy2, or through xy1 with slope."""
        if (xy2 is None) == (slope is None):
            raise TypeError("Exactly one of 'xy2' and 'slope' must be given")
        from . import _kwargs

        options = _kwargs.take(kwargs, frozenset(("color", "linestyle", "linewidth", "label", "alpha", "zorder",
                                                  "marker", "transform")), "Line2D")
        point = lambda xy: tuple(_data.scalar(v, "an axline point") for v in xy)  # noqa: E731
        line = AxLine(point(xy1), None if xy2 is None else point(xy2), None if slope is None else float(slope),
                      color=options.get("color") or _rc.rcParams["lines.color"],
                      linewidth=options.get("linewidth", _rc.rcParams["lines.linewidth"]),
                      linestyle=options.get("linestyle", "-"), label=options.get("label"),
                      alpha=options.get("alpha"))
        if "transform" in options:
            coords = getattr(options["transform"], "coords", None)
            pair = coords if isinstance(coords, tuple) else (coords, coords)
            if not set(pair) <= {"data", "axes"}:
                raise NotImplementedError("axline() transforms other than ax.transData, ax.transAxes and their "
                                          "blends are not supported in this sandbox")
            line._point_coords = pair
        return self._add(line, options.get("zorder"))

    def axvspan(self, xmin, xmax, ymin=0, ymax=1, **kwargs):
        """A rectangle from data x xmin to xmax, axes fraction ymin to ymax."""
        return self._span(xmin, xmax, ymin, ymax, kwargs, vertical=True)

    def axhspan(self, ymin, ymax, xmin=0, xmax=1, **kwargs):
        """A rectangle from data y ymin to ymax, axes fraction xmin to xmax."""
        return self._span(ymin, ymax, xmin, xmax, kwargs, vertical=False)

    def _span(self, lo, hi, start, end, kwargs, vertical):
        data_axis = "x" if vertical else "y"
        lo, hi = _data.numbers_of([lo, hi], self._group[data_axis])
        if vertical:
            patch = Rectangle((lo, start), hi - lo, end - start, **kwargs)
            patch._coords = ("data", "axes")
        else:
            patch = Rectangle((start, lo), end - start, hi - lo, **kwargs)
            patch._coords = ("axes", "data")
        patch._role = "axvspan" if vertical else "axhspan"
        patch._autoscale = (data_axis,)
        return self._add(patch)

    def hlines(self, y, xmin, xmax, colors=None, linestyles="solid", label="", **kwargs):
        """Horizontal lines at each y from xmin to xmax (data); returns the LineCollection."""
        return self._line_family(y, xmin, xmax, colors, linestyles, label, kwargs, horizontal=True)

    def vlines(self, x, ymin, ymax, colors=None, linestyles="solid", label="", **kwargs):
        """Vertical lines at each x from ymin to ymax (data); returns the LineCollection."""
        return self._line_family(x, ymin, ymax, colors, linestyles, label, kwargs, horizontal=False)

    def _line_family(self, at, start, end, colors, linestyles, label, kwargs, horizontal):
        across, along = ("y", "x") if horizontal else ("x", "y")
        at = _data.numbers_of(at, self._group[across])
        n = len(at)
        start = _data.broadcast(_data.numbers_of(start, self._group[along]), n, f"{along}min")
        end = _data.broadcast(_data.numbers_of(end, self._group[along]), n, f"{along}max")
        segments = [[(s, a), (e, a)] if horizontal else [(a, s), (a, e)] for a, s, e in zip(at, start, end)]
        lines = LineCollection(segments, colors=colors if colors is not None else kwargs.pop("color", "C0"),
                               linestyles=linestyles, label=label or None, **kwargs)
        lines._role = "hlines" if horizontal else "vlines"
        self._add(lines)
        if lines._parts is not None:  # several colours
            lines._parts.segments(self)
        return lines

    def step(self, x, y, *args, where="pre", data=None, **kwargs):
        """plot() with the line drawn as steps: where="pre" (default), "post" or "mid"."""
        if where not in ("pre", "post", "mid"):
            raise ValueError(f"{where!r} is not a valid value for where; supported values are 'pre', 'post', 'mid'")
        kwargs["drawstyle"] = f"steps-{where}"
        return self.plot(x, y, *args, **kwargs)

    def stem(self, *args, linefmt=None, markerfmt=None, basefmt=None, bottom=0, label=None,
             orientation="vertical"):
        """A stem plot: a marker at each (x, y) on a line from bottom; returns (markerline, stemlines,
        baseline)."""
        if orientation != "vertical":
            raise NotImplementedError("stem() orientation='horizontal' is not supported in this sandbox")
        if len(args) == 1:
            heads = _data.numbers_of(args[0], self._group["y"])
            locs = [float(i) for i in range(len(heads))]
        elif len(args) == 2:
            locs = _data.numbers_of(args[0], self._group["x"])
            heads = _data.numbers_of(args[1], self._group["y"])
        else:
            raise NotImplementedError("stem() with format strings as positional arguments is not supported in "
                                      "this sandbox; use linefmt=, markerfmt=, basefmt=")
        _data.same_length(locs, heads)
        from ._styles import parse_fmt

        line_style, _, line_color = parse_fmt(linefmt) if linefmt else ("-", None, None)
        line_color = line_color or "C0"
        mark_style, mark, mark_color = parse_fmt(markerfmt) if markerfmt else ("none", "o", None)
        base_style, _, base_color = parse_fmt(basefmt) if basefmt else ("-", None, "C3")
        stemlines = LineCollection([[(x, bottom), (x, y)] for x, y in zip(locs, heads)], colors=line_color,
                                   linestyles=line_style, linewidths=_rc.rcParams["lines.linewidth"],
                                   label=label)
        stemlines._role = "stem lines"
        self._add(stemlines)
        markerline = Line2D._of(locs, heads, color=mark_color or line_color, linewidth=_rc.rcParams["lines.linewidth"],
                                linestyle="none" if markerfmt is None else mark_style, marker=mark or "o",
                                markersize=_rc.rcParams["lines.markersize"], label="_nolegend_")
        markerline._role = "stem markers"
        self._add(markerline)
        present = [x for x in locs if x is not None]
        base = [min(present), max(present)] if present else []
        baseline = Line2D._of(base, [float(bottom)] * len(base), color=base_color or "C3",
                              linewidth=_rc.rcParams["lines.linewidth"], linestyle=base_style, label="_nolegend_")
        baseline._role = "stem baseline"
        self._add(baseline)
        container = StemContainer(markerline, stemlines, baseline)
        self.containers.append(container)
        return container

    def fill_betweenx(self, y, x1, x2=0, where=None, interpolate=False, step=None, **kwargs):
        """Fill the area between x1 and x2 over y (where: only where True); returns the first area."""
        from .axes import _FILL, _fill_inputs, _fill_segments

        options = _kwargs.take(kwargs, _FILL - {"transform"}, "PolyCollection")
        if step is not None:
            raise NotImplementedError("fill_betweenx(step=...) is not supported in this sandbox")
        ys, lower, upper, mask = _fill_inputs(self, "y", y, ("x1", x1), ("x2", x2), where)
        color = options.get("facecolor", options.get("color")) or self._next_color("patch")
        # color= colours the edge too, as matplotlib's Collection.set_color
        style = {"edgecolor": options.get("edgecolor", options.get("color")), "linewidth": options.get("linewidth"),
                 "linestyle": options.get("linestyle", "-"), "alpha": options.get("alpha")}
        label = options.get("label")
        fills = [FillBetweenX(sy, sa, sb, color, label=label if i == 0 else "_nolegend_", **style)
                 for i, (sy, sa, sb) in enumerate(_fill_segments(ys, lower, upper, mask, interpolate))]
        if not fills:
            fills = [FillBetweenX([], [], [], color, label=label, **style)]
        for fill in fills:
            fill.set_clip_on(options.get("clip_on", True))
            self._add(fill, options.get("zorder"))
        return fills[0]

    def stackplot(self, x, *args, labels=(), colors=None, hatch=None, baseline="zero", **kwargs):
        """Areas stacked on each other (one per row of y); returns the list of fills."""
        if baseline not in _BASELINES:
            raise ValueError(f"{baseline!r} is not a valid value for baseline; supported values are "
                             f"{', '.join(map(repr, _BASELINES))}")
        if hatch is not None:
            raise NotImplementedError("stackplot() hatch is not supported in this sandbox")
        rows = []
        for arg in args:  # each a row, or rows (a 2-D array, or a list of 1-D arrays)
            items = [v.tolist() if getattr(v, "ndim", 0) else v for v in _data.items(arg)]
            rows.extend([_data.items(r) for r in items] if _data.is_2d(items) else [items])
        labels = list(labels)
        colors = list(_data.items(colors)) if colors is not None else None
        columns = [_data.numbers_of(row, self._group["y"]) for row in rows]
        below = _stack_baseline(columns, baseline) if columns else []
        fills = []
        for i, values in enumerate(columns):
            above = [None if None in (a, b) else a + b for a, b in zip(below, values)]
            options = dict(kwargs)
            options["facecolor"] = colors[i % len(colors)] if colors else self._next_color("line")
            if i < len(labels):
                options["label"] = labels[i]
            fill = self.fill_between(x, below, above, **options)
            if i == 0:
                fill._sticky = {"y": (0.0,)}  # as matplotlib: the stack stands on y = 0
            fills.append(fill)
            below = above
        return fills


_BASELINES = ("zero", "sym", "wiggle", "weighted_wiggle")


def _stack_baseline(rows, baseline):
    """The line the first area of a stackplot stands on, as matplotlib computes it: 0, centred
    ("sym"), minimal squared slope ("wiggle"), or that weighted by the layers' sizes."""
    if baseline == "zero":
        return [0.0] * len(rows[0])
    import numpy as np

    y = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float)
    if baseline == "sym":
        first = -y.sum(0) * 0.5
    elif baseline == "wiggle":
        m = y.shape[0]
        first = (y * (m - 0.5 - np.arange(m)[:, None])).sum(0) / -m
    else:
        total = y.sum(0)
        inverse = np.zeros_like(total)
        inverse[total > 0] = 1.0 / total[total > 0]
        increase = np.hstack((y[:, 0:1], np.diff(y)))
        move_up = (total - np.cumsum(y, axis=0) + 0.5 * y) * inverse
        move_up[:, 0] = 0.5
        first = np.cumsum(((move_up - 0.5) * increase).sum(0)) - 0.5 * total
    return [None if v != v else float(v) for v in first.tolist()]

