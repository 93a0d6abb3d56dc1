"""Plots of samples: ecdf (the empirical distribution as a step line) and eventplot (a row of
tick lines per sequence of events), as matplotlib 3.10 draws them."""

from . import _data
from .collections import EventCollection


class SampleMethods:
    """Axes methods over samples (mixed into Axes)."""

    def ecdf(self, x, weights=None, *, complementary=False, orientation="vertical", compress=False, **kwargs):
        """Plot the empirical cumulative distribution of x (1 - it when complementary); returns the line."""
        if orientation not in ("horizontal", "vertical"):
            raise ValueError(f"{orientation!r} is not a valid value for orientation; supported values are "
                             "'horizontal', 'vertical'")
        if "drawstyle" in kwargs or "ds" in kwargs:
            raise TypeError("Cannot pass 'drawstyle' or 'ds' to ecdf()")
        values = [_data.number(v) for v in _data.items(x)]
        if any(v is None or v != v for v in values):
            raise ValueError("ecdf() does not support NaNs")
        order = sorted(range(len(values)), key=values.__getitem__)
        values = [values[i] for i in order]
        if weights is None:
            cumulative = [(1 + i) / len(values) for i in range(len(values))]  # ends at exactly 1
        else:
            import numpy

            weights = numpy.take(numpy.asarray(_data.items(weights), dtype=float), order)
            cumulative = numpy.cumsum(weights / numpy.sum(weights)).tolist()
        if compress:
            firsts = [0] + [i for i in range(1, len(values)) if values[i - 1] != values[i]]
            values = [values[i] for i in firsts]
            cumulative = [cumulative[i] for i in firsts]
        if complementary:
            steps, heights, style = [*values, values[-1]], [1, *(1 - c for c in cumulative)], "pre"
        else:
            steps, heights, style = [values[0], *values], [0, *cumulative], "post"
        if orientation == "horizontal":  # the probability runs along x; the step sides swap
            style = {"pre": "post", "post": "pre"}[style]
            line, = self.plot(heights, steps, drawstyle=f"steps-{style}", **kwargs)
            line._sticky = {"x": [0, 1]}
        else:
            line, = self.plot(steps, heights, drawstyle=f"steps-{style}", **kwargs)
            line._sticky = {"y": [0, 1]}
        return line

    def eventplot(self, positions, orientation="horizontal", lineoffsets=1, linelengths=1, linewidths=None,
                  colors=None, alpha=None, linestyles="solid", **kwargs):
        """A row of short lines at each sequence of positions; returns the EventCollections."""
        colors = kwargs.pop("color", None) if colors is None else colors
        linewidths = kwargs.pop("linewidth", None) if linewidths is None else linewidths
        linestyles = kwargs.pop("linestyle", linestyles)
        if kwargs:
            raise NotImplementedError(f"eventplot(): {next(iter(kwargs))}= is not supported in this sandbox")
        rows = _data.items(positions) if _iterable(positions) else [positions]
        if not any(_iterable(row) for row in rows):
            rows = [rows]
        rows = [[_data.number(p) for p in _data.items(row)] for row in rows]
        count = len(rows)
        offsets = _per_row(lineoffsets, "lineoffsets")
        if len(offsets) == 1 and count != 1:  # one offset: rows 0, offset, 2 * offset, ...
            offsets = [offsets[0] * i for i in range(count)]
        lengths = _per_row(linelengths, "linelengths")
        widths = _per_row(linewidths, "linewidths")
        alphas = _per_row(alpha, "alpha")
        styles = [linestyles] if isinstance(linestyles, str) or not _iterable(linestyles) else list(linestyles)
        colors = [colors] if colors is None or isinstance(colors, str) or _is_rgb(colors) else list(colors)
        if not colors:
            colors = [None]
        columns = {"lineoffsets": offsets, "linelengths": lengths, "linewidths": widths, "colors": colors,
                   "alpha": alphas, "linestyles": styles}
        for name, column in columns.items():
            if len(column) == 1:
                columns[name] = column * count
            elif len(column) != count:
                raise ValueError(f"{name} and positions are unequal sized sequences")
        collections = []
        for row, offset, length, width, color, alpha_, style in zip(rows, *columns.values()):
            collection = EventCollection(row, orientation=orientation, lineoffset=offset, linelength=length,
                                         linewidth=width, color=color, alpha=alpha_, linestyle=style)
            if row:  # matplotlib autoscales eventplot to the positions and each offset +- a whole length
                collection._row_extent = (offset - length, offset + length)
            collections.append(self._add(collection))
        return collections


def _iterable(value):
    return not isinstance(value, str) and (hasattr(value, "__iter__") or hasattr(value, "tolist"))


def _is_rgb(value):
    items = _data.items(value)
    return len(items) in (3, 4) and all(isinstance(v, (int, float)) for v in items)


def _per_row(value, name):
    values = [_data.number(v) if v is not None else None for v in _data.items(value)] if _iterable(value) \
        else [value]
    if not values:
        raise ValueError(f"{name} cannot be empty")
    return values

