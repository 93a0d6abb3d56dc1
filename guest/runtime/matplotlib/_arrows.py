"""matplotlib.patches.FancyArrow (Axes.arrow) and Arrow: polygons in data coordinates, with
matplotlib's vertices."""

import math

from . import _data
from .patches import Polygon


class FancyArrow(Polygon):
    """An arrow from (x, y) along (dx, dy): a stem width wide and a head (full, or only its left or
    right half), as matplotlib's FancyArrow."""

    _kind = "FancyArrow"

    def __init__(self, x, y, dx, dy, *, width=0.001, length_includes_head=False, head_width=None,
                 head_length=None, shape="full", overhang=0, head_starts_at_zero=False, **kwargs):
        if shape not in ("full", "left", "right"):
            raise ValueError(f"Got unknown shape: {shape!r}")
        self._args = tuple(_data.scalar(v, "an arrow coordinate") for v in (x, y, dx, dy))
        self._width, self._head_width, self._head_length = float(width), head_width, head_length
        self._includes_head, self._shape_name = bool(length_includes_head), shape
        self._overhang, self._head_at_zero = float(overhang), bool(head_starts_at_zero)
        super().__init__(self._verts(), **kwargs)

    def _verts(self):
        x, y, dx, dy = self._args
        head_width = 3 * self._width if self._head_width is None else float(self._head_width)
        head_length = 1.5 * head_width if self._head_length is None else float(self._head_length)
        distance = math.hypot(dx, dy)
        length = distance if self._includes_head else distance + head_length
        hw, hl, hs, lw = head_width, head_length, self._overhang, self._width
        left = [[0.0, 0.0], [-hl, -hw / 2], [-hl * (1 - hs), -lw / 2], [-length, -lw / 2], [-length, 0.0]]
        shift = (0.0 if self._includes_head else head_length) + (head_length / 2 if self._head_at_zero else 0.0)
        left = [[px + shift, py] for px, py in left]
        right = [[px, -py] for px, py in left]
        coords = {"left": left, "right": right, "full": left[:-1] + right[-2::-1]}[self._shape_name]
        cx, sx = (dx / distance, dy / distance) if distance else (0.0, 1.0)
        return [(px * cx - py * sx + x + dx, px * sx + py * cx + y + dy) for px, py in coords]

    def set_data(self, *, x=None, y=None, dx=None, dy=None, width=None, head_width=None, head_length=None):
        args = [old if new is None else float(new) for old, new in zip(self._args, (x, y, dx, dy))]
        self._args = tuple(args)
        if width is not None:
            self._width = float(width)
        self._head_width = self._head_width if head_width is None else head_width
        self._head_length = self._head_length if head_length is None else head_length
        self.set_xy(self._verts())


class Arrow(Polygon):
    """An arrow from (x, y) to (x + dx, y + dy), width wide, as matplotlib's Arrow: its unit arrow
    scaled, turned and moved."""

    _kind = "Arrow"
    _UNIT = ((0.0, 0.1), (0.0, -0.1), (0.8, -0.1), (0.8, -0.3), (1.0, 0.0), (0.8, 0.3), (0.8, 0.1))

    def __init__(self, x, y, dx, dy, *, width=1.0, **kwargs):
        x, y, dx, dy = (_data.scalar(v, "an arrow coordinate") for v in (x, y, dx, dy))
        length, angle, width = math.hypot(dx, dy), math.atan2(dy, dx), float(width)
        c, s = math.cos(angle), math.sin(angle)
        verts = [(x + (ux * length) * c - (uy * width) * s, y + (ux * length) * s + (uy * width) * c)
                 for ux, uy in self._UNIT]
        super().__init__(verts, **kwargs)
