"""Text artists: titles and labels, text() and annotate()."""

from . import _kwargs, _rc, _styles
from ._artist import Artist
from .colors import to_rgba

_HA = ("left", "center", "right")
_VA = ("top", "center", "bottom", "baseline", "center_baseline")
_OPTIONS = frozenset(("fontsize", "color", "fontweight", "horizontalalignment", "verticalalignment",
                      "rotation", "alpha"))


def properties(kwargs, fontdict=None, extra=()):
    """Text() keyword arguments from matplotlib's text keywords (and fontdict), aliases resolved.

    Names in extra are also accepted and returned under their own name.
    """
    options = _kwargs.take({**(fontdict or {}), **kwargs}, _OPTIONS | frozenset(extra), "Text")
    for long, short in (("horizontalalignment", "ha"), ("verticalalignment", "va")):
        if long in options:
            options[short] = options.pop(long)
    return options


class Text(Artist):
    """A string at (x, y) in data or axes coordinates; also titles and axis labels."""

    zorder_default = 3

    def __init__(self, x, y, text, *, fontsize=None, color="black", fontweight="normal",
                 ha="left", va="baseline", rotation=0, coords="data", alpha=None):
        super().__init__(alpha=alpha)
        self._x, self._y = x, y
        self._text = "" if text is None else str(text)
        self._fontsize = _rc.fontsize(_rc.rcParams["font.size"] if fontsize is None else fontsize)
        self._rgba = to_rgba(color)
        self._weight = _styles.weight(fontweight)
        self._ha = _alignment(ha, _HA, "horizontalalignment")
        self._va = _alignment(va, _VA, "verticalalignment")
        self._rotation = degrees(rotation)
        self._coords = coords
        self.figure = None  # set for Figure.text()

    def get_text(self):
        return self._text

    def set_text(self, text):
        self._text = "" if text is None else str(text)

    def get_fontsize(self):
        return self._fontsize

    def set_fontsize(self, size):
        self._fontsize = _rc.fontsize(size)

    set_size = set_fontsize
    get_size = get_fontsize

    def get_color(self):
        return self._rgba

    def set_color(self, color):
        self._rgba = to_rgba(color)

    def set_fontweight(self, weight):
        self._weight = _styles.weight(weight)

    set_weight = set_fontweight

    def get_rotation(self):
        return self._rotation

    def set_rotation(self, rotation):
        self._rotation = degrees(rotation)

    def set_horizontalalignment(self, align):
        self._ha = _alignment(align, _HA, "horizontalalignment")

    def set_verticalalignment(self, align):
        self._va = _alignment(align, _VA, "verticalalignment")

    set_ha = set_horizontalalignment
    set_va = set_verticalalignment

    def get_position(self):
        return (self._x, self._y)

    def set_position(self, xy):
        self._x, self._y = xy

    def set_x(self, x):
        self._x = x

    def set_y(self, y):
        self._y = y

    def legend_handles(self):
        return []

    def text_spec(self):
        """The spec's Text object."""
        return {"text": self._text, "fontsize": self._fontsize, "color": self._color(self._rgba),
                "weight": self._weight}

    def title_spec(self):
        """The spec's Text object, or None when the text is empty (titles and axis labels)."""
        return self.text_spec() if self._text else None

    def figure_spec(self):
        """The spec's figure text (Figure.text())."""
        return {"x": self._x, "y": self._y, "text": self.text_spec(), "ha": self._ha, "va": self._va,
                "rotation": self._rotation}

    def remove(self):
        if self.axes is None and self.figure is not None and self in self.figure._texts:
            self.figure._texts.remove(self)
            return
        super().remove()

    def spec(self):
        coords = list(self._coords) if isinstance(self._coords, tuple) else self._coords
        return {**self._head("text"), "x": self._x, "y": self._y, "coords": coords,
                "text": self.text_spec(), "ha": self._ha, "va": self._va, "rotation": self._rotation}


def _alignment(value, allowed, name):
    if value not in allowed:
        raise ValueError(f"{value!r} is not a valid value for {name}; supported values are "
                         f"{', '.join(map(repr, allowed))}")
    return "center" if value == "center_baseline" else value


def degrees(rotation):
    """Rotation in degrees from a number, None, "horizontal" or "vertical"."""
    return float({"horizontal": 0, "vertical": 90, None: 0}.get(rotation, rotation))


class Annotation(Text):
    """annotate(): text at xytext (or at xy) with an optional arrow to xy, both converted to data."""

    def __init__(self, text, xy, xytext, xycoords, textcoords, arrow, **text_options):
        super().__init__(xy[0], xy[1], text, **text_options)
        if self._rotation:
            raise NotImplementedError("rotated annotations are not supported in this sandbox; use text()")
        self.xy, self.xytext = xy, xytext
        self.xycoords, self.textcoords = xycoords, textcoords
        self.arrow = arrow  # (rgba, linewidth) or None

    def spec(self):
        xy = self.axes._to_data(self.xy, self.xycoords)
        xytext = None if self.xytext is None else self.axes._to_data(self.xytext, self.textcoords, xy)
        arrow = None if self.arrow is None else {"color": self._color(self.arrow[0]), "linewidth": self.arrow[1]}
        return {**self._head("annotation"), "text": self.text_spec(), "xy": xy, "xytext": xytext,
                "ha": self._ha, "va": self._va, "arrow": arrow}
