"""``pd.array`` for pandas' nullable booleans (``dtype="boolean"``): a BooleanArray of True,
False and missing values (pd.NA, held as None here), usable as a mask; other dtypes raise
NotImplementedError."""


class BooleanArray:
    """pandas' BooleanArray: booleans with missing values."""

    dtype = "boolean"

    def __init__(self, values):
        self._values = [None if v is None or v != v else bool(v) for v in values]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, i):
        return self._values[i]

    def filled(self, na):
        """The booleans with na in place of each missing value."""
        return [bool(na) if v is None else v for v in self._values]

    def __repr__(self):
        cells = ", ".join("<NA>" if v is None else str(v) for v in self._values)
        return f"<BooleanArray>\n[{cells}]\nLength: {len(self)}, dtype: boolean"


def array(data, dtype=None, copy=True):
    """pd.array: only nullable booleans (dtype="boolean")."""
    if dtype != "boolean":
        raise NotImplementedError(f"pd.array(dtype={dtype!r}) (pandas' extension arrays)")
    return BooleanArray(data.tolist() if hasattr(data, "tolist") else list(data))
