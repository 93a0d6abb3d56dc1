"""How imshow() images are resampled to the screen's pixels: the spec's ``resampling`` (the host
resamples with Agg's filters, as matplotlib's ``_image.resample``; docs/CHARTS.md)."""

import binascii

from . import _rc

# matplotlib's interpolation names: 'auto' and 'antialiased' pick 'nearest' or 'hanning' by the
# scale drawn at; 'none' is 'nearest' on raster output.
NEAREST = ("nearest", "none")
FILTERS = ("bilinear", "bicubic", "spline16", "spline36", "hanning", "hamming", "hermite", "kaiser",
           "quadric", "catrom", "gaussian", "bessel", "mitchell", "sinc", "lanczos", "blackman")
CHOSEN = ("auto", "antialiased")
STAGES = ("data", "rgba", "auto", "antialiased")


def interpolation(value):
    """The interpolation name imshow(interpolation=value) draws with (None: the rc default)."""
    name = _rc.rcParams.get("image.interpolation", "auto") if value is None else value
    if not isinstance(name, str) or name.lower() not in (*NEAREST, *FILTERS, *CHOSEN):
        raise ValueError(f"{name!r} is not a valid value for interpolation")
    return name.lower()


def stage(value):
    """The interpolation_stage name (None: the rc default)."""
    name = _rc.rcParams.get("image.interpolation_stage", "auto") if value is None else value
    if name not in STAGES:
        raise ValueError(f"{name!r} is not a valid value for interpolation_stage; supported values are "
                         "'data', 'rgba', 'auto'")
    return "auto" if name == "antialiased" else name


def may_resample_data(image):
    """Whether the host may resample the image's numbers (the 'data' stage) rather than its colours."""
    return image._values is not None and image._stage in ("data", "auto") and image._interpolation in FILTERS


def spec(image):
    """The spec's ``resampling`` of an imshow() image, or None when it is drawn as cells."""
    if not image._imshow:
        return None
    if image._cell_alpha is not None and may_resample_data(image):
        raise NotImplementedError(f"imshow(alpha=array) with interpolation={image._interpolation!r} is not "
                                  "supported in this sandbox; pass interpolation_stage='rgba'")
    if not image._resample and image._interpolation in FILTERS:
        raise NotImplementedError("imshow(resample=False) is not supported in this sandbox")
    axes = getattr(image, "axes", None)
    if axes is not None and {axes.get_xscale(), axes.get_yscale()} != {"linear"}:
        if image._interpolation in FILTERS:
            raise NotImplementedError(f"imshow interpolation={image._interpolation!r} on a log axis is not "
                                      "supported in this sandbox")
        if image._clip_path is not None:
            raise NotImplementedError("AxesImage.set_clip_path on a log axis is not supported in this sandbox")
    out = {"interpolation": image._interpolation, "stage": image._stage, "filternorm": bool(image._filternorm),
           "filterrad": float(image._filterrad),
           "alpha": 1.0 if image._alpha is None else float(image._alpha)}
    if image._values is not None and image._stage in ("data", "auto"):
        lut = _lut(image)
        if lut is not None:
            out["lut"] = lut
        elif may_resample_data(image):
            raise NotImplementedError(f"imshow with {type(image.norm).__name__} and "
                                      f"interpolation={image._interpolation!r} (resampled data) is not "
                                      "supported in this sandbox; pass interpolation_stage='rgba'")
    return out


def _lut(image):
    """Base64 of the colormap's N colours then its under, over and bad colours as bytes (truncated,
    as matplotlib's ``to_rgba(bytes=True)``), for a linear Normalize; None for other norms."""
    from .colors import Normalize

    if type(image.norm) is not Normalize or image.norm.clip:
        return None
    cmap = image.cmap
    colors = [*cmap.colors, cmap.get_under(), cmap.get_over(), cmap.get_bad()]
    data = bytes(min(255, max(0, int(v * 255))) for color in colors for v in color)
    return binascii.b2a_base64(data, newline=False).decode("ascii")
