"""matplotlib.dates: dates as plot coordinates, and their tick locators and formatters.

Dates (datetime, date, numpy datetime64, pandas Timestamp) become days since the epoch
(1970-01-01 UTC unless set_epoch() said otherwise), as matplotlib's date2num and num2date
compute them; dates are plotted with the default epoch only (the host's date axes count from
it); an axis that received dates gets
matplotlib's AutoDateLocator and AutoDateFormatter (ported here) unless the
user sets others, and the guest sends its ticks (see ticker).
"""

import calendar
import datetime
import math

from .ticker import Formatter, Locator

__all__ = ["date2num", "num2date", "drange", "get_epoch", "set_epoch", "DateFormatter", "AutoDateFormatter", "AutoDateLocator", "YearLocator",
           "MonthLocator", "WeekdayLocator", "DayLocator", "HourLocator", "MinuteLocator", "SecondLocator",
           "ConciseDateFormatter", "MO", "TU", "WE", "TH", "FR", "SA", "SU", "YEARLY", "MONTHLY", "WEEKLY",
           "DAILY", "HOURLY", "MINUTELY", "SECONDLY"]

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY = range(7)
MO, TU, WE, TH, FR, SA, SU = range(7)
DAYS_PER_YEAR, DAYS_PER_MONTH, DAYS_PER_WEEK = 365.0, 30.0, 7.0
_UNITS = {YEARLY: DAYS_PER_YEAR, MONTHLY: DAYS_PER_MONTH, WEEKLY: DAYS_PER_WEEK, DAILY: 1.0, HOURLY: 1 / 24,
          MINUTELY: 1 / 1440, SECONDLY: 1 / 86400}
_AUTO_FORMATS = [(1 / 86400, "%H:%M:%S"), (1 / 1440, "%d %H:%M"), (1 / 24, "%m-%d %H"), (1.0, "%Y-%m-%d"),
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


# Locators


class DateLocator(Locator):
    """A locator over dates: tick_values(vmin, vmax) in days since the epoch."""

    freq = DAILY

    def _get_unit(self):
        return _UNITS[self.freq]

    def tick_values(self, vmin, vmax):
        lo, hi = sorted((vmin, vmax))
        return [float(date2num(d)) for d in self._dates(_naive(lo), _naive(hi))]


class _RuleLocator(DateLocator):
    """Datetimes at freq matching the given month/day/hour/minute/second sets (an rrule)."""

    def __init__(self, freq, interval=1, bymonth=None, bymonthday=None, byweekday=None, byhour=None,
                 byminute=None, bysecond=None):
        self.freq, self.interval = freq, int(interval)
        self._by = [_set(bymonth), _set(bymonthday), _set(byweekday), _set(byhour), _set(byminute),
                    _set(bysecond)]

    def _dates(self, lo, hi):
        span = _relative(hi, lo)
        start = _minus_relative(lo, span)
        months, days, weekdays, hours, minutes, seconds = self._by
        result = []
        for k, at in enumerate(_steps(start, _plus_relative(hi, span), self.freq)):
            if k % self.interval:
                continue
            for moment in _expand(at, self.freq, hours, minutes, seconds):
                if ((months is None or moment.month in months) and (days is None or moment.day in days)
                        and (weekdays is None or moment.weekday() in weekdays)
                        and (hours is None or moment.hour in hours)
                        and (minutes is None or moment.minute in minutes)
                        and (seconds is None or moment.second in seconds)
                        and lo <= moment <= hi and moment >= start):
                    result.append(moment)
        return result


class YearLocator(DateLocator):
    """Ticks on month/day of the years that are multiples of base."""

    freq = YEARLY

    def __init__(self, base=1, month=1, day=1, tz=None):
        self.base, self.month, self.day = int(base), month, day

    def _dates(self, lo, hi):
        first = (lo.year // self.base) * self.base
        last = -(-hi.year // self.base) * self.base
        return [datetime.datetime(year, self.month, self.day) for year in range(first, last + 1, self.base)
                if 1 <= year <= 9999]


def MonthLocator(bymonth=None, bymonthday=1, interval=1, tz=None):
    return _RuleLocator(MONTHLY, interval, bymonth=bymonth, bymonthday=bymonthday, byhour=0, byminute=0,
                        bysecond=0)


def WeekdayLocator(byweekday=1, interval=1, tz=None):
    return _RuleLocator(DAILY, interval, byweekday=byweekday, byhour=0, byminute=0, bysecond=0)


def DayLocator(bymonthday=None, interval=1, tz=None):
    return _RuleLocator(DAILY, interval, bymonthday=bymonthday, byhour=0, byminute=0, bysecond=0)


def HourLocator(byhour=None, interval=1, tz=None):
    return _RuleLocator(HOURLY, interval, byhour=byhour, byminute=0, bysecond=0)


def MinuteLocator(byminute=None, interval=1, tz=None):
    return _RuleLocator(MINUTELY, interval, byminute=byminute, bysecond=0)


def SecondLocator(bysecond=None, interval=1, tz=None):
    return _RuleLocator(SECONDLY, interval, bysecond=bysecond)


class AutoDateLocator(DateLocator):
    """matplotlib's default date locator: the coarsest unit giving at least minticks ticks, at
    multiples of a nice interval."""

    _MAXTICKS = {YEARLY: 11, MONTHLY: 12, DAILY: 11, HOURLY: 12, MINUTELY: 11, SECONDLY: 11}
    _INTERVALS = {YEARLY: [1, 2, 4, 5, 10, 20, 40, 50, 100, 200, 400, 500, 1000, 2000, 4000, 5000, 10000],
                  MONTHLY: [1, 2, 3, 4, 6], DAILY: [1, 2, 3, 7, 14, 21], HOURLY: [1, 2, 3, 4, 6, 12],
                  MINUTELY: [1, 5, 10, 15, 30], SECONDLY: [1, 5, 10, 15, 30]}
    _FREQS = (YEARLY, MONTHLY, DAILY, HOURLY, MINUTELY, SECONDLY)
    _RANGES = [None, range(1, 13), range(1, 32), range(0, 24), range(0, 60), range(0, 60)]

    def __init__(self, tz=None, minticks=5, maxticks=None, interval_multiples=True):
        if not interval_multiples:
            raise NotImplementedError("AutoDateLocator(interval_multiples=False) is not supported in this sandbox")
        self.minticks = minticks
        self.maxticks = dict(self._MAXTICKS)
        if maxticks is not None:
            try:  # a dict per frequency, or one number for all of them (as matplotlib)
                self.maxticks.update(maxticks)
            except TypeError:
                self.maxticks = dict.fromkeys(self._FREQS, maxticks)
        self.freq = DAILY

    def _dates(self, lo, hi):
        return self.get_locator(lo, hi)._dates(lo, hi)

    def get_locator(self, dmin, dmax):
        span = _relative(dmax, dmin)
        total = dmax - dmin
        years = span[0]
        months = years * 12 + span[1]
        days = total.days
        hours = days * 24 + span[3]
        minutes = hours * 60 + span[4]
        seconds = math.floor(total.total_seconds())
        nums = [years, months, days, hours, minutes, seconds]
        by = [None, 1, 1, 0, 0, 0]
        chosen, interval = SECONDLY, 1
        for i, (freq, num) in enumerate(zip(self._FREQS, nums)):
            if num < self.minticks:
                by[i] = None
                continue
            interval = next((n for n in self._INTERVALS[freq] if num <= n * (self.maxticks[freq] - 1)),
                            self._INTERVALS[freq][-1])
            chosen = freq
            if self._RANGES[i]:
                by[i] = list(self._RANGES[i][::interval])
                if i == 2 and interval in (7, 14):
                    by[i] = [1, 8, 15, 22] if interval == 7 else [1, 15]
                interval = 1
            break
        else:
            by = [None, None, None, None, None, None]
            i = len(self._FREQS) - 1
        self.freq = chosen
        if chosen == YEARLY:
            return YearLocator(interval)
        _, month, day, hour, minute, second = by
        return _RuleLocator(chosen, interval, bymonth=month, bymonthday=day, byhour=hour, byminute=minute,
                            bysecond=second)


# Date arithmetic for the locators


def _set(values):
    if values is None:
        return None
    if isinstance(values, int):
        return {values}
    return set(values)


def _relative(later, earlier):
    """(years, months, days, hours, minutes) of later - earlier, as dateutil's relativedelta."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if _plus_months(earlier, months) > later:
        months -= 1
    rest = later - _plus_months(earlier, months)
    return months // 12, months % 12, rest.days, rest.seconds // 3600, (rest.seconds % 3600) // 60, rest


def _plus_months(moment, months):
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _minus_relative(moment, span):
    years, months, _, _, _, rest = span
    try:
        return _plus_months(moment, -(years * 12 + months)) - rest
    except (OverflowError, ValueError):
        return datetime.datetime(1, 1, 1)


def _plus_relative(moment, span):
    years, months, _, _, _, rest = span
    try:
        return _plus_months(moment, years * 12 + months) + rest
    except (OverflowError, ValueError):
        return datetime.datetime(9999, 12, 31)


def _steps(start, stop, freq):
    """The start of each freq period (month, day, hour...) from start's to stop's."""
    if freq == MONTHLY:
        moment = datetime.datetime(start.year, start.month, 1)
        while moment <= stop:
            yield moment
            moment = _plus_months(moment, 1)
        return
    size = {DAILY: datetime.timedelta(days=1), HOURLY: datetime.timedelta(hours=1),
            MINUTELY: datetime.timedelta(minutes=1), SECONDLY: datetime.timedelta(seconds=1)}[freq]
    moment = {DAILY: start.replace(hour=0, minute=0, second=0, microsecond=0),
              HOURLY: start.replace(minute=0, second=0, microsecond=0),
              MINUTELY: start.replace(second=0, microsecond=0),
              SECONDLY: start.replace(microsecond=0)}[freq]
    count = 0
    while moment <= stop and count < 100_000:
        yield moment
        moment += size
        count += 1


def _expand(period, freq, hours, minutes, seconds):
    """The moments of one period: each day of a month (MONTHLY, filtered later), at the given
    hour, minute and second (the finer parts default to the period's start)."""
    if freq == MONTHLY:
        days = [period.replace(day=d) for d in range(1, calendar.monthrange(period.year, period.month)[1] + 1)]
    else:
        days = [period]
    result = []
    for day in days:
        for hour in (sorted(hours) if hours is not None and freq in (MONTHLY, DAILY) else [day.hour]):
            for minute in (sorted(minutes) if minutes is not None and freq in (MONTHLY, DAILY, HOURLY)
                           else [day.minute]):
                for second in (sorted(seconds) if seconds is not None and freq != SECONDLY else [day.second]):
                    result.append(day.replace(hour=hour, minute=minute, second=second))
    return result
