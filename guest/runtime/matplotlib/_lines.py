"""Line artists: plot() lines and axhline()/axvline()."""

from . import _data, _kwargs, _marker_paths, _rc, _styles
from ._artist import Artist
from .colors import to_rgba
from .markers import MarkerStyle


class _Stroke(Artist):
    """Colour, width and style of a line, with matplotlib's getters and setters."""

    def __init__(self, color, linewidth, linestyle, label=None, alpha=None):
        super().__init__(label, alpha)
        self._rgba = to_rgba(color)
        self._linewidth = float(linewidth)
        self._linestyle = _styles.linestyle(linestyle)
        self._gapcolor = None
        self._solid_capstyle = _styles.capstyle(_rc.rcParams["lines.solid_capstyle"])
        self._dash_capstyle = _styles.capstyle(_rc.rcParams["lines.dash_capstyle"])
        self._solid_joinstyle = _styles.joinstyle(_rc.rcParams["lines.solid_joinstyle"])
        self._dash_joinstyle = _styles.joinstyle(_rc.rcParams["lines.dash_joinstyle"])

    def get_color(self):
        return self._rgba

    def set_color(self, color):
        self._rgba = to_rgba(color)

    def get_linewidth(self):
        return self._linewidth

    def set_linewidth(self, width):
        self._linewidth = float(width)

    def get_linestyle(self):
        return self._linestyle

    def set_linestyle(self, style):
        self._linestyle = _styles.linestyle(style)

    def set_dashes(self, seq):
        """A custom dash pattern (on, off, ...) in points; (None, None) or () is a solid line."""
        if seq in ((None, None), ()) or (hasattr(seq, "__len__") and len(seq) == 0):
            self._linestyle = "-"
        else:
            self._linestyle = _styles.dash_pattern(0, seq)

    def set_dash_capstyle(self, capstyle):
        """How each dash ends: 'butt', 'projecting' or 'round' (a matplotlib CapStyle)."""
        self._dash_capstyle = _styles.capstyle(capstyle)

    def set_solid_capstyle(self, capstyle):
        """How a solid line ends: 'butt', 'projecting' or 'round' (a matplotlib CapStyle)."""
        self._solid_capstyle = _styles.capstyle(capstyle)

    def get_dash_capstyle(self):
        return self._dash_capstyle

    def get_solid_capstyle(self):
        return self._solid_capstyle

    def set_dash_joinstyle(self, joinstyle):
        """How each dash's segments meet: 'miter', 'round' or 'bevel' (a matplotlib JoinStyle)."""
        self._dash_joinstyle = _styles.joinstyle(joinstyle)

    def set_solid_joinstyle(self, joinstyle):
        """How a solid line's segments meet: 'miter', 'round' or 'bevel' (a matplotlib JoinStyle)."""
        self._solid_joinstyle = _styles.joinstyle(joinstyle)

    def get_dash_joinstyle(self):
        return self._dash_joinstyle

    def get_solid_joinstyle(self):
        return self._solid_joinstyle

    def set_gapcolor(self, color):
        """The colour drawn in the gaps of a dashed line (None: nothing)."""
        self._gapcolor = None if color is None else to_rgba(color)

    def get_gapcolor(self):
        return self._gapcolor

    set_lw, set_ls, set_c = set_linewidth, set_linestyle, set_color


class Line2D(_Stroke):
    """A line through (x, y) points, with optional markers.

    ``_sticky`` ({"x": values}) holds data bounds margins may not cross (a
    boxplot's median lines carry its position ± 0.5).

    Made by plot() (from numbers already converted, see ``_of``) or by user
    code, often as a legend proxy: ``Line2D([0], [0], color="r", label="a")``.
    """

    markers = MarkerStyle.markers
    filled_markers = MarkerStyle.filled_markers
    fillStyles = MarkerStyle.fillstyles

    def __init__(self, xdata, ydata, *, linewidth=None, linestyle=None, color=None, marker=None,
                 markersize=None, markerfacecolor=None, markeredgecolor=None, markeredgewidth=None, label=None,
                 alpha=None, drawstyle=None, **kwargs):
        options = _kwargs.take(kwargs, frozenset(("color", "linewidth", "linestyle", "markersize",
                                                  "markerfacecolor", "markeredgecolor", "markeredgewidth", "dashes",
                                                  "gapcolor", "clip_on", "solid_capstyle", "dash_capstyle",
                                                  "solid_joinstyle", "dash_joinstyle", "markevery",
                                                  "fillstyle", "markerfacecoloralt")),
                               "Line2D")
        x, y = _data.numbers_of(xdata), _data.numbers_of(ydata)
        _data.same_length(x, y)
        rc = _rc.rcParams
        self._setup(x, y, color=color or options.get("color") or "C0",
                    linewidth=_first(linewidth, options.get("linewidth"), rc["lines.linewidth"]),
                    linestyle=_first(linestyle, options.get("linestyle"), "-"), marker=marker,
                    markersize=_first(markersize, options.get("markersize"), rc["lines.markersize"]),
                    markerfacecolor=markerfacecolor or options.get("markerfacecolor"),
                    markeredgecolor=markeredgecolor or options.get("markeredgecolor"),
                    markeredgewidth=options.get("markeredgewidth") if markeredgewidth is None else markeredgewidth,
                    label=label, alpha=alpha, drawstyle=drawstyle)
        self._line_options(options)
        self.set_clip_on(options.get("clip_on", True))

    # Line2D and plot() keywords applied through their setters, in this order.
    _SET_FROM_OPTIONS = ("markevery", "solid_capstyle", "dash_capstyle", "solid_joinstyle", "dash_joinstyle",
                         "dashes", "gapcolor", "fillstyle", "markerfacecoloralt")

    def _line_options(self, options):
        """The dashes=, gapcolor=, cap and join style, fillstyle and markevery= keywords."""
        for name in self._SET_FROM_OPTIONS:
            if name in options:
                getattr(self, f"set_{name}")(options[name])

    @classmethod
    def _of(cls, x, y, **style):
        """A Line2D over x and y, lists of floats or None already converted (plot()'s fast path)."""
        line = cls.__new__(cls)
        line._setup(x, y, **style)
        return line

    def _setup(self, x, y, *, color, linewidth, linestyle, marker=None, markersize=6.0,
               markerfacecolor=None, markeredgecolor=None, markeredgewidth=None, label=None, alpha=None,
               drawstyle=None):
        _Stroke.__init__(self, color, linewidth, linestyle, label, alpha)
        self._x, self._y = x, y
        self._fillstyle = _fillstyle(_rc.rcParams["markers.fillstyle"])
        self._mfcalt = "none"
        self.set_marker(marker)
        self._markersize = float(markersize)
        self._mfc = None if markerfacecolor is None else to_rgba(markerfacecolor)
        self._mec = None if markeredgecolor is None else to_rgba(markeredgecolor)
        self.set_markeredgewidth(markeredgewidth)
        self._drawstyle = _drawstyle(drawstyle)
        self._role = None
        self._sticky = {}
        self._coords = ("data", "data")  # or axes fractions, per axis (transform=ax.transAxes...)
        self._path_effects = []
        self._markevery = None

    def _set_coords(self, coords):
        """Where x and y are measured: "data", "axes", or a pair of them."""
        self._coords = coords if isinstance(coords, tuple) else (coords, coords)

    def get_xdata(self):
        return list(self._x)

    def get_ydata(self):
        return list(self._y)

    def get_data(self):
        return self.get_xdata(), self.get_ydata()

    def get_xydata(self):
        """The points as an (n, 2) float array, missing values NaN (as matplotlib's)."""
        import numpy as np
        nan = float("nan")
        return np.array([[nan if x is None else x, nan if y is None else y] for x, y in zip(self._x, self._y)],
                        dtype=float).reshape(-1, 2)

    def set_xdata(self, x):
        self.set_data(x, self._y)

    def set_ydata(self, y):
        self.set_data(self._x, y)

    def set_data(self, *args):
        x, y = args[0] if len(args) == 1 else args
        x = _data.numbers_of(x, self.axes and self.axes._group["x"])
        y = _data.numbers_of(y, self.axes and self.axes._group["y"])
        _data.same_length(x, y)
        self._x, self._y = x, y

    def get_marker(self):
        if self._marker is None:
            return "None"
        return self._marker if isinstance(self._marker, str) else self._marker_given

    def set_marker(self, marker):
        self._marker = _styles.marker(marker)
        self._marker_given = marker
        if isinstance(marker, MarkerStyle):
            self._fillstyle = marker.get_fillstyle()

    def get_fillstyle(self):
        return self._fillstyle

    def set_fillstyle(self, fs):
        """Which part of the marker takes markerfacecolor: 'full', 'left', 'right', 'bottom', 'top'
        (the other half markerfacecoloralt) or 'none'."""
        self._fillstyle = _fillstyle(fs)

    def get_markerfacecoloralt(self):
        return self._rgba if self._mfcalt == "auto" else self._mfcalt

    def set_markerfacecoloralt(self, color):
        self._mfcalt = "auto" if isinstance(color, str) and color.lower() == "auto" else to_rgba(color)

    set_mfcalt = set_markerfacecoloralt

    def _marker_specs(self, spec):
        """The marker, face colour and half-filled marker's other half as matplotlib's fillstyle draws
        them (a 'none' face: unfilled)."""
        fs = self._fillstyle
        if self._marker is None:
            return
        if fs == "none":
            spec["markerfacecolor"] = self._color((0.0, 0.0, 0.0, 0.0))
        given = self._marker_given
        if isinstance(given, MarkerStyle):
            halves = given._styled_specs(fs)
        else:
            halves = _marker_paths.specs(given, fs)
        if halves is not None:
            spec["marker"] = halves[0]
            if halves[1] is not None:
                spec["alt_marker"] = {"marker": halves[1], "facecolor": self._color(self.get_markerfacecoloralt())}

    def get_markersize(self):
        return self._markersize

    def set_markersize(self, size):
        self._markersize = float(size)

    def set_markerfacecolor(self, color):
        self._mfc = to_rgba(color)

    def set_markeredgecolor(self, color):
        self._mec = to_rgba(color)

    def get_markeredgewidth(self):
        return self._mew

    def set_markeredgewidth(self, width):
        self._mew = float(_rc.rcParams["lines.markeredgewidth"] if width is None else width)

    set_ms, set_mfc, set_mec, set_mew = set_markersize, set_markerfacecolor, set_markeredgecolor, set_markeredgewidth

    def set_markevery(self, every):
        """Which points get the marker, as matplotlib's markevery: None (all), N (every N-th),
        (start, N), a slice, indices, a boolean mask, or a float / (start, step) spacing along
        the line in fractions of the axes' diagonal."""
        if every is not None:
            _markevery_spec(every, 0)  # checks the form now; indices are taken when drawn
        self._markevery = every

    def get_markevery(self):
        return self._markevery

    def _guest_limits(self):
        return bool(self._sticky)

    def extent(self, name):
        if self._coords[name == "y"] != "data":
            return (), ()  # axes fractions do not autoscale
        sticky = self._sticky.get(name, ())
        values = self._x if name == "x" else self._y
        return ([*values, *sticky] if sticky else values), sticky

    def get_drawstyle(self):
        return self._drawstyle

    def set_drawstyle(self, drawstyle):
        self._drawstyle = _drawstyle(drawstyle)

    def set_path_effects(self, path_effects):
        """matplotlib.patheffects effects the line is drawn through (Normal, Stroke, TickedStroke)."""
        from .patheffects import AbstractPathEffect

        effects = list(path_effects or [])
        for effect in effects:
            if not isinstance(effect, AbstractPathEffect):
                raise TypeError(f"path effects must be matplotlib.patheffects effects, not {effect!r}")
        self._path_effects = effects

    def get_path_effects(self):
        return list(self._path_effects)

    set_ds = set_drawstyle

    def spec(self):
        spec = {**self._head("line"), "x": self._x, "y": self._y, "color": self._color(self._rgba),
                "linewidth": self._linewidth, "linestyle": self._linestyle, "marker": self._marker,
                "markersize": self._markersize,
                "markerfacecolor": self._color(self._mfc or self._rgba),
                "markeredgecolor": self._color(self._mec or self._rgba)}
        self._marker_specs(spec)
        if self._drawstyle != "default":
            spec["drawstyle"] = self._drawstyle
        if self._gapcolor is not None and self._linestyle not in ("-", "none"):
            spec["gapcolor"] = self._color(self._gapcolor)
        if self._role is not None:
            spec["role"] = self._role
        if self._path_effects:
            if self._marker is not None:
                raise NotImplementedError("path effects on a line with markers are not supported in this sandbox")
            spec["path_effects"] = [part for effect in self._path_effects for part in effect._specs(self)]
        if self._mew != 1.0:
            spec["markeredgewidth"] = self._mew
        if self._coords != ("data", "data"):
            spec["coords"] = list(self._coords)
        if self._markevery is not None and self._marker is not None:
            spec["markevery"] = _markevery_spec(self._markevery, len(self._x))
        for key, capstyle in (("solid_capstyle", self._solid_capstyle), ("dash_capstyle", self._dash_capstyle)):
            if capstyle != "butt":
                spec[key] = capstyle
        for key, joinstyle in (("solid_joinstyle", self._solid_joinstyle), ("dash_joinstyle", self._dash_joinstyle)):
            if joinstyle != "round":
                spec[key] = joinstyle
        return spec


def _fillstyle(value):
    if value not in MarkerStyle.fillstyles:
        raise ValueError(f"{value!r} is not a valid value for fillstyle; supported values are "
                         + ", ".join(repr(f) for f in MarkerStyle.fillstyles))
    return value


_DRAWSTYLES = {None: "default", "default": "default", "steps": "steps-pre", "steps-pre": "steps-pre",
               "steps-post": "steps-post", "steps-mid": "steps-mid"}


def _drawstyle(value):
    try:
        return _DRAWSTYLES[value]
    except (KeyError, TypeError):
        raise ValueError(f"{value!r} is not a valid value for drawstyle; supported values are "
                         "'default', 'steps', 'steps-pre', 'steps-mid', 'steps-post'") from None


def _markevery_spec(every, count):
    """matplotlib's markevery forms as the spec's {"indices": [...]} over count points, or
    {"spacing": [start, step]} (floats: the host measures the drawn path)."""
    import numbers

    if isinstance(every, numbers.Integral) and not isinstance(every, bool):
        every = slice(0, None, int(every))
    elif isinstance(every, float):
        return {"spacing": [0.0, every]}
    elif isinstance(every, tuple) and len(every) == 2:
        start, step = every
        if all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in every):
            every = slice(int(start), None, int(step))
        elif all(isinstance(v, float) for v in every):
            return {"spacing": [start, step]}
        else:
            raise ValueError(f"markevery={every!r} is a tuple with len 2, but its second element is not an int "
                             "or a float")
    if isinstance(every, slice):
        if every.step == 0:
            raise ValueError("slice step cannot be zero")
        return {"indices": list(range(count))[every]}
    if isinstance(every, (str, bytes)) or not (hasattr(every, "__iter__") or hasattr(every, "tolist")):
        raise ValueError(f"markevery={every!r} is not a recognized value")
    values = _data.items(every)
    if values and all(isinstance(v, bool) for v in values):
        if count and len(values) != count:
            raise ValueError(f"markevery is a boolean mask of length {len(values)}, but the line has "
                             f"{count} points")
        return {"indices": [i for i, keep in enumerate(values) if keep]}
    if not all(isinstance(v, numbers.Integral) for v in values):
        raise ValueError(f"markevery={every!r} is iterable but not a valid numpy fancy index")
    indices = []
    for i in values:
        if count and not -count <= i < count:
            raise IndexError(f"index {i} is out of bounds for axis 0 with size {count}")
        indices.append(i + count if i < 0 else int(i))
    return {"indices": indices}


def _first(*values):
    """The first value that is not None."""
    return next(v for v in values if v is not None)


class AxLine(_Stroke):
    """axhline()/axvline(): a line across the axes at a data value, between axes fractions."""

    def __init__(self, orientation, value, start, end, *, color, linewidth, linestyle, label=None, alpha=None):
        super().__init__(color, linewidth, linestyle, label, alpha)
        self._orientation = orientation
        self._value = _data.scalar(value, "the line position")
        self._start, self._end = float(start), float(end)

    def extent(self, name):
        return ((self._value,) if name == ("y" if self._orientation == "h" else "x") else ()), ()

    def spec(self):
        return {**self._head("axline"), "orientation": self._orientation, "value": self._value,
                "start": self._start, "end": self._end, "color": self._color(self._rgba),
                "linewidth": self._linewidth, "linestyle": self._linestyle}
