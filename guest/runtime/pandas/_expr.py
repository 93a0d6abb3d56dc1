"""Builders of the expressions the host compiles (src/tables/expr.rs)."""

import datetime as _dt
import math

from ._scalars import NaT, Timedelta, Timestamp
from . import _dtypes


def col(name):
    return {"c": name}


def call(f, *args, **options):
    node = {"f": f, "a": list(args)}
    if options:
        node["k"] = options
    return node


def column_lit(value):
    """A literal that makes a column by itself: a Python int is pandas' int64 there (polars
    would make it int32); elsewhere a plain literal keeps a sized column's dtype."""
    literal = lit(value)
    if isinstance(literal.get("v"), int) and not isinstance(literal["v"], bool):
        return {**literal, "t": "int64"}
    return literal


def lit(value):
    """A literal for a Python (or numpy) scalar."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if value is None or value is NaT:
        return {"v": None}
    if isinstance(value, bool):
        return {"v": value}
    if isinstance(value, int):
        return {"v": value}
    if isinstance(value, float):
        if math.isnan(value):
            return {"v": None}
        if math.isinf(value):
            return {"v": {"$f": "inf" if value > 0 else "-inf"}}
        return {"v": value}
    if isinstance(value, str):
        return {"v": value}
    if isinstance(value, _dt.datetime):
        return {"v": Timestamp(value)._micros(), "t": "datetime"}
    if isinstance(value, _dt.date):
        return {"v": Timestamp(value)._micros(), "t": "datetime"}
    if isinstance(value, _dt.timedelta):
        return {"v": Timedelta(value)._micros(), "t": "timedelta"}
    raise TypeError(f"unsupported scalar of type {type(value).__name__}")


def json_value(value):
    """A Python value as a JSON column value (tagged for dates and special floats)."""
    if value is None or value is NaT:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return {"$f": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, _dt.datetime) or isinstance(value, _dt.date):
        return {"$dt": Timestamp(value)._micros()}
    if isinstance(value, _dt.timedelta):
        return {"$td": Timedelta(value)._micros()}
    if type(value).__name__ in ("int64", "float64", "int32", "bool_"):
        return json_value(value.item())
    raise NotImplementedError(f"columns holding {type(value).__name__} objects")


def column_value(value):
    """A value of a column being built: as json_value, but NaN stays tagged, so that a
    column of nothing but NaN is float64 (a None-only one is object), as in pandas; NaT is
    tagged too, and other Python objects (lists, dicts...) are held by the guest
    (pandas/_objects.py): the host makes the column one of pandas' object columns."""
    from . import _objects
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0:
        _objects.refuse_typed(value)  # a numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return {"$f": "nan"}
    if value is NaT:
        return {"$nat": True}
    if not _objects.plain(value):
        _objects.refuse_typed([value])
        return _objects.hold(value)
    return json_value(value)


def rounded(expr, decimals, dtype):
    """expr rounded to decimals as numpy's around (half to even); negative decimals round to
    tens, hundreds... (x / 10**k, rounded, times 10**k), integers staying integers."""
    if decimals >= 0:
        return call("round", expr, decimals=decimals)
    scale = 10 ** -decimals
    result = call("mul", call("round", call("truediv", expr, lit(scale)), decimals=0), lit(scale))
    return call("cast", result, dtype=dtype) if dtype in _dtypes.INTS else result


def cumulative(how, expr, skipna=True):
    """cumsum/cumprod/cummax/cummin of expr: a missing value stays missing; with
    skipna=False every value from the first missing one on is missing, as in pandas."""
    result = call(how, expr)
    if skipna:
        return result
    seen = call("gt", call("cumsum", call("cast", call("isnull", expr), dtype="int64")), lit(0))
    return call("where", result, call("not", seen), lit(None))


def filled(expr, value, limit=None):
    """fillna of expr with the expression value; with limit only its first limit missing
    values (counted from the top, as pandas' fillna(limit=))."""
    out = call("fillna", expr, value)
    if limit is None:
        return out
    if not isinstance(limit, int) or limit <= 0:
        raise ValueError("Limit must be greater than 0")
    missing = call("isnull", expr)
    seen = call("cumsum", call("cast", missing, dtype="int64"))
    return call("where", out, call("or", call("not", missing), call("le", seen, lit(limit))), lit(None))


def cumulative_across(how, exprs, skipna=True):
    """cumsum/cumprod/cummax/cummin along a row (axis=1): one expression per column, each
    combining the row's values up to that column (missing ones skipped, or with
    skipna=False making the rest of the row missing)."""
    out, acc, gap = [], None, None
    for e in exprs:
        missing = call("isnull", e)
        if acc is None:
            acc = e
        else:
            both = {"cumsum": call("add", acc, e), "cumprod": call("mul", acc, e),
                    "cummax": call("where", acc, call("ge", acc, e), e),
                    "cummin": call("where", acc, call("le", acc, e), e)}[how]
            acc = call("where", acc, missing, call("where", e, call("isnull", acc), both))
        gap = missing if gap is None else call("or", gap, missing)
        out.append(call("where", acc, call("not", gap if not skipna else missing), lit(None)))
    return out


def diff(expr, dtype, periods):
    """pandas' diff of a column of this dtype: int8/int16 give float32, unsigned integers wrap
    around as numpy's subtraction does (0 - 1 is 255 in uint8), then float64."""
    if dtype == "uint64":
        raise NotImplementedError("diff of a uint64 column (numpy's wrapping subtraction)")
    if dtype in _dtypes.UNSIGNED:
        d = call("diff", call("cast", expr, dtype="int64"), periods=periods)
        wrapped = call("where", d, call("ge", d, lit(0)), call("add", d, lit(2 ** _dtypes.bits(dtype))))
        return call("cast", wrapped, dtype="float64")
    if dtype in ("int8", "int16"):
        # Subtracted without wrapping (polars' own int8 diff wraps); float32 holds every result.
        return call("diff", call("cast", expr, dtype="float32"), periods=periods)
    return call("diff", expr, periods=periods)
