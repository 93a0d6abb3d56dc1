"""A pandas-compatible package whose DataFrame and Series are handles to polars frames
held on the host (docs/TABLES.md). The data and the computation stay native; what is not
supported raises NotImplementedError naming it."""

from . import errors
from . import options as _options
from ._io import read_csv, read_excel, read_json, read_parquet
from ._col import col
from ._arrays import array
from ._ordered import merge_ordered
from ._json_normalize import json_normalize
from ._period import Period, period_range
from ._categorical import Categorical, CategoricalDtype, Interval, cut, factorize, qcut
from ._dates import date_range, timedelta_range, to_datetime, to_timedelta
from ._reshape import (concat, crosstab, get_dummies, isna, melt, merge, notna, pivot,
                       pivot_table, unique)
from ._scalars import NA, NaT, Timedelta, Timestamp
from ._index import (DatetimeIndex, Index, IntervalIndex, MultiIndex, PeriodIndex, RangeIndex,
                     TimedeltaIndex, interval_range)
from .frame import DataFrame
from .groupby import DataFrameGroupBy, NamedAgg, SeriesGroupBy
from .series import Series

DataFrame.__module__ = Series.__module__ = "pandas"  # printed as pandas' own: <class 'pandas.Series'>

__version__ = "2.2.0+polars"

isnull, notnull = isna, notna
options = _options
set_option, get_option = _options.set_option, _options.get_option


def read_sql(*args, **kwargs):
    raise NotImplementedError("pandas.read_sql (no database access in the sandbox)")


def read_html(*args, **kwargs):
    raise NotImplementedError("pandas.read_html")


def read_clipboard(*args, **kwargs):
    raise NotImplementedError("pandas.read_clipboard")


def Grouper(*args, **kwargs):
    raise NotImplementedError("pandas.Grouper")


def to_numeric(arg, errors="raise", downcast=None):  # noqa: F811 (pandas' parameter name)
    if isinstance(arg, Series):
        return _to_numeric_series(arg, errors)
    if isinstance(arg, str):
        try:
            return int(arg)
        except ValueError:
            try:
                return float(arg)
            except ValueError:
                if errors == "coerce":
                    return float("nan")
                raise ValueError(f'Unable to parse string "{arg}"') from None
    return arg


def _to_numeric_series(series, errors):  # noqa: F811
    if errors not in ("raise", "coerce"):
        raise NotImplementedError(f"to_numeric(errors={errors!r})")
    return series._new({"f": "to_numeric", "a": [series._e], "k": {"errors": errors}})


__all__ = [
    "errors", "col", "Period", "period_range", "merge_ordered", "json_normalize", "array",
    "DataFrame", "Series", "Index", "MultiIndex", "RangeIndex", "DatetimeIndex", "TimedeltaIndex", "PeriodIndex", "Categorical", "CategoricalDtype", "Interval", "cut", "qcut", "Timestamp", "Timedelta", "NaT", "NA",
    "read_csv", "read_json", "read_excel", "read_parquet", "concat", "merge", "pivot_table",
    "to_datetime", "to_timedelta", "to_numeric", "isna", "isnull", "notna", "notnull", "unique", "set_option",
    "get_option", "options", "DataFrameGroupBy", "SeriesGroupBy", "crosstab", "date_range",
    "get_dummies", "melt", "pivot", "DatetimeIndex", "factorize",
    "IntervalIndex", "interval_range", "timedelta_range",
]
