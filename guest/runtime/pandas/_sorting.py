"""sort_index of a DataFrame or Series: the host's stable sort by the index levels."""

from . import _common
from ._host import table


def by_index(t, ascending=True, level=None, na_position="last", sort_remaining=True, key=None):
    """Table t (index levels and columns) sorted by its row labels as pandas' sort_index:
    by ``level`` (a position or name, or a list) first, then the other levels unless
    sort_remaining is false; ``key`` maps the Index to the values sorted by (one level)."""
    from .series import with_sort_keys
    if na_position not in ("first", "last"):
        raise ValueError(f"invalid na_position: {na_position}")
    t = _common.with_row_labels(t)
    names = list(t.index_names)
    if level is not None:
        wanted = [_level_name(t, lv) for lv in (level if isinstance(level, list) else [level])]
        names = wanted + ([n for n in names if n not in wanted] if sort_remaining else [])
    descending = [not a for a in ascending] if isinstance(ascending, list) else [not ascending] * len(names)
    if key is None:
        return table("sort", h=t.h, by=names, descending=descending, na_last=na_position == "last")
    if len(t.index_names) != 1:
        raise NotImplementedError("sort_index(key=...) with a MultiIndex")
    data = [(n, n) for n in t.index_names + t.data_names]
    keyed, keys = with_sort_keys(t, [("key", key(_common.index_of(t)))])
    keyed = table("sort", h=keyed.h, by=keys, descending=descending, na_last=na_position == "last")
    return _common.project(keyed, data)


def _level_name(t, level):
    """The host column of an index level given by position or name."""
    from . import _labels
    if isinstance(level, int) and not any(_labels.index_label(n) == level for n in t.index_names):
        return t.index_names[level]
    for n in t.index_names:
        if _labels.index_label(n) == level:
            return n
    raise KeyError(f"Level {level} not found")
