"""Categorical plots (seaborn.categorical): barplot and countplot, drawn with Axes.bar/barh and
Axes.plot as seaborn 0.13.2 draws them.  Categories sit at 0, 1, 2... on the categorical axis with
their labels as ticks; hue levels split the 0.8 width ("dodge")."""

import colorsys
import math
import weakref

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from . import _core, _ticks
from ._statistics import EstimateAggregator

__all__ = ["barplot", "countplot", "boxplot", "violinplot", "stripplot", "swarmplot", "pointplot",
           "boxenplot"]

_WIDE = ({"x": "@columns", "y": "@values", "hue": "@columns"}, {"x": "@index", "y": "@values"})
# {axes: {axis name: the limits finish_axes set}}: limits matplotlib would autoscale away at a draw
_CATEGORY_LIMITS = weakref.WeakKeyDictionary()


class _CategoricalPlot:
    """The data of one categorical plot: orientation, category levels and the hue mapping."""

    def __init__(self, data, variables, order, orient, color, legend, wide=_WIDE, count_var=None):
        self.data = _core.PlotData(data, variables, wide=wide)
        frame, names = self.data.frame, self.data.names
        if count_var is not None and frame:
            frame[count_var] = [1] * len(next(iter(frame.values())))
        if self.data.input_format == "wide":
            if orient in ("h", "y"):
                frame["x"], frame["y"] = frame.pop("y", None), frame.pop("x", None)
                frame = self.data.frame = {k: v for k, v in frame.items() if v is not None}
            if color is not None:
                frame.pop("hue", None)
        self.orient = _core.infer_orient(frame.get("x"), frame.get("y"), orient, require_numeric=False)
        self.legend = legend
        self.value_var = {"x": "y", "y": "x"}[self.orient]
        if self.orient not in frame and frame:
            frame[self.orient] = [""] * len(next(iter(frame.values())))
            names[self.orient] = None
        self.levels = _core.categorical_order(frame.get(self.orient, []),
                                              order or self.data.categories.get(self.orient))
        self.redundant_hue = "hue" in frame and frame["hue"] == frame[self.orient]
        self.hue = None
        self.position = {}
        self.native, self.native_width = False, 1.0

    def attach(self, ax, formatter=None, native_scale=False):
        """Register the levels, as strings (or as formatter makes them), as categories of the categorical
        axis (seaborn converts them with matplotlib's category units); note each level's position there.
        With native_scale, numeric levels stay numbers on a numeric axis instead, and widths are in units
        of the smallest step between them (seaborn's _native_width)."""
        if native_scale and _core.variable_type(self.levels) == "numeric":
            self.native = True
            steps = np.diff(sorted(float(v) for v in self.levels))
            self.native_width = float(steps.min()) if len(steps) else 1.0
            self.position = {level: float(level) for level in self.levels}
            return
        group = getattr(ax, f"{self.orient}axis").group
        name = str if formatter is None else formatter
        self.position = {level: group.category(name(level)) for level in self.levels}

    @property
    def empty(self):
        return not self.data.frame or not next(iter(self.data.frame.values()))

    def dodge_needed(self):
        rows = self.data.dropna([self.orient, "hue"])
        if "hue" not in rows:
            return False
        return len(set(rows[self.orient])) != len(set(zip(rows[self.orient], rows["hue"])))

    def palette_without_hue(self, palette, hue_order):
        """seaborn 0.13's deprecated palette= without hue=: the categories become the hue, no legend."""
        if "hue" not in self.data.frame and palette is not None:
            self.legend = False
            self.data.frame["hue"] = list(self.data.frame[self.orient])
            self.data.names["hue"] = self.data.names.get(self.orient)
            return self.levels
        return hue_order

    def hue_palette(self, color, palette):
        """seaborn 0.13's deprecated color= with hue=: a "dark:<color>" gradient palette."""
        if "hue" in self.data.frame and palette is None and color is not None:
            palette = "dark:" + (color if isinstance(color, str) else mpl.colors.to_hex(color))
        return palette

    def map_hue(self, palette, order, norm, saturation):
        if "hue" in self.data.frame:
            self.hue = _core.HueMap(self.data.frame["hue"], palette, order or self.data.categories.get("hue"), norm,
                                    saturation, kind="categorical")

    def groups(self):
        """(hue level or None, rows) for each hue level in order (all rows without hue)."""
        rows = self.data.dropna()
        if self.hue is None:
            return [(None, rows)]
        result = []
        for level in self.hue.levels:
            keep = [i for i, h in enumerate(rows["hue"]) if h == level]
            result.append((level, {v: [col[i] for i in keep] for v, col in rows.items()}))
        return result

    def aggregate(self, rows, aggregator):
        """[(position, estimate, low, high)] per category present in rows, in category order."""
        by_level = {}
        for cat, value in zip(rows[self.orient], rows[self.value_var]):
            if cat in self.levels:
                by_level.setdefault(cat, []).append(value)
        return [(self.position[cat], *aggregator(values))
                for cat, values in sorted(by_level.items(), key=lambda kv: self.levels.index(kv[0]))]

    def dodge_offset(self, level, width):
        """(offset, width) of a hue level's bars within a category's width."""
        n = len(self.hue.levels)
        each = width / n
        return each * self.hue.levels.index(level) + each / 2 - width / 2, each

    def finish_axes(self, ax, value_label=None):
        """Axis labels, the limits around all the axis' categories (its ticks) and no grid along them."""
        names = self.data.names
        labels = {self.orient: names.get(self.orient), self.value_var: names.get(self.value_var)}
        if value_label is not None:
            labels[self.value_var] = value_label
        _core.add_axis_labels(ax, labels["x"] or "", labels["y"] or "")
        if self.native:
            return
        n = len(getattr(ax, f"{self.orient}axis").group.categories)
        if self.orient == "x":
            ax.xaxis.grid(False)
            ax.set_xlim(-.5, n - .5)
        else:
            ax.yaxis.grid(False)
            ax.set_ylim(n - .5, -.5)
        # seaborn sets them with auto=None: matplotlib still autoscales that axis when drawing
        _CATEGORY_LIMITS.setdefault(ax, {})[self.orient] = list(getattr(ax, f"{self.orient}axis").group.limits)

    def point_legend(self, ax, marker, size, edgecolor):
        """The hue legend of stripplot and swarmplot: a marker line per level added to the axes (seaborn's
        scatter legend artists), all levels or, for a numeric hue of more than 6, its brief ticks."""
        if self.hue is None or not self.show_legend():
            return
        levels, labels = self.hue.levels, [str(level) for level in self.hue.levels]
        if self.hue.kind == "numeric" and (self.legend == "brief" or (self.legend in ("auto", True)
                                                                      and len(levels) > 6)):
            levels, labels = _ticks.brief_levels(levels)
        for level, label in zip(levels, labels):
            entry = {"label": label, "linestyle": "", "marker": marker, "markersize": size,
                     "color": self.hue(level), "markerfacecolor": self.hue(level)}
            if edgecolor is not None:
                entry["markeredgecolor"] = edgecolor
            ax.plot([], [], **entry)
        ax.legend(title=_core.legend_title(self.data.names))

    def show_legend(self):
        if self.legend == "auto":
            return not self.redundant_hue and self.data.input_format != "wide"
        return bool(self.legend)


def _plot_bars(p, ax, aggregator, dodge, gap, width, fill, color, capsize, err_kws, kwargs):
    """Bars (and error bars) per hue level, as seaborn's _CategoricalPlotter.plot_bars."""
    if p.hue is None:
        dodge = False
    elif dodge and capsize is not None:
        capsize = capsize / len(p.hue.levels)
    if not fill:
        kwargs.setdefault("linewidth", 1.5 * mpl.rcParams["lines.linewidth"])
    err_kws = {"linewidth": 1.5 * mpl.rcParams["lines.linewidth"], **err_kws}
    legend = p.show_legend()
    for level, rows in p.groups():
        stats = p.aggregate(rows, aggregator)
        positions = [s[0] for s in stats]
        widths = [width] * len(stats)
        if dodge:
            offset, each = p.dodge_offset(level, width)
            positions = [pos + offset for pos in positions]
            widths = [each] * len(stats)
        if gap:
            widths = [w * (1 - gap) for w in widths]
        edges = [pos - w / 2 for pos, w in zip(positions, widths)]
        values = [s[1] for s in stats]
        main_color = p.hue(level) if level is not None else color
        kws = {"align": "edge"}
        if fill:
            kws.update(color=main_color)
        else:
            kws.update(facecolor="none", edgecolor=main_color)
        if fill and mpl.rcParams.get("patch.force_edgecolor"):
            kws["edgecolor"] = mpl.rcParams.get("patch.edgecolor", "black")
        if level is not None and legend:
            kws["label"] = str(level)
        kws.update(kwargs)
        if p.orient == "x":
            ax.bar(edges, values, width=widths, **kws)
        else:
            ax.barh(edges, values, height=widths, **kws)
        if aggregator.error_method is not None:
            line_kws = {"color": ".26" if fill else main_color, **err_kws}
            for pos, (_, _, low, high) in zip(positions, stats):
                _errorbar(ax, p.orient, pos, low, high, capsize, line_kws)
    if p.hue is not None and legend:
        ax.legend(title=_core.legend_title(p.data.names))


def _errorbar(ax, orient, pos, low, high, capsize, line_kws):
    """One error bar as a line (with caps: one path with NaN breaks), like seaborn's plot_errorbars."""
    along, across = [pos, pos], [low, high]
    if capsize:
        half = capsize / 2
        cap = [pos - half, pos + half]
        along = [*cap, math.nan, pos, pos, math.nan, *cap]
        across = [low, low, math.nan, low, high, math.nan, high, high]
    if orient == "x":
        ax.plot(along, across, **line_kws)
    else:
        ax.plot(across, along, **line_kws)


def _unsupported(name, **options):
    for key, value in options.items():
        if value:
            raise NotImplementedError(f"{name}({key}=...) is not supported in this sandbox")


def barplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, estimator="mean",
            errorbar=("ci", 95), n_boot=1000, seed=None, units=None, weights=None, orient=None, color=None,
            palette=None, saturation=.75, fill=True, hue_norm=None, width=.8, dodge="auto", gap=0,
            log_scale=None, native_scale=False, formatter=None, legend="auto", capsize=0, err_kws=None,
            ci="deprecated", errcolor="deprecated", errwidth="deprecated", ax=None, **kwargs):
    """Bars of an estimate (default: mean) per category, with bootstrap 95% CIs."""
    _unsupported("barplot", units=units is not None, weights=weights is not None, log_scale=log_scale)
    if ci != "deprecated":
        errorbar = None if ci is None else ("sd", 1) if ci == "sd" else ("ci", ci)
    if estimator is len:
        estimator = "size"
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient, color, legend)
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    p.attach(ax, formatter, native_scale)
    if dodge == "auto":
        dodge = p.dodge_needed()
    hue_order = p.palette_without_hue(palette, hue_order)
    palette = p.hue_palette(color, palette)
    saturation = saturation if fill else 1
    p.map_hue(palette, hue_order, hue_norm, saturation)
    color = None if hue is not None else _core.default_color(ax, "patch", color, saturation)
    err_kws = dict(err_kws or {})
    if errcolor != "deprecated":
        err_kws["color"] = errcolor
    if errwidth != "deprecated":
        err_kws["linewidth"] = errwidth
    aggregator = EstimateAggregator(estimator, errorbar, n_boot=n_boot, seed=seed)
    _plot_bars(p, ax, aggregator, dodge, gap, width * p.native_width, fill, color, capsize, err_kws, kwargs)
    p.finish_axes(ax)
    return ax


def countplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, orient=None, color=None,
              palette=None, saturation=.75, fill=True, hue_norm=None, stat="count", width=.8, dodge="auto",
              gap=0, log_scale=None, native_scale=False, formatter=None, legend="auto", ax=None, **kwargs):
    """Bars of the number of observations per category."""
    _unsupported("countplot", log_scale=log_scale, native_scale=native_scale)
    if x is None and y is None:
        raise NotImplementedError("countplot() of wide-form data is not supported in this sandbox; pass x= or y=")
    if x is not None and y is not None:
        raise TypeError("Cannot pass values for both `x` and `y`.")
    if stat not in ("count", "percent", "probability", "proportion"):
        raise ValueError(f"The value for `stat` must be one of ['count', 'percent', 'probability', "
                         f"'proportion'], but {stat!r} was passed.")
    orient = "y" if x is None else "x"
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient, color, legend,
                         count_var="y" if orient == "x" else "x")
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    p.attach(ax, formatter)
    total = len(p.data.frame[p.orient])
    share = 1.0 if stat == "count" else (100 if stat == "percent" else 1) / total
    p.data.frame[p.value_var] = [share] * total
    p.data.names[p.value_var] = stat
    if dodge == "auto":
        dodge = p.dodge_needed()
    hue_order = p.palette_without_hue(palette, hue_order)
    palette = p.hue_palette(color, palette)
    saturation = saturation if fill else 1
    p.map_hue(palette, hue_order, hue_norm, saturation)
    color = None if hue is not None else _core.default_color(ax, "patch", color, saturation)
    aggregator = EstimateAggregator("sum", None)
    _plot_bars(p, ax, aggregator, dodge, gap, width, fill, color, 0, {}, kwargs)
    p.finish_axes(ax)
    return ax


def pointplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, estimator="mean",
              errorbar=("ci", 95), n_boot=1000, seed=None, units=None, weights=None, color=None, palette=None,
              hue_norm=None, markers="default", linestyles="default", dodge=False, log_scale=None,
              native_scale=False, orient=None, capsize=0, formatter=None, legend="auto", err_kws=None,
              ci="deprecated", errwidth="deprecated", join="deprecated", scale="deprecated", ax=None, **kwargs):
    """Point estimates per category joined by lines, with error bars (seaborn's plot_points)."""
    _unsupported("pointplot", units=units is not None, weights=weights is not None, log_scale=log_scale,
                 join=join != "deprecated", scale=scale != "deprecated")
    if ci != "deprecated":
        errorbar = None if ci is None else ("sd", 1) if ci == "sd" else ("ci", ci)
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient,
                         "C0" if color is None and palette is None else color, legend)
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    p.attach(ax, formatter, native_scale)
    hue_order = p.palette_without_hue(palette, hue_order)
    palette = p.hue_palette(color, palette)
    p.map_hue(palette, hue_order, hue_norm, 1)
    color = None if hue is not None else _core.default_color(ax, "line", color)
    aggregator = EstimateAggregator(estimator, errorbar, n_boot=n_boot, seed=seed)
    err_kws = dict(err_kws or {})
    if errwidth != "deprecated":
        err_kws["linewidth"] = errwidth
    kws = dict(kwargs)
    kws.setdefault("linewidth", mpl.rcParams["lines.linewidth"] * 1.8)
    kws.setdefault("markersize", kws["linewidth"] * math.sqrt(2 * math.pi))
    kws.setdefault("markeredgewidth", kws.pop("mew", kws["linewidth"] * .75))
    levels = p.hue.levels if p.hue is not None else [None]
    markers = _per_hue(markers, "o", levels, kws.pop("marker", None))
    linestyles = _per_hue(linestyles, "-", levels, kws.pop("linestyle", None))
    if p.native:  # every level, at its value
        positions = sorted(p.position[level] for level in p.levels)
    else:
        rows = p.data.dropna()
        codes = [p.position[v] for v in rows.get(p.orient, []) if v in p.levels]
        positions = list(range(min(codes), max(codes) + 1)) if codes else []
    n_hue = len(p.hue.levels) if p.hue is not None else 0
    if dodge is True:
        dodge = .025 * n_hue
    legend_on = p.show_legend()
    for level, group in p.groups():
        stats = {pos: (est, low, high) for pos, est, low, high in p.aggregate(group, aggregator)}
        nan = (math.nan, math.nan, math.nan)
        values = [stats.get(pos, nan) for pos in positions]
        where = list(positions)
        if dodge and n_hue > 1:
            offset = -dodge / 2 + dodge / (n_hue - 1) * p.hue.levels.index(level)
            where = [pos + offset * p.native_width for pos in where]
        line_kws = {**kws, "marker": markers[level], "linestyle": linestyles[level],
                    "color": p.hue(level) if level is not None else color}
        estimates = [v[0] for v in values]
        ax.plot(*((where, estimates) if p.orient == "x" else (estimates, where)), **line_kws)
        if aggregator.error_method is not None:
            line_err = {"color": line_kws["color"], "linewidth": line_kws["linewidth"], **err_kws}
            for pos, (_, low, high) in zip(where, values):
                _errorbar(ax, p.orient, pos, low, high, capsize * p.native_width, line_err)
    if p.hue is not None and legend_on:
        for level in p.hue.levels:
            ax.plot([], [], label=str(level), color=p.hue(level), marker=markers[level],
                    linestyle=linestyles[level], linewidth=kws["linewidth"], markersize=kws["markersize"])
        ax.legend(title=_core.legend_title(p.data.names))
    p.finish_axes(ax)
    return ax


def _point_colors(p, ax, hue, hue_order, hue_norm, palette, color, edgecolor):
    """(colour, edge colour) of strip and swarm points, mapping p's hue first, as seaborn: no
    colour with a hue, else the next patch colour; an automatic edge is grey at 60% of the
    darkest point colour's lightness."""
    hue_order = p.palette_without_hue(palette, hue_order)
    palette = p.hue_palette(color, palette)
    if "hue" in p.data.frame:
        p.hue = _core.HueMap(p.data.frame["hue"], palette, hue_order or p.data.categories.get("hue"), hue_norm)
    color = None if hue is not None else _core.default_color(ax, "patch", color)
    if edgecolor in ("auto", "gray", None):
        basis = list(p.hue.lookup.values()) if p.hue is not None else [color]
        lum = min(colorsys.rgb_to_hls(*mpl.colors.to_rgb(c))[1] for c in basis) * .6
        edgecolor = (lum, lum, lum)
    return color, edgecolor


def stripplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, jitter=True, dodge=False,
              orient=None, color=None, palette=None, size=5, edgecolor="auto", linewidth=0, hue_norm=None,
              log_scale=None, native_scale=False, formatter=None, legend="auto", ax=None, **kwargs):
    """One scatter of the observations per category (and hue level with dodge), spread by a uniform
    jitter drawn from numpy's global generator as seaborn does (so unseeded runs differ, in both)."""
    _unsupported("stripplot", log_scale=log_scale)
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient, color, legend,
                         wide=(_WIDE[0], {"y": "@values"}))
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    p.attach(ax, formatter, native_scale)
    color, edgecolor = _point_colors(p, ax, hue, hue_order, hue_norm, palette, color, edgecolor)
    size = kwargs.pop("s", size)
    kws = {**kwargs, "s": size ** 2, "edgecolor": edgecolor, "linewidth": linewidth}
    n_hue = len(p.hue.levels) if p.hue is not None and p.hue.kind == "categorical" else 0
    offsets = {}
    if n_hue and dodge:
        full = .8 * p.native_width
        each = full / n_hue
        spread = [i * (full - each) / max(n_hue - 1, 1) for i in range(n_hue)]
        middle = sum(spread) / n_hue
        offsets = {level: value - middle for level, value in zip(p.hue.levels, spread)}
    jlim = 0.1 if jitter is True else float(jitter)
    if n_hue and dodge:
        jlim /= n_hue
    jlim *= p.native_width
    rows = p.data.dropna()
    groups = [(cat, None) for cat in p.levels] if not (dodge and n_hue) else \
        [(cat, level) for cat in p.levels for level in p.hue.levels]
    for cat, level in groups:
        keep = [i for i, v in enumerate(rows[p.orient])
                if v == cat and (level is None or rows["hue"][i] == level)]
        along = [p.position[cat] + offsets.get(rows["hue"][i], 0.0) if offsets else p.position[cat]
                 for i in keep]
        if len(keep) > 1:
            along = list(np.asarray(along) + np.random.uniform(low=-jlim, high=jlim, size=len(keep)))
        values = [rows[p.value_var][i] for i in keep]
        colors = [p.hue(rows["hue"][i]) for i in keep] if p.hue is not None else None
        xy = (along, values) if p.orient == "x" else (values, along)
        if colors is None:
            ax.scatter(*xy, color=color, **kws)
        elif keep:
            ax.scatter(*xy, c=colors, **kws)
        else:
            ax.scatter([], [], color=color, **kws)
    p.point_legend(ax, kws.get("marker", "o"), size, edgecolor)
    p.finish_axes(ax)
    return ax


def boxplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, orient=None, color=None,
            palette=None, saturation=.75, fill=True, dodge="auto", width=.8, gap=0, whis=1.5, linecolor="auto",
            linewidth=None, fliersize=None, hue_norm=None, native_scale=False, log_scale=None, formatter=None,
            legend="auto", ax=None, **kwargs):
    """Box-and-whisker plots per category (and hue level), drawn with Axes.boxplot from the same
    statistics seaborn gives Axes.bxp (quartiles, whiskers at whis x IQR, fliers)."""
    _unsupported("boxplot", log_scale=log_scale)
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient, color, legend,
                         wide=(_WIDE[0], {"y": "@values"}))
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    p.attach(ax, formatter, native_scale)
    if dodge == "auto":
        dodge = p.dodge_needed()
    hue_order = p.palette_without_hue(palette, hue_order)
    palette = p.hue_palette(color, palette)
    saturation = saturation if fill else 1
    p.map_hue(palette, hue_order, hue_norm, saturation)
    color = None if hue is not None else _core.default_color(ax, "patch", color, saturation)
    if linecolor in ("auto", "gray", None):
        basis = list(p.hue.lookup.values()) if p.hue is not None else [color]
        lum = min(colorsys.rgb_to_hls(*mpl.colors.to_rgb(c))[1] for c in basis) * .6
        linecolor = (lum, lum, lum)
    if not fill and linewidth is None:
        linewidth = mpl.rcParams["lines.linewidth"]
    props = {name: dict(kwargs.pop(f"{name}props", None) or {}) for name in ("box", "median", "whisker", "flier",
                                                                              "cap")}
    if fliersize is not None:
        props["flier"].setdefault("markersize", fliersize)
    # As seaborn: notch= is bxp's shownotches=, bootstrap= goes to the statistics (the notches' interval).
    bootstrap = kwargs.pop("bootstrap", mpl.rcParams["boxplot.bootstrap"])
    kwargs.setdefault("shownotches", kwargs.pop("notch", False))
    if p.hue is None:
        dodge = False
    legend_on = p.show_legend()
    handles = {}
    for level, rows in p.groups():
        by_cat = {}
        for cat, value in zip(rows[p.orient], rows[p.value_var]):
            if cat in p.levels:
                by_cat.setdefault(p.position[cat], []).append(value)
        if not by_cat:
            continue
        positions = sorted(by_cat)
        widths = [width * p.native_width] * len(positions)
        if dodge:
            offset, each = p.dodge_offset(level, width * p.native_width)
            positions, widths = [pos + offset for pos in positions], [each] * len(positions)
        if gap:
            widths = [w * (1 - gap) for w in widths]
        main = p.hue(level) if level is not None else color
        if fill:
            styles = {"box": {"facecolor": main, "edgecolor": linecolor}, "median": {"color": linecolor},
                      "whisker": {"color": linecolor}, "flier": {"markeredgecolor": linecolor},
                      "cap": {"color": linecolor}}
        else:
            styles = {"box": {"color": main}, "median": {"color": main}, "whisker": {"color": main},
                      "flier": {"markeredgecolor": main}, "cap": {"color": main}}
        for name in styles:
            styles[name].update(props[name])
            if linewidth is not None and name != "flier":
                styles[name].setdefault("linewidth", linewidth)
        stats = _box_stats(ax, p.orient, [np.asarray(by_cat[c], dtype=float) for c in sorted(by_cat)], whis,
                           bootstrap)
        artists = ax.bxp(stats, positions=positions, widths=widths, patch_artist=fill, vert=p.orient == "x",
                         manage_ticks=False, capwidths=[.5 * w for w in widths], boxprops=styles["box"],
                         medianprops=styles["median"], whiskerprops=styles["whisker"],
                         flierprops=styles["flier"], capprops=styles["cap"], **kwargs)
        if level is not None and artists["boxes"]:
            handles[level] = artists["boxes"][0]
    if p.hue is not None and legend_on and handles:
        levels = [level for level in p.hue.levels if level in handles]
        ax.legend([handles[level] for level in levels], [str(level) for level in levels],
                  title=_core.legend_title(p.data.names))
    p.finish_axes(ax)
    return ax


def _box_stats(ax, orient, groups, whis, bootstrap):
    """matplotlib's box statistics of each group, computed as seaborn does on the value axis'
    scale: on a log axis from the values' logarithms, then transformed back."""
    scale = (ax.get_xscale if orient == "y" else ax.get_yscale)()
    if scale == "linear":
        return mpl.cbook.boxplot_stats(groups, whis=whis, bootstrap=bootstrap)
    if scale != "log":
        raise NotImplementedError(f"boxplot on a {scale!r} value axis")
    # this sandbox's log axes are base 10
    stats = mpl.cbook.boxplot_stats([np.log10(g) for g in groups], whis=whis, bootstrap=bootstrap)
    for stat in stats:
        for key in ("mean", "med", "q1", "q3", "cilo", "cihi", "whislo", "whishi"):
            stat[key] = 10 ** stat[key]
        stat["fliers"] = 10 ** np.asarray(stat["fliers"])
    return stats


def _per_hue(values, default, levels, override):
    """{hue level: marker or linestyle}: one for all, or one per level (seaborn's _map_prop_with_hue)."""
    if values == "default":
        values = default if override is None else override
    if isinstance(values, str):
        return {level: values for level in levels}
    values = list(values)
    if len(values) < len(levels):
        raise ValueError(f"The list has fewer values ({len(values)}) than needed ({len(levels)})")
    return dict(zip(levels, values))


from ._swarm import swarmplot  # noqa: E402  (these build on _CategoricalPlot above)
from ._violin import violinplot  # noqa: E402
from ._boxen import boxenplot  # noqa: E402
