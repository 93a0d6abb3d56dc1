"""DataFrame.set_index: index levels from columns (by label) or from arrays, an Index or
Series of one value per row (a Series aligned by its labels, as column assignment is);
append= keeps the current levels first, drop=False keeps the key columns."""

from . import _common, _labels


def _is_array(key):
    from ._index import Index
    from .series import Series
    return isinstance(key, (Series, Index, list)) or type(key).__name__ == "ndarray"


def set_index(frame, keys, drop, append):
    """The table of frame with keys as its index."""
    from .frame import DataFrame
    from .series import Series, _temp
    keys = keys if isinstance(keys, list) else [keys]
    work, levels, dropped = DataFrame._wrap(frame._t), [], set()
    if append:
        levels = [(n, _labels.index_label(n)) for n in frame._t.index_names]
    for key in keys:
        if _is_array(key):
            name = _temp()
            work[name] = key if isinstance(key, Series) else list(key)
            levels.append((name, getattr(key, "name", None)))
        else:
            name = frame._name(key)
            levels.append((name, key))
            if drop:
                dropped.add(name)
    index = [(_labels.index_column(i, label), source) for i, (source, label) in enumerate(levels)]
    rest = [(n, n) for n in frame._t.data_names if n not in dropped]
    return _common.project(work._t, index + rest)
