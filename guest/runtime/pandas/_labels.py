"""Column labels and index level names as host column names.

A str label is its own name; a tuple (MultiIndex columns) joins its parts with
"\\x1f"; other labels (ints, floats, bools, dates) are "\\x1e" plus their JSON.
Index levels are columns named "\\0<level>" or "\\0<level>=<encoded name>".
"""

import json

from ._scalars import Timestamp

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encode(label):
    if isinstance(label, str):
        return label
    if isinstance(label, tuple):
        return "\x1f".join(encode(part) for part in label)
    if isinstance(label, Timestamp):
        return "\x1e" + _dumps({"$dt": label._micros()})
    if isinstance(label, (bool, int, float)) and not isinstance(label, complex):
        return "\x1e" + _dumps(label)
    raise NotImplementedError(f"column labels of type {type(label).__name__}")


def decode(name):
    if "\x1f" in name:
        return tuple(decode(part) for part in name.split("\x1f"))
    if name.startswith("\x1e"):
        from ._host import decode as decode_json
        return decode_json(name[1:])
    return name


def index_column(level, name):
    """The host column name of index level ``level`` called ``name`` (None: unnamed)."""
    return f"\0{level}" if name is None else f"\0{level}={encode(name)}"


def index_label(column):
    """The name (label or None) of an index level column."""
    _, sep, name = column.partition("=")
    return decode(name) if sep else None
