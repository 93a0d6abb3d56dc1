"""Axes.tripcolor: a triangular grid's triangles filled in one colour each (matplotlib's
PolyCollection, shading 'flat') or shaded between their points' colours (its TriMesh, 'gouraud').

Sent as the spec's ``image`` with ``quads.triangles``: one row of cells, the unmasked triangles
(flat) or the points (gouraud)."""

import numpy as np

from . import _data
from ._plots_image import AxesImage, _spanning
from ._triangulation import Triangulation
from .colors import to_rgba

_OPTIONS = frozenset(("label", "zorder", "snap", "rasterized"))


class TriMesh(AxesImage):
    """A tripcolor: autoscaled by the guest, as matplotlib's collections (margins, no sticky
    edges), on the points' extent."""

    def __repr__(self):
        kind = "TriMesh" if self._gouraud else "PolyCollection"
        return f"<matplotlib.collections.{kind} at {id(self):#x}>"

    def _guest_limits(self):
        return True

    def extent(self, name):
        points = self._quads[0] if name == "x" else self._quads[1]
        return (min(points), max(points)), ()

    def spec(self):
        spec = super().spec()
        spec["quads"]["triangles"] = self._triangles
        return spec


def tripcolor(ax, *args, alpha=1.0, norm=None, cmap=None, vmin=None, vmax=None, shading="flat",
              facecolors=None, **kwargs):
    """tripcolor(triangulation or x, y, [triangles], c, ...) as matplotlib's; returns the mesh."""
    if shading not in ("flat", "gouraud"):
        raise ValueError(f"{shading!r} is not a valid value for shading; supported values are 'flat', 'gouraud'")
    tri, args, kwargs = Triangulation.get_from_args_and_kwargs(*args, **kwargs)
    tri._check_drawable("tripcolor()")
    point_colors = None
    if facecolors is not None:
        facecolors = np.asarray(facecolors, dtype=float)
        if len(facecolors) != len(tri.triangles):
            raise ValueError("The length of facecolors must match the number of triangles")
    else:
        if not args:
            raise TypeError("tripcolor() missing 1 required positional argument: 'c'; or 1 required "
                            "keyword-only argument: 'facecolors'")
        if len(args) > 1:
            raise TypeError(f"Unexpected positional parameters: {args[1:]!r}")
        c = np.asarray(args[0], dtype=float)
        if len(c) == len(tri.x):
            point_colors = c
        elif len(c) == len(tri.triangles):
            facecolors = c
        else:
            raise ValueError("The length of c must match either the number of points or the number of triangles")
    width = next((kwargs.pop(k) for k in ("linewidths", "linewidth", "lw") if k in kwargs), 0.25)
    edge = next((kwargs.pop(k) for k in ("edgecolors", "edgecolor", "ec") if k in kwargs), "none")
    antialiased = next((kwargs.pop(k) for k in ("antialiaseds", "antialiased", "aa") if k in kwargs), None)
    unknown = set(kwargs) - _OPTIONS
    if unknown:
        raise NotImplementedError(f"tripcolor(): {sorted(unknown)[0]}= is not supported in this sandbox")
    no_edge = isinstance(edge, str) and edge.lower() == "none"
    if antialiased is not None and bool(antialiased) == no_edge:
        raise NotImplementedError("tripcolor(antialiased=...) is not supported in this sandbox (the mesh is "
                                  "drawn as matplotlib draws it by default)")
    triangles = tri.get_masked_triangles()
    if shading == "gouraud":
        if facecolors is not None:
            raise ValueError("shading='gouraud' can only be used when the colors are specified at the points, "
                             "not at the faces.")
        values = point_colors
    elif facecolors is None:
        values = point_colors[triangles].mean(axis=1)
    else:
        values = facecolors if tri.mask is None else facecolors[~tri.mask]
    if not np.isfinite(values).all():
        raise NotImplementedError("tripcolor() of masked or non-finite colour values is not supported in this sandbox")
    xs, ys = tri.x.tolist(), tri.y.tolist()
    cells = len(values)
    mesh = TriMesh([float(v) for v in values], None, 1, cells, _spanning(xs, cells), _spanning(ys, 1),
                   cmap=cmap, norm=norm, vmin=vmin, vmax=vmax, alpha=alpha, label=kwargs.get("label"))
    mesh._quads, mesh._gouraud = (xs, ys), shading == "gouraud"
    mesh._triangles = triangles.ravel().tolist()
    if shading == "flat" and not no_edge and float(_data.items(width)[0]) > 0:
        mesh._edges = (to_rgba(edge), float(_data.items(width)[0]))
    mesh.set_zorder(kwargs.get("zorder", 1))  # a collection's, above images
    ax.grid(False)
    return ax._mappable(mesh)
