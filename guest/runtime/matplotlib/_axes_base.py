"""AxesBase: an Axes' state and decorations (titles, labels, limits, scales, ticks, grid, legend)
and its part of the figure spec.  Axes (axes.py) adds the plotting methods."""


from . import _aspect, _data, _insets, _kwargs, _layout, _legend, _rc, _styles, _subplotpars, _text, _tickstyle
from ._axis import Axis, AxisGroup, TickLabel
from ._cycler import cycler
from ._text import Text
from ._titles import TitleMethods
from .colors import spec_color, to_rgba

# Subplot parameters of matplotlib's default layout, to turn offsets in points into data units.
_LEFT, _RIGHT, _BOTTOM, _TOP, _WSPACE, _HSPACE = 0.125, 0.9, 0.11, 0.88, 0.2, 0.2
_GRID_OPTIONS = frozenset(("color", "linestyle", "linewidth", "alpha"))
# tick_params options of matplotlib's not drawn here.
_TICK_PARAMS_UNSUPPORTED = frozenset(("zorder", "tick1On", "tick2On", "label1On", "label2On", "gridOn"))


class Transform:
    """ax.transData / ax.transAxes / fig.transFigure, and blends of data and axes coordinates
    (ax.get_xaxis_transform()), for text(transform=...) and patches: coords is "data", "axes",
    "figure", or an (x, y) pair of "data" and "axes"."""

    def __init__(self, coords, axes=None):
        self.coords = coords
        self.axes = axes  # the Axes of transData / transAxes (a ConnectionPatch's ends)

    def __add__(self, other):
        offset = getattr(other, "_offset_points", None)  # a transforms.ScaledTranslation
        if offset is not None and self.coords in ("data", "axes"):
            return OffsetTransform(self.coords, self.axes, offset)
        raise NotImplementedError("composed transforms (such as offsets added to ax.transData) are not "
                                  "supported in this sandbox")

    def transform(self, values):
        raise NotImplementedError("Transform.transform() is not supported in this sandbox (display "
                                  "coordinates are chosen by the host)")


class OffsetTransform(Transform):
    """``ax.transData + ScaledTranslation(dx, dy, fig.dpi_scale_trans)`` (or transAxes): text
    placed offset_points (points, in display space) from its position."""

    def __init__(self, coords, axes, offset_points):
        super().__init__(coords, axes)
        self.offset_points = offset_points

    def __add__(self, other):
        more = getattr(other, "_offset_points", None)
        if more is None:
            return super().__add__(other)
        return OffsetTransform(self.coords, self.axes, tuple(a + b for a, b in zip(self.offset_points, more)))


class AxesBox:
    """ax.bbox: only usable as a clip box (artists on an Axes are clipped to its box anyway)."""

    def __init__(self, axes):
        self.axes = axes

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Axes.bbox.{name} is not supported in this sandbox (display coordinates are "
                                  "chosen by the host)")


class AxesBase(TitleMethods):
    """The state of one Axes and everything but the plotting methods."""

    def __init__(self, figure, position, *, sharex=None, sharey=None):
        self.figure = figure
        self._position = position  # ("grid", grid_pos) or ("rect", rect)
        self._twin_of = None
        self._group = {}
        for name in ("x", "y"):
            group = AxisGroup(name)
            group.members.append(self)
            self._group[name] = group
        for name, other in (("x", sharex), ("y", sharey)):
            if other is not None:
                self._share(name, other)
        self.transData, self.transAxes = Transform("data", self), Transform("axes", self)
        self._ratios = (None, None)  # the grid's (width_ratios, height_ratios), if unequal
        self._colorbar_of = None     # the Axes this one is the colorbar of
        self.spines = Spines()
        self._frame_on = True
        self.set_axisbelow(_rc.rcParams["axes.axisbelow"])
        self.cla()

    def get_xaxis_transform(self, which="grid"):
        """x in data, y in axes fractions (as for axvline)."""
        return Transform(("data", "axes"), self)

    def get_yaxis_transform(self, which="grid"):
        """x in axes fractions, y in data (as for axhline)."""
        return Transform(("axes", "data"), self)

    def _share(self, name, other):
        """Use other's axis state for axis name (a new Axes only)."""
        group = other._group[name]
        group.members.append(self)
        self._group[name] = group

    def sharex(self, other):
        """Share the x-axis with other from now on: its limits, scale and ticks, as matplotlib's."""
        self._share_later("x", other)

    def sharey(self, other):
        """Share the y-axis with other from now on: its limits, scale and ticks, as matplotlib's."""
        self._share_later("y", other)

    def _share_later(self, name, other):
        group = self._group[name]
        if group is other._group[name]:
            return
        if len(group.members) > 1:
            raise ValueError(f"{name}-axis is already shared")
        group.members.remove(self)
        self._share(name, other)

    def cla(self):
        """Remove everything drawn and reset the decorations."""
        self._artists = []
        self.containers = []  # as matplotlib's: bar(), hist() bars, errorbar() and stem() results, in order
        self.set_prop_cycle(None)
        self.xaxis, self.yaxis = Axis(self, "x"), Axis(self, "y")
        self._reset_titles()
        self._legend = None
        self._extra_legends = []  # legends kept with add_artist(), drawn besides _legend
        visible = bool(_rc.rcParams["axes.grid"])
        which = _rc.rcParams["axes.grid.axis"]
        # (on per axis, style) of the major and minor grid lines
        self._grid = ({name: visible and which in ("both", name) for name in ("x", "y")}, {})
        self._minor_grid = ({"x": False, "y": False}, {})
        self._tick_fontsize = _rc.fontsize(_rc.rcParams["xtick.labelsize"])
        self._facecolor = to_rgba(_rc.rcParams["axes.facecolor"])
        self._axis_off = False
        self._aspect_equal = False
        self._adjustable = "box"

    clear = cla

    def get_figure(self):
        return self.figure

    def remove(self):
        self.figure.delaxes(self)

    def set(self, **kwargs):
        """Call set_<name>(value) for each keyword (ax.set(title=..., xlim=...))."""
        for name, value in kwargs.items():
            getattr(self, f"set_{name}")(value)

    def _add(self, artist, zorder=None):
        artist.axes = self
        if zorder is not None:
            artist.set_zorder(zorder)
        self._artists.append(artist)
        return artist

    def set_prop_cycle(self, *args, **kwargs):
        """The colour cycle of the axes' next artists, from the start: a Cycler, cycler()'s arguments
        (color=[...]) or None for rcParams["axes.prop_cycle"] (read when the axes is made)."""
        if args == (None,) and not kwargs:
            cycle = _rc.rcParams["axes.prop_cycle"]
        else:
            cycle = cycler(*args, **kwargs)
            _rc.check_cycle(cycle)
        self._cycle_colors = list(cycle.by_key()["color"])
        self._cycles = {"line": 0, "patch": 0}

    def _next_color(self, kind):
        """The next colour of the axes' cycle for lines (plot, hist, stackplot, violinplot,
        errorbar) or patches (bar, scatter, fill, fill_between, pie): matplotlib keeps one each."""
        index = self._cycles[kind]
        self._cycles[kind] = index + 1
        return self._cycle_colors[index % len(self._cycle_colors)]

    # Titles and labels

    def set_xlabel(self, xlabel, fontdict=None, labelpad=None, *, loc=None, **kwargs):
        return self._set_label(self.xaxis, xlabel, fontdict, loc, kwargs, labelpad)

    def set_ylabel(self, ylabel, fontdict=None, labelpad=None, *, loc=None, **kwargs):
        return self._set_label(self.yaxis, ylabel, fontdict, loc, kwargs, labelpad)

    def _set_label(self, axis, text, fontdict, loc, kwargs, labelpad=None):
        if labelpad is not None:
            axis.labelpad = float(labelpad)
        places = ("left", "center", "right") if axis.name == "x" else ("bottom", "center", "top")
        if loc is not None and loc not in places:
            raise ValueError(f"{loc!r} is not a valid value for loc; supported values are "
                             + ", ".join(map(repr, places)))
        axis._label_loc = loc or "center"
        rc = _rc.rcParams
        options = {"fontsize": rc["axes.labelsize"], "fontweight": rc["axes.labelweight"],
                   "color": rc["axes.labelcolor"], **_text.properties(kwargs, fontdict)}
        axis.label = Text(0, 0, text, **options)
        return axis.label

    def get_xlabel(self):
        return self.xaxis.label.get_text()

    def get_ylabel(self):
        return self.yaxis.label.get_text()

    # Limits, scales, margins, aspect

    def set_xlim(self, left=None, right=None, *, emit=True, auto=False, xmin=None, xmax=None):
        return self._set_lim("x", left if xmin is None else xmin, right if xmax is None else xmax)

    def set_ylim(self, bottom=None, top=None, *, emit=True, auto=False, ymin=None, ymax=None):
        return self._set_lim("y", bottom if ymin is None else ymin, top if ymax is None else ymax)

    def _set_lim(self, name, lo, hi):
        if hi is None and hasattr(lo, "tolist") and not isinstance(lo, type):  # numpy array or scalar
            lo = lo.tolist()
        if hi is None and isinstance(lo, (tuple, list)):
            lo, hi = lo
        group = self._group[name]
        group.set_limits(*(None if v is None else _limit(v, group, name) for v in (lo, hi)))
        return group.view_limits()

    def get_xlim(self):
        return self._group["x"].view_limits()

    def get_ylim(self):
        return self._group["y"].view_limits()

    def set_xscale(self, value, **kwargs):
        self._set_scale("x", value, kwargs)

    def set_yscale(self, value, **kwargs):
        self._set_scale("y", value, kwargs)

    def _set_scale(self, name, value, kwargs):
        try:
            self._group[name].set_scale(value, **kwargs)
        except TypeError as error:
            raise TypeError(f"set_{name}scale() {str(error).partition(' ')[2]}") from None

    def get_xscale(self):
        return self._group["x"].scale

    def get_yscale(self):
        return self._group["y"].scale

    def invert_xaxis(self):
        self._group["x"].inverted = not self._group["x"].inverted

    def invert_yaxis(self):
        self._group["y"].inverted = not self._group["y"].inverted

    def xaxis_inverted(self):
        lo, hi = self.get_xlim()
        return lo > hi

    def yaxis_inverted(self):
        lo, hi = self.get_ylim()
        return lo > hi

    def margins(self, *margins, x=None, y=None, tight=True):
        """Set the fraction of the data range added on each side when autoscaling (default 0.05)."""
        if len(margins) == 1:
            x = y = margins[0]
        elif len(margins) == 2:
            x, y = margins
        elif not margins and x is None and y is None:
            return tuple(self._margin(name) for name in ("x", "y"))
        for name, value in (("x", x), ("y", y)):
            if value is not None:
                if value <= -0.5:
                    raise ValueError("margin must be greater than -0.5")
                self._group[name].margin = float(value)

    def _margin(self, name):
        margin = self._group[name].margin
        return _rc.rcParams[f"axes.{name}margin"] if margin is None else margin

    def autoscale(self, enable=True, axis="both", tight=None):
        """Autoscale unset limits to the data (patches included); tight=True drops the margins."""
        if enable:
            for name in ("x", "y"):
                if axis in ("both", name):
                    self._group[name].requested = True
        if tight:
            self.margins(**{name: 0 for name in ("x", "y") if axis in ("both", name)})

    def autoscale_view(self, tight=None, scalex=True, scaley=True):
        """Fit the view to the data, patches included (add_patch() alone does not)."""
        for name, scale in (("x", scalex), ("y", scaley)):
            if scale:
                self._group[name].requested = True
        if tight:
            self.margins(**{name: 0 for name, scale in (("x", scalex), ("y", scaley)) if scale})

    def relim(self, visible_only=False):
        """Accepted: data limits are computed when the figure is drawn."""

    def axis(self, arg=None, /, *, emit=True, xmin=None, xmax=None, ymin=None, ymax=None):
        """axis("off" | "on" | "equal" | "scaled" | "tight" | "auto") or axis([xmin, xmax, ymin, ymax]);
        returns the limits."""
        if hasattr(arg, "tolist") and not isinstance(arg, type):  # a numpy array
            arg = arg.tolist()
        if isinstance(arg, (list, tuple)):
            xmin, xmax, ymin, ymax = arg
        elif isinstance(arg, bool):
            self._axis_off = not arg
        elif arg is not None:
            self._axis_option(arg)
        if xmin is not None or xmax is not None:
            self.set_xlim(xmin, xmax)
        if ymin is not None or ymax is not None:
            self.set_ylim(ymin, ymax)
        return (*self.get_xlim(), *self.get_ylim())

    def _axis_option(self, option):
        if option in ("off", "on"):
            self._axis_off = option == "off"
        elif option in ("equal", "scaled"):
            # As matplotlib: "equal" adjusts the limits, "scaled" the box.
            self._aspect_equal, self._adjustable = True, "datalim" if option == "equal" else "box"
        elif option == "tight":
            for name in ("x", "y"):
                group = self._group[name]
                group.margin = 0.0
                group.set_limits(*group.view_limits())
        elif option == "auto":
            self._aspect_equal = False
        else:
            raise NotImplementedError(f"axis({option!r}) is not supported in this sandbox; use 'off', 'on', "
                                      "'equal', 'scaled', 'tight', 'auto' or [xmin, xmax, ymin, ymax]")

    def set_axis_off(self):
        self._axis_off = True

    def set_axis_on(self):
        self._axis_off = False

    def set_aspect(self, aspect, adjustable=None, anchor=None, share=False):
        if adjustable is not None:
            self.set_adjustable(adjustable)
        if anchor is not None:
            self.set_anchor(anchor)
        if aspect in ("equal", 1, 1.0):
            self._aspect_equal = True
        elif aspect == "auto":
            self._aspect_equal = False
        else:
            raise NotImplementedError(f"set_aspect({aspect!r}) is not supported in this sandbox; use 'equal' or 'auto'")

    def set_adjustable(self, adjustable, share=False):
        """What an equal aspect adjusts: the box ('box') or the view limits ('datalim')."""
        self._adjustable = _aspect.check(adjustable)

    def get_adjustable(self):
        return self._adjustable

    def set_visible(self, b):
        """Whether the axes is drawn (hidden, its grid cell stays empty)."""
        self._hidden = not b

    def get_visible(self):
        return not getattr(self, "_hidden", False)

    def set_box_aspect(self, aspect=None):
        """The box's height over its width (None: as the layout gives it); the view then adjusts for
        an equal aspect (adjustable 'datalim', as matplotlib sets it on the axes and its twins)."""
        _layout.set_box_aspect(self, aspect)

    def get_box_aspect(self):
        return getattr(self, "_box_aspect", None)

    def set_anchor(self, anchor, share=False):
        """Where a box shrunk to its aspect sits in its room: 'C', 'SW', ... or an (x, y) pair."""
        self._anchor = _layout.anchor(anchor)

    def get_anchor(self):
        anchor = getattr(self, "_anchor", None) or (0.5, 0.5)
        return next((code for code, xy in _layout.ANCHORS.items() if xy == anchor), anchor)

    def set_facecolor(self, color):
        self._facecolor = to_rgba(color)

    def get_facecolor(self):
        return self._facecolor

    @property
    def patch(self):
        """ax.patch: the axes background (its face colour; the frame is drawn by the host)."""
        return _Background(self)

    @property
    def bbox(self):
        """ax.bbox: the axes' box in display coordinates (which the host chooses), for set_clip_box()."""
        return AxesBox(self)

    def set_frame_on(self, b):
        """Whether the spines and the background are drawn."""
        self._frame_on = bool(b)

    def get_frame_on(self):
        return self._frame_on

    set_frameon, get_frameon = set_frame_on, get_frame_on

    def set_axisbelow(self, b):
        """Where the grid is drawn among the artists: True below patches, 'line' between patches and
        lines, False above lines (matplotlib's zorders 0.5, 1.5, 2.5)."""
        if b not in (True, False, "line"):
            raise ValueError(f"{b!r} is not a valid value for axisbelow; use True, False or 'line'")
        self._axisbelow = b

    def get_axisbelow(self):
        return self._axisbelow

    def label_outer(self, remove_inner_ticks=False):
        """Only show the outer tick labels and axis labels of a grid: none on the x axis above the
        bottom row, none on the y axis right of the first column (as matplotlib); with
        remove_inner_ticks, no tick lines there either."""
        self._label_outer("x", remove_inner_ticks)
        self._label_outer("y", remove_inner_ticks)

    def _label_outer(self, name, remove_ticks=False):
        kind, pos = self._position
        if kind != "grid":
            return
        nrows, ncols, row, col, rowspan, colspan = pos
        inner = row + rowspan < nrows if name == "x" else col > 0
        axis = self.xaxis if name == "x" else self.yaxis
        # The near side (bottom, left) is inner unless in the last row / first column, the far
        # side (top, right) unless in the first row / last column.
        inner = {"x": {"bottom": row + rowspan < nrows, "top": row > 0},
                 "y": {"left": col > 0, "right": col + colspan < ncols}}[name]
        for side, hidden in inner.items():
            if hidden:
                if axis.get_label_position() == side:
                    axis.label.set_text("")
                axis.tick_style.hide_labels(side)
                if remove_ticks:
                    axis.tick_style.hide_marks(side)

    # Ticks

    def set_xticks(self, ticks, labels=None, *, minor=False, **kwargs):
        return self._set_ticks(self.xaxis, ticks, labels, minor, kwargs)

    def set_yticks(self, ticks, labels=None, *, minor=False, **kwargs):
        return self._set_ticks(self.yaxis, ticks, labels, minor, kwargs)

    def _set_ticks(self, axis, ticks, labels, minor, kwargs):
        from .ticker import FixedLocator

        positions = _data.numbers_of(ticks, axis.group)
        if any(p is None for p in positions):
            raise ValueError("tick positions must be finite numbers")
        if minor:
            axis.set_minor_locator(FixedLocator(positions))
        else:
            axis.group.ticks = [positions, None]
        axis.group.widen_to_ticks(positions)
        if labels is not None:
            self._set_ticklabels(axis, labels, kwargs, minor)
        elif kwargs:
            raise ValueError("labels argument cannot be None when kwargs are passed")
        return axis.tick_labels()

    def set_xticklabels(self, labels, *, fontdict=None, minor=False, **kwargs):
        return self._set_ticklabels(self.xaxis, labels, {**(fontdict or {}), **kwargs}, minor)

    def set_yticklabels(self, labels, *, fontdict=None, minor=False, **kwargs):
        return self._set_ticklabels(self.yaxis, labels, {**(fontdict or {}), **kwargs}, minor)

    def _set_ticklabels(self, axis, labels, kwargs, minor=False):
        """Label the fixed (or category) ticks; a list from get_xticklabels() keeps the labels."""
        if minor:
            return self._set_minor_ticklabels(axis, labels, kwargs)
        labels = list(labels)
        if not all(isinstance(label, TickLabel) for label in labels):
            group = axis.group
            if group.ticks is None:
                if not group.categories:
                    raise NotImplementedError("set_xticklabels()/set_yticklabels() need tick positions in this "
                                              "sandbox: call set_xticks(positions, labels) instead")
                group.ticks = [list(range(len(group.categories))), None]
            positions = group.ticks[0]
            if len(labels) != len(positions):
                raise ValueError(f"The number of FixedLocator locations ({len(positions)}), usually from a call "
                                 f"to set_ticks, does not match the number of labels ({len(labels)}).")
            group.ticks[1] = [label.get_text() if isinstance(label, Text) else str(label) for label in labels]
        self._tick_text_options(axis, kwargs)
        return axis.tick_labels()

    def _set_minor_ticklabels(self, axis, labels, kwargs):
        """Label fixed minor ticks (set_xticks(..., minor=True)), as matplotlib's FixedFormatter."""
        from .ticker import FixedFormatter, FixedLocator

        locator = axis.group.minor_locator
        if not isinstance(locator, FixedLocator):
            raise NotImplementedError("minor tick labels need minor tick positions set with set_xticks(..., "
                                      "minor=True) in this sandbox")
        labels = [label.get_text() if isinstance(label, Text) else str(label) for label in labels]
        if len(labels) != len(locator.locs):
            raise ValueError(f"The number of FixedLocator locations ({len(locator.locs)}), usually from a call to "
                             f"set_ticks, does not match the number of labels ({len(labels)}).")
        axis.set_minor_formatter(FixedFormatter(labels))
        if kwargs:
            raise NotImplementedError("text properties of minor tick labels are not supported in this sandbox")
        return axis.tick_labels()

    def _tick_text_options(self, axis, kwargs):
        options = _text.properties(kwargs)
        for name in ("fontfamily", "fontstyle", "linespacing", "bbox", "wrap"):
            _text.host_styled("tick labels")(None, options.get(name))
        if "rotation" in options:
            axis.set_tick_rotation(options["rotation"])
        if "ha" in options:
            axis.set_tick_ha(options["ha"])
        if "rotation_mode" in options:
            axis.set_tick_rotation_mode(options["rotation_mode"])
        if "fontsize" in options:
            self._tick_fontsize = _rc.fontsize(options["fontsize"])

    def get_xticks(self, *, minor=False):
        return self._get_ticks(self.xaxis, minor)

    def get_yticks(self, *, minor=False):
        return self._get_ticks(self.yaxis, minor)

    def _get_ticks(self, axis, minor=False):
        from .ticker import FixedLocator

        group = axis.group
        if minor:
            if isinstance(group.minor_locator, FixedLocator):
                return list(group.minor_locator.locs)
            raise NotImplementedError("get_xticks(minor=True) needs minor ticks set with set_xticks(..., minor=True) "
                                      "in this sandbox")
        if group.ticks is not None:
            return list(group.ticks[0])
        if group.categories:
            return list(range(len(group.categories)))
        raise NotImplementedError("automatic tick positions are chosen when the figure is drawn; get_xticks()/"
                                  "get_yticks() need ticks set with set_xticks()/set_yticks() in this sandbox")

    def get_xticklabels(self, minor=False, which=None):
        return self.xaxis.tick_labels()

    def get_yticklabels(self, minor=False, which=None):
        return self.yaxis.tick_labels()

    def tick_params(self, axis="both", *, which="major", reset=False, **kwargs):
        """Tick label rotation (rotation/labelrotation), size (labelsize) and visibility, the ticks'
        look (see _tickstyle) and the grid's (grid_color, grid_linewidth...)."""
        if axis not in ("both", "x", "y"):
            raise ValueError(f"{axis!r} is not a valid value for axis; use 'x', 'y' or 'both'")
        targets = [t for t in (self.xaxis, self.yaxis) if axis in ("both", t.name)]
        rotation = kwargs.pop("labelrotation", kwargs.pop("rotation", None))
        size = kwargs.pop("labelsize", None)
        _kwargs.check_default("tick_params", "fontfamily", kwargs.pop("labelfontfamily", None) or "sans-serif")
        grid = {key[5:]: kwargs.pop(key) for key in list(kwargs) if key.startswith("grid_")}
        style = {key: kwargs.pop(key) for key in list(kwargs) if key in _tickstyle.KEYS}
        for key in sorted(kwargs):
            if key in _TICK_PARAMS_UNSUPPORTED:
                raise NotImplementedError(f"tick_params({key}=...) is not supported in this sandbox")
            raise ValueError(f"keyword {key} is not recognized")
        if grid:
            if axis != "both":
                raise NotImplementedError("tick_params(axis='x' or 'y', grid_...) is not supported in this "
                                          "sandbox; both axes' grid lines share one style")
            for kind, (_, style) in (("major", self._grid), ("minor", self._minor_grid)):
                if which in (kind, "both"):
                    style.update(_kwargs.take(dict(grid), _GRID_OPTIONS, "grid"))
        for target in targets:
            if reset:
                target.tick_style = _tickstyle.TickStyle(target.name)
            target.tick_style.update(which, style)
            if rotation is not None:
                target.set_tick_rotation(rotation)
        if size is not None:
            self._tick_fontsize = _rc.fontsize(size)

    def ticklabel_format(self, *, axis="both", style=None, scilimits=None, useOffset=None, useLocale=None,
                         useMathText=None):
        """style="plain" (or useOffset=False): plain numbers, no offset or 1eN multiplier."""
        from .ticker import ScalarFormatter

        if style in ("sci", "scientific") or scilimits is not None:
            raise NotImplementedError("ticklabel_format(style='sci', scilimits=...) is not supported in this "
                                      "sandbox; the host switches to a 1eN multiplier from 1e6 and below 1e-5")
        plain = style == "plain" or useOffset is False
        for target in (self.xaxis, self.yaxis):
            if axis in ("both", target.name) and plain:
                target.set_major_formatter(ScalarFormatter(useOffset=False))

    def minorticks_on(self):
        """Minor ticks on both axes: AutoMinorLocator on linear ones, the scale's own otherwise."""
        from .ticker import AutoMinorLocator

        for axis in (self.xaxis, self.yaxis):
            group = axis.group
            if group.scale_obj is None or group.scale == "linear":
                axis.set_minor_locator(AutoMinorLocator())
            elif not group.host_scale():
                axis.set_minor_locator(group.defaults[2])

    def minorticks_off(self):
        from .ticker import NullLocator

        for axis in (self.xaxis, self.yaxis):
            axis.set_minor_locator(NullLocator())

    def locator_params(self, axis="both", tight=None, **kwargs):
        """set_params(**kwargs) of the x and/or y axis' major locator (nbins=4...), as matplotlib's."""
        if axis not in ("both", "x", "y"):
            raise ValueError(f"{axis!r} is not a valid value for axis; supported values are 'both', 'x', 'y'")
        if tight:
            raise NotImplementedError("locator_params(tight=True) is not supported in this sandbox")
        for name in ("x", "y") if axis == "both" else (axis,):
            target = self.xaxis if name == "x" else self.yaxis
            locator = target.get_major_locator()
            if not hasattr(locator, "set_params"):
                raise NotImplementedError(f"locator_params() of a {type(locator).__name__} is not supported in "
                                          "this sandbox")
            locator.set_params(**kwargs)
            target.set_major_locator(locator)

    # Grid and legend

    def grid(self, visible=None, which="major", axis="both", **kwargs):
        """Show (or with visible=False hide) grid lines; no arguments toggle them, as in matplotlib."""
        style = _kwargs.take(kwargs, _GRID_OPTIONS, "Line2D")
        if axis not in ("both", "x", "y"):
            raise ValueError(f"{axis!r} is not a valid value for axis; supported values are 'both', 'x', 'y'")
        if which not in ("major", "minor", "both"):
            raise ValueError(f"{which!r} is not a valid value for which; supported values are 'major', 'minor', "
                             "'both'")
        grids = [grid for kind, grid in (("major", self._grid), ("minor", self._minor_grid))
                 if which in (kind, "both")]
        for on, own_style in grids:
            for name in ("x", "y") if axis == "both" else (axis,):
                if visible is None and not style:
                    on[name] = not on[name]
                else:
                    on[name] = bool(visible) or visible is None
            own_style.update(style)

    def legend(self, *args, **kwargs):
        """Add a legend: of the labelled artists, of labels in order, or of handles and labels."""
        self._legend = _legend.make(self, args, kwargs)
        return self._legend

    def get_legend(self):
        return self._legend

    def get_legend_handles_labels(self, legend_handler_map=None):
        return _legend.handles_labels(self)

    # Twins and coordinates

    def twinx(self):
        """A new Axes over this one, sharing its x axis, with its y axis on the right."""
        twin = type(self)(self.figure, self._position, sharex=self)
        twin._twin_of = self
        self.figure._axes.append(twin)
        self.figure.sca(twin)
        return twin

    def inset_axes(self, bounds, **kwargs):
        """A child Axes at bounds (x0, y0, width, height) in this one's axes fractions (_insets)."""
        return _insets.inset_axes(self, bounds, **kwargs)

    @property
    def child_axes(self):
        """The insets of this Axes (not in fig.axes, as matplotlib's)."""
        return [axes for axes in self.figure._axes if getattr(axes, "_inset_of", None) is self]

    def _size_points(self):
        """The axes' (width, height) in points under matplotlib's default subplot layout."""
        width_in, height_in = self.figure.get_size_inches()
        kind, pos = self._position
        if kind == "rect" and getattr(self, "_inset_of", None) is not None:
            width, height = self._inset_of._size_points()
            return pos[2] * width, pos[3] * height
        if kind == "rect":
            return pos[2] * width_in * 72, pos[3] * height_in * 72
        nrows, ncols, _, _, rowspan, colspan = pos
        cell_w = (_RIGHT - _LEFT) / (ncols + _WSPACE * (ncols - 1))
        cell_h = (_TOP - _BOTTOM) / (nrows + _HSPACE * (nrows - 1))
        width = colspan * cell_w + (colspan - 1) * _WSPACE * cell_w
        height = rowspan * cell_h + (rowspan - 1) * _HSPACE * cell_h
        return width * width_in * 72, height * height_in * 72

    def _to_data(self, point, coords, base=None):
        """point in coords ("data", "axes fraction", "offset points" or "offset pixels" from base,
        a point in data coordinates) as [x, y] in data coordinates, at the current limits."""
        if coords == "data":
            return list(point)
        if coords == "axes fraction":
            return [self._along(name, None, value) for name, value in zip("xy", point)]
        if coords in ("offset points", "offset pixels"):
            scale = 1.0 if coords == "offset points" else 72.0 / self.figure.get_dpi()
            size = self._size_points()
            return [self._along(name, start, value * scale / length)
                    for name, start, value, length in zip("xy", base, point, size)]
        raise NotImplementedError(f"annotation coordinates {coords!r} are not supported in this sandbox; use "
                                  "'data', 'axes fraction', 'offset points', 'offset pixels', 'offset fontsize' or "
                                  "the axes' transforms")

    def _along(self, name, start, fraction):
        """The data value fraction of the axis length past start (None: the axis start)."""
        group = self._group[name]
        lo, hi = group.view_limits()
        transform = group.transform()
        forward, back = transform.transform, transform.inverted().transform
        origin = forward(lo) if start is None else forward(start)
        return float(back(origin + fraction * (forward(hi) - forward(lo))))

    # The spec

    def _spec(self, axes_index):
        """This axes' part of the figure spec; axes_index maps the figure's Axes to their indices."""
        kind, pos = self._position
        x, y = self._group["x"], self._group["y"]
        return {
            "grid_pos": list(pos) if kind == "grid" else None,
            "rect": list(pos) if kind == "rect" else None,
            "twin_of": None if self._twin_of is None else axes_index[self._twin_of],
            "title": self.title.title_spec(), "title_y": self._title_y, "title_pad": self._title_pad,
            **{f"title_{loc}": title.title_spec() for loc, title in self._side_titles.items()
               if title.get_text()},
            **self.xaxis.label_spec(), **self.yaxis.label_spec(),
            "xscale": x.scale_spec(), "yscale": y.scale_spec(),
            "xlim": x.spec_limits(), "ylim": y.spec_limits(),
            "xticks": _ticks_spec(x, self.xaxis), "yticks": _ticks_spec(y, self.yaxis),
            **{f"{name}minor": minor for name, group, axis in (("x", x, self.xaxis), ("y", y, self.yaxis))
               if (minor := group.minor_spec(axis))},
            "xtick_rotation": self.xaxis.tick_rotation, "ytick_rotation": self.yaxis.tick_rotation,
            **{f"{axis.name}tick_align": align for axis in (self.xaxis, self.yaxis)
               if (align := axis.tick_align_spec())},
            "tick_fontsize": self._tick_fontsize,
            "xtick_style": self.xaxis.tick_style.spec(self.xaxis.get_visible()),
            "ytick_style": self.yaxis.tick_style.spec(self.yaxis.get_visible()),
            "hide_xticklabels": not (self.xaxis.tick_style.near_labels() and self.xaxis.get_visible()),
            "hide_yticklabels": not (self.yaxis.tick_style.near_labels() and self.yaxis.get_visible()),
            "xlabel_top": self.xaxis.get_label_position() == "top",
            "ylabel_right": self.yaxis.get_label_position() == "right",
            "xlabelpad": float(self.xaxis.labelpad), "ylabelpad": float(self.yaxis.labelpad),
            "width_ratios": self._ratios[0], "height_ratios": self._ratios[1],
            "colorbar_of": None if self._colorbar_of is None else axes_index[self._colorbar_of],
            "x_categories": list(x.categories) or None, "y_categories": list(y.categories) or None,
            "grid": self._grid_spec(self._grid),
            **({"minor_grid": minor_grid} if (minor_grid := self._grid_spec(self._minor_grid)) else {}),
            **({"align": aligned} if (aligned := self.figure._align.spec(self)) else {}),
            "legend": None if self._legend is None else self._legend.spec(axes_index),
            "facecolor": spec_color(self._facecolor if self._frame_on else "none"),
            "spines": {side: dict(spine, visible=spine["visible"] and self._frame_on)
                       for side, spine in self.spines.spec().items()},
            "grid_zorder": {True: 0.5, "line": 1.5, False: 2.5}[self._axisbelow],
            "axis_off": self._axis_off, "aspect_equal": self._aspect_equal, "datalim": _aspect.spec(self),
            "artists": [artist.spec() for artist in self._artists],
            "zorders": (None if all(artist._zorder is None for artist in self._artists)
                        else [artist.get_zorder() for artist in self._artists]),
            **self._extra_legends_spec(axes_index),
            **_layout.spec(self, axes_index),
            **_subplotpars.axes_spec(self),
        }

    def _extra_legends_spec(self, axes_index):
        kept = [legend.spec(axes_index) for legend in self._extra_legends if legend is not self._legend]
        return {"extra_legends": kept} if kept else {}

    def _grid_spec(self, grid):
        """The spec of the major or minor grid lines (self._grid, self._minor_grid)."""
        grid_on, style = grid
        shown = {"x": self.xaxis.get_visible(), "y": self.yaxis.get_visible()}
        on = [name for name in ("x", "y") if grid_on[name] and shown[name]]
        if not on:
            return None
        rc = _rc.rcParams
        return {"axis": "both" if len(on) == 2 else on[0],
                "color": spec_color(style.get("color", rc["grid.color"]), style.get("alpha", rc["grid.alpha"])),
                "linestyle": _styles.linestyle(style.get("linestyle", rc["grid.linestyle"])),
                "linewidth": float(style.get("linewidth", rc["grid.linewidth"]))}

    def set_xmargin(self, m):
        self.margins(x=m)

    def set_ymargin(self, m):
        self.margins(y=m)

    def set_forward_navigation_events(self, forward):
        """Accepted: it routes interactive pan/zoom events, nothing drawn."""
        self._forward_navigation = forward

    def get_forward_navigation_events(self):
        return getattr(self, "_forward_navigation", "auto")

    def get_subplotspec(self):
        """The SubplotSpec of a grid subplot (None for add_axes())."""
        from .gridspec import GridSpec

        kind, pos = self._position
        if kind != "grid":
            return None
        if getattr(self, "_subplotspec", None) is None:
            nrows, ncols, row, col, rowspan, colspan = pos
            self._subplotspec = GridSpec(nrows, ncols, self.figure)[row:row + rowspan, col:col + colspan]
        return self._subplotspec

    def get_gridspec(self):
        spec = self.get_subplotspec()
        return None if spec is None else spec.get_gridspec()

    def __repr__(self):
        return f"<Axes: title={self.get_title()!r}>"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'Axes' object has no attribute {name!r}")
        raise NotImplementedError(f"Axes.{name} is not supported in this sandbox")


def _limit(value, group, name):
    """A limit as a number: dates (as on a date axis) become days since 1970."""
    if hasattr(value, "tolist") and not isinstance(value, type):
        value = value.tolist()
    if _data._is_date(value):
        return _data.numbers_of([value], group)[0]
    return _data.scalar(value, f"{name} limit")


def _ticks_spec(group, axis):
    offset = ""
    if group.chooses_ticks():
        positions, labels, offset = group.guest_ticks(axis)
    elif group.ticks is None:
        return None
    else:
        positions, labels = group.ticks
        if labels is None:
            formatter = group.formatter or group.scale_formatter(0)
            if formatter is not None:
                formatter.set_axis(axis)
                labels = [str(label) for label in formatter.format_ticks(positions)]
    spec = {"positions": list(positions), "labels": None if labels is None else list(labels)}
    if offset:
        spec["offset"] = offset
    minor, minor_labels = group.minor_ticks(axis, spec["positions"])
    if minor:
        spec.update(minor=minor, minor_labels=minor_labels)
    return spec


class _Background:
    """ax.patch: setting its colour sets the axes' facecolor."""

    def __init__(self, axes):
        self._axes = axes

    def set_facecolor(self, color):
        self._axes.set_facecolor(color)

    set_color = set_fc = set_facecolor

    def get_facecolor(self):
        return self._axes.get_facecolor()

    def set_alpha(self, alpha):
        self._axes._facecolor = to_rgba(self._axes._facecolor, alpha)

    def set_visible(self, visible):
        if not visible:
            self._axes.set_facecolor("none")

    def set_edgecolor(self, color):
        """Accepted: the frame is drawn by the host."""

    set_linewidth = set_zorder = set_edgecolor


class Spines(dict):
    """ax.spines: the four frame lines.  Indexed by a list of names or [:] it gives a proxy
    calling a method on each (matplotlib's SpinesProxy)."""

    def __init__(self):
        super().__init__((side, Spine(side)) for side in ("left", "right", "bottom", "top"))

    def __getitem__(self, key):
        if isinstance(key, slice):
            return _SpinesProxy(list(self.values()))
        if isinstance(key, (list, tuple)):
            return _SpinesProxy([dict.__getitem__(self, name) for name in key])
        return dict.__getitem__(self, key)

    def __getattr__(self, name):
        if name in ("left", "right", "bottom", "top"):
            return self[name]
        raise AttributeError(f"'Spines' object has no attribute {name!r}")

    def spec(self):
        return {side: spine.spec() for side, spine in self.items()}


class _SpinesProxy:
    """Several spines at once: spines[["top", "right"]].set_visible(False)."""

    def __init__(self, spines):
        self._spines = spines

    def __getattr__(self, name):
        methods = [getattr(spine, name) for spine in self._spines]

        def call(*args, **kwargs):
            for method in methods:
                method(*args, **kwargs)

        return call


class Spine:
    """One frame line: its visibility, colour, width, style, position and bounds, drawn by the
    host (matplotlib's defaults from rcParams axes.edgecolor, axes.linewidth, axes.spines.*)."""

    def __init__(self, side):
        rc = _rc.rcParams
        self.spine_type = side
        self._visible = bool(rc[f"axes.spines.{side}"])
        self._color = to_rgba(rc["axes.edgecolor"])
        self._alpha = None
        self._linewidth = float(rc["axes.linewidth"])
        self._linestyle = "-"
        self._position = ("outward", 0.0)
        self._bounds = None
        self._trim = False  # from the first to the last major tick (seaborn's despine(trim=True))

    def set_visible(self, visible):
        self._visible = bool(visible)

    def get_visible(self):
        return self._visible

    def set_color(self, color):
        self._color = to_rgba(color)

    set_edgecolor = set_ec = set_color

    def get_edgecolor(self):
        return to_rgba(self._color, self._alpha)

    get_ec = get_edgecolor

    def set_alpha(self, alpha):
        self._alpha = alpha

    def set_linewidth(self, width):
        self._linewidth = float(width)

    set_lw = set_linewidth

    def get_linewidth(self):
        return self._linewidth

    def set_linestyle(self, style):
        self._linestyle = _styles.linestyle(style)

    set_ls = set_linestyle

    def set_capstyle(self, capstyle):
        if capstyle != "projecting":
            raise NotImplementedError(f"Spine.set_capstyle({capstyle!r}) is not supported in this sandbox; "
                                      "spines are drawn with 'projecting' caps")

    def set_zorder(self, zorder):
        if zorder != 2.5:
            raise NotImplementedError("Spine.set_zorder is not supported in this sandbox; spines are drawn "
                                      "above the artists")

    def set_bounds(self, low=None, high=None):
        """The spine's extent in data coordinates along it (None: the view limits' end)."""
        if high is None and isinstance(low, (list, tuple)):
            low, high = low
        old = self._bounds or [None, None]
        self._bounds = [old[0] if low is None else _data.scalar(low, "spine bound"),
                        old[1] if high is None else _data.scalar(high, "spine bound")]

    def get_bounds(self):
        return None if self._bounds is None else tuple(self._bounds)

    def set_position(self, position):
        """('outward', points), ('axes', fraction), ('data', value), 'center' or 'zero'."""
        if position not in ("center", "zero"):
            if not isinstance(position, (list, tuple)) or len(position) != 2:
                raise ValueError("position should be 'center' or 2-tuple")
            if position[0] not in ("outward", "axes", "data"):
                raise ValueError("position[0] should be one of 'outward', 'axes', or 'data' ")
            _data.scalar(position[1], "spine position")
        self._position = position

    def get_position(self):
        return self._position

    def set(self, **kwargs):
        for name, value in kwargs.items():
            getattr(self, f"set_{name}")(value)

    def spec(self):
        kind, amount = {"center": ("axes", 0.5), "zero": ("data", 0.0)}.get(self._position, self._position)
        return {"visible": self._visible, "color": spec_color(self._color, self._alpha),
                "linewidth": self._linewidth, "linestyle": self._linestyle,
                "position": {kind: float(amount)}, "bounds": self._bounds, **({"trim": True} if self._trim else {})}
