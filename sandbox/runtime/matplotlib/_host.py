"""The ``chart`` host call (docs/CHARTS.md): display a figure spec or render it to file bytes."""

import json
import sys

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

    payload = _encode({"action": action, "format": fmt, "figure": figure_spec})
    try:
        return _hostcall.call("chart", payload.encode("utf-8", "replace"))
    except _hostcall.HostError as exc:
        message = str(exc)
        if "not supported" in message.lower() or "unsupported" in message.lower():
            raise NotImplementedError(message) from None
        raise ValueError(f"the chart could not be drawn: {message}") from None
