"""matplotlib.quiver: Quiver and QuiverKey (see _quiver)."""

from ._quiver import Quiver, QuiverKey  # noqa: F401
