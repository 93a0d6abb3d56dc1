"""pandas' frequency strings as date offsets, and ``date_range``.

An offset steps a datetime forward or back by its multiple; anchored offsets (week days,
month/quarter/year ends and starts, business days) also say which datetimes lie on them,
and ``date_range`` rolls its start forward onto the offset as pandas does. The labels are
built in the guest (a range holds one value per step)."""

import calendar
import datetime as _dt
import re

from ._scalars import NaT as NaT_, Timestamp

_TICKS = {"D": _dt.timedelta(days=1), "h": _dt.timedelta(hours=1),
          "min": _dt.timedelta(minutes=1), "s": _dt.timedelta(seconds=1),
          "ms": _dt.timedelta(milliseconds=1), "us": _dt.timedelta(microseconds=1)}
_REMOVED = {"M": "ME", "Q": "QE", "Y": "YE", "A": "YE", "H": "h", "T": "min", "S": "s",
            "L": "ms", "U": "us"}
_WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


class Offset:
    """One pandas frequency: ``n`` times a tick or an anchored unit."""

    def __init__(self, n, unit, anchor=None):
        self.n, self.unit, self.anchor = n, unit, anchor

    @property
    def freqstr(self):
        base = self.unit + (f"-{self.anchor}" if self.anchor else "")
        return base if self.n == 1 else f"{self.n}{base}"

    @property
    def tick(self):
        return _TICKS.get(self.unit)

    def on_offset(self, t):
        if self.tick is not None:
            return True
        if self.unit == "W":
            return t.weekday() == _WEEKDAYS.index(self.anchor)
        if self.unit == "B":
            return t.weekday() < 5
        month_ok = self._month_ok(t.month)
        if self.unit in ("ME", "QE", "YE"):
            return month_ok and t.day == calendar.monthrange(t.year, t.month)[1]
        return month_ok and t.day == 1

    def _month_ok(self, month):
        if self.unit in ("ME", "MS"):
            return True
        last = _MONTHS.index(self.anchor) + 1
        if self.unit in ("QE", "QS"):
            return (month - last) % 3 == 0
        return month == last

    def _step(self, t, forward):
        """The next (or previous) datetime on the unit offset, strictly after (before) t."""
        sign = 1 if forward else -1
        if self.unit in ("W", "B"):
            t = t + sign * _dt.timedelta(days=1)
            while not self.on_offset(t):
                t = t + sign * _dt.timedelta(days=1)
            return t
        year, month = t.year, t.month
        while True:
            if self.unit in ("ME", "QE", "YE"):
                candidate = t.replace(year=year, month=month,
                                      day=calendar.monthrange(year, month)[1])
            else:
                candidate = t.replace(year=year, month=month, day=1)
            if self._month_ok(month) and (candidate > t if forward else candidate < t):
                return candidate
            month += sign
            if month == 13:
                year, month = year + 1, 1
            elif month == 0:
                year, month = year - 1, 12

    def add(self, t, k=1):
        """t moved by k times this offset."""
        if self.tick is not None:
            return t + self.tick * (self.n * k)
        for _ in range(abs(k) * self.n):
            t = self._step(t, k > 0)
        return t

    def rollforward(self, t):
        return t if self.on_offset(t) else self._step(t, True)

    def rollback(self, t):
        return t if self.on_offset(t) else self._step(t, False)


def to_offset(freq):
    """The Offset of a pandas frequency string ("D", "2h", "15min", "W-MON", "ME", ...)."""
    if isinstance(freq, Offset):
        return freq
    compound = _compound(str(freq).strip())
    if compound is not None:
        return compound
    match = re.fullmatch(r"(\d*)([A-Za-z]+)(?:-([A-Z]{3}))?", str(freq).strip())
    if not match:
        raise ValueError(f"Invalid frequency: {freq}")
    n = int(match.group(1) or 1)
    unit, anchor = match.group(2), match.group(3)
    if unit in _REMOVED:
        raise ValueError(f"Invalid frequency: {freq}. Failed to parse with error message: "
                         f"ValueError(\"'{unit}' is no longer supported for offsets. "
                         f"Please use '{_REMOVED[unit]}' instead.\")")
    if unit == "d":
        unit = "D"
    if unit in _TICKS or unit in ("B", "ME", "MS"):
        if anchor:
            raise ValueError(f"Invalid frequency: {freq}")
        return Offset(n, unit)
    if unit == "W":
        anchor = anchor or "SUN"
        if anchor not in _WEEKDAYS:
            raise ValueError(f"Invalid frequency: {freq}")
        return Offset(n, unit, anchor)
    if unit in ("QE", "QS", "YE", "YS"):
        anchor = anchor or ("DEC" if unit in ("QE", "YE") else "JAN")
        if anchor not in _MONTHS:
            raise ValueError(f"Invalid frequency: {freq}")
        return Offset(n, unit, anchor)
    raise NotImplementedError(f"the frequency {freq!r}")


def _compound(text):
    """A sum of ticks such as "1D20min" as one Offset in its smallest unit (pandas names it
    "1460min"), or None when text is not one."""
    import re
    parts = re.findall(r"(\d*)(D|h|min|s|ms|us)", text)
    if len(parts) < 2 or "".join(n + u for n, u in parts) != text:
        return None
    total = sum((_TICKS[u] * int(n or 1) for n, u in parts), _dt.timedelta())
    unit = min((u for _, u in parts), key=lambda u: _TICKS[u])
    return Offset(total // _TICKS[unit], unit)


CALENDAR_FLAGS = ("is_month_start", "is_month_end", "is_quarter_start", "is_quarter_end",
                  "is_year_start", "is_year_end", "is_leap_year")


def calendar_field(t, name):
    """days_in_month or one of CALENDAR_FLAGS of a datetime, as pandas computes them."""
    days = calendar.monthrange(t.year, t.month)[1]
    if name in ("days_in_month", "daysinmonth"):
        return days
    if name == "is_leap_year":
        return calendar.isleap(t.year)
    period, edge = name[3:].split("_")
    first_month = {"month": t.month, "quarter": (t.month - 1) // 3 * 3 + 1, "year": 1}[period]
    last_month = {"month": t.month, "quarter": first_month + 2, "year": 12}[period]
    if edge == "start":
        return t.month == first_month and t.day == 1
    return t.month == last_month and t.day == days


def round_micros(micros, freq, how):
    """micros (since 1970, or a duration) rounded to a fixed frequency as pandas rounds:
    "floor", "ceil", or "round" (half to even)."""
    offset = to_offset(freq)
    if offset.tick is None:
        raise ValueError(f"{offset.freqstr} is a non-fixed frequency")
    step = offset.n * (offset.tick // _dt.timedelta(microseconds=1))
    q, r = divmod(micros, step)
    if how == "ceil" and r:
        q += 1
    elif how == "round" and (2 * r > step or (2 * r == step and q % 2)):
        q += 1
    return q * step


def _timestamp(value):
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise NotImplementedError("date_range with numbers as start/end")
    return Timestamp(value)


def date_range(start=None, end=None, periods=None, freq=None, tz=None, normalize=False,
               name=None, inclusive="both", unit=None):
    """pandas.date_range: a DatetimeIndex of evenly spaced (or offset-anchored) datetimes."""
    from ._index import DatetimeIndex
    if tz is not None:
        raise NotImplementedError("date_range(tz=...) (time zones)")
    if unit not in (None, "us"):
        raise NotImplementedError(f"date_range(unit={unit!r})")
    start, end = _timestamp(start), _timestamp(end)
    if freq is None and None in (start, end, periods):
        freq = "D"
    if sum(x is not None for x in (start, end, periods, freq)) != 3:
        raise ValueError("Of the four parameters: start, end, periods, and freq, "
                         "exactly three must be specified")
    if normalize:
        start = start and Timestamp(start.replace(hour=0, minute=0, second=0, microsecond=0))
        end = end and Timestamp(end.replace(hour=0, minute=0, second=0, microsecond=0))
    if freq is None:
        values = _linear(start, end, periods)
        offset = None
    else:
        offset = to_offset(freq)
        values = _stepped(offset, start, end, periods)
    if inclusive in ("left", "neither") and values and start is not None and values[0] == start:
        values = values[1:]
    if inclusive in ("right", "neither") and values and end is not None and values[-1] == end:
        values = values[:-1]
    elif inclusive not in ("both", "left", "right", "neither"):
        raise ValueError("Inclusive has to be either 'both', 'neither', 'left' or 'right'")
    return DatetimeIndex(values, name=name, freq=offset.freqstr if offset else None)


def _linear(start, end, periods):
    if periods == 1:
        return [start]
    a, b = start._micros(), end._micros()
    return [Timestamp._from_micros(a + (b - a) * i // (periods - 1)) for i in range(periods)]


def _stepped(offset, start, end, periods):
    if start is not None:
        t = offset.rollforward(start)
        values = []
        while (periods is None or len(values) < periods) and (end is None or t <= end):
            values.append(Timestamp(t))
            t = offset.add(t)
        return values
    t = offset.rollback(end)
    values = []
    while len(values) < periods:
        values.append(Timestamp(t))
        t = offset.add(t, -1)
    return values[::-1]


# --- to_datetime and to_timedelta ------------------------------------------------------------

_DATES = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%m/%d/%Y", "%d/%m/%Y", "%m-%d-%Y", "%d-%m-%Y",
          "%m.%d.%Y", "%d.%m.%Y", "%m %d %Y", "%d %m %Y", "%b %d %Y", "%d %b %Y", "%B %d %Y",
          "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%Y-%m", "%Y")
_TIMES = ("", " %H:%M:%S.%f", " %H:%M:%S", " %H:%M", " %H", "T%H:%M:%S.%f", "T%H:%M:%S",
          "T%H:%M", "T%H")


def guess_format(text):
    """The strptime format pandas infers from a date string (month before day when both
    fit, as pandas' guess_datetime_format), or None."""
    import re
    text = text.strip()
    if re.search(r"(Z|[+-]\d\d:?\d\d)$", text) and re.search(r"\d[T ]?\d\d:\d\d", text):
        raise NotImplementedError("to_datetime of strings with a UTC offset (time zones)")
    for date in _DATES:
        for time in _TIMES:
            try:
                _dt.datetime.strptime(text, date + time)
                return date + time
            except ValueError:
                pass
    return None


def _format_for(values, format):
    """The format to parse values with: format, else the one guessed from the first string."""
    if format is not None:
        return format
    sample = next((v for v in values if isinstance(v, str) and v.strip()), None)
    if sample is None:
        return None
    guessed = guess_format(sample)
    if guessed is None:
        raise NotImplementedError(f"to_datetime of strings like {sample!r} without format=")
    return guessed


def _datetime_scalar(value, format, errors, unit):
    from .series import is_missing
    if value is None or value is NaT_ or (isinstance(value, float) and value != value):
        return NaT_
    try:
        if isinstance(value, str):
            if value.strip().lower() in ("", "nat", "nan", "none"):
                return NaT_
            return Timestamp(_dt.datetime.strptime(value.strip(), format))
        if isinstance(value, (_dt.datetime, _dt.date)):
            return Timestamp(value)
        if type(value).__module__ == "numpy" and hasattr(value, "item"):
            return _datetime_scalar(value.item(), format, errors, unit)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return Timestamp(value, unit=unit or "ns")
    except ValueError:
        if errors == "coerce":
            return NaT_
        raise ValueError(f'time data "{value}" doesn\'t match format "{format}"') from None
    if is_missing(value):
        return NaT_
    raise TypeError(f"<class '{type(value).__name__}'> is not convertible to datetime")


def to_datetime(arg, errors="raise", dayfirst=False, yearfirst=False, utc=False, format=None,
                exact=True, unit=None, origin="unix", cache=True):
    """pandas.to_datetime: a Timestamp for a scalar, a DatetimeIndex for a list, array or
    Index, a Series for a Series. Strings without ``format`` are parsed with the format
    pandas guesses from the first of them; time zones and ``dayfirst`` are refused."""
    from ._index import DatetimeIndex, Index
    from ._expr import call as fn
    from .frame import DataFrame
    from .series import Series
    for name, value, default in (("dayfirst", dayfirst, False), ("yearfirst", yearfirst, False),
                                 ("utc", utc, False), ("exact", exact, True),
                                 ("origin", origin, "unix")):
        if value != default:
            raise NotImplementedError(f"to_datetime({name}=...)")
    if isinstance(arg, DataFrame):
        raise NotImplementedError("to_datetime of DataFrame")
    if isinstance(arg, Series):
        options = {"errors": errors}
        if unit is not None:
            options["unit"] = unit
        if arg.dtype == "str" and format is None:
            guessed = _format_for(arg.dropna().head(1).tolist(), None)
            # ISO dates and times are read by the host's own parser (fractions of a second
            # of any length); other formats are given to it as pandas guessed them
            format = None if guessed is None or guessed.startswith("%Y-%m-%d") else guessed
        if format is not None:
            options["format"] = format
        return arg._new(fn("to_datetime", arg._e, **options))
    if isinstance(arg, (list, tuple, Index)) or type(arg).__name__ == "ndarray":
        values = list(arg)
        format = _format_for(values, format)
        name = getattr(arg, "name", None)
        return DatetimeIndex([None if v is NaT_ else v for v in
                              (_datetime_scalar(v, format, errors, unit) for v in values)],
                             name=name)
    return _datetime_scalar(arg, _format_for([arg], format), errors, unit)


def to_timedelta(arg, unit=None, errors="raise"):
    """pandas.to_timedelta: a Timedelta for a scalar, a TimedeltaIndex for a list, array or
    Index, a Series for a Series (converted in the guest)."""
    from ._index import Index, TimedeltaIndex
    from .series import Series
    if isinstance(arg, Series):
        if arg.dtype.startswith("timedelta"):
            return arg
        values = [_timedelta_scalar(v, unit, errors) for v in arg.tolist()]
        return Series([None if v is NaT_ else v for v in values], name=arg.name,
                      dtype="timedelta64[us]" if not values else None)._with_index_of(arg)
    if isinstance(arg, (list, tuple, Index)) or type(arg).__name__ == "ndarray":
        values = [_timedelta_scalar(v, unit, errors) for v in list(arg)]
        return TimedeltaIndex([None if v is NaT_ else v for v in values],
                              name=getattr(arg, "name", None))
    return _timedelta_scalar(arg, unit, errors)


def timedelta_range(start=None, end=None, periods=None, freq=None, name=None, closed=None,
                    *, unit=None):
    """pandas.timedelta_range: a TimedeltaIndex of evenly spaced timedeltas (a fixed
    frequency, "D" by default, or periods spread linearly from start to end)."""
    from ._index import TimedeltaIndex
    from ._scalars import Timedelta
    start = None if start is None else Timedelta(start)
    end = None if end is None else Timedelta(end)
    if freq is None and None in (start, end, periods):
        freq = "D"
    if sum(x is not None for x in (start, end, periods, freq)) != 3:
        raise ValueError("Of the four parameters: start, end, periods, and freq, "
                         "exactly three must be specified")
    if freq is None:
        a, b = start._micros(), end._micros()
        micros = [a] if periods == 1 else [a + (b - a) * i // (periods - 1) for i in range(periods)]
        if periods > 1 and any((b - a) * i % (periods - 1) for i in range(periods)):
            raise NotImplementedError("timedelta_range with steps finer than a microsecond")
        offset = None
    else:
        offset = to_offset(freq)
        if offset.tick is None:
            raise ValueError(f"{offset.freqstr} is a non-fixed frequency")
        step = offset.n * (offset.tick // _dt.timedelta(microseconds=1))
        first = start._micros() if start is not None else end._micros() - (periods - 1) * step
        count = periods if periods is not None else (end._micros() - first) // step + 1
        micros = [first + i * step for i in range(count)]
    if closed == "right" and micros and start is not None and micros[0] == start._micros():
        micros = micros[1:]
    if closed == "left" and micros and end is not None and micros[-1] == end._micros():
        micros = micros[:-1]
    return TimedeltaIndex([Timedelta(microseconds=m) for m in micros], name=name,
                          freq=offset.freqstr if offset else None, unit=unit)


def _timedelta_scalar(value, unit, errors):
    from ._scalars import Timedelta
    if value is None or value is NaT_ or (isinstance(value, float) and value != value):
        return NaT_
    if isinstance(value, str) and value.strip().lower() in ("nan", "nat", "none", ""):
        return NaT_
    try:
        if isinstance(value, str):
            if unit is not None:
                raise ValueError("unit must not be specified if the input contains a str")
            return Timedelta(value)
        return Timedelta(value, unit=unit or "ns")
    except ValueError:
        if errors == "coerce":
            return NaT_
        raise



def between_time(frame, start_time, end_time, inclusive="both"):
    """DataFrame.between_time: the rows whose (datetime) index falls in a time-of-day window;
    a window with start after end wraps past midnight, as in pandas."""
    from ._index import DatetimeIndex
    index = frame.index
    if not isinstance(index, DatetimeIndex):
        raise TypeError("Index must be DatetimeIndex")
    start, end = _time_of_day(start_time), _time_of_day(end_time)
    left = inclusive in ("both", "left")
    right = inclusive in ("both", "right")

    def inside(t):
        if t is None:
            return False
        t = t.time()
        after = t >= start if left else t > start
        before = t <= end if right else t < end
        return (after and before) if start <= end else (after or before)

    import numpy as np
    return frame[np.array([inside(t) for t in index], dtype=bool)]


def _time_of_day(value):
    if isinstance(value, _dt.time):
        return value
    for fmt in ("%H:%M", "%H:%M:%S", "%H%M", "%H%M%S", "%I:%M%p", "%I%M%p", "%I:%M:%S%p"):
        try:
            return _dt.datetime.strptime(str(value).strip(), fmt).time()
        except ValueError:
            pass
    raise ValueError(f"Cannot convert arg {value!r} to a time")
