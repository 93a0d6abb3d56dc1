"""Grids of subplots (seaborn.axisgrid): FacetGrid, one subplot per level of the row and column
variables, as seaborn 0.13.2 lays them out (figure size from height and aspect, shared axes, titles,
axis labels on the outer facets, the hue legend); PairGrid and JointGrid live in _pairgrid.py and
_jointgrid.py and are re-exported here.

Data may be a pandas DataFrame or a dict of columns; a facet's subset is a DataFrame (``iloc``) or a
dict of lists.  seaborn draws its grid legend as a figure legend right of the grid; the sandbox's
matplotlib has no figure legends, so add_legend() draws it in the last facet of the first row."""

from itertools import product

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from . import _core, _state, utils
from .palettes import color_palette

__all__ = ["FacetGrid", "PairGrid", "JointGrid", "pairplot", "jointplot"]


# Tables: a DataFrame or a dict of columns


def is_frame(data):
    return _core._is_frame(data)


def column(data, name):
    """The values of a column as a list."""
    return _core._values(data[name])


def n_rows(data):
    if is_frame(data):
        return len(data)
    return len(next(iter(data.values()))) if data else 0


def take(data, rows):
    """The rows (positions) of data: a DataFrame through iloc, a dict as lists."""
    if is_frame(data):
        return data.iloc[list(rows)]
    return {name: [values[i] for i in rows] for name, values in ((k, _core._values(v)) for k, v in data.items())}


def drop_missing(data, names=None):
    """data without the rows missing a value in any of the columns names (default: all)."""
    names = list(data.columns if is_frame(data) else data) if names is None else names
    missing = [column(data, name) for name in names]
    keep = [i for i in range(n_rows(data)) if not any(_core.is_missing(values[i]) for values in missing)]
    return take(data, keep)


def as_table(data):
    """seaborn's handle_data_source: a DataFrame or dict as is (a dict's values as lists)."""
    if is_frame(data):
        return data
    if isinstance(data, dict):
        return {name: _core._values(values) for name, values in data.items()}
    raise TypeError(f"Data source must be a DataFrame or Mapping, not {type(data)!r}.")


# Grids


class _BaseGrid:
    """Methods shared by every grid: set(), figure, apply(), pipe(), savefig()."""

    def set(self, **kwargs):
        """Set attributes on each subplot Axes."""
        for ax in self.axes.flat:
            if ax is not None:
                ax.set(**kwargs)
        return self

    @property
    def fig(self):
        return self._figure

    @property
    def figure(self):
        return self._figure

    def apply(self, func, *args, **kwargs):
        func(self, *args, **kwargs)
        return self

    def pipe(self, func, *args, **kwargs):
        return func(self, *args, **kwargs)

    def savefig(self, *args, **kwargs):
        kwargs = kwargs.copy()
        kwargs.setdefault("bbox_inches", "tight")
        self.figure.savefig(*args, **kwargs)


class Grid(_BaseGrid):
    """A grid with several subplots and a legend."""

    _margin_titles = False
    _legend_out = True

    def __init__(self):
        self._tight_layout_rect = [0, 0, 1, 1]
        self._tight_layout_pad = None
        self._legend = None
        self._legend_data = {}
        self.hue_names = None

    def tight_layout(self, *args, **kwargs):
        kwargs = kwargs.copy()
        kwargs.setdefault("rect", self._tight_layout_rect)
        if self._tight_layout_pad is not None:
            kwargs.setdefault("pad", self._tight_layout_pad)
        self._figure.tight_layout(*args, **kwargs)
        return self

    def add_legend(self, legend_data=None, title=None, label_order=None, adjust_subtitles=False, **kwargs):
        """The legend of legend_data ({label: handle}, default: what the plots labelled) in
        label_order (default: the hue levels).  seaborn draws it right of the grid (legend_out) or in
        the first facet; here it is drawn in the last facet of the first row, or the first facet.
        adjust_subtitles (seaborn's left-aligned subtitle entries) is accepted: the sandbox's legend
        draws every entry alike."""
        if legend_data is None:
            legend_data = self._legend_data
        if label_order is None:
            label_order = list(legend_data) if self.hue_names is None else [str(h) for h in self.hue_names]
        blank = Patch(alpha=0, linewidth=0)
        handles = [legend_data.get(label, blank) for label in label_order]
        labels = [entry[1] if isinstance(entry, tuple) else entry for entry in label_order]
        title = self._hue_var if title is None else title
        kwargs.setdefault("loc", "best")
        ax = self._legend_axes() if self._legend_out else self.axes.flat[0]
        self._legend = ax.legend(handles, [str(label) for label in labels],
                                 title=None if title is None else str(title), **kwargs)
        return self

    def _legend_axes(self):
        return self.axes.flat[0]

    def _update_legend_data(self, ax):
        """Keep the labelled artists of ax for the grid legend and remove the axes' own legend."""
        handles, labels = ax.get_legend_handles_labels()
        self._legend_data.update(zip(labels, handles))
        legend = ax.get_legend()
        if legend is not None:
            legend.remove()

    def _get_palette(self, data, hue, hue_order, palette):
        """The colours of the hue levels (one colour, the palette's first, without hue)."""
        if hue is None:
            return color_palette(n_colors=1)
        names = _core.categorical_order(column(data, hue), hue_order)
        n = len(names)
        if palette is None:
            colors = color_palette("husl", n) if n > len(_state.cycle()) else color_palette(n_colors=n)
        elif isinstance(palette, dict):
            colors = color_palette([palette[h] for h in names], n)
        else:
            colors = color_palette(palette, n)
        return color_palette(colors, n)

    @property
    def legend(self):
        return self._legend

    def tick_params(self, axis="both", **kwargs):
        for ax in self.figure.axes:
            ax.tick_params(axis=axis, **kwargs)
        return self


class FacetGrid(Grid):
    """Subplots for the levels of row and col (col wrapped after col_wrap), each drawing the subset of
    the data in that facet with map() or map_dataframe(); hue levels are drawn one after the other."""

    def __init__(self, data, *, row=None, col=None, hue=None, col_wrap=None, sharex=True, sharey=True,
                 height=3, aspect=1, palette=None, row_order=None, col_order=None, hue_order=None,
                 hue_kws=None, dropna=False, legend_out=True, despine=True, margin_titles=False, xlim=None,
                 ylim=None, subplot_kws=None, gridspec_kws=None):
        super().__init__()
        data = as_table(data)
        self.hue_names = None if hue is None else _core.categorical_order(column(data, hue), hue_order)
        colors = self._get_palette(data, hue, hue_order, palette)
        row_names = [] if row is None else _core.categorical_order(column(data, row), row_order)
        col_names = [] if col is None else _core.categorical_order(column(data, col), col_order)
        n = n_rows(data)
        if dropna:
            facet_values = [column(data, v) for v in (row, col, hue) if v is not None]
            not_na = [not any(_core.is_missing(values[i]) for values in facet_values) for i in range(n)]
        else:
            not_na = [True] * n

        ncol = 1 if col is None else len(col_names)
        nrow = 1 if row is None else len(row_names)
        self._n_facets = ncol * nrow
        if col_wrap is not None:
            if row is not None:
                raise ValueError("Cannot use `row` and `col_wrap` together.")
            ncol = col_wrap
            nrow = int(np.ceil(len(col_names) / col_wrap))
            margin_titles = False
        subplot_kws = {} if subplot_kws is None else subplot_kws.copy()
        gridspec_kws = {} if gridspec_kws is None else gridspec_kws.copy()
        if xlim is not None:
            subplot_kws["xlim"] = xlim
        if ylim is not None:
            subplot_kws["ylim"] = ylim

        fig = plt.figure(figsize=(ncol * height * aspect, nrow * height))
        if col_wrap is None:
            grid = fig.subplots(nrow, ncol, squeeze=False, sharex=sharex, sharey=sharey, subplot_kw=subplot_kws,
                                gridspec_kw=gridspec_kws or None)
            axes = np.empty((nrow, ncol), object)
            for i, ax in enumerate(grid.flat):
                axes[i // ncol, i % ncol] = ax
            if col is None and row is None:
                axes_dict = {}
            elif col is None:
                axes_dict = dict(zip(row_names, axes.flat))
            elif row is None:
                axes_dict = dict(zip(col_names, axes.flat))
            else:
                axes_dict = dict(zip(product(row_names, col_names), axes.flat))
        else:
            axes = np.empty(len(col_names), object)
            axes[0] = fig.add_subplot(nrow, ncol, 1, **subplot_kws)
            if sharex:
                subplot_kws["sharex"] = axes[0]
            if sharey:
                subplot_kws["sharey"] = axes[0]
            for i in range(1, len(col_names)):
                axes[i] = fig.add_subplot(nrow, ncol, i + 1, **subplot_kws)
            axes_dict = dict(zip(col_names, axes))

        self._figure, self._axes, self._axes_dict = fig, axes, axes_dict
        self.data = data
        self.row_names, self.col_names, self.hue_kws = row_names, col_names, hue_kws or {}
        self._nrow, self._row_var, self._ncol, self._col_var = nrow, row, ncol, col
        self._margin_titles, self._margin_titles_texts = margin_titles, []
        self._col_wrap, self._hue_var, self._colors = col_wrap, hue, colors
        self._legend_out = legend_out
        self._x_var = self._y_var = None
        self._sharex, self._sharey, self._dropna, self._not_na = sharex, sharey, dropna, not_na

        self.set_titles()
        self.tight_layout()
        if despine:
            self.despine()
        if sharex in (True, "col"):
            for ax in self._not_bottom_axes:
                ax.tick_params(labelbottom=False)
        if sharey in (True, "row"):
            for ax in self._not_left_axes:
                ax.tick_params(labelleft=False)

    # Drawing

    def facet_data(self):
        """((row index, col index, hue index), subset) per facet and hue level, in axes order."""
        for (i, j, k), rows in self._facet_rows():
            yield (i, j, k), take(self.data, rows)

    def _facet_rows(self):
        data = self.data

        def levels(var, names):
            if not names:
                return [None]
            values = column(data, var)
            return [[v == name for v in values] for name in names]

        n = n_rows(data)
        masks = [levels(self._row_var, self.row_names), levels(self._col_var, self.col_names),
                 levels(self._hue_var, self.hue_names)]
        for (i, row), (j, col), (k, hue) in product(*(enumerate(m) for m in masks)):
            rows = [r for r in range(n) if self._not_na[r] and all(m is None or m[r] for m in (row, col, hue))]
            yield (i, j, k), rows

    def map(self, func, *args, **kwargs):
        """Call func on each facet's subset: the columns named by args as positional vectors (as
        x, y, hue... keywords for seaborn's functions), with color (and label with hue)."""
        kw_color = kwargs.pop("color", None)
        module = str(getattr(func, "__module__", ""))
        for (row_i, col_j, hue_k), rows in self._facet_rows():
            if not rows:
                continue
            data_ijk = take(self.data, rows)
            ax = self.facet_axis(row_i, col_j, not module.startswith("seaborn"))
            kwargs["color"] = self._facet_color(hue_k, kw_color)
            for kw, values in self.hue_kws.items():
                kwargs[kw] = values[hue_k]
            if self._hue_var is not None:
                kwargs["label"] = self.hue_names[hue_k]
            plot_data = {name: data_ijk[name] for name in args}
            if self._dropna:
                plot_data = drop_missing(plot_data)
            plot_args = [plot_data[name] for name in args]
            if module.startswith("matplotlib"):
                plot_args = [np.asarray(_core._values(v)) for v in plot_args]
            self._facet_plot(func, ax, plot_args, kwargs)
        self._finalize_grid(args[:2])
        return self

    def map_dataframe(self, func, *args, **kwargs):
        """Call func on each facet with its subset as data= and args/kwargs as given (column names)."""
        kw_color = kwargs.pop("color", None)
        for (row_i, col_j, hue_k), rows in self._facet_rows():
            if not rows:
                continue
            ax = self.facet_axis(row_i, col_j, not str(func.__module__).startswith("seaborn"))
            kwargs["color"] = self._facet_color(hue_k, kw_color)
            for kw, values in self.hue_kws.items():
                kwargs[kw] = values[hue_k]
            if self._hue_var is not None:
                kwargs["label"] = self.hue_names[hue_k]
            data_ijk = take(self.data, rows)
            kwargs["data"] = drop_missing(data_ijk) if self._dropna else data_ijk
            self._facet_plot(func, ax, args, kwargs)
        axis_labels = [kwargs.get("x", None), kwargs.get("y", None)]
        for i, val in enumerate(args[:2]):
            axis_labels[i] = val
        self._finalize_grid(axis_labels)
        return self

    def _facet_color(self, hue_index, kw_color):
        return kw_color if kw_color is not None else self._colors[hue_index]

    def _facet_plot(self, func, ax, plot_args, plot_kwargs):
        if str(func.__module__).startswith("seaborn"):
            plot_kwargs = plot_kwargs.copy()
            for key, val in zip(["x", "y", "hue", "size", "style"], plot_args):
                plot_kwargs[key] = val
            plot_args = []
            plot_kwargs["ax"] = ax
        func(*plot_args, **plot_kwargs)
        self._update_legend_data(ax)

    def _finalize_grid(self, axlabels):
        self.set_axis_labels(*axlabels)
        self.tight_layout()

    def facet_axis(self, row_i, col_j, modify_state=True):
        """The Axes of a facet (made current unless modify_state is False)."""
        ax = self.axes.flat[col_j] if self._col_wrap is not None else self.axes[row_i, col_j]
        if modify_state:
            plt.sca(ax)
        return ax

    # Annotations

    def despine(self, **kwargs):
        utils.despine(self._figure, **kwargs)
        return self

    def set_axis_labels(self, x_var=None, y_var=None, clear_inner=True, **kwargs):
        """Label the x axes of the bottom row and the y axes of the left column."""
        if x_var is not None:
            self._x_var = x_var
            self.set_xlabels(x_var, clear_inner=clear_inner, **kwargs)
        if y_var is not None:
            self._y_var = y_var
            self.set_ylabels(y_var, clear_inner=clear_inner, **kwargs)
        return self

    def set_xlabels(self, label=None, clear_inner=True, **kwargs):
        label = self._x_var if label is None else label
        for ax in self._bottom_axes:
            ax.set_xlabel(label, **kwargs)
        if clear_inner:
            for ax in self._not_bottom_axes:
                ax.set_xlabel("")
        return self

    def set_ylabels(self, label=None, clear_inner=True, **kwargs):
        label = self._y_var if label is None else label
        for ax in self._left_axes:
            ax.set_ylabel(label, **kwargs)
        if clear_inner:
            for ax in self._not_left_axes:
                ax.set_ylabel("")
        return self

    def set_xticklabels(self, labels=None, step=None, **kwargs):
        for ax in self.axes.flat:
            ticks = ax.get_xticks()
            if labels is None:
                current = [label.get_text() for label in ax.get_xticklabels()]
                if step is not None:
                    ticks, current = ticks[::step], current[::step]
                ax.set_xticks(ticks, current, **kwargs)
            else:
                ax.set_xticks(ticks, labels, **kwargs)
        return self

    def set_yticklabels(self, labels=None, **kwargs):
        for ax in self.axes.flat:
            ticks = ax.get_yticks()
            if labels is None:
                labels_here = [label.get_text() for label in ax.get_yticklabels()]
                ax.set_yticks(ticks, labels_here, **kwargs)
            else:
                ax.set_yticks(ticks, labels, **kwargs)
        return self

    def set_titles(self, template=None, row_template=None, col_template=None, **kwargs):
        """Title each facet "row_var = row_name | col_var = col_name" (or with margin titles: the
        columns above, the rows at the right edge)."""
        args = dict(row_var=self._row_var, col_var=self._col_var)
        kwargs["size"] = kwargs.pop("size", mpl.rcParams["axes.labelsize"])
        row_template = "{row_var} = {row_name}" if row_template is None else row_template
        col_template = "{col_var} = {col_name}" if col_template is None else col_template
        if template is None:
            if self._row_var is None:
                template = col_template
            elif self._col_var is None:
                template = row_template
            else:
                template = " | ".join([row_template, col_template])
        if self._margin_titles:
            for text in self._margin_titles_texts:
                text.remove()
            self._margin_titles_texts = []
            for i, row_name in enumerate(self.row_names):
                args.update(row_name=row_name)
                ax = self.axes[i, -1]  # seaborn annotates at axes fraction (1.02, .5): the same place
                text = ax.text(1.02, .5, row_template.format(**args), transform=ax.transAxes, rotation=270,
                               ha="left", va="center", **kwargs)
                self._margin_titles_texts.append(text)
            for j, col_name in enumerate(self.col_names):
                args.update(col_name=col_name)
                self.axes[0, j].set_title(col_template.format(**args), **kwargs)
            return self
        if self._row_var is not None and self._col_var is not None:
            for i, row_name in enumerate(self.row_names):
                for j, col_name in enumerate(self.col_names):
                    args.update(row_name=row_name, col_name=col_name)
                    self.axes[i, j].set_title(template.format(**args), **kwargs)
        elif self.row_names:
            for i, row_name in enumerate(self.row_names):
                args.update(row_name=row_name)
                self.axes[i, 0].set_title(template.format(**args), **kwargs)
        elif self.col_names:
            for i, col_name in enumerate(self.col_names):
                args.update(col_name=col_name)
                self.axes.flat[i].set_title(template.format(**args), **kwargs)
        return self

    def refline(self, *, x=None, y=None, color=".5", linestyle="--", **line_kws):
        """Reference lines at x (vertical) and y (horizontal) on every facet."""
        line_kws["color"] = color
        line_kws["linestyle"] = linestyle
        if x is not None:
            self.map(plt.axvline, x=x, **line_kws)
        if y is not None:
            self.map(plt.axhline, y=y, **line_kws)
        return self

    # Axes

    @property
    def axes(self):
        return self._axes

    @property
    def ax(self):
        if self.axes.shape == (1, 1):
            return self.axes[0, 0]
        raise AttributeError("Use the `.axes` attribute when facet variables are assigned.")

    @property
    def axes_dict(self):
        return self._axes_dict

    def _legend_axes(self):
        return self.axes[0, -1] if self._col_wrap is None else self.axes.flat[min(self._ncol, self.axes.size) - 1]

    def _wrapped(self, keep):
        return [ax for i, ax in enumerate(self.axes) if keep(i)]

    @property
    def _left_axes(self):
        if self._col_wrap is None:
            return list(self.axes[:, 0].flat)
        return self._wrapped(lambda i: not i % self._ncol)

    @property
    def _not_left_axes(self):
        if self._col_wrap is None:
            return list(self.axes[:, 1:].flat)
        return self._wrapped(lambda i: i % self._ncol)

    @property
    def _bottom_axes(self):
        if self._col_wrap is None:
            return list(self.axes[-1, :].flat)
        n_empty = self._nrow * self._ncol - self._n_facets
        return self._wrapped(lambda i: i >= self._ncol * (self._nrow - 1) or
                             i >= self._ncol * (self._nrow - 1) - n_empty)

    @property
    def _not_bottom_axes(self):
        if self._col_wrap is None:
            return list(self.axes[:-1, :].flat)
        n_empty = self._nrow * self._ncol - self._n_facets
        return self._wrapped(lambda i: i < self._ncol * (self._nrow - 1) and
                             i < self._ncol * (self._nrow - 1) - n_empty)


from ._pairgrid import PairGrid, pairplot  # noqa: E402  (they build on Grid above)
from ._jointgrid import JointGrid, jointplot  # noqa: E402
