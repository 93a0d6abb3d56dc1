"""Series: one column of a host frame, as an expression over that frame.

A Series is (table, expression, name): ``df["a"] * 2`` is the expression
mul(col a, 2) over df's table, evaluated on the host when needed. Operations that
keep the rows build bigger expressions; operations that change the rows first
materialise the Series (a host table of its index levels and one value column,
"\\x01").
"""

import itertools
import math
import re

from . import _common, _format, _labels, _numpy, _objects
from ._expr import call as fn, col, column_value, cumulative, json_value, lit, rounded
from ._host import call, table
from ._replace import NO_VALUE as _NO_VALUE
from ._shared import Operators
from . import _dtypes
from ._col import evaluated

_VALUE = "\x01"
_counter = itertools.count()


def _temp():
    return f"\x02{next(_counter)}"


class Series(Operators):
    """A one-dimensional labelled column (see the module docstring)."""

    __array_priority__ = 10

    def __init__(self, data=None, index=None, name=None, dtype=None):
        _objects.refuse_typed(data)
        if isinstance(data, Series):
            self._t, self._e, self.name = data._t, data._e, data.name if name is None else name
            self._m = data._m
            if dtype is not None:
                self._e, self._m = fn("cast", self._e, dtype=_dtype_name(dtype)), None
            return
        if isinstance(data, dict):
            index = list(data.keys()) if index is None else index
            values = [data.get(k) for k in index]
        elif data is None:
            values = []
        elif isinstance(data, (str, int, float, bool)) or data is None:
            values = [data] * (len(index) if index is not None else 1)
        else:
            dtype = _dtypes.sized_array_dtype(data) if dtype is None else dtype
            values = list(data)
        self._t = from_values(values, index, dtype)
        if getattr(index, "freq", None) is not None:
            self._freq = index.freq
        self._e = col(_VALUE)
        self._m = self._t
        self.name = name

    @classmethod
    def _of(cls, t, expr, name):
        series = cls.__new__(cls)
        series._t, series._e, series.name, series._m = t, expr, name, None
        return series

    def _new(self, expr, name=None):
        return Series._of(self._t, expr, self.name if name is None else name)

    # --- materialising -------------------------------------------------------------------
    def _mat(self):
        """The host table of the index levels and the values (column "\\x01")."""
        if self._m is None:
            self._m = table("select", h=self._t.h, exprs=[[_VALUE, self._e]], index=True)
        return self._m

    def _values(self):
        return dict(_common.rows(self._mat(), 0, len(self)))[_VALUE]

    def _from_table(self, t, name=None):
        series = Series._of(t, col(_VALUE), self.name if name is None else name)
        series._m = t
        return series

    # --- basics --------------------------------------------------------------------------
    def __len__(self):
        return self._t.rows

    @property
    def size(self):
        return len(self)

    @property
    def shape(self):
        return (len(self),)

    @property
    def ndim(self):
        return 1

    @property
    def empty(self):
        return len(self) == 0

    @property
    def dtype(self):
        return _DType(self._mat().dtypes[_VALUE])

    dtypes = dtype

    @property
    def index(self):
        return _common.index_of(self._mat(), getattr(self, "_freq", None))

    @index.setter
    def index(self, labels):
        labels = labels if hasattr(labels, "__len__") else list(labels)
        if len(labels) != len(self):
            raise ValueError(f"Length mismatch: Expected axis has {len(self)} elements, "
                             f"new values have {len(labels)} elements")
        idx = table("from_columns", columns=_common.index_columns(labels))
        data = _common.project(self._mat(), [(_VALUE, _VALUE)])
        self._t = self._m = table("attach", h=idx.h, other=data.h, columns=[[_VALUE, _VALUE]])
        self._e = col(_VALUE)
        self._freq = getattr(labels, "freq", None)

    def add_prefix(self, prefix, axis=None):
        return self._relabelled([f"{prefix}{v}" for v in self.index])

    def add_suffix(self, suffix, axis=None):
        return self._relabelled([f"{v}{suffix}" for v in self.index])

    def _relabelled(self, labels):
        from ._index import Index
        result = self._from_table(self._mat())
        result.index = Index(labels, name=self.index.name)
        return result

    def set_axis(self, labels, axis=0, copy=None):
        return self._relabelled(list(labels)) if not hasattr(labels, "names") else \
            self._with_index(labels)

    def _with_index(self, index):
        result = self._from_table(self._mat())
        result.index = index
        return result

    def infer_objects(self, copy=None):
        return _objects.infer(self)

    def explode(self, ignore_index=False):
        return _objects.explode_series(self, ignore_index)

    def first_valid_index(self):
        """The label of the first value that is not missing (None if there is none)."""
        return valid_label(self.index, self.notna().tolist(), last=False)

    def last_valid_index(self):
        return valid_label(self.index, self.notna().tolist(), last=True)

    def pipe(self, func, *args, **kwargs):
        return _pipe(self, func, args, kwargs)

    def squeeze(self, axis=None):
        return self.iloc[0] if len(self) == 1 else self

    @property
    def is_unique(self):
        return self.nunique(dropna=False) == len(self)

    @property
    def is_monotonic_increasing(self):
        return self._monotonic("ge")

    @property
    def is_monotonic_decreasing(self):
        return self._monotonic("le")

    def _monotonic(self, op):
        """Whether every value is op its predecessor (no missing values), as pandas."""
        if len(self) < 2:
            return not self.hasnans
        steps = fn(op, self._e, fn("shift", self._e, periods=1))
        t = self._t
        ok = call("aggregate", h=t.h, exprs=[["r", fn("sum", fn("cast", steps, dtype="int64"))],
                                             ["n", fn("count", self._e)]])
        return ok[0] == len(self) - 1 and ok[1] == len(self)

    def argmax(self, axis=None, skipna=True):
        return self._arg("idxmax")

    def argmin(self, axis=None, skipna=True):
        return self._arg("idxmin")

    def _arg(self, how):
        t = _common.with_row_labels(_common.project(self._mat(), [(_VALUE, _VALUE)]))
        return _numpy.scalar(call("aggregate", h=t.h, exprs=[["r", fn(how, col(_VALUE), col(t.index_names[0]))]])[0])

    @property
    def values(self):
        return self.to_numpy()

    def _handed_out(self):
        """The values as pandas hands them to user code (NaN for a float's missing values)."""
        return dict(_common.handed_out(self._mat(), [(_VALUE, self._values())]))[_VALUE]

    def tolist(self):
        return self._handed_out()

    to_list = tolist

    def to_numpy(self, dtype=None, copy=False, na_value=None):
        """The values as a numpy array (they cross into the guest)."""
        if na_value is not None:
            return self.fillna(na_value).to_numpy(dtype)
        return _numpy.column_array(self._values(), self._mat().dtypes[_VALUE], dtype)

    def __iter__(self):
        return iter(self._handed_out())

    def items(self):
        return zip(self.index, self._handed_out())

    def keys(self):
        return self.index

    def to_dict(self, into=dict):
        if into is not dict:
            from ._framemethods import mapping_factory
            return mapping_factory(into)(zip(self.index, self._handed_out()))
        return dict(zip(self.index, self._handed_out()))

    def to_json(self, path_or_buf=None, orient=None, lines=False, indent=None, **kwargs):
        from ._json import to_json
        return to_json(self, path_or_buf, orient, lines, indent, kwargs)

    def to_frame(self, name=None):
        from .frame import DataFrame
        label = name if name is not None else (self.name if self.name is not None else 0)
        t = self._mat()
        return DataFrame._wrap(_common.project(
            t, [(n, n) for n in t.index_names] + [(_labels.encode(label), _VALUE)]))

    def copy(self, deep=True):
        return Series._of(self._t, self._e, self.name)

    def rename(self, index=None, **kwargs):
        if callable(index) or isinstance(index, dict):
            if kwargs:
                raise NotImplementedError(f"Series.rename({', '.join(kwargs)}=...) of the labels")
            from ._framemethods import renamed_labels
            return self._relabelled(renamed_labels(self.index, index))
        if kwargs.get("inplace"):
            self.name = index
            return None
        return Series._of(self._t, self._e, index)

    def __repr__(self):
        t = self._mat()
        fetched, split, positions = _common.window(t)
        names, levels = _common.index_levels(t, fetched, positions)
        cells = _format.clip_cells(_format.format_column(dict(fetched)[_VALUE], t.dtypes[_VALUE]),
                                   t.dtypes[_VALUE])
        parts = []
        freq = getattr(self, "_freq", None)  # set where pandas' DatetimeIndex has a freq
        if freq is not None:
            parts.append(f"Freq: {freq}")
        if self.name is not None:
            parts.append(f"Name: {self.name}")
        if split is not None:
            parts.append(f"Length: {len(self)}")
        parts.append(f"dtype: {getattr(self, '_shown_dtype', None) or t.dtypes[_VALUE]}")
        if len(self) == 0:
            return f"Series([], {', '.join(parts)})"
        return _format.series_text(names, levels, cells, split, ", ".join(parts),
                                   t.dtypes[_VALUE])

    __str__ = __repr__

    def to_string(self):
        return repr(self)

    def _ci_display_(self):
        """Shown as a table display event (guest_runtime.runner): the index levels and one column
        named after the Series ("0" when it has no name)."""
        t = self._mat()
        name = "0" if self.name is None else str(self.name)
        shown = _common.project(t, [(n, n) for n in t.index_names] + [(name, _VALUE)])
        call("display", h=shown.h, text=repr(self))

    def __bool__(self):
        raise ValueError("The truth value of a Series is ambiguous. "
                         "Use a.empty, a.bool(), a.item(), a.any() or a.all().")

    def __hash__(self):
        raise TypeError("unhashable type: 'Series'")

    # --- element-wise operations -----------------------------------------------------------
    def _operand(self, other, op=None):
        """(table, my expression, other's expression) for a binary operation (op, when
        given, decides how Series with other labels align)."""
        if isinstance(other, Series):
            if other._t is self._t or other._t.h == self._t.h:
                return self._t, self._e, other._e
            mine, theirs = self._mat(), other._mat()
            name = _temp()
            if not call("same_index", a=mine.h, b=theirs.h):
                from ._align import union_operands
                return union_operands(self, other, name, op), col(_VALUE), col(name)
            joined = table("attach", h=mine.h, other=theirs.h, columns=[[name, _VALUE]])
            return joined, col(_VALUE), col(name)
        if isinstance(other, (list, tuple)):
            if len(other) != len(self):
                raise ValueError("Lengths must match to compare")
            return self._operand(Series(list(other), index=None).
                                 _with_index_of(self))
        from .frame import DataFrame
        if isinstance(other, DataFrame):
            raise NotImplementedError("arithmetic between a Series and a DataFrame")
        return self._t, self._e, lit(other)

    def _with_index_of(self, other):
        """self's values (same length) with other's index."""
        mine, theirs = self._mat(), other._mat()
        name = _temp()
        joined = table("attach", h=theirs.h, other=mine.h, columns=[[name, _VALUE]])
        return Series._of(joined, col(name), self.name)

    def _binary(self, op, other, reflected=False):
        t, a, b = self._operand(other, op)
        if reflected:
            a, b = b, a
        name = self.name
        if isinstance(other, Series) and other.name != self.name:
            name = None
        return Series._of(t, fn(op, a, b), name)

    def __neg__(self): return self._new(fn("neg", self._e))
    def __invert__(self): return self._new(fn("not", self._e))
    def __abs__(self): return self._new(fn("abs", self._e))
    abs = __abs__

    def isna(self): return self._new(fn("isnull", self._e))
    def notna(self): return self._new(fn("notnull", self._e))
    isnull, notnull = isna, notna

    def round(self, decimals=0): return self._new(rounded(self._e, decimals, str(self.dtype)))
    def floor(self): return self._new(fn("floor", self._e))
    def ceil(self): return self._new(fn("ceil", self._e))

    def clip(self, lower=None, upper=None):
        return self._new(fn("clip", self._e, lower=json_value(lower), upper=json_value(upper)))

    def fillna(self, value=None, *, axis=None, inplace=False, limit=None):
        if value is None or inplace:
            raise NotImplementedError("Series.fillna without a value or with inplace=")
        from ._expr import filled
        t, a, b = self._operand(value)
        return Series._of(t, filled(a, b, limit), self.name)

    def astype(self, dtype):
        return self._new(fn("cast", self._e, dtype=_dtype_name(dtype)))

    def isin(self, values):
        if isinstance(values, str):
            raise TypeError("only list-like objects are allowed to be passed to isin(), "
                            "you passed a `str`")
        values = list(values._values() if isinstance(values, Series) else values)
        dtype = _objects.dtype_of(self)
        if dtype in _dtypes.NUMBERS:  # a string never equals a number in pandas
            values = [v for v in values if not isinstance(v, str)]
        elif dtype == "str":
            values = [v for v in values if isinstance(v, str) or is_missing(v)]
        return self._new(fn("isin", self._e, values=[json_value(v) for v in values]))

    def between(self, left, right, inclusive="both"):
        if inclusive == "both":
            return self._new(fn("between", self._e, left=json_value(left), right=json_value(right)))
        if inclusive not in ("left", "right", "neither"):
            raise ValueError("Inclusive has to be either string of 'both','left', 'right', or 'neither'.")
        lower = self >= left if inclusive == "left" else self > left
        upper = self <= right if inclusive == "right" else self < right
        return lower & upper

    def where(self, cond, other=None):
        """Values where cond holds, else other; a cond with other labels is aligned to
        these (a label it lacks counts as False, as in pandas)."""
        cond = evaluated(cond, self)
        if type(cond).__name__ == "ndarray":
            cond = cond.tolist()
        if isinstance(cond, Series) and cond._t is not self._t and cond._t.h != self._t.h \
                and not call("same_index", a=self._mat().h, b=cond._mat().h):
            from ._align import values_at
            cond = Series([v is True for v in values_at(cond, list(self.index))])._with_index_of(self)
        t, a, c = self._operand(cond)
        fill = lit(other) if not isinstance(other, Series) else None
        if fill is None:
            raise NotImplementedError("Series.where with a Series as other")
        return Series._of(t, fn("where", a, c, fill), self.name)

    def mask(self, cond, other=None):
        return self.where(~cond, other)

    def map(self, arg, na_action=None):
        if isinstance(arg, dict):
            old = [json_value(k) for k in arg]
            new = [json_value(v) for v in arg.values()]
            return self._new(fn("replace", self._e, old=old, new=new, strict=True))
        if isinstance(arg, Series):
            raise NotImplementedError("Series.map with a Series")
        if na_action not in (None, "ignore"):
            raise ValueError(f"na_action must either be 'ignore' or None, {na_action!r} was passed")
        return self._applied(arg, (), {}, skip_missing=na_action == "ignore")

    def get(self, key, default=None):
        """self[key], or default where pandas' lookup fails (KeyError, ValueError, IndexError)."""
        try:
            return self[key]
        except (KeyError, ValueError, IndexError):
            return default

    def rename_axis(self, mapper=None, *, index=None):
        from ._levels import renamed
        names = mapper if mapper is not None else index
        return Series._of(renamed(self._mat(), names), col(_VALUE), self.name)

    def swaplevel(self, i=-2, j=-1):
        from ._levels import swapped
        return Series._of(swapped(self._mat(), i, j), col(_VALUE), self.name)

    def reorder_levels(self, order):
        from ._levels import reordered
        return Series._of(reordered(self._mat(), order), col(_VALUE), self.name)

    def reindex(self, index=None, *, axis=None, method=None, copy=None, level=None,
                fill_value=None, limit=None, tolerance=None):
        from ._reindex import reindex_series
        if level is not None or tolerance is not None:
            raise NotImplementedError("Series.reindex(level= or tolerance=)")
        return reindex_series(self, index, method, fill_value, limit)

    def replace(self, to_replace=None, value=_NO_VALUE, *, inplace=False, regex=False):
        """Values replaced: on the host for plain values of typed columns, else by pandas'
        rules in the guest (_replace: regular expressions, object columns, NaN)."""
        if inplace:
            raise NotImplementedError("Series.replace(inplace=True)")
        if isinstance(to_replace, dict) and value is _NO_VALUE:
            old, new = list(to_replace), list(to_replace.values())
        elif isinstance(to_replace, (list, tuple)):
            old = list(to_replace)
            new = list(value) if isinstance(value, (list, tuple)) else [value] * len(old)
        else:
            old, new = [to_replace], [value]
        plain = (_objects.dtype_of(self) != "object" and not regex and
                 len(old) == len(new) and _NO_VALUE not in new and
                 not any(is_missing(v) or isinstance(v, re.Pattern) for v in old))
        if not plain:
            from ._replace import replace_series
            return replace_series(self, to_replace, value, regex)
        return self._new(fn("replace", self._e, old=[json_value(v) for v in old],
                            new=[json_value(v) for v in new]))

    def transform(self, func, axis=0, *args, **kwargs):
        from ._framemethods import transform_series
        return transform_series(self, func, args, kwargs)

    def apply(self, func, convert_dtype=True, args=(), **kwargs):
        """Calls func on every value in the guest (the column crosses into the sandbox)."""
        if isinstance(func, str):
            return getattr(self, func)(*args, **kwargs)
        return self._applied(func, args, kwargs, skip_missing=False)

    def _applied(self, func, args, kwargs, skip_missing):
        """func called on every value as pandas hands it out (NaN for a missing float or
        string, None in an object column); other missing values (NaT) and, with
        skip_missing, every missing value stay missing without a call."""
        objects = _objects.dtype_of(self) == "object"
        results = [None if v is None and not objects or skip_missing and is_missing(v)
                   else func(v, *args, **kwargs)
                   for v in self._handed_out()]
        return Series(results)._with_index_of(self)

    def ffill(self, limit=None):
        if limit is not None:
            from ._framemethods import fill_limited
            return self._new(fill_limited(self._e, "ffill", limit))
        return self._new(fn("ffill", self._e))

    def bfill(self, limit=None):
        if limit is not None:
            from ._framemethods import fill_limited
            return self._new(fill_limited(self._e, "bfill", limit))
        return self._new(fn("bfill", self._e))

    def duplicated(self, keep="first"):
        return self.to_frame(_VALUE).duplicated(keep=keep).rename(self.name)

    def rank(self, axis=0, method="average", numeric_only=False, na_option="keep", ascending=True, pct=False):
        """pandas' ranks (float64; _rank). The column crosses into the guest and back."""
        if axis not in (0, "index"):
            raise ValueError(f"No axis named {axis} for object type Series")
        from ._rank import ranks
        values = ranks(self._values(), method, ascending, na_option, pct)
        return Series(values, name=self.name, dtype="float64")._with_index_of(self)

    def agg(self, func=None, *args, **kwargs):
        if isinstance(func, str):
            return getattr(self, func)(*args, **kwargs)
        if isinstance(func, (list, tuple)):
            names = [f if isinstance(f, str) else getattr(f, "__name__", None) for f in func]
            if None in names:
                raise NotImplementedError("Series.agg with a Python function")
            return Series([getattr(self, f)() for f in names], index=names, name=self.name)
        raise NotImplementedError("Series.agg with a Python function or a dict")

    aggregate = agg

    def sample(self, n=None, frac=None, replace=False, weights=None, random_state=None,
               axis=None, ignore_index=False):
        from ._sample import positions
        picked = positions(self, len(self), n, frac, replace, weights, random_state, axis)
        labelled = _common.with_row_labels(self._mat())  # held: freed tables leave the host
        t = table("take", h=labelled.h, rows=picked)
        result = self._from_table(t)
        return result.reset_index(drop=True) if ignore_index else result

    # windows
    def cumsum(self, axis=None, skipna=True): return self._new(cumulative("cumsum", self._e, skipna))
    def cumprod(self, axis=None, skipna=True): return self._new(cumulative("cumprod", self._e, skipna))
    def cummax(self, axis=None, skipna=True): return self._new(cumulative("cummax", self._e, skipna))
    def cummin(self, axis=None, skipna=True): return self._new(cumulative("cummin", self._e, skipna))
    def diff(self, periods=1):
        from ._expr import diff
        return self._new(diff(self._e, self._mat().dtypes[_VALUE], periods))
    def shift(self, periods=1, freq=None, axis=0, fill_value=None):
        if freq is not None or fill_value is not None or not isinstance(periods, int):
            from ._framemethods import shift
            shifted = shift(self.to_frame(_VALUE), periods, freq, axis, fill_value)
            if not isinstance(periods, int):
                return shifted.rename(columns=lambda c: f"{self.name}{c[1:]}")
            return Series._of(shifted._t, col(_VALUE), self.name)
        return self._new(fn("shift", self._e, periods=periods))

    def pct_change(self, periods=1):
        return self._new(fn("pct_change", self._e, periods=periods))

    def rolling(self, window, min_periods=None, center=False):
        from ._windows import Rolling
        return Rolling(self, window, min_periods, center)

    def resample(self, rule, **kwargs):
        from ._resample import Resampler
        return Resampler(self, rule, **kwargs)

    def expanding(self, min_periods=1):
        from ._windows import Expanding
        return Expanding(self, min_periods)

    def ewm(self, *args, **kwargs):
        raise NotImplementedError("Series.ewm")

    @property
    def str(self):
        from ._strings import StringMethods
        return StringMethods(self)

    @property
    def dt(self):
        from ._accessors import DatetimeMethods
        dtype = self._mat().dtypes[_VALUE]
        if not dtype.startswith(("datetime", "timedelta", "period")):
            raise AttributeError("Can only use .dt accessor with datetimelike values")
        return DatetimeMethods(self)

    @property
    def plot(self):
        from ._plot import PlotAccessor
        return PlotAccessor(self)

    def hist(self, *args, **kwargs):
        return self.plot.hist(*args, **kwargs)

    # --- reductions ----------------------------------------------------------------------
    def _reduce(self, f, **options):
        return call("aggregate", h=self._t.h, exprs=[["r", fn(f, self._e, **options)]])[0]

    def _numeric(self, how):
        dtype = self._mat().dtypes[_VALUE]
        if dtype in ("object", "str"):
            raise TypeError(f"Could not convert string to numeric for {how}")

    def sum(self, axis=None, skipna=True, numeric_only=False, min_count=0, dtype=None, out=None):
        _numpy.check_numpy_arguments(axis=axis, dtype=dtype, out=out)
        dtype = self._mat().dtypes[_VALUE]
        if dtype in ("object", "str"):
            raise NotImplementedError("Series.sum of strings (concatenation)")
        if not skipna and self.hasnans:
            return _numpy.scalar(math.nan)
        if min_count > 0 and self.count() < min_count:
            return _numpy.scalar(math.nan)
        result = self._reduce("sum")
        if result is None:
            result = 0.0 if dtype in _dtypes.FLOATS else 0
        return _numpy.scalar(int(result) if isinstance(result, bool) else result, _dtypes.sum_dtype(dtype))

    def _float_statistic(self, value):
        """A std or var as pandas returns it: computed in float64, float32 for a float32 Series."""
        if value is None:
            return self._statistic_of_nothing()
        return _numpy.scalar(value, "float32" if self._is_float32() else None)

    def _statistic_of_nothing(self):
        """A median, min, max, std or var of no values (or a std of one) as pandas gives it: a
        plain NaN for a Series without rows, its dtype's NaN otherwise."""
        if not len(self):
            return math.nan
        import numpy as np
        return np.float32("nan") if self._is_float32() else np.float64("nan")

    def _is_float32(self):
        return self._mat().dtypes[_VALUE] == "float32"

    def mean(self, axis=None, skipna=True, numeric_only=False, dtype=None, out=None):
        _numpy.check_numpy_arguments(axis=axis, dtype=dtype, out=out)
        self._numeric("mean")
        if self._is_float32():
            # pandas sums float32 in float32 (numpy's pairwise sum): polars' float64 mean
            # would differ in the last place.
            import numpy as np
            return np.float32(np.nanmean(self.to_numpy())) if self.count() else math.nan
        mean = self._reduce("mean")
        # pandas' mean of no values is a plain NaN
        return math.nan if mean is None else _numpy.scalar(mean)

    def median(self, skipna=True, numeric_only=False):
        self._numeric("median")
        if self._is_float32():
            import numpy as np
            return np.float32(np.nanmedian(self.to_numpy())) if self.count() \
                else self._statistic_of_nothing()
        median = self._reduce("median")
        return self._statistic_of_nothing() if median is None else _numpy.scalar(median)

    def std(self, axis=None, dtype=None, out=None, ddof=1, skipna=True, numeric_only=False):
        _numpy.check_numpy_arguments(axis=axis, dtype=dtype, out=out)
        self._numeric("std")
        return self._float_statistic(self._reduce("std", ddof=ddof))

    def var(self, axis=None, dtype=None, out=None, ddof=1, skipna=True, numeric_only=False):
        _numpy.check_numpy_arguments(axis=axis, dtype=dtype, out=out)
        self._numeric("var")
        return self._float_statistic(self._reduce("var", ddof=ddof))

    def min(self, axis=None, skipna=True, numeric_only=False, out=None):
        _numpy.check_numpy_arguments(axis=axis, out=out)
        return self._extreme("min")

    def max(self, axis=None, skipna=True, numeric_only=False, out=None):
        _numpy.check_numpy_arguments(axis=axis, out=out)
        return self._extreme("max")

    def _extreme(self, which):
        value = self._reduce(which)
        if value is None:
            return self._statistic_of_nothing()
        return _numpy.scalar(value, self._mat().dtypes[_VALUE])

    def prod(self, axis=None, skipna=True, numeric_only=False, min_count=0):
        if not skipna and self.hasnans or min_count > 0 and self.count() < min_count:
            return _numpy.scalar(math.nan)
        return _numpy.scalar(self._reduce("prod"))

    product = prod

    @property
    def hasnans(self):
        return bool(self.isna().any())

    def count(self): return _numpy.scalar(self._reduce("count"))
    def nunique(self, dropna=True):
        return self._reduce("nunique") + (0 if dropna or not self.hasnans else 1)
    def any(self, axis=0, bool_only=False, skipna=True):
        # with skipna=False a missing value counts as true, as NaN does in pandas
        return _numpy.scalar(bool(self._reduce("any")) or (not skipna and self.hasnans))

    def all(self, axis=0, bool_only=False, skipna=True): return _numpy.scalar(bool(self._reduce("all")))

    def quantile(self, q=0.5):
        if isinstance(q, (list, tuple)):
            return Series([self.quantile(x) for x in q], index=list(q), name=self.name)
        self._numeric("quantile")
        return _numpy.scalar(self._reduce("quantile", q=q))

    def idxmax(self):
        return self._idx("idxmax")

    def idxmin(self):
        return self._idx("idxmin")

    def _idx(self, how):
        t = _common.with_row_labels(self._mat())
        if len(t.index_names) != 1:
            raise NotImplementedError(f"{how} with a MultiIndex")
        return call("aggregate", h=t.h, exprs=[["r", fn(how, col(_VALUE), col(t.index_names[0]))]])[0]

    def corr(self, other, method="pearson", min_periods=None):
        if isinstance(other, Series) and other._t is not self._t and other._t.h != self._t.h \
                and not call("same_index", a=self._mat().h, b=other._mat().h):
            from ._align import inner_values
            return _aligned_corr(*inner_values(self, other), method, min_periods)
        if callable(method):
            import numpy as np
            self._operand(other)  # the same labels, or NotImplementedError (alignment)
            a, b = np.asarray(self.to_numpy(), dtype=float), np.asarray(other.to_numpy(), dtype=float)
            both = ~np.isnan(a) & ~np.isnan(b)
            return method(a[both], b[both])
        if method != "pearson":
            raise NotImplementedError(f"corr(method={method!r})")
        t, a, b = self._operand(other)
        r = _numpy.scalar(call("aggregate", h=t.h, exprs=[["r", fn("corr", a, b)]])[0])
        return float("nan") if r != r else r  # pandas' nancorr answers a plain nan

    def cov(self, other, min_periods=None, ddof=1):
        """Covariance over the common labels where both have values: numpy's cov, as
        pandas' nancov computes it."""
        import numpy as np
        from ._align import inner_values
        a, b = (np.array([np.nan if is_missing(v) else v for v in values], dtype=float)
                for values in inner_values(self, other))
        both = ~np.isnan(a) & ~np.isnan(b)
        if int(both.sum()) < (1 if min_periods is None else min_periods):
            return float("nan")
        return np.cov(a[both], b[both], ddof=ddof)[0, 1]

    def item(self):
        if len(self) != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._values()[0]

    def describe(self, percentiles=None, include=None, exclude=None):
        from .frame import DataFrame
        if percentiles is not None or include is not None or exclude is not None:
            raise NotImplementedError("Series.describe(percentiles=, include= or exclude=)")
        if self.dtype not in _dtypes.NUMBERS:
            from ._stats import describe_other
            return describe_other(self)
        return DataFrame({"_": self})._describe_columns(["_"], self.name)

    def sem(self, axis=None, skipna=True, ddof=1, numeric_only=False):
        from ._stats import sem
        self._numeric("sem")
        return sem(self._values(), ddof)

    def skew(self, axis=None, skipna=True, numeric_only=False):
        raise NotImplementedError("Series.skew (pandas 3.1 sums a Series' moments with SIMD "
                                  "lanes; use s.to_frame().skew(), which is exact)")

    def mode(self, dropna=True):
        """The most frequent values, sorted (a missing one last), as pandas."""
        counts = self.value_counts(dropna=dropna)
        top = counts.max()
        values = sorted((k for k, v in counts.to_dict().items() if v == top),
                        key=lambda k: (is_missing(k), 0 if is_missing(k) else k))
        return Series(values, name=self.name, dtype=self.dtype if len(values) else None)

    # --- row changes ---------------------------------------------------------------------
    def head(self, n=5):
        """The first n values; a negative n: all but the last -n."""
        t = self._mat()
        return self._from_table(table("slice", h=t.h, offset=0, len=_common.head_len(n, t.rows)))

    def tail(self, n=5):
        """The last n values; a negative n: all but the first -n."""
        t = self._mat()
        offset, length = _common.tail_span(n, t.rows)
        return self._from_table(table("slice", h=t.h, offset=offset, len=length))

    def __getitem__(self, key):
        if isinstance(key, Series):
            t, a, m = self._operand(key)
            both = table("select", h=t.h, exprs=[[_VALUE, a], ["\x03", m]], index=True)
            kept = table("filter", h=both.h, mask=col("\x03"))
            return self._from_table(_common.project(
                kept, [(n, n) for n in kept.index_names] + [(_VALUE, _VALUE)]))
        if isinstance(key, slice):
            return self.iloc[key]
        if type(key).__name__ == "ndarray":
            key = key.tolist()
        if isinstance(key, list):
            return self.loc[key]
        t = self._mat()
        if not t.index_names and isinstance(key, int):
            return self.iloc[key]
        return self.loc[key]

    @property
    def loc(self):
        from ._indexing import SeriesLoc
        return SeriesLoc(self)

    @property
    def iloc(self):
        from ._indexing import SeriesILoc
        return SeriesILoc(self)

    def __setitem__(self, key, value):
        """s[label] = scalar, as s.loc[label] = scalar."""
        self.loc[key] = value

    at, iat = loc, iloc

    def dropna(self):
        kept = table("filter", h=self._mat().h, mask=fn("notnull", col(_VALUE)))
        return self._from_table(kept)

    def sort_values(self, axis=0, ascending=True, inplace=False, kind=None, na_position="last",
                    ignore_index=False, key=None):
        if inplace:
            raise NotImplementedError("Series.sort_values(inplace=True)")
        t, by = self._mat(), _VALUE
        if key is not None:
            # sorted by key(values), a Series or array of the same length, as pandas
            t, by = with_sort_keys(t, [(_VALUE, key(self))])[0], "\x03" + _VALUE
        t = table("sort", h=t.h, by=[by], descending=[not ascending],
                  na_last=na_position == "last")
        if key is not None:
            t = _common.project(t, [(n, n) for n in t.index_names] + [(_VALUE, _VALUE)])
        result = self._from_table(t)
        return result.reset_index(drop=True) if ignore_index else result

    def sort_index(self, axis=0, level=None, ascending=True, inplace=False, kind=None,
                   na_position="last", sort_remaining=True, ignore_index=False, key=None):
        from ._sorting import by_index
        if inplace or ignore_index:
            raise NotImplementedError("Series.sort_index(inplace=... or ignore_index=...)")
        return self._from_table(by_index(self._mat(), ascending, level, na_position,
                                         sort_remaining, key))

    def nlargest(self, n=5, keep="first"):
        return self.to_frame(_VALUE)._extremes(n, [_VALUE], keep, False)[_VALUE].rename(self.name)

    def nsmallest(self, n=5, keep="first"):
        return self.to_frame(_VALUE)._extremes(n, [_VALUE], keep, True)[_VALUE].rename(self.name)

    def unique(self):
        t = table("unique", h=self._mat().h, subset=[_VALUE], keep="first")
        return Array(dict(_common.rows(t, 0, t.rows))[_VALUE])

    def drop_duplicates(self, keep="first"):
        return self._from_table(table("unique", h=self._mat().h, subset=[_VALUE],
                                      keep="none" if keep is False else keep))

    def value_counts(self, normalize=False, sort=True, ascending=False, dropna=True):
        key = _labels.index_column(0, self.name)
        counts = table("group_by", h=self._mat().h, keys=[[key, _VALUE]],
                       aggs=[["\x04", fn("size", col(_VALUE))]], sort=False, dropna=dropna)
        name = "proportion" if normalize else "count"
        result = Series._of(counts, col("\x04"), name)
        if normalize:
            result = result / len(self.dropna() if dropna else self)
            result.name = name
        if sort:
            result = result.sort_values(ascending=ascending, kind="stable")
        return result

    def reset_index(self, level=None, drop=False, name=None):
        if level is not None:
            frame = self.to_frame(_VALUE).reset_index(level=level, drop=drop)
            if drop:
                return Series._of(frame._t, col(_VALUE), self.name)
            label = name if name is not None else (self.name if self.name is not None else 0)
            return frame.rename(columns={_VALUE: label})
        if drop:
            t = self._mat()
            return self._from_table(_common.project(t, [(_VALUE, _VALUE)]))
        return self.to_frame(name).reset_index()

    def unstack(self, level=-1, fill_value=None):
        """One level of a two-level index as columns (the inner one by default)."""
        from .frame import DataFrame
        t = self._mat()
        levels = t.index_names
        names = [_labels.index_label(n) for n in levels]
        if len(levels) == 2 and (level in (0, -2) or (level == names[0] and level not in (-1, 1))):
            return self.swaplevel().unstack(-1, fill_value)
        if len(levels) != 2 or not (level in (-1, 1) or level == names[1]):
            raise NotImplementedError("unstack of other than one of two index levels")
        pivoted = table("pivot", h=t.h, index=[levels[0]], columns=levels[1], values=[_VALUE],
                        agg=fn("first", col("*")))
        result = DataFrame._wrap(pivoted)
        if fill_value is not None:
            result = result.fillna(fill_value)
        elif t.dtypes[_VALUE] in _dtypes.INTS and len(self) < pivoted.rows * len(pivoted.data_names):
            result = result.astype("float64")  # pandas' one block: a missing cell makes all floats
        result._columns_name = names[1]
        return result

    def groupby(self, by=None, level=None, **kwargs):
        from .frame import DataFrame
        from .groupby import SeriesGroupBy, level_keys
        frame = self.to_frame(_VALUE)
        keys = by if isinstance(by, list) else [by]
        same = [k for k in keys if isinstance(k, Series) and k._t.h == self._t.h]
        if same:
            # keys computed from the same frame: one table of the values and those keys
            names = [_temp() for _ in same]
            t = table("select", h=self._t.h, index=True,
                      exprs=[[_VALUE, self._e]] + [[n, k._e] for n, k in zip(names, same)])
            frame = DataFrame._wrap(t)
            moved = {id(k): Series._of(t, col(n), k.name) for n, k in zip(names, same)}
            by = [moved.get(id(k), k) for k in keys] if isinstance(by, list) else moved[id(by)]
        if level is not None:
            if by is not None:
                raise TypeError("groupby() takes by or level, not both")
            frame, by = level_keys(frame, level)
        elif by is None:
            raise TypeError("You have to supply one of 'by' and 'level'")
        elif not isinstance(by, Series) and hasattr(by, "__len__") and not isinstance(by, str) \
                and len(by) == len(self) and not any(isinstance(b, Series) for b in by):
            by = [by]  # one key per value
        return SeriesGroupBy(frame, by, _VALUE, self.name, **kwargs)

    def __contains__(self, key):
        return key in self.index

    def __array__(self, dtype=None, copy=None):
        return self.to_numpy(dtype)


class Array(list):
    """What Series.unique() gives (pandas gives a numpy array): a list with tolist()."""

    def tolist(self):
        return list(self)

    @property
    def size(self):
        return len(self)


class _DType(str):
    """A dtype name that compares equal to its name (``s.dtype == "int64"``)."""

    @property
    def name(self):
        return str(self)

    @property
    def kind(self):
        return _dtypes.numpy_kind(self)

    def __repr__(self):
        if self == "str":
            return "<StringDtype(storage='python', na_value=nan)>"
        return f"dtype('{self}')" if self != "object" else "dtype('O')"


def _aligned_corr(a, b, method, min_periods):
    """corr of two Series' values on their common labels, as pandas' nancorr:
    _pearson (or method(a, b)) over the rows where both have values."""
    import numpy as np
    if method != "pearson" and not callable(method):
        raise NotImplementedError(f"corr(method={method!r})")
    a = np.array([np.nan if is_missing(v) else v for v in a], dtype=float)
    b = np.array([np.nan if is_missing(v) else v for v in b], dtype=float)
    both = ~np.isnan(a) & ~np.isnan(b)
    if int(both.sum()) < (1 if min_periods is None else min_periods):
        return float("nan")
    if callable(method):
        return method(a[both], b[both])
    return _pearson(a[both], b[both])


def _pearson(a, b):
    """pandas' _pearson_corr: centred, scaled by the largest magnitude, clipped to [-1, 1];
    a plain nan for fewer than two values or a constant side."""
    import numpy as np
    if len(a) < 2:
        return float("nan")
    a, b = a - a.mean(), b - b.mean()
    a_scale, b_scale = np.max(np.abs(a)), np.max(np.abs(b))
    if a_scale == 0 or b_scale == 0:
        return float("nan")
    a, b = a / a_scale, b / b_scale
    fact = len(a) - 1
    result = np.dot(a, b) / fact / np.sqrt(np.dot(a, a) / fact)
    return np.clip(result / np.sqrt(np.dot(b, b) / fact), -1.0, 1.0)


def _dtype_name(dtype):
    if isinstance(dtype, type):
        return {int: "int64", float: "float64", str: "str", bool: "bool"}.get(dtype, dtype.__name__)
    return str(dtype)


def from_values(values, index, dtype=None):
    """A host table of one value column ("\\x01") and, if given, an index."""
    hint = "object" if _objects.is_object_dtype(dtype) else None
    columns = [[_VALUE, [column_value(v) for v in values], hint]]
    if index is not None:
        if isinstance(index, Series):
            index = index.tolist()
        levels = _common.index_columns(index)
        if len(levels[0][1]) != len(values):
            raise ValueError(f"Length of values ({len(values)}) does not match length of index "
                             f"({len(levels[0][1])})")
        columns[:0] = levels
    t = table("from_columns", columns=columns)
    if dtype is not None and _dtype_name(dtype).startswith("datetime64") \
            and any(isinstance(v, str) for v in values):
        from ._dates import to_datetime  # strings read as pandas reads them (formats guessed)
        return to_datetime(Series._of(t, col(_VALUE), None))._mat()
    if dtype is not None and hint is None:
        t = table("assign", h=t.h, exprs=[[_VALUE, fn("cast", col(_VALUE), dtype=_dtype_name(dtype))]])
    return t


def valid_label(index, present, last):
    """The first (last) label of index whose row is marked present, or None."""
    pairs = list(zip(index, present))
    return next((label for label, ok in (reversed(pairs) if last else pairs) if ok), None)


def with_sort_keys(t, keyed):
    """t with a column "\x03<name>" per (name, sort key) pair: the key's values (a Series
    or an array of one value per row) attached by position; returns (table, key names)."""
    names = []
    for name, values in keyed:
        if not isinstance(values, Series):
            values = Series(list(values))
        if len(values) != t.rows:
            raise ValueError("User-provided `key` function must not change the shape of the array.")
        names.append("\x03" + name)
        t = table("attach", h=t.h, other=values._mat().h, columns=[[names[-1], _VALUE]])
    return t, names


def _pipe(obj, func, args, kwargs):
    """pandas' pipe: func(obj, ...), or with (func, "keyword") obj passed as that keyword."""
    if isinstance(func, tuple):
        func, target = func
        if target in kwargs:
            raise ValueError(f"{target} is both the pipe target and a keyword argument")
        kwargs[target] = obj
        return func(*args, **kwargs)
    return func(obj, *args, **kwargs)


def is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))
