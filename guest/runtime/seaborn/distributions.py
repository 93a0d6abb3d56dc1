"""Distribution plots (seaborn.distributions): univariate histplot and kdeplot, drawn with Axes.bar,
Axes.fill_between and Axes.plot as seaborn 0.13.2 draws them (bins from numpy's histogram_bin_edges,
Gaussian KDE with Scott's bandwidth)."""

import math
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgba

from . import _core
from ._histplot2d import bivariate_histplot
from ._kde2d import bivariate_kdeplot
from ._rug import rugplot
from ._statistics import HIST_STATS, KDE, bin_params, histogram

__all__ = ["histplot", "kdeplot", "ecdfplot", "rugplot", "distplot"]

_WIDE = ({"x": "@values", "hue": "@columns"}, {"x": "@values"})


class _DistributionPlot:
    """The data of one univariate distribution plot and its hue mapping."""

    def __init__(self, name, data, x, y, hue, weights, palette, hue_order, hue_norm):
        self.data = _core.PlotData(data, dict(x=x, y=y, hue=hue, weights=weights), wide=_WIDE)
        frame = self.data.frame
        if "x" in frame and "y" in frame:
            raise NotImplementedError(f"bivariate {name}(x=..., y=...) is not supported in this sandbox (it needs "
                                      "pcolormesh/contour)")
        if "x" not in frame and "y" not in frame:
            raise NotImplementedError(f"{name}() without x or y data is not supported in this sandbox")
        self.var = "x" if "x" in frame else "y"
        self.name = name
        self.hue = None
        if "hue" in frame:
            self.hue = _core.HueMap(frame["hue"], palette, hue_order or self.data.categories.get("hue"), hue_norm)
        self.rows = self.data.dropna()
        self.categories = None  # the levels of a categorical data variable
        self.log_base = None

    def attach(self, ax, log_scale):
        """Register categories on the axis (matplotlib's category units) or set a log scale, as seaborn's
        _attach does, and convert the data variable to those coordinates."""
        values = self.rows[self.var]
        if _core.variable_type(values) == "categorical":
            self.categories = _core.categorical_order(values, self.data.categories.get(self.var))
            group = getattr(ax, f"{self.var}axis").group
            position = {c: group.category(str(c)) for c in self.categories}
            self.rows[self.var] = [position[v] for v in values]
            if self.var == "y":
                ax.yaxis.set_inverted(True)
        elif _core.variable_type(values) != "numeric":
            raise NotImplementedError(f"{self.name}() of {_core.variable_type(values)} data is not supported in "
                                      "this sandbox")
        if isinstance(log_scale, tuple):
            log_scale = log_scale[0 if self.var == "x" else 1]
        if log_scale:
            base = 10 if log_scale is True else log_scale
            getattr(ax, f"set_{self.var}scale")("log", **({} if log_scale is True else {"base": base}))
        elif getattr(ax, f"get_{self.var}scale")() == "log":
            base = 10  # seaborn computes in the axis' scale, also one set before (the sandbox's logs are base 10)
        else:
            return
        self.log_base = base
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log(np.asarray(values, dtype=float)) / np.log(base)
        keep = np.isfinite(logs)
        self.rows = {var: [v for v, k in zip(col, keep) if k] for var, col in self.rows.items()}
        self.rows[self.var] = logs[keep].tolist()

    def inverse(self, values):
        """Data coordinates of values in the (log) coordinates the statistics were computed in."""
        values = np.asarray(values, dtype=float)
        return values if self.log_base is None else np.power(self.log_base, values)

    def groups(self, reverse=False):
        """(hue level or None, values, weights or None) per hue level present (seaborn's iter_data)."""
        rows = self.rows
        weights = rows.get("weights")
        if self.hue is None:
            return [(None, rows[self.var], weights)]
        result = []
        for level in self.hue.levels:
            keep = [i for i, h in enumerate(rows["hue"]) if h == level]
            if keep:
                result.append((level, [rows[self.var][i] for i in keep],
                               None if weights is None else [weights[i] for i in keep]))
        return result[::-1] if reverse else result

    def densities(self, kde_kws, common_norm, common_grid, warn_singular):
        """{hue level: (support, density)} (seaborn's _compute_univariate_density)."""
        estimator = KDE(**kde_kws)
        if self.hue is not None:
            if common_grid:
                estimator.define_support(self.rows[self.var])
        else:
            common_norm = False
        weights = self.rows.get("weights")
        whole = sum(weights) if common_norm and weights is not None else len(self.rows[self.var])
        result = {}
        for level, values, part_weights in self.groups():
            part = len(values) if part_weights is None else sum(part_weights)
            variance = np.nan_to_num(np.var(values, ddof=1)) if len(values) > 1 else 0.0
            if len(values) < 2 or math.isclose(variance, 0):
                if warn_singular:
                    warnings.warn("Dataset has 0 variance; skipping density estimate. Pass `warn_singular=False` "
                                  "to disable this warning.", UserWarning, stacklevel=3)
                continue
            density, support = estimator(values, part_weights)
            support = self.inverse(support)
            if common_norm:
                density = density * part / whole
            result[level] = (support, density)
        return result

    def resolve_multiple(self, curves, multiple):
        """(curves, baselines) stacked or normalised across hue levels (seaborn's _resolve_multiple);
        curves maps a hue level to its heights."""
        baselines = {k: np.zeros_like(v) for k, v in curves.items()}
        if self.hue is None or multiple not in ("stack", "fill"):
            return curves, baselines
        keys = list(curves)[::-1]
        stacked = np.cumsum(np.array([curves[k] for k in keys], dtype=float), axis=0)
        if multiple == "fill":
            stacked = stacked / stacked[-1]
        curves = {k: stacked[i] for i, k in enumerate(keys)}
        baselines = {k: stacked[i - 1] if i else np.zeros_like(stacked[0]) for i, k in enumerate(keys)}
        return curves, baselines

    def color(self, level, default):
        return self.hue(level) if level is not None else default

    def finish(self, ax, stat_label, handles, legend):
        """Axis labels (the variable's name and the statistic) and the hue legend."""
        name = self.data.names.get(self.var)
        if self.var == "x":
            _core.add_axis_labels(ax, "" if name is None else name, stat_label)
        else:
            _core.add_axis_labels(ax, stat_label, "" if name is None else name)
        if self.hue is not None and legend and handles:
            levels = [level for level in self.hue.levels if level in handles]
            ax.legend([handles[level] for level in levels], [str(level) for level in levels],
                      title=_core.legend_title(self.data.names))


def _artist_kws(kws, fill, element, multiple, color, alpha):
    """The matplotlib keywords of one hist/KDE artist (seaborn's _artist_kws)."""
    kws = dict(kws)
    if fill:
        kws.setdefault("facecolor", to_rgba(color, alpha))
        if multiple in ("stack", "fill") or element == "bars":
            kws.setdefault("edgecolor", mpl.rcParams.get("patch.edgecolor", "black"))
        else:
            kws.setdefault("edgecolor", to_rgba(color, 1))
    elif element == "bars":
        kws["facecolor"] = "none"
        kws["edgecolor"] = to_rgba(color, alpha)
    else:
        kws["color"] = to_rgba(color, alpha)
    return kws


def histplot(data=None, *, x=None, y=None, hue=None, weights=None, stat="count", bins="auto", binwidth=None,
             binrange=None, discrete=None, cumulative=False, common_bins=True, common_norm=True, multiple="layer",
             element="bars", fill=True, shrink=1, kde=False, kde_kws=None, line_kws=None, thresh=0, pthresh=None,
             pmax=None, cbar=False, cbar_ax=None, cbar_kws=None, palette=None, hue_order=None, hue_norm=None,
             color=None, log_scale=None, legend=True, ax=None, **kwargs):
    """A histogram of x (or y), per hue level layered, stacked, filled or dodged."""
    if stat not in HIST_STATS:
        raise ValueError(f"The value for `stat` must be one of {HIST_STATS}, but {stat!r} was passed.")
    if multiple not in ("layer", "stack", "fill", "dodge"):
        raise ValueError(f"`multiple` must be one of ['layer', 'stack', 'fill', 'dodge'], not {multiple!r}")
    if element not in ("bars", "step", "poly"):
        raise ValueError(f"`element` must be one of ['bars', 'step', 'poly'], not {element!r}")
    if x is not None and y is not None:
        return bivariate_histplot(data, x, y, hue, weights, stat, bins, binwidth, binrange, discrete, cumulative,
                                  common_bins, common_norm, thresh, pthresh, pmax, cbar, cbar_ax, cbar_kws, palette,
                                  hue_order, hue_norm, color, log_scale, legend, ax, kwargs)
    p = _DistributionPlot("histplot", data, x, y, hue, weights, palette, hue_order, hue_norm)
    ax = plt.gca() if ax is None else ax
    if not p.rows[p.var]:
        return ax
    p.attach(ax, log_scale)
    if discrete is None:
        discrete = p.categories is not None
    if hue is None:
        color = _core.default_color(ax, "patch" if element == "bars" or fill else "line", color)
    weighted = "weights" in p.rows
    if weighted and bins == "auto" and binwidth is None and not discrete:
        warnings.warn("`bins` cannot be 'auto' when using weights. Setting `bins=10`, but you will likely want "
                      "to adjust.", UserWarning, stacklevel=2)
        bins = 10
    if stat == "count":
        common_norm = False
    vertical = p.var == "x"
    bin_options = dict(bins=bins, binwidth=binwidth, binrange=binrange, discrete=bool(discrete))
    multiple_histograms = p.hue is not None
    if multiple_histograms and common_bins:
        shared_bins = bin_params(p.rows[p.var], p.rows.get("weights"), **bin_options)
    if not multiple_histograms:
        common_norm = False
    whole = sum(p.rows["weights"]) if common_norm and weighted else len(p.rows[p.var])
    densities = {}
    if kde:
        kde_kws = {"cut": 0, **(kde_kws or {}), "cumulative": cumulative}
        densities = p.densities(kde_kws, common_norm, common_bins, warn_singular=False)
    heights, geometry = {}, {}
    for level, values, part_weights in p.groups():
        bin_kws = shared_bins if multiple_histograms and common_bins else bin_params(values, part_weights,
                                                                                      **bin_options)
        counts, edges = histogram(values, bin_kws, stat, part_weights, cumulative)
        widths = np.diff(edges)
        lefts = edges[:-1]
        if level in densities:
            support, density = densities[level]
            norm = counts.max() if cumulative else (counts * widths).sum()
            densities[level] = (support, density * norm)
        widths = p.inverse(lefts + widths) - p.inverse(lefts)
        lefts = p.inverse(lefts)
        lefts = lefts + (1 - shrink) / 2 * widths
        widths = widths * shrink
        if common_norm:
            counts = counts * ((len(values) if part_weights is None else sum(part_weights)) / whole)
        heights[level], geometry[level] = np.asarray(counts, dtype=float), (lefts, widths)
    heights, baselines = p.resolve_multiple(heights, multiple)
    if kde:
        curves, _ = p.resolve_multiple({k: d for k, (_, d) in densities.items()},
                                       None if multiple == "dodge" else multiple)
        densities = {k: (densities[k][0], curves[k]) for k in densities}
    if multiple == "dodge" and p.hue is not None:
        n = len(p.hue.levels)
        for level, (lefts, widths) in geometry.items():
            each = widths / n
            geometry[level] = (lefts + p.hue.levels.index(level) * each, each)
    if fill:
        default_alpha = (.5 if element == "bars" else .25) if p.hue is not None and multiple == "layer" else \
            .5 if kde else .75
    else:
        default_alpha = 1
    alpha = kwargs.pop("alpha", default_alpha)
    handles = {}
    for level, _, _ in p.groups(reverse=True):
        lefts, widths = geometry[level]
        bottom = baselines[level]
        sub_color = p.color(level, color)
        kws = _artist_kws(kwargs, fill, element, multiple, sub_color, alpha)
        if element == "bars":
            kws.pop("color", None)
            if vertical:
                artist = ax.bar(lefts, heights[level] - bottom, widths, bottom, align="edge", **kws)
            else:
                artist = ax.barh(lefts, heights[level] - bottom, widths, bottom, align="edge", **kws)
        else:
            if element == "step":
                xs = np.append(lefts, lefts[-1] + widths[-1])
                ys = np.append(heights[level], heights[level][-1])
                bs = np.append(bottom, bottom[-1])
            else:
                xs, ys, bs = lefts + widths / 2, heights[level], bottom
            if fill:
                # fill_between(step="post") (or fill_betweenx) as the polygon matplotlib makes of it
                fill_func = ax.fill_between if vertical else ax.fill_betweenx
                artist = fill_func(*(_post_steps(xs, bs, ys) if element == "step" else (xs, bs, ys)), **kws)
            else:
                steps = {"drawstyle": "steps-post" if vertical else "steps-pre"} if element == "step" else {}
                (artist,) = ax.plot(*((xs, ys) if vertical else (ys, xs)), **steps, **kws)
        handles[level] = artist
        if level in densities:
            support, density = densities[level]
            line_args = (support, density) if vertical else (density, support)
            (line,) = ax.plot(*line_args, **{**(line_kws or {}), "color": to_rgba(sub_color, 1)})
            _core.sticky(line, *((None, (0, np.inf)) if vertical else ((0, np.inf), None)))
    p.finish(ax, stat.capitalize(), handles, legend)
    return ax


def _post_steps(x, *ys):
    """The vertices of a "steps-post" line through (x, y) for each y, as matplotlib's pts_to_poststep
    draws fill_between(step="post") and drawstyle="steps-post"."""
    steps = np.zeros((1 + len(ys), 2 * len(x) - 1))
    steps[0, 0::2] = x
    steps[0, 1::2] = steps[0, 2::2]
    steps[1:, 0::2] = ys
    steps[1:, 1::2] = np.asarray(ys)[:, 0:-1]
    return tuple(steps)


def kdeplot(data=None, *, x=None, y=None, hue=None, weights=None, palette=None, hue_order=None, hue_norm=None,
            color=None, fill=None, multiple="layer", common_norm=True, common_grid=False, cumulative=False,
            bw_method="scott", bw_adjust=1, warn_singular=True, log_scale=None, levels=10, thresh=.05,
            gridsize=200, cut=3, clip=None, legend=True, cbar=False, cbar_ax=None, cbar_kws=None, ax=None,
            **kwargs):
    """A Gaussian kernel density estimate of x (or y), per hue level."""
    if "shade" in kwargs:
        fill = kwargs.pop("shade")
    levels = kwargs.pop("n_levels", levels)
    if x is not None and y is not None:
        return bivariate_kdeplot(data, x, y, hue, weights, palette, hue_order, hue_norm, color, fill, common_norm,
                                 cumulative, bw_method, bw_adjust, warn_singular, log_scale, levels, thresh,
                                 gridsize, cut, clip, legend, cbar, cbar_ax, cbar_kws, ax, kwargs)
    p = _DistributionPlot("kdeplot", data, x, y, hue, weights, palette, hue_order, hue_norm)
    ax = plt.gca() if ax is None else ax
    if not p.rows[p.var]:
        return ax
    p.attach(ax, log_scale)
    if fill is None:
        fill = multiple in ("stack", "fill")
    if hue is None:
        color = _core.default_color(ax, "patch" if fill else "line", color)
    if multiple not in ("layer", "stack", "fill"):
        raise ValueError(f"`multiple` must be one of ['layer', 'stack', 'fill'], not {multiple!r}")
    if p.hue is not None and multiple in ("stack", "fill"):
        common_grid = True
    estimate_kws = dict(bw_method=bw_method, bw_adjust=bw_adjust, gridsize=gridsize, cut=cut, clip=clip,
                        cumulative=cumulative)
    densities = p.densities(estimate_kws, common_norm, common_grid, warn_singular)
    curves, baselines = p.resolve_multiple({k: d for k, (_, d) in densities.items()}, multiple)
    if p.hue is None:
        multiple = "layer"
    alpha = kwargs.pop("alpha", (.25 if multiple == "layer" else .75) if fill else 1)
    vertical = p.var == "x"
    supports = [densities[k][0] for k in densities]
    sticky_support = (min(s.min() for s in supports), max(s.max() for s in supports)) \
        if multiple == "fill" and supports else []
    handles = {}
    for level, _, _ in p.groups(reverse=True):
        if level not in densities:
            continue
        support = densities[level][0]
        kws = _artist_kws(kwargs, fill, False, multiple, p.color(level, color), alpha)
        if fill:
            fill_func = ax.fill_between if vertical else ax.fill_betweenx
            artist = fill_func(support, baselines[level], curves[level], **kws)
        else:
            args = (support, curves[level]) if vertical else (curves[level], support)
            (artist,) = ax.plot(*args, **kws)
        handles[level] = artist
        along, across = sticky_support, (0, 1) if multiple == "fill" else (0, np.inf)
        _core.sticky(artist, *((along, across) if vertical else (across, along)))
    p.finish(ax, "Density", handles, legend)
    return ax


def ecdfplot(data=None, *, x=None, y=None, hue=None, weights=None, stat="proportion", complementary=False,
             palette=None, hue_order=None, hue_norm=None, log_scale=None, legend=True, ax=None, **kwargs):
    """Empirical cumulative distribution functions as step lines (seaborn's plot_univariate_ecdf)."""
    if stat not in ("count", "percent", "proportion"):
        raise ValueError(f"The value for `stat` must be one of ['count', 'percent', 'proportion'], but {stat!r} "
                         "was passed.")
    p = _DistributionPlot("ecdfplot", data, x, y, hue, weights, palette, hue_order, hue_norm)
    ax = plt.gca() if ax is None else ax
    p.attach(ax, log_scale)
    color = kwargs.pop("color", kwargs.pop("c", None))
    kwargs["color"] = None if hue is not None else _core.default_color(ax, "line", color)
    if not p.rows[p.var]:
        return ax
    kwargs["drawstyle"] = "steps-post" if p.var == "x" else "steps-pre"
    handles = {}
    for level, values, weights in p.groups(reverse=True):
        order = np.argsort(np.asarray(values, dtype=float))
        values = np.asarray(values, dtype=float)[order]
        heights = (np.ones(len(values)) if weights is None else np.asarray(weights, dtype=float)[order]).cumsum()
        if stat in ("percent", "proportion"):
            heights = heights / heights.max()
        if stat == "percent":
            heights = heights * 100
        values, heights = np.r_[-np.inf, values], np.r_[0, heights]
        if complementary:
            heights = heights.max() - heights
        values = p.inverse(values)
        if p.log_base is not None:
            values[0] = -np.inf
        kws = dict(kwargs)
        if level is not None:
            kws["color"] = p.hue(level)
        (artist,) = ax.plot(*((values, heights) if p.var == "x" else (heights, values)), **kws)
        top = len(values) - 1 if stat == "count" else 1
        _core.sticky(artist, *((None, (0, top)) if p.var == "x" else ((0, top), None)))
        handles[level] = artist
    p.finish(ax, stat.capitalize(), handles, legend)
    return ax


def _missing(name, need):
    def function(*args, **kwargs):
        raise NotImplementedError(f"seaborn.{name}() is not supported in this sandbox yet ({need})")
    function.__name__ = name
    return function


distplot = _missing("distplot", "deprecated in seaborn; use histplot")
