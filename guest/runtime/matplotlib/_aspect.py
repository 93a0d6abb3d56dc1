"""set_aspect(..., adjustable='datalim') and axis('equal'): the host widens one view limit so
that data units are equal on both axes (matplotlib's Axes.apply_aspect) and needs the axes' data
limits (matplotlib's dataLim) for choosing which: the extents of its artists."""

ADJUSTABLES = ("box", "datalim")


def check(adjustable):
    if adjustable not in ADJUSTABLES:
        raise ValueError(f"{adjustable!r} is not a valid value for adjustable; supported values are 'box', "
                         "'datalim'")
    return adjustable


def spec(axes):
    """The spec's "datalim" of an equal-aspect axes adjusting its limits: [x0, x1, y0, y1]."""
    if not axes._aspect_equal or axes._adjustable != "datalim":
        return None
    if len(axes._group["x"].members) > 1 and len(axes._group["y"].members) > 1:
        raise RuntimeError("set_aspect(..., adjustable='datalim') or axis('equal') are not allowed when both "
                           "axes are shared.  Try set_aspect(..., adjustable='box').")
    if len(axes._group["x"].members) > 1 or len(axes._group["y"].members) > 1:
        raise NotImplementedError("an equal aspect with adjustable='datalim' on shared axes is not supported in "
                                  "this sandbox")
    bounds = []
    for name in ("x", "y"):
        if axes._group[name].scale not in ("linear", "log"):
            raise NotImplementedError("an equal aspect on a symlog, logit or asinh axis is not supported in "
                                      "this sandbox")
        log = axes._group[name].scale == "log"  # the host measures in decades there
        values = [v for artist in axes._artists for v in artist.extent(name)[0]
                  if v is not None and (v > 0 or not log)]
        if not values:
            return None  # matplotlib's null dataLim: its aspect adjusts nothing sensible either
        bounds += [float(min(values)), float(max(values))]
    return bounds
