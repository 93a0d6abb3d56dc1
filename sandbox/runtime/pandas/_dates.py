"""pandas' frequency strings as date offsets, and ``date_range``.

An offset steps a datetime forward or back by its multiple; anchored offsets (week days,
month/quarter/year ends and starts, business days) also say which datetimes lie on them,
and ``date_range`` rolls its start forward onto the offset as pandas does. The labels are
built in the guest (a range holds one value per step)."""

import calendar
import datetime as _dt
import re

from ._scalars import Timestamp

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
