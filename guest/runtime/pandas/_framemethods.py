"""DataFrame methods written over the other operations (frame.py delegates to them): agg's
other forms, row-wise idxmax/idxmin, dropna along columns and with thresh, fills with a limit,
shift/diff along rows or with a fill value or frequency, isin, filter, map, combine_first,
covariance and the from_dict/from_records constructors."""

import re

from . import _common, _labels
from ._expr import call as fn, col, json_value, lit
from ._host import call, table
from .frame import DataFrame, _agg_label
from .series import Series, _VALUE, _temp
from . import _dtypes
from ._col import Expression, evaluated

_NUMERIC = _dtypes.NUMERIC


def _axis(axis):
    if axis in (0, "index", "rows"):
        return 0
    if axis in (1, "columns"):
        return 1
    raise ValueError(f"No axis named {axis} for object type DataFrame")


def _missing(value):
    return value is None or (isinstance(value, float) and value != value)


def with_values(frame, columns):
    """A frame with frame's row labels and columns [(label, Python values)]."""
    t = _common.project(frame._t, [(n, n) for n in frame._t.index_names])
    for label, values in columns:
        other = Series(list(values))._mat()  # held until the host has attached it
        t = table("attach", h=t.h, other=other.h, columns=[[_labels.encode(label), _VALUE]])
    return DataFrame._wrap(t)


def _columns(frame):
    """[(label, host name, Python values)] of every column."""
    fetched = dict(_common.rows(frame._t, 0, frame._t.rows))
    return [(_labels.decode(n), n, fetched[n]) for n in frame._t.data_names]


# --- agg ------------------------------------------------------------------------------
def agg(frame, func, axis, args, kwargs):
    """DataFrame.agg along rows (axis=1), with named aggregations (label=(column, func)), or
    with a Python function of each column (extra arguments passed on)."""
    if _axis(axis) == 1:
        if isinstance(func, str) and not args and not kwargs:
            return getattr(frame, func)(axis=1)
        if callable(func):
            return frame.apply(lambda row: func(row, *args, **kwargs), axis=1)
        raise NotImplementedError("DataFrame.agg(axis=1) with a list or dict")
    if func is None and kwargs and all(isinstance(v, tuple) and len(v) == 2 for v in kwargs.values()):
        rows = list(kwargs)
        data = {}
        for i, (column, how) in enumerate(kwargs.values()):
            data.setdefault(column, [float("nan")] * len(rows))[i] = frame[column].agg(how)
        return DataFrame(data, index=rows)
    if callable(func):
        values = [func(frame[label], *args, **kwargs) for label in frame.columns]
        if all(isinstance(v, Series) for v in values):
            return DataFrame(dict(zip(frame.columns, values)))
        return Series(values, index=list(frame.columns))
    raise NotImplementedError("DataFrame.agg with these arguments")


# --- row-wise --------------------------------------------------------------------------
def idx_along_rows(frame, largest, skipna=True):
    """idxmax/idxmin(axis=1): each row's column label of its largest (smallest) value."""
    columns = _columns(frame)
    out = []
    for i in range(frame._t.rows):
        best = None
        for label, _, values in columns:
            v = values[i]
            if _missing(v):
                if not skipna:
                    best = (None, label)
                    break
                continue
            if best is None or (v > best[0] if largest else v < best[0]):
                best = (v, label)
        out.append(float("nan") if best is None or best[0] is None else best[1])
    return _series(frame, out)


def _series(frame, values, name=None):
    t = with_values(frame, [(_VALUE, values)])._t
    return Series._of(t, col(_VALUE), name)


# --- missing values ----------------------------------------------------------------------
def dropna(frame, axis, how, thresh, subset):
    """dropna along columns (axis=1), or rows with fewer than thresh values."""
    if _axis(axis) == 1:
        if subset is not None:
            raise NotImplementedError("dropna(axis=1, subset=...)")
        names = frame._t.data_names
        counts = call("aggregate", h=frame._t.h, exprs=[[n, fn("count", col(n))] for n in names])
        rows = frame._t.rows
        if thresh is not None:
            kept = [n for n, c in zip(names, counts) if c >= thresh]
        elif how == "all":
            kept = [n for n, c in zip(names, counts) if c > 0]
        else:
            kept = [n for n, c in zip(names, counts) if c == rows]
        t = _common.project(frame._t, [(n, n) for n in frame._t.index_names + kept])
        return DataFrame._wrap(t)
    names = frame._t.data_names if subset is None else [frame._name(s) for s in (
        [subset] if isinstance(subset, str) else subset)]
    present = [fn("cast", fn("notnull", col(n)), dtype="int64") for n in names]
    total = present[0]
    for part in present[1:]:
        total = fn("add", total, part)
    return frame[Series._of(frame._t, fn("ge", total, lit(thresh)), None)]


def fill_limited(expr, how, limit):
    """ffill/bfill of expr filling at most limit missing values in a row: the nearest value
    within limit rows before (after)."""
    if not isinstance(limit, int) or limit <= 0:
        raise ValueError("Limit must be greater than 0")
    step = 1 if how == "ffill" else -1
    out = expr
    for k in range(1, limit + 1):
        out = fn("fillna", out, fn("shift", expr, periods=k * step))
    return out


# --- shifting ----------------------------------------------------------------------------
def shift(frame, periods, freq, axis, fill_value):
    """shift with a fill value, along rows (axis=1), by a frequency, or by several periods."""
    if isinstance(periods, (list, tuple, range)):
        if freq is not None or _axis(axis) != 0:
            raise NotImplementedError("shift with several periods and freq= or axis=1")
        parts = {}
        for label in frame.columns:
            for p in periods:
                parts[f"{label}_{p}"] = shift(frame[[label]], p, None, 0, fill_value)[label]
        return DataFrame(parts)
    if freq is not None:
        return _shift_index(frame, periods, freq)
    if _axis(axis) == 1:
        names = frame._t.data_names
        exprs = []
        for i, n in enumerate(names):
            j = i - periods
            source = col(names[j]) if 0 <= j < len(names) else _fill(fill_value)
            exprs.append([n, source])
        return DataFrame._wrap(table("select", h=frame._t.h, exprs=exprs, index=True))
    return frame._map_columns(lambda n: shifted(col(n), periods, fill_value))


def _fill(fill_value):
    """The expression of a column shifted in whole: fill_value, or missing (float64)."""
    return fn("cast", lit(None), dtype="float64") if fill_value is None else lit(fill_value)


def shifted(expr, periods, fill_value=None):
    """expr shifted by periods; the rows shifted in hold fill_value (missing if None)."""
    moved = fn("shift", expr, periods=periods)
    if fill_value is None:
        return moved
    inside = fn("notnull", fn("shift", fn("isnull", expr), periods=periods))
    return fn("where", moved, inside, lit(fill_value))


def _shift_index(frame, periods, freq):
    """shift(freq=...): the values stay, the datetime index moves by periods * freq."""
    from ._scalars import Timedelta
    names = frame._t.index_names
    if len(names) != 1 or not frame._t.dtypes[names[0]].startswith("datetime"):
        raise NotImplementedError("shift(freq=...) of other than a DatetimeIndex")
    if freq == "infer":
        step = _inferred_step(frame.index)
    else:
        try:
            step = Timedelta(freq if not isinstance(freq, str) or freq[:1].isdigit() else "1" + freq)
        except (ValueError, TypeError, NotImplementedError):
            raise NotImplementedError(f"shift(freq={freq!r}) (calendar frequencies)") from None
    by = {"v": Timedelta(step * periods)._micros(), "t": "timedelta"}
    return DataFrame._wrap(table("assign", h=frame._t.h, exprs=[[names[0], fn("add", col(names[0]), by)]]))


def _inferred_step(index):
    """freq="infer": the constant step between the index's labels."""
    from ._scalars import Timedelta
    labels = list(index)
    steps = {b - a for a, b in zip(labels, labels[1:])}
    if len(steps) != 1:
        raise ValueError("Freq was not set in the index hence cannot be inferred")
    return Timedelta(steps.pop())


def diff_along_rows(frame, periods):
    """diff(axis=1): each column minus the column periods before it (missing where none)."""
    names = frame._t.data_names
    exprs = []
    for i, n in enumerate(names):
        j = i - periods
        if 0 <= j < len(names):
            exprs.append([n, fn("sub", col(n), col(names[j]))])
        else:
            exprs.append([n, fn("cast", lit(None), dtype="float64")])
    return DataFrame._wrap(table("select", h=frame._t.h, exprs=exprs, index=True))


# --- membership and selection ----------------------------------------------------------
def isin(frame, values):
    """isin with a list (every column), a dict (per column, others all false) or a frame or
    Series (matched by labels: NotImplementedError unless the labels equal frame's)."""
    if isinstance(values, (DataFrame, Series)):
        return _isin_labelled(frame, values)
    if isinstance(values, dict):
        wanted = {frame._name(k): list(v) for k, v in values.items() if k in frame.columns}
        return frame._map_columns(lambda n: fn("isin", col(n), values=[json_value(v) for v in wanted[n]])
                                  if n in wanted else fn("cast", fn("isnull", lit(0)), dtype="bool"))
    if isinstance(values, str):
        raise TypeError("only list-like or dict-like objects are allowed to be passed to "
                        "DataFrame.isin(), you passed a 'str'")
    values = [json_value(v) for v in values]
    return frame._map_columns(lambda n: fn("isin", col(n), values=values))


def _isin_labelled(frame, other):
    """isin with a frame (equal at the same row and column labels) or a Series (equal at the
    same row label), computed in the guest."""
    rows = list(frame.index)
    if isinstance(other, Series):
        theirs = dict(zip(other.index, other.tolist()))
        lookup = lambda label, row: theirs.get(row, _ABSENT)  # noqa: E731
    else:
        table_ = other.to_dict()
        lookup = lambda label, row: table_.get(label, {}).get(row, _ABSENT)  # noqa: E731
    out = []
    for label, _, values in _columns(frame):
        out.append((label, [bool(not _missing(v) and lookup(label, r) == v) for r, v in zip(rows, values)]))
    return with_values(frame, out)


_ABSENT = object()


def filter_frame(frame, arg, like, regex, axis, items, cond, na):
    """DataFrame.filter as pandas 3.1 has it: a list-like first argument or items= are
    labels, like=/regex= match labels (columns unless axis=0); a boolean mask or a function
    of the frame (first argument or cond=) picks rows (columns with axis=1)."""
    if arg is not None:
        if callable(arg) or isinstance(arg, (Series, Expression)) or _is_mask(arg):
            cond = arg
        else:
            items = arg
    if cond is None:
        return _filter_labels(frame, items, like, regex, axis)
    if items is not None or like is not None or regex is not None:
        raise TypeError("Keyword arguments `items`, `like`, `regex` and `cond` are mutually exclusive")
    from ._arrays import BooleanArray
    if isinstance(cond, BooleanArray):
        cond = cond.filled(na)  # pandas counts a missing value as na
    elif na is not False:
        raise NotImplementedError("DataFrame.filter(na=...) with a mask of plain booleans")
    cond = evaluated(cond, frame)
    if axis is not None and _axis(axis) == 1:
        flags = list(cond)
        return frame[[c for c, keep in zip(frame.columns, flags) if keep]]
    return frame[cond]


def _is_mask(values):
    from ._arrays import BooleanArray
    if isinstance(values, BooleanArray):
        return True
    dtype = getattr(values, "dtype", None)
    if dtype is not None:
        return str(dtype) == "bool"
    values = list(values) if isinstance(values, (list, tuple)) else None
    return bool(values) and all(isinstance(v, bool) for v in values)


def _filter_labels(frame, items, like, regex, axis):
    """DataFrame.filter(items=/like=/regex=): the columns (axis=1, the default) or rows whose
    labels match."""
    if sum(x is not None for x in (items, like, regex)) != 1:
        raise TypeError("Keyword arguments `items`, `like`, or `regex` are mutually exclusive")
    along_rows = axis is not None and _axis(axis) == 0
    labels = list(frame.index) if along_rows else list(frame.columns)
    if items is not None:
        chosen = [x for x in items if x in labels] if not along_rows else [x for x in labels if x in items]
    elif like is not None:
        chosen = [x for x in labels if like in str(x)]
    else:
        pattern = re.compile(regex)
        chosen = [x for x in labels if pattern.search(str(x))]
    if along_rows:
        picked = [i for i, x in enumerate(labels) if x in chosen]
        return DataFrame._wrap(table("take", h=frame._t.h, rows=picked))
    return frame[chosen]


def map_values(frame, func, na_action, kwargs):
    """DataFrame.map: func of every value, run in the guest."""
    if na_action not in (None, "ignore"):
        raise ValueError(f"na_action must be 'ignore' or None. Got {na_action!r}")
    out = []
    for label, _, values in _columns(frame):
        out.append((label, [v if na_action == "ignore" and _missing(v) else func(v, **kwargs)
                            for v in values]))
    return with_values(frame, out)


# --- combining ---------------------------------------------------------------------------
def combine_first(frame, other):
    """The frame's values, missing ones taken from other at the same labels; the result has
    the union of the labels (sorted, as pandas aligns them)."""
    if frame._t.index_names and len(frame._t.index_names) > 1:
        raise NotImplementedError("combine_first with a MultiIndex")
    mine, theirs = frame.to_dict(), other.to_dict()
    rows = list(frame.index) + [x for x in other.index if x not in set(frame.index)]
    try:
        rows = sorted(rows)
    except TypeError:
        pass
    columns = list(frame.columns) + [c for c in other.columns if c not in set(frame.columns)]
    try:
        columns = sorted(columns)
    except TypeError:
        pass
    data = {}
    for c in columns:
        a, b = mine.get(c, {}), theirs.get(c, {})
        values = []
        for r in rows:
            v = a.get(r)
            values.append(b.get(r, float("nan")) if v is None or _missing(v) else v)
        data[c] = [float("nan") if v is None else v for v in values]
    return DataFrame(data, index=rows)


# --- statistics ----------------------------------------------------------------------------
def cov(frame, min_periods, ddof):
    """Pairwise covariance of the numeric columns over the rows where both have values."""
    import numpy as np
    names = [n for n in frame._t.data_names if frame._t.dtypes[n] in _NUMERIC]
    fetched = dict(_common.rows(frame._t, 0, frame._t.rows))
    arrays = [np.array([np.nan if _missing(v) else float(v) for v in fetched[n]]) for n in names]
    k = len(names)
    out = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(i, k):
            both = ~np.isnan(arrays[i]) & ~np.isnan(arrays[j])
            count = int(both.sum())
            if count < max(min_periods or 1, 1) or count - ddof <= 0:
                continue
            a, b = arrays[i][both], arrays[j][both]
            value = float(((a - a.mean()) * (b - b.mean())).sum() / (count - ddof))
            out[i, j] = out[j, i] = value
    labels = [_labels.decode(n) for n in names]
    return DataFrame({label: out[:, i].tolist() for i, label in enumerate(labels)}, index=labels)


def corr_with(frame, method, min_periods):
    """corr with a callable method(a, b) of two columns' values (1.0 on the diagonal), or a
    min_periods count for Pearson's."""
    import numpy as np
    names = [n for n in frame._t.data_names if frame._t.dtypes[n] in _NUMERIC]
    fetched = dict(_common.rows(frame._t, 0, frame._t.rows))
    arrays = [np.array([np.nan if _missing(v) else float(v) for v in fetched[n]]) for n in names]
    k = len(names)
    out = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(i, k):
            both = ~np.isnan(arrays[i]) & ~np.isnan(arrays[j])
            if int(both.sum()) < max(min_periods or 1, 1):
                continue
            a, b = arrays[i][both], arrays[j][both]
            if callable(method):
                value = 1.0 if i == j else float(method(a, b))
            else:
                value = _pearson(a, b)
            out[i, j] = out[j, i] = value
    labels = [_labels.decode(n) for n in names]
    return DataFrame({label: out[:, i].tolist() for i, label in enumerate(labels)}, index=labels)


def _pearson(a, b):
    import numpy as np
    da, db = a - a.mean(), b - b.mean()
    denominator = np.sqrt((da * da).sum() * (db * db).sum())
    return float((da * db).sum() / denominator) if denominator else float("nan")


# --- constructors --------------------------------------------------------------------------
def from_dict(data, orient, dtype, columns):
    if orient == "columns":
        if columns is not None:
            raise ValueError("cannot use columns parameter with orient='columns'")
        return DataFrame(data, dtype=dtype)
    if orient == "index":
        rows = list(data)
        values = [list(v.values()) if isinstance(v, dict) else list(v) for v in data.values()]
        if columns is None:
            firsts = [v for v in data.values()]
            columns = list(firsts[0].keys()) if firsts and isinstance(firsts[0], dict) \
                else list(range(max((len(v) for v in values), default=0)))
        return DataFrame(values, index=rows, columns=columns, dtype=dtype)
    raise NotImplementedError(f"DataFrame.from_dict(orient={orient!r})")


def from_records(data, index, exclude, columns, nrows):
    if type(data).__name__ == "ndarray" and data.dtype.names:
        names = list(data.dtype.names)
        frame = DataFrame({n: data[n].tolist() for n in names})
    else:
        records = list(data)
        if records and isinstance(records[0], dict):
            frame = DataFrame(records, columns=columns)
        else:
            frame = DataFrame([list(r) for r in records], columns=columns)
    if exclude:
        frame = frame.drop(columns=list(exclude))
    if nrows is not None:
        frame = frame.head(nrows)
    if index is not None:
        frame = frame.set_index(index)
    return frame


# --- positional assignment ----------------------------------------------------------------
def iloc_set(frame, key, value):
    """df.iloc[rows, cols] = scalar (rows and cols: a position, slice or list of positions):
    the chosen cells of each chosen column replaced; a value the column's dtype cannot hold
    raises NotImplementedError (pandas 3 refuses or upcasts)."""
    rows, cols = key if isinstance(key, tuple) else (key, slice(None))
    if isinstance(value, (Series, DataFrame, list, tuple)) or type(value).__name__ == "ndarray":
        raise NotImplementedError("iloc assignment of several values")
    t = frame._t
    names = t.data_names
    frame._t = _set_cells(t, [names[i] for i in _positions(cols, len(names), "column")],
                          _positions(rows, t.rows, "row"), value)


def series_iloc_set(series, key, value):
    """s.iloc[rows] = scalar: the Series becomes its values with those cells replaced."""
    if isinstance(value, (Series, DataFrame, list, tuple)) or type(value).__name__ == "ndarray":
        raise NotImplementedError("Series.iloc assignment of several values")
    t = series._mat()
    t = _set_cells(t, [_VALUE], _positions(key, t.rows, "row"), value)
    series._t, series._e, series._m = t, col(_VALUE), t


def _set_cells(t, names, rows, value):
    """t with value in the given rows of the host columns names."""
    picked = set(rows)
    mask = Series([i in picked for i in range(t.rows)])._mat()  # held until attached
    flag = _temp()
    joined = table("attach", h=t.h, other=mask.h, columns=[[flag, _VALUE]])
    exprs = []
    for name in names:
        _check_holds(t.dtypes[name], value, _labels.decode(name))
        exprs.append([name, fn("where", lit(value), col(flag), col(name))])
    assigned = table("assign", h=joined.h, exprs=exprs)
    return _common.project(assigned, [(n, n) for n in t.names])


def _positions(key, length, what):
    if isinstance(key, slice):
        return list(range(length))[key]
    keys = list(key) if isinstance(key, (list, tuple, range)) or type(key).__name__ == "ndarray" else [key]
    if keys and all(isinstance(k, bool) for k in keys):
        return [i for i, keep in enumerate(keys) if keep]
    out = []
    for k in keys:
        k = int(k)
        if not -length <= k < length:
            raise IndexError(f"index {k} is out of bounds for axis {0 if what == 'row' else 1} with size {length}")
        out.append(k % length)
    return out


def _check_holds(dtype, value, label):
    missing = _missing(value)
    if dtype in _dtypes.INTS:
        ok = isinstance(value, int) or (type(value).__module__ == "numpy" and "int" in type(value).__name__)
    elif dtype == "float64":
        ok = missing or isinstance(value, (int, float)) and not isinstance(value, bool) \
            or type(value).__module__ == "numpy"
    elif dtype == "str":
        ok = missing or isinstance(value, str)
    elif dtype == "bool":
        ok = isinstance(value, bool)
    else:
        ok = False
    if not ok:
        raise NotImplementedError(f"iloc assignment of {value!r} to the {dtype} column {label!r}")


# --- transform ------------------------------------------------------------------------------
def transform_series(series, func, args, kwargs):
    """Series.transform: func of the Series (a name, a function giving a Series or array as
    long, or a list of them: a DataFrame with a column each)."""
    if isinstance(func, (list, tuple)):
        return DataFrame({f if isinstance(f, str) else f.__name__: transform_series(series, f, args, kwargs)
                          for f in func})
    if isinstance(func, dict):
        raise NotImplementedError("Series.transform with a dict")
    result = getattr(series, func)(*args, **kwargs) if isinstance(func, str) else func(series, *args, **kwargs)
    if isinstance(result, Series):
        values = result
    elif type(result).__name__ == "ndarray" or isinstance(result, list):
        values = Series(list(result) if isinstance(result, list) else result.tolist())._with_index_of(series)
        values.name = series.name
    else:
        raise ValueError("Function did not transform")
    if len(values) != len(series):
        raise ValueError("Function did not transform")
    return values


def transform_frame(frame, func, axis, args, kwargs):
    """DataFrame.transform: Series.transform of each column (a dict: per column)."""
    if _axis(axis) != 0:
        raise NotImplementedError("DataFrame.transform(axis=1)")
    if isinstance(func, dict):
        return DataFrame({label: transform_series(frame[label], f, args, kwargs) for label, f in func.items()})
    if isinstance(func, (list, tuple)):
        raise NotImplementedError("DataFrame.transform with a list")
    return DataFrame({label: transform_series(frame[label], func, args, kwargs) for label in frame.columns})


# --- to_dict ---------------------------------------------------------------------------------
def mapping_factory(into):
    """The mapping type to_dict builds (a class, or an instance's class; a defaultdict keeps
    its default factory), as pandas' ``into=``."""
    from collections import defaultdict
    if isinstance(into, defaultdict):
        return lambda items: defaultdict(into.default_factory, items)
    kind = into if isinstance(into, type) else type(into)
    if not issubclass(kind, dict):
        raise TypeError(f"unsupported type: {kind}")
    return kind


def to_dict(frame, orient, into, index):
    """to_dict with orient "series", "split" or "tight", or into= another mapping type."""
    make = mapping_factory(into)
    labels = list(frame.columns)
    if orient == "series":
        return make((label, frame[label]) for label in labels)
    if orient in ("split", "tight"):
        rows = [list(row) for row in zip(*(frame.to_dict("list")[label] for label in labels))]
        parts = ([("index", list(frame.index))] if index else []) + [("columns", labels), ("data", rows)]
        if orient == "tight":
            parts += ([("index_names", list(frame.index.names))] if index else []) + [("column_names", [None])]
        return make(parts)
    plain = frame.to_dict(orient)
    if orient == "records":
        return [make(r.items()) for r in plain]
    if orient in ("dict", "index"):
        return make((k, make(v.items())) for k, v in plain.items())
    return make(plain.items())


def renamed_labels(labels, mapper):
    """rename's new labels: mapper(label) of a function, mapper.get(label, label) of a
    mapping (a Series counts as one)."""
    if callable(mapper) and not hasattr(mapper, "get"):
        return [mapper(label) for label in labels]
    mapping = mapper.to_dict() if hasattr(mapper, "to_dict") else mapper
    return [mapping.get(label, label) for label in labels]
