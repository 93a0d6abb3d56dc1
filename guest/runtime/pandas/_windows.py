"""Windows of a DataFrame or Series. expanding(): from the first row to each row, as
cumulative host expressions (missing values skipped; fewer than min_periods values give a
missing result; float64). rolling(): the host's rolling windows (of each column, for a DataFrame)."""

from ._expr import call as fn, col, lit


def _count(x):
    return fn("cumsum", fn("cast", fn("notnull", x), dtype="int64"))


def _expanding(how, x, min_periods):
    count = _count(x)
    if how == "count":
        return fn("cast", count, dtype="float64")
    if how in ("sum", "mean"):
        total = fn("cumsum", fn("cast", fn("fillna", x, lit(0)), dtype="float64"))
        value = total if how == "sum" else fn("truediv", total, count)
    elif how in ("min", "max"):
        value = fn("ffill", fn("cum" + how, fn("cast", x, dtype="float64")))
    else:
        raise NotImplementedError(f"expanding().{how}")
    return fn("where", value, fn("ge", count, lit(max(min_periods, 1))), lit(None))


class Expanding:
    """DataFrame.expanding / Series.expanding."""

    def __init__(self, obj, min_periods=1):
        if not isinstance(min_periods, int) or min_periods < 0:
            raise ValueError("min_periods must be an integer >= 0")
        self._obj, self._min = obj, min_periods

    def _apply(self, how):
        from .frame import DataFrame
        if isinstance(self._obj, DataFrame):
            return self._obj._map_columns(lambda n: _expanding(how, col(n), self._min))
        return self._obj._new(_expanding(how, self._obj._e, self._min))

    def sum(self): return self._apply("sum")
    def mean(self): return self._apply("mean")
    def count(self): return self._apply("count")
    def min(self): return self._apply("min")
    def max(self): return self._apply("max")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"expanding().{name}")


class Rolling:
    """DataFrame.rolling / Series.rolling: the host's rolling windows (of each column)."""

    def __init__(self, obj, window, min_periods=None, center=False):
        if not isinstance(window, int):
            raise NotImplementedError("rolling() with a time-based window")
        self._obj = obj
        self._k = {"window": window, "min_periods": min_periods, "center": center}

    def _apply(self, how):
        from .frame import DataFrame
        if isinstance(self._obj, DataFrame):
            return self._obj._map_columns(lambda n: fn("rolling", col(n), how=how, **self._k))
        return self._obj._new(fn("rolling", self._obj._e, how=how, **self._k))

    def mean(self): return self._apply("mean")
    def sum(self): return self._apply("sum")
    def min(self): return self._apply("min")
    def max(self): return self._apply("max")
    def std(self): return self._apply("std")
    def var(self): return self._apply("var")
    def median(self): return self._apply("median")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"rolling().{name}")
