"""Series.str: pandas' string methods. The common ones on plain strings run on the host
(polars); those whose result depends on Python's str and re semantics run on the values in
the guest (_strvalues), as do all of them on object columns (_objects)."""

import re

from . import _labels, _objects, _strvalues
from ._expr import call as fn


class StringMethods:
    def __init__(self, series):
        self._s = series
        self._object = _objects.dtype_of(series) == "object"

    def _f(self, name, **options):
        if self._object:  # pandas' object column: the values' own methods, in the guest
            if set(options) - {"chars"}:
                raise NotImplementedError(f"Series.str.{name} of an object column")
            chars = [options["chars"]] if "chars" in options else []
            return _objects.str_method(self._s, name, *chars)
        return self._s._new(fn("str." + name, self._s._e, **options))

    def zfill(self, width): return self._values_apply("zfill", width)
    def pad(self, width, side="left", fillchar=" "): return self._values_apply("pad", width, side, fillchar)
    def join(self, sep): return self._values_apply("join", sep)

    def _values_apply(self, method, *args):
        """A method pandas applies value by value, run on the values in the guest."""
        from .series import Series
        s = self._s
        if self._object:
            return _objects.str_method(s, method, *args)
        if s.dtype != "str":
            raise NotImplementedError(f"Series.str.{method} of a {s.dtype} column")
        apply = _objects.STR_METHODS[method]
        values = [apply(v, *args) if isinstance(v, str) else None for v in s._values()]
        return Series(values, name=s.name)._with_index_of(s)

    def lower(self): return self._f("lower")
    def upper(self): return self._f("upper")
    def strip(self, to_strip=None): return self._f("strip", chars=to_strip)
    def lstrip(self, to_strip=None): return self._f("lstrip", chars=to_strip)
    def rstrip(self, to_strip=None): return self._f("rstrip", chars=to_strip)
    def len(self): return self._f("len")

    # Methods pandas applies value by value with Python's str methods: run on the values
    # in the guest (the column crosses into the sandbox and back).
    def title(self): return self._python("title")
    def capitalize(self): return self._python("capitalize")
    def swapcase(self): return self._python("swapcase")
    def casefold(self): return self._python("casefold")
    def isdigit(self): return self._python("isdigit", bool)
    def isalpha(self): return self._python("isalpha", bool)
    def isalnum(self): return self._python("isalnum", bool)
    def isnumeric(self): return self._python("isnumeric", bool)
    def isdecimal(self): return self._python("isdecimal", bool)
    def isspace(self): return self._python("isspace", bool)
    def islower(self): return self._python("islower", bool)
    def isupper(self): return self._python("isupper", bool)
    def istitle(self): return self._python("istitle", bool)

    def _python(self, method, result=None):
        """str.<method> of every string; a missing value stays missing (False for the
        boolean tests, as pandas' str dtype gives)."""
        from .series import Series
        s = self._s
        if self._object:
            return _objects.str_method(s, method)
        if s.dtype != "str":
            raise NotImplementedError(f"Series.str.{method} of a {s.dtype} column")
        missing = False if result is bool else None
        values = [getattr(v, method)() if isinstance(v, str) else missing for v in s._values()]
        return Series(values, name=s.name, dtype=result)._with_index_of(s)

    def _strings(self, method):
        """The values of a str column, for a method run in the guest."""
        if self._object:
            raise NotImplementedError(f"Series.str.{method} of an object column")
        if self._s.dtype != "str":
            raise AttributeError("Can only use .str accessor with string values!")
        return self._s._values()

    def _guest(self, method, compute, dtype=None):
        """A str column's values through compute (a _strvalues function of the list of
        values), as a Series with the same index and name."""
        from .series import Series
        s = self._s
        return Series(compute(self._strings(method)), name=s.name, dtype=dtype)._with_index_of(s)

    def contains(self, pat, case=True, flags=0, na=None, regex=True):
        if flags or isinstance(pat, re.Pattern):
            return self._guest("contains", lambda v: _strvalues.contains(v, pat, case, flags, na, regex), bool)
        return self._test(self._f("contains", pat=pat, case=case, regex=regex), na)

    def startswith(self, pat, na=None):
        if isinstance(pat, tuple):
            return self._guest("startswith", lambda v: _strvalues.affix(v, pat, "startswith", na), bool)
        return self._test(self._f("startswith", pat=pat), na)

    def endswith(self, pat, na=None):
        if isinstance(pat, tuple):
            return self._guest("endswith", lambda v: _strvalues.affix(v, pat, "endswith", na), bool)
        return self._test(self._f("endswith", pat=pat), na)

    def _test(self, result, na):
        """A test's result with missing values as pandas gives them: na if given, else
        False for a str column (NaN for an object column)."""
        if na is not None:
            return result.fillna(na)
        return result if self._object else result.fillna(False)

    def match(self, pat, case=True, flags=0, na=None):
        return self._guest("match", lambda v: _strvalues.match(v, pat, case, flags, na), bool)

    def fullmatch(self, pat, case=True, flags=0, na=None):
        return self._guest("fullmatch", lambda v: _strvalues.match(v, pat, case, flags, na, full=True), bool)

    def count(self, pat, flags=0):
        return self._guest("count", lambda v: _strvalues.count(v, pat, flags))

    def find(self, sub, start=0, end=None):
        return self._guest("find", lambda v: _strvalues.find(v, sub, start, end))

    def rfind(self, sub, start=0, end=None):
        return self._guest("rfind", lambda v: _strvalues.find(v, sub, start, end, "rfind"))

    def replace(self, pat, repl=None, n=-1, case=None, flags=0, regex=False):
        if isinstance(pat, str) and isinstance(repl, str) and not regex and case is None and not flags:
            return self._f("replace", pat=pat, repl=repl, regex=False, n=n)
        return self._guest("replace", lambda v: _strvalues.replace(v, pat, repl, n, case, flags, regex))

    def slice(self, start=None, stop=None, step=None):
        if step in (None, 1) and (start or 0) >= 0 and (stop is None or stop >= 0):
            return self._f("slice", start=start or 0, stop=stop)
        return self._guest("slice", lambda v: _strvalues.sliced(v, start, stop, step))

    def extract(self, pat, flags=0, expand=True):
        """The first match's groups: a DataFrame (one str column per group), or a Series
        for one group with expand=False."""
        from .frame import DataFrame
        if not isinstance(expand, bool):
            raise ValueError("expand must be True or False")
        regex = re.compile(pat, flags)
        if regex.groups == 0:
            raise ValueError("pattern contains no capture groups")
        if not expand and regex.groups == 1:
            return self._guest("extract", lambda v: [g[0] for g in _strvalues.extract(v, pat, flags)], "str")
        rows = _strvalues.extract(self._strings("extract"), pat, flags)
        columns = list(zip(*rows)) or [[] for _ in range(regex.groups)]
        names = _strvalues.group_names(regex)
        return DataFrame({name: list(c) for name, c in zip(names, columns)},
                         index=self._s.index, dtype="str")

    def get_dummies(self, sep="|", dtype=None):
        from .frame import DataFrame
        if dtype not in (None, bool, int, "bool", "int64"):
            raise NotImplementedError(f"str.get_dummies(dtype={dtype!r})")
        as_bool = dtype in (bool, "bool")
        tags, present = _strvalues.dummies(self._strings("get_dummies"), sep)
        return DataFrame({t: [p if as_bool else int(p) for p in column]
                          for t, column in zip(tags, present)}, index=self._s.index)

    def cat(self, others=None, sep=None, na_rep=None, join="left"):
        """Series.str.cat: the strings joined into one (without others), or row by row
        with others (list-likes of the same length, or Series aligned on the labels by
        join, as pandas aligns them)."""
        from .series import Series
        values = self._strings("cat")
        if isinstance(others, str):
            raise ValueError("Did you mean to supply a `sep` keyword?")
        sep = "" if sep is None else sep
        if others is None:
            return _strvalues.joined(values, sep, na_rep)
        labels, columns = aligned(list(self._s.index), values, others, join)
        result = _strvalues.concatenated(columns, sep, na_rep)
        return Series(result, index=labels, name=self._s.name, dtype="str")

    def __getitem__(self, key):
        if self._object:
            return _objects.str_method(self._s, "getitem", key)
        if isinstance(key, slice):
            return self.slice(key.start, key.stop, key.step)
        if isinstance(key, int) and key >= 0:
            return self.slice(key, key + 1)
        return self._guest("get", lambda v: _strvalues.each(v, lambda x: x[key] if -len(x) <= key < len(x) else _strvalues.NA))

    def get(self, i):
        if self._object:
            return _objects.str_method(self._s, "get", i)
        return self[i]

    def split(self, pat=None, n=-1, expand=False, regex=None):
        literal = isinstance(pat, str) and (len(pat) == 1 or regex is False or
                                            (regex is None and not _REGEX_CHARS & set(pat)))
        if expand:
            if literal and n in (-1, 0, None) and not self._object:
                return self._expanded(pat)
            return self._expanded_in_guest(_strvalues.split(self._strings("split"), pat, n, "split", regex))
        if not literal and pat is not None:
            return self._guest("split", lambda v: _strvalues.split(v, pat, n, "split", regex), object)
        return _split_lists(self._s, pat, -1 if n in (0, None) else n, regex)

    def rsplit(self, pat=None, n=-1, expand=False):
        lists = _strvalues.split(self._strings("rsplit"), pat, n, "rsplit")
        if expand:
            return self._expanded_in_guest(lists)
        from .series import Series
        return Series(lists, name=self._s.name, dtype=object)._with_index_of(self._s)

    def _expanded_in_guest(self, lists):
        """split(expand=True) of lists made in the guest: one str column per part (0, 1,
        ...), NaN past a row's last part and for a missing value."""
        from .frame import DataFrame
        width = max((len(parts) for parts in lists if isinstance(parts, list)), default=0)
        rows = [parts + [_strvalues.NA] * (width - len(parts)) if isinstance(parts, list)
                else [_strvalues.NA] * width for parts in lists]
        columns = {i: [row[i] for row in rows] for i in range(width)}
        return DataFrame(columns, index=self._s.index, dtype="str")

    def _expanded(self, pat):
        """split(pat, expand=True): one column per part (0, 1, ...), missing past a row's
        last part."""
        from .frame import DataFrame
        from ._expr import col
        from ._host import call, table
        s = self._s
        width = call("aggregate", h=s._t.h, exprs=[["n", fn("max", fn("str.split_count", s._e, pat=pat))]])[0] or 0
        t = s._mat()
        exprs = [[_labels.encode(i), fn("str.split_get", col("\x01"), pat=pat, i=i)] for i in range(width)]
        return DataFrame._wrap(table("select", h=t.h, exprs=exprs, index=True))

    def __getattr__(self, name):
        raise NotImplementedError(f"Series.str.{name}")


_REGEX_CHARS = set(".^$*+?{}[]\\|()")


def _split_lists(series, pat, n, regex):
    """str.split without expand: pandas' object column of lists (the pieces of each
    string, missing values kept), built in the guest when it is used; ``.str[i]`` and
    ``.str.get(i)`` of a literal split stay on the host."""
    from .series import Series
    if regex or (regex is None and pat is not None and len(pat) > 1 and
                 _REGEX_CHARS & set(pat)):
        raise NotImplementedError("str.split with a regular expression (without expand=True)")
    if isinstance(pat, str) and not pat:
        raise ValueError("split() requires a non-empty pattern match.")

    class _Lists(Series):
        """The split's lists, fetched on first use (see _split_lists)."""

        def __init__(self):
            pass

        def __getattr__(self, name):
            if name in ("_t", "_e", "_m", "name"):
                lists = [v.split(pat, n) if isinstance(v, str) else v
                         for v in series._values()]
                built = _objects.rebuilt(series, lists, dtype="object")
                self.__dict__.update(built.__dict__)
                return self.__dict__[name]
            raise AttributeError(name)

        @property
        def str(self):
            return _SplitStrings(self, series, pat, n)

    return _Lists()


class _SplitStrings(StringMethods):
    """.str of a split: get(i) / [i] of a literal split on the host."""

    def __init__(self, lists, source, pat, n):
        self._source, self._pat, self._n = source, pat, n
        self._lists_series = lists

    @property
    def _s(self):
        return self._lists_series

    @property
    def _object(self):
        return True

    def get(self, i):
        if self._pat is None or self._n != -1 or not isinstance(i, int) or i < 0:
            return _objects.str_method(self._s, "get", i)
        return self._source._new(fn("str.split_get", self._source._e, pat=self._pat, i=i))

    def __getitem__(self, key):
        return self.get(key) if isinstance(key, int) else super().__getitem__(key)


def aligned(labels, values, others, join):
    """str.cat's operands: (labels, [values, other values...]), Series among others
    aligned with the caller's labels by join (left, right, inner or outer: the sorted
    union) as pandas aligns them, list-likes taken by position."""
    from .series import Series
    if isinstance(others, Series) or not (isinstance(others, (list, tuple)) and others and
                                          all(_listlike(o) for o in others)):
        others = [others]
    keyed = [(list(o.index), o.tolist()) if isinstance(o, Series) else (None, list(o))
             for o in others]
    for own, other in keyed:
        if len(other) != len(values) and own is None:
            raise ValueError("If `others` contains arrays or lists (or other list-likes "
                             "without an index), these must all be of the same length as "
                             "the calling Series/Index.")
    if all(own is None or own == labels for own, _ in keyed):
        return labels, [values] + [other for _, other in keyed]
    if len(keyed) > 1:
        raise NotImplementedError("str.cat aligning several Series")
    series = [(labels, values)] + [(own or labels, other) for own, other in keyed]
    if any(len(set(own)) != len(own) for own, _ in series):
        raise NotImplementedError("str.cat aligning Series with repeated labels")
    union = list(dict.fromkeys(l for own, _ in series[1:] for l in own))
    if join == "left":
        result = labels
    elif join == "right":
        result = union
    elif join == "inner":
        result = [l for l in labels if all(l in own for own, _ in series[1:])]
    elif join == "outer":
        result = sorted(set(labels) | set(union))
    else:
        raise ValueError(f"join must be 'left', 'right', 'outer' or 'inner', not {join!r}")
    lookups = [dict(zip(own, vals)) for own, vals in series]
    return result, [[lookup.get(l, _strvalues.NA) for l in result] for lookup in lookups]


def _listlike(value):
    return isinstance(value, (list, tuple)) or hasattr(value, "__array__") or hasattr(value, "tolist")
