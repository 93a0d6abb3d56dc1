"""What DataFrame and Series share: fetching rows, index labels, the text layout."""

from . import _format, _labels, options
from ._host import call, table

_NAN = float("nan")


def rows(t, offset, length):
    """[(host name, values)] of rows offset..offset+length of table t."""
    if length <= 0:
        return [(name, []) for name in t.names]
    fetched = [tuple(pair) for pair in call("rows", h=t.h, offset=offset, len=length)]
    # pandas' str columns hold NaN for missing values
    return [(name, [_NAN if v is None else v for v in values]) if t.dtypes.get(name) == "str"
            else (name, values) for name, values in fetched]


def handed_out(t, fetched):
    """Fetched (name, values) as pandas hands values to user code: a float column's missing
    values are NaN (the host's nulls arrive as None)."""
    return [(name, [_NAN if v is None else v for v in values])
            if t.dtypes.get(name) in ("float64", "float32") else (name, values)
            for name, values in fetched]


def window(t):
    """The rows to print: ([(name, values)], split, offsets) -- split is where '...' goes."""
    n = t.rows
    if n > options.display.max_rows:
        half = max(options.display.min_rows // 2, 1)
        head, tail = rows(t, 0, half), rows(t, n - half, half)
        fetched = [(name, a + b) for (name, a), (_, b) in zip(head, tail)]
        return fetched, half, list(range(half)) + list(range(n - half, n))
    return rows(t, 0, n), None, list(range(n))


def index_levels(t, fetched, positions):
    """(level names, [[label strings] per level]) of the fetched rows."""
    values = dict(fetched)
    names = t.index_names
    if not names:
        return [None], [[str(p) for p in positions]]
    return ([_labels.index_label(n) for n in names],
            [_format.format_labels(values[n]) for n in names])


def index_values(t):
    """The index labels of all rows: a list (tuples for a MultiIndex)."""
    names = t.index_names
    if not names:
        return list(range(t.rows))
    fetched = dict(rows(t, 0, t.rows))
    if len(names) == 1:
        return fetched[names[0]]
    return list(zip(*(fetched[n] for n in names)))


def index_of(t, freq=None):
    """The Index object of table t's rows (RangeIndex, DatetimeIndex or Index); freq is
    the DatetimeIndex's frequency where the caller knows it."""
    from ._index import DatetimeIndex, Index, MultiIndex, RangeIndex
    names = t.index_names
    if not names:
        return RangeIndex(t.rows)
    labels = [_labels.index_label(n) for n in names]
    if len(names) > 1:
        return MultiIndex.from_tuples(index_values(t), names=labels)
    if t.dtypes[names[0]].startswith("datetime"):
        return DatetimeIndex(index_values(t), name=labels[0], freq=freq)
    return Index(index_values(t), names=labels)


def index_columns(index):
    """The host columns ``[name, values, hint]`` of row labels given as ``index=``: one per
    level of a MultiIndex (or of a list of equally long tuples, or a list of arrays, which
    pandas makes one)."""
    from ._expr import column_value
    from ._index import MultiIndex
    labels = list(index)
    if isinstance(index, list) and labels and all(
            isinstance(v, list) or type(v).__name__ == "ndarray" for v in labels):
        # pandas' ensure_index: a list of arrays is a MultiIndex of one level per array
        return [[_labels.index_column(i, getattr(v, "name", None)), [column_value(x) for x in v], None]
                for i, v in enumerate(labels)]
    if isinstance(index, MultiIndex):
        names = list(index.names)
    elif labels and all(isinstance(v, tuple) for v in labels) and len({len(v) for v in labels}) == 1:
        names = [None] * len(labels[0])
    else:
        return [[_labels.index_column(0, getattr(index, "name", None)),
                 [column_value(v) for v in labels], None]]
    return [[_labels.index_column(i, n), [column_value(v[i]) for v in labels], None]
            for i, n in enumerate(names)]


def project(t, columns, row_index=None):
    """A table of t's columns [(new name, old name)]."""
    return table("project", h=t.h, columns=[list(c) for c in columns], row_index=row_index)


def with_row_labels(t):
    """t with its default RangeIndex made an explicit index column."""
    if t.index_names:
        return t
    return project(t, [(n, n) for n in t.names], row_index="\0" + "0")


def head_len(n, total):
    """How many rows `head(n)` keeps of `total`, as pandas counts them."""
    return max(n, 0) if n >= 0 else max(total + n, 0)


def tail_span(n, total):
    """`(offset, length)` of the rows `tail(n)` keeps of `total`, as pandas counts them."""
    if n >= 0:
        return max(total - n, 0), min(n, total)
    return min(-n, total), max(total + n, 0)
