"""matplotlib.scale: the axis scales the host draws (linear, log, symlog, logit, asinh).

A scale maps data values to positions along its axis (``get_transform()``, as matplotlib's, on
numbers and numpy arrays) and names its default tick locators and formatters. The host draws
every scale's mapping itself (docs/CHARTS.md); for scales other than linear and base-10 log the
guest chooses the ticks with the locators and formatters below (matplotlib's, ported in
_ticker_log) and sends them. Function scales and custom scales (``register_scale``) would need
Python code on the host and are refused.
"""

import numpy as np

from . import ticker as _ticker  # first: it imports _ticker_log once it is whole
from . import _ticker_log as _tl  # noqa: I001

__all__ = ["ScaleBase", "LinearScale", "LogScale", "SymmetricalLogScale", "LogitScale", "AsinhScale",
           "get_scale_names", "scale_factory", "register_scale"]


class _Transform:
    """A scale's data-to-axis map: transform(values) and inverted()."""

    input_dims = output_dims = 1

    def transform(self, values):
        array = np.asarray(values, dtype=float)
        out = self.transform_non_affine(array)
        return out if array.ndim else float(out)

    def transform_non_affine(self, values):
        raise NotImplementedError

    def inverted(self):
        raise NotImplementedError


class IdentityTransform(_Transform):
    def transform_non_affine(self, values):
        return values

    def inverted(self):
        return self


class LogTransform(_Transform):
    def __init__(self, base, nonpositive="clip"):
        if base <= 0 or base == 1:
            raise ValueError("The log base cannot be <= 0 or == 1")
        self.base = base
        self._clip = {"clip": True, "mask": False}[nonpositive]

    def transform_non_affine(self, values):
        with np.errstate(divide="ignore", invalid="ignore"):
            log = {np.e: np.log, 2: np.log2, 10: np.log10}.get(self.base)
            out = log(values) if log else np.log(values) / np.log(self.base)
            if self._clip:
                out = np.where(values <= 0, -1000.0, out)
        return out

    def inverted(self):
        return InvertedLogTransform(self.base)


class InvertedLogTransform(_Transform):
    def __init__(self, base):
        self.base = base

    def transform_non_affine(self, values):
        return np.power(self.base, values)

    def inverted(self):
        return LogTransform(self.base)


class SymmetricalLogTransform(_Transform):
    def __init__(self, base, linthresh, linscale):
        if base <= 1.0:
            raise ValueError("'base' must be larger than 1")
        if linthresh <= 0.0:
            raise ValueError("'linthresh' must be positive")
        if linscale <= 0.0:
            raise ValueError("'linscale' must be positive")
        self.base, self.linthresh, self.linscale = base, linthresh, linscale
        self._linscale_adj = linscale / (1.0 - self.base ** -1)
        self._log_base = np.log(base)

    def transform_non_affine(self, values):
        values = np.atleast_1d(values).astype(float)
        abs_a = np.abs(values)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.sign(values) * self.linthresh * (
                self._linscale_adj + np.log(abs_a / self.linthresh) / self._log_base)
            inside = abs_a <= self.linthresh
        out[inside] = values[inside] * self._linscale_adj
        return out if np.ndim(values) else out[0]

    def transform(self, values):
        array = np.asarray(values, dtype=float)
        out = self.transform_non_affine(array)
        return out.reshape(array.shape) if array.ndim else float(np.ravel(out)[0])

    def inverted(self):
        return InvertedSymmetricalLogTransform(self.base, self.linthresh, self.linscale)


class InvertedSymmetricalLogTransform(_Transform):
    def __init__(self, base, linthresh, linscale):
        symlog = SymmetricalLogTransform(base, linthresh, linscale)
        self.base, self.linthresh, self.linscale = base, linthresh, linscale
        self.invlinthresh = symlog.transform(linthresh)
        self._linscale_adj = symlog._linscale_adj

    def transform_non_affine(self, values):
        abs_a = np.abs(values)
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.sign(values) * self.linthresh * np.power(
                self.base, abs_a / self.linthresh - self._linscale_adj)
        return np.where(abs_a <= self.invlinthresh, values / self._linscale_adj, out)

    def inverted(self):
        return SymmetricalLogTransform(self.base, self.linthresh, self.linscale)


class AsinhTransform(_Transform):
    def __init__(self, linear_width):
        if linear_width <= 0.0:
            raise ValueError("Scale parameter 'linear_width' must be strictly positive")
        self.linear_width = linear_width

    def transform_non_affine(self, values):
        return self.linear_width * np.arcsinh(values / self.linear_width)

    def inverted(self):
        return InvertedAsinhTransform(self.linear_width)


class InvertedAsinhTransform(_Transform):
    def __init__(self, linear_width):
        self.linear_width = linear_width

    def transform_non_affine(self, values):
        return self.linear_width * np.sinh(values / self.linear_width)

    def inverted(self):
        return AsinhTransform(self.linear_width)


class LogitTransform(_Transform):
    def __init__(self, nonpositive="mask"):
        if nonpositive not in ("mask", "clip"):
            raise ValueError(f"{nonpositive!r} is not a valid value for nonpositive; supported values are "
                             "'mask', 'clip'")
        self._nonpositive = nonpositive
        self._clip = nonpositive == "clip"

    def transform_non_affine(self, values):
        with np.errstate(divide="ignore", invalid="ignore"):
            out = np.log10(values / (1 - values))
        if self._clip:
            out = np.where(values <= 0, -1000.0, out)
            out = np.where(values >= 1, 1000.0, out)
        return out

    def inverted(self):
        return LogisticTransform(self._nonpositive)


class LogisticTransform(_Transform):
    def __init__(self, nonpositive="mask"):
        self._nonpositive = nonpositive

    def transform_non_affine(self, values):
        return 1.0 / (1 + 10 ** (-values))

    def inverted(self):
        return LogitTransform(self._nonpositive)


class ScaleBase:
    """A scale: its transform, default ticks and the part of the number line it can show."""

    name = None

    def __init__(self, axis):
        self._axis = axis

    def get_transform(self):
        raise NotImplementedError

    def set_default_locators_and_formatters(self, axis):
        raise NotImplementedError

    def limit_range_for_scale(self, vmin, vmax, minpos):
        return vmin, vmax

    def _defaults(self):
        """(major locator, major formatter, minor locator, minor formatter) as matplotlib sets them."""
        raise NotImplementedError

    def _spec(self):
        """The scale as the figure spec's "xscale"/"yscale"."""
        return self.name

    def _host_ticks(self):
        """True if the host picks this scale's ticks (linear and base-10 log axes)."""
        return False


class LinearScale(ScaleBase):
    name = "linear"

    def __init__(self, axis):
        super().__init__(axis)

    def get_transform(self):
        return IdentityTransform()

    def _defaults(self):
        return _ticker.AutoLocator(), _ticker.ScalarFormatter(), _ticker.NullLocator(), _ticker.NullFormatter()

    def _host_ticks(self):
        return True


class LogScale(ScaleBase):
    name = "log"

    def __init__(self, axis, *, base=10, subs=None, nonpositive="clip"):
        self._transform = LogTransform(base, nonpositive)
        self.subs = subs

    base = property(lambda self: self._transform.base)

    def get_transform(self):
        return self._transform

    def _defaults(self):
        return (_tl.LogLocator(self.base), _tl.LogFormatterSciNotation(self.base), _tl.LogLocator(self.base, self.subs),
                _tl.LogFormatterSciNotation(self.base, labelOnlyBase=self.subs is not None))

    def limit_range_for_scale(self, vmin, vmax, minpos):
        if not np.isfinite(minpos):
            minpos = 1e-300
        return (minpos if vmin <= 0 else vmin, minpos if vmax <= 0 else vmax)

    def _host_ticks(self):
        return self.base == 10 and self.subs is None


class SymmetricalLogScale(ScaleBase):
    name = "symlog"

    def __init__(self, axis, *, base=10, linthresh=2, subs=None, linscale=1):
        self._transform = SymmetricalLogTransform(base, linthresh, linscale)
        self.subs = subs

    base = property(lambda self: self._transform.base)
    linthresh = property(lambda self: self._transform.linthresh)
    linscale = property(lambda self: self._transform.linscale)

    def get_transform(self):
        return self._transform

    def _defaults(self):
        return (_tl.SymmetricalLogLocator(self._transform), _tl.LogFormatterSciNotation(self.base),
                _tl.SymmetricalLogLocator(self._transform, self.subs), _ticker.NullFormatter())

    def _spec(self):
        return {"symlog": {"base": float(self.base), "linthresh": float(self.linthresh),
                           "linscale": float(self.linscale)}}


class AsinhScale(ScaleBase):
    name = "asinh"
    auto_tick_multipliers = {3: (2,), 4: (2,), 5: (2,), 8: (2, 4), 10: (2, 5), 16: (2, 4, 8), 64: (4, 16),
                             1024: (256, 512)}

    def __init__(self, axis, *, linear_width=1.0, base=10, subs="auto", **kwargs):
        self._transform = AsinhTransform(linear_width)
        self._base = int(base)
        self._subs = self.auto_tick_multipliers.get(self._base) if subs == "auto" else subs

    linear_width = property(lambda self: self._transform.linear_width)

    def get_transform(self):
        return self._transform

    def _defaults(self):
        major = _tl.AsinhLocator(self.linear_width, base=self._base)
        minor = _tl.AsinhLocator(self.linear_width, base=self._base, subs=self._subs)
        formatter = (_tl.LogFormatterSciNotation(self._base) if self._base > 1
                     else _ticker.StrMethodFormatter("{x:.3g}"))
        return major, formatter, minor, _ticker.NullFormatter()

    def _spec(self):
        return {"asinh": {"linear_width": float(self.linear_width)}}


class LogitScale(ScaleBase):
    name = "logit"

    def __init__(self, axis, nonpositive="mask", *, one_half=r"\frac{1}{2}", use_overline=False):
        self._transform = LogitTransform(nonpositive)
        self._use_overline, self._one_half = use_overline, one_half

    def get_transform(self):
        return self._transform

    def _defaults(self):
        options = {"one_half": self._one_half, "use_overline": self._use_overline}
        return (_tl.LogitLocator(), _tl.LogitFormatter(**options), _tl.LogitLocator(minor=True),
                _tl.LogitFormatter(minor=True, **options))

    def limit_range_for_scale(self, vmin, vmax, minpos):
        if not np.isfinite(minpos):
            minpos = 1e-7
        return (minpos if vmin <= 0 else vmin, 1 - minpos if vmax >= 1 else vmax)


_scale_mapping = {"linear": LinearScale, "log": LogScale, "symlog": SymmetricalLogScale,
                  "asinh": AsinhScale, "logit": LogitScale}


def get_scale_names():
    return sorted([*_scale_mapping, "function", "functionlog"])


def scale_factory(scale, axis, **kwargs):
    """The scale named scale for axis, with its keyword arguments."""
    if scale in ("function", "functionlog"):
        raise NotImplementedError(f"scale {scale!r} (FuncScale) is not supported in this sandbox: the host "
                                  "cannot run its Python functions")
    if scale not in _scale_mapping:
        raise ValueError(f"{scale!r} is not a valid value for scale; supported values are "
                         + ", ".join(repr(name) for name in get_scale_names()))
    return _scale_mapping[scale](axis, **kwargs)


def register_scale(scale_class):
    raise NotImplementedError("matplotlib.scale.register_scale (custom scales) is not supported in this "
                              "sandbox: the host cannot run a scale's Python transform")


class FuncScale(ScaleBase):
    name = "function"

    def __init__(self, axis, functions):
        scale_factory("function", axis)
