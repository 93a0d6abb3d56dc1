"""Axes: the plotting methods (plot, bar, scatter, hist, pie, fill_between, lines, text)."""

import itertools

from . import _data, _hatch, _hist_many, _histogram, _kwargs, _rc, _styles, _text
from ._axes_base import AxesBase
from ._bars import Bars, Hist
from ._collections import Fill, Scatter
from ._contour import ContourMethods
from ._hexbin import HexbinMethods
from ._lines import AxLine, Line2D
from ._pie import Pie, PieText
from ._plots_image import ImageMethods
from ._plots_shapes import ShapeMethods
from ._plots_samples import SampleMethods
from ._plots_stats import StatsMethods
from ._plots_tri import TriMethods
from ._quiver import QuiverMethods
from ._spectral import SpectralMethods
from ._text import Annotation, Text
from .cm import _scale_norm, get_cmap
from .colors import Normalize, is_color_like, to_rgba

__all__ = ["Axes"]

_LINE = frozenset(("color", "linestyle", "linewidth", "marker", "markersize", "markerfacecolor",
                   "markeredgecolor", "markeredgewidth", "label", "alpha", "drawstyle", "zorder", "dashes",
                   "gapcolor", "clip_on", "transform", "path_effects", "solid_capstyle", "dash_capstyle",
                   "solid_joinstyle", "dash_joinstyle", "markevery", "fillstyle", "markerfacecoloralt"))
_BAR = frozenset(("color", "facecolor", "edgecolor", "linewidth", "label", "alpha", "tick_label", "log", "zorder",
                  "fill", "hatch"))
_SCATTER = frozenset(("color", "facecolor", "edgecolor", "linewidth", "label", "zorder", "clip_on"))
_HIST = frozenset(("edgecolor", "facecolor", "linewidth", "alpha", "linestyle", "zorder"))
_FILL = frozenset(("color", "facecolor", "edgecolor", "alpha", "label", "linewidth", "linestyle", "zorder",
                   "clip_on", "transform", "hatch"))
_AXLINE = frozenset(("color", "linestyle", "linewidth", "label", "alpha", "zorder", "dashes", "clip_on"))
_HISTTYPES = ("bar", "barstacked", "step", "stepfilled")


class Axes(QuiverMethods, ContourMethods, HexbinMethods, ShapeMethods, StatsMethods, ImageMethods, SpectralMethods,
           SampleMethods, TriMethods, AxesBase):
    """An Axes: AxesBase's decorations plus matplotlib's plotting methods (those of images,
    statistics charts and shapes in their own modules)."""

    # Lines

    def plot(self, *args, scalex=True, scaley=True, **kwargs):
        """plot([x], y, [fmt], [x2], y2, [fmt2], ..., **kwargs): lines; returns the list of Line2D."""
        options = _kwargs.take(kwargs, _LINE, "Line2D")
        coords = _coords(options.pop("transform", self.transData), "plot()")
        lines = []
        for x, y, fmt in _plot_groups(args):
            style, marker, color = _styles.parse_fmt(fmt) if fmt else ("-", None, None)
            for xs, ys, label in self._columns(x, y, options.get("label")):
                line = Line2D._of(xs, ys, color=options.get("color") or color or self._next_color("line"),
                              linewidth=options.get("linewidth", _rc.rcParams["lines.linewidth"]),
                              linestyle=options.get("linestyle", style),
                              marker=options.get("marker", marker),
                              markersize=options.get("markersize", _rc.rcParams["lines.markersize"]),
                              markerfacecolor=options.get("markerfacecolor"),
                              markeredgecolor=options.get("markeredgecolor"),
                              markeredgewidth=options.get("markeredgewidth"),
                              label=label, alpha=options.get("alpha"), drawstyle=options.get("drawstyle"))
                line._line_options(options)
                line.set_clip_on(options.get("clip_on", True))
                line._set_coords(coords)
                if "path_effects" in options:
                    line.set_path_effects(options["path_effects"])
                lines.append(self._add(line, options.get("zorder")))
        return lines

    def _columns(self, x, y, label):
        """(x values, y values, label) per line: 2-D data gives one line per column."""
        ys = _data.items(y)
        y_columns = _transpose(ys) if _data.is_2d(ys) else [ys]
        if x is None:
            x_columns = [list(range(len(y_columns[0])))]
        else:
            xs = _data.items(x)
            x_columns = _transpose(xs) if _data.is_2d(xs) else [xs]
        if len(x_columns) == 1:
            x_columns *= len(y_columns)
        elif len(y_columns) == 1:
            y_columns *= len(x_columns)
        elif len(x_columns) != len(y_columns):
            raise ValueError(f"x has {len(x_columns)} columns but y has {len(y_columns)} columns")
        count = len(y_columns)
        labels = label if isinstance(label, (list, tuple)) and len(label) == count else [label] * count
        result = []
        for xc, yc, one_label in zip(x_columns, y_columns, labels):
            xs = _data.numbers_of(xc, self._group["x"])
            ys = _data.numbers_of(yc, self._group["y"])
            _data.same_length(xs, ys)
            result.append((xs, ys, one_label))
        return result

    def semilogx(self, *args, **kwargs):
        self._set_scale("x", "log", _log_options(kwargs, "x"))
        return self.plot(*args, **kwargs)

    def semilogy(self, *args, **kwargs):
        self._set_scale("y", "log", _log_options(kwargs, "y"))
        return self.plot(*args, **kwargs)

    def loglog(self, *args, **kwargs):
        self._set_scale("x", "log", _log_options(kwargs, "x"))
        self._set_scale("y", "log", _log_options(kwargs, "y"))
        return self.plot(*args, **kwargs)

    def axhline(self, y=0, xmin=0, xmax=1, **kwargs):
        """A horizontal line at data y, from axes fraction xmin to xmax."""
        return self._axline("h", y, xmin, xmax, kwargs)

    def axvline(self, x=0, ymin=0, ymax=1, **kwargs):
        """A vertical line at data x, from axes fraction ymin to ymax."""
        return self._axline("v", x, ymin, ymax, kwargs)

    def _axline(self, orientation, value, start, end, kwargs):
        options = _kwargs.take(kwargs, _AXLINE, "Line2D")
        value = _data.numbers_of([value], self._group["y" if orientation == "h" else "x"])[0]
        line = AxLine(orientation, value, start, end, color=options.get("color", _rc.rcParams["lines.color"]),
                      linewidth=options.get("linewidth", _rc.rcParams["lines.linewidth"]),
                      linestyle=options.get("linestyle", "-"), label=options.get("label"),
                      alpha=options.get("alpha"))
        if "dashes" in options:
            line.set_dashes(options["dashes"])
        line.set_clip_on(options.get("clip_on", True))
        return self._add(line, options.get("zorder"))

    # Bars

    def bar(self, x, height, width=0.8, bottom=None, *, align="center", **kwargs):
        """Vertical bars at x (centres, or left edges with align="edge"); returns the BarContainer."""
        return self._bars("vertical", x, height, width, bottom, align, kwargs)

    def barh(self, y, width, height=0.8, left=None, *, align="center", **kwargs):
        """Horizontal bars at y; returns the BarContainer."""
        return self._bars("horizontal", y, width, height, left, align, kwargs)

    def _bars(self, orientation, positions, lengths, thickness, base, align, kwargs):
        errors = {name: kwargs.pop(name, None) for name in ("xerr", "yerr")}
        error_kw = dict(kwargs.pop("error_kw", None) or {})
        error_kw.setdefault("ecolor", kwargs.pop("ecolor", "k"))
        error_kw.setdefault("capsize", kwargs.pop("capsize", _rc.rcParams["errorbar.capsize"]))
        options = _kwargs.take(kwargs, _BAR, "Rectangle")
        along, across = ("x", "y") if orientation == "vertical" else ("y", "x")
        if options.pop("log", False):
            self._set_scale(across, "log", {})
        positions = _data.numbers_of(positions, self._group[along])
        lengths = _data.numbers_of(lengths, self._group[across])
        n = max(len(positions), len(lengths))
        positions = _data.broadcast(positions, n, "the bar positions")
        lengths = _data.broadcast(lengths, n, "the bar lengths")
        widths = _data.broadcast([_data.scalar(w, "bar width") for w in _data.items(thickness)], n, "width")
        bases = _data.broadcast([_data.scalar(b, "bar base") for b in _data.items(0.0 if base is None else base)],
                                n, "bottom")
        if align == "edge":
            positions = [None if p is None else p + w / 2 for p, w in zip(positions, widths)]
        elif align != "center":
            raise ValueError(f"{align!r} is not a valid value for align; supported values are 'center', 'edge'")
        color = options.get("color", options.get("facecolor"))
        colors = _color_list(color) if color is not None else [self._next_color("patch")]
        filled = options.get("fill", True)
        edgecolor = options.get("edgecolor")
        if edgecolor is None:
            edgecolor = _rc.default_edgecolor(filled)
        if not filled:  # outlines only
            colors = ["none"]
        bars = Bars(orientation, positions, lengths, [abs(w) for w in widths], bases,
                    list(itertools.islice(itertools.cycle(colors), n)),
                    edgecolor=_edge_colors(edgecolor),
                    linewidth=options.get("linewidth", _rc.rcParams["patch.linewidth"]),
                    label=options.get("label"), alpha=options.get("alpha"))
        bars.set_hatch(options.get("hatch"))
        tick_label = options.get("tick_label")
        if tick_label is not None:
            labels = _data.broadcast([str(t) for t in _data.items(tick_label)], n, "tick_label")
            self._group[along].ticks = [list(positions), labels]
        self._add(bars, options.get("zorder"))
        bars.errorbar = None
        if errors["xerr"] is not None or errors["yerr"] is not None:
            # As matplotlib: errorbar(fmt="none") at the bars' ends (centre across, base + length along).
            ends = [b + h for b, h in zip(bases, lengths)]
            ex, ey = (positions, ends) if orientation == "vertical" else (ends, positions)
            if options.get("zorder") is not None:
                error_kw.setdefault("zorder", options["zorder"] + 0.01)
            error_kw.setdefault("label", "_nolegend_")
            bars.errorbar = self.errorbar(ex, ey, fmt="none", **errors, **error_kw)
        self.containers.append(bars)  # after its error bars' container, as matplotlib
        return bars

    def bar_label(self, container, labels=None, *, fmt="%g", label_type="edge", padding=0, **kwargs):
        """Label each bar with its value (or labels) at its end or centre; returns the Annotations."""
        if not isinstance(container, Bars):
            raise TypeError("bar_label() needs the container returned by bar(), barh() or hist()")
        if label_type not in ("edge", "center"):
            raise ValueError(f"{label_type!r} is not a valid value for label_type; supported values are "
                             "'edge', 'center'")
        options = _text.properties(kwargs)
        vertical = container.orientation == "vertical"
        texts = []
        for i, rect in enumerate(container):
            value = container._heights[i]
            if labels is not None:
                text = labels[i]
            elif value is None:
                text = ""
            else:
                text = fmt(value) if callable(fmt) else fmt.format(value) if "{" in fmt else fmt % value
            x, y, w, h = rect._box()
            negative = (value or 0) < 0
            if label_type == "center":
                xy, offset, ha, va = (x + w / 2, y + h / 2), None, "center", "center"
            elif vertical:
                xy = (x + w / 2, y + h)
                offset = (0, -padding if negative else padding)
                ha, va = "center", "top" if negative else "bottom"
            else:
                xy = (x + w, y + h / 2)
                offset = (-padding if negative else padding, 0)
                ha, va = "right" if negative else "left", "center"
            annotation = Annotation(text, xy, offset if padding else None, "data", "offset points", None,
                                    **{"ha": ha, "va": va, **options})
            texts.append(self._add(annotation))
        return texts

    def hist(self, x, bins=None, range=None, density=False, weights=None, cumulative=False, bottom=None,
             histtype="bar", align="mid", orientation="vertical", rwidth=None, log=False, color=None,
             label=None, stacked=False, **kwargs):
        """A histogram of x; returns (counts, edges, patches) like matplotlib."""
        options = _kwargs.take(kwargs, _HIST, "Patch")
        # As matplotlib, the columns of a 2-D array are its datasets.
        values = _data.items(x.T if getattr(x, "ndim", 1) == 2 else x)
        if histtype not in _HISTTYPES:
            raise ValueError(f"{histtype!r} is not a valid value for histtype; supported values are "
                             f"{', '.join(map(repr, _HISTTYPES))}")
        if align != "mid" or bottom not in (None, 0):
            raise NotImplementedError("hist() align= and bottom= are not supported in this sandbox")
        if orientation not in ("vertical", "horizontal"):
            raise ValueError(f"{orientation!r} is not a valid value for orientation")
        style = _hist_style(histtype, options)
        if log:
            self._set_scale("y" if orientation == "vertical" else "x", "log", {})
        if _data.is_2d(values) and len(values) > 1:
            if color is None and options.get("facecolor") is not None:
                color = [options["facecolor"]] * len(values)
            datasets = [[_data.number(v) for v in _data.items(row)] for row in values]
            return _hist_many.hist(self, datasets, bins=bins, limits=range, density=density, weights=weights,
                                   cumulative=cumulative, histtype=histtype, orientation=orientation,
                                   rwidth=rwidth, color=color, label=label, stacked=stacked, style=style,
                                   zorder=options.get("zorder"))
        if _data.is_2d(values):
            values = values[0]
        values = [_data.number(v) for v in values]
        weights = None if weights is None else [_data.number(w) for w in _data.items(weights)]
        counts, edges = _histogram.histogram(values, _rc.rcParams["hist.bins"] if bins is None else bins,
                                             range, weights, density, cumulative)
        if color is None:  # matplotlib's hist takes its colour from the lines' cycle
            color = options.get("facecolor") or self._next_color("line")
        artist = Hist(edges, counts, orientation, "bar" if histtype == "barstacked" else histtype, color,
                      rwidth=rwidth, label=label, **style)
        self._add(artist, options.get("zorder"))
        if not histtype.startswith("step"):
            self.containers.append(artist)
        import numpy as np  # matplotlib returns arrays (N / N.max() in user code)
        return np.asarray(counts), np.asarray(edges), ([artist] if histtype.startswith("step") else artist)

    # Points and areas

    def scatter(self, x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None, vmax=None,
                alpha=None, linewidths=None, *, edgecolors=None, **kwargs):
        """Points at (x, y): sizes s (points^2), colours c (colours, or numbers through cmap)."""
        options = _kwargs.take(kwargs, _SCATTER, "PathCollection")
        # As matplotlib: 2-D x and y (meshgrid arrays) are flattened.
        x, y = (v.ravel() if getattr(v, "ndim", 1) > 1 and hasattr(v, "ravel") else v for v in (x, y))
        xs = _data.numbers_of(x, self._group["x"])
        ys = _data.numbers_of(y, self._group["y"])
        if len(xs) != len(ys):
            raise ValueError("x and y must be the same size")
        n = len(xs)
        sizes = [_data.number(v) for v in _data.items(_rc.rcParams["lines.markersize"] ** 2 if s is None else s)]
        if len(sizes) not in (1, n):
            raise ValueError("s must be a scalar, or float array-like with the same size as x and y")
        if len(sizes) == 1:
            sizes = [_data.scalar(sizes[0], "a marker size")]
        elif None in sizes:  # a masked or NaN size hides its point, as matplotlib's _combine_masks
            hidden = [size is None for size in sizes]
            xs = [None if h else v for v, h in zip(xs, hidden)]
            ys = [None if h else v for v, h in zip(ys, hidden)]
            sizes = [0.0 if h else size for size, h in zip(sizes, hidden)]
        colors, values, mapping = self._scatter_colors(c, options, n, cmap, norm, vmin, vmax)
        edge = options.get("edgecolor", edgecolors)
        width = options.get("linewidth", linewidths)
        points = Scatter(xs, ys, colors, sizes, marker, edgecolors=None if edge in (None, "face") else _color_list(edge),
                         linewidth=1.0 if width is None else _data.items(width)[0], values=values,
                         label=options.get("label"), alpha=alpha)
        if mapping is not None:
            points.cmap, points.norm = mapping
            points.colorbar = None
            self.figure._current_mappable = points
        points.set_clip_on(options.get("clip_on", True))
        return self._add(points, options.get("zorder"))

    def _scatter_colors(self, c, options, n, cmap, norm, vmin, vmax):
        """(colours, the numbers mapped through the colormap or None, (cmap, norm) or None) for scatter()."""
        color = options.get("facecolor", options.get("color"))
        if c is not None and color is not None:
            raise ValueError("Supply a 'c' argument or a 'color' kwarg but not both; they differ but their "
                             "functionalities overlap.")
        # Numbers as many as the points are mapped through the colormap, even when they could
        # be one RGB(A) colour (three or four points), as matplotlib's _parse_scatter_color_args.
        items = None if c is None or isinstance(c, str) else _data.items(c)
        if items is not None and len(items) == n and \
                all(not isinstance(v, (str, list, tuple)) for v in items):
            values = [_data.number(v) for v in items]
            if isinstance(norm, str):
                norm, vmin, vmax = _scale_norm(norm, vmin, vmax), None, None
            norm = norm if norm is not None else Normalize(vmin, vmax)
            colormap = get_cmap(cmap)
            return [colormap(v) for v in norm(values)], values, (colormap, norm)
        c = color if c is None else c
        if c is None:
            return [self._next_color("patch")], None, None
        if is_color_like(c):
            return [c], None, None
        colors = _color_list(_data.items(c))
        if len(colors) not in (1, n):
            raise ValueError(f"'c' argument has {len(colors)} elements, which is inconsistent with 'x' and 'y' "
                             f"with size {n}.")
        return colors, None, None

    def fill_between(self, x, y1, y2=0, where=None, interpolate=False, step=None, **kwargs):
        """Fill the area between y1 and y2 over x (where: only where True); returns the Fill."""
        options = _kwargs.take(kwargs, _FILL, "PolyCollection")
        if step is not None:
            raise NotImplementedError("fill_between(step=...) is not supported in this sandbox")
        xs, lower, upper, mask = _fill_inputs(self, "x", x, ("y1", y1), ("y2", y2), where)
        color = options.get("facecolor", options.get("color")) or self._next_color("patch")
        label = options.get("label")
        # color= colours the edge too, as matplotlib's Collection.set_color
        style = {"edgecolor": options.get("edgecolor", options.get("color")), "linewidth": options.get("linewidth"),
                 "linestyle": options.get("linestyle", "-"), "alpha": options.get("alpha"),
                 "hatch": options.get("hatch")}
        fills = [Fill(sx, sa, sb, color, label=label if i == 0 else "_nolegend_", **style)
                 for i, (sx, sa, sb) in enumerate(_fill_segments(xs, lower, upper, mask, interpolate))]
        if not fills:
            fills = [Fill([], [], [], color, label=label, **style)]
        coords = _coords(options["transform"], "fill_between()") if "transform" in options else "data"
        for fill in fills:
            fill.set_clip_on(options.get("clip_on", True))
            fill._coords = coords if isinstance(coords, tuple) else (coords, coords)
            self._add(fill, options.get("zorder"))
        return fills[0]

    # Pie

    def pie(self, x, explode=None, labels=None, colors=None, autopct=None, pctdistance=0.6, shadow=False,
            labeldistance=1.1, startangle=0, radius=1, counterclock=True, wedgeprops=None, textprops=None,
            center=(0, 0), frame=False, rotatelabels=False, *, normalize=True, hatch=None):
        """A pie chart of x; returns (wedges, texts) or, with autopct, (wedges, texts, autotexts)."""
        if frame or rotatelabels or tuple(center) != (0, 0):
            raise NotImplementedError("pie() frame, rotatelabels and center are not supported in this sandbox")
        shadow = _pie_shadow(shadow)
        wedgeprops = _kwargs.take(dict(wedgeprops or {}), frozenset(("width", "edgecolor", "linewidth", "alpha")),
                                  "Wedge")
        values = [_data.number(v) for v in _data.items(x)]
        if any(v is None or v < 0 for v in values):
            raise ValueError("Wedge sizes 'x' must be non negative values")
        total = sum(values)
        if not total:
            raise ValueError("pie() needs at least one positive value")
        if not normalize and total < 1:
            raise NotImplementedError("partial pies (normalize=False with sum(x) < 1) are not supported in this "
                                      "sandbox")
        n = len(values)
        names = None if labels is None else _data.broadcast([str(v) for v in _data.items(labels)], n, "labels")
        wedge_colors = (list(itertools.islice(itertools.cycle(_color_list(colors)), n)) if colors is not None
                        else [self._next_color("patch") for _ in values])
        alpha = wedgeprops.get("alpha")
        if alpha is not None:
            wedge_colors = [to_rgba(c, alpha) for c in wedge_colors]
        autotexts = None if autopct is None else [_percent_text(autopct, 100 * v / total) for v in values]
        explode = [0.0] * n if explode is None else _data.broadcast(
            [_data.scalar(e, "explode") for e in _data.items(explode)], n, "explode")
        if (names or autotexts) and to_rgba(_rc.rcParams["text.color"]) != (0.0, 0.0, 0.0, 1.0):
            raise NotImplementedError("pie() labels in an rcParams text.color other than black are not "
                                      "supported in this sandbox")
        textprops = textprops or {}
        fontsize = _rc.fontsize(textprops.get("fontsize", textprops.get("size", _rc.rcParams["font.size"])))
        pie = Pie(values, names, wedge_colors, autotexts, show_labels=labeldistance is not None,
                  startangle=startangle, counterclock=counterclock, explode=explode, radius=radius,
                  label_fontsize=fontsize, width=wedgeprops.get("width"),
                  edgecolor=None if "edgecolor" not in wedgeprops else to_rgba(wedgeprops["edgecolor"], alpha),
                  linewidth=wedgeprops.get("linewidth"))
        if hatch is not None:
            cycle = itertools.cycle([_hatch.pattern(h) for h in (hatch if isinstance(hatch, (list, tuple)) else [hatch])])
            pie._hatches = [next(cycle) for _ in values]
        pie._shadow = shadow
        if labeldistance not in (None, 1.1):
            pie._distances["labeldistance"] = float(labeldistance)
        if pctdistance != 0.6:
            pie._distances["pctdistance"] = float(pctdistance)
        self._add(pie)
        self._axis_off = self._aspect_equal = True
        texts = [PieText(pie, name) for name in (names or [""] * n)]
        if autotexts is None:
            return pie.wedges, texts
        return pie.wedges, texts, [PieText(pie, t) for t in autotexts]

    # Text

    def text(self, x, y, s, fontdict=None, **kwargs):
        """Text at (x, y): data coordinates, or axes fractions with transform=ax.transAxes."""
        options = _text.properties(kwargs, fontdict, extra=("transform", "label", "zorder"))
        zorder = options.pop("zorder", None)
        transform = options.pop("transform", self.transData)
        coords = _coords(transform)
        offset = getattr(transform, "offset_points", None)
        label = options.pop("label", None)
        if offset is not None:  # text at an offset in points is an annotation without arrow
            text = self.annotate(s, (x, y), offset, {"data": "data", "axes": "axes fraction"}[coords],
                                 "offset points", annotation_clip=False, zorder=zorder, **options)
            text.set_label(label)
            return text
        pair = coords if isinstance(coords, tuple) else (coords, coords)
        x, y = (_data.numbers_of([v], self._group[name])[0] if system == "data" else _data.number(v)
                for v, name, system in ((x, "x", pair[0]), (y, "y", pair[1])))
        if x is None or y is None:
            raise ValueError("text() needs a finite position")
        text = Text(float(x), float(y), s, coords=coords, **options)
        text.set_label(label)
        return self._add(text, zorder)

    def annotate(self, text, xy, xytext=None, xycoords="data", textcoords=None, arrowprops=None,
                 annotation_clip=None, **kwargs):
        """Text at xytext (or xy) with an optional arrow to xy."""
        options = _text.properties(kwargs, extra=("zorder",))
        zorder = options.pop("zorder", None)
        textcoords = xycoords if textcoords is None else textcoords
        xy = self._annotation_point(xy, xycoords)
        xytext = None if xytext is None else self._annotation_point(xytext, textcoords)
        annotation = Annotation(text, xy, xytext, xycoords, textcoords, arrowprops, **options)
        annotation.set_annotation_clip(annotation_clip)
        return self._add(annotation, zorder)

    def _annotation_point(self, point, coords):
        x, y = point
        if coords == "data":
            x, y = (_data.numbers_of([v], self._group[name])[0] for v, name in ((x, "x"), (y, "y")))
        if x is None or y is None:
            raise ValueError("annotate() needs finite positions")
        return (float(x), float(y))


def _pie_shadow(shadow):
    """pie(shadow=True or a dict of Shadow's ox, oy, shade and edgecolor) as those, or None."""
    if shadow is False or shadow is None:
        return None
    options = {"ox": -0.02, "oy": -0.02, "shade": 0.7}
    if isinstance(shadow, dict):
        unknown = set(shadow) - {"ox", "oy", "shade", "edgecolor", "label"}
        if unknown:
            raise NotImplementedError(f"pie(shadow={{{', '.join(map(repr, sorted(unknown)))}: ...}}) is not "
                                      "supported in this sandbox")
        options.update({k: v for k, v in shadow.items() if k != "label"})
    elif shadow is not True:
        raise TypeError(f"shadow must be a bool or a dict, not {shadow!r}")
    options["ox"], options["oy"], options["shade"] = (float(options[k]) for k in ("ox", "oy", "shade"))
    return options


def _plot_groups(args):
    """Split plot()'s positional arguments into (x or None, y, fmt) groups, like matplotlib."""
    args = list(args)
    groups = []
    while args:
        this, args = args[:2], args[2:]
        if args and isinstance(args[0], str):
            this.append(args.pop(0))
        fmt = this.pop() if isinstance(this[-1], str) else ""
        if not this:
            raise TypeError("plot() got a format string without data")
        groups.append((None, this[0], fmt) if len(this) == 1 else (this[0], this[1], fmt))
    return groups


def _transpose(rows):
    return [list(column) for column in zip(*rows)]


def _log_options(kwargs, name):
    """The scale keywords semilogx()/semilogy()/loglog() take (popped from kwargs)."""
    return {key: kwargs.pop(key) for key in ("base", f"base{name}", "nonpositive") if key in kwargs}


def _color_list(color):
    """A single colour as [colour], else the list of colours."""
    if is_color_like(color):
        return [color]
    colors = _data.items(color)
    for item in colors:
        to_rgba(item)  # raises ValueError for a bad colour
    return colors


def _edge_colors(edgecolor):
    """bar()'s edgecolor: one colour, a list of them (one per bar, cycled) or None."""
    if edgecolor is None or is_color_like(edgecolor):
        return edgecolor
    return _color_list(edgecolor)


def _fill_inputs(ax, along, base, first, second, where):
    """fill_between's (or, along "y", fill_betweenx's) inputs as numbers: the base coordinates,
    the two bounds broadcast to them ((name, values) pairs, named in errors) and the where mask."""
    across = "y" if along == "x" else "x"
    bases = _data.numbers_of(base, ax._group[along])
    n = len(bases)
    lower, upper = (_data.broadcast(_data.numbers_of(values, ax._group[across]), n, name)
                    for name, values in (first, second))
    mask = [True] * n if where is None else _data.broadcast([bool(w) for w in _data.items(where)], n, "where")
    return bases, lower, upper, mask


def _fill_segments(x, y1, y2, mask, interpolate):
    """(x, y1, y2) runs of consecutive points where mask holds and data is present; with interpolate,
    each run is extended to where y1 and y2 cross next to it."""
    ok = [m and None not in (a, b, c) for m, a, b, c in zip(mask, x, y1, y2)]
    segments = []
    i, n = 0, len(x)
    while i < n:
        if not ok[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and ok[j + 1]:
            j += 1
        xs, lo, hi = x[i:j + 1], y1[i:j + 1], y2[i:j + 1]
        if interpolate:
            if i > 0 and None not in (x[i - 1], y1[i - 1], y2[i - 1]):
                cx, cy = _crossing(x, y1, y2, i - 1)
                xs, lo, hi = [cx, *xs], [cy, *lo], [cy, *hi]
            if j + 1 < n and None not in (x[j + 1], y1[j + 1], y2[j + 1]):
                cx, cy = _crossing(x, y1, y2, j)
                xs, lo, hi = [*xs, cx], [*lo, cy], [*hi, cy]
        if len(xs) > 1:
            segments.append((xs, lo, hi))
        i = j + 1
    return segments


def _crossing(x, y1, y2, k):
    """Where the lines y1 and y2 cross between points k and k + 1 (linear interpolation)."""
    d0, d1 = y1[k] - y2[k], y1[k + 1] - y2[k + 1]
    t = 0.0 if d0 == d1 else d0 / (d0 - d1)
    return x[k] + t * (x[k + 1] - x[k]), y1[k] + t * (y1[k + 1] - y1[k])


def _percent_text(autopct, pct):
    if callable(autopct):
        return str(autopct(pct))
    return autopct.format(pct) if "{" in autopct else autopct % pct


def _coords(transform, owner="text()"):
    coords = getattr(transform, "coords", None)
    if coords not in ("data", "axes") and not (isinstance(coords, tuple) and set(coords) <= {"data", "axes"}):
        raise NotImplementedError(f"{owner} transform must be ax.transData, ax.transAxes or a blend of them "
                                  "(ax.get_xaxis_transform()) in this sandbox")
    return coords


def _hist_style(histtype, options):
    """The edge colour, edge width and alpha of hist()'s patches; a dashed edge, or another width on
    a step outline (drawn at the host's width), is refused."""
    if options.get("linestyle", "-") not in ("-", "solid"):
        raise NotImplementedError(f"hist(linestyle={options['linestyle']!r}) is not supported in this sandbox")
    step = histtype.startswith("step")
    linewidth = options.get("linewidth", _rc.rcParams["patch.linewidth"])
    if step and linewidth != _rc.rcParams["patch.linewidth"]:
        raise NotImplementedError(f"hist(histtype={histtype!r}, linewidth=...) is not supported in this sandbox")
    return {"edgecolor": options.get("edgecolor", None if step else _rc.default_edgecolor()),
            "linewidth": linewidth, "alpha": options.get("alpha")}
