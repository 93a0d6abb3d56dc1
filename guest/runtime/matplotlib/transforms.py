"""matplotlib.transforms, as far as example code uses it: the coordinate systems of text and
patches (ax.transData, ax.transAxes, fig.transFigure and blends of data and axes coordinates)."""

from ._axes_base import Transform

__all__ = ["Transform", "blended_transform_factory", "Affine2D", "Bbox"]


def blended_transform_factory(x_transform, y_transform):
    """x from one transform, y from the other (each ax.transData or ax.transAxes)."""
    pair = (getattr(x_transform, "coords", None), getattr(y_transform, "coords", None))
    if not set(pair) <= {"data", "axes"}:
        raise NotImplementedError("blended transforms of anything but ax.transData and ax.transAxes are not "
                                  "supported in this sandbox")
    return Transform(pair if pair[0] != pair[1] else pair[0])


class Affine2D:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("Affine2D transforms are not supported in this sandbox")


class Bbox:
    """A box [[x0, y0], [x1, y1]]."""

    def __init__(self, points):
        (self.x0, self.y0), (self.x1, self.y1) = points

    @classmethod
    def from_bounds(cls, x0, y0, width, height):
        return cls([[x0, y0], [x0 + width, y0 + height]])

    @classmethod
    def from_extents(cls, x0, y0, x1, y1):
        return cls([[x0, y0], [x1, y1]])

    @property
    def bounds(self):
        return self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0

    @property
    def width(self):
        return self.x1 - self.x0

    @property
    def height(self):
        return self.y1 - self.y0
