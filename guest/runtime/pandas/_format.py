"""pandas' text layout for DataFrame and Series (``repr``, ``print``, ``to_string``).

Rules (checked against pandas' output): index labels left-aligned, everything else
right-aligned; DataFrame columns joined by one space, values carrying a leading space and
numeric columns one more; Series values four spaces after the index; floats of a column
share one format (six decimals, trailing zeros trimmed alike; scientific below 1e-6, or above
1e6 when the fixed form gets long); missing values print as NaN (NaT for datetimes);
datetimes without a time of day print as dates; repeated outer labels of a MultiIndex are
left blank. Long tables show their first and last 5 rows (".." between), wide ones the
columns that fit in 80 characters from both ends ("..." between), and a size footer.
"""

import datetime as _dt
import math

from . import options
from . import _dtypes

_FLOAT_DTYPES = _dtypes.FLOATS


def format_column(values, dtype):
    """The cells of one column as strings."""
    if dtype in _FLOAT_DTYPES or (dtype == "object" and values and
                                  all(isinstance(v, float) or v is None for v in values)
                                  and any(isinstance(v, float) for v in values)):
        return _floats(values)
    if dtype.startswith("datetime"):
        return datetime_cells(values)
    if dtype.startswith("timedelta"):
        return timedelta_cells(values)
    if dtype == "object":
        return object_cells(values)
    return [_cell(v) for v in values]


def clip_cells(cells, dtype):
    """pandas' display.max_colwidth for printed tables: a text cell longer than it (counting
    the leading space pandas gives it) cut to fit, ending in "..."; numbers and dates never."""
    limit = options.display.max_colwidth
    if dtype.startswith(("int", "uint", "float", "bool", "datetime", "timedelta")) or limit <= 3:
        return cells
    out = []
    for cell in cells:
        spaced = cell if cell.startswith(" ") else " " + cell
        if len(spaced) > limit:
            spaced = spaced[:limit - 3] + "..."
            cell = spaced if cell.startswith(" ") else spaced[1:]
        out.append(cell)
    return out


def object_cells(values):
    """pandas' cells of an object column: None, NaN and NaT as such, floats in the float
    format, other values as pandas' pprint_thing (tabs and newlines escaped, lists and tuples
    of unquoted items, dicts with quoted strings). pandas gives every cell a leading space
    (floats their sign's); the layout adds that space itself, so it is dropped when all cells
    have it (a negative float keeps it on the others)."""
    from ._scalars import NaT
    digits = options.display.precision
    out = []
    for v in values:
        if isinstance(v, float) and not math.isnan(v):
            out.append(_trim_zeros([f"{v: .{digits}f}"])[0])
        elif v is None:
            out.append(" None")
        elif v is NaT:
            out.append(" NaT")
        elif isinstance(v, float):
            out.append(" NaN")
        else:
            out.append(" " + pprint_thing(v, escape=True))
    if all(cell.startswith(" ") for cell in out):
        out = [cell[1:] for cell in out]
    return out


def pprint_thing(value, escape=False, quote=False, depth=0):
    """pandas' printing.pprint_thing."""
    if isinstance(value, dict) and depth < 3:
        pairs = [f"{pprint_thing(k, quote=True, depth=depth + 1)}: "
                 f"{pprint_thing(v, quote=True, depth=depth + 1)}"
                 for k, v in list(value.items())[:_max_items(value)]]
        more = ", ..." if len(value) > _max_items(value) else ""
        return "{" + ", ".join(pairs) + more + "}"
    if isinstance(value, (list, tuple, set, frozenset, range)) or \
            (type(value).__name__ == "ndarray" and getattr(value, "ndim", 1) > 0):
        if depth >= 3:
            return str(value)
        return _pprint_seq(value, escape, quote, depth)
    text = str(value)
    if escape:
        text = text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
    return f"'{text}'" if quote and isinstance(value, str) else text


def _max_items(seq):
    return 100  # pandas' display.max_seq_items


def _pprint_seq(seq, escape, quote, depth):
    if isinstance(seq, set):
        fmt = "{%s}"
    elif isinstance(seq, frozenset):
        fmt = "frozenset({%s})" if seq else "frozenset()"
    else:
        fmt = "[%s]" if hasattr(seq, "__setitem__") else "(%s)"
    items = list(seq)
    parts = []
    for item in items[:_max_items(items)]:
        if isinstance(item, float) and not math.isnan(item):
            item = _trim_zeros([f"{item:.{options.display.precision}f}"])[0]
        parts.append(pprint_thing(item, escape, quote, depth + 1))
    body = ", ".join(parts)
    if len(items) > _max_items(items):
        body += ", ..."
    elif isinstance(seq, tuple) and len(seq) == 1:
        body += ","
    return fmt % body if "%s" in fmt else fmt


def _cell(value):
    if value is None:
        return "NaN"
    if isinstance(value, float):
        return _floats([value])[0]
    return str(value)


def _floats(values):
    finite = [abs(v) for v in values if isinstance(v, (int, float)) and v is not None
              and not isinstance(v, bool) and math.isfinite(v)]
    digits = options.display.precision
    fixed = _trim_zeros([_special(v) or f"{v:.{digits}f}" for v in values])
    # pandas: scientific for values below 10**-digits, or above 1e6 when the fixed form
    # (with its leading space) is longer than digits + 6 characters.
    longest = max([len(c) + 1 for c, v in zip(fixed, values) if not _special(v)], default=0)
    if any(0 < v < 10 ** -digits for v in finite) or \
            (any(v > 1e6 for v in finite) and longest > digits + 6):
        return [_special(v) or f"{v:.{digits}e}" for v in values]
    return fixed


def _special(v):
    """The text of a missing or infinite float, else None."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "NaN"
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return None


def _trim_zeros(cells):
    """Drop trailing zeros from all numbers alike, keeping one decimal."""
    numbers = [c for c in cells if c not in ("NaN", "inf", "-inf")]
    while numbers and all(c.endswith("0") and not c.endswith(".0") for c in numbers):
        numbers = [c[:-1] for c in numbers]
        cells = [c[:-1] if c not in ("NaN", "inf", "-inf") else c for c in cells]
    return cells


def datetime_cells(values):
    present = [v for v in values if v is not None]
    dates_only = all(v.hour == v.minute == v.second == v.microsecond == 0 for v in present)
    out = []
    for v in values:
        if v is None:
            out.append("NaT")
        elif dates_only:
            out.append(v.strftime("%Y-%m-%d"))
        else:
            out.append(str(v))
    return out


def timedelta_cells(values):
    """pandas' timedelta cells: "N days" when every value is whole days, else
    "N days HH:MM:SS", with microseconds on all when any has them; NaT when missing."""
    present = [v for v in values if v is not None]
    if all(v.seconds == v.microseconds == 0 for v in present):
        return ["NaT" if v is None else f"{v.days} days" for v in values]
    fraction = any(v.microseconds for v in present)
    out = []
    for v in values:
        if v is None:
            out.append("NaT")
            continue
        hours, rest = divmod(v.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        sign = "+" if v.days < 0 else ""
        cell = f"{v.days} days {sign}{hours:02d}:{minutes:02d}:{seconds:02d}"
        out.append(cell + (f".{v.microseconds:06d}" if fraction else ""))
    return out


def format_labels(values):
    """Index labels as strings (numbers like a column, other labels by str)."""
    if values and all(isinstance(v, float) or v is None for v in values):
        return _floats(values)
    if values and all(isinstance(v, _dt.datetime) or v is None for v in values):
        return datetime_cells(values)
    return ["NaN" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v)
            for v in values]


def _sparse(levels):
    """Blank repeated labels of outer MultiIndex levels (pandas' sparsify)."""
    out = [list(level) for level in levels]
    for i in range(len(levels) - 1):
        for row in range(len(levels[i]) - 1, 0, -1):
            if all(levels[j][row] == levels[j][row - 1] for j in range(i + 1)):
                out[i][row] = ""
    return out


def _width(parts, cells, dtype, levels):
    """A column's width: values carry one leading space; numbers under a one-level header get
    one more column than their widest value or header, datetimes none. parts: the header
    texts shown above the column (repeated outer labels left out)."""
    header = max(len(p) for p in parts)
    widest = max([len(c) for c in cells], default=0)
    if dtype.startswith(("datetime", "timedelta")):
        return max(widest, header)
    if dtype in _dtypes.NUMERIC:
        # numbers keep a sign column, taken by "-" in negative values (not an all-NaN one)
        return max(_numbers_width(cells), header + 1 if levels == 1 else header)
    return max(widest + 1, header)


def _signed_len(cell):
    return len(cell) if cell.startswith("-") else len(cell) + 1


def _numbers_width(cells):
    """The width of numeric cells: a sign column, unless every value is missing."""
    if cells and all(c == "NaN" for c in cells):
        return 3
    return max([_signed_len(c) for c in cells], default=0)


def frame_text(index_names, index_levels, columns, total_rows, split, width_limit=None,
               columns_name=None):
    """The layout of a DataFrame.

    index_levels: one list of label strings per level; columns: (label, cells, dtype) triples;
    split: where the "..." row goes (None when every row is shown). Columns that do not fit
    in width_limit characters are cut from the middle (a "..." column), like pandas in a
    terminal.
    """
    levels = _sparse(index_levels)
    if not all(isinstance(label, tuple) for label, _, _ in columns):
        # a flat Index holding tuples among other labels prints them as "(a, b)"
        columns = [(pprint_thing(label) if isinstance(label, tuple) else label, cells, dtype)
                   for label, cells, dtype in columns]
    header_levels = max((len(label) if isinstance(label, tuple) else 1 for label, _, _ in columns),
                        default=1)
    index_widths = [max([len(x) for x in lvl] + [len(str(n)) if n is not None else 0, 2 if split is not None else 0])
                    for lvl, n in zip(levels, index_names)]
    if columns_name is not None:
        # The columns' name heads the index area (widened to hold it).
        area = sum(index_widths) + len(index_widths) - 1
        index_widths[0] += max(len(str(columns_name)) - area, 0)
    shown, previous = [], None
    for label, _, _ in columns:
        parts = [_header(p) for p in (label if isinstance(label, tuple) else (label,))]
        shown.append([p for h, p in enumerate(parts) if h == len(parts) - 1 or previous is None
                      or h >= len(previous) or previous[h] != p])
        previous = parts
    widths = [_width(parts, cells, dtype, header_levels)
              for parts, (_, cells, dtype) in zip(shown, columns)]
    columns = [(label, cells) for label, cells, _ in columns]
    if width_limit is not None:
        columns, widths = _fit(columns, widths, sum(w + 1 for w in index_widths), width_limit)
    if split is not None:
        levels = [lvl[:split] + [".."] + lvl[split:] for lvl in levels]
        columns = [(label, cells[:split] + [("..." if w > 3 else "..") if label is not _CUT else "..."]
                    + cells[split:]) for (label, cells), w in zip(columns, widths)]
    headers = []
    for label, _ in columns:
        parts = label if isinstance(label, tuple) else (label,)
        headers.append([_header(p) for p in parts] + [""] * (header_levels - len(parts)))
    lines = []
    blank_index = [" " * w for w in index_widths]
    if columns_name is not None:
        blank_index = [str(columns_name).ljust(sum(index_widths) + len(index_widths) - 1)]
    for h in range(header_levels):
        cells = []
        previous = None
        for head, w in zip(headers, widths):
            text = head[h]
            cells.append(" " * w if h < header_levels - 1 and text == previous else text.rjust(w))
            previous = text
        lines.append(" ".join(blank_index + cells))
    if any(name is not None for name in index_names):
        row = [(str(n) if n is not None else "").ljust(w) for n, w in zip(index_names, index_widths)]
        lines.append(" ".join(row + [" " * w for w in widths]))
    count = len(columns[0][1]) if columns else 0
    for r in range(count):
        row = [lvl[r].ljust(w) for lvl, w in zip(levels, index_widths)]
        cells = [cells[r].rjust(w) for (_, cells), w in zip(columns, widths)]
        lines.append(" ".join(row + cells))
    return "\n".join(lines), any(label is _CUT for label, _ in columns)


def _header(label):
    """A column label as printed (a NaN label as pandas shows it)."""
    return "NaN" if isinstance(label, float) and math.isnan(label) else str(label)


class _Cut:
    def __str__(self):
        return "..."


_CUT = _Cut()


def _fit(columns, widths, used, limit):
    """The columns that fit in limit characters: as many from both ends as fit, the left
    side taking the odd one, with a "..." column between."""
    total = used + sum(w + 1 for w in widths)
    if total <= limit:
        return columns, widths
    n = len(columns)
    best = 1
    for k in range(1, n):
        left, right = (k + 1) // 2, k // 2
        size = used + sum(w + 1 for w in widths[:left]) + sum(w + 1 for w in widths[n - right:]) + 5
        if size > limit:
            break
        best = k
    left, right = (best + 1) // 2, best // 2
    rows = len(columns[0][1])
    kept = columns[:left] + [(_CUT, ["..."] * rows)] + (columns[n - right:] if right else [])
    kept_widths = widths[:left] + [4] + (widths[n - right:] if right else [])
    return kept, kept_widths


def series_text(index_names, index_levels, cells, split, footer, dtype="object"):
    levels = _sparse(index_levels)
    if split is not None:
        levels = [lvl[:split] + [""] + lvl[split:] for lvl in levels]
        widest = max([len(c) for c in cells], default=0)
        cells = cells[:split] + ["..." if widest > 3 else ".."] + cells[split:]
    # a single level's name is printed above it without widening it
    widths = [max([len(x) for x in lvl] + [len(str(n)) if n is not None and len(levels) > 1 else 0])
              for lvl, n in zip(levels, index_names)]
    # Three spaces after the index; numbers add a sign column, strings a space.
    if dtype.startswith(("datetime", "timedelta")):
        value_width = max([len(c) for c in cells], default=0)
    elif dtype in _dtypes.NUMBERS:
        value_width = _numbers_width(cells)
    else:
        value_width = max([len(c) + 1 for c in cells], default=0)
    lines = []
    if any(n is not None for n in index_names):
        names = "  ".join((str(n) if n is not None else "").ljust(w)
                          for n, w in zip(index_names, widths))
        # pandas pads the names of several levels to their widths
        lines.append(names if len(widths) > 1 else names.rstrip())
    for r, cell in enumerate(cells):
        labels = "  ".join(lvl[r].ljust(w) for lvl, w in zip(levels, widths))
        lines.append(f"{labels}   {cell.rjust(value_width)}")
    lines.append(footer)
    return "\n".join(lines)
