"""``resample``: a group-by on each row's bin label, computed on the host, with the empty bins
between the first and the last added as pandas adds them.

Bin labels follow pandas' defaults: fixed frequencies (D, h, min, s, and their multiples)
label a bin by its left edge, counted from midnight of the first day; week, month, quarter
and year ends (W, ME, QE, YE) by the period's last day; month, quarter and year starts (MS,
QS, YS) by its first day."""

from . import _common, _labels
from ._dates import date_range, to_offset
from ._expr import call as fn, col, lit
from ._host import call, table
from ._shared import Reductions
from .series import Series

_DAY = 86_400_000_000
_EMPTY_IS_ZERO = ("sum", "count", "size", "nunique", "prod")


def _agg_label(func):
    return func if isinstance(func, str) else getattr(func, "__name__", str(func))


class Resampler(Reductions):
    def __init__(self, obj, rule, on=None, closed=None, label=None, **kwargs):
        from .frame import DataFrame
        if kwargs or closed is not None or label is not None:
            raise NotImplementedError("resample with closed=, label= or other options")
        self._offset = to_offset(rule)
        self._on = on
        self._series = isinstance(obj, Series)
        self._series_name = obj.name if self._series else None
        frame = obj.to_frame() if self._series else obj
        t = frame._t
        if on is not None:
            source, name = frame._name(on), on
            data = [n for n in t.data_names if n != source]
        else:
            if len(t.index_names) != 1 or not t.dtypes[t.index_names[0]].startswith("datetime"):
                raise TypeError("Only valid with DatetimeIndex, TimedeltaIndex or PeriodIndex, "
                                "but got an instance of 'Index'")
            source = t.index_names[0]
            name = _labels.index_label(source)
            data = t.data_names
        if not t.dtypes[source].startswith("datetime"):
            raise TypeError("resample on a column that is not datetime")
        self._frame = DataFrame._wrap(t)
        self._label_name = name
        self._key = Series._of(t, self._label(t, source), name)
        self._data = data

    def _label(self, t, source):
        """The expression of each row's bin label."""
        o = self._offset
        micros = fn("cast", col(source), dtype="int64")
        if o.tick is not None:
            step = o.n * (o.tick.days * _DAY + o.tick.seconds * 1_000_000 + o.tick.microseconds)
            first = call("aggregate", h=t.h, exprs=[["m", fn("min", micros)]])[0] or 0
            origin = first - first % _DAY
            binned = fn("add", fn("mul", fn("floordiv", fn("sub", micros, lit(origin)), lit(step)),
                                  lit(step)), lit(origin))
            return fn("cast", binned, dtype="datetime64[us]")
        if o.n != 1:
            raise NotImplementedError(f"resample({o.freqstr!r}) with a multiple")
        day = fn("floordiv", micros, lit(_DAY))
        if o.unit == "W":
            anchor = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"].index(o.anchor)
            weekday = fn("mod", fn("add", day, lit(3)), lit(7))  # 1970-01-01 was a Thursday
            ahead = fn("mod", fn("sub", lit(anchor), weekday), lit(7))
            return fn("cast", fn("mul", fn("add", day, ahead), lit(_DAY)), dtype="datetime64[us]")
        unit = {"ME": "1mo", "MS": "1mo", "QE": "1q", "QS": "1q", "YE": "1y", "YS": "1y"}.get(o.unit)
        if unit is None or (o.anchor not in (None, "DEC", "JAN")):
            raise NotImplementedError(f"resample({o.freqstr!r})")
        start = fn("dt.floor", col(source), freq=unit)
        if o.unit in ("MS", "QS", "YS"):
            return start
        # The period's last day: the start of the next period, less a day.
        days = {"1mo": 32, "1q": 95, "1y": 370}[unit]  # past the period's end, within the next
        later = fn("cast", fn("add", fn("cast", start, dtype="int64"), lit(days * _DAY)),
                   dtype="datetime64[us]")
        following = fn("cast", fn("dt.floor", later, freq=unit), dtype="int64")
        return fn("cast", fn("sub", following, lit(_DAY)), dtype="datetime64[us]")

    def _grouped(self):
        from .groupby import DataFrameGroupBy
        return DataFrameGroupBy(self._frame, [self._key], selection=self._data)

    def _aggregate(self, how, **options):
        from .frame import DataFrame
        grouped = self._grouped()
        if how == "size":
            result = grouped.size().to_frame("\x04")
        else:
            result = getattr(grouped, how)(**options)
        result = self._with_empty_bins(result, how)
        if self._series or how == "size":  # a frame's bin sizes are a Series too, as in pandas
            value = result._t.data_names[0]
            s = Series._of(result._t, col(value), None)
            s.name = None if how == "size" else self._series_name
            s._freq = self._offset.freqstr
            return s
        frame = DataFrame._wrap(result._t)
        frame._freq = self._offset.freqstr
        return frame

    def _with_empty_bins(self, result, how):
        """result with a row for every bin between its first and last label."""
        from .frame import DataFrame
        t = result._t
        level = t.index_names[0]
        labels = call("rows", h=t.h, offset=0, len=t.rows)
        present = dict(labels)[level]
        if not present:
            return result
        full = date_range(present[0], present[-1], freq=self._offset)
        seen = set(present)
        missing = [v for v in full if v not in seen]
        if not missing:
            return result
        empty = table("from_columns", columns=[[level, [{"$dt": v._micros()} for v in missing], None]])
        joined = table("concat", hs=[t.h, empty.h])
        ordered = table("sort", h=joined.h, by=[level], descending=[False])
        hows = how if isinstance(how, dict) else {n: how for n in t.data_names}
        exprs = [[n, fn("cast", fn("fillna", col(n), lit(0)), dtype=t.dtypes[n])]
                 for n in t.data_names if hows.get(n) in _EMPTY_IS_ZERO]
        if exprs:
            ordered = table("assign", h=ordered.h, exprs=exprs)
        return DataFrame._wrap(ordered)

    def size(self): return self._aggregate("size")

    def ffill(self, limit=None):
        return self._upsampled("ffill", limit)

    def bfill(self, limit=None):
        return self._upsampled("bfill", limit)

    def _upsampled(self, method, limit):
        """The rows reindexed at every bin label from the first bin to the last, each taking
        the previous (next) row's values (pandas' Resampler.ffill/bfill)."""
        if self._on is not None:
            raise NotImplementedError(f"resample(on=...).{method}")
        labels = [v for v in self._key.tolist() if v is not None]
        bins = date_range(min(labels), max(labels), freq=self._offset) if labels else []
        frame = self._frame
        obj = Series._of(frame._t, col(self._data[0]), self._series_name) if self._series else frame
        result = obj.reindex(bins, method=method, limit=limit)
        result._freq = self._offset.freqstr
        return result

    def agg(self, func=None, **named):
        """A name gives a Series (of a Series) or frame; a list one column per function (per
        (column, function) of a frame); a dict or named aggregations of a Series one column
        per label (Python functions run on each bin's values)."""
        if isinstance(func, str) and not named:
            return self._aggregate(func)
        labels = [_labels.decode(n) for n in self._data]
        if isinstance(func, (list, tuple)) and not named:
            if self._series:
                specs = [(_agg_label(f), labels[0], f) for f in func]
            else:
                specs = [((label, _agg_label(f)), label, f) for label in labels for f in func]
        elif self._series and (isinstance(func, dict) or (func is None and named)):
            specs = [(label, labels[0], f) for label, f in (func or named).items()]
        else:
            raise NotImplementedError("resample().agg of a frame with a dict or named aggregations")
        return self._specs(specs)

    aggregate = agg

    def ohlc(self):
        """The first, highest, lowest and last value of each bin (a frame's columns each under
        its label)."""
        parts = ("open", "first"), ("high", "max"), ("low", "min"), ("close", "last")
        labels = [_labels.decode(n) for n in self._data]
        if self._series:
            return self._specs([(name, labels[0], how) for name, how in parts])
        return self._specs([((label, name), label, how) for label in labels for name, how in parts])

    def _specs(self, specs):
        """The frame of named aggregations [(result label, column label, function)], with
        the empty bins (0 for counts and sums, else missing)."""
        from .frame import DataFrame
        from .groupby import NamedAgg
        grouped = self._grouped()
        result = grouped.agg(**{f"\x05{i}": NamedAgg(column, how) for i, (_, column, how) in enumerate(specs)})
        t = _common.project(result._t, [(n, n) for n in result._t.index_names] +
                            [(_labels.encode(label), f"\x05{i}") for i, (label, _, _) in enumerate(specs)])
        hows = {_labels.encode(label): how if isinstance(how, str) else None for label, _, how in specs}
        frame = DataFrame._wrap(self._with_empty_bins(DataFrame._wrap(t), hows)._t)
        frame._freq = self._offset.freqstr
        return frame

    def __getitem__(self, key):
        clone = Resampler.__new__(Resampler)
        clone.__dict__.update(self.__dict__)
        if isinstance(key, (list, tuple)):
            clone._data = [self._frame._name(k) for k in key]
        else:
            clone._data = [self._frame._name(key)]
            clone._series, clone._series_name = True, key
        return clone

    def get_group(self, name):
        """The rows of the bin labelled name (as pandas' resample groups)."""
        from ._scalars import Timestamp
        rows = self._frame[self._key == Timestamp(name)]
        if len(rows) == 0:
            raise KeyError(name)
        if self._series:
            return Series._of(rows._t, col(self._data[0]), self._series_name)
        return rows

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._frame._t.data_names:
            return self[name]
        raise NotImplementedError(f"resample().{name}")
