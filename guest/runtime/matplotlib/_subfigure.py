"""SubFigure (Figure.subfigures, Figure.add_subfigure): a panel of a figure with its own background,
suptitle, sup labels, texts and axes, laid out by the host inside the panel (docs/CHARTS.md,
"panels"). Its axes are the figure's too (fig.axes), as matplotlib's share the figure's axes stack.
"""

import numpy as np

from . import _rc, _text
from ._axes_base import Transform
from ._text import Text
from .colors import spec_color, to_rgba
from .gridspec import GridSpec, SubplotSpec

__all__ = ["SubFigure", "subfigures", "add_subfigure", "panel_specs"]

# matplotlib's defaults of each sup text: (x, y, ha, va, rotation, size rcParam, weight rcParam).
_SUPTEXTS = {
    "suptitle": (0.5, 0.98, "center", "top", 0.0, "figure.titlesize", "figure.titleweight"),
    "supxlabel": (0.5, 0.01, "center", "bottom", 0.0, "figure.labelsize", "figure.labelweight"),
    "supylabel": (0.02, 0.5, "left", "center", 90.0, "figure.labelsize", "figure.labelweight"),
}


def subfigures(parent, nrows=1, ncols=1, squeeze=True, wspace=None, hspace=None, width_ratios=None,
               height_ratios=None, **kwargs):
    """Figure.subfigures / SubFigure.subfigures: a grid of SubFigures filling parent."""
    grid = GridSpec(nrows, ncols, parent, wspace=wspace, hspace=hspace, width_ratios=width_ratios,
                    height_ratios=height_ratios)
    cells = [[add_subfigure(parent, grid[r, c], **kwargs) for c in range(ncols)] for r in range(nrows)]
    for row in cells:
        for subfig in row:
            subfig._spaced = True  # without a layout engine, wspace / hspace apply (matplotlib's)
    array = np.empty((nrows, ncols), dtype=object)
    for r, row in enumerate(cells):
        for c, subfig in enumerate(row):
            array[r, c] = subfig
    if squeeze:
        return array.item() if array.size == 1 else array.squeeze()
    return array


def add_subfigure(parent, subplotspec, **kwargs):
    """Figure.add_subfigure / SubFigure.add_subfigure: a SubFigure in a GridSpec slot of parent."""
    if not isinstance(subplotspec, SubplotSpec):
        raise TypeError("add_subfigure() takes a SubplotSpec (a GridSpec slot such as gs[0, :])")
    if hasattr(subplotspec.get_gridspec(), "_outer"):
        raise NotImplementedError("add_subfigure() in a nested gridspec (GridSpecFromSubplotSpec) is not "
                                  "supported in this sandbox")
    subfig = SubFigure(parent, subplotspec, **kwargs)
    parent.subfigs.append(subfig)
    return subfig


def panel_specs(figure):
    """The figure spec's "panels" (every subfigure, each after its parent) and {subfigure: index}; a
    subfigure's legends are the figure's "legends" naming its panel."""
    order = []

    def walk(parent):
        for subfig in parent.subfigs:
            order.append(subfig)
            walk(subfig)

    walk(figure)
    index = {subfig: i for i, subfig in enumerate(order)}
    return [subfig._spec(index) for subfig in order], index


class SubFigure:
    """A panel of a figure: subplots, add_subplot, subplot_mosaic, add_axes (in its own fractions),
    colorbar, suptitle / supxlabel / supylabel, text, set_facecolor and nested subfigures."""

    def __init__(self, parent, subplotspec, *, facecolor=None, edgecolor=None, linewidth=0.0, frameon=None,
                 **kwargs):
        if kwargs:
            raise NotImplementedError(f"SubFigure({next(iter(kwargs))}=...) is not supported in this sandbox")
        if linewidth:
            raise NotImplementedError("SubFigure(linewidth=...) (an edge around the subfigure) is not supported "
                                      "in this sandbox")
        self._parent = parent
        self._root = parent._root if isinstance(parent, SubFigure) else parent
        self._subplotspec = subplotspec
        self._spaced = False
        self._facecolor = to_rgba("none" if facecolor is None else facecolor)
        self._frameon = _rc.rcParams["figure.frameon"] if frameon is None else bool(frameon)
        self._sup = dict.fromkeys(_SUPTEXTS)
        self._texts = []
        self._legends = []
        self.subfigs = []
        self.transSubfigure = Transform("subfigure")
        self.transFigure = self._root.transFigure
        self.dpi_scale_trans = self._root.dpi_scale_trans

    # What the figure's machinery reads through an Axes' figure: the root figure's.

    @property
    def figure(self):
        return self._root

    @property
    def canvas(self):
        return self._root.canvas

    @property
    def _axes(self):
        return self._root._axes

    @property
    def _layout(self):
        return self._root._layout

    @property
    def _align(self):
        """The root figure's groups of aligned labels and titles (one set for the whole figure)."""
        return self._root._align

    @property
    def _current_mappable(self):
        return self._root._current_mappable

    @_current_mappable.setter
    def _current_mappable(self, value):
        self._root._current_mappable = value

    @property
    def dpi(self):
        return self._root.dpi

    def get_dpi(self):
        return self._root.get_dpi()

    def get_size_inches(self):
        """The subfigure's size by its grid cells' ratios (an estimate, before layout)."""
        width, height = self._parent.get_size_inches()
        grid = self._subplotspec.get_gridspec()
        share = lambda ratios, span, n: (sum((ratios or [1] * n)[i] for i in span) / sum(ratios or [1] * n))
        return (width * share(grid.get_width_ratios(), self._subplotspec.colspan, grid.ncols),
                height * share(grid.get_height_ratios(), self._subplotspec.rowspan, grid.nrows))

    def get_layout_engine(self):
        return self._root.get_layout_engine()

    def get_constrained_layout(self):
        return self._layout.engine in ("constrained", "compressed")

    def get_figure(self, root=None):
        return self._root if root else self._parent

    # Axes

    @property
    def axes(self):
        return [axes for axes in self._root._axes if axes.figure is self and getattr(axes, "_inset_of", None) is None]

    def get_axes(self):
        return self.axes

    def _add(self, axes, properties):
        self._root._axes.append(axes)
        self._root._current = axes
        axes.set(**properties)
        return axes

    def gca(self):
        """The figure's current Axes (matplotlib's subfigures share the figure's axes stack), or a new
        one in this subfigure if there is none."""
        current = self._root._current
        if current is not None and current in self._root._axes:
            return current
        return self.add_subplot()

    def sca(self, axes):
        self._root._current = axes
        return axes

    def delaxes(self, axes):
        self._root.delaxes(axes)

    def subfigures(self, *args, **kwargs):
        return subfigures(self, *args, **kwargs)

    def add_subfigure(self, subplotspec, **kwargs):
        return add_subfigure(self, subplotspec, **kwargs)

    # Decorations

    def suptitle(self, t, **kwargs):
        return self._suplabel("suptitle", t, kwargs)

    def supxlabel(self, t, **kwargs):
        return self._suplabel("supxlabel", t, kwargs)

    def supylabel(self, t, **kwargs):
        return self._suplabel("supylabel", t, kwargs)

    def get_suptitle(self):
        return self._sup_text("suptitle")

    def get_supxlabel(self):
        return self._sup_text("supxlabel")

    def get_supylabel(self):
        return self._sup_text("supylabel")

    def _sup_text(self, name):
        text = self._sup[name]
        return "" if text is None else text.get_text()

    def _suplabel(self, name, t, kwargs):
        """A sup text: placed by the host at its edge of the panel (matplotlib's automatic position),
        at x (suptitle, supxlabel) or y (supylabel) along it, aligned there by ha or va."""
        x0, y0, ha, va, rotation, size, weight = _SUPTEXTS[name]
        fixed = "y" if name != "supylabel" else "x"
        if kwargs.get(fixed) is not None:
            raise NotImplementedError(f"SubFigure.{name}({fixed}=...) is not supported in this sandbox: the "
                                      f"{name} stands at the subfigure's edge")
        kwargs.pop(fixed, None)
        x, y = kwargs.pop("x", None), kwargs.pop("y", None)
        options = {"fontsize": _rc.rcParams[size], "fontweight": _rc.rcParams[weight], "ha": ha, "va": va,
                   "rotation": rotation, **_text.properties(kwargs)}
        text = Text(x0 if x is None else float(x), y0 if y is None else float(y), t, coords="figure", **options)
        if text._rotation != rotation or (name != "supylabel" and text._va != va) or \
                (name == "supylabel" and text._ha != ha):
            raise NotImplementedError(f"SubFigure.{name}() with another rotation or alignment across its edge "
                                      "is not supported in this sandbox")
        text.figure = self
        self._sup[name] = text
        return text

    def text(self, x, y, s, fontdict=None, **kwargs):
        """Text at (x, y) in the subfigure's fractions (0, 0 its lower left corner)."""
        options = _text.properties(kwargs, fontdict, extra=("transform",))
        transform = options.pop("transform", self.transSubfigure)
        if transform is not self.transSubfigure:
            raise NotImplementedError("SubFigure.text() transform must be the subfigure's transSubfigure in "
                                      "this sandbox")
        text = Text(float(x), float(y), s, coords="figure", **options)
        text.figure = self
        self._texts.append(text)
        return text

    @property
    def texts(self):
        return list(self._texts)

    def set_frameon(self, b):
        self._frameon = bool(b)

    def get_frameon(self):
        return self._frameon

    def legend(self, *args, **kwargs):
        """A legend of the subfigure's axes' labelled artists (or the handles given), placed by loc in
        the subfigure's box, or beside its axes ("outside right upper"...), as Figure.legend."""
        from . import _figlegend

        return _figlegend.make(self, args, kwargs)

    @property
    def legends(self):
        return list(self._legends)

    def colorbar(self, mappable=None, cax=None, ax=None, use_gridspec=True, **kwargs):
        from . import colorbar

        return colorbar.make(self, mappable, cax, ax, kwargs)

    # The spec

    def _spec(self, index):
        grid = self._subplotspec.get_gridspec()
        rows, cols = self._subplotspec.rowspan, self._subplotspec.colspan
        spec = {"parent": index.get(self._parent), "grid_pos": [grid.nrows, grid.ncols, rows.start, cols.start,
                                                                len(rows), len(cols)],
                "width_ratios": _ratios(grid.get_width_ratios()), "height_ratios": _ratios(grid.get_height_ratios()),
                "wspace": self._space(grid, "wspace", grid.ncols), "hspace": self._space(grid, "hspace", grid.nrows),
                "shares_grid": self._shares_grid(grid),
                "facecolor": spec_color(self._facecolor if self._frameon else "none"),
                "texts": [text.figure_spec() for text in self._texts]}
        for name, text in self._sup.items():
            if text is not None and text.get_text():
                spec[name] = {"text": text.title_spec(), **({"y": text._y, "va": text._va} if name == "supylabel"
                                                           else {"x": text._x, "ha": text._ha})}
        return spec

    def _shares_grid(self, grid):
        """Whether axes of the parent stand in the same GridSpec: constrained layout then makes the
        subfigure's box their grid's inner cells (spanning the axes' boxes in its rows and columns)."""
        if self._layout.engine not in ("constrained", "compressed"):
            return False
        return any(axes.figure is self._parent and getattr(axes, "_subplotspec", None) is not None
                   and axes._subplotspec.get_gridspec() is grid for axes in self._root._axes)

    def _space(self, grid, name, count):
        """The space between the grid's cells in average cells (GridSpec.get_grid_positions' wspace):
        under constrained layout the gap is wspace / ncols of the parent (the layout's wspace, 0.02, when
        the grid has none); without, matplotlib applies a subfigures() grid's own, else none."""
        given = grid._params.get(name)
        if self._layout.engine in ("constrained", "compressed"):
            space = _rc.rcParams[f"figure.constrained_layout.{name}"] if given is None else given
            gap = space / count
            return gap * count / (1.0 - gap * (count - 1)) if count > 1 and gap * (count - 1) < 1 else 0.0
        return given if self._spaced and given is not None else 0.0

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"'SubFigure' object has no attribute {name!r}")
        raise NotImplementedError(f"SubFigure.{name} is not supported in this sandbox")


SubFigure.__module__ = "matplotlib.figure"  # where matplotlib defines it (and the guest exports it)


def _ratios(ratios):
    return None if ratios is None else [float(r) for r in ratios]


def _borrow():
    """The Figure methods that make axes, line up their labels or colour the background, shared by
    SubFigure (they only use what both have)."""
    from .figure import Figure

    for name in ("add_subplot", "add_axes", "subplots", "subplot_mosaic", "add_gridspec", "align_xlabels",
                 "align_ylabels", "align_titles", "align_labels", "get_facecolor", "set_facecolor", "patch"):
        setattr(SubFigure, name, getattr(Figure, name))


_borrow()
