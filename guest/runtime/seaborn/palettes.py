"""Colour palettes (seaborn.palettes): the named seaborn palettes, hls/husl, cubehelix, light/dark/blend
and matplotlib colormaps, computed as seaborn 0.13.2 computes them."""

import colorsys
from itertools import cycle

import numpy as np
from matplotlib import colormaps, colors as mcolors

from . import _husl, _state

__all__ = ["color_palette", "hls_palette", "husl_palette", "mpl_palette", "dark_palette", "light_palette",
           "diverging_palette", "blend_palette", "cubehelix_palette", "set_color_codes"]

SEABORN_PALETTES = dict(
    deep=["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3",
          "#937860", "#DA8BC3", "#8C8C8C", "#CCB974", "#64B5CD"],
    deep6=["#4C72B0", "#55A868", "#C44E52", "#8172B3", "#CCB974", "#64B5CD"],
    muted=["#4878D0", "#EE854A", "#6ACC64", "#D65F5F", "#956CB4",
           "#8C613C", "#DC7EC0", "#797979", "#D5BB67", "#82C6E2"],
    muted6=["#4878D0", "#6ACC64", "#D65F5F", "#956CB4", "#D5BB67", "#82C6E2"],
    pastel=["#A1C9F4", "#FFB482", "#8DE5A1", "#FF9F9B", "#D0BBFF",
            "#DEBB9B", "#FAB0E4", "#CFCFCF", "#FFFEA3", "#B9F2F0"],
    pastel6=["#A1C9F4", "#8DE5A1", "#FF9F9B", "#D0BBFF", "#FFFEA3", "#B9F2F0"],
    bright=["#023EFF", "#FF7C00", "#1AC938", "#E8000B", "#8B2BE2",
            "#9F4800", "#F14CC1", "#A3A3A3", "#FFC400", "#00D7FF"],
    bright6=["#023EFF", "#1AC938", "#E8000B", "#8B2BE2", "#FFC400", "#00D7FF"],
    dark=["#001C7F", "#B1400D", "#12711C", "#8C0800", "#591E71",
          "#592F0D", "#A23582", "#3C3C3C", "#B8850A", "#006374"],
    dark6=["#001C7F", "#12711C", "#8C0800", "#591E71", "#B8850A", "#006374"],
    colorblind=["#0173B2", "#DE8F05", "#029E73", "#D55E00", "#CC78BC",
                "#CA9161", "#FBAFE4", "#949494", "#ECE133", "#56B4E9"],
    colorblind6=["#0173B2", "#029E73", "#D55E00", "#CC78BC", "#ECE133", "#56B4E9"],
)

MPL_QUAL_PALS = {"tab10": 10, "tab20": 20, "tab20b": 20, "tab20c": 20, "Set1": 9, "Set2": 8, "Set3": 12,
                 "Accent": 8, "Paired": 12, "Pastel1": 9, "Pastel2": 8, "Dark2": 8}
QUAL_PALETTE_SIZES = {**MPL_QUAL_PALS, **{k: len(v) for k, v in SEABORN_PALETTES.items()}}


class _ColorPalette(list):
    """A list of (r, g, b) tuples that also sets the palette inside a with statement."""

    def __enter__(self):
        from .rcmod import set_palette

        self._orig_palette = color_palette()
        set_palette(self)
        return self

    def __exit__(self, *args):
        from .rcmod import set_palette

        set_palette(self._orig_palette)

    def as_hex(self):
        return _ColorPalette([mcolors.to_hex(rgb) for rgb in self])

    def _repr_html_(self):
        """The palette as a row of swatches (an SVG in HTML), as seaborn shows it in Jupyter."""
        s = 55
        html = f'<svg  width="{len(self) * s}" height="{s}">'
        for i, c in enumerate(self.as_hex()):
            html += (f'<rect x="{i * s}" y="0" width="{s}" height="{s}" style="fill:{c};'
                     'stroke-width:2;stroke:rgb(255,255,255)"/>')
        return html + '</svg>'


def color_palette(palette=None, n_colors=None, desat=None, as_cmap=False):
    """A list of colours (or a colormap with as_cmap=True) from a palette name, a list of colours,
    or None for the current colour cycle."""
    if palette is None:
        palette = _state.cycle()
        if n_colors is None:
            n_colors = len(palette)
    elif not isinstance(palette, str):
        if n_colors is None:
            n_colors = len(palette)
    else:
        if n_colors is None:
            n_colors = QUAL_PALETTE_SIZES.get(palette, 6)
        if palette in SEABORN_PALETTES:
            palette = SEABORN_PALETTES[palette]
        elif palette == "hls":
            palette = hls_palette(n_colors, as_cmap=as_cmap)
        elif palette == "husl":
            palette = husl_palette(n_colors, as_cmap=as_cmap)
        elif palette.lower() == "jet":
            raise ValueError("No.")
        elif palette.startswith("ch:"):
            args, kwargs = _parse_cubehelix_args(palette)
            palette = cubehelix_palette(n_colors, *args, **kwargs, as_cmap=as_cmap)
        elif palette.startswith(("light:", "dark:")):
            kind, color = palette.split(":")
            reverse = color.endswith("_r")
            if reverse:
                color = color[:-2]
            make = light_palette if kind == "light" else dark_palette
            palette = make(color, n_colors, reverse=reverse, as_cmap=as_cmap)
        elif palette.startswith("blend:"):
            palette = blend_palette(palette.split(":")[1].split(","), n_colors, as_cmap=as_cmap)
        else:
            try:
                palette = mpl_palette(palette, n_colors, as_cmap=as_cmap)
            except (ValueError, KeyError):
                raise ValueError(f"{palette!r} is not a valid palette name") from None
    if desat is not None:
        palette = [desaturate(c, desat) for c in palette]
    if as_cmap:
        return palette
    pal_cycle = cycle(palette)
    try:
        return _ColorPalette(mcolors.to_rgb(next(pal_cycle)) for _ in range(n_colors))
    except ValueError:
        raise ValueError(f"Could not generate a palette for {palette}") from None


def hls_palette(n_colors=6, h=.01, l=.6, s=.65, as_cmap=False):  # noqa: E741
    """Evenly spaced hues in HLS space."""
    if as_cmap:
        n_colors = 256
    hues = np.linspace(0, 1, int(n_colors) + 1)[:-1]
    hues += h
    hues %= 1
    hues -= hues.astype(int)
    palette = [colorsys.hls_to_rgb(h_i, l, s) for h_i in hues]
    return mcolors.ListedColormap(palette, "hls") if as_cmap else _ColorPalette(palette)


def husl_palette(n_colors=6, h=.01, s=.9, l=.65, as_cmap=False):  # noqa: E741
    """Evenly spaced hues in HUSL space (perceptually even lightness)."""
    if as_cmap:
        n_colors = 256
    hues = np.linspace(0, 1, int(n_colors) + 1)[:-1]
    hues += h
    hues %= 1
    hues *= 359
    s *= 99
    l *= 99  # noqa: E741
    palette = [_color_to_rgb((h_i, s, l), input="husl") for h_i in hues]
    return mcolors.ListedColormap(palette, "hsl") if as_cmap else _ColorPalette(palette)


def mpl_palette(name, n_colors=6, as_cmap=False):
    """Colours sampled from a matplotlib colormap (qualitative maps give their first colours)."""
    if name.endswith("_d"):
        sub_name = name[:-2]
        reverse = sub_name.endswith("_r")
        if reverse:
            sub_name = sub_name[:-2]
        pal = color_palette(sub_name, 2) + ["#333333"]
        if reverse:
            pal = pal[::-1]
        cmap = blend_palette(pal, n_colors, as_cmap=True)
    else:
        cmap = colormaps[name]
    if as_cmap:
        return cmap
    if name in MPL_QUAL_PALS:
        bins = np.linspace(0, 1, MPL_QUAL_PALS[name])[:n_colors]
    else:
        bins = np.linspace(0, 1, int(n_colors) + 2)[1:-1]
    return _ColorPalette(tuple(rgba[:3]) for rgba in cmap(bins))


def _color_to_rgb(color, input):
    if input == "hls":
        color = colorsys.hls_to_rgb(*color)
    elif input == "husl":
        color = tuple(float(v) for v in np.clip(_husl.husl_to_rgb(*color), 0, 1))
    elif input == "xkcd":
        raise NotImplementedError("xkcd colour names are not supported in this sandbox")
    return mcolors.to_rgb(color)


def dark_palette(color, n_colors=6, reverse=False, as_cmap=False, input="rgb"):
    """A sequential palette from near-black to color."""
    return _to_grey(color, n_colors, reverse, as_cmap, input, 15)


def light_palette(color, n_colors=6, reverse=False, as_cmap=False, input="rgb"):
    """A sequential palette from near-white to color."""
    return _to_grey(color, n_colors, reverse, as_cmap, input, 95)


def _to_grey(color, n_colors, reverse, as_cmap, input, grey_lightness):
    rgb = _color_to_rgb(color, input)
    hue, sat, _ = _husl.rgb_to_husl(*rgb)
    gray = _color_to_rgb((hue, .15 * sat, grey_lightness), input="husl")
    colors = [rgb, gray] if reverse else [gray, rgb]
    return blend_palette(colors, n_colors, as_cmap)


def diverging_palette(h_neg, h_pos, s=75, l=50, sep=1, n=6, center="light", as_cmap=False):  # noqa: E741
    """A diverging palette between two HUSL hues."""
    palfunc = dict(dark=dark_palette, light=light_palette)[center]
    n_half = int(128 - (sep // 2))
    neg = palfunc((h_neg, s, l), n_half, reverse=True, input="husl")
    pos = palfunc((h_pos, s, l), n_half, input="husl")
    midpoint = dict(light=[(.95, .95, .95)], dark=[(.133, .133, .133)])[center]
    return blend_palette(list(neg) + midpoint * sep + list(pos), n, as_cmap=as_cmap)


def blend_palette(colors, n_colors=6, as_cmap=False, input="rgb"):
    """Colours interpolated linearly between the given colours."""
    colors = [_color_to_rgb(color, input) for color in colors]
    pal = mcolors.LinearSegmentedColormap.from_list("blend", colors)
    if as_cmap:
        return pal
    return _ColorPalette(tuple(rgba[:3]) for rgba in pal(np.linspace(0, 1, int(n_colors))))


_CUBEHELIX = {"red": (-0.14861, 1.78277), "green": (-0.29227, -0.90649), "blue": (1.97294, 0.0)}


def cubehelix_palette(n_colors=6, start=0, rot=.4, gamma=1.0, hue=0.8, light=.85, dark=.15, reverse=False,
                      as_cmap=False):
    """A cubehelix palette (monotonic lightness), sampled from matplotlib's 256-entry table of it."""
    grid = np.linspace(0, 1, 256)
    xg = grid ** gamma
    amplitude = hue * xg * (1 - xg) / 2
    phi = 2 * np.pi * (start / 3 + rot * grid)
    lut = np.stack([np.clip(xg + amplitude * (p0 * np.cos(phi) + p1 * np.sin(phi)), 0, 1)
                    for p0, p1 in _CUBEHELIX.values()], axis=1)

    def lookup(x):
        index = np.clip(np.where(x == 1.0, 255, np.floor(x * 256)).astype(int), 0, 255)
        return [tuple(float(v) for v in lut[i]) for i in index]

    if as_cmap:
        x_256 = np.linspace(light, dark, 256)
        if reverse:
            x_256 = x_256[::-1]
        return mcolors.ListedColormap(lookup(x_256), "seaborn_cubehelix")
    pal = lookup(np.linspace(light, dark, int(n_colors)))
    return _ColorPalette(pal[::-1] if reverse else pal)


def _parse_cubehelix_args(argstr):
    """Arguments of cubehelix_palette from a "ch:start=.2,rot=-.3" string."""
    argstr = argstr[3:] if argstr.startswith("ch:") else argstr
    reverse = argstr.endswith("_r")
    if reverse:
        argstr = argstr[:-2]
    if not argstr:
        return [], {"reverse": reverse}
    parts = argstr.split(",")
    args = [float(a.strip(" ")) for a in parts if "=" not in a]
    names = dict(s="start", r="rot", g="gamma", h="hue", l="light", d="dark")
    kwargs = {names.get(k.strip(" "), k.strip(" ")): float(v.strip(" "))
              for k, v in (a.split("=") for a in parts if "=" in a)}
    if reverse:
        kwargs["reverse"] = True
    return args, kwargs


def desaturate(color, prop):
    """color with its HLS saturation multiplied by prop."""
    if not 0 <= prop <= 1:
        raise ValueError("prop must be between 0 and 1")
    rgb = mcolors.to_rgb(color)
    if prop == 1:
        return rgb
    h, l, s = colorsys.rgb_to_hls(*rgb)  # noqa: E741
    return colorsys.hls_to_rgb(h, l, s * prop)


def set_color_codes(palette="deep"):
    """Point the one-letter colours ("b", "g", "r", "m", "y", "c", "k") at a seaborn palette's.  seaborn
    changes matplotlib's own table; here they apply to colours given to seaborn's functions (the
    sandbox's matplotlib keeps its own table for plt.plot(color="g") and the like)."""
    if palette == "reset":
        _state.set_codes({})
        return
    if not isinstance(palette, str):
        raise TypeError("set_color_codes requires a named seaborn palette")
    if palette not in SEABORN_PALETTES:
        raise ValueError(f"Cannot set colors with palette '{palette}'")
    if not palette.endswith("6"):
        palette = palette + "6"
    colors = SEABORN_PALETTES[palette] + [(.1, .1, .1)]
    _state.set_codes({code: mcolors.to_rgb(color) for code, color in zip("bgrmyck", colors)})
