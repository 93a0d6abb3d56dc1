"""The Delaunay triangulation of points in the plane, the triangles matplotlib gets from qhull.

Points in general position have exactly one Delaunay triangulation, so its triangles are
qhull's (as a set: their order in the array is this module's own).  Bowyer-Watson insertion
inside a large enclosing triangle gives the triangles; the hull is then made convex and
Lawson's edge flips make every edge locally Delaunay.  Where four or more points lie on one
circle (within rounding) the triangulation is not unique and qhull's choice cannot be
reproduced: such edges are reported as ambiguous, and the callers refuse to draw a
triangulation whose unmasked triangles depend on one.
"""

import numpy as np

_TOLERANCE = 1e-10  # |incircle| below this share of its terms' magnitude counts as cocircular


def _incircle(p, a, b, c, d):
    """(determinant, magnitude): determinant > 0 when d is inside the circle through the
    anticlockwise a, b, c."""
    rows = [(p[v, 0] - p[d, 0], p[v, 1] - p[d, 1]) for v in (a, b, c)]
    lift = [dx * dx + dy * dy for dx, dy in rows]
    (ax, ay), (bx, by), (cx, cy) = rows
    det = (lift[0] * (bx * cy - by * cx) - lift[1] * (ax * cy - ay * cx) + lift[2] * (ax * by - ay * bx))
    size = (lift[0] * (abs(bx * cy) + abs(by * cx)) + lift[1] * (abs(ax * cy) + abs(ay * cx))
            + lift[2] * (abs(ax * by) + abs(ay * bx)))
    return det, size


def _cross(p, a, b, c):
    return (p[b, 0] - p[a, 0]) * (p[c, 1] - p[a, 1]) - (p[b, 1] - p[a, 1]) * (p[c, 0] - p[a, 0])


def _circumcircles(p, tris):
    a, b, c = p[tris[:, 0]], p[tris[:, 1]], p[tris[:, 2]]
    d = 2 * ((a[:, 0] - c[:, 0]) * (b[:, 1] - c[:, 1]) - (b[:, 0] - c[:, 0]) * (a[:, 1] - c[:, 1]))
    la = (a[:, 0] - c[:, 0]) ** 2 + (a[:, 1] - c[:, 1]) ** 2
    lb = (b[:, 0] - c[:, 0]) ** 2 + (b[:, 1] - c[:, 1]) ** 2
    ux = c[:, 0] + (la * (b[:, 1] - c[:, 1]) - lb * (a[:, 1] - c[:, 1])) / d
    uy = c[:, 1] + (lb * (a[:, 0] - c[:, 0]) - la * (b[:, 0] - c[:, 0])) / d
    return ux, uy, (a[:, 0] - ux) ** 2 + (a[:, 1] - uy) ** 2


def _bowyer_watson(p, n):
    """Anticlockwise triangles of the n points p[:n], p[n:] being an enclosing triangle."""
    tris = np.array([[n, n + 1, n + 2]], dtype=np.intp)
    ux, uy, r2 = _circumcircles(p, tris)
    for i in range(n):
        x, y = p[i]
        bad = (x - ux) ** 2 + (y - uy) ** 2 < r2 * (1 - 1e-12)
        if not bad.any():  # rounding: the point lies on circles only; use its containing triangle
            bad = _containing(p, tris, i)
        edges = {}
        for a, b, c in tris[bad]:
            for e in ((a, b), (b, c), (c, a)):
                if (e[1], e[0]) in edges:
                    del edges[(e[1], e[0])]
                else:
                    edges[e] = True
        new = np.array([(a, b, i) for a, b in edges], dtype=np.intp)
        nux, nuy, nr2 = _circumcircles(p, new)
        keep = ~bad
        tris = np.concatenate([tris[keep], new])
        ux, uy, r2 = (np.concatenate([old[keep], fresh]) for old, fresh in ((ux, nux), (uy, nuy), (r2, nr2)))
    return tris


def _containing(p, tris, i):
    inside = np.ones(len(tris), dtype=bool)
    for k in range(3):
        a, b = tris[:, k], tris[:, (k + 1) % 3]
        inside &= ((p[b, 0] - p[a, 0]) * (p[i, 1] - p[a, 1]) - (p[b, 1] - p[a, 1]) * (p[i, 0] - p[a, 0])) >= 0
    return inside


def _convex_hull(p, tris):
    """Adds the triangles missing between the boundary and the convex hull."""
    tris = [tuple(t) for t in tris]
    while True:
        directed = {(t[k], t[(k + 1) % 3]) for t in tris for k in range(3)}
        following = {a: b for a, b in directed if (b, a) not in directed}
        added = False
        for a, b in list(following.items()):
            c = following[b]
            if c != a and _cross(p, a, b, c) < -_TOLERANCE * _span(p, a, b, c):
                tris.append((a, c, b))
                added = True
                break
        if not added:
            return tris


def _span(p, a, b, c):
    return (abs(p[b, 0] - p[a, 0]) + abs(p[b, 1] - p[a, 1])) * (abs(p[c, 0] - p[a, 0]) + abs(p[c, 1] - p[a, 1]))


def _flip(p, tris):
    """Lawson's flips until every interior edge is locally Delaunay; returns the triangles and
    the set of edges (sorted pairs) whose flip would be Delaunay too."""
    tris = [list(t) for t in tris]
    while True:
        owner = {}
        for index, t in enumerate(tris):
            for k in range(3):
                owner[(t[k], t[(k + 1) % 3])] = (index, t[(k + 2) % 3])
        ambiguous, flipped, touched = set(), False, set()
        for (a, b), (first, c) in owner.items():
            if a > b or (b, a) not in owner:
                continue
            second, d = owner[(b, a)]
            det, size = _incircle(p, a, b, c, d)
            if abs(det) <= _TOLERANCE * size:
                ambiguous.add((a, b))
            elif det > 0 and first not in touched and second not in touched:
                tris[first], tris[second] = [a, d, c], [d, b, c]
                touched.update((first, second))
                flipped = True
        if not flipped:
            return np.array(tris, dtype=np.int32).reshape(-1, 3), ambiguous


def delaunay(x, y):
    """(triangles, ambiguous edges) of the points x, y: anticlockwise triangles as an (ntri, 3)
    int32 array and a set of sorted point pairs whose edge is one of several Delaunay choices."""
    n = len(x)
    if n < 3:
        raise ValueError("x and y arrays must have a length of at least 3")
    pts = np.column_stack([x, y]).astype(float)
    if not np.isfinite(pts).all():
        raise ValueError("x and y must be finite")
    if len(np.unique(pts, axis=0)) != n:
        raise NotImplementedError("Triangulation of duplicate points (qhull leaves all but one of them out) is "
                                  "not supported in this sandbox")
    low, high = pts.min(axis=0), pts.max(axis=0)
    scale = float((high - low).max())
    if scale == 0:
        raise RuntimeError("Error in qhull Delaunay triangulation calculation: input degenerate")
    p = (pts - (low + high) / 2) / scale
    big = 1e4
    p = np.concatenate([p, [[-big, -big], [big, -big], [0.0, big]]])
    tris = _bowyer_watson(p, n)
    tris = tris[(tris < n).all(axis=1)]
    area = [_cross(p, *t) for t in tris]
    tris = [t for t, s in zip(tris, area) if s > _TOLERANCE * _span(p, *t)]
    if not tris:
        raise RuntimeError("Error in qhull Delaunay triangulation calculation: input degenerate (all points "
                           "collinear)")
    return _flip(p, _convex_hull(p, tris))
