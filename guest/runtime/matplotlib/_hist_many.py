"""hist() of several datasets at once, as matplotlib 3.10's Axes.hist lays them out.

The bins are worked out once from all the data. histtype="bar" puts each bin's bars side by side:
each is dr * bin width / n wide (dr = rwidth, else 0.8), the first starting
0.5 * dr * bin width * (1 - 1/n) left of the bin's centre. Stacked bars ("barstacked" or
stacked=True) are dr * bin width wide (dr = rwidth, else 1) on the running total. Step types
draw each dataset's outline over the whole bins; stacked outlines are refused.
"""

from . import _data, _histogram, _rc
from ._bars import Hist


def hist(axes, datasets, *, bins, limits, density, weights, cumulative, histtype, orientation, rwidth,
         color, label, stacked, style, zorder):
    """Draws the histograms of `datasets` (lists of numbers) on `axes`, each with `style` (Hist's
    edgecolor, linewidth and alpha); returns (tops, edges, patches) as matplotlib does for several
    datasets."""
    count = len(datasets)
    stacked = stacked or histtype == "barstacked"
    if stacked and histtype.startswith("step"):
        raise NotImplementedError("hist(stacked=True) of step histograms is not supported in this sandbox")
    if stacked and density:
        raise NotImplementedError("hist(stacked=True, density=True) is not supported in this sandbox")
    weights = [None] * count if weights is None else [_numbers(w) for w in _data.items(weights)]
    if len(weights) != count:
        raise ValueError("weights should have the same shape as x")
    colors = _colors(color, count) or [axes._next_color("line") for _ in range(count)]
    # As matplotlib's zip_longest: the first datasets get the labels given.
    labels = ([label] if isinstance(label, str) else list(label or []))[:count]
    labels += [None] * (count - len(labels))
    everything = [v for values in datasets for v in values if v is not None]
    edges = _histogram.bin_edges(everything, _rc.rcParams["hist.bins"] if bins is None else bins, limits)
    tops = [_histogram.histogram(values, edges, None, w, density, cumulative)[0]
            for values, w in zip(datasets, weights)]
    bars = _bar_layout(edges, tops, histtype, rwidth, stacked)
    patches = []
    for i, counts in enumerate(tops):
        artist = Hist(edges, counts, orientation, "bar" if histtype == "barstacked" else histtype, colors[i],
                      label=labels[i], bars=None if bars is None else bars[i], **style)
        axes._add(artist, zorder)
        if bars is not None:
            axes.containers.append(artist)
        patches.append([artist] if histtype.startswith("step") else artist)
    import numpy as np  # matplotlib returns arrays

    if stacked:
        tops = [[sum(column[:i + 1]) for column in zip(*tops)] for i in range(count)]
    return np.asarray(tops, dtype=float), np.asarray(edges), patches


def _bar_layout(edges, tops, histtype, rwidth, stacked):
    """Each dataset's (centres, widths, bottoms), or None for step types (drawn over the bins)."""
    if histtype.startswith("step"):
        return None
    count = len(tops)
    dr = min(max(rwidth, 0.0), 1.0) if rwidth is not None else (1.0 if stacked else 0.8)
    spans = [hi - lo for lo, hi in zip(edges, edges[1:])]
    layout, running = [], [0.0] * len(spans)
    for i, counts in enumerate(tops):
        if stacked:
            widths = [dr * span for span in spans]
            centres = [lo + 0.5 * span for lo, span in zip(edges, spans)]
            bottoms, running = running, [b + c for b, c in zip(running, counts)]
        else:
            widths = [dr * span / count for span in spans]
            centres = [lo + 0.5 * span - 0.5 * dr * span * (1 - 1 / count) + i * width
                       for lo, span, width in zip(edges, spans, widths)]
            bottoms = [0.0] * len(spans)
        layout.append((centres, widths, bottoms))
    return layout


def _colors(color, count):
    """One colour per dataset, or None to take them from the cycle."""
    if color is None:
        return None
    colors = [color] if isinstance(color, str) or _is_rgb(color) else list(color)
    if len(colors) != count:
        raise ValueError(f"The 'color' keyword argument must have one color per dataset, but {count} datasets "
                         f"and {len(colors)} colors were provided")
    return colors


def _is_rgb(value):
    return isinstance(value, (list, tuple)) and len(value) in (3, 4) and all(isinstance(v, (int, float)) for v in value)


def _numbers(values):
    return [_data.number(v) for v in _data.items(values)]
