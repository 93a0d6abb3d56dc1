"""Bivariate kdeplot (x and y): a Gaussian KDE on a grid drawn as contour lines (or filled
contours) at iso-proportion levels, one colour (or sequential colormap) per hue level, as seaborn
0.13.2's plot_bivariate_density draws it.

Without scipy (as in the reference install) seaborn's KDE is its bundled copy of scipy's
gaussian_kde (seaborn/external/kde.py); `GaussianKDE` follows it step by step.
"""

import math
import warnings
from numbers import Number

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import _core
from ._histplot2d import _cmap_from_color, _groups, _log_bases, _quantile_to_level, _to_logs
from .palettes import color_palette


class GaussianKDE:
    """seaborn.external.kde.gaussian_kde of a (d, n) dataset, with set_bandwidth(factor * adjust)."""

    def __init__(self, dataset, bw_method=None, weights=None, bw_adjust=1):
        self.dataset = np.atleast_2d(np.asarray(dataset, dtype=float))
        self.d, self.n = self.dataset.shape
        if weights is None:
            self.weights = np.ones(self.n) / self.n
        else:
            self.weights = np.atleast_1d(np.asarray(weights, dtype=float))
            self.weights = self.weights / np.sum(self.weights)
        self.neff = 1 / np.sum(self.weights ** 2)
        if bw_method is None or bw_method == "scott":
            factor = np.power(self.neff, -1. / (self.d + 4))
        elif bw_method == "silverman":
            factor = np.power(self.neff * (self.d + 2.0) / 4.0, -1. / (self.d + 4))
        elif isinstance(bw_method, Number) and not isinstance(bw_method, (str, bool)):
            factor = float(bw_method)
        else:
            raise NotImplementedError(f"kdeplot(bw_method={bw_method!r}) is not supported in this sandbox")
        self.factor = factor * bw_adjust
        data_covariance = np.atleast_2d(np.cov(self.dataset, rowvar=1, bias=False, aweights=self.weights))
        data_inv_cov = np.linalg.inv(data_covariance)
        self.covariance = data_covariance * self.factor ** 2
        self.inv_cov = data_inv_cov / self.factor ** 2
        self._norm_factor = np.sqrt(np.linalg.det(2 * np.pi * self.covariance))

    def __call__(self, points):
        points = np.atleast_2d(np.asarray(points, dtype=float))
        m = points.shape[1]
        result = np.zeros(m)
        whitening = np.linalg.cholesky(self.inv_cov)
        scaled_dataset = np.dot(whitening, self.dataset)
        scaled_points = np.dot(whitening, points)
        if m >= self.n:
            for i in range(self.n):
                diff = scaled_dataset[:, i, np.newaxis] - scaled_points
                energy = np.sum(diff * diff, axis=0) / 2.0
                result += self.weights[i] * np.exp(-energy)
        else:
            for i in range(m):
                diff = scaled_dataset - scaled_points[:, i, np.newaxis]
                energy = np.sum(diff * diff, axis=0) / 2.0
                result[i] = np.sum(np.exp(-energy) * self.weights, axis=0)
        return result / self._norm_factor


def _support(values, bw, cut, clip, gridsize):
    lo = -np.inf if clip[0] is None else clip[0]
    hi = np.inf if clip[1] is None else clip[1]
    return np.linspace(max(values.min() - bw * cut, lo), min(values.max() + bw * cut, hi), gridsize)


def density(x, y, weights, bw_method, bw_adjust, gridsize, cut, clip):
    """(density on the grid, (x grid, y grid)): seaborn's KDE._eval_bivariate."""
    if clip is None:
        clip = (None, None)
    if clip[0] is None or np.isscalar(clip[0]):
        clip = (clip, clip)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    kde = GaussianKDE([x, y], bw_method, weights, bw_adjust)
    bw = np.sqrt(np.diag(kde.covariance).squeeze())
    support = (_support(x, bw[0], cut, clip[0], gridsize), _support(y, bw[1], cut, clip[1], gridsize))
    xx, yy = np.meshgrid(*support)
    return kde([xx.ravel(), yy.ravel()]).reshape(xx.shape), support


def bivariate_kdeplot(data, x, y, hue, weights, palette, hue_order, hue_norm, color, fill, common_norm, cumulative,
                      bw_method, bw_adjust, warn_singular, log_scale, levels, thresh, gridsize, cut, clip, legend,
                      cbar, cbar_ax, cbar_kws, ax, kwargs):
    """kdeplot(x=..., y=...): see the module docstring."""
    if cumulative:
        raise NotImplementedError("bivariate kdeplot(cumulative=True) is not supported in this sandbox")
    plot_data = _core.PlotData(data, dict(x=x, y=y, hue=hue, weights=weights))
    rows = plot_data.dropna()
    ax = plt.gca() if ax is None else ax
    for var in ("x", "y"):
        if _core.variable_type(rows[var]) != "numeric":
            raise NotImplementedError(f"bivariate kdeplot() of {_core.variable_type(rows[var])} data is not "
                                      "supported in this sandbox")
    bases = _log_bases(log_scale)
    for var, base in bases.items():
        getattr(ax, f"set_{var}scale")("log", **({} if base == 10 else {"base": base}))
    for var in "xy":
        if var not in bases and getattr(ax, f"get_{var}scale")() == "log":
            bases[var] = 10
    for var, base in bases.items():
        rows = _to_logs(rows, var, base)
    hue_map = None
    if "hue" in rows:
        hue_map = _core.HueMap(rows["hue"], palette, hue_order or plot_data.categories.get("hue"), hue_norm)
    if hue_map is None:
        color = _core.default_color(ax, "patch" if fill else "line", color)
        common_norm = False
    if not rows["x"]:
        return ax
    total = len(rows["x"])
    densities = {}
    for level, gx, gy, gw in _groups(rows, hue_map):
        variances = [np.nan_to_num(np.var(v, ddof=1)) if len(v) > 1 else 0.0 for v in (gx, gy)]
        try:
            singular = math.isclose(min(variances), 0)
            if not singular:
                grid, (xs, ys) = density(gx, gy, gw, bw_method, bw_adjust, gridsize, cut, clip)
        except np.linalg.LinAlgError:
            singular = True
        if singular:
            if warn_singular:
                warnings.warn("KDE cannot be estimated (0 variance or perfect covariance). Pass "
                              "`warn_singular=False` to disable this warning.", UserWarning, stacklevel=3)
            continue
        if "x" in bases:
            xs = np.power(bases["x"], xs)
        if "y" in bases:
            ys = np.power(bases["y"], ys)
        if common_norm:
            grid = grid * len(gx) / total
        densities[level] = (grid, xs, ys)
    thresh = 0 if thresh is None else thresh
    if isinstance(levels, Number):
        levels = np.linspace(thresh, 1, levels)
    elif min(levels) < 0 or max(levels) > 1:
        raise ValueError("levels must be in [0, 1]")
    if common_norm:
        common = _quantile_to_level([d for d, _, _ in densities.values()], levels)
        draw_levels = {k: common for k in densities}
    else:
        draw_levels = {k: _quantile_to_level(d, levels) for k, (d, _, _) in densities.items()}
    contour_kws = dict(kwargs)
    if hue_map is not None:
        for param in ("cmap", "colors"):
            if param in contour_kws:
                warnings.warn(f"{param} parameter ignored when using hue mapping.", UserWarning)
                contour_kws.pop(param)
    else:
        if not {"cmap", "colors"} & set(contour_kws):
            if fill:
                contour_kws["cmap"] = _cmap_from_color(color)
            else:
                contour_kws["colors"] = [color]
        cmap = contour_kws.pop("cmap", None)
        if isinstance(cmap, str):
            cmap = color_palette(cmap, as_cmap=True)
        if cmap is not None:
            contour_kws["cmap"] = cmap
    contour_kws.pop("label", None)
    for level in (hue_map.levels if hue_map is not None else [None]):
        if level not in densities:
            continue
        if level is not None:
            if fill:
                contour_kws["cmap"] = _cmap_from_color(hue_map(level))
            else:
                contour_kws["colors"] = [hue_map(level)]
        grid, xs, ys = densities[level]
        contour = (ax.contourf if fill else ax.contour)(xs, ys, grid, levels=draw_levels[level], **contour_kws)
        if cbar:
            ax.figure.colorbar(contour, cbar_ax, ax, **(cbar_kws or {}))
    _core.add_axis_labels(ax, plot_data.names.get("x") or "", plot_data.names.get("y") or "")
    if hue_map is not None and legend:
        if fill:
            handles = [Patch(facecolor=hue_map(level), edgecolor=hue_map(level), label=str(level))
                       for level in hue_map.levels]
        else:
            handles = [Line2D([], [], color=hue_map(level), label=str(level)) for level in hue_map.levels]
        ax.legend(handles, [str(level) for level in hue_map.levels], title=_core.legend_title(plot_data.names))
    return ax
