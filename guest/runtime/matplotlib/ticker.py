"""matplotlib.ticker: tick locators and formatters.

With a locator or formatter set on an axis, the guest chooses that axis'
ticks itself when the figure is drawn (its view limits, matplotlib's
algorithms ported here) and sends them with their labels as fixed ticks.
A locator without a formatter sends positions only: the host labels them
as matplotlib's ScalarFormatter does.
"""

import math

__all__ = ["Locator", "MaxNLocator", "AutoLocator", "MultipleLocator", "FixedLocator", "NullLocator", "IndexLocator",
           "LinearLocator", "AutoMinorLocator", "Formatter", "FuncFormatter", "StrMethodFormatter",
           "FormatStrFormatter", "PercentFormatter", "NullFormatter", "FixedFormatter", "ScalarFormatter",
           "EngFormatter", "LogLocator", "LogFormatter", "LogFormatterSciNotation", "LogFormatterMathtext",
           "SymmetricalLogLocator", "AsinhLocator", "LogitLocator", "LogitFormatter"]


# Locators


class _DummyAxis:
    """matplotlib's stand-in axis of a formatter or locator used on its own (create_dummy_axis):
    view and data interval 0..1."""

    __name__ = "dummy"

    def __init__(self, minpos=0):
        self._data_interval, self._view_interval, self._minpos = (0, 1), (0, 1), minpos

    def get_view_interval(self):
        return self._view_interval

    def set_view_interval(self, vmin, vmax):
        self._view_interval = (vmin, vmax)

    def get_data_interval(self):
        return self._data_interval

    def set_data_interval(self, vmin, vmax):
        self._data_interval = (vmin, vmax)

    def get_minpos(self):
        return self._minpos

    def get_tick_space(self):
        return 9  # matplotlib's default number of ticks

    def get_transform(self):
        return None  # no linthresh: not a symlog axis


class Locator:
    """Chooses tick positions for a view interval: tick_values(vmin, vmax)."""

    axis = None

    def set_axis(self, axis):
        self.axis = axis

    def create_dummy_axis(self, **kwargs):
        if self.axis is None:
            self.axis = _DummyAxis(**kwargs)

    def tick_values(self, vmin, vmax):
        raise NotImplementedError(f"{type(self).__name__} is not supported in this sandbox")

    def __call__(self):
        return self.tick_values(*self.axis.get_view_interval())


class MaxNLocator(Locator):
    """At most nbins intervals on nice steps (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 times a power of ten by
    default, as matplotlib's)."""

    def __init__(self, nbins=10, *, steps=None, integer=False, symmetric=False, prune=None, min_n_ticks=2):
        self._nbins = nbins
        steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] if steps is None else [float(s) for s in steps]
        if steps[0] != 1:
            steps = [1.0, *steps]
        if steps[-1] != 10:
            steps = [*steps, 10.0]
        self._steps = steps
        self._integer, self._symmetric, self._prune = integer, symmetric, prune
        self._min_n_ticks = min_n_ticks

    def set_params(self, **kwargs):
        fresh = MaxNLocator(**{"nbins": self._nbins, "steps": self._steps, "integer": self._integer,
                               "symmetric": self._symmetric, "prune": self._prune,
                               "min_n_ticks": self._min_n_ticks, **kwargs})
        self.__dict__.update(fresh.__dict__)

    def _bins(self):
        if self._nbins != "auto":
            return self._nbins
        space = self.axis.tick_space() if self.axis is not None else 9
        return min(max(space, max(1, self._min_n_ticks - 1)), 9)

    def tick_values(self, vmin, vmax):
        if self._symmetric:
            vmax = max(abs(vmin), abs(vmax))
            vmin = -vmax
        vmin, vmax = nonsingular(vmin, vmax)
        nbins = self._bins()
        scale, offset = _scale_range(vmin, vmax, nbins)
        lo, hi = vmin - offset, vmax - offset
        staircase = [0.1 * s for s in self._steps[:-1]] + self._steps + [10 * self._steps[1]]
        steps = [s * scale for s in staircase]
        if self._integer:
            steps = [s for s in steps if s < 1 or abs(s - round(s)) < 0.001]
        raw = (hi - lo) / nbins
        large = [i for i, s in enumerate(steps) if s >= raw]
        if _rc("axes.autolimit_mode") == "round_numbers":
            large = [i for i in large if (lo // steps[i]) * steps[i] + steps[i] * nbins >= hi]
        first = large[0] if large else len(steps) - 1
        ticks = []
        for step in reversed(steps[:first + 1]):
            if self._integer and math.floor(hi) - math.ceil(lo) >= self._min_n_ticks - 1:
                step = max(1, step)
            best = (lo // step) * step
            edge = _Edge(step, offset)
            low, high = edge.le(lo - best), edge.ge(hi - best)
            ticks = [k * step + best for k in range(int(low), int(high) + 1)]
            if sum(lo <= t <= hi for t in ticks) >= self._min_n_ticks:
                break
        ticks = [t + offset for t in ticks]
        if self._prune in ("lower", "both"):
            ticks = ticks[1:]
        if self._prune in ("upper", "both"):
            ticks = ticks[:-1]
        return ticks


    def view_limits(self, dmin, dmax):
        """The autoscaled view of data limits: the outermost ticks in rcParams axes.autolimit_mode
        'round_numbers', else the limits."""
        if self._symmetric:
            dmax = max(abs(dmin), abs(dmax))
            dmin = -dmax
        dmin, dmax = nonsingular(dmin, dmax, expander=1e-12, tiny=1e-13)
        if _rc("axes.autolimit_mode") == "round_numbers":
            prune, self._prune = self._prune, None
            try:
                ticks = self.tick_values(dmin, dmax)
            finally:
                self._prune = prune
            return ticks[0], ticks[-1]
        return dmin, dmax


class AutoLocator(MaxNLocator):
    """matplotlib's default locator: MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10])."""

    def __init__(self):
        super().__init__(nbins="auto", steps=[1, 2, 2.5, 5, 10])


class MultipleLocator(Locator):
    """Ticks on every multiple of base (plus offset)."""

    def __init__(self, base=1.0, offset=0.0):
        if base <= 0:
            raise ValueError("'step' must be positive")
        self._base, self._offset = float(base), float(offset)

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        step = self._base
        edge = _Edge(step, self._offset)
        start = edge.ge(vmin - self._offset) * step
        n = (vmax - self._offset - start + 0.001 * step) // step
        return [start - step + k * step + self._offset for k in range(int(n) + 3)]


class FixedLocator(Locator):
    """Ticks at the given positions (at most nbins of them, evenly subsampled)."""

    def __init__(self, locs, nbins=None):
        self.locs = [float(v) for v in (locs.tolist() if hasattr(locs, "tolist") else locs)]
        self.nbins = nbins

    def tick_values(self, vmin, vmax):
        if self.nbins is None or len(self.locs) <= self.nbins + 1:
            return list(self.locs)
        step = max(int(math.ceil(len(self.locs) / self.nbins)), 1)
        # as matplotlib: of the step offsets, the one holding the value nearest zero
        ticks = self.locs[::step]
        for i in range(1, step):
            other = self.locs[i::step]
            if min(map(abs, other)) < min(map(abs, ticks)):
                ticks = other
        return ticks


class NullLocator(Locator):
    """No ticks."""

    def tick_values(self, vmin, vmax):
        return []


class IndexLocator(Locator):
    """A tick every base from the data's minimum plus offset, as matplotlib's (for index plots)."""

    def __init__(self, base, offset):
        self._base, self.offset = float(base), float(offset)

    def set_params(self, base=None, offset=None):
        if base is not None:
            self._base = float(base)
        if offset is not None:
            self.offset = float(offset)

    def __call__(self):
        return self.tick_values(*self.axis.get_data_interval())

    def tick_values(self, vmin, vmax):
        import numpy as np
        return np.arange(vmin + self.offset, vmax + 1, self._base).tolist()


class LinearLocator(Locator):
    """numticks evenly spaced ticks from vmin to vmax."""

    def __init__(self, numticks=None, presets=None):
        if presets:
            raise NotImplementedError("LinearLocator presets are not supported in this sandbox")
        self.numticks = 11 if numticks is None else int(numticks)

    def tick_values(self, vmin, vmax):
        vmin, vmax = nonsingular(vmin, vmax)
        if self.numticks == 0:
            return []
        if self.numticks == 1:
            return [vmin]
        return [vmin + (vmax - vmin) * i / (self.numticks - 1) for i in range(self.numticks)]


class AutoMinorLocator(Locator):
    """Minor ticks dividing the major step into n parts (n None: rcParams x/ytick.minor.ndivs,
    'auto': 5 for steps of 1, 2.5, 5 or 10 times a power of ten, else 4), as matplotlib's."""

    def __init__(self, n=None):
        self.ndivs = n

    def __call__(self):
        import numpy as np

        from . import _rc

        if self.axis.get_scale() == "log":
            return []
        majors = np.unique(np.asarray(self.axis.get_majorticklocs(), dtype=float))
        if len(majors) < 2:
            return []
        step = majors[1] - majors[0]
        ndivs = self.ndivs
        if ndivs is None:
            ndivs = _rc.rcParams[f"{self.axis.axis_name}tick.minor.ndivs"]
        if ndivs == "auto":
            mantissa = 10 ** (np.log10(step) % 1)
            ndivs = 5 if np.isclose(mantissa, [1, 2.5, 5, 10]).any() else 4
        minor = step / ndivs
        lo, hi = sorted(self.axis.get_view_interval())
        first, last = round((lo - majors[0]) / minor), round((hi - majors[0]) / minor) + 1
        return [float(v) for v in np.arange(first, last) * minor + majors[0]]

    def tick_values(self, vmin, vmax):
        raise NotImplementedError("Cannot get tick locations for a AutoMinorLocator")


# Formatters


class Formatter:
    """Turns a tick value into its label: format_ticks(values), or fmt(x, pos)."""

    axis = None
    locs = ()

    def _set_locator(self, locator):
        """Told the axis' new locator (set_major_locator); only date formatters use it."""

    def set_axis(self, axis):
        self.axis = axis

    def create_dummy_axis(self, **kwargs):
        if self.axis is None:
            self.axis = _DummyAxis(**kwargs)

    def set_locs(self, locs):
        self.locs = list(locs)

    def format_ticks(self, values):
        self.set_locs(values)
        return [self(value, i) for i, value in enumerate(values)]

    def format_data(self, value):
        return self(value)

    def get_offset(self):
        """The offset text shown at the axis' end ("" for none)."""
        return ""

    def __call__(self, x, pos=None):
        raise NotImplementedError(f"{type(self).__name__} is not supported in this sandbox")


class FuncFormatter(Formatter):
    """Labels from func(x, pos)."""

    def __init__(self, func):
        self.func = func

    def __call__(self, x, pos=None):
        return str(self.func(x, pos))


class StrMethodFormatter(Formatter):
    """Labels from fmt.format(x=value, pos=position), e.g. "{x:,.0f}"."""

    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt.format(x=x, pos=pos)


class FormatStrFormatter(Formatter):
    """Labels from fmt % value, e.g. "%.2f"."""

    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt % x


class NullFormatter(Formatter):
    """Empty labels."""

    def __call__(self, x, pos=None):
        return ""


class FixedFormatter(Formatter):
    """The given labels, one per tick in order."""

    def __init__(self, seq):
        self.seq = [str(s) for s in seq]

    def __call__(self, x, pos=None):
        return self.seq[pos] if pos is not None and pos < len(self.seq) else ""


class PercentFormatter(Formatter):
    """Values as percentages of xmax, e.g. PercentFormatter(1.0) for fractions; decimals None
    chooses them from the axis range, as matplotlib does."""

    def __init__(self, xmax=100, decimals=None, symbol="%", is_latex=False):
        self.xmax = xmax + 0.0
        self.decimals = decimals
        self._symbol = symbol
        self._is_latex = is_latex

    @property
    def symbol(self):
        return self._symbol or ""

    def __call__(self, x, pos=None):
        vmin, vmax = self.axis.get_view_interval() if self.axis is not None else (0.0, self.xmax)
        return self.format_pct(x, abs(vmax - vmin))

    def format_pct(self, x, display_range):
        x = self.convert_to_pct(x)
        if self.decimals is None:
            scaled = self.convert_to_pct(display_range)
            if scaled <= 0:
                decimals = 0
            else:
                decimals = min(max(math.ceil(2.0 - math.log10(2.0 * scaled)), 0), 5)
        else:
            decimals = self.decimals
        return f"{x:0.{int(decimals)}f}" + self.symbol

    def convert_to_pct(self, x):
        return 100.0 * (x / self.xmax)


class ScalarFormatter(Formatter):
    """matplotlib's default number labels. Set on an axis it is the host's own formatting;
    useOffset=False / ticklabel_format(style="plain") write plain numbers with no offset."""

    def __init__(self, useOffset=None, useMathText=None, useLocale=None, *, usetex=None):
        self._plain = useOffset is False

    def set_useOffset(self, val):
        self._plain = val is False

    def set_scientific(self, b):
        self._plain = not b

    def set_powerlimits(self, lims):
        """Only matplotlib's default (-5, 6): the host switches to a 1eN multiplier there."""
        if tuple(lims) != (-5, 6):
            raise NotImplementedError(f"ScalarFormatter.set_powerlimits({tuple(lims)!r}) is not supported in this "
                                      "sandbox; the host switches to a 1eN multiplier from 1e6 and below 1e-5")

    def format_ticks(self, values):
        decimals = _decimals_needed(values)
        return [_minus(f"{v:.{decimals}f}") for v in values]

    def __call__(self, x, pos=None):
        return _minus(f"{x:g}")


class EngFormatter(Formatter):
    """Engineering notation: 1.5 k, 20 M..., with an optional unit."""

    _PREFIXES = {-24: "y", -21: "z", -18: "a", -15: "f", -12: "p", -9: "n", -6: "\u03bc", -3: "m", 0: "",
                 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E", 21: "Z", 24: "Y"}

    def __init__(self, unit="", places=None, sep=" ", *, usetex=None, useMathText=None, useOffset=False):
        self.unit, self.places, self.sep = unit, places, sep

    def __call__(self, x, pos=None):
        if x == 0:
            power = 0
        else:
            power = min(max(int(math.floor(math.log10(abs(x)) / 3) * 3), -24), 24)
        mant = x / 10.0 ** power
        if self.places is None:
            text = f"{mant:g}"
        else:
            text = f"{mant:.{self.places}f}"
        suffix = self._PREFIXES[power] + self.unit
        return _minus(text + (self.sep + suffix if suffix else ""))


# Helpers


def _rc(key):
    import matplotlib  # the package imports this module: look it up when ticks are chosen
    return matplotlib.rcParams.get(key)


def nonsingular(vmin, vmax, expander=1e-13, tiny=1e-14):
    """vmin, vmax widened when (nearly) equal, as matplotlib.transforms.nonsingular."""
    if vmax < vmin:
        vmin, vmax = vmax, vmin
    biggest = max(abs(vmin), abs(vmax))
    if biggest < 1e-300:
        return -expander, expander
    if vmax - vmin <= biggest * tiny:
        if vmax == 0 and vmin == 0:
            return -expander, expander
        return vmin - expander * abs(vmin), vmax + expander * abs(vmax)
    return vmin, vmax


def _scale_range(vmin, vmax, n=1, threshold=100):
    dv = abs(vmax - vmin)
    meanv = (vmax + vmin) / 2
    offset = 0 if abs(meanv) / dv < threshold else math.copysign(10 ** (math.log10(abs(meanv)) // 1), meanv)
    return 10 ** (math.log10(dv / n) // 1), offset


class _Edge:
    """Integer multiples of step with floating-point slack (matplotlib's _Edge_integer)."""

    def __init__(self, step, offset):
        self.step, self._offset = step, abs(offset)

    def _close(self, ms, edge):
        if self._offset > 0:
            tol = min(0.4999, max(1e-10, 10 ** (math.log10(self._offset / self.step) - 12)))
        else:
            tol = 1e-10
        return abs(ms - edge) < tol

    def le(self, x):
        d, m = divmod(x, self.step)
        return d + 1 if self._close(m / self.step, 1) else d

    def ge(self, x):
        d, m = divmod(x, self.step)
        return d if self._close(m / self.step, 0) else d + 1


def scalar_decimals(values, limits, order=0):
    """The decimals matplotlib's ScalarFormatter writes labels at values with (divided by
    10**order), the view limits standing in when there are fewer than two values
    (ScalarFormatter._set_format)."""
    import numpy as np
    locs = np.asarray(values if len(values) >= 2 else [*values, *limits], dtype=float) / 10.0 ** order
    loc_range = np.ptp(locs) or np.max(np.abs(locs)) or 1
    if len(values) < 2:
        locs = locs[:-2]
    oom = int(math.floor(math.log10(loc_range)))
    sigfigs = max(0, 3 - oom)
    thresh = 1e-3 * 10 ** oom
    while sigfigs >= 0 and np.abs(locs - np.round(locs, decimals=sigfigs)).max() < thresh:
        sigfigs -= 1
    return sigfigs + 1


def _decimals_needed(values):
    """The fewest decimals writing every value exactly (to 1e-6 relative), at most 10."""
    for decimals in range(11):
        factor = 10 ** decimals
        if all(abs(v * factor - round(v * factor)) <= 1e-6 * max(abs(v * factor), 1) for v in values):
            return decimals
    return 10


def _minus(text):
    return text.replace("-", "\u2212")


# The log, symlog, asinh and logit tickers (they build on the classes above).
from ._ticker_log import (AsinhLocator, LogFormatter, LogFormatterMathtext, LogFormatterSciNotation,  # noqa: E402
                          LogitFormatter, LogitLocator, LogLocator, SymmetricalLogLocator)
