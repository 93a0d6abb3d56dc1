"""numpy arrays of tables (``to_numpy``, ``values``, ``np.asarray(series)``): the rows cross
into the guest as Python values, then become one array of the column's dtype."""

from ._scalars import NaT


def column_array(values, dtype_name, dtype=None):
    """The numpy array of one column's Python values (missing ones as NaN / NaT / None)."""
    import numpy as np
    if dtype is None:
        dtype = _NUMPY_DTYPE.get(dtype_name.split("[")[0], object)
    if dtype_name in ("float64", "float32"):
        values = [np.nan if v is None else v for v in values]
    elif dtype_name.startswith(("datetime64", "timedelta64")):
        values = [None if v is None or v is NaT else v for v in values]
    elif dtype is object:  # one cell per value, even for lists (an object column's values)
        array = np.empty(len(values), dtype=object)
        for i, v in enumerate(values):
            array[i] = v
        return array
    return np.array(values, dtype=dtype)


def frame_array(columns, dtype=None):
    """The 2-D array of (values, dtype name) columns: their common dtype, like pandas (an
    object array boxes datetimes and timedeltas as Timestamp and Timedelta, as pandas)."""
    import numpy as np
    arrays = [column_array(values, name) for values, name in columns]
    if not arrays:
        return np.empty((0, 0), dtype=dtype or object)
    if dtype is None:
        kinds = {a.dtype.kind for a in arrays}
        dtype = np.result_type(*arrays) if kinds <= set("biuf") else object
        if dtype is object and len(kinds) > 1:
            arrays = [_boxed(values) if a.dtype.kind in "mM" else a
                      for (values, _), a in zip(columns, arrays)]
    return np.column_stack([a.astype(dtype) for a in arrays])


def _boxed(values):
    """An object array of a datetime or timedelta column's Timestamps / Timedeltas."""
    return column_array([NaT if v is None else v for v in values], "object", object)


def check_numpy_arguments(**arguments):
    """numpy calls Series.mean(axis=None, dtype=None, out=None) for np.mean(series): accept
    exactly those defaults."""
    for name, value in arguments.items():
        if value is not None:
            raise NotImplementedError(f"the {name}= argument of a numpy reduction on a Series")


_NUMPY_DTYPE = {"int64": "int64", "int32": "int32", "int16": "int16", "int8": "int8",
                "uint64": "uint64", "uint32": "uint32", "uint16": "uint16", "uint8": "uint8",
                "float64": "float64", "float32": "float32", "bool": "bool",
                "datetime64": "datetime64[us]", "timedelta64": "timedelta64[us]"}


def scalar(value, dtype=None):
    """A reduction's result as pandas gives it: numpy's int64/float64 for numbers (bools
    count as int64), or of the given sized dtype (int8, float32...), other values (strings,
    Timestamps) as they are."""
    import numpy as np
    if value is None:
        return np.float64("nan")
    if dtype is not None and dtype not in ("int64", "float64", "bool") \
            and isinstance(value, (int, float)) and not isinstance(value, bool):
        return np.dtype(dtype).type(value)
    if isinstance(value, bool):
        return np.bool_(value)
    if isinstance(value, int):
        return np.int64(value)
    if isinstance(value, float):
        return np.float64(value)
    return value


def records(frame, index=True, column_dtypes=None, index_dtypes=None):
    """DataFrame.to_records: numpy's record array of the index levels (named, or "index" /
    "level_<k>") and the columns, each field of its column's dtype unless given."""
    import numpy as np
    from . import _common, _labels
    t = frame._t
    fetched = dict(_common.rows(t, 0, t.rows))
    fields = []
    if index:
        levels = t.index_names
        if levels:
            for k, n in enumerate(levels):
                name = _labels.index_label(n)
                if name is None:
                    name = "index" if len(levels) == 1 else f"level_{k}"
                fields.append((name, column_array(fetched[n], t.dtypes[n]), index_dtypes))
        else:
            fields.append(("index", np.arange(t.rows), index_dtypes))
    for n in t.data_names:
        fields.append((_labels.decode(n), column_array(fetched[n], t.dtypes[n]), column_dtypes))
    arrays, dtype = [], []
    for name, array, given in fields:
        wanted = given.get(name) if isinstance(given, dict) else given
        if wanted is not None:
            array = array.astype(wanted)
        arrays.append(array)
        dtype.append((name if isinstance(name, str) else str(name), array.dtype))
    return np.rec.fromarrays(arrays, dtype=dtype)
