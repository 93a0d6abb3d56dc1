"""Group-bys with Python functions (``agg``/``transform``/``apply``/``filter`` given a callable):
each group is taken from the host as a frame whose rows keep their index labels, the function
runs on it in the guest, and the results go back to the host assembled as pandas assembles
them. Every group's rows cross into the guest only as far as the function reads them."""

import math

from . import _common, _labels
from ._expr import col, lit
from ._host import table
from .frame import DataFrame
from .series import Series, _VALUE


def _missing(value):
    """value, or None for a missing one (None or NaN)."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def groups(gb):
    """(keys table, [(key, positions)]) of DataFrameGroupBy gb in its group order: the table
    is gb's group-by without aggregations (its keys as index levels or columns); a key is a
    scalar for one grouping key, a tuple for several."""
    base = gb._group([])
    fetched = _common.rows(base, 0, base.rows)
    keys = list(zip(*(values for _, values in fetched)))
    names = [n for _, n in gb._keys]
    data = dict(_common.rows(_common.project(gb._t, [(n, n) for n in names]), 0, gb._t.rows))
    where = {}
    for i, row in enumerate(zip(*(data[n] for n in names))):
        where.setdefault(tuple(_missing(v) for v in row), []).append(i)
    found = [(k if len(k) > 1 else k[0], where.get(tuple(_missing(v) for v in k), [])) for k in keys]
    return base, found


def group_frame(gb, positions, names):
    """The rows at positions of gb's frame, with the host columns names (labels as in the frame)."""
    t = table("take", h=gb._t.h, rows=positions)
    return DataFrame._wrap(_common.project(t, [(n, n) for n in t.index_names + names]))


def _named(series, key):
    series.name = key
    return series


def _column_values(gb, name, label, func, args, kwargs):
    """func of each group's column name (a Series named after its key), in group order."""
    base, found = groups(gb)
    out = []
    for key, positions in found:
        part = group_frame(gb, positions, [name])
        out.append(func(_named(Series._of(part._t, col(name), label), key), *args, **kwargs))
    return base, out


def _scalar(value, what):
    if isinstance(value, (Series, DataFrame)):
        raise NotImplementedError(f"{what} with a function returning a {type(value).__name__}")
    return value


def _attach(t, columns):
    """t with columns [(host name, Python values)] added by position."""
    for name, values in columns:
        other = Series(list(values))._mat()  # held until the host has attached it
        t = table("attach", h=t.h, other=other.h, columns=[[name, _VALUE]])
    return t


def agg_series(sgb, func, args, kwargs):
    """SeriesGroupBy.agg(func): one value per group, a Series indexed by the keys."""
    gb = sgb._parent
    base, values = _column_values(gb, sgb._name, sgb._label, func, args, kwargs)
    values = [_scalar(v, "groupby().agg") for v in values]
    if not gb._as_index:
        return DataFrame._wrap(_attach(base, [(sgb._name, values)]))
    t = _attach(base, [("\x04", values)])
    return Series._of(t, col("\x04"), sgb._label)


def agg_frame(gb, func, args, kwargs):
    """DataFrameGroupBy.agg(func): func of each selected column of each group."""
    base, columns = None, []
    for name in gb._selection:
        base, values = _column_values(gb, name, _labels.decode(name), func, args, kwargs)
        columns.append((name, [_scalar(v, "groupby().agg") for v in values]))
    if base is None:
        base, _ = groups(gb)
    return DataFrame._wrap(_attach(base, columns))


def agg_named(gb, named):
    """Named aggregations some of which are Python functions (or take extra arguments)."""
    base, columns = None, []
    for label, spec in named.items():
        column, how = spec
        if not callable(how):
            how = lambda series, *a, _how=how, **k: series.agg(_how, *a, **k)  # noqa: E731
        name = gb._frame._name(column)
        base, values = _column_values(gb, name, column, how, getattr(spec, "args", ()),
                                      getattr(spec, "kwargs", {}))
        columns.append((_labels.encode(label), [_scalar(v, "groupby().agg") for v in values]))
    return DataFrame._wrap(_attach(base, columns))


def _transformed(gb, name, label, func, args, kwargs):
    """The values of func per group of column name, in the frame's row order: a Series result
    (as long as the group) in the group's row order, a scalar repeated."""
    out = [None] * gb._t.rows
    _, found = groups(gb)
    for key, positions in found:
        part = group_frame(gb, positions, [name])
        result = func(_named(Series._of(part._t, col(name), label), key), *args, **kwargs)
        if isinstance(result, Series):
            values = result.tolist()
            if len(values) != len(positions):
                raise ValueError("transform must return a scalar value for each group")
        else:
            values = [_scalar(result, "groupby().transform")] * len(positions)
        for p, v in zip(positions, values):
            out[p] = v
    return out


def _rows_index(gb):
    return _common.project(gb._t, [(n, n) for n in gb._t.index_names])


def transform_series(sgb, func, args, kwargs):
    gb = sgb._parent
    values = _transformed(gb, sgb._name, sgb._label, func, args, kwargs)
    t = _attach(_rows_index(gb), [(_VALUE, values)])
    return Series._of(t, col(_VALUE), sgb._label)


def transform_frame(gb, func, args, kwargs):
    """DataFrameGroupBy.transform(func): func of each group's frame (of the selected columns),
    as pandas' fast path: a frame as long as the group gives its columns, a Series (one value
    per column) or a scalar is repeated over the group's rows."""
    names = list(gb._selection)
    out = {n: [None] * gb._t.rows for n in names}
    for key, positions in groups(gb)[1]:
        result = func(_named(group_frame(gb, positions, names), key), *args, **kwargs)
        if isinstance(result, DataFrame):
            if len(result) != len(positions):
                raise ValueError("transform must return a scalar value for each group")
            values = {n: result[_labels.decode(n)].tolist() for n in names}
        elif isinstance(result, Series):
            per_column = result.tolist()
            values = {n: [v] * len(positions) for n, v in zip(names, per_column)}
        else:
            values = {n: [result] * len(positions) for n in names}
        for n in names:
            for p, v in zip(positions, values[n]):
                out[n][p] = v
    return DataFrame._wrap(_attach(_rows_index(gb), list(out.items())))


def filter_frame(gb, func, dropna, args, kwargs):
    """DataFrameGroupBy.filter: the rows of the groups for which func(group) is true, in the
    frame's order (with dropna=False the other rows are kept as missing values)."""
    if not dropna:
        raise NotImplementedError("groupby().filter(dropna=False)")
    names = [n for n in gb._frame._t.names if not n.startswith("\0")]
    kept = []
    for key, positions in groups(gb)[1]:
        verdict = func(_named(group_frame(gb, positions, names), key), *args, **kwargs)
        if isinstance(verdict, (Series, DataFrame)):
            raise TypeError(f"filter function returned a {type(verdict).__name__}, but expected a scalar bool")
        if verdict:
            kept.extend(positions)
    t = table("take", h=gb._t.h, rows=sorted(kept))
    return DataFrame._wrap(_common.project(t, [(n, n) for n in t.index_names + names]))


def filter_series(sgb, func, dropna, args, kwargs):
    gb = sgb._parent
    kept = []
    for key, positions in groups(gb)[1]:
        part = group_frame(gb, positions, [sgb._name])
        if func(_named(Series._of(part._t, col(sgb._name), sgb._label), key), *args, **kwargs):
            kept.extend(positions)
    t = table("take", h=gb._t.h, rows=sorted(kept))
    t = _common.project(t, [(n, n) for n in t.index_names] + [(_VALUE, sgb._name)])
    return Series._of(t, col(_VALUE), sgb._label)


def apply(gb, func, args, kwargs, series=None):
    """groupby().apply(func) (``series``: the SeriesGroupBy's (host name, label)): scalars give
    a Series indexed by the keys; Series results of a DataFrameGroupBy become rows (their
    labels the columns); frames (and a SeriesGroupBy's Series) are concatenated in group
    order, under the keys as outer index levels when group_keys is true. None drops a group."""
    names = [series[0]] if series else list(gb._selection)
    base, found = groups(gb)
    results = []
    for key, positions in found:
        part = group_frame(gb, positions, names)
        arg = Series._of(part._t, col(series[0]), series[1]) if series else part
        result = func(_named(arg, key), *args, **kwargs)
        if result is not None:
            results.append((key, result))
    kinds = {type(r) for _, r in results}
    if not results:
        raise NotImplementedError("groupby().apply where every group gives None")
    if len(results) == len(found) and not kinds & {Series, DataFrame}:
        values = [r for _, r in results]
        if not gb._as_index:
            raise NotImplementedError("groupby(as_index=False).apply with scalar results")
        return Series._of(_attach(base, [("\x04", values)]), col("\x04"), None)
    if kinds == {Series} and not series:
        return _series_rows(gb, base, found, results)
    if kinds <= {Series, DataFrame} and len(kinds) == 1:
        return _stacked(gb, results, series[1] if series else None)
    raise NotImplementedError("groupby().apply with results of mixed kinds")


def _series_rows(gb, base, found, results):
    """A DataFrameGroupBy's Series results as one row per group (columns: the Series' labels)."""
    if len(results) != len(found):
        raise NotImplementedError("groupby().apply dropping groups of Series results")
    labels = results[0][1].index.tolist()
    if any(r.index.tolist() != labels for _, r in results):
        raise NotImplementedError("groupby().apply with Series results of different labels")
    rows = [r.tolist() for _, r in results]
    columns = [(_labels.encode(label), [row[i] for row in rows]) for i, label in enumerate(labels)]
    return DataFrame._wrap(_attach(base, columns))


def _stacked(gb, results, name):
    """Frame or Series results concatenated in group order; with group_keys, each under its
    key as outer index level(s) named as the grouping keys. Series results are named name
    (the grouped Series' name; each group was named after its key)."""
    from ._reshape import concat
    objs = [r for _, r in results]
    if not gb._group_keys:
        result = concat(objs)
        if isinstance(result, Series):
            result.name = name
        return result
    keyed = []
    key_labels = [label for label, _ in gb._keys]
    for key, r in results:
        frame = r.to_frame(_VALUE) if isinstance(r, Series) else r
        t = _common.with_row_labels(frame._t)
        inner = t.index_names
        parts = key if isinstance(key, tuple) and len(key_labels) > 1 else (key,)
        outer = [f"\x02key{i}" for i in range(len(parts))]
        t = table("assign", h=t.h, exprs=[[n, lit(v)] for n, v in zip(outer, parts)])
        levels = [(_labels.index_column(i, label), n) for i, (label, n) in enumerate(zip(key_labels, outer))]
        levels += [(_labels.index_column(len(outer) + i, _labels.index_label(n)), n)
                   for i, n in enumerate(inner)]
        keyed.append(DataFrame._wrap(_common.project(t, levels + [(n, n) for n in frame._t.data_names])))
    result = concat(keyed)
    if isinstance(objs[0], Series):
        return Series._of(result._t, col(_VALUE), name)
    return result


# --- row selections and numbering --------------------------------------------------------
def _kept_rows(gb, pick):
    """The frame's rows whose positions pick(positions) keeps, in the frame's order."""
    kept = []
    for _, positions in groups(gb)[1]:
        kept.extend(pick(positions))
    names = [n for n in gb._frame._t.names if not n.startswith("\0")]
    names = [n for n in names if n in gb._selection] if gb._subselected else names
    t = table("take", h=gb._t.h, rows=sorted(kept))
    return DataFrame._wrap(_common.project(t, [(n, n) for n in t.index_names + names]))


def head(gb, n):
    return _kept_rows(gb, lambda p: p[:n] if n >= 0 else p[:max(len(p) + n, 0)])


def tail(gb, n):
    return _kept_rows(gb, lambda p: (p[-n:] if n > 0 else []) if n >= 0 else p[-n:])


def nth(gb, n, dropna):
    """The n-th rows of each group (an int, a list of ints or a slice); with dropna, counted
    among the rows without missing values ("any") or not all missing ("all")."""
    if dropna not in (None, "any", "all"):
        raise ValueError("For a DataFrame or Series groupby.nth, dropna must be either None, 'any' or 'all'")
    complete = None
    if dropna:
        names = [n_ for n_ in gb._selection]
        fetched = dict(_common.rows(_common.project(gb._t, [(x, x) for x in names]), 0, gb._t.rows))
        test = any if dropna == "all" else all
        complete = [test(_missing(fetched[x][i]) is not None for x in names) for i in range(gb._t.rows)]

    def pick(positions):
        if complete is not None:
            positions = [p for p in positions if complete[p]]
        if isinstance(n, slice):
            return positions[n]
        wanted = n if isinstance(n, (list, tuple)) else [n]
        return sorted({positions[i] for i in wanted if -len(positions) <= i < len(positions)})
    return _kept_rows(gb, pick)


def numbering(gb, within, ascending):
    """cumcount (within=True: each row's position in its group) or ngroup (the group's
    number), as a Series with the frame's row labels; ngroup's rows without a group (a
    missing key) are NaN."""
    found = groups(gb)[1]
    out = [float("nan")] * gb._t.rows if not within else [0] * gb._t.rows
    for number, (_, positions) in enumerate(found):
        for i, p in enumerate(positions):
            if within:
                out[p] = i if ascending else len(positions) - 1 - i
            else:
                out[p] = number if ascending else len(found) - 1 - number
    t = _attach(_rows_index(gb), [(_VALUE, out)])
    return Series._of(t, col(_VALUE), None)


class Groups(dict):
    """groupby().groups: {key: Index of row labels}, printed as pandas' PrettyDict prints it
    (each Index as a list of its labels)."""

    def __repr__(self):
        return "{" + ", ".join(f"{k!r}: [{', '.join(repr(v) for v in index)}]"
                               for k, index in self.items()) + "}"


def value_counts(gb, normalize, sort, ascending, dropna):
    """DataFrameGroupBy.value_counts: per group (in key order) the count of each combination
    of the other columns' values, in order of first appearance, then stably sorted by count;
    a Series indexed by keys and values (a frame with as_index=False)."""
    if not dropna:
        raise NotImplementedError("groupby().value_counts(dropna=False)")
    keys = [label for label, _ in gb._keys]
    names = list(gb._selection)
    fetched = dict(_common.rows(_common.project(gb._t, [(n, n) for n in names]), 0, gb._t.rows))
    rows = []
    for key, positions in groups(gb)[1]:
        counts = {}
        for p in positions:
            combo = tuple(fetched[n][p] for n in names)
            if any(_missing(v) is None for v in combo):
                continue
            counts[combo] = counts.get(combo, 0) + 1
        found = list(counts.items())
        if sort:
            found.sort(key=lambda item: item[1] if ascending else -item[1])
        total = sum(counts.values())
        parts = key if isinstance(key, tuple) else (key,)
        rows.extend(parts + combo + (c / total if normalize else c,) for combo, c in found)
    name = "proportion" if normalize else "count"
    labels = keys + [_labels.decode(n) for n in names] + [name]
    frame = DataFrame(rows, columns=labels) if rows else DataFrame({label: [] for label in labels})
    if not gb._as_index:
        return frame
    return frame.set_index(labels[:-1])[name]
