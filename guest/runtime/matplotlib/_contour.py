"""Axes.contour and Axes.contourf: matplotlib's QuadContourSet, computed in the guest (and
tricontour/tricontourf: its TriContourSet, over a triangular grid, _tricontour.py).

The levels, the colours of the lines and bands (a colormap over the levels or layers, or the
colors= list) and the linewidths and linestyles follow matplotlib's ContourSet; the geometry is
marching squares as contourpy's default algorithm (_marching.py).  Each line level is drawn as
a line (None between its pieces, described as a line collection) and each filled band as one
path whose rings are filled by the nonzero rule.  The view is fitted tightly to the grid, as
matplotlib's sticky edges do.
"""

import binascii
import math
import warnings
from numbers import Integral

import numpy as np

from . import _hatch, _rc, _styles
from ._artist import Artist
from ._marching import Grid
from .cm import ScalarMappable
from .colors import ListedColormap, LogNorm, NoNorm, is_color_like, to_rgba

_HUGE = 1e250  # matplotlib's stand-in for the open ends of extended bands


class QuadContourSet(ScalarMappable):
    """The result of contour()/contourf(): levels, layers, cvalues, allsegs and the colour
    mapping (for colorbar); its lines or bands are drawn on .axes."""

    def __init__(self, ax, args, *, filled, levels=None, colors=None, cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, extend="neither", linewidths=None, linestyles=None, origin=None,
                 extent=None, locator=None, negative_linestyles=None, corner_mask=None, algorithm=None,
                 antialiased=None, nchunk=0, hatches=(None,), zorder=None, label=None):
        name = "contourf" if filled else "contour"
        if algorithm not in (None, "mpl2014"):
            raise NotImplementedError(f"{name}(algorithm={algorithm!r}) is not supported in this sandbox")
        if label is not None:  # matplotlib ignores it too
            warnings.warn("The following kwargs were not used by contour: 'label'", UserWarning, stacklevel=3)
        hatches = [_hatch.pattern(h) for h in (hatches if isinstance(hatches, (list, tuple)) else [hatches])]
        # matplotlib's logscale: a LogNorm or LogLocator masks z <= 0, takes LogLocator levels and
        # puts the bands' colours at the levels' geometric means.
        self.logscale = isinstance(norm, LogNorm) or type(locator).__name__ == "LogLocator"
        if self.logscale and norm is None:
            norm = LogNorm()
        # matplotlib does not check extend: another value (such as 'lower') extends neither end, and
        # only a colorbar of the set refuses it.
        if colors is not None and cmap is not None:
            raise ValueError("Either colors or cmap must be None")
        if origin == "image":
            origin = _rc.rcParams["image.origin"]
        self.axes, self.filled, self.extend = ax, filled, extend
        self.origin, self.extent, self.locator, self.colors = origin, extent, locator, colors
        self.hatches = hatches
        if corner_mask == "legacy":
            raise NotImplementedError(f"{name}(corner_mask='legacy') is not supported in this sandbox")
        self.corner_mask = _rc.rcParams["contour.corner_mask"] if corner_mask is None else corner_mask
        args = list(args)
        if args and isinstance(args[0], QuadContourSet):
            source = args.pop(0)
            self._grid, self.zmin, self.zmax = source._grid, source.zmin, source.zmax
            if levels is None and not args:
                levels = source.levels
        else:
            self._grid, boolean = self._grid_of(args, name)
            self.zmin, self.zmax = self._grid.zrange()
            if self.logscale and self.zmin <= 0:
                warnings.warn("Log scale: values of z <= 0 have been masked", UserWarning, stacklevel=3)
                self._grid = self._grid.masked_nonpositive()
                self.zmin, self.zmax = self._grid.zrange()
            if levels is None and not args and boolean:
                levels = [0, .5, 1] if filled else [.5]  # matplotlib's levels for a boolean Z
        self.levels = self._levels_of(levels if levels is not None else (args[0] if args else 7))
        self._process_levels()
        self._init_colors(cmap, norm, vmin, vmax)
        self.alpha = alpha
        self._artists = []
        if filled:
            lowers, uppers = self._lowers_and_uppers()
            for index, (lower, upper) in enumerate(zip(lowers, uppers)):
                rings = self._grid.band(lower, upper)
                band = _Band(self, rings, self._colors[index], alpha)
                band._index = index
                band._hatch = self.hatches[index % len(self.hatches)]
                self._artists.append(band)
        else:
            widths = _per_level(linewidths, len(self.levels), _rc.rcParams["lines.linewidth"])
            styles = self._linestyles(linestyles, negative_linestyles)
            for index, level in enumerate(self.levels):
                pieces = self._grid.lines(level)
                self._artists.append(_Lines(self, pieces, self._colors[index], widths[index], styles[index],
                                            alpha))
        self._orig_linestyles = linestyles
        for artist in self._artists:
            ax._add(artist, zorder)
        ax.figure._current_mappable = self

    def _grid_of(self, args, name):
        """(Grid, whether Z is boolean) of contour's positional arguments (Z, or X, Y, Z; levels
        may follow, left in args)."""
        z_arg = args[0] if len(args) in (1, 2) else args[2] if len(args) in (3, 4) else None
        boolean = z_arg is not None and np.asarray(z_arg).dtype == bool
        if len(args) in (1, 2):
            z, mask = self._z(args.pop(0))
            x, y = self._initialize_x_y(z)
        elif len(args) in (3, 4):
            x, y, (z, mask) = args.pop(0), args.pop(0), self._z(args.pop(0))
            x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
            if x.ndim != y.ndim:
                raise TypeError(f"Number of dimensions of x ({x.ndim}) and y ({y.ndim}) do not match")
            if x.ndim == 1:
                if len(x) != z.shape[1]:
                    raise TypeError(f"Length of x ({len(x)}) must match number of columns in z ({z.shape[1]})")
                if len(y) != z.shape[0]:
                    raise TypeError(f"Length of y ({len(y)}) must match number of rows in z ({z.shape[0]})")
                x, y = np.meshgrid(x, y)
            elif x.shape != z.shape or y.shape != z.shape:
                raise TypeError(f"Shapes of x {x.shape} and z {z.shape} do not match")
        else:
            raise TypeError(f"{name}() takes from 1 to 4 positional arguments but {len(args)} were given")
        return Grid(x, y, z, mask, self.corner_mask), boolean

    @staticmethod
    def _z(z):
        masked = np.ma.masked_invalid(np.ma.asarray(z, dtype=float))
        if masked.ndim != 2:
            raise TypeError(f"Input z must be 2D, not {masked.ndim}D")
        if masked.shape[0] < 2 or masked.shape[1] < 2:
            raise TypeError(f"Input z must be at least a (2, 2) shaped array, but has shape {masked.shape}")
        mask = np.ma.getmaskarray(masked)
        if mask.all():
            raise NotImplementedError("contour()/contourf() of a Z with no unmasked value is not supported in "
                                      "this sandbox")
        return np.asarray(masked.filled(0.0), dtype=float), mask

    def _initialize_x_y(self, z):
        """X and Y for contour(Z): indices, or cell centres matching imshow's with origin/extent."""
        ny, nx = z.shape
        if self.origin is None:
            if self.extent is None:
                return np.meshgrid(np.arange(nx, dtype=float), np.arange(ny, dtype=float))
            x0, x1, y0, y1 = self.extent
            return np.meshgrid(np.linspace(x0, x1, nx), np.linspace(y0, y1, ny))
        x0, x1, y0, y1 = (0, nx, 0, ny) if self.extent is None else self.extent
        x = x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx
        y = y0 + (np.arange(ny) + 0.5) * (y1 - y0) / ny
        if self.origin == "upper":
            y = y[::-1]
        return np.meshgrid(x, y)

    def _levels_of(self, arg):
        """matplotlib's _process_contour_level_args: a count through MaxNLocator, or the levels."""
        if isinstance(arg, Integral):
            levels = np.asarray(self._autolev(int(arg)), dtype=float)
        else:
            levels = np.asarray(arg, dtype=float)
        if self.filled and len(levels) < 2:
            raise ValueError("Filled contours require at least 2 levels.")
        if len(levels) > 1 and np.min(np.diff(levels)) <= 0.0:
            raise ValueError("Contour levels must be increasing")
        return levels

    def _autolev(self, n):
        from .ticker import MaxNLocator

        if self.locator is None and self.logscale:
            from .ticker import LogLocator

            self.locator = LogLocator()
        elif self.locator is None:
            self.locator = MaxNLocator(n + 1, min_n_ticks=1)
        lev = np.asarray(self.locator.tick_values(self.zmin, self.zmax), dtype=float)
        if getattr(self.locator, "_symmetric", False):
            return lev
        under = np.nonzero(lev < self.zmin)[0]
        i0 = under[-1] if len(under) else 0
        over = np.nonzero(lev > self.zmax)[0]
        i1 = over[0] + 1 if len(over) else len(lev)
        if self.extend in ("min", "both"):
            i0 += 1
        if self.extend in ("max", "both"):
            i1 -= 1
        if i1 - i0 < 3:
            i0, i1 = 0, len(lev)
        return lev[i0:i1]

    def _process_levels(self):
        """_levels (with the open ends of extended bands) and layers (a band's middle, or the
        levels for lines)."""
        levels = list(self.levels)
        if self.extend in ("both", "min"):
            levels.insert(0, 1 / _HUGE if self.logscale else -_HUGE)
        if self.extend in ("both", "max"):
            levels.append(_HUGE)
        self._levels = np.asarray(levels)
        if not self.filled:
            self.layers = self.levels
        elif self.logscale:  # the square roots first, against overflow
            self.layers = np.sqrt(self._levels[:-1]) * np.sqrt(self._levels[1:])
        else:
            self.layers = 0.5 * (self._levels[:-1] + self._levels[1:])

    def _lowers_and_uppers(self):
        lowers = self._levels[:-1].copy()
        if self.zmin == lowers[0]:
            lowers[0] -= 1  # the lowest band includes the minimum
        return lowers, self._levels[1:]

    def _init_colors(self, cmap, norm, vmin, vmax):
        """One RGBA per line level or band: colors= indexed directly (extra ones colour the
        extended ends), else the colormap at cvalues (layers) through the norm (from the levels)."""
        count = len(self.levels) - (1 if self.filled else 0)
        if self.colors is not None:
            sequence = [self.colors] if is_color_like(self.colors) else list(self.colors)
            extend_min, extend_max = self.extend in ("min", "both"), self.extend in ("max", "both")
            # given a colour for each extended end too, the first and last colour them
            own_ends = len(sequence) == count + extend_min + extend_max and (extend_min or extend_max)
            listed = sequence[1:] if own_ends and extend_min else sequence
            base = [to_rgba(listed[k % len(listed)]) for k in range(count)]
            self.monochrome = len(listed) == 1
            under = to_rgba(sequence[0]) if own_ends and extend_min else base[0]
            over = to_rgba(sequence[-1]) if own_ends and extend_max else base[-1]
            colors = ([under] if self.filled and extend_min else []) + base + \
                     ([over] if self.filled and extend_max else [])
            self.cvalues = list(range(-1 if self.filled and extend_min else 0,
                                      count + (1 if self.filled and extend_max else 0)))
            self._init_mappable([], cmap, norm, vmin, vmax)
            # matplotlib's ListedColormap of the colours, its extremes the given end colours; the
            # extended bands take whatever they are when drawn (set_under() after contourf())
            self.cmap = ListedColormap([listed[k % len(listed)] for k in range(count)], N=count)
            if own_ends and extend_min:
                self.cmap.set_under(sequence[0])
            if own_ends and extend_max:
                self.cmap.set_over(sequence[-1])
            self.norm = NoNorm()
            self._colors = colors
            return
        self.monochrome = False
        self.cvalues = self.layers
        self._init_mappable([], cmap, norm, vmin, vmax)
        self.norm.autoscale_None([float(v) for v in self.levels])
        self._colors = [tuple(c) for c in self.cmap(self.norm([float(v) for v in self.cvalues]))]

    def _linestyles(self, linestyles, negative):
        count = len(self.levels)
        if linestyles is None:
            styles = ["solid"] * count
            if self.monochrome:
                eps = -(self.zmax - self.zmin) * 1e-15
                negative = "dashed" if negative is None else negative
                styles = [negative if level < eps else "solid" for level in self.levels]
            return styles
        return _per_level(linestyles, count, None)

    # matplotlib's ContourSet API

    @property
    def allsegs(self):
        """Per level (or band), its lines (or rings) as (n, 2) arrays; one empty array where
        there are none (as matplotlib's empty path)."""
        return [[np.column_stack(piece) for piece in artist._pieces] or [np.empty((0, 2))]
                for artist in self._artists]

    def get_paths(self):
        from .path import Path

        return [Path(np.concatenate(segs)) for segs in self.allsegs]

    def get_clim(self):
        return self.norm.vmin, self.norm.vmax

    def set(self, **kwargs):
        """Call set_<name>(value) for each keyword, as matplotlib's Artist.set()."""
        for key, value in kwargs.items():
            getattr(self, "set_" + key)(value)

    def set_path_effects(self, path_effects):
        """Path effects of the lines (contour(), not contourf())."""
        if self.filled:
            raise NotImplementedError("path effects on filled contours are not supported in this sandbox")
        from .patheffects import AbstractPathEffect

        effects = list(path_effects or [])
        if not all(isinstance(effect, AbstractPathEffect) for effect in effects):
            raise TypeError("path effects must be matplotlib.patheffects effects")
        for artist in self._artists:
            artist._path_effects = effects

    def clabel(self, levels=None, **kwargs):
        """Label the lines (matplotlib's automatic placement, see _clabel)."""
        from ._clabel import clabel

        return clabel(self, levels, **kwargs)

    def get_alpha(self):
        return self.alpha

    def set_alpha(self, alpha):
        self.alpha = alpha
        for artist in self._artists:
            artist.set_alpha(alpha)

    def set_linestyle(self, style):
        for artist in self._artists:
            artist.set_linestyle(style)

    set_linestyles = set_ls = set_linestyle

    def set_linewidth(self, width):
        for artist in self._artists:
            artist.set_linewidth(width)

    set_linewidths = set_lw = set_linewidth

    def set_zorder(self, level):
        for artist in self._artists:
            artist.set_zorder(level)

    def remove(self):
        for artist in self._artists:
            artist.remove()

    def _colorbar_artists(self):
        """What a colorbar of this set draws on its axes: the bands as blocks between the
        levels, or a line at each level (matplotlib's Colorbar with a ContourSet)."""
        from ._lines import Line2D
        from ._plots_image import AxesImage

        if self.filled and any(h is not None for h in self.hatches):
            return self._colorbar_patches()
        if self.filled:
            edges = [float(v) for v in self.levels]
            blocks = AxesImage(None, self._inner_colors(), len(edges) - 1, 1, [0.0, 1.0], edges,
                               alpha=self.alpha)
            blocks._role = "colorbar"
            return [blocks], edges[0], edges[-1]
        marks = []
        for level, artist in zip(self.levels, self._artists):
            mark = Line2D([0.0, 1.0], [float(level)] * 2, color=artist._rgba, linewidth=artist._linewidth,
                          linestyle=artist._linestyle)
            marks.append(mark)
        return marks, float(self.levels[0]), float(self.levels[-1])

    def _band_rgba(self, index, rgba):
        """A band's colour when drawn: with colors=, an extended end's is the colormap's under or
        over colour then, as matplotlib maps the bands' values when it draws them."""
        if self.colors is None or index is None:
            return rgba
        value = self.cvalues[index]
        return self.cmap(value) if value < 0 or value >= self.cmap.N else rgba

    def _inner_colors(self):
        """The colours of the bands between the levels (without the extended ends')."""
        lower, upper = self.extend in ("min", "both"), self.extend in ("max", "both")
        return list(self._colors[int(lower):len(self._colors) - int(upper)])

    def _colorbar_patches(self):
        """A hatched set's colorbar: a patch per band between its levels, in its colour and hatch,
        as matplotlib's Colorbar._add_solids_patches."""
        from .patches import Rectangle

        edges = [float(v) for v in self.levels]
        colors = self._inner_colors()
        skip = int(self.extend in ("min", "both"))  # the lower end's triangle takes the first hatch
        patches = []
        for i, (lower, upper) in enumerate(zip(edges, edges[1:])):
            patch = Rectangle((0.0, lower), 1.0, upper - lower, facecolor=colors[i], linewidth=0,
                              hatch=self.hatches[(i + skip) % len(self.hatches)], alpha=self.alpha)
            patches.append(patch)
        return patches, edges[0], edges[-1]

    def legend_elements(self, variable_name="x", str_format=str):
        """(artists, labels) for a legend of this set, as matplotlib's: a hatched and coloured
        square per band labelled "lower < x <= upper", or a line per level "x = level"."""
        from ._lines import Line2D
        from .patches import Rectangle

        artists, labels = [], []
        if self.filled:
            lowers, uppers = self._lowers_and_uppers()
            n_levels = len(self._artists)
            for idx in range(n_levels):
                artists.append(Rectangle((0, 0), 1, 1, facecolor=self._colors[idx],
                                         hatch=self.hatches[idx % len(self.hatches)]))
                lower, upper = str_format(lowers[idx]), str_format(uppers[idx])
                if idx == 0 and self.extend in ("min", "both"):
                    labels.append(rf"${variable_name} \leq {lower}s$")
                elif idx == n_levels - 1 and self.extend in ("max", "both"):
                    labels.append(rf"${variable_name} > {upper}s$")
                else:
                    labels.append(rf"${lower} < {variable_name} \leq {upper}$")
        else:
            for level, artist in zip(self.levels, self._artists):
                artists.append(Line2D([], [], color=artist._rgba, linewidth=artist._linewidth,
                                      linestyle=artist._linestyle))
                labels.append(rf"${variable_name} = {str_format(level)}$")
        return artists, labels

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"QuadContourSet.{name} is not supported in this sandbox")


def _packed(arrays):
    """Arrays of numbers, joined, as the spec's packed series (little-endian doubles)."""
    joined = np.concatenate(arrays) if arrays else np.empty(0)
    return {"f64": binascii.b2a_base64(joined.astype("<f8").tobytes(), newline=False).decode("ascii")}


def _per_level(value, count, default):
    """A value per level: one for all, or a sequence repeated to length."""
    if value is None:
        return [default] * count
    if isinstance(value, str) or not np.iterable(value):
        return [value] * count
    value = list(value)
    return (value * math.ceil(count / len(value)))[:count]


class _ContourPart(Artist):
    """The lines of one level or the band between two levels, on the set's axes."""

    def __init__(self, owner, pieces, rgba, alpha):
        super().__init__("_nolegend_", alpha)
        self._owner, self._pieces, self._rgba = owner, pieces, rgba

    def _guest_limits(self):
        return True  # sticky at the grid's ends: the view fits the grid

    def extent(self, name):
        values = self._owner._grid.x if name == "x" else self._owner._grid.y
        ends = [float(values.min()), float(values.max())]
        return ends, ends

    def get_color(self):
        return self._rgba


class _Lines(_ContourPart):
    zorder_default = 2

    def __init__(self, owner, pieces, rgba, width, style, alpha):
        super().__init__(owner, pieces, rgba, alpha)
        self._linewidth, self._linestyle = float(width), _styles.linestyle(style)

    def set_linestyle(self, style):
        self._linestyle = _styles.linestyle(style)

    def set_linewidth(self, width):
        self._linewidth = float(width)

    def spec(self):
        gap = np.array([math.nan])
        xs = [part for x, _ in self._pieces for part in (gap, x)][1:]
        ys = [part for _, y in self._pieces for part in (gap, y)][1:]
        color = self._color(self._rgba)
        spec = {**self._head("line"), "x": _packed(xs), "y": _packed(ys), "color": color,
                "linewidth": self._linewidth, "linestyle": self._linestyle, "marker": None, "markersize": 0.0,
                "markerfacecolor": color, "markeredgecolor": color, "segments": True, "role": "contour"}
        effects = getattr(self, "_path_effects", None)
        if effects:
            spec["path_effects"] = [part for effect in effects for part in effect._specs(self)]
        return spec


class _Band(_ContourPart):
    zorder_default = 1
    _index = None  # which of the set's bands
    _hatch = None
    _hatch_style = None

    def __init__(self, owner, pieces, rgba, alpha):
        super().__init__(owner, pieces, rgba, alpha)
        self._hatch_style = _hatch.Style()

    def set_linestyle(self, style):
        """Bands have no edge (matplotlib's contourf draws none)."""

    set_linewidth = set_linestyle

    def spec(self):
        starts = np.cumsum([0] + [len(x) for x, _ in self._pieces])[:-1].tolist()
        spec = {**self._head("patch"), "joinstyle": "round", "x": _packed([x for x, _ in self._pieces]),
                "y": _packed([y for _, y in self._pieces]), "coords": ["data", "data"],
                "facecolor": self._color(self._owner._band_rgba(self._index, self._rgba)),
                "edgecolor": "#00000000", "linewidth": 0.0,
                "linestyle": "-", "shape": None, "starts": starts[1:], "role": "contourf"}
        hatch = self._hatch_style.spec(self._hatch, None, self)
        if hatch is not None:
            spec["hatch"] = hatch  # in rcParams hatch.color, as matplotlib's (its edge is none)
        return spec


class TriContourSet(QuadContourSet):
    """The result of tricontour()/tricontourf(): a contour set over a Triangulation's unmasked
    triangles (_tricontour.py)."""

    def __init__(self, ax, args, *, filled, triangles=None, mask=None, **kwargs):
        self._triangulation_kwargs = {k: v for k, v in (("triangles", triangles), ("mask", mask)) if v is not None}
        super().__init__(ax, args, filled=filled, **kwargs)

    def _grid_of(self, args, name):
        from ._triangulation import Triangulation
        from ._tricontour import TriGrid

        triangulation, rest, _ = Triangulation.get_from_args_and_kwargs(*args, **self._triangulation_kwargs)
        triangulation._check_drawable(f"{name}()")
        if not rest:
            raise TypeError(f"{name}() missing 1 required positional argument: 'z'")
        z, *rest = rest
        args[:] = rest
        z = np.ma.asarray(z)
        if z.shape != triangulation.x.shape:
            raise ValueError("z array must have same length as triangulation x and y arrays")
        z_check = z[np.unique(triangulation.get_masked_triangles())]
        if np.ma.is_masked(z_check):
            raise ValueError("z must not contain masked points within the triangulation")
        if not np.isfinite(z_check).all():
            raise ValueError("z array must not contain non-finite values within the triangulation")
        boolean = z.dtype == bool
        return TriGrid(triangulation, np.asarray(z.filled(0), dtype=np.float64)), boolean


class ContourMethods:
    """contour(), contourf(), tricontour() and tricontourf() for Axes."""

    def tricontour(self, *args, **kwargs):
        """Contour lines of z over a triangular grid; returns the TriContourSet."""
        return TriContourSet(self, args, filled=False, **kwargs)

    def tricontourf(self, *args, **kwargs):
        """Filled contours of z over a triangular grid; returns the TriContourSet."""
        return TriContourSet(self, args, filled=True, **kwargs)

    def clabel(self, CS, levels=None, **kwargs):
        return CS.clabel(levels, **kwargs)

    def contour(self, *args, **kwargs):
        """Contour lines of Z (over X, Y); returns the QuadContourSet."""
        return QuadContourSet(self, args, filled=False, **kwargs)

    def contourf(self, *args, **kwargs):
        """Filled contours of Z (over X, Y); returns the QuadContourSet."""
        return QuadContourSet(self, args, filled=True, **kwargs)
