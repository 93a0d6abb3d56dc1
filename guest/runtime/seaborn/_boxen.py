"""boxenplot: letter-value boxes (nested boxes at the 1/4, 1/8, 1/16... tail quantiles), the median line
and the outliers per category and hue level, as seaborn 0.13.2's plot_boxens computes them.

seaborn adds each violin's boxes as one PatchCollection; the sandbox's matplotlib has none, so the same
rectangles (same corners, colours and edge width) are added as patches."""

import warnings
from statistics import NormalDist

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from . import _core
from ._violin import _complement_color
from .categorical import _WIDE, _CategoricalPlot, _unsupported
from .palettes import light_palette

_DEPRECATED = object()


def boxenplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, orient=None, color=None,
              palette=None, saturation=.75, fill=True, dodge="auto", width=.8, gap=0, linewidth=None,
              linecolor=None, width_method="exponential", k_depth="tukey", outlier_prop=0.007, trust_alpha=0.05,
              showfliers=True, hue_norm=None, log_scale=None, native_scale=False, formatter=None, legend="auto",
              scale=_DEPRECATED, box_kws=None, flier_kws=None, line_kws=None, ax=None, **kwargs):
    """Letter-value plots of each category's values (seaborn's boxenplot)."""
    _unsupported("boxenplot", log_scale=log_scale)
    if isinstance(k_depth, str) and k_depth not in ("tukey", "proportion", "trustworthy", "full"):
        raise ValueError(f"The value for `k_depth` must be one of ['tukey', 'proportion', 'trustworthy', 'full'], "
                         f"but {k_depth!r} was passed.")
    if not isinstance(k_depth, (str, int)):
        raise TypeError("The `k_depth` parameter must be either an integer or string (one of ['tukey', "
                        f"'proportion', 'trustworthy', 'full']), not {k_depth!r}.")
    p = _CategoricalPlot(data, dict(x=x, y=y, hue=hue), order, orient, color, legend,
                         wide=(_WIDE[0], {"y": "@values"}))
    ax = plt.gca() if ax is None else ax
    if p.empty:
        return ax
    if dodge == "auto":
        dodge = p.dodge_needed()
    p.attach(ax, formatter, native_scale)
    hue_order = p.palette_without_hue(palette, hue_order)
    palette = p.hue_palette(color, palette)
    if scale is not _DEPRECATED:
        warnings.warn(f"\n\nThe `scale` parameter has been renamed to `width_method` and will be removed in v0.15. "
                      f"Pass `width_method={scale!r}" + (", but note that the result for 'area' will appear "
                                                         "different." if scale == "area" else " for the same effect."),
                      FutureWarning, stacklevel=2)
        width_method = scale
    if width_method not in ("exponential", "linear", "area"):
        raise ValueError(f"The value for `width_method` must be one of ['exponential', 'linear', 'area'], but "
                         f"{width_method!r} was passed.")
    saturation = saturation if fill else 1
    p.map_hue(palette, hue_order, hue_norm, saturation)
    color = None if hue is not None else _core.default_color(ax, "patch", color, saturation)
    linecolor = _complement_color(linecolor, color, p.hue)
    if linewidth is None:
        linewidth = (.5 if fill else 1) * mpl.rcParams["lines.linewidth"]
    box_kws = kwargs if box_kws is None else {**kwargs, **box_kws}
    rows = p.data.dropna()
    for cat in p.levels:
        for level in (p.hue.levels if p.hue is not None else [None]):
            keep = [i for i, v in enumerate(rows[p.orient]) if v == cat and (level is None or rows["hue"][i] == level)]
            if not keep:
                continue
            values = np.asarray([rows[p.value_var][i] for i in keep], dtype=float)
            center, each = p.position[cat], width * p.native_width
            if dodge and p.hue is not None:
                offset, each = p.dodge_offset(level, width * p.native_width)
                center += offset
            if gap:
                each *= 1 - gap
            main = p.hue(level) if level is not None else color
            _boxen(ax, p.orient, values, center, each, main, fill, linecolor, linewidth, width_method,
                   _letter_values(values, k_depth, outlier_prop, trust_alpha), showfliers, box_kws,
                   dict(flier_kws or {}), dict(line_kws or {}))
    if p.hue is not None and p.show_legend():
        handles = []
        for level in p.hue.levels:
            kws = {**box_kws, "linewidth": linewidth, "label": str(level)}
            if fill:
                kws.update(facecolor=p.hue(level), edgecolor=linecolor)
            else:
                kws.update(facecolor="none", edgecolor=p.hue(level))
            handles.append(Rectangle((0, 0), 0, 0, **kws))
        ax.legend(handles, [h.get_label() for h in handles], title=_core.legend_title(p.data.names))
    p.finish_axes(ax)
    return ax


def _letter_values(x, k_depth, outlier_prop, trust_alpha):
    """seaborn's LetterValues: the box depth k, levels, percentile values, fliers and median of x."""
    n = len(x)
    if k_depth == "full":
        k = int(np.log2(n)) + 1
    elif k_depth == "tukey":
        k = int(np.log2(n)) - 3
    elif k_depth == "proportion":
        k = int(np.log2(n)) - int(np.log2(n * outlier_prop)) + 1
    elif k_depth == "trustworthy":
        point_conf = 2 * NormalDist().inv_cdf(1 - trust_alpha / 2) ** 2
        k = int(np.log2(n / point_conf)) + 1
    else:
        k = int(k_depth)
    k = max(k, 1)
    exp = np.arange(k + 1, 1, -1), np.arange(2, k + 2)
    levels = k + 1 - np.concatenate([exp[0], exp[1][1:]])
    percentiles = 100 * np.concatenate([0.5 ** exp[0], 1 - 0.5 ** exp[1]])
    if k_depth == "full":
        percentiles[0], percentiles[-1] = 0, 100
    values = np.percentile(x, percentiles)
    fliers = x[(x < values.min()) | (x > values.max())]
    return {"k": k, "levels": levels, "values": values, "fliers": fliers, "median": np.percentile(x, 50)}


def _boxen(ax, orient, values, center, width, main, fill, linecolor, linewidth, width_method, lv, showfliers,
           box_kws, flier_kws, line_kws):
    """One category's (and hue level's) boxes, median line and fliers."""
    vals, levels, k = lv["values"], lv["levels"], lv["k"]
    exponent = (levels - 1 - k).astype(float)
    if width_method == "linear":
        rel_widths = levels + 1
    elif width_method == "exponential":
        rel_widths = 2 ** exponent
    else:
        rel_widths = 2 ** (exponent - (levels < (k - 1))) / np.diff(vals)
    widths = rel_widths / rel_widths.max() * width
    starts, heights = center - widths / 2, vals[1:] - vals[:-1]
    if fill:
        box_colors = light_palette(main, as_cmap=True)(2 ** ((exponent + 2) / 3))
    value_axis = "y" if orient == "x" else "x"
    for i in range(k * 2 - 1):
        if not (np.isfinite(starts[i]) and np.isfinite(widths[i])):
            continue  # a zero-height box of width_method="area": matplotlib draws nothing of it
        xy, size = ((starts[i], vals[i]), (widths[i], heights[i])) if orient == "x" else \
            ((vals[i], starts[i]), (heights[i], widths[i]))
        style = {"facecolor": tuple(box_colors[i]), "edgecolor": linecolor} if fill else \
            {"facecolor": "none", "edgecolor": main}
        box = ax.add_patch(Rectangle(xy, *size, **{**style, "linewidth": linewidth, **box_kws}))
        box._autoscale = (value_axis,)  # seaborn adds the boxes' values to the data limits
    half = width / 2
    ends, med = [center - half, center + half], [lv["median"]] * 2
    ax.plot(*((ends, med) if orient == "x" else (med, ends)),
            **{"color": linecolor if fill else main, "solid_capstyle": "butt", "linewidth": 1.25 * linewidth,
               **line_kws})
    if showfliers:
        at = np.full(len(lv["fliers"]), center)
        xy = (at, lv["fliers"]) if orient == "x" else (lv["fliers"], at)
        ax.scatter(*xy, **{"facecolor": "none", "edgecolor": ".45" if fill else main, "s": 25, **flier_kws})
