"""Hatches (hatch=): matplotlib's patterns, drawn by the host over the fill in the edge colour
when one is set, else rcParams hatch.color, with rcParams hatch.linewidth (docs/CHARTS.md)."""

from . import _rc
from .colors import spec_color, to_rgba

_VALID = frozenset("-+|/\\xXoO.*")


def pattern(value):
    """A hatch pattern (None or "" for none), checked as the host draws it."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"hatch must be a string, not {value!r}")
    invalid = set(value) - _VALID
    if invalid:
        raise ValueError(f'hatch must consist of a string of "{"".join(sorted(_VALID))}" or None, but found '
                         f'the following invalid values "{"".join(sorted(invalid))}"')
    return value


def patterns(value, n):
    """n bars' patterns from one pattern or a list of them (cycled, as bar() does)."""
    if value is None or isinstance(value, str):
        return [pattern(value)] * n
    items = [pattern(v) for v in value]
    return [items[i % len(items)] for i in range(n)] if items else [None] * n


class Style:
    """rcParams hatch.color and hatch.linewidth when the artist was made, as matplotlib keeps them."""

    def __init__(self):
        self.color = to_rgba(_rc.rcParams["hatch.color"])
        self.linewidth = float(_rc.rcParams["hatch.linewidth"])

    def spec(self, pattern, edge, artist):
        """The spec's hatch for pattern, coloured as the edge (an RGBA, or None for rcParams')."""
        if pattern is None:
            return None
        color = spec_color(self.color) if edge is None else artist._color(edge)
        return {"pattern": pattern, "color": color, "linewidth": self.linewidth}
