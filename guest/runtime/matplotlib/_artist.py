"""The base of everything drawn on an Axes: label, alpha, set(), and refusing unknown features."""

from ._kwargs import ALIASES
from .colors import spec_color


class Artist:
    """Something an Axes draws; subclasses give ``spec()`` (its spec dict) and ``extent()``."""

    is_container = False  # matplotlib lists containers (bar()) after the other legend handles
    _autoscale = ("x", "y")  # the axes whose view adding this artist rescales (not for add_patch())
    _zorder = None           # set by zorder= / set_zorder(); None: the kind's default
    zorder_default = 2       # matplotlib's: images 0, patches and collections 1, lines 2, text 3
    _clip_on = True          # False: drawn beyond the axes box too (set_clip_on)
    _UNCLIPPED_KINDS = ("line", "patch", "scatter", "fill", "axline", "fancy_arrow")  # the host draws these unclipped

    def _guest_limits(self):
        """True if the host cannot autoscale this artist as matplotlib does (sticky edges it does
        not know of): the guest then sends the axes' limits."""
        return False

    def __init__(self, label=None, alpha=None):
        self.axes = None
        self._label = None if label is None else str(label)
        self._alpha = alpha

    def get_label(self):
        return "" if self._label is None else self._label

    def set_label(self, label):
        self._label = None if label is None else str(label)

    def get_zorder(self):
        return self.zorder_default if self._zorder is None else self._zorder

    def set_zorder(self, level):
        self._zorder = None if level is None else float(level)

    def get_clip_on(self):
        return self._clip_on

    def set_clip_on(self, b):
        self._clip_on = bool(b)

    def set_clip_box(self, clipbox):
        """Clipping to its own axes' box (ax.bbox) is what the host does already; other boxes are refused."""
        if clipbox is None or getattr(clipbox, "axes", None) is not self.axes:
            raise NotImplementedError(f"{type(self).__name__}.set_clip_box() of anything but its own axes' bbox "
                                      "is not supported in this sandbox")

    def get_alpha(self):
        return self._alpha

    def set_alpha(self, alpha):
        self._alpha = alpha

    def set(self, **kwargs):
        """Call set_<name>(value) for each keyword, as matplotlib's Artist.set()."""
        for key, value in kwargs.items():
            getattr(self, "set_" + ALIASES.get(key, key))(value)

    def update(self, props):
        self.set(**props)

    def remove(self):
        """Take the artist off its Axes (and a container off its list of containers)."""
        self.axes._artists.remove(self)
        if self in self.axes.containers:
            self.axes.containers.remove(self)
        self.axes = None

    def legend_handles(self):
        """(artist, index) pairs this artist offers to legend()."""
        return [(self, None)]

    def extent(self, name):
        """(values, sticky edges) on axis name ("x" or "y") for autoscaling."""
        return (), ()

    def spec(self):
        """The spec dict of this artist."""
        raise NotImplementedError

    def _head(self, kind):
        label = self._label
        head = {"type": kind, "label": None if label is None or label.startswith("_") else label}
        if not self._clip_on and kind not in ("text", "annotation"):  # the host never clips text
            if kind not in self._UNCLIPPED_KINDS:
                raise NotImplementedError(f"{type(self).__name__}.set_clip_on(False) is not supported in this "
                                          "sandbox")
            head["clip_on"] = False
        return head

    def _color(self, rgba):
        return spec_color(rgba, self._alpha)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        raise NotImplementedError(f"{type(self).__name__}.{name} is not supported in this sandbox")
