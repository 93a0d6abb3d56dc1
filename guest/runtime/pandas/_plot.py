"""DataFrame.plot / Series.plot: line, bar, barh, scatter, hist and pie drawn with the
sandbox's matplotlib (the plotted columns cross into the guest as lists)."""

import datetime as _dt
from . import _dtypes

_KINDS = ("line", "bar", "barh", "scatter", "hist", "pie", "area", "box", "kde", "density", "hexbin")
_MAX_TICKS = 10


class PlotAccessor:
    def __init__(self, data):
        self._data = data

    def __call__(self, kind="line", x=None, y=None, ax=None, title=None, figsize=None, legend=None,
                 xlabel=None, ylabel=None, color=None, grid=None, rot=None, bins=10, **kwargs):
        if kind not in _KINDS[:6]:
            raise NotImplementedError(f"plot(kind={kind!r})")
        for key in ("subplots", "stacked", "secondary_y", "logy", "logx", "style", "xlim", "ylim"):
            if kwargs.get(key):
                raise NotImplementedError(f"plot({key}=...)")
        kwargs = {k: v for k, v in kwargs.items() if k in ("alpha", "linewidth", "marker", "linestyle", "s", "autopct", "startangle", "edgecolor", "width")}
        import matplotlib.pyplot as plt
        from .frame import DataFrame
        frame = isinstance(self._data, DataFrame)
        if ax is None:
            if frame or figsize is not None:
                fig, ax = plt.subplots(figsize=figsize)
            else:
                ax = plt.gca()
        series = self._columns(x, y, kind)
        labels = self._x_labels(x)
        draw = getattr(self, "_" + kind)
        draw(ax, labels, series, color=color, bins=bins, rot=rot, **kwargs)
        if title is not None:
            ax.set_title(title)
        name = self._index_name(x)
        if xlabel is not None or (name is not None and kind in ("line", "bar", "scatter")):
            ax.set_xlabel(xlabel if xlabel is not None else str(name))
        if ylabel is not None:
            ax.set_ylabel(ylabel)
        if kind == "barh" and name is not None and ylabel is None:
            ax.set_ylabel(str(name))
        show_legend = legend if legend is not None else (frame and kind not in ("scatter", "pie") and len(series) > 0)
        if show_legend and kind not in ("pie",):
            ax.legend()
        if grid:
            ax.grid(True)
        return ax

    def line(self, x=None, y=None, **kw): return self(kind="line", x=x, y=y, **kw)
    def bar(self, x=None, y=None, **kw): return self(kind="bar", x=x, y=y, **kw)
    def barh(self, x=None, y=None, **kw): return self(kind="barh", x=x, y=y, **kw)
    def scatter(self, x, y, **kw): return self(kind="scatter", x=x, y=y, **kw)
    def hist(self, bins=10, **kw): return self(kind="hist", bins=bins, **kw)
    def pie(self, y=None, **kw): return self(kind="pie", y=y, **kw)

    def __getattr__(self, name):
        raise NotImplementedError(f"plot.{name}")

    # --- data --------------------------------------------------------------------------------
    def _columns(self, x, y, kind):
        """[(label, values)] of the plotted columns."""
        from .frame import DataFrame
        data = self._data
        if not isinstance(data, DataFrame):
            return [(data.name, data.tolist())]
        if kind == "scatter":
            if x is None or y is None:
                raise ValueError("scatter requires an x and y column")
            return [(y, data[y].tolist())]
        if y is None:
            names = [c for c in data.columns if c != x and
                     data._t.dtypes[data._name(c)] in _dtypes.NUMBERS]
        else:
            names = y if isinstance(y, list) else [y]
        return [(n, data[n].tolist()) for n in names]

    def _x_labels(self, x):
        if x is not None:
            return self._data[x].tolist()
        return list(self._data.index)

    def _index_name(self, x):
        if x is not None:
            return x
        names = self._data.index.names
        return names[0] if len(names) == 1 else None

    # --- kinds ---------------------------------------------------------------------------------
    def _line(self, ax, labels, series, color=None, rot=None, **kw):
        kw.pop("bins", None)
        positions, ticks = _positions(labels)
        for i, (label, values) in enumerate(series):
            c = color[i] if isinstance(color, list) else color
            extra = {"color": c} if c is not None else {}
            ax.plot(positions, values, label=str(label) if label is not None else None, **extra, **kw)
        if ticks:
            ax.set_xticks(*ticks)

    def _bar(self, ax, labels, series, color=None, rot=None, horizontal=False, **kw):
        kw.pop("bins", None)
        n = max(len(series), 1)
        width = kw.pop("width", 0.5) / n
        positions = list(range(len(labels)))
        for i, (label, values) in enumerate(series):
            c = color[i] if isinstance(color, list) else color
            extra = {"color": c} if c is not None else {}
            offsets = [p + (i - (n - 1) / 2) * width for p in positions]
            if horizontal:
                ax.barh(offsets, values, height=width, label=str(label), **extra, **kw)
            else:
                ax.bar(offsets, values, width=width, label=str(label), **extra, **kw)
        texts = [_text(v) for v in labels]
        if horizontal:
            ax.set_yticks(positions, texts)
        else:
            ax.set_xticks(positions, texts, rotation=90 if rot is None else rot)

    def _barh(self, ax, labels, series, **kw):
        self._bar(ax, labels, series, horizontal=True, **kw)

    def _scatter(self, ax, labels, series, color=None, rot=None, **kw):
        kw.pop("bins", None)
        extra = {"color": color} if color is not None else {}
        label, values = series[0]
        ax.scatter(labels, values, **extra, **kw)
        ax.set_ylabel(str(label))

    def _hist(self, ax, labels, series, color=None, bins=10, rot=None, **kw):
        for i, (label, values) in enumerate(series):
            c = color[i] if isinstance(color, list) else color
            extra = {"color": c} if c is not None else {}
            ax.hist([v for v in values if v is not None], bins=bins, label=str(label), **extra, **kw)
        ax.set_ylabel("Frequency")

    def _pie(self, ax, labels, series, color=None, rot=None, **kw):
        kw.pop("bins", None)
        label, values = series[0]
        extra = {"colors": color} if color is not None else {}
        ax.pie(values, labels=[_text(v) for v in labels], **extra, **kw)
        if label is not None:
            ax.set_ylabel(str(label))


def _text(value):
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d") if value.hour == value.minute == value.second == 0 else str(value)
    return str(value)


def _positions(labels):
    """x positions for line plots: numbers as they are; dates and text as 0..n-1 with at most
    ten tick labels."""
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in labels):
        return labels, None
    n = len(labels)
    step = max(1, -(-n // _MAX_TICKS))
    ticks = list(range(0, n, step))
    return list(range(n)), (ticks, [_text(labels[i]) for i in ticks])
