"""How one axis' ticks look (matplotlib's tick_params and rcParams xtick.* / ytick.*): per major
and minor ticks whether they are drawn on the near side (bottom, left) and the far one (top,
right), their colour, length and width; the direction they point, the label pad and colour, and
on which sides the major tick labels stand."""

from . import _rc
from .colors import spec_color, to_rgba

_DIRECTIONS = ("out", "in", "inout")
# tick_params keys this module applies, besides which/reset.
KEYS = frozenset(("direction", "length", "size", "width", "color", "colors", "labelcolor", "pad",
                  "bottom", "top", "left", "right", "labelbottom", "labeltop", "labelleft", "labelright"))


class TickStyle:
    """The tick style of the x or y axis of one Axes."""

    def __init__(self, name):
        self.name = name
        rc = _rc.rcParams
        near, far = ("bottom", "top") if name == "x" else ("left", "right")
        self._near, self._far = near, far
        self._marks = {}
        for which in ("major", "minor"):
            self._marks[which] = {
                "visible": bool(rc[f"{name}tick.{near}"]) and bool(rc[f"{name}tick.{which}.{near}"]),
                "far": bool(rc[f"{name}tick.{far}"]) and bool(rc[f"{name}tick.{which}.{far}"]),
                "color": to_rgba(rc[f"{name}tick.color"]),
                "length": float(rc[f"{name}tick.{which}.size"]),
                "width": float(rc[f"{name}tick.{which}.width"]),
            }
        # Where the tick labels stand, per kind (minor ones are never drawn: they only decide
        # get_ticks_position()).
        self.labels = {which: {side: bool(rc[f"{name}tick.label{side}"]) and bool(rc[f"{name}tick.{which}.{side}"])
                               for side in (near, far)} for which in ("major", "minor")}
        # The offset text ("1e6") stands on the far side (after tick_top() / tick_right()).
        self.offset_far = False
        self.direction = _direction(rc[f"{name}tick.direction"])
        self.pad = float(rc[f"{name}tick.major.pad"])
        labelcolor = rc[f"{name}tick.labelcolor"]
        self.labelcolor = to_rgba(rc[f"{name}tick.color"] if labelcolor == "inherit" else labelcolor)

    def update(self, which, params):
        """Apply the style keys of a tick_params() call (see KEYS) to the major and/or minor ticks."""
        if which not in ("major", "minor", "both"):
            raise ValueError(f"{which!r} is not a valid value for which; use 'major', 'minor' or 'both'")
        kinds = ("major", "minor") if which == "both" else (which,)
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
            if self._far in params:
                marks["far"] = bool(params[self._far])
            if color is not None:
                marks["color"] = to_rgba(color)
            if length is not None:
                marks["length"] = float(length)
            if "width" in params:
                marks["width"] = float(params["width"])
            for side in (self._near, self._far):
                if f"label{side}" in params:
                    self.labels[kind][side] = bool(params[f"label{side}"])
        if "major" in kinds:
            if "pad" in params:
                self.pad = float(params["pad"])
            labelcolor = params.get("labelcolor", params.get("colors"))
            if labelcolor is not None:
                self.labelcolor = to_rgba(labelcolor)
        elif "pad" in params or "labelcolor" in params or "colors" in params:
            raise NotImplementedError("tick_params(which='minor') pad and label colours are not supported in "
                                      "this sandbox; minor ticks have no labels here")

    def set_position(self, position):
        """Axis.set_ticks_position: 'bottom'/'left' or 'top'/'right' move ticks and labels there
        (and the offset text), 'both' and 'none' set the tick lines only, 'default' puts ticks on
        both sides and labels on the near one."""
        near, far = self._near, self._far
        if position not in (near, far, "both", "none", "default"):
            raise ValueError(f"{position!r} is not a valid value for position; supported values are "
                             f"'{near}', '{far}', 'both', 'default', 'none'")
        if position in (near, far):
            on_far = position == far
            self.update("both", {far: on_far, f"label{far}": on_far, near: not on_far, f"label{near}": not on_far})
            self.offset_far = on_far
        elif position == "default":
            self.update("both", {far: True, f"label{far}": False, near: True, f"label{near}": True})
            self.offset_far = False
        else:
            self.update("both", {far: position == "both", near: position == "both"})

    def move_to(self, side):
        """Axis.tick_top() / tick_bottom() / tick_left() / tick_right(): ticks and labels to that
        side, labels staying hidden if they were hidden on both sides."""
        shown = self.labels["major"][self._near] or self.labels["major"][self._far]
        self.set_position(side)
        self.update("both", {f"label{side}": shown})

    def get_position(self):
        """Axis.get_ticks_position(): the side ticks and labels stand on, 'default' (ticks on both,
        labels near) or 'unknown'."""
        near, far = self._near, self._far
        states = {(m["visible"], m["far"], self.labels[kind][near], self.labels[kind][far])
                  for kind, m in self._marks.items()}
        if len(states) > 1:
            return "unknown"
        return {(True, False, True, False): near, (False, True, False, True): far,
                (True, True, True, False): "default"}.get(states.pop(), "unknown")

    def hide_labels(self, side):
        """No tick labels on that side (label_outer())."""
        for labels in self.labels.values():
            labels[side] = False

    def hide_marks(self, side):
        """No tick lines on that side (label_outer(remove_inner_ticks=True))."""
        for marks in self._marks.values():
            marks["visible" if side == self._near else "far"] = False

    def spec(self, shown=True):
        """The spec's TickStyle; shown=False (Axis.set_visible(False)) draws no tick lines or
        labels.  The near labels' visibility goes to the Axes spec (hide_xticklabels)."""
        return {**{kind: {"visible": m["visible"] and shown, "far": m["far"] and shown,
                          "color": spec_color(m["color"]), "length": m["length"], "width": m["width"]}
                       for kind, m in self._marks.items()},
                "direction": self.direction, "pad": self.pad, "labelcolor": spec_color(self.labelcolor),
                "label_far": self.labels["major"][self._far] and shown, "offset_far": self.offset_far}

    def near_labels(self):
        """Whether the major tick labels stand on the near side."""
        return self.labels["major"][self._near]


def _direction(value):
    if value not in _DIRECTIONS:
        raise ValueError(f"{value!r} is not a valid value for direction; use 'out', 'in' or 'inout'")
    return value
