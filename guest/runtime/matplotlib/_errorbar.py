"""errorbar()'s cap lines: the caps at both ends of each bar and, for limits (lolims, uplims,
xlolims, xuplims), matplotlib's caret markers pointing past the one end drawn."""

from . import _data

# (cap marker, caret marker at a lower limit's upper end, at an upper limit's lower end) per axis,
# matplotlib's "|" / "_" and CARETRIGHTBASE, CARETLEFTBASE / CARETUPBASE, CARETDOWNBASE.
_MARKERS = {"x": ("|", 9, 8), "y": ("_", 10, 11)}


def limits(flags, n):
    """A limits flag (one bool or one per point) as n bools."""
    return [bool(v) for v in _data.broadcast(_data.items(flags), n, "limits")]


def caps(axes, name, xy, ends, lims, every, capsize, style):
    """Add and return the cap lines of the name ("x"/"y") error bars, in matplotlib's order: the
    caps of the bars without limits (low, then high), then per limit side the carets at the far
    end and, with caps, a cap at the point itself."""
    xs, ys = xy
    low, high = ends
    lolims, uplims = lims
    cap_marker, lo_marker, up_marker = _MARKERS[name]
    lines = []

    def add(points_x, points_y, marker):
        line = axes._role_line(points_x, points_y, f"errorbar {name} cap", marker=marker, **style)
        lines.append(line)

    nolims = [not (lo or up) for lo, up in zip(lolims, uplims)]
    if any(nolims) and capsize > 0:
        keep = [a and b for a, b in zip(nolims, every)]
        for end in (low, high):
            chosen = [i for i, k in enumerate(keep) if k]
            px = [end[i] if name == "x" else xs[i] for i in chosen]
            py = [ys[i] if name == "x" else end[i] for i in chosen]
            add(px, py, cap_marker)
    inverted = axes._group[name].inverted
    for index, (flags, far) in enumerate(((lolims, high), (uplims, low))):
        if not any(flags):
            continue
        marker = up_marker if inverted ^ bool(index) else lo_marker
        chosen = [i for i, (f, k) in enumerate(zip(flags, every)) if f and k]
        px, py = [xs[i] for i in chosen], [ys[i] for i in chosen]
        if name == "x":
            add([far[i] for i in chosen], py, marker)
        else:
            add(px, [far[i] for i in chosen], marker)
        if capsize > 0:
            add(px, py, cap_marker)
    return lines
