"""Subplot parameters (subplots_adjust, GridSpec(left=..., wspace=...)) and tight_layout's pads, as the
figure spec carries them (docs/CHARTS.md, "layout").

The host lays a figure out tightly (as tight_layout) unless its grid is given subplot parameters:
then, as matplotlib without a layout engine, the cells are fixed boxes in figure fractions, the
parameters not given being rcParams figure.subplot.*, or after tight_layout() (and under
layout="tight", for a GridSpec's own) the tight layout's (sent as null). A layout engine ignores
subplots_adjust, as matplotlib's does; the constrained layout's spacing, a GridSpec's too, is the
host's (as the engine's own settings, Figure.get_layout_engine).
"""

import numbers

from . import _rc

NAMES = ("left", "bottom", "right", "top", "wspace", "hspace")


class FigureLayout:
    """A figure's layout settings: its engine, the subplots_adjust() values given since the last
    tight_layout(), and tight_layout's pads (in font sizes)."""

    def __init__(self, layout=None, tight_layout=None, constrained_layout=None):
        if layout is None:
            layout = "constrained" if constrained_layout else "tight" if tight_layout else None
            if layout is None and _rc.rcParams["figure.autolayout"]:
                layout = "tight"
            if layout is None and _rc.rcParams["figure.constrained_layout.use"]:
                layout = "constrained"
        self.set_engine(layout)
        self.adjusted = {}
        self.tightened = False  # tight_layout() was called
        self.pads = None

    def set_engine(self, layout):
        if layout in (None, "none"):
            self.engine = None
        elif layout in ("tight", "constrained", "compressed"):
            self.engine = layout
        elif layout is False:
            self.engine = None
        elif layout is True:
            self.engine = "tight"
        else:
            raise ValueError(f"Invalid value for 'layout': {layout!r}")

    def adjust(self, given):
        """subplots_adjust(): matplotlib ignores it under a layout engine (with a warning)."""
        given = {name: float(value) for name, value in given.items() if value is not None}
        _check(given)
        if self.engine is not None:
            import warnings

            warnings.warn("This figure was using a layout engine that is incompatible with subplots_adjust "
                          "and/or tight_layout; not calling subplots_adjust.", stacklevel=3)
            return
        self.adjusted.update(given)

    def tight(self, pad=1.08, h_pad=None, w_pad=None, rect=None):
        """tight_layout(): the cells tight again, with these pads, in rect (left, bottom, right, top)."""
        if rect is not None:
            rect = [float(v) for v in rect]
            if len(rect) != 4 or rect[0] >= rect[2] or rect[1] >= rect[3]:
                raise ValueError("tight_layout(rect=...) must be (left, bottom, right, top) in figure fractions")
        for name, value in (("pad", pad), ("h_pad", h_pad), ("w_pad", w_pad)):
            if value is not None and (not isinstance(value, numbers.Real) or value < 0):
                raise NotImplementedError(f"tight_layout({name}={value!r}) is not supported in this sandbox "
                                          "(pads of 0 or more font sizes)")
        self.adjusted = {}
        self.tightened = True
        self.pads = (float(pad), float(pad if h_pad is None else h_pad), float(pad if w_pad is None else w_pad))
        self.rect = rect

    def spec(self):
        """The figure spec's "tight" pads, in points (absent: matplotlib's 1.08 font sizes)."""
        if self.pads is None:
            return {}
        size = _rc.fontsize(_rc.rcParams["font.size"])
        pad, h_pad, w_pad = self.pads
        return {"tight": {"pad": pad * size, "w_pad": w_pad * size, "h_pad": h_pad * size, "rect": self.rect}}


def grid_params(kwargs):
    """The subplot parameters given to GridSpec() (popped from kwargs), checked."""
    given = {name: float(kwargs.pop(name)) for name in NAMES if kwargs.get(name) is not None}
    for name in NAMES:
        kwargs.pop(name, None)
    _check(given)
    return given


def _check(given):
    for low, high in (("left", "right"), ("bottom", "top")):
        if low in given and high in given and given[low] >= given[high]:
            raise ValueError(f"{low} cannot be >= {high}")


def axes_spec(axes):
    """The axes' "subplotpars" key: its grid's fixed cell parameters, or nothing for a tight cell."""
    kind, _ = axes._position
    if kind != "grid":
        return {}
    layout = axes.figure._layout
    spec = getattr(axes, "_subplotspec", None)
    grid = None if spec is None else spec.get_gridspec()
    own = {} if grid is None else getattr(grid.get_topmost_subplotspec().get_gridspec()
                                          if hasattr(grid, "_outer") else grid, "_params", {})
    nested = grid is not None and hasattr(grid, "_outer")
    # The constrained layout's spacing is the host's, as its engine's (Figure.get_layout_engine).
    adjusted = {} if layout.engine is not None else layout.adjusted
    if layout.engine in ("constrained", "compressed") or not (own or adjusted):
        return {}
    if nested:
        raise NotImplementedError("subplot parameters (subplots_adjust, GridSpec(wspace=...)) with nested "
                                  "gridspecs are not supported in this sandbox")
    if layout.tightened or layout.engine == "tight":  # the rest: the tight layout's
        pars = dict.fromkeys(NAMES)
    else:
        pars = {name: float(_rc.rcParams[f"figure.subplot.{name}"]) for name in NAMES}
    pars.update(adjusted)
    pars.update(own)
    _check({name: value for name, value in pars.items() if value is not None})
    return {"subplotpars": [pars[name] for name in NAMES]}
