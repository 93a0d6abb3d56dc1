"""Series.str and Series.dt: the common string and datetime methods, run on the host."""

from . import _labels, _objects
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

    def contains(self, pat, case=True, regex=True, na=None, flags=0):
        if flags:
            raise NotImplementedError("str.contains(flags=...)")
        result = self._f("contains", pat=pat, case=case, regex=regex)
        return result.fillna(na) if na is not None else result

    def startswith(self, pat, na=None):
        if isinstance(pat, tuple):
            raise NotImplementedError("str.startswith with a tuple")
        return self._f("startswith", pat=pat)

    def endswith(self, pat, na=None):
        if isinstance(pat, tuple):
            raise NotImplementedError("str.endswith with a tuple")
        return self._f("endswith", pat=pat)

    def replace(self, pat, repl, n=-1, case=None, regex=False):
        if callable(repl) or case is not None:
            raise NotImplementedError("str.replace with a function or case=")
        return self._f("replace", pat=pat, repl=repl, regex=regex, n=n)

    def slice(self, start=None, stop=None, step=None):
        if step not in (None, 1):
            raise NotImplementedError("str.slice with a step")
        return self._f("slice", start=start or 0, stop=stop)

    def __getitem__(self, key):
        if self._object:
            return _objects.str_method(self._s, "getitem", key)
        if isinstance(key, slice):
            return self.slice(key.start, key.stop, key.step)
        if isinstance(key, int) and key >= 0:
            return self.slice(key, key + 1)
        raise NotImplementedError("str[...] with a negative position")

    def get(self, i):
        if self._object:
            return _objects.str_method(self._s, "get", i)
        return self[i]

    def split(self, pat=None, n=-1, expand=False, regex=None):
        if expand:
            if pat is None:
                raise NotImplementedError("str.split(expand=True) without a separator")
            if n not in (-1, 0, None) or regex:
                raise NotImplementedError("str.split(expand=True, n=... or regex=True)")
            return self._expanded(pat)
        return _split_lists(self._s, pat, -1 if n in (0, None) else n, regex)

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


class DatetimeMethods:
    def __init__(self, series):
        self._s = series

    def _f(self, name, **options):
        return self._s._new(fn("dt." + name, self._s._e, **options))

    year = property(lambda self: self._f("year"))
    month = property(lambda self: self._f("month"))
    day = property(lambda self: self._f("day"))
    hour = property(lambda self: self._f("hour"))
    minute = property(lambda self: self._f("minute"))
    second = property(lambda self: self._f("second"))
    quarter = property(lambda self: self._f("quarter"))
    dayofyear = day_of_year = property(lambda self: self._f("dayofyear"))
    dayofweek = day_of_week = weekday = property(lambda self: self._f("dayofweek"))
    date = property(lambda self: self._f("date"))
    days = property(lambda self: self._f("days"))

    def strftime(self, date_format):
        return self._f("strftime", format=date_format)

    def day_name(self):
        return self._f("day_name")

    def month_name(self):
        return self._f("month_name")

    def total_seconds(self):
        return self._f("total_seconds")

    def floor(self, freq, **kwargs):
        units = {"D": "1d", "h": "1h", "min": "1m", "s": "1s"}
        if freq in units and not kwargs:
            return self._f("floor", freq=units[freq])
        return self._rounded(freq, "floor", kwargs)

    def ceil(self, freq, **kwargs): return self._rounded(freq, "ceil", kwargs)
    def round(self, freq, **kwargs): return self._rounded(freq, "round", kwargs)

    def _rounded(self, freq, how, kwargs):
        """dt.floor/ceil/round to a fixed frequency, as pandas rounds (half to even), on the
        values in the guest."""
        from ._dates import round_micros
        from ._scalars import Timestamp
        from .series import Series
        s = self._s
        if kwargs:
            raise NotImplementedError(f"Series.dt.{how}({', '.join(kwargs)}=...)")
        if not s.dtype.startswith("datetime"):
            raise NotImplementedError(f"Series.dt.{how} of a {s.dtype} column")
        values = [None if v is None else Timestamp._from_micros(round_micros(v._micros(), freq, how))
                  for v in s._values()]
        return Series(values, name=s.name, dtype=s.dtype)._with_index_of(s)

    def to_period(self, freq):
        raise NotImplementedError("dt.to_period")

    def __getattr__(self, name):
        raise NotImplementedError(f"Series.dt.{name}")
