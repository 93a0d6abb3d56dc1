"""The ``chart`` host call (docs/CHARTS.md): display a figure spec or render it to file bytes."""

import binascii
import json
import sys
from array import array

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def display(figure_spec):
    """Have the host show the figure in the running cell's output (after the text printed so far)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    _call("display", "png", figure_spec)


def render(figure_spec, fmt):
    """The figure as a file in fmt ("png" or "svg"), as bytes."""
    return _call("render", fmt, figure_spec)


def _call(action, fmt, figure_spec):
    import _hostcall  # builtin module of the wasm build; absent while the snapshot is built

    payload = _encode({"action": action, "format": fmt, "figure": _packed(figure_spec)})
    try:
        return _hostcall.call("chart", payload.encode("utf-8", "replace"))
    except _hostcall.HostError as exc:
        message = str(exc)
        if "not supported" in message.lower() or "unsupported" in message.lower():
            raise NotImplementedError(message) from None
        raise ValueError(f"the chart could not be drawn: {message}") from None


# Series at least this long travel packed (docs/CHARTS.md): base64 of little-endian doubles,
# NaN for a gap, which costs far less than writing each float's repr.
_PACK_FROM = 64
_SERIES_KEYS = ("x", "y", "y1", "y2")
_NAN = float("nan")


def _packed(figure_spec):
    """figure_spec with the long data series of lines, scatters and fills packed (a new dict;
    the spec given is left alone)."""
    axes = []
    for ax in figure_spec["axes"]:
        artists = []
        for artist in ax["artists"]:
            if artist["type"] in ("line", "scatter", "fill"):
                artist = {key: _pack(value) if key in _SERIES_KEYS else value
                          for key, value in artist.items()}
            artists.append(artist)
        axes.append({**ax, "artists": artists})
    return {**figure_spec, "axes": axes}


def _pack(values):
    if len(values) < _PACK_FROM:
        return values
    try:
        doubles = array("d", values)
    except TypeError:  # gaps (None)
        doubles = array("d", [_NAN if v is None else v for v in values])
    if sys.byteorder != "little":
        doubles.byteswap()
    return {"f64": binascii.b2a_base64(doubles.tobytes(), newline=False).decode("ascii")}
