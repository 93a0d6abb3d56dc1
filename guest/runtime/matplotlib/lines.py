"""matplotlib.lines: ``Line2D``, as plot() makes and as legend proxies use it."""

from ._lines import Line2D
from .markers import (CARETDOWN, CARETDOWNBASE, CARETLEFT, CARETLEFTBASE, CARETRIGHT,  # noqa: F401
                      CARETRIGHTBASE, CARETUP, CARETUPBASE, TICKDOWN, TICKLEFT, TICKRIGHT, TICKUP)

__all__ = ["Line2D"]
