"""Turning user data (lists, ranges, generators, numpy arrays, pandas Series...) into numbers.

Numbers become floats; None, NaN and infinities become None (``null`` in the
spec); strings become category positions on their axis (see ``_axis``).
"""

import datetime
import math
from array import array

from . import units


def items(data):
    """data as a list: objects with tolist() (numpy, pandas), iterables, or a scalar as [scalar]."""
    if hasattr(data, "tolist") and not isinstance(data, type):
        if getattr(getattr(data, "dtype", None), "kind", None) == "M":  # numpy datetime64: to datetimes
            data = data.astype("datetime64[us]")
        data = data.tolist()
    if isinstance(data, (str, bytes)) or not hasattr(data, "__iter__"):
        return [data]
    return list(data)


def is_2d(values):
    """True if values (a list) holds rows rather than scalars."""
    return bool(values) and all(isinstance(v, (list, tuple)) for v in values)


def number(value):
    """value as a finite float, or None for missing (None, NaN, infinities)."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        raise TypeError(f"could not convert {value!r} to a number")
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise NotImplementedError("dates and times are supported as x and y coordinates only in this "
                                  "sandbox (not as sizes, widths or other values)")
    try:
        result = float(value)
    except OverflowError:
        return None
    except (TypeError, ValueError):
        raise TypeError(f"could not convert {value!r} to a number") from None
    return result if math.isfinite(result) else None


def numbers_of(data, axis=None):
    """The values of data as floats or None; strings are mapped to axis's categories."""
    values = items(data)
    units.check_supported(values)
    if values and _is_date(next((v for v in values if v is not None), None)):
        return _dates(values, axis, data)
    if axis is not None and any(isinstance(v, str) for v in values):
        if not all(isinstance(v, str) for v in values):
            raise TypeError("a sequence of strings (categories) cannot also hold numbers")
        return [float(axis.category(v)) for v in values]
    return _finite_floats(values) or [number(v) for v in values]


def _is_date(value):
    return isinstance(value, (datetime.date, datetime.datetime))


def _dates(values, axis, data):
    """Dates as days since 1970-01-01 (matplotlib's date2num); the axis becomes a date axis, with
    the default locator and formatter of the converter matplotlib.units registers for data."""
    from .dates import _check_plotting_epoch, _date_axis_info, date2num

    if axis is None:
        raise NotImplementedError("dates are supported as x or y coordinates only in this sandbox")
    _check_plotting_epoch()
    if axis.dates is None:
        axis.dates = _date_axis_info(data, axis)
    result = []
    for value in values:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            result.append(None)
        elif _is_date(value):
            result.append(float(date2num(value)))
        else:
            raise TypeError("a sequence of dates cannot also hold numbers or strings")
    return result


def _finite_floats(values):
    """values as floats if all are real numbers and finite (the common case, converted in C),
    else None."""
    try:
        floats = array("d", values)
    except (TypeError, OverflowError):
        return None
    # A finite sum means no element is NaN or infinite (a huge finite sum may overflow: slow path).
    return floats.tolist() if values and math.isfinite(sum(floats)) else None


def scalar(value, name):
    """A single finite number given for name."""
    result = number(value)
    if result is None:
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    return result


def broadcast(values, n, name):
    """values (a list) repeated to length n if it has one item; ValueError unless it then has n."""
    if len(values) == 1 and n != 1:
        return values * n
    if len(values) != n:
        raise ValueError(f"shape mismatch: {name} has {len(values)} values, expected {n}")
    return values


def same_length(x, y, xname="x", yname="y"):
    """ValueError like matplotlib's unless x and y have the same length."""
    if len(x) != len(y):
        raise ValueError(f"{xname} and {yname} must have same first dimension, but have shapes "
                         f"({len(x)},) and ({len(y)},)")
