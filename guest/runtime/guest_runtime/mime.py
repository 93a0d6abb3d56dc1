"""MIME bundles of objects, for display events (IPython's display protocol).

``bundle(obj, metadata, warn)`` returns the fields of obj's display event::

    {"data": [{"mime_type": "image/png", "base64": "<standard base64>"},
              {"mime_type": "text/html", "text": "<b>x</b>"}, ...,
              {"mime_type": "text/plain", "text": "..."}],
     "metadata": {"key": "value", ...}}

Rules, after IPython:

* ``_repr_mimebundle_(include=None, exclude=None)`` gives a dict of MIME type
  to data, or a (data, metadata) tuple; the ``_repr_png_``, ``_repr_jpeg_``,
  ``_repr_svg_``, ``_repr_html_``, ``_repr_markdown_``, ``_repr_latex_`` and
  ``_repr_json_`` methods add the types it lacks (each may return None, the
  data, or a (data, metadata) tuple).  Methods are looked up on the type, so
  classes and objects answering any attribute name (mocks) show as text only.
* A method that raises, or data that cannot be sent, is skipped and reported
  through ``warn(text)``.
* bytes-like data travels as "base64"; so does str data of image/png,
  image/jpeg and application/pdf, taken to be base64 already (Jupyter's
  convention) and re-encoded without newlines.  Other str data travels as
  "text"; anything else (dicts and lists of application/json and ``+json``
  types) as its JSON text.
* "text/plain" comes last and is always there: the bundle's str, else
  ``values.text_plain(obj)``.
* metadata is flat str -> str: the per-type metadata of the methods, then the
  bundle's, then the caller's (later keys win).  str values are kept, dicts,
  lists and tuples become JSON text, other values str(); a value failing
  that is dropped.
"""

from ._private import encode_json, private_builtins

__builtins__ = private_builtins()  # see runner.py: cells cannot rebind what this module uses

import binascii  # noqa: E402

from . import values  # noqa: E402

_REPR_METHODS = (
    ("image/png", "_repr_png_"), ("image/jpeg", "_repr_jpeg_"), ("image/svg+xml", "_repr_svg_"),
    ("text/html", "_repr_html_"), ("text/markdown", "_repr_markdown_"),
    ("text/latex", "_repr_latex_"), ("application/json", "_repr_json_"),
)
_BASE64_TYPES = frozenset({"image/png", "image/jpeg", "application/pdf"})

_b2a_base64 = binascii.b2a_base64
_a2b_base64 = binascii.a2b_base64
_encode_json = encode_json


def bundle(obj, metadata, warn):
    """The "data" and "metadata" fields of obj's display event (see the module docstring)."""
    data, meta = _representations(obj, warn)
    if metadata:
        meta.update(metadata)
    plain = data.pop("text/plain", None)
    entries = []
    for mime_type, value in data.items():
        if isinstance(mime_type, str) and value is not None:
            try:
                entries.append(_entry(mime_type, value))
            except Exception as exc:
                _skip(warn, f"{mime_type} data", exc)
    if not isinstance(plain, str):
        plain = values.text_plain(obj)
    entries.append({"mime_type": "text/plain", "text": plain})
    return {"data": entries, "metadata": _flat(meta)}


def _representations(obj, warn):
    """obj's MIME type -> data and its metadata, from _repr_mimebundle_ and the _repr_*_ methods."""
    data, meta = _split(_call(obj, "_repr_mimebundle_", warn, include=None, exclude=None))
    data = dict(data) if isinstance(data, dict) else {}
    meta = dict(meta) if isinstance(meta, dict) else {}
    for mime_type, name in _REPR_METHODS:
        if mime_type not in data:
            value, extra = _split(_call(obj, name, warn))
            if value is not None:
                data[mime_type] = value
            if extra is not None:
                meta.setdefault(mime_type, extra)
    return data, meta


def _split(result):
    """(data, metadata) from a repr method's result, which may be such a tuple."""
    if isinstance(result, tuple) and len(result) == 2:
        return result
    return result, None


def _call(obj, name, warn, **kwargs):
    """obj.name(**kwargs) if obj's type defines name; None if it does not or raises."""
    try:
        if getattr(type(obj), name, None) is None:
            return None
        return getattr(obj, name)(**kwargs)
    except Exception as exc:
        _skip(warn, f"{name}()", exc)
        return None


def _entry(mime_type, value):
    """The wire form of one representation; raises if value cannot be sent."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"mime_type": mime_type, "base64": _b2a_base64(value, newline=False).decode("ascii")}
    if isinstance(value, str):
        if mime_type in _BASE64_TYPES:
            return _entry(mime_type, _a2b_base64(value))
        return {"mime_type": mime_type, "text": value}
    return {"mime_type": mime_type, "text": _encode_json(value)}


def _flat(meta):
    """meta as a flat str -> str dict (see the module docstring)."""
    flat = {}
    for key, value in meta.items():
        try:
            flat[str(key)] = _metadata_text(value)
        except Exception:
            pass
    return flat


def _metadata_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list, tuple)):
        return _encode_json(value)
    return str(value)


def _skip(warn, what, exc):
    """Report a skipped representation through warn."""
    try:
        detail = f"{type(exc).__name__}: {exc}"
    except Exception:
        detail = type(exc).__name__
    warn(f"display: skipped {what}: {detail}\n")
