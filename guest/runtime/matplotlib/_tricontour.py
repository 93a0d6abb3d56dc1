"""Contours of a triangular grid, as matplotlib's TriContourGenerator draws them, with numpy.

A point is above a level when z >= level (matplotlib's test, where marching squares uses >).  A
line crosses each edge of an unmasked triangle whose two points lie on either side, at
matplotlib's interpolation (fraction = (z2 - level) / (z2 - z1) of the first point), straight
across the triangle, the region above on its left; a band (lower <= z < upper) is bounded by
its lower level's lines, its upper level's lines reversed and the stretches of the
triangulation's boundary inside it, joined into rings filled by the nonzero rule (as
_marching.py does for quadrilateral grids).
"""

import numpy as np

from ._marching import _chains, edge_pieces, lines


class TriGrid:
    """The unmasked triangles of a Triangulation (anticlockwise) and z at its points, with the
    edge numbering the segments use (each distinct edge once)."""

    def __init__(self, triangulation, z):
        self.x, self.y, self.z = triangulation.x, triangulation.y, z
        tris = np.array(triangulation.get_masked_triangles(), dtype=np.intp).reshape(-1, 3)
        x, y = self.x, self.y
        turn = ((x[tris[:, 1]] - x[tris[:, 0]]) * (y[tris[:, 2]] - y[tris[:, 0]])
                - (y[tris[:, 1]] - y[tris[:, 0]]) * (x[tris[:, 2]] - x[tris[:, 0]]))
        tris[turn < 0] = tris[turn < 0][:, ::-1]
        self.triangles = tris
        pairs = np.stack([tris, np.roll(tris, -1, axis=1)], axis=2)  # edge k: point k to k + 1
        ordered = np.sort(pairs.reshape(-1, 2), axis=1)
        self.points, inverse = np.unique(ordered, axis=0, return_inverse=True)
        self.edge_of = inverse.reshape(-1, 3)
        self.edges = len(self.points)

    def zrange(self):
        used = self.z[np.unique(self.triangles)]
        return float(used.min()), float(used.max())

    def crossings(self, level):
        """(x, y) of the level's crossing on every edge (meaningless where it does not cross)."""
        p1, p2 = self.points[:, 0], self.points[:, 1]
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = (self.z[p2] - level) / (self.z[p2] - self.z[p1])
        return (self.x[p1] * fraction + self.x[p2] * (1.0 - fraction),
                self.y[p1] * fraction + self.y[p2] * (1.0 - fraction))

    def segments(self, level):
        """(from, to) edge numbers of the level's segments, the region above on their left."""
        above = self.z[self.triangles] >= level
        starts, ends = [], []
        for m in range(3):
            leaving = above[:, m] & ~above[:, (m + 1) % 3]
            for e in range(3):
                entering = leaving & ~above[:, e] & above[:, (e + 1) % 3]
                starts.append(self.edge_of[entering, m])
                ends.append(self.edge_of[entering, e])
        return np.concatenate(starts), np.concatenate(ends)

    def lines(self, level):
        """The level's lines: a list of (x array, y array), closed loops ending where they start."""
        return lines(self, level)

    def band(self, lower, upper):
        """The rings (x array, y array) bounding lower <= z < upper, the band on their left;
        lower may be -inf and upper inf."""
        e, offset = self.edges, len(self.x)
        starts, ends = [], []
        xs, ys = [self.x], [self.y]  # keys: the points, then the crossings of each level
        for level, slot in ((lower, 0), (upper, 1)):
            cx, cy = self.crossings(level) if np.isfinite(level) else (np.zeros(e), np.zeros(e))
            xs.append(cx)
            ys.append(cy)
            if np.isfinite(level):
                a, b = self.segments(level)
                a, b = (a + offset + slot * e).tolist(), (b + offset + slot * e).tolist()
                starts += a if slot == 0 else b  # the upper level's lines run backwards
                ends += b if slot == 0 else a
        self._boundary_pieces(lower, upper, offset, starts, ends)
        allx, ally = np.concatenate(xs), np.concatenate(ys)
        return [(allx[ring], ally[ring]) for ring in _chains(starts, ends)]

    def _boundary_pieces(self, lower, upper, offset, starts, ends):
        """Appends the stretches of the boundary (edges of one triangle, that triangle on their
        left) inside the band as (from key, to key) pieces between points and crossings."""
        count = np.bincount(self.edge_of.ravel(), minlength=self.edges)
        t, k = np.nonzero(count[self.edge_of] == 1)
        z = self.z
        for p, q, edge in zip(self.triangles[t, k].tolist(), self.triangles[t, (k + 1) % 3].tolist(),
                              self.edge_of[t, k].tolist()):
            # matplotlib's TriContourGenerator: z >= level is above it
            edge_pieces((p, float(z[p])), (q, float(z[q])), edge, (lower, upper), (offset, self.edges),
                        _at_or_above, starts, ends)


def _at_or_above(value, level):
    return value >= level
