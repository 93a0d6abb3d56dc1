"""pandas' index alignment of Series with other labels, worked out in the guest.

The labels (and the other side's values) cross into the guest; the aligned values go back
as columns of one host table, where the operation itself runs. A label repeated on a side
that has to be looked up raises pandas' ValueError; so does anything pandas cannot align."""

from . import _common
from ._expr import column_value
from ._host import table

_DUPLICATES = "cannot reindex on an axis with duplicate labels"


def _positions(labels):
    positions = {}
    for i, label in enumerate(labels):
        if label in positions:
            raise ValueError(_DUPLICATES)
        positions[label] = i
    return positions


def values_at(series, labels):
    """series' values at these labels, None where it has none (NaN in a numeric column)."""
    positions = _positions(list(series.index))
    values = series._values()
    return [values[positions[label]] if label in positions else None for label in labels]


def inner_values(a, b):
    """The values of two Series at the labels they share, in a's order (pandas' inner
    join of two unique indexes)."""
    left = list(a.index)
    right = _positions(list(b.index))
    _positions(left)
    labels = [label for label in left if label in right]
    return values_at(a, labels), values_at(b, labels)


def column_for(t, series):
    """A host table holding series' values at the row labels of table t, in t's order, as
    column "\\x01" (to attach to t by position)."""
    labels = list(_common.index_of(t))
    return table("from_columns", columns=[["\x01", [column_value(v) for v in
                                                    values_at(series, labels)], None]])


def mask_for(t, mask):
    """A boolean Series with other labels as a row mask of table t: pandas reindexes it,
    and refuses a mask lacking some of t's labels."""
    labels = list(_common.index_of(t))
    missing = set(labels) - set(mask.index)
    if missing:
        raise NotImplementedError("boolean indexing with a Series lacking some of the labels "
                                  "(pandas' IndexingError)")
    return table("from_columns", columns=[["\x01", [column_value(v) for v in
                                                    values_at(mask, labels)], None]])


_ARITHMETIC = ("add", "sub", "mul", "truediv", "floordiv", "mod")


def union_operands(a, b, name, op):
    """(table, a's column, b's column) of two Series on the union of their labels, sorted
    as pandas' Index.union sorts them; missing values where a side lacks a label. Only
    arithmetic aligns: pandas refuses to compare Series with other labels."""
    from ._index import MultiIndex
    if op in ("eq", "ne", "lt", "le", "gt", "ge"):
        raise ValueError("Can only compare identically-labeled Series objects")
    if op not in _ARITHMETIC:
        raise NotImplementedError(f"{op} of Series with different indexes (index alignment)")
    left, right = a.index, b.index
    labels = list(left) + [label for label in right if label not in set(left)]
    try:
        labels.sort()
    except TypeError:
        pass
    if isinstance(left, MultiIndex):
        names = list(left.names) if list(left.names) == list(right.names) else None
        index = MultiIndex.from_tuples(labels, names=names)
    else:
        from ._index import Index
        index = Index(labels, name=left.name if left.name == right.name else None)
    columns = _common.index_columns(index) + [
        ["\x01", [column_value(v) for v in values_at(a, labels)], None],
        [name, [column_value(v) for v in values_at(b, labels)], None]]
    return table("from_columns", columns=columns)
