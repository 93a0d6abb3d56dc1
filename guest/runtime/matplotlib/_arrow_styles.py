"""matplotlib.patches.ArrowStyle and ConnectionStyle: the styles by name with matplotlib's
parameters and defaults. The host draws them (src/charts/arrows): each style gives its spec."""

import inspect
import textwrap


class _Style:
    """A container of styles: ``Style("name, key=value", **kwargs)`` makes the named style, as
    matplotlib's _Style."""

    _style_list = {}

    def __new__(cls, stylename, **kwargs):
        parts = stylename.replace(" ", "").split(",")
        name = parts[0].lower()
        try:
            style = cls._style_list[name]
        except KeyError as err:
            raise ValueError(f"Unknown style: {stylename!r}") from err
        try:
            args = {k: float(v) for k, v in (part.split("=") for part in parts[1:])}
        except ValueError as err:
            raise ValueError(f"Incorrect style argument: {stylename!r}") from err
        return style(**{**args, **kwargs})

    @classmethod
    def get_styles(cls):
        """The styles by name."""
        return cls._style_list

    @classmethod
    def pprint_styles(cls):
        """The styles as a reST table, as matplotlib's."""
        table = [("Class", "Name", "Parameters"),
                 *[(cls.__name__, f"``{name}``", str(inspect.signature(style))[1:-1] or "None")
                   for name, style in cls._style_list.items()]]
        widths = [max(len(cell) for cell in column) for column in zip(*table)]
        rule = "  ".join("=" * w for w in widths)
        rows = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in table]
        return textwrap.indent("\n".join(["", rule, rows[0], rule, *rows[1:], rule]), prefix=" " * 4)


def _number(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise TypeError(f"{name} must be a number, not {value!r}") from None
    return float(value)


def _optional(value, name):
    return None if value is None else _number(value, name)


class ConnectionStyle(_Style):
    """How an arrow's path goes from A to B: arc3, angle3, angle, arc, bar."""

    _style_list = {}

    class _Base:
        def __repr__(self):
            return f"<matplotlib.patches.ConnectionStyle.{type(self).__name__} object>"

    class Arc3(_Base):
        """A quadratic Bézier whose control point is rad times the distance off the middle."""

        def __init__(self, rad=0.):
            self.rad = rad

        def _spec(self):
            return {"name": "arc3", "rad": _number(self.rad, "rad")}

    class Angle3(_Base):
        """A quadratic Bézier through the crossing of lines at angleA from A and angleB from B."""

        def __init__(self, angleA=90, angleB=0):
            self.angleA, self.angleB = angleA, angleB

        def _spec(self):
            _check_crossing(self.angleA, self.angleB)
            return {"name": "angle3", "angle_a": _number(self.angleA, "angleA"),
                    "angle_b": _number(self.angleB, "angleB")}

    class Angle(_Base):
        """Straight to the crossing of lines at angleA and angleB, corner rounded by rad."""

        def __init__(self, angleA=90, angleB=0, rad=0.):
            self.angleA, self.angleB, self.rad = angleA, angleB, rad

        def _spec(self):
            _check_crossing(self.angleA, self.angleB)
            return {"name": "angle", "angle_a": _number(self.angleA, "angleA"),
                    "angle_b": _number(self.angleB, "angleB"), "rad": _number(self.rad, "rad")}

    class Arc(_Base):
        """Arms armA and armB long at angleA and angleB, joined; corners rounded by rad."""

        def __init__(self, angleA=0, angleB=0, armA=None, armB=None, rad=0.):
            self.angleA, self.angleB, self.armA, self.armB, self.rad = angleA, angleB, armA, armB, rad

        def _spec(self):
            return {"name": "arc", "angle_a": _number(self.angleA, "angleA"),
                    "angle_b": _number(self.angleB, "angleB"), "arm_a": _optional(self.armA, "armA"),
                    "arm_b": _optional(self.armB, "armB"), "rad": _number(self.rad, "rad")}

    class Bar(_Base):
        """Out from A and B at right angles and across, armA/armB plus fraction of AB long."""

        def __init__(self, armA=0., armB=0., fraction=0.3, angle=None):
            self.armA, self.armB, self.fraction, self.angle = armA, armB, fraction, angle

        def _spec(self):
            return {"name": "bar", "arm_a": _number(self.armA, "armA"), "arm_b": _number(self.armB, "armB"),
                    "fraction": _number(self.fraction, "fraction"), "angle": _optional(self.angle, "angle")}


def _check_crossing(angle_a, angle_b):
    """matplotlib raises at drawing when the two lines are parallel."""
    if (float(angle_a) - float(angle_b)) % 180 == 0:
        raise ValueError("Given lines do not intersect. Please verify that the angles are not equal or differ "
                         "by 180 degrees.")


ConnectionStyle._style_list.update(arc3=ConnectionStyle.Arc3, angle3=ConnectionStyle.Angle3,
                                   angle=ConnectionStyle.Angle, arc=ConnectionStyle.Arc, bar=ConnectionStyle.Bar)


class ArrowStyle(_Style):
    """What is drawn along the path: lines with heads or brackets ("->", "-|>", "]-[", ...) or a
    closed shape ("simple", "fancy", "wedge"); sizes are fractions of the mutation scale."""

    _style_list = {}

    class _Base:
        _quadratic = False  # only along a quadratic Bézier (arc3 and angle3 connections)

        def __repr__(self):
            return f"<matplotlib.patches.ArrowStyle.{type(self).__name__} object>"

    class _Curve(_Base):
        arrow = "-"

        def __init__(self, head_length=.4, head_width=.2, widthA=1., widthB=1., lengthA=0.2, lengthB=0.2,
                     angleA=0, angleB=0, scaleA=None, scaleB=None):
            self.head_length, self.head_width = head_length, head_width
            self.widthA, self.widthB = widthA, widthB
            self.lengthA, self.lengthB = lengthA, lengthB
            self.angleA, self.angleB = angleA, angleB
            self.scaleA, self.scaleB = scaleA, scaleB

        def _spec(self):
            begin, end = self.arrow.split("-", 1)
            ends = {"": "none", "<": "head", "<|": "filled", ">": "head", "|>": "filled", "]": "bracket",
                    "[": "bracket", "|": "bracket"}
            numbers = {key: _number(getattr(self, attr), attr) for key, attr in (
                ("head_length", "head_length"), ("head_width", "head_width"), ("width_a", "widthA"),
                ("width_b", "widthB"), ("length_a", "lengthA"), ("length_b", "lengthB"))}
            # matplotlib turns a bracket only for a true angle (None: not turned).
            angles = {"angle_a": _number(self.angleA or 0, "angleA"), "angle_b": _number(self.angleB or 0, "angleB")}
            return {"name": "curve", "begin": ends[begin], "end": ends[end], **numbers, **angles,
                    "scale_a": _optional(self.scaleA, "scaleA"), "scale_b": _optional(self.scaleB, "scaleB")}

    class Curve(_Curve):
        """A simple curve without any arrow head."""

        def __init__(self):
            super().__init__(head_length=.2, head_width=.1)

    class CurveA(_Curve):
        """An arrow with a head at its start point."""
        arrow = "<-"

    class CurveB(_Curve):
        """An arrow with a head at its end point."""
        arrow = "->"

    class CurveAB(_Curve):
        """An arrow with heads both at the start and the end point."""
        arrow = "<->"

    class CurveFilledA(_Curve):
        """An arrow with filled triangle head at the start."""
        arrow = "<|-"

    class CurveFilledB(_Curve):
        """An arrow with filled triangle head at the end."""
        arrow = "-|>"

    class CurveFilledAB(_Curve):
        """An arrow with filled triangle heads at both ends."""
        arrow = "<|-|>"

    class BracketA(_Curve):
        """An arrow with an outward square bracket at its start."""
        arrow = "]-"

        def __init__(self, widthA=1., lengthA=0.2, angleA=0):
            super().__init__(widthA=widthA, lengthA=lengthA, angleA=angleA)

    class BracketB(_Curve):
        """An arrow with an outward square bracket at its end."""
        arrow = "-["

        def __init__(self, widthB=1., lengthB=0.2, angleB=0):
            super().__init__(widthB=widthB, lengthB=lengthB, angleB=angleB)

    class BracketAB(_Curve):
        """An arrow with outward square brackets at both ends."""
        arrow = "]-["

        def __init__(self, widthA=1., lengthA=0.2, angleA=0, widthB=1., lengthB=0.2, angleB=0):
            super().__init__(widthA=widthA, lengthA=lengthA, angleA=angleA, widthB=widthB, lengthB=lengthB,
                             angleB=angleB)

    class BarAB(_Curve):
        """An arrow with vertical bars ``|`` at both ends."""
        arrow = "|-|"

        def __init__(self, widthA=1., angleA=0, widthB=1., angleB=0):
            super().__init__(widthA=widthA, lengthA=0, angleA=angleA, widthB=widthB, lengthB=0, angleB=angleB)

    class BracketCurve(_Curve):
        """An arrow with an outward square bracket at its start and a head at the end."""
        arrow = "]->"

        def __init__(self, widthA=1., lengthA=0.2, angleA=None):
            super().__init__(widthA=widthA, lengthA=lengthA, angleA=angleA)

    class CurveBracket(_Curve):
        """An arrow with an outward square bracket at its end and a head at the start."""
        arrow = "<-["

        def __init__(self, widthB=1., lengthB=0.2, angleB=None):
            super().__init__(widthB=widthB, lengthB=lengthB, angleB=angleB)

    class Simple(_Base):
        """A simple arrow. Only works with a quadratic Bézier curve."""
        _quadratic = True

        def __init__(self, head_length=.5, head_width=.5, tail_width=.2):
            self.head_length, self.head_width, self.tail_width = head_length, head_width, tail_width

        def _spec(self):
            return {"name": "simple", **{k: _number(getattr(self, k), k)
                                         for k in ("head_length", "head_width", "tail_width")}}

    class Fancy(_Base):
        """A fancy arrow. Only works with a quadratic Bézier curve."""
        _quadratic = True

        def __init__(self, head_length=.4, head_width=.4, tail_width=.4):
            self.head_length, self.head_width, self.tail_width = head_length, head_width, tail_width

        def _spec(self):
            return {"name": "fancy", **{k: _number(getattr(self, k), k)
                                        for k in ("head_length", "head_width", "tail_width")}}

    class Wedge(_Base):
        """A wedge from tail_width wide at the start to a point at the end. Only works with a
        quadratic Bézier curve."""
        _quadratic = True

        def __init__(self, tail_width=.3, shrink_factor=0.5):
            self.tail_width, self.shrink_factor = tail_width, shrink_factor

        def _spec(self):
            return {"name": "wedge", "tail_width": _number(self.tail_width, "tail_width"),
                    "shrink_factor": _number(self.shrink_factor, "shrink_factor")}


ArrowStyle._style_list.update({
    "-": ArrowStyle.Curve, "<-": ArrowStyle.CurveA, "->": ArrowStyle.CurveB, "<->": ArrowStyle.CurveAB,
    "<|-": ArrowStyle.CurveFilledA, "-|>": ArrowStyle.CurveFilledB, "<|-|>": ArrowStyle.CurveFilledAB,
    "]-": ArrowStyle.BracketA, "-[": ArrowStyle.BracketB, "]-[": ArrowStyle.BracketAB, "|-|": ArrowStyle.BarAB,
    "]->": ArrowStyle.BracketCurve, "<-[": ArrowStyle.CurveBracket, "simple": ArrowStyle.Simple,
    "fancy": ArrowStyle.Fancy, "wedge": ArrowStyle.Wedge,
})


def arrow_style(style, **kwargs):
    """An ArrowStyle from a name string or a style object (kwargs only with a name)."""
    if isinstance(style, str):
        return ArrowStyle(style, **kwargs)
    if not isinstance(style, ArrowStyle._Base):
        raise NotImplementedError(f"arrowstyle {style!r} (a custom arrow style) is not supported in this sandbox")
    return style


def connection_style(style, **kwargs):
    """A ConnectionStyle from a name string or a style object."""
    if isinstance(style, str):
        return ConnectionStyle(style, **kwargs)
    if not isinstance(style, ConnectionStyle._Base):
        raise NotImplementedError(f"connectionstyle {style!r} (a custom connection style) is not supported in "
                                  "this sandbox")
    return style


def check_pair(arrow, connection):
    """matplotlib's simple, fancy and wedge arrows need a quadratic Bézier path."""
    if arrow._quadratic and not isinstance(connection, (ConnectionStyle.Arc3, ConnectionStyle.Angle3)):
        raise ValueError("'path' is not a valid quadratic Bezier curve")
