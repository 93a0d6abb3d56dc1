"""groupby: aggregations run on the host (polars group_by); results are indexed by the keys
(or keep them as columns with as_index=False), sorted by key unless sort=False."""

from . import _common, _groupapply, _labels
from ._index import Index
from ._expr import call as fn, col, lit
from ._host import table
from ._shared import Reductions
from .frame import DataFrame
from .series import Series, _VALUE, _temp
from . import _dtypes

_AGGS = ("sum", "mean", "median", "min", "max", "std", "var", "count", "size", "nunique",
         "first", "last", "prod")
_NUMERIC_ONLY = ("sum", "mean", "median", "std", "var", "prod")
_ALIASES = {"average": "mean", "len": "size"}
_WINDOWS = ("cumsum", "cummax", "cummin", "cumprod", "diff", "shift", "pct_change")


def _agg_name(func):
    if isinstance(func, str):
        name = _ALIASES.get(func, func)
        if name in _AGGS:
            return name
        raise NotImplementedError(f"groupby aggregation {func!r}")
    name = _builtin(func)
    if name:
        return name
    raise NotImplementedError("groupby aggregation with a Python function (use a name like 'sum')")


def _builtin(func):
    """The named aggregation of Python's sum/min/max/len (pandas treats them so), or None."""
    name = getattr(func, "__name__", None)
    if name in ("sum", "min", "max", "len"):
        return _ALIASES.get(name, name)
    return None


def _python(func):
    """Whether func is a Python function to run on each group (not a name pandas knows)."""
    return callable(func) and not isinstance(func, str) and _builtin(func) is None


def _reduced(how, expr, options):
    """The aggregation how of expr; with min_count, missing where a group has fewer values."""
    options = dict(options)
    min_count = options.pop("min_count", None)
    out = fn(how, expr, **options)
    if min_count is not None and min_count > 0:
        out = fn("where", out, fn("ge", fn("count", expr), lit(min_count)), lit(None))
    return out


def level_keys(frame, level):
    """groupby(level=...): the frame with copies of the chosen index levels as columns (its
    index kept, for the results that keep the rows), and the keys (Series of those columns
    named as the levels) to group by."""
    t = _common.with_row_labels(frame._t)
    names = t.index_names
    labels = [_labels.index_label(n) for n in names]
    chosen = []
    for key in (level if isinstance(level, (list, tuple)) else [level]):
        if isinstance(key, int) and key not in labels:
            if not -len(labels) <= key < len(labels):
                raise IndexError(f"Too many levels: Index has only {len(labels)} level(s), not {key + 1}")
            chosen.append(key % len(labels))
        elif key in labels:
            chosen.append(labels.index(key))
        else:
            raise KeyError(f"Level {key} not found")
    copies = [(_temp(), i) for i in chosen]
    data = DataFrame._wrap(table("assign", h=t.h, exprs=[[c, col(names[i])] for c, i in copies]))
    keys = [Series._of(data._t, col(c), labels[i]) for c, i in copies]
    return data, keys


class NamedAgg(tuple):
    """pd.NamedAgg(column, aggfunc, *args, **kwargs): a named aggregation's column and
    function (extra arguments go to the function)."""

    def __new__(cls, column, aggfunc, *args, **kwargs):
        named = super().__new__(cls, (column, aggfunc))
        named.args, named.kwargs = args, kwargs
        return named

    column = property(lambda self: self[0])
    aggfunc = property(lambda self: self[1])

    def __repr__(self):
        return f"NamedAgg(column={self[0]!r}, aggfunc={self[1]!r})"


class DataFrameGroupBy(Reductions):
    def __init__(self, frame, by, as_index=True, sort=True, dropna=True, selection=None,
                 group_keys=True):
        self._frame = frame
        self._as_index, self._sort, self._dropna = as_index, sort, dropna
        self._group_keys = group_keys
        keys = by if isinstance(by, list) else [by]
        t = frame._t
        self._keys = []  # (label, host column)
        for key in keys:
            if isinstance(key, Series):
                if key._t is not t and key._t.h != t.h:
                    raise NotImplementedError("groupby with a Series of another frame")
                name = _temp()
                t = table("assign", h=t.h, exprs=[[name, key._e]])
                self._keys.append((key.name, name))
            elif isinstance(key, (list, Index)) or type(key).__name__ == "ndarray":
                # an array of one key per row
                if len(key) != t.rows:
                    raise ValueError("Grouper and axis must be same length")
                name = _temp()
                values = Series(list(key))._mat()
                t = table("attach", h=t.h, other=values.h, columns=[[name, _VALUE]])
                self._keys.append((getattr(key, "name", None), name))
            elif callable(key) or isinstance(key, dict):
                raise NotImplementedError("groupby with a function or mapping")
            else:
                self._keys.append((key, frame._name(key)))
        self._t = t
        key_names = {n for _, n in self._keys}
        self._selection = selection if selection is not None else [
            n for n in frame._t.data_names if n not in key_names]

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            names = [self._frame._name(k) for k in key]
            return self._subset(names)
        return SeriesGroupBy(self, None, self._frame._name(key), key)

    def __getattr__(self, attr):
        if attr.startswith("_"):
            raise AttributeError(attr)
        if attr in self._frame._t.data_names:
            return self[attr]
        raise AttributeError(f"'DataFrameGroupBy' object has no attribute '{attr}'")

    def _subset(self, names):
        clone = DataFrameGroupBy.__new__(DataFrameGroupBy)
        clone.__dict__.update(self.__dict__)
        clone._selection = names
        clone._subselected = True
        return clone

    _subselected = False

    def _group(self, aggs):
        """The host group_by with aggregations [(host name, expr)]."""
        keys = [[_labels.index_column(i, label) if self._as_index else _labels.encode(label), name]
                for i, (label, name) in enumerate(self._keys)]
        return table("group_by", h=self._t.h, keys=keys, aggs=[list(a) for a in aggs],
                     sort=self._sort, dropna=self._dropna)

    def _check(self, how, names):
        if how in _NUMERIC_ONLY:
            for n in names:
                if self._t.dtypes.get(n) in ("object", "str"):
                    if how == "sum":
                        raise NotImplementedError(f"groupby sum of the string column {_labels.decode(n)!r}")
                    raise TypeError(f"agg function failed [how->{how},dtype->object]")

    def _aggregate(self, how, **options):
        how = _agg_name(how)
        if how == "size":
            return self.size()
        self._check(how, self._selection)
        return DataFrame._wrap(self._group([(n, _reduced(how, col(n), options)) for n in self._selection]))

    def _numeric(self):
        """The group-by of the numeric columns only (numeric_only=True)."""
        return self._subset([n for n in self._selection
                             if self._t.dtypes.get(n) in _dtypes.NUMERIC])

    def size(self):
        name = "size" if not self._as_index else "\x04"
        t = self._group([(name, fn("size", col(self._keys[0][1])))])
        if self._as_index:
            return Series._of(t, col(name), None)
        return DataFrame._wrap(t)

    def _specs(self, func, named):
        """[(label, host column, how)] of agg/transform given a list or dict of names or
        named aggregations; None for a single name."""
        if named:
            return [(label, self._frame._name(spec[0]), _agg_name(spec[1]))
                    for label, spec in named.items()]
        if isinstance(func, dict):
            # a list anywhere makes every label a (column, function) pair, as in pandas
            pairs = any(isinstance(hows, (list, tuple)) for hows in func.values())
            return [((column, _agg_name(how)) if pairs else column, self._frame._name(column), _agg_name(how))
                    for column, hows in func.items()
                    for how in (hows if isinstance(hows, (list, tuple)) else [hows])]
        if isinstance(func, (list, tuple)):
            return [((_labels.decode(n), _agg_name(how)), n, _agg_name(how))
                    for n in self._selection for how in func]
        return None

    def agg(self, func=None, *args, **named):
        if _python(func):
            return _groupapply.agg_frame(self, func, args, named)
        if func is None and any(_python(spec[1]) or getattr(spec, "args", ()) or getattr(spec, "kwargs", {})
                                for spec in named.values()):
            return _groupapply.agg_named(self, named)
        specs = self._specs(func, named)
        if specs is None:
            return self._aggregate(func)
        for _, name, how in specs:
            self._check(how, [name])
        return DataFrame._wrap(self._group([(_labels.encode(label), fn(how, col(name)))
                                            for label, name, how in specs]))

    aggregate = agg

    def transform(self, func=None, *args, **named):
        if _python(func):
            return _groupapply.transform_frame(self, func, args, named)
        by = [n for _, n in self._keys]
        specs = self._specs(func, named) or [(n, n, _agg_name(func)) for n in self._selection]
        exprs = [[_labels.encode(label), fn("over", fn(how, col(name)), by=by)]
                 for label, name, how in specs]
        return DataFrame._wrap(table("select", h=self._t.h, exprs=exprs, index=True))

    def _window(self, how, **options):
        by = [n for _, n in self._keys]
        exprs = [[n, fn("over", fn(how, col(n), **options), by=by)] for n in self._selection]
        return DataFrame._wrap(table("select", h=self._t.h, exprs=exprs, index=True))

    def cumsum(self): return self._window("cumsum")
    def cummax(self): return self._window("cummax")
    def cummin(self): return self._window("cummin")
    def diff(self, periods=1): return self._window("diff", periods=periods)
    def shift(self, periods=1): return self._window("shift", periods=periods)
    def pct_change(self, periods=1): return self._window("pct_change", periods=periods)

    def __iter__(self):
        keys = [n for _, n in self._keys]
        groups = table("group_by", h=self._t.h, keys=[[k, k] for k in keys], aggs=[],
                       sort=self._sort, dropna=self._dropna)
        values = dict(_common.rows(groups, 0, groups.rows))
        for i in range(groups.rows):
            key = tuple(values[k][i] for k in keys)
            yield (key if len(keys) > 1 else key[0]), self.get_group(key if len(keys) > 1 else key[0])

    def get_group(self, key):
        key = key if isinstance(key, tuple) else (key,)
        mask = None
        for (_, name), value in zip(self._keys, key):
            part = Series._of(self._t, col(name), None) == value
            mask = part if mask is None else mask & part
        kept = table("filter", h=self._t.h, mask=mask._e)
        return DataFrame._wrap(_common.project(kept, [(n, n) for n in kept.names
                                                      if n in self._frame._t.names]))

    @property
    def ngroups(self):
        return len(list(iter(self)))

    def apply(self, func, *args, include_groups=False, **kwargs):
        if include_groups:
            raise ValueError("include_groups=True is no longer allowed.")
        return _groupapply.apply(self, func, args, kwargs)

    def filter(self, func, dropna=True, *args, **kwargs):
        return _groupapply.filter_frame(self, func, dropna, args, kwargs)

    def value_counts(self, subset=None, normalize=False, sort=True, ascending=False, dropna=True):
        grouped = self._subset([self._frame._name(c) for c in subset]) if subset is not None else self
        return _groupapply.value_counts(grouped, normalize, sort, ascending, dropna)

    def describe(self, percentiles=None, include=None, exclude=None):
        """count, mean, std, min, quartiles and max of each numeric column per group (float64,
        under (column, statistic) labels)."""
        if percentiles is not None or include is not None or exclude is not None:
            raise NotImplementedError("groupby().describe(percentiles=/include=/exclude=)")
        names = [n for n in self._selection if self._t.dtypes.get(n) in _dtypes.NUMBERS]
        if not names:
            raise NotImplementedError("groupby().describe of non-numeric columns")
        stats = [("count", "count", {}), ("mean", "mean", {}), ("std", "std", {}), ("min", "min", {}),
                 ("25%", "quantile", {"q": 0.25}), ("50%", "quantile", {"q": 0.5}),
                 ("75%", "quantile", {"q": 0.75}), ("max", "max", {})]
        return DataFrame._wrap(self._group([
            (_labels.encode((_labels.decode(n), label)), fn("cast", fn(how, col(n), **k), dtype="float64"))
            for n in names for label, how, k in stats]))

    def head(self, n=5):
        return _groupapply.head(self, n)

    def tail(self, n=5):
        return _groupapply.tail(self, n)

    def nth(self, n, dropna=None):
        return _groupapply.nth(self, n, dropna)

    def cumcount(self, ascending=True):
        return _groupapply.numbering(self, True, ascending)

    def ngroup(self, ascending=True):
        return _groupapply.numbering(self, False, ascending)

    @property
    def groups(self):
        """{key: Index of the group's row labels}."""
        labels = self._frame.index
        return _groupapply.Groups((key, Index([labels[p] for p in positions]))
                                  for key, positions in _groupapply.groups(self)[1])

    def idxmax(self, skipna=True, numeric_only=False):
        return _groupapply.agg_frame(self, lambda s: s.idxmax(), (), {})

    def idxmin(self, skipna=True, numeric_only=False):
        return _groupapply.agg_frame(self, lambda s: s.idxmin(), (), {})

    def quantile(self, q=0.5, interpolation="linear", numeric_only=False):
        if interpolation != "linear" or not isinstance(q, (int, float)):
            raise NotImplementedError("groupby().quantile with a list or another interpolation")
        self._check("median", self._selection)
        return DataFrame._wrap(self._group([(n, fn("quantile", col(n), q=q)) for n in self._selection]))

    def rolling(self, *args, **kwargs):
        raise NotImplementedError("groupby().rolling")

    def resample(self, *args, **kwargs):
        raise NotImplementedError("groupby().resample")


class SeriesGroupBy(Reductions):
    """df.groupby(keys)[column]: aggregations give a Series indexed by the keys."""

    def __init__(self, parent, by, name, label, **kwargs):
        if by is not None:  # Series.groupby(by)
            parent = DataFrameGroupBy(parent, by, **kwargs)
        self._parent, self._name, self._label = parent, name, label

    def _aggregate(self, how, **options):
        how = _agg_name(how)
        if how == "size":
            return self.size()
        self._parent._check(how, [self._name])
        out = "\x04" if self._parent._as_index else self._name
        t = self._parent._group([(out, _reduced(how, col(self._name), options))])
        if not self._parent._as_index:
            return DataFrame._wrap(t)
        return Series._of(t, col(out), self._label)

    def size(self):
        return self._parent.size()

    def agg(self, func=None, *args, **named):
        if _python(func):
            return _groupapply.agg_series(self, func, args, named)
        if named:
            aggs = [(_labels.encode(label), fn(_agg_name(how), col(self._name))) for label, how in named.items()]
            return DataFrame._wrap(self._parent._group(aggs))
        if isinstance(func, (list, tuple)):
            aggs = []
            for how in func:
                how = _agg_name(how)
                self._parent._check(how, [self._name])
                aggs.append((_labels.encode(how), fn(how, col(self._name))))
            return DataFrame._wrap(self._parent._group(aggs))
        return self._aggregate(func)

    aggregate = agg

    def _window(self, how, **options):
        by = [n for _, n in self._parent._keys]
        return Series._of(self._parent._t, fn("over", fn(how, col(self._name), **options), by=by), self._label)

    def transform(self, func, *args, **kwargs):
        if _python(func):
            return _groupapply.transform_series(self, func, args, kwargs)
        return self._window(_agg_name(func))

    def cumsum(self): return self._window("cumsum")
    def cummax(self): return self._window("cummax")
    def cummin(self): return self._window("cummin")
    def diff(self, periods=1): return self._window("diff", periods=periods)
    def shift(self, periods=1): return self._window("shift", periods=periods)
    def pct_change(self, periods=1): return self._window("pct_change", periods=periods)

    def value_counts(self, normalize=False, sort=True):
        if normalize:
            raise NotImplementedError("groupby().value_counts(normalize=True)")
        keys = self._parent._keys + [(self._label, self._name)]
        grouped = DataFrameGroupBy.__new__(DataFrameGroupBy)
        grouped.__dict__.update(self._parent.__dict__)
        grouped._keys = keys
        counts = grouped.size()
        counts.name = "count"
        return counts

    def unique(self):
        """The distinct values of each group in order of appearance (pandas holds arrays,
        here lists, in an object Series)."""
        return self.agg(lambda s: list(s.unique()))

    def apply(self, func, *args, **kwargs):
        return _groupapply.apply(self._parent, func, args, kwargs, series=(self._name, self._label))

    def filter(self, func, dropna=True, *args, **kwargs):
        return _groupapply.filter_series(self, func, dropna, args, kwargs)

    def __iter__(self):
        for key, group in self._parent:
            yield key, group[self._label]

    def nlargest(self, n=5, keep="first"):
        return self.apply(lambda s: s.nlargest(n, keep=keep))

    def nsmallest(self, n=5, keep="first"):
        return self.apply(lambda s: s.nsmallest(n, keep=keep))

    def rank(self, method="average", ascending=True, na_option="keep", pct=False):
        return self.transform(lambda s: s.rank(method=method, ascending=ascending,
                                               na_option=na_option, pct=pct))

    def _column(self, frame):
        return Series._of(frame._t, col(self._name), self._label)

    def get_group(self, key):
        return self._column(self._parent.get_group(key))

    def idxmax(self, skipna=True):
        return self.agg(lambda s: s.idxmax())

    def idxmin(self, skipna=True):
        return self.agg(lambda s: s.idxmin())

    def cumcount(self, ascending=True):
        return self._parent.cumcount(ascending)

    def ngroup(self, ascending=True):
        return self._parent.ngroup(ascending)

    def head(self, n=5):
        return self._column(self._parent._subset([self._name]).head(n))

    def tail(self, n=5):
        return self._column(self._parent._subset([self._name]).tail(n))

    def nth(self, n, dropna=None):
        return self._column(self._parent._subset([self._name]).nth(n, dropna))

    def rolling(self, *args, **kwargs):
        raise NotImplementedError("groupby()[col].rolling")
