"""to_json of a DataFrame or Series, written in the guest (the rows cross into the sandbox)
as pandas' ujson encoder writes it: the orients split, records, index, columns, values and
table; dates and timedeltas as epoch milliseconds (pandas' default date_format; ISO strings
in the table orient); floats with pandas' double_precision=10; strings ASCII-escaped with
``/`` as ``\\/``."""

import json
import math

from . import _common, _labels

_FRAME_ORIENTS = ("split", "records", "index", "columns", "values", "table")
_SERIES_ORIENTS = ("split", "records", "index", "values", "table")


def to_json(obj, path_or_buf, orient, lines, indent, kwargs):
    from .frame import DataFrame
    if kwargs:
        raise NotImplementedError(f"to_json({', '.join(kwargs)}=...)")
    if indent:
        raise NotImplementedError("to_json(indent=...)")
    is_frame = isinstance(obj, DataFrame)
    orient = orient or ("records" if lines else "columns" if is_frame else "index")
    if orient not in (_FRAME_ORIENTS if is_frame else _SERIES_ORIENTS):
        raise ValueError(f"Invalid value '{orient}' for option 'orient'")
    if lines and orient != "records":
        raise ValueError("'lines' keyword only valid when 'orient' is records")
    frame = obj if is_frame else obj.to_frame("values" if obj.name is None else obj.name)
    columns, index, data = _contents(frame)
    if orient == "table":
        text = _dump(_table(frame, columns, index, data, is_frame), iso=True)
    else:
        value = _orient(orient, columns, index, data, is_frame, None if is_frame else obj.name)
        if lines:
            text = "".join(_dump(record) + "\n" for record in value)
        else:
            text = _dump(value)
    if path_or_buf is None:
        return text
    with open(path_or_buf, "w", encoding="utf-8") as f:
        f.write(text)


def _contents(frame):
    """(column labels, index labels, rows as lists)."""
    t = frame._t
    fetched = dict(_common.rows(t, 0, t.rows))
    columns = [_labels.decode(n) for n in t.data_names]
    data = [list(row) for row in zip(*(fetched[n] for n in t.data_names))] or [[] for _ in range(t.rows)]
    return columns, list(frame.index), data


def _orient(orient, columns, index, data, is_frame, name):
    if not is_frame:
        values = [row[0] for row in data]
        return {"split": {"name": name, "index": index, "data": values},
                "records": values, "values": values,
                "index": _Pairs(zip(index, values))}[orient]
    if orient == "split":
        return {"columns": columns, "index": index, "data": data}
    if orient == "values":
        return data
    if orient == "records":
        return [_Pairs(zip(columns, row)) for row in data]
    if orient == "index":
        return _Pairs((label, _Pairs(zip(columns, row))) for label, row in zip(index, data))
    return _Pairs((c, _Pairs((label, row[i]) for label, row in zip(index, data)))
                  for i, c in enumerate(columns))


_TYPES = {"int64": "integer", "int32": "integer", "float64": "number", "bool": "boolean",
          "datetime64[us]": "datetime", "timedelta64[us]": "duration", "str": "string",
          "object": "string"}


def _table(frame, columns, index, data, is_frame):
    """The table orient: a Table Schema of the index and the columns, then the records."""
    t = frame._t
    if len(t.index_names) > 1:
        raise NotImplementedError("to_json(orient='table') of a MultiIndex")
    index_name = frame.index.name if frame.index.name is not None else "index"
    if index_name in columns:
        raise NotImplementedError("to_json(orient='table') with a column named as the index")
    index_dtype = t.dtypes[t.index_names[0]] if t.index_names else "int64"
    fields = []
    for label, dtype in [(index_name, index_dtype)] + list(zip(columns, (t.dtypes[n] for n in t.data_names))):
        if dtype not in _TYPES:
            raise NotImplementedError(f"to_json(orient='table') of a {dtype} column")
        field = _Pairs([("name", label), ("type", _TYPES[dtype])])
        if dtype == "str":
            field.append(("extDtype", "str"))
        fields.append(field)
    schema = _Pairs([("fields", fields), ("primaryKey", [index_name]), ("pandas_version", "1.4.0")])
    records = [_Pairs(zip([index_name] + columns, [label] + row)) for label, row in zip(index, data)]
    return _Pairs([("schema", schema), ("data", records)])


class _Pairs(list):
    """A JSON object as (key, value) pairs, keeping repeated and non-string keys."""

    def __init__(self, pairs=()):
        super().__init__(pairs)


def _dump(value, iso=False):
    from ._scalars import NaT, Timedelta, Timestamp
    if isinstance(value, _Pairs):
        return "{" + ",".join(f"{_key(k, iso)}:{_dump(v, iso)}" for k, v in value) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_dump(v, iso) for v in value) + "]"
    if isinstance(value, dict):
        return _dump(_Pairs(value.items()), iso)
    if value is None or value is NaT:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json_float(value)
    if isinstance(value, str):
        return json.dumps(value).replace("/", "\\/")
    if isinstance(value, Timestamp):
        if iso:
            return '"' + value.strftime("%Y-%m-%dT%H:%M:%S.") + f'{value.microsecond // 1000:03d}"'
        return str(value._micros() // 1000)
    if isinstance(value, Timedelta):
        return _duration(value) if iso else str(value._micros() // 1000)
    raise NotImplementedError(f"to_json of {type(value).__name__} values")


def _key(label, iso):
    text = _dump(label, iso)
    return text if text.startswith('"') else json.dumps(text)


def _duration(value):
    """A timedelta as pandas' ISO 8601 duration (P<d>DT<h>H<m>M<s>S)."""
    micros = value._micros()
    if micros < 0:
        raise NotImplementedError("to_json(orient='table') of negative timedeltas")
    days, rest = divmod(micros, 86_400_000_000)
    hours, rest = divmod(rest, 3_600_000_000)
    minutes, rest = divmod(rest, 60_000_000)
    seconds, fraction = divmod(rest, 1_000_000)
    text = str(seconds) + (f".{fraction:06d}".rstrip("0") if fraction else "")
    return f'"P{days}DT{hours}H{minutes}M{text}S"'


def json_float(value):
    """A float as pandas' ujson writes it with double_precision=10: %.10g beyond
    [1e-15, 1e16), else the whole part and ten decimals rounded as its C code rounds
    them (half to odd), trailing zeros dropped."""
    if math.isnan(value) or math.isinf(value):
        return "null"
    negative = value < 0
    a = -value if negative else value
    if a > 1e16 - 1 or (a != 0.0 and a < 1e-15):
        return "%.10g" % value
    whole = int(a)
    tmp = (a - whole) * 1e10
    frac = int(tmp)
    diff = tmp - frac
    if diff > 0.5 or (diff == 0.5 and (frac == 0 or frac & 1)):
        frac += 1
        if frac >= 10 ** 10:
            frac, whole = 0, whole + 1
    text = f"{whole}." + (str(frac).rjust(10, "0").rstrip("0") if frac else "0")
    return ("-" if negative else "") + text
