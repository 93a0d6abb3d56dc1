"""Colorbars: ``fig.colorbar(mappable, ax=ax)`` adds a narrow Axes beside ax (or several axes,
taking its room from all of them) showing the mappable's colormap from vmin to vmax;
``cax=`` draws it in a given Axes instead. The host places it (docs/CHARTS.md, "colorbar")."""

from . import _layout, _rc
from ._plots_image import AxesImage
from .colors import BoundaryNorm, LogNorm

__all__ = ["Colorbar", "make"]

_STEPS = 256  # cells of the colour gradient
# matplotlib's _normalize_location_orientation: each side's anchor, panchor and pad.
_LOCATIONS = {"left": ((1.0, 0.5), (0.0, 0.5), 0.10), "right": ((0.0, 0.5), (1.0, 0.5), 0.05),
              "top": ((0.5, 0.0), (0.5, 1.0), 0.05), "bottom": ((0.5, 1.0), (0.5, 0.0), 0.15)}
_PLACEMENT = ("fraction", "shrink", "aspect", "pad", "anchor", "panchor")
# Options drawn only at matplotlib's default.
_DEFAULT_ONLY = {"drawedges": False, "boundaries": None, "values": None, "extendrect": False, "filled": True}


def make(figure, mappable, cax, ax, kwargs):
    """Figure.colorbar: the colorbar's Axes made beside its parents (or cax), then the Colorbar."""
    from .axes import Axes

    mappable = mappable if mappable is not None else figure._current_mappable
    if mappable is None:
        raise RuntimeError("No mappable was found to use for colorbar creation. First define a mappable "
                           "such as an image (with imshow) or a contour set (with contourf).")
    location, orientation = _location(kwargs.pop("location", None), kwargs.pop("orientation", None))
    anchor, panchor, pad = _LOCATIONS[location]
    placement = {"fraction": 0.15, "shrink": 1.0, "aspect": 20.0, "pad": pad, "anchor": anchor,
                 "panchor": panchor}
    placement.update({key: kwargs.pop(key) for key in _PLACEMENT if key in kwargs})
    kwargs.pop("use_gridspec", None)
    if cax is None:
        if ax is None:
            ax = getattr(mappable, "axes", None) or figure.gca()
        parents = [ax] if isinstance(ax, Axes) else list(ax.flat if hasattr(ax, "flat") else ax)
        if not parents or any(p not in figure._axes for p in parents):
            raise ValueError("Unable to create a colorbar Axes as not all parents share the same figure.")
        cax = Axes(parents[0].figure, parents[0]._position)  # in the parents' (sub)figure
        cax._ratios = parents[0]._ratios
        figure._axes.append(cax)
        if placement["panchor"] is not False:
            for parent in parents:
                parent._anchor = _layout.anchor(placement["panchor"])
        cax._colorbar_of = parents[0]
        cax._colorbar_settings = {
            "location": location, "parents": parents, "fraction": float(placement["fraction"]),
            "pad": float(placement["pad"]), "shrink": float(placement["shrink"]),
            "aspect": float(placement["aspect"]), "anchor": list(_layout.anchor(placement["anchor"]))}
    return Colorbar(cax, mappable, orientation=orientation, ticklocation=location, **kwargs)


def _location(location, orientation):
    """(location, orientation) from either, as matplotlib's (right / vertical by default)."""
    if location is None:
        location = {None: "right", "vertical": "right", "horizontal": "bottom"}.get(orientation)
        if location is None:
            raise ValueError(f"{orientation!r} is not a valid value for orientation; supported values are "
                             "'vertical', 'horizontal'")
    if location not in _LOCATIONS:
        raise ValueError(f"{location!r} is not a valid value for location; supported values are "
                         "'left', 'right', 'top', 'bottom'")
    implied = "vertical" if location in ("left", "right") else "horizontal"
    if orientation is not None and orientation != implied:
        raise TypeError("location and orientation are mutually exclusive")
    return location, implied


class Colorbar:
    """A colorbar in ax: .ax is its Axes; set_label(), set_ticks() and set_ticklabels() as matplotlib's,
    on its long axis (y of a vertical bar, x of a horizontal one)."""

    def __init__(self, ax, mappable=None, *, cmap=None, norm=None, alpha=None, orientation=None,
                 ticklocation="auto", extend=None, extendfrac=None, ticks=None, format=None, label="",
                 location=None, spacing="uniform", **kwargs):
        from .cm import ScalarMappable

        for key, default in _DEFAULT_ONLY.items():
            value = kwargs.pop(key, default)
            if value is not default and value != default:
                raise NotImplementedError(f"colorbar {key}={value!r} is not supported in this sandbox")
        if kwargs:
            raise TypeError(f"colorbar() got an unexpected keyword argument {next(iter(kwargs))!r}")
        if spacing not in ("uniform", "proportional"):
            raise ValueError(f"{spacing!r} is not a valid value for spacing; supported values are 'uniform', "
                             "'proportional'")
        self.spacing = spacing
        if mappable is None:
            mappable = ScalarMappable(norm=norm, cmap=cmap)
        if location is not None:
            ticklocation, orientation = _location(location, orientation)
        self.orientation = orientation or "vertical"
        if ticklocation == "auto":
            ticklocation = "right" if self.orientation == "vertical" else "bottom"
        self.ax, self.mappable = ax, mappable
        self.cmap, self.norm = mappable.cmap, mappable.norm
        self.lines = []
        if getattr(ax, "_colorbar_of", None) is None:  # cax=, or made directly on an Axes
            owner = getattr(mappable, "axes", None)
            ax._colorbar_of = owner if owner in ax.figure._axes else ax
        if getattr(ax, "_colorbar_settings", None) is None:
            anchor = _LOCATIONS[ticklocation][0]
            ax._colorbar_settings = {"location": ticklocation, "parents": [], "fraction": 0.15, "pad": 0.0,
                                     "shrink": 1.0, "aspect": 20.0, "anchor": list(anchor)}
        ax._colorbar_settings["location"] = ticklocation
        self._long = ax.yaxis if self.orientation == "vertical" else ax.xaxis
        contours = hasattr(mappable, "_colorbar_artists")
        self.extend = mappable.extend if contours else (extend or "neither")
        if self.extend not in ("neither", "both", "min", "max"):
            raise ValueError(f"{self.extend!r} is not a valid value for extend; supported values are "
                             "'neither', 'both', 'min', 'max'")
        if contours:  # a contour set: its bands or lines, ticks at its levels
            self._init_contour(mappable)
        elif isinstance(self.norm, BoundaryNorm):
            self._init_boundaries()
        else:
            self._init_gradient(mappable)
        self._set_axes(ticklocation)
        self._add_extends(extendfrac)
        if format is not None:
            self._set_format(format)
        if ticks is not None:
            self.set_ticks(ticks)
        if label:
            self.set_label(label)
        mappable.colorbar = self

    # The bar itself, drawn along y and turned for a horizontal bar

    def _init_gradient(self, mappable):
        vmin, vmax = mappable.get_clim()
        if vmin is None or vmax is None:
            raise ValueError("the colorbar's mappable has no data to take its limits from")
        if vmin == vmax:
            vmin, vmax = vmin - 0.1, vmax + 0.1  # a constant mappable: matplotlib's nonsingular limits
        self.vmin, self.vmax = vmin, vmax
        edges = self.norm.inverse([i / _STEPS for i in range(_STEPS + 1)])
        values = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
        self._add_image(values, None, list(edges))
        if getattr(self.norm, "_transform", None) and type(self.norm).__name__ == "LogNorm":
            self._set_scale("log")
        elif hasattr(self.norm, "_scale_args"):  # SymLogNorm, AsinhNorm: the norm's scale
            name, kwargs = self.norm._scale_args()
            self._set_scale(name, **kwargs)

    def _init_contour(self, contours):
        from .ticker import FixedLocator

        # matplotlib gives a contour set with a LogNorm a log axis, its levels where they fall on it
        log = getattr(contours, "logscale", False) and isinstance(self.norm, LogNorm)
        levels = [float(v) for v in contours.levels]
        uniform = self.spacing == "uniform" and not log and not _is_even(levels)
        artists, self.vmin, self.vmax = contours._colorbar_artists()
        if uniform:  # uneven levels spaced evenly, as a BoundaryNorm's (_init_boundaries)
            self._uniform, self.vmin, self.vmax = levels, 0.0, 1.0
            artists = [_mapped(artist, levels) for artist in artists]
        for artist in artists:
            self.ax._add(self._turned(artist))
        if log:
            self._set_scale("log")
        if uniform:
            self._uniform_ticks(FixedLocator(levels, nbins=10))
        else:
            self._long.set_major_locator(FixedLocator(levels, nbins=10))

    def _init_boundaries(self):
        """A BoundaryNorm's colorbar: a block per bin in its colour, ticks at the boundaries
        (FixedLocator(boundaries, nbins=10)), as matplotlib's. With spacing='uniform' (the default)
        matplotlib spaces the blocks evenly, which is a linear axis only for evenly spaced boundaries;
        'proportional' blocks are as long as their bins."""
        from .ticker import FixedLocator

        bounds = [float(b) for b in self.norm.boundaries]
        mids = [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]
        if self.spacing == "uniform" and not _is_even(bounds):
            # matplotlib's 'function' scale mapping the boundaries evenly onto the bar: the guest
            # draws in that mapped space (0..1) and writes the boundaries' labels at their places
            self._uniform = bounds
            self.vmin, self.vmax = 0.0, 1.0
            self._add_image(mids, None, [i / (len(bounds) - 1) for i in range(len(bounds))])
            self._uniform_ticks(FixedLocator(bounds, nbins=10))
            return
        self.vmin, self.vmax = bounds[0], bounds[-1]
        self._add_image(mids, None, list(bounds))
        self._long.set_major_locator(FixedLocator(bounds, nbins=10))

    _uniform = None  # the uneven boundaries of a uniformly spaced BoundaryNorm bar, else None
    _uniform_formatter = None

    def _uniform_ticks(self, locator=None, formatter=None):
        """Ticks of a uniformly spaced bar of uneven boundaries: the locator's values (data) placed
        where the boundaries map them, labelled by the formatter (ScalarFormatter's decimals) over
        the boundaries' range."""
        import numpy as np

        from .ticker import FixedFormatter, FixedLocator, ScalarFormatter

        bounds = self._uniform
        if locator is not None:
            self._uniform_locator = locator
        if formatter is not None:
            self._uniform_formatter = formatter
        values = [v for v in self._uniform_locator.tick_values(bounds[0], bounds[-1])
                  if bounds[0] - 1e-6 * (bounds[-1] - bounds[0]) <= v <= bounds[-1] + 1e-6 * (bounds[-1] - bounds[0])]
        fmt = self._uniform_formatter or ScalarFormatter()
        fmt.create_dummy_axis()
        fmt.axis.set_view_interval(bounds[0], bounds[-1])
        labels = fmt.format_ticks(values)
        self._long.set_major_locator(FixedLocator(np.interp(values, bounds, np.linspace(0, 1, len(bounds)))))
        self._long.set_major_formatter(FixedFormatter(labels))

    def _add_image(self, values, rgba, edges):
        cells = len(edges) - 1
        if self.orientation == "vertical":
            image = AxesImage(values, rgba, cells, 1, [0.0, 1.0], edges, cmap=self.cmap, norm=self.norm)
        else:
            image = AxesImage(values, rgba, 1, cells, edges, [0.0, 1.0], cmap=self.cmap, norm=self.norm)
        image._role = "colorbar"
        self.ax._add(image)

    def _turned(self, artist):
        """A vertical bar's artist (x across 0..1, y along the values) turned for a horizontal bar."""
        if self.orientation == "vertical":
            return artist
        if isinstance(artist, AxesImage):
            artist._rows, artist._cols = artist._cols, artist._rows
            artist._x_edges, artist._y_edges = artist._y_edges, artist._x_edges
        elif hasattr(artist, "get_xydata") and hasattr(artist, "set_data"):
            x, y = artist.get_xdata(), artist.get_ydata()
            artist.set_data(y, x)
        elif type(artist).__name__ == "Rectangle":
            (x, y), width, height = artist.get_xy(), artist.get_width(), artist.get_height()
            artist.set_xy((y, x))
            artist.set_width(height)
            artist.set_height(width)
        else:
            raise NotImplementedError(f"a horizontal colorbar of {type(artist).__name__} is not supported in "
                                      "this sandbox")
        return artist

    def _set_axes(self, ticklocation):
        ax = self.ax
        if self.orientation == "vertical":
            ax.set_xlim(0.0, 1.0)
            ax.set_ylim(self.vmin, self.vmax)
            ax.set_xticks([])
        else:
            ax.set_ylim(0.0, 1.0)
            ax.set_xlim(self.vmin, self.vmax)
            ax.set_yticks([])
            if ticklocation == "top":
                ax.xaxis.tick_style.move_to("top")
                ax.xaxis._label_position = "top"

    def _set_scale(self, scale, **kwargs):
        (self.ax.set_yscale if self.orientation == "vertical" else self.ax.set_xscale)(scale, **kwargs)

    def _add_extends(self, extendfrac):
        """The end triangles beyond the bar (matplotlib's _do_extends), in the under and over colours,
        and the outline round bar and triangles; the host shortens the bar to make them room."""
        from .patches import Polygon

        lower, upper = self.extend in ("min", "both"), self.extend in ("max", "both")
        if not (lower or upper):
            return
        fracs = _extension_lengths(extendfrac)
        bottom, top = -fracs[0] if lower else 0.0, 1.0 + fracs[1] if upper else 1.0
        self.ax._colorbar_settings["extend"] = [-bottom, top - 1.0]
        colors, hatches = self._extend_looks()
        alpha = getattr(self.mappable, "alpha", None) if hasattr(self.mappable, "_colorbar_artists") else \
            self.mappable.get_alpha() if hasattr(self.mappable, "get_alpha") else None
        turn = (lambda xy: xy) if self.orientation == "vertical" else (lambda xy: [(y, x) for x, y in xy])
        ends = ((lower, [(0, 0), (0.5, bottom), (1, 0)], 0), (upper, [(0, 1), (0.5, top), (1, 1)], 1))
        for drawn, xy, end in ends:
            if drawn:
                self.ax.add_patch(Polygon(turn(xy), facecolor=colors[end], linewidth=0, hatch=hatches[end],
                                          alpha=alpha, transform=self.ax.transAxes, clip_on=False))
        rc = _rc.rcParams
        outline = [(0, 0), (0.5, bottom), (1, 0), (1, 1), (0.5, top), (0, 1)]
        self._outline = Polygon(turn(outline), fill=False, edgecolor=rc["axes.edgecolor"],
                                linewidth=rc["axes.linewidth"], transform=self.ax.transAxes, clip_on=False)
        self.ax.add_patch(self._outline)
        for spine in self.ax.spines.values():
            spine.set_visible(False)

    def _extend_looks(self):
        """The (lower, upper) triangles' colours and hatches."""
        mappable = self.mappable
        if hasattr(mappable, "_colorbar_artists"):
            colors = (mappable._band_rgba(0, mappable._colors[0]),
                      mappable._band_rgba(len(mappable._colors) - 1, mappable._colors[-1]))
            hatches = list(mappable.hatches)
            count = len(mappable.levels)  # matplotlib's hatch of the upper end: the band after the last
            lower = self.extend in ("min", "both")
            return colors, (hatches[0], hatches[(count - 1 + lower) % len(hatches)])
        return (self.cmap.get_under(), self.cmap.get_over()), (None, None)

    def _set_format(self, fmt):
        from .ticker import FormatStrFormatter, StrMethodFormatter

        if isinstance(fmt, str):
            fmt = StrMethodFormatter(fmt) if "{" in fmt else FormatStrFormatter(fmt)
        if self._uniform is not None:
            self._uniform_ticks(formatter=fmt)
            return
        self._long.set_major_formatter(fmt)

    # matplotlib's Colorbar API

    def set_label(self, label, *, loc=None, **kwargs):
        if self.orientation == "vertical":
            self.ax.set_ylabel(label, loc=loc, **kwargs)
        else:
            self.ax.set_xlabel(label, loc=loc, **kwargs)

    def set_ticks(self, ticks, *, labels=None, minor=False, **kwargs):
        if self._uniform is not None and not minor:
            from .ticker import FixedLocator

            self._uniform_ticks(ticks if hasattr(ticks, "tick_values") else FixedLocator(ticks))
            if labels is not None:
                self.set_ticklabels(labels, **kwargs)
            return
        setter = self.ax.set_yticks if self.orientation == "vertical" else self.ax.set_xticks
        setter(ticks, labels, minor=minor, **kwargs)

    def set_ticklabels(self, ticklabels, *, minor=False, **kwargs):
        setter = self.ax.set_yticklabels if self.orientation == "vertical" else self.ax.set_xticklabels
        setter(ticklabels, minor=minor, **kwargs)

    def get_ticks(self, minor=False):
        if self._uniform is not None and not minor:
            import numpy as np

            return np.asarray(self._uniform_locator.tick_values(self._uniform[0], self._uniform[-1]), dtype=float)
        return self.ax.get_yticks() if self.orientation == "vertical" else self.ax.get_xticks()

    def minorticks_on(self):
        """Accepted: minor ticks are not drawn (as Axes.minorticks_on)."""

    minorticks_off = minorticks_on

    def add_lines(self, *args, erase=True, **kwargs):
        """Lines across the bar at levels: add_lines(levels, colors, linewidths) or add_lines(contour_set)
        with a line contour set's levels, colours and widths (matplotlib's)."""
        from ._lines import Line2D

        if len(args) + len(kwargs) == 1:
            contours = args[0] if args else kwargs.pop("CS")
            if not hasattr(contours, "_colorbar_artists") or contours.filled:
                raise ValueError("If a single artist is passed to add_lines, it must be a ContourSet of lines")
            levels = [float(v) for v in contours.levels]
            colors = [artist._rgba for artist in contours._artists]
            widths = [artist._linewidth for artist in contours._artists]
        else:
            names = ("levels", "colors", "linewidths")
            values = dict(zip(names, args), **kwargs)
            if set(values) != set(names):
                raise TypeError("add_lines() takes levels, colors and linewidths, or a contour set")
            levels = [float(v) for v in values["levels"]]
            colors = _per_line(values["colors"], len(levels), is_color=True)
            widths = _per_line(values["linewidths"], len(levels))
        if erase:
            for line in self.lines:
                self.ax._artists.remove(line)
            self.lines = []
        span = (self.vmax - self.vmin) * 1e-10
        for level, color, width in zip(levels, colors, widths):
            if not (min(self.vmin, self.vmax) - abs(span) < level < max(self.vmin, self.vmax) + abs(span)):
                continue
            xy = ([0.0, 1.0], [level, level]) if self.orientation == "vertical" else ([level, level], [0.0, 1.0])
            line = Line2D(*xy, color=color, linewidth=width)
            self.ax._add(line)
            self.lines.append(line)

    def remove(self):
        self.ax.remove()

    @property
    def outline(self):
        """The bar's outline: the polygon round bar and triangles, else its axes' four spines at once."""
        return getattr(self, "_outline", None) or self.ax.spines[:]

    @property
    def long_axis(self):
        return self._long

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Colorbar.{name} is not supported in this sandbox")


def _mapped(artist, levels):
    """A contour colorbar's artist (x across, y along the levels) with y mapped evenly onto 0..1
    between the levels (matplotlib's uniform spacing)."""
    import numpy as np

    def place(values):
        return np.interp(np.asarray(values, dtype=float), levels, np.linspace(0, 1, len(levels))).tolist()

    if isinstance(artist, AxesImage):
        artist._y_edges = place(artist._y_edges)
    elif hasattr(artist, "get_xydata") and hasattr(artist, "set_data"):
        artist.set_data(artist.get_xdata(), place(artist.get_ydata()))
    elif type(artist).__name__ == "Rectangle":
        (x, y), height = artist.get_xy(), artist.get_height()
        low, high = place([y, y + height])
        artist.set_xy((x, low))
        artist.set_height(high - low)
    else:
        raise NotImplementedError(f"a uniformly spaced colorbar of {type(artist).__name__} is not supported in "
                                  "this sandbox")
    return artist


def _is_even(values):
    values = [float(v) for v in values]
    steps = [b - a for a, b in zip(values, values[1:])]
    return not steps or max(steps) - min(steps) <= 1e-9 * abs(values[-1] - values[0])


def _extension_lengths(frac):
    """The (lower, upper) triangle lengths as fractions of the interior (matplotlib's; 'auto' refused)."""
    if frac is None:
        return 0.05, 0.05
    if isinstance(frac, str):
        raise NotImplementedError("colorbar extendfrac='auto' is not supported in this sandbox")
    if hasattr(frac, "__len__"):
        lower, upper = (float(v) for v in frac)
        return lower, upper
    return float(frac), float(frac)


def _per_line(value, count, is_color=False):
    """One value per line from a single value or a sequence (cycled as matplotlib's collections)."""
    from .colors import is_color_like, to_rgba

    if is_color and is_color_like(value):
        return [to_rgba(value)] * count
    if not is_color and not hasattr(value, "__len__"):
        return [float(value)] * count
    items = list(value)
    items = [to_rgba(v) for v in items] if is_color else [float(v) for v in items]
    return [items[i % len(items)] for i in range(count)]
