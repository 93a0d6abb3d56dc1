"""The levels of seaborn's "brief" legends of numeric variables: matplotlib's MaxNLocator(nbins=6) ticks
within the data's range, formatted by a ScalarFormatter without offset or scientific notation
(matplotlib 3.10's algorithms, which seaborn's locator_to_legend_entries uses)."""

import math

import matplotlib as mpl
import numpy as np

# MaxNLocator's default steps [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10], extended a decade down and one step up
_STEPS = np.array([0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 15])


def _scale_range(vmin, vmax, n):
    dv = abs(vmax - vmin)
    meanv = (vmax + vmin) / 2
    offset = 0 if abs(meanv) / dv < 100 else math.copysign(10 ** (math.log10(abs(meanv)) // 1), meanv)
    return 10 ** (math.log10(dv / n) // 1), offset


def _close(ms, edge, step, offset):
    if offset > 0:
        tol = min(0.4999, max(1e-10, 10 ** (np.log10(offset / step) - 12)))
    else:
        tol = 1e-10
    return abs(ms - edge) < tol


def max_n_ticks(vmin, vmax, nbins=6, min_n_ticks=2):
    """MaxNLocator(nbins).tick_values(vmin, vmax) for a proper range (vmin < vmax)."""
    scale, offset = _scale_range(vmin, vmax, nbins)
    _vmin, _vmax = vmin - offset, vmax - offset
    steps = _STEPS * scale
    raw_step = (_vmax - _vmin) / nbins
    large = steps >= raw_step
    if mpl.rcParams.get("axes.autolimit_mode", "data") == "round_numbers":
        large = large & ((_vmin // steps) * steps + steps * nbins >= _vmax)
    istep = np.nonzero(large)[0][0] if large.any() else len(steps) - 1
    for step in steps[:istep + 1][::-1]:
        best_vmin = (_vmin // step) * step
        d, m = divmod(_vmin - best_vmin, step)
        low = d + 1 if _close(m / step, 1, step, abs(offset)) else d
        d, m = divmod(_vmax - best_vmin, step)
        high = d if _close(m / step, 0, step, abs(offset)) else d + 1
        ticks = np.arange(low, high + 1) * step + best_vmin
        if ((ticks <= _vmax) & (ticks >= _vmin)).sum() >= min_n_ticks:
            break
    return ticks + offset


def scalar_labels(values, limits):
    """ScalarFormatter(useOffset=False, scientific=False).format_ticks(values)."""
    if not len(values):
        return []
    locs = np.asarray(values if len(values) >= 2 else [*values, *limits], dtype=float)
    loc_range = np.ptp(locs) or np.max(np.abs(locs)) or 1
    if len(values) < 2:
        locs = locs[:-2]
    oom = int(math.floor(math.log10(loc_range)))
    sigfigs = max(0, 3 - oom)
    thresh = 1e-3 * 10 ** oom
    while sigfigs >= 0:
        if np.abs(locs - np.round(locs, decimals=sigfigs)).max() < thresh:
            sigfigs -= 1
        else:
            break
    fmt = f"%1.{sigfigs + 1}f"
    minus = "\N{MINUS SIGN}" if mpl.rcParams.get("axes.unicode_minus", True) else "-"
    return [(fmt % (0 if abs(v) < 1e-8 else v)).replace("-", minus) for v in values]


def brief_levels(levels):
    """(levels, labels) of a brief legend of numeric levels (seaborn's locator_to_legend_entries)."""
    lo, hi = min(levels), max(levels)
    integer = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in levels)
    ticks = max_n_ticks(float(lo), float(hi)) if lo != hi else np.array([float(lo)])
    if integer:
        ticks = ticks.astype(int)
    kept = [t.item() for t in ticks if lo <= t <= hi]
    return kept, scalar_labels(kept, (lo, hi))
