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



class AxisGroup:
    """The state of one axis direction shared by a set of axes."""

    def __init__(self, name):
        self.name = name            # "x" or "y"
        self.members = []           # the Axes sharing it
        self.scale = "linear"
        self.scale_obj = None       # a matplotlib.scale scale; None: linear
        self.minor_locator = None   # set_minor_locator() on an axis whose ticks the guest chooses
        self.minor_formatter = None
        self.defaults = None        # the scale's (major locator, formatter, minor locator, formatter)
        self.limits = [None, None]  # explicit limits; None parts autoscale
        self.inverted = False
        self.margin = None          # None: rcParams axes.xmargin / axes.ymargin
        self.categories = []
        self._category_index = {}
        self.ticks = None           # [positions, labels or None] once set
        self.locator = None         # a matplotlib.ticker Locator / Formatter, once set
        self.formatter = None
        self.dates = None           # once dates arrived (days since 1970, see dates): their converter's
                                    # AxisInfo, with the axis' default locator and formatter
        self.requested = False      # autoscale_view()/autoscale() was called
        self.tick_view = None       # (view widened by set_ticks, autoscaling artists it held for)

    def category(self, name):
        """The position of category name, added at the end if new (matplotlib's category units)."""
        index = self._category_index.get(name)
        if index is None:
            index = self._category_index[name] = len(self.categories)
            self.categories.append(name)
        return index

    def set_scale(self, scale, **kwargs):
        """Set the scale (a name with its options, or a matplotlib.scale scale) and, as matplotlib,
        its default locators and formatters."""
        from . import scale as mscale

        made = scale if isinstance(scale, mscale.ScaleBase) else mscale.scale_factory(scale, None, **kwargs)
        if type(made) not in mscale._scale_mapping.values():
            mscale.register_scale(type(made))
        self.scale, self.scale_obj = made.name, made
        self.locator = self.formatter = self.minor_locator = self.minor_formatter = None
        self.defaults = made._defaults()

    def scale_spec(self):
        """The spec's "xscale"/"yscale"."""
        return self.scale if self.scale_obj is None else self.scale_obj._spec()

    def transform(self):
        """The scale's transform (matplotlib's Axis.get_transform())."""
        from . import scale as mscale

        return (self.scale_obj or mscale.LinearScale(None)).get_transform()

    def host_scale(self):
        """True if the host chooses this axis' ticks itself (linear and base-10 log scales)."""
        return self.scale_obj is None or self.scale_obj._host_ticks()

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
                or self.tick_view is not None or self.minor_needs_view()
                or any(artist._guest_limits() for axes in self.members for artist in axes._artists)):
            return list(self.view_limits())
        return None if self.limits == [None, None] else list(self.limits)

    def chooses_ticks(self):
        """True if the guest picks this axis' ticks (a locator or formatter was set)."""
        return self.ticks is None and (self.locator is not None or self.formatter is not None or self.dates
                                       or not self.host_scale())

    def guest_ticks(self, axis):
        """(positions, labels or None, offset text) from the locator and formatter at the view
        limits, as matplotlib draws them (positions inside the view only)."""
        from . import ticker

        lo, hi = sorted(self.view_limits())
        default = self.defaults[0] if self.scale_obj is not None else ticker.AutoLocator()
        locator = self.locator or (self.dates.majloc if self.dates else default)
        locator.set_axis(axis)
        # As matplotlib: the locator at the view limits (its own __call__ where it has one),
        # every tick formatted, then those in view kept.
        own_call = type(locator).__call__ is not ticker.Locator.__call__
        values = [float(p) for p in (locator() if own_call else locator.tick_values(lo, hi))]
        inside = self._in_view(values)
        formatter = self.formatter or (self.dates.majfmt if self.dates else self.scale_formatter(0))
        if formatter is None:
            return [v for v, keep in zip(values, inside) if keep], None, ""
        formatter.set_axis(axis)
        labels = [str(label) for label in formatter.format_ticks(values)]
        kept = [(v, label) for v, label, keep in zip(values, labels, inside) if keep]
        return [v for v, _ in kept], [label for _, label in kept], str(formatter.get_offset())

    def scale_formatter(self, which):
        """The scale's default major (0) or minor (1) formatter; None on a linear axis."""
        return None if self.scale_obj is None or self.scale == "linear" else self.defaults[1 + 2 * which]

    def _in_view(self, values):
        """Which values lie in the view (to 1e-10 of its length in scale coordinates), as
        matplotlib's interval_contains_close."""
        transform = self.transform()
        lo, hi = sorted(transform.transform([float(v) for v in self.view_limits()]))
        slack = (hi - lo) * 1e-10
        with _np().errstate(invalid="ignore", divide="ignore"):
            moved = transform.transform([float(v) for v in values]) if values else []
        return [bool(lo - slack <= t <= hi + slack) for t in moved]

    def minor_needs_view(self):
        """True if the guest places minor ticks beside the host's major ones (so both must see
        the same view): a minor locator other than AutoMinorLocator, which the host runs."""
        from . import ticker

        return (self.ticks is None and not self.chooses_ticks() and self.minor_locator is not None
                and not isinstance(self.minor_locator, ticker.AutoMinorLocator))

    def minor_spec(self, axis):
        """The spec's minor ticks of an axis whose major ticks the host picks: {"ndivs": n or
        "auto"} for AutoMinorLocator (run by the host on its majors), else {"positions": [...]}
        from the locator; None when there are none or the guest sends the ticks."""
        from . import ticker

        locator = self.minor_locator
        if locator is None or self.ticks is not None or self.chooses_ticks():
            return None
        if self.minor_formatter is not None and not isinstance(self.minor_formatter, ticker.NullFormatter):
            raise NotImplementedError("minor tick labels beside automatic major ticks are not supported in this "
                                      "sandbox")
        if isinstance(locator, ticker.AutoMinorLocator):
            if self.scale == "log":
                return None  # matplotlib's AutoMinorLocator places nothing on a log axis
            ndivs = locator.ndivs if locator.ndivs is not None else _rc.rcParams[f"{self.name}tick.minor.ndivs"]
            return {"ndivs": ndivs if ndivs == "auto" else int(ndivs)}
        locator.set_axis(axis)
        values = [float(v) for v in locator()]
        return {"positions": [v for v, keep in zip(values, self._in_view(values)) if keep]}

    def minor_ticks(self, axis, majors):
        """[positions, labels] of the minor ticks the guest sends: the user's minor locator, or a
        non-linear scale's default one; without those on a major tick, as matplotlib."""
        np = _np()
        linear = self.scale_obj is None or self.scale == "linear"
        if self.minor_locator is None and linear:
            return [[], []]
        locator = self.minor_locator or self.defaults[2]
        locator.set_axis(axis)
        values = np.asarray(locator(), dtype=float)
        transform = self.transform()
        lo, hi = sorted(transform.transform([float(v) for v in self.view_limits()]))
        with np.errstate(invalid="ignore", divide="ignore"):
            moved, major_moved = transform.transform(values), transform.transform(np.asarray(majors, dtype=float))
        if len(values) and len(majors):
            close = np.isclose(moved[:, None], major_moved[None, :], atol=(hi - lo) * 1e-5, rtol=0).any(axis=1)
            values = values[~close]
        values = [float(v) for v in values]
        formatter = self.minor_formatter or self.scale_formatter(1)
        if formatter is None:  # a linear axis' minor ticks are unlabelled (NullFormatter)
            labels = [""] * len(values)
        else:
            formatter.set_axis(axis)
            labels = [str(label) for label in formatter.format_ticks(values)]
        kept = [(v, label) for v, label, keep in zip(values, labels, self._in_view(values)) if keep]
        return [[v for v, _ in kept], [label for _, label in kept]]

    def minpos(self):
        """The smallest positive data value (inf without one), matplotlib's get_minpos()."""
        return min((v for axes in self.members for artist in axes._artists
                    for v in artist.extent(self.name)[0] if v is not None and v > 0), default=math.inf)

    def auto_limits(self):
        """Data limits plus margins, like matplotlib's autoscale_view()."""
        log = self.scale == "log"
        empty = {"log": (1.0, 10.0), "logit": (1e-7, 1 - 1e-7)}.get(self.scale, (0.0, 1.0))
        values, stickies = [], []
        if not self.requested and not any(self.name in artist._autoscale for axes in self.members
                                          for artist in axes._artists):
            # As matplotlib: add_patch() alone does not rescale the view.
            return empty
        for axes in self.members:
            for artist in axes._artists:
                data, sticky = artist.extent(self.name)
                values.extend(v for v in data if v is not None and (v > 0 or not log) and math.isfinite(v))
                stickies.extend(sticky)
        if not values:
            return empty
        if not (self.scale == "linear" or (log and self.scale_obj.base == 10)):
            return self._scaled_limits(min(values), max(values), stickies)
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

    def _scaled_limits(self, lo, hi, stickies):
        """auto_limits() on a symlog, logit, asinh or other-base log axis: the margins added in
        the scale's coordinates, as matplotlib's autoscale_view()."""
        np = _np()
        if self.scale == "logit":
            from ._ticker_log import logit_nonsingular

            lo, hi = logit_nonsingular(lo, hi, self.minpos())
        else:
            lo, hi = _nonsingular(lo, hi, self.scale == "log")
        tol = 1e-5 * abs(hi - lo)
        lo_bound = max((s for s in stickies if s < lo + tol), default=None)
        hi_bound = min((s for s in stickies if s > hi - tol), default=None)
        margin = self.margin if self.margin is not None else _rc.rcParams[f"axes.{self.name}margin"]
        lo, hi = self.scale_obj.limit_range_for_scale(lo, hi, self.minpos())
        transform = self.transform()
        with np.errstate(invalid="ignore", divide="ignore"):
            tlo, thi = transform.transform([lo, hi])
            delta = (thi - tlo) * margin
            if not np.isfinite(delta):
                delta = 0
            lo, hi = (float(v) for v in transform.inverted().transform(np.array([tlo - delta, thi + delta])))
        if lo_bound is not None:
            lo = max(lo, lo_bound)
        if hi_bound is not None:
            hi = min(hi, hi_bound)
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


def _as_formatter(formatter):
    """A format string or a function as matplotlib's set_*_formatter() takes them, as a Formatter."""
    from . import ticker

    if isinstance(formatter, str):
        return ticker.StrMethodFormatter(formatter)
    if callable(formatter) and not isinstance(formatter, ticker.Formatter):
        return ticker.FuncFormatter(formatter)
    return formatter


def _np():
    import numpy

    return numpy


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
        self._axis = None  # Text's own initial style is not the axis'
        super().__init__(0, 0, text)
        self._axis = axis

    def set_rotation(self, rotation):
        self._axis.set_tick_rotation(rotation)

    def set_fontsize(self, size):
        self._axis.axes._tick_fontsize = _rc.fontsize(size)

    set_size = set_fontsize

    def set_horizontalalignment(self, align):
        self._axis.set_tick_ha(align)

    set_ha = set_horizontalalignment

    def set_rotation_mode(self, mode):
        if self._axis is not None:
            self._axis.set_tick_rotation_mode(mode)

    set_fontfamily = set_family = set_fontname = set_fontstyle = set_style = set_linespacing = \
        set_bbox = set_wrap = host_styled("tick labels")


class Axis:
    """ax.xaxis / ax.yaxis: label, tick labels and grid of one axis of an Axes."""

    def __init__(self, axes, name):
        self.axes = axes
        self.name = name
        rc = _rc.rcParams
        self.label = Text(0, 0, "", fontsize=rc["axes.labelsize"], fontweight=rc["axes.labelweight"],
                          color=rc["axes.labelcolor"])
        self.tick_rotation = 0.0
        self.tick_ha = None                 # the tick labels' ha=; None: matplotlib's default
        self.tick_rotation_mode = "default"
        self.tick_style = TickStyle(name)
        self._visible = True
        self._label_position = "bottom" if name == "x" else "left"
        self._label_coords = None  # set_label_coords(): (x, y) in axes fractions
        self.labelpad = float(rc["axes.labelpad"])  # points between the label and the tick labels

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

    def set_tick_ha(self, align):
        """The tick labels' horizontal alignment (all of this axis' labels, as they share it)."""
        if align not in ("center", "left", "right"):
            raise ValueError(f"{align!r} is not a valid value for horizontalalignment; supported values are "
                             "'center', 'right', 'left'")
        self.tick_ha = align

    def set_tick_rotation_mode(self, mode):
        mode = "default" if mode is None else mode
        if mode not in ("default", "anchor", "xtick", "ytick"):
            raise ValueError(f"rotation_mode must be None, 'default', 'anchor', 'xtick' or 'ytick', not {mode!r}")
        if mode in ("xtick", "ytick"):
            raise NotImplementedError(f"tick labels' rotation_mode={mode!r} is not supported in this sandbox")
        self.tick_rotation_mode = mode

    def tick_align_spec(self):
        """The spec's tick label alignment ({} for matplotlib's defaults)."""
        spec = {} if self.tick_ha is None else {"ha": self.tick_ha}
        if self.tick_rotation_mode != "default":
            spec["rotation_mode"] = self.tick_rotation_mode
        return spec

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

    def set_label_coords(self, x, y, transform=None):
        """Put the label at (x, y) in axes fractions (transform ax.transAxes, the default) instead
        of beyond the tick labels."""
        if transform is not None and getattr(transform, "coords", None) != "axes":
            raise NotImplementedError("set_label_coords(transform=...) other than ax.transAxes is not supported in "
                                      "this sandbox")
        self._label_coords = (float(x), float(y))

    def label_spec(self):
        """The spec's label of this axis (None when hidden or empty), with its place and box:
        {"xlabel": Text, "xlabel_coords"?: [x, y], "xlabel_bbox"?: TextBox}."""
        name = self.name
        if not self.get_visible():
            return {f"{name}label": None}
        label = self.label
        bbox, label._bbox = label._bbox, None  # the box is the spec's own field
        try:
            spec = {f"{name}label": label.title_spec()}
        finally:
            label._bbox = bbox
        if spec[f"{name}label"] is None:
            return spec
        if bbox is not None:
            spec[f"{name}label_bbox"] = bbox
        if self._label_coords is not None:
            if self._label_position in ("top", "right"):
                raise NotImplementedError("set_label_coords() for a label on the top or right is not supported "
                                          "in this sandbox")
            spec[f"{name}label_coords"] = list(self._label_coords)
        return spec

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
            positions, labels, _ = group.guest_ticks(self)
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
        if isinstance(locator, ticker.LogLocator) and locator._default and self.group.scale == "log" \
                and self.group.host_scale():
            return  # the host's log ticks
        if isinstance(locator, ticker.AutoMinorLocator):
            raise NotImplementedError(f"{type(locator).__name__} as a major locator is not supported in this sandbox")
        self.group.ticks = None
        self.group.locator = locator
        self.get_major_formatter()._set_locator(locator)  # as matplotlib: AutoDateFormatter follows it

    def set_major_formatter(self, formatter):
        from . import ticker

        formatter = _as_formatter(formatter)
        if type(formatter) is ticker.LogFormatterSciNotation and formatter._base == 10 \
                and self.group.scale == "log" and self.group.host_scale():
            return  # the host's log labels
        if isinstance(formatter, ticker.ScalarFormatter) and not formatter._plain:
            self.group.formatter = None
            return
        if not isinstance(formatter, ticker.Formatter):
            raise TypeError("formatter must be a matplotlib.ticker.Formatter, a str or a function")
        self.group.formatter = formatter

    def set_minor_locator(self, locator):
        """The minor ticks' locator (see AxisGroup.minor_spec and minor_ticks; the scale's default
        LogLocator on a base-10 log axis leaves them to the host)."""
        from . import ticker

        if not isinstance(locator, ticker.Locator):
            raise TypeError("locator must be a subclass of matplotlib.ticker.Locator")
        if isinstance(locator, ticker.LogLocator) and locator._default and self.group.scale == "log" \
                and self.group.host_scale():
            return  # the host's log ticks
        self.group.minor_locator = locator

    def set_minor_formatter(self, formatter):
        self.group.minor_formatter = _as_formatter(formatter)

    @property
    def axis_name(self):
        return self.name

    def get_majorticklocs(self):
        """The major tick positions: fixed ones, or those the guest's locator picks (where the
        host picks them, they are not known before the figure is drawn)."""
        group = self.group
        if group.ticks is not None:
            return list(group.ticks[0])
        if not group.chooses_ticks():
            raise NotImplementedError("automatic major tick positions are chosen when the figure is drawn in "
                                      "this sandbox")
        return group.guest_ticks(self)[0]

    def get_major_locator(self):
        from . import ticker

        group = self.group
        if group.locator is None and group.dates:
            return group.dates.majloc
        return group.locator or (group.defaults[0] if group.scale_obj is not None else ticker.AutoLocator())

    def get_major_formatter(self):
        from . import ticker

        group = self.group
        if group.formatter is None and group.dates:
            return group.dates.majfmt
        return group.formatter or (group.defaults[1] if group.scale_obj is not None else ticker.ScalarFormatter())

    def get_minor_locator(self):
        from . import ticker

        group = self.group
        return group.minor_locator or (group.defaults[2] if group.scale_obj is not None else ticker.NullLocator())

    def get_transform(self):
        return self.group.transform()

    def get_minpos(self):
        return self.group.minpos()

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
