"""matplotlib.font_manager: FontProperties, the font of a text as one object (fontproperties=).

The host draws the DejaVu fonts only, as matplotlib's findfont on a machine with only them: the
text's family, style, weight and size are honoured (see _text.Text); a font variant (small-caps)
changes nothing drawn there, as in matplotlib, whose renderers do not synthesise small capitals.
"""

from . import _rc

_STYLES = ("normal", "italic", "oblique")
_VARIANTS = ("normal", "small-caps")


class FontProperties:
    """family, style, variant, weight, stretch and size of a font (rcParams' when None)."""

    def __init__(self, family=None, style=None, variant=None, weight=None, stretch=None, size=None,
                 fname=None, math_fontfamily=None):
        if fname is not None:
            raise NotImplementedError("FontProperties(fname=...) is not supported in this sandbox (only the "
                                      "DejaVu fonts are available)")
        if math_fontfamily is not None:
            raise NotImplementedError("FontProperties(math_fontfamily=...) is not supported in this sandbox")
        if isinstance(family, str) and any(c in family for c in ":=-") and all(
                v is None for v in (style, variant, weight, stretch, size)):
            raise NotImplementedError("fontconfig patterns in FontProperties are not supported in this sandbox")
        self.set_family(family)
        self.set_style(style)
        self.set_variant(variant)
        self.set_weight(weight)
        self.set_stretch(stretch)
        self.set_size(size)

    def set_family(self, family):
        if family is None:
            family = _rc.rcParams["font.family"]
        self._family = [family] if isinstance(family, str) else list(family)

    def get_family(self):
        return list(self._family)

    def set_style(self, style):
        self._style = _choice("style", style, _STYLES)

    def get_style(self):
        return self._style

    def set_variant(self, variant):
        self._variant = _choice("variant", variant, _VARIANTS)

    def get_variant(self):
        return self._variant

    def set_weight(self, weight):
        self._weight = _rc.rcParams["font.weight"] if weight is None else weight

    def get_weight(self):
        return self._weight

    def set_stretch(self, stretch):
        self._stretch = _rc.rcParams["font.stretch"] if stretch is None else stretch

    def get_stretch(self):
        return self._stretch

    def set_size(self, size):
        self._size = max(1.0, _rc.fontsize(_rc.rcParams["font.size"] if size is None else size))

    def get_size(self):
        return self._size

    get_size_in_points = get_size
    get_name = get_family
    set_name = set_family
    set_slant = set_style
    get_slant = get_style

    def copy(self):
        new = FontProperties.__new__(FontProperties)
        new.__dict__.update(self.__dict__)
        return new

    def _text_options(self):
        """The Text keyword arguments of this font."""
        return {"fontfamily": list(self._family), "fontstyle": self._style, "fontvariant": self._variant,
                "fontweight": self._weight, "fontstretch": self._stretch, "fontsize": self._size}


def from_any(arg):
    """A FontProperties from one, a dict of its arguments or a family name (matplotlib's _from_any)."""
    if arg is None:
        return FontProperties()
    if isinstance(arg, FontProperties):
        return arg
    if isinstance(arg, dict):
        return FontProperties(**arg)
    if isinstance(arg, str):
        return FontProperties(arg)
    raise TypeError(f"cannot make FontProperties from {arg!r}")


def _choice(name, value, allowed):
    """value (rcParams' font.<name> when None), one of allowed, as FontProperties checks it."""
    value = _rc.rcParams[f"font.{name}"] if value is None else value
    if value not in allowed:
        raise ValueError(f"{value!r} is not a valid value for {name}; supported values are "
                         f"{', '.join(map(repr, allowed))}")
    return value
