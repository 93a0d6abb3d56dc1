"""pyplot: the state-machine interface.  Functions act on the current figure and axes
(gcf/gca), created on first use; open figures are numbered like matplotlib's.

``show()`` displays every open figure and closes them; the runner calls
``_flush_figures()`` (the same) at the end of each cell, like Jupyter's
inline backend.  Unknown public names raise NotImplementedError.
"""

from . import cm, color_sequences, colormaps, rc, rc_context, rcdefaults, rcParams, style  # noqa: F401
from .axes import Axes
from .cm import get_cmap  # noqa: F401
from .colors import LogNorm, Normalize  # noqa: F401
from .figure import Figure, figaspect  # noqa: F401
from .gridspec import GridSpec, subplot_position
from .patches import Circle, Polygon, Rectangle
from .ticker import (AutoLocator, FixedFormatter, FixedLocator, FormatStrFormatter, Formatter,  # noqa: F401
                     FuncFormatter, LinearLocator, Locator, LogFormatter, LogLocator, MaxNLocator,
                     MultipleLocator, NullFormatter, NullLocator, ScalarFormatter)

_figures = {}   # number -> open Figure, in creation order
_active = None  # the current Figure

# pyplot functions that call the current Axes' method of the same name (or the one given).
_AXES_FUNCTIONS = {name: name for name in (
    "plot", "scatter", "bar", "barh", "bar_label", "hist", "pie", "fill_between", "axhline", "axvline",
    "text", "annotate", "semilogx", "semilogy", "loglog", "legend", "grid", "axis", "tick_params",
    "margins", "autoscale", "minorticks_on", "minorticks_off", "errorbar", "boxplot", "violinplot", "imshow",
    "pcolormesh", "pcolor", "step", "stem", "stackplot", "hlines", "vlines", "axvspan", "axhspan", "axline",
    "contour", "contourf", "hexbin", "psd", "csd", "cohere", "specgram", "magnitude_spectrum", "angle_spectrum",
    "phase_spectrum", "xcorr", "acorr", "fill", "ecdf", "eventplot", "hist2d", "spy", "pcolorfast", "arrow",
    "stairs", "triplot", "tripcolor", "tricontour", "tricontourf", "quiver", "quiverkey", "streamplot", "barbs",
    "clabel")}
_AXES_FUNCTIONS.update(title="set_title", xlabel="set_xlabel", ylabel="set_ylabel", xscale="set_xscale",
                       yscale="set_yscale")

__all__ = ["figure", "gcf", "gca", "sca", "subplots", "subplot", "subplot2grid", "axes", "close", "clf", "polar",
           "cla", "show", "savefig", "draw", "pause", "ion", "ioff", "isinteractive", "get_fignums",
           "fignum_exists", "tight_layout", "subplots_adjust", "suptitle", "twinx", "xlim", "ylim",
           "xticks", "yticks", "colorbar", "gci", "figtext", "figlegend", "subplot_mosaic", "matshow", "setp", "get_cmap", "rcParams", "rc", "rc_context", "rcdefaults",
           "cm", "colormaps", "color_sequences", "style", "Normalize", "LogNorm", "Figure", "Axes", "GridSpec",
           "Circle", "Polygon", "Rectangle", *_AXES_FUNCTIONS]


def _axes_function(name, method):
    def function(*args, **kwargs):
        return getattr(gca(), method)(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"Call {method}() of the current Axes (gca())."
    return function


globals().update({name: _axes_function(name, method) for name, method in _AXES_FUNCTIONS.items()})


# Figures


def figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True,
           FigureClass=Figure, clear=False, **kwargs):
    """Make figure num (a number or a label) current, creating it if needed; returns it."""
    global _active
    if isinstance(num, Figure):
        _active = num
        return num
    fig = _find(num)
    if fig is None:
        fig = FigureClass(figsize=figsize, dpi=dpi, facecolor=facecolor, edgecolor=edgecolor, frameon=frameon,
                          **kwargs)
        fig.number = num if isinstance(num, int) else max(_figures, default=0) + 1
        fig._label = num if isinstance(num, str) else ""
        _figures[fig.number] = fig
    elif clear:
        fig.clf()
    _active = fig
    return fig


def _find(num):
    if isinstance(num, str):
        return next((fig for fig in _figures.values() if fig._label == num), None)
    return _figures.get(num)


def gcf():
    """The current figure, created if there is none."""
    return _active if _active is not None else figure()


def gca():
    """The current Axes of the current figure, created if there is none."""
    return gcf().gca()


def sca(ax):
    """Make ax (and its figure) current."""
    figure(getattr(ax.figure, "_root", ax.figure))  # a subfigure's axes: its figure's
    ax.figure.sca(ax)


def subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, width_ratios=None,
             height_ratios=None, subplot_kw=None, gridspec_kw=None, **fig_kw):
    """A new figure with a grid of Axes: (fig, ax) or (fig, AxesArray)."""
    fig = figure(**fig_kw)
    axs = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze, width_ratios=width_ratios,
                       height_ratios=height_ratios, subplot_kw=subplot_kw, gridspec_kw=gridspec_kw)
    return fig, axs


def subplot(*args, **kwargs):
    """The Axes in a grid cell of the current figure (the existing one if there is), made current."""
    fig = gcf()
    position = ("grid", subplot_position(args))
    for ax in fig._axes:
        if ax._position == position and ax._twin_of is None and not kwargs:
            fig.sca(ax)
            return ax
    return fig.add_subplot(*args, **kwargs)


def subplot2grid(shape, loc, rowspan=1, colspan=1, fig=None, **kwargs):
    """An Axes over rowspan x colspan cells from loc of a shape = (nrows, ncols) grid."""
    grid = GridSpec(*shape)
    row, col = loc
    return (fig or gcf()).add_subplot(grid[row:row + rowspan, col:col + colspan], **kwargs)


def axes(arg=None, **kwargs):
    """A new Axes: a full subplot, or at arg = [left, bottom, width, height]."""
    fig = gcf()
    return fig.add_subplot(**kwargs) if arg is None else fig.add_axes(arg, **kwargs)


def close(fig=None):
    """Close the current figure, a figure (object, number or label) or "all"."""
    global _active
    if fig == "all":
        _figures.clear()
        _active = None
        return
    if fig is None:
        fig = _active
    elif not isinstance(fig, Figure):
        fig = _find(fig)
    if fig is None or _figures.get(fig.number) is not fig:
        return
    del _figures[fig.number]
    if _active is fig:
        _active = next(reversed(_figures.values()), None)


def clf():
    gcf().clf()


def cla():
    gca().cla()


def get_fignums():
    return sorted(_figures)


def fignum_exists(num):
    return _find(num) is not None


def show(*args, **kwargs):
    """Display every open figure, then close them all."""
    _flush_figures()


def _flush_figures():
    """Display each open figure that has axes or a suptitle and close all figures; raises the first
    display error after trying every figure.  The runner calls this at the end of each cell."""
    figures = list(_figures.values())
    close("all")
    error = None
    for fig in figures:
        if fig._displayable():
            try:
                fig._display()
            except Exception as exc:
                error = error or exc
    if error is not None:
        raise error


def savefig(*args, **kwargs):
    return gcf().savefig(*args, **kwargs)


def suptitle(t, **kwargs):
    return gcf().suptitle(t, **kwargs)


def tight_layout(**kwargs):
    gcf().tight_layout(**kwargs)


def subplots_adjust(*args, **kwargs):
    gcf().subplots_adjust(*args, **kwargs)


def draw():
    """Accepted: figures are drawn when shown or saved."""


def pause(interval):
    """Accepted: there is no interactive window to update."""


def ion():
    """Accepted: figures are shown at the end of each cell."""


ioff = ion


def isinteractive():
    return False


def colorbar(mappable=None, cax=None, ax=None, **kwargs):
    """A colorbar for mappable (default: the last image or colour-mapped scatter) beside ax."""
    fig = gcf()
    if mappable is None:
        mappable = fig._current_mappable
    return fig.colorbar(mappable, cax=cax, ax=ax, **kwargs)


def gci():
    """The current image (or colour-mapped scatter) of the current figure, or None."""
    return gcf()._current_mappable


def figtext(x, y, s, fontdict=None, **kwargs):
    return gcf().text(x, y, s, fontdict, **kwargs)


def figlegend(*args, **kwargs):
    """A legend of the current figure (Figure.legend)."""
    return gcf().legend(*args, **kwargs)


def subplot_mosaic(mosaic, *, sharex=False, sharey=False, width_ratios=None, height_ratios=None,
                   empty_sentinel=".", subplot_kw=None, gridspec_kw=None, per_subplot_kw=None, **fig_kw):
    """A new figure with Axes laid out by mosaic: (fig, {label: Axes})."""
    fig = figure(**fig_kw)
    axes = fig.subplot_mosaic(mosaic, sharex=sharex, sharey=sharey, width_ratios=width_ratios,
                              height_ratios=height_ratios, empty_sentinel=empty_sentinel, subplot_kw=subplot_kw,
                              per_subplot_kw=per_subplot_kw, gridspec_kw=gridspec_kw)
    return fig, axes


def matshow(A, fignum=None, **kwargs):
    """A on a new figure shaped like it (fignum=None), on figure fignum, or on the current axes
    (fignum=0), as matplotlib's."""
    import numpy as np

    A = np.asanyarray(A)
    if fignum == 0:
        ax = gca()
    else:
        figsize = None if fignum is not None and fignum_exists(fignum) else figaspect(A)
        ax = figure(fignum, figsize=figsize).add_axes((0.15, 0.09, 0.775, 0.775))
    return ax.matshow(A, **kwargs)


# Axes-level functions with pyplot-specific forms


def polar(*args, **kwargs):
    """A line on the current polar Axes (made if the current Axes is not polar): plot(theta, r, ...)."""
    fig = gcf()
    current = fig._current
    ax = current if getattr(current, "name", None) == "polar" else fig.add_subplot(projection="polar")
    return ax.plot(*args, **kwargs)


def twinx(ax=None):
    return (ax or gca()).twinx()


def xlim(*args, **kwargs):
    """Get the x limits, or set them (xlim(lo, hi), xlim((lo, hi)), xlim(left=...))."""
    ax = gca()
    return ax.set_xlim(*args, **kwargs) if args or kwargs else ax.get_xlim()


def ylim(*args, **kwargs):
    """Get the y limits, or set them (ylim(lo, hi), ylim((lo, hi)), ylim(bottom=...))."""
    ax = gca()
    return ax.set_ylim(*args, **kwargs) if args or kwargs else ax.get_ylim()


def xticks(ticks=None, labels=None, *, minor=False, **kwargs):
    """Set the x tick positions and labels and/or the labels' rotation and size; returns (locs, labels)."""
    return _ticks(gca().xaxis, ticks, labels, minor, kwargs)


def yticks(ticks=None, labels=None, *, minor=False, **kwargs):
    """Set the y tick positions and labels and/or the labels' rotation and size; returns (locs, labels)."""
    return _ticks(gca().yaxis, ticks, labels, minor, kwargs)


def _ticks(axis, ticks, labels, minor, kwargs):
    ax = axis.axes
    if ticks is None and labels is not None:
        raise TypeError("xticks(): Parameter 'labels' can't be set without setting 'ticks'")
    if ticks is not None:
        getattr(ax, f"set_{axis.name}ticks")(ticks, labels, minor=minor)
    if not kwargs:
        return ax._get_ticks(axis), axis.tick_labels()
    ax._tick_text_options(axis, kwargs)
    group = axis.group
    locs = group.ticks[0] if group.ticks else list(range(len(group.categories)))
    return list(locs), axis.tick_labels()


def setp(obj, *args, **kwargs):
    """Set properties on an artist or a list of artists: setp(lines, color="r") or setp(lines, "color", "r")."""
    kwargs.update(zip(args[::2], args[1::2]))
    objects = obj if isinstance(obj, (list, tuple)) else [obj]
    for item in objects:
        for name, value in kwargs.items():
            getattr(item, f"set_{name}")(value)


class _Unsupported(AttributeError, NotImplementedError):
    """A pyplot function this sandbox lacks: a NotImplementedError (and named so in
    tracebacks), and an AttributeError as a missing module attribute must be: pickle looks
    objects up by name in every loaded module, hasattr() expects it."""


_Unsupported.__name__ = _Unsupported.__qualname__ = "NotImplementedError"


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(f"module 'matplotlib.pyplot' has no attribute {name!r}")
    raise _Unsupported(f"matplotlib.pyplot.{name} is not supported in this sandbox")
