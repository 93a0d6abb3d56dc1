"""An Axes' titles: the centre one and matplotlib's left and right ones (set_title(loc=...)),
sharing one height (rcParams axes.titley / axes.titlepad, or set_title's y and pad)."""

from . import _rc, _text
from ._text import Text


class TitleMethods:
    """set_title() and get_title() of AxesBase."""

    def _reset_titles(self):
        self.title = Text(0.5, 1.0, "", **_title_style())
        self._side_titles = {loc: Text(x, 1.0, "", ha=loc, **_title_style())
                             for loc, x in (("left", 0.0), ("right", 1.0))}
        self._title_place()

    def set_title(self, label, fontdict=None, loc=None, pad=None, *, y=None, **kwargs):
        """The centre, left or right title; the three share one height (y, pad), as matplotlib
        places them unless a side title gets its own y."""
        loc = _rc.rcParams["axes.titlelocation"] if loc is None else loc
        if loc not in ("center", "left", "right"):
            raise ValueError(f"{loc!r} is not a valid value for loc; supported values are 'left', 'center', "
                             "'right'")
        if loc != "center" and y is not None and float(y) != self._title_y:
            raise NotImplementedError("set_title(loc='left'/'right', y=...) is not supported in this sandbox "
                                      "(the three titles share one height)")
        options = {**_title_style(), **_text.properties(kwargs, fontdict)}
        title = Text({"left": 0.0, "center": 0.5, "right": 1.0}[loc], 1.0, label, **{"ha": loc, **options})
        if loc == "center":
            self.title = title
        else:
            self._side_titles[loc] = title
        self._title_place(y, pad)
        return title

    def _title_place(self, y=None, pad=None):
        """The title's height (axes fraction; None: matplotlib's automatic placement) and pad
        (points), from set_title() or rcParams axes.titley / axes.titlepad."""
        rc = _rc.rcParams
        self._title_y = rc["axes.titley"] if y is None else float(y)
        self._title_pad = float(rc["axes.titlepad"] if pad is None else pad)

    def get_title(self, loc="center"):
        return (self.title if loc == "center" else self._side_titles[loc]).get_text()


def _title_style():
    """A title's look from rcParams axes.title* (colour "auto": text.color)."""
    rc = _rc.rcParams
    color = rc["axes.titlecolor"]
    return {"fontsize": rc["axes.titlesize"], "fontweight": rc["axes.titleweight"],
            "color": None if color == "auto" else color}
