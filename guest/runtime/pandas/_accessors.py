"""Series.dt: the common datetime methods, run on the host (Series.str is in _strings)."""

from ._expr import call as fn


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

    days_in_month = daysinmonth = property(lambda self: self._calendar("days_in_month"))
    is_month_start = property(lambda self: self._calendar("is_month_start"))
    is_month_end = property(lambda self: self._calendar("is_month_end"))
    is_quarter_start = property(lambda self: self._calendar("is_quarter_start"))
    is_quarter_end = property(lambda self: self._calendar("is_quarter_end"))
    is_year_start = property(lambda self: self._calendar("is_year_start"))
    is_year_end = property(lambda self: self._calendar("is_year_end"))
    is_leap_year = property(lambda self: self._calendar("is_leap_year"))

    def _calendar(self, name):
        """days_in_month (int32) or a calendar flag (bool, False for NaT), computed on the
        values in the guest."""
        from ._dates import calendar_field
        from .series import Series
        s = self._s
        if not s.dtype.startswith("datetime"):
            raise NotImplementedError(f"Series.dt.{name} of a {s.dtype} column")
        count = name == "days_in_month"
        values = [calendar_field(v, name) if v is not None else (None if count else False)
                  for v in s._values()]
        dtype = "bool" if not count else ("int32" if None not in values else "float64")
        return Series(values, name=s.name, dtype=dtype)._with_index_of(s)

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
