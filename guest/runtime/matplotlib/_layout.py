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
