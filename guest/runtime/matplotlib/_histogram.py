"""Histogram counts and bin edges, as numpy.histogram computes them."""

import bisect
import math
import numbers


def histogram(values, bins=10, limits=None, weights=None, density=False, cumulative=False):
    """(counts, edges) of the values (None skipped) within limits (hist()'s range)."""
    if weights is None:
        weights = [1.0] * len(values)
    elif len(weights) != len(values):
        raise ValueError("weights should have the same shape as x")
    pairs = [(v, w) for v, w in zip(values, weights) if v is not None and w is not None]
    edges = bin_edges([v for v, _ in pairs], bins, limits)
    counts = [0.0] * (len(edges) - 1)
    lo, hi = edges[0], edges[-1]
    for value, weight in pairs:
        if lo <= value <= hi:
            index = min(bisect.bisect_right(edges, value) - 1, len(counts) - 1)
            counts[index] += weight
    if density:
        total = sum(counts)
        counts = [c / total / (b - a) if total else 0.0 for c, a, b in zip(counts, edges, edges[1:])]
    if cumulative:
        cells = [c * (b - a) for c, a, b in zip(counts, edges, edges[1:])] if density else counts
        order = -1 if cumulative is not True and cumulative < 0 else 1
        running, out = 0.0, []
        for c in cells[::order]:
            running += c
            out.append(running)
        counts = out[::order]
    return counts, edges


def bin_edges(values, bins, limits=None):
    """The bin edges for bins (a count, an estimator name such as "auto", or the edges)."""
    if limits is not None:
        lo, hi = (float(v) for v in limits)
        values = [v for v in values if lo <= v <= hi]
    elif values:
        lo, hi = min(values), max(values)
    else:
        lo, hi = 0.0, 1.0
    if lo > hi:
        raise ValueError("max must be larger than min in range parameter.")
    if isinstance(bins, str):
        bins = _estimate(bins, values, lo, hi)
    if isinstance(bins, numbers.Integral):
        if bins < 1:
            raise ValueError("`bins` must be positive, when an integer")
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        step = (hi - lo) / bins
        return [lo + i * step for i in range(bins)] + [hi]
    edges = [float(b) for b in bins]
    if len(edges) < 2 or any(b < a for a, b in zip(edges, edges[1:])):
        raise ValueError("`bins` must increase monotonically, when an array")
    return edges


def _estimate(name, values, lo, hi):
    """numpy's bin count estimators."""
    n = len(values)
    if n == 0 or lo == hi:
        return 1
    span = hi - lo
    sturges = span / (math.log2(n) + 1)
    if name == "sturges":
        width = sturges
    elif name == "sqrt":
        width = span / math.sqrt(n)
    elif name == "rice":
        width = span / (2 * n ** (1 / 3))
    elif name == "scott":
        mean = sum(values) / n
        std = math.sqrt(sum((v - mean) ** 2 for v in values) / n)
        width = (24 * math.sqrt(math.pi) / n) ** (1 / 3) * std
    elif name in ("fd", "auto"):
        ordered = sorted(values)
        iqr = _percentile(ordered, 0.75) - _percentile(ordered, 0.25)
        fd = 2 * iqr * n ** (-1 / 3)
        width = fd if name == "fd" else (min(fd, sturges) if fd else sturges)
    else:
        raise ValueError(f"{name!r} is not a valid estimator for `bins`")
    return max(math.ceil(span / width), 1) if width else 1


def _percentile(ordered, q):
    position = (len(ordered) - 1) * q
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)
