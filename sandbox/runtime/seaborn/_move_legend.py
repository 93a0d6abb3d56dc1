"""move_legend (seaborn.utils, 0.13.2): redraw the legend of an Axes or a grid at another location,
with the same entries and title unless new ones are given."""

from matplotlib import _legend

__all__ = ["move_legend"]


def move_legend(obj, loc, **kwargs):
    """Remove the legend of obj (a seaborn grid or an Axes) and draw it again with loc and kwargs."""
    from .axisgrid import Grid

    if isinstance(obj, Grid):
        old = obj.legend
    elif hasattr(obj, "get_legend") and hasattr(obj, "legend"):
        old = obj.get_legend()
    elif hasattr(obj, "add_subplot"):
        raise NotImplementedError("move_legend() of a Figure is not supported in this sandbox (its matplotlib has "
                                  "no figure legends)")
    else:
        raise TypeError("`obj` must be a seaborn Grid or matplotlib Axes or Figure instance.")
    if old is None:
        raise ValueError(f"{obj} has no legend attached.")
    # The entries as the sandbox's Legend keeps them: (artist or proxy, index, label).
    handles, labels = [], []
    for artist, index, label in old._entries:
        if index is not None:
            raise NotImplementedError("move_legend() of a legend of single bars or wedges is not supported in this "
                                      "sandbox")
        handles.append(artist.handle if isinstance(artist, _legend._Proxy) else artist)
        labels.append(label)
    new_labels = kwargs.pop("labels", None)
    if new_labels is not None:
        if len(new_labels) != len(labels):
            raise ValueError("Length of new labels does not match existing legend.")
        labels = list(new_labels)
    title = kwargs.pop("title", old.get_title_text() or None)
    kwargs.setdefault("fontsize", old._fontsize)
    kwargs.setdefault("ncols", kwargs.pop("ncol", old._ncol))
    ax = old.axes
    old.remove()
    new = ax.legend(handles, labels, loc=loc, title=title, **kwargs)
    if isinstance(obj, Grid):
        obj._legend = new
