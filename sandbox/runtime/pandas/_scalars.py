"""pandas' Timestamp and Timedelta as datetime/timedelta subclasses, and missing values."""

import datetime as _dt

_EPOCH = _dt.datetime(1970, 1, 1)


class Timestamp(_dt.datetime):
    """A naive datetime with pandas' repr; ``Timestamp("2024-01-31 12:00")`` parses text."""

    def __new__(cls, value=None, *args, **kwargs):
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

    @property
    def quarter(self):
        return (self.month - 1) // 3 + 1

    def day_name(self):
        return self.strftime("%A")

    def month_name(self):
        return self.strftime("%B")

    def to_pydatetime(self):
        return _dt.datetime(self.year, self.month, self.day, self.hour, self.minute, self.second,
                            self.microsecond)


class Timedelta(_dt.timedelta):
    """A timedelta with pandas' repr."""

    def __new__(cls, value=None, *args, **kwargs):
        if isinstance(value, _dt.timedelta):
            return super().__new__(cls, value.days, value.seconds, value.microseconds)
        if isinstance(value, str):
            raise NotImplementedError("Timedelta from a string")
        if value is None:
            return super().__new__(cls, *args, **kwargs)
        return super().__new__(cls, value, *args, **kwargs)

    def __str__(self):
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        text = f"{self.days} days {hours:02d}:{minutes:02d}:{seconds:02d}"
        return text + (f".{self.microseconds:06d}" if self.microseconds else "")

    def __repr__(self):
        return f"Timedelta('{self}')"

    def _micros(self):
        return (self.days * 86400 + self.seconds) * 1_000_000 + self.microseconds


def _parse(text):
    text = text.strip().replace("T", " ")
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
                "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%m/%d/%Y", "%m/%d/%Y %H:%M:%S",
                "%m/%d/%Y %H:%M", "%d.%m.%Y", "%Y%m%d", "%Y-%m"):
        try:
            return _dt.datetime.strptime(text, fmt)
        except ValueError:
            pass
    raise ValueError(f"could not convert string to Timestamp: {text!r}")


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
