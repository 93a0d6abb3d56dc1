"""Themes (seaborn.rcmod): set_theme, axes_style/set_style, plotting_context/set_context, set_palette.

They set the same rcParams as seaborn 0.13.2; the sandbox's matplotlib draws with the ones it honours
(background and grid colours, grid on/off, font and line sizes; see docs/SEABORN.md)."""

import matplotlib as mpl

from . import _state, palettes

__all__ = ["set_theme", "set", "reset_defaults", "reset_orig", "axes_style", "set_style", "plotting_context",
           "set_context", "set_palette"]

_STYLE_KEYS = ["axes.facecolor", "axes.edgecolor", "axes.grid", "axes.axisbelow", "axes.labelcolor",
               "figure.facecolor", "grid.color", "grid.linestyle", "text.color", "xtick.color", "ytick.color",
               "xtick.direction", "ytick.direction", "lines.solid_capstyle", "patch.edgecolor",
               "patch.force_edgecolor", "image.cmap", "font.family", "font.sans-serif", "xtick.bottom",
               "xtick.top", "ytick.left", "ytick.right", "axes.spines.left", "axes.spines.bottom",
               "axes.spines.right", "axes.spines.top"]
_FONT_KEYS = ["font.size", "axes.labelsize", "axes.titlesize", "xtick.labelsize", "ytick.labelsize",
              "legend.fontsize", "legend.title_fontsize"]
_CONTEXT_KEYS = _FONT_KEYS + ["axes.linewidth", "grid.linewidth", "lines.linewidth", "lines.markersize",
                              "patch.linewidth", "xtick.major.width", "ytick.major.width", "xtick.minor.width",
                              "ytick.minor.width", "xtick.major.size", "ytick.major.size", "xtick.minor.size",
                              "ytick.minor.size"]
_STYLES = ["white", "dark", "whitegrid", "darkgrid", "ticks"]
_CONTEXTS = ["paper", "notebook", "talk", "poster"]


def set_theme(context="notebook", style="darkgrid", palette="deep", font="sans-serif", font_scale=1,
              color_codes=True, rc=None):
    """Set the plotting context, the axes style and the palette (seaborn's default look)."""
    set_context(context, font_scale)
    set_style(style, rc={"font.family": font})
    set_palette(palette, color_codes=color_codes)
    if rc is not None:
        mpl.rcParams.update(rc)


def set(*args, **kwargs):
    """Alias of set_theme (seaborn's older name)."""
    set_theme(*args, **kwargs)


def reset_defaults():
    """Restore matplotlib's default rcParams and colour cycle."""
    mpl.rcdefaults()
    _state.reset()


reset_orig = reset_defaults


class _RCAesthetics(dict):
    """A dict of rcParams that also applies itself for the duration of a with statement."""

    def __enter__(self):
        self._orig = {k: mpl.rcParams[k] for k in self if k in mpl.rcParams}
        self._set(self)

    def __exit__(self, *args):
        for key in self:
            if key in self._orig:
                mpl.rcParams[key] = self._orig[key]
            else:
                mpl.rcParams.pop(key, None)

    def __call__(self, func):
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        return wrapper


class _AxesStyle(_RCAesthetics):
    _set = staticmethod(lambda rc: set_style(rc))


class _PlottingContext(_RCAesthetics):
    _set = staticmethod(lambda rc: set_context(rc))


def axes_style(style=None, rc=None):
    """The rcParams of an axes style ("darkgrid", "whitegrid", "dark", "white", "ticks")."""
    if style is None:
        style_dict = {k: mpl.rcParams[k] for k in _STYLE_KEYS if k in mpl.rcParams}
    elif isinstance(style, dict):
        style_dict = style
    else:
        if style not in _STYLES:
            raise ValueError(f"style must be one of {', '.join(_STYLES)}")
        dark_gray, light_gray = ".15", ".8"
        style_dict = {
            "figure.facecolor": "white", "axes.labelcolor": dark_gray, "xtick.direction": "out",
            "ytick.direction": "out", "xtick.color": dark_gray, "ytick.color": dark_gray, "axes.axisbelow": True,
            "grid.linestyle": "-", "text.color": dark_gray, "font.family": ["sans-serif"],
            "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans", "sans-serif"],
            "lines.solid_capstyle": "round", "patch.edgecolor": "w", "patch.force_edgecolor": True,
            "image.cmap": "rocket", "xtick.top": False, "ytick.right": False,
            "axes.grid": "grid" in style,
        }
        if style.startswith("dark"):
            style_dict.update({"axes.facecolor": "#EAEAF2", "axes.edgecolor": "white", "grid.color": "white"})
        elif style == "whitegrid":
            style_dict.update({"axes.facecolor": "white", "axes.edgecolor": light_gray, "grid.color": light_gray})
        else:
            style_dict.update({"axes.facecolor": "white", "axes.edgecolor": dark_gray, "grid.color": light_gray})
        for side in ("left", "bottom", "right", "top"):
            style_dict[f"axes.spines.{side}"] = True
        ticks = style == "ticks"
        style_dict.update({"xtick.bottom": ticks, "ytick.left": ticks})
    style_dict = {k: v for k, v in style_dict.items() if k in _STYLE_KEYS}
    if rc is not None:
        style_dict.update({k: v for k, v in rc.items() if k in _STYLE_KEYS})
    return _AxesStyle(style_dict)


def set_style(style=None, rc=None):
    """Set the axes style's rcParams."""
    mpl.rcParams.update(axes_style(style, rc))


def plotting_context(context=None, font_scale=1, rc=None):
    """The rcParams scaling fonts and lines for a context ("paper", "notebook", "talk", "poster")."""
    if context is None:
        context_dict = {k: mpl.rcParams[k] for k in _CONTEXT_KEYS if k in mpl.rcParams}
    elif isinstance(context, dict):
        context_dict = context
    else:
        if context not in _CONTEXTS:
            raise ValueError(f"context must be in {', '.join(_CONTEXTS)}")
        texts = {"font.size": 12, "axes.labelsize": 12, "axes.titlesize": 12, "xtick.labelsize": 11,
                 "ytick.labelsize": 11, "legend.fontsize": 11, "legend.title_fontsize": 12}
        base = {"axes.linewidth": 1.25, "grid.linewidth": 1, "lines.linewidth": 1.5, "lines.markersize": 6,
                "patch.linewidth": 1, "xtick.major.width": 1.25, "ytick.major.width": 1.25,
                "xtick.minor.width": 1, "ytick.minor.width": 1, "xtick.major.size": 6, "ytick.major.size": 6,
                "xtick.minor.size": 4, "ytick.minor.size": 4, **texts}
        scaling = dict(paper=.8, notebook=1, talk=1.5, poster=2)[context]
        context_dict = {k: v * scaling for k, v in base.items()}
        context_dict.update({k: context_dict[k] * font_scale for k in texts})
    if rc is not None:
        context_dict.update({k: v for k, v in rc.items() if k in _CONTEXT_KEYS})
    return _PlottingContext(context_dict)


def set_context(context=None, font_scale=1, rc=None):
    """Set the plotting context's rcParams."""
    mpl.rcParams.update(plotting_context(context, font_scale, rc))


def set_palette(palette, n_colors=None, desat=None, color_codes=False):
    """Make palette the colour cycle seaborn's functions draw with; with color_codes, a seaborn palette
    also re-points the one-letter colours (see palettes.set_color_codes)."""
    _state.set_cycle(palettes.color_palette(palette, n_colors, desat))
    if color_codes and isinstance(palette, str) and palette in palettes.SEABORN_PALETTES:
        palettes.set_color_codes(palette)
