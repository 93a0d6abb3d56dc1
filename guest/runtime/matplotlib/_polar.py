"""Polar axes (projection="polar"): x is the angle in radians, y the radius.

The spec carries the angular limits (thetamin/thetamax) as xlim and the radial ones as ylim, plus
the zero location, direction, origin and radial label angle; the host draws the circle (or
wedge), its grid, tick labels and the artists through matplotlib's polar transform (docs/CHARTS.md).
"""

import math

from . import _data, _polar_errorbar, _rc
from ._axes_base import Spine
from .axes import Axes

_LOCATIONS = {"N": math.pi / 2, "NW": 3 * math.pi / 4, "W": math.pi, "SW": 5 * math.pi / 4,
              "S": 3 * math.pi / 2, "SE": 7 * math.pi / 4, "E": 0.0, "NE": math.pi / 4}
_DIRECTIONS = {"clockwise": -1, "counterclockwise": 1, "anticlockwise": 1}


class PolarAxes(Axes):
    """matplotlib's PolarAxes: lines, scatter, bars (sectors), fills and text in (theta, r)."""

    name = "polar"

    def cla(self):
        super().cla()
        self._theta_offset = 0.0
        self._theta_direction = 1
        self._rorigin = None
        self._rlabel_position = 22.5
        self._grid[0].update(x=bool(_rc.rcParams["polaraxes.grid"]), y=bool(_rc.rcParams["polaraxes.grid"]))
        self._group["x"].set_limits(0.0, 2 * math.pi)
        for name in ("polar", "start", "end", "inner"):
            dict.__setitem__(self.spines, name, Spine("top"))

    # The angle

    def set_theta_offset(self, offset):
        self._theta_offset = _data.scalar(offset, "theta offset")

    def get_theta_offset(self):
        return self._theta_offset

    def set_theta_zero_location(self, loc, offset=0.0):
        """Where 0 is drawn: "N", "NW", "W", "SW", "S", "SE", "E" or "NE", plus offset degrees."""
        if loc not in _LOCATIONS:
            raise ValueError(f"{loc!r} is not a valid value for loc; supported values are "
                             f"{', '.join(map(repr, _LOCATIONS))}")
        self.set_theta_offset(_LOCATIONS[loc] + math.radians(offset))

    def set_theta_direction(self, direction):
        """1 or "counterclockwise", -1 or "clockwise"."""
        value = _DIRECTIONS.get(direction, direction) if isinstance(direction, str) else direction
        if value not in (1, -1):
            raise ValueError(f"direction must be 1, -1, 'clockwise' or 'counterclockwise', not {direction!r}")
        self._theta_direction = int(value)

    def get_theta_direction(self):
        return self._theta_direction

    def set_thetamin(self, thetamin):
        """The smallest angle shown, in degrees."""
        self.set_xlim(math.radians(thetamin), None)

    def set_thetamax(self, thetamax):
        """The largest angle shown, in degrees."""
        self.set_xlim(None, math.radians(thetamax))

    def get_thetamin(self):
        return math.degrees(min(self.get_xlim()))

    def get_thetamax(self):
        return math.degrees(max(self.get_xlim()))

    def set_thetalim(self, *args, **kwargs):
        """(thetamin, thetamax) in radians, or thetamin=/thetamax= in degrees."""
        if "thetamin" in kwargs or "thetamax" in kwargs:
            lo, hi = kwargs.pop("thetamin", None), kwargs.pop("thetamax", None)
            args = tuple(None if v is None else math.radians(v) for v in (lo, hi))
        return self.set_xlim(*args, **kwargs)

    def set_thetagrids(self, angles, labels=None, fmt=None, **kwargs):
        """Angular grid lines and tick labels at angles (degrees)."""
        if fmt is not None:
            raise NotImplementedError("set_thetagrids(fmt=...) is not supported in this sandbox")
        positions = [math.radians(_data.scalar(a, "an angle")) for a in _data.items(angles)]
        self.set_xticks(positions, labels, **kwargs)
        return [], self.get_xticklabels()

    # The radius

    def set_rmax(self, rmax):
        self.set_ylim(None, rmax)

    def set_rmin(self, rmin):
        self.set_ylim(rmin, None)

    def get_rmax(self):
        return self.get_ylim()[1]

    def get_rmin(self):
        return self.get_ylim()[0]

    def set_rlim(self, bottom=None, top=None, *, rmin=None, rmax=None, **kwargs):
        return self.set_ylim(bottom if rmin is None else rmin, top if rmax is None else rmax, **kwargs)

    def set_rorigin(self, rorigin):
        """The radius drawn at the centre (None: rmin)."""
        self._rorigin = None if rorigin is None else _data.scalar(rorigin, "rorigin")

    def get_rorigin(self):
        return self.get_rmin() if self._rorigin is None else self._rorigin

    def set_rticks(self, ticks, labels=None, **kwargs):
        return self.set_yticks(ticks, labels, **kwargs)

    def set_rgrids(self, radii, labels=None, angle=None, fmt=None, **kwargs):
        """Radial grid circles and tick labels at radii, the labels along angle (degrees)."""
        if fmt is not None:
            raise NotImplementedError("set_rgrids(fmt=...) is not supported in this sandbox")
        self.set_yticks(radii, labels, **kwargs)
        if angle is not None:
            self.set_rlabel_position(angle)
        return [], self.get_yticklabels()

    def set_rlabel_position(self, value):
        """The angle (degrees) along which radial tick labels stand."""
        self._rlabel_position = _data.scalar(value, "rlabel position")

    def get_rlabel_position(self):
        return self._rlabel_position

    def _set_scale(self, name, value, kwargs):
        if value != "linear":
            raise NotImplementedError(f"polar axes with a {value!r} scale are not supported in this sandbox")
        super()._set_scale(name, value, kwargs)

    set_rscale = Axes.set_yscale

    # The spec

    def _spec(self, axes_index):
        spec = super()._spec(axes_index)
        lo, hi = self.get_xlim()
        spec["xlim"] = [lo, hi]
        if "minor_grid" in spec or any((spec[name] or {}).get("minor") for name in ("xticks", "yticks")):
            raise NotImplementedError("minor ticks and grid lines on polar axes are not supported in this sandbox")
        ticks = spec["xticks"]
        if ticks is not None and ticks["labels"] is None:
            digits = max(-int(math.log10(abs(math.degrees(hi - lo))) - 1.5), 0)
            ticks["labels"] = [f"{math.degrees(p):.{digits}f}\N{DEGREE SIGN}" for p in ticks["positions"]]
        for artist in spec["artists"]:
            if artist.get("transform_rotates_text"):
                raise NotImplementedError("transform_rotates_text=True on polar axes is not supported in this sandbox")
            if artist["type"] == "line" and (artist.get("solid_capstyle") == "round" or "dash_capstyle" in artist):
                raise NotImplementedError("round line ends and dash cap styles other than 'butt' on polar axes are "
                                          "not supported in this sandbox")
        spec["spines"] = {side: spec["spines"][side] for side in ("left", "right", "bottom", "top")}
        spine = self.spines["polar"].spec()
        spine["visible"] = spine["visible"] and self._frame_on
        spec["polar"] = {"theta_offset": self._theta_offset, "theta_direction": self._theta_direction,
                         "rorigin": self._rorigin, "rlabel_position": self._rlabel_position, "spine": spine}
        return spec

    def __repr__(self):
        return f"<PolarAxes: title={self.get_title()!r}>"

    def errorbar(self, *args, **kwargs):
        """Error bars as matplotlib draws them on polar axes: arcs in theta, turned caps."""
        return _polar_errorbar.errorbar(self, Axes.errorbar, *args, **kwargs)


def _not_polar(name):
    def refuse(self, *args, **kwargs):
        raise NotImplementedError(f"{name}() on polar axes is not supported in this sandbox")
    refuse.__name__ = name
    return refuse


for _name in ("hist", "pie", "imshow", "pcolormesh", "pcolor", "matshow", "axhline", "axvline",
              "axhspan", "axvspan", "barh", "boxplot", "violinplot", "stem", "stackplot", "hlines",
              "vlines", "contour", "contourf", "twinx", "twiny", "step", "fill_betweenx", "set_aspect",
              "bar_label", "axline", "hexbin", "hist2d", "quiver", "streamplot"):
    setattr(PolarAxes, _name, _not_polar(_name))
