"""matplotlib.ticker's log, symlog, asinh and logit locators and formatters, ported from
matplotlib 3.10: the guest chooses the ticks of those scales (see scale.py) and sends them as
fixed ticks with their labels."""

import math

import numpy as np

from .ticker import Formatter, Locator, MaxNLocator, _rc, nonsingular

# LogitLocator's stand-in for the smallest positive value when there is none.
_LOGIT_MINPOS = 1e-7


def _tick_space(axis, default=9):
    return axis.tick_space() if axis is not None else default


def _is_decade(x, *, base=10, rtol=None):
    if not np.isfinite(x):
        return False
    if x == 0.0:
        return True
    lx = np.log(abs(x)) / np.log(base)
    if rtol is None:
        return np.isclose(lx, np.round(lx))
    return np.isclose(lx, np.round(lx), rtol=rtol)


def _decade_less_equal(x, base):
    return (x if x == 0 else -_decade_greater_equal(-x, base) if x < 0
            else base ** np.floor(np.log(x) / np.log(base)))


def _decade_greater_equal(x, base):
    return (x if x == 0 else -_decade_less_equal(-x, base) if x < 0
            else base ** np.ceil(np.log(x) / np.log(base)))


def _decade_less(x, base):
    if x < 0:
        return -_decade_greater(-x, base)
    less = _decade_less_equal(x, base)
    return less / base if less == x else less


def _decade_greater(x, base):
    if x < 0:
        return -_decade_less(-x, base)
    greater = _decade_greater_equal(x, base)
    return greater * base if greater == x else greater


def _is_close_to_int(x):
    return math.isclose(x, round(x))


def _minpos(axis):
    return axis.get_minpos() if axis is not None else math.inf


class LogLocator(Locator):
    """Ticks at subs[j] * base**i (matplotlib's LogLocator)."""

    def __init__(self, base=10.0, subs=(1.0,), *, numticks=None):
        self._base = float(base)
        self._set_subs(subs)
        self.numticks = "auto" if numticks is None else numticks
        self._default = self._base == 10 and self._subs is not None and not isinstance(self._subs, str) \
            and list(self._subs) == [1.0] and numticks is None

    def set_params(self, base=None, subs=None, *, numticks=None):
        if base is not None:
            self._base = float(base)
        if subs is not None:
            self._set_subs(subs)
        if numticks is not None:
            self.numticks = numticks
        self._default = False

    def _set_subs(self, subs):
        if subs is None:
            self._subs = "auto"
        elif isinstance(subs, str):
            if subs not in ("all", "auto"):
                raise ValueError(f"{subs!r} is not a valid value for subs; supported values are 'all', 'auto'")
            self._subs = subs
        else:
            self._subs = np.asarray(subs, dtype=float)
            if self._subs.ndim != 1:
                raise ValueError("A sequence passed to subs must be 1-dimensional, not "
                                 f"{self._subs.ndim}-dimensional.")

    def tick_values(self, vmin, vmax):
        if self.numticks == "auto":
            numticks = int(np.clip(_tick_space(self.axis), 2, 9))
        else:
            numticks = self.numticks
        b = self._base
        if vmin <= 0.0:
            vmin = _minpos(self.axis)
            if vmin <= 0.0 or not np.isfinite(vmin):
                raise ValueError("Data has no positive values, and therefore cannot be log-scaled.")
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        log_vmin = math.log(vmin) / math.log(b)
        log_vmax = math.log(vmax) / math.log(b)
        numdec = math.floor(log_vmax) - math.ceil(log_vmin)
        if isinstance(self._subs, str):
            if numdec > 10 or b < 3:
                if self._subs == "auto":
                    return np.array([])
                subs = np.array([1.0])
            else:
                subs = np.arange(2.0 if self._subs == "auto" else 1.0, b)
        else:
            subs = self._subs
        stride = numdec // numticks + 1
        if stride >= numdec:
            stride = max(1, numdec - 1)
        have_subs = len(subs) > 1 or (len(subs) == 1 and subs[0] != 1.0)
        decades = np.arange(math.floor(log_vmin) - stride, math.ceil(log_vmax) + 2 * stride, stride)
        if have_subs:
            ticklocs = (np.concatenate([subs * start for start in b ** decades]) if stride == 1
                        else np.array([]))
        else:
            ticklocs = b ** decades
        if len(subs) > 1 and stride == 1 and ((vmin <= ticklocs) & (ticklocs <= vmax)).sum() <= 1:
            from .ticker import AutoLocator
            return np.asarray(AutoLocator().tick_values(vmin, vmax))
        return ticklocs

    def view_limits(self, vmin, vmax):
        b = self._base
        vmin, vmax = self.nonsingular(vmin, vmax)
        if _rc("axes.autolimit_mode") == "round_numbers":
            vmin, vmax = _decade_less_equal(vmin, b), _decade_greater_equal(vmax, b)
        return vmin, vmax

    def nonsingular(self, vmin, vmax):
        if vmin > vmax:
            vmin, vmax = vmax, vmin
        if not np.isfinite(vmin) or not np.isfinite(vmax) or vmax <= 0:
            return 1, 10
        minpos = _minpos(self.axis)
        if not np.isfinite(minpos):
            minpos = 1e-300
        if vmin <= 0:
            vmin = minpos
        if vmin == vmax:
            vmin, vmax = _decade_less(vmin, self._base), _decade_greater(vmax, self._base)
        return vmin, vmax


class SymmetricalLogLocator(Locator):
    """Ticks linear near zero and logarithmic beyond linthresh (matplotlib's)."""

    def __init__(self, transform=None, subs=None, linthresh=None, base=None):
        if transform is not None:
            self._base, self._linthresh = transform.base, transform.linthresh
        elif linthresh is not None and base is not None:
            self._base, self._linthresh = base, linthresh
        else:
            raise ValueError("Either transform, or both linthresh and base, must be provided.")
        self._subs = [1.0] if subs is None else subs
        self.numticks = 15

    def set_params(self, subs=None, numticks=None):
        if numticks is not None:
            self.numticks = numticks
        if subs is not None:
            self._subs = subs

    def tick_values(self, vmin, vmax):
        linthresh = self._linthresh
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        if -linthresh <= vmin < vmax <= linthresh:
            return sorted({vmin, 0, vmax})
        has_a = vmin < -linthresh
        has_c = vmax > linthresh
        has_b = (has_a and vmax > -linthresh) or (has_c and vmin < linthresh)
        base = self._base

        def get_log_range(lo, hi):
            return np.floor(np.log(lo) / np.log(base)), np.ceil(np.log(hi) / np.log(base))

        a_lo, a_hi = (0, 0)
        if has_a:
            a_lo, a_hi = get_log_range(abs(min(-linthresh, vmax)), abs(vmin) + 1)
        c_lo, c_hi = (0, 0)
        if has_c:
            c_lo, c_hi = get_log_range(max(linthresh, vmin), vmax + 1)
        total_ticks = (a_hi - a_lo) + (c_hi - c_lo)
        if has_b:
            total_ticks += 1
        stride = max(total_ticks // (self.numticks - 1), 1)
        decades = []
        if has_a:
            decades.extend(-1 * (base ** (np.arange(a_lo, a_hi, stride)[::-1])))
        if has_b:
            decades.append(0.0)
        if has_c:
            decades.extend(base ** (np.arange(c_lo, c_hi, stride)))
        subs = np.asarray(self._subs)
        if len(subs) > 1 or subs[0] != 1.0:
            ticklocs = []
            for decade in decades:
                if decade == 0:
                    ticklocs.append(decade)
                else:
                    ticklocs.extend(subs * decade)
        else:
            ticklocs = decades
        return np.array(ticklocs)

    def view_limits(self, vmin, vmax):
        b = self._base
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        if _rc("axes.autolimit_mode") == "round_numbers":
            vmin, vmax = _decade_less_equal(vmin, b), _decade_greater_equal(vmax, b)
            if vmin == vmax:
                vmin, vmax = _decade_less(vmin, b), _decade_greater(vmax, b)
        return nonsingular(vmin, vmax, expander=0.001, tiny=1e-15)


class AsinhLocator(Locator):
    """Ticks evenly spaced on an inverse-sinh scale (matplotlib's)."""

    def __init__(self, linear_width, numticks=11, symthresh=0.2, base=10, subs=None):
        self.linear_width, self.numticks, self.symthresh = linear_width, numticks, symthresh
        self.base, self.subs = base, subs

    def set_params(self, numticks=None, symthresh=None, base=None, subs=None):
        if numticks is not None:
            self.numticks = numticks
        if symthresh is not None:
            self.symthresh = symthresh
        if base is not None:
            self.base = base
        if subs is not None:
            self.subs = subs if len(subs) > 0 else None

    def __call__(self):
        vmin, vmax = self.axis.get_view_interval()
        if (vmin * vmax) < 0 and abs(1 + vmax / vmin) < self.symthresh:
            bound = max(abs(vmin), abs(vmax))
            return self.tick_values(-bound, bound)
        return self.tick_values(vmin, vmax)

    def tick_values(self, vmin, vmax):
        ymin, ymax = self.linear_width * np.arcsinh(np.array([vmin, vmax]) / self.linear_width)
        ys = np.linspace(ymin, ymax, self.numticks)
        zero_dev = abs(ys / (ymax - ymin))
        if ymin * ymax < 0:
            ys = np.hstack([ys[(zero_dev > 0.5 / self.numticks)], 0.0])
        xs = self.linear_width * np.sinh(ys / self.linear_width)
        zero_xs = (ys == 0)
        with np.errstate(divide="ignore"):
            if self.base > 1:
                pows = np.sign(xs) * self.base ** np.floor(np.log(abs(xs)) / math.log(self.base))
                qs = np.outer(pows, self.subs).flatten() if self.subs else pows
            else:
                pows = np.where(zero_xs, 1, 10 ** np.floor(np.log10(abs(xs))))
                qs = pows * np.round(xs / pows)
        ticks = np.array(sorted(set(qs)))
        return ticks if len(ticks) >= 2 else np.linspace(vmin, vmax, self.numticks)


class LogitLocator(MaxNLocator):
    """Ticks evenly spaced on a logit scale (matplotlib's)."""

    def __init__(self, minor=False, *, nbins="auto"):
        self._minor = minor
        super().__init__(nbins=nbins, steps=[1, 2, 5, 10])

    def set_params(self, minor=None, **kwargs):
        if minor is not None:
            self._minor = minor
        if kwargs:
            minor, axis = self._minor, self.axis
            super().set_params(**kwargs)
            self._minor, self.axis = minor, axis

    @property
    def minor(self):
        return self._minor

    @minor.setter
    def minor(self, value):
        self.set_params(minor=value)

    def tick_values(self, vmin, vmax):
        if self._nbins == "auto":
            nbins = max(_tick_space(self.axis), 2) if self.axis is not None else 9
        else:
            nbins = self._nbins

        def ideal_ticks(x):
            return 10 ** x if x < 0 else 1 - (10 ** (-x)) if x > 0 else 0.5

        vmin, vmax = self.nonsingular(vmin, vmax)
        binf = int(np.floor(np.log10(vmin)) if vmin < 0.5 else 0 if vmin < 0.9
                   else -np.ceil(np.log10(1 - vmin)))
        bsup = int(np.ceil(np.log10(vmax)) if vmax <= 0.5 else 1 if vmax <= 0.9
                   else -np.floor(np.log10(1 - vmax)))
        numideal = bsup - binf - 1
        if numideal >= 2:
            if numideal > nbins:
                factor = math.ceil(numideal / nbins)
                keep = (lambda b: b % factor != 0) if self._minor else (lambda b: b % factor == 0)
                return np.array([ideal_ticks(b) for b in range(binf, bsup + 1) if keep(b)])
            if self._minor:
                ticklocs = []
                for b in range(binf, bsup):
                    if b < -1:
                        ticklocs.extend(np.arange(2, 10) * 10 ** b)
                    elif b == -1:
                        ticklocs.extend(np.arange(2, 5) / 10)
                    elif b == 0:
                        ticklocs.extend(np.arange(6, 9) / 10)
                    else:
                        ticklocs.extend(1 - np.arange(2, 10)[::-1] * 10 ** (-b - 1))
                return np.array(ticklocs)
            return np.array([ideal_ticks(b) for b in range(binf, bsup + 1)])
        if self._minor:
            return []
        saved, self._nbins = self._nbins, nbins
        try:
            return super().tick_values(vmin, vmax)
        finally:
            self._nbins = saved

    def nonsingular(self, vmin, vmax):
        if vmin > vmax:
            vmin, vmax = vmax, vmin
        minpos = _minpos(self.axis) if self.axis is not None else _LOGIT_MINPOS
        return logit_nonsingular(vmin, vmax, minpos)


def logit_nonsingular(vmin, vmax, minpos):
    """LogitLocator.nonsingular of limits vmin <= vmax, minpos the data's smallest positive value."""
    if not math.isfinite(vmin) or not math.isfinite(vmax) or vmax <= 0 or vmin >= 1:
        return _LOGIT_MINPOS, 1 - _LOGIT_MINPOS
    if not math.isfinite(minpos):
        minpos = _LOGIT_MINPOS
    if vmin <= 0:
        vmin = minpos
    if vmax >= 1:
        vmax = 1 - minpos
    if vmin == vmax:
        vmin, vmax = 0.1 * vmin, 1 - 0.1 * vmin
    return vmin, vmax


class LogFormatter(Formatter):
    """Labels of log and symlog ticks (matplotlib's LogFormatter: plain numbers)."""

    def __init__(self, base=10.0, labelOnlyBase=False, minor_thresholds=None, linthresh=None):
        self._base = float(base)
        self.labelOnlyBase = labelOnlyBase
        self.minor_thresholds = (1, 0.4) if minor_thresholds is None else minor_thresholds
        self._sublabels = None
        self._linthresh = linthresh

    def set_base(self, base):
        self._base = float(base)

    def set_label_minor(self, labelOnlyBase):
        self.labelOnlyBase = labelOnlyBase

    def set_locs(self, locs=None):
        if np.isinf(self.minor_thresholds[0]):
            self._sublabels = None
            return
        linthresh = self._linthresh
        if linthresh is None:
            linthresh = getattr(self.axis.get_transform(), "linthresh", None)
        vmin, vmax = self.axis.get_view_interval()
        if vmin > vmax:
            vmin, vmax = vmax, vmin
        if linthresh is None and vmin <= 0:
            self._sublabels = {1}
            return
        b = self._base
        if linthresh is not None:
            numdec = 0
            if vmin < -linthresh:
                numdec += math.log(vmin / min(vmax, -linthresh)) / math.log(b)
            if vmax > linthresh:
                numdec += math.log(vmax / max(vmin, linthresh)) / math.log(b)
        else:
            numdec = abs(math.log(vmax) / math.log(b) - math.log(vmin) / math.log(b))
        if numdec > self.minor_thresholds[0]:
            self._sublabels = {1}
        elif numdec > self.minor_thresholds[1]:
            self._sublabels = set(np.round(np.geomspace(1, b, int(b) // 2 + 1)))
        else:
            self._sublabels = set(np.arange(1, b + 1))

    def _skip(self, x):
        """The decade exponent, whether x is a decade, and whether its label is left out."""
        b = self._base
        fx = math.log(x) / math.log(b)
        is_x_decade = _is_close_to_int(fx)
        exponent = round(fx) if is_x_decade else np.floor(fx)
        coeff = round(b ** (fx - exponent))
        skip = (self.labelOnlyBase and not is_x_decade) or (
            self._sublabels is not None and coeff not in self._sublabels)
        return fx, is_x_decade, skip

    def __call__(self, x, pos=None):
        if x == 0.0:
            return "0"
        x = abs(x)
        _, _, skip = self._skip(x)
        if skip:
            return ""
        vmin, vmax = nonsingular(*self.axis.get_view_interval(), expander=0.05)
        s = self._pprint_val(x, vmax - vmin) if 1 <= x <= 10000 else f"{x:1.0e}"
        return s.replace("-", "\u2212")

    def _pprint_val(self, x, d):
        if abs(x) < 1e4 and x == int(x):
            return "%d" % x
        fmt = ("%1.3e" if d < 1e-2 else "%1.3f" if d <= 1 else "%1.2f" if d <= 10 else
               "%1.1f" if d <= 1e5 else "%1.1e")
        s = fmt % x
        tup = s.split("e")
        if len(tup) == 2:
            mantissa, exponent = tup[0].rstrip("0").rstrip("."), int(tup[1])
            return "%se%d" % (mantissa, exponent) if exponent else mantissa
        return s.rstrip("0").rstrip(".")


class LogFormatterMathtext(LogFormatter):
    """Log tick labels as mathtext powers of the base."""

    def _non_decade_format(self, sign_string, base, fx):
        return r"$\mathdefault{%s%s^{%.2f}}$" % (sign_string, base, fx)

    def __call__(self, x, pos=None):
        if x == 0:
            return r"$\mathdefault{0}$"
        sign_string = "-" if x < 0 else ""
        x = abs(x)
        fx, is_x_decade, skip = self._skip(x)
        if skip:
            return ""
        if is_x_decade:
            fx = round(fx)
        b = self._base
        base = "%d" % b if b % 1 == 0.0 else "%s" % b
        if abs(fx) < _rc("axes.formatter.min_exponent"):
            return r"$\mathdefault{%s%g}$" % (sign_string, x)
        if not is_x_decade:
            return self._non_decade_format(sign_string, base, fx)
        return r"$\mathdefault{%s%s^{%d}}$" % (sign_string, base, fx)


class LogFormatterSciNotation(LogFormatterMathtext):
    """Log tick labels in scientific notation (matplotlib's default for log axes)."""

    def _non_decade_format(self, sign_string, base, fx):
        b = float(base)
        exponent = math.floor(fx)
        coeff = b ** (fx - exponent)
        if _is_close_to_int(coeff):
            coeff = round(coeff)
        return r"$\mathdefault{%s%g\times%s^{%d}}$" % (sign_string, coeff, base, exponent)


class LogitFormatter(Formatter):
    """Probability labels on a logit axis (matplotlib's)."""

    def __init__(self, *, use_overline=False, one_half=r"\frac{1}{2}", minor=False, minor_threshold=25,
                 minor_number=6):
        self._use_overline, self._one_half, self._minor = use_overline, one_half, minor
        self._labelled = set()
        self._minor_threshold, self._minor_number = minor_threshold, minor_number

    def use_overline(self, use_overline):
        self._use_overline = use_overline

    def set_one_half(self, one_half):
        self._one_half = one_half

    def set_minor_threshold(self, minor_threshold):
        self._minor_threshold = minor_threshold

    def set_minor_number(self, minor_number):
        self._minor_number = minor_number

    def set_locs(self, locs):
        self.locs = np.array(locs)
        self._labelled.clear()
        if not self._minor:
            return
        if all(_is_decade(x, rtol=1e-7) or _is_decade(1 - x, rtol=1e-7)
               or (_is_close_to_int(2 * x) and int(np.round(2 * x)) == 1) for x in locs):
            return
        if len(locs) < self._minor_threshold:
            if len(locs) < self._minor_number:
                self._labelled.update(locs)
            else:
                diff = np.diff(-np.log(1 / self.locs - 1))
                space_pessimistic = np.minimum(np.concatenate(((np.inf,), diff)),
                                               np.concatenate((diff, (np.inf,))))
                space_sum = np.concatenate(((0,), diff)) + np.concatenate((diff, (0,)))
                good_minor = sorted(range(len(self.locs)),
                                    key=lambda i: (space_pessimistic[i], space_sum[i]))[-self._minor_number:]
                self._labelled.update(locs[i] for i in good_minor)

    def _format_value(self, x, locs, sci_notation=True):
        if sci_notation:
            exponent, min_precision = math.floor(np.log10(x)), 0
        else:
            exponent, min_precision = 0, 1
        value = x * 10 ** (-exponent)
        if len(locs) < 2:
            precision = min_precision
        else:
            diff = np.sort(np.abs(locs - x))[1]
            precision = -np.log10(diff) + exponent
            precision = int(np.round(precision)) if _is_close_to_int(precision) else math.ceil(precision)
            precision = max(precision, min_precision)
        mantissa = r"%.*f" % (precision, value)
        return r"%s\cdot10^{%d}" % (mantissa, exponent) if sci_notation else mantissa

    def _one_minus(self, s):
        return r"\overline{%s}" % s if self._use_overline else f"1-{s}"

    def __call__(self, x, pos=None):
        if self._minor and x not in self._labelled:
            return ""
        if x <= 0 or x >= 1:
            return ""
        if _is_close_to_int(2 * x) and round(2 * x) == 1:
            s = self._one_half
        elif x < 0.5 and _is_decade(x, rtol=1e-7):
            s = "10^{%d}" % round(math.log10(x))
        elif x > 0.5 and _is_decade(1 - x, rtol=1e-7):
            s = self._one_minus("10^{%d}" % round(math.log10(1 - x)))
        elif x < 0.1:
            s = self._format_value(x, self.locs)
        elif x > 0.9:
            s = self._one_minus(self._format_value(1 - x, 1 - self.locs))
        else:
            s = self._format_value(x, self.locs, sci_notation=False)
        return r"$\mathdefault{%s}$" % s
