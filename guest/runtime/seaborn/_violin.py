"""violinplot: a Gaussian KDE of each category's (and hue level's) values drawn as a filled violin, with
the inner box, sticks or points, as seaborn 0.13.2's _CategoricalPlotter.plot_violins draws them."""

import colorsys
import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.cbook import boxplot_stats
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from . import _core
from ._statistics import KDE
from .categorical import _WIDE, _CategoricalPlot, _unsupported

_DEPRECATED = object()


def violinplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, orient=None, color=None,
               palette=None, saturation=.75, fill=True, inner="box", split=False, width=.8, dodge="auto", gap=0,
               linewidth=None, linecolor="auto", cut=2, gridsize=100, bw_method="scott", bw_adjust=1,
               density_norm="area", common_norm=False, hue_norm=None, formatter=None, log_scale=None,
               native_scale=False, legend="auto", scale=_DEPRECATED, scale_hue=_DEPRECATED, bw=_DEPRECATED,
               inner_kws=None, ax=None, **kwargs):
    """Violins of each category's values (seaborn's violinplot)."""
    _unsupported("violinplot", log_scale=log_scale)
    if inner not in ("box", "quart", "stick", "point", None) and not (
            isinstance(inner, str) and inner.startswith(("box", "quart", "stick", "point"))):
        raise ValueError(f"The value for `inner` must be one of ['box', 'quart', 'stick', 'point', None], "
                         f"but {inner!r} was passed.")
    if density_norm not in ("area", "count", "width") and scale is _DEPRECATED:
        raise ValueError(f"The value for `density_norm` must be one of ['area', 'count', 'width'], but "
                         f"{density_norm!r} was passed.")
    if split and inner is not None and inner.startswith("box"):
        raise NotImplementedError("violinplot(split=True, inner='box') is not supported in this sandbox: the "
                                  "inner box is shifted by a ScaledTranslation transform")
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
    saturation = saturation if fill else 1
    p.map_hue(palette, hue_order, hue_norm, saturation)
    if hue is None:
        given = next((kwargs[k] for k in ("facecolor", "fc", "color", "c") if k in kwargs), None)
        color = _core.default_color(ax, "patch", color if color is not None else given,
                                    saturation if color is not None else 1)
    else:
        color = None
    linecolor = _complement_color(linecolor, color, p.hue)
    if scale is not _DEPRECATED:
        warnings.warn(f"\n\nThe `scale` parameter has been renamed and will be removed in v0.15.0. Pass "
                      f"`density_norm={scale!r}` for the same effect.", FutureWarning, stacklevel=2)
        density_norm = scale
    if scale_hue is not _DEPRECATED:
        warnings.warn(f"\n\nThe `scale_hue` parameter has been replaced and will be removed in v0.15.0. Pass "
                      f"`common_norm={not scale_hue}` for the same effect.", FutureWarning, stacklevel=2)
        common_norm = scale_hue
    if bw is not _DEPRECATED:
        warnings.warn(f"\n\nThe `bw` parameter is deprecated in favor of `bw_method`/`bw_adjust`.\nSetting "
                      f"`bw_method={bw!r}`, but please see docs for the new parameters\nand update your code. "
                      "This will become an error in seaborn v0.15.0.\n", FutureWarning, stacklevel=2)
        bw_method = bw
    kde = KDE(bw_method=bw_method, bw_adjust=bw_adjust, gridsize=gridsize, cut=cut)
    _plot_violins(p, ax, kde, width * p.native_width, dodge, gap, split, color, fill, linecolor, linewidth, inner,
                  density_norm, common_norm, dict(inner_kws or {}), kwargs)
    p.finish_axes(ax)
    return ax


def _complement_color(linecolor, base, hue):
    """seaborn's _complement_color: "auto" is a gray of 60% of the darkest fill's lightness."""
    if linecolor == "gray":
        warnings.warn('Use "auto" to set automatic grayscale colors. From v0.14.0, "gray" will default to '
                      "matplotlib's definition.", FutureWarning, stacklevel=3)
        linecolor = "auto"
    elif linecolor is None:
        linecolor = "auto"
    if linecolor != "auto":
        return linecolor
    if hue is None:
        if base is None:
            return None
        basis = [mpl.colors.to_rgb(base)]
    else:
        basis = [mpl.colors.to_rgb(c) for c in hue.lookup.values()]
    lum = min(colorsys.rgb_to_hls(*rgb)[1] for rgb in basis) * .6
    return (lum, lum, lum)


def _density(kde, values):
    """(support, density) of one violin's values; empty arrays when the KDE is singular (fewer than two
    values or no variance, where scipy's gaussian_kde fails)."""
    if len(values) < 2 or not np.var(values) > 0:
        return np.array([]), np.array([])
    density, support = kde(values)
    return support, density


def _plot_violins(p, ax, kde, width, dodge, gap, split, color, fill, linecolor, linewidth, inner, density_norm,
                  common_norm, inner_kws, plot_kws):
    value_var = p.value_var
    if linewidth is None:
        linewidth = 1.25 * mpl.rcParams["patch.linewidth"] if fill else mpl.rcParams["lines.linewidth"]
    if inner is not None and inner.startswith("box"):
        box_width = inner_kws.pop("box_width", linewidth * 4.5)
        whis_width = inner_kws.pop("whis_width", box_width / 3)
        marker = inner_kws.pop("marker", "_" if p.orient == "x" else "|")
    rows = p.data.dropna()
    levels = p.hue.levels if p.hue is not None else [None]
    violins = []
    for cat in p.levels:
        for level in levels:
            keep = [i for i, v in enumerate(rows[p.orient])
                    if v == cat and (level is None or rows["hue"][i] == level)]
            if not keep:
                continue
            obs = np.asarray([rows[value_var][i] for i in keep], dtype=float)
            support, density = _density(kde, obs)
            main = p.hue(level) if level is not None else color
            if not fill:
                linecolor, main = main, "none"
            violins.append({"position": p.position[cat], "level": level, "observations": obs, "support": support,
                            "density": density,
                            "kwargs": {"facecolor": main, "edgecolor": linecolor, "linewidth": linewidth,
                                       **plot_kws}})
    peak = [v["density"].max() if len(v["density"]) else np.nan for v in violins]
    counts = [len(v["observations"]) for v in violins]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        if common_norm:
            max_density = {v["level"]: np.nanmax(peak) for v in violins}
            max_count = {v["level"]: max(counts) for v in violins}
        else:
            max_density = {v["level"]: np.nanmax([d for d, w in zip(peak, violins) if w["level"] == v["level"]])
                           for v in violins}
            max_count = {v["level"]: max(c for c, w in zip(counts, violins) if w["level"] == v["level"])
                         for v in violins}
    for violin, peak_density in zip(violins, peak):
        pos, each = violin["position"], width
        if dodge and p.hue is not None:
            offset, each = p.dodge_offset(violin["level"], width)
            pos += offset
        if gap:
            each *= 1 - gap
        hw = each / 2
        density = violin["density"]
        if np.isnan(peak_density):
            span = 1
        elif density_norm == "area":
            span = density / max_density[violin["level"]]
        elif density_norm == "count":
            span = density / peak_density * (len(violin["observations"]) / max_count[violin["level"]])
        else:
            span = density / peak_density
        span = span * hw * (2 if split else 1)
        right_side = 0 if p.hue is None else p.hue.levels.index(violin["level"]) % 2
        if split:
            offsets = (hw, span - hw) if right_side else (span - hw, hw)
        else:
            offsets = span, span
        line_color = violin["kwargs"]["edgecolor"]
        obs = violin["observations"]
        if np.isnan(peak_density):
            ends, value = [pos - offsets[0], pos + offsets[1]], [obs.mean()] * 2
            ax.plot(*((ends, value) if p.orient == "x" else (value, ends)), color=line_color, linewidth=linewidth)
            continue
        support = violin["support"]
        low_edge, high_edge = pos - offsets[0] + 0 * support, pos + offsets[1] + 0 * support
        body = ax.fill_betweenx if p.orient == "x" else ax.fill_between
        body(support, low_edge, high_edge, **violin["kwargs"])
        if inner is None:
            continue
        if inner.startswith("point"):
            at = np.full(len(obs), pos, dtype=float)
            if split:
                at += (-1 if right_side else 1) * each / 2
            kws = {"color": line_color, "edgecolor": line_color, "s": (linewidth * 2) ** 2,
                   "zorder": violin["kwargs"].get("zorder", 2) + 1, **inner_kws}
            ax.scatter(*((at, obs) if p.orient == "x" else (obs, at)), **kws)
        elif inner.startswith("quart"):
            stats = np.percentile(obs, [25, 50, 75])
            lo, hi = np.interp(stats, support, low_edge), np.interp(stats, support, high_edge)
            for value, a, b, dashes in zip(stats.tolist(), lo.tolist(), hi.tolist(),
                                           [(1.25, .75), (2.5, 1), (1.25, .75)]):
                ends, values = [a, b], [value, value]
                ax.plot(*((ends, values) if p.orient == "x" else (values, ends)),
                        **{"color": line_color, "linewidth": linewidth, "dashes": dashes, **inner_kws})
        elif inner.startswith("stick"):
            lo, hi = np.interp(obs, support, low_edge), np.interp(obs, support, high_edge)
            segments = [[(a, v), (b, v)] if p.orient == "x" else [(v, a), (v, b)]
                        for a, b, v in zip(lo.tolist(), hi.tolist(), obs.tolist())]
            ax.add_collection(LineCollection(segments, **{"color": line_color, "linewidth": linewidth / 2,
                                                          **inner_kws}), autolim=False)
        else:
            stats = boxplot_stats(obs)[0]
            where = [[pos, pos], [pos, pos], [pos]]
            values = [[stats["whislo"], stats["whishi"]], [stats["q1"], stats["q3"]], [stats["med"]]]
            xs, ys = (where, values) if p.orient == "x" else (values, where)
            line_kws = {"color": line_color, **inner_kws, "linewidth": whis_width}
            ax.plot(xs[0], ys[0], **line_kws)
            line_kws["linewidth"] = box_width
            ax.plot(xs[1], ys[1], **line_kws)
            ax.plot(xs[2], ys[2], **{"marker": marker, "markersize": box_width / 1.2,
                                     "markeredgewidth": box_width / 5, **inner_kws, "markeredgecolor": "w",
                                     "markerfacecolor": "w", "color": line_color})
    if p.hue is not None and p.show_legend():
        handles = []
        for level in p.hue.levels:
            kws = {"linewidth": linewidth, "label": str(level), **{k: v for k, v in plot_kws.items() if k != "label"}}
            if fill:
                kws.update(facecolor=p.hue(level), edgecolor=linecolor)
            else:
                kws.update(facecolor="none", edgecolor=p.hue(level))
            handles.append(Rectangle((0, 0), 0, 0, **kws))
        ax.legend(handles, [h.get_label() for h in handles], title=_core.legend_title(p.data.names))
