"""A pure-Python stand-in for matplotlib in the sandbox.

It records what user code draws (figures, axes and artists, see ``pyplot``)
and hands a figure spec (docs/CHARTS.md) to the host, which renders it: with
``show()``, at the end of each cell (``pyplot._flush_figures``, called by the
runner) and for ``savefig``.  What it cannot draw faithfully raises
NotImplementedError naming the feature.  Keywords that do not change what is
shown (zorder, rasterized, gid...) are accepted and ignored.
"""

import contextlib

from . import cm, colors
from ._cycler import cycler
from ._rc import RcParams, default_params, rcParams
from ._sequences import ColorSequenceRegistry

__version__ = "3.8.0"
__all__ = ["rcParams", "RcParams", "rcdefaults", "rc", "rc_context", "use", "get_backend",
           "colormaps", "color_sequences", "colors", "cm", "cycler"]

colormaps = cm._colormaps
color_sequences = ColorSequenceRegistry()
rcParamsDefault = RcParams(default_params())


def use(backend, *, force=True):
    """Accepted for any backend name; rendering always goes to the host."""


def get_backend():
    return "agg"


def interactive(b):
    """Accepted; figures are shown at the end of each cell."""


def is_interactive():
    return False


def rcdefaults():
    """Restore the default rcParams."""
    rcParams._restore(default_params())


def rc(group, **kwargs):
    """Set rcParams "group.name" for each name=value (``rc("font", size=12)``)."""
    aliases = {"lw": "linewidth", "ls": "linestyle", "c": "color", "fc": "facecolor", "ec": "edgecolor",
               "mew": "markeredgewidth", "aa": "antialiased"}
    for group_name in (group,) if isinstance(group, str) else group:
        for name, value in kwargs.items():
            rcParams[f"{group_name}.{aliases.get(name, name)}"] = value


@contextlib.contextmanager
def rc_context(rc=None, fname=None):
    """Set rcParams from rc for the duration of a with block."""
    saved = rcParams.copy()
    try:
        if rc:
            rcParams.update(rc)
        yield
    finally:
        rcParams._restore(saved)
