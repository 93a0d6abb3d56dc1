"""matplotlib.markers: MarkerStyle for the markers the host draws (docs/CHARTS.md's Marker)."""

from . import _rc, _styles
from ._enums import CapStyle, JoinStyle  # noqa: F401 (matplotlib.markers imports them too)

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
        if fillstyle is None:
            fillstyle = _rc.rcParams["markers.fillstyle"]
        if fillstyle not in self.fillstyles:
            raise ValueError(f"{fillstyle!r} is not a valid value for fillstyle; supported values are "
                             + ", ".join(repr(f) for f in self.fillstyles))
        self._fillstyle = fillstyle
        self._marker = marker._marker if isinstance(marker, MarkerStyle) else marker
        if transform is not None and not hasattr(transform, "get_matrix"):
            raise NotImplementedError("MarkerStyle(transform=...) other than an Affine2D is not supported in this "
                                      "sandbox")
        self._user_matrix = None if transform is None else transform.get_matrix()
        self._user_capstyle = None if capstyle is None else _styles.capstyle(capstyle)
        self._user_joinstyle = None if joinstyle is None else _styles.joinstyle(joinstyle)
        self._marker_spec = _styles.marker(self._marker)
        styled = self._styled_specs("full")
        if styled is not None and self._marker_spec is not None:
            self._marker_spec = styled[0]

    def _styled_specs(self, fillstyle):
        """(marker, alt marker) path specs of this marker at fillstyle (see _marker_paths.specs)."""
        from . import _marker_paths
        if self._marker_spec is None:
            return None
        return _marker_paths.specs(self._marker, fillstyle, self._user_matrix, self._user_capstyle,
                                   self._user_joinstyle)

    def get_transform(self):
        from .transforms import Affine2D
        return Affine2D(self._user_matrix)

    def get_capstyle(self):
        return self._user_capstyle or "butt"

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
