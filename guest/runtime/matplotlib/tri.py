"""matplotlib.tri: unstructured triangular grids (Triangulation, LinearTriInterpolator; Axes.triplot,
tricontour and tricontourf draw them)."""

from ._contour import TriContourSet
from ._triangulation import Triangulation
from ._triinterpolate import LinearTriInterpolator

__all__ = ["Triangulation", "LinearTriInterpolator", "TriContourSet"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.tri.{name} is not supported in this sandbox")
