"""regplot (seaborn.regression): the points, a least-squares (polynomial) fit and its bootstrap
confidence band, drawn with Axes.scatter, Axes.plot and Axes.fill_between as seaborn 0.13.2 does."""

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors as mcolors

from . import _core
from ._statistics import bootstrap

__all__ = ["regplot", "residplot"]


def _ci(a, which, axis=None):
    return np.nanpercentile(a, (50 - which / 2, 50 + which / 2), axis)


def _fit(x, y, grid, order, ci, n_boot, seed, logx=False):
    """(yhat on grid, bootstrap band or None): seaborn's fit_fast (order 1; fit_logx, y against
    log x, with logx) and fit_poly."""
    if order == 1:
        transform = np.log if logx else np.asarray
        X = np.c_[np.ones(len(x)), x]
        G = np.c_[np.ones(len(grid)), transform(grid)]

        def reg_func(_x, _y):
            return np.linalg.pinv(np.c_[_x[:, 0], transform(_x[:, 1])]).dot(_y)

        yhat = G.dot(reg_func(X, y))
        if ci is None:
            return yhat, None
        boots = G.dot(bootstrap(X, y, func=reg_func, n_boot=n_boot, seed=seed).T).T
    else:
        def reg_func(_x, _y):
            return np.polyval(np.polyfit(_x, _y, order), grid)

        yhat = reg_func(x, y)
        if ci is None:
            return yhat, None
        boots = bootstrap(x, y, func=reg_func, n_boot=n_boot, seed=seed)
    return yhat, _ci(boots, ci, axis=0)


def _estimates(x, y, estimator, x_ci, n_boot, seed):
    """(x values, estimates, intervals) of y per distinct x (seaborn's estimate_data)."""
    values = sorted(np.unique(x))
    points, cis = [], []
    for val in values:
        _y = y[x == val]
        est = estimator(_y)
        points.append(est)
        if x_ci is None:
            cis.append(None)
        elif x_ci == "sd":
            sd = np.std(_y)
            cis.append((est - sd, est + sd))
        else:
            cis.append(_ci(bootstrap(_y, func=estimator, n_boot=n_boot, seed=seed), x_ci))
    return values, points, cis


def regplot(data=None, *, x=None, y=None, x_estimator=None, x_bins=None, x_ci="ci", scatter=True, fit_reg=True,
            ci=95, n_boot=1000, units=None, seed=None, order=1, logistic=False, lowess=False, robust=False,
            logx=False, x_partial=None, y_partial=None, truncate=True, dropna=True, x_jitter=None, y_jitter=None,
            label=None, color=None, marker="o", scatter_kws=None, line_kws=None, ax=None):
    """A scatter plot of y against x with a linear (polynomial with order=, in log x with logx=)
    regression line and its 95% bootstrap confidence band."""
    for name, value in (("units", units), ("logistic", logistic), ("lowess", lowess), ("robust", robust),
                        ("x_partial", x_partial), ("y_partial", y_partial)):
        if value is not None and value is not False:
            raise NotImplementedError(f"regplot({name}=...) is not supported in this sandbox")
    p = _core.PlotData(data, dict(x=x, y=y))
    rows = p.dropna() if dropna else p.frame
    xs, ys = np.asarray(rows["x"], dtype=float), np.asarray(rows["y"], dtype=float)
    x_ci = ci if x_ci == "ci" else x_ci
    x_discrete = xs
    if x_bins is not None:
        x_estimator = np.mean if x_estimator is None else x_estimator
        bins = np.percentile(xs, np.linspace(0, 100, x_bins + 2)[1:-1]) if np.isscalar(x_bins) else np.ravel(x_bins)
        x_discrete = bins[np.argmin(np.abs(np.subtract.outer(xs, bins)), axis=1)].ravel()
    fit_reg = fit_reg and len(xs) > 1
    ax = plt.gca() if ax is None else ax
    scatter_kws = dict(scatter_kws or {}, marker=marker)
    line_kws = dict(line_kws or {})
    (scatter_kws if scatter else line_kws)["label"] = label
    color = mcolors.to_hex(_core.default_color(ax, "line", color))
    scatter_kws.setdefault("color", color)
    line_kws.setdefault("color", color)
    if scatter:
        if x_estimator is None:
            scatter_kws.setdefault("linewidths", mpl.rcParams.get("lines.markeredgewidth", 1.0))
            scatter_kws.setdefault("alpha", .8)
            px = xs if x_jitter is None else xs + np.random.uniform(-x_jitter, x_jitter, len(xs))
            py = ys if y_jitter is None else ys + np.random.uniform(-y_jitter, y_jitter, len(ys))
            ax.scatter(px, py, **scatter_kws)
        else:
            ci_kws = {"color": scatter_kws["color"], "linewidth": mpl.rcParams["lines.linewidth"] * 1.75}
            if "alpha" in scatter_kws:
                ci_kws["alpha"] = scatter_kws["alpha"]
            scatter_kws.setdefault("s", 50)
            values, points, cis = _estimates(x_discrete, ys, x_estimator, x_ci, n_boot, seed)
            for value, interval in zip(values, cis):
                if interval is not None:
                    ax.plot([value, value], list(interval), **ci_kws)
            ax.scatter(values, points, **scatter_kws)
    if fit_reg:
        lo, hi = (xs.min(), xs.max()) if truncate else ax.get_xlim()
        grid = np.linspace(lo, hi, 100)
        yhat, band = _fit(xs, ys, grid, order, ci, n_boot, seed, logx=bool(logx))
        fill_color = line_kws["color"]
        line_kws.setdefault("linewidth", line_kws.pop("lw", mpl.rcParams["lines.linewidth"] * 1.5))
        ax.plot(grid, yhat, **line_kws)
        if band is not None:
            ax.fill_between(grid, *band, facecolor=fill_color, alpha=.15)
    _label_axes(ax, p.names)
    return ax


def _label_axes(ax, names):
    for var in ("x", "y"):
        if names.get(var) is not None:
            getattr(ax, f"set_{var}label")(str(names[var]))


def residplot(data=None, *, x=None, y=None, x_partial=None, y_partial=None, lowess=False, order=1, robust=False,
              dropna=True, label=None, color=None, scatter_kws=None, line_kws=None, ax=None):
    """The residuals of y's least-squares (polynomial) fit on x, scattered over a dotted line at 0."""
    for name, value in (("x_partial", x_partial), ("y_partial", y_partial), ("robust", robust), ("lowess", lowess)):
        if value is not None and value is not False:
            raise NotImplementedError(f"residplot({name}=...) is not supported in this sandbox")
    p = _core.PlotData(data, dict(x=x, y=y))
    rows = p.dropna() if dropna else p.frame
    xs, ys = np.asarray(rows["x"], dtype=float), np.asarray(rows["y"], dtype=float)
    yhat, _ = _fit(xs, ys, xs, order, None, 0, None)
    ax = plt.gca() if ax is None else ax
    ax.axhline(0, ls=":", c=".2")
    regplot(x=xs, y=ys - yhat, fit_reg=False, ci=None, label=label, color=color, scatter_kws=scatter_kws,
            line_kws=line_kws, ax=ax)
    _label_axes(ax, p.names)
    return ax
