"""reindex of a DataFrame or Series: the rows (and columns) at new labels, missing (or
fill_value) where the old ones have none, or with method="ffill"/"bfill" the row of the
previous / next old label of a monotonic index. The rows cross into the guest and the
result is built from them."""

import bisect

from . import _common, _labels
from ._expr import column_value
from ._host import table


def positions(old, new, method, limit=None):
    """For each new label the row position in old (None where there is none); with limit,
    at most limit consecutive new labels filled from one old row (pandas' reindex)."""
    where = {}
    for i, label in enumerate(old):
        if label in where:
            raise ValueError("cannot reindex on an axis with duplicate labels")
        where[label] = i
    if method is None:
        return [where.get(label) for label in new]
    if method not in ("ffill", "pad", "bfill", "backfill"):
        raise NotImplementedError(f"reindex(method={method!r})")
    if any(a > b for a, b in zip(old, old[1:])):
        raise ValueError("index must be monotonic increasing or decreasing")
    out = []
    for label in new:
        if label in where:
            out.append(where[label])
        elif method in ("ffill", "pad"):
            i = bisect.bisect_left(old, label) - 1
            out.append(i if i >= 0 else None)
        else:
            i = bisect.bisect_right(old, label)
            out.append(i if i < len(old) else None)
    if limit is None:
        return out
    exact = [label in where for label in new]
    order = range(len(new)) if method in ("ffill", "pad") else range(len(new) - 1, -1, -1)
    previous, run = None, 0
    for k in order:  # runs counted away from the row they copy
        run = 0 if exact[k] else (run + 1 if out[k] == previous else 1)
        previous = out[k]
        if run > limit:
            out[k] = None
    return out


def _new_index(old, labels):
    """The new labels as an Index; a plain list keeps the old index's name (pandas)."""
    from ._index import Index
    if isinstance(labels, Index):
        return labels
    return Index(list(labels), name=old.name)


def _taken(values, rows, fill_value):
    return [fill_value if p is None else values[p] for p in rows]


def reindex_frame(frame, labels, index, columns, axis, method, fill_value, limit=None):
    from .frame import DataFrame
    if labels is not None:
        if axis in (1, "columns"):
            columns = labels
        else:
            index = labels
    t = frame._t
    if len(t.index_names) > 1:
        raise NotImplementedError("reindex of a MultiIndex")
    old_index = frame.index
    new_index = old_index if index is None else _new_index(old_index, index)
    rows = positions(list(old_index), list(new_index), method if index is not None else None, limit)
    names = {_labels.decode(n): n for n in t.data_names}
    wanted = list(names) if columns is None else list(columns)
    fetched = dict(_common.rows(t, 0, t.rows))
    built = _common.index_columns(new_index)
    for label in wanted:
        name = names.get(label)
        if name is None:
            missing = float("nan") if fill_value is None else fill_value  # float64 NaN column
            values, hint = [missing] * len(rows), None
        else:
            values = _taken(fetched[name], rows, fill_value)
            hint = "object" if t.dtypes[name] == "object" else None
        built.append([_labels.encode(label), [column_value(v) for v in values], hint])
    return DataFrame._wrap(table("from_columns", columns=built))


def reindex_series(series, index, method, fill_value, limit=None):
    from .series import Series
    if index is None:
        return series
    old_index = series.index
    new_index = _new_index(old_index, index)
    rows = positions(list(old_index), list(new_index), method, limit)
    values = _taken(series._values(), rows, fill_value)
    dtype = object if series.dtype == "object" else None
    return Series(values, index=new_index, name=series.name, dtype=dtype)
