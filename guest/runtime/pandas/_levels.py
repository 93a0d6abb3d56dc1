"""swaplevel, reorder_levels and rename_axis of a DataFrame's or Series' index: the level
columns of the host table in a new order or under new names."""

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


def renamed(t, names):
    """t with its index levels named names: one name, or a list of one per level (a dict
    or function maps the current names)."""
    t = _common.with_row_labels(t)
    levels = t.index_names
    current = [_labels.index_label(n) for n in levels]
    if isinstance(names, dict):
        names = [names.get(n, n) for n in current]
    elif callable(names):
        names = [names(n) for n in current]
    elif not isinstance(names, (list, tuple)):
        if len(levels) > 1:
            raise TypeError("Must pass list-like as `names`.")
        names = [names]
    if len(names) != len(levels):
        raise ValueError("Length of names must match number of levels in MultiIndex.")
    index = [(_labels.index_column(k, name), src) for k, (name, src) in enumerate(zip(names, levels))]
    return _common.project(t, index + [(n, n) for n in t.names if n not in levels])
