"""matplotlib.patches.FancyArrowPatch and annotate()'s arrowprops: the arrow's style, connection,
shrinking and end patches for the host, which draws them between the ends' pixels."""

from ._arrow_styles import arrow_style, check_pair, connection_style
from .patches import Patch

_ARROW_KEYS = ("arrowstyle", "connectionstyle", "patchA", "patchB", "shrinkA", "shrinkB", "mutation_scale",
               "mutation_aspect")


def _number(value, name):
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number, not {value!r}") from None


def clip_shape(patch, owner):
    """The spec of a patchA/patchB: a patch's outline, or a marker-only line's single point with
    matplotlib's pick radius (Line2D.contains); None for None."""
    if patch is None:
        return None
    from ._lines import Line2D

    if isinstance(patch, Line2D):
        xs, ys = list(patch.get_xdata()), list(patch.get_ydata())
        if patch.get_linestyle() not in ("None", "none", "", " ") or len(xs) != 1:
            raise NotImplementedError(f"{owner} patchA/patchB as a Line2D other than a single marker-only point "
                                      "is not supported in this sandbox")
        return {"kind": "circle", "x": float(xs[0]), "y": float(ys[0]), "coords": list(patch._coords),
                "radius": 5.0}
    if isinstance(patch, Patch) and type(patch).__name__ not in ("FancyArrowPatch", "ConnectionPatch"):
        xs, ys = patch._placed_outline()
        if not xs:
            return None
        return {"kind": "polygon", "x": list(xs), "y": list(ys), "coords": list(patch._coords)}
    raise NotImplementedError(f"{owner} patchA/patchB of type {type(patch).__name__} is not supported in this "
                              "sandbox")


class FancyArrowPatch(Patch):
    """An arrow from posA to posB drawn by the host in display space: the connection style's path,
    clipped by patchA/patchB, shortened by shrinkA/shrinkB points, with the arrow style along it
    (sizes times mutation_scale points), as matplotlib's FancyArrowPatch."""

    _kind = "FancyArrowPatch"
    _edge_default = True

    def __init__(self, posA=None, posB=None, *, path=None, arrowstyle="simple", connectionstyle="arc3",
                 patchA=None, patchB=None, shrinkA=2, shrinkB=2, mutation_scale=1, mutation_aspect=1, **kwargs):
        if path is not None:
            raise NotImplementedError("FancyArrowPatch(path=...) is not supported in this sandbox; use posA and posB")
        if posA is None or posB is None:
            raise ValueError("Either posA and posB, or path need to provided")
        super().__init__(**kwargs)
        self._posA_posB = [tuple(posA), tuple(posB)]
        self.set_connectionstyle("arc3" if connectionstyle is None else connectionstyle)
        self.set_arrowstyle(arrowstyle)
        self.patchA, self.patchB = patchA, patchB
        self.shrinkA, self.shrinkB = shrinkA, shrinkB
        self._mutation_scale, self._mutation_aspect = mutation_scale, mutation_aspect

    def set_positions(self, posA, posB):
        if posA is not None:
            self._posA_posB[0] = tuple(posA)
        if posB is not None:
            self._posA_posB[1] = tuple(posB)

    def set_patchA(self, patchA):
        self.patchA = patchA

    def set_patchB(self, patchB):
        self.patchB = patchB

    def set_arrowstyle(self, arrowstyle=None, **kwargs):
        if arrowstyle is None:
            from ._arrow_styles import ArrowStyle
            return ArrowStyle.pprint_styles()
        self._arrow_style = arrow_style(arrowstyle, **kwargs)

    def get_arrowstyle(self):
        return self._arrow_style

    def set_connectionstyle(self, connectionstyle=None, **kwargs):
        if connectionstyle is None:
            from ._arrow_styles import ConnectionStyle
            return ConnectionStyle.pprint_styles()
        self._connection = connection_style(connectionstyle, **kwargs)

    def get_connectionstyle(self):
        return self._connection

    def set_mutation_scale(self, scale):
        self._mutation_scale = scale

    def get_mutation_scale(self):
        return self._mutation_scale

    def set_mutation_aspect(self, aspect):
        self._mutation_aspect = aspect

    def get_mutation_aspect(self):
        return 1 if self._mutation_aspect is None else self._mutation_aspect

    def _outline(self):
        return [p[0] for p in self._posA_posB], [p[1] for p in self._posA_posB]

    def _shape(self):
        return {"kind": self._kind, "posA": list(self._posA_posB[0]), "posB": list(self._posA_posB[1])}

    def _guest_limits(self):
        return True

    def arrow_spec(self, shrink=None):
        """The spec's arrow: styles, shrinking (points), mutation, colours and line."""
        if self._hatch:
            raise NotImplementedError(f"{type(self).__name__} hatch= is not supported in this sandbox")
        check_pair(self._arrow_style, self._connection)
        face = self._face if self._fill else (0.0, 0.0, 0.0, 0.0)
        return {"arrowstyle": self._arrow_style._spec(), "connectionstyle": self._connection._spec(),
                "shrink_a": _number(self.shrinkA, "shrinkA"), "shrink_b": _number(self.shrinkB, "shrinkB"),
                "mutation_scale": _number(self._mutation_scale, "mutation_scale"),
                "mutation_aspect": _number(self.get_mutation_aspect(), "mutation_aspect"),
                "facecolor": self._color(face), "edgecolor": self._color(self._edge),
                "linewidth": self._linewidth, "linestyle": self._linestyle}

    def spec(self):
        if type(self.axes).__name__ == "PolarAxes":
            raise NotImplementedError(f"{type(self).__name__} on polar axes is not supported in this sandbox")
        if self._affine is not None:
            raise NotImplementedError("FancyArrowPatch with an Affine2D transform is not supported in this sandbox")
        (xa, ya), (xb, yb) = self._posA_posB
        owner = type(self).__name__
        spec = {**self._head("fancy_arrow"), "posa": [_number(xa, "posA"), _number(ya, "posA")],
                "posb": [_number(xb, "posB"), _number(yb, "posB")], "coords": list(self._coords),
                "arrow": self.arrow_spec()}
        for key, patch in (("patch_a", self.patchA), ("patch_b", self.patchB)):
            shape = clip_shape(patch, owner)
            if shape is not None:
                spec[key] = shape
        return spec


class ConnectionPatch(FancyArrowPatch):
    """A line (or arrow) from xyA in coordsA to xyB in coordsB, possibly in different Axes, as
    matplotlib's ConnectionPatch: coordinates "data" (of axesA / axesB, else the Axes it is added
    to), "axes fraction", or an Axes' transData / transAxes."""

    _kind = "ConnectionPatch"

    def __init__(self, xyA, xyB, coordsA, coordsB=None, *, axesA=None, axesB=None, arrowstyle="-",
                 connectionstyle="arc3", patchA=None, patchB=None, shrinkA=0., shrinkB=0., mutation_scale=10.,
                 mutation_aspect=None, clip_on=False, **kwargs):
        if coordsB is None:
            coordsB = coordsA
        self.xy1, self.xy2 = xyA, xyB
        self.coords1, self.coords2 = coordsA, coordsB
        self.axesA, self.axesB = axesA, axesB
        super().__init__(posA=(0, 0), posB=(1, 1), arrowstyle=arrowstyle, connectionstyle=connectionstyle,
                         patchA=patchA, patchB=patchB, shrinkA=shrinkA, shrinkB=shrinkB,
                         mutation_scale=mutation_scale, mutation_aspect=mutation_aspect, clip_on=clip_on, **kwargs)
        self._annotation_clip = None

    def extent(self, name):
        return (), ()  # as matplotlib's add_artist(): not in the data limits

    def set_annotation_clip(self, b):
        self._annotation_clip = b

    def get_annotation_clip(self):
        return self._annotation_clip

    def _end(self, coords, axes):
        """(axes, spec coords) of one end."""
        from ._axes_base import Transform

        if isinstance(coords, Transform) and coords.coords in ("data", "axes") and coords.axes is not None:
            return coords.axes, coords.coords
        if coords in ("data", "axes fraction"):
            return (axes or self.axes), ("data" if coords == "data" else "axes")
        raise NotImplementedError(f"ConnectionPatch coordinates {coords!r} are not supported in this sandbox; use "
                                  "'data', 'axes fraction' or an Axes' transData / transAxes")

    def spec(self):
        from . import _layout

        (axes_a, coords_a), (axes_b, coords_b) = (self._end(self.coords1, self.axesA),
                                                  self._end(self.coords2, self.axesB))
        shown = _layout.drawn_axes(self.axes.figure._axes)
        if any(type(ax).__name__ == "PolarAxes" for ax in (self.axes, axes_a, axes_b)):
            raise NotImplementedError("ConnectionPatch on polar axes is not supported in this sandbox")
        if axes_a not in shown or axes_b not in shown:
            raise ValueError("ConnectionPatch ends must be in the figure's Axes")
        self._posA_posB = [tuple(self.xy1), tuple(self.xy2)]
        self._coords = (coords_a, coords_a)
        spec = super().spec()
        spec["coords_b"] = [coords_b, coords_b]
        for key, axes in (("axes_a", axes_a), ("axes_b", axes_b)):
            if axes is not self.axes:
                spec[key] = shown.index(axes)
        return spec


def annotation_arrow(arrowprops):
    """annotate()'s arrow patch as matplotlib's Annotation makes it: a FancyArrowPatch from
    arrowprops without relpos, or without the old YAArrow keys (width, headwidth, headlength,
    shrink) when there is no arrowstyle."""
    skip = ("relpos",) if "arrowstyle" in arrowprops else ("width", "headwidth", "headlength", "shrink")
    return FancyArrowPatch((0, 0), (1, 1), **{k: v for k, v in arrowprops.items() if k not in skip})


def annotation_arrow_spec(patch, arrowprops, fontsize):
    """The spec of an annotation's arrow at drawing (matplotlib's Annotation.update_positions): the
    mutation scale is the text size unless given; without an arrowstyle, a 'simple' arrow with the
    YAArrow's sizes from the text's nearest corner, both ends shortened by shrink times its length."""
    scale = _number(arrowprops.get("mutation_scale", fontsize), "mutation_scale")
    patch.set_mutation_scale(scale)
    spec = {"relpos": [_number(v, "relpos") for v in arrowprops.get("relpos", (0.5, 0.5))], "shrink": None}
    if "arrowstyle" not in arrowprops:
        sizes = {key: _number(arrowprops.get(key, default), key) / scale
                 for key, default in (("headlength", 12), ("headwidth", 12), ("width", 4))}
        patch.set_arrowstyle("simple", head_length=sizes["headlength"], head_width=sizes["headwidth"],
                             tail_width=sizes["width"])
        spec = {"relpos": None, "shrink": _number(arrowprops.get("shrink", 0.0), "shrink")}
    spec["patch"] = patch.arrow_spec()
    if "patchA" in arrowprops:
        spec["patch_a"] = clip_shape(arrowprops["patchA"], "annotate() arrowprops")
    else:
        spec["patch_a"] = {"kind": "text"}
    spec["patch_b"] = clip_shape(arrowprops.get("patchB"), "annotate() arrowprops")
    return spec
