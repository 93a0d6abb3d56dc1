"""PairGrid and pairplot (seaborn.axisgrid, 0.13.2): a grid of subplots with one variable per row and
per column, a bivariate plot off the diagonal and a univariate plot on the diagonal (drawn on twin
axes, added to the figure after the grid as seaborn does)."""

import warnings
from inspect import signature

import matplotlib.pyplot as plt
import numpy as np

from . import _core, utils
from .axisgrid import Grid, as_table, column, n_rows

__all__ = ["PairGrid", "pairplot"]


class Named(list):
    """A vector with a name, as a pandas Series carries its column's (seaborn labels axes with it)."""

    def __init__(self, values, name):
        super().__init__(values)
        self.name = name


def _plots_hue(func):
    try:
        return "hue" in signature(func).parameters
    except (TypeError, ValueError):
        return False


class PairGrid(Grid):
    """Subplots pairing y_vars (rows) with x_vars (columns), by default every numeric column."""

    def __init__(self, data, *, hue=None, vars=None, x_vars=None, y_vars=None, hue_order=None, palette=None,
                 hue_kws=None, corner=False, diag_sharey=True, height=2.5, aspect=1, layout_pad=.5, despine=True,
                 dropna=False):
        super().__init__()
        data = as_table(data)
        numeric_cols = [name for name in (data.columns if _core._is_frame(data) else data)
                        if _core.variable_type(column(data, name)) == "numeric"]
        if hue in numeric_cols:
            numeric_cols.remove(hue)
        if vars is not None:
            x_vars = y_vars = list(vars)
        x_vars = numeric_cols if x_vars is None else [x_vars] if np.isscalar(x_vars) else x_vars
        y_vars = numeric_cols if y_vars is None else [y_vars] if np.isscalar(y_vars) else y_vars
        self.x_vars, self.y_vars = list(x_vars), list(y_vars)
        self.square_grid = self.x_vars == self.y_vars
        if not self.x_vars:
            raise ValueError("No variables found for grid columns.")
        if not self.y_vars:
            raise ValueError("No variables found for grid rows.")

        fig = plt.figure(figsize=(len(self.x_vars) * height * aspect, len(self.y_vars) * height))
        grid = fig.subplots(len(self.y_vars), len(self.x_vars), sharex="col", sharey="row", squeeze=False)
        axes = np.empty((len(self.y_vars), len(self.x_vars)), object)
        for i, ax in enumerate(grid.flat):
            axes[i // len(self.x_vars), i % len(self.x_vars)] = ax
        self._corner = corner
        if corner:
            for i, j in zip(*np.triu_indices_from(axes, 1)):
                axes[i, j].remove()
                axes[i, j] = None
        self._figure, self.axes, self.data = fig, axes, data
        self.diag_sharey, self.diag_vars, self.diag_axes = diag_sharey, None, None
        self._dropna = dropna
        self._add_axis_labels()

        self._hue_var = hue
        if hue is None:
            self.hue_names = hue_order = ["_nolegend_"]
            self.hue_vals = ["_nolegend_"] * n_rows(data)
        else:
            self.hue_names = hue_order = _core.categorical_order(column(data, hue), hue_order)
            self.hue_vals = column(data, hue)
        self.hue_kws = hue_kws if hue_kws is not None else {}
        self._orig_palette, self._hue_order = palette, hue_order
        self.palette = self._get_palette(data, hue, hue_order, palette)
        for ax in axes[:-1, :].flat:
            if ax is not None:
                ax.tick_params(labelbottom=False)
        for ax in axes[:, 1:].flat:
            if ax is not None:
                ax.tick_params(labelleft=False)
        self._tight_layout_rect = [.01, .01, .99, .99]
        self._tight_layout_pad = layout_pad
        self._despine = despine
        if despine:
            utils.despine(fig=fig)
        self.tight_layout(pad=layout_pad)

    def _legend_axes(self):
        return self.axes[0, -1] if self.axes[0, -1] is not None else self.axes[0, 0]

    def _vector(self, name, rows):
        values = column(self.data, name)
        return Named([values[i] for i in rows], name)

    def _rows(self, names):
        """The row positions to plot: all, or without missing values in names when dropna."""
        rows = range(n_rows(self.data))
        if not self._dropna:
            return list(rows)
        columns = [column(self.data, name) for name in names]
        return [i for i in rows if not any(_core.is_missing(values[i]) for values in columns)]

    # Mapping

    def map(self, func, **kwargs):
        """Draw func(x, y) on every subplot."""
        row_indices, col_indices = np.indices(self.axes.shape)
        self._map_bivariate(func, zip(row_indices.flat, col_indices.flat), **kwargs)
        return self

    def map_lower(self, func, **kwargs):
        self._map_bivariate(func, zip(*np.tril_indices_from(self.axes, -1)), **kwargs)
        return self

    def map_upper(self, func, **kwargs):
        self._map_bivariate(func, zip(*np.triu_indices_from(self.axes, 1)), **kwargs)
        return self

    def map_offdiag(self, func, **kwargs):
        if self.square_grid:
            self.map_lower(func, **kwargs)
            if not self._corner:
                self.map_upper(func, **kwargs)
        else:
            indices = [(i, j) for i, y_var in enumerate(self.y_vars) for j, x_var in enumerate(self.x_vars)
                       if x_var != y_var]
            self._map_bivariate(func, indices, **kwargs)
        return self

    def map_diag(self, func, **kwargs):
        """Draw func(x) of each variable on the diagonal, on twin axes without their own axis."""
        if self.diag_axes is None:
            diag_vars, diag_axes = [], []
            for i, y_var in enumerate(self.y_vars):
                for j, x_var in enumerate(self.x_vars):
                    if x_var == y_var:
                        diag_vars.append(x_var)
                        ax = self.axes[i, j]
                        diag_ax = ax.twinx()
                        diag_ax.set_axis_off()
                        diag_axes.append(diag_ax)
                        if self._corner:
                            ax.tick_params(axis="y", left=False, labelleft=False)
                            ax.set_ylabel("")
                            if self._despine:
                                utils.despine(ax=ax, left=True)
            if self.diag_sharey and diag_axes:
                for ax in diag_axes[1:]:
                    ax._share("y", diag_axes[0])
            self.diag_vars, self.diag_axes = diag_vars, diag_axes
        if not _plots_hue(func):
            return self._map_diag_iter_hue(func, **kwargs)
        for var, ax in zip(self.diag_vars, self.diag_axes):
            plot_kwargs = kwargs.copy()
            if str(func.__module__).startswith("seaborn"):
                plot_kwargs["ax"] = ax
            else:
                plt.sca(ax)
            rows = self._rows([var] + ([self._hue_var] if self._hue_var is not None else []))
            hue = None if self._hue_var is None else self._vector(self._hue_var, rows)
            plot_kwargs.setdefault("hue", hue)
            plot_kwargs.setdefault("hue_order", self._hue_order)
            plot_kwargs.setdefault("palette", self._orig_palette)
            func(x=self._vector(var, rows), **plot_kwargs)
            legend = ax.get_legend()
            if legend is not None:
                legend.remove()
        self._add_axis_labels()
        return self

    def _map_diag_iter_hue(self, func, **kwargs):
        fixed_color = kwargs.pop("color", None)
        for var, ax in zip(self.diag_vars, self.diag_axes):
            plot_kwargs = kwargs.copy()
            seaborn_func = str(func.__module__).startswith("seaborn")
            if seaborn_func:
                plot_kwargs["ax"] = ax
            else:
                plt.sca(ax)
            for k, label_k in enumerate(self._hue_order):
                rows = [i for i in self._rows([var]) if self.hue_vals[i] == label_k]
                values = self._vector(var, rows)
                color = self.palette[k] if fixed_color is None else fixed_color
                if seaborn_func:
                    func(x=values, label=label_k, color=color, **plot_kwargs)
                else:
                    func(np.asarray(values, dtype=float), label=label_k, color=color, **plot_kwargs)
        self._add_axis_labels()
        return self

    def _map_bivariate(self, func, indices, **kwargs):
        for i, j in indices:
            ax = self.axes[i, j]
            if ax is not None:
                self._plot_bivariate(self.x_vars[j], self.y_vars[i], ax, func, **kwargs)
        self._add_axis_labels()
        if _plots_hue(func):
            self.hue_names = list(self._legend_data)

    def _plot_bivariate(self, x_var, y_var, ax, func, **kwargs):
        kwargs = kwargs.copy()
        seaborn_func = str(func.__module__).startswith("seaborn")
        if seaborn_func:
            kwargs["ax"] = ax
        else:
            plt.sca(ax)
        axes_vars = [x_var] if x_var == y_var else [x_var, y_var]
        if not _plots_hue(func):
            for k, label_k in enumerate(self._hue_order):
                kws = kwargs.copy()
                rows = [i for i in self._rows(axes_vars) if self.hue_vals[i] == label_k]
                x, y = self._vector(x_var, rows), self._vector(y_var, rows)
                for kw, values in self.hue_kws.items():
                    kws[kw] = values[k]
                kws.setdefault("color", self.palette[k])
                if self._hue_var is not None:
                    kws["label"] = label_k
                if seaborn_func:
                    func(x=x, y=y, **kws)
                else:
                    func(np.asarray(x, dtype=float), np.asarray(y, dtype=float), **kws)
        else:
            if self._hue_var is not None and self._hue_var not in axes_vars:
                axes_vars.append(self._hue_var)
            rows = self._rows(axes_vars)
            if "hue" not in kwargs:
                kwargs.update(hue=None if self._hue_var is None else self._vector(self._hue_var, rows),
                              hue_order=self._hue_order, palette=self._orig_palette)
            func(x=self._vector(x_var, rows), y=self._vector(y_var, rows), **kwargs)
        self._update_legend_data(ax)

    def _add_axis_labels(self):
        for ax, label in zip(self.axes[-1, :], self.x_vars):
            ax.set_xlabel(label)
        for ax, label in zip(self.axes[:, 0], self.y_vars):
            ax.set_ylabel(label)


def pairplot(data, *, hue=None, hue_order=None, palette=None, vars=None, x_vars=None, y_vars=None, kind="scatter",
             diag_kind="auto", markers=None, height=2.5, aspect=1, corner=False, dropna=False, plot_kws=None,
             diag_kws=None, grid_kws=None, size=None):
    """A PairGrid of scatterplots (or regplot, kdeplot, histplot: kind) with histograms or KDEs of each
    variable on the diagonal."""
    from . import distributions, regression, relational

    if size is not None:
        height = size
        warnings.warn("The `size` parameter has been renamed to `height`; please update your code.", UserWarning)
    if not (_core._is_frame(data) or isinstance(data, dict)):
        raise TypeError(f"'data' must be pandas DataFrame object, not: {type(data)}")
    if kind not in ("scatter", "reg", "kde", "hist"):
        raise ValueError(f"kind must be one of 'scatter', 'reg', 'kde', 'hist', not {kind!r}")
    plot_kws = {} if plot_kws is None else plot_kws.copy()
    diag_kws = {} if diag_kws is None else diag_kws.copy()
    grid_kws = {} if grid_kws is None else grid_kws.copy()
    if diag_kind == "auto":
        diag_kind = ("kde" if kind == "kde" else "hist") if hue is None else ("hist" if kind == "hist" else "kde")
    grid_kws.setdefault("diag_sharey", diag_kind == "hist")
    grid = PairGrid(data, vars=vars, x_vars=x_vars, y_vars=y_vars, hue=hue, hue_order=hue_order, palette=palette,
                    corner=corner, height=height, aspect=aspect, dropna=dropna, **grid_kws)
    if markers is not None:
        if kind == "reg":
            n_markers = 1 if grid.hue_names is None else len(grid.hue_names)
            if not isinstance(markers, list):
                markers = [markers] * n_markers
            if len(markers) != n_markers:
                raise ValueError("markers must be a singleton or a list of markers for each level of the hue "
                                 "variable")
            grid.hue_kws = {"marker": markers}
        elif kind == "scatter":
            if isinstance(markers, str):
                plot_kws["marker"] = markers
            elif hue is not None:
                plot_kws["style"] = Named(column(grid.data, hue), hue)
                plot_kws["markers"] = markers
    diag_kws.setdefault("legend", False)
    if diag_kind == "hist":
        grid.map_diag(distributions.histplot, **diag_kws)
    elif diag_kind == "kde":
        diag_kws.setdefault("fill", True)
        diag_kws.setdefault("warn_singular", False)
        grid.map_diag(distributions.kdeplot, **diag_kws)
    plotter = grid.map_offdiag if diag_kind is not None else grid.map
    if kind == "scatter":
        plotter(relational.scatterplot, **plot_kws)
    elif kind == "reg":
        plotter(regression.regplot, **plot_kws)
    elif kind == "kde":
        plot_kws.setdefault("warn_singular", False)
        plotter(distributions.kdeplot, **plot_kws)
    else:
        plotter(distributions.histplot, **plot_kws)
    if hue is not None:
        grid.add_legend()
    grid.tight_layout()
    return grid
