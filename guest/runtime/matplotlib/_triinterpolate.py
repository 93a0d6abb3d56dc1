"""matplotlib.tri.LinearTriInterpolator and the triangle finder it uses."""

import numpy as np

from ._triangulation import Triangulation

_CHUNK = 2048  # query points tested against all triangles at once


def plane_coefficients(triangulation, z):
    """(ntri, 3) array: z = a * x + b * y + c on each unmasked triangle (0 for masked ones),
    computed as matplotlib's C++ does (the normal of the triangle's sides in (x, y, z))."""
    tris = triangulation.triangles
    x, y = triangulation.x, triangulation.y
    p0 = np.stack([x[tris[:, 0]], y[tris[:, 0]], z[tris[:, 0]]], axis=1)
    side01 = np.stack([x[tris[:, 1]], y[tris[:, 1]], z[tris[:, 1]]], axis=1) - p0
    side02 = np.stack([x[tris[:, 2]], y[tris[:, 2]], z[tris[:, 2]]], axis=1) - p0
    normal = np.stack([side01[:, 1] * side02[:, 2] - side01[:, 2] * side02[:, 1],
                       side01[:, 2] * side02[:, 0] - side01[:, 0] * side02[:, 2],
                       side01[:, 0] * side02[:, 1] - side01[:, 1] * side02[:, 0]], axis=1)
    used = np.ones(len(tris), dtype=bool) if triangulation.mask is None else ~triangulation.mask
    if (normal[used, 2] == 0).any():
        raise NotImplementedError("plane coefficients of a triangle of collinear points (matplotlib's "
                                  "pseudo-inverse) are not supported in this sandbox")
    planes = np.zeros((len(tris), 3))
    n = normal[used]
    planes[used, 0] = -n[:, 0] / n[:, 2]
    planes[used, 1] = -n[:, 1] / n[:, 2]
    planes[used, 2] = (n[:, 0] * p0[used, 0] + n[:, 1] * p0[used, 1] + n[:, 2] * p0[used, 2]) / n[:, 2]
    return planes


class _TriFinder:
    """The unmasked triangle containing each point (-1 outside) and whether the point lies in
    more than one (on a shared edge or point, where matplotlib's trapezoid map picks one its
    own way)."""

    def __init__(self, triangulation):
        self._triangulation = triangulation

    def __call__(self, x, y):
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        if x.shape != y.shape:
            raise ValueError("x and y must be array-like with the same shape")
        t = self._triangulation
        index = np.flatnonzero(np.ones(len(t.triangles), dtype=bool) if t.mask is None else ~t.mask)
        tris = t.triangles[index]
        tx, ty = t.x[tris], t.y[tris]
        turn = ((tx[:, 1] - tx[:, 0]) * (ty[:, 2] - ty[:, 0]) - (ty[:, 1] - ty[:, 0]) * (tx[:, 2] - tx[:, 0]))
        sign = np.where(turn < 0, -1.0, 1.0)
        flat_x, flat_y = x.ravel(), y.ravel()
        found = np.full(flat_x.shape, -1, dtype=np.int32)
        shared = np.zeros(flat_x.shape, dtype=bool)
        for start in range(0, len(flat_x), _CHUNK):
            px = flat_x[start:start + _CHUNK, None]
            py = flat_y[start:start + _CHUNK, None]
            inside = np.ones((len(px), len(tris)), dtype=bool)
            for k in range(3):
                ax, ay = tx[:, k], ty[:, k]
                bx, by = tx[:, (k + 1) % 3], ty[:, (k + 1) % 3]
                inside &= sign * ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) >= 0
            hit = inside.any(axis=1)
            found[start:start + _CHUNK][hit] = index[inside[hit].argmax(axis=1)]
            shared[start:start + _CHUNK] = inside.sum(axis=1) > 1
        return found.reshape(x.shape), shared.reshape(x.shape)


class LinearTriInterpolator:
    """Linear interpolation of z within each triangle, as matplotlib's: a masked array of the
    query points' shape, masked outside the unmasked triangles (the planes' coefficients as
    matplotlib computes them, to rounding: a Delaunay triangle's first point may differ)."""

    def __init__(self, triangulation, z, trifinder=None):
        if not isinstance(triangulation, Triangulation):
            raise TypeError("'triangulation' must be an instance of matplotlib.tri.Triangulation")
        if trifinder is not None:
            raise NotImplementedError("LinearTriInterpolator(trifinder=...) is not supported in this sandbox")
        triangulation._check_drawable("LinearTriInterpolator")
        self._triangulation = triangulation
        self._z = np.asarray(z)
        if self._z.shape != triangulation.x.shape:
            raise ValueError("z array must have same length as triangulation x and y arrays")
        self._trifinder = _TriFinder(triangulation)
        self._planes = plane_coefficients(triangulation, self._z.astype(np.float64))

    def __call__(self, x, y):
        return self._interpolate(x, y, ("z",))[0]

    def gradient(self, x, y):
        return self._interpolate(x, y, ("dzdx", "dzdy"))

    def _interpolate(self, x, y, keys):
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        shape = x.shape
        if x.shape != y.shape:
            raise ValueError(f"x and y shall have same shapes. Given: {x.shape} and {y.shape}")
        x, y = x.ravel(), y.ravel()
        tri_index, shared = self._trifinder(x, y)
        if keys != ("z",) and shared.any():
            raise NotImplementedError("LinearTriInterpolator.gradient() at a point on an edge between triangles "
                                      "(whose gradient matplotlib takes from the triangle its trapezoid map finds) "
                                      "is not supported in this sandbox")
        inside = tri_index != -1
        valid, vx, vy = tri_index[inside], x[inside], y[inside]
        planes, out = self._planes, []
        for key in keys:
            values = np.empty(x.size, dtype=np.float64)
            values[~inside] = np.nan
            if key == "z":
                values[inside] = planes[valid, 0] * vx + planes[valid, 1] * vy + planes[valid, 2]
            else:
                values[inside] = planes[valid, 0 if key == "dzdx" else 1]
            out.append(np.ma.masked_invalid(values.reshape(shape), copy=False))
        return out
