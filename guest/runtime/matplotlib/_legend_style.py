"""legend()'s placement (loc with bbox_to_anchor and bbox_transform) and its frame and spacing
keywords, as the spec's "loc", "anchor" and "style" (docs/CHARTS.md, "legends")."""

import numbers

from . import _rc
from .colors import spec_color, to_rgba

LOCATIONS = ("best", "upper right", "upper left", "lower left", "lower right", "right", "center left",
             "center right", "lower center", "upper center", "center")  # index = matplotlib's loc code

# Spacings in font sizes, each defaulting to rcParams legend.<name>.
_SPACINGS = ("borderpad", "labelspacing", "handlelength", "handleheight", "handletextpad", "columnspacing",
             "borderaxespad", "markerscale")

# Keywords drawn only with these values (the first is matplotlib's default).
_ONLY = {"markerfirst": (True,), "numpoints": (None, 1), "scatterpoints": (None, 1), "scatteryoffsets": (None,),
         "labelcolor": (None, "None", "none"), "alignment": ("center",), "mode": (None,), "handler_map": (None,),
         "title_fontproperties": (None,)}

# Keywords without effect on the picture.
_INTERACTIVE = ("draggable",)

KEYWORDS = frozenset(_SPACINGS) | set(_ONLY) | set(_INTERACTIVE) | {
    "frameon", "framealpha", "fancybox", "shadow", "edgecolor", "facecolor", "title_fontsize",
    "bbox_transform"}


def placement(axes, loc, bbox_to_anchor, bbox_transform):
    """(spec loc, spec anchor or None, borderaxespad override or None) for legend()'s placement
    arguments: bbox_to_anchor (x, y) or (x, y, width, height) in axes fractions, or figure fractions
    with bbox_transform=fig.transFigure; loc=(x, y) puts the legend's lower left corner there."""
    if loc is None:
        loc = _rc.rcParams["legend.loc"]
    if isinstance(loc, numbers.Integral) and not isinstance(loc, bool) and 0 <= loc < len(LOCATIONS):
        loc = LOCATIONS[loc]
    anchor = _anchor(axes, bbox_to_anchor, bbox_transform)
    if isinstance(loc, (tuple, list)) and len(loc) == 2:
        x0, y0, width, height = anchor["box"] if anchor else (0.0, 0.0, 1.0, 1.0)
        point = [x0 + width * float(loc[0]), y0 + height * float(loc[1]), 0.0, 0.0]
        figure = bool(anchor and anchor["figure"])
        return "lower left", {"box": point, "figure": figure}, 0.0
    if not isinstance(loc, str) or loc not in LOCATIONS:
        raise ValueError(f"{loc!r} is not a valid value for loc; supported values are "
                         f"{', '.join(map(repr, LOCATIONS))}")
    if anchor is not None and loc == "best":
        raise NotImplementedError("legend(loc='best') with bbox_to_anchor is not supported in this sandbox; "
                                  "give loc (such as 'upper left')")
    return loc, anchor, None


def _anchor(axes, bbox_to_anchor, transform):
    if bbox_to_anchor is None:
        if transform is not None:
            raise NotImplementedError("legend(bbox_transform=...) without bbox_to_anchor is not supported in "
                                      "this sandbox")
        return None
    if hasattr(bbox_to_anchor, "bounds") and not isinstance(bbox_to_anchor, (tuple, list)):
        raise NotImplementedError("legend(bbox_to_anchor=Bbox) is not supported in this sandbox; give a tuple "
                                  "(x, y) or (x, y, width, height)")
    box = [float(v) for v in bbox_to_anchor]
    if len(box) == 2:
        box += [0.0, 0.0]
    if len(box) != 4:
        raise ValueError("Invalid bbox: bbox_to_anchor must be (x, y) or (x, y, width, height)")
    figure = getattr(axes, "figure", None)
    if transform is None or transform is getattr(axes, "transAxes", None):
        return {"box": box, "figure": False}
    if figure is not None and transform is figure.transFigure:
        return {"box": box, "figure": True}
    raise NotImplementedError("legend(bbox_transform=...) other than ax.transAxes or fig.transFigure is not "
                              "supported in this sandbox")


def style(kwargs):
    """(frame fill, spec style) from legend()'s keywords (popped) over rcParams legend.*."""
    rc = _rc.rcParams
    for name, accepted in _ONLY.items():
        value = kwargs.pop(name, accepted[0])
        if not any(value is ok or (isinstance(value, (str, int, float)) and value == ok) for ok in accepted):
            raise NotImplementedError(f"legend({name}={value!r}) is not supported in this sandbox")
    for name in _INTERACTIVE:
        kwargs.pop(name, None)
    shadow = _or_rc(kwargs.pop("shadow", None), "shadow")
    if not isinstance(shadow, (bool, int)):
        raise NotImplementedError("legend(shadow=dict) is not supported in this sandbox; use shadow=True")
    framealpha = kwargs.pop("framealpha", None)
    if framealpha is None:
        framealpha = 1.0 if shadow else rc["legend.framealpha"]
    facecolor = _or_rc(kwargs.pop("facecolor", None), "facecolor")
    edgecolor = _or_rc(kwargs.pop("edgecolor", None), "edgecolor")
    if isinstance(facecolor, str) and facecolor == "inherit":
        facecolor = rc["axes.facecolor"]
    if isinstance(edgecolor, str) and edgecolor == "inherit":
        edgecolor = rc["axes.edgecolor"]
    title_fontsize = kwargs.pop("title_fontsize", None)
    if title_fontsize is None:
        title_fontsize = rc["legend.title_fontsize"]
    spec = {name: float(_or_rc(kwargs.pop(name, None), name)) for name in _SPACINGS}
    spec.update({
        "frameon": bool(_or_rc(kwargs.pop("frameon", None), "frameon")),
        "fancybox": bool(_or_rc(kwargs.pop("fancybox", None), "fancybox")),
        "shadow": bool(shadow),
        "edgecolor": frame_color(edgecolor, framealpha),
        "title_fontsize": _rc.fontsize(rc["font.size"] if title_fontsize is None else title_fontsize),
    })
    return frame_color(facecolor, framealpha), spec


def frame_color(color, framealpha):
    """A frame colour in the spec: the patch's alpha (framealpha) over the colour's own, as matplotlib's
    Patch.set_alpha."""
    rgba = to_rgba(color)
    return spec_color(rgba, rgba[3] if framealpha is None else framealpha)


def _or_rc(value, name):
    return _rc.rcParams[f"legend.{name}"] if value is None else value
