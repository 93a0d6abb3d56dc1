"""The colour cycle seaborn reads as "the current palette".

seaborn reads it from matplotlib's ``axes.prop_cycle``; the sandbox's matplotlib always cycles through
its default ten colours, so set_palette() keeps the cycle here and seaborn's functions colour their
artists explicitly with it (see next_color)."""

from matplotlib import colors as mcolors

_DEFAULT = [mcolors.to_rgb(c) for c in mcolors.TABLEAU_COLORS.values()]  # matplotlib's default cycle
_cycle = list(_DEFAULT)
_codes = {}  # one-letter colour codes re-pointed by set_color_codes()


def cycle():
    """The current colour cycle as (r, g, b) tuples."""
    return list(_cycle)


def set_cycle(colors):
    _cycle[:] = [mcolors.to_rgb(c) for c in colors]


def reset():
    _cycle[:] = _DEFAULT
    _codes.clear()


def set_codes(codes):
    _codes.clear()
    _codes.update(codes)


def resolve(color):
    """color, with a one-letter code ("b", "g"...) as set_color_codes() re-pointed it."""
    return _codes.get(color, color) if isinstance(color, str) else color


def next_color(ax, kind):
    """The colour matplotlib would give the next artist of kind ("line" or "patch") on ax, from the
    current cycle: draws and removes a scout artist to advance the axes' own cycle, as seaborn does."""
    if kind == "line":
        (scout,) = ax.plot([], [])
        color = scout.get_color()
    else:
        scout = ax.scatter([], [])
        color = scout.get_facecolor()[0]
    scout.remove()
    index = _DEFAULT.index(mcolors.to_rgb(color))
    return _cycle[index % len(_cycle)]
