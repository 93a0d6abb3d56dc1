"""legend(): choosing the entries (matplotlib's argument forms) and the location."""

import numbers
import warnings

from . import _rc
from ._artist import Artist
from ._bars import Rectangle
from ._lines import Line2D
from ._pie import Wedge
from .colors import spec_color
from .patches import Patch

LOCATIONS = ("best", "upper right", "upper left", "lower left", "lower right", "right", "center left",
             "center right", "lower center", "upper center", "center")  # index = matplotlib's loc code

# Cosmetic legend options, accepted and ignored.
_IGNORED = frozenset(("frameon", "framealpha", "fancybox", "shadow", "edgecolor", "facecolor",
                      "borderpad", "labelspacing", "handlelength", "handleheight", "handletextpad",
                      "borderaxespad", "columnspacing", "markerscale", "markerfirst", "numpoints",
                      "scatterpoints", "scatteryoffsets", "title_fontsize", "title_fontproperties",
                      "labelcolor", "alignment", "mode", "draggable", "reverse", "bbox_transform",
                      "handler_map", "alpha"))


class Legend:
    """The legend of an Axes: entries are (artist, index, label) taken when legend() is called."""

    def __init__(self, axes, entries, loc, fontsize, title, ncol):
        self.axes = axes
        self._entries, self._loc, self._fontsize = entries, loc, fontsize
        self._title, self._ncol = title, ncol
        # As matplotlib: text in rcParams text.color, the frame filled with rcParams axes.facecolor
        # (legend.facecolor "inherit") at legend.framealpha 0.8, both when the legend is made.
        self._textcolor = spec_color(_rc.rcParams["text.color"])
        self._facecolor = spec_color(_rc.rcParams["axes.facecolor"], 0.8)

    def set_title(self, title, prop=None):
        self._title = None if title is None else str(title)

    def get_title_text(self):
        return self._title or ""

    def remove(self):
        if self.axes._legend is self:
            self.axes._legend = None
        self.axes._extra_legends = [kept for kept in self.axes._extra_legends if kept is not self]

    def set_visible(self, visible):
        if not visible:
            self.remove()

    def get_frame(self):
        """The legend's frame: its fill colour is drawn; its edge, like legend(edgecolor=...), is cosmetic."""
        return _Frame(self)

    def spec(self, axes_index):
        """The spec's Legend; axes_index maps each Axes of the figure to its index."""
        entries = []
        for artist, index, label in self._entries:
            if isinstance(artist, _Proxy):
                entries.append({"label": label, "artist": None, "index": None, "handle": artist.handle.spec()})
                continue
            if artist.axes is None:
                continue  # removed since
            handle = getattr(artist, "_legend_handle", lambda: None)()
            if handle is not None:  # drawn otherwise in the legend (an unfilled StepPatch: a line)
                entries.append({"label": label, "artist": None, "index": None, "handle": handle})
                continue
            entry = {"label": label, "artist": artist.axes._artists.index(artist), "index": index}
            if artist.axes is not self.axes:
                entry["axes"] = axes_index[artist.axes]
            entries.append(entry)
        return {"loc": self._loc, "fontsize": self._fontsize, "title": self._title, "ncol": self._ncol,
                "entries": entries, "textcolor": self._textcolor, "facecolor": self._facecolor}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Legend.{name} is not supported in this sandbox")


class _Frame:
    """Legend.get_frame(): set_facecolor() fills the frame (at its alpha, as matplotlib's framealpha
    0.8 applies when the legend is made); edge settings are cosmetic and accepted, as in legend()."""

    def __init__(self, legend):
        self._legend = legend

    def set_facecolor(self, color):
        from .colors import to_rgba

        rgba = to_rgba(color)
        alpha = _rc.rcParams["legend.framealpha"]
        self._legend._facecolor = spec_color(rgba, rgba[3] if alpha is None else alpha)

    def set_edgecolor(self, color):
        """Accepted: the frame's edge is cosmetic here (as legend(edgecolor=...))."""

    set_linewidth = set_boxstyle = set_edgecolor


def positional(args, handles, labels):
    """legend()'s (handles, labels): its 0-2 positional arguments over the keyword ones."""
    if len(args) == 2:
        return tuple(args)
    if len(args) == 1:
        return handles, args[0]
    if args:
        raise TypeError(f"legend() takes 0-2 positional arguments but {len(args)} were given")
    return handles, labels


def make(axes, args, kwargs):
    """The Legend for axes.legend(*args, **kwargs), or None (with matplotlib's warning) if empty."""
    handles, labels = positional(args, kwargs.pop("handles", None), kwargs.pop("labels", None))
    loc = location(kwargs.pop("loc", None), kwargs.pop("bbox_to_anchor", None))
    prop = kwargs.pop("prop", None) or {}
    fontsize = _rc.fontsize(kwargs.pop("fontsize", prop.get("size", _rc.rcParams["legend.fontsize"])))
    title = kwargs.pop("title", None)
    ncol = int(kwargs.pop("ncols", kwargs.pop("ncol", 1)))
    unknown = set(kwargs) - _IGNORED
    if unknown:
        raise TypeError(f"legend() got an unexpected keyword argument {sorted(unknown)[0]!r}")
    entries = _entries(axes, handles, labels)
    if not entries:
        warnings.warn("No artists with labels found to put in legend.  Note that artists whose label "
                      "start with an underscore are ignored when legend() is called with no argument.",
                      stacklevel=4)
        return None
    return Legend(axes, entries, loc, fontsize, None if title is None else str(title), ncol)


def handles_labels(axes):
    """matplotlib's get_legend_handles_labels(): the labelled handles and their labels."""
    pairs = [(obj, label) for obj, (_, _, label) in _candidates(axes) if _shown(label)]
    return [obj for obj, _ in pairs], [label for _, label in pairs]


def _entries(axes, handles, labels):
    if handles is None:
        candidates = _candidates(axes)
        if labels is None:
            return [entry for _, entry in candidates if _shown(entry[2])]
        return [(artist, index, str(label)) for (_, (artist, index, _)), label in zip(candidates, labels)]
    resolved = [_resolve(handle) for handle in handles]
    if labels is None:
        labels = [label for _, _, label in resolved]
    return [(artist, index, str(label)) for (artist, index, _), label in zip(resolved, labels)
            if labels is not None and _shown(str(label))]


def _candidates(axes):
    """(user-facing handle, (artist, index, label)) in matplotlib's order: containers last."""
    artists = [a for a in axes._artists if not a.is_container] + [a for a in axes._artists if a.is_container]
    found = []
    for artist in artists:
        for owner, index in artist.legend_handles():
            obj = owner if index is None else owner.wedges[index]
            found.append((obj, _resolve(obj)))
    return found


def _resolve(handle):
    """(artist, index, label) for a legend handle given by the user."""
    if isinstance(handle, (list, tuple)) and len(handle) == 1:
        handle = handle[0]  # e.g. the list plot() returned
    if isinstance(handle, Rectangle):
        return handle._bars, handle._i, handle.get_label()
    if isinstance(handle, Wedge):
        return handle._pie, handle._i, handle.get_label()
    if isinstance(handle, Artist) and handle.legend_handles() and handle.axes is not None:
        return handle, None, handle.get_label()
    if isinstance(handle, (Patch, Line2D)) and handle.axes is None:
        return _Proxy(handle), None, handle.get_label()
    raise NotImplementedError(f"legend handles must be artists drawn on an Axes, or Patch and Line2D proxies; "
                              f"{type(handle).__name__} handles are not supported in this sandbox")


class _Proxy:
    """A legend handle not drawn on any Axes (Patch(color=..., label=...), Line2D([], [], ...)):
    the legend draws it from its own spec."""

    def __init__(self, handle):
        self.handle = handle


def _shown(label):
    return bool(label) and not label.startswith("_")


def location(loc, bbox_to_anchor=None):
    """The spec's location for matplotlib's loc (name or code 0-10) and bbox_to_anchor.

    The spec has no free legend placement: bbox_to_anchor (often used to put the
    legend outside the axes) is mapped to the nearest inside location.
    """
    if loc is None:
        loc = _rc.rcParams["legend.loc"]
    if isinstance(loc, numbers.Integral) and 0 <= loc < len(LOCATIONS):
        loc = LOCATIONS[loc]
    if isinstance(loc, tuple) and len(loc) == 2:
        return _nearest(*loc)
    if loc not in LOCATIONS:
        raise ValueError(f"{loc!r} is not a valid value for loc; supported values are "
                         f"{', '.join(map(repr, LOCATIONS))}")
    if bbox_to_anchor is None:
        return loc
    box = tuple(bbox_to_anchor)
    if len(box) == 2:
        return _nearest(*box)
    x, y, width, height = box
    fx = 0.0 if "left" in loc else 1.0 if "right" in loc else 0.5
    fy = 0.0 if "lower" in loc else 1.0 if "upper" in loc else 0.5
    return _nearest(x + fx * width, y + fy * height)


def _nearest(x, y):
    """The location nearest the axes-fraction point (x, y)."""
    column = "left" if x < 1 / 3 else "right" if x > 2 / 3 else "center"
    row = "lower" if y < 1 / 3 else "upper" if y > 2 / 3 else "center"
    if row == "center":
        return "center" if column == "center" else f"center {column}"
    return f"{row} {column}"
