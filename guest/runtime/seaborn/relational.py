"""Relational plots (seaborn.relational): scatterplot and lineplot, drawn with Axes.scatter,
Axes.plot and Axes.fill_between as seaborn 0.13.2 draws them.  Legend entries are empty labelled
artists on the axes, as seaborn's legend proxies are."""

import itertools
import math

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize
from matplotlib.markers import MarkerStyle

from . import _core, _ticks
from ._statistics import EstimateAggregator

__all__ = ["scatterplot", "lineplot"]

_WIDE = ({"x": "@index", "y": "@values", "hue": "@columns", "style": "@columns"},
         {"x": "@index", "y": "@values"})
_BRIEF_TICKS = 6


class _RelationalPlot:
    """The data of one relational plot and its hue and size mappings."""

    def __init__(self, name, data, variables, palette, hue_order, hue_norm, sizes, size_order, size_norm,
                 size_range, style_order=None, dashes=None, markers=None):
        self.data = _core.PlotData(data, variables, wide=_WIDE)
        frame = self.data.frame
        if "style" in frame and self.data.input_format == "wide" and len(set(frame["style"])) <= 1:
            del frame["style"]  # one column: one style
        self.rows = self.data.dropna()
        self.hue = self.size = self.style = None
        if "hue" in frame:
            self.hue = _core.HueMap(self.rows["hue"], palette, hue_order or self.data.categories.get("hue"), hue_norm)
        if "size" in frame:
            self.size = _SizeMap(self.rows["size"], sizes, size_order, size_norm, size_range)
        if "style" in frame:
            self.style = _StyleMap(self.rows["style"], style_order or self.data.categories.get("style"), dashes,
                                   markers)

    def legend(self, legend, size_attr):
        """(title, [(label, properties)]) of the legend, as seaborn's add_legend_data builds it: entries of
        the hue levels (property "color"), then of the size levels (size_attr); levels of the same
        variable merged; with several variables, each introduced by an invisible entry of its name."""
        if not legend:
            return None, []
        if isinstance(legend, str) and legend not in ("auto", "brief", "full"):
            raise ValueError("`legend` must be 'auto', 'brief', 'full', or a boolean.")
        verbosity = "auto" if legend is True else legend
        semantics = [(var, m, attr) for var, m, attr in (("hue", self.hue, "color"), ("size", self.size, size_attr),
                                                        ("style", self.style, "dashes")) if m is not None]
        names = {var: self.data.names.get(var) for var, _, _ in semantics}
        titles = {n for n in names.values() if n is not None}
        title = "" if len(titles) != 1 else titles.pop()
        keys, props = [], {}
        for var, mapping, attr in semantics:
            brief = getattr(mapping, "kind", None) == "numeric" and (verbosity == "brief" or (verbosity == "auto"
                                                                             and len(mapping.levels) > _BRIEF_TICKS))
            levels, labels = _ticks.brief_levels(mapping.levels) if brief else (mapping.levels, mapping.levels)
            name = names[var]
            if not title and name is not None:
                keys.append((name, "title"))
                props[(name, "title")] = {"title": True}
            for level, label in zip(levels, labels):
                key = (name, label)
                if key not in props:
                    keys.append(key)
                    props[key] = {}
                if var == "style":
                    props[key].update(mapping.props(level))
                else:
                    props[key][attr] = mapping(level)
        return str(title), [(str(name if label == "title" and props[(name, label)].get("title") else label),
                             props[(name, label)]) for name, label in keys]


class _StyleMap:
    """Dash patterns and markers of a style variable's levels (seaborn's StyleMapping): seaborn's
    unique_dashes and unique_markers, or the list or dict given; "" is a solid line."""

    def __init__(self, values, order, dashes, markers=None):
        self.levels = _core.categorical_order(values, order)
        self.lookup = _attributes(dashes, self.levels, _unique_dashes, "dashes")
        self.markers = _attributes(markers, self.levels, _unique_markers, "markers")
        filled = [MarkerStyle(m).is_filled() for m in self.markers.values()]
        if any(filled) and not all(filled):
            raise ValueError("Filled and line art markers cannot be mixed")

    def __call__(self, level):
        return self.lookup.get(level)

    def marker(self, level):
        return self.markers.get(level)

    def props(self, level):
        """A level's legend properties: its dashes and marker, where mapped."""
        return {name: lookup[level] for name, lookup in (("dashes", self.lookup), ("marker", self.markers))
                if level in lookup}

    def line_style(self, level):
        """The plot() keywords of a level's dashes ("" or none: solid) and marker."""
        dashes = self(level)
        style = {"dashes": tuple(dashes)} if dashes else {"linestyle": "-"} if dashes is not None else {}
        if level in self.markers:
            style["marker"] = self.markers[level]
        return style


def _attributes(arg, levels, defaults, attr):
    """seaborn's StyleMapping._map_attributes: True gives the defaults, a dict or list is checked."""
    n = len(levels)
    if arg is True:
        return dict(zip(levels, defaults(n)))
    if isinstance(arg, dict):
        missing = set(levels) - set(arg)
        if missing:
            raise ValueError(f"These `{attr}` levels are missing values: {missing}")
        return dict(arg)
    if isinstance(arg, (list, tuple)):
        if len(arg) != n:
            raise ValueError(f"The `{attr}` argument has the wrong number of values: {len(arg)} != {n}")
        return dict(zip(levels, arg))
    if arg:
        raise ValueError(f"This `{attr}` argument was not understood: {arg!r}")
    return {}


def _unique_markers(n):
    """seaborn's unique_markers(n): distinct filled markers, then polygons and stars with more sides."""
    markers = ["o", "X", (4, 0, 45), "P", (4, 0, 0), (4, 1, 0), "^", (4, 1, 45), "v"]
    s = 5
    while len(markers) < n:
        a = 360 / (s + 1) / 2
        markers.extend([(s + 1, 1, a), (s + 1, 0, a), (s, 1, 0), (s, 0, 0)])
        s += 1
    return markers[:n]


def _unique_dashes(n):
    """seaborn's unique_dashes(n): solid, then dash patterns of growing complexity."""
    dashes = ["", (4, 1.5), (1, 1), (3, 1.25, 1.5, 1.25), (5, 1, 1, 1)]
    p = 3
    while len(dashes) < n:
        a = itertools.combinations_with_replacement([3, 1.25], p)
        b = itertools.combinations_with_replacement([4, 1], p)
        for segments in itertools.chain(*zip(list(a)[1:-1][::-1], list(b)[1:-1])):
            gap = min(segments)
            dashes.append(tuple(itertools.chain(*((seg, gap) for seg in segments))))
        p += 1
    return dashes[:n]


class _SizeMap:
    """Sizes of a size variable: numbers normalised into size_range, or categories spread over it
    (seaborn's SizeMapping)."""

    def __init__(self, values, sizes, order, norm, size_range):
        self.kind = "numeric" if _core.variable_type(values) == "numeric" and not isinstance(sizes, list) \
            else "categorical"
        self._scale = None
        if isinstance(sizes, dict):
            self.levels = _core.categorical_order(values, order) if self.kind == "categorical" else sorted(sizes)
            self.lookup = dict(sizes)
            return
        if self.kind == "categorical":
            self.levels = _core.categorical_order(values, order)
            if isinstance(sizes, list):
                self.lookup = dict(zip(self.levels, sizes))
                return
            lo, hi = size_range if sizes is None else sizes
            points = np.linspace(hi, lo, len(self.levels))
            self.lookup = dict(zip(self.levels, (float(v) for v in points)))
            return
        self.levels = sorted(set(v for v in values if not _core.is_missing(v)))
        lo, hi = size_range if sizes is None else sizes
        norm = Normalize() if norm is None else Normalize(*norm) if isinstance(norm, tuple) else norm
        norm.clip = True
        if not norm.scaled():
            norm(self.levels)
        self.lookup = {level: lo + scaled * (hi - lo) for level, scaled in zip(self.levels, norm(self.levels))}
        self._scale = lambda value: lo + norm(float(value)) * (hi - lo)

    def __call__(self, value):
        try:
            return self.lookup[value]
        except KeyError:
            if self.kind == "numeric":
                return self._scale(value)
            raise


def scatterplot(data=None, *, x=None, y=None, hue=None, size=None, style=None, palette=None, hue_order=None,
                hue_norm=None, sizes=None, size_order=None, size_norm=None, markers=True, style_order=None,
                legend="auto", ax=None, **kwargs):
    """Points at (x, y), coloured by hue and sized by size."""
    ms = mpl.rcParams["lines.markersize"]
    p = _RelationalPlot("scatterplot", data, dict(x=x, y=y, hue=hue, size=size, style=style), palette, hue_order,
                        hue_norm, sizes, size_order, size_norm, (.5 * ms ** 2, 2 * ms ** 2), style_order,
                        markers=markers)
    ax = plt.gca() if ax is None else ax
    if "x" not in p.rows and "y" not in p.rows:
        return ax
    kws = {_COLLECTION_ALIASES.get(k, k): v for k, v in kwargs.items()}  # matplotlib's normalize_kwargs
    color = kws.pop("color", kws.pop("c", None))
    if hue is not None:
        color = None
    elif color is None and "facecolor" in kws:
        # seaborn's scout scatter takes the given face colour (and leaves the colour cycle alone)
        color = mpl.colors.to_rgb(mpl.colors.to_rgba(kws["facecolor"]))
    else:
        color = _core.default_color(ax, "patch", color)
    rows = p.rows
    n = len(next(iter(rows.values())))
    if n == 0:
        return ax
    xs = rows.get("x", [np.nan] * n)
    ys = rows.get("y", [np.nan] * n)
    # a representative marker, as seaborn's (filled and line-art markers are not mixed)
    marker = kws.pop("marker", p.style.marker(p.style.levels[0]) if p.style is not None and p.style.markers
                     else "o")
    kws.setdefault("edgecolor", "w")
    colors = [p.hue(v) for v in rows["hue"]] if p.hue is not None else [color] * n
    point_sizes = [p.size(v) for v in rows["size"]] if p.size is not None else None
    user_size = kws.pop("s", None)
    if user_size is not None and point_sizes is None:
        point_sizes = user_size
    if "linewidth" not in kws and "linewidths" not in kws:
        size_values = point_sizes if point_sizes is not None else [ms ** 2]
        kws["linewidth"] = .08 * np.sqrt(np.percentile(np.atleast_1d(size_values), 10))
    points = ax.scatter(xs, ys, s=point_sizes, c=colors if p.hue is not None else None,
                        color=None if p.hue is not None else color, marker=marker, **kws)
    if p.style is not None and p.style.markers:
        points._set_markers([p.style.marker(v) for v in rows["style"]])  # seaborn's set_paths
    _core.add_axis_labels(ax, p.data.names.get("x") or "", p.data.names.get("y") or "")
    title, entries = p.legend(legend, "s")
    for label, props in entries:
        if props.get("title"):
            ax.plot([], [], label=label, color="w", linewidth=0, marker="")
            continue
        _scatter_proxy(ax, label, props.get("color", ".2"), props.get("s", user_size), props.get("marker", marker),
                       kws["edgecolor"])
    if entries:
        ax.legend(title=title)
    return ax


# matplotlib's aliases of a collection's properties
_COLLECTION_ALIASES = {"ec": "edgecolor", "edgecolors": "edgecolor", "fc": "facecolor", "facecolors": "facecolor",
                       "lw": "linewidth", "linewidths": "linewidth", "ls": "linestyle", "linestyles": "linestyle"}


def _scatter_proxy(ax, label, color, size, marker, edgecolor):
    """A legend entry for scatter points: an empty line with the marker, as seaborn's
    _scatter_legend_artist makes (seaborn adds it to the axes too)."""
    markersize = math.sqrt(mpl.rcParams["lines.markersize"] ** 2 if size is None else size)
    ax.plot([], [], label=label, linestyle="", marker=marker, markersize=markersize, color=color,
            markerfacecolor=color, markeredgecolor=edgecolor)


def lineplot(data=None, *, x=None, y=None, hue=None, size=None, style=None, units=None, weights=None,
             palette=None, hue_order=None, hue_norm=None, sizes=None, size_order=None, size_norm=None, dashes=True,
             markers=None, style_order=None, estimator="mean", errorbar=("ci", 95), n_boot=1000, seed=None,
             orient="x", sort=True, err_style="band", err_kws=None, legend="auto", ci="deprecated", ax=None,
             **kwargs):
    """Lines of y over x per hue/size level; repeated x values are aggregated (mean and a 95% bootstrap CI
    band by default)."""
    if weights is not None:
        raise NotImplementedError("lineplot(weights=...) is not supported in this sandbox")
    if err_style not in ("band", "bars", None):
        raise ValueError(f"`err_style` must be 'band' or 'bars', not {err_style!r}")
    if orient not in ("x", "y"):
        raise ValueError(f"`orient` must be either 'x' or 'y', not {orient!r}.")
    if ci != "deprecated":
        errorbar = None if ci is None else ("sd", 1) if ci == "sd" else ("ci", ci)
    lw = mpl.rcParams["lines.linewidth"]
    p = _RelationalPlot("lineplot", data, dict(x=x, y=y, hue=hue, size=size, style=style, units=units), palette,
                        hue_order, hue_norm, sizes, size_order, size_norm, (.5 * lw, 2 * lw), style_order, dashes,
                        markers)
    ax = plt.gca() if ax is None else ax
    if "x" not in p.rows or "y" not in p.rows or not p.rows["x"]:
        return ax
    kws = dict(kwargs)
    color = kws.pop("color", kws.pop("c", None))
    color = None if hue is not None else _core.default_color(ax, "line", color)
    kws.setdefault("markeredgewidth", kws.pop("mew", .75))
    kws.setdefault("markeredgecolor", "w")
    err_kws = {**({"alpha": .2} if err_style == "band" else {}), **(err_kws or {})}
    aggregator = EstimateAggregator(estimator, errorbar, n_boot=n_boot, seed=seed)
    other = {"x": "y", "y": "x"}[orient]
    # categorical values sort by their position on the axis: seaborn registers them there (in order of
    # appearance, after the axis' earlier categories) before plotting, as matplotlib's category units
    ranks = {}
    for var in (orient, other):
        if _core.variable_type(p.rows[var]) == "categorical":
            group = getattr(ax, f"{var}axis").group
            ranks[var] = {v: group.category(v) for v in _core.categorical_order(p.rows[var])}

    def rank(var, value):
        return ranks[var][value] if var in ranks else value

    for hue_level, size_level, style_level, rows in _line_groups(p):
        line_color = p.hue(hue_level) if hue_level is not None else color
        line_kws = {**kws, "color": line_color}
        if size_level is not None:
            line_kws["linewidth"] = p.size(size_level)
        if style_level is not None:
            line_kws.update(p.style.line_style(style_level))
        points = list(zip(rows[orient], rows[other]))
        if sort:
            points.sort(key=lambda pair: (rank(orient, pair[0]), rank(other, pair[1])))
        keys = [k for k, _ in points]
        if "units" in rows:
            if estimator is not None and len(set(keys)) < len(keys):
                raise ValueError("estimator must be None when specifying units")
            _unit_lines(ax, rows, orient, other, sort, rank, line_kws)
            continue
        if estimator is not None and len(set(keys)) < len(keys):
            grouped = {}
            for k, v in points:
                grouped.setdefault(k, []).append(v)
            along = sorted(grouped, key=lambda k: rank(orient, k)) if sort else list(grouped)
            stats = [aggregator(grouped[k]) for k in along]
            values = [s[0] for s in stats]
            low, high = [s[1] for s in stats], [s[2] for s in stats]
        else:
            along, values = keys, [v for _, v in points]
            low = high = [np.nan] * len(keys)
        xy = (along, values) if orient == "x" else (values, along)
        ax.plot(*xy, **line_kws)
        if estimator is not None and errorbar is not None and err_style == "band":
            band = ax.fill_between if orient == "x" else ax.fill_betweenx
            band(along, low, high, color=line_color, **err_kws)
        elif estimator is not None and errorbar is not None and err_style == "bars":
            deltas = ([v - lo for v, lo in zip(values, low)], [hi - v for v, hi in zip(values, high)])
            ax.errorbar(*xy, **{f"{other}err": deltas}, linestyle="", color=line_color, **err_kws)
    _core.add_axis_labels(ax, p.data.names.get("x") or "", p.data.names.get("y") or "")
    title, entries = p.legend(legend, "linewidth")
    for label, props in entries:
        if props.get("title"):
            ax.plot([], [], label=label, color="w", linewidth=0)
            continue
        ax.plot([], [], label=label, color=props.get("color", ".2"),
                **({"linewidth": props["linewidth"]} if "linewidth" in props else {}),
                **({"dashes": tuple(props["dashes"])} if props.get("dashes") else {}),
                **({"marker": props["marker"]} if "marker" in props else {}))
    if entries:
        ax.legend(title=title)
    return ax


def _unit_lines(ax, rows, orient, other, sort, rank, line_kws):
    """One line per sampling unit, without aggregation (lineplot(units=..., estimator=None)); rank gives
    a value's sort key (a category's position)."""
    order = sorted(range(len(rows[orient])),
                   key=lambda i: (rows["units"][i], rank(orient, rows[orient][i]), rank(other, rows[other][i]))) \
        if sort else range(len(rows[orient]))
    by_unit = {}
    for i in order:
        by_unit.setdefault(rows["units"][i], []).append(i)
    for unit in sorted(by_unit):
        idx = by_unit[unit]
        along, values = [rows[orient][i] for i in idx], [rows[other][i] for i in idx]
        ax.plot(*((along, values) if orient == "x" else (values, along)), **line_kws)


def _line_groups(p):
    """(hue level, size level, style level, rows) per combination present, in level order (seaborn's
    iter_data)."""
    rows = p.rows
    groups = []
    for h in p.hue.levels if p.hue is not None else [None]:
        for s in p.size.levels if p.size is not None else [None]:
            for st in p.style.levels if p.style is not None else [None]:
                keep = [i for i in range(len(rows["x"])) if (h is None or rows["hue"][i] == h)
                        and (s is None or rows["size"][i] == s) and (st is None or rows["style"][i] == st)]
                if keep:
                    groups.append((h, s, st, {v: [col[i] for i in keep] for v, col in rows.items()}))
    return groups

