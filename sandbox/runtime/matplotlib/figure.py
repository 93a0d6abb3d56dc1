"""Figure: its axes, size and suptitle; savefig() and the figure spec."""

import os

from . import _host, _rc, _text
from ._text import Text
from .axes import Axes
from .colors import spec_color, to_rgba
from .gridspec import AxesArray, GridSpec, subplot_position

__all__ = ["Figure"]

_FORMATS = ("png", "svg")
_OTHER_FORMATS = ("pdf", "jpg", "jpeg", "eps", "ps", "tif", "tiff", "webp", "raw", "rgba", "pgf", "svgz")


class Figure:
    """A figure: a list of Axes in draw order, a size in inches, a dpi and a suptitle."""

    def __init__(self, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True,
                 layout=None, tight_layout=None, constrained_layout=None, **kwargs):
        if kwargs:
            raise TypeError(f"Figure() got an unexpected keyword argument {next(iter(kwargs))!r}")
        self.set_size_inches(figsize or _rc.rcParams["figure.figsize"])
        self._dpi = float(dpi or _rc.rcParams["figure.dpi"])
        self._facecolor = to_rgba(facecolor or _rc.rcParams["figure.facecolor"])
        self._axes = []
        self._current = None
        self._suptitle = None
        self.number = None  # set by pyplot

    # Axes

    @property
    def axes(self):
        return list(self._axes)

    def get_axes(self):
        return self.axes

    def add_subplot(self, *args, sharex=None, sharey=None, projection=None, polar=False, **kwargs):
        """A new Axes in a grid cell: (), (221,), (2, 2, 1), (2, 2, (1, 2)) or a GridSpec slice."""
        _check_projection(projection, polar)
        axes = Axes(self, ("grid", subplot_position(args)), sharex=sharex, sharey=sharey)
        return self._add(axes, kwargs)

    def add_axes(self, rect, *, sharex=None, sharey=None, projection=None, polar=False, **kwargs):
        """A new Axes at rect = [left, bottom, width, height] in figure fractions."""
        _check_projection(projection, polar)
        rect = [float(v) for v in rect]
        if len(rect) != 4:
            raise ValueError("rect must be [left, bottom, width, height]")
        return self._add(Axes(self, ("rect", rect), sharex=sharex, sharey=sharey), kwargs)

    def _add(self, axes, properties):
        self._axes.append(axes)
        self._current = axes
        axes.set(**properties)
        return axes

    def subplots(self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None,
                 height_ratios=None, subplot_kw=None, gridspec_kw=None):
        """A grid of Axes: one Axes, or an AxesArray (1-D if a dimension is 1 and squeeze, else 2-D)."""
        grid = GridSpec(nrows, ncols, width_ratios=width_ratios, height_ratios=height_ratios,
                        **(gridspec_kw or {}))
        cells = [[self.add_subplot(grid[r, c], **(subplot_kw or {})) for c in range(ncols)]
                 for r in range(nrows)]
        for name, share in (("x", sharex), ("y", sharey)):
            for r, row in enumerate(cells):
                for c, axes in enumerate(row):
                    leader = _share_leader(cells, r, c, share)
                    if leader is not axes and leader is not None:
                        axes._share(name, leader)
        flat = [axes for row in cells for axes in row]
        if squeeze and len(flat) == 1:
            return flat[0]
        if squeeze and (nrows == 1 or ncols == 1):
            return AxesArray(flat, (len(flat),))
        return AxesArray(flat, (nrows, ncols))

    def add_gridspec(self, nrows=1, ncols=1, **kwargs):
        return GridSpec(nrows, ncols, figure=self, **kwargs)

    def gca(self):
        """The current Axes, created (subplot 111) if there is none."""
        if self._current is None or self._current not in self._axes:
            return self.add_subplot()
        return self._current

    def sca(self, axes):
        self._current = axes
        return axes

    def delaxes(self, axes):
        """Remove axes from the figure."""
        self._axes.remove(axes)
        for name in ("x", "y"):
            members = axes._group[name].members
            if axes in members and len(members) > 1:
                members.remove(axes)
        if self._current is axes:
            self._current = self._axes[-1] if self._axes else None

    def clf(self, keep_observers=False):
        """Remove all axes and the suptitle."""
        self._axes.clear()
        self._current = None
        self._suptitle = None

    clear = clf

    # Figure-level decorations and size

    def suptitle(self, t, **kwargs):
        kwargs.pop("x", None)  # the host places the suptitle
        kwargs.pop("y", None)
        options = {"fontsize": _rc.rcParams["figure.titlesize"], "fontweight": _rc.rcParams["figure.titleweight"],
                   **_text.properties(kwargs)}
        self._suptitle = Text(0.5, 0.98, t, **options)
        return self._suptitle

    def get_suptitle(self):
        return "" if self._suptitle is None else self._suptitle.get_text()

    def set_size_inches(self, w, h=None, forward=True):
        width, height = (w if h is None else (w, h))
        width, height = float(width), float(height)
        if not (width > 0 and height > 0):
            raise ValueError(f"figure size must be positive finite not ({width}, {height})")
        self._size = (width, height)

    def get_size_inches(self):
        return self._size

    def get_figwidth(self):
        return self._size[0]

    def get_figheight(self):
        return self._size[1]

    def set_figwidth(self, value):
        self.set_size_inches(value, self._size[1])

    def set_figheight(self, value):
        self.set_size_inches(self._size[0], value)

    @property
    def dpi(self):
        return self._dpi

    @dpi.setter
    def dpi(self, value):
        self._dpi = float(value)

    def get_dpi(self):
        return self._dpi

    def set_dpi(self, value):
        self._dpi = float(value)

    def get_facecolor(self):
        return self._facecolor

    def set_facecolor(self, color):
        self._facecolor = to_rgba(color)

    def tight_layout(self, **kwargs):
        """Accepted: the host lays out the figure itself."""

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        """Accepted: the host lays out the figure itself."""

    def set_tight_layout(self, tight):
        """Accepted: the host lays out the figure itself."""

    set_constrained_layout = set_layout_engine = set_tight_layout

    def autofmt_xdate(self, bottom=0.2, rotation=30, ha="right", which="major"):
        """Rotate the x tick labels of every axes, as matplotlib does for dates."""
        for axes in self._axes:
            axes.xaxis.set_tick_rotation(rotation)

    def colorbar(self, *args, **kwargs):
        raise NotImplementedError("colorbar() is not supported in this sandbox")

    def show(self, warn=True):
        """Accepted: open figures are shown at the end of the cell (or by pyplot.show())."""

    # Output

    def savefig(self, fname, *, dpi=None, format=None, bbox_inches=None, pad_inches=None,
                facecolor=None, edgecolor=None, transparent=False, metadata=None, **kwargs):
        """Write the figure as PNG or SVG to a path (relative to the working directory) or a binary file."""
        if isinstance(fname, os.PathLike):
            fname = os.fspath(fname)
        fmt = _format_of(fname, format)
        if isinstance(fname, str) and not os.path.splitext(fname)[1]:
            fname = f"{fname}.{fmt}"
        if dpi is None:
            dpi = _rc.rcParams["savefig.dpi"]
        if facecolor == "auto":
            facecolor = None
        spec = self._spec(dpi=None if dpi == "figure" else dpi, transparent=transparent, facecolor=facecolor)
        data = _host.render(spec, fmt)
        if isinstance(fname, str):
            with open(fname, "wb") as file:
                file.write(data)
        else:
            fname.write(data)

    def _displayable(self):
        return bool(self._axes) or self._suptitle is not None

    def _display(self):
        _host.display(self._spec())

    def _spec(self, dpi=None, transparent=False, facecolor=None):
        """The figure spec (docs/CHARTS.md)."""
        index = {axes: i for i, axes in enumerate(self._axes)}
        face = "none" if transparent else self._facecolor if facecolor is None else facecolor
        axes_specs = [axes._spec(index) for axes in self._axes]
        if transparent:
            for spec in axes_specs:
                spec["facecolor"] = spec_color("none")
        return {"width_in": self._size[0], "height_in": self._size[1],
                "dpi": float(dpi) if dpi is not None else self._dpi, "facecolor": spec_color(face),
                "suptitle": None if self._suptitle is None else self._suptitle.title_spec(),
                "axes": axes_specs}

    def __repr__(self):
        width, height = (round(v * self._dpi) for v in self._size)
        return f"<Figure size {width}x{height} with {len(self._axes)} Axes>"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'Figure' object has no attribute {name!r}")
        raise NotImplementedError(f"Figure.{name} is not supported in this sandbox")


def _format_of(fname, fmt):
    """The output format: format=, else the file name's extension, else rcParams savefig.format."""
    if fmt is None:
        ext = os.path.splitext(fname)[1] if isinstance(fname, str) else ""
        fmt = ext[1:] if ext else _rc.rcParams["savefig.format"]
    fmt = fmt.lower()
    if fmt in _FORMATS:
        return fmt
    if fmt in _OTHER_FORMATS:
        raise NotImplementedError(f"savefig format {fmt!r} is not supported in this sandbox; use 'png' or 'svg'")
    raise ValueError(f"Format {fmt!r} is not supported (supported formats: png, svg)")


def _check_projection(projection, polar):
    if polar or projection not in (None, "rectilinear"):
        raise NotImplementedError(f"{'polar' if polar else projection!r} projections are not supported "
                                  "in this sandbox")


def _share_leader(cells, row, col, share):
    """The axes whose axis cells[row][col] shares for subplots(sharex=share), or None."""
    if share in (True, "all"):
        return cells[0][0]
    if share == "row":
        return cells[row][0]
    if share == "col":
        return cells[0][col]
    if share in (False, "none"):
        return None
    raise ValueError(f"{share!r} is not a valid value for sharex/sharey; supported values are "
                     "True, False, 'all', 'none', 'row', 'col'")
