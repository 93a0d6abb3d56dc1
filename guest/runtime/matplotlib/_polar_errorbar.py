"""errorbar() on polar axes as matplotlib 3.10 draws it: the error bars in theta are arcs at their
point's radius (matplotlib interpolates their paths, which its polar transform draws as arcs), the
bars in r straight; every cap is its own line of one point whose marker is matplotlib's "_" turned
by the cap's angle on the screen (theta times the direction plus the offset, as its
_ScaledRotation), a quarter turn more for the caps of the r bars. As in matplotlib, limit carets
become such caps too (its polar branch marks every cap with the loop's last marker, "_")."""

import math

from ._lines import Line2D

# Angular step of the arcs the theta error bars are drawn as (radians): finer than a pixel.
_ARC_STEP = math.radians(0.5)
_TRANSPARENT = (0.0, 0.0, 0.0, 0.0)


class _PolarCap(Line2D):
    """One polar error bar cap; its marker turns with the axes' theta offset and direction."""

    def spec(self):
        spec = super().spec()
        theta = self._x[0] if self._x else None
        axes = self.axes
        if theta is not None and axes is not None:
            angle = theta * axes._theta_direction + axes._theta_offset + (math.pi / 2 if self._across else 0.0)
            dx, dy = 0.5 * math.cos(angle), 0.5 * math.sin(angle)
            spec["marker"] = {"path": {"rings": [[[dx, dy], [-dx, -dy]]], "closed": [False],
                                       "join": "round", "cap": "butt"}}
        spec["markerfacecolor"] = self._color(_TRANSPARENT)
        return spec


def _arc(segment):
    """A theta error bar [(lo, r), (hi, r)] as points along its arc."""
    if len(segment) != 2 or any(v is None for point in segment for v in point):
        return segment
    (lo, r), (hi, _) = segment
    steps = max(1, math.ceil(abs(hi - lo) / _ARC_STEP))
    return [(lo + (hi - lo) * i / steps, r) for i in range(steps + 1)]


def errorbar(axes, cartesian, *args, **kwargs):
    """axes.errorbar(...) drawn as on matplotlib's polar axes, from the cartesian errorbar's artists."""
    container = cartesian(axes, *args, **kwargs)
    _, caplines, barcols = container.lines
    for bars in barcols:
        if bars._role == "errorbar x":
            bars.set_segments([_arc(segment) for segment in bars.get_segments()])
    for line in caplines:
        line.remove()
    for line in caplines:
        for theta, r in zip(line._x, line._y):
            cap = _PolarCap._of([theta], [r], color=line._rgba, linewidth=line._linewidth, linestyle="none",
                                marker="_", markersize=line._markersize, markeredgewidth=line._mew,
                                label="_nolegend_", alpha=line._alpha)
            cap._role = line._role
            cap._across = line._role == "errorbar y cap"
            axes._add(cap, line._zorder)
    return container
