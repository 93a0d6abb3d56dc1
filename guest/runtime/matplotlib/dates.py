"""matplotlib.dates: dates as plot coordinates, and their tick locators and formatters.

Dates (datetime, date, numpy datetime64, pandas Timestamp) become days since the epoch
(1970-01-01 UTC unless set_epoch() said otherwise), as matplotlib's date2num and num2date
compute them; dates are plotted with the default epoch only (the host's date axes count from
it); an axis that received dates gets
matplotlib's AutoDateLocator and AutoDateFormatter (ported here) unless the
user sets others, and the guest sends its ticks (see ticker).
"""

import datetime
import math

from dateutil import rrule as _rrule
from dateutil.relativedelta import relativedelta
from dateutil.rrule import FR, MO, SA, SU, TH, TU, WE

from . import units
from .ticker import Formatter, Locator, MultipleLocator

__all__ = ["date2num", "num2date", "drange", "get_epoch", "set_epoch", "DateFormatter", "AutoDateFormatter",
           "ConciseDateFormatter", "DateLocator", "RRuleLocator", "AutoDateLocator", "YearLocator", "MonthLocator",
           "WeekdayLocator", "DayLocator", "HourLocator", "MinuteLocator", "SecondLocator", "MicrosecondLocator",
           "rrulewrapper", "MO", "TU", "WE", "TH", "FR", "SA", "SU", "YEARLY", "MONTHLY", "WEEKLY", "DAILY",
           "HOURLY", "MINUTELY", "SECONDLY"]

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY = range(7)  # dateutil's frequencies
_MICROSECONDLY = SECONDLY + 1
_MUSECONDS_PER_DAY = 86400e6
DAYS_PER_YEAR, DAYS_PER_MONTH, DAYS_PER_WEEK = 365.0, 30.0, 7.0
_UNITS = {YEARLY: DAYS_PER_YEAR, MONTHLY: DAYS_PER_MONTH, WEEKLY: DAYS_PER_WEEK, DAILY: 1.0, HOURLY: 1 / 24,
          MINUTELY: 1 / 1440, SECONDLY: 1 / 86400}
_AUTO_FORMATS = [(1 / _MUSECONDS_PER_DAY, "%H:%M:%S.%f"), (1 / 86400, "%H:%M:%S"), (1 / 1440, "%d %H:%M"),
                 (1 / 24, "%m-%d %H"), (1.0, "%Y-%m-%d"),
                 (DAYS_PER_MONTH, "%Y-%m"), (DAYS_PER_YEAR, "%Y")]  # matplotlib's date.autoformatter.*


def is_date(value):
    return isinstance(value, (datetime.date, datetime.datetime))


_DEFAULT_EPOCH = "1970-01-01T00:00:00"
_epoch = None  # set by set_epoch() or when first used, as matplotlib's


def get_epoch():
    """The epoch dates count days from (rcParams date.epoch unless set_epoch() said otherwise);
    fixed from now on, as matplotlib's."""
    global _epoch
    if _epoch is None:
        from . import _rc

        _epoch = _rc.rcParams["date.epoch"]
    return _epoch


def set_epoch(epoch):
    """Set the epoch (a numpy datetime64 string) before any date was converted."""
    global _epoch
    if _epoch is not None:
        raise RuntimeError("set_epoch must be called before dates plotted.")
    _epoch = epoch


def _reset_epoch_test_example():
    """matplotlib's private reset of the epoch (its gallery calls it)."""
    global _epoch
    _epoch = None


def _check_plotting_epoch():
    """The host draws date axes counting from 1970-01-01: refuse plotting with another epoch."""
    import numpy as np

    if np.datetime64(get_epoch(), "us") != np.datetime64(_DEFAULT_EPOCH, "us"):
        raise NotImplementedError(f"plotting dates with an epoch other than {_DEFAULT_EPOCH} (set_epoch) is not "
                                  "supported in this sandbox")


def date2num(d):
    """Days since the epoch (1970-01-01 UTC by default; naive datetimes are UTC) for a date or a
    sequence of them, as matplotlib's (through datetime64[us])."""
    import numpy as np

    iterable = np.iterable(d) and not isinstance(d, str)
    if not iterable:
        d = [d]
    masked = np.ma.is_masked(d)
    mask = np.ma.getmask(d)
    d = np.asarray(d)
    if not np.issubdtype(d.dtype, np.datetime64):
        if not d.size:
            return d
        d = [_datetime_of(v) for v in d.ravel().tolist()]
        d = np.asarray(d).astype("datetime64[us]")
    d = np.ma.masked_array(d, mask=mask) if masked else d
    days = _dt64_to_ordinalf(d)
    return days if iterable else days[0]


def _datetime_of(value):
    """A naive UTC datetime (or date) for numpy, from a date, datetime or Timestamp."""
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return value


def _dt64_to_ordinalf(d):
    """matplotlib's: whole seconds and the rest apart, so microseconds survive far from the epoch."""
    import numpy as np

    dseconds = d.astype("datetime64[s]")
    extra = (d - dseconds).astype("timedelta64[ns]")
    t0 = np.datetime64(get_epoch(), "s")
    dt = (dseconds - t0).astype(np.float64)
    dt += extra.astype(np.float64) / 1.0e9
    dt = dt / 86400.0
    nat = np.datetime64("NaT").astype(np.int64)
    dt[np.asarray(d.astype(np.int64)) == nat] = np.nan
    return dt


def drange(dstart, dend, delta):
    """Dates (as numbers) from dstart up to, not including, dend every delta, as matplotlib's."""
    import numpy as np

    f1 = date2num(dstart)
    f2 = date2num(dend)
    step = delta.total_seconds() / 86400
    num = int(math.ceil((f2 - f1) / step))
    end = dstart + num * delta
    if end >= dend:
        end -= delta
        num -= 1
    return np.linspace(f1, date2num(end), num + 1)


def num2date(x, tz=None):
    """The datetime(s) (aware, in tz, default rcParams timezone UTC) of days since the epoch,
    as matplotlib's: microseconds rounded, to 20 far (over 70 years) from the epoch."""
    import numpy as np

    tz = _tzinfo(tz)
    values = np.asarray(x, dtype=np.float64)
    out = [_from_ordinalf(float(v), tz) for v in values.ravel().tolist()]
    if values.ndim == 0:
        return out[0]
    return np.array(out, dtype=object).reshape(values.shape).tolist()


def _tzinfo(tz):
    if tz is None:
        from . import _rc

        tz = _rc.rcParams["timezone"]
    if isinstance(tz, str):
        if tz != "UTC":
            raise NotImplementedError(f"time zone {tz!r} is not supported in this sandbox; use 'UTC' or a tzinfo")
        return datetime.timezone.utc
    if isinstance(tz, datetime.tzinfo):
        return tz
    raise TypeError("tz must be string or tzinfo subclass.")


def _from_ordinalf(x, tz):
    import numpy as np

    dt = np.datetime64(get_epoch()) + np.timedelta64(int(np.round(x * 86400 * 10**6)), "us")
    if dt < np.datetime64("0001-01-01") or dt >= np.datetime64("10000-01-01"):
        raise ValueError(f"Date ordinal {x} converts to {dt} (using epoch {get_epoch()}), but Matplotlib dates "
                         "must be between year 0001 and 9999.")
    dt = dt.astype("datetime64[us]").tolist().replace(tzinfo=datetime.timezone.utc).astimezone(tz)
    if np.abs(x) > 70 * 365:
        ms = round(dt.microsecond / 20) * 20
        if ms == 1000000:
            dt = dt.replace(microsecond=0) + datetime.timedelta(seconds=1)
        else:
            dt = dt.replace(microsecond=ms)
    return dt


def _naive(x):
    """The datetime of x days since the epoch, without tzinfo (UTC)."""
    return (_EPOCH + datetime.timedelta(days=x)).replace(tzinfo=None)


# Formatters


class DateFormatter(Formatter):
    """Labels from strftime(fmt)."""

    def __init__(self, fmt, tz=None, *, usetex=None):
        self.fmt = fmt

    def __call__(self, x, pos=0):
        return num2date(x).strftime(self.fmt)


class AutoDateFormatter(Formatter):
    """The format matching the locator's unit: "%Y" for years, "%Y-%m" for months, "%Y-%m-%d"
    for days... (matplotlib's date.autoformatter defaults)."""

    def __init__(self, locator, tz=None, defaultfmt="%Y-%m-%d", *, usetex=None):
        self._locator = locator
        self.defaultfmt = defaultfmt

    def _set_locator(self, locator):
        self._locator = locator

    def __call__(self, x, pos=None):
        unit = self._locator._get_unit() if hasattr(self._locator, "_get_unit") else 1
        fmt = next((f for scale, f in _AUTO_FORMATS if scale >= unit), self.defaultfmt)
        return num2date(x).strftime(fmt)


class ConciseDateFormatter(Formatter):
    """matplotlib's ConciseDateFormatter: each label shows only the date parts that change at the
    ticks' level (years, months, days, hours, minutes, seconds), a tick at the start of a larger
    unit shows that unit instead ("Feb", "Mar-01"), and the offset text names what all share."""

    _ZERO_VALUES = (0, 1, 1, 0, 0, 0)

    def __init__(self, locator, tz=None, formats=None, offset_formats=None, zero_formats=None, show_offset=True,
                 *, usetex=None):
        if usetex or tz is not None:
            raise NotImplementedError("ConciseDateFormatter(tz=..., usetex=True) is not supported in this sandbox")
        self._locator = locator
        self.defaultfmt = "%Y"
        for name, given in (("formats", formats), ("zero_formats", zero_formats),
                            ("offset_formats", offset_formats)):
            if given and len(given) != 6:
                raise ValueError(f"{name} argument must be a list of 6 format strings (or None)")
        self.formats = list(formats) if formats else ["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"]
        if zero_formats:
            self.zero_formats = list(zero_formats)
        else:
            self.zero_formats = [""] + self.formats[:-1]
            if not formats:
                self.zero_formats[3] = "%b-%d"
        self.offset_formats = list(offset_formats) if offset_formats else [
            "", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"]
        self.offset_string = ""
        self.show_offset = show_offset

    def __call__(self, x, pos=None):
        return num2date(x).strftime(self.defaultfmt)

    def format_ticks(self, values):
        moments = [num2date(value) for value in values]
        parts = [moment.timetuple()[:6] for moment in moments]
        show_offset = self.show_offset
        level = 5  # all ticks alike down to the second: label the seconds
        for candidate in range(5, -1, -1):
            unique = {p[candidate] for p in parts}
            if len(unique) > 1:
                level = candidate
                if candidate < 2 and 1 in unique:
                    show_offset = False  # the labels show the year
                break
        labels = []
        for moment, part in zip(moments, parts):
            if level < 5:
                at_zero = part[level] == self._ZERO_VALUES[level]
            else:
                at_zero = moment.second == moment.microsecond == 0
            labels.append(moment.strftime(self.zero_formats[level] if at_zero else self.formats[level]))
        if level >= 5:  # the same number of decimals on every seconds label, trailing zeros cut
            trailing = min((len(s) - len(s.rstrip("0")) for s in labels if "." in s), default=None)
            if trailing:
                labels = [s[:-trailing].rstrip(".") if "." in s else s for s in labels]
        if show_offset and moments:
            axis = self._locator.axis if self._locator.axis is not None else self.axis
            inverted = axis is not None and getattr(axis, "get_inverted", lambda: False)()
            self.offset_string = moments[0 if inverted else -1].strftime(self.offset_formats[level])
        else:
            self.offset_string = ""
        return labels

    def get_offset(self):
        return self.offset_string

    def format_data_short(self, value):
        return num2date(value).strftime("%Y-%m-%d %H:%M:%S")


# Unit converters: a date axis' default locator and formatter (see matplotlib.units)


class DateConverter(units.ConversionInterface):
    """Dates to days since the epoch; a date axis gets AutoDateLocator and AutoDateFormatter."""

    def __init__(self, *, interval_multiples=True):
        self._interval_multiples = interval_multiples

    def axisinfo(self, unit, axis):
        _check_tz(unit)
        majloc = AutoDateLocator(interval_multiples=self._interval_multiples)
        return units.AxisInfo(majloc=majloc, majfmt=AutoDateFormatter(majloc), label="",
                              default_limits=(datetime.date(1970, 1, 1), datetime.date(1970, 1, 2)))

    @staticmethod
    def convert(value, unit, axis):
        return date2num(value)

    @staticmethod
    def default_units(x, axis):
        """The time zone of the first date (None if naive)."""
        values = [x] if isinstance(x, datetime.date) else getattr(x, "flat", x)
        first = next((v for v in values if v is not None), None)
        return getattr(first, "tzinfo", None)


class ConciseDateConverter(DateConverter):
    """As DateConverter, with a ConciseDateFormatter of the given formats."""

    def __init__(self, formats=None, zero_formats=None, offset_formats=None, show_offset=True, *,
                 interval_multiples=True):
        super().__init__(interval_multiples=interval_multiples)
        self._formats, self._zero_formats, self._offset_formats = formats, zero_formats, offset_formats
        self._show_offset = show_offset

    def axisinfo(self, unit, axis):
        _check_tz(unit)
        majloc = AutoDateLocator(interval_multiples=self._interval_multiples)
        majfmt = ConciseDateFormatter(majloc, formats=self._formats, zero_formats=self._zero_formats,
                                      offset_formats=self._offset_formats, show_offset=self._show_offset)
        return units.AxisInfo(majloc=majloc, majfmt=majfmt, label="",
                              default_limits=(datetime.date(1970, 1, 1), datetime.date(1970, 1, 2)))


class _SwitchableDateConverter:
    """matplotlib's registered date converter: DateConverter or ConciseDateConverter as
    rcParams["date.converter"] says when an axis asks."""

    @staticmethod
    def _get_converter():
        from . import _rc

        kind = {"concise": ConciseDateConverter, "auto": DateConverter}[_rc.rcParams["date.converter"]]
        return kind(interval_multiples=_rc.rcParams["date.interval_multiples"])

    def axisinfo(self, *args, **kwargs):
        return self._get_converter().axisinfo(*args, **kwargs)

    def default_units(self, *args, **kwargs):
        return self._get_converter().default_units(*args, **kwargs)

    def convert(self, *args, **kwargs):
        return self._get_converter().convert(*args, **kwargs)


def _date_axis_info(data, axis):
    """The AxisInfo (default locator and formatter) of the converter units.registry holds for
    plotted dates. matplotlib registers its date converter for date, datetime and numpy
    datetime64: added here on first use unless the user registered another."""
    import numpy as np

    units._builtin.add(np.datetime64)
    for kind in (datetime.date, datetime.datetime, np.datetime64):
        units.registry.setdefault(kind, _SwitchableDateConverter())
    converter = units.registry.get_converter(data)
    if not isinstance(converter, (DateConverter, _SwitchableDateConverter)):
        raise NotImplementedError(f"{type(converter).__name__} as the matplotlib.units converter of dates is not "
                                  "supported in this sandbox")
    return converter.axisinfo(converter.default_units(data, axis), axis)


def _check_tz(tz):
    """Date axes are labelled in UTC here: refuse another time zone."""
    moment = datetime.datetime(2000, 1, 1)
    if tz is not None and tz.utcoffset(moment) != datetime.timedelta(0):
        raise NotImplementedError("date axes of time-zone-aware dates outside UTC are not supported in this "
                                  "sandbox")


# Locators


class rrulewrapper:
    """A dateutil rrule whose parameters set() can change (the locators move its dtstart and
    until to the view), as matplotlib's; naive datetimes only."""

    def __init__(self, freq, tzinfo=None, **kwargs):
        if tzinfo is not None:
            raise NotImplementedError("rrulewrapper(tzinfo=...) is not supported in this sandbox")
        self._construct = {"freq": freq, **kwargs}
        self._rrule = _rrule.rrule(**self._construct)

    def set(self, **kwargs):
        """Change some of the rule's parameters."""
        self._construct.update(kwargs)
        self._rrule = _rrule.rrule(**self._construct)

    def __getattr__(self, name):
        if name.startswith("__") or name == "_rrule":
            raise AttributeError(name)
        return getattr(self._rrule, name)


class DateLocator(Locator):
    """A locator over dates: tick_values(vmin, vmax) in days since the epoch."""

    hms0d = {"byhour": 0, "byminute": 0, "bysecond": 0}

    def __init__(self, tz=None):
        self.tz = tz


class RRuleLocator(DateLocator):
    """Ticks at the dates of a rule (rrulewrapper) between the view's ends, as matplotlib's."""

    def __init__(self, o, tz=None):
        super().__init__(tz)
        self.rule = o

    def tick_values(self, vmin, vmax):
        lo, hi = _naive(min(vmin, vmax)), _naive(max(vmin, vmax))
        start, stop = self._create_rrule(lo, hi)
        dates = self.rule.between(start, stop, True)
        if not dates:
            return [float(min(vmin, vmax)), float(max(vmin, vmax))]
        return [float(date2num(d)) for d in dates]

    def _create_rrule(self, vmin, vmax):
        """Bounds the rule one view width beyond each end (capped at year 1 and 9999)."""
        delta = relativedelta(vmax, vmin)
        try:
            start = vmin - delta
        except (ValueError, OverflowError):
            start = datetime.datetime(1, 1, 1)
        try:
            stop = vmax + delta
        except (ValueError, OverflowError):
            stop = datetime.datetime(9999, 12, 31, 23, 59, 59)
        self.rule.set(dtstart=start, until=stop)
        return vmin, vmax

    def _get_unit(self):
        return _UNITS.get(self.rule._rrule._freq, -1)

    def _get_interval(self):
        return self.rule._rrule._interval


class YearLocator(RRuleLocator):
    """Ticks on month/day of the years that are multiples of base."""

    def __init__(self, base=1, month=1, day=1, tz=None):
        super().__init__(rrulewrapper(YEARLY, interval=base, bymonth=month, bymonthday=day, **self.hms0d), tz)
        self.base = int(base)

    def _create_rrule(self, vmin, vmax):
        ymin = max(vmin.year // self.base * self.base, 1)
        ymax = min(-(-vmax.year // self.base) * self.base, 9999)
        c = self.rule._construct
        start = vmin.replace(year=ymin, month=c.get("bymonth", 1), day=c.get("bymonthday", 1), hour=0,
                             minute=0, second=0)
        stop = start.replace(year=ymax)
        self.rule.set(dtstart=start, until=stop)
        return start, stop


class MonthLocator(RRuleLocator):
    """Ticks on the given day of the given months (every month by default)."""

    def __init__(self, bymonth=None, bymonthday=1, interval=1, tz=None):
        bymonth = range(1, 13) if bymonth is None else bymonth
        super().__init__(rrulewrapper(MONTHLY, bymonth=bymonth, bymonthday=bymonthday, interval=interval,
                                      **self.hms0d), tz)


class WeekdayLocator(RRuleLocator):
    """Ticks on the given weekdays (MO, TU, ... or 0-6)."""

    def __init__(self, byweekday=1, interval=1, tz=None):
        super().__init__(rrulewrapper(DAILY, byweekday=byweekday, interval=interval, **self.hms0d), tz)


class DayLocator(RRuleLocator):
    """Ticks on the given days of the month (every day by default)."""

    def __init__(self, bymonthday=None, interval=1, tz=None):
        if interval != int(interval) or interval < 1:
            raise ValueError("interval must be an integer greater than 0")
        bymonthday = range(1, 32) if bymonthday is None else bymonthday
        super().__init__(rrulewrapper(DAILY, bymonthday=bymonthday, interval=interval, **self.hms0d), tz)


class HourLocator(RRuleLocator):
    """Ticks on the given hours (every hour by default)."""

    def __init__(self, byhour=None, interval=1, tz=None):
        byhour = range(24) if byhour is None else byhour
        super().__init__(rrulewrapper(HOURLY, byhour=byhour, interval=interval, byminute=0, bysecond=0), tz)


class MinuteLocator(RRuleLocator):
    """Ticks on the given minutes (every minute by default)."""

    def __init__(self, byminute=None, interval=1, tz=None):
        byminute = range(60) if byminute is None else byminute
        super().__init__(rrulewrapper(MINUTELY, byminute=byminute, interval=interval, bysecond=0), tz)


class SecondLocator(RRuleLocator):
    """Ticks on the given seconds (every second by default)."""

    def __init__(self, bysecond=None, interval=1, tz=None):
        bysecond = range(60) if bysecond is None else bysecond
        super().__init__(rrulewrapper(SECONDLY, bysecond=bysecond, interval=interval), tz)


class MicrosecondLocator(DateLocator):
    """Ticks every interval microseconds, counted from the start of the view's first day."""

    def __init__(self, interval=1, tz=None):
        super().__init__(tz)
        self._interval = interval
        self._wrapped_locator = MultipleLocator(interval)

    def tick_values(self, vmin, vmax):
        t0 = math.floor(vmin)
        ticks = self._wrapped_locator.tick_values((vmin - t0) * _MUSECONDS_PER_DAY,
                                                  (vmax - t0) * _MUSECONDS_PER_DAY)
        return [tick / _MUSECONDS_PER_DAY + t0 for tick in ticks]

    def _get_unit(self):
        return 1.0 / _MUSECONDS_PER_DAY

    def _get_interval(self):
        return self._interval


class AutoDateLocator(DateLocator):
    """matplotlib's default date locator: the coarsest unit giving at least minticks ticks, at
    multiples of a nice interval."""

    _MAXTICKS = {YEARLY: 11, MONTHLY: 12, DAILY: 11, HOURLY: 12, MINUTELY: 11, SECONDLY: 11, _MICROSECONDLY: 8}
    _INTERVALS = {YEARLY: [1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000],
                  MONTHLY: [1, 2, 3, 4, 6], DAILY: [1, 2, 3, 7, 14, 21], HOURLY: [1, 2, 3, 4, 6, 12],
                  MINUTELY: [1, 5, 10, 15, 30], SECONDLY: [1, 5, 10, 15, 30],
                  _MICROSECONDLY: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000,
                                   100000, 200000, 500000, 1000000]}
    _FREQS = (YEARLY, MONTHLY, DAILY, HOURLY, MINUTELY, SECONDLY, _MICROSECONDLY)
    _RANGES = [None, range(1, 13), range(1, 32), range(0, 24), range(0, 60), range(0, 60), None]

    def __init__(self, tz=None, minticks=5, maxticks=None, interval_multiples=True):
        if not interval_multiples:
            raise NotImplementedError("AutoDateLocator(interval_multiples=False) is not supported in this sandbox")
        super().__init__(tz)
        self.minticks = minticks
        self.maxticks = dict(self._MAXTICKS)
        if maxticks is not None:
            try:  # a dict per frequency, or one number for all of them (as matplotlib)
                self.maxticks.update(maxticks)
            except TypeError:
                self.maxticks = dict.fromkeys(self._FREQS, maxticks)
        self._freq = YEARLY

    def tick_values(self, vmin, vmax):
        lo, hi = sorted((vmin, vmax))
        return self.get_locator(_naive(lo), _naive(hi)).tick_values(lo, hi)

    def _get_unit(self):
        return _UNITS.get(self._freq, 1.0 / _MUSECONDS_PER_DAY)

    def get_locator(self, dmin, dmax):
        """The locator for the span from dmin to dmax (datetimes)."""
        delta = relativedelta(dmax, dmin)
        total = dmax - dmin
        if dmin > dmax:
            delta, total = -delta, -total
        years = float(delta.years)
        months = years * 12 + delta.months
        days = total.days
        hours = days * 24 + delta.hours
        minutes = hours * 60 + delta.minutes
        seconds = math.floor(total.total_seconds())
        microseconds = math.floor(total.total_seconds() * 1e6)
        nums = [years, months, days, hours, minutes, seconds, microseconds]
        by = [None, 1, 1, 0, 0, 0, None]
        interval = 1
        for i, (freq, num) in enumerate(zip(self._FREQS, nums)):
            if num < self.minticks:
                by[i] = None
                continue
            interval = next((n for n in self._INTERVALS[freq] if num <= n * (self.maxticks[freq] - 1)),
                            self._INTERVALS[freq][-1])
            self._freq = freq
            if self._RANGES[i]:
                by[i] = list(self._RANGES[i][::interval])
                if i == 2 and interval in (7, 14):
                    by[i] = [1, 8, 15, 22] if interval == 7 else [1, 15]
                interval = 1
            else:
                by[i] = self._RANGES[i]
            break
        else:
            interval, i = 1, len(self._FREQS) - 1
            self._freq = self._FREQS[i]
        if self._freq == YEARLY:
            locator = YearLocator(interval)
        elif self._freq == _MICROSECONDLY:
            locator = MicrosecondLocator(interval)
        else:
            _, month, day, hour, minute, second, _ = by
            locator = RRuleLocator(rrulewrapper(self._freq, interval=interval, dtstart=dmin, until=dmax,
                                                bymonth=month, bymonthday=day, byhour=hour, byminute=minute,
                                                bysecond=second))
        locator.set_axis(self.axis)
        return locator
