"""Axes.inset_axes: an Axes whose box is given in fractions of its parent's box (which the host
places; docs/CHARTS.md, "inset_of"), drawn over the parent."""


def inset_axes(parent, bounds, *, transform=None, zorder=5, projection=None, polar=False, sharex=None,
               sharey=None, **kwargs):
    """A child Axes at bounds = [x0, y0, width, height] in parent's axes fractions, as matplotlib's."""
    from .figure import _axes_class

    if transform is not None and getattr(transform, "coords", None) != "axes":
        raise NotImplementedError("inset_axes(transform=...) other than ax.transAxes is not supported in this "
                                  "sandbox")
    if zorder != 5:
        raise NotImplementedError("inset_axes(zorder=...) is not supported in this sandbox; insets are drawn "
                                  "over their parent")
    if getattr(parent, "_inset_of", None) is not None or parent._colorbar_of is not None:
        raise NotImplementedError("an inset of an inset or of a colorbar is not supported in this sandbox")
    rect = [float(v) for v in bounds]
    if len(rect) != 4:
        raise ValueError("bounds must be [x0, y0, width, height]")
    figure = parent.figure
    inset = _axes_class(projection, polar)(figure, ("rect", rect), sharex=sharex, sharey=sharey)
    inset._inset_of = parent
    figure._axes.append(inset)
    inset.set(**kwargs)
    return inset
