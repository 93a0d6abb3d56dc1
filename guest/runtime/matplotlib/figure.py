"""Figure: its axes, size and suptitle; savefig() and the figure spec."""

import os

from . import _align, _host, _layout, _rc, _subplotpars, _text
from ._text import Text
from .axes import Axes
from .colors import spec_color, to_rgba
from ._axes_base import Transform, _Background
from .gridspec import AxesArray, GridSpec, SubplotSpec, subplot_position

__all__ = ["Figure", "SubFigure", "figaspect"]

_FORMATS = ("png", "svg")
_OTHER_FORMATS = ("pdf", "jpg", "jpeg", "eps", "ps", "tif", "tiff", "webp", "raw", "rgba", "pgf", "svgz")


class Figure:
    """A figure: a list of Axes in draw order, a size in inches, a dpi and a suptitle."""

    def __init__(self, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True,
                 layout=None, tight_layout=None, constrained_layout=None, **kwargs):
        if kwargs:
            raise TypeError(f"Figure() got an unexpected keyword argument {next(iter(kwargs))!r}")
        self.set_size_inches(_rc.rcParams["figure.figsize"] if figsize is None else figsize)
        self._dpi = float(dpi or _rc.rcParams["figure.dpi"])
        self._facecolor = to_rgba(facecolor or _rc.rcParams["figure.facecolor"])
        self._axes = []
        self._current = None
        self._suptitle = None
        self._texts = []
        self._legends = []
        self._layout = _subplotpars.FigureLayout(layout, tight_layout, constrained_layout)
        self._images = []  # figimage()s
        self.subfigs = []  # SubFigures (_subfigure)
        self._current_mappable = None  # the last image or colour-mapped scatter (pyplot.gci())
        self.number = None  # set by pyplot
        self.transFigure = Transform("figure")
        self._align = _align.AlignGroups()  # align_labels() / align_titles() groups
        self.dpi_scale_trans = Transform("inches")  # only as ScaledTranslation's scale (transforms)
        self.canvas = FigureCanvas(self)

    # Axes

    @property
    def axes(self):
        """The figure's Axes, as matplotlib's: insets are their parents' child_axes instead."""
        return [axes for axes in self._axes if getattr(axes, "_inset_of", None) is None]

    def get_axes(self):
        return self.axes

    def add_subplot(self, *args, sharex=None, sharey=None, projection=None, polar=False, **kwargs):
        """A new Axes in a grid cell: (), (221,), (2, 2, 1), (2, 2, (1, 2)) or a GridSpec slice."""
        axes = _axes_class(projection, polar)(self, ("grid", subplot_position(args)), sharex=sharex,
                                              sharey=sharey)
        if len(args) == 1 and isinstance(args[0], SubplotSpec):
            axes._ratios = args[0].get_gridspec()._spec_ratios()
            axes._subplotspec = args[0]
        return self._add(axes, kwargs)

    def add_axes(self, rect, *, sharex=None, sharey=None, projection=None, polar=False, **kwargs):
        """A new Axes at rect = [left, bottom, width, height] in figure fractions."""
        cls = _axes_class(projection, polar)
        rect = [float(v) for v in rect]
        if len(rect) != 4:
            raise ValueError("rect must be [left, bottom, width, height]")
        return self._add(cls(self, ("rect", rect), sharex=sharex, sharey=sharey), kwargs)

    def _add(self, axes, properties):
        self._axes.append(axes)
        self._current = axes
        axes.set(**properties)
        return axes

    def subplots(self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None,
                 height_ratios=None, subplot_kw=None, gridspec_kw=None):
        """A grid of Axes: one Axes, or an AxesArray (1-D if a dimension is 1 and squeeze, else 2-D)."""
        gridspec_kw = dict(gridspec_kw or {})
        for name, value in (("width_ratios", width_ratios), ("height_ratios", height_ratios)):
            if value is not None and name in gridspec_kw:
                raise ValueError(f"'{name}' must not be defined both as parameter and as key in 'gridspec_kw'")
            gridspec_kw.setdefault(name, value)
        grid = GridSpec(nrows, ncols, self, **gridspec_kw)
        cells = [[self.add_subplot(grid[r, c], **(subplot_kw or {})) for c in range(ncols)]
                 for r in range(nrows)]
        for name, share in (("x", sharex), ("y", sharey)):
            for r, row in enumerate(cells):
                for c, axes in enumerate(row):
                    leader = _share_leader(cells, r, c, share)
                    if leader is not axes and leader is not None:
                        axes._share(name, leader)
        flat = [axes for row in cells for axes in row]
        # As matplotlib: shared axes show tick labels on the outer edge of the grid only.
        for name, share in (("x", sharex), ("y", sharey)):
            if share in (True, "all", "col" if name == "x" else "row"):
                for axes in flat:
                    axes._label_outer(name)
        if squeeze and len(flat) == 1:
            return flat[0]
        if squeeze and (nrows == 1 or ncols == 1):
            return AxesArray(flat, (len(flat),))
        return AxesArray(flat, (nrows, ncols))

    def add_gridspec(self, nrows=1, ncols=1, **kwargs):
        return GridSpec(nrows, ncols, figure=self, **kwargs)

    def subfigures(self, nrows=1, ncols=1, squeeze=True, wspace=None, hspace=None, width_ratios=None,
                   height_ratios=None, **kwargs):
        """A grid of SubFigures (panels with their own axes and decorations, _subfigure)."""
        from . import _subfigure

        return _subfigure.subfigures(self, nrows, ncols, squeeze, wspace, hspace, width_ratios, height_ratios,
                                     **kwargs)

    def add_subfigure(self, subplotspec, **kwargs):
        """A SubFigure in a GridSpec slot (_subfigure)."""
        from . import _subfigure

        return _subfigure.add_subfigure(self, subplotspec, **kwargs)

    def subplot_mosaic(self, mosaic, *, sharex=False, sharey=False, width_ratios=None, height_ratios=None,
                       empty_sentinel=".", subplot_kw=None, per_subplot_kw=None, gridspec_kw=None):
        """Axes laid out by a grid of labels ("AB;CC" or [["A", "B"], ["C", "C"]]); returns {label: Axes}."""
        rows = _mosaic_rows(mosaic)
        nrows, ncols = len(rows), len(rows[0])
        grid = GridSpec(nrows, ncols, width_ratios=width_ratios, height_ratios=height_ratios,
                        **(gridspec_kw or {}))
        blocks = {}
        for r, row in enumerate(rows):
            for c, name in enumerate(row):
                if name != empty_sentinel:
                    blocks.setdefault(name, []).append((r, c))
        result, first = {}, None
        for name, cells in blocks.items():
            r0, r1 = min(r for r, _ in cells), max(r for r, _ in cells)
            c0, c1 = min(c for _, c in cells), max(c for _, c in cells)
            if len(cells) != (r1 - r0 + 1) * (c1 - c0 + 1):
                raise ValueError(f"There are non-rectangular or non-contiguous areas in the layout for {name!r}")
            options = {**(subplot_kw or {}), **((per_subplot_kw or {}).get(name, {}))}
            axes = self.add_subplot(grid[r0:r1 + 1, c0:c1 + 1], **options)
            first = first or axes
            if sharex and axes is not first:
                axes._share("x", first)
            if sharey and axes is not first:
                axes._share("y", first)
            result[name] = axes
        for axes in result.values():
            if sharex:
                axes._label_outer("x")
            if sharey:
                axes._label_outer("y")
        return result

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
        self._texts.clear()
        self._legends = []
        self._images = []
        self.subfigs = []

    clear = clf

    # Figure-level decorations and size

    # Aligned labels and titles

    def align_xlabels(self, axs=None):
        """Line up the x labels of grid axes whose rows end (start, for labels on top) alike."""
        _align.align_xlabels(self, axs)

    def align_ylabels(self, axs=None):
        """Line up the y labels of grid axes whose columns start (end, for labels on the right) alike."""
        _align.align_ylabels(self, axs)

    def align_titles(self, axs=None):
        """Line up the titles of grid axes whose rows start alike."""
        _align.align_titles(self, axs)

    def align_labels(self, axs=None):
        """align_xlabels() and align_ylabels()."""
        self.align_xlabels(axs)
        self.align_ylabels(axs)

    def suptitle(self, t, **kwargs):
        """The suptitle at x (figure fraction) aligned there by ha; the host places it at the top."""
        x = kwargs.pop("x", None)
        kwargs.pop("y", None)  # the host places the suptitle
        options = {"fontsize": _rc.rcParams["figure.titlesize"], "fontweight": _rc.rcParams["figure.titleweight"],
                   "ha": "center", **_text.properties(kwargs)}
        self._suptitle = Text(0.5 if x is None else float(x), 0.98, t, **options)
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

    @property
    def patch(self):
        """fig.patch: the figure's background (its face colour)."""
        return _Background(self)

    def tight_layout(self, *, pad=1.08, h_pad=None, w_pad=None, rect=None):
        """The grid tight again (the host's layout), with these pads in font sizes (_subplotpars)."""
        self._layout.tight(pad, h_pad, w_pad, rect)

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        """Fixed grid cells by matplotlib's subplot parameters, in figure fractions (_subplotpars)."""
        self._layout.adjust({"left": left, "bottom": bottom, "right": right, "top": top, "wspace": wspace,
                             "hspace": hspace})

    def set_tight_layout(self, tight):
        self._layout.set_engine("tight" if tight else None)

    def set_constrained_layout(self, constrained):
        self._layout.set_engine("constrained" if constrained else None)

    def set_layout_engine(self, layout=None, **kwargs):
        self._layout.set_engine(layout)
        self.get_layout_engine().set(**kwargs)

    def get_layout_engine(self):
        """The layout engine, whose padding settings are accepted: the host lays out the figure."""
        return _LayoutEngine()

    def autofmt_xdate(self, bottom=0.2, rotation=30, ha="right", which="major"):
        """As matplotlib: the x tick labels of the bottom row rotated and aligned to ha, the other
        grid axes' hidden with their x labels, and the subplots' bottom at `bottom`."""
        if which != "major":
            raise NotImplementedError(f"autofmt_xdate(which={which!r}) is not supported in this sandbox")
        shown = [axes for axes in self.axes if axes._colorbar_of is None]
        in_grid = all(axes.get_subplotspec() is not None for axes in shown)
        for axes in shown:
            if len(shown) == 1 or axes.get_subplotspec().is_last_row():
                axes.xaxis.set_tick_rotation(rotation)
                axes.xaxis.set_tick_ha(ha)
            elif in_grid:
                axes.tick_params(axis="x", which="major", labelbottom=False)
                axes.set_xlabel("")
        if in_grid:
            self.subplots_adjust(bottom=bottom)

    def colorbar(self, mappable=None, cax=None, ax=None, use_gridspec=True, **kwargs):
        """A colorbar for mappable (an image, pcolormesh, contour set or scatter(c=...)) beside ax (an
        Axes or several, whose room it takes) or in cax; returns the Colorbar (see colorbar.make)."""
        from . import colorbar

        return colorbar.make(self, mappable, cax, ax, kwargs)

    def legend(self, *args, **kwargs):
        """A legend of the figure: of the labelled artists of every axes, or of the given handles and
        labels; loc "outside right upper" etc. puts it beside the axes (_figlegend)."""
        from . import _figlegend

        return _figlegend.make(self, args, kwargs)

    @property
    def legends(self):
        return list(self._legends)

    def text(self, x, y, s, fontdict=None, **kwargs):
        """Text at (x, y) in figure fractions (0, 0 is the lower left corner)."""
        options = _text.properties(kwargs, fontdict, extra=("transform",))
        transform = options.pop("transform", self.transFigure)
        if getattr(transform, "coords", None) != "figure":
            raise NotImplementedError("Figure.text() transform must be fig.transFigure in this sandbox")
        text = Text(float(x), float(y), s, coords="figure", **options)
        text.figure = self
        self._texts.append(text)
        return text

    @property
    def texts(self):
        return list(self._texts)

    def show(self, warn=True):
        """Accepted: open figures are shown at the end of the cell (or by pyplot.show())."""

    # Output

    def savefig(self, fname, *, dpi=None, format=None, bbox_inches=None, pad_inches=None,
                facecolor=None, edgecolor=None, transparent=None, metadata=None, **kwargs):
        """Write the figure as PNG or SVG to a path (relative to the working directory) or a binary file."""
        if isinstance(fname, os.PathLike):
            fname = os.fspath(fname)
        fmt = _format_of(fname, format)
        if isinstance(fname, str) and not os.path.splitext(fname)[1]:
            fname = f"{fname}.{fmt}"
        if dpi is None:
            dpi = _rc.rcParams["savefig.dpi"]
        if transparent is None:
            transparent = _rc.rcParams["savefig.transparent"]
        if facecolor is None:
            facecolor = _rc.rcParams["savefig.facecolor"]
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
        return bool(self._axes) or self._suptitle is not None or bool(self._texts) or bool(self._legends) or \
            bool(self._images) or bool(self.subfigs)

    def _display(self):
        _host.display(self._spec())

    def _spec(self, dpi=None, transparent=False, facecolor=None):
        """The figure spec (docs/CHARTS.md)."""
        shown = _layout.drawn_axes(self._axes)
        index = {axes: i for i, axes in enumerate(shown)}
        face = "none" if transparent else self._facecolor if facecolor is None else facecolor
        axes_specs = [axes._spec(index) for axes in shown]
        from ._subfigure import panel_specs

        panels, panel_index = panel_specs(self)
        for axes, spec in zip(shown, axes_specs):
            if axes.figure is not self:
                spec["panel"] = panel_index[axes.figure]
        if transparent:
            for spec in axes_specs + panels:
                spec["facecolor"] = spec_color("none")
        return {"width_in": self._size[0], "height_in": self._size[1],
                "dpi": float(dpi) if dpi is not None else self._dpi, "facecolor": spec_color(face),
                "suptitle": None if self._suptitle is None else self._suptitle.title_spec(),
                **({"suptitle_x": self._suptitle._x, "suptitle_ha": self._suptitle._ha}
                   if self._suptitle is not None else {}),
                "texts": [text.figure_spec() for text in self._texts],
                "axes": axes_specs,
                "legends": [legend.figure_spec(index) for legend in self._legends] + [
                    {**legend.figure_spec(index), "panel": i} for sub, i in panel_index.items()
                    for legend in sub._legends],
                **self._layout.spec(),
                **({"images": [image.figure_spec() for image in self._images]} if self._images else {}),
                **({"panels": panels} if panels else {})}

    def figimage(self, X, *args, **kwargs):
        """X's pixels placed on the figure's own (matplotlib's FigureImage)."""
        from ._figimage import figimage

        return figimage(self, X, *args, **kwargs)

    def __repr__(self):
        width, height = (round(v * self._dpi) for v in self._size)
        return f"<Figure size {width}x{height} with {len(self.axes)} Axes>"

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'Figure' object has no attribute {name!r}")
        raise NotImplementedError(f"Figure.{name} is not supported in this sandbox")


class FigureCanvas:
    """fig.canvas: drawing happens when the figure is shown or saved, so draw() is accepted."""

    def __init__(self, figure):
        self.figure = figure

    def draw(self):
        """Accepted: figures are drawn when shown or saved."""

    draw_idle = flush_events = draw

    @property
    def manager(self):
        return FigureManager(self)

    def get_width_height(self):
        width, height = self.figure.get_size_inches()
        return round(width * self.figure.dpi), round(height * self.figure.dpi)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"FigureCanvas.{name} is not supported in this sandbox")


class FigureManager:
    """fig.canvas.manager: there is no window, so its title is kept and shown nowhere (as with
    matplotlib's inline and Agg backends)."""

    def __init__(self, canvas):
        self.canvas = canvas

    def set_window_title(self, title):
        self.canvas.figure._window_title = str(title)

    def get_window_title(self):
        return getattr(self.canvas.figure, "_window_title", f"Figure {self.canvas.figure.number}")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"FigureManager.{name} is not supported in this sandbox")


def figaspect(arg):
    """A figure size (inches) with the aspect ratio arg (height / width) or that of an array's
    rows / columns, as matplotlib's: rcParams figure.figsize's height, within 4 x 2 and 16 x 16."""
    shape = getattr(arg, "shape", None)
    ratio = shape[0] / shape[1] if shape is not None and len(shape) >= 2 else float(arg)
    height = _rc.rcParams["figure.figsize"][1]
    width, height = height / ratio, height
    shrink = min(1.0, width / 4.0, height / 2.0)
    width, height = width / shrink, height / shrink
    grow = max(1.0, width / 16.0, height / 16.0)
    width, height = width / grow, height / grow
    import numpy as np

    return np.array([min(max(width, 4.0), 16.0), min(max(height, 2.0), 16.0)])


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


def _axes_class(projection, polar):
    """The Axes class of a projection: rectilinear or polar."""
    if polar or projection == "polar":
        from ._polar import PolarAxes

        return PolarAxes
    if projection not in (None, "rectilinear"):
        raise NotImplementedError(f"{projection!r} projections are not supported in this sandbox")
    return Axes


def _mosaic_rows(mosaic):
    """The mosaic as a rectangular list of rows of labels."""
    if isinstance(mosaic, str):
        lines = [line.strip() for line in mosaic.replace(";", "\n").splitlines() if line.strip()]
        rows = [list(line) for line in lines]
    else:
        rows = [list(row) for row in mosaic]
    if not rows or any(len(row) != len(rows[0]) for row in rows) or not rows[0]:
        raise ValueError("All of the rows must be the same length")
    if any(not isinstance(cell, (str, int)) for row in rows for cell in row):
        raise NotImplementedError("nested subplot_mosaic layouts are not supported in this sandbox")
    return rows


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


class _LayoutEngine:
    """Figure.get_layout_engine(): padding and spacing are accepted (the host chooses them, as for
    subplots_adjust); a rect confining the layout is refused."""

    _PADDING = frozenset(("w_pad", "h_pad", "wspace", "hspace", "pad", "h_pad", "compress"))

    def set(self, **kwargs):
        for key, value in kwargs.items():
            if key == "rect" and value is not None:
                raise NotImplementedError("layout engine rect= is not supported in this sandbox")
            if key not in self._PADDING | {"rect"}:
                raise TypeError(f"set() got an unexpected keyword argument {key!r}")

    def get(self):
        return {}

    def adjust_compatible(self):
        return False


from ._subfigure import SubFigure  # noqa: E402 (it borrows Figure's methods)
