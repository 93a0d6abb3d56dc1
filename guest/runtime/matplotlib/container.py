"""matplotlib.container: the classes of what Axes.containers lists (bar() and hist() bars, errorbar()
and stem() results), for isinstance checks in user code."""

from ._bars import Bars as BarContainer
from ._plots_shapes import StemContainer
from ._plots_stats import ErrorbarContainer

__all__ = ["BarContainer", "ErrorbarContainer", "StemContainer"]
