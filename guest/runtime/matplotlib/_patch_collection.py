"""matplotlib.collections.PatchCollection: patches drawn with the collection's colours (one
colour each, or numbers through a colormap after set_array()), each patch a ``patch`` in the spec."""

from . import _data, _kwargs, _rc, _styles
from ._artist import Artist
from .cm import ScalarMappable
from .colors import spec_color, to_rgba

_OPTIONS = frozenset(("facecolor", "edgecolor", "linewidth", "linestyle", "color", "alpha", "zorder", "label"))


class PatchCollection(ScalarMappable):
    """Patches drawn as one collection; ``ax.add_collection`` draws them and, as matplotlib's, adds them
    to the data limits without rescaling the view itself (as add_patch())."""

    def __init__(self, patches, *, match_original=False, cmap=None, norm=None, **kwargs):
        options = _kwargs.take(kwargs, _OPTIONS, "PatchCollection")
        self._patches = list(patches)
        self._match_original = bool(match_original)
        self._init_mappable([], cmap, norm, None, None)
        self._values = None
        self._alpha = options.get("alpha")
        self._zorder = options.get("zorder")
        self._label = options.get("label")
        self.axes = None
        color = options.get("color")
        self._faces = _colors(options.get("facecolor", color), _rc.rcParams["patch.facecolor"])
        self._edges = _colors(options.get("edgecolor", color), _rc.default_edgecolor(True) or "none")
        self._widths = [float(w) for w in _data.items(options.get("linewidth", _rc.rcParams["patch.linewidth"]))]
        self._linestyle = _styles.linestyle(options.get("linestyle", "-"))

    def _attach(self, ax):
        """Add one artist per patch to ax (ax.add_collection)."""
        self.axes = ax
        for i, patch in enumerate(self._patches):
            ax._add(_Member(self, patch, i), self._zorder)
        return self

    def set_array(self, A):
        super().set_array(A)
        self._values = [_data.number(v) for v in _data.items(A)]

    def get_array(self):
        import numpy as np
        return None if self._values is None else np.asarray(self._values, float)

    def get_paths(self):
        return list(self._patches)

    def set_facecolor(self, c):
        self._faces = _colors(c, _rc.rcParams["patch.facecolor"])

    def set_edgecolor(self, c):
        self._edges = _colors(c, "none")

    def set_linewidth(self, lw):
        self._widths = [float(w) for w in _data.items(lw)]

    def set_alpha(self, alpha):
        self._alpha = alpha

    def set_zorder(self, level):
        self._zorder = level

    def set_color(self, c):
        self.set_facecolor(c)
        self.set_edgecolor(c)

    set_facecolors, set_edgecolors, set_linewidths = set_facecolor, set_edgecolor, set_linewidth
    set_fc, set_ec, set_lw = set_facecolor, set_edgecolor, set_linewidth

    def _style(self, patch, i):
        """(face, edge, linewidth, linestyle) of the i-th patch, alpha folded in."""
        if self._match_original:
            face, edge = patch.get_facecolor(), patch.get_edgecolor()
            width, style = patch.get_linewidth(), patch.get_linestyle()
        else:
            face, edge = self._faces[i % len(self._faces)], self._edges[i % len(self._edges)]
            width, style = self._widths[i % len(self._widths)], self._linestyle
            if self._values is not None:
                value = self._values[i % len(self._values)]
                face = self.cmap(self.norm(value) if value is not None else None)
        if self._alpha is not None:
            face = to_rgba(face, self._alpha)
            edge = to_rgba(edge, self._alpha)
        return face, edge, width, style


class _Member(Artist):
    """One patch of a PatchCollection, styled by the collection when drawn."""

    zorder_default = 1
    _autoscale = ()  # in the data limits, but adding it does not rescale the view

    def __init__(self, owner, patch, index):
        super().__init__("_nolegend_" if index or owner._label is None else owner._label)
        self._owner, self._patch, self._index = owner, patch, index

    def _guest_limits(self):
        return True  # the host does not know which patches rescale the view

    def extent(self, name):
        xs, ys = self._patch._placed_outline()
        index = 0 if name == "x" else 1
        return ((xs, ys)[index] if self._patch._coords[index] == "data" else ()), ()

    def spec(self):
        face, edge, width, style = self._owner._style(self._patch, self._index)
        spec = {**self._patch.spec(), **self._head("patch"), "joinstyle": "round", "facecolor": spec_color(face),
                "edgecolor": spec_color(edge), "linewidth": width, "linestyle": style}
        spec.pop("hatch", None)  # a collection draws its own hatch, not its members'
        return spec


def _colors(c, default):
    """A list of RGBA colours from a colour, a list of them, or None (the default)."""
    if c is None:
        c = default
    items = [c] if isinstance(c, str) else _data.items(c)
    if len(items) in (3, 4) and all(isinstance(v, (int, float)) for v in items):
        return [to_rgba(tuple(items))]
    return [to_rgba(v) for v in items] or [to_rgba("none")]
