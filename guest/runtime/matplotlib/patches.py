"""matplotlib.patches: filled shapes (Rectangle, Circle, Ellipse, Polygon, Wedge,
FancyBboxPatch...) for ``ax.add_patch()`` and ``Patch`` legend proxies.

Each patch is sent as the spec's ``patch``: its outline as a polygon in data
coordinates (curves as many short segments), with the shape as the user made
it for the chart description.
"""

import math

from . import _data, _hatch, _kwargs, _rc, _styles
from ._artist import Artist
from .colors import to_rgba

__all__ = ["Patch", "Rectangle", "Circle", "Ellipse", "Arc", "Polygon", "PathPatch", "RegularPolygon", "Wedge",
           "FancyBboxPatch", "BoxStyle", "FancyArrow", "Arrow", "StepPatch", "FancyArrowPatch", "ArrowStyle",
           "ConnectionStyle", "ConnectionPatch"]

_PROPS = frozenset(("color", "facecolor", "edgecolor", "linewidth", "linestyle", "alpha", "label", "fill", "zorder",
                    "clip_on", "hatch", "joinstyle"))
_CURVE_STEPS = 96  # segments of a full circle


class Patch(Artist):
    """A filled shape: face and edge colours, edge width and style.

    As in matplotlib, the face defaults to rcParams patch.facecolor and the edge to none
    (patch.edgecolor when fill=False, for PathPatch and with patch.force_edgecolor); color= sets both.
    """

    zorder_default = 1

    _kind = "Patch"
    _edge_default = False  # True: an edge by default even when filled (matplotlib's PathPatch)
    _autoscale = ()  # add_patch() does not rescale the view; axvspan() and charts made of patches do

    def __init__(self, **kwargs):
        transform = kwargs.pop("transform", None)
        for name, alias in (("edgecolor", "ec"), ("facecolor", "fc"), ("linewidth", "lw"), ("linestyle", "ls")):
            if name in kwargs and alias in kwargs:  # matplotlib sets the parameter, then the alias over it
                del kwargs[name]
        options = _kwargs.take(kwargs, _PROPS, type(self).__name__)
        super().__init__(options.get("label"), options.get("alpha"))
        self._fill = bool(options.get("fill", True))
        color = options.get("color")
        if color is not None and ("facecolor" in options or "edgecolor" in options):
            raise TypeError("Setting the 'color' property will override the edgecolor or facecolor "
                            "properties.")
        face = color if color is not None else options.get("facecolor")
        self._face = to_rgba(face or _rc.rcParams["patch.facecolor"])
        edge = color if color is not None else options.get("edgecolor")
        self._edge = to_rgba(edge if edge is not None else self._default_edge())
        self._edge_given = edge is not None
        self._hatch_style = _hatch.Style()
        self.set_hatch(options.get("hatch"))
        width = options.get("linewidth")
        self._linewidth = float(_rc.rcParams["patch.linewidth"] if width is None else width)
        self._linestyle = _styles.linestyle(options.get("linestyle", "-"))
        self._joinstyle = _styles.joinstyle(options.get("joinstyle", "miter"))
        self._coords = ("data", "data")
        self._affine = None
        self._role = None
        self.set_zorder(options.get("zorder"))
        self.set_clip_on(options.get("clip_on", True))
        if transform is not None:
            self.set_transform(transform)

    # Properties

    def get_facecolor(self):
        return self._face if self._fill else (0.0, 0.0, 0.0, 0.0)

    def set_facecolor(self, color):
        self._face = to_rgba(_rc.rcParams["patch.facecolor"] if color is None else color)

    def get_edgecolor(self):
        return self._edge

    def set_edgecolor(self, color):
        self._edge = to_rgba(self._default_edge() if color is None else color)
        self._edge_given = color is not None

    def _default_edge(self):
        """matplotlib's rcParams patch.edgecolor for unfilled patches, those with _edge_default and all
        with patch.force_edgecolor."""
        return _rc.default_edgecolor(self._fill and not self._edge_default) or "none"

    def set_color(self, color):
        self.set_facecolor(color)
        self.set_edgecolor(color)

    def get_linewidth(self):
        return self._linewidth

    def set_linewidth(self, width):
        self._linewidth = float(_rc.rcParams["patch.linewidth"] if width is None else width)

    def get_linestyle(self):
        return self._linestyle

    def set_linestyle(self, style):
        self._linestyle = _styles.linestyle(style)

    def get_fill(self):
        return self._fill

    def set_fill(self, fill):
        self._fill = bool(fill)

    def set_hatch(self, hatch):
        self._hatch = _hatch.pattern(hatch)

    def get_hatch(self):
        return self._hatch

    def _hatch_spec(self):
        """The hatch in the edge colour when one is set or drawn by default, as matplotlib's."""
        edged = self._edge_given or self._default_edge() != "none"
        return self._hatch_style.spec(self._hatch, self._edge if edged else None, self)

    def set_transform(self, transform):
        self._affine = getattr(transform, "affine", None)  # transforms.AffineThen: outline moved first
        if self._affine is not None:
            transform = transform.then
        coords = getattr(transform, "coords", None)
        pair = coords if isinstance(coords, tuple) else (coords, coords)
        if not set(pair) <= {"data", "axes"}:
            raise NotImplementedError("patch transforms other than ax.transData, ax.transAxes and their blends "
                                      "are not supported in this sandbox")
        self._coords = pair

    set_fc, set_ec, set_lw, set_ls = set_facecolor, set_edgecolor, set_linewidth, set_linestyle

    # Geometry: subclasses give _outline() (closed polygon vertices) and _shape() (for the description).

    def _outline(self):
        return [], []  # a bare Patch: a legend proxy

    def _shape(self):
        return {"kind": self._kind}

    def _placed_outline(self):
        """The outline's (xs, ys) in the patch's coordinates (after its Affine2D, if any)."""
        xs, ys = self._outline()
        if self._affine is None:
            return xs, ys
        points = [self._affine.transform_point(p) for p in zip(xs, ys)]
        return [x for x, _ in points], [y for _, y in points]

    def get_verts(self):
        return list(zip(*self._placed_outline()))

    def _guest_limits(self):
        return True  # the host does not know which patches rescale the view

    def extent(self, name):
        xs, ys = self._placed_outline()
        index = 0 if name == "x" else 1
        return ((xs, ys)[index] if self._coords[index] == "data" else ()), ()

    def get_joinstyle(self):
        return self._joinstyle

    def set_joinstyle(self, joinstyle):
        """How the edge's segments meet: 'miter' (matplotlib's patch default), 'round' or 'bevel'."""
        self._joinstyle = _styles.joinstyle(joinstyle)

    def spec(self):
        xs, ys = self._placed_outline()
        face = self._face if self._fill else (0.0, 0.0, 0.0, 0.0)
        joins = {} if self._joinstyle == "miter" else {"joinstyle": self._joinstyle}
        return {**self._head("patch"), "x": xs, "y": ys, "coords": list(self._coords),
                "facecolor": self._color(face), "edgecolor": self._color(self._edge),
                "linewidth": self._linewidth, "linestyle": self._linestyle,
                "shape": self._shape(), "role": self._role, **joins, **_hatch_field(self._hatch_spec())}


def _hatch_field(spec):
    """The spec's optional "hatch" field."""
    return {} if spec is None else {"hatch": spec}


class Rectangle(Patch):
    """The rectangle from xy (its anchor corner) with width and height, rotated by angle degrees
    about xy."""

    _kind = "Rectangle"

    def __init__(self, xy, width, height, *, angle=0.0, rotation_point="xy", **kwargs):
        super().__init__(**kwargs)
        if rotation_point != "xy" and angle:
            raise NotImplementedError("Rectangle rotation_point other than 'xy' is not supported in this sandbox")
        self._x, self._y = (_data.scalar(v, "Rectangle xy") for v in xy)
        self._width = _data.scalar(width, "Rectangle width")
        self._height = _data.scalar(height, "Rectangle height")
        self.angle = float(angle)

    def get_x(self):
        return self._x

    def get_y(self):
        return self._y

    def get_xy(self):
        return (self._x, self._y)

    def get_width(self):
        return self._width

    def get_height(self):
        return self._height

    def set_x(self, x):
        self._x = float(x)

    def set_y(self, y):
        self._y = float(y)

    def set_xy(self, xy):
        self._x, self._y = (float(v) for v in xy)

    def set_width(self, width):
        self._width = float(width)

    def set_height(self, height):
        self._height = float(height)

    def set_bounds(self, *args):
        x, y, w, h = args[0] if len(args) == 1 else args
        self._x, self._y, self._width, self._height = float(x), float(y), float(w), float(h)

    def get_bbox(self):
        return (self._x, self._y, self._x + self._width, self._y + self._height)

    def get_center(self):
        return (self._x + self._width / 2, self._y + self._height / 2)

    def _outline(self):
        corners = [(0, 0), (self._width, 0), (self._width, self._height), (0, self._height)]
        return _placed(corners, (self._x, self._y), self.angle)

    def _shape(self):
        shape = {"kind": "Rectangle", "xy": [self._x, self._y], "width": self._width, "height": self._height}
        if self.angle:
            shape["angle"] = self.angle
        return shape


class Ellipse(Patch):
    """An ellipse centred on xy with the given width and height (diameters), rotated by angle degrees."""

    _kind = "Ellipse"

    def __init__(self, xy, width, height, *, angle=0.0, **kwargs):
        super().__init__(**kwargs)
        self._center = tuple(_data.scalar(v, "Ellipse center") for v in xy)
        self._width = _data.scalar(width, "Ellipse width")
        self._height = _data.scalar(height, "Ellipse height")
        self.angle = float(angle)

    def get_center(self):
        return self._center

    def set_center(self, xy):
        self._center = tuple(float(v) for v in xy)

    def get_vertices(self):
        """The ends of the major axis."""
        return self._axis_ends(self._width < self._height)

    def get_co_vertices(self):
        """The ends of the minor axis."""
        return self._axis_ends(self._width >= self._height)

    def _axis_ends(self, vertical):
        a, b = self._width / 2, self._height / 2
        points = [(0.0, b), (0.0, -b)] if vertical else [(a, 0.0), (-a, 0.0)]
        xs, ys = _placed(points, self._center, self.angle)
        return list(zip(xs, ys))

    def _outline(self):
        a, b = self._width / 2, self._height / 2
        points = [(a * math.cos(t), b * math.sin(t)) for t in _turn(0.0, 2 * math.pi, _CURVE_STEPS)]
        return _placed(points, self._center, self.angle)

    def _shape(self):
        return {"kind": self._kind, "center": list(self._center), "width": self._width, "height": self._height}


class Arc(Ellipse):
    """The part of an ellipse's outline from theta1 to theta2 (degrees from its width axis,
    anticlockwise, measured on the ellipse as matplotlib's Arc stretches them); never filled."""

    _kind = "Arc"

    def __init__(self, xy, width, height, *, angle=0.0, theta1=0.0, theta2=360.0, **kwargs):
        fill = kwargs.setdefault("fill", False)
        if fill:
            raise ValueError("Arc objects cannot be filled")
        super().__init__(xy, width, height, angle=angle, **kwargs)
        self.theta1, self.theta2 = float(theta1), float(theta2)

    def _etas(self):
        """The arc's ends as angles on the unit circle (matplotlib's _theta_stretch, Path.arc)."""
        theta1, theta2 = self.theta1, self.theta2
        if self._width != self._height and not (theta1 != theta2 and theta1 % 360 == theta2 % 360):
            scale = self._width / self._height

            def stretch(theta):
                t = math.radians(theta)
                return (math.degrees(math.atan2(scale * math.sin(t), math.cos(t))) + 360) % 360
            theta1, theta2 = stretch(theta1), stretch(theta2)
        eta2 = theta2 - 360 * math.floor((theta2 - theta1) / 360)
        if theta2 != theta1 and eta2 <= theta1:
            eta2 += 360
        return math.radians(theta1), math.radians(eta2)

    def _outline(self):
        a, b = self._width / 2, self._height / 2
        eta1, eta2 = self._etas()
        steps = max(2, int(_CURVE_STEPS * (eta2 - eta1) / (2 * math.pi)) + 1)
        points = [(a * math.cos(t), b * math.sin(t)) for t in _turn(eta1, eta2, steps, True)]
        return _placed(points, self._center, self.angle)

    def _shape(self):
        return {**super()._shape(), "theta1": self.theta1, "theta2": self.theta2}

    def set_fill(self, b):
        if b:
            raise ValueError("Arc objects cannot be filled")

    def extent(self, name):
        """As matplotlib's _update_patch_limits: the ends and the axis-aligned extrema of the
        Bézier curves of Path.arc, found on the unit circle and then placed."""
        import numpy as np

        if self._affine is not None:
            return super().extent(name)
        eta1, eta2 = self._etas()
        n = int(2 ** np.ceil((eta2 - eta1) / (np.pi / 2)))
        deta = (eta2 - eta1) / n
        t = np.tan(0.5 * deta)
        alpha = np.sin(deta) * (np.sqrt(4.0 + 3.0 * t * t) - 1) / 3.0
        steps = np.linspace(eta1, eta2, n + 1, True)
        ax, ay = np.cos(steps[:-1]), np.sin(steps[:-1])
        bx, by = np.cos(steps[1:]), np.sin(steps[1:])
        points = []
        for p0, p3, d0, d3 in zip(zip(ax, ay), zip(bx, by), zip(-ay, ax), zip(-by, bx)):
            p0, p3 = np.array(p0), np.array(p3)
            p1, p2 = p0 + alpha * np.array(d0), p3 - alpha * np.array(d3)
            # the derivative's roots per axis: 3[(p1-p0)(1-t)^2 + 2(p2-p1)t(1-t) + (p3-p2)t^2]
            ts = [0.0, 1.0]
            for dim in range(2):
                c0, c1, c2 = p1[dim] - p0[dim], p2[dim] - p1[dim], p3[dim] - p2[dim]
                roots = np.roots([c0 - 2 * c1 + c2, 2 * (c1 - c0), c0])
                ts += [float(r.real) for r in roots if np.isreal(r) and 0 <= r.real <= 1]
            for u in ts:
                points.append(p0 * (1 - u) ** 3 + 3 * p1 * u * (1 - u) ** 2 + 3 * p2 * u * u * (1 - u) + p3 * u ** 3)
        xs, ys = _placed([(x * self._width / 2, y * self._height / 2) for x, y in points], self._center,
                         self.angle)
        index = 0 if name == "x" else 1
        return ((xs, ys)[index] if self._coords[index] == "data" else ()), ()

    def spec(self):
        return {**super().spec(), "open_rings": [0]}


class Circle(Ellipse):
    """A circle of radius (data units) centred on xy."""

    _kind = "Circle"

    def __init__(self, xy, radius=5, **kwargs):
        super().__init__(xy, 2 * radius, 2 * radius, **kwargs)
        self.radius = float(radius)

    def get_radius(self):
        return self.radius

    def set_radius(self, radius):
        self.radius = float(radius)
        self._width = self._height = 2 * self.radius

    def _shape(self):
        return {"kind": "Circle", "center": list(self._center), "radius": self.radius}


class Polygon(Patch):
    """The polygon through the vertices xy (an N x 2 sequence)."""

    _kind = "Polygon"

    def __init__(self, xy, *, closed=True, **kwargs):
        super().__init__(**kwargs)
        if not closed:
            raise NotImplementedError("open polygons (closed=False) are not supported in this sandbox; "
                                      "use plot() for a polyline")
        self.set_xy(xy)

    def get_xy(self):
        return [list(p) for p in self._xy]

    def set_xy(self, xy):
        rows = _data.items(xy)
        self._xy = [(_data.scalar(x, "a polygon vertex"), _data.scalar(y, "a polygon vertex"))
                    for x, y in (_data.items(row) for row in rows)]

    def _outline(self):
        return [x for x, _ in self._xy], [y for _, y in self._xy]

    def _shape(self):
        return {"kind": "Polygon", "xy": [list(p) for p in self._xy]}


class PathPatch(Patch):
    """The shape of a matplotlib.path.Path (curves flattened).  Several subpaths (one per
    MOVETO) are filled together by the nonzero winding rule, as matplotlib's Agg (a hole runs
    the other way round); a subpath without CLOSEPOLY is filled closed and stroked open."""

    _kind = "PathPatch"
    _edge_default = True

    def __init__(self, path, **kwargs):
        super().__init__(**kwargs)
        self.set_path(path)

    def get_path(self):
        return self._path

    def set_path(self, path):
        from .path import Path

        if not isinstance(path, Path):
            raise TypeError(f"PathPatch needs a matplotlib.path.Path, not {type(path).__name__}")
        self._path = path
        self._parts = path.subpaths()

    def _outline(self):
        return ([x for xs, _, _ in self._parts for x in xs], [y for _, ys, _ in self._parts for y in ys])

    def spec(self):
        starts, count = [], 0
        for xs, _, _ in self._parts:
            starts.append(count)
            count += len(xs)
        return {**super().spec(), "starts": starts[1:],
                "open_rings": [i for i, (_, _, closed) in enumerate(self._parts) if not closed]}


class RegularPolygon(Patch):
    """A regular polygon of numVertices corners on a circle of radius about xy; orientation
    (radians) turns it."""

    _kind = "RegularPolygon"

    def __init__(self, xy, numVertices, *, radius=5, orientation=0, **kwargs):
        super().__init__(**kwargs)
        self.xy = tuple(float(v) for v in xy)
        self.numvertices, self.radius, self.orientation = int(numVertices), float(radius), float(orientation)

    def _outline(self):
        n = self.numvertices
        angles = [self.orientation + math.pi / 2 + 2 * math.pi * i / n for i in range(n)]
        return ([self.xy[0] + self.radius * math.cos(a) for a in angles],
                [self.xy[1] + self.radius * math.sin(a) for a in angles])

    def _shape(self):
        return {"kind": self._kind, "xy": list(self.xy), "numVertices": self.numvertices, "radius": self.radius}


class Wedge(Patch):
    """The slice of the circle of radius r about center from theta1 to theta2 (degrees,
    anticlockwise); with width, a ring segment of that thickness."""

    _kind = "Wedge"

    def __init__(self, center, r, theta1, theta2, *, width=None, **kwargs):
        super().__init__(**kwargs)
        self.center = tuple(float(v) for v in center)
        self.r, self.theta1, self.theta2 = float(r), float(theta1), float(theta2)
        self.width = None if width is None else float(width)

    def _outline(self):
        t1, t2 = math.radians(self.theta1), math.radians(self.theta2)
        if t2 < t1:
            t2 += 2 * math.pi * math.ceil((t1 - t2) / (2 * math.pi))
        steps = max(2, int(_CURVE_STEPS * (t2 - t1) / (2 * math.pi)) + 1)
        cx, cy = self.center
        outer = [(cx + self.r * math.cos(t), cy + self.r * math.sin(t)) for t in _turn(t1, t2, steps, True)]
        if self.width is None:
            inner = [(cx, cy)]
        else:
            radius = self.r - self.width
            inner = [(cx + radius * math.cos(t), cy + radius * math.sin(t))
                     for t in reversed(_turn(t1, t2, steps, True))]
        points = outer + inner
        return [x for x, _ in points], [y for _, y in points]

    def _shape(self):
        shape = {"kind": "Wedge", "center": list(self.center), "r": self.r, "theta1": self.theta1,
                 "theta2": self.theta2}
        if self.width is not None:
            shape["width"] = self.width
        return shape


class BoxStyle:
    """Box styles by name: "square" and "round", with pad and rounding_size."""

    def __init__(self, stylename, **kwargs):
        name, options = _parse_boxstyle(stylename)
        options.update(kwargs)
        self.name, self.pad, self.rounding_size = name, float(options.get("pad", 0.3)), options.get("rounding_size")

    @classmethod
    def Round(cls, pad=0.3, rounding_size=None):
        return cls("round", pad=pad, rounding_size=rounding_size)

    @classmethod
    def Square(cls, pad=0.3):
        return cls("square", pad=pad)


class FancyBboxPatch(Patch):
    """A box around (x, y, width, height) grown by the boxstyle's pad, with square or round
    corners (matplotlib's boxstyle "square" / "round", sizes times mutation_scale)."""

    _kind = "FancyBboxPatch"
    _edge_default = True

    def __init__(self, xy, width, height, boxstyle="round", *, mutation_scale=1, mutation_aspect=1, **kwargs):
        super().__init__(**kwargs)
        if mutation_aspect != 1:
            raise NotImplementedError("FancyBboxPatch mutation_aspect is not supported in this sandbox")
        self._x, self._y = (float(v) for v in xy)
        self._width, self._height = float(width), float(height)
        self._scale = float(mutation_scale)
        self.set_boxstyle(boxstyle)

    def set_boxstyle(self, boxstyle=None, **kwargs):
        self._style = boxstyle if isinstance(boxstyle, BoxStyle) else BoxStyle(boxstyle or "round", **kwargs)

    def get_x(self):
        return self._x

    def get_y(self):
        return self._y

    def get_width(self):
        return self._width

    def get_height(self):
        return self._height

    def _outline(self):
        style = self._style
        pad = style.pad * self._scale
        x0, y0 = self._x - pad, self._y - pad
        x1, y1 = self._x + self._width + pad, self._y + self._height + pad
        if style.name == "square":
            return [x0, x1, x1, x0], [y0, y0, y1, y1]
        radius = (pad if style.rounding_size is None else float(style.rounding_size) * self._scale)
        radius = min(radius, (x1 - x0) / 2, (y1 - y0) / 2)
        corners = [((x1 - radius, y0 + radius), -math.pi / 2), ((x1 - radius, y1 - radius), 0.0),
                   ((x0 + radius, y1 - radius), math.pi / 2), ((x0 + radius, y0 + radius), math.pi)]
        xs, ys = [], []
        for (cx, cy), start in corners:
            for t in _turn(start, start + math.pi / 2, _CURVE_STEPS // 4, True):
                xs.append(cx + radius * math.cos(t))
                ys.append(cy + radius * math.sin(t))
        return xs, ys

    def _shape(self):
        return {"kind": "FancyBboxPatch", "xy": [self._x, self._y], "width": self._width,
                "height": self._height, "boxstyle": self._style.name, "pad": self._style.pad}


def _parse_boxstyle(text):
    """("square" | "round", options) from a boxstyle string such as "round,pad=0.2"."""
    name, *parts = [p.strip() for p in str(text).split(",")]
    name = name.lower()
    if name not in ("square", "round"):
        raise NotImplementedError(f"boxstyle {name!r} is not supported in this sandbox; use 'square' or 'round'")
    options = {}
    for part in parts:
        key, _, value = part.partition("=")
        if key.strip() not in ("pad", "rounding_size"):
            raise ValueError(f"boxstyle {name!r} has no option {key.strip()!r}")
        options[key.strip()] = float(value)
    return name, options


def _turn(start, end, steps, inclusive=False):
    """steps evenly spaced angles from start towards end (end included when inclusive)."""
    count = steps + 1 if inclusive else steps
    return [start + (end - start) * i / steps for i in range(count)]


def _placed(points, origin, angle):
    """points (relative to origin) rotated by angle degrees and moved to origin, as (xs, ys)."""
    ox, oy = origin
    if angle:
        c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        points = [(x * c - y * s, x * s + y * c) for x, y in points]
    return [ox + x for x, _ in points], [oy + y for _, y in points]


from ._arrows import Arrow, FancyArrow  # noqa: E402  (they build on Polygon)
from ._stairs import StepPatch  # noqa: E402,F401  (a PathPatch)
from ._arrow_styles import ArrowStyle, ConnectionStyle  # noqa: E402,F401
from ._fancy_arrow import ConnectionPatch, FancyArrowPatch  # noqa: E402,F401  (Patches)
