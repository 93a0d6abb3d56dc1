"""matplotlib.cbook: the statistics behind boxplot() and violinplot(), and a few helpers
example code uses."""

import math

from . import _data

__all__ = ["boxplot_stats", "violin_stats", "flatten", "percentile"]


def percentile(values, q):
    """The q-th percentile (0..100) of sorted values, by linear interpolation (numpy's default)."""
    if not values:
        return math.nan
    position = (len(values) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def _dataset(data):
    """One dataset as a list of floats; missing values are refused (matplotlib would draw NaN)."""
    values = [_data.number(v) for v in _data.items(data)]
    if any(v is None for v in values):
        raise NotImplementedError("boxplot()/violinplot() of data with NaN or None is not supported in this "
                                  "sandbox; drop the missing values first")
    return values


def datasets(X):
    """X as a list of datasets: a 1-D sequence is one, a 2-D array one per column, a list of
    sequences one per item (matplotlib's reshape_2D)."""
    if hasattr(X, "ndim") and getattr(X, "ndim", 1) == 2:
        rows = X.tolist()
        return [_dataset(column) for column in zip(*rows)] if rows else []
    items = _data.items(X)
    if items and all(hasattr(item, "__len__") and not isinstance(item, str) for item in items):
        return [_dataset(item) for item in items]
    return [_dataset(items)]


def boxplot_stats(X, whis=1.5, bootstrap=None, labels=None, autorange=False):
    """Per dataset: mean, med, q1, q3, iqr, whislo, whishi, fliers (and label), as matplotlib's."""
    stats = []
    data = datasets(X)
    for i, given in enumerate(data):
        values = sorted(given)
        entry = {}
        if labels is not None:
            entry["label"] = labels[i]
        if not values:
            entry.update(mean=math.nan, med=math.nan, q1=math.nan, q3=math.nan, iqr=math.nan,
                         cilo=math.nan, cihi=math.nan, whislo=math.nan, whishi=math.nan, fliers=[])
            stats.append(entry)
            continue
        q1, med, q3 = (percentile(values, q) for q in (25, 50, 75))
        iqr = q3 - q1
        if iqr == 0 and autorange:
            whis = (0, 100)
        if isinstance(whis, (tuple, list)):
            low_bound, high_bound = percentile(values, whis[0]), percentile(values, whis[1])
        else:
            low_bound, high_bound = q1 - whis * iqr, q3 + whis * iqr
        top = max((v for v in values if v <= high_bound), default=q3)
        bottom = min((v for v in values if v >= low_bound), default=q1)
        whishi, whislo = max(top, q3), min(bottom, q1)
        if bootstrap is not None:
            cilo, cihi = _bootstrap_median(given, bootstrap)
        else:
            notch = 1.57 * iqr / math.sqrt(len(values))
            cilo, cihi = med - notch, med + notch
        entry.update(mean=sum(values) / len(values), med=med, q1=q1, q3=q3, iqr=iqr,
                     cilo=cilo, cihi=cihi, whislo=whislo, whishi=whishi,
                     # the low outliers, then the high ones, each in the data's order
                     fliers=[v for v in given if v < whislo] + [v for v in given if v > whishi])
        stats.append(entry)
    return stats


def _bootstrap_median(data, n):
    """The 95% interval of the median over n resamples drawn with numpy's global random state, as
    matplotlib's (so a seeded script gets the same notches)."""
    import numpy as np

    data = np.asarray(data, dtype=float)
    estimate = np.median(data[np.random.randint(len(data), size=(n, len(data)))], axis=1)
    lo, hi = np.percentile(estimate, [2.5, 97.5])
    return float(lo), float(hi)


def violin_stats(X, points=100, bw_method=None, quantiles=None):
    """Per dataset: coords (points from min to max), vals (the Gaussian KDE there, Scott's
    bandwidth unless bw_method gives a factor), mean, median, min, max, as matplotlib's."""
    if bw_method not in (None, "scott", "silverman") and not isinstance(bw_method, (int, float)):
        raise NotImplementedError("violinplot bw_method must be 'scott', 'silverman' or a number in this sandbox")
    results = []
    data = datasets(X)
    if quantiles is None:
        quantiles = [None] * len(data)
    else:  # matplotlib's _reshape_2D: a flat list of numbers is one dataset's quantiles
        quantiles = list(quantiles.tolist() if hasattr(quantiles, "tolist") else quantiles)
        if quantiles and all(isinstance(q, (int, float)) for q in quantiles):
            quantiles = [quantiles]
        if len(quantiles) != len(data):
            raise ValueError("List of violinplot statistics and quantiles values must have the same length")
    for values, wanted in zip(data, quantiles):
        values = sorted(values)
        n = len(values)
        if n < 2:
            raise ValueError("`dataset` input should have multiple elements.")
        mean = sum(values) / n
        variance = sum((v - mean) ** 2 for v in values) / (n - 1)
        factor = (n ** (-1 / 5) if bw_method in (None, "scott") else
                  (n * 3 / 4) ** (-1 / 5) if bw_method == "silverman" else float(bw_method))
        cov = variance * factor ** 2
        lo, hi = values[0], values[-1]
        coords = [lo + (hi - lo) * i / (points - 1) for i in range(points)]
        if cov == 0:
            raise ValueError("violinplot() of a dataset without spread (its KDE is singular)")
        scale = 1 / (n * math.sqrt(2 * math.pi * cov))
        vals = [scale * sum(math.exp(-(c - v) ** 2 / (2 * cov)) for v in values) for c in coords]
        entry = {"coords": coords, "vals": vals, "mean": mean, "median": percentile(values, 50),
                 "min": lo, "max": hi}
        if wanted:
            entry["quantiles"] = [percentile(values, 100 * q) for q in wanted]
        results.append(entry)
    return results


def flatten(seq, scalarp=None):
    """The items of nested sequences (strings stay whole)."""
    for item in seq:
        if isinstance(item, (str, bytes)) or not hasattr(item, "__iter__"):
            yield item
        else:
            yield from flatten(item, scalarp)
