"""merge, concat, pivot_table and the top-level helpers."""

from . import _common, _labels
from ._expr import call as fn, col, lit
from ._host import call, table
from ._scalars import NaT
from .frame import DataFrame
from ._index import Index
from .series import Series, _VALUE, is_missing
from . import _dtypes


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


def concat(objs, axis=0, ignore_index=False, join="outer", keys=None, names=None,
           verify_integrity=False, sort=False, copy=None):
    """pandas.concat; join="inner" keeps the columns every frame has, names= names the
    index levels of the result, verify_integrity=True refuses repeated labels."""
    result = _concat(objs, axis, ignore_index, join, keys, sort)
    if names is not None:
        result = result.rename_axis(list(names) if len(names) > 1 else names[0])
    if verify_integrity and axis in (0, "index"):
        labels = list(result.index)
        repeated = sorted({x for x in labels if labels.count(x) > 1}, key=labels.index)
        if repeated:
            raise ValueError(f"Indexes have overlapping values: {Index(repeated)}")
    return result


def _concat(objs, axis, ignore_index, join, keys, sort):
    if isinstance(objs, dict):
        keys, objs = list(objs.keys()) if keys is None else keys, list(objs.values())
    objs = [o for o in objs if o is not None]
    if join not in ("outer", "inner"):
        raise ValueError("Only can inner (intersect) or outer (union) join the other axis")
    if sort:
        raise NotImplementedError("concat(sort=True)")
    if not objs:
        raise ValueError("No objects to concatenate")
    if join == "inner" and axis in (0, "index") and all(isinstance(o, DataFrame) for o in objs):
        common = [c for c in objs[0].columns if all(c in o.columns for o in objs[1:])]
        objs = [o[common] for o in objs]
    elif join == "inner":
        raise NotImplementedError("concat(join='inner') of Series or along the columns")
    if keys is not None:
        return _concat_keys(objs, list(keys), axis, ignore_index)
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
    frames = _common_dtypes(frames)
    t = table("concat", hs=[f._t.h for f in frames])
    result = DataFrame._wrap(t)
    return result.reset_index(drop=True) if ignore_index else result


_NUMBERS = _dtypes.NUMBERS


def _common_dtypes(frames):
    """frames with each column whose dtype differs between them (ints and floats) cast to
    float64, as pandas concatenates them."""
    kinds = {}
    for f in frames:
        for n, dtype in f._t.dtypes.items():
            kinds.setdefault(n, set()).add(dtype)
    widened = [n for n, ds in kinds.items() if len(ds) > 1 and ds <= set(_NUMBERS)]
    if not widened:
        return frames
    out = []
    for f in frames:
        cast = [[n, fn("cast", col(n), dtype="float64")] for n in widened
                if f._t.dtypes.get(n, "float64") != "float64"]
        out.append(DataFrame._wrap(table("assign", h=f._t.h, exprs=cast)) if cast else f)
    return out


def _concat_keys(objs, keys, axis, ignore_index):
    """concat(keys=...): each object's key as an outer index level (axis 0) or as the outer
    part of its column labels (axis 1)."""
    if len(keys) != len(objs):
        raise NotImplementedError("concat with fewer keys than objects")
    if axis in (1, "columns"):
        frames = []
        for key, o in zip(keys, objs):
            frame = o.to_frame() if isinstance(o, Series) else o
            if isinstance(o, Series):
                frames.append(frame.rename(columns={frame.columns[0]: key}))
            else:
                frames.append(frame.rename(columns=lambda c, k=key: (k,) + (c if isinstance(c, tuple) else (c,))))
        return _concat_columns(frames)
    if ignore_index:
        return concat(objs, ignore_index=True)
    keyed = []
    for key, o in zip(keys, objs):
        frame = o.to_frame(_VALUE) if isinstance(o, Series) else o
        t = _common.with_row_labels(frame._t)
        with_key = table("assign", h=t.h, exprs=[["\0key", lit(key)]])
        levels = [(_labels.index_column(0, None), "\0key")] + [
            (_labels.index_column(i + 1, _labels.index_label(n)), n) for i, n in enumerate(t.index_names)]
        keyed.append(DataFrame._wrap(_common.project(with_key, levels + [(n, n) for n in t.data_names])))
    result = concat(keyed)
    if all(isinstance(o, Series) for o in objs):
        name = objs[0].name if all(o.name == objs[0].name for o in objs) else None
        return Series._of(result._t, col(_VALUE), name)
    return result


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
        result = result.to_frame() if isinstance(result, Series) else result
        # pandas sorts the result's columns by label
        t = result._t
        names = t.index_names + sorted(t.data_names, key=_labels.decode)
        return DataFrame._wrap(_common.project(t, [(n, n) for n in names]))
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
    ints = [v for v in values if _int_aggregate(how, data._t.dtypes[data._name(v)])]
    block = [n for n in result._t.data_names
             if len(values) == 1 and ints or any(n.startswith(f"{data._name(v)}\x1f") for v in ints)]
    result = _spread_block(result, block, fill_value)
    if len(values) == 1:
        result._columns_name = columns
    return result


def _int_aggregate(how, dtype):
    """Whether pandas' aggregate `how` of a column of `dtype` is an integer column."""
    if how in ("count", "size", "nunique"):
        return True
    if how in ("sum", "prod"):
        return dtype in ("int64", "int32", "bool")
    return how in ("min", "max", "first", "last") and dtype in _dtypes.INTS


def _spread_block(result, block, fill_value):
    """pandas spreads the integer aggregates as one block: a missing cell anywhere in it makes
    every column of the block float64, unless fill_value fills the cells (they stay ints).
    block: the host columns of the spread integer aggregates (float64 where cells are
    missing, as the host stores them)."""
    if fill_value is not None:
        result = result.fillna(fill_value)
        if isinstance(fill_value, int) and not isinstance(fill_value, bool):
            return _cast(result, block, "int64")
        return result
    if not block:
        return result
    counts = call("aggregate", h=result._t.h, exprs=[[n, fn("count", col(n))] for n in block])
    gaps = any(c < result._t.rows for c in counts)
    return _cast(result, block, "float64") if gaps else result


def _cast(result, names, dtype):
    if not names:
        return result
    return DataFrame._wrap(table("assign", h=result._t.h,
                                 exprs=[[n, fn("cast", col(n), dtype=dtype)] for n in names]))


def crosstab(index, columns, values=None, rownames=None, colnames=None, aggfunc=None,
             margins=False, dropna=True, normalize=False):
    """Counts (or aggfunc of values) of two Series of one frame, one row per index value and
    one column per columns value (0 where a pair never occurs, as pandas does)."""
    if margins or normalize or rownames or colnames or not dropna:
        raise NotImplementedError("crosstab with margins=, normalize=, rownames=/colnames= or dropna=False")
    if not isinstance(index, Series) or not isinstance(columns, Series):
        raise NotImplementedError("crosstab of other than two Series")
    data = {"\x05r": index, "\x05c": columns}
    if values is not None:
        data["\x05v"] = values
    frame = DataFrame(data)
    if values is None:
        if aggfunc is not None:
            raise ValueError("aggfunc cannot be used without values.")
        frame["\x05v"] = 1
        aggfunc, fill = "size", 0
    else:
        if aggfunc is None:
            raise ValueError("values cannot be used without an aggfunc.")
        fill = None
    result = pivot_table(frame, values="\x05v", index="\x05r", columns="\x05c",
                         aggfunc=aggfunc, fill_value=fill)
    if fill == 0:
        result = result.astype("int64")
    result = result.rename_axis(index=index.name)
    result._columns_name = columns.name
    return result


def pivot(data, columns, index=None, values=None):
    """DataFrame.pivot: pivot_table without aggregation; repeated pairs are an error."""
    if index is None or isinstance(index, list) or isinstance(columns, list):
        raise NotImplementedError("pivot without index= or with lists of keys")
    counts = data.groupby([index, columns]).size()
    if len(counts) and counts.max() > 1:
        raise ValueError("Index contains duplicate entries, cannot reshape")
    result = pivot_table(data, values=values, index=index, columns=columns, aggfunc="first")
    result._columns_name = columns
    return result


def melt(frame, id_vars=None, value_vars=None, var_name=None, value_name="value",
         col_level=None, ignore_index=True):
    """Unpivots value_vars into (variable, value) rows, one block per value column; with
    several column levels, one variable column per level (or only col_level's labels)."""
    if col_level is not None:
        frame = _at_level(frame, col_level)
    id_vars = [] if id_vars is None else ([id_vars] if not isinstance(id_vars, (list, tuple)) else list(id_vars))
    if value_vars is None:
        value_vars = [c for c in frame.columns if c not in id_vars]
    elif not isinstance(value_vars, (list, tuple)):
        value_vars = [value_vars]
    levels = len(value_vars[0]) if value_vars and isinstance(value_vars[0], tuple) else 1
    if var_name is None:
        var_names = ["variable"] if levels == 1 else [f"variable_{i}" for i in range(levels)]
    else:
        var_names = [var_name] if levels == 1 else list(var_name)
    kinds = {frame._t.dtypes[frame._name(v)] for v in value_vars}
    if len(kinds) > 1 and not kinds <= set(_dtypes.NUMBERS):
        raise NotImplementedError("melt of value columns of different types (pandas' object "
                                  "column of mixed values)")
    ids = [[_labels.encode(k), col(frame._name(k))] for k in id_vars]
    source = frame._t if ignore_index else _common.with_row_labels(frame._t)
    blocks = []
    for label in value_vars:
        value = col(frame._name(label))
        if len(kinds) > 1:
            value = fn("cast", value, dtype="float64")
        parts = label if levels > 1 else (label,)
        exprs = ids + [[_labels.encode(n), lit(p)] for n, p in zip(var_names, parts)]
        exprs.append([_labels.encode(value_name), value])
        blocks.append(table("select", h=source.h, exprs=exprs, index=not ignore_index))
    if not blocks:
        raise NotImplementedError("melt without value columns")
    result = DataFrame._wrap(table("concat", hs=[b.h for b in blocks]))
    return result.reset_index(drop=True) if ignore_index else result


def _at_level(frame, level):
    """frame with only level ``level`` of its (tuple) column labels."""
    names = frame._t.data_names
    labels = [_labels.decode(n) for n in names]
    if not all(isinstance(label, tuple) for label in labels):
        return frame
    moved = [(_labels.encode(label[level]), n) for label, n in zip(labels, names)]
    return DataFrame._wrap(_common.project(frame._t, [(n, n) for n in frame._t.index_names] + moved))


def join(left, right, on=None, how="left", lsuffix="", rsuffix="", sort=False):
    """DataFrame.join: right's index matched with left's index (or left's column on)."""
    if isinstance(right, Series):
        right = right.to_frame()
    if not isinstance(right, DataFrame) or sort or how not in ("left", "right", "inner", "outer"):
        raise NotImplementedError("join with a list of frames, sort=True or how='cross'")
    rt = _common.with_row_labels(right._t)
    if len(rt.index_names) != 1:
        raise NotImplementedError("join on a MultiIndex")
    overlap = set(left._t.data_names) & set(rt.data_names)
    if overlap and not (lsuffix or rsuffix):
        raise ValueError(f"columns overlap but no suffix specified: {sorted(overlap)}")
    lt = left._t if on is not None else _common.with_row_labels(left._t)
    if on is None and len(lt.index_names) != 1:
        raise NotImplementedError("join on a MultiIndex")
    lkey = left._name(on) if on is not None else lt.index_names[0]

    def renamed(t, names, suffix, key):
        cols = [("\x06k", key)] + [(_labels.encode(_labels.decode(n) + suffix) if n in overlap else n, n)
                                   for n in names]
        return _common.project(t, cols)
    lcols = [n for n in lt.names if n != lkey or on is not None]
    lp = renamed(lt, [n for n in lcols if not n.startswith("\0")], lsuffix, lkey)
    rp = renamed(rt, rt.data_names, rsuffix, rt.index_names[0])
    lindex = [n for n in lt.index_names]
    # Keep left's index levels as data while joining, back as index afterwards.
    lp = table("attach", h=lp.h, other=lt.h, columns=[["\x06i" + n, n] for n in lindex]) if lindex else lp
    joined = table("join", left=lp.h, right=rp.h, how=how, left_on=["\x06k"], right_on=["\x06k"],
                   suffixes=["", ""])
    data = [n for n in joined.names if n != "\x06k" and not n.startswith("\x06i")]
    if on is None:
        index = [(lindex[0], "\x06k")]
    else:
        index = [(n, "\x06i" + n) for n in lindex]
    return DataFrame._wrap(_common.project(joined, index + [(n, n) for n in data]))


def isna(obj):
    """Whether values are missing: a scalar gives a bool, a Series or DataFrame one of bools,
    an array, list or Index a numpy bool array of its shape."""
    import numpy as np
    from ._index import Index
    if isinstance(obj, (Series, DataFrame)):
        return obj.isna()
    if isinstance(obj, Index):
        obj = list(obj)
    if isinstance(obj, (list, tuple)):
        return np.array([_missing(v) for v in obj], dtype=bool)
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind == "f":
            return np.isnan(obj)
        if obj.dtype.kind in "mM":
            return np.isnat(obj)
        if obj.dtype.kind == "O":
            return np.frompyfunc(_missing, 1, 1)(obj).astype(bool)
        return np.zeros(obj.shape, dtype=bool)
    return _missing(obj)


def _missing(value):
    return is_missing(value) or value is NaT


def notna(obj):
    if isinstance(obj, (Series, DataFrame)):
        return obj.notna()
    result = isna(obj)
    return not result if isinstance(result, bool) else ~result


def unique(values):
    return list(dict.fromkeys(values.tolist() if isinstance(values, Series) else values))


def get_dummies(data, prefix=None, prefix_sep="_", dummy_na=False, columns=None,
                drop_first=False, dtype=None):
    """One bool column per distinct value (sorted) of a Series, or of a frame's string
    columns (named "<column><prefix_sep><value>", in place of the column)."""
    if not isinstance(data, (Series, DataFrame)):
        data = Series(data)
    if dummy_na and not isinstance(data, Series):
        raise NotImplementedError("get_dummies(dummy_na=True) of a DataFrame")
    if isinstance(data, Series):
        frame = data.to_frame(_VALUE)
        exprs = _dummies(frame, _VALUE, prefix, prefix_sep, drop_first)
        if dummy_na:  # a last column flagging the missing values
            label = float("nan") if prefix is None else f"{prefix}{prefix_sep}nan"
            exprs.append([_labels.encode(label), fn("isnull", col(_VALUE))])
        t = table("select", h=frame._t.h, exprs=exprs, index=True)
    else:
        frame = data
        if columns is None:
            columns = [c for c in frame.columns if frame._t.dtypes[frame._name(c)] in ("str", "object")]
        prefixes = prefix if isinstance(prefix, (list, dict)) else None
        exprs = []
        for label in frame.columns:
            name = frame._name(label)
            if label not in columns:
                exprs.append([name, col(name)])
                continue
            p = label if prefix is None else (prefixes[label] if isinstance(prefixes, dict) else
                                             prefixes[columns.index(label)] if prefixes else prefix)
            exprs.extend(_dummies(frame, name, p, prefix_sep, drop_first))
        # pandas puts the dummies after the other columns
        kept = [e for e in exprs if e[0] in frame._t.data_names]
        dummies = [e for e in exprs if e[0] not in frame._t.data_names]
        t = table("select", h=frame._t.h, exprs=kept + dummies, index=True)
    result = DataFrame._wrap(t)
    return result.astype(dtype) if dtype is not None else result


def _dummies(frame, name, prefix, sep, drop_first):
    values = sorted(v for v in frame[_labels.decode(name)].unique() if not is_missing(v))
    if drop_first:
        values = values[1:]
    return [[_labels.encode(v if prefix is None else f"{prefix}{sep}{v}"),
             fn("eq", col(name), lit(v))] for v in values]
