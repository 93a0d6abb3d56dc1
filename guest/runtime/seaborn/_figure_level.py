"""The figure-level functions relplot, displot, catplot and lmplot (seaborn 0.13.2): a FacetGrid of the
row/col levels, the hue (and size) mapping taken from the whole data, and the axes-level function
(scatterplot, histplot, barplot, regplot...) drawing each facet's subset with that mapping; the legend
is the grid's."""

import math
import warnings

import matplotlib as mpl
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import _core, _state, categorical, distributions, regression, relational
from ._statistics import bin_params
from .axisgrid import FacetGrid, column, take

__all__ = ["relplot", "displot", "catplot", "lmplot"]


def _no_ax(name, kwargs):
    if "ax" in kwargs:
        warnings.warn(f"{name} is a figure-level function and does not accept the ax= parameter.", UserWarning,
                      stacklevel=3)
        kwargs.pop("ax")


def _grid_table(data, variables, wide=None):
    """(table, names, categories) of the plot: the variables' values as columns "_x", "_y", "_hue"...
    and the row/col variables under their own names ("_row_"/"_col_" without one), as seaborn renames
    its plot data before handing it to the FacetGrid."""
    plot = _core.PlotData(data, variables, wide=wide)
    if plot.input_format == "wide" and (variables.get("row") is not None or variables.get("col") is not None):
        raise NotImplementedError("faceting wide-form data by row/col is not supported in this sandbox")
    names = dict(plot.names)
    for var in ("row", "col"):
        if var in plot.frame and names.get(var) is None:
            names[var] = f"_{var}_"
    table = {(names[var] if var in ("row", "col") else f"_{var}"): values for var, values in plot.frame.items()}
    return table, names, plot


def _facet_orders(plot, row_order, col_order):
    return (row_order or plot.categories.get("row"), col_order or plot.categories.get("col"))


def _grid(table, names, plot, row_order, col_order, **kws):
    row_order, col_order = _facet_orders(plot, row_order, col_order)
    return FacetGrid(table, row=names.get("row") if "row" in plot.frame else None,
                     col=names.get("col") if "col" in plot.frame else None, row_order=row_order,
                     col_order=col_order, **kws)


def _plot_vars(plot, variables):
    return {var: f"_{var}" for var in variables if var in plot.frame}


# relplot


def relplot(data=None, *, x=None, y=None, hue=None, size=None, style=None, units=None, weights=None, row=None,
            col=None, col_wrap=None, row_order=None, col_order=None, palette=None, hue_order=None, hue_norm=None,
            sizes=None, size_order=None, size_norm=None, markers=None, dashes=None, style_order=None,
            legend="auto", kind="scatter", height=5, aspect=1, facet_kws=None, **kwargs):
    """scatterplot (kind="scatter") or lineplot (kind="line") on a FacetGrid of row/col."""
    if kind == "scatter":
        func, size_attr = relational.scatterplot, "s"
        ms = mpl.rcParams["lines.markersize"]
        size_range = (.5 * ms ** 2, 2 * ms ** 2)
        for name, value in (("units", units), ("weights", weights)):
            if value is not None:
                warnings.warn(f"The `{name}` parameter has no effect with kind='scatter'.", stacklevel=2)
        units = weights = None
    elif kind == "line":
        func, size_attr = relational.lineplot, "linewidth"
        lw = mpl.rcParams["lines.linewidth"]
        size_range = (.5 * lw, 2 * lw)
    else:
        raise ValueError(f"Plot kind {kind!r} not recognized")
    _no_ax("relplot", kwargs)
    variables = dict(x=x, y=y, hue=hue, size=size, style=style)
    if kind == "line":
        variables.update(units=units, weights=weights)
    mapping = relational._RelationalPlot(func.__name__, data, variables, palette, hue_order, hue_norm, sizes,
                                         size_order, size_norm, size_range)
    table, names, plot = _grid_table(data, dict(variables, row=row, col=col), wide=relational._WIDE)
    plot_kws = dict(legend=False, **kwargs)
    if mapping.hue is not None:
        plot_kws.update(palette=dict(mapping.hue.lookup), hue_order=mapping.hue.levels)
    if mapping.size is not None:
        plot_kws.update(sizes=dict(mapping.size.lookup), size_order=mapping.size.levels)
    plot_kws.update(_plot_vars(plot, ("x", "y", "hue", "size", "style", "units", "weights")))
    g = _grid(table, names, plot, row_order, col_order, col_wrap=col_wrap, height=height, aspect=aspect,
              dropna=False, **(facet_kws or {}))
    g.map_dataframe(func, **plot_kws)
    g.set_axis_labels(names.get("x") or "", names.get("y") or "")
    if legend:
        title, entries = mapping.legend(legend, size_attr)
        if entries:
            ax = g.axes.flat[0]
            handles = {label: _relational_handle(ax, kind, label, props, kwargs) for label, props in entries}
            g.add_legend(legend_data=handles, label_order=[label for label, _ in entries], title=title,
                         adjust_subtitles=True)
    if data is not None and _core._is_frame(data):
        g.data = data
    return g


def _relational_handle(ax, kind, label, props, kwargs):
    """The legend artist of one entry, drawn empty on ax as seaborn adds it to the first facet (a Line2D
    as _scatter_legend_artist makes, or a line)."""
    if props.get("title"):
        (line,) = ax.plot([], [], label=label, color="w", linewidth=0, marker="")
        return line
    color = props.get("color", kwargs.get("color", ".2"))
    if kind == "scatter":
        size = props.get("s", kwargs.get("s"))
        markersize = math.sqrt(mpl.rcParams["lines.markersize"] ** 2 if size is None else size)
        (line,) = ax.plot([], [], label=label, linestyle="", marker=kwargs.get("marker", "o"), markersize=markersize,
                          color=color, markerfacecolor=color, markeredgecolor=kwargs.get("edgecolor", "w"))
        return line
    (line,) = ax.plot([], [], label=label, color=color,
                      linewidth=props.get("linewidth", kwargs.get("linewidth", mpl.rcParams["lines.linewidth"])))
    return line


# displot


def displot(data=None, *, x=None, y=None, hue=None, row=None, col=None, weights=None, kind="hist", rug=False,
            rug_kws=None, log_scale=None, legend=True, palette=None, hue_order=None, hue_norm=None, color=None,
            col_wrap=None, row_order=None, col_order=None, height=5, aspect=1, facet_kws=None, **kwargs):
    """histplot (kind="hist"), kdeplot (kind="kde") or ecdfplot (kind="ecdf") on a FacetGrid of row/col,
    with histogram bins common to all facets."""
    if kind not in ("hist", "kde", "ecdf"):
        raise ValueError(f"The value for `kind` must be one of ['hist', 'kde', 'ecdf'], but {kind!r} was passed.")
    if x is not None and y is not None and (row is not None or col is not None):
        raise NotImplementedError(f"bivariate displot(x=..., y=..., kind={kind!r}) with row/col facets is not "
                                  "supported in this sandbox (bins and colour scales common to the facets)")
    _no_ax("displot", kwargs)
    table, names, plot = _grid_table(data, dict(x=x, y=y, hue=hue, weights=weights, row=row, col=col),
                                     wide=distributions._WIDE)
    g = _grid(table, names, plot, row_order, col_order, col_wrap=col_wrap, height=height, aspect=aspect,
              **(facet_kws or {}))
    var = "x" if "x" in plot.frame else "y" if "y" in plot.frame else None
    if var is None:
        return g
    rows = plot.dropna(["x", "y", "hue", "weights"])
    hue_map = None
    if "hue" in plot.frame:
        hue_map = _core.HueMap(rows["hue"], palette, hue_order or plot.categories.get("hue"), hue_norm)
    faceted = "row" in plot.frame or "col" in plot.frame
    if faceted:
        _common_statistics(kind, rows, var, log_scale, kwargs)
    if color is None and hue is None:
        color = _state.cycle()[0]
    plot_kws = dict(kwargs, legend=False, log_scale=log_scale)
    if hue_map is not None:
        plot_kws.update(palette=dict(hue_map.lookup), hue_order=hue_map.levels)
    plot_kws.update(_plot_vars(plot, ("x", "y", "hue", "weights")))
    func = {"hist": distributions.histplot, "kde": distributions.kdeplot, "ecdf": distributions.ecdfplot}[kind]
    shares = None
    if faceted and kind == "kde" and kwargs.get("common_norm", True):
        shares = _facet_shares(g, plot)
        drawn = {id(ax): len(ax._artists) for ax in g.axes.flat}
    g.map_dataframe(func, color=color, **plot_kws)
    if shares:
        # seaborn normalises the densities over all facets at once: each facet's kdeplot
        # normalised its own, so its curves scale by the facet's share of the data
        for (i, j), share in shares.items():
            ax = g.facet_axis(i, j, False)
            for line in ax._artists[drawn[id(ax)]:]:
                if var == "x":
                    line.set_ydata(np.asarray(line.get_ydata(), dtype=float) * share)
                else:
                    line.set_xdata(np.asarray(line.get_xdata(), dtype=float) * share)
    if rug:
        rug_kws = dict(rug_kws or {}, legend=False)
        if color is not None:
            rug_kws["color"] = color
        if hue_map is not None:
            rug_kws.update(palette=dict(hue_map.lookup), hue_order=hue_map.levels)
        g.map_dataframe(distributions.rugplot, **rug_kws, **_plot_vars(plot, ("x", "y", "hue")))
    first = g.axes.flat[0]
    g.set_axis_labels(names["x"] if "x" in plot.frame else first.get_xlabel(),
                      names["y"] if "y" in plot.frame else first.get_ylabel())
    g.set_titles()
    g.tight_layout()
    if legend and hue_map is not None:
        handles = {str(level): _distribution_handle(kind, hue_map(level), kwargs) for level in hue_map.levels}
        g.add_legend(legend_data=handles, label_order=[str(level) for level in hue_map.levels],
                     title=names.get("hue"), adjust_subtitles=True)
    if data is not None and _core._is_frame(data):
        g.data = data
    return g


def _facet_shares(g, plot):
    """{(row index, col index): the facet's share of the rows with data}."""
    columns = [f"_{var}" for var in ("x", "y", "hue", "weights") if var in plot.frame]
    counts = {}
    for (i, j, _), rows in g._facet_rows():
        subset = take(g.data, rows)
        counts[i, j] = sum(1 for values in zip(*(column(subset, name) for name in columns))
                           if not any(_core.is_missing(v) for v in values))
    total = sum(counts.values())
    return {key: n / total for key, n in counts.items() if n}


def _common_statistics(kind, rows, var, log_scale, kwargs):
    """Make the per-facet calls compute what seaborn computes over all facets at once: the bins of
    the whole data (common_bins), set in kwargs; normalisation across facets is not reproduced."""
    values = rows[var]
    if log_scale or _core.variable_type(values) != "numeric":
        raise NotImplementedError("displot() with row/col facets of log-scaled or non-numeric data is not "
                                  "supported in this sandbox")
    if kind == "ecdf":
        return  # each facet's and hue level's own ECDF, as seaborn
    stat = kwargs.get("stat", "count")
    # KDE lines are rescaled across the facets afterwards (displot); other normalised plots are not
    lines = kind == "kde" and not kwargs.get("fill") and kwargs.get("multiple", "layer") == "layer" \
        and "weights" not in rows
    normalised = (kind == "kde" and not lines) or (kind == "hist" and stat != "count")
    if normalised and kwargs.get("common_norm", True):
        what = "filled, stacked or weighted KDEs" if kind == "kde" else f"stat={stat!r}"
        raise NotImplementedError(f"displot(kind={kind!r}) of {what} with row/col facets normalises across all "
                                  "facets (common_norm=True), which is not supported in this sandbox; pass "
                                  "common_norm=False")
    if kind == "hist" and kwargs.get("common_bins", True):
        discrete = kwargs.pop("discrete", None)
        edges = bin_params(values, rows.get("weights"), bins=kwargs.pop("bins", "auto"),
                           binwidth=kwargs.pop("binwidth", None), binrange=kwargs.pop("binrange", None),
                           discrete=bool(discrete))
        kwargs["bins"] = edges["bins"]
        if "range" in edges:
            kwargs["binrange"] = edges["range"]
        kwargs["discrete"] = False


def _distribution_handle(kind, color, kwargs):
    """A legend artist of a hue level: a patch for filled elements, a line otherwise."""
    fill = kind != "ecdf" and kwargs.get("fill", kind == "hist" or kwargs.get("multiple") in ("stack", "fill"))
    if fill:
        alpha = kwargs.get("alpha", .5 if kind == "hist" else .25)
        return Patch(facecolor=mpl.colors.to_rgba(color, alpha), edgecolor=mpl.colors.to_rgba(color, 1))
    return Line2D([], [], color=color)


# catplot

_CATEGORICAL = {"strip": "stripplot", "swarm": "swarmplot", "box": "boxplot", "violin": "violinplot",
                "boxen": "boxenplot", "point": "pointplot", "bar": "barplot", "count": "countplot"}


def catplot(data=None, *, x=None, y=None, hue=None, row=None, col=None, kind="strip", estimator="mean",
            errorbar=("ci", 95), n_boot=1000, seed=None, units=None, weights=None, order=None, hue_order=None,
            row_order=None, col_order=None, col_wrap=None, height=5, aspect=1, log_scale=None, native_scale=False,
            formatter=None, orient=None, color=None, palette=None, hue_norm=None, legend="auto", legend_out=True,
            sharex=True, sharey=True, margin_titles=False, facet_kws=None, ci="deprecated", **kwargs):
    """A categorical plot (kind: strip, box, point, bar, count...) on a FacetGrid of row/col, with the
    categories and hue levels of the whole data on every facet."""
    if kind not in _CATEGORICAL:
        raise ValueError(f"Invalid `kind`: {kind!r}. Options are 'strip', 'swarm', 'box', 'boxen', 'violin', "
                         "'bar', 'count', and 'point'.")
    func = getattr(categorical, _CATEGORICAL[kind])
    _no_ax("catplot", kwargs)
    if kind == "count" and x is not None and y is not None:
        raise ValueError("Cannot pass values for both `x` and `y`.")
    table, names, plot = _grid_table(data, dict(x=x, y=y, hue=hue, row=row, col=col, units=units,
                                                weights=weights), wide=categorical._WIDE)
    if plot.input_format == "wide":
        raise NotImplementedError("catplot() of wide-form data is not supported in this sandbox; pass x= and y=")
    frame = plot.frame
    if kind == "count":
        orient = "y" if "x" not in frame else "x"
    else:
        orient = _core.infer_orient(frame.get("x"), frame.get("y"), orient, require_numeric=False)
    if orient not in frame:
        raise NotImplementedError(f"catplot(kind={kind!r}) with only a numeric variable is not supported in "
                                  "this sandbox")
    order = _core.categorical_order(frame[orient], order or plot.categories.get(orient))
    g = _grid(table, names, plot, row_order, col_order, col_wrap=col_wrap, sharex=sharex, sharey=sharey,
              legend_out=legend_out, margin_titles=margin_titles, height=height, aspect=aspect,
              **(facet_kws or {}))
    plot_kws = dict(kwargs, order=order, orient=orient, palette=palette, hue_norm=hue_norm)
    if kind in ("bar", "point"):
        plot_kws.update(estimator=estimator, errorbar=errorbar, n_boot=n_boot, seed=seed, ci=ci)
    if "hue" in frame:
        plot_kws["hue_order"] = _core.categorical_order(frame["hue"], hue_order or plot.categories.get("hue"))
    if kind not in ("strip", "swarm", "point"):
        dodge = plot_kws.pop("dodge", "auto")
        if dodge == "auto":
            pairs = [(c, h) for c, h in zip(frame[orient], frame.get("hue", frame[orient]))
                     if not _core.is_missing(c) and not _core.is_missing(h)]
            dodge = len({c for c, _ in pairs}) != len(set(pairs))
        plot_kws["dodge"] = dodge
    if color is None and hue is None:
        color = _state.cycle()[0]
    plot_kws.update(_plot_vars(plot, ("x", "y", "hue", "units", "weights")))
    if kind == "count":
        plot_kws.pop("orient")
    last = [(i, j) for (i, j, _), rows in g._facet_rows() if rows][-1:]
    last_ax = g.facet_axis(*last[0], modify_state=False) if last else None

    def draw(ax, **kws):
        # seaborn adds the legend artists to the last facet it draws (and takes the grid legend from them)
        func(ax=ax, legend=legend if ax is last_ax else False, **kws)

    draw.__module__ = func.__module__
    g.map_dataframe(draw, color=color, **plot_kws)
    g.set_axis_labels(names.get("x"), names.get("y"))
    g.set_titles()
    g.tight_layout()
    redundant_hue = "hue" in frame and frame["hue"] == frame[orient]
    show_legend = (not redundant_hue) if legend == "auto" else bool(legend)
    if show_legend and "hue" in frame:
        g.add_legend(title=names.get("hue"), label_order=[str(level) for level in plot_kws["hue_order"]])
    if data is not None:
        g.data = data
    return g


# lmplot


def lmplot(data, *, x=None, y=None, hue=None, col=None, row=None, palette=None, col_wrap=None, height=5, aspect=1,
           markers="o", sharex=None, sharey=None, hue_order=None, col_order=None, row_order=None, legend=True,
           legend_out=None, x_estimator=None, x_bins=None, x_ci="ci", scatter=True, fit_reg=True, ci=95,
           n_boot=1000, units=None, seed=None, order=1, logistic=False, lowess=False, robust=False, logx=False,
           x_partial=None, y_partial=None, truncate=True, x_jitter=None, y_jitter=None, scatter_kws=None,
           line_kws=None, facet_kws=None):
    """regplot of y on x on a FacetGrid of row/col, one fit per hue level."""
    facet_kws = {} if facet_kws is None else dict(facet_kws)
    for key, value in (("sharex", sharex), ("sharey", sharey), ("legend_out", legend_out)):
        if value is not None:
            warnings.warn(f"{key} is deprecated from the `lmplot` function signature. Please update your code "
                          "to pass it using `facet_kws`.", UserWarning, stacklevel=2)
            facet_kws[key] = value
    if data is None:
        raise TypeError("Missing required keyword argument `data`.")
    if not truncate:
        raise NotImplementedError("lmplot(truncate=False) is not supported in this sandbox (the fit spans the "
                                  "shared axis limits, which are set when the figure is drawn)")
    facets = FacetGrid(data, row=row, col=col, hue=hue, palette=palette, row_order=row_order, col_order=col_order,
                       hue_order=hue_order, height=height, aspect=aspect, col_wrap=col_wrap, **facet_kws)
    n_markers = 1 if facets.hue_names is None else len(facets.hue_names)
    if not isinstance(markers, list):
        markers = [markers] * n_markers
    if len(markers) != n_markers:
        raise ValueError("markers must be a singleton or a list of markers for each level of the hue variable")
    facets.hue_kws = {"marker": markers}
    facets.map_dataframe(regression.regplot, x=x, y=y, x_estimator=x_estimator, x_bins=x_bins, x_ci=x_ci,
                         scatter=scatter, fit_reg=fit_reg, ci=ci, n_boot=n_boot, units=units, seed=seed, order=order,
                         logistic=logistic, lowess=lowess, robust=robust, logx=logx, x_partial=x_partial,
                         y_partial=y_partial, truncate=truncate, x_jitter=x_jitter, y_jitter=y_jitter,
                         scatter_kws=scatter_kws, line_kws=line_kws)
    facets.set_axis_labels(x, y)
    if legend and hue is not None and hue not in (col, row):
        facets.add_legend()
    return facets
