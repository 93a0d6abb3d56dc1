"""``pd.options`` / ``pd.set_option`` for the display settings the text layout uses."""


class _Display:
    max_rows = 60
    min_rows = 10
    max_columns = 20
    precision = 6
    width = 80
    max_colwidth = 50


display = _Display()
_KEYS = {"display.max_rows": "max_rows", "display.min_rows": "min_rows",
         "display.max_columns": "max_columns", "display.precision": "precision",
         "display.width": "width", "display.max_colwidth": "max_colwidth"}


def set_option(key, value):
    name = _KEYS.get(key)
    if name is None:
        raise NotImplementedError(f"pandas.set_option({key!r})")
    if value is None:
        value = 10**9
    setattr(display, name, value)


def get_option(key):
    name = _KEYS.get(key)
    if name is None:
        raise NotImplementedError(f"pandas.get_option({key!r})")
    return getattr(display, name)
