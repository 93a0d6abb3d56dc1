"""matplotlib.patheffects: Normal, Stroke and TickedStroke (and their with* forms) on lines.

A line with path effects is drawn through them in order instead of plainly, by the host
(docs/CHARTS.md): Normal draws the line, Stroke strokes it again (linewidth, foreground),
TickedStroke draws matplotlib's ticks along it.  Other artists, offsets, other graphics
properties and the shadow and patch effects are refused.
"""

import math

from .colors import to_rgba

__all__ = ["AbstractPathEffect", "Normal", "Stroke", "withStroke", "TickedStroke", "withTickedStroke"]


class AbstractPathEffect:
    """The base of path effects: offset (points) must be (0, 0) here."""

    def __init__(self, offset=(0.0, 0.0)):
        if tuple(offset) != (0.0, 0.0):
            raise NotImplementedError(f"{type(self).__name__}(offset=...) is not supported in this sandbox")
        self._offset = tuple(offset)

    def _specs(self, line):
        raise NotImplementedError(f"{type(self).__name__} is not supported in this sandbox")


class Normal(AbstractPathEffect):
    """The artist drawn as it would be without effects."""

    def _specs(self, line):
        return [{"kind": "normal"}]


def _no_gc(name, kwargs):
    if kwargs:
        raise NotImplementedError(f"{name}({', '.join(f'{k}=' for k in kwargs)}) is not supported in this sandbox")


class Stroke(AbstractPathEffect):
    """The line stroked linewidth points wide in foreground (default: the line's own)."""

    def __init__(self, offset=(0, 0), *, linewidth=None, foreground=None, **kwargs):
        super().__init__(offset)
        _no_gc(type(self).__name__, kwargs)
        self._linewidth = None if linewidth is None else float(linewidth)
        self._foreground = None if foreground is None else to_rgba(foreground)

    def _specs(self, line):
        spec = {"kind": "stroke"}
        if self._linewidth is not None:
            spec["linewidth"] = self._linewidth
        if self._foreground is not None:
            spec["color"] = line._color(self._foreground)
        return [spec]


class withStroke(Stroke):
    """Stroke, then the line itself."""

    def _specs(self, line):
        return super()._specs(line) + [{"kind": "normal"}]


class TickedStroke(AbstractPathEffect):
    """Ticks along the line: every spacing points, length spacings long, angle degrees from
    the line's direction (matplotlib's defaults 10, sqrt(2), 45)."""

    def __init__(self, offset=(0, 0), spacing=10.0, angle=45.0, length=math.sqrt(2), **kwargs):
        super().__init__(offset)
        _no_gc(type(self).__name__, kwargs)
        self._spacing, self._angle, self._length = float(spacing), float(angle), float(length)

    def _specs(self, line):
        return [{"kind": "ticked", "spacing": self._spacing, "angle": self._angle, "length": self._length}]


class withTickedStroke(TickedStroke):
    """TickedStroke, then the line itself."""

    def _specs(self, line):
        return super()._specs(line) + [{"kind": "normal"}]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.patheffects.{name} is not supported in this sandbox")
