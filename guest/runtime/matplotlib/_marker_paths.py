"""Markers the host draws as outlines (docs/CHARTS.md's ``{"path": ...}`` Marker): matplotlib's
path and vertex markers, normalized as ``MarkerStyle._set_custom_marker`` does (the largest
coordinate to half a marker size), and the two halves of a half-filled marker (fillstyle 'left',
'right', 'bottom', 'top': ``MarkerStyle``'s path and alt path with their transforms and joins).
Coordinates are in marker sizes about the point, y up."""

import numpy as np

from .path import Path

HALF_FILLSTYLES = ("left", "right", "bottom", "top")


def _turn(points, degrees):
    a = np.radians(degrees)
    c, s = np.cos(a), np.sin(a)
    return np.column_stack((points[:, 0] * c - points[:, 1] * s, points[:, 0] * s + points[:, 1] * c))


def _affine(points, *steps):
    """points through matplotlib Affine2D steps in order: ("scale", sx, sy), ("rotate", deg),
    ("translate", tx, ty), ("matrix", 3x3 affine matrix)."""
    points = np.asarray(points, dtype=float)
    for step in steps:
        if step[0] == "matrix":
            m = np.asarray(step[1], dtype=float)
            points = points @ m[:2, :2].T + m[:2, 2]
        elif step[0] == "scale":
            points = points * np.array([step[1], step[2]])
        elif step[0] == "rotate":
            points = _turn(points, step[1])
        else:
            points = points + np.array([step[1], step[2]])
    return points


def spec(path, steps, join="round", cap="butt"):
    """The host's path marker for a Path through the transform steps."""
    rings, closed = [], []
    for xs, ys, is_closed in path.subpaths():
        ring = _affine(np.column_stack((xs, ys)), *steps)
        rings.append([[float(x), float(y)] for x, y in ring])
        closed.append(bool(is_closed))
    if not rings:
        raise ValueError("a path marker needs at least one segment")
    out = {"rings": rings, "join": join, "cap": cap}
    if not all(closed):
        out["closed"] = closed
    return {"path": out}


def custom(value):
    """A marker given as a list of vertices (an open polyline) or a Path."""
    path = value if isinstance(value, Path) else Path(np.asarray(value, dtype=float))
    rescale = float(np.max(np.abs(path.vertices))) if len(path.vertices) else 0.0
    if not np.isfinite(rescale) or rescale == 0.0:
        raise ValueError(f"Unrecognized marker style {value!r}")
    return spec(path, [("scale", 0.5 / rescale, 0.5 / rescale)])


_TRI = Path([[0, 0], [0, -1], [0, 0], [0.8, 0.5], [0, 0], [-0.8, 0.5]], [1, 2, 1, 2, 1, 2])
# matplotlib's markers drawn from their paths here: (path, transform steps, join).
_NAMED = {
    "8": (lambda: Path.unit_regular_polygon(8), [("scale", 0.5, 0.5), ("rotate", 22.5)], "miter"),
    "H": (lambda: Path.unit_regular_polygon(6), [("scale", 0.5, 0.5), ("rotate", 30)], "miter"),
    "1": (lambda: _TRI, [("scale", 0.5, 0.5), ("rotate", 0)], "round"),
    "2": (lambda: _TRI, [("scale", 0.5, 0.5), ("rotate", 180)], "round"),
    "3": (lambda: _TRI, [("scale", 0.5, 0.5), ("rotate", 270)], "round"),
    "4": (lambda: _TRI, [("scale", 0.5, 0.5), ("rotate", 90)], "round"),
}
UNFILLED_NAMED = ("1", "2", "3", "4")


def named(code):
    """The octagon ('8'), the second hexagon ('H') and the tri markers ('1'..'4') as matplotlib's
    MarkerStyle draws them."""
    path, steps, join = _NAMED[code]
    return spec(path(), steps, join)


def _closed(vertices):
    vertices = np.asarray(vertices, dtype=float)
    return Path(np.vstack([vertices, vertices[:1]]), closed=True)


_CIRCLE_RIGHT = _closed(np.column_stack((np.cos(np.linspace(-np.pi / 2, np.pi / 2, 65)),
                                         np.sin(np.linspace(-np.pi / 2, np.pi / 2, 65)))))
_TRIANGLES = [_closed([[0, 1], [-3 / 5, -1 / 5], [3 / 5, -1 / 5]]),
              _closed([[0, 1], [0, -1], [-1, -1]]),
              _closed([[-3 / 5, -1 / 5], [3 / 5, -1 / 5], [1, -1], [-1, -1]]),
              _closed([[0, 1], [0, -1], [1, -1]])]
_PLUS_TOP = _closed(np.array([(3, 0), (3, 1), (1, 1), (1, 3), (-1, 3), (-1, 1), (-3, 1), (-3, 0)]) / 6)
_X_TOP = _closed(np.array([(1, 0), (2, 1), (1, 2), (0, 1), (-1, 2), (-2, 1), (-1, 0)]) / 4)


def _pick(fillstyle, top, bottom, left, right):
    return {"top": (top, bottom), "bottom": (bottom, top), "left": (left, right),
            "right": (right, left)}[fillstyle]


def _halves(code, fs):
    """(path, steps, alt path, alt steps, join) of matplotlib's half-filled marker."""
    if code in ("o", "."):
        radius = 0.5 if code == "o" else 0.25
        steps = [("scale", radius, radius), ("rotate", {"right": 0, "top": 90, "left": 180, "bottom": 270}[fs])]
        return _CIRCLE_RIGHT, steps, _CIRCLE_RIGHT, steps + [("rotate", 180)], "round"
    if code in ("^", "v", "<", ">"):
        rot, skip = {"^": (0, 0), "v": (180, 2), "<": (90, 3), ">": (270, 1)}[code]
        first = {"top": 0, "bottom": 2, "left": 1, "right": 3}[fs]
        steps = [("scale", 0.5, 0.5), ("rotate", rot)]
        return _TRIANGLES[(first + skip) % 4], steps, _TRIANGLES[(first + 2 + skip) % 4], steps, "miter"
    if code == "s":
        steps = [("translate", -0.5, -0.5), ("rotate", {"bottom": 0, "right": 90, "top": 180, "left": 270}[fs])]
        path = Path([[0, 0], [1, 0], [1, 0.5], [0, 0.5], [0, 0]])
        alt = Path([[0, 0.5], [1, 0.5], [1, 1], [0, 1], [0, 0.5]])
        return path, steps, alt, steps, "miter"
    if code in ("D", "d"):
        steps = [("translate", -0.5, -0.5), ("rotate", 45),
                 ("rotate", {"right": 0, "top": 90, "left": 180, "bottom": 270}[fs])]
        if code == "d":
            steps.append(("scale", 0.6, 1.0))
        path, alt = Path([[0, 0], [1, 0], [1, 1], [0, 0]]), Path([[0, 0], [0, 1], [1, 1], [0, 0]])
        return path, steps, alt, steps, "miter"
    steps = [("scale", 0.5, 0.5)]
    if code == "p":
        verts = Path.unit_regular_polygon(5).vertices
        y = (1 + np.sqrt(5)) / 4.0
        path, alt = _pick(fs, Path(verts[[0, 1, 4, 0]]), Path(verts[[1, 2, 3, 4, 1]]),
                          Path([verts[0], verts[1], verts[2], [0, -y], verts[0]]),
                          Path([verts[0], verts[4], verts[3], [0, -y], verts[0]]))
        return path, steps, alt, steps, "miter"
    if code == "*":
        verts = Path.unit_regular_star(5, innerCircle=0.381966).vertices
        path, alt = _pick(fs, Path(np.concatenate([verts[0:4], verts[7:10], verts[0:1]])),
                          Path(np.concatenate([verts[3:8], verts[3:4]])),
                          Path(np.concatenate([verts[0:6], verts[0:1]])),
                          Path(np.concatenate([verts[0:1], verts[5:10], verts[0:1]])))
        return path, steps, alt, steps, "bevel"
    if code == "h":
        verts = Path.unit_regular_polygon(6).vertices
        x = abs(np.cos(5 * np.pi / 6.0))
        path, alt = _pick(fs, Path(np.concatenate([[(-x, 0)], verts[[1, 0, 5]], [(x, 0)]])),
                          Path(np.concatenate([[(-x, 0)], verts[2:5], [(x, 0)]])),
                          Path(verts[0:4]), Path(verts[[0, 5, 4, 3]]))
        return path, steps, alt, steps, "miter"
    if code == "8":
        x = np.sqrt(2.0) / 4.0
        path = Path([[0, -1], [0, 1], [-x, 1], [-1, x], [-1, -x], [-x, -1], [0, -1]])
        steps = [("scale", 0.5, 0.5), ("rotate", {"left": 0, "bottom": 90, "right": 180, "top": 270}[fs])]
        return path, steps, path, steps + [("rotate", 180)], "miter"
    if code == "H":
        verts = Path.unit_regular_polygon(6).vertices
        x, y = np.sqrt(3) / 4, 3 / 4.0
        path, alt = _pick(fs, Path(verts[[1, 0, 5, 4, 1]]), Path(verts[1:5]),
                          Path(np.concatenate([[(x, y)], verts[:3], [(-x, -y), (x, y)]])),
                          Path(np.concatenate([[(x, y)], verts[5:2:-1], [(-x, -y)]])))
        steps = [("scale", 0.5, 0.5), ("rotate", 30)]
        return path, steps, alt, steps, "miter"
    if code in ("P", "X"):
        steps = [("rotate", {"top": 0, "left": 90, "bottom": 180, "right": 270}[fs])]
        path = _PLUS_TOP if code == "P" else _X_TOP
        return path, steps, path, steps + [("rotate", 180)], "miter"
    return None


_PLUS = Path([[-1.0, 0.0], [1.0, 0.0], [0.0, -1.0], [0.0, 1.0]], [1, 2, 1, 2])
_X = Path([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [1.0, -1.0]], [1, 2, 1, 2])
_LINE = Path([[0.0, -1.0], [0.0, 1.0]])
_PLUS_FULL = _closed(np.array([(-1, -3), (1, -3), (1, -1), (3, -1), (3, 1), (1, 1), (1, 3), (-1, 3), (-1, 1),
                               (-3, 1), (-3, -1), (-1, -1)]) / 6)
_X_FULL = _closed(np.array([(-1, -2), (0, -1), (1, -2), (2, -1), (1, 0), (2, 1), (1, 2), (0, 1), (-1, 2),
                            (-2, 1), (-1, 0), (-2, -1)]) / 4)
_HALF = [("scale", 0.5, 0.5)]
_FULL = {
    "o": (lambda: Path.unit_circle(), _HALF, "round"),
    ".": (lambda: Path.unit_circle(), [("scale", 0.25, 0.25)], "round"),
    "^": (lambda: _closed([[0, 1], [-1, -1], [1, -1]]), _HALF, "miter"),
    "v": (lambda: _closed([[0, 1], [-1, -1], [1, -1]]), _HALF + [("rotate", 180)], "miter"),
    "<": (lambda: _closed([[0, 1], [-1, -1], [1, -1]]), _HALF + [("rotate", 90)], "miter"),
    ">": (lambda: _closed([[0, 1], [-1, -1], [1, -1]]), _HALF + [("rotate", 270)], "miter"),
    "s": (lambda: Path.unit_rectangle(), [("translate", -0.5, -0.5)], "miter"),
    "D": (lambda: Path.unit_rectangle(), [("translate", -0.5, -0.5), ("rotate", 45)], "miter"),
    "d": (lambda: Path.unit_rectangle(), [("translate", -0.5, -0.5), ("rotate", 45), ("scale", 0.6, 1.0)],
          "miter"),
    "p": (lambda: Path.unit_regular_polygon(5), _HALF, "miter"),
    "h": (lambda: Path.unit_regular_polygon(6), _HALF, "miter"),
    "*": (lambda: Path.unit_regular_star(5, innerCircle=0.381966), _HALF, "bevel"),
    "+": (lambda: _PLUS, _HALF, "round"),
    "x": (lambda: _X, _HALF, "round"),
    "|": (lambda: _LINE, _HALF, "round"),
    "_": (lambda: _LINE, _HALF + [("rotate", 90)], "round"),
    "P": (lambda: _PLUS_FULL, [], "miter"),
    "X": (lambda: _X_FULL, [], "miter"),
    **_NAMED,
}


def _full(code):
    """(path, steps, join) of matplotlib's whole marker."""
    if isinstance(code, str) and code in _FULL:
        path, steps, join = _FULL[code]
        return path(), list(steps), join
    if isinstance(code, tuple) and len(code) in (2, 3) and code[1] in (0, 1):
        sides, style, angle = (*code, 0) if len(code) == 2 else code
        path = Path.unit_regular_polygon(sides) if style == 0 else Path.unit_regular_star(sides)
        return path, [("scale", 0.5, 0.5), ("rotate", angle)], "miter" if style == 0 else "bevel"
    if isinstance(code, (list, Path)) or (hasattr(code, "ndim") and code.ndim == 2):
        path = code if isinstance(code, Path) else Path(np.asarray(code, dtype=float))
        rescale = float(np.max(np.abs(path.vertices)))
        return path, [("scale", 0.5 / rescale, 0.5 / rescale)], "round"
    raise NotImplementedError(f"marker {code!r} with a transform, capstyle or joinstyle is not supported in this "
                              "sandbox")


def specs(code, fillstyle, matrix=None, capstyle=None, joinstyle=None):
    """(marker, alt marker or None) path specs as matplotlib's MarkerStyle(code, fillstyle, transform,
    capstyle, joinstyle) draws them, or None where the host's own marker is the same (a whole marker
    with no transform, cap or join style given). matrix: the user transform's 3x3 matrix."""
    styled = matrix is not None or capstyle is not None or joinstyle is not None
    halves = _halves(code, fillstyle) if isinstance(code, str) and fillstyle in HALF_FILLSTYLES else None
    if halves is None and not styled:
        return None
    extra = [] if matrix is None else [("matrix", matrix)]
    if halves is not None:
        path, steps, alt, alt_steps, join = halves
    else:
        (path, steps, join), alt = _full(code), None
    join, cap = joinstyle or join, capstyle or "butt"
    return spec(path, steps + extra, join, cap), None if alt is None else spec(alt, alt_steps + extra, join, cap)
