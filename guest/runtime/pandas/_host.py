"""The ``table`` host call (docs/TABLES.md): JSON requests about frames held on the host.

Answers are JSON with tagged special values ({"$f": "nan"}, {"$dt": microseconds},
{"$td": microseconds}, {"$nat": true}, {"$o": id} for an object held by pandas/_objects.py);
refusals are "<ExceptionName>|<message>" and are raised as that
Python exception.
"""

import builtins
import json

from . import _objects, errors
from ._scalars import NaT, Timedelta, Timestamp

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
_NAN = float("nan")
_FLOATS = {"nan": _NAN, "inf": float("inf"), "-inf": float("-inf")}
_EXCEPTIONS = {
    name: getattr(builtins, name)
    for name in ("KeyError", "ValueError", "TypeError", "IndexError", "MemoryError", "OSError",
                 "FileNotFoundError", "PermissionError", "NotImplementedError")
}
_EXCEPTIONS.update(ParserError=errors.ParserError, EmptyDataError=errors.EmptyDataError)


def _tagged(obj):
    if len(obj) == 1:
        if "$f" in obj:
            return _FLOATS[obj["$f"]]
        if "$dt" in obj:
            return Timestamp._from_micros(obj["$dt"])
        if "$td" in obj:
            return Timedelta(microseconds=obj["$td"])
        if "$o" in obj:
            return _objects.held(obj["$o"])
        if "$nat" in obj:
            return NaT
    return obj


decode = json.JSONDecoder(object_hook=_tagged).decode


def call(op, **request):
    """Send one request; returns the decoded answer (raw bytes when raw=True is given)."""
    import _hostcall  # builtin of the wasm build; absent while the snapshot is built

    raw = request.pop("raw", False)
    request["op"] = op
    try:
        answer = _hostcall.call("table", _encode(request).encode("utf-8", "replace"))
    except _hostcall.HostError as exc:
        kind, _, message = str(exc).partition("|")
        error = _EXCEPTIONS.get(kind)
        if error is None:
            raise RuntimeError(str(exc)) from None
        if error is KeyError:
            raise KeyError(message.strip('"')) from None
        raise error(message) from None
    if raw:
        return answer
    return decode(answer.decode("utf-8")) if answer else None


class Table:
    """A frame held on the host: its handle, host column names, pandas dtypes and row count.
    Freed on the host when the last guest object using it goes away."""

    __slots__ = ("h", "names", "dtypes", "rows", "__weakref__")

    def __init__(self, meta):
        self.h = meta["h"]
        self.names = meta["columns"]
        self.dtypes = dict(zip(meta["columns"], meta["dtypes"]))
        self.rows = meta["rows"]

    def __del__(self):
        try:
            call("free", h=self.h)
        except Exception:
            pass

    @property
    def index_names(self):
        return [n for n in self.names if n.startswith("\0")]

    @property
    def data_names(self):
        return [n for n in self.names if not n.startswith("\0")]


def table(op, **request):
    """A request answering a frame, as a Table."""
    return Table(call(op, **request))
