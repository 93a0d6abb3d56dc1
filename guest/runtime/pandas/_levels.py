"""swaplevel, reorder_levels and rename_axis of a DataFrame's or Series' index (the level
columns of the host table in a new order or under new names), and the rows matching labels
of a MultiIndex or of one level (drop)."""

from . import _common, _labels
from ._expr import call as fn, col, json_value


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


def rows_matching(frame, keys, level=None):
    """The mask of frame's rows whose labels are among keys: of index level `level`, or of
    a MultiIndex (a tuple names a full or leading part of a key, anything else a label of
    the first level)."""
    t = frame._t
    if level is not None:
        keys = list(keys) if isinstance(keys, (list, tuple)) or hasattr(keys, "tolist") else [keys]
        name = frame._levels_of(level)[0]
        return fn("isin", col(name), values=[json_value(v) for v in keys])
    keys = [keys] if not isinstance(keys, list) and not hasattr(keys, "tolist") else list(keys)
    mask = None
    for key in keys:
        parts = key if isinstance(key, tuple) else (key,)
        match = None
        for name, part in zip(t.index_names, parts):
            term = fn("isin", col(name), values=[json_value(part)])
            match = term if match is None else fn("and", match, term)
        mask = match if mask is None else fn("or", mask, match)
    return mask if mask is not None else fn("isin", col(t.index_names[0]), values=[])
