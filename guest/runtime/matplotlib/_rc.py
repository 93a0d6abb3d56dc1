"""rcParams: the defaults this package honours, as a dict-like like matplotlib's.

Any key can be set (models set font.family, axes.unicode_minus and the like
for CJK text); only the keys of ``DEFAULTS`` have an effect.  Reading a key
that was never set raises KeyError.
"""

DEFAULTS = {
    "figure.figsize": [6.4, 4.8],
    "figure.dpi": 100.0,
    "figure.facecolor": "white",
    "figure.titlesize": "large",
    "figure.titleweight": "normal",
    "savefig.dpi": "figure",
    "savefig.format": "png",
    "font.size": 10.0,
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.serif": ["DejaVu Serif"],
    "font.monospace": ["DejaVu Sans Mono"],
    "font.cursive": ["Comic Neue"],
    "font.fantasy": ["xkcd"],
    "font.weight": "normal",
    "font.style": "normal",
    "axes.unicode_minus": True,
    "axes.facecolor": "white",
    "axes.grid": False,
    "axes.axisbelow": "line",
    "axes.edgecolor": "black",
    "axes.linewidth": 0.8,
    "axes.spines.left": True,
    "axes.spines.right": True,
    "axes.spines.bottom": True,
    "axes.spines.top": True,
    "axes.grid.axis": "both",
    "axes.titlesize": "large",
    "axes.titleweight": "normal",
    "axes.labelsize": "medium",
    "axes.xmargin": 0.05,
    "axes.ymargin": 0.05,
    "xtick.bottom": True,
    "xtick.top": False,
    "xtick.major.bottom": True,
    "xtick.minor.bottom": True,
    "xtick.major.top": True,
    "xtick.minor.top": True,
    "xtick.labelbottom": True,
    "xtick.labeltop": False,
    "xtick.color": "black",
    "xtick.labelcolor": "inherit",
    "xtick.direction": "out",
    "xtick.major.size": 3.5,
    "xtick.minor.size": 2.0,
    "xtick.major.width": 0.8,
    "xtick.minor.width": 0.6,
    "xtick.major.pad": 3.5,
    "ytick.left": True,
    "ytick.right": False,
    "ytick.major.left": True,
    "ytick.minor.left": True,
    "ytick.major.right": True,
    "ytick.minor.right": True,
    "ytick.labelleft": True,
    "ytick.labelright": False,
    "ytick.color": "black",
    "ytick.labelcolor": "inherit",
    "ytick.direction": "out",
    "ytick.major.size": 3.5,
    "ytick.minor.size": 2.0,
    "ytick.major.width": 0.8,
    "ytick.minor.width": 0.6,
    "ytick.major.pad": 3.5,
    "xtick.labelsize": "medium",
    "ytick.labelsize": "medium",
    "legend.fontsize": "medium",
    "legend.loc": "best",
    "lines.color": "C0",
    "lines.linewidth": 1.5,
    "lines.markersize": 6.0,
    "lines.markeredgewidth": 1.0,
    "polaraxes.grid": True,
    "grid.color": "#b0b0b0",
    "grid.linestyle": "-",
    "grid.linewidth": 0.8,
    "grid.alpha": 1.0,
    "patch.linewidth": 1.0,
    "hist.bins": 10,
}

_SIZE_SCALE = {"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
               "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833}


class RcParams(dict):
    """matplotlib.rcParams: a dict of settings, plus ``copy`` and ``find_all`` like matplotlib's."""

    def copy(self):
        return RcParams(self)

    def find_all(self, pattern):
        import re

        return RcParams((key, value) for key, value in self.items() if re.search(pattern, key))


class Cycler:
    """rcParams["axes.prop_cycle"]: the default colour cycle, readable as matplotlib's
    (by_key()["color"], iteration over {"color": c}); setting another cycle has no effect here."""

    def __init__(self, colors):
        self._colors = tuple(colors)

    def by_key(self):
        return {"color": list(self._colors)}

    def __iter__(self):
        return iter([{"color": c} for c in self._colors])

    def __len__(self):
        return len(self._colors)

    def __call__(self):
        """An endless iterator over the cycle's {"color": c} entries, as a cycler's call."""
        import itertools

        return itertools.cycle(list(self))

    @property
    def keys(self):
        return {"color"}

    def __repr__(self):
        return f"cycler('color', {list(self._colors)!r})"


def default_params():
    """A fresh copy of DEFAULTS (its lists are not shared)."""
    from .colors import CYCLE

    params = {key: list(value) if isinstance(value, list) else value for key, value in DEFAULTS.items()}
    params["axes.prop_cycle"] = Cycler(CYCLE)
    return params


rcParams = RcParams(default_params())


def fontsize(value):
    """Points for a font size given as a number or a name ("large", "small"...), after font.size."""
    if isinstance(value, str):
        try:
            return _SIZE_SCALE[value] * float(rcParams["font.size"])
        except KeyError:
            raise ValueError(f"{value!r} is not a valid font size; use a number or one of "
                             f"{', '.join(_SIZE_SCALE)}") from None
    return float(value)
