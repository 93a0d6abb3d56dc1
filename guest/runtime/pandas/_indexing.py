"""loc / iloc / at / iat for the usual cases: labels, label slices (inclusive), boolean
masks, positions, position slices and lists, and (rows, columns) pairs."""

import datetime as _dt

from . import _common, _labels, _numpy
from ._expr import call as fn, col, column_lit, lit
from ._host import table
from .series import Series, _VALUE
from ._index import Index
from . import _dtypes
from ._col import Expression, evaluated


def _positions_of(t, labels):
    """Row positions of index labels, in the order given (KeyError for a missing one)."""
    index = _common.index_values(t)
    where = {}
    for i, label in enumerate(index):
        where.setdefault(label, []).append(i)
    out = []
    for label in labels:
        if isinstance(label, str) and label not in where:
            label = _date_key(label, index)
        if label not in where:
            raise KeyError(f"[{label!r}] not in index")
        out.extend(where[label])
    return out


_MIDNIGHT = _dt.time()


def _date_key(label, index):
    """A date string as the Timestamp it names, on an index of dates without times of day
    (pandas' exact match at the index's resolution; a partial date, which pandas takes as
    a range, is left as it is)."""
    from ._scalars import Timestamp
    if not index or not all(isinstance(v, Timestamp) and v.time() == _MIDNIGHT for v in index) \
            or len(label) < 8 or not label[:4].isdigit():
        return label
    try:
        stamp = Timestamp(label)
    except ValueError:
        return label
    return stamp if stamp.time() == _MIDNIGHT else label


def _label_slice(t, key):
    if key.step not in (None, 1):
        raise NotImplementedError("loc slices with a step")
    index = _common.index_values(t)
    start = 0 if key.start is None else _positions_of(t, [key.start])[0]
    stop = len(index) - 1 if key.stop is None else _positions_of(t, [key.stop])[-1]
    return start, max(stop - start + 1, 0)


def _row(frame, t, position):
    """Row `position` of a frame as a Series (one dtype) or a row object (mixed dtypes)."""
    from .frame import _Row
    fetched = dict(_common.rows(t, position, 1))
    names = t.data_names
    values = [fetched[n][0] for n in names]
    labels = [_labels.decode(n) for n in names]
    label = _common.index_values(table("slice", h=t.h, offset=position, len=1))[0] \
        if t.index_names else position
    kinds = {t.dtypes[n] for n in names}
    if len(kinds) == 1 or kinds <= set(_dtypes.NUMBERS):
        return Series(values, index=labels, name=label)
    return _Row(labels, values, label)


def _columns(frame, key):
    """Host column names selected by a column key (label, list, slice, bool list)."""
    key = _plain(key)
    names = frame._t.data_names
    if isinstance(key, slice):
        if key == slice(None):
            return names, False
        labels = [_labels.decode(n) for n in names]
        start = 0 if key.start is None else labels.index(key.start)
        stop = len(labels) if key.stop is None else labels.index(key.stop) + 1
        return names[start:stop], False
    if isinstance(key, list):
        if key and all(isinstance(k, bool) for k in key):
            return [n for n, k in zip(names, key) if k], False
        return [frame._name(k) for k in key], False
    return [frame._name(key)], True


def _plain(key):
    """A numpy array key (e.g. ``df.index < 1``) as a list."""
    return key.tolist() if type(key).__name__ == "ndarray" else key


def _select_rows(frame, key):
    """A table of the rows picked by a loc row key, or a position for a single label."""
    t = frame._t
    key = _plain(key)
    if isinstance(key, slice):
        if key == slice(None):
            return t
        if not t.index_names and all(isinstance(v, int) or v is None for v in (key.start, key.stop)):
            start = key.start or 0
            stop = t.rows - 1 if key.stop is None else key.stop
            return table("slice", h=t.h, offset=start, len=max(stop - start + 1, 0))
        start, length = _label_slice(t, key)
        return table("slice", h=t.h, offset=start, len=length)
    if isinstance(key, Series):
        return frame._filter(key)._t
    if isinstance(key, list):
        if key and all(isinstance(k, bool) for k in key):
            return frame[key]._t
        return table("take", h=t.h, rows=_positions_of(t, key))
    if callable(key) or isinstance(key, Expression):
        return _select_rows(frame, evaluated(key, frame))
    return _positions_of(t, [key])


class FrameLoc:
    def __init__(self, frame, axis=0):
        self._frame, self._axis = frame, axis

    def __call__(self, axis=0):
        """df.loc(axis=1)[key]: key selects columns (axis 0: rows, as df.loc[key])."""
        return FrameLoc(self._frame, {"index": 0, "columns": 1}.get(axis, axis))

    def __getitem__(self, key):
        from .frame import DataFrame
        if self._axis == 1:
            key = (slice(None), key)
        rows, cols = key if isinstance(key, tuple) else (key, slice(None))
        picked = _select_rows(self._frame, rows)
        if isinstance(picked, list):  # a label
            if len(picked) != 1:
                frame = DataFrame._wrap(table("take", h=self._frame._t.h, rows=picked))
                return frame.loc[:, cols] if cols != slice(None) else frame
            row = _row(self._frame, self._frame._t, picked[0])
            if cols == slice(None):
                return row
            names, single = _columns(self._frame, cols)
            if single:
                return _numpy.scalar(row[_labels.decode(names[0])])
            return Series([row[_labels.decode(n)] for n in names], index=[_labels.decode(n) for n in names],
                          name=row.name)
        frame = DataFrame._wrap(picked)
        names, single = _columns(frame, cols)
        if single:
            return Series._of(picked, col(names[0]), _labels.decode(names[0]))
        return DataFrame._wrap(_common.project(picked, [(n, n) for n in picked.index_names] +
                                               [(n, n) for n in names]))

    def __setitem__(self, key, value):
        frame = self._frame
        rows, cols = key if isinstance(key, tuple) else (key, slice(None))
        labels, values = _assigned_columns(frame, cols, value)
        names = [_labels.encode(label) for label in labels]
        t = frame._t
        if isinstance(rows, slice) and rows == slice(None):
            for label, new in zip(labels, values):
                frame[label] = new
            return
        rows = _plain(list(rows) if isinstance(rows, Index) else rows)
        same = all(new is values[0] for new in values)
        if isinstance(rows, list) and not all(isinstance(r, bool) for r in rows) and same and \
                all(name in t.names for name in names) and not isinstance(values[0], (Series, list, tuple)):
            from ._framemethods import _set_cells
            frame._t = _set_cells(t, names, _positions_of(t, rows), values[0])
            return
        if isinstance(rows, Series):
            if rows._t is not t and rows._t.h != t.h:
                raise NotImplementedError("loc assignment with a mask of another frame")
            mask = rows._e
        elif isinstance(rows, (list, slice)):
            raise NotImplementedError("loc assignment with a list or slice of labels")
        else:
            t = _common.with_row_labels(t)
            if len(t.index_names) != 1:
                raise NotImplementedError("loc assignment with a MultiIndex")
            if rows not in _common.index_values(t):
                raise NotImplementedError("loc assignment that adds a row")
            mask = fn("eq", col(t.index_names[0]), lit(rows))
        exprs = []
        for name, new in zip(names, values):
            if isinstance(new, Series):
                if new._t is not frame._t and new._t.h != frame._t.h:
                    raise NotImplementedError("loc assignment of a Series of another frame")
                new = new._e
            elif name in t.names:
                _check_no_upcast(t.dtypes[name], new)
                new = lit(new)
            else:
                new = column_lit(new)
            current = col(name) if name in t.names else {"v": None}
            exprs.append([name, fn("where", new, mask, current)])
        # one assignment: the mask is evaluated once, on the frame as it was
        frame._t = table("assign", h=t.h, exprs=exprs)


def _check_no_upcast(dtype, value):
    """pandas 3 refuses to change an int column's dtype for some of its rows."""
    if dtype not in _dtypes.INTS or isinstance(value, bool):
        return
    whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if not whole and not (type(value).__module__ == "numpy" and "int" in type(value).__name__):
        raise TypeError(f"Invalid value '{value}' for dtype '{dtype}'")


def _assigned_columns(frame, cols, value):
    """(column labels, a value for each) of a loc assignment to cols: one label, a list of
    labels or every column, a scalar for all of them or (several) a list of one per column."""
    if not isinstance(cols, (list, slice)):
        return [cols], [value]
    if isinstance(cols, slice) and cols != slice(None):
        raise NotImplementedError("loc assignment to a slice of columns")
    labels = list(frame.columns) if isinstance(cols, slice) else list(cols)
    if isinstance(value, (list, tuple)):
        if len(value) != len(labels):
            raise ValueError(f"Must have equal len keys and value when setting with an iterable")
        return labels, list(value)
    if isinstance(value, Series) or hasattr(value, "shape"):
        raise NotImplementedError("loc assignment of an array or Series to several columns")
    return labels, [value] * len(labels)


class FrameILoc:
    def __init__(self, frame, axis=0):
        self._frame, self._axis = frame, axis

    def __call__(self, axis=0):
        """df.iloc(axis=1)[key]: key selects columns by position."""
        return FrameILoc(self._frame, {"index": 0, "columns": 1}.get(axis, axis))

    def __getitem__(self, key):
        from .frame import DataFrame
        if self._axis == 1:
            key = (slice(None), key)
        rows, cols = key if isinstance(key, tuple) else (key, slice(None))
        # a function of the frame gives the positions, as in pandas
        rows, cols = [evaluated(k, self._frame) for k in (rows, cols)]
        t = self._frame._t
        names = t.data_names
        if isinstance(cols, int):
            col_names, single = [names[cols]], True
        elif isinstance(cols, slice):
            col_names, single = names[cols], False
        elif (cols := _plain(cols)) and all(isinstance(c, bool) for c in cols):
            if len(cols) != len(names):
                raise IndexError(f"Boolean index has wrong length: {len(cols)} instead of {len(names)}")
            col_names, single = [n for n, keep in zip(names, cols) if keep], False
        else:
            col_names, single = [names[i] for i in cols], False
        if isinstance(rows, int):
            if not -t.rows <= rows < t.rows:
                raise IndexError("single positional indexer is out-of-bounds")
            position = rows % t.rows
            row = _row(self._frame, t, position)
            if single:
                return _numpy.scalar(row[_labels.decode(col_names[0])])
            if cols == slice(None):
                return row
            return Series([row[_labels.decode(n)] for n in col_names],
                          index=[_labels.decode(n) for n in col_names], name=row.name)
        picked = _positional(t, rows)
        if single:
            return Series._of(picked, col(col_names[0]), _labels.decode(col_names[0]))
        return DataFrame._wrap(_common.project(picked, [(n, n) for n in picked.index_names] +
                                               [(n, n) for n in col_names]))

    def __setitem__(self, key, value):
        from ._framemethods import iloc_set
        iloc_set(self._frame, key, value)


def _positional(t, rows):
    rows = _plain(rows)
    if isinstance(rows, slice):
        if rows == slice(None):
            return t
        start, stop, step = rows.indices(t.rows)
        if step != 1:
            return table("take", h=t.h, rows=list(range(start, stop, step)))
        return table("slice", h=t.h, offset=start, len=max(stop - start, 0))
    if isinstance(rows, Series):
        raise NotImplementedError("iloc with a boolean Series (use loc)")
    rows = list(rows)
    if rows and all(isinstance(r, bool) for r in rows):
        rows = [i for i, keep in enumerate(rows) if keep]
    return table("take", h=t.h, rows=rows)


class SeriesLoc:
    def __init__(self, series):
        self._series = series

    def __getitem__(self, key):
        s = self._series
        if isinstance(key, Series):
            return s[key]
        t = s._mat()
        if isinstance(key, slice):
            if not t.index_names and key == slice(None):
                return s
            start, length = _label_slice(t, key)
            return s._from_table(table("slice", h=t.h, offset=start, len=length))
        if isinstance(key, list):
            if key and all(isinstance(k, bool) for k in key):
                return s._from_table(_positional(t, key))
            return s._from_table(table("take", h=t.h, rows=_positions_of(t, key)))
        positions = _positions_of(t, [key])
        if len(positions) == 1:
            return _numpy.scalar(dict(_common.rows(t, positions[0], 1))[_VALUE][0])
        return s._from_table(table("take", h=t.h, rows=positions))

    def __setitem__(self, key, value):
        """s.loc[label] = scalar (or a list of labels): those rows' values replaced."""
        from ._framemethods import series_iloc_set
        s = self._series
        if isinstance(key, (slice, Series)) or (isinstance(key, list) and key and
                                                 all(isinstance(k, bool) for k in key)):
            raise NotImplementedError("Series.loc assignment with a slice or mask")
        labels = key if isinstance(key, list) else [key]
        try:
            positions = _positions_of(s._mat(), labels)
        except KeyError:
            raise NotImplementedError("Series.loc assignment that adds a row") from None
        if hasattr(value, "item") and type(value).__module__ == "numpy":
            value = value.item()
        series_iloc_set(s, positions, value)


class SeriesILoc:
    def __init__(self, series):
        self._series = series

    def __getitem__(self, key):
        s = self._series
        t = s._mat()
        if isinstance(key, int):
            if not -t.rows <= key < t.rows:
                raise IndexError("single positional indexer is out-of-bounds")
            return _numpy.scalar(dict(_common.rows(t, key % t.rows, 1))[_VALUE][0])
        return s._from_table(_positional(t, key))

    def __setitem__(self, key, value):
        from ._framemethods import series_iloc_set
        series_iloc_set(self._series, key, value)
