"""pandas.errors: the exceptions pandas raises that are not builtins."""


class ParserError(ValueError):
    """A file could not be parsed (read_csv)."""


class EmptyDataError(ValueError):
    """A file to read has no data (read_csv)."""


class IntCastingNaNError(ValueError):
    """Missing values cannot become integers (astype(int))."""
