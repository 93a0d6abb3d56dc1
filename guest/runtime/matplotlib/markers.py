"""matplotlib.markers: MarkerStyle for the markers the host draws (docs/CHARTS.md's Marker)."""

from . import _rc, _styles

__all__ = ["MarkerStyle"]

(TICKLEFT, TICKRIGHT, TICKUP, TICKDOWN, CARETLEFT, CARETRIGHT, CARETUP, CARETDOWN, CARETLEFTBASE,
 CARETRIGHTBASE, CARETUPBASE, CARETDOWNBASE) = range(12)


class MarkerStyle:
    """A marker by its matplotlib code, (numsides, style, angle) tuple, list of vertices or Path, with
    its fillstyle; what the host cannot draw (transforms, cap and join styles) is refused."""

    markers = {".": "point", ",": "pixel", "o": "circle", "v": "triangle_down", "^": "triangle_up",
               "<": "triangle_left", ">": "triangle_right", "1": "tri_down", "2": "tri_up", "3": "tri_left",
               "4": "tri_right", "8": "octagon", "s": "square", "p": "pentagon", "*": "star", "h": "hexagon1",
               "H": "hexagon2", "+": "plus", "x": "x", "D": "diamond", "d": "thin_diamond", "|": "vline",
               "_": "hline", "P": "plus_filled", "X": "x_filled", 0: "tickleft", 1: "tickright", 2: "tickup",
               3: "tickdown", 4: "caretleft", 5: "caretright", 6: "caretup", 7: "caretdown", 8: "caretleftbase",
               9: "caretrightbase", 10: "caretupbase", 11: "caretdownbase", "None": "nothing", "none": "nothing",
               " ": "nothing", "": "nothing"}
    filled_markers = (".", "o", "v", "^", "<", ">", "8", "s", "p", "*", "h", "H", "D", "d", "P", "X")
    fillstyles = ("full", "left", "right", "bottom", "top", "none")

    def __init__(self, marker, fillstyle=None, transform=None, capstyle=None, joinstyle=None):
        for name, value in (("transform", transform), ("capstyle", capstyle), ("joinstyle", joinstyle)):
            if value is not None:
                raise NotImplementedError(f"MarkerStyle({name}=...) is not supported in this sandbox")
        if fillstyle is None:
            fillstyle = _rc.rcParams["markers.fillstyle"]
        if fillstyle not in self.fillstyles:
            raise ValueError(f"{fillstyle!r} is not a valid value for fillstyle; supported values are "
                             + ", ".join(repr(f) for f in self.fillstyles))
        self._fillstyle = fillstyle
        self._marker = marker._marker if isinstance(marker, MarkerStyle) else marker
        self._marker_spec = _styles.marker(self._marker)

    def get_marker(self):
        return self._marker

    def get_fillstyle(self):
        return self._fillstyle

    def is_filled(self):
        spec = self._marker_spec
        if self._fillstyle == "none" or (isinstance(self._marker, str) and self._marker in ("1", "2", "3", "4")):
            return False
        if spec is None or isinstance(spec, dict):
            return isinstance(spec, dict) and ("polygon" in spec or "path" in spec)  # ticks, carets: strokes
        return spec not in ("x", "+", "|", "_", ",")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"MarkerStyle.{name} is not supported in this sandbox")
