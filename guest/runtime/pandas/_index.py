"""Row and column labels held in the guest: Index (a list with pandas' Index methods),
RangeIndex and DatetimeIndex, with pandas' repr (``format_object_summary``'s wrapping)."""

import datetime as _dt

from . import _format, _strvalues, options

class Index:
    """Row or column labels, held in the guest (a list with pandas' Index methods)."""

    def __init__(self, data=(), name=None, names=None, *, dtype=None, copy=None):
        self._values = list(data)
        self.names = names if names is not None else [name]
        self._dtype = None
        if dtype is not None:
            self._values, self._dtype = _typed(self._values, dtype)

    @property
    def name(self):
        return self.names[0] if len(self.names) == 1 else None

    @name.setter
    def name(self, value):
        self.names = [value]

    def rename(self, name, *, inplace=False):
        """A copy named name (a list of names for a MultiIndex), or this one renamed."""
        import copy
        target = self if inplace else copy.copy(self)
        target.names = list(name) if isinstance(name, (list, tuple)) and len(self.names) > 1 \
            else [name]
        return None if inplace else target

    def set_names(self, names, *, level=None, inplace=False):
        if level is not None:
            raise NotImplementedError("Index.set_names(level=...)")
        return self.rename(names if isinstance(names, (list, tuple)) and len(self.names) > 1
                           else (names[0] if isinstance(names, (list, tuple)) else names),
                           inplace=inplace)

    def tolist(self):
        return list(self._values)

    to_list = tolist

    @property
    def values(self):
        return list(self._values)

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return Index(self._values[key], names=self.names)
        return self._values[key]

    def __contains__(self, value):
        return value in self._values

    def __eq__(self, other): return self._compare(other, lambda a, b: a == b)
    def __ne__(self, other): return self._compare(other, lambda a, b: a != b)
    def __lt__(self, other): return self._compare(other, lambda a, b: a < b)
    def __le__(self, other): return self._compare(other, lambda a, b: a <= b)
    def __gt__(self, other): return self._compare(other, lambda a, b: a > b)
    def __ge__(self, other): return self._compare(other, lambda a, b: a >= b)

    def _compare(self, other, op):
        """Elementwise comparison: a numpy bool array, as pandas gives."""
        import numpy as np
        if isinstance(other, (list, tuple, Index)) or type(other).__name__ == "ndarray":
            other = list(other)
            if len(other) != len(self._values):
                raise ValueError("Lengths must match to compare")
            return np.array([op(a, b) for a, b in zip(self._values, other)], dtype=bool)
        return np.array([op(v, other) for v in self._values], dtype=bool)

    def _arith(self, other, op):
        """Arithmetic of numeric labels (numpy's, as pandas): an Index of the results."""
        import numpy as np
        import operator
        if self.dtype not in ("int64", "float64"):
            raise NotImplementedError(f"arithmetic of an Index of dtype {self.dtype}")
        if isinstance(other, Index):
            other = np.asarray(other._values)
        result = getattr(operator, op)(np.asarray(self._values), other)
        return Index(result.tolist(), name=self.name)

    def __add__(self, other): return self._arith(other, "add")
    def __sub__(self, other): return self._arith(other, "sub")
    def __mul__(self, other): return self._arith(other, "mul")
    def __truediv__(self, other): return self._arith(other, "truediv")
    def __floordiv__(self, other): return self._arith(other, "floordiv")
    def __mod__(self, other): return self._arith(other, "mod")
    def __pow__(self, other): return self._arith(other, "pow")
    def __neg__(self): return self._arith(-1, "mul")
    __radd__, __rmul__ = __add__, __mul__

    def duplicated(self, keep="first"):
        import numpy as np
        values = self._values if keep != "last" else self._values[::-1]
        seen, out = set(), []
        for v in values:
            out.append(v in seen)
            seen.add(v)
        if keep is False:
            repeated = {v for v, d in zip(values, out) if d}
            out = [v in repeated for v in values]
        return np.array(out if keep != "last" else out[::-1], dtype=bool)

    __hash__ = None

    @property
    def dtype(self):
        if self._dtype is not None:
            return self._dtype
        values = [v for v in self._values if v is not None]
        if values and all(isinstance(v, str) for v in values):
            return "str"
        if values and all(isinstance(v, bool) for v in values):
            return "bool"
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "int64"
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in self._values):
            return "float64"
        if all(isinstance(v, _dt.datetime) for v in values):
            return "datetime64[us]"
        return "object"

    def _attrs(self):
        attrs = [("dtype", f"'{self.dtype}'")]
        if self.name is not None:
            attrs.append(("name", repr(self.name)))
        if len(self._values) > 100:
            attrs.append(("length", len(self._values)))
        return attrs

    def _formatted(self):
        return [repr(v) if isinstance(v, str) else str(v) for v in self._values]

    def __repr__(self):
        return index_repr(type(self).__name__, self._formatted(), self._attrs(),
                          justify=self.dtype != "str")

    def map(self, mapper, na_action=None):
        if isinstance(mapper, dict):
            return Index([mapper.get(v) for v in self._values], names=self.names)
        return Index([mapper(v) for v in self._values], names=self.names)

    def astype(self, dtype):
        cast = {str: str, "str": str, int: int, "int": int, "int64": int, float: float, "float": float}[dtype]
        return Index([cast(v) for v in self._values], names=self.names)

    def unique(self):
        return Index(list(dict.fromkeys(self._values)), names=self.names)

    def value_counts(self, normalize=False, sort=True, ascending=False, bins=None,
                     dropna=True):
        """As Series.value_counts of the labels (the index named as the Index)."""
        from .series import Series
        if bins is not None:
            raise NotImplementedError("Index.value_counts(bins=...)")
        counts = Series(self._values, name=self.name).value_counts(
            normalize=normalize, sort=sort, ascending=ascending, dropna=dropna)
        return counts

    def max(self):
        return self._extreme(max)

    def min(self):
        return self._extreme(min)

    def _extreme(self, pick):
        """The largest / smallest label, missing ones skipped (NaN when none is left)."""
        present = [v for v in self._values if v is not None and v == v]
        return pick(present) if present else float("nan")

    def nunique(self):
        return len(set(self._values))

    @property
    def str(self):
        return _IndexStrings(self)

    @property
    def size(self):
        return len(self._values)

    def get_loc(self, key):
        return self._values.index(key)

    def difference(self, other):
        return Index([v for v in self._values if v not in list(other)])

    def union(self, other):
        return Index(list(dict.fromkeys(self._values + list(other))))

    def intersection(self, other):
        other = list(other)
        return Index([v for v in self._values if v in other])

    def isin(self, values):
        values = list(values)
        return [v in values for v in self._values]

    def sort_values(self):
        return Index(sorted(self._values), names=self.names)


class DatetimeIndex(Index):
    """Datetime labels (``date_range``, a datetime index level); ``freq`` as pandas names
    it, or None."""

    def __init__(self, data=(), name=None, names=None, freq=None, tz=None):
        from ._scalars import Timestamp
        if tz is not None:
            raise NotImplementedError("DatetimeIndex(tz=...) (time zones)")
        super().__init__([None if v is None else Timestamp(v) for v in data], name, names)
        self.freq = freq

    @property
    def freqstr(self):
        return self.freq

    @property
    def dtype(self):
        return "datetime64[us]"

    def _attrs(self):
        return super()._attrs() + [("freq", "None" if self.freq is None else repr(self.freq))]

    def _formatted(self):
        return [f"'{c}'" for c in _format.datetime_cells(self._values)]

    def __getitem__(self, key):
        if isinstance(key, slice):
            freq = self.freq if key.step in (None, 1) else None
            return DatetimeIndex(self._values[key], names=self.names, freq=freq)
        return self._values[key]

    def strftime(self, fmt):
        return Index([v.strftime(fmt) for v in self._values], names=self.names)

    def day_name(self, locale=None):
        return self._map_present(lambda v: v.strftime("%A"))

    def month_name(self, locale=None):
        return self._map_present(lambda v: v.strftime("%B"))

    def _map_present(self, func):
        return Index([None if v is None else func(v) for v in self._values], names=self.names)

    def floor(self, freq, **kwargs): return self._rounded(freq, "floor", kwargs)
    def ceil(self, freq, **kwargs): return self._rounded(freq, "ceil", kwargs)
    def round(self, freq, **kwargs): return self._rounded(freq, "round", kwargs)

    def _rounded(self, freq, how, kwargs):
        from ._dates import round_micros
        from ._scalars import Timestamp
        if kwargs:
            raise NotImplementedError(f"DatetimeIndex.{how}({', '.join(kwargs)}=...)")
        return DatetimeIndex([None if v is None else
                              Timestamp._from_micros(round_micros(v._micros(), freq, how))
                              for v in self._values], names=self.names)

    def to_period(self, freq=None):
        if freq is None:
            if self.freq is None:
                raise ValueError("You must pass a freq argument as current index has none.")
            freq = self.freq
        return PeriodIndex(self._values, freq=freq, names=self.names)

    def __getattr__(self, attr):
        from ._dates import CALENDAR_FLAGS
        if attr in ("year", "month", "day", "hour", "minute", "second", "dayofweek",
                    "day_of_week", "weekday", "quarter", "dayofyear", "day_of_year",
                    "days_in_month", "daysinmonth"):
            if any(v is None for v in self._values):
                raise NotImplementedError(f"DatetimeIndex.{attr} with NaT")
            field = "dayofweek" if attr == "weekday" else attr
            values = [getattr(v, field) for v in self._values]
            return Index(values, names=self.names, dtype="int32")
        if attr in CALENDAR_FLAGS:
            import numpy as np
            return np.array([v is not None and getattr(v, attr) for v in self._values],
                            dtype=bool)
        if attr == "date":
            import numpy as np
            return np.array([None if v is None else v.date() for v in self._values],
                            dtype=object)
        raise AttributeError(attr)


class TimedeltaIndex(Index):
    """Timedelta labels (``to_timedelta`` of a list or array)."""

    _UNITS = {"s": 1_000_000, "ms": 1_000, "us": 1}

    def __init__(self, data=(), name=None, names=None, freq=None, unit=None):
        from ._scalars import Timedelta
        super().__init__([None if v is None else Timedelta(v) for v in data], name, names)
        self.freq = freq
        self._unit = unit or "us"
        if self._unit not in self._UNITS or any(
                v is not None and v._micros() % self._UNITS[self._unit] for v in self._values):
            raise NotImplementedError(f"timedeltas in unit {self._unit!r}")

    @property
    def dtype(self):
        return f"timedelta64[{self._unit}]"

    def _attrs(self):
        return super()._attrs() + [("freq", "None" if self.freq is None else repr(self.freq))]

    def _formatted(self):
        return ["NaT" if c == "NaT" else f"'{c}'"
                for c in _format.timedelta_cells(self._values)]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return TimedeltaIndex(self._values[key], names=self.names)
        return self._values[key]

    def total_seconds(self):
        return Index([None if v is None else v.total_seconds() for v in self._values],
                     names=self.names)

    @property
    def days(self):
        return Index([None if v is None else v.days for v in self._values], names=self.names)


_PERIODS = {"D": ("D", "%Y-%m-%d"), "h": ("h", "%Y-%m-%d %H:00"), "min": ("min", "%Y-%m-%d %H:%M"),
            "s": ("s", "%Y-%m-%d %H:%M:%S"), "ME": ("M", "%Y-%m"), "M": ("M", "%Y-%m"),
            "QE": ("Q-DEC", None), "Q": ("Q-DEC", None), "YE": ("Y-DEC", "%Y"),
            "Y": ("Y-DEC", "%Y"), "W": ("W-SUN", None)}


class PeriodIndex(Index):
    """Periods of one frequency (``DatetimeIndex.to_period``): labels as pandas prints them
    (days, months, quarters, years, weeks ending on Sunday, hours, minutes, seconds)."""

    def __init__(self, data=(), freq=None, name=None, names=None):
        if freq not in _PERIODS:
            raise NotImplementedError(f"PeriodIndex of frequency {freq!r}")
        super().__init__(data, name, names)
        self.freq, self._format = _PERIODS[freq]

    @property
    def dtype(self):
        return f"period[{self.freq}]"

    def _label(self, v):
        if v is None:
            return "NaT"
        if self.freq == "Q-DEC":
            return f"{v.year}Q{(v.month - 1) // 3 + 1}"
        if self.freq == "W-SUN":
            start = v.date() - _dt.timedelta(days=v.weekday())
            return f"{start}/{start + _dt.timedelta(days=6)}"
        return v.strftime(self._format)

    def _formatted(self):
        return ["NaT" if v is None else f"'{self._label(v)}'" for v in self._values]

    def __repr__(self):
        return index_repr("PeriodIndex", self._formatted(), self._attrs(), justify=False)


_INTS = {"int8": 8, "int16": 16, "int32": 32, "int64": 64, "uint8": 8, "uint16": 16,
         "uint32": 32, "uint64": 64}


def _typed(values, dtype):
    """Index(values, dtype=...): the values converted, and pandas' name of the dtype."""
    name = getattr(dtype, "__name__", None) or getattr(dtype, "name", None) or str(dtype)
    name = {"int": "int64", "float": "float64", "str": "str", "object": "object", "O": "object",
            "bool": "bool"}.get(name, name)
    if name in _INTS:
        bits, low = _INTS[name], 0 if name.startswith("u") else -(1 << (_INTS[name] - 1))
        high = (1 << bits) - 1 if name.startswith("u") else (1 << (bits - 1)) - 1
        if any(not float(v).is_integer() or not low <= v <= high for v in values):
            raise NotImplementedError(f"Index(dtype={name!r}) of values it cannot hold")
        return [int(v) for v in values], name
    if name in ("float64", "str", "object", "bool"):
        cast = {"float64": float, "str": str, "bool": bool, "object": lambda v: v}[name]
        return [None if v is None else cast(v) for v in values], name
    raise NotImplementedError(f"Index(dtype={name!r})")


class IntervalIndex(Index):
    """Interval labels (``interval_range``), printed as pandas prints them."""

    def __init__(self, data=(), closed=None, name=None, names=None):
        super().__init__(data, name=name, names=names)
        self.closed = closed or (self._values[0].closed if self._values else "right")

    @property
    def dtype(self):
        kind = "int64" if all(isinstance(v.left, int) for v in self._values) else "float64"
        return f"interval[{kind}, {self.closed}]"

    def _formatted(self):
        return [str(v) for v in self._values]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return IntervalIndex(self._values[key], closed=self.closed, names=self.names)
        return self._values[key]

    left = property(lambda self: Index([v.left for v in self._values]))
    right = property(lambda self: Index([v.right for v in self._values]))
    mid = property(lambda self: Index([v.mid for v in self._values]))
    length = property(lambda self: Index([v.length for v in self._values]))


def interval_range(start=None, end=None, periods=None, freq=None, name=None, closed="right"):
    """pd.interval_range of numbers: intervals between evenly spaced breaks (ints stay
    ints when the step is whole, as in pandas)."""
    import numpy as np
    from ._categorical import Interval
    given = [v for v in (start, end) if v is not None]
    if any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in given):
        raise NotImplementedError("interval_range of dates or timedeltas")
    if sum(v is not None for v in (start, end, periods, freq)) != 3 and not (
            freq is None and start is not None and end is not None and periods is None):
        raise ValueError("Of the four parameters: start, end, periods, and freq, exactly "
                         "three must be specified")
    integral = all(isinstance(v, int) for v in given) and (freq is None or isinstance(freq, int))
    if periods is not None and freq is None and start is not None and end is not None:
        breaks = np.linspace(start, end, periods + 1)
        integral = integral and all(float(b).is_integer() for b in breaks)
        breaks = breaks.tolist()
    else:
        step = 1 if freq is None else freq
        if periods is None:
            periods = int((end - start) // step)
        if start is None:
            start = end - periods * step
        breaks = [start + i * step for i in range(periods + 1)]
    breaks = [int(b) if integral else float(b) for b in breaks]
    return IntervalIndex([Interval(a, b, closed) for a, b in zip(breaks, breaks[1:])],
                         closed=closed, name=name)


class FrozenList(list):
    """pandas' FrozenList (a MultiIndex's names and levels)."""

    def __repr__(self):
        return f"FrozenList({list.__repr__(self)})"


class MultiIndex(Index):
    """Row labels of several levels: a list of tuples, one name per level."""

    def __init__(self, levels=None, codes=None, names=None, *, tuples=None):
        if tuples is None:
            if levels is None or codes is None:
                raise TypeError("Must pass both levels and codes")
            levels = [list(level) for level in levels]
            tuples = list(zip(*([level[c] if c >= 0 else None for c in code]
                                for level, code in zip(levels, codes))))
        tuples = [tuple(t) for t in tuples]
        width = len(tuples[0]) if tuples else len(names or ())
        if any(len(t) != width for t in tuples):
            raise NotImplementedError("MultiIndex of tuples of different lengths")
        names = list(names) if names is not None else [None] * width
        if len(names) != width:
            raise ValueError("Length of names must match number of levels in MultiIndex.")
        super().__init__(tuples, names=names)

    @classmethod
    def from_tuples(cls, tuples, names=None):
        return cls(tuples=list(tuples), names=names)

    @classmethod
    def from_arrays(cls, arrays, names=None):
        arrays = [list(a) for a in arrays]
        if len({len(a) for a in arrays}) > 1:
            raise ValueError("all arrays must be same length")
        if names is None:
            names = [getattr(a, "name", None) for a in arrays]
        return cls(tuples=list(zip(*arrays)), names=names)

    @classmethod
    def from_product(cls, iterables, names=None):
        import itertools
        return cls(tuples=list(itertools.product(*[list(i) for i in iterables])), names=names)

    @property
    def names(self):
        return FrozenList(self._names)

    @names.setter
    def names(self, value):
        self._names = list(value)

    @property
    def name(self):
        return None

    @property
    def nlevels(self):
        return len(self._names)

    @property
    def levels(self):
        return FrozenList(Index(sorted({t[i] for t in self._values if t[i] is not None}),
                                name=n) for i, n in enumerate(self._names))

    def get_level_values(self, level):
        i = self._names.index(level) if level in self._names else level
        return Index([t[i] for t in self._values], name=self._names[i])

    def _level_number(self, level):
        if level in self._names:
            return self._names.index(level)
        if isinstance(level, int) and -len(self._names) <= level < len(self._names):
            return level % len(self._names)
        raise KeyError(f"Level {level} not found")

    def droplevel(self, level=0):
        """The index without the given level(s) (names or positions): an Index when one is left."""
        levels = level if isinstance(level, (list, tuple)) else [level]
        dropped = {self._level_number(lvl) for lvl in levels}
        kept = [i for i in range(len(self._names)) if i not in dropped]
        if not kept:
            raise ValueError(f"Cannot remove {len(dropped)} levels from an index with {len(self._names)} "
                             "levels: at least one level must be left.")
        if len(kept) == 1:
            return Index([t[kept[0]] for t in self._values], name=self._names[kept[0]])
        return MultiIndex(tuples=[tuple(t[i] for i in kept) for t in self._values],
                          names=[self._names[i] for i in kept])

    @property
    def dtype(self):
        return "object"

    def __getitem__(self, key):
        if isinstance(key, slice):
            return MultiIndex(tuples=self._values[key], names=self._names)
        return self._values[key]

    def __repr__(self):
        """pandas' repr: one tuple a line, each level's values right-justified alike."""
        if len(self._values) > 100:
            raise NotImplementedError("repr of a MultiIndex of more than 100 labels")
        if not self._values:
            cells = []
        else:
            columns = [[_level_cell(t[i]) for t in self._values] for i in range(self.nlevels)]
            widths = [max(len(c) for c in column) for column in columns]
            cells = ["(" + ", ".join(column[r].rjust(w) for column, w in zip(columns, widths)) + ")"
                     for r in range(len(self._values))]
        text = "MultiIndex([" + (",\n" + " " * 12).join(cells) + "],\n" + " " * 11
        if any(n is not None for n in self._names):
            text += f"names={self._names!r}"
        return text + ")"


def _level_cell(value):
    if value is None:
        return "nan"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (str, _dt.datetime)):
        return repr(str(value))
    return repr(value)


class RangeIndex(Index):
    def __init__(self, stop):
        super().__init__(range(stop))
        self.start, self.stop, self.step = 0, stop, 1

    def __repr__(self):
        return f"RangeIndex(start=0, stop={self.stop}, step=1)"


class _IndexStrings:
    """Index.str: pandas' string methods on the labels (_strvalues): an Index of the
    results, a numpy bool array for the tests."""

    def __init__(self, index):
        self._index = index

    def _map(self, func):
        return Index(_strvalues.each(self._index, func), names=self._index.names)

    def _test(self, results):
        import numpy as np
        return np.array(results, dtype=bool)

    def lower(self): return self._map(str.lower)
    def upper(self): return self._map(str.upper)
    def title(self): return self._map(str.title)
    def capitalize(self): return self._map(str.capitalize)
    def strip(self, chars=None): return self._map(lambda v: v.strip(chars))
    def lstrip(self, chars=None): return self._map(lambda v: v.lstrip(chars))
    def rstrip(self, chars=None): return self._map(lambda v: v.rstrip(chars))
    def len(self): return Index(_strvalues.each(self._index, len), names=self._index.names)

    def replace(self, pat, repl=None, n=-1, case=None, flags=0, regex=False):
        return Index(_strvalues.replace(list(self._index), pat, repl, n, case, flags, regex),
                     names=self._index.names)

    def contains(self, pat, case=True, flags=0, na=None, regex=True):
        return self._test(_strvalues.contains(self._index, pat, case, flags, na, regex))

    def startswith(self, pat, na=None):
        return self._test(_strvalues.affix(self._index, pat, "startswith", na))

    def endswith(self, pat, na=None):
        return self._test(_strvalues.affix(self._index, pat, "endswith", na))

    def match(self, pat, case=True, flags=0, na=None):
        return self._test(_strvalues.match(self._index, pat, case, flags, na))

    def count(self, pat, flags=0):
        return Index(_strvalues.count(self._index, pat, flags), names=self._index.names)

    def find(self, sub, start=0, end=None):
        return Index(_strvalues.find(self._index, sub, start, end), names=self._index.names)

    def cat(self, others=None, sep=None, na_rep=None, join="left"):
        """As Series.str.cat, the labels aligned with themselves (a Series among others is
        matched by its labels, as pandas matches it); all missing gives an object Index."""
        from ._strings import aligned
        values = list(self._index)
        if isinstance(others, str):
            raise ValueError("Did you mean to supply a `sep` keyword?")
        sep = "" if sep is None else sep
        if others is None:
            return _strvalues.joined(values, sep, na_rep)
        _, columns = aligned(values, values, others, join)
        result = _strvalues.concatenated(columns, sep, na_rep)
        dtype = "object" if all(not isinstance(v, str) for v in result) else None
        return Index(result, name=self._index.name, dtype=dtype)

    def __getattr__(self, name):
        raise NotImplementedError(f"Index.str.{name}")


def index_repr(kind, cells, attrs, justify=True):
    """pandas' Index repr: ``Kind([v1, v2, ...], attr=..., ...)``, wrapped at display.width
    as pandas' format_object_summary and Index.__repr__ wrap it."""
    width = options.display.width or 80
    space1 = "\n" + " " * (len(kind) + 1)
    space2 = "\n" + " " * (len(kind) + 2)
    n = len(cells)
    if n == 0:
        data = "[], "
    elif n == 1:
        data = f"[{cells[0]}], "
    else:
        if n > 100:
            head, tail = cells[:10], cells[-10:]
        else:
            head, tail = [], list(cells)
        if justify and (n > 100 or not (len(", ".join(head)) < width and
                                        len(", ".join(tail)) < width)):
            longest = max(len(c) for c in head + tail)
            head = [c.rjust(longest) for c in head]
            tail = [c.rjust(longest) for c in tail]
        summary, line = "", space2

        def extend(summary, line, value, limit):
            if len(line.rstrip()) + len(value.rstrip()) >= limit:
                summary += line.rstrip()
                line = space2
            return summary, line + value

        for value in head:
            summary, line = extend(summary, line, value + ", ", width)
        if n > 100:
            summary += line.rstrip() + space2 + "..."
            line = space2
        for value in tail[:-1]:
            summary, line = extend(summary, line, value + ", ", width)
        summary, line = extend(summary, line, tail[-1], width - 2)
        summary += line + "],"
        summary += space1 if len(summary) > width else " "
        data = "[" + summary[len(space2):]
    indent = len(kind) + 1
    line_len = len(data.rsplit("\n", 1)[-1]) if "\n" in data else indent + len(data)
    parts = []
    for i, (key, value) in enumerate(attrs):
        attr = f"{key}={value}"
        comma = 1 if i < len(attrs) - 1 else 0
        if not parts:
            if line_len + len(attr) + comma > width:
                parts.append("\n" + " " * indent + attr)
                line_len = indent + len(attr)
            else:
                parts.append(attr)
                line_len += len(attr)
        elif line_len + 2 + len(attr) + comma > width:
            parts.append(",\n" + " " * indent + attr)
            line_len = indent + len(attr)
        else:
            parts.append(", " + attr)
            line_len += 2 + len(attr)
    text = "".join(parts)
    if text.startswith("\n"):
        data = data.rstrip()
    return f"{kind}({data}{text})"
