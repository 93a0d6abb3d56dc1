"""rcParams: matplotlib's settings, as a dict-like like matplotlib's.

Every key of real matplotlib exists, holding its default (``MATPLOTLIB_DEFAULTS``), and an unknown
key raises KeyError as matplotlib does.  Setting a key works for the keys this package honours
(``HONOURED``) and for those that change nothing drawn (``NOT_DRAWN``); any other key set to a value
other than its default raises NotImplementedError naming the key, as the picture would silently
differ.
"""

from ._rc_matplotlib import MATPLOTLIB_DEFAULTS

DEFAULTS = {
    "figure.figsize": [6.4, 4.8],
    "figure.dpi": 100.0,
    "figure.facecolor": "white",
    "figure.titlesize": "large",
    "figure.titleweight": "normal",
    "savefig.dpi": "figure",
    "savefig.format": "png",
    "savefig.facecolor": "auto",
    "savefig.transparent": False,
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
    "axes.autolimit_mode": "data",
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
    "lines.solid_capstyle": "projecting",
    "lines.dash_capstyle": "butt",
    "lines.solid_joinstyle": "round",
    "markers.fillstyle": "full",
    "lines.dash_joinstyle": "round",
    "polaraxes.grid": True,
    "grid.color": "#b0b0b0",
    "grid.linestyle": "-",
    "grid.linewidth": 0.8,
    "grid.alpha": 1.0,
    "patch.linewidth": 1.0,
    "patch.facecolor": "C0",
    "patch.edgecolor": "black",
    "patch.force_edgecolor": False,
    "hist.bins": 10,
    "text.color": "black",
    "axes.labelcolor": "black",
    "axes.labelweight": "normal",
    "axes.labelpad": 4.0,
    "axes.titlecolor": "auto",
    "axes.titley": None,
    "axes.titlelocation": "center",
    "axes.titlepad": 6.0,
    "image.cmap": "viridis",
    "image.origin": "upper",
    "errorbar.capsize": 0.0,
}
# boxplot() reads its parts' styles from these (see _plots_stats).
DEFAULTS.update({f"boxplot.{part}props.{name}": MATPLOTLIB_DEFAULTS[f"boxplot.{part}props.{name}"]
                 for part in ("box", "whisker", "cap", "median") for name in ("color", "linewidth", "linestyle")})
DEFAULTS.update({f"boxplot.{part}props.{name}": MATPLOTLIB_DEFAULTS[f"boxplot.{part}props.{name}"]
                 for part in ("flier", "mean")
                 for name in ("color", "marker", "markerfacecolor", "markeredgecolor", "markersize")})

# legend()'s frame and spacing defaults (_legend_style).
DEFAULTS.update({f"legend.{name}": MATPLOTLIB_DEFAULTS[f"legend.{name}"]
                 for name in ("frameon", "framealpha", "fancybox", "shadow", "edgecolor", "facecolor",
                              "title_fontsize", "borderpad", "labelspacing", "handlelength", "handleheight",
                              "handletextpad", "columnspacing", "borderaxespad", "markerscale")})

# Keys honoured: the above and the colour cycle (colours only).
HONOURED = frozenset(DEFAULTS) | {"axes.prop_cycle"}

# Keys accepted with any value because they change nothing this sandbox draws: interactive
# use (keymaps, GUI backends, the toolbar, warnings about open figures), animation, other
# output formats' encoders (pdf, ps, pgf, svg font embedding), rendering hints (antialiasing,
# hinting, path simplification and snapping, chunking), 3D axes (not supported: they raise), the
# layout margins (the host lays out every figure itself, as for subplots_adjust and
# tight_layout) and the figure's edge (drawn with width 0). Also accepted, though not drawn: the
# saved figure's bounding box (ignored as savefig()'s bbox_inches is: the host crops every figure)
# and how text is typeset (TeX or mathtext's font set: this sandbox has no TeX and one font, so
# "$...$" is always set by its mathtext in DejaVu Sans, which real matplotlib's usetex output
# resembles closely enough for a chart).
NOT_DRAWN_PREFIXES = ("keymap.", "animation.", "webagg.", "macosx.", "tk.", "pdf.", "ps.", "pgf.", "svg.",
                      "axes3d.", "figure.subplot.", "figure.constrained_layout.")
NOT_DRAWN = frozenset((
    "interactive", "backend", "backend_fallback", "toolbar", "figure.max_open_warning", "figure.raise_window",
    "savefig.directory", "docstring.hardcopy", "agg.path.chunksize", "path.simplify",
    "path.simplify_threshold", "path.snap", "pcolormesh.snap", "image.composite_image", "text.hinting",
    "text.hinting_factor", "text.antialiased", "lines.antialiased", "patch.antialiased", "figure.autolayout",
    "figure.edgecolor", "savefig.edgecolor", "axes.zmargin", "savefig.bbox",
    "savefig.pad_inches", "text.usetex", "mathtext.fontset"))


def _settable(key, value):
    """Check that setting key to value is faithful here (see the module doc)."""
    if key not in MATPLOTLIB_DEFAULTS and key != "axes.prop_cycle":
        raise KeyError(f"{key} is not a valid rc parameter (see rcParams.keys() for a list of valid parameters)")
    if key in HONOURED or key in NOT_DRAWN or key.startswith(NOT_DRAWN_PREFIXES):
        if key == "axes.prop_cycle":
            check_cycle(value)
        return
    default = MATPLOTLIB_DEFAULTS[key]
    if not _same(value, default):
        raise NotImplementedError(f"rcParams[{key!r}] = {value!r} is not supported in this sandbox "
                                  f"(only its default, {default!r})")


def _same(value, default):
    if isinstance(default, (list, tuple)) and isinstance(value, (list, tuple)):
        return list(value) == list(default)
    if isinstance(default, str) and not isinstance(value, str):
        value = getattr(value, "value", value)  # matplotlib's CapStyle etc. enums
    return value == default or (isinstance(value, str) and isinstance(default, str)
                                and value.lower() == default.lower())


def check_cycle(value):
    """A colour-only Cycler, as this package draws (other cycled properties raise)."""
    from ._cycler import Cycler

    if not isinstance(value, Cycler):
        raise ValueError(f"Key axes.prop_cycle: Object is not a string or Cycler instance: {value!r}")
    if value.keys != {"color"}:
        raise NotImplementedError("rcParams['axes.prop_cycle'] with properties other than 'color' is not "
                                  "supported in this sandbox; cycle colours only (cycler(color=[...]))")

_SIZE_SCALE = {"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0,
               "large": 1.2, "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833}


class RcParams(dict):
    """matplotlib.rcParams: a dict of settings, plus ``copy`` and ``find_all`` like matplotlib's.

    Setting a key checks it (see the module doc); ``update`` and ``setdefault`` go through that too.
    """

    def __setitem__(self, key, value):
        _settable(key, value)
        super().__setitem__(key, value)

    def update(self, *args, **kwargs):
        """Set several keys: all are checked first, so a refused one changes nothing."""
        params = dict(*args, **kwargs)
        for key, value in params.items():
            _settable(key, value)
        dict.update(self, params)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def copy(self):
        return RcParams(self)

    def find_all(self, pattern):
        import re

        return RcParams((key, value) for key, value in self.items() if re.search(pattern, key))

    def _restore(self, saved):
        """Put back a copy taken earlier (rc_context, style.context), without checking it again."""
        self.clear()
        dict.update(self, saved)


def default_params():
    """Every key's default, ours where we honour a key (its lists are not shared)."""
    from ._cycler import cycler
    from .colors import CYCLE

    params = {**MATPLOTLIB_DEFAULTS, **DEFAULTS}
    params = {key: list(value) if isinstance(value, list) else value for key, value in params.items()}
    params["axes.prop_cycle"] = cycler("color", CYCLE)
    return params


rcParams = RcParams(default_params())


def default_edgecolor(filled=True):
    """The edge colour of a patch or collection given none, as matplotlib: rcParams patch.edgecolor when
    patch.force_edgecolor is set or it is unfilled, else None (no edge)."""
    return rcParams["patch.edgecolor"] if rcParams["patch.force_edgecolor"] or not filled else None


def fontsize(value):
    """Points for a font size given as a number or a name ("large", "small"...), after font.size."""
    if isinstance(value, str):
        try:
            return float(value)  # a number as a string, as matplotlib's FontProperties.set_size
        except ValueError:
            pass
        try:
            return _SIZE_SCALE[value] * float(rcParams["font.size"])
        except KeyError:
            raise ValueError(f"{value!r} is not a valid font size; use a number or one of "
                             f"{', '.join(_SIZE_SCALE)}") from None
    return float(value)
