"""Typed, JSON-able descriptions of Python values, for result events.

``encode_value(obj)`` returns one of::

    {"kind": "none"}
    {"kind": "bool", "value": true | false}
    {"kind": "int", "value": "<decimal digits>"}
    {"kind": "float", "value": repr(x)}            # "1.5", "inf", "nan", "-0.0"
    {"kind": "complex", "real": repr(z.real), "imag": repr(z.imag)}
    {"kind": "fraction", "numerator": "<digits>", "denominator": "<digits>"}
    {"kind": "decimal", "value": str(d)}
    {"kind": "str", "value": s}
    {"kind": "list" | "tuple" | "set", "items": [<value>, ...]}
    {"kind": "dict", "entries": [[<key>, <value>], ...]}
    {"kind": "symbolic", "text": str(obj), "latex": sympy.latex(obj) | null}
    {"kind": "array", "dtype": str, "shape": [int, ...], "items": [<value>, ...],
     "truncated": bool}                            # numpy arrays and scalars
    {"kind": "repr", "type": "module.QualName", "text": text_plain(obj)}

Rules:

* Subclasses of the types above get the base kind unless they override
  ``__repr__`` (IntEnum, namedtuple, OrderedDict, numpy scalars, ...); those
  get "repr", so a structured value always shows what ``repr()`` shows.
  ``bool`` is never an int.  ``frozenset`` and other types get "repr".
* ints over 400,000 bits (about 120k digits) become "repr" with the text
  "<int with about N digits>"; strs over 1 MiB become "repr" (truncated).
* A container is described as a whole by "repr" when it holds more than 1000
  items (counted recursively), nests deeper than 16 levels or holds more than
  2 MiB of text.  A container met again inside itself is shown like ``repr``
  does: {"kind": "repr", "type": "list", "text": "[...]"}.
* sympy objects (classes from ``sympy.*``) are "symbolic" when sympy.latex
  accepts them; "text" is capped like text_plain and "latex" is null when
  longer than 64 KiB.
* numpy arrays (exactly numpy.ndarray) and numpy scalars (numpy.generic)
  are "array": dtype name, shape ([] for a scalar) and the elements in
  row-major order as plain values (what ``.tolist()`` gives, described by
  the rules here, but never containers), all of them when the array has at
  most 1000 elements, else the first 1000 with "truncated" true. An array
  counts its described elements against a container's 1000 items. Subclasses
  (numpy.matrix, masked arrays) get "repr". numpy is never imported here:
  only a numpy that user code (or the preload) imported is recognized.
* Builtin type names are unqualified ("int", not "builtins.int").
* Describing never raises: any failure gives "repr".
"""

from ._private import private_builtins

__builtins__ = private_builtins()  # see runner.py: cells cannot rebind what this module uses

import decimal  # noqa: E402
import fractions
import math
import sys

_MAX_TEXT = 64 * 1024          # text_plain, symbolic text and latex
_MAX_STR = 1024 * 1024         # a "str" value
_MAX_ITEMS = 1000              # container items in one value, recursively
_MAX_DEPTH = 16                # container nesting levels
_MAX_TOTAL_TEXT = 2 * 1024 * 1024  # text in one structured value
_MAX_INT_BITS = 400_000
# int->str limit while describing; above the 120,412 digits of a 400,000-bit
# int, yet bounded so repr() of some huge int inside an object stays cheap.
_INT_DIGITS = 121_000

_MAX_ARRAY_ITEMS = 1000       # elements of a numpy array described before "truncated"

_CONTAINERS = ((list, "list"), (tuple, "tuple"), (set, "set"), (dict, "dict"))
_CONTAINER_TYPES = (list, tuple, set, dict)
_CYCLE_TEXT = {"list": "[...]", "tuple": "(...)", "set": "{...}", "dict": "{...}"}


class _TooBig(Exception):
    """A value exceeds the limits of a structured description."""


def encode_value(obj):
    """Return the typed description of obj (see the module docstring); never raises."""
    try:
        with _long_ints():
            return _Encoder().encode(obj, 0)
    except Exception:
        return _repr_value(obj)


def text_plain(obj):
    """Return repr(obj), capped at 64 KiB with a trailing "..."; never raises."""
    try:
        with _long_ints():
            if _is_plain(obj, int) and obj.bit_length() > _MAX_INT_BITS:
                digits = int(obj.bit_length() * math.log10(2)) + 1
                text = f"<int with about {digits} digits>"
            elif type(obj) in (str, bytes, bytearray) and len(obj) > _MAX_TEXT:
                # Slice first to avoid a huge temporary; the repr of _MAX_TEXT
                # characters plus quotes is over the cap, so it gets the "...".
                text = repr(obj[:_MAX_TEXT])
            else:
                text = repr(obj)
    except Exception:
        return f"<unrepresentable object of type {_type_name(obj)}>"
    return _cap(text)


def text_latex(obj):
    """Return sympy's LaTeX for a sympy object, else None (also if too long); never raises."""
    if not _is_sympy(obj):
        return None
    try:
        return _latex(obj)
    except Exception:
        return None


class _Encoder:
    """State of one encode_value call: the remaining budgets and the open containers."""

    def __init__(self):
        self._items = _MAX_ITEMS
        self._text = _MAX_TOTAL_TEXT
        self._open = set()

    def encode(self, obj, depth):
        """Describe obj found at container nesting depth; raises _TooBig past the limits."""
        for base, kind in _CONTAINERS:
            if _is_plain(obj, base):
                return self._container(obj, kind, depth)
        numpy = _numpy()
        if numpy is not None and (type(obj) is numpy.ndarray or isinstance(obj, numpy.generic)):
            return self._array(obj, numpy)
        value = _scalar(obj)
        self._text -= sum(len(field) for field in value.values() if type(field) is str)
        if self._text < 0:
            raise _TooBig
        return value

    def _container(self, obj, kind, depth):
        if id(obj) in self._open:
            return {"kind": "repr", "type": _type_name(obj), "text": _CYCLE_TEXT[kind]}
        self._items -= len(obj)
        if self._items < 0 or depth >= _MAX_DEPTH:
            raise _TooBig
        self._open.add(id(obj))
        depth += 1
        if kind == "dict":
            value = {"kind": kind, "entries": [[self.encode(key, depth), self.encode(item, depth)]
                                               for key, item in obj.items()]}
        else:
            value = {"kind": kind, "items": [self.encode(item, depth) for item in obj]}
        self._open.remove(id(obj))
        return value


    def _array(self, obj, numpy):
        size = int(obj.size)
        shown = min(size, _MAX_ARRAY_ITEMS)
        self._items -= shown
        if self._items < 0:
            raise _TooBig
        if isinstance(obj, numpy.generic):
            elements = [obj.item()]
        else:
            elements = obj.flat[:shown].tolist()  # copies only the shown elements
        items = []
        for element in elements:
            value = _scalar(element) if type(element) not in _CONTAINER_TYPES else _repr_value(element)
            self._text -= sum(len(field) for field in value.values() if type(field) is str)
            items.append(value)
        if self._text < 0:
            raise _TooBig
        return {"kind": "array", "dtype": str(obj.dtype), "shape": [int(n) for n in obj.shape],
                "items": items, "truncated": shown < size}


def _numpy():
    """The numpy module if something imported it, else None."""
    return sys.modules.get("numpy")


def _scalar(obj):
    """Describe a value that is not a plain container; never raises."""
    try:
        if obj is None:
            return {"kind": "none"}
        if type(obj) is bool:
            return {"kind": "bool", "value": obj}
        if _is_sympy(obj):
            return {"kind": "symbolic", "text": _cap(str(obj)), "latex": _latex(obj)}
        if _is_plain(obj, int):
            return {"kind": "int", "value": _digits(obj)}
        if _is_plain(obj, float):
            return {"kind": "float", "value": float.__repr__(obj)}
        if _is_plain(obj, complex):
            return {"kind": "complex", "real": repr(obj.real), "imag": repr(obj.imag)}
        if _is_plain(obj, str) and len(obj) <= _MAX_STR:
            return {"kind": "str", "value": str.__str__(obj)}
        if _is_plain(obj, fractions.Fraction):
            return {"kind": "fraction", "numerator": _digits(obj.numerator),
                    "denominator": _digits(obj.denominator)}
        if _is_plain(obj, decimal.Decimal):
            return {"kind": "decimal", "value": decimal.Decimal.__str__(obj)}
    except Exception:
        pass
    return _repr_value(obj)


def _repr_value(obj):
    return {"kind": "repr", "type": _type_name(obj), "text": text_plain(obj)}


def _is_plain(obj, base):
    """True if obj is a base instance whose class keeps base's __repr__."""
    return isinstance(obj, base) and type(obj).__repr__ is base.__repr__


def _is_sympy(obj):
    module = getattr(type(obj), "__module__", None)
    return isinstance(module, str) and module.split(".", 1)[0] == "sympy"


def _latex(obj):
    import sympy  # already loaded: obj's class comes from it

    latex = sympy.latex(obj)
    return latex if len(latex) <= _MAX_TEXT else None


def _digits(n):
    """Exact decimal digits of int n (inside _long_ints); _TooBig past _MAX_INT_BITS."""
    if n.bit_length() > _MAX_INT_BITS:
        raise _TooBig
    return int.__repr__(n)


def _type_name(obj):
    cls = type(obj)
    module = getattr(cls, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return f"{module}.{cls.__qualname__}"
    return cls.__qualname__


def _cap(text):
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT] + "..."


class _long_ints:
    """Raise CPython's 4300-digit int->str limit to _INT_DIGITS (0, no limit, is kept)
    while in the with block (a class: contextlib looks builtins up in the real namespace)."""

    def __enter__(self, _get=sys.get_int_max_str_digits, _set=sys.set_int_max_str_digits):
        self._old = old = _get()
        if old:
            _set(max(old, _INT_DIGITS))

    def __exit__(self, *exc_info, _set=sys.set_int_max_str_digits):
        _set(self._old)
