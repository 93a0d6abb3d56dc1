"""matplotlib.transforms, as far as example code uses it: the coordinate systems of text and
patches (ax.transData, ax.transAxes, fig.transFigure and blends of data and axes coordinates)."""

import math

from ._axes_base import Transform

__all__ = ["Transform", "blended_transform_factory", "Affine2D", "AffineThen", "Bbox", "ScaledTranslation"]


def blended_transform_factory(x_transform, y_transform):
    """x from one transform, y from the other (each ax.transData or ax.transAxes)."""
    pair = (getattr(x_transform, "coords", None), getattr(y_transform, "coords", None))
    if not set(pair) <= {"data", "axes"}:
        raise NotImplementedError("blended transforms of anything but ax.transData and ax.transAxes are not "
                                  "supported in this sandbox")
    return Transform(pair if pair[0] != pair[1] else pair[0])


class ScaledTranslation:
    """A translation by (xt, yt) in the units of scale_trans, which must be fig.dpi_scale_trans
    (inches): added to ax.transData or ax.transAxes, it offsets text by 72 * (xt, yt) points."""

    def __init__(self, xt, yt, scale_trans):
        if getattr(scale_trans, "coords", None) != "inches":
            raise NotImplementedError("ScaledTranslation scaled by anything but fig.dpi_scale_trans is not supported "
                                      "in this sandbox")
        self._offset_points = (float(xt) * 72.0, float(yt) * 72.0)


class Affine2D:
    """A 2-D affine transform (a matrix [[a, c, e], [b, d, f], [0, 0, 1]]) built by chaining rotate,
    scale, translate and skew, each applied after what came before.  ``affine + ax.transData`` (or
    transAxes) places a patch: its outline is transformed in the guest, then measured in those
    coordinates; nothing else takes such a transform."""

    def __init__(self, matrix=None):
        self._m = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]] if matrix is None else \
            [[float(v) for v in row] for row in _rows(matrix)]

    @classmethod
    def identity(cls):
        return cls()

    @classmethod
    def from_values(cls, a, b, c, d, e, f):
        return cls([[a, c, e], [b, d, f], [0, 0, 1]])

    def get_matrix(self):
        import numpy as np
        return np.array(self._m)

    def set_matrix(self, mtx):
        self._m = [[float(v) for v in row] for row in _rows(mtx)]
        return self

    def clear(self):
        return self.set_matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]])

    def _then(self, m):
        self._m = _product(m, self._m)
        return self

    def rotate(self, theta):
        c, s = math.cos(theta), math.sin(theta)
        return self._then([[c, -s, 0], [s, c, 0], [0, 0, 1]])

    def rotate_deg(self, degrees):
        return self.rotate(math.radians(degrees))

    def rotate_around(self, x, y, theta):
        return self.translate(-x, -y).rotate(theta).translate(x, y)

    def rotate_deg_around(self, x, y, degrees):
        return self.rotate_around(x, y, math.radians(degrees))

    def translate(self, tx, ty):
        return self._then([[1, 0, float(tx)], [0, 1, float(ty)], [0, 0, 1]])

    def scale(self, sx, sy=None):
        sy = sx if sy is None else sy
        return self._then([[float(sx), 0, 0], [0, float(sy), 0], [0, 0, 1]])

    def skew(self, xShear, yShear):
        return self._then([[1, math.tan(xShear), 0], [math.tan(yShear), 1, 0], [0, 0, 1]])

    def skew_deg(self, xShear, yShear):
        return self.skew(math.radians(xShear), math.radians(yShear))

    def inverted(self):
        (a, c, e), (b, d, f), _ = self._m
        det = a * d - b * c
        if not det:
            raise ValueError("the transform is not invertible")
        ia, ic, ib, id_ = d / det, -c / det, -b / det, a / det
        return Affine2D([[ia, ic, -(ia * e + ic * f)], [ib, id_, -(ib * e + id_ * f)], [0, 0, 1]])

    def frozen(self):
        return Affine2D(self._m)

    def transform_point(self, point):
        (a, c, e), (b, d, f), _ = self._m
        x, y = (float(v) for v in point)
        return a * x + c * y + e, b * x + d * y + f

    def transform(self, values):
        """The points (an (N, 2) array, or one point) transformed, as a numpy array."""
        import numpy as np
        points = np.asarray(values, dtype=float)
        matrix = np.array(self._m)
        out = points.reshape(-1, 2) @ matrix[:2, :2].T + matrix[:2, 2]
        return out.reshape(points.shape)

    transform_affine = transform

    def __add__(self, other):
        if isinstance(other, Affine2D):
            return Affine2D(_product(other._m, self._m))
        if isinstance(other, AffineThen):  # self first, then the other's affine and coordinates
            return AffineThen(self + other.affine, other.then)
        if isinstance(other, Transform):
            return AffineThen(self, other)
        return NotImplemented

    def __eq__(self, other):
        return isinstance(other, Affine2D) and self._m == other._m

    __hash__ = object.__hash__

    def __repr__(self):
        return f"Affine2D({self._m!r})"


class AffineThen(Transform):
    """``affine + ax.transData`` (or transAxes, or a blend): points go through affine first.
    Patches take it (set_transform); text and lines refuse it (it has no ``coords``); composing it
    further or transforming points raises as for Transform."""

    def __init__(self, affine, then):
        self.affine, self.then = affine.frozen(), then


def _rows(matrix):
    rows = matrix.tolist() if hasattr(matrix, "tolist") else [list(row) for row in matrix]
    if len(rows) != 3 or any(len(row) != 3 for row in rows):
        raise ValueError("an affine matrix is 3x3")
    return rows


def _product(m, n):
    """The matrix product m @ n of 3x3 lists."""
    return [[sum(m[i][k] * n[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


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
