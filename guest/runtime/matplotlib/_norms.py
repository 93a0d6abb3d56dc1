"""Norms made from a scale's transform (matplotlib's make_norm_from_scale): SymLogNorm and AsinhNorm."""

import math

from .colors import Normalize, _as_list, _shaped


class _ScaleNorm(Normalize):
    """Normalize in a scale's coordinates: (t(v) - t(vmin)) / (t(vmax) - t(vmin)), as matplotlib's."""

    def _trf(self):
        raise NotImplementedError

    def _scale_args(self):
        """(scale name, its keyword arguments) for a colorbar's long axis."""
        raise NotImplementedError

    @_shaped
    def __call__(self, value, clip=None):
        import numpy as np

        values, single = _as_list(value)
        if self.vmin is None or self.vmax is None:
            self.autoscale_None(values)
        if self.vmin is None or self.vmax is None:
            raise ValueError("Normalize needs vmin and vmax (or data to take them from)")
        if self.vmin > self.vmax:
            raise ValueError("vmin must be less or equal to vmax")
        data = np.array([math.nan if v is None else v for v in values], dtype=float)
        if self.vmin == self.vmax:
            out = np.zeros_like(data)
        else:
            if self.clip if clip is None else clip:
                data = np.clip(data, self.vmin, self.vmax)
            trf = self._trf()
            t_value = np.asarray(trf.transform(data), dtype=float).reshape(data.shape)
            t_vmin, t_vmax = np.asarray(trf.transform([float(self.vmin), float(self.vmax)]), dtype=float)
            if not np.isfinite([t_vmin, t_vmax]).all():
                raise ValueError("Invalid vmin or vmax")
            t_value -= t_vmin
            t_value /= (t_vmax - t_vmin)
            out = t_value
        out = [float(v) for v in out]
        return out[0] if single else out

    def inverse(self, value):
        import numpy as np

        if not self.scaled():
            raise ValueError("Not invertible until scaled")
        if self.vmin > self.vmax:
            raise ValueError("vmin must be less or equal to vmax")
        values, single = _as_list(value)
        trf = self._trf()
        t_vmin, t_vmax = np.asarray(trf.transform([float(self.vmin), float(self.vmax)]), dtype=float)
        t = t_vmin + np.asarray(values, dtype=float) * (t_vmax - t_vmin)
        out = [float(v) for v in np.ravel(trf.inverted().transform_non_affine(t))]
        return out[0] if single else out


class SymLogNorm(_ScaleNorm):
    """Linear within (-linthresh, linthresh), logarithmic outside (matplotlib's SymLogNorm)."""

    def __init__(self, linthresh, linscale=1.0, vmin=None, vmax=None, clip=False, *, base=10):
        super().__init__(vmin, vmax, clip)
        self.linthresh, self.linscale, self.base = float(linthresh), float(linscale), float(base)
        self._trf()  # matplotlib checks the parameters on construction

    def _trf(self):
        from .scale import SymmetricalLogTransform

        return SymmetricalLogTransform(self.base, self.linthresh, self.linscale)

    def _scale_args(self):
        return "symlog", {"base": self.base, "linthresh": self.linthresh, "linscale": self.linscale}


class AsinhNorm(_ScaleNorm):
    """Nearly linear within (-linear_width, linear_width), logarithmic beyond (matplotlib's AsinhNorm)."""

    def __init__(self, linear_width=1, vmin=None, vmax=None, clip=False):
        super().__init__(vmin, vmax, clip)
        self.linear_width = float(linear_width)
        self._trf()

    def _trf(self):
        from .scale import AsinhTransform

        return AsinhTransform(self.linear_width)

    def _scale_args(self):
        return "asinh", {"linear_width": self.linear_width}
