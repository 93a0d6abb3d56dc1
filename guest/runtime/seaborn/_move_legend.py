"""move_legend (seaborn.utils, 0.13.2) for grids as well as Axes: a grid's legend is drawn on one of
its Axes here (see axisgrid.py), so it is moved there with utils.move_legend."""

from . import utils

__all__ = ["move_legend"]


def move_legend(obj, loc, **kwargs):
    """Remove the legend of obj (a seaborn grid or an Axes) and draw it again with loc and kwargs."""
    from .axisgrid import Grid

    if not isinstance(obj, Grid):
        return utils.move_legend(obj, loc, **kwargs)
    if obj.legend is None:
        raise ValueError(f"{obj} has no legend attached.")
    ax = obj.legend.axes
    if kwargs.get("bbox_to_anchor") is not None:
        kwargs.setdefault("bbox_transform", obj.figure.transFigure)  # a grid's legend is the figure's
    utils.move_legend(ax, loc, **kwargs)
    obj._legend = ax.get_legend()
