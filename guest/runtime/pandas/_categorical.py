"""pandas.Categorical, Interval, CategoricalDtype, cut and qcut, held in the guest.

A Categorical is codes (positions in its categories, -1 when missing), the categories and
whether they are ordered; its repr is pandas' (values wrapped at display.width, at most ten
shown, and the ``Categories (n, dtype): [...]`` footer). There is no category dtype for
columns: a Series or DataFrame column of categories raises NotImplementedError."""

import math

from . import _format, options
from ._index import Index


def _missing(value):
    from .series import is_missing
    return is_missing(value)


class Interval:
    """pandas.Interval: the bounds and which side is closed."""

    def __init__(self, left, right, closed="right"):
        if closed not in ("right", "left", "both", "neither"):
            raise ValueError(f"invalid option for 'closed': {closed}")
        self.left, self.right, self.closed = left, right, closed

    @property
    def closed_left(self):
        return self.closed in ("left", "both")

    @property
    def closed_right(self):
        return self.closed in ("right", "both")

    @property
    def length(self):
        return self.right - self.left

    @property
    def mid(self):
        return (self.left + self.right) / 2

    def __contains__(self, x):
        if isinstance(x, Interval):  # the other interval inside this one (pandas 3)
            above = self.left < x.left if not self.closed_left and x.closed_left else self.left <= x.left
            below = x.right < self.right if not self.closed_right and x.closed_right else x.right <= self.right
            return above and below
        above = x >= self.left if self.closed_left else x > self.left
        below = x <= self.right if self.closed_right else x < self.right
        return above and below

    def _shifted(self, op, other):
        """The interval with op(bound, other) as bounds (pandas' Interval arithmetic with a
        number or timedelta)."""
        if isinstance(other, Interval):
            return NotImplemented
        return Interval(op(self.left, other), op(self.right, other), closed=self.closed)

    def __add__(self, other): return self._shifted(lambda b, o: b + o, other)
    def __radd__(self, other): return self._shifted(lambda b, o: o + b, other)
    def __sub__(self, other): return self._shifted(lambda b, o: b - o, other)
    def __mul__(self, other): return self._shifted(lambda b, o: b * o, other)
    def __rmul__(self, other): return self._shifted(lambda b, o: o * b, other)
    def __truediv__(self, other): return self._shifted(lambda b, o: b / o, other)
    def __floordiv__(self, other): return self._shifted(lambda b, o: b // o, other)

    def __eq__(self, other):
        return isinstance(other, Interval) and \
            (self.left, self.right, self.closed) == (other.left, other.right, other.closed)

    def __hash__(self):
        return hash((self.left, self.right, self.closed))

    def __str__(self):
        return (("[" if self.closed_left else "(") + f"{self.left!r}, {self.right!r}" +
                ("]" if self.closed_right else ")"))

    def __repr__(self):
        return f"Interval({self.left!r}, {self.right!r}, closed='{self.closed}')"


class CategoricalDtype:
    """The dtype of a Categorical: its categories and whether they are ordered."""

    name = "category"

    def __init__(self, categories=None, ordered=False):
        self.categories = None if categories is None else Index(list(categories))
        self.ordered = bool(ordered)

    def __eq__(self, other):
        if isinstance(other, str):
            return other == "category"
        return isinstance(other, CategoricalDtype) and self.ordered == other.ordered and \
            list(self.categories or []) == list(other.categories or [])

    __hash__ = object.__hash__

    def __str__(self):
        return "category"

    def __repr__(self):
        categories = list(self.categories) if self.categories is not None else None
        return (f"CategoricalDtype(categories={categories!r}, ordered={self.ordered}, "
                f"categories_dtype={_dtype_name(categories or [])})")


def _dtype_name(values):
    """The dtype name pandas gives an Index of these category values."""
    if values and all(isinstance(v, Interval) for v in values):
        kind = "int64" if all(isinstance(v.left, int) for v in values) else "float64"
        return f"interval[{kind}, {values[0].closed}]"
    return Index(values).dtype if values else "object"


def _sort_key(value):
    """pandas' safe_sort order for mixed categories: numbers before strings."""
    return (isinstance(value, str), value)


class Categorical:
    """pandas.Categorical (see the module docstring)."""

    def __init__(self, values=(), categories=None, ordered=None, dtype=None, copy=True):
        if isinstance(dtype, CategoricalDtype):
            categories = dtype.categories if categories is None else categories
            ordered = dtype.ordered if ordered is None else ordered
        values = values.tolist() if hasattr(values, "tolist") else list(values)
        if categories is None:
            present = list(dict.fromkeys(v for v in values if not _missing(v)))
            try:
                present.sort(key=_sort_key)
            except TypeError:
                pass
            categories = present
        categories = list(categories)
        if len(set(categories)) != len(categories):
            raise ValueError("Categorical categories must be unique")
        positions = {c: i for i, c in enumerate(categories)}
        self._codes = [-1 if _missing(v) else positions.get(v, -1) for v in values]
        self._categories = categories
        self.ordered = bool(ordered)

    @classmethod
    def from_codes(cls, codes, categories=None, ordered=None, dtype=None):
        if isinstance(dtype, CategoricalDtype):
            categories, ordered = dtype.categories, dtype.ordered
        result = cls([], categories=categories, ordered=ordered)
        result._codes = [int(c) for c in codes]
        if any(c < -1 or c >= len(result._categories) for c in result._codes):
            raise ValueError("codes need to be between -1 and len(categories)-1")
        return result

    def _with_codes(self, codes):
        return Categorical.from_codes(codes, self._categories, self.ordered)

    # --- basics ------------------------------------------------------------------------------
    @property
    def categories(self):
        return Index(self._categories)

    @property
    def codes(self):
        import numpy as np
        return np.array(self._codes, dtype=np.int8 if len(self._categories) < 128 else np.int64)

    @property
    def dtype(self):
        return CategoricalDtype(self._categories, self.ordered)

    @property
    def nbytes(self):
        raise NotImplementedError("Categorical.nbytes")

    def __len__(self):
        return len(self._codes)

    @property
    def shape(self):
        return (len(self),)

    @property
    def ndim(self):
        return 1

    def _value(self, code):
        return None if code == -1 else self._categories[code]

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self._with_codes(self._codes[key])
        if isinstance(key, (list, tuple)) or type(key).__name__ == "ndarray":
            key = list(key)
            if key and all(isinstance(k, (bool,)) or type(k).__name__ == "bool_" for k in key):
                return self._with_codes([c for c, k in zip(self._codes, key) if k])
            return self._with_codes([self._codes[int(k)] for k in key])
        value = self._value(self._codes[key])
        return math.nan if value is None else value

    def __iter__(self):
        return iter(math.nan if c == -1 else self._categories[c] for c in self._codes)

    def tolist(self):
        return list(self)

    to_list = tolist

    def __array__(self, dtype=None, copy=None):
        import numpy as np
        return np.array(self.tolist(), dtype=dtype)

    def isna(self):
        import numpy as np
        return np.array([c == -1 for c in self._codes], dtype=bool)

    isnull = isna

    def notna(self):
        return ~self.isna()

    notnull = notna

    def unique(self):
        seen = list(dict.fromkeys(c for c in self._codes))
        return self._with_codes(seen)

    def astype(self, dtype):
        import numpy as np
        if dtype == "category":
            return self
        return np.array(self.tolist()).astype(dtype)

    # --- order ---------------------------------------------------------------------------------
    def _check_ordered(self, op):
        if not self.ordered:
            raise TypeError(f"Categorical is not ordered for operation {op}\n"
                            "you can use .as_ordered() to change the Categorical to an "
                            "ordered one\n")

    def min(self, skipna=True):
        self._check_ordered("min")
        return self._extreme(min, skipna)

    def max(self, skipna=True):
        self._check_ordered("max")
        return self._extreme(max, skipna)

    def _extreme(self, pick, skipna):
        codes = [c for c in self._codes if c != -1]
        if not codes or (not skipna and len(codes) < len(self._codes)):
            return math.nan
        return self._categories[pick(codes)]

    def as_ordered(self):
        return Categorical.from_codes(self._codes, self._categories, True)

    def as_unordered(self):
        return Categorical.from_codes(self._codes, self._categories, False)

    # --- categories ----------------------------------------------------------------------------
    def rename_categories(self, new_categories):
        if callable(new_categories):
            new_categories = [new_categories(c) for c in self._categories]
        elif isinstance(new_categories, dict):
            new_categories = [new_categories.get(c, c) for c in self._categories]
        new_categories = list(new_categories)
        if len(new_categories) != len(self._categories):
            raise ValueError("new categories need to have the same number of items as the "
                             "old categories!")
        return Categorical.from_codes(self._codes, new_categories, self.ordered)

    def set_categories(self, new_categories, ordered=None, rename=False):
        ordered = self.ordered if ordered is None else ordered
        if rename:
            return Categorical.from_codes(self._codes, new_categories, ordered)
        return Categorical([self._value(c) for c in self._codes], list(new_categories), ordered)

    def reorder_categories(self, new_categories, ordered=None):
        if set(new_categories) != set(self._categories) or \
                len(list(new_categories)) != len(self._categories):
            raise ValueError("items in new_categories are not the same as in old categories")
        return self.set_categories(new_categories, ordered)

    def add_categories(self, new_categories):
        new = list(new_categories) if isinstance(new_categories, (list, tuple, Index)) \
            else [new_categories]
        already = [c for c in new if c in self._categories]
        if already:
            raise ValueError(f"new categories must not include old categories: {set(already)}")
        return Categorical.from_codes(self._codes, self._categories + new, self.ordered)

    def remove_categories(self, removals):
        removals = list(removals) if isinstance(removals, (list, tuple, Index)) else [removals]
        missing = [r for r in removals if r not in self._categories]
        if missing:
            raise ValueError(f"removals must all be in old categories: {set(missing)}")
        return self.set_categories([c for c in self._categories if c not in removals])

    def remove_unused_categories(self):
        used = set(self._codes)
        return self.set_categories([c for i, c in enumerate(self._categories) if i in used])

    # --- repr --------------------------------------------------------------------------------
    def __repr__(self):
        width = options.display.width or 80
        footer = self._footer(width)
        if len(self) > 10:
            values = (_cells([self._value(c) for c in self._codes[:5]]) + ["..."] +
                      _cells([self._value(c) for c in self._codes[-5:]]))
            return f"{_values_line(values, width)}\nLength: {len(self)}\n{footer}"
        if len(self):
            return f"{_values_line(_cells([self._value(c) for c in self._codes]), width)}\n{footer}"
        return f"[], {footer}"

    def _footer(self, width):
        categories = self._categories
        if len(categories) > 8:
            cells = _cells(categories[:4]) + ["..."] + _cells(categories[-4:])
        else:
            cells = _cells(categories)
        header = f"Categories ({len(categories)}, {_dtype_name(categories)}): "
        sep = " < " if self.ordered else ", "
        parts, used, start = [], len(header), True
        for cell in cells:
            if used + len(sep) + len(cell) > width:
                parts.append(sep.rstrip() + "\n" + " " * (len(header) + 1))
                used = len(header) + 1
            elif not start:
                parts.append(sep)
                used += len(sep)
            parts.append(cell)
            used += len(cell)
            start = False
        return f"{header}[{''.join(parts).replace(' < ... < ', ' ... ')}]"


def _cells(values):
    """pandas' format_array with quoted strings: floats share one format, NaN when missing."""
    floats = [v for v in values if isinstance(v, float)]
    float_cells = iter(_format._floats(floats)) if floats else iter(())
    out = []
    for v in values:
        if v is None:
            out.append("NaN")
        elif isinstance(v, str):
            out.append(f"'{v}'")
        elif isinstance(v, float):
            out.append(next(float_cells).strip())
        else:
            out.append(str(v))
    return out


def _values_line(cells, width):
    parts, used = ["["], 1
    for i, cell in enumerate(cells):
        if i:
            if used + 2 + len(cell) > width:
                parts.append(",\n ")
                used = 1
            else:
                parts.append(", ")
                used += 2
        parts.append(cell)
        used += len(cell)
    return "".join(parts) + "]"


# --- cut and qcut --------------------------------------------------------------------------------

def _round_frac(x, precision):
    if isinstance(x, int) or not math.isfinite(x) or x == 0:
        return x
    whole = math.trunc(x)
    frac = x - whole
    digits = -int(math.floor(math.log10(abs(frac)))) - 1 + precision if whole == 0 else precision
    return _np_round(x, digits)


def _np_round(x, digits):
    import numpy as np
    return float(np.around(x, digits))


def _labels_for(bins, precision, right, include_lowest):
    """The intervals pandas names the bins with (breaks rounded to the fewest digits that
    keep them distinct, from ``precision`` up)."""
    for digits in range(precision, 20):
        breaks = [_round_frac(b, digits) for b in bins]
        if len(set(breaks)) == len(bins):
            precision = digits
            break
    else:
        breaks = [_round_frac(b, precision) for b in bins]
    if right and include_lowest:
        breaks[0] = breaks[0] - 10 ** (-precision)
    closed = "right" if right else "left"
    return [Interval(a, b, closed) for a, b in zip(breaks[:-1], breaks[1:])]


def _bins_to_cuts(values, bins, labels, precision, right, include_lowest, duplicates,
                  ordered):
    import bisect
    if len(set(bins)) < len(bins):
        if duplicates == "raise":
            raise ValueError(f"Bin edges must be unique: {bins!r}.\n"
                             "You can drop duplicate edges by setting the 'duplicates' kwarg")
        bins = sorted(set(bins))
    codes = []
    for v in values:
        if _missing(v):
            codes.append(-1)
            continue
        i = bisect.bisect_left(bins, v) if right else bisect.bisect_right(bins, v)
        if include_lowest and v == bins[0]:
            i = 1
        codes.append(-1 if i == 0 or i == len(bins) else i - 1)
    if labels is False:
        return codes, bins, None
    if labels is None:
        categories = _labels_for(bins, precision, right, include_lowest)
        ordered = True
    else:
        categories = list(labels)
        if len(categories) != len(bins) - 1:
            raise ValueError("Bin labels must be one fewer than the number of bin edges")
        if len(set(categories)) < len(categories):
            if ordered:
                raise ValueError("labels must be unique if ordered=True; pass ordered=False "
                                 "for duplicate labels")
            unique = list(dict.fromkeys(categories))
            codes = [-1 if c == -1 else unique.index(categories[c]) for c in codes]
            categories = sorted(unique, key=_sort_key)
            codes = [-1 if c == -1 else categories.index(unique[c]) for c in codes]
    return codes, bins, Categorical.from_codes(codes, categories, ordered)


def _input(x, name):
    from .series import Series
    if isinstance(x, Series):
        raise NotImplementedError(f"pandas.{name} of a Series (a category column)")
    import numpy as np
    values = np.asarray(x)
    if values.ndim != 1:
        raise ValueError("Input array must be 1 dimensional")
    return [None if isinstance(v, float) and math.isnan(v) else v for v in values.tolist()]


def _result(codes, bins, categorical, retbins):
    import numpy as np
    if categorical is None:
        result = np.array([math.nan if c == -1 else c for c in codes]) \
            if -1 in codes else np.array(codes, dtype=np.int64)
    else:
        result = categorical
    return (result, np.array(bins)) if retbins else result


def cut(x, bins, right=True, labels=None, retbins=False, precision=3, include_lowest=False,
        duplicates="raise", ordered=True):
    """pandas.cut of a list or array: a Categorical of intervals (or of ``labels``), the bin
    numbers with ``labels=False``."""
    values = _input(x, "cut")
    if isinstance(bins, (int, float)) and not isinstance(bins, bool):
        import numpy as np
        present = [v for v in values if v is not None]
        if not present:
            raise ValueError("Cannot cut empty array")
        low, high = min(present), max(present)
        if low == high:
            low, high = low - 0.001 * abs(low) if low else -0.001, \
                high + 0.001 * abs(high) if high else 0.001
            edges = np.linspace(low, high, int(bins) + 1).tolist()
        else:
            edges = np.linspace(low, high, int(bins) + 1).tolist()
            adjust = (high - low) * 0.001
            if right:
                edges[0] -= adjust
            else:
                edges[-1] += adjust
    elif hasattr(bins, "closed"):
        raise NotImplementedError("pandas.cut with an IntervalIndex")
    else:
        edges = bins.tolist() if hasattr(bins, "tolist") else list(bins)
        if any(b > a for a, b in zip(edges[1:], edges[:-1])):
            raise ValueError("bins must increase monotonically.")
    result = _bins_to_cuts(values, edges, labels, precision, right, include_lowest,
                           duplicates, ordered)
    return _result(*result, retbins)


def qcut(x, q, labels=None, retbins=False, precision=3, duplicates="raise"):
    """pandas.qcut of a list or array: cut at the quantiles (linear interpolation)."""
    import numpy as np
    values = _input(x, "qcut")
    present = np.array([v for v in values if v is not None], dtype=float)
    quantiles = np.linspace(0, 1, q + 1) if isinstance(q, int) else np.asarray(q, dtype=float)
    edges = np.quantile(present, quantiles).tolist()
    result = _bins_to_cuts(values, edges, labels, precision, True, True, duplicates, True)
    return _result(*result, retbins)


def factorize(values, sort=False, use_na_sentinel=True, size_hint=None):
    """pd.factorize: (codes, uniques) in order of first appearance (or sorted), -1 for a
    missing value unless use_na_sentinel is false; uniques as the input's kind: an array,
    an Index for a Series or Index, a Categorical (its categories kept) for one."""
    import numpy as np
    from .series import Series, is_missing
    if isinstance(values, Categorical):
        items = list(values)
    elif isinstance(values, (Series, Index)):
        items = values.tolist()
    else:
        array = np.asarray(values)
        items = array.tolist()
    codes, uniques, seen = [], [], {}
    missing_code = None
    for v in items:
        if is_missing(v):
            if use_na_sentinel:
                codes.append(-1)
                continue
            if missing_code is None:
                missing_code = len(uniques)
                uniques.append(v)
            codes.append(missing_code)
            continue
        if v not in seen:
            seen[v] = len(uniques)
            uniques.append(v)
        codes.append(seen[v])
    if sort:
        order = sorted(range(len(uniques)), key=lambda i: (is_missing(uniques[i]), uniques[i] if not is_missing(uniques[i]) else 0))
        new_code = {old: new for new, old in enumerate(order)}
        codes = [c if c == -1 else new_code[c] for c in codes]
        uniques = [uniques[i] for i in order]
    codes = np.array(codes, dtype=np.int64)
    if isinstance(values, Categorical):
        return codes, Categorical(uniques, categories=values.categories, ordered=values.ordered)
    if isinstance(values, (Series, Index)):
        return codes, Index(uniques)
    return codes, np.array(uniques, dtype=array.dtype)
