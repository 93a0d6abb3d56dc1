"""Bivariate histplot (x and y): a 2-D histogram drawn with pcolormesh in a sequential colormap made
from the colour (one per hue level), cells at or below the threshold left empty, as seaborn 0.13.2's
plot_bivariate_histogram draws it."""

from numbers import Number

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch

from . import _core, _husl
from ._statistics import HIST_STATS
from .palettes import color_palette


def bivariate_histplot(data, x, y, hue, weights, stat, bins, binwidth, binrange, discrete, cumulative, common_bins,
                       common_norm, thresh, pthresh, pmax, cbar, cbar_ax, cbar_kws, palette, hue_order, hue_norm,
                       color, log_scale, legend, ax, kwargs):
    """histplot(x=..., y=...): see the module docstring."""
    if stat not in HIST_STATS:
        raise ValueError(f"The value for `stat` must be one of {HIST_STATS}, but {stat!r} was passed.")
    plot_data = _core.PlotData(data, dict(x=x, y=y, hue=hue, weights=weights))
    rows = plot_data.dropna()
    ax = plt.gca() if ax is None else ax
    categorical = {var: _core.variable_type(rows[var]) == "categorical" for var in ("x", "y")}
    for var in ("x", "y"):
        if categorical[var]:
            rows = _to_categories(ax, rows, var, plot_data.categories.get(var))
        elif _core.variable_type(rows[var]) != "numeric":
            raise NotImplementedError("bivariate histplot() of date data is not supported in this sandbox")
    bases = _log_bases(log_scale)
    for var, base in bases.items():
        getattr(ax, f"set_{var}scale")("log", **({} if base == 10 else {"base": base}))
    for var in "xy":
        if var not in bases and getattr(ax, f"get_{var}scale")() == "log":
            bases[var] = 10  # seaborn bins in the axis' scale, also one set before (the sandbox's are base 10)
    for var, base in bases.items():
        rows = _to_logs(rows, var, base)
    hue_map = None
    if "hue" in rows:
        hue_map = _core.HueMap(rows["hue"], palette, hue_order or plot_data.categories.get("hue"), hue_norm)
    if not rows["x"]:
        return ax
    discrete = (categorical["x"], categorical["y"]) if discrete is None else discrete
    options = dict(bins=bins, binwidth=binwidth, binrange=binrange, discrete=discrete)
    groups = _groups(rows, hue_map)
    shared = None
    if hue_map is not None:
        if common_bins:
            shared = _bin_edges(rows["x"], rows["y"], rows.get("weights"), **options)
    else:
        common_norm = False
    # the colour limits come from the histogram of all the data, as seaborn's ungrouped iter_data()
    everything = (rows["x"], rows["y"], rows.get("weights"))
    full = [_histogram(*everything, shared or _bin_edges(*everything, **options), stat, cumulative)[0]]
    common_color_norm = hue_map is None or common_norm
    if pthresh is not None and common_color_norm:
        thresh = _quantile_to_level(full, pthresh)
    plot_kws = dict(kwargs)
    plot_kws.setdefault("vmin", 0)
    vmax = None
    if common_color_norm:
        vmax = _quantile_to_level(full, pmax) if pmax is not None else plot_kws.pop("vmax", max(map(np.max, full)))
    color = "C0" if color is None else color
    total = len(rows["x"])
    for level, gx, gy, gw in groups:
        heights, (x_edges, y_edges) = _histogram(gx, gy, gw, shared or _bin_edges(gx, gy, gw, **options), stat,
                                                 cumulative)
        if "x" in bases:
            x_edges = np.power(bases["x"], x_edges)
        if "y" in bases:
            y_edges = np.power(bases["y"], y_edges)
        if stat != "count" and common_norm:
            heights = heights * len(gx) / total
        artist_kws = dict(plot_kws)
        if level is not None:
            artist_kws["cmap"] = _cmap_from_color(hue_map(level))
        else:
            cmap = artist_kws.pop("cmap", None)
            artist_kws["cmap"] = color_palette(cmap, as_cmap=True) if isinstance(cmap, str) else \
                _cmap_from_color(color) if cmap is None else cmap
        if not common_color_norm and pmax is not None:
            vmax = _quantile_to_level(heights, pmax)
        if vmax is not None:
            artist_kws["vmax"] = vmax
        if not common_color_norm and pthresh:
            thresh = _quantile_to_level(heights, pthresh)
        if thresh is not None:
            heights = np.ma.masked_less_equal(heights, thresh)
        mesh = ax.pcolormesh(x_edges, y_edges, heights.T, **artist_kws)
        if cbar:
            ax.figure.colorbar(mesh, cbar_ax, ax, **(cbar_kws or {}))
    _core.add_axis_labels(ax, plot_data.names.get("x") or "", plot_data.names.get("y") or "")
    if hue_map is not None and legend:
        handles = [Patch(facecolor=hue_map(level), label=str(level)) for level in hue_map.levels]
        ax.legend(handles, [str(level) for level in hue_map.levels], title=_core.legend_title(plot_data.names))
    return ax


def _to_categories(ax, rows, var, order):
    """rows with var's values as their positions among the axis' categories (registered as matplotlib's
    category units do; a categorical y axis is inverted, as seaborn's _attach does)."""
    group = getattr(ax, f"{var}axis").group
    position = {level: group.category(str(level)) for level in _core.categorical_order(rows[var], order)}
    if var == "y":
        ax.yaxis.set_inverted(True)
    return {**rows, var: [position[v] for v in rows[var]]}


def _log_bases(log_scale):
    """{axis name: log base} of histplot's log_scale (True, a base, or an (x, y) pair of those)."""
    if log_scale is None or log_scale is False:
        return {}
    pair = log_scale if isinstance(log_scale, (tuple, list)) else (log_scale, log_scale)
    return {var: 10 if value is True else value for var, value in zip("xy", pair) if value}


def _to_logs(rows, var, base):
    """rows with var as its logarithms (matplotlib's LogTransform), rows of non-positive values dropped."""
    log = {10: np.log10, 2: np.log2, np.e: np.log}.get(base)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.asarray(rows[var], dtype=float)
        logs = log(values) if log is not None else np.log(values) / np.log(base)
    keep = np.isfinite(logs)
    result = {name: [v for v, k in zip(column, keep) if k] for name, column in rows.items()}
    result[var] = logs[keep].tolist()
    return result


def _groups(rows, hue_map):
    """(hue level or None, x, y, weights or None) per hue level present."""
    def pick(keep):
        weights = rows.get("weights")
        return ([rows["x"][i] for i in keep], [rows["y"][i] for i in keep],
                None if weights is None else [weights[i] for i in keep])

    if hue_map is None:
        return [(None, *pick(range(len(rows["x"]))))]
    groups = []
    for level in hue_map.levels:
        keep = [i for i, h in enumerate(rows["hue"]) if h == level]
        if keep:
            groups.append((level, *pick(keep)))
    return groups


def _bin_edges(x, y, weights, bins, binwidth, binrange, discrete):
    """The bin edges of each variable (seaborn's Histogram.define_bin_params for two variables)."""
    edges = []
    for i, values in enumerate((x, y)):
        var_bins = bins
        if bins and not isinstance(bins, (str, Number)):
            var_bins = bins[i] if isinstance(bins[i], str) or len(bins) == 2 else bins
        var_width = binwidth if binwidth is None or isinstance(binwidth, Number) else binwidth[i]
        var_range = binrange if binrange is None or isinstance(binrange[0], Number) else binrange[i]
        var_discrete = discrete if isinstance(discrete, bool) else discrete[i]
        values = np.asarray(values, dtype=float)
        start, stop = (values.min(), values.max()) if var_range is None else var_range
        if var_discrete:
            edge = np.arange(start - .5, stop + 1.5)
        elif var_width is not None:
            edge = np.arange(start, stop + var_width, var_width)
            if edge.max() < stop or len(edge) < 2:
                edge = np.append(edge, edge.max() + var_width)
        else:
            edge = np.histogram_bin_edges(values, var_bins, var_range,
                                          None if weights is None else np.asarray(weights, dtype=float))
        edges.append(edge)
    return tuple(edges)


def _histogram(x, y, weights, edges, stat, cumulative):
    """(heights, (x edges, y edges)) of seaborn's Histogram._eval_bivariate."""
    hist, *bin_edges = np.histogram2d(np.asarray(x, dtype=float), np.asarray(y, dtype=float), bins=edges,
                                      weights=None if weights is None else np.asarray(weights, dtype=float),
                                      density=stat == "density")
    area = np.outer(np.diff(bin_edges[0]), np.diff(bin_edges[1]))
    if stat in ("probability", "proportion"):
        hist = hist.astype(float) / hist.sum()
    elif stat == "percent":
        hist = hist.astype(float) / hist.sum() * 100
    elif stat == "frequency":
        hist = hist.astype(float) / area
    if cumulative:
        hist = (hist * area if stat in ("density", "frequency") else hist).cumsum(axis=0).cumsum(axis=1)
    return hist, bin_edges


def _quantile_to_level(data, quantile):
    """The value below which the given proportion of the mass lies (seaborn's _quantile_to_level)."""
    values = np.ravel(data)
    sorted_values = np.sort(values)[::-1]
    normalized = np.cumsum(sorted_values) / values.sum()
    return np.take(sorted_values, np.searchsorted(normalized, 1 - np.asarray(quantile)), mode="clip")


def _cmap_from_color(color):
    """seaborn's sequential colormap from a colour: its husl hue, lightness 80 down to 35."""
    r, g, b, _ = to_rgba(color)
    h, s, _ = _husl.rgb_to_husl(r, g, b)
    xx = np.linspace(-1, 1, int(1.15 * 256))[:256]
    ramp = np.zeros((256, 3))
    ramp[:, 0] = h
    ramp[:, 1] = s * np.cos(xx)
    ramp[:, 2] = np.linspace(35, 80, 256)
    colors = np.clip([_husl.husl_to_rgb(*hsl) for hsl in ramp], 0, 1)
    return mpl.colors.ListedColormap(colors[::-1])
