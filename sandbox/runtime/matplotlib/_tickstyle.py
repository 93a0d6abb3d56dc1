"""How one axis' ticks look (matplotlib's tick_params and rcParams xtick.* / ytick.*): per major
and minor ticks whether they are drawn, their colour, length and width; the direction they point,
the label pad and the label colour.  Ticks stand on the bottom and left only: asking for ticks
on the top or right raises NotImplementedError."""

from . import _rc
from .colors import spec_color, to_rgba

_DIRECTIONS = ("out", "in", "inout")
# tick_params keys this module applies, besides which/reset.
KEYS = frozenset(("direction", "length", "size", "width", "color", "colors", "labelcolor", "pad",
                  "bottom", "top", "left", "right"))


class TickStyle:
    """The tick style of the x or y axis of one Axes."""

    def __init__(self, name):
        self.name = name
        rc = _rc.rcParams
        near, far = ("bottom", "top") if name == "x" else ("left", "right")
        self._near, self._far = near, far
        if rc[f"{name}tick.{far}"]:
            raise NotImplementedError(f"rcParams['{name}tick.{far}'] = True is not supported in this sandbox; "
                                      f"ticks are drawn on the {near} only")
        self._marks = {}
        for which in ("major", "minor"):
            self._marks[which] = {
                "visible": bool(rc[f"{name}tick.{near}"]) and bool(rc[f"{name}tick.{which}.{near}"]),
                "color": to_rgba(rc[f"{name}tick.color"]),
                "length": float(rc[f"{name}tick.{which}.size"]),
                "width": float(rc[f"{name}tick.{which}.width"]),
            }
        self.direction = _direction(rc[f"{name}tick.direction"])
        self.pad = float(rc[f"{name}tick.major.pad"])
        labelcolor = rc[f"{name}tick.labelcolor"]
        self.labelcolor = to_rgba(rc[f"{name}tick.color"] if labelcolor == "inherit" else labelcolor)

    def update(self, which, params):
        """Apply the style keys of a tick_params() call (see KEYS) to the major and/or minor ticks."""
        if which not in ("major", "minor", "both"):
            raise ValueError(f"{which!r} is not a valid value for which; use 'major', 'minor' or 'both'")
        kinds = ("major", "minor") if which == "both" else (which,)
        if params.get(self._far):
            raise NotImplementedError(f"tick_params({self._far}=True) is not supported in this sandbox; "
                                      f"{self.name} ticks are drawn on the {self._near} only")
        if "direction" in params:
            direction = _direction(params["direction"])
            if which == "minor" and direction != self.direction:
                raise NotImplementedError("tick_params(which='minor', direction=...) is not supported in this "
                                          "sandbox; major and minor ticks point the same way")
            self.direction = direction
        color = params.get("color", params.get("colors"))
        length = params.get("length", params.get("size"))
        for kind in kinds:
            marks = self._marks[kind]
            if self._near in params:
                marks["visible"] = bool(params[self._near])
            if color is not None:
                marks["color"] = to_rgba(color)
            if length is not None:
                marks["length"] = float(length)
            if "width" in params:
                marks["width"] = float(params["width"])
        if "major" in kinds:
            if "pad" in params:
                self.pad = float(params["pad"])
            labelcolor = params.get("labelcolor", params.get("colors"))
            if labelcolor is not None:
                self.labelcolor = to_rgba(labelcolor)
        elif "pad" in params or "labelcolor" in params or "colors" in params:
            raise NotImplementedError("tick_params(which='minor') pad and label colours are not supported in "
                                      "this sandbox; minor ticks have no labels here")

    def hide_marks(self):
        """No tick lines (label_outer(remove_inner_ticks=True))."""
        for marks in self._marks.values():
            marks["visible"] = False

    def spec(self, shown=True):
        """The spec's TickStyle; shown=False (Axis.set_visible(False)) draws no tick lines."""
        return {**{kind: {"visible": m["visible"] and shown, "color": spec_color(m["color"]), "length": m["length"],
                          "width": m["width"]} for kind, m in self._marks.items()},
                "direction": self.direction, "pad": self.pad, "labelcolor": spec_color(self.labelcolor)}


def _direction(value):
    if value not in _DIRECTIONS:
        raise ValueError(f"{value!r} is not a valid value for direction; use 'out', 'in' or 'inout'")
    return value
