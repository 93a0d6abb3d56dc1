"""JointGrid and jointplot (seaborn.axisgrid, 0.13.2): a bivariate plot on the joint axes with the
marginal distributions of x above it and of y at its right (figure.axes order: joint, marginal x,
marginal y, as seaborn adds them)."""

import colorsys
from inspect import signature

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from . import _core, utils
from ._pairgrid import Named
from .axisgrid import _BaseGrid

__all__ = ["JointGrid", "jointplot"]


class JointGrid(_BaseGrid):
    """The joint axes (gridspec rows 1.., columns ..-1 of a (ratio + 1)-square grid) and its two
    marginal axes sharing its x and y axes."""

    def __init__(self, data=None, *, x=None, y=None, hue=None, height=6, ratio=5, space=.2, palette=None,
                 hue_order=None, hue_norm=None, dropna=False, xlim=None, ylim=None, marginal_ticks=False):
        f = plt.figure(figsize=(height, height))
        gs = f.add_gridspec(ratio + 1, ratio + 1)
        ax_joint = f.add_subplot(gs[1:, :-1])
        ax_marg_x = f.add_subplot(gs[0, :-1], sharex=ax_joint)
        ax_marg_y = f.add_subplot(gs[1:, -1], sharey=ax_joint)
        self._figure, self.ax_joint, self.ax_marg_x, self.ax_marg_y = f, ax_joint, ax_marg_x, ax_marg_y
        ax_marg_x.tick_params(labelbottom=False)
        ax_marg_y.tick_params(labelleft=False)
        if not marginal_ticks:
            ax_marg_x.tick_params(axis="y", left=False, labelleft=False)
            ax_marg_y.tick_params(axis="x", bottom=False, labelbottom=False)
            ax_marg_x.yaxis.grid(False)
            ax_marg_y.xaxis.grid(False)

        plot = _core.PlotData(data, dict(x=x, y=y, hue=hue))
        frame = plot.dropna() if dropna else plot.frame
        self.x, self.y, self.hue = (Named(frame[var], plot.names.get(var)) if var in frame else None
                                    for var in ("x", "y", "hue"))
        for axis in "xy":
            name = plot.names.get(axis)
            if name is not None:
                getattr(ax_joint, f"set_{axis}label")(name)
        if xlim is not None:
            ax_joint.set_xlim(xlim)
        if ylim is not None:
            ax_joint.set_ylim(ylim)
        self._hue_params = dict(palette=palette, hue_order=hue_order, hue_norm=hue_norm)
        utils.despine(f)
        if not marginal_ticks:
            utils.despine(ax=ax_marg_x, left=True)
            utils.despine(ax=ax_marg_y, bottom=True)
        f.tight_layout()
        f.subplots_adjust(hspace=space, wspace=space)

    def _inject_kwargs(self, func, kws, params):
        """Add params that func accepts (and kws lacks) to kws."""
        func_params = signature(func).parameters
        for key, val in params.items():
            if key in func_params:
                kws.setdefault(key, val)

    def plot(self, joint_func, marginal_func, **kwargs):
        self.plot_marginals(marginal_func, **kwargs)
        self.plot_joint(joint_func, **kwargs)
        return self

    def plot_joint(self, func, **kwargs):
        """Draw func(x, y) on the joint axes (x=, y= and ax= for seaborn's functions)."""
        kwargs = kwargs.copy()
        seaborn_func = str(func.__module__).startswith("seaborn")
        if seaborn_func:
            kwargs["ax"] = self.ax_joint
        else:
            plt.sca(self.ax_joint)
        if self.hue is not None:
            kwargs["hue"] = self.hue
            self._inject_kwargs(func, kwargs, self._hue_params)
        if seaborn_func:
            func(x=self.x, y=self.y, **kwargs)
        else:
            func(self.x, self.y, **kwargs)
        return self

    def plot_marginals(self, func, **kwargs):
        """Draw func of x on the top axes and of y on the right axes (a seaborn function gets x= or y=;
        another one the vector and orientation= or vertical=)."""
        seaborn_func = str(func.__module__).startswith("seaborn") and func.__name__ != "distplot"
        func_params = signature(func).parameters
        kwargs = kwargs.copy()
        if self.hue is not None:
            kwargs["hue"] = self.hue
            self._inject_kwargs(func, kwargs, self._hue_params)
        if "legend" in func_params:
            kwargs.setdefault("legend", False)
        if "orientation" in func_params:
            orient_kw_x, orient_kw_y = {"orientation": "vertical"}, {"orientation": "horizontal"}
        elif "vertical" in func_params:
            orient_kw_x, orient_kw_y = {"vertical": False}, {"vertical": True}
        elif not seaborn_func:
            raise TypeError(f"{getattr(func, '__name__', func)!r} takes neither `orientation` nor `vertical`, so "
                            "it cannot draw the y marginal")
        if seaborn_func:
            func(x=self.x, ax=self.ax_marg_x, **kwargs)
            func(y=self.y, ax=self.ax_marg_y, **kwargs)
        else:
            plt.sca(self.ax_marg_x)
            func(self.x, **orient_kw_x, **kwargs)
            plt.sca(self.ax_marg_y)
            func(self.y, **orient_kw_y, **kwargs)
        self._hide_marginal_labels()
        return self

    def _hide_marginal_labels(self):
        """seaborn hides the marginal axes' labels (the sandbox's labels have no visibility: cleared)."""
        for ax in (self.ax_marg_x, self.ax_marg_y):
            ax.set_xlabel("")
            ax.set_ylabel("")

    def refline(self, *, x=None, y=None, joint=True, marginal=True, color=".5", linestyle="--", **line_kws):
        """Reference lines at x and y on the joint (and marginal) axes."""
        line_kws["color"] = color
        line_kws["linestyle"] = linestyle
        if x is not None:
            if joint:
                self.ax_joint.axvline(x, **line_kws)
            if marginal:
                self.ax_marg_x.axvline(x, **line_kws)
        if y is not None:
            if joint:
                self.ax_joint.axhline(y, **line_kws)
            if marginal:
                self.ax_marg_y.axhline(y, **line_kws)
        return self

    def set_axis_labels(self, xlabel="", ylabel="", **kwargs):
        self.ax_joint.set_xlabel(xlabel, **kwargs)
        self.ax_joint.set_ylabel(ylabel, **kwargs)
        return self


def jointplot(data=None, *, x=None, y=None, hue=None, kind="scatter", height=6, ratio=5, space=.2, dropna=False,
              xlim=None, ylim=None, color=None, palette=None, hue_order=None, hue_norm=None, marginal_ticks=False,
              joint_kws=None, marginal_kws=None, **kwargs):
    """A JointGrid of x and y: a scatterplot (kind="reg": regplot; "hist": a bivariate histogram) with
    histograms (scatter with hue: filled KDEs) in the margins; kind="kde": a bivariate kdeplot with KDEs in
    the margins; kind="hex": matplotlib's hexbin in a colormap blended from the colour, with histograms;
    kind="resid" needs residplot, which the sandbox lacks."""
    from . import _state, distributions, regression, relational
    from .palettes import blend_palette

    if kwargs.pop("ax", None) is not None:
        import warnings
        warnings.warn("Ignoring `ax`; jointplot is a figure-level function.", UserWarning, stacklevel=2)
    joint_kws = {} if joint_kws is None else joint_kws.copy()
    joint_kws.update(kwargs)
    marginal_kws = {} if marginal_kws is None else marginal_kws.copy()
    for key in ("rug", "fit", "hist_kws", "norm_hist", "rug_kws"):
        marginal_kws.pop(key, None)
    if kind not in ("scatter", "hist", "hex", "kde", "reg", "resid"):
        raise ValueError(f"The value for `kind` must be one of ['scatter', 'hist', 'hex', 'kde', 'reg', 'resid'], "
                         f"but {kind!r} was passed.")
    if hue is not None and kind in ("hex", "reg", "resid"):
        raise ValueError(f"Use of `hue` with `kind='{kind}'` is not currently supported.")
    if kind == "resid":
        raise NotImplementedError("jointplot(kind='resid') is not supported in this sandbox (it needs residplot)")
    if kind == "hex":
        dropna = True  # matplotlib's hexbin is not NaN-robust
        hex_color = mpl.colors.to_rgb("C0" if color is None else color)
        cmap = blend_palette([_set_lightness(hex_color, value) for value in np.linspace(1, 0, 12)], as_cmap=True)
    color = _state.cycle()[0] if color is None else color
    grid = JointGrid(data=data, x=x, y=y, hue=hue, palette=palette, hue_order=hue_order, hue_norm=hue_norm,
                     dropna=dropna, height=height, ratio=ratio, space=space, xlim=xlim, ylim=ylim,
                     marginal_ticks=marginal_ticks)
    if grid.hue is not None:
        marginal_kws.setdefault("legend", False)
    if kind == "scatter":
        joint_kws.setdefault("color", color)
        grid.plot_joint(relational.scatterplot, **joint_kws)
        if grid.hue is None:
            marg_func = distributions.histplot
        else:
            marg_func = distributions.kdeplot
            marginal_kws.setdefault("warn_singular", False)
            marginal_kws.setdefault("fill", True)
        marginal_kws.setdefault("color", color)
        grid.plot_marginals(marg_func, **marginal_kws)
    elif kind == "hex":
        joint_kws.setdefault("gridsize", int(np.mean([min(_freedman_diaconis_bins(grid.x), 50),
                                                       min(_freedman_diaconis_bins(grid.y), 50)])))
        joint_kws.setdefault("cmap", cmap)
        grid.plot_joint(plt.hexbin, **joint_kws)
        marginal_kws.setdefault("kde", False)
        marginal_kws.setdefault("color", color)
        grid.plot_marginals(distributions.histplot, **marginal_kws)
    elif kind == "kde":
        joint_kws.setdefault("color", color)
        joint_kws.setdefault("warn_singular", False)
        grid.plot_joint(distributions.kdeplot, **joint_kws)
        marginal_kws.setdefault("color", color)
        if "fill" in joint_kws:
            marginal_kws.setdefault("fill", joint_kws["fill"])
        grid.plot_marginals(distributions.kdeplot, **marginal_kws)
    elif kind == "hist":
        joint_kws.setdefault("color", color)
        grid.plot_joint(distributions.histplot, **joint_kws)
        marginal_kws.setdefault("kde", False)
        marginal_kws.setdefault("color", color)
        marg_x_kws, marg_y_kws = marginal_kws.copy(), marginal_kws.copy()
        for key in ("bins", "binwidth", "binrange"):
            if isinstance(joint_kws.get(key), tuple):
                x_val, y_val = joint_kws[key]
                marg_x_kws.setdefault(key, x_val)
                marg_y_kws.setdefault(key, y_val)
        distributions.histplot(data=data, x=x, hue=hue, **marg_x_kws, ax=grid.ax_marg_x)
        distributions.histplot(data=data, y=y, hue=hue, **marg_y_kws, ax=grid.ax_marg_y)
        grid._hide_marginal_labels()
    else:
        marginal_kws.setdefault("color", color)
        marginal_kws.setdefault("kde", True)
        grid.plot_marginals(distributions.histplot, **marginal_kws)
        joint_kws.setdefault("color", color)
        grid.plot_joint(regression.regplot, **joint_kws)
    plt.sca(grid.ax_joint)
    return grid


def _set_lightness(rgb, lightness):
    """rgb with its HLS lightness replaced (seaborn's set_hls_values(color, l=...))."""
    hue, _, saturation = colorsys.rgb_to_hls(*rgb)
    return colorsys.hls_to_rgb(hue, lightness, saturation)


def _freedman_diaconis_bins(a):
    """seaborn's number of histogram bins by the Freedman-Diaconis rule."""
    a = np.asarray(a, dtype=float)
    if len(a) < 2:
        return 1
    iqr = np.subtract.reduce(np.nanpercentile(a, [75, 25]))
    h = 2 * iqr / (len(a) ** (1 / 3))
    return int(np.sqrt(a.size)) if h == 0 else int(np.ceil((a.max() - a.min()) / h))
