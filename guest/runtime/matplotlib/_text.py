"""Text artists: titles and labels, text() and annotate()."""

from . import _kwargs, _rc, _styles
from ._artist import Artist
from .colors import spec_color, to_rgba

_HA = ("left", "center", "right")
_VA = ("top", "center", "bottom", "baseline", "center_baseline")
_OPTIONS = frozenset(("fontsize", "color", "fontweight", "horizontalalignment", "verticalalignment",
                      "rotation", "alpha", "fontfamily", "fontstyle", "linespacing", "bbox", "wrap", "clip_on",
                      "rotation_mode", "backgroundcolor", "fontvariant", "multialignment",
                      "transform_rotates_text"))
# Font names the host draws, by matplotlib's generic family they belong to.
_FAMILIES = {"sans-serif": "sans-serif", "sans": "sans-serif", "serif": "serif", "monospace": "monospace",
             "DejaVu Sans": "sans-serif", "DejaVu Serif": "serif", "DejaVu Sans Mono": "monospace"}
_FAMILIES_LOWER = {name.lower(): family for name, family in _FAMILIES.items()}
_GENERIC = ("sans-serif", "serif", "monospace", "cursive", "fantasy")


def properties(kwargs, fontdict=None, extra=()):
    """Text() keyword arguments from matplotlib's text keywords (and fontdict), aliases resolved.

    Names in extra are also accepted and returned under their own name.
    """
    kwargs = {**(fontdict or {}), **kwargs}
    font = next((kwargs.pop(k) for k in ("fontproperties", "font_properties", "font") if k in kwargs), None)
    if font is not None:
        from .font_manager import from_any

        given = {_kwargs.ALIASES.get(key, key): value for key, value in kwargs.items()}
        kwargs = {**from_any(font)._text_options(), **given}  # the font first, then the rest over it
    options = _kwargs.take(kwargs, _OPTIONS | frozenset(extra), "Text")
    # matplotlib's renderers draw no small capitals: the variant only picks a font, of which the
    # DejaVu fonts have one.
    options.pop("fontvariant", None)
    for long, short in (("horizontalalignment", "ha"), ("verticalalignment", "va")):
        if long in options:
            options[short] = options.pop(long)
    return options


class Text(Artist):
    """A string at (x, y) in data or axes coordinates; also titles and axis labels."""

    zorder_default = 3

    def __init__(self, x, y, text, *, fontsize=None, color=None, fontweight="normal",
                 ha="left", va="baseline", rotation=0, coords="data", alpha=None, fontfamily=None,
                 fontstyle=None, linespacing=None, bbox=None, wrap=False, clip_on=False, rotation_mode=None,
                 backgroundcolor=None, multialignment=None, transform_rotates_text=False):
        super().__init__(alpha=alpha)
        self._x, self._y = x, y
        self._text = "" if text is None else str(text)
        self._fontsize = _rc.fontsize(_rc.rcParams["font.size"] if fontsize is None else fontsize)
        self._rgba = to_rgba(_rc.rcParams["text.color"] if color is None else color)
        self._weight = _styles.weight(fontweight)
        self._ha = _alignment(ha, _HA, "horizontalalignment")
        self._va = _alignment(va, _VA, "verticalalignment")
        self._rotation = degrees(rotation)
        self._coords = coords
        self.figure = None  # set for Figure.text()
        self.set_fontfamily(fontfamily)
        self.set_fontstyle(fontstyle)
        self.set_linespacing(linespacing)
        self.set_multialignment(multialignment)
        self._bbox = None
        if backgroundcolor is not None:
            self.set_backgroundcolor(backgroundcolor)
        if bbox is not None:
            self.set_bbox(bbox)
        self.set_wrap(wrap)
        self.set_clip_on(clip_on)
        self.set_rotation_mode(rotation_mode)
        self.set_transform_rotates_text(transform_rotates_text)

    def set_fontfamily(self, family):
        """A generic family or font name; as matplotlib's findfont on a machine with only the DejaVu
        fonts, the first name of a list that resolves to one of them, else DejaVu Sans."""
        names = ["sans-serif"] if family is None else [family] if isinstance(family, str) else list(family)
        self._family = "sans-serif"
        for name in names:  # matched case-insensitively, as findfont's scoring
            name = name.lower() if isinstance(name, str) else name
            candidates = _rc.rcParams.get(f"font.{name}", ()) if name in _GENERIC else [name]
            found = next((_FAMILIES_LOWER[c.lower()] for c in ([candidates] if isinstance(candidates, str)
                                                                else candidates) if c.lower() in _FAMILIES_LOWER),
                         None)
            if found is not None:
                self._family = found
                break

    set_family = set_fontname = set_fontfamily

    def set_fontstyle(self, style):
        if style not in (None, "normal", "italic", "oblique"):
            raise ValueError(f"{style!r} is not a valid value for fontstyle; supported values are 'normal', "
                             "'italic', 'oblique'")
        self._style = "normal" if style in (None, "normal") else "italic"

    set_style = set_fontstyle

    def set_linespacing(self, spacing):
        self._linespacing = 1.2 if spacing is None else float(spacing)

    def set_bbox(self, rectprops):
        """A box around the text: a dict of FancyBboxPatch properties with boxstyle and pad, as
        matplotlib's Text.set_bbox (no boxstyle: a square box padded by 4 points)."""
        self._bbox = None if rectprops is None else _text_box(dict(rectprops), self._fontsize)

    def set_multialignment(self, align):
        """How the lines of a multi-line text align among themselves (None: as ha)."""
        self._multialign = None if align is None else _alignment(align, _HA, "multialignment")

    set_ma = set_multialignment

    def set_fontvariant(self, variant):
        """Checked only: no small capitals are drawn, as in matplotlib (see properties())."""
        from .font_manager import FontProperties

        FontProperties(variant=variant)

    set_variant = set_fontvariant

    def set_fontproperties(self, fp):
        """Family, style, weight and size from a FontProperties (or its dict / family name)."""
        from .font_manager import from_any

        options = _kwargs.take(from_any(fp)._text_options(), _OPTIONS, "Text")
        options.pop("fontvariant", None)
        self.set_fontfamily(options["fontfamily"])
        self.set_fontstyle(options["fontstyle"])
        self.set_fontweight(options["fontweight"])
        self.set_fontsize(options["fontsize"])

    set_font_properties = set_font = set_fontproperties

    def set_backgroundcolor(self, color):
        """A box filled and edged in color (matplotlib's: a bbox, or the existing one's face)."""
        if self._bbox is None:
            self.set_bbox({"facecolor": color, "edgecolor": color})
        else:
            self._bbox = {**self._bbox, "facecolor": spec_color(to_rgba(color), None)}

    def set_wrap(self, wrap):
        self._wrap = bool(wrap)

    def get_wrap(self):
        return self._wrap

    def set_clip_on(self, b):
        if b:
            raise NotImplementedError("Text.set_clip_on(True) is not supported in this sandbox; text is not "
                                      "clipped to the axes")
        self._clip_on = False

    def set_rotation_mode(self, mode):
        if mode not in (None, "default", "anchor"):
            raise ValueError(f"{mode!r} is not a valid value for rotation_mode; supported values are "
                             "'default', 'anchor'")
        self._rotation_mode = mode or "default"

    def get_rotation_mode(self):
        return self._rotation_mode

    def set_transform_rotates_text(self, t):
        """True: the rotation is an angle in the text's coordinates (data or axes), turned with
        them onto the screen, as matplotlib's."""
        self._transform_rotates_text = bool(t)

    def get_transform_rotates_text(self):
        return self._transform_rotates_text

    def get_text(self):
        return self._text

    def set_text(self, text):
        self._text = "" if text is None else str(text)

    def get_fontsize(self):
        return self._fontsize

    def set_fontsize(self, size):
        self._fontsize = _rc.fontsize(size)

    set_size = set_fontsize
    get_size = get_fontsize

    def get_color(self):
        return self._rgba

    def set_color(self, color):
        self._rgba = to_rgba(color)

    def set_fontweight(self, weight):
        self._weight = _styles.weight(weight)

    set_weight = set_fontweight

    def get_rotation(self):
        return self._rotation

    def set_rotation(self, rotation):
        self._rotation = degrees(rotation)

    def set_horizontalalignment(self, align):
        self._ha = _alignment(align, _HA, "horizontalalignment")

    def set_verticalalignment(self, align):
        self._va = _alignment(align, _VA, "verticalalignment")

    set_ha = set_horizontalalignment
    set_va = set_verticalalignment

    def get_position(self):
        return (self._x, self._y)

    def set_position(self, xy):
        self._x, self._y = xy

    def set_x(self, x):
        self._x = x

    def set_y(self, y):
        self._y = y

    def legend_handles(self):
        return []

    def text_spec(self):
        """The spec's Text object."""
        spec = {"text": self._text, "fontsize": self._fontsize, "color": self._color(self._rgba),
                "weight": self._weight}
        if self._family != "sans-serif":
            spec["family"] = self._family
        if self._style != "normal":
            spec["style"] = self._style
        if self._linespacing != 1.2:
            spec["linespacing"] = self._linespacing
        if self._multialign is not None:
            spec["multialignment"] = self._multialign
        return spec

    def _plain_spec(self, what):
        """text_spec() for texts drawn without box, wrapping or rotation mode (titles, labels,
        figure texts)."""
        for name, value, default in (("bbox", self._bbox, None), ("wrap", self._wrap, False),
                                     ("rotation_mode", self._rotation_mode, "default"),
                                     ("transform_rotates_text", self._transform_rotates_text, False)):
            if value != default:
                raise NotImplementedError(f"{what} {name}= is not supported in this sandbox")
        return self.text_spec()

    def title_spec(self):
        """The spec's Text object, or None when the text is empty (titles and axis labels)."""
        return self._plain_spec("titles' and axis labels'") if self._text else None

    def figure_spec(self):
        """The spec's figure text (Figure.text()), with its box."""
        bbox, self._bbox = self._bbox, None
        try:
            spec = {"x": self._x, "y": self._y, "text": self._plain_spec("Figure.text()"), "ha": self._ha,
                    "va": self._va, "rotation": self._rotation}
        finally:
            self._bbox = bbox
        if bbox is not None:
            spec["bbox"] = bbox
        return spec

    def remove(self):
        if self.axes is None and self.figure is not None and self in self.figure._texts:
            self.figure._texts.remove(self)
            return
        super().remove()

    def spec(self):
        coords = list(self._coords) if isinstance(self._coords, tuple) else self._coords
        spec = {**self._head("text"), "x": self._x, "y": self._y, "coords": coords,
                "text": self.text_spec(), "ha": self._ha, "va": self._va, "rotation": self._rotation}
        if self._bbox is not None:
            spec["bbox"] = self._bbox
        if self._wrap:
            spec["wrap"] = True
        if self._rotation_mode != "default":
            spec["rotation_mode"] = self._rotation_mode
        if self._transform_rotates_text:
            spec["transform_rotates_text"] = True
        return spec


def _alignment(value, allowed, name):
    if value not in allowed:
        raise ValueError(f"{value!r} is not a valid value for {name}; supported values are "
                         f"{', '.join(map(repr, allowed))}")
    return "center" if value == "center_baseline" else value


def host_styled(owner):
    """A setter for texts the host draws in its own style (tick labels, pie labels): font family
    and style, line spacing, box, wrapping and rotation mode are refused unless left as default."""
    def setter(self, value=None):
        if value not in (None, False, "default", "normal", "sans-serif"):
            raise NotImplementedError(f"{owner}: fonts, text boxes, wrapping and rotation modes are not "
                                      "supported in this sandbox")
    return setter


def _text_box(props, fontsize):
    """The spec's text box from bbox= properties (matplotlib's Text.set_bbox)."""
    from .patches import BoxStyle, FancyBboxPatch

    boxstyle, pad = props.pop("boxstyle", None), props.pop("pad", None)
    if boxstyle is None:
        style = BoxStyle("square", pad=(4.0 if pad is None else float(pad)) / fontsize)
    elif isinstance(boxstyle, BoxStyle):
        style = boxstyle
    else:
        style = BoxStyle(boxstyle, **({} if pad is None or "pad" in str(boxstyle) else {"pad": pad}))
    if style.rounding_size not in (None, style.pad):
        raise NotImplementedError("text boxes with a rounding_size other than their pad are not supported in "
                                  "this sandbox")
    patch = FancyBboxPatch((0, 0), 1, 1, boxstyle=style, **props)
    return {"boxstyle": style.name, "pad": style.pad, "facecolor": patch._color(patch.get_facecolor()),
            "edgecolor": patch._color(patch.get_edgecolor()), "linewidth": patch.get_linewidth(),
            "linestyle": patch._linestyle}


def degrees(rotation):
    """Rotation in degrees from a number, None, "horizontal" or "vertical"."""
    return float({"horizontal": 0, "vertical": 90, None: 0}.get(rotation, rotation))


class Annotation(Text):
    """annotate(): text at xytext (or at xy) with an optional arrow to xy, both converted to data;
    the arrow is a FancyArrowPatch (arrow_patch) drawn by the host from the text to xy."""

    def __init__(self, text, xy, xytext, xycoords, textcoords, arrowprops, **text_options):
        from ._fancy_arrow import annotation_arrow

        self.arrowprops = arrowprops
        self.arrow_patch = None if arrowprops is None else annotation_arrow(arrowprops)
        super().__init__(xy[0], xy[1], text, **text_options)
        if self._rotation:
            raise NotImplementedError("rotated annotations are not supported in this sandbox; use text()")
        self.xy, self.xytext = xy, xytext
        self.xycoords, self.textcoords = xycoords, textcoords
        self._annotation_clip = None

    def set_annotation_clip(self, b):
        """True: drawn only while xy is inside the axes; None (default): so when xycoords is
        "data"; False: always."""
        self._annotation_clip = b

    def get_annotation_clip(self):
        return self._annotation_clip

    def _data_point(self, point, coords, base=None):
        """point in coords as [x, y] in data coordinates: the axes' systems, transforms and their
        blends."""
        from ._axes_base import Transform

        if type(self.axes).__name__ == "PolarAxes" and not (isinstance(coords, str) and coords == "data"):
            raise NotImplementedError(f"annotate() coordinates {coords!r} on polar axes are not supported in this "
                                      "sandbox; use 'data', 'figure fraction' or offsets")
        if isinstance(coords, Transform) and coords.axes in (None, self.axes):
            pair = coords.coords if isinstance(coords.coords, tuple) else (coords.coords, coords.coords)
            if set(pair) <= {"data", "axes"}:
                names = ["data" if system == "data" else "axes fraction" for system in pair]
                return [self.axes._to_data(point, name)[i] for i, name in enumerate(names)]
        return self.axes._to_data(point, coords, base)

    def _offset(self, coords):
        """Points per unit of an offset textcoords ("offset points", "offset pixels", "offset
        fontsize"), None for other coordinates."""
        if not isinstance(coords, str) or not coords.startswith("offset "):
            return None
        if coords == "offset pixels":
            return 72.0 / self.axes.figure.get_dpi()
        scales = {"offset points": 1.0, "offset fontsize": self._fontsize}
        if coords not in scales:
            raise ValueError(f"{coords!r} is not a valid coordinate")
        return scales[coords]

    def spec(self):
        """xy in data coordinates, figure fractions or fractions of another text's extent
        (xycoords=a Text); xytext likewise, or an offset in points from xy that the host applies
        in display space, as matplotlib's offset coordinates."""
        from ._fancy_arrow import annotation_arrow_spec

        if self._wrap or self._rotation_mode != "default" or self._transform_rotates_text:
            raise NotImplementedError("annotate() wrap=, rotation_mode= and transform_rotates_text= are not "
                                      "supported in this sandbox")
        spec = {**self._head("annotation"), "text": self.text_spec(), "ha": self._ha, "va": self._va}
        if isinstance(self.xycoords, Text):
            ref = self.xycoords
            if ref.axes is not self.axes or type(self.axes).__name__ == "PolarAxes" or ref._wrap:
                raise NotImplementedError("annotate() xycoords=Text other than an unwrapped text of the same "
                                          "(cartesian) axes is not supported in this sandbox")
            spec["xy"], spec["xy_artist"] = [float(v) for v in self.xy], self.axes._artists.index(ref)
        elif isinstance(self.xycoords, str) and self.xycoords == "figure fraction":
            spec["xy"], spec["xy_coords"] = [float(v) for v in self.xy], "figure"
        else:
            spec["xy"] = self._data_point(self.xy, self.xycoords)
        scale = None if self.xytext is None else self._offset(self.textcoords)
        if self.xytext is None:
            spec["xytext"] = None
        elif scale is not None:
            spec["xytext"], spec["xytext_coords"] = [float(v) * scale for v in self.xytext], "offset"
        elif isinstance(self.textcoords, str) and self.textcoords == "figure fraction":
            spec["xytext"], spec["xytext_coords"] = [float(v) for v in self.xytext], "figure"
        elif "xy_artist" in spec or "xy_coords" in spec:
            raise NotImplementedError(f"annotate() textcoords={self.textcoords!r} with xycoords={self.xycoords!r} "
                                      "is not supported in this sandbox")
        else:
            spec["xytext"] = self._data_point(self.xytext, self.textcoords)
        spec["arrow"] = (None if self.arrow_patch is None
                         else annotation_arrow_spec(self.arrow_patch, self.arrowprops, self._fontsize))
        clip = self._annotation_clip
        if clip or (clip is None and isinstance(self.xycoords, str) and self.xycoords == "data"):
            spec["clip_xy"] = True
        if self._bbox is not None:
            spec["bbox"] = self._bbox
        return spec
