"""The pie() artist, its wedges and its label texts."""

import math

from . import _hatch, _rc
from ._artist import Artist
from ._text import Text, host_styled
from .colors import to_rgba


class Pie(Artist):
    """A pie chart; each wedge can be a legend handle (legend entry "index").

    labels name the wedges (for legends too); show_labels says whether they are drawn.
    """

    zorder_default = 1

    def __init__(self, values, labels, colors, autotexts, *, show_labels, startangle, counterclock, explode,
                 radius, label_fontsize, width=None, edgecolor=None, linewidth=None):
        super().__init__()
        self._width = None if width is None else float(width)  # a donut's ring
        self._edgecolor = None if edgecolor is None else to_rgba(edgecolor)
        self._linewidth = float(_rc.rcParams["patch.linewidth"] if linewidth is None else linewidth)
        self._values, self._labels, self._autotexts = values, labels, autotexts
        self._show_labels = show_labels
        self._colors = [to_rgba(c) for c in colors]
        self._startangle, self._counterclock = float(startangle), bool(counterclock)
        self._explode, self._radius = explode, float(radius)
        self.label_fontsize = label_fontsize
        self.wedges = [Wedge(self, i) for i in range(len(values))]
        self._hatches, self._hatch_style = None, _hatch.Style()
        self._shadow = None  # {"ox", "oy", "shade", "edgecolor"} of shadow=
        self._distances = {}  # labeldistance and pctdistance other than 1.1 and 0.6

    def _shadow_spec(self):
        """matplotlib's Shadow of each wedge: (1 - shade) times the wedge's colour at alpha 0.5,
        outlined alike (edgecolor given: in it) as wide as the wedge's edge, moved ox, oy points."""
        shadow = self._shadow
        colors = [to_rgba(tuple((1 - shadow["shade"]) * v for v in c[:3]), 0.5) for c in self._colors]
        edge = shadow.get("edgecolor", "same")
        if edge == "same":
            edges = colors
        else:
            rgba = to_rgba(edge, 0.5)
            edges = None if rgba[3] == 0 or (isinstance(edge, str) and edge.lower() == "none") else [rgba]
        spec = {"ox": shadow["ox"], "oy": shadow["oy"], "colors": [self._color(c) for c in colors],
                "linewidth": self._linewidth}
        if edges is not None:
            spec["edgecolors"] = [self._color(c) for c in edges]
        return spec

    def legend_handles(self):
        return [(self, i) for i in range(len(self._values))]

    def spec(self):
        ring = {} if self._width is None else {"width": self._width}
        if self._edgecolor is not None:
            ring.update(edgecolor=self._color(self._edgecolor), linewidth=self._linewidth)
        return {**self._head("pie"), **ring, "values": self._values, "labels": self._labels if self._show_labels else None,
                "colors": [self._color(c) for c in self._colors], "autotexts": self._autotexts,
                "startangle": self._startangle, "counterclock": self._counterclock,
                "explode": self._explode, "radius": self._radius, "label_fontsize": self.label_fontsize,
                **self._distances, **self._extras()}

    def _extras(self):
        extras = {}
        if self._hatches is not None:
            extras["hatches"] = [self._hatch_style.spec(h, self._edgecolor, self) for h in self._hatches]
        if self._shadow is not None:
            extras["shadow"] = self._shadow_spec()
        return extras


class Wedge:
    """One wedge of a pie."""

    def __init__(self, pie, index):
        self._pie, self._i = pie, index

    def get_label(self):
        labels = self._pie._labels
        return "" if labels is None else labels[self._i]

    def _angles(self):
        """(theta1, theta2) in degrees, as matplotlib's pie() places its Wedge."""
        pie = self._pie
        total = sum(pie._values)
        start = pie._startangle / 360
        sign = 1 if pie._counterclock else -1
        before = sum(pie._values[:self._i]) / total
        a, b = start + sign * before, start + sign * (before + pie._values[self._i] / total)
        return 360 * min(a, b), 360 * max(a, b)

    @property
    def theta1(self):
        return self._angles()[0]

    @property
    def theta2(self):
        return self._angles()[1]

    @property
    def r(self):
        return self._pie._radius

    @property
    def width(self):
        return self._pie._width

    @property
    def center(self):
        theta = math.radians(sum(self._angles()) / 2)
        shift = self._pie._radius * self._pie._explode[self._i]
        return shift * math.cos(theta), shift * math.sin(theta)

    def get_facecolor(self):
        return self._pie._colors[self._i]

    def set_facecolor(self, color):
        self._pie._colors[self._i] = to_rgba(color)

    set_color = set_facecolor

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Wedge.{name} is not supported in this sandbox")


class PieText(Text):
    """A wedge label or percentage text.  Its font size (shared by the pie's texts) can change;
    its colour and weight are cosmetic and ignored; moving or rewriting it is refused."""

    def __init__(self, pie, text):
        super().__init__(0, 0, text)
        self._pie = pie

    def set_fontsize(self, size):
        self._pie.label_fontsize = _rc.fontsize(size)

    set_size = set_fontsize

    def _ignore(self, *args, **kwargs):
        """Accepted: pie texts are drawn in the host's style."""

    def _refuse(self, *args, **kwargs):
        raise NotImplementedError("moving, rotating or rewriting pie texts is not supported in this sandbox")

    set_color = set_fontweight = set_weight = set_alpha = _ignore
    set_rotation = set_text = set_position = set_x = set_y = _refuse
    set_horizontalalignment = set_verticalalignment = set_ha = set_va = _refuse

    set_fontfamily = set_family = set_fontname = set_fontstyle = set_style = set_linespacing = \
        set_bbox = set_wrap = set_rotation_mode = host_styled("pie texts")
