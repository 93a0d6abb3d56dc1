"""What this package's modules use that cells cannot rebind (see runner.py).

``private_builtins()``: a copy of the builtins namespace.  A module that sets
``__builtins__ = private_builtins()`` before its first ``def`` gets functions
that look builtins up in this copy (CPython binds a function's builtins when
the function is created), so cells that rebind ``builtins.len`` or
``builtins.exec`` do not reach them.  The copy is taken when the package is
first imported, while the snapshot is built.

``encode_json`` / ``decode_json``: compact JSON (UTF-8 text, no ASCII
escaping) straight through the C accelerator of ``json``, whose Python layer
looks builtins up in the real namespace.
"""

import builtins
from json import JSONDecoder
from json.encoder import c_encode_basestring, c_make_encoder
from json.scanner import c_make_scanner

_BUILTINS = dict(vars(builtins))
__builtins__ = _BUILTINS


def private_builtins():
    """The shared copy, as taken before any cell ran."""
    return _BUILTINS


def _unsupported(obj):
    raise TypeError(f"cannot encode {type(obj).__name__} as JSON")


_scanner = c_make_scanner(JSONDecoder())


def encode_json(obj, _make=c_make_encoder, _escape=c_encode_basestring, _join="".join):
    """obj (dicts, lists, str, int, float, bool, None) as compact JSON text;
    ValueError for a container holding itself."""
    encode = _make({}, _unsupported, _escape, None, ":", ",", False, False, True)
    return _join(encode(obj, 0))


def decode_json(text, _scan=_scanner):
    """The value of the JSON document text (which must hold nothing after it)."""
    value, end = _scan(text, 0)
    if end != len(text):
        raise ValueError("extra data after the JSON value")
    return value
