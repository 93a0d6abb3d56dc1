"""merge, concat, pivot_table, to_datetime and the top-level helpers."""

import datetime as _dt

from . import _common, _labels
from ._expr import call as fn, col
from ._host import call, table
from ._scalars import NaT, Timestamp
from .frame import DataFrame
from .series import Series, _VALUE, is_missing


def merge(left, right, how="inner", on=None, left_on=None, right_on=None, left_index=False,
          right_index=False, suffixes=("_x", "_y"), **kwargs):
    if kwargs:
        raise NotImplementedError(f"merge({', '.join(sorted(kwargs))}=...)")
    if left_index or right_index:
        raise NotImplementedError("merge(left_index=/right_index=) (reset_index() first)")
    if isinstance(right, Series):
        right = right.to_frame()
    if how == "cross":
        left_on = right_on = []
    elif on is None and left_on is None:
        on = [c for c in left.columns if c in right.columns]
        if not on:
            raise ValueError("No common columns to perform merge on.")
    if on is not None:
        left_on = right_on = on
    left_on = [left_on] if not isinstance(left_on, list) else left_on
    right_on = [right_on] if not isinstance(right_on, list) else right_on
    if len(left_on) != len(right_on):
        raise ValueError("len(right_on) must equal len(left_on)")
    t = table("join", left=left._t.h, right=right._t.h, how=how,
              left_on=[left._name(k) for k in left_on], right_on=[right._name(k) for k in right_on],
              suffixes=list(suffixes))
    return DataFrame._wrap(t)


def concat(objs, axis=0, ignore_index=False, join="outer", keys=None, **kwargs):
    objs = [o for o in objs if o is not None]
    if kwargs or keys is not None or join != "outer":
        raise NotImplementedError("concat with keys=, join= or other options")
    if not objs:
        raise ValueError("No objects to concatenate")
    if axis in (1, "columns"):
        return _concat_columns(objs)
    if all(isinstance(o, Series) for o in objs):
        frames = [o.to_frame(_VALUE) for o in objs]
        joined = concat(frames, ignore_index=ignore_index)
        name = objs[0].name if all(o.name == objs[0].name for o in objs) else None
        return Series._of(joined._t, col(_VALUE), name)
    frames = [o.to_frame() if isinstance(o, Series) else o for o in objs]
    levels = {len(f._t.index_names) for f in frames}
    if len(levels) > 1 and not ignore_index:
        frames = [DataFrame._wrap(_common.with_row_labels(f._t)) for f in frames]
    t = table("concat", hs=[f._t.h for f in frames])
    result = DataFrame._wrap(t)
    return result.reset_index(drop=True) if ignore_index else result


def _concat_columns(objs):
    frames = [o.to_frame() if isinstance(o, Series) else o for o in objs]
    t = frames[0]._t
    for other in frames[1:]:
        if not call("same_index", a=t.h, b=other._t.h):
            raise NotImplementedError("concat(axis=1) of frames with different indexes (alignment)")
        t = table("attach", h=t.h, other=other._t.h, columns=[[n, n] for n in other._t.data_names])
    return DataFrame._wrap(t)


def pivot_table(data, values=None, index=None, columns=None, aggfunc="mean", fill_value=None,
                margins=False, **kwargs):
    from .groupby import _agg_name
    if kwargs or margins:
        raise NotImplementedError("pivot_table with margins= or other options")
    index = [index] if not isinstance(index, list) else index
    if columns is None:
        grouped = data.groupby(index)
        result = grouped[values].agg(aggfunc) if values is not None else grouped.agg(aggfunc)
        return result.to_frame() if isinstance(result, Series) else result
    if isinstance(columns, list):
        if len(columns) != 1:
            raise NotImplementedError("pivot_table with several columns= keys")
        columns = columns[0]
    if values is None:
        keys = set(index) | {columns}
        values = [c for c in data.columns if c not in keys]
    values = [values] if not isinstance(values, list) else values
    how = _agg_name(aggfunc)
    index_names = [data._name(k) for k in index]
    t = table("pivot", h=data._t.h, index=index_names, columns=data._name(columns),
              values=[data._name(v) for v in values], agg=fn(how, col("*")))
    renamed = [(_labels.index_column(i, k), n) for i, (k, n) in enumerate(zip(index, index_names))]
    result = DataFrame._wrap(_common.project(t, renamed + [(n, n) for n in t.names if n not in index_names]))
    if fill_value is not None:
        result = result.fillna(fill_value)
    return result


def crosstab(*args, **kwargs):
    raise NotImplementedError("pandas.crosstab (use pivot_table with aggfunc='size')")


def to_datetime(arg, format=None, errors="raise", unit=None, dayfirst=False, **kwargs):
    if kwargs or dayfirst:
        raise NotImplementedError(f"to_datetime({', '.join(sorted(kwargs)) or 'dayfirst'}=...)")
    if isinstance(arg, Series):
        options = {"errors": errors}
        if format is not None:
            options["format"] = format
        if unit is not None:
            options["unit"] = unit
        return arg._new(fn("to_datetime", arg._e, **options))
    if isinstance(arg, (list, tuple)):
        return [to_datetime(a, format=format, errors=errors) for a in arg]
    if is_missing(arg):
        return NaT
    if isinstance(arg, _dt.datetime) or isinstance(arg, _dt.date):
        return Timestamp(arg)
    if isinstance(arg, str):
        try:
            if format is not None:
                return Timestamp(_dt.datetime.strptime(arg, format))
            return Timestamp(arg)
        except ValueError:
            if errors == "coerce":
                return NaT
            raise
    raise NotImplementedError(f"to_datetime of {type(arg).__name__}")


def isna(obj):
    if isinstance(obj, (Series, DataFrame)):
        return obj.isna()
    return is_missing(obj) or obj is NaT


def notna(obj):
    if isinstance(obj, (Series, DataFrame)):
        return obj.notna()
    return not isna(obj)


def date_range(*args, **kwargs):
    raise NotImplementedError("pandas.date_range")


def unique(values):
    return list(dict.fromkeys(values.tolist() if isinstance(values, Series) else values))
