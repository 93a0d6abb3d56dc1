"""Figure.legend(): a legend of artists from all the figure's axes, placed in the figure's box or,
with matplotlib's "outside ..." locations, beside the axes (docs/CHARTS.md, "legends")."""

from . import _legend

# "outside <side> <where>": the strip's side and the spec's location inside the strip (the legend
# hugging the axes), as matplotlib's constrained layout places them.
_OUTSIDE = {}
for _where in ("upper", "center", "lower"):
    _row = "" if _where == "center" else f"{_where} "
    _OUTSIDE[f"right {_where}"] = ("right", f"{_row}left".strip() if _row else "center left")
    _OUTSIDE[f"left {_where}"] = ("left", f"{_row}right".strip() if _row else "center right")
for _where in ("left", "center", "right"):
    _OUTSIDE[f"upper {_where}"] = ("top", f"lower {_where}")
    _OUTSIDE[f"lower {_where}"] = ("bottom", f"upper {_where}")


class FigureLegend(_legend.Legend):
    """A legend of the figure: its entries name their axes."""

    def __init__(self, figure, entries, loc, outside, fontsize, title, ncol, frame=None):
        super().__init__(None, entries, loc, fontsize, title, ncol, frame=frame)
        self.figure, self._outside = figure, outside

    def remove(self):
        self.figure._legends = [kept for kept in self.figure._legends if kept is not self]

    def figure_spec(self, axes_index):
        return {"legend": self.spec(axes_index), "outside": self._outside}


def make(figure, args, kwargs):
    """The FigureLegend of figure.legend(*args, **kwargs), or None if it has no entries."""
    if kwargs.get("bbox_to_anchor") is not None:
        raise NotImplementedError("Figure.legend(bbox_to_anchor=...) is not supported in this sandbox; use loc= "
                                  "(such as 'outside right upper')")
    kwargs.pop("bbox_to_anchor", None)
    loc, outside = _location(kwargs.pop("loc", None))
    handles, labels = _legend.positional(args, kwargs.get("handles"), kwargs.get("labels"))
    if handles is None:  # the labelled artists of every axes, in order
        found = [pair for axes in figure.axes for pair in zip(*_legend.handles_labels(axes))]
        handles = [h for h, _ in found]
        labels = [l for _, l in found] if labels is None else labels
    kwargs["handles"], kwargs["labels"] = handles, labels
    kwargs["loc"] = loc
    axes_legend = _legend.make(_NoAxes(), (), kwargs)
    if axes_legend is None:
        return None
    legend = FigureLegend(figure, axes_legend._entries, axes_legend._loc, outside, axes_legend._fontsize,
                          axes_legend._title, axes_legend._ncol, (axes_legend._facecolor, axes_legend._style))
    figure._legends.append(legend)
    return legend


def _location(loc):
    """(spec location, outside side or None) for a figure legend's loc (default 'upper right')."""
    if isinstance(loc, str) and loc.startswith("outside "):
        where = loc[len("outside "):].strip()
        if where not in _OUTSIDE:
            raise ValueError(f"{loc!r} is not a valid value for loc; outside locations are "
                             + ", ".join(repr(f"outside {w}") for w in _OUTSIDE))
        side, inside = _OUTSIDE[where]
        return inside, side
    if loc in (None, "best", 0):
        return "upper right", None  # matplotlib: figure legends have no 'best'
    if isinstance(loc, (tuple, list)):
        raise NotImplementedError("Figure.legend(loc=(x, y)) is not supported in this sandbox; use a named loc")
    return _legend.placement(None, loc, None, None)[0], None


class _NoAxes:
    """Stands in for the axes of a figure legend (every entry is given as a handle)."""

    _artists = ()
