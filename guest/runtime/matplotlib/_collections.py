"""Collection artists: scatter() points and fill_between() areas."""

from . import _data, _hatch, _rc, _styles
from ._artist import Artist
from .colors import to_rgba


class Scatter(Artist):
    """scatter() points (matplotlib's PathCollection): colours and sizes, one or one per point."""

    zorder_default = 1

    def __init__(self, x, y, colors, sizes, marker, *, edgecolors=None, linewidth=1.0, values=None,
                 label=None, alpha=None):
        super().__init__(label, alpha)
        self._x, self._y = x, y
        self._colors = [to_rgba(c) for c in colors]
        self._sizes = sizes
        if getattr(marker, "get_fillstyle", lambda: "full")() != "full":
            raise NotImplementedError("scatter() of a MarkerStyle with a fillstyle other than 'full' is not "
                                      "supported in this sandbox")
        self._marker = _styles.marker(marker) or "o"
        if isinstance(self._marker, dict) and "path" in self._marker:
            # matplotlib's scatter strokes its markers with the collection's joins and caps.
            self._marker = {"path": {**self._marker["path"], "join": "round", "cap": "butt"}}
        self._edgecolors = None if edgecolors is None else [to_rgba(c) for c in edgecolors]
        self._linewidth = float(linewidth)
        self._values = values  # the numbers c= mapped through the colormap, if any
        self._markers = None  # one marker per point (seaborn's style=), instead of marker

    def _set_markers(self, markers):
        """One marker per point, as seaborn's scatterplot(style=...) sets its paths."""
        self._markers = [_styles.marker(m) or "o" for m in markers]

    def get_offsets(self):
        return [[x, y] for x, y in zip(self._x, self._y)]

    def set_offsets(self, offsets):
        self._x = [_data.number(x) for x, _ in offsets]
        self._y = [_data.number(y) for _, y in offsets]

    def get_sizes(self):
        return list(self._sizes)

    def set_sizes(self, sizes):
        self._sizes = [_data.scalar(s, "a marker size") for s in _data.items(sizes)]

    def get_facecolor(self):
        return list(self._colors)

    def set_facecolor(self, color):
        self._colors = [to_rgba(c) for c in _colors_of(color)]

    set_color = set_facecolor
    get_facecolors = get_facecolor

    def set_edgecolor(self, color):
        self._edgecolors = [to_rgba(c) for c in _colors_of(color)]

    def get_array(self):
        """The values mapped through the colormap, as a masked array (as matplotlib's), or None."""
        if self._values is None:
            return None
        import numpy as np
        return np.ma.masked_invalid(np.array([np.nan if v is None else v for v in self._values], dtype=float))

    def legend_elements(self, prop="colors", num="auto", fmt=None, func=lambda x: x, **kwargs):
        """(handles, labels) for a legend of the distinct colours or sizes, as matplotlib's."""
        from ._legend_elements import legend_elements

        return legend_elements(self, prop, num, fmt, func, **kwargs)

    def get_clim(self):
        norm = getattr(self, "norm", None)
        return (None, None) if norm is None else (norm.vmin, norm.vmax)

    def extent(self, name):
        return (self._x if name == "x" else self._y), ()

    def spec(self):
        edges = self._edgecolors
        return {**self._head("scatter"), "x": self._x, "y": self._y,
                "colors": [self._color(c) for c in self._colors], "sizes": self._sizes,
                "marker": self._marker, "edgecolors": None if edges is None else [self._color(c) for c in edges],
                "linewidths": self._linewidth, **({"markers": self._markers} if self._markers else {})}


def _colors_of(color):
    """A colour or a sequence of colours as a list."""
    try:
        return [to_rgba(color)]
    except ValueError:
        return _data.items(color)


class Fill(Artist):
    """fill_between(): the area between y1 and y2 over x."""

    zorder_default = 1

    def __init__(self, x, y1, y2, color, *, edgecolor=None, linewidth=None, linestyle="-", label=None,
                 alpha=None, hatch=None):
        super().__init__(label, alpha)
        self._hatch, self._hatch_style = _hatch.pattern(hatch), _hatch.Style()
        self._x, self._y1, self._y2 = x, y1, y2
        self._sticky = {}  # {"y": values} margins may not cross (stackplot's base)
        self._coords = ("data", "data")  # transform=ax.get_xaxis_transform()...: axes fractions per axis
        self._rgba = to_rgba(color)
        edgecolor = _rc.default_edgecolor() if edgecolor is None else edgecolor
        self._edgecolor = None if edgecolor is None else to_rgba(edgecolor)
        self.set_linewidth(linewidth)
        self._linestyle = _styles.linestyle(linestyle)

    def get_linewidth(self):
        return [self._linewidth]

    def set_linewidth(self, width):
        self._linewidth = float(_rc.rcParams["patch.linewidth"] if width is None else _data.items(width)[0])

    def get_facecolor(self):
        return [self._rgba]

    def set_facecolor(self, color):
        self._rgba = to_rgba(color)

    set_color = set_facecolor

    def set_edgecolor(self, color):
        self._edgecolor = to_rgba(color)

    def _guest_limits(self):
        return bool(self._sticky)

    def extent(self, name):
        if self._coords[name == "y"] != "data":
            return (), ()  # axes fractions do not autoscale
        return (self._x if name == "x" else [*self._y1, *self._y2]), self._sticky.get(name, ())

    def spec(self):
        if self._coords != ("data", "data"):
            return self._polygon_spec()
        edged = self._edgecolor is not None and self._edgecolor[3] > 0 and self._linewidth > 0
        if edged and self._linestyle != "-":
            raise NotImplementedError("fill_between() edges with a linestyle other than '-' are not supported "
                                      "in this sandbox")
        spec = {**self._head("fill"), "x": self._x, "y1": self._y1, "y2": self._y2,
                "color": self._color(self._rgba), "edgecolor": self._color(self._edgecolor) if edged else None}
        if edged:
            spec["linewidth"] = self._linewidth
        return {**spec, **self._hatch_field()}

    def set_hatch(self, hatch):
        self._hatch = _hatch.pattern(hatch)

    def get_hatch(self):
        return self._hatch

    def _hatch_field(self):
        """The spec's hatch, in the edge colour if one is set, as matplotlib's collections."""
        spec = self._hatch_style.spec(self._hatch, self._edgecolor, self)
        return {} if spec is None else {"hatch": spec}

    def _polygon_spec(self):
        """The area as a patch (which, unlike "fill", may be measured in axes fractions), through
        matplotlib's vertices: (x[0], y2[0]), the y1 points, (x[-1], y2[-1]), the y2 points backwards."""
        x, y1, y2 = self._x, self._y1, self._y2
        corners = [(x[0], y2[0]), *zip(x, y1), (x[-1], y2[-1]), *reversed(list(zip(x, y2)))] if x else []
        edge = (0.0, 0.0, 0.0, 0.0) if self._edgecolor is None else self._edgecolor
        return {**self._head("patch"), "joinstyle": "round", "x": [p[0] for p in corners], "y": [p[1] for p in corners],
                "coords": list(self._coords), "facecolor": self._color(self._rgba), "edgecolor": self._color(edge),
                "linewidth": self._linewidth, "linestyle": self._linestyle, "shape": None, "role": "fill_between",
                **self._hatch_field()}
