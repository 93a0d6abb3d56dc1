"""pandas' numeric dtype names as the host gives them (docs/TABLES.md, "dtypes"): the sized
integers and float32 a column keeps, and the common dtype of several (numpy's promotion)."""

SIGNED = ("int64", "int32", "int16", "int8")
UNSIGNED = ("uint64", "uint32", "uint16", "uint8")
INTS = SIGNED + UNSIGNED
FLOATS = ("float64", "float32")
NUMBERS = INTS + FLOATS
NUMERIC = NUMBERS + ("bool",)

_BITS = {"int64": 64, "int32": 32, "int16": 16, "int8": 8, "uint64": 64, "uint32": 32,
         "uint16": 16, "uint8": 8, "float64": 64, "float32": 32}


def bits(dtype):
    """The width of a numeric dtype."""
    return _BITS[dtype]


def common(dtypes):
    """The dtype numpy promotes numeric dtypes to (pandas' common type of numeric columns)."""
    import numpy as np
    return str(np.result_type(*[np.dtype(d) for d in dtypes]))


def numpy_kind(dtype):
    """numpy's kind letter of a dtype name."""
    if dtype in SIGNED:
        return "i"
    if dtype in UNSIGNED:
        return "u"
    if dtype in FLOATS:
        return "f"
    return {"bool": "b", "object": "O", "str": "O", "timedelta64[us]": "m"}.get(dtype, "M")


def sum_dtype(dtype):
    """The dtype of a sum, as numpy accumulates: signed ints in int64, unsigned in uint64,
    floats in their own width."""
    if dtype in SIGNED:
        return "int64"
    if dtype in UNSIGNED:
        return "uint64"
    return dtype


def sized_array_dtype(values):
    """The dtype a numpy array of sized numbers (int8, uint16, float32...) keeps in a column,
    as pandas keeps it; None for anything else. int32 is this wasm32 numpy's default integer
    (np.array([1, 2])), which is int64 on the 64-bit platforms pandas' output comes from."""
    name = str(getattr(values, "dtype", ""))
    if name in NUMBERS and name not in ("int64", "float64", "int32"):
        return name
    return None
