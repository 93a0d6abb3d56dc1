"""Bar artists: bar()/barh() (which are also their BarContainer) and hist()."""

from . import _data, _hatch
from ._artist import Artist
from .colors import is_color_like, to_rgba


class Bars(Artist):
    """Bars of bar()/barh(); iterates over its Rectangles like matplotlib's BarContainer.

    Positions are bar centres along the category axis; for horizontal bars
    "x" holds the y centres, "heights" the lengths and "bottoms" the left edges.
    Bars with a missing position or length are not drawn, as in matplotlib.
    """

    zorder_default = 1

    is_container = True

    def __init__(self, orientation, x, heights, widths, bottoms, colors, *, edgecolor=None,
                 linewidth=1.0, label=None, alpha=None):
        super().__init__(label, alpha)
        self.orientation = orientation
        self._x, self._heights, self._widths, self._bottoms = x, heights, widths, bottoms
        self._colors = [to_rgba(c) for c in colors]
        self.set_edgecolor(edgecolor)
        self._linewidth = float(linewidth)
        self._hatches, self._hatch_style = [None] * len(x), _hatch.Style()

    @property
    def patches(self):
        return [Rectangle(self, i) for i in range(len(self._x))]

    @property
    def datavalues(self):
        return list(self._heights)

    def __iter__(self):
        return iter(self.patches)

    def __len__(self):
        return len(self._x)

    def __getitem__(self, index):
        return self.patches[index]

    def set_color(self, color):
        self.set_facecolor(color)

    def set_facecolor(self, color):
        self._colors = [to_rgba(color)] * len(self._x)

    def set_edgecolor(self, color):
        """One edge colour, or one per bar (a list, cycled as matplotlib's)."""
        if color is None:
            self._edgecolors = None
        elif is_color_like(color):
            self._edgecolors = [to_rgba(color)] * len(self._x)
        else:
            colors = [to_rgba(c) for c in _data.items(color)]
            self._edgecolors = [colors[i % len(colors)] for i in range(len(self._x))] if colors else None

    @property
    def _edgecolor(self):
        """The edge colour all bars share (the first bar's when they differ), or None."""
        return self._edgecolors[0] if self._edgecolors else None

    def set_linewidth(self, width):
        self._linewidth = float(width)

    def set_hatch(self, hatch):
        """One pattern for all bars, or a list cycled over them (as bar(hatch=[...]))."""
        self._hatches = _hatch.patterns(hatch, len(self._x))

    def extent(self, name):
        along = "x" if self.orientation == "vertical" else "y"
        if name == along:
            return [c + s * w / 2 for c, w in zip(self._x, self._widths) if c is not None
                    for s in (-1, 1)], ()
        ends = [b + h for b, h in zip(self._bottoms, self._heights) if h is not None]
        return [*self._bottoms, *ends], self._bottoms

    def spec(self):
        drawn = [i for i, (x, h) in enumerate(zip(self._x, self._heights)) if x is not None and h is not None]
        return {**self._head("bar"), "orientation": self.orientation, "x": [self._x[i] for i in drawn],
                "heights": [self._heights[i] for i in drawn], "widths": [self._widths[i] for i in drawn],
                "bottoms": [self._bottoms[i] for i in drawn], "colors": [self._color(self._colors[i]) for i in drawn],
                **self._edges_spec(drawn), "linewidth": self._linewidth, **self._hatches_spec(drawn)}

    def _hatches_spec(self, drawn):
        """The spec's per-bar hatches (each in its bar's edge colour, if set), when any bar has one."""
        if all(self._hatches[i] is None for i in drawn):
            return {}
        edges = self._edgecolors
        return {"hatches": [self._hatch_style.spec(self._hatches[i], None if edges is None else edges[i], self)
                            for i in drawn]}

    def _edges_spec(self, drawn):
        """The spec's edgecolor, or edgecolors when the drawn bars' edges differ."""
        if self._edgecolors is None:
            return {"edgecolor": None}
        edges = [self._color(self._edgecolors[i]) for i in drawn]
        if len(set(edges)) > 1:
            return {"edgecolor": None, "edgecolors": edges}
        return {"edgecolor": edges[0] if edges else self._color(self._edgecolors[0])}


class Rectangle:
    """One bar of a Bars artist, with matplotlib's Rectangle getters and setters."""

    def __init__(self, bars, index):
        self._bars, self._i = bars, index

    def _box(self):
        """(left, bottom, width, height) of the bar."""
        bars, i = self._bars, self._i
        centre, thickness = bars._x[i], bars._widths[i]
        base, length = bars._bottoms[i], bars._heights[i] or 0.0
        if bars.orientation == "vertical":
            return centre - thickness / 2, base, thickness, length
        return base, centre - thickness / 2, length, thickness

    def get_x(self):
        return self._box()[0]

    def get_y(self):
        return self._box()[1]

    def get_xy(self):
        return self._box()[:2]

    def get_width(self):
        return self._box()[2]

    def get_height(self):
        return self._box()[3]

    def get_center(self):
        x, y, w, h = self._box()
        return x + w / 2, y + h / 2

    def get_facecolor(self):
        return self._bars._colors[self._i]

    def set_facecolor(self, color):
        self._bars._colors[self._i] = to_rgba(color)

    set_color = set_facecolor

    def set_alpha(self, alpha):
        self._bars._colors[self._i] = to_rgba(self._bars._colors[self._i], alpha)

    def get_edgecolor(self):
        edges = self._bars._edgecolors
        return (0.0, 0.0, 0.0, 0.0) if edges is None else edges[self._i]

    def set_hatch(self, hatch):
        self._bars._hatches[self._i] = _hatch.pattern(hatch)

    def get_hatch(self):
        return self._bars._hatches[self._i]

    def set_edgecolor(self, color):
        bars = self._bars
        if bars._edgecolors is None:
            bars._edgecolors = [(0.0, 0.0, 0.0, 0.0)] * len(bars)
        bars._edgecolors[self._i] = to_rgba(color)

    def set_height(self, height):
        self._set_size("vertical", height)

    def set_width(self, width):
        self._set_size("horizontal", width)

    def _set_size(self, orientation, value):
        if self._bars.orientation != orientation:
            raise NotImplementedError("changing a bar's thickness is not supported in this sandbox")
        self._bars._heights[self._i] = _data.number(value)

    def get_label(self):
        return self._bars.get_label()

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Rectangle.{name} is not supported in this sandbox")


class Hist(Bars):
    """hist(): drawn as the spec's "hist", or as plain bars once single bars were recoloured
    or narrowed (rwidth)."""

    is_container = False

    def __init__(self, edges, counts, orientation, histtype, color, *, rwidth=None, edgecolor=None,
                 linewidth=1.0, label=None, alpha=None, bars=None):
        """bars: the (centres, widths, bottoms) of one dataset of several (see _hist_many);
        otherwise each bar fills its bin (rwidth of it)."""
        if bars is None:
            widths = [(hi - lo) * (1.0 if rwidth is None else rwidth) for lo, hi in zip(edges, edges[1:])]
            centres = [(lo + hi) / 2 for lo, hi in zip(edges, edges[1:])]
            bottoms = [0.0] * len(counts)
        else:
            centres, widths, bottoms = bars
        super().__init__("vertical" if orientation == "vertical" else "horizontal", centres, list(counts),
                         widths, bottoms, [color] * len(counts), edgecolor=edgecolor, linewidth=linewidth,
                         label=label, alpha=alpha)
        self.edges, self.counts = list(edges), list(counts)
        self._histtype = histtype
        self._in_bins = bars is None and rwidth is None

    @property
    def _fills_bins(self):
        """Bars that fill their bins from 0 with the default edge width are the spec's "hist";
        others are plain bars."""
        return self._in_bins and self._linewidth == 1.0

    def extent(self, name):
        if not (self._fills_bins or self._histtype.startswith("step")):
            return super().extent(name)
        along = "x" if self.orientation == "vertical" else "y"
        if name == along:
            return (self.edges[0], self.edges[-1]), ()
        return [0.0, *self.counts], (0.0,)

    def spec(self):
        uniform = all(c == self._colors[0] for c in self._colors) and not any(self._hatches)
        if self._histtype.startswith("step") and any(self._hatches):
            raise NotImplementedError("hatched step histograms are not supported in this sandbox")
        if self._histtype.startswith("step") or (uniform and self._fills_bins
                                                 and self._heights == self.counts):
            return {**self._head("hist"), "edges": self.edges, "counts": self.counts,
                    "orientation": self.orientation, "color": self._color(self._colors[0]),
                    "edgecolor": None if self._edgecolor is None else self._color(self._edgecolor),
                    "histtype": self._histtype}
        return super().spec()
