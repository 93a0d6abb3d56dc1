"""Axes.triplot (a triangular grid's edges and points, as matplotlib draws them: two Line2D) and tripcolor."""

import numpy as np

from . import _styles
from ._triangulation import Triangulation

_NONE = (None, "None", "none", "", " ")
_ALIASES = {"ls": "linestyle", "c": "color"}


class TriMethods:
    """The Axes methods of unstructured triangular grids."""

    def triplot(self, *args, **kwargs):
        """triplot(triangulation or x, y, [triangles], [fmt], **kwargs): the edges of the
        unmasked triangles as one line (NaN between edges, in matplotlib's edge order) and the
        points as another; returns both Line2D."""
        triangulation, args, kwargs = Triangulation.get_from_args_and_kwargs(*args, **kwargs)
        triangulation._check_drawable("triplot()")
        x, y, edges = triangulation.x, triangulation.y, triangulation.edges
        fmt = args[0] if args else ""
        linestyle, marker, color = _styles.parse_fmt(fmt)
        if linestyle == "none":
            linestyle = "None"
        kw = {_ALIASES.get(key, key): value for key, value in kwargs.items()}
        for key, value in (("linestyle", linestyle), ("marker", marker or "None"), ("color", color)):
            if value is not None:
                kw.setdefault(key, value)
        kw_lines = {**kw, "marker": "None", "zorder": kw.get("zorder", 1)}
        if kw["linestyle"] not in _NONE:
            lines_x = np.insert(x[edges], 2, np.nan, axis=1).ravel()
            lines_y = np.insert(y[edges], 2, np.nan, axis=1).ravel()
            tri_lines = self.plot(lines_x, lines_y, **kw_lines)
        else:
            tri_lines = self.plot([], [], **kw_lines)
        kw_markers = {**kw, "linestyle": "None"}
        kw_markers.pop("label", None)
        if kw["marker"] not in _NONE:
            tri_markers = self.plot(x, y, **kw_markers)
        else:
            tri_markers = self.plot([], [], **kw_markers)
        return tri_lines + tri_markers

    def tripcolor(self, *args, **kwargs):
        """A pseudocolor plot of an unstructured triangular grid (matplotlib's tripcolor)."""
        from ._tripcolor import tripcolor

        return tripcolor(self, *args, **kwargs)
