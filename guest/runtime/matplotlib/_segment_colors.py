"""A LineCollection of several colours (colors=[...] or array= through a colormap) or widths: each segment is
drawn as a one-segment collection of its colour, added to the Axes after the collection itself."""

from . import _data
from ._artist import Artist
from .cm import ScalarMappable


class _SegmentColors(ScalarMappable):
    """The per-segment colours of a LineCollection: given colours, or values through cmap and norm."""

    MAPPABLE = ("cmap", "norm", "get_array", "get_cmap", "set_cmap", "get_clim", "set_clim", "set_norm",
                "to_rgba", "colorbar")

    def __init__(self, owner, colors, array, cmap, norm):
        self._owner = owner
        self._values = None
        self.colors = colors
        self._init_mappable([], cmap, norm, None, None)
        if array is not None:
            self.set_array(array)

    def set_colors(self, colors):
        self.colors = colors

    def set_array(self, A):
        super().set_array(A)
        self._values = [_data.number(v) for v in _data.items(A)]

    def get_array(self):
        import numpy as np
        return None if self._values is None else np.asarray(self._values, float)

    def color(self, i):
        """The RGBA colour of segment i, as matplotlib: mapped values over given colours."""
        if self._values is not None:
            value = self._values[i % len(self._values)]
            return self.cmap(None if value is None else self.norm(value))
        if self.colors is not None:
            return self.colors[i % len(self.colors)]
        return self._owner._rgba

    def segments(self, ax):
        """Add one artist per segment of the owner to ax (it was just added there)."""
        for i, segment in enumerate(self._owner.get_segments()):
            ax._add(_Segment(self, i, segment), self._owner._zorder)


class _Segment(Artist):
    """One segment of a multi-coloured LineCollection, coloured by the collection when drawn."""

    def __init__(self, parts, index, points):
        super().__init__("_nolegend_")
        self._parts, self._index = parts, index
        self._x = [p[0] for p in points]
        self._y = [p[1] for p in points]

    def extent(self, name):
        if self._parts._owner._coords[name == "y"] != "data":
            return (), ()  # axes fractions do not autoscale
        return (self._x if name == "x" else self._y), ()

    def get_zorder(self):
        return self._parts._owner.get_zorder()

    def spec(self):
        from ._lines import Line2D

        owner = self._parts._owner
        widths = getattr(owner, "_widths", None) or [owner.get_linewidth()]
        return {**Line2D.spec(owner), **self._head("line"), "x": self._x, "y": self._y, "segments": True,
                "color": owner._color(self._parts.color(self._index)),
                "linewidth": widths[self._index % len(widths)]}
