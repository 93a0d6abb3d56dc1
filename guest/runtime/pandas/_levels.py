"""swaplevel and reorder_levels of a DataFrame's or Series' index: the level columns of the
host table in a new order (renamed to their new positions)."""

from . import _common, _labels


def level_column(t, key):
    """The host column of index level key (its name, else its position)."""
    levels = t.index_names
    labels = [_labels.index_label(n) for n in levels]
    if key in labels:
        return levels[labels.index(key)]
    if isinstance(key, int):
        if not -len(levels) <= key < len(levels):
            raise IndexError(f"Too many levels: Index has only {len(levels)} levels, not {key + 1}")
        return levels[key]
    raise KeyError(f"Level {key} not found")


def reordered(t, order):
    """t with its index levels in the given order (names or positions of all of them)."""
    if len(t.index_names) < 2:
        raise TypeError("Can only reorder levels on a hierarchical axis.")
    sources = [level_column(t, key) for key in order]
    index = [(_labels.index_column(k, _labels.index_label(src)), src) for k, src in enumerate(sources)]
    return _common.project(t, index + [(n, n) for n in t.names if n not in t.index_names])


def swapped(t, i, j):
    """t with index levels i and j exchanged."""
    order = list(range(len(t.index_names)))
    a, b = (t.index_names.index(level_column(t, key)) for key in (i, j))
    order[a], order[b] = order[b], order[a]
    return reordered(t, order)
