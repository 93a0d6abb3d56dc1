"""One axis (x or y) of an Axes, and the state axes share through sharex/sharey/twinx.

``Axis`` is ``ax.xaxis``: the label, tick label rotation and the axis-wide
tick label proxies.  ``AxisGroup`` holds what shared axes have in common:
scale, explicit limits, inversion, margins, categories and fixed ticks; it
computes the automatic limits as matplotlib does (data limits, then 5%
margins that do not cross a bar's base).
"""

import math

from . import _rc
from ._text import Text, degrees, host_styled
from ._tickstyle import TickStyle

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
        self.locator = None         # a matplotlib.ticker Locator / Formatter, once set
        self.formatter = None
        self.dates = False          # values arrived as dates (days since 1970, see dates)
        self.requested = False      # autoscale_view()/autoscale() was called
        self.tick_view = None       # (view widened by set_ticks, autoscaling artists it held for)

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
            widened = self.tick_view is not None and self.tick_view[1] == self._autoscaling_artists()
            auto_lo, auto_hi = self.tick_view[0] if widened else self.auto_limits()
            lo = auto_lo if lo is None else lo
            hi = auto_hi if hi is None else hi
        return (hi, lo) if self.inverted else (lo, hi)

    def widen_to_ticks(self, positions):
        """Widen the view to show every tick, as matplotlib's set_ticks does: fixed limits for
        good, automatic ones until an artist added later rescales the view."""
        if not positions:
            return
        lo, hi = sorted(self.view_limits())
        wide = (min(lo, min(positions)), max(hi, max(positions)))
        if wide == (lo, hi):
            return
        if None not in self.limits:
            self.limits = list(wide) if self.limits[0] <= self.limits[1] else [wide[1], wide[0]]
        else:
            self.tick_view = (wide, self._autoscaling_artists())

    def _autoscaling_artists(self):
        return sum(self.name in artist._autoscale for axes in self.members for artist in axes._artists)

    def spec_limits(self):
        """The spec's limits: explicit parts; all numbers when the guest must decide them
        (inverted, custom margins, shared with other axes, or artists the host cannot autoscale)."""
        if (self.inverted or self.margin is not None or len(self.members) > 1 or self.chooses_ticks()
                or _rc.rcParams["axes.autolimit_mode"] == "round_numbers"
                or self.tick_view is not None
                or any(artist._guest_limits() for axes in self.members for artist in axes._artists)):
            return list(self.view_limits())
        return None if self.limits == [None, None] else list(self.limits)

    def chooses_ticks(self):
        """True if the guest picks this axis' ticks (a locator or formatter was set)."""
        return self.ticks is None and (self.locator is not None or self.formatter is not None or self.dates)

    def guest_ticks(self, axis):
        """[positions, labels or None] from the locator and formatter at the view limits, as
        matplotlib draws them (positions inside the view only)."""
        from . import dates, ticker

        lo, hi = sorted(self.view_limits())
        locator = self.locator or (dates.AutoDateLocator() if self.dates else ticker.AutoLocator())
        locator.set_axis(axis)
        slack = (hi - lo) * 1e-10
        values = locator() if isinstance(locator, ticker.IndexLocator) else locator.tick_values(lo, hi)
        positions = [float(p) for p in values if lo - slack <= p <= hi + slack]
        formatter = self.formatter or (dates.AutoDateFormatter(locator) if self.dates else None)
        if formatter is None:
            return [positions, None]
        formatter.set_axis(axis)
        return [positions, [str(label) for label in formatter.format_ticks(positions)]]

    def auto_limits(self):
        """Data limits plus margins, like matplotlib's autoscale_view()."""
        log = self.scale == "log"
        values, stickies = [], []
        if not self.requested and not any(self.name in artist._autoscale for axes in self.members
                                          for artist in axes._artists):
            # As matplotlib: add_patch() alone does not rescale the view.
            return (1.0, 10.0) if log else (0.0, 1.0)
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
        if _rc.rcParams["axes.autolimit_mode"] == "round_numbers" and not log:
            lo, hi = self._round_numbers(lo, hi)
        return lo, hi

    def _round_numbers(self, lo, hi):
        """The view widened to the locator's outermost ticks (rcParams axes.autolimit_mode
        'round_numbers'), as matplotlib's MaxNLocator.view_limits."""
        from . import ticker

        locator = self.locator if isinstance(self.locator, ticker.MaxNLocator) else ticker.AutoLocator()
        if not self.members or self.dates or not isinstance(locator, ticker.MaxNLocator):
            return lo, hi
        axes = self.members[0]
        locator.set_axis(axes.xaxis if self.name == "x" else axes.yaxis)
        return locator.view_limits(lo, hi)


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

    set_fontfamily = set_family = set_fontname = set_fontstyle = set_style = set_linespacing = \
        set_bbox = set_wrap = set_rotation_mode = host_styled("tick labels")


class Axis:
    """ax.xaxis / ax.yaxis: label, tick labels and grid of one axis of an Axes."""

    def __init__(self, axes, name):
        self.axes = axes
        self.name = name
        rc = _rc.rcParams
        self.label = Text(0, 0, "", fontsize=rc["axes.labelsize"], fontweight=rc["axes.labelweight"],
                          color=rc["axes.labelcolor"])
        self.tick_rotation = 0.0
        self.tick_style = TickStyle(name)
        self._visible = True
        self._label_position = "bottom" if name == "x" else "left"

    def set_visible(self, visible):
        """Whether the axis (its ticks, tick labels, label and grid lines) is drawn; the spines stay."""
        self._visible = bool(visible)

    def get_visible(self):
        return self._visible

    def get_inverted(self):
        lo, hi = self.group.view_limits()
        return lo > hi

    def set_inverted(self, inverted):
        """Show the axis decreasing (True) or increasing (False), as invert_xaxis() toggles it."""
        if bool(inverted) != self.get_inverted():
            self.group.inverted = not self.group.inverted

    def set_tick_params(self, which="major", reset=False, **kwargs):
        self.axes.tick_params(axis=self.name, which=which, reset=reset, **kwargs)

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

    def set_label_position(self, position):
        """The axis label below or above the axes (x: 'bottom', 'top'), left or right of it (y)."""
        sides = ("bottom", "top") if self.name == "x" else ("left", "right")
        self._check_sides_movable("set_label_position")
        if position not in sides:
            raise ValueError(f"{position!r} is not a valid value for position; supported values are "
                             f"{sides[0]!r}, {sides[1]!r}")
        self._label_position = position

    def get_label_position(self):
        return self._label_position

    # Where the ticks stand (matplotlib's XAxis/YAxis methods; see _tickstyle).

    def set_ticks_position(self, position):
        self._check_sides_movable("set_ticks_position")
        self.tick_style.set_position(position)

    def get_ticks_position(self):
        return self.tick_style.get_position()

    def _move_ticks(self, side, axis):
        if self.name != axis:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute 'tick_{side}'")
        self._check_sides_movable(f"tick_{side}")
        self.tick_style.move_to(side)

    def _check_sides_movable(self, call):
        axes = self.axes
        if self.name == "y" and (axes._twin_of is not None or axes._colorbar_of is not None):
            raise NotImplementedError(f"Axis.{call} on the y axis of a twinx() axes or a colorbar is not "
                                      "supported in this sandbox; its ticks and label stand on the right")

    def tick_top(self):
        self._move_ticks("top", "x")

    def tick_bottom(self):
        self._move_ticks("bottom", "x")

    def tick_left(self):
        self._move_ticks("left", "y")

    def tick_right(self):
        self._move_ticks("right", "y")

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
        if group.chooses_ticks():
            positions, labels = group.guest_ticks(self)
            names = labels if labels is not None else [_number_label(p) for p in positions]
        elif group.ticks is not None:
            positions, labels = group.ticks
            names = labels if labels is not None else [_number_label(p) for p in positions]
        elif group.categories:
            names = list(group.categories)
        else:
            names = [""]
        return [TickLabel(self, name) for name in names]

    def get_scale(self):
        return self.group.scale

    # Tickers (matplotlib.ticker)

    def set_major_locator(self, locator):
        from . import ticker

        if not isinstance(locator, ticker.Locator):
            raise TypeError("locator must be a subclass of matplotlib.ticker.Locator")
        if isinstance(locator, ticker.LogLocator) and locator._default:
            return  # the host's log ticks
        if isinstance(locator, (ticker.LogLocator, ticker.AutoMinorLocator)):
            raise NotImplementedError(f"{type(locator).__name__} as a major locator is not supported in this sandbox")
        self.group.ticks = None
        self.group.locator = locator

    def set_major_formatter(self, formatter):
        from . import ticker

        if isinstance(formatter, str):
            formatter = ticker.StrMethodFormatter(formatter)
        elif callable(formatter) and not isinstance(formatter, ticker.Formatter):
            formatter = ticker.FuncFormatter(formatter)
        if isinstance(formatter, ticker.LogFormatter):
            return  # the host's log labels
        if isinstance(formatter, ticker.ScalarFormatter) and not formatter._plain:
            self.group.formatter = None
            return
        if not isinstance(formatter, ticker.Formatter):
            raise TypeError("formatter must be a matplotlib.ticker.Formatter, a str or a function")
        self.group.formatter = formatter

    def set_minor_locator(self, locator):
        """Accepted: minor ticks are not drawn in this sandbox."""

    set_minor_formatter = set_minor_locator

    def get_major_locator(self):
        from . import ticker

        return self.group.locator or ticker.AutoLocator()

    def get_major_formatter(self):
        from . import ticker

        return self.group.formatter or ticker.ScalarFormatter()

    def get_view_interval(self):
        return self.group.view_limits()

    def get_data_interval(self):
        """The data's extent on this axis over the shared axes (inf, -inf when there is none)."""
        values = [v for axes in self.group.members for artist in axes._artists
                  for v in artist.extent(self.name)[0] if v is not None]
        return (min(values), max(values)) if values else (math.inf, -math.inf)

    def tick_space(self):
        """How many tick labels fit along the axis (matplotlib's get_tick_space()), from the
        axes' size under the default subplot layout."""
        width, height = self.axes._size_points()
        length, per_label = (width, 3) if self.name == "x" else (height, 2)
        return max(int(length // (self.axes._tick_fontsize * per_label)), 1)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Axis.{name} is not supported in this sandbox")


def _number_label(value):
    return f"{value:g}"
