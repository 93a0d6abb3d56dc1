"""Python values from the API's typed ``Value`` messages."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable

from ._proto import pb

# int() refuses decimal strings longer than sys.get_int_max_str_digits()
# (4300 by default); longer ones are parsed in halves below this size.
_INT_CHUNK_DIGITS = 4000


class _ShownAsText:
    """str() and repr() give the object's text, as they do for sympy objects."""

    text: str

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


@dataclass(frozen=True, repr=False)
class Symbolic(_ShownAsText):
    """A sympy object: its str() and its LaTeX."""

    text: str
    latex: str


@dataclass(frozen=True, repr=False)
class Repr(_ShownAsText):
    """Any other object, as its repr() text and type name."""

    type_name: str
    text: str


@dataclass(frozen=True)
class Array:
    """A numpy array or scalar (``shape`` empty): its dtype name, shape and
    elements in row-major order as plain Python values; when ``truncated``,
    ``items`` holds only the first elements. ``numpy.array(a.items,
    dtype=a.dtype).reshape(a.shape)`` rebuilds a complete numeric array."""

    dtype: str
    shape: tuple[int, ...]
    items: list[Any]
    truncated: bool = False


def to_python(value: pb.Value) -> Any:
    """The Python value described by a ``Value`` (None for an unset one)."""
    kind = value.WhichOneof("kind")
    return None if kind is None else _CONVERTERS[kind](getattr(value, kind))


def parse_int(digits: str) -> int:
    """An int from decimal digits of any length (with an optional leading "-")."""
    if digits.startswith("-"):
        return -parse_int(digits[1:])
    if len(digits) <= _INT_CHUNK_DIGITS:
        return int(digits)
    low_digits = len(digits) // 2
    high, low = digits[:-low_digits], digits[-low_digits:]
    return parse_int(high) * 10**low_digits + parse_int(low)


def _integer(integer: pb.Integer) -> int:
    return integer.int64 if integer.HasField("int64") else parse_int(integer.decimal)


def _items(sequence: pb.Sequence) -> list[Any]:
    return [to_python(item) for item in sequence.items]


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "none_value": lambda _: None,
    "bool_value": bool,
    "int_value": _integer,
    "float_value": float,
    "fraction_value": lambda f: Fraction(_integer(f.numerator), _integer(f.denominator)),
    "decimal_value": Decimal,
    "complex_value": lambda c: complex(c.real, c.imag),
    "str_value": str,
    "list_value": _items,
    "tuple_value": lambda s: tuple(_items(s)),
    "set_value": lambda s: set(_items(s)),
    "dict_value": lambda m: {to_python(e.key): to_python(e.value) for e in m.entries},
    "symbolic_value": lambda s: Symbolic(s.text, s.latex),
    "repr_value": lambda r: Repr(r.type_name, r.text),
    "array_value": lambda a: Array(a.dtype, tuple(a.shape), _items(a), a.truncated),
}
