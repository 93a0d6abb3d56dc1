"""The statistics behind the plots, as seaborn 0.13.2 computes them: estimates with error intervals
(bootstrap CIs with numpy's default_rng, as seaborn.algorithms.bootstrap), histogram bins, and the
Gaussian KDE (scipy.stats.gaussian_kde's maths, written with numpy)."""

import math
from numbers import Number

import numpy as np

_ERROR_LEVELS = {"ci": 95, "pi": 95, "se": 1, "sd": 1}
# pandas' reductions (Series.agg(name)) that differ from numpy's function of the same name
_PANDAS_AGG = {"std": lambda a: np.std(a, ddof=1), "var": lambda a: np.var(a, ddof=1),
               "sem": lambda a: np.std(a, ddof=1) / math.sqrt(len(a)), "count": len, "size": len}


def validate_errorbar(arg):
    """(method, level) of an errorbar argument: "ci", ("pi", 50), a callable or None."""
    if arg is None:
        return None, None
    if callable(arg):
        return arg, None
    if isinstance(arg, str):
        method, level = arg, _ERROR_LEVELS.get(arg)
    else:
        try:
            method, level = arg
        except (ValueError, TypeError) as err:
            raise err.__class__("`errorbar` must be a callable, string, or (string, number) tuple") from err
    if method not in _ERROR_LEVELS:
        raise ValueError(f"`errorbar` must be one of {list(_ERROR_LEVELS)} (or a callable), not {method!r}")
    if level is not None and not isinstance(level, Number):
        raise TypeError("`errorbar` must be a callable, string, or (string, number) tuple")
    return method, level


def _reduce(estimator, values):
    """estimator (a name pandas' Series.agg knows, or a callable) applied to values."""
    if callable(estimator):
        return float(estimator(values))
    if estimator in _PANDAS_AGG:
        return float(_PANDAS_AGG[estimator](values))
    function = getattr(np, estimator, None)
    if function is None:
        raise ValueError(f"{estimator!r} is not a valid estimator")
    return float(function(values))


class EstimateAggregator:
    """An estimate of a vector and its error interval (seaborn's EstimateAggregator)."""

    def __init__(self, estimator, errorbar=None, n_boot=1000, seed=None):
        self.estimator = estimator
        self.error_method, self.error_level = validate_errorbar(errorbar)
        self.n_boot, self.seed = n_boot, seed

    def __call__(self, values):
        """(estimate, low, high) of a list of numbers; low and high are NaN without an interval."""
        vals = np.asarray(values, dtype=float)
        estimate = _reduce(self.estimator, vals)
        method, level = self.error_method, self.error_level
        if method is None or len(vals) <= 1:
            return estimate, math.nan, math.nan
        if callable(method):
            low, high = method(vals)
        elif method == "sd":
            half = np.std(vals, ddof=1) * level
            low, high = estimate - half, estimate + half
        elif method == "se":
            half = np.std(vals, ddof=1) / math.sqrt(len(vals)) * level
            low, high = estimate - half, estimate + half
        elif method == "pi":
            low, high = percentile_interval(vals, level)
        else:
            boots = bootstrap(vals, func=self.estimator, n_boot=self.n_boot, seed=self.seed)
            low, high = percentile_interval(boots, level)
        return estimate, float(low), float(high)


def percentile_interval(data, width):
    edge = (100 - width) / 2
    return np.nanpercentile(data, (edge, 100 - edge))


def bootstrap(*args, func="mean", n_boot=10000, seed=None):
    """Statistics of n_boot resamples (with replacement) of the arrays, like seaborn's bootstrap:
    one generator np.random.default_rng(seed) per call, integers(0, n, n) per resample."""
    n = len(args[0])
    if any(len(a) != n for a in args):
        raise ValueError("All input arrays must have the same length")
    rng = seed if isinstance(seed, np.random.RandomState) else np.random.default_rng(seed)
    integers = getattr(rng, "integers", None) or rng.randint
    args = [np.asarray(a) for a in args]
    if isinstance(func, str):
        f = getattr(np, func)
        if np.isnan(np.sum(np.column_stack(args))) and not func.startswith("nan"):
            f = getattr(np, f"nan{func}", f)
    else:
        f = func
    boot_dist = []
    for _ in range(int(n_boot)):
        resampler = integers(0, n, n, dtype=np.intp)
        boot_dist.append(f(*[a.take(resampler, axis=0) for a in args]))
    return np.array(boot_dist)


# Histograms

HIST_STATS = ["count", "frequency", "density", "probability", "proportion", "percent"]


def bin_params(values, weights=None, bins="auto", binwidth=None, binrange=None, discrete=False):
    """np.histogram's keywords for values (seaborn's Hist._define_bin_params)."""
    vals = np.asarray(values, dtype=float)
    vals = vals[np.isfinite(vals)]
    start, stop = (vals.min(), vals.max()) if binrange is None else binrange
    if discrete:
        edges = np.arange(start - .5, stop + 1.5)
    else:
        if binwidth is not None:
            bins = int(round((stop - start) / binwidth))
        edges = np.histogram_bin_edges(vals, bins, binrange, weights)
    if isinstance(bins, (str, int)) and not isinstance(bins, bool):
        return {"bins": len(edges) - 1, "range": (edges.min(), edges.max())}
    return {"bins": edges}


def histogram(values, bin_kws, stat="count", weights=None, cumulative=False):
    """(heights, edges) of one histogram, normalised by stat (seaborn's Hist._eval and _normalize)."""
    hist, edges = np.histogram(np.asarray(values, dtype=float), **bin_kws, weights=weights,
                               density=stat == "density")
    widths = np.diff(edges)
    if stat in ("probability", "proportion"):
        hist = hist.astype(float) / hist.sum()
    elif stat == "percent":
        hist = hist.astype(float) / hist.sum() * 100
    elif stat == "frequency":
        hist = hist.astype(float) / widths
    if cumulative:
        hist = (hist * widths).cumsum() if stat in ("density", "frequency") else hist.cumsum()
    return hist, edges


# Kernel density

class KDE:
    """Univariate Gaussian KDE on a grid (seaborn's KDE over scipy's gaussian_kde)."""

    def __init__(self, bw_method=None, bw_adjust=1, gridsize=200, cut=3, clip=None, cumulative=False):
        self.cumulative = cumulative
        self.bw_method, self.bw_adjust = bw_method, bw_adjust
        self.gridsize, self.cut = gridsize, cut
        self.clip = (None, None) if clip is None else clip
        self.support = None

    def _fit(self, x, weights):
        """(data, normalised weights, variance of the kernel) like gaussian_kde(x, bw_method, weights)
        followed by set_bandwidth(factor * bw_adjust)."""
        x = np.asarray(x, dtype=float)
        w = np.full(len(x), 1.0 / len(x)) if weights is None else np.asarray(weights, dtype=float)
        w = w / w.sum()
        neff = 1 / np.sum(w ** 2)
        method = self.bw_method
        if method is None or method == "scott":
            factor = neff ** (-1. / 5)
        elif method == "silverman":
            factor = (neff * 3 / 4.) ** (-1. / 5)
        elif isinstance(method, Number) and not isinstance(method, str):
            factor = float(method)
        else:
            raise NotImplementedError(f"bw_method={method!r} is not supported in this sandbox")
        data_variance = float(np.cov(x[np.newaxis, :], rowvar=1, bias=False, aweights=w))
        return x, w, data_variance * (factor * self.bw_adjust) ** 2

    def define_support(self, x, weights=None, cache=True):
        _, _, variance = self._fit(x, weights)
        bw = np.sqrt(variance)
        x = np.asarray(x, dtype=float)
        lo = -np.inf if self.clip[0] is None else self.clip[0]
        hi = np.inf if self.clip[1] is None else self.clip[1]
        support = np.linspace(max(x.min() - bw * self.cut, lo), min(x.max() + bw * self.cut, hi), self.gridsize)
        if cache:
            self.support = support
        return support

    def __call__(self, x, weights=None):
        """(density, support) of x; with cumulative, the distribution function from the
        support's first point (gaussian_kde's integrate_box_1d, as seaborn)."""
        support = self.support if self.support is not None else self.define_support(x, cache=False)
        data, w, variance = self._fit(x, weights)
        sd = math.sqrt(variance)
        if self.cumulative:
            start = _normal_cdf((support[0] - data) / sd)
            return np.array([np.sum(w * (_normal_cdf((point - data) / sd) - start))
                             for point in support]), support
        norm = 1 / (math.sqrt(2 * math.pi) * sd)
        density = np.empty(len(support))
        data_scaled = data / sd
        for i, point in enumerate(support / sd):
            density[i] = np.sum(w * np.exp(-((data_scaled - point) ** 2) / 2)) * norm
        return density, support


def _normal_cdf(z):
    """The standard normal distribution function of each of z (scipy's ndtr)."""
    return np.array([0.5 * math.erfc(-v / math.sqrt(2)) for v in np.ravel(z)])
