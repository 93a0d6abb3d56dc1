"""An Axes' layout state beyond its grid cell or rect, and its part of the figure spec
(docs/CHARTS.md): a colorbar's placement, an inset's parent, the anchor and the box aspect."""


def spec(axes, axes_index):
    """The optional layout keys of an axes' spec."""
    out = {}
    settings = getattr(axes, "_colorbar_settings", None)
    if settings is not None:
        out["colorbar"] = {**settings, "parents": [axes_index[p] for p in settings["parents"]]}
    inset_of = getattr(axes, "_inset_of", None)
    if inset_of is not None:
        out["inset_of"] = axes_index[inset_of]
    anchor = getattr(axes, "_anchor", None)
    if anchor is not None:
        out["anchor"] = list(anchor)
    for axis in (axes.xaxis, axes.yaxis):  # set_xlabel(loc=...): the label at an end of the axis
        loc = getattr(axis, "_label_loc", "center")
        if loc != "center":
            out[f"{axis.name}label_loc"] = loc
    box_aspect = getattr(axes, "_box_aspect", None)
    if box_aspect is not None:
        out["box_aspect"] = box_aspect
    return out


# matplotlib's Bbox anchor codes, as (x, y) fractions of the free room.
ANCHORS = {"C": (0.5, 0.5), "SW": (0.0, 0.0), "S": (0.5, 0.0), "SE": (1.0, 0.0), "E": (1.0, 0.5),
           "NE": (1.0, 1.0), "N": (0.5, 1.0), "NW": (0.0, 1.0), "W": (0.0, 0.5)}


def anchor(value):
    """An anchor (a code such as 'SW' or an (x, y) pair) as an (x, y) pair of floats."""
    if isinstance(value, str):
        if value not in ANCHORS:
            raise ValueError(f"{value!r} is not a valid anchor; supported values are {', '.join(ANCHORS)} "
                             "or an (x, y) pair")
        return ANCHORS[value]
    x, y = value
    return float(x), float(y)


def set_box_aspect(axes, aspect):
    """Axes.set_box_aspect: the ratio, and adjustable 'datalim' on the axes and its twins."""
    if aspect is not None:
        aspect = float(aspect)
        if not aspect > 0:
            raise ValueError("box_aspect must be a positive number")
    axes._box_aspect = aspect
    if aspect is not None:
        owner = axes._twin_of or axes
        for member in [owner] + [a for a in owner.figure._axes if a._twin_of is owner]:
            member.set_adjustable("datalim")


def drawn_axes(axes_list):
    """The axes a figure draws: all but hidden ones (set_visible(False)), which must not hold up another
    (a twin, colorbar or inset of theirs)."""
    shown = [axes for axes in axes_list if axes.get_visible()]
    hidden = set(axes_list) - set(shown)
    for axes in shown:
        related = [axes._twin_of, axes._colorbar_of, getattr(axes, "_inset_of", None)]
        related += (getattr(axes, "_colorbar_settings", None) or {}).get("parents", [])
        if any(other in hidden for other in related if other is not None):
            raise NotImplementedError("hiding an axes with a twin, colorbar or inset is not supported in this "
                                      "sandbox")
    return shown
