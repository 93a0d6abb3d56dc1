"""The levels of seaborn's "brief" legends of numeric variables: matplotlib's MaxNLocator(nbins=6) ticks
within the data's range, formatted by a ScalarFormatter without offset or scientific notation
(matplotlib 3.10's algorithms, which seaborn's locator_to_legend_entries uses)."""

import matplotlib as mpl
import numpy as np
from matplotlib.ticker import MaxNLocator, scalar_decimals


def scalar_labels(values, limits):
    """ScalarFormatter(useOffset=False, scientific=False).format_ticks(values)."""
    if not len(values):
        return []
    fmt = f"%1.{scalar_decimals(values, limits)}f"
    minus = "\N{MINUS SIGN}" if mpl.rcParams.get("axes.unicode_minus", True) else "-"
    return [(fmt % (0 if abs(v) < 1e-8 else v)).replace("-", minus) for v in values]


def brief_levels(levels):
    """(levels, labels) of a brief legend of numeric levels (seaborn's locator_to_legend_entries)."""
    lo, hi = min(levels), max(levels)
    integer = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in levels)
    ticks = np.array(MaxNLocator(nbins=6).tick_values(float(lo), float(hi)) if lo != hi else [float(lo)])
    if integer:
        ticks = ticks.astype(int)
    kept = [t.item() for t in ticks if lo <= t <= hi]
    return kept, scalar_labels(kept, (lo, hi))
