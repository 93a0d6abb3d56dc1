"""``pd.Period`` and ``pd.period_range`` for days, months, quarters and years: a period is
held as its first instant; a range is a ``PeriodIndex`` (pandas/_index.py) of the periods
from start to end (or ``periods`` of them)."""

import re

from ._index import _PERIODS, PeriodIndex
from ._scalars import Timestamp

# pandas' frequency code -> the date_range alias of each period's first day
_STARTS = {"D": "D", "M": "MS", "Q-DEC": "QS", "Y-DEC": "YS"}
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


def _key(code):
    """The PeriodIndex frequency name of a code."""
    return {"Q-DEC": "Q", "Y-DEC": "Y"}.get(code, code)


def _code(freq):
    code = _PERIODS.get(freq, (freq, None))[0]
    if code not in _STARTS:
        raise NotImplementedError(f"Period of frequency {freq!r}")
    return code


def _first_instant(ts, code):
    """The first instant of the period of frequency code holding ts."""
    if code == "D":
        return Timestamp(ts.year, ts.month, ts.day)
    if code == "M":
        return Timestamp(ts.year, ts.month, 1)
    if code == "Q-DEC":
        return Timestamp(ts.year, 3 * ((ts.month - 1) // 3) + 1, 1)
    return Timestamp(ts.year, 1, 1)


class Period:
    """One period of a frequency (days, months, quarters, years)."""

    def __init__(self, value, freq=None):
        text = str(value)
        quarter = _QUARTER.match(text)
        if quarter:
            freq = freq or "Q"
            ts = Timestamp(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 1)
        else:
            if freq is None:
                raise NotImplementedError("Period without freq= (pandas infers it from the text)")
            from ._dates import to_datetime
            ts = to_datetime(text)
        self.freq = _code(freq)
        self._start = _first_instant(ts, self.freq)

    @property
    def start_time(self):
        return self._start

    @property
    def end_time(self):
        from ._dates import date_range
        following = date_range(self._start, periods=2, freq=_STARTS[self.freq])[1]
        from ._scalars import Timedelta
        return following - Timedelta(microseconds=1)

    def asfreq(self, freq, how="end"):
        at = self.end_time if how in ("end", "E") else self._start
        return Period(at, freq)

    def __str__(self):
        return PeriodIndex([self._start], freq=_key(self.freq))._label(self._start)

    def __repr__(self):
        return f"Period('{self}', '{self.freq}')"

    def __eq__(self, other):
        return isinstance(other, Period) and (self.freq, self._start) == (other.freq, other._start)

    def __hash__(self):
        return hash((self.freq, self._start))


def period_range(start=None, end=None, periods=None, freq=None, name=None):
    """The PeriodIndex of the periods from start to end (or periods of them from either)."""
    from ._dates import date_range, to_datetime
    if freq is None:
        given = start if isinstance(start, Period) else end
        if not isinstance(given, Period):
            raise ValueError("Of the three parameters: start, end, and periods, exactly two "
                             "must be specified")
        freq = given.freq
    code = _code(freq)

    def instant(bound):
        if bound is None:
            return None
        if isinstance(bound, Period):
            bound = bound.asfreq(code, "end").start_time
        return _first_instant(to_datetime(bound), code)
    days = date_range(instant(start), instant(end), periods=periods, freq=_STARTS[code])
    return PeriodIndex(list(days), freq=_key(code), name=name)
