"""Utilities (seaborn.utils): despine, load_dataset (from local CSV files: the sandbox has no network),
get_dataset_names, desaturate, move_legend."""

import os

import matplotlib.pyplot as plt

from .palettes import desaturate

__all__ = ["despine", "load_dataset", "get_dataset_names", "get_data_home", "desaturate", "move_legend"]


def despine(fig=None, ax=None, top=True, right=True, left=False, bottom=False, offset=None, trim=False):
    """Hide spines of the axes (all axes of fig, or the current axes); move the visible ones outward
    by offset points (a number, or a dict by side); trim them to the first and last major ticks."""
    if (left and not right) or (bottom and not top):
        raise NotImplementedError("despine() moving the ticks to the right or top spine is not supported in "
                                  "this sandbox")
    axes = [ax] if ax is not None else (fig or plt.gcf()).axes
    for one in axes:
        for side, hide in (("top", top), ("right", right), ("left", left), ("bottom", bottom)):
            spine = one.spines[side]
            spine.set_visible(not hide)
            if offset is not None and not hide:
                spine.set_position(("outward", offset.get(side, 0) if isinstance(offset, dict) else offset))
            if trim:
                spine._trim = True  # the host bounds it by the ticks it draws


def get_data_home(data_home=None):
    """Where load_dataset() looks for CSV files: data_home, else the current directory (/mnt/data)."""
    return os.path.expanduser(data_home) if data_home is not None else os.getcwd()


def get_dataset_names():
    """The CSV files load_dataset() can read here (seaborn lists its online repository instead)."""
    return sorted(name[:-4] for name in os.listdir(get_data_home()) if name.endswith(".csv"))


def load_dataset(name, cache=True, data_home=None, **kws):
    """A seaborn example dataset read from <data_home or the current directory>/<name>.csv with
    pandas.read_csv (seaborn downloads it; the sandbox has no network)."""
    import pandas as pd

    path = os.path.join(get_data_home(data_home), f"{name}.csv")
    if not os.path.exists(path):
        raise ValueError(f"load_dataset({name!r}): the sandbox has no network, so seaborn's example datasets "
                         f"cannot be downloaded; upload {name}.csv (from github.com/mwaskom/seaborn-data) to "
                         "the session's files and call load_dataset again")
    return pd.read_csv(path, **kws)


def move_legend(obj, loc, **kwargs):
    """Recreate an Axes' legend at loc with the same entries, title, font size and columns unless given
    anew (seaborn's move_legend; other keywords as Axes.legend takes them)."""
    from matplotlib import _legend, _rc
    from matplotlib import _legend_style as _style

    if not hasattr(obj, "get_legend"):
        raise NotImplementedError(f"move_legend() of a {type(obj).__name__} is not supported in this sandbox; pass "
                                  "the Axes that holds the legend")
    old = obj.get_legend()
    if old is None:
        raise ValueError(f"{obj} has no legend attached.")
    entries = list(old._entries)
    labels = kwargs.pop("labels", None)
    if labels is not None:
        if len(labels) != len(entries):
            raise ValueError("Length of new labels does not match existing legend.")
        entries = [(artist, index, str(label)) for (artist, index, _), label in zip(entries, labels)]
    title = old._title
    if "title" in kwargs:
        title = kwargs.pop("title")
        title = None if title is None else str(title)
    place, anchor, pad = _legend.placement(obj, loc, kwargs.pop("bbox_to_anchor", None),
                                           kwargs.pop("bbox_transform", None))
    fontsize = _rc.fontsize(kwargs.pop("fontsize")) if "fontsize" in kwargs else old._fontsize
    ncol = int(kwargs.pop("ncols", kwargs.pop("ncol", old._ncol)))
    # As seaborn: the old title's size unless title_fontsize is given, and the frame's visibility.
    title_size = _rc.fontsize(kwargs.pop("title_fontsize", old._style["title_fontsize"]))
    for key in [k for k in kwargs if k.startswith("title_")]:
        raise NotImplementedError(f"move_legend({key}=...) is not supported in this sandbox")
    kwargs.setdefault("frameon", old._style["frameon"])
    facecolor, style = _style.style(kwargs)
    style["title_fontsize"] = title_size
    if pad is not None:
        style["borderaxespad"] = pad
    if kwargs:
        raise TypeError(f"legend() got an unexpected keyword argument {sorted(kwargs)[0]!r}")
    old.remove()
    obj._legend = _legend.Legend(obj, entries, place, fontsize, title, ncol, anchor, (facecolor, style))
