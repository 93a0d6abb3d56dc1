"""matplotlib.tri: unstructured triangular grids (Triangulation; Axes.triplot draws them)."""

from ._triangulation import Triangulation

__all__ = ["Triangulation"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.tri.{name} is not supported in this sandbox")
