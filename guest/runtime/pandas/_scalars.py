"""pandas' Timestamp and Timedelta as datetime/timedelta subclasses, and missing values."""

import datetime as _dt

_EPOCH = _dt.datetime(1970, 1, 1)


class Timestamp(_dt.datetime):
    """A naive datetime with pandas' repr; ``Timestamp("2024-01-31 12:00")`` parses text."""

    def __new__(cls, value=None, *args, unit=None, tz=None, **kwargs):
        if tz is not None or kwargs.get("tzinfo") is not None:
            raise NotImplementedError("Timestamp with a time zone")
        if unit is not None:
            if not isinstance(value, (int, float)) or isinstance(value, bool) or args:
                raise NotImplementedError(f"Timestamp(..., unit={unit!r}) of a non-number")
            return cls._from_micros(round(value * _unit_micros(unit)))
        if isinstance(value, str):
            parsed = _parse(value)
            return super().__new__(cls, parsed.year, parsed.month, parsed.day, parsed.hour,
                                   parsed.minute, parsed.second, parsed.microsecond)
        if isinstance(value, _dt.datetime):
            if value.tzinfo is not None:
                raise NotImplementedError("Timestamp with a time zone")
            return super().__new__(cls, value.year, value.month, value.day, value.hour,
                                   value.minute, value.second, value.microsecond)
        if isinstance(value, _dt.date):
            return super().__new__(cls, value.year, value.month, value.day)
        if isinstance(value, int) and not args and not kwargs:
            raise NotImplementedError("Timestamp from an integer")
        if value is None:
            return super().__new__(cls, *args, **kwargs)
        return super().__new__(cls, value, *args, **kwargs)

    @classmethod
    def _from_micros(cls, micros):
        return cls(_EPOCH + _dt.timedelta(microseconds=micros))

    def _micros(self):
        delta = self.replace(tzinfo=None) - _EPOCH
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds

    def __repr__(self):
        return f"Timestamp('{self}')"

    def __str__(self):
        return self.isoformat(sep=" ")

    def __add__(self, other):
        result = super().__add__(other)
        return Timestamp(result) if isinstance(result, _dt.datetime) else result

    def __sub__(self, other):
        result = super().__sub__(other)
        if isinstance(result, _dt.datetime):
            return Timestamp(result)
        if isinstance(result, _dt.timedelta):
            return Timedelta(result)
        return result

    @property
    def dayofweek(self):
        return self.weekday()

    day_of_week = dayofweek

    @property
    def dayofyear(self):
        return self.timetuple().tm_yday

    day_of_year = dayofyear

    @property
    def quarter(self):
        return (self.month - 1) // 3 + 1

    def __getattr__(self, name):
        from ._dates import CALENDAR_FLAGS, calendar_field
        if name in CALENDAR_FLAGS or name in ("days_in_month", "daysinmonth"):
            return calendar_field(self, name)
        raise AttributeError(name)

    def day_name(self):
        return self.strftime("%A")

    def month_name(self):
        return self.strftime("%B")

    def to_pydatetime(self):
        return _dt.datetime(self.year, self.month, self.day, self.hour, self.minute, self.second,
                            self.microsecond)


class Timedelta(_dt.timedelta):
    """A timedelta with pandas' repr (microsecond resolution: finer values are refused).
    ``Timedelta("1 days 06:05:01")``, ``Timedelta("2h30min")``, ``Timedelta(1, "D")``."""

    def __new__(cls, value=None, unit=None, **kwargs):
        if isinstance(value, _dt.timedelta):
            return super().__new__(cls, value.days, value.seconds, value.microseconds)
        if isinstance(value, str):
            return cls._from_micros(_parse_timedelta(value))
        if value is None:
            return super().__new__(cls, **kwargs)
        if type(value).__module__ == "numpy" and hasattr(value, "item"):
            value = value.item()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if unit is None:
                raise NotImplementedError("Timedelta of a number without a unit (nanoseconds)")
            return cls._from_micros(_exact_micros(value * _unit_micros(unit)))
        raise TypeError(f"Invalid type {type(value).__name__}. Must be int or float.")

    @classmethod
    def _from_micros(cls, micros):
        return cls(_dt.timedelta(microseconds=micros))

    def __str__(self):
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        sign = "+" if self.days < 0 else ""
        text = f"{self.days} days {sign}{hours:02d}:{minutes:02d}:{seconds:02d}"
        return text + (f".{self.microseconds:06d}" if self.microseconds else "")

    def total_seconds(self):
        return self._micros() / 1e6

    def __repr__(self):
        return f"Timedelta('{self}')"

    def _micros(self):
        return (self.days * 86400 + self.seconds) * 1_000_000 + self.microseconds


_UNITS = {"W": 604_800_000_000, "D": 86_400_000_000, "h": 3_600_000_000, "m": 60_000_000,
          "min": 60_000_000, "s": 1_000_000, "ms": 1000, "us": 1, "ns": 0.001}
_UNIT_WORDS = {"w": "W", "week": "W", "weeks": "W", "d": "D", "day": "D", "days": "D",
               "h": "h", "hr": "h", "hour": "h", "hours": "h", "m": "min", "min": "min",
               "minute": "min", "minutes": "min", "t": "min", "s": "s", "sec": "s",
               "second": "s", "seconds": "s", "ms": "ms", "milli": "ms", "millis": "ms",
               "millisecond": "ms", "milliseconds": "ms", "l": "ms", "us": "us", "micro": "us",
               "micros": "us", "microsecond": "us", "microseconds": "us", "u": "us",
               "ns": "ns", "nano": "ns", "nanos": "ns", "nanosecond": "ns", "nanoseconds": "ns",
               "n": "ns"}


def _unit_micros(unit):
    """Microseconds in one pandas time unit ("D", "h", "s", "ms", ...)."""
    name = _UNIT_WORDS.get(unit.lower()) if unit not in _UNITS else unit
    if name is None:
        raise ValueError(f"invalid unit abbreviation: {unit}")
    return _UNITS[name]


def _exact_micros(value):
    """value (in microseconds) as an int; finer resolution is refused."""
    micros = round(value)
    if abs(value - micros) > 1e-6 * max(1.0, abs(value)):
        raise NotImplementedError("timedeltas finer than a microsecond (nanoseconds)")
    return micros


def _parse_timedelta(text):
    """Microseconds of pandas' timedelta strings: "1 days 06:05:01.5", "-1 days +23:00:00",
    "00:30:00", "2h30min", "1.5 hours", "3 W"."""
    import re
    body = text.strip()
    sign = -1 if body.startswith("-") else 1
    body = body.lstrip("+-").strip()
    total = 0
    clock = re.search(r"([+-]?)(\d+):(\d\d)(?::(\d\d)(?:\.(\d+))?)?$", body)
    if clock:
        fraction = (clock.group(5) or "").ljust(6, "0")
        if fraction[6:].strip("0"):
            raise NotImplementedError("timedeltas finer than a microsecond (nanoseconds)")
        part = ((int(clock.group(2)) * 60 + int(clock.group(3))) * 60 +
                int(clock.group(4) or 0)) * 1_000_000 + int(fraction[:6] or 0)
        body = body[:clock.start()].strip()
    tokens = re.findall(r"(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z]+)", body)
    if re.sub(r"(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z]+)", "", body).strip() or \
            (not tokens and not clock):
        raise ValueError(f"unit abbreviation w/o a number: {text}" if body
                         else f"Could not convert {text!r} to a Timedelta")
    for number, unit in tokens:
        total += float(number) * _unit_micros(unit)
    total = _exact_micros(total)
    if clock and clock.group(1):
        # "-1 days +23:00:00": a signed clock part counts on its own
        return sign * total + (-part if clock.group(1) == "-" else part)
    return sign * (total + (part if clock else 0))


def _parse(text):
    text = text.strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H",
                "%Y-%m-%d", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%m/%d/%Y", "%m/%d/%Y %H:%M:%S",
                "%m/%d/%Y %H:%M", "%d.%m.%Y", "%Y%m%d", "%Y-%m", "%Y"):
        try:
            return _dt.datetime.strptime(text, fmt)
        except ValueError:
            pass
    # pandas' fallback for every other format: dateutil's parser ("1 1 2016", "Jan 5, 2024")
    from dateutil import parser
    try:
        parsed = parser.parse(text)
    except (ValueError, OverflowError):
        raise ValueError(f"Unknown datetime string format, unable to parse: {text}") from None
    if parsed.tzinfo is not None:
        raise NotImplementedError("Timestamp with a time zone")
    return parsed


class _NaTType:
    """pandas.NaT: a missing datetime."""

    def __repr__(self):
        return "NaT"

    def __bool__(self):
        return True

    def __eq__(self, other):
        return False

    __hash__ = object.__hash__


NaT = _NaTType()
NA = None
