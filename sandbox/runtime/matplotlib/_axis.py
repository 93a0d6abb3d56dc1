"""One axis (x or y) of an Axes, and the state axes share through sharex/sharey/twinx.

``Axis`` is ``ax.xaxis``: the label, tick label rotation and the axis-wide
tick label proxies.  ``AxisGroup`` holds what shared axes have in common:
scale, explicit limits, inversion, margins, categories and fixed ticks; it
computes the automatic limits as matplotlib does (data limits, then 5%
margins that do not cross a bar's base).
"""

import math

from . import _rc
from ._text import Text, degrees

_SCALES = ("linear", "log")


class AxisGroup:
    """The state of one axis direction shared by a set of axes."""

    def __init__(self, name):
        self.name = name            # "x" or "y"
        self.members = []           # the Axes sharing it
        self.scale = "linear"
        self.limits = [None, None]  # explicit limits; None parts autoscale
        self.inverted = False
        self.margin = None          # None: rcParams axes.xmargin / axes.ymargin
        self.categories = []
        self._category_index = {}
        self.ticks = None           # [positions, labels or None] once set

    def category(self, name):
        """The position of category name, added at the end if new (matplotlib's category units)."""
        index = self._category_index.get(name)
        if index is None:
            index = self._category_index[name] = len(self.categories)
            self.categories.append(name)
        return index

    def set_scale(self, scale):
        if scale not in _SCALES:
            raise NotImplementedError(f"scale {scale!r} is not supported in this sandbox; use 'linear' or 'log'")
        self.scale = scale

    def set_limits(self, lo, hi):
        """Set the explicit limits (None keeps a part as it was); an explicit order wins over inversion."""
        if lo is not None:
            self.limits[0] = lo
        if hi is not None:
            self.limits[1] = hi
        self.inverted = False

    def view_limits(self):
        """(lo, hi) as matplotlib's get_xlim() would give them."""
        lo, hi = self.limits
        if lo is None or hi is None:
            auto_lo, auto_hi = self.auto_limits()
            lo = auto_lo if lo is None else lo
            hi = auto_hi if hi is None else hi
        return (hi, lo) if self.inverted else (lo, hi)

    def spec_limits(self):
        """The spec's limits: explicit parts; all numbers when the guest must decide them
        (inverted, custom margins, or shared with other axes)."""
        if self.inverted or self.margin is not None or len(self.members) > 1:
            return list(self.view_limits())
        return None if self.limits == [None, None] else list(self.limits)

    def auto_limits(self):
        """Data limits plus margins, like matplotlib's autoscale_view()."""
        log = self.scale == "log"
        values, stickies = [], []
        for axes in self.members:
            for artist in axes._artists:
                data, sticky = artist.extent(self.name)
                values.extend(v for v in data if v is not None and (v > 0 or not log))
                stickies.extend(sticky)
        if not values:
            return (1.0, 10.0) if log else (0.0, 1.0)
        lo, hi = _nonsingular(min(values), max(values), log)
        tol = 1e-5 * abs(hi - lo)
        lo_bound = max((s for s in stickies if s < lo + tol), default=None)
        hi_bound = min((s for s in stickies if s > hi - tol), default=None)
        margin = self.margin if self.margin is not None else _rc.rcParams[f"axes.{self.name}margin"]
        if log:
            tlo, thi = math.log10(lo), math.log10(hi)
            delta = (thi - tlo) * margin
            lo, hi = 10 ** (tlo - delta), 10 ** (thi + delta)
        else:
            delta = (hi - lo) * margin
            lo, hi = lo - delta, hi + delta
        if lo_bound is not None:
            lo = max(lo, lo_bound)
        if hi_bound is not None:
            hi = min(hi, hi_bound)
        return lo, hi


def _nonsingular(lo, hi, log):
    """Widen an empty interval like matplotlib's locators do."""
    if hi - lo > max(abs(lo), abs(hi)) * 1e-15:
        return lo, hi
    if log:
        return lo / 10, hi * 10
    if lo == hi == 0:
        return -0.05, 0.05
    return lo - 0.05 * abs(lo), hi + 0.05 * abs(hi)


class TickLabel(Text):
    """A tick label as returned by get_xticklabels(); its rotation and size apply to the whole axis.

    With automatic ticks a single proxy stands for all labels, so loops and
    plt.setp() over get_xticklabels() set the rotation as in matplotlib.
    """

    def __init__(self, axis, text):
        super().__init__(0, 0, text)
        self._axis = axis

    def set_rotation(self, rotation):
        self._axis.set_tick_rotation(rotation)

    def set_fontsize(self, size):
        self._axis.axes._tick_fontsize = _rc.fontsize(size)

    set_size = set_fontsize

    def set_horizontalalignment(self, align):
        """Accepted: the host aligns rotated tick labels itself."""

    set_ha = set_horizontalalignment


class Axis:
    """ax.xaxis / ax.yaxis: label, tick labels and grid of one axis of an Axes."""

    def __init__(self, axes, name):
        self.axes = axes
        self.name = name
        self.label = Text(0, 0, "", fontsize=_rc.rcParams["axes.labelsize"])
        self.tick_rotation = 0.0

    @property
    def group(self):
        return self.axes._group[self.name]

    def set_tick_rotation(self, rotation):
        self.tick_rotation = degrees(rotation)

    def set_label_text(self, label, **kwargs):
        self.label.set_text(label)
        self.label.update(kwargs)
        return self.label

    def get_label_text(self):
        return self.label.get_text()

    def grid(self, visible=None, which="major", **kwargs):
        self.axes.grid(visible, which=which, axis=self.name, **kwargs)

    def set_ticks(self, ticks, labels=None, *, minor=False, **kwargs):
        return getattr(self.axes, f"set_{self.name}ticks")(ticks, labels, minor=minor, **kwargs)

    def set_ticklabels(self, labels, **kwargs):
        return getattr(self.axes, f"set_{self.name}ticklabels")(labels, **kwargs)

    def get_ticklabels(self):
        return getattr(self.axes, f"get_{self.name}ticklabels")()

    def tick_labels(self):
        """TickLabel proxies: one per fixed or category tick, else one for the whole axis."""
        group = self.group
        if group.ticks is not None:
            positions, labels = group.ticks
            names = labels if labels is not None else [_number_label(p) for p in positions]
        elif group.categories:
            names = list(group.categories)
        else:
            names = [""]
        return [TickLabel(self, name) for name in names]

    def get_scale(self):
        return self.group.scale

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Axis.{name} is not supported in this sandbox")


def _number_label(value):
    return f"{value:g}"
