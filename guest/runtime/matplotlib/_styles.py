"""Line styles, markers, format strings ("r--o") and font weights."""

import math
import re

from .colors import BASE_COLORS, to_rgba

LINESTYLES = {"-": "-", "solid": "-", "--": "--", "dashed": "--", ":": ":", "dotted": ":",
              "-.": "-.", "dashdot": "-.", "None": "none", "none": "none", " ": "none", "": "none"}
MARKERS = frozenset("os^v<>Dd" "x+*.,ph|_" "XP")  # what the host draws
_PATH_MARKERS = frozenset(("1", "2", "3", "4", "8", "H"))  # sent as outlines (_marker_paths)
_NO_MARKER = (None, "None", "none", "", " ")
# matplotlib's TICKLEFT .. CARETDOWNBASE (0 .. 11): open strokes the host draws.
_DIRECTIONS = ("left", "right", "up", "down")
CODE_MARKERS = {**{i: {"tick": d} for i, d in enumerate(_DIRECTIONS)},
                **{4 + i: {"caret": {"towards": d, "base": False}} for i, d in enumerate(_DIRECTIONS)},
                **{8 + i: {"caret": {"towards": d, "base": True}} for i, d in enumerate(_DIRECTIONS)}}
_BOLD = frozenset(("bold", "heavy", "extra bold", "black", "semibold", "demibold", "demi"))
_CN = re.compile(r"C\d+")
_SHORTEST_DASH_PERIOD = 0.1  # points: a dash pattern's shortest repeat the host draws


_CAPSTYLES = ("butt", "projecting", "round")
_JOINSTYLES = ("miter", "round", "bevel")


def capstyle(value):
    """A cap style's name, from a name or a matplotlib._enums.CapStyle."""
    return _style_name(value, "CapStyle", _CAPSTYLES)


def joinstyle(value):
    """A join style's name, from a name or a matplotlib._enums.JoinStyle."""
    return _style_name(value, "JoinStyle", _JOINSTYLES)


def _style_name(value, kind, names):
    name = getattr(value, "value", value)
    if not isinstance(name, str) or name.lower() not in names:
        raise ValueError(f"{value!r} is not a valid value for {kind}; supported values are "
                         + ", ".join(repr(c) for c in names))
    return name.lower()


def linestyle(value):
    """The spec's linestyle for a matplotlib one ("dashed", "--", "None"...)."""
    if isinstance(value, str) and value in LINESTYLES:
        return LINESTYLES[value]
    if isinstance(value, tuple) and len(value) == 2:
        return dash_pattern(*value)
    raise ValueError(f"{value!r} is not a valid value for linestyle; supported values are "
                     "'-', '--', '-.', ':', 'None', 'solid', 'dashed', 'dashdot', 'dotted'")


def dash_pattern(offset, dashes):
    """The spec's custom linestyle for matplotlib's (offset, (on, off, ...)) in points."""
    if hasattr(dashes, "tolist"):
        dashes = dashes.tolist()
    if offset is None or not isinstance(dashes, (list, tuple)) or not dashes:
        raise ValueError(f"Unrecognized linestyle: {(offset, dashes)!r}")
    pattern = [float(d) for d in dashes]
    if any(not (d >= 0 and math.isfinite(d)) for d in pattern) or not math.isfinite(float(offset)):
        raise ValueError("All values in the dash list must be non-negative")
    if sum(pattern) == 0:
        raise ValueError("At least one value in the dash list must be positive")
    if sum(pattern) < _SHORTEST_DASH_PERIOD:
        raise NotImplementedError(f"dash patterns shorter than {_SHORTEST_DASH_PERIOD} points in all are not "
                                  "supported in this sandbox")
    return {"dashes": {"offset": float(offset) % sum(pattern), "pattern": pattern}}


def marker(value):
    """The spec's marker (None for no marker) for a matplotlib one."""
    value = getattr(value, "_marker_spec", value)  # a MarkerStyle
    if isinstance(value, dict):
        return value
    if isinstance(value, tuple) and len(value) in (2, 3):
        return _tuple_marker(value)
    if not isinstance(value, (str, bool)) and hasattr(value, "__index__"):  # 0..11, numpy integers too
        if int(value) in CODE_MARKERS:
            return CODE_MARKERS[int(value)]
        raise ValueError(f"Unrecognized marker style {value!r}")
    if isinstance(value, list) or hasattr(value, "vertices") or (hasattr(value, "ndim") and value.ndim == 2):
        from . import _marker_paths
        return _marker_paths.custom(value)
    if value in _NO_MARKER:
        return None
    if isinstance(value, str) and value in MARKERS:
        return value
    if isinstance(value, str) and value in _PATH_MARKERS:
        from . import _marker_paths
        return _marker_paths.named(value)
    if isinstance(value, str) and len(value) >= 2 and value.startswith("$") and value.endswith("$"):
        raise NotImplementedError(f"mathtext markers ({value!r}) are not supported in this sandbox")
    raise ValueError(f"Unrecognized marker style {value!r}")


def _tuple_marker(value):
    """matplotlib's (numsides, style, angle) marker: style 0 a regular polygon, 1 a star."""
    sides, style, angle = (*value, 0) if len(value) == 2 else value
    if style == 2:
        raise NotImplementedError("asterisk markers (numsides, 2, angle) are not supported in this sandbox")
    if style not in (0, 1) or not isinstance(sides, int) or not 3 <= sides <= 64:
        raise ValueError(f"Unrecognized marker style {value!r}")
    return {"polygon": {"sides": sides, "star": style == 1, "angle": float(angle)}}


def parse_fmt(fmt):
    """(linestyle, marker, color) of a plot() format string, like matplotlib.

    linestyle is "-" when the format has neither a line style nor a marker,
    "none" when it has only a marker; marker and color are None when absent.
    """
    if _is_color(fmt) and not fmt.isdigit():
        return "-", None, fmt
    style = mark = color = None
    i = 0
    while i < len(fmt):
        two, one = fmt[i:i + 2], fmt[i]
        if two in ("--", "-."):
            style, size = _only(style, two, fmt, "two linestyle symbols"), 2
        elif one in ("-", ":"):
            style, size = _only(style, one, fmt, "two linestyle symbols"), 1
        elif one in MARKERS or one in _PATH_MARKERS:
            mark, size = _only(mark, one if one in _PATH_MARKERS else marker(one), fmt, "two marker symbols"), 1
        elif one in BASE_COLORS:
            color, size = _only(color, one, fmt, "two color symbols"), 1
        elif one == "C":
            match = _CN.match(fmt, i)
            if not match:
                raise ValueError(f"{fmt!r} is not a valid format string ('C' must be followed by a number)")
            color, size = _only(color, match.group(), fmt, "two color symbols"), len(match.group())
        else:
            raise ValueError(f"{fmt!r} is not a valid format string (unrecognized character {one!r})")
        i += size
    if style is None:
        style = "-" if mark is None else "none"
    return style, mark, color


def _only(current, new, fmt, problem):
    if current is not None:
        raise ValueError(f"{fmt!r} is not a valid format string ({problem})")
    return new


def _is_color(text):
    try:
        to_rgba(text)
    except ValueError:
        return False
    return True


def weight(value):
    """The spec's "normal" or "bold" for a matplotlib font weight (name or 100..900)."""
    if isinstance(value, str):
        return "bold" if value.lower() in _BOLD else "normal"
    return "bold" if value >= 600 else "normal"
