"""Axes.quiver and Axes.quiverkey (matplotlib.quiver): arrows as matplotlib's Quiver computes them
(its _h_arrows outline, autoscaled length and width), sent as a ``quiver`` artist whose outlines
are in arrow units the host turns into pixels (docs/CHARTS.md).

matplotlib builds the arrows when drawing, in units of the axes' size or the dpi; the guest
computes them in the unit the host scales exactly: axes widths when the arrow width and scale are
left to matplotlib (the picture is then the same in any unit), else in ``units`` itself when the
axes' width in that unit is known here ('width', 'x'). Arrows measured in screen space
(``angles='xy'``, ``scale_units``) are refused.
"""

import math

import numpy as np

from . import _kwargs, _rc
from ._artist import Artist
from ._text import Text
from .cm import ScalarMappable
from .colors import spec_color, to_rgba

_UNITS = ("width", "height", "dots", "inches", "x", "y", "xy")
_OPTIONS = frozenset(("facecolor", "edgecolor", "linewidth", "color", "alpha", "zorder", "label", "cmap",
                      "norm", "clim"))


def _parse_args(args):
    """X, Y, U, V, C from quiver's 2 to 5 positional arguments, as matplotlib's _parse_args."""
    X = Y = C = None
    if len(args) == 2:
        U, V = np.atleast_1d(*args)
    elif len(args) == 3:
        U, V, C = np.atleast_1d(*args)
    elif len(args) == 4:
        X, Y, U, V = np.atleast_1d(*args)
    elif len(args) == 5:
        X, Y, U, V, C = np.atleast_1d(*args)
    else:
        raise TypeError(f"quiver() takes from 2 to 5 positional arguments but {len(args)} were given")
    nr, nc = (1, U.shape[0]) if U.ndim == 1 else U.shape
    if X is not None:
        X, Y = np.ravel(X), np.ravel(Y)
        if len(X) == nc and len(Y) == nr:
            X, Y = (a.ravel() for a in np.meshgrid(X, Y))
        elif len(X) != len(Y):
            raise ValueError(f"X and Y must be the same size, but X.size is {X.size} and Y.size is {Y.size}.")
    else:
        X, Y = (np.ravel(a) for a in np.meshgrid(np.arange(nc), np.arange(nr)))
    return X.astype(float), Y.astype(float), U, V, C


class Quiver(ScalarMappable, Artist):
    """A field of arrows (matplotlib.quiver.Quiver)."""

    zorder_default = 1

    def __init__(self, ax, *args, scale=None, headwidth=3, headlength=5, headaxislength=4.5, minshaft=1,
                 minlength=1, units="width", scale_units=None, angles="uv", width=None, color="k",
                 pivot="tail", **kwargs):
        options = _kwargs.take(kwargs, _OPTIONS, "Quiver")
        Artist.__init__(self, options.get("label"), options.get("alpha"))
        self.axes = ax
        X, Y, U, V, C = _parse_args(args)
        self.X, self.Y, self.N = X, Y, len(X)
        self.XY = np.column_stack((X, Y))
        self.scale, self.width = scale, width
        self.headwidth, self.headlength, self.headaxislength = headwidth, float(headlength), headaxislength
        self.minshaft, self.minlength = minshaft, minlength
        if units not in _UNITS:
            raise ValueError(f"{units!r} is not a valid value for units; supported values are "
                             + ", ".join(map(repr, _UNITS)))
        self.units, self.scale_units, self.angles = units, scale_units, angles
        if scale_units is not None or (isinstance(angles, str) and angles != "uv"):
            raise NotImplementedError("quiver(angles='xy') and quiver(scale_units=...) are not supported in this "
                                      "sandbox: those arrows are measured on the screen")
        pivot = "middle" if pivot.lower() == "mid" else pivot.lower()
        if pivot not in ("tail", "middle", "tip"):
            raise ValueError(f"{pivot!r} is not a valid value for pivot; supported values are 'tail', "
                             "'middle', 'tip'")
        self.pivot = pivot
        if (width is not None or scale is not None) and units not in ("width", "x"):
            raise NotImplementedError(f"quiver(units={units!r}) with width= or scale= is not supported in this "
                                      "sandbox (the arrows depend on the axes' size in those units)")
        if units == "x" and ax.get_xscale() != "linear":
            raise NotImplementedError("quiver(units='x') on a non-linear x axis is not supported in this sandbox")
        self._init_mappable([], options.get("cmap"), options.get("norm"), None, None)
        if options.get("clim") is not None:
            self.set_clim(*options["clim"])
        face = options.get("facecolor", options.get("color", color))
        self._faces = [to_rgba(face)] if face is not None else [to_rgba("k")]
        edge = options.get("edgecolor", options.get("color"))
        self._edges = [to_rgba(face if edge in (None, "face") else edge)]
        self._linewidth = float(options.get("linewidth", 0.0) or 0.0)
        self._zorder = options.get("zorder")
        self._values = None
        self.set_UVC(U, V, C)

    def set_UVC(self, U, V, C=None):
        U = np.ma.masked_invalid(U, copy=True).ravel()
        V = np.ma.masked_invalid(V, copy=True).ravel()
        if C is not None:
            C = np.ma.masked_invalid(C, copy=True).ravel()
        for name, var in zip(("U", "V", "C"), (U, V, C)):
            if not (var is None or var.size == self.N or var.size == 1):
                raise ValueError(f"Argument {name} has a size {var.size} which does not match {self.N}, the "
                                 "number of arrow positions")
        mask = np.ma.mask_or(U.mask, V.mask, copy=False, shrink=True)
        if C is not None:
            mask = np.ma.mask_or(mask, C.mask, copy=False, shrink=True)
        self.U, self.V, self.Umask = U.filled(1), V.filled(1), mask
        if C is not None:
            self.set_array(C.filled(np.nan))

    def set_array(self, A):
        values = np.ravel(np.asarray(A, dtype=float))
        self._values = values
        self.norm.autoscale_None([float(v) for v in values if math.isfinite(v)])

    def get_array(self):
        return self._values

    def set_color(self, c):
        self._faces = self._edges = [to_rgba(c)]

    def set_facecolor(self, c):
        self._faces = [to_rgba(c)]

    def set_edgecolor(self, c):
        self._edges = [to_rgba(c)]

    def set_linewidth(self, lw):
        self._linewidth = float(lw)

    def set_zorder(self, level):
        Artist.set_zorder(self, level)

    set_facecolors, set_edgecolors, set_linewidths = set_facecolor, set_edgecolor, set_linewidth

    def extent(self, name):
        return ([float(v) for v in (self.X if name == "x" else self.Y)]), ()

    # Geometry (matplotlib's Quiver._init, _make_verts and _h_arrows)

    def _unit(self):
        """The unit the outlines are sent in, and the axes' width in it (matplotlib's span)."""
        if self.width is None and self.scale is None:
            return "width", 1.0
        if self.units == "width":
            return "width", 1.0
        lo, hi = self.axes.get_xlim()
        return "x", abs(hi - lo)

    def _outlines(self, U, V, angles, span, width, pivot, mask=np.ma.nomask):
        uv = U + V * 1j
        a = np.abs(uv)
        scale = self.scale
        if scale is None:
            sn = max(10, math.sqrt(self.N))
            amean = a[~mask].mean() if mask is not np.ma.nomask else a.mean()
            scale = 1.8 * amean * sn / span
        length = a / (scale * width)
        X, Y = self._h_arrows(length, pivot)
        theta = np.angle(uv) if isinstance(angles, str) else np.ma.masked_invalid(np.deg2rad(angles)).filled(0)
        theta = np.reshape(theta, (-1, 1)) if np.ndim(theta) else theta
        xy = (X + Y * 1j) * np.exp(1j * theta) * width
        return xy, scale

    def _geometry(self):
        unit, span = self._unit()
        width = self.width if self.width is not None else 0.06 * span / np.clip(math.sqrt(self.N), 8, 25)
        xy, scale = self._outlines(self.U, self.V, self.angles, span, width, self.pivot, self.Umask)
        return unit, span, width, scale, xy

    def _h_arrows(self, length, pivot):
        minsh = self.minshaft * self.headlength
        N = len(length)
        length = np.clip(np.asarray(length, dtype=float).reshape(N, 1), 0, 2 ** 16)
        x = np.array([0, -self.headaxislength, -self.headlength, 0], np.float64)
        x = x + np.array([0, 1, 1, 1]) * length
        y = 0.5 * np.array([1, 1, self.headwidth, 0], np.float64)
        y = np.repeat(y[np.newaxis, :], N, axis=0)
        x0 = np.array([0, minsh - self.headaxislength, minsh - self.headlength, minsh], np.float64)
        y0 = 0.5 * np.array([1, 1, self.headwidth, 0], np.float64)
        ii = [0, 1, 2, 3, 2, 1, 0, 0]
        X, Y = x[:, ii], y[:, ii]
        Y[:, 3:-1] *= -1
        X0, Y0 = x0[ii], y0[ii]
        Y0[3:-1] *= -1
        shrink = length / minsh if minsh != 0. else 0.
        X0 = shrink * X0[np.newaxis, :]
        Y0 = shrink * Y0[np.newaxis, :]
        short = np.repeat(length < minsh, 8, axis=1)
        np.copyto(X, X0, where=short)
        np.copyto(Y, Y0, where=short)
        if pivot == "middle":
            X -= 0.5 * X[:, 3, np.newaxis]
        elif pivot == "tip":
            X = X - X[:, 3, np.newaxis]
        tooshort = length < self.minlength
        if tooshort.any():
            th = np.arange(0, 8, 1, np.float64) * (np.pi / 3.0)
            X1 = np.repeat((np.cos(th) * self.minlength * 0.5)[np.newaxis, :], N, axis=0)
            Y1 = np.repeat((np.sin(th) * self.minlength * 0.5)[np.newaxis, :], N, axis=0)
            tooshort = np.repeat(tooshort, 8, 1)
            np.copyto(X, X1, where=tooshort)
            np.copyto(Y, Y1, where=tooshort)
        return X, Y

    def _face_colors(self, keep):
        if self._values is None:
            return [spec_color(c, self._alpha) for c in self._faces]
        values = self._values if len(self._values) == self.N else np.resize(self._values, self.N)
        return [spec_color(self.cmap(self.norm(float(v))), self._alpha) for v in values[keep]]

    def spec(self):
        unit, _, _, _, xy = self._geometry()
        keep = np.ones(self.N, bool) if self.Umask is np.ma.nomask else ~np.asarray(self.Umask)
        xy = xy[keep]
        faces = self._face_colors(keep)
        return {**self._head("quiver"), "x": self.X[keep].tolist(), "y": self.Y[keep].tolist(),
                "coords": "data", "unit": unit, "sides": 8,
                "shape_x": xy.real.ravel().tolist(), "shape_y": xy.imag.ravel().tolist(),
                "facecolors": faces or [spec_color(self._faces[0], self._alpha)],
                "edgecolors": [spec_color(c, self._alpha) for c in self._edges], "linewidth": self._linewidth}


class QuiverKey(Artist):
    """A labelled arrow showing a quiver's scale (matplotlib.quiver.QuiverKey)."""

    halign = {"N": "center", "S": "center", "E": "left", "W": "right"}
    valign = {"N": "bottom", "S": "top", "E": "center", "W": "center"}
    pivot = {"N": "middle", "S": "middle", "E": "tip", "W": "tail"}

    def __init__(self, Q, X, Y, U, label, *, angle=0, coordinates="axes", color=None, labelsep=0.1,
                 labelpos="N", labelcolor=None, fontproperties=None, zorder=None, **kwargs):
        super().__init__()
        if coordinates not in ("axes", "figure", "data"):
            raise NotImplementedError(f"quiverkey(coordinates={coordinates!r}) is not supported in this sandbox; "
                                      "use 'axes', 'figure' or 'data'")
        if kwargs:
            raise NotImplementedError(f"quiverkey({next(iter(kwargs))}=...) is not supported in this sandbox")
        self.Q, self.X, self.Y, self.U, self.angle = Q, X, Y, U, angle
        self.coord, self.color, self.labelpos, self.labelsep = coordinates, color, labelpos, labelsep
        props = dict(fontproperties or {})
        self.text = Text(0, 0, label, fontsize=props.pop("size", None), color=labelcolor,
                         fontweight=props.pop("weight", "normal"), ha=self.halign[labelpos],
                         va=self.valign[labelpos], fontfamily=props.pop("family", None))
        if props:
            raise NotImplementedError(f"quiverkey fontproperties {sorted(props)} are not supported in this sandbox")
        self._zorder = zorder if zorder is not None else Q.get_zorder() + 0.1

    def spec(self):
        Q = self.Q
        unit, span, width, scale, _ = Q._geometry()
        u = self.U * np.cos(np.radians(self.angle))
        v = self.U * np.sin(np.radians(self.angle))
        saved, Q.scale = Q.scale, scale
        try:
            xy, _ = Q._outlines(np.array([u]), np.array([v]), "uv", span, width, self.pivot[self.labelpos])
        finally:
            Q.scale = saved
        sep = self.labelsep * 72.0
        offset = {"N": (0, sep), "S": (0, -sep), "E": (sep, 0), "W": (-sep, 0)}[self.labelpos]
        faces = [spec_color(to_rgba(self.color))] if self.color is not None else Q._face_colors(np.zeros(Q.N, bool))
        edges = [spec_color(to_rgba(self.color))] if self.color is not None else \
            [spec_color(c, Q._alpha) for c in Q._edges]
        return {**self._head("quiver"), "x": [float(self.X)], "y": [float(self.Y)], "coords": self.coord,
                "unit": unit, "sides": 8, "shape_x": xy.real.ravel().tolist(), "shape_y": xy.imag.ravel().tolist(),
                "facecolors": faces or [spec_color(Q._faces[0], Q._alpha)], "edgecolors": edges,
                "linewidth": Q._linewidth,
                "key_label": {"text": self.text.text_spec(), "offset": list(offset), "ha": self.text._ha,
                              "va": self.text._va}}


class QuiverMethods:
    """Axes.quiver and Axes.quiverkey."""

    def quiver(self, *args, **kwargs):
        if "data" in kwargs:
            raise NotImplementedError("quiver(data=...) is not supported in this sandbox")
        q = Quiver(self, *args, **kwargs)
        self._add(q, q._zorder)
        if q._values is not None:
            self.figure._current_mappable = q
        return q

    def barbs(self, *args, **kwargs):
        """Wind barbs (matplotlib's Barbs); returns them."""
        from ._barbs import Barbs

        if "data" in kwargs:
            raise NotImplementedError("barbs(data=...) is not supported in this sandbox")
        b = Barbs(self, *args, **kwargs)
        self._add(b, b._zorder)
        if b._values is not None:
            self.figure._current_mappable = b
        return b

    def streamplot(self, x, y, u, v, **kwargs):
        """Streamlines of a vector field (matplotlib's streamplot); returns a StreamplotSet."""
        from ._streamplot import streamplot

        return streamplot(self, x, y, u, v, **kwargs)

    def quiverkey(self, Q, X, Y, U, label, **kwargs):
        key = QuiverKey(Q, X, Y, U, label, **kwargs)
        key._autoscale = ()
        self._add(key, key._zorder)
        return key
