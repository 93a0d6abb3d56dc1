"""Colour conversion, normalization and colormaps (matplotlib.colors, the commonly used part)."""

import functools
import math
import numbers
import re

from . import _color_data
from ._hsv import hsv_to_rgb, rgb_to_hsv
from ._lightsource import LightSource

__all__ = ["to_rgba", "to_rgb", "to_hex", "to_rgba_array", "is_color_like", "same_color",
           "Normalize", "NoNorm", "LogNorm", "PowerNorm", "BoundaryNorm", "SymLogNorm", "AsinhNorm", "Colormap", "ListedColormap", "LinearSegmentedColormap",
           "BASE_COLORS", "TABLEAU_COLORS", "CSS4_COLORS", "XKCD_COLORS", "rgb_to_hsv", "hsv_to_rgb",
           "LightSource"]

BASE_COLORS = _color_data.BASE_COLORS
TABLEAU_COLORS = _color_data.TABLEAU_COLORS
CSS4_COLORS = _color_data.CSS4_COLORS
CYCLE = tuple(TABLEAU_COLORS.values())  # "C0".."C9": matplotlib's default property cycle

XKCD_COLORS = _color_data.XKCD_COLORS
_NAMED = {**XKCD_COLORS, **CSS4_COLORS, **TABLEAU_COLORS, **BASE_COLORS}
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_CYCLE_REF = re.compile(r"C(\d+)")
_NONE = (0.0, 0.0, 0.0, 0.0)


def to_rgba(c, alpha=None):
    """c as an (r, g, b, a) tuple of floats in 0..1; alpha, if given, replaces its alpha.

    Accepts names ("red", "tab:blue", "b"), "#rgb[a]"/"#rrggbb[aa]", grey levels ("0.5"),
    "C0".."C9", "none", (r, g, b[, a]) in 0..1 and (colour, alpha) pairs.
    """
    if isinstance(c, tuple) and len(c) == 2 and not isinstance(c[0], numbers.Real):
        c, alpha = c[0], c[1] if alpha is None else alpha
    rgba = _to_rgba(c)
    if alpha is not None and rgba != _NONE:
        if not 0 <= alpha <= 1:
            raise ValueError("'alpha' must be between 0 and 1, inclusive")
        rgba = rgba[:3] + (float(alpha),)
    return rgba


def _to_rgba(c):
    if isinstance(c, str):
        return _parse_str(c)
    if hasattr(c, "tolist"):
        c = c.tolist()
    if isinstance(c, (tuple, list)) and len(c) in (3, 4) and all(isinstance(v, numbers.Real) for v in c):
        if not all(0 <= v <= 1 for v in c):
            raise ValueError("RGBA values should be within 0-1 range")
        return tuple(float(v) for v in c) + ((1.0,) if len(c) == 3 else ())
    raise ValueError(f"Invalid RGBA argument: {c!r}")


def _parse_str(text):
    if text.lower() == "none":
        return _NONE
    named = _NAMED.get(text) or (len(text) > 1 and _NAMED.get(text.lower()))
    if isinstance(named, tuple):  # BASE_COLORS are RGB tuples, as in matplotlib
        return tuple(float(v) for v in named) + (1.0,)
    if named:
        text = named
    match = _CYCLE_REF.fullmatch(text)
    if match:  # "CN": the Nth colour of rcParams["axes.prop_cycle"], as matplotlib
        from ._rc import rcParams

        cycle = rcParams["axes.prop_cycle"].by_key()["color"]
        return _to_rgba(cycle[int(match.group(1)) % len(cycle)])
    if _HEX.fullmatch(text):
        digits = text[1:]
        if len(digits) <= 4:
            digits = "".join(d * 2 for d in digits)
        channels = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
        return tuple(channels) + ((1.0,) if len(channels) == 3 else ())
    try:
        grey = float(text)
    except ValueError:
        raise ValueError(f"Invalid RGBA argument: {text!r}") from None
    if not 0 <= grey <= 1:
        raise ValueError(f"Invalid string grayscale value {text!r}. Value must be within 0-1 range")
    return (grey, grey, grey, 1.0)


def to_rgb(c):
    """c as an (r, g, b) tuple of floats in 0..1."""
    return to_rgba(c)[:3]


def to_hex(c, keep_alpha=False):
    """c as "#rrggbb" (or "#rrggbbaa" with keep_alpha)."""
    rgba = to_rgba(c)
    return "#" + "".join(f"{round(v * 255):02x}" for v in (rgba if keep_alpha else rgba[:3]))


def to_rgba_array(c, alpha=None):
    """A list of RGBA tuples: one for a single colour, else one per item of c."""
    if is_color_like(c):
        return [to_rgba(c, alpha)]
    return [to_rgba(item, alpha) for item in c]


def is_color_like(c):
    """True if c can be converted to a colour."""
    try:
        to_rgba(c)
    except (ValueError, TypeError):
        return False
    return True


def same_color(c1, c2):
    """True if c1 and c2 are the same colour(s)."""
    return to_rgba_array(c1) == to_rgba_array(c2)


def spec_color(c, alpha=None):
    """The figure spec's form of a colour: "#rrggbbaa", with alpha folded in."""
    return to_hex(to_rgba(c, alpha), keep_alpha=True)


def _shaped(call):
    """A norm's __call__ that also takes numpy arrays of any shape and answers an array of that shape."""
    @functools.wraps(call)
    def wrapper(self, value, clip=None):
        if getattr(value, "ndim", 0) >= 1 and hasattr(value, "ravel"):
            import numpy as np
            flat = call(self, value.ravel().tolist(), clip)
            return np.asarray([math.nan if v is None else v for v in flat], float).reshape(value.shape)
        return call(self, value, clip)
    return wrapper


class Normalize:
    """Maps values linearly from [vmin, vmax] to [0, 1]; unset limits come from the first data."""

    def __init__(self, vmin=None, vmax=None, clip=False):
        self.vmin, self.vmax, self.clip = vmin, vmax, clip

    def autoscale_None(self, values):
        """Set the unset limits from the finite values."""
        finite = [v for v in values if v is not None and math.isfinite(v)]
        if finite:
            if self.vmin is None:
                self.vmin = min(finite)
            if self.vmax is None:
                self.vmax = max(finite)

    def scaled(self):
        return self.vmin is not None and self.vmax is not None

    @_shaped
    def __call__(self, value, clip=None):
        values, single = _as_list(value)
        self.autoscale_None(values)
        if self.vmin is None or self.vmax is None:
            raise ValueError("Normalize needs vmin and vmax (or data to take them from)")
        lo, hi = self._transform(self.vmin), self._transform(self.vmax)
        if lo > hi:
            raise ValueError("minvalue must be less than or equal to maxvalue")
        clip = self.clip if clip is None else clip
        out = []
        for v in values:
            if v is None or math.isnan(v):
                out.append(math.nan)
                continue
            if clip:
                v = min(max(v, self.vmin), self.vmax)
            out.append(0.0 if hi == lo else (self._transform(v) - lo) / (hi - lo))
        return out[0] if single else out

    def _transform(self, v):
        return float(v)

    def inverse(self, value):
        values, single = _as_list(value)
        out = [self.vmin + v * (self.vmax - self.vmin) for v in values]
        return out[0] if single else out


class LogNorm(Normalize):
    """Normalize on a log scale; values <= 0 are masked (drawn in the colormap's "bad" colour)."""

    def autoscale_None(self, values):
        super().autoscale_None([v for v in values if v is not None and v > 0])

    @_shaped
    def __call__(self, value, clip=None):
        values, single = _as_list(value)
        out = super().__call__([None if v is None or v <= 0 else v for v in values], clip)
        return out[0] if single else out

    def _transform(self, v):
        return math.log10(v) if v > 0 else -math.inf

    def inverse(self, value):
        values, single = _as_list(value)
        lo, hi = math.log10(self.vmin), math.log10(self.vmax)
        out = [10 ** (lo + v * (hi - lo)) for v in values]
        return out[0] if single else out


class NoNorm(Normalize):
    """Values passed through unchanged: integers index the colormap directly."""

    @_shaped
    def __call__(self, value, clip=None):
        return value

    def inverse(self, value):
        return value


class PowerNorm(Normalize):
    """Linearly to [0, 1], then raised to the power gamma (values below vmin stay negative)."""

    def __init__(self, gamma, vmin=None, vmax=None, clip=False):
        super().__init__(vmin, vmax, clip)
        self.gamma = gamma

    @_shaped
    def __call__(self, value, clip=None):
        values, single = _as_list(value)
        linear = super().__call__(values, clip)
        out = [v ** self.gamma if v > 0 else v for v in linear]
        return out[0] if single else out

    def inverse(self, value):
        values, single = _as_list(value)
        out = [self.vmin + (v ** (1 / self.gamma) if v > 0 else v) * (self.vmax - self.vmin) for v in values]
        return out[0] if single else out


class BoundaryNorm(Normalize):
    """Maps values to the index of their bin between boundaries, spread over ncolors colormap entries
    (integers, looked up directly), as matplotlib's BoundaryNorm (extend "neither" only)."""

    def __init__(self, boundaries, ncolors, clip=False, *, extend="neither"):
        if extend != "neither":
            raise NotImplementedError("BoundaryNorm extend= is not supported in this sandbox")
        self.boundaries = [float(b) for b in _as_list(boundaries)[0]]
        if len(self.boundaries) < 2:
            raise ValueError("You must provide at least 2 boundaries (1 region)")
        super().__init__(self.boundaries[0], self.boundaries[-1], clip)
        self.N, self.Ncmap = len(self.boundaries), ncolors
        if self.N - 1 > ncolors:
            raise ValueError(f"There are {self.N - 1} color bins but ncolors = {ncolors}; "
                             "ncolors must equal or exceed the number of bins")

    @_shaped
    def __call__(self, value, clip=None):
        values, single = _as_list(value)
        clip = self.clip if clip is None else clip
        regions, top = self.N - 1, self.Ncmap - 1 if clip else self.Ncmap
        out = []
        for v in values:
            if v is None or math.isnan(v):
                out.append(math.nan)
                continue
            if clip:
                v = min(max(v, self.vmin), self.vmax)
            index = sum(1 for b in self.boundaries if b <= v) - 1  # np.digitize - 1
            if self.Ncmap > regions:
                index = (self.Ncmap - 1) // 2 if regions == 1 and index == 0 else (
                    index if regions == 1 else int((self.Ncmap - 1) / (regions - 1) * index))
            out.append(-1 if v < self.vmin else top if v >= self.vmax else index)
        return out[0] if single else out

    def inverse(self, value):
        raise ValueError("BoundaryNorm is not invertible")


def _as_list(value):
    """(list of floats or None, whether value was a scalar)."""
    if isinstance(value, numbers.Real):
        return [float(value)], True
    if hasattr(value, "tolist"):
        value = value.tolist()
    return [None if v is None else float(v) for v in value], False


class Colormap:
    """Maps floats in [0, 1] (or integer indices) to RGBA colours through a lookup table of N entries."""

    def __init__(self, name, N=256):
        self.name = name
        self.N = N
        self._lut = None

    def _build_lut(self):
        raise NotImplementedError

    def __call__(self, X, alpha=None, bytes=False):
        if self._lut is None:
            self._lut = self._build_lut()
        if getattr(X, "ndim", 0) >= 2 and hasattr(X, "ravel"):  # an array: an array of shape (..., 4)
            import numpy as np
            if getattr(X.dtype, "kind", "") == "f":
                return self._lookup_array(X, alpha, bytes)
            flat = self(X.ravel(), alpha=alpha, bytes=bytes)
            return np.asarray(flat, np.uint8 if bytes else float).reshape(X.shape + (4,))
        if getattr(X, "ndim", 0) == 1 and getattr(getattr(X, "dtype", None), "kind", "") == "f":
            return [tuple(c) for c in self._lookup_array(X, alpha, bytes).tolist()]
        single = isinstance(X, numbers.Real)
        values = [X] if single else (X.tolist() if hasattr(X, "tolist") else list(X))
        out = [self._lookup(v, alpha, bytes) for v in values]
        return out[0] if single else out

    _extremes = {}  # "under", "over", "bad": colours set by set_under()... (else the ends, transparent)

    def _lookup(self, x, alpha, as_bytes):
        if x is None or (isinstance(x, float) and math.isnan(x)):
            rgba = self._extremes.get("bad", _NONE)
        else:
            if not isinstance(x, numbers.Integral):
                x = self.N - 1 if x == 1.0 else math.floor(x * self.N) if math.isfinite(x) else (
                    -1 if x < 0 else self.N)
            end = "under" if x < 0 else "over" if x >= self.N else None
            rgba = self._extremes.get(end) or self._lut[min(max(x, 0), self.N - 1)]
        if alpha is not None and rgba != _NONE:  # matplotlib leaves a transparent "bad" colour alone
            rgba = rgba[:3] + (float(alpha),)
        return tuple(round(v * 255) for v in rgba) if as_bytes else rgba

    def _lookup_array(self, X, alpha, as_bytes):
        """_lookup() of every value of a float (masked) numpy array at once: shape (..., 4)."""
        import numpy as np

        if self._lut is None:
            self._lut = self._build_lut()
        data = np.ma.getdata(X).astype(float)
        bad = np.ma.getmaskarray(X) | np.isnan(data)
        with np.errstate(invalid="ignore", over="ignore"):
            index = np.where(data == 1.0, self.N - 1, np.floor(data * self.N))
        index = np.where(np.isfinite(data), index, np.where(data < 0, -1, self.N))
        index = np.where(bad, 0, index)
        lut = np.asarray(self._lut, dtype=float)
        out = lut[np.clip(index, 0, self.N - 1).astype(np.intp)]
        for name, where in (("under", index < 0), ("over", index >= self.N)):
            if self._extremes.get(name):
                out[where & ~bad] = self._extremes[name]
        out[bad] = self._extremes.get("bad", _NONE)
        if alpha is not None:  # matplotlib leaves a transparent "bad" colour alone
            out[(out != 0).any(axis=-1), 3] = float(alpha)
        return np.round(out * 255).astype(np.uint8) if as_bytes else out

    def set_bad(self, color="k", alpha=None):
        self._extremes = {**self._extremes, "bad": to_rgba(color, alpha)}

    def set_under(self, color="k", alpha=None):
        self._extremes = {**self._extremes, "under": to_rgba(color, alpha)}

    def set_over(self, color="k", alpha=None):
        self._extremes = {**self._extremes, "over": to_rgba(color, alpha)}

    def set_extremes(self, *, bad=None, under=None, over=None):
        for name, color in (("bad", bad), ("under", under), ("over", over)):
            if color is not None:
                getattr(self, "set_" + name)(color)

    def with_extremes(self, *, bad=None, under=None, over=None):
        """A copy with the given colours for masked values and values below and above the range."""
        new = self.copy()
        new.set_extremes(bad=bad, under=under, over=over)
        return new

    def get_bad(self):
        return self._extremes.get("bad", _NONE)

    def get_under(self):
        return self._extremes.get("under") or self(0)

    def get_over(self):
        return self._extremes.get("over") or self(self.N - 1)

    def copy(self):
        import copy
        return copy.copy(self)

    def reversed(self, name=None):
        """The colormap reversed (name + "_r")."""
        return ListedColormap(list(reversed(self.colors)), name or self.name + "_r")

    def resampled(self, lutsize):
        """The colormap with lutsize entries."""
        return LinearSegmentedColormap.from_list(self.name, self.colors, lutsize)

    @property
    def colors(self):
        if self._lut is None:
            self._lut = self._build_lut()
        return list(self._lut)

    def __repr__(self):
        return f"<{type(self).__name__} {self.name!r}>"


class ListedColormap(Colormap):
    """A colormap of a list of colours, looked up without interpolation."""

    def __init__(self, colors, name="from_list", N=None):
        colors = [to_rgba(c) for c in colors]
        if N is not None:
            colors = [colors[i % len(colors)] for i in range(N)]
        super().__init__(name, len(colors))
        self._lut = colors


class LinearSegmentedColormap(Colormap):
    """A colormap interpolating linearly between colours placed along [0, 1]."""

    def __init__(self, name, stops, N=256, gamma=1.0):
        super().__init__(name, N)
        if isinstance(stops, dict):  # matplotlib's segmentdata: {"red": [(x, y0, y1), ...], ...}
            if gamma != 1.0:
                raise NotImplementedError("LinearSegmentedColormap gamma is not supported in this sandbox")
            self._lut = _segment_lut(stops, N)
            stops = [(i / max(N - 1, 1), rgba) for i, rgba in enumerate(self._lut)]
        self._stops = stops  # [(position, rgba)], positions increasing from 0 to 1

    @classmethod
    def from_list(cls, name, colors, N=256):
        """Evenly spaced colours, or (position, colour) pairs, interpolated into N entries."""
        colors = list(colors)
        if colors and isinstance(colors[0], tuple) and len(colors[0]) == 2 and not is_color_like(colors[0]):
            stops = [(float(pos), to_rgba(c)) for pos, c in colors]
        else:
            last = max(len(colors) - 1, 1)
            stops = [(i / last, to_rgba(c)) for i, c in enumerate(colors)]
        return cls(name, stops, N)

    def _build_lut(self):
        stops = self._stops
        lut = []
        j = 0
        for i in range(self.N):
            x = i / (self.N - 1) if self.N > 1 else 0.0
            while j < len(stops) - 2 and stops[j + 1][0] < x:
                j += 1
            (x0, c0), (x1, c1) = stops[j], stops[min(j + 1, len(stops) - 1)]
            t = 0.0 if x1 == x0 else min(max((x - x0) / (x1 - x0), 0.0), 1.0)
            lut.append(tuple(a + (b - a) * t for a, b in zip(c0, c1)))
        return lut

    def reversed(self, name=None):
        stops = [(1 - pos, rgba) for pos, rgba in reversed(self._stops)]
        return LinearSegmentedColormap(name or self.name + "_r", stops, self.N)


def _segment_lut(segmentdata, n):
    """N colours from matplotlib's segmentdata: per channel, rows (x, y0, y1) with x rising from
    0 to 1; between two rows the channel goes linearly from the first's y1 to the second's y0."""
    channels = []
    for name in ("red", "green", "blue", "alpha"):
        rows = segmentdata.get(name, [(0.0, 1.0, 1.0), (1.0, 1.0, 1.0)] if name == "alpha" else None)
        if rows is None:
            raise ValueError(f"segmentdata has no {name!r} channel")
        if callable(rows):
            raise NotImplementedError("LinearSegmentedColormap with functions as segments is not supported in "
                                      "this sandbox")
        rows = [tuple(float(v) for v in row) for row in rows]
        if rows[0][0] != 0 or rows[-1][0] != 1:
            raise ValueError("data mapping points must start with x=0 and end with x=1")
        values = []
        for i in range(n):
            x = i / (n - 1) if n > 1 else 0.0
            k = next((j for j in range(1, len(rows)) if x <= rows[j][0]), len(rows) - 1)
            (x0, _, start), (x1, end, _) = rows[k - 1], rows[k]
            t = 0.0 if x1 == x0 else (x - x0) / (x1 - x0)
            values.append(min(1.0, max(0.0, start + t * (end - start))))
        channels.append(values)
    return list(zip(*channels))


from ._norms import AsinhNorm, SymLogNorm  # noqa: E402  (they build on Normalize)
