"""matplotlib.collections: LineCollection (hlines, vlines, error bars, stems, and
``ax.add_collection``), PatchCollection; the classes scatter() and fill_between() return, for isinstance checks."""

from . import _data, _kwargs, _rc
from ._collections import Fill, Scatter
from ._ellipse_collection import EllipseCollection
from ._lines import Line2D
from ._patch_collection import PatchCollection
from ._segment_colors import _SegmentColors
from .colors import to_rgba

__all__ = ["LineCollection", "EventCollection", "PathCollection", "PolyCollection", "PatchCollection",
           "EllipseCollection"]

PathCollection = Scatter
PolyCollection = Fill


class LineCollection(Line2D):
    """Line segments of one colour and width, drawn as one line broken between segments."""

    _parts = None  # a multi-coloured collection's per-segment colours (a _SegmentColors), else None

    def __init__(self, segments, *, colors=None, color=None, linewidths=None, linewidth=None, lw=None,
                 linestyles="solid", linestyle=None, ls=None, label=None, alpha=None, zorder=None, array=None,
                 cmap=None, norm=None, **kwargs):
        colors = color if colors is None else colors
        many = _several(colors)
        width = next((w for w in (linewidths, linewidth, lw) if w is not None), 1.5)
        self._widths = [float(w) for w in _data.items(width)]  # one per segment, cycled
        widths = set(self._widths)
        if many or array is not None or len(widths) > 1:
            self._parts = _SegmentColors(self, many, array, cmap, norm)
        color = many[0] if many else _one_color(colors if colors is not None else "C0")
        style = next((s for s in (linestyle, ls) if s is not None), linestyles)
        if isinstance(style, (list, tuple)) and len(set(style)) == 1:
            style = style[0]
        transform = kwargs.pop("transform", None)
        for key, value in list(kwargs.items()):
            if key in ("capstyle", "joinstyle", "antialiased", "antialiaseds"):
                _kwargs.check_default("LineCollection", key.rstrip("s") if key == "antialiaseds" else key, value)
                del kwargs[key]
        if kwargs:
            raise NotImplementedError(f"LineCollection: {next(iter(kwargs))}= is not supported in this sandbox")
        x, y = _joined(segments)
        self._setup(x, y, color=color, linewidth=self._widths[0], linestyle=style, label=label, alpha=alpha)
        self._solid_capstyle = self._dash_capstyle = "butt"  # a collection's ends, unlike a Line2D's
        if transform is not None:
            self.set_transform(transform)

    def set_transform(self, transform):
        """ax.transData, ax.transAxes or a blend of them (ax.get_xaxis_transform())."""
        coords = getattr(transform, "coords", None)
        pair = coords if isinstance(coords, tuple) else (coords, coords)
        if not set(pair) <= {"data", "axes"}:
            raise NotImplementedError("LineCollection transforms other than ax.transData, ax.transAxes and their "
                                      "blends are not supported in this sandbox")
        self._set_coords(pair)

    def get_segments(self):
        segments, current = [], []
        for x, y in zip(self._x, self._y):
            if x is None and y is None:
                segments.append(current)
                current = []
            else:
                current.append([x, y])
        return segments + [current] if current else segments

    def set_segments(self, segments):
        self._x, self._y = _joined(segments)

    def set_color(self, c):
        many = _several(c)
        if many:
            self._segment_colors().set_colors(many)
        else:
            self._rgba = to_rgba(_one_color(c))
            if self._parts is not None:
                self._parts.set_colors(None)

    def set_array(self, A):
        """Colour each segment by its value through cmap and norm (after add_collection() too)."""
        self._segment_colors().set_array(A)

    def _segment_colors(self):
        if self._parts is None:
            if self.axes is not None:
                raise NotImplementedError("colouring a LineCollection's segments after adding it to an Axes is "
                                          "not supported in this sandbox; colour it before add_collection()")
            self._parts = _SegmentColors(self, None, None, None, None)
        return self._parts

    def __getattr__(self, name):
        parts = self.__dict__.get("_parts")
        if parts is not None and name in _SegmentColors.MAPPABLE:
            return getattr(parts, name)
        return super().__getattr__(name)

    set_colors = set_edgecolor = set_color

    def get_colors(self):
        if self._parts is not None and self._parts.colors is not None:
            return list(self._parts.colors)
        return [self._rgba]

    get_color = get_edgecolor = get_colors  # a collection's colours: one per segment in matplotlib

    def set_linewidths(self, width):
        self._widths = [float(w) for w in _data.items(width)]
        Line2D.set_linewidth(self, self._widths[0])

    set_linewidth = set_lw = set_linewidths

    def set_linestyles(self, style):
        self.set_linestyle(style)

    def spec(self):
        if self._parts is not None:  # its segments are drawn by the parts; it stays the legend handle
            return {**super().spec(), "x": [], "y": [], "segments": True}
        return {**super().spec(), "segments": True}


class EventCollection(LineCollection):
    """A line across the axis at each position, lineoffset +- linelength / 2 (eventplot's rows):
    vertical lines for orientation "horizontal", horizontal ones for "vertical"."""

    def __init__(self, positions, orientation="horizontal", *, lineoffset=0, linelength=1, linewidth=None,
                 color=None, linestyle="solid", antialiased=None, **kwargs):
        if orientation not in ("horizontal", "vertical"):
            raise ValueError(f"{orientation!r} is not a valid value for orientation; supported values are "
                             "'horizontal', 'vertical'")
        self._positions = [_data.number(p) for p in _data.items(positions)]
        self._orientation = orientation
        self._lineoffset, self._linelength = float(lineoffset), float(linelength)
        self._row_extent = None  # eventplot's: the offset +- a whole length across
        super().__init__(self._segments(), colors=_rc.rcParams["lines.color"] if color is None else color,
                         linewidths=linewidth, linestyles=linestyle, **kwargs)

    def _segments(self):
        lo, hi = self._lineoffset - self._linelength / 2, self._lineoffset + self._linelength / 2
        if self.is_horizontal():  # each from the top (right) end, as matplotlib's
            return [[(p, hi), (p, lo)] for p in self._positions]
        return [[(hi, p), (lo, p)] for p in self._positions]

    def get_positions(self):
        return list(self._positions)

    def get_orientation(self):
        return self._orientation

    def is_horizontal(self):
        return self._orientation == "horizontal"

    def get_lineoffset(self):
        return self._lineoffset

    def get_linelength(self):
        return self._linelength

    def _guest_limits(self):
        return self._row_extent is not None

    def extent(self, name):
        along = "x" if self.is_horizontal() else "y"
        if self._row_extent is None or name == along:
            return super().extent(name)
        return list(self._row_extent), ()


def _several(colors):
    """The colours of a list of differing colours, else None (one colour, or none given)."""
    if colors is None:
        return None
    try:
        to_rgba(colors)
        return None
    except (ValueError, TypeError):
        pass
    rgba = [to_rgba(c) for c in _data.items(colors)]
    return rgba if len(set(rgba)) > 1 else None


def _one_color(colors):
    """The single colour of a collection; several differing colours are refused."""
    try:
        return to_rgba(colors)
    except (ValueError, TypeError):
        pass
    distinct = {to_rgba(c) for c in _data.items(colors)}
    if len(distinct) != 1:
        raise NotImplementedError("line collections with several colours are not supported in this sandbox; "
                                  "draw one collection (or one hlines()/vlines() call) per colour")
    return distinct.pop()


def _joined(segments):
    """x and y of segments joined into one series, None between segments."""
    xs, ys = [], []
    for segment in _data.items(segments):
        if xs:
            xs.append(None)
            ys.append(None)
        for point in _data.items(segment):
            x, y = _data.items(point)
            xs.append(_data.number(x))
            ys.append(_data.number(y))
    return xs, ys

