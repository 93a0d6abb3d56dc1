"""Checking artist keyword arguments: matplotlib's aliases, the ignored cosmetic ones, the rest refused."""

ALIASES = {"c": "color", "ls": "linestyle", "lw": "linewidth", "ms": "markersize",
           "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
           "ec": "edgecolor", "fc": "facecolor", "aa": "antialiased", "ha": "horizontalalignment",
           "va": "verticalalignment", "size": "fontsize", "ds": "drawstyle", "weight": "fontweight",
           "linewidths": "linewidth", "edgecolors": "edgecolor", "facecolors": "facecolor"}

# Accepted and ignored: they do not change what the chart shows.
IGNORED = frozenset((
    "zorder", "antialiased", "rasterized", "clip_on", "clip_box", "picker", "pickradius", "gid",
    "url", "snap", "animated", "in_layout", "solid_capstyle", "solid_joinstyle", "dash_capstyle",
    "dash_joinstyle", "capstyle", "joinstyle", "markeredgewidth", "agg_filter", "sketch_params",
    "plotnonfinite", "fontfamily", "family", "fontname", "fontstyle", "style",
    "fontproperties", "wrap", "linespacing", "bbox", "clip_path", "fontstretch", "stretch",
))

# Real matplotlib options that would change the picture and cannot be drawn here.
UNSUPPORTED = frozenset((
    "hatch", "fillstyle", "markevery", "dashes", "visible", "path_effects",
    "transform", "xerr", "yerr", "capsize", "hatch_linewidth", "data",
))


def take(kwargs, allowed, owner):
    """kwargs with aliases resolved and ignored keys dropped, checked against the allowed names.

    owner names the matplotlib class or function in error messages.
    """
    options = {}
    for key, value in kwargs.items():
        name = ALIASES.get(key, key)
        if name in allowed:
            if name in options:
                raise TypeError(f"Got both {name!r} and an alias of it")
            options[name] = value
        elif name in UNSUPPORTED:
            raise NotImplementedError(f"{owner}: {key}= is not supported in this sandbox")
        elif name not in IGNORED:
            raise AttributeError(f"{owner}.set() got an unexpected keyword argument {key!r}")
    return options
