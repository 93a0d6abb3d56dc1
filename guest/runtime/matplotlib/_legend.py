"""legend(): choosing the entries (matplotlib's argument forms) and the location."""

import warnings

from . import _legend_style, _rc
from ._artist import Artist
from ._bars import Rectangle
from ._legend_style import LOCATIONS, placement
from ._lines import Line2D
from ._pie import Wedge
from .colors import spec_color
from .patches import Patch

__all__ = ["LOCATIONS", "Legend", "make", "handles_labels", "placement", "positional"]


class Legend:
    """The legend of an Axes: entries are (artist, index, label) taken when legend() is called."""

    def __init__(self, axes, entries, loc, fontsize, title, ncol, anchor=None, frame=None):
        """frame: (fill, spec style) from _legend_style.style(); None: rcParams' (legend.*)."""
        self.axes = axes
        self._entries, self._loc, self._fontsize = entries, loc, fontsize
        self._title, self._ncol, self._anchor = title, ncol, anchor
        # As matplotlib: text in rcParams text.color, the frame as rcParams legend.* when the legend is made.
        self._textcolor = spec_color(_rc.rcParams["text.color"])
        self._facecolor, self._style = frame or _legend_style.style({})

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
        """The legend's frame: its fill and edge colours."""
        return _Frame(self)

    def get_frame_on(self):
        return self._style["frameon"]

    def set_frame_on(self, b):
        self._style["frameon"] = bool(b)

    draw_frame = set_frame_on

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
                "entries": entries, "textcolor": self._textcolor, "facecolor": self._facecolor,
                "anchor": self._anchor, "style": dict(self._style)}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Legend.{name} is not supported in this sandbox")


class _Frame:
    """Legend.get_frame(): set_facecolor() and set_edgecolor() colour the frame (at its alpha, as
    matplotlib's framealpha applies when the legend is made)."""

    def __init__(self, legend):
        self._legend = legend

    def set_facecolor(self, color):
        self._legend._facecolor = _legend_style.frame_color(color, _rc.rcParams["legend.framealpha"])

    def set_edgecolor(self, color):
        self._legend._style["edgecolor"] = _legend_style.frame_color(color, _rc.rcParams["legend.framealpha"])

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Legend.get_frame().{name} is not supported in this sandbox")


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
    loc, anchor, pad = placement(axes, kwargs.pop("loc", None), kwargs.pop("bbox_to_anchor", None),
                                 kwargs.pop("bbox_transform", None))
    prop = kwargs.pop("prop", None) or {}
    fontsize = _rc.fontsize(kwargs.pop("fontsize", prop.get("size", _rc.rcParams["legend.fontsize"])))
    title = kwargs.pop("title", None)
    ncol = int(kwargs.pop("ncols", kwargs.pop("ncol", 1)))
    reverse = bool(kwargs.pop("reverse", False))
    facecolor, style = _legend_style.style(kwargs)
    if pad is not None:
        style["borderaxespad"] = pad
    if kwargs:
        raise TypeError(f"legend() got an unexpected keyword argument {sorted(kwargs)[0]!r}")
    entries = _entries(axes, handles, labels)
    if not entries:
        warnings.warn("No artists with labels found to put in legend.  Note that artists whose label "
                      "start with an underscore are ignored when legend() is called with no argument.",
                      stacklevel=4)
        return None
    if reverse:
        entries.reverse()
    return Legend(axes, entries, loc, fontsize, None if title is None else str(title), ncol, anchor,
                  (facecolor, style))


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
