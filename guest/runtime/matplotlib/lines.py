"""matplotlib.lines: ``Line2D``, as plot() makes and as legend proxies use it."""

from ._lines import Line2D

__all__ = ["Line2D"]
