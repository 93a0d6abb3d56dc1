"""pandas' object columns: values of mixed kinds ("a", 1, True...) or Python objects
(lists, dicts, tuples, arrays...).

The host keeps such a column as one binary value per row (src/tables/values.rs): plain
values travel as JSON, other objects stay here, in ``_held``, and travel as their id
(``{"$o": id}``). The host knows only which values are missing (None, NaN and NaT, told
apart as pandas prints them); everything else on an object column is computed here on the
Python values, or refused by the host as NotImplementedError. Held objects live as long as
the session (their column may be copied into any number of frames on the host)."""

import itertools

_held = {}
_ids = itertools.count()


def hold(value):
    """The tag of a Python object put into a column."""
    key = next(_ids)
    _held[key] = value
    return {"$o": key}


def held(key):
    return _held[key]


def refuse_typed(data):
    """NotImplementedError for column data (or a list of one value) that pandas would give
    a dtype this package lacks: categories, complex numbers, intervals."""
    from ._categorical import Categorical, Interval
    if isinstance(data, Categorical):
        raise NotImplementedError("columns of category dtype (Series of a Categorical)")
    numpy_kind = data.dtype.kind if type(data).__module__ == "numpy" else None
    if numpy_kind == "c" or (isinstance(data, list) and data and isinstance(data[0], complex)):
        raise NotImplementedError("columns of complex numbers (complex128)")
    if isinstance(data, list) and data and isinstance(data[0], Interval):
        raise NotImplementedError("columns of intervals (interval dtype)")


def plain(value):
    """Whether value is one the host stores in a typed column (or as JSON in an object
    column)."""
    import datetime
    return value is None or isinstance(value, (bool, int, float, str, datetime.date,
                                                 datetime.timedelta))


def is_object_dtype(dtype):
    return dtype is object or dtype in ("object", "O")


def dtype_of(series):
    """A Series' dtype, read from its frame without a host call when it is a column."""
    column = series._e.get("c") if isinstance(series._e, dict) else None
    if column is not None and column in series._t.dtypes:
        return series._t.dtypes[column]
    return series.dtype


def rebuilt(series, values, dtype=None):
    """A Series of these values (one per row of series), with series' index and name."""
    from .series import Series
    return Series(values, name=series.name, dtype=dtype)._with_index_of(series)


def str_method(series, method, *args):
    """Series.str.<method> of an object column, as pandas' object columns give it: the
    method on each string (lists, tuples and dicts too for len, get and join), NaN for
    other values, missing values kept; the result is an object column (float64 or int64
    for len)."""
    import math
    from .series import is_missing
    apply = STR_METHODS.get(method)
    if apply is None:
        raise NotImplementedError(f"Series.str.{method} of an object column")
    out = []
    for v in series._values():
        if is_missing(v) or v is _nat():
            out.append(math.nan if method == "len" else v)
            continue
        result = apply(v, *args)
        out.append(math.nan if result is _NA else result)
    return rebuilt(series, out, dtype=None if method == "len" else "object")


_NA = object()


def _nat():
    from ._scalars import NaT
    return NaT


def _on_str(name):
    def apply(value, *args):
        return getattr(value, name)(*args) if isinstance(value, str) else _NA
    return apply


def _len(value):
    return len(value) if isinstance(value, (str, list, tuple, dict, set)) else _NA


def _get(value, i):
    if isinstance(value, dict):
        return value.get(i)
    if isinstance(value, (str, list, tuple)):
        return value[i] if -len(value) <= i < len(value) else _NA
    return _NA


def _join(value, sep):
    if isinstance(value, str):
        return sep.join(value)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return sep.join(value)
    return _NA


def _pad(value, width, side="left", fillchar=" "):
    if not isinstance(value, str):
        return _NA
    return {"left": value.rjust, "right": value.ljust, "both": value.center}[side](width,
                                                                                 fillchar)


STR_METHODS = {name: _on_str(name) for name in (
    "lower", "upper", "title", "capitalize", "swapcase", "casefold", "strip", "lstrip",
    "rstrip", "zfill", "isdigit", "isalpha", "isalnum", "isnumeric", "isdecimal", "isspace",
    "islower", "isupper", "istitle")}
def _getitem(value, key):
    if isinstance(key, slice):
        return value[key] if isinstance(value, (str, list, tuple)) else _NA
    return _get(value, key)


STR_METHODS.update(len=_len, get=_get, join=_join, pad=_pad, getitem=_getitem)


def infer(series):
    """infer_objects of one column: the values rebuilt, so that a column of nothing but
    numbers (or strings, dates...) gets its own dtype."""
    if dtype_of(series) != "object":
        return series
    return rebuilt(series, series._values())


def infer_frame(frame):
    """DataFrame.infer_objects: every object column rebuilt from its values."""
    from . import _common
    from ._host import table
    from .frame import DataFrame
    from .series import from_values
    t = frame._t
    names = [n for n in t.data_names if t.dtypes[n] == "object"]
    if names:
        fetched = _common.rows(_common.project(t, [(n, n) for n in names]), 0, t.rows)
        for name, values in fetched:
            column = from_values(values, None)
            t = table("attach", h=t.h, other=column.h, columns=[[name, "\x01"]])
    return DataFrame._wrap(t)


def _pieces(value):
    """The values one row becomes in explode: a list-like's items (NaN for an empty one),
    anything else as it is."""
    import math
    if isinstance(value, (list, tuple, set, frozenset)) or type(value).__name__ == "ndarray":
        items = list(value)
        return items if items else [math.nan]
    return [value]


def _exploded(t, columns, ignore_index):
    """Table t with each row repeated once per piece of its values in columns
    ([(host name, values)]), those columns replaced by the pieces (object columns)."""
    from . import _common
    from ._host import table
    from .series import from_values
    pieces = {name: [_pieces(v) for v in values] for name, values in columns}
    counts = [len(p) for p in next(iter(pieces.values()))]
    for name, rows in pieces.items():
        if [len(p) for p in rows] != counts:
            raise ValueError("columns must have matching element counts")
    positions = [i for i, n in enumerate(counts) for _ in range(n)]
    t = table("take", h=t.h, rows=positions)
    for name, rows in pieces.items():
        column = from_values([x for p in rows for x in p], None, dtype=object)
        t = table("attach", h=t.h, other=column.h, columns=[[name, "\x01"]])
    if ignore_index:
        t = _common.project(t, [(n, n) for n in t.data_names])
    return t


def explode_series(series, ignore_index=False):
    """Series.explode: one row per item of each list-like value, its label repeated."""
    t = series._mat()
    return series._from_table(_exploded(t, [("\x01", series._values())], ignore_index))


def explode_frame(frame, column, ignore_index=False):
    """DataFrame.explode of one column or several (with equally long list-likes per row)."""
    from . import _common, _labels
    from .frame import DataFrame
    labels = list(column) if isinstance(column, (list, tuple)) else [column]
    if not labels or len(set(labels)) != len(labels):
        raise ValueError("column must be nonempty" if not labels else
                         "column must be unique")
    names = [_labels.encode(label) for label in labels]
    for name, label in zip(names, labels):
        if name not in frame._t.data_names:
            raise KeyError(label)
    t = frame._t
    fetched = _common.rows(_common.project(t, [(n, n) for n in names]), 0, t.rows)
    return DataFrame._wrap(_exploded(t, fetched, ignore_index))
