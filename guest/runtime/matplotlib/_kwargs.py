"""Checking artist keyword arguments: matplotlib's aliases, the ignored invisible ones, options
accepted only at the value the sandbox draws, the rest refused."""

ALIASES = {"c": "color", "ls": "linestyle", "lw": "linewidth", "ms": "markersize",
           "mfc": "markerfacecolor", "mec": "markeredgecolor", "mew": "markeredgewidth",
           "mfcalt": "markerfacecoloralt",
           "ec": "edgecolor", "fc": "facecolor", "aa": "antialiased", "ha": "horizontalalignment",
           "va": "verticalalignment", "size": "fontsize", "ds": "drawstyle", "weight": "fontweight",
           "linewidths": "linewidth", "edgecolors": "edgecolor", "facecolors": "facecolor",
           "family": "fontfamily", "fontname": "fontfamily", "style": "fontstyle",
           "stretch": "fontstretch", "variant": "fontvariant", "ma": "multialignment"}

# Accepted and ignored: they change nothing in a PNG or SVG (zorder is read by the callers).
IGNORED = frozenset((
    "zorder", "rasterized", "picker", "pickradius", "gid", "url", "snap", "animated", "in_layout",
    "agg_filter",
))

# Options the sandbox draws only at one value (matplotlib's default, or what the host draws):
# accepted at these values, refused at others. Artists that draw an option themselves list it in
# their allowed names instead.
DEFAULT_ONLY = {
    "antialiased": (True,), "clip_on": (True,), "clip_box": (None,), "clip_path": (None,),
    "sketch_params": (None,), "plotnonfinite": (False,), "fontproperties": (None,),
    "solid_capstyle": ("butt",), "dash_capstyle": ("butt",), "capstyle": ("butt",),
    "solid_joinstyle": ("round",), "dash_joinstyle": ("round",), "joinstyle": ("round",),
    "fontstretch": ("normal", 500), "fontstyle": ("normal",), "fontfamily": ("sans-serif", "DejaVu Sans"),
    "markeredgewidth": (None,), "linespacing": (None,), "bbox": (None,), "wrap": (False,),
}

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
        elif name in DEFAULT_ONLY:
            check_default(owner, key, value)
        elif name in UNSUPPORTED:
            raise NotImplementedError(f"{owner}: {key}= is not supported in this sandbox")
        elif name not in IGNORED:
            raise AttributeError(f"{owner}.set() got an unexpected keyword argument {key!r}")
    return options


# Patches (bars, histogram bars) join their edges by miter, as matplotlib's Patch; collections by
# round, as DEFAULT_ONLY says.
_PATCH_OWNERS = frozenset(("Rectangle", "Patch", "Polygon", "Wedge"))


def check_default(owner, key, value):
    """Refuse key=value unless the sandbox draws that value (see DEFAULT_ONLY)."""
    name = ALIASES.get(key, key)
    if name == "joinstyle" and owner in _PATCH_OWNERS:
        if not _same(getattr(value, "value", value), "miter"):
            raise NotImplementedError(f"{owner}: {key}={value!r} is not supported in this sandbox")
        return
    if not any(_same(value, a) for a in DEFAULT_ONLY[name]):
        raise NotImplementedError(f"{owner}: {key}={value!r} is not supported in this sandbox")


def _same(value, accepted):
    if accepted is None:
        return value is None
    if isinstance(accepted, str):
        return isinstance(value, str) and value == accepted
    if isinstance(accepted, bool):  # numpy booleans and 0/1 too
        return value is not None and not isinstance(value, str) and bool(value) == accepted
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == accepted
