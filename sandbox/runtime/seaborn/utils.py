"""Utilities (seaborn.utils): despine, load_dataset (from local CSV files: the sandbox has no network),
get_dataset_names, desaturate."""

import os

import matplotlib.pyplot as plt

from .palettes import desaturate

__all__ = ["despine", "load_dataset", "get_dataset_names", "get_data_home", "desaturate"]


def despine(fig=None, ax=None, top=True, right=True, left=False, bottom=False, offset=None, trim=False):
    """Hide spines of the axes (all axes of fig, or the current axes)."""
    if offset is not None or trim:
        raise NotImplementedError("despine(offset=..., trim=True) is not supported in this sandbox")
    axes = [ax] if ax is not None else (fig or plt.gcf()).axes
    for one in axes:
        for side, hide in (("top", top), ("right", right), ("left", left), ("bottom", bottom)):
            one.spines[side].set_visible(not hide)


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
