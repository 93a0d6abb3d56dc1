"""DataFrame: a handle to a polars frame on the host (docs/TABLES.md).

Host frames never change: every operation that "modifies" a DataFrame (column
assignment, inplace=True) points it at a new host frame. Column labels map to host
column names through ``_labels``; index levels are host columns named "\\0...".
"""

import math

from . import _common, _dtypes, _format, _labels, _numpy, _objects, options
from ._expr import call as fn, col, column_lit, column_value, cumulative, cumulative_across, filled, json_value, lit, rounded
from ._host import call, table
from ._index import DatetimeIndex, Index, RangeIndex  # noqa: F401 (re-exported)
from ._col import evaluated
from ._shared import Operators
from .series import _NO_VALUE, Series, _dtype_name, _temp, from_values

_NUMERIC = _dtypes.NUMERIC


class DataFrame(Operators):
    """A two-dimensional labelled table (see the module docstring)."""

    def __init__(self, data=None, index=None, columns=None, dtype=None, copy=None):
        if isinstance(data, DataFrame):
            self._t = data._t
            if columns is not None:
                self._t = data[list(columns)]._t
            if index is not None:  # pandas reindexes the rows to the given labels
                self._t = DataFrame._wrap(self._t).reindex(index=list(index))._t
            return
        self._t = _build(data, index, columns, dtype)
        if getattr(index, "freq", None) is not None:
            self._freq = index.freq  # pandas' DatetimeIndex keeps it (shown by index, info)

    @classmethod
    def _wrap(cls, t):
        frame = cls.__new__(cls)
        frame._t = t
        return frame

    # --- shape and labels ----------------------------------------------------------------
    @property
    def columns(self):
        return Index([_labels.decode(n) for n in self._t.data_names])

    @columns.setter
    def columns(self, labels):
        labels = list(labels)
        names = self._t.data_names
        if len(labels) != len(names) and labels and all(
                isinstance(a, (list, tuple)) and len(a) == len(names) for a in labels):
            labels = list(zip(*labels))  # arrays, one a level: a MultiIndex, as in pandas
        if len(labels) != len(names):
            raise ValueError(f"Length mismatch: Expected axis has {len(names)} elements, "
                             f"new values have {len(labels)} elements")
        self._t = _common.project(self._t, [(n, n) for n in self._t.index_names] +
                                  [(_labels.encode(l), n) for l, n in zip(labels, names)])

    @property
    def index(self):
        return _common.index_of(self._t, getattr(self, "_freq", None))

    @index.setter
    def index(self, labels):
        values = list(labels)
        if len(values) != len(self):
            raise ValueError("Length mismatch")
        idx = table("from_columns", columns=_common.index_columns(values if isinstance(labels, (list, tuple)) else labels))
        data = _common.project(self._t, [(n, n) for n in self._t.data_names])
        self._t = table("attach", h=idx.h, other=data.h, columns=[[n, n] for n in data.names])

    @property
    def shape(self):
        return (self._t.rows, len(self._t.data_names))

    @property
    def size(self):
        return self.shape[0] * self.shape[1]

    @property
    def ndim(self):
        return 2

    @property
    def axes(self):
        return [self.index, self.columns]

    @property
    def empty(self):
        return self.size == 0

    def __len__(self):
        return self._t.rows

    @property
    def dtypes(self):
        names = self._t.data_names
        dtypes = Series([self._t.dtypes[n] for n in names], index=[_labels.decode(n) for n in names])
        dtypes._shown_dtype = "object"  # pandas' Series of dtype objects
        return dtypes

    @property
    def values(self):
        return self.to_numpy()

    def to_numpy(self, dtype=None, copy=False, na_value=None):
        """The values as a 2-D numpy array of their common dtype (they cross into the guest);
        missing values replaced by na_value if given."""
        t = self._t
        fetched = dict(_common.rows(t, 0, t.rows))
        columns = [(fetched[n], t.dtypes[n]) for n in t.data_names]
        if na_value is not None:
            from ._scalars import NaT
            from .series import is_missing
            columns = [([na_value if is_missing(v) or v is NaT else v for v in values], name)
                        for values, name in columns]
        return _numpy.frame_array(columns, dtype)

    def to_records(self, index=True, column_dtypes=None, index_dtypes=None):
        return _numpy.records(self, index, column_dtypes, index_dtypes)

    def __array__(self, dtype=None, copy=None):
        return self.to_numpy(dtype)

    def __iter__(self):
        return iter(self.columns)

    def keys(self):
        return self.columns

    def __contains__(self, label):
        return _labels.encode(label) in self._t.data_names

    def _name(self, label):
        """The host column of a label; KeyError if absent."""
        try:
            name = _labels.encode(label)
        except NotImplementedError:
            raise KeyError(label) from None
        if name not in self._t.data_names:
            raise KeyError(label)
        return name

    def copy(self, deep=True):
        return DataFrame._wrap(self._t)

    # --- text ----------------------------------------------------------------------------
    def __repr__(self):
        return self.to_string(_truncate=True)

    __str__ = __repr__

    def to_string(self, index=True, _truncate=False, **kwargs):
        if kwargs:
            raise NotImplementedError(f"to_string({', '.join(kwargs)}=...)")
        t = self._t
        if _truncate:
            fetched, split, positions = _common.window(t)
        else:
            fetched, split, positions = _common.rows(t, 0, t.rows), None, list(range(t.rows))
        values = dict(fetched)
        names = t.data_names
        if not names or t.rows == 0:
            # pandas lists the labels with str(), unquoted.
            listed = lambda labels: "[" + ", ".join(str(label) for label in labels) + "]"  # noqa: E731
            return f"Empty DataFrame\nColumns: {listed(self.columns)}\nIndex: {listed(self.index)}"
        columns = [(_labels.decode(n), _format.format_column(values[n], t.dtypes[n]), t.dtypes[n])
                   for n in names]
        if _truncate:  # repr applies display.max_colwidth, to_string does not
            columns = [(label, _format.clip_cells(cells, dtype), dtype) for label, cells, dtype in columns]
        index_names, levels = _common.index_levels(t, fetched, positions)
        if not index:
            index_names, levels = [], []
        text, cut = _format.frame_text(index_names, levels, columns, t.rows, split,
                                       options.display.width if _truncate else None,
                                       getattr(self, "_columns_name", None))
        if split is not None or cut:
            text += f"\n\n[{t.rows} rows x {len(names)} columns]"
        return text

    def _ci_display_(self):
        """Shown as a table display event (guest_runtime.runner)."""
        try:
            html = self._repr_html_()
        except NotImplementedError:
            html = None
        call("display", h=self._t.h, text=repr(self), html=html)

    def info(self, verbose=True, buf=None):
        """pandas' summary: index range, per-column non-null counts and dtypes, and the
        memory pandas would use (8 bytes a value, 1 for bools; str and object values
        counted shallow, as pandas does without memory_usage="deep")."""
        t = self._t
        levels = t.index_names
        if len(levels) > 1:
            raise NotImplementedError("DataFrame.info() with a MultiIndex")
        lines = ["<class 'pandas.DataFrame'>"]
        if not levels:
            lines.append(f"RangeIndex: {t.rows} entries, 0 to {max(t.rows - 1, 0)}")
        else:
            index = self.index
            kind = type(index).__name__
            span = f", {_format.format_labels([index[0]])[0]} to " \
                f"{_format.format_labels([index[-1]])[0]}" if t.rows else ""
            lines.append(f"{kind}: {t.rows} entries{span}")
            if getattr(self, "_freq", None) is not None:
                lines.append(f"Freq: {self._freq}")
        names = t.data_names
        counts = call("aggregate", h=t.h, exprs=[[str(i), fn("count", col(n))] for i, n in enumerate(names)]) if names else []
        lines.append(f"Data columns (total {len(names)} columns):")
        labels = [str(_labels.decode(n)) for n in names]
        dtypes = [t.dtypes[n] for n in names]
        width = max([len(l) for l in labels] + [6])
        dwidth = max([len(d) for d in dtypes] + [5])
        lines.append(f" #   {'Column'.ljust(width)}  Non-Null Count  {'Dtype'.ljust(dwidth)}")
        lines.append(f"---  {'-' * width}  --------------  {'-----'.ljust(dwidth)}")
        for i, (label, dtype, count) in enumerate(zip(labels, dtypes, counts)):
            lines.append(f" {str(i).ljust(3)} {label.ljust(width)}  "
                         f"{(str(count) + ' non-null').ljust(14)}  {dtype.ljust(dwidth)}")
        kinds = {}
        for d in dtypes:
            kinds[d] = kinds.get(d, 0) + 1
        lines.append("dtypes: " + ", ".join(f"{k}({v})" for k, v in sorted(kinds.items())))
        size = sum(t.rows * (1 if d == "bool" else _dtypes.bits(d) // 8 if d in _dtypes.NUMBERS else 8)
                   for d in dtypes)
        size += t.rows * 8 if levels else 132
        qualified = "object" in dtypes or (levels and t.dtypes[levels[0]] in ("str", "object"))
        lines.append(f"memory usage: {_memory(size, '+' if qualified else '')}")
        text = "\n".join(lines)
        if buf is not None:
            buf.write(text + "\n")
        else:
            print(text)

    # --- selection -----------------------------------------------------------------------
    def __getitem__(self, key):
        if isinstance(key, Series):
            return self._filter(key)
        if isinstance(key, slice):
            return self.iloc[key]
        if type(key).__name__ == "ndarray":
            key = key.tolist()
        if isinstance(key, (list, Index)):
            key = list(key)
            if key and all(isinstance(k, bool) for k in key):
                rows = Series._of(self._t, fn("isnull", col(self._t.names[0])), None)
                return self._filter(Series(key)._with_index_of(rows))
            names = [self._name(k) for k in key]
            return DataFrame._wrap(_common.project(
                self._t, [(n, n) for n in self._t.index_names] + [(n, n) for n in names]))
        name = self._name(key)
        return Series._of(self._t, col(name), key)

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        if attr in self._t.data_names:
            return Series._of(self._t, col(attr), attr)
        raise AttributeError(f"'DataFrame' object has no attribute '{attr}'")

    def _filter(self, mask):
        if mask._t is self._t or mask._t.h == self._t.h:
            return DataFrame._wrap(table("filter", h=self._t.h, mask=mask._e))
        values = mask._mat()
        if not call("same_index", a=self._t.h, b=values.h):
            from ._align import mask_for
            values = mask_for(self._t, mask)
        name = _temp()
        joined = table("attach", h=self._t.h, other=values.h, columns=[[name, "\x01"]])
        kept = table("filter", h=joined.h, mask=col(name))
        return DataFrame._wrap(_common.project(kept, [(n, n) for n in kept.names if n != name]))

    def __setitem__(self, key, value):
        if isinstance(key, list):
            if isinstance(value, DataFrame):
                for k, v in zip(key, value.columns):
                    self[k] = value[v]
                return
            raise NotImplementedError("assigning to a list of columns")
        name = _labels.encode(key)
        self._t = self._assigned(name, value)

    def _assigned(self, name, value):
        """The table with column name set to value."""
        if isinstance(value, Series):
            if value._t is self._t or value._t.h == self._t.h:
                return table("assign", h=self._t.h, exprs=[[name, value._e]])
            values = value._mat()
            if not call("same_index", a=self._t.h, b=values.h):
                from ._align import column_for
                values = column_for(self._t, value)
            return table("attach", h=self._t.h, other=values.h, columns=[[name, "\x01"]])
        if isinstance(value, DataFrame):
            raise NotImplementedError("assigning a DataFrame to a column")
        if isinstance(value, dict):  # pandas reads a dict as a Series, aligned to the index
            return self._assigned(name, Series(value))
        if isinstance(value, (list, tuple, range, Index)):
            values = list(value)
            if len(values) != len(self):
                raise ValueError(f"Length of values ({len(values)}) does not match length of index ({len(self)})")
            t = from_values(values, None)
            return table("attach", h=self._t.h, other=t.h, columns=[[name, "\x01"]])
        return table("assign", h=self._t.h, exprs=[[name, column_lit(value)]])

    def __delitem__(self, key):
        self._t = self.drop(columns=[key])._t

    def add(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("add", other, axis, level, fill_value)

    def sub(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("sub", other, axis, level, fill_value)

    def mul(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("mul", other, axis, level, fill_value)

    def truediv(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("truediv", other, axis, level, fill_value)

    div = divide = truediv
    subtract, multiply = sub, mul

    def floordiv(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("floordiv", other, axis, level, fill_value)

    def mod(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("mod", other, axis, level, fill_value)

    def radd(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("add", other, axis, level, fill_value, True)

    def rsub(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("sub", other, axis, level, fill_value, True)

    def rmul(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("mul", other, axis, level, fill_value, True)

    def rtruediv(self, other, axis="columns", level=None, fill_value=None):
        return self._flex_checked("truediv", other, axis, level, fill_value, True)

    rdiv = rtruediv

    def _flex_checked(self, op, other, axis, level, fill_value, reflected=False):
        if level is not None or fill_value is not None:
            raise NotImplementedError(f"DataFrame.{op} with level= or fill_value=")
        return self._flex(op, other, axis, reflected)

    def set_axis(self, labels, axis=0, copy=None):
        result = DataFrame._wrap(self._t)
        if axis in (1, "columns"):
            result.columns = labels
        elif axis in (0, "index"):
            result.index = labels
        else:
            raise ValueError(f"No axis named {axis} for object type DataFrame")
        return result

    def infer_objects(self, copy=None):
        return _objects.infer_frame(self)

    def explode(self, column, ignore_index=False):
        return _objects.explode_frame(self, column, ignore_index)

    def between_time(self, start_time, end_time, inclusive="both", axis=None):
        from ._dates import between_time
        return between_time(self, start_time, end_time, inclusive)

    def first_valid_index(self):
        """The label of the first row with a value that is not missing (None if none)."""
        return self._valid_label(last=False)

    def last_valid_index(self):
        return self._valid_label(last=True)

    def _valid_label(self, last):
        from .series import valid_label
        if not self._t.data_names:
            return None
        return valid_label(self.index, self.notna().any(axis=1).tolist(), last)

    def pop(self, item):
        column = self[item]
        del self[item]
        return column

    def pipe(self, func, *args, **kwargs):
        from .series import _pipe
        return _pipe(self, func, args, kwargs)

    def squeeze(self, axis=None):
        """A one-column frame as a Series, a one-row frame as a Series of the row, a 1x1
        frame as its value (along the given axis only, when one is given)."""
        rows, columns = self.shape
        if axis in (None, 1, "columns") and columns == 1:
            series = self.iloc[:, 0]
            return series.squeeze() if axis is None else series
        if axis in (None, 0, "index", "rows") and rows == 1:
            return self.iloc[0]
        return self

    def add_prefix(self, prefix, axis=None):
        if axis in (0, "index"):
            raise NotImplementedError("add_prefix(axis='index')")
        return self.rename(columns=lambda c: f"{prefix}{c}")

    def add_suffix(self, suffix, axis=None):
        if axis in (0, "index"):
            raise NotImplementedError("add_suffix(axis='index')")
        return self.rename(columns=lambda c: f"{c}{suffix}")

    def insert(self, loc, column, value, allow_duplicates=False):
        if _labels.encode(column) in self._t.data_names:
            if allow_duplicates:
                raise NotImplementedError("insert(allow_duplicates=True) (duplicate column labels)")
            raise ValueError(f"cannot insert {column}, already exists")
        self[column] = value
        names = self._t.data_names
        name = names.pop()
        names.insert(loc, name)
        self._t = _common.project(self._t, [(n, n) for n in self._t.index_names] + [(n, n) for n in names])

    def assign(self, **columns):
        result = self.copy()
        for label, value in columns.items():
            result[label] = evaluated(value, result)
        return result

    def rename_axis(self, mapper=None, index=None, columns=None):
        """Names the index levels or, for printing, the columns."""
        t = self._t
        if mapper is not None:
            index = mapper
        result = DataFrame._wrap(t)
        if index is not None:
            from ._levels import renamed
            result = DataFrame._wrap(renamed(t, index))
        result._columns_name = columns if columns is not None else getattr(self, "_columns_name", None)
        return result

    def get(self, key, default=None):
        """self[key], or default where pandas' lookup fails (KeyError, ValueError, IndexError)."""
        try:
            return self[key]
        except (KeyError, ValueError, IndexError):
            return default

    @property
    def loc(self):
        from ._indexing import FrameLoc
        return FrameLoc(self)

    @property
    def iloc(self):
        from ._indexing import FrameILoc
        return FrameILoc(self)

    at, iat = loc, iloc

    def head(self, n=5):
        """The first n rows; a negative n: all rows but the last -n."""
        return DataFrame._wrap(table("slice", h=self._t.h, offset=0, len=_common.head_len(n, self._t.rows)))

    def tail(self, n=5):
        """The last n rows; a negative n: all rows but the first -n."""
        offset, length = _common.tail_span(n, self._t.rows)
        return DataFrame._wrap(table("slice", h=self._t.h, offset=offset, len=length))

    def select_dtypes(self, include=None, exclude=None):
        def kinds(spec):
            spec = [spec] if isinstance(spec, (str, type)) else list(spec or [])
            out = set()
            for s in spec:
                s = _dtype_name(s) if isinstance(s, type) else s
                out |= {"number": set(_dtypes.NUMBERS), "numeric": set(_dtypes.NUMBERS),
                        "object": {"object", "str"}, "str": {"str"}, "datetime": {"datetime64[us]"},
                        "bool": {"bool"}}.get(s, {s})
            return out
        inc, exc = kinds(include), kinds(exclude)
        names = [n for n in self._t.data_names
                 if (not inc or self._t.dtypes[n] in inc) and self._t.dtypes[n] not in exc]
        return self[[_labels.decode(n) for n in names]]

    # --- row operations ------------------------------------------------------------------
    def sort_values(self, by, axis=0, ascending=True, inplace=False, kind=None, na_position="last",
                    ignore_index=False, key=None):
        by = [by] if not isinstance(by, list) else by
        ascending = [ascending] * len(by) if isinstance(ascending, bool) else list(ascending)
        t, names = self._t, [self._name(b) for b in by]
        if key is not None:
            # sorted by key(column) of each key column, as pandas
            from .series import with_sort_keys
            t, names = with_sort_keys(t, [(n, key(self[b])) for n, b in zip(names, by)])
        t = table("sort", h=t.h, by=names, descending=[not a for a in ascending],
                  na_last=na_position == "last")
        if key is not None:
            t = _common.project(t, [(n, n) for n in t.index_names] + [(n, n) for n in self._t.data_names])
        return self._result(t, inplace, ignore_index)

    def sort_index(self, axis=0, level=None, ascending=True, inplace=False, kind=None,
                   na_position="last", sort_remaining=True, ignore_index=False, key=None):
        from ._sorting import by_index
        if axis not in (0, "index"):
            raise NotImplementedError("sort_index(axis=1)")
        t = by_index(self._t, ascending, level, na_position, sort_remaining, key)
        return self._result(t, inplace, ignore_index)

    def _result(self, t, inplace=False, ignore_index=False):
        frame = DataFrame._wrap(t)
        if ignore_index:
            frame = frame.reset_index(drop=True)
        if inplace:
            self._t = frame._t
            return None
        return frame

    def nlargest(self, n, columns, keep="first"):
        return self._extremes(n, columns, keep, False)

    def nsmallest(self, n, columns, keep="first"):
        return self._extremes(n, columns, keep, True)

    def _extremes(self, n, columns, keep, ascending):
        """The n rows of largest (smallest) values, as pandas picks them: missing values
        left out, ties kept in order of appearance ("first"), from the end ("last"), or all
        the rows tied with the n-th ("all")."""
        if keep not in ("first", "last", "all"):
            raise ValueError('keep must be either "first", "last" or "all"')
        columns = [columns] if not isinstance(columns, list) else columns
        frame = self.dropna(subset=columns)
        if keep == "last":
            t = frame._t
            frame = DataFrame._wrap(table("take", h=t.h, rows=list(range(t.rows - 1, -1, -1))))
        ordered = frame.sort_values(columns, ascending=ascending, kind="stable")
        if keep == "all" and 0 < n < len(ordered):
            if len(columns) > 1:
                raise NotImplementedError("nlargest/nsmallest(keep='all') of several columns")
            values = ordered[columns[0]]
            nth = values.iloc[n - 1]
            n = int((values <= nth).sum() if ascending else (values >= nth).sum())
        return ordered.head(n)

    def dropna(self, axis=0, how="any", thresh=None, subset=None, inplace=False):
        if axis not in (0, "index") or thresh is not None:
            from ._framemethods import dropna
            return self._result(dropna(self, axis, how, thresh, subset)._t, inplace)
        subset = [subset] if isinstance(subset, str) else subset
        t = table("drop_na", h=self._t.h, how=how,
                  subset=None if subset is None else [self._name(s) for s in subset])
        return self._result(t, inplace)

    def fillna(self, value=None, *, axis=None, inplace=False, limit=None):
        """Missing values filled with a scalar, a dict per column, or a frame of the same
        index (its columns of the same labels); with limit, only the first limit per column."""
        from ._framepairs import fill_from
        if axis not in (None, 0, "index"):
            raise NotImplementedError("fillna(axis=1)")
        if isinstance(value, DataFrame):
            if limit is not None:
                raise NotImplementedError("fillna with a DataFrame and limit=")
            return self._result(fill_from(self, value), inplace)
        names = self._t.data_names
        if isinstance(value, dict):
            fills = {self._name(k): v for k, v in value.items()}
        else:
            fills = {n: value for n in names}
        exprs = [[n, filled(col(n), lit(v), limit)] for n, v in fills.items()]
        return self._result(table("assign", h=self._t.h, exprs=exprs), inplace)

    def ffill(self, limit=None, inplace=False):
        return self._fill("ffill", limit, inplace)

    def bfill(self, limit=None, inplace=False):
        return self._fill("bfill", limit, inplace)

    def _fill(self, how, limit, inplace):
        if limit is not None:
            from ._framemethods import fill_limited
            return self._result(self._map_columns(lambda n: fill_limited(col(n), how, limit))._t, inplace)
        exprs = [[n, fn(how, col(n))] for n in self._t.data_names]
        return self._result(table("assign", h=self._t.h, exprs=exprs), inplace)

    def drop_duplicates(self, subset=None, keep="first", inplace=False, ignore_index=False):
        subset = [subset] if isinstance(subset, str) else subset
        t = table("unique", h=self._t.h, keep="none" if keep is False else keep,
                  subset=None if subset is None else [self._name(s) for s in subset])
        return self._result(t, inplace, ignore_index)

    def duplicated(self, subset=None, keep="first"):
        """Whether each row repeats an earlier (keep="first"), later ("last") or any other
        (False) row of the subset's columns: a window over groups of equal rows."""
        subset = [subset] if isinstance(subset, str) else subset
        names = self._t.data_names if subset is None else [self._name(s) for s in subset]
        position = _temp()
        t = _common.project(self._t, [(n, n) for n in self._t.names], row_index=position)
        if keep is False:
            mask = fn("gt", fn("over", fn("size", col(position)), by=names), lit(1))
        elif keep in ("first", "last"):
            mask = fn("ne", col(position), fn("over", fn(keep, col(position)), by=names))
        else:
            raise ValueError("keep must be either 'first', 'last' or False")
        return Series._of(t, mask, None)

    def drop(self, labels=None, axis=0, index=None, columns=None, level=None, inplace=False,
             errors="raise"):
        if labels is not None:
            if axis in (1, "columns"):
                columns = labels
            else:
                index = labels
        t = self._t
        if columns is not None:
            columns = [columns] if not isinstance(columns, (list, tuple, Index)) else list(columns)
            gone = set()
            for c in columns:
                try:
                    gone.add(self._name(c))
                except KeyError:
                    if errors == "raise":
                        raise KeyError(f"{list(columns)} not found in axis") from None
            t = _common.project(t, [(n, n) for n in t.names if n not in gone])
        if index is not None and (level is not None or len(t.index_names) > 1):
            from ._levels import rows_matching
            t = table("filter", h=t.h, mask=fn("not", rows_matching(self, index, level)))
        elif index is not None:
            index = list(index) if isinstance(index, (list, tuple, Index)) else [index]
            t = _common.with_row_labels(t)
            name = t.index_names[0]
            t = table("filter", h=t.h, mask=fn("not", fn("isin", col(name), values=[json_value(v) for v in index])))
        return self._result(t, inplace)

    def update(self, other, join="left", overwrite=True, filter_func=None, errors="ignore"):
        from ._replace import update_frame
        if join != "left":
            raise NotImplementedError("DataFrame.update(join=...)")
        update_frame(self, other, overwrite, filter_func, errors)

    def reindex(self, labels=None, *, index=None, columns=None, axis=None, method=None,
                copy=None, level=None, fill_value=None, limit=None, tolerance=None):
        from ._reindex import reindex_frame
        if level is not None or tolerance is not None:
            raise NotImplementedError("reindex(level= or tolerance=)")
        return reindex_frame(self, labels, index, columns, axis, method, fill_value, limit)

    def replace(self, to_replace=None, value=_NO_VALUE, *, inplace=False, limit=None,
                regex=False, method=None):
        """Values replaced by pandas' rules (_replace), column by column in the guest."""
        from ._replace import replace_frame
        if limit is not None or method is not None:
            raise NotImplementedError("DataFrame.replace(limit= or method=)")
        return self._result(replace_frame(self, to_replace, value, regex)._t, inplace)

    def rename(self, mapper=None, *, index=None, columns=None, axis=None, copy=None,
               inplace=False, level=None, errors="ignore"):
        """Column labels and/or row labels renamed by a mapping or a function."""
        from ._framemethods import renamed_labels
        if level is not None:
            raise NotImplementedError("rename(level=...)")
        if mapper is not None:
            if axis in (1, "columns"):
                columns = mapper
            else:
                index = mapper
        names = self._t.data_names
        if errors == "raise":
            for mapping, present in ((columns, [_labels.decode(n) for n in names]),
                                     (index, list(self.index))):
                missing = [k for k in mapping if k not in present] if isinstance(mapping, dict) else []
                if missing:
                    raise KeyError(f"{missing} not found in axis")
        t = self._t
        if columns is not None:
            new = renamed_labels([_labels.decode(n) for n in names], columns)
            t = _common.project(t, [(n, n) for n in t.index_names] +
                                [(_labels.encode(l), n) for l, n in zip(new, names)])
        result = DataFrame._wrap(t)
        if index is not None:
            from ._index import Index
            if len(t.index_names) > 1:
                raise NotImplementedError("rename(index=...) of a MultiIndex")
            current = self.index
            result.index = Index(renamed_labels(list(current), index), name=current.name)
        return self._result(result._t, inplace)

    def set_index(self, keys, drop=True, inplace=False, append=False):
        from ._setindex import set_index
        return self._result(set_index(self, keys, drop, append), inplace)

    def reset_index(self, level=None, drop=False, inplace=False, names=None, col_level=0,
                    col_fill=""):
        t = self._t
        levels = t.index_names
        data = [(n, n) for n in t.data_names]
        if drop and level is None:
            return self._result(_common.project(t, data), inplace)
        if not levels:
            label = names if isinstance(names, str) else names[0] if names else "index"
            return self._result(_common.project(t, data, row_index=_labels.encode(label)), inplace)
        chosen = self._levels_of(level) if level is not None else list(levels)
        kept = [n for n in levels if n not in chosen]
        renamed = [(_labels.index_column(i, _labels.index_label(n)), n) for i, n in enumerate(kept)]
        given = [names] if isinstance(names, str) else list(names) if names is not None else None
        depth = max((len(_labels.decode(n)) for n in t.data_names if "\x1f" in n), default=1)
        moved = []
        for i, n in enumerate(chosen if not drop else []):
            label = _labels.index_label(n)
            if given is not None:
                label = given[i]
            elif label is None:
                label = "index" if len(levels) == 1 else f"level_{levels.index(n)}"
            if depth > 1:
                # a label of several column levels: the name at col_level, col_fill elsewhere
                parts = [label if col_fill is None else col_fill] * depth
                parts[col_level] = label
                label = tuple(parts)
            moved.append((_labels.encode(label), n))
        if any(m[0] in t.data_names for m in moved):
            raise ValueError(f"cannot insert {_labels.decode(moved[0][0])}, already exists")
        return self._result(_common.project(t, renamed + moved + data), inplace)

    def swaplevel(self, i=-2, j=-1, axis=0):
        from ._levels import swapped
        if axis not in (0, "index"):
            raise NotImplementedError("swaplevel(axis=1)")
        return DataFrame._wrap(swapped(self._t, i, j))

    def reorder_levels(self, order, axis=0):
        from ._levels import reordered
        if axis not in (0, "index"):
            raise NotImplementedError("reorder_levels(axis=1)")
        return DataFrame._wrap(reordered(self._t, order))

    def _levels_of(self, level):
        """The host columns of the index levels named or numbered in level."""
        levels = self._t.index_names
        labels = [_labels.index_label(n) for n in levels]
        chosen = []
        for key in (level if isinstance(level, (list, tuple)) else [level]):
            if isinstance(key, int) and key not in labels:
                if not -len(levels) <= key < len(levels):
                    raise IndexError(f"Too many levels: Index has only {len(levels)} levels, "
                                     f"not {key + 1}")
                chosen.append(levels[key])
            elif key in labels:
                chosen.append(levels[labels.index(key)])
            else:
                raise KeyError(f"Level {key} not found")
        return [n for n in levels if n in chosen]

    def astype(self, dtype):
        if isinstance(dtype, dict):
            targets = {self._name(k): _dtype_name(v) for k, v in dtype.items()}
        else:
            targets = {n: _dtype_name(dtype) for n in self._t.data_names}
        return DataFrame._wrap(table("assign", h=self._t.h,
                                     exprs=[[n, fn("cast", col(n), dtype=d)] for n, d in targets.items()]))

    def isna(self):
        return self._map_columns(lambda n: fn("isnull", col(n)))

    def notna(self):
        return self._map_columns(lambda n: fn("notnull", col(n)))

    isnull, notnull = isna, notna

    def round(self, decimals=0):
        """Float columns rounded to decimals (a dict or Series: per column label, others
        unchanged); negative decimals round integer columns too."""
        if isinstance(decimals, (dict, Series)):
            places = dict(decimals.items())
            per_column = {n: int(places[_labels.decode(n)]) for n in self._t.data_names
                          if _labels.decode(n) in places}
        else:
            per_column = {n: decimals for n in self._t.data_names}

        def make(n):
            d = per_column.get(n)
            numeric = _dtypes.FLOATS if d is None or d >= 0 else _dtypes.NUMBERS
            return rounded(col(n), d, self._t.dtypes[n]) if d is not None and self._t.dtypes[n] in numeric else col(n)
        return self._map_columns(make)

    def abs(self):
        return self._map_columns(lambda n: fn("abs", col(n)))

    def cumsum(self, axis=0, skipna=True): return self._cumulative("cumsum", axis, skipna)
    def cumprod(self, axis=0, skipna=True): return self._cumulative("cumprod", axis, skipna)
    def cummax(self, axis=0, skipna=True): return self._cumulative("cummax", axis, skipna)
    def cummin(self, axis=0, skipna=True): return self._cumulative("cummin", axis, skipna)

    def _cumulative(self, how, axis, skipna):
        names = self._t.data_names
        if axis in (0, "index"):
            return self._map_columns(lambda n: cumulative(how, col(n), skipna))
        if axis not in (1, "columns"):
            raise ValueError(f"No axis named {axis} for object type DataFrame")
        dtypes = {self._t.dtypes[n] for n in names}
        if not dtypes <= {"int64", "float64"}:
            raise NotImplementedError(f"DataFrame.{how}(axis=1) of non-numeric columns")
        # pandas works on the rows' common dtype
        common = "float64" if "float64" in dtypes else "int64"
        exprs = cumulative_across(how, [fn("cast", col(n), dtype=common) for n in names], skipna)
        return DataFrame._wrap(table("select", h=self._t.h, index=True,
                                     exprs=[[n, e] for n, e in zip(names, exprs)]))

    def diff(self, periods=1, axis=0):
        if axis not in (0, "index"):
            from ._framemethods import diff_along_rows
            return diff_along_rows(self, periods)
        from ._expr import diff
        return self._map_columns(lambda n: diff(col(n), self._t.dtypes[n], periods))

    def pct_change(self, periods=1, axis=0):
        if axis not in (0, "index"):
            from ._stats import pct_change_rows
            return pct_change_rows(self, periods)
        return self._map_columns(lambda n: fn("pct_change", col(n), periods=periods))

    def shift(self, periods=1, freq=None, axis=0, fill_value=None):
        if freq is not None or axis not in (0, "index") or fill_value is not None \
                or not isinstance(periods, int):
            from ._framemethods import shift
            return shift(self, periods, freq, axis, fill_value)
        return self._map_columns(lambda n: fn("shift", col(n), periods=periods))

    def __invert__(self):
        return self._map_columns(lambda n: fn("not", col(n)))

    def __neg__(self):
        return self._map_columns(lambda n: fn("neg", col(n)))

    def _map_columns(self, make):
        exprs = [[n, make(n)] for n in self._t.data_names]
        return DataFrame._wrap(table("select", h=self._t.h, exprs=exprs, index=True))

    def _binary(self, op, other, reflected=False):
        if isinstance(other, DataFrame) or getattr(other, "ndim", 1) == 2:
            from ._framepairs import binary
            return binary(self, op, other, reflected)
        if isinstance(other, (list, tuple)) or type(other).__name__ == "ndarray":
            return self._flex(op, other, "columns", reflected)
        if isinstance(other, Series):  # labelled by the columns
            return self._flex(op, other, "columns", reflected)
        def make(n):
            a, b = col(n), lit(other)
            return fn(op, b, a) if reflected else fn(op, a, b)
        return self._map_columns(make)

    def _flex(self, op, other, axis, reflected=False):
        """add/sub/mul/div/... with axis=: a list or a Series (labelled by the columns) or a
        dict gives one operand per column; along the index (axis=0) a Series or dict gives
        one per row (labels equal to the frame's, in the same order)."""
        if axis in ("columns", 1):
            if isinstance(other, dict) or isinstance(other, Series):
                other = other if isinstance(other, dict) else dict(zip(other.index, other.tolist()))
                if list(other) != list(self.columns):
                    raise NotImplementedError(f"DataFrame.{op} with labels other than the columns (alignment)")
                other = list(other.values())
            if isinstance(other, (list, tuple)) or type(other).__name__ == "ndarray":
                values = list(other)
                names = self._t.data_names
                if len(values) != len(names):
                    raise ValueError(f"Unable to coerce to Series, length must be {len(names)}: "
                                     f"given {len(values)}")
                pairs = [(col(n), lit(v)) for n, v in zip(names, values)]
                return DataFrame._wrap(table("select", h=self._t.h, index=True, exprs=[
                    [n, fn(op, b, a) if reflected else fn(op, a, b)] for n, (a, b) in zip(names, pairs)]))
            return self._binary(op, other, reflected)
        if axis not in ("index", 0):
            raise ValueError(f"No axis named {axis} for object type DataFrame")
        if isinstance(other, dict):
            other = Series(list(other.values()), index=list(other))
        if not isinstance(other, Series):
            return self._binary(op, other, reflected)
        values = other._mat()
        from ._framepairs import same_index
        if not same_index(self._t, values):
            raise NotImplementedError(f"DataFrame.{op} with a Series of another index (alignment)")
        name = _temp()
        joined = table("attach", h=self._t.h, other=values.h, columns=[[name, "\x01"]])
        names = self._t.data_names
        return DataFrame._wrap(table("select", h=joined.h, index=True, exprs=[
            [n, fn(op, col(name), col(n)) if reflected else fn(op, col(n), col(name))] for n in names]))

    def __bool__(self):
        raise ValueError("The truth value of a DataFrame is ambiguous. "
                         "Use a.empty, a.bool(), a.item(), a.any() or a.all().")

    # --- reductions ----------------------------------------------------------------------
    def _reduce(self, how, numeric_only, **options):
        names = self._t.data_names
        if how in ("mean", "median", "std", "var", "sum", "quantile", "prod"):
            bad = [n for n in names if self._t.dtypes[n] not in _NUMERIC and not (
                how == "quantile" and self._t.dtypes[n].startswith(("datetime", "timedelta")))]
            if numeric_only:
                names = [n for n in names if self._t.dtypes[n] in _NUMERIC]
            elif bad and how == "sum":
                raise NotImplementedError("DataFrame.sum over string columns (concatenation); "
                                          "use numeric_only=True")
            elif bad:
                raise TypeError(f"Could not convert column {_labels.decode(bad[0])!r} to numeric "
                                f"for {how} (use numeric_only=True)")
        values = call("aggregate", h=self._t.h,
                      exprs=[[n, fn(how, col(n), **options)] for n in names]) if names else []
        if how in ("sum", "count", "nunique"):
            values = [0 if v is None else v for v in values]
        empty_dtype = "bool" if how in ("any", "all") else None
        return Series(values, index=[_labels.decode(n) for n in names],
                      dtype=empty_dtype if not values else None)

    def sum(self, axis=0, numeric_only=False):
        if axis not in (0, "index"):
            # missing values skipped (a row of them sums to 0), as pandas
            return self._row_series(self._row_total(lambda n: fn("fillna", col(n), lit(0))))
        return self._reduce("sum", numeric_only)

    def mean(self, axis=0, numeric_only=False):
        if axis not in (0, "index"):
            total = self._row_total(lambda n: fn("fillna", col(n), lit(0)))
            count = self._row_total(lambda n: fn("cast", fn("notnull", col(n)), dtype="int64"))
            return self._row_series(fn("truediv", total, count))
        return self._reduce("mean", numeric_only)

    def _row_total(self, term):
        names = self._t.data_names
        if not names:
            raise ValueError("no columns")
        expr = term(names[0])
        for n in names[1:]:
            expr = fn("add", expr, term(n))
        return expr

    def _along_rows(self, how, axis, numeric_only=False, **options):
        if axis not in (0, "index", None):
            raise NotImplementedError(f"DataFrame.{how}(axis=1)")
        return self._reduce(how, numeric_only, **options)

    def _row_series(self, expr):
        return Series._of(self._t, expr, None)

    def median(self, axis=0, numeric_only=False):
        if axis in (1, "columns"):
            # each row's median (the rows cross into the guest), float64 as pandas
            import numpy as np
            names = [n for n in self._t.data_names if self._t.dtypes[n] in _NUMERIC] \
                if numeric_only else self._t.data_names
            if any(self._t.dtypes[n] not in _NUMERIC for n in names):
                raise TypeError("Could not convert string to numeric for median (use numeric_only=True)")
            values = DataFrame._wrap(_common.project(self._t, [(n, n) for n in names])).to_numpy(float)
            medians = [float(np.median(r[~np.isnan(r)])) if (~np.isnan(r)).any() else float("nan")
                       for r in values]
            rows = self._row_series(fn("isnull", col(self._t.names[0])))
            return Series(medians, dtype="float64")._with_index_of(rows)
        return self._along_rows("median", axis, numeric_only)
    def std(self, axis=0, ddof=1, numeric_only=False): return self._along_rows("std", axis, numeric_only, ddof=ddof)
    def var(self, axis=0, ddof=1, numeric_only=False): return self._along_rows("var", axis, numeric_only, ddof=ddof)
    def min(self, axis=0, numeric_only=False): return self._along_rows("min", axis, numeric_only)
    def max(self, axis=0, numeric_only=False): return self._along_rows("max", axis, numeric_only)
    def count(self, axis=0, numeric_only=False):
        if axis in (1, "columns"):
            names = self._t.data_names
            expr = fn("cast", fn("notnull", col(names[0])), dtype="int64")
            for n in names[1:]:
                expr = fn("add", expr, fn("cast", fn("notnull", col(n)), dtype="int64"))
            return self._row_series(expr)
        return self._along_rows("count", axis)
    def nunique(self, axis=0, dropna=True):
        if axis not in (0, "index"):
            from ._stats import nunique_rows
            return nunique_rows(self, dropna)
        return self._along_rows("nunique", axis)

    def sem(self, axis=0, skipna=True, ddof=1, numeric_only=False):
        from ._stats import reduce_frame, sem
        return reduce_frame(self, lambda v: sem(v, ddof), axis, numeric_only, "sem")

    def skew(self, axis=0, skipna=True, numeric_only=False):
        from ._stats import reduce_frame, skew
        return reduce_frame(self, skew, axis, numeric_only, "skew")

    def transform(self, func, axis=0, *args, **kwargs):
        from ._framemethods import transform_frame
        return transform_frame(self, func, axis, args, kwargs)

    def mode(self, axis=0, numeric_only=False, dropna=True):
        from ._stats import mode
        return mode(self, axis, numeric_only, dropna)

    def quantile(self, q=0.5, axis=0, numeric_only=False, interpolation="linear", method="single"):
        if method == "table" and axis in (0, "index"):
            from ._stats import table_quantile
            return table_quantile(self, q, interpolation, numeric_only)
        if axis not in (0, "index") or interpolation != "linear" or method != "single":
            raise NotImplementedError("DataFrame.quantile(axis=, interpolation= or method=)")
        if isinstance(q, (list, tuple)) or type(q).__name__ == "ndarray":
            rows = [self.quantile(x, numeric_only=numeric_only) for x in q]
            labels = list(rows[0].index) if rows else []
            return DataFrame({label: [float(row[label]) for row in rows] for label in labels},
                             index=list(q))
        result = self._reduce("quantile", numeric_only, q=q)
        result.name = q
        return result

    def any(self, axis=0, bool_only=False, skipna=True): return self._truth("any", axis, bool_only)
    def all(self, axis=0, bool_only=False, skipna=True): return self._truth("all", axis, bool_only)

    def _truth(self, how, axis, bool_only):
        """any/all: down the columns, along each row (axis=1) or of every value (None)."""
        frame = self.select_dtypes("bool") if bool_only else self
        if axis is None:
            values = frame._along_rows(how, 0)
            return _numpy.scalar(bool(values.all() if how == "all" else values.any()))
        if axis not in (1, "columns"):
            return frame._along_rows(how, axis)
        names = frame._t.data_names
        if any(frame._t.dtypes[n] not in ("bool",) + _NUMERIC for n in names):
            raise NotImplementedError(f"DataFrame.{how}(axis=1) of non-numeric columns")
        # numbers are true when not 0; a missing value is skipped, as pandas' skipna
        neutral = lit(how == "all")
        parts = [fn("fillna", col(n), neutral) if frame._t.dtypes[n] == "bool" else
                 fn("where", fn("ne", col(n), lit(0)), fn("notnull", col(n)), neutral)
                 for n in names]
        expr = parts[0] if parts else neutral
        for part in parts[1:]:
            expr = fn("and" if how == "all" else "or", expr, part)
        return frame._row_series(expr)

    def _rowwise(self, op):
        names = self._t.data_names
        if not names:
            raise ValueError("no columns")
        expr = col(names[0])
        for n in names[1:]:
            expr = fn(op, expr, col(n))
        return Series._of(self._t, expr, None)

    def idxmax(self, axis=0, skipna=True, numeric_only=False):
        if axis not in (0, "index"):
            from ._framemethods import idx_along_rows
            return idx_along_rows(self, True, skipna)
        return Series([self[_labels.decode(n)].idxmax() for n in self._t.data_names],
                      index=list(self.columns))

    def idxmin(self, axis=0, skipna=True, numeric_only=False):
        if axis not in (0, "index"):
            from ._framemethods import idx_along_rows
            return idx_along_rows(self, False, skipna)
        return Series([self[_labels.decode(n)].idxmin() for n in self._t.data_names],
                      index=list(self.columns))

    def describe(self, include=None, percentiles=None):
        if include is not None or percentiles is not None:
            raise NotImplementedError("describe(include=..., percentiles=...)")
        names = [n for n in self._t.data_names if self._t.dtypes[n] in _dtypes.NUMBERS]
        if not names:
            raise NotImplementedError("describe() of a DataFrame without numeric columns")
        return self._describe_columns(names, None)

    def _describe_columns(self, names, series_name):
        stats = [("count", "count", {}), ("mean", "mean", {}), ("std", "std", {}),
                 ("min", "min", {}), ("25%", "quantile", {"q": 0.25}),
                 ("50%", "quantile", {"q": 0.5}), ("75%", "quantile", {"q": 0.75}),
                 ("max", "max", {})]
        exprs = [[f"{i}:{j}", fn(how, fn("cast", col(n), dtype="float64"), **k)]
                 for i, n in enumerate(names) for j, (_, how, k) in enumerate(stats)]
        values = call("aggregate", h=self._t.h, exprs=exprs)
        table_values = {}
        for i, n in enumerate(names):
            column = [float("nan") if v is None else float(v) for v in values[i * 8:(i + 1) * 8]]
            table_values[_labels.decode(n)] = column
        index = [s[0] for s in stats]
        if series_name is not None or names == ["_"]:
            return Series(table_values["_"], index=index, name=series_name)
        return DataFrame(table_values, index=index)

    def corr(self, method="pearson", min_periods=1, numeric_only=False):
        if callable(method) or min_periods > 1:
            from ._framemethods import corr_with
            return corr_with(self, method, min_periods)
        if method != "pearson":
            raise NotImplementedError(f"corr(method={method!r})")
        names = [n for n in self._t.data_names if self._t.dtypes[n] in _dtypes.NUMBERS]
        exprs = [[f"{i}:{j}", fn("corr", col(a), col(b))]
                 for i, a in enumerate(names) for j, b in enumerate(names)]
        values = call("aggregate", h=self._t.h, exprs=exprs) if names else []
        labels = [_labels.decode(n) for n in names]
        k = len(names)
        data = {labels[j]: [float("nan") if values[i * k + j] is None else values[i * k + j]
                            for i in range(k)] for j in range(k)}
        return DataFrame(data, index=labels)

    def value_counts(self, subset=None, normalize=False, sort=True, ascending=False,
                     dropna=True):
        """Counts of distinct rows: a Series indexed by the (sub)set's columns."""
        subset = list(self.columns) if subset is None else (
            [subset] if not isinstance(subset, (list, tuple)) else list(subset))
        # pandas: groups in order of first appearance, then a stable sort by count
        counts = self.groupby(subset, sort=False, dropna=dropna).size()
        if normalize:
            counts = counts / counts.sum()
        counts.name = "proportion" if normalize else "count"
        return counts.sort_values(ascending=ascending, kind="stable") if sort else counts

    def agg(self, func=None, axis=0, *args, **kwargs):
        """A name gives a Series (one value a column); a list a DataFrame indexed by the names;
        a dict per-column names (a Series when each is one name)."""
        if axis not in (0, "index") or args or kwargs or callable(func):
            from ._framemethods import agg
            return agg(self, func, axis, args, kwargs)
        if isinstance(func, str):
            return getattr(self, func)()
        if isinstance(func, (list, tuple)):
            names = [_agg_label(f) for f in func]
            data = {label: [self[label].agg(f) for f in func] for label in self.columns}
            return DataFrame(data, index=names)
        if isinstance(func, dict):
            if all(isinstance(f, str) for f in func.values()):
                return Series([self[k].agg(f) for k, f in func.items()], index=list(func))
            rows = list(dict.fromkeys(_agg_label(f) for fs in func.values()
                                      for f in (fs if isinstance(fs, (list, tuple)) else [fs])))
            data = {}
            for label, fs in func.items():
                fs = fs if isinstance(fs, (list, tuple)) else [fs]
                got = {_agg_label(f): self[label].agg(f) for f in fs}
                data[label] = [got.get(r) for r in rows]
            return DataFrame(data, index=rows)
        raise NotImplementedError("DataFrame.agg with a Python function")

    aggregate = agg

    def where(self, cond, other=None):
        from ._framepairs import where
        return where(self, cond, other)

    def mask(self, cond, other=None):
        from ._framepairs import where
        return where(self, cond, other, negate=True)

    def clip(self, lower=None, upper=None, *, axis=None, inplace=False):
        if inplace:
            raise NotImplementedError("DataFrame.clip(inplace=True)")
        from ._clip import clip
        return clip(self, lower, upper, axis)

    def sample(self, n=None, frac=None, replace=False, weights=None, random_state=None,
               axis=None, ignore_index=False):
        """pandas' choice of rows: numpy's RandomState(random_state).choice, as pandas does."""
        from ._sample import positions
        picked = positions(self, len(self), n, frac, replace, weights, random_state, axis)
        labelled = _common.with_row_labels(self._t)  # held: freed tables leave the host
        t = table("take", h=labelled.h, rows=picked)
        return self._result(t, ignore_index=ignore_index)

    @property
    def T(self):
        """The transpose (the values cross into the guest; they must share a type)."""
        names = self._t.data_names
        kinds = {self._t.dtypes[n] for n in names}
        data = self._columns_data()
        labels = list(self.index)
        rows = [[data[n][i] for n in names] for i in range(self._t.rows)]
        columns = Index([_labels.decode(n) for n in names])
        if len(kinds) > 1 and not kinds <= set(_dtypes.NUMBERS):
            # pandas' one object block: every column of the transpose is object
            return DataFrame({label: Series(row, index=columns, dtype=object)
                              for label, row in zip(labels, rows)})
        frame = DataFrame({label: row for label, row in zip(labels, rows)}, index=columns)
        return frame

    def transpose(self):
        return self.T

    # --- iteration and export ------------------------------------------------------------
    def _columns_data(self):
        return dict(_common.handed_out(self._t, _common.rows(self._t, 0, self._t.rows)))

    def iterrows(self):
        data = self._columns_data()
        names = self._t.data_names
        labels = [_labels.decode(n) for n in names]
        dtype = _row_dtype([self._t.dtypes[n] for n in names])
        for i, label in enumerate(_common.index_values(self._t)):
            yield label, _Row(labels, [data[n][i] for n in names], label, dtype)

    def itertuples(self, index=True, name="Pandas"):
        data = self._columns_data()
        names = self._t.data_names
        columns = [data[n] for n in names]
        labels = _common.index_values(self._t) if index else None
        import collections
        fields = (["Index"] if index else []) + [
            _labels.decode(n) if isinstance(_labels.decode(n), str) and _labels.decode(n).isidentifier()
            else f"_{i}" for i, n in enumerate(names)]
        row_type = collections.namedtuple(name or "Row", fields, rename=True)
        for i in range(self._t.rows):
            values = [c[i] for c in columns]
            yield row_type(*([labels[i]] + values if index else values))

    def items(self):
        for n in self._t.data_names:
            yield _labels.decode(n), Series._of(self._t, col(n), _labels.decode(n))

    def apply(self, func, axis=0, **kwargs):
        """axis=1 runs func on every row in the guest (the rows cross into the sandbox)."""
        if kwargs:
            raise NotImplementedError(f"DataFrame.apply({', '.join(kwargs)}=...)")
        if axis in (1, "columns"):
            results = [func(row) for _, row in self.iterrows()]
            if results and isinstance(results[0], (_Row, dict, Series)):
                raise NotImplementedError("DataFrame.apply returning rows")
            return Series(results)._with_index_of(Series._of(self._t, col(self._t.names[0]), None))
        if isinstance(func, str):
            return getattr(self, func)()
        out = {}
        for label, series in self.items():
            out[label] = func(series)
        if all(isinstance(v, Series) for v in out.values()):
            return DataFrame(out)
        if any(isinstance(v, (list, tuple)) or type(v).__name__ == "ndarray"
               for v in out.values()):
            raise NotImplementedError("DataFrame.apply returning arrays per column")
        return Series(list(out.values()), index=list(out.keys()))

    def map(self, func, na_action=None, **kwargs):
        from ._framemethods import map_values
        return map_values(self, func, na_action, kwargs)

    applymap = map

    def isin(self, values):
        from ._framemethods import isin
        return isin(self, values)

    def filter(self, arg=None, /, like=None, regex=None, axis=None, *, items=None, cond=None,
               na=False):
        from ._framemethods import filter_frame
        return filter_frame(self, arg, like, regex, axis, items, cond, na)

    def combine_first(self, other):
        from ._framemethods import combine_first
        return combine_first(self, other)

    def cov(self, min_periods=None, ddof=1, numeric_only=False):
        from ._framemethods import cov
        return cov(self, min_periods, ddof)

    def expanding(self, min_periods=1):
        from ._windows import Expanding
        return Expanding(self, min_periods)

    def rolling(self, window, min_periods=None, center=False, win_type=None, on=None, axis=0,
                closed=None, step=None, method="single"):
        if win_type is not None or on is not None or closed is not None or step is not None:
            raise NotImplementedError("rolling with win_type=, on=, closed= or step=")
        from ._windows import Rolling
        return Rolling(self, window, min_periods, center)

    @classmethod
    def from_dict(cls, data, orient="columns", dtype=None, columns=None):
        from ._framemethods import from_dict
        return from_dict(data, orient, dtype, columns)

    @classmethod
    def from_records(cls, data, index=None, exclude=None, columns=None, coerce_float=False, nrows=None):
        from ._framemethods import from_records
        return from_records(data, index, exclude, columns, nrows)

    def to_dict(self, orient="dict", into=dict, index=True):
        if into is not dict or orient in ("series", "split", "tight"):
            from ._framemethods import to_dict
            return to_dict(self, orient, into, index)
        data = self._columns_data()
        names = self._t.data_names
        labels = [_labels.decode(n) for n in names]
        index = _common.index_values(self._t)
        if orient == "dict":
            return {l: dict(zip(index, data[n])) for l, n in zip(labels, names)}
        if orient == "list":
            return {l: list(data[n]) for l, n in zip(labels, names)}
        if orient == "records":
            return [dict(zip(labels, row)) for row in zip(*(data[n] for n in names))]
        if orient == "index":
            return {i: dict(zip(labels, row)) for i, row in zip(index, zip(*(data[n] for n in names)))}
        raise NotImplementedError(f"to_dict(orient={orient!r})")

    def to_csv(self, path_or_buf=None, sep=",", index=True, header=True, **kwargs):
        if kwargs:
            raise NotImplementedError(f"to_csv({', '.join(kwargs)}=...)")
        frame = self._for_export(index)
        text = call("write", h=frame._t.h, path=None if path_or_buf is None else _io_path(path_or_buf),
                    format="csv", sep=sep, header=bool(header), raw=path_or_buf is None)
        return text.decode("utf-8") if path_or_buf is None else None

    def to_parquet(self, path, index=None, **kwargs):
        frame = self._for_export(bool(index) if index is not None else bool(self._t.index_names))
        call("write", h=frame._t.h, path=_io_path(path), format="parquet")

    def to_json(self, path_or_buf=None, orient=None, lines=False, indent=None, **kwargs):
        from ._json import to_json
        return to_json(self, path_or_buf, orient, lines, indent, kwargs)

    def to_excel(self, *args, **kwargs):
        raise NotImplementedError("DataFrame.to_excel (use to_csv)")

    def to_markdown(self, *args, **kwargs):
        raise NotImplementedError("DataFrame.to_markdown")

    def to_html(self, buf=None, index=True, **kwargs):
        if kwargs:
            raise NotImplementedError(f"to_html({', '.join(kwargs)}=...)")
        from ._html import table_html
        text = table_html(self, index=index)
        if buf is None:
            return text
        with open(buf, "w", encoding="utf-8") as f:
            f.write(text)

    def _repr_html_(self):
        from ._html import repr_html
        return repr_html(self)

    def _for_export(self, index):
        """The frame with its index as leading columns (pandas' to_csv layout)."""
        t = self._t
        if not index:
            return DataFrame._wrap(_common.project(t, [(n, n) for n in t.data_names]))
        if not t.index_names:
            return DataFrame._wrap(_common.project(t, [(n, n) for n in t.data_names], row_index=""))
        moved = []
        for i, level in enumerate(t.index_names):
            label = _labels.index_label(level)
            moved.append(("" if label is None and i == 0 else str(label if label is not None else ""), level))
        return DataFrame._wrap(_common.project(t, moved + [(n, n) for n in t.data_names]))

    # --- grouping and reshaping --------------------------------------------------------
    def groupby(self, by=None, as_index=True, sort=True, dropna=True, group_keys=True, **kwargs):
        from .groupby import DataFrameGroupBy
        level = kwargs.pop("level", None)
        if kwargs:
            raise NotImplementedError(f"groupby({', '.join(kwargs)}=...)")
        options = dict(as_index=as_index, sort=sort, dropna=dropna, group_keys=group_keys)
        if level is not None:
            from .groupby import level_keys
            frame, by = level_keys(self, level)
            return DataFrameGroupBy(frame, by, **options)._subset(self._t.data_names)
        if by is None:
            raise TypeError("You have to supply one of 'by' and 'level'")
        return DataFrameGroupBy(self, by, **options)

    def resample(self, rule, on=None, **kwargs):
        from ._resample import Resampler
        return Resampler(self, rule, on=on, **kwargs)

    def merge(self, right, **kwargs):
        from ._reshape import merge
        return merge(self, right, **kwargs)

    def join(self, other, on=None, how="left", lsuffix="", rsuffix="", sort=False, validate=None,
             suffixes=None):
        """Joins other's rows by its index (to self's index, or to the column on)."""
        from ._reshape import join
        if suffixes is not None:
            lsuffix, rsuffix = suffixes
        return join(self, other, on=on, how=how, lsuffix=lsuffix, rsuffix=rsuffix, sort=sort)

    def droplevel(self, level, axis=0):
        """The frame without the given level(s) of its row index."""
        if axis in (1, "columns"):
            # the frame keeps column labels as tuples, without their levels' names
            raise NotImplementedError("DataFrame.droplevel(axis=1)")
        if axis not in (0, "index"):
            raise ValueError(f"No axis named {axis} for object type DataFrame")
        names = list(self.index.names)
        levels = level if isinstance(level, (list, tuple)) else [level]
        if len(names) - len(levels) < 1:
            raise ValueError(f"Cannot remove {len(levels)} levels from an index with {len(names)} levels: "
                             "at least one level must be left.")
        return self.reset_index(level=levels, drop=True)

    def rank(self, axis=0, method="average", numeric_only=False, na_option="keep", ascending=True, pct=False):
        """pandas' float ranks down each column, or (axis=1) along each row."""
        frame = self.select_dtypes("number") if numeric_only else self
        options = dict(method=method, na_option=na_option, ascending=ascending, pct=pct)
        if axis in (0, "index"):
            return DataFrame({label: frame[label].rank(**options) for label in frame.columns})
        if axis not in (1, "columns"):
            raise ValueError(f"No axis named {axis} for object type DataFrame")
        from ._rank import ranks
        names = frame._t.data_names
        data = frame._columns_data()
        rows = [ranks([data[n][i] for n in names], **options) for i in range(frame._t.rows)]
        return DataFrame({label: Series([row[j] for row in rows], index=frame.index, dtype="float64")
                          for j, label in enumerate(frame.columns)})

    def pivot_table(self, *args, **kwargs):
        from ._reshape import pivot_table
        return pivot_table(self, *args, **kwargs)

    def pivot(self, *, columns, index=None, values=None):
        from ._reshape import pivot
        return pivot(self, columns=columns, index=index, values=values)

    def melt(self, id_vars=None, value_vars=None, var_name=None, value_name="value",
             col_level=None, ignore_index=True):
        from ._reshape import melt
        return melt(self, id_vars, value_vars, var_name, value_name, col_level, ignore_index)

    def query(self, expr, inplace=False):
        from ._query import mask
        return self._result(self[mask(self, expr)]._t, inplace)

    def eval(self, expr, inplace=False, **kwargs):
        from ._query import evaluate
        return evaluate(self, expr, inplace, kwargs)


    @property
    def plot(self):
        from ._plot import PlotAccessor
        return PlotAccessor(self)

    def hist(self, *args, **kwargs):
        raise NotImplementedError("DataFrame.hist (use df[col].plot.hist())")

    def equals(self, other):
        """pandas' `equals`: same shape, labels and column dtypes, equal values, NaN equal to NaN."""
        if not isinstance(other, DataFrame) or self.shape != other.shape:
            return False
        mine, theirs = self._t, other._t
        if [mine.dtypes[n] for n in mine.data_names] != [theirs.dtypes[n] for n in theirs.data_names]:
            return False
        if list(self.columns) != list(other.columns) or list(self.index) != list(other.index):
            return False
        same = lambda a, b: a == b or (a != a and b != b)  # noqa: E731 (NaN equals NaN here)
        return all(len(a) == len(b) and all(map(same, a, b))
                   for a, b in zip(self.to_dict("list").values(), other.to_dict("list").values()))

    def stack(self, level=-1, dropna=None, sort=None, future_stack=True):
        from ._stack import stack
        if dropna is not None or sort is not None:
            raise NotImplementedError("DataFrame.stack(dropna= or sort=)")
        return stack(self, level)

    def unstack(self, level=-1, fill_value=None, sort=True):
        """Of a frame with a flat index: a Series indexed by (column, row label), the
        columns one after another (pandas)."""
        from ._reshape import concat
        if len(self._t.index_names) > 1:
            raise NotImplementedError("DataFrame.unstack of a MultiIndex")
        return concat([self[c] for c in self.columns], keys=list(self.columns))

    def memory_usage(self, *args, **kwargs):
        raise NotImplementedError("DataFrame.memory_usage")


def _row_dtype(dtypes):
    """The dtype of a row of columns of these dtypes, as pandas finds their common one."""
    kinds = set(dtypes)
    if len(kinds) == 1:
        return kinds.pop()
    if kinds <= set(_dtypes.NUMBERS):
        return _dtypes.common(kinds)
    return "object"


class _Row:
    """One row of iterrows()/apply(axis=1): r["col"], r.col, r.get(...), r.index, dtype
    (the columns' common dtype, as pandas gives the row: ints and floats make floats)."""

    __slots__ = ("_labels", "_values", "name", "dtype")

    def __init__(self, labels, values, name, dtype="object"):
        if dtype in _dtypes.FLOATS:
            values = [float(v) if isinstance(v, int) else v for v in values]
        self._labels, self._values, self.name, self.dtype = labels, values, name, dtype

    def __getitem__(self, key):
        if isinstance(key, int) and key not in self._labels:
            return self._values[key]
        try:
            return self._values[self._labels.index(key)]
        except ValueError:
            raise KeyError(key) from None

    def __getattr__(self, name):
        try:
            return self._values[self._labels.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    @property
    def index(self):
        return list(self._labels)

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def to_dict(self):
        return dict(zip(self._labels, self._values))

    def tolist(self):
        return list(self._values)

    def __repr__(self):
        if self.dtype != "object":
            return repr(Series(self._values, index=self._labels, name=self.name, dtype=self.dtype))
        width = max((len(str(l)) for l in self._labels), default=0)
        lines = [f"{str(l).ljust(width)}    {v}" for l, v in zip(self._labels, self._values)]
        lines.append(f"Name: {self.name}, dtype: object")
        return "\n".join(lines)


def _build(data, index, columns, dtype):
    """A host table from the DataFrame constructor's arguments."""
    if data is None:
        data = {c: [] for c in (columns or [])}
    if isinstance(data, Series):
        frame = data.to_frame() if columns is None else data.to_frame(list(columns)[0])
        return (frame if index is None else frame.reindex(index=list(index)))._t
    if getattr(getattr(data, "dtype", None), "names", None):  # a numpy structured array
        fields = {name: str(data.dtype[name]) for name in data.dtype.names}
        data = {name: data[name].tolist() for name in data.dtype.names}
        if dtype is None:  # each column keeps its field's numeric dtype
            dtype = {n: d for n, d in fields.items() if d in _dtypes.NUMERIC
                     and (columns is None or n in columns)}
    if isinstance(data, (list, tuple)) and data and all(_is_dataclass(r) for r in data):
        import dataclasses
        data = [dataclasses.asdict(r) for r in data]
    if isinstance(data, dict):
        items = list(data.items())
        if columns is not None:
            items = [(c, data.get(c, [None] * _length(items))) for c in columns]
        if items and all(isinstance(v, dict) for _, v in items):
            # a dict of dicts: the inner keys are the row labels
            index = list(dict.fromkeys(k for _, v in items for k in v)) if index is None else index
            items = [(label, [v.get(r, float("nan")) for r in index]) for label, v in items]
        series = [(k, v) for k, v in items if isinstance(v, Series)]
        if series and len(series) == len(items):
            return _from_series(items, index)
        if series:
            # pandas aligns the Series to the index (given, or theirs when they share one)
            labels = [list(v.index) for _, v in series]
            if index is None and any(l != labels[0] for l in labels):
                raise NotImplementedError("DataFrame from a dict mixing lists and Series of "
                                          "different indexes (pandas' union of the labels)")
            index = labels[0] if index is None else list(index)
            from ._align import values_at
            items = [(k, values_at(v, index) if isinstance(v, Series) else v) for k, v in items]
        length = _length(items)
        if length is None:
            if index is None and items:
                raise ValueError("If using all scalar values, you must pass an index")
            length = len(list(index)) if index is not None else 0
        if dtype is None:  # numpy arrays of sized numbers keep their dtype, as in pandas
            sized = {label: _dtypes.sized_array_dtype(values) for label, values in items}
            dtype = {label: d for label, d in sized.items() if d is not None} or None
        cols = []
        for label, values in items:
            if _scalar(values):
                values = [values] * length
            _objects.refuse_typed(values)
            values = list(values)
            if len(values) != length:
                raise ValueError("All arrays must be of the same length")
            cols.append([_labels.encode(label), [column_value(v) for v in values], None])
    elif getattr(data, "ndim", None) == 2:
        return _build(data.tolist(), index, columns, dtype)
    elif isinstance(data, (list, tuple)) or getattr(data, "ndim", None) == 1:
        rows = list(data)
        if rows and all(isinstance(r, dict) for r in rows):
            labels = list(columns) if columns is not None else list(dict.fromkeys(k for r in rows for k in r))
            # a key missing from a record is NaN, as pandas fills it
            cols = [[_labels.encode(l), [column_value(r.get(l, math.nan)) for r in rows], None] for l in labels]
        elif rows and all(isinstance(r, (list, tuple)) for r in rows):
            width = len(rows[0])
            labels = list(columns) if columns is not None else list(range(width))
            if any(len(r) != len(labels) for r in rows):
                raise ValueError(f"{len(labels)} columns passed, passed data had {width} columns")
            cols = [[_labels.encode(l), [column_value(r[i]) for r in rows], None] for i, l in enumerate(labels)]
        elif not rows:
            cols = [[_labels.encode(l), [], None] for l in (columns or [])]
        else:
            labels = list(columns) if columns is not None else [0]
            cols = [[_labels.encode(labels[0]), [column_value(v) for v in rows], None]]
    else:
        raise NotImplementedError(f"DataFrame from {type(data).__name__}")
    if index is not None:
        levels = _common.index_columns(index)
        if cols and len(levels[0][1]) != len(cols[0][1]):
            raise ValueError(f"Length of values ({len(cols[0][1])}) does not match length of index "
                             f"({len(levels[0][1])})")
        cols[:0] = levels
    t = table("from_columns", columns=cols)
    if dtype is not None:
        t = DataFrame._wrap(t).astype(dtype)._t
    return t


def _is_dataclass(value):
    import dataclasses
    return dataclasses.is_dataclass(value) and not isinstance(value, type)


def _scalar(value):
    import datetime
    return value is None or isinstance(value, (str, int, float, bool, datetime.date,
                                               datetime.timedelta))


def _length(items):
    for _, v in items:
        if not _scalar(v):
            return len(list(v))
    return None


def _from_series(items, index):
    if index is not None:
        raise NotImplementedError("DataFrame from Series with index=")
    first = items[0][1]
    frame = first.to_frame(items[0][0])
    for label, series in items[1:]:
        frame[label] = series
    return frame._t


def _agg_label(func):
    if isinstance(func, str):
        return func
    raise NotImplementedError("DataFrame.agg with a Python function")


def _io_path(path):
    import os
    if not isinstance(path, (str, os.PathLike)):
        raise NotImplementedError("writing to a file object (give a path)")
    return os.path.abspath(os.fspath(path))


def _memory(size, qualifier):
    """pandas' _sizeof_fmt."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if size < 1024:
            return f"{size:3.1f}{qualifier} {unit}"
        size /= 1024
    return f"{size:3.1f}{qualifier} PB"
