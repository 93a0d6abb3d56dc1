"""matplotlib.path: Path, a series of vertices with codes (move to, line to, quadratic and cubic
Bézier curves, close).  The sandbox draws a path as polygons: ``subpaths()`` flattens its curves
into short segments, finely enough not to show at the host's resolution."""

import numpy as np

__all__ = ["Path"]

_CURVE_STEPS = 64  # segments of one Bézier curve


class Path:
    """Vertices (N x 2) and codes (N, or None: a polyline; closed=True closes it)."""

    code_type = np.uint8
    STOP, MOVETO, LINETO, CURVE3, CURVE4, CLOSEPOLY = 0, 1, 2, 3, 4, 79
    NUM_VERTICES_FOR_CODE = {STOP: 1, MOVETO: 1, LINETO: 1, CURVE3: 2, CURVE4: 3, CLOSEPOLY: 1}

    def __init__(self, vertices, codes=None, _interpolation_steps=1, closed=False, readonly=False):
        vertices = np.asarray(vertices, dtype=float)
        if vertices.ndim != 2 or vertices.shape[1] != 2:
            raise ValueError(f"'vertices' must be 2D with shape (N, 2), but your input has shape "
                             f"{vertices.shape}")
        if codes is not None:
            codes = np.asarray(codes, dtype=self.code_type)
            if codes.ndim != 1 or len(codes) != len(vertices):
                raise ValueError(f"'codes' must be a 1D list or array with the same length of 'vertices'. "
                                 f"Your vertices have shape {vertices.shape} but your codes have shape "
                                 f"{codes.shape}")
            if len(codes) and codes[0] != self.MOVETO:
                raise ValueError(f"The first element of 'code' must be equal to 'MOVETO' ({self.MOVETO}).  "
                                 f"Your first code is {codes[0]}")
        elif closed and len(vertices):
            codes = np.full(len(vertices), self.LINETO, dtype=self.code_type)
            codes[0], codes[-1] = self.MOVETO, self.CLOSEPOLY
        if _interpolation_steps != 1:
            raise NotImplementedError("Path(_interpolation_steps=...) is not supported in this sandbox")
        self._vertices, self._codes = vertices, codes
        self._readonly = bool(readonly)

    @property
    def vertices(self):
        return self._vertices

    @vertices.setter
    def vertices(self, vertices):
        if self._readonly:
            raise AttributeError("Can't set vertices on a readonly Path")
        self._vertices = np.asarray(vertices, dtype=float)

    @property
    def codes(self):
        return self._codes

    @codes.setter
    def codes(self, codes):
        if self._readonly:
            raise AttributeError("Can't set codes on a readonly Path")
        self._codes = None if codes is None else np.asarray(codes, dtype=self.code_type)

    def __len__(self):
        return len(self._vertices)

    def __repr__(self):
        return f"Path({self._vertices!r}, {self._codes!r})"

    def iter_segments(self):
        """(vertices, code) per segment: a curve's control points and end point together;
        matplotlib's defaults (no transform, simplification or NaN removal)."""
        codes = self._codes
        if codes is None:
            for i, vertex in enumerate(self._vertices):
                yield vertex, self.MOVETO if i == 0 else self.LINETO
            return
        i = 0
        while i < len(codes):
            code = int(codes[i])
            if code == self.STOP:
                return
            count = self.NUM_VERTICES_FOR_CODE.get(code)
            if count is None:
                raise ValueError(f"{code} is not a valid path code")
            yield self._vertices[i:i + count].ravel(), code
            i += count

    def subpaths(self):
        """The path as drawn: a list of (xs, ys, closed), one per MOVETO, curves flattened."""
        parts, xs, ys, closed = [], [], [], False
        start = None
        for vertices, code in self.iter_segments():
            points = vertices.reshape(-1, 2)
            if code == self.MOVETO:
                if len(xs) > 1:
                    parts.append((xs, ys, closed))
                xs, ys, closed = [points[0][0]], [points[0][1]], False
                start = points[0]
                continue
            if start is None:
                raise ValueError("a path must start with MOVETO")
            if code == self.CLOSEPOLY:
                parts.append((xs, ys, True))
                xs, ys, closed = [start[0]], [start[1]], False
                continue
            last = np.array([xs[-1], ys[-1]])
            if code == self.LINETO:
                curve = points
            else:
                curve = _bezier(np.vstack([last, points]))
            xs.extend(float(x) for x in curve[:, 0])
            ys.extend(float(y) for y in curve[:, 1])
        if len(xs) > 1:
            parts.append((xs, ys, closed))
        return [(list(map(float, x)), list(map(float, y)), c) for x, y, c in parts]

    def get_extents(self, transform=None, **kwargs):
        from .transforms import Bbox

        if transform is not None:
            raise NotImplementedError("Path.get_extents(transform) is not supported in this sandbox")
        xs = [x for part in self.subpaths() for x in part[0]]
        ys = [y for part in self.subpaths() for y in part[1]]
        return Bbox([[min(xs), min(ys)], [max(xs), max(ys)]])

    @classmethod
    def unit_rectangle(cls):
        return cls([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], closed=True, readonly=True)

    @classmethod
    def unit_regular_polygon(cls, numVertices):
        """A regular polygon in the unit circle, a corner at the top (matplotlib's)."""
        theta = 2 * np.pi / numVertices * np.arange(numVertices + 1) + np.pi / 2
        return cls(np.column_stack((np.cos(theta), np.sin(theta))), closed=True, readonly=True)

    @classmethod
    def unit_regular_star(cls, numVertices, innerCircle=0.5):
        """A star of numVertices points in the unit circle, a point at the top (matplotlib's)."""
        ns2 = numVertices * 2
        theta = 2 * np.pi / ns2 * np.arange(ns2 + 1) + np.pi / 2
        r = np.ones(ns2 + 1)
        r[1::2] = innerCircle
        return cls((r * np.vstack((np.cos(theta), np.sin(theta)))).T, closed=True, readonly=True)

    @classmethod
    def unit_regular_asterisk(cls, numVertices):
        return cls.unit_regular_star(numVertices, 0.0)

    @classmethod
    def unit_circle(cls):
        return cls.circle(readonly=True)

    @classmethod
    def circle(cls, center=(0.0, 0.0), radius=1.0, readonly=False):
        """The circle as matplotlib's: 8 cubic Bézier curves (Lancaster's approximation)."""
        magic, half = 0.2652031, np.sqrt(0.5)
        m45 = half * magic
        quarter = [[magic, -1.0], [half - m45, -half - m45], [half, -half],
                   [half + m45, -half + m45], [1.0, -magic], [1.0, 0.0]]
        turns = [np.array(quarter) @ np.array([[np.cos(a), np.sin(a)], [-np.sin(a), np.cos(a)]])
                 for a in (0.0, np.pi / 2, np.pi, 3 * np.pi / 2)]
        vertices = np.vstack([[[0.0, -1.0]], *turns, [[0.0, -1.0]]])
        codes = [cls.CURVE4] * 26
        codes[0], codes[-1] = cls.MOVETO, cls.CLOSEPOLY
        return cls(vertices * radius + np.asarray(center, dtype=float), codes, readonly=readonly)


def _bezier(control):
    """The points after the first of the Bézier curve over the control points (3 or 4 of them)."""
    t = np.linspace(0.0, 1.0, _CURVE_STEPS + 1)[1:, None]
    if len(control) == 3:
        a, b, c = control
        return (1 - t) ** 2 * a + 2 * (1 - t) * t * b + t ** 2 * c
    a, b, c, d = control
    return (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d
