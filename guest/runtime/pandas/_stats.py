"""Statistics computed in the guest with numpy over the values (pandas' own formulas): the
standard error of the mean, skewness, mode and distinct counts of a frame, along columns
or rows."""

import math

from . import _common, _labels
from ._expr import call as fn, col, lit
from ._host import table
from .frame import DataFrame
from .series import Series
from . import _dtypes

_NUMERIC = _dtypes.NUMERIC


def _floats(values):
    import numpy as np
    return np.array([v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))],
                    dtype=float)


def sem(values, ddof=1):
    """pandas' nansem: the standard deviation over the square root of the count."""
    import numpy as np
    x = _floats(values)
    count = len(x)
    if count - ddof <= 0:
        return np.float64("nan")
    var = ((x - x.mean()) ** 2).sum() / (count - ddof)
    return np.float64(np.sqrt(var) / np.sqrt(count))


def skew(values):
    """pandas' skewness of a DataFrame's column or row: the central moments accumulated
    value by value (its moments_add_value) and the adjusted Fisher-Pearson coefficient
    (calc_skew; NaN for fewer than three values or constant ones). A single Series is
    reduced by pandas 3.1 with SIMD partial sums instead (not reproduced: Series.skew is
    refused)."""
    import numpy as np
    nobs, mean, m2, m3 = 0, 0.0, 0.0, 0.0
    for val in _floats(values).tolist():
        delta = val - mean
        nobs += 1
        n = float(nobs)
        delta_n = delta / n
        term1 = delta * delta_n * (n - 1.0)
        m3 += delta_n * (term1 * (n - 2.0) - 3.0 * m2)
        m2 += term1
        mean += delta_n
    if nobs < 3:
        return np.float64("nan")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.float64(m3) / (np.float64(m2) * np.sqrt(np.float64(m2)))
    return np.float64(ratio * ((nobs * np.sqrt(nobs - 1.0)) / (nobs - 2.0)))


def _numeric_columns(frame, numeric_only, how):
    names = frame._t.data_names
    kept = [n for n in names if frame._t.dtypes[n] in _NUMERIC]
    if len(kept) != len(names) and not numeric_only:
        raise TypeError(f"could not convert string to float (DataFrame.{how} of non-numeric columns)")
    return kept


def reduce_frame(frame, stat, axis, numeric_only, how):
    """stat of each column (axis=0) or row (axis=1) of the numeric columns: a Series."""
    names = _numeric_columns(frame, numeric_only, how)
    fetched = dict(_common.rows(frame._t, 0, frame._t.rows))
    if axis in (0, "index", None):
        return Series([stat(fetched[n]) for n in names], index=[_labels.decode(n) for n in names])
    values = [stat([fetched[n][i] for n in names]) for i in range(frame._t.rows)]
    return _with_rows(frame, values)


def _with_rows(frame, values):
    from ._framemethods import with_values
    from .series import _VALUE
    return Series._of(with_values(frame, [(_VALUE, values)])._t, col(_VALUE), None)


def nunique_rows(frame, dropna=True):
    """nunique(axis=1): the distinct values of each row."""
    fetched = dict(_common.rows(frame._t, 0, frame._t.rows))
    names = frame._t.data_names
    out = []
    for i in range(frame._t.rows):
        row = [fetched[n][i] for n in names]
        present = {v for v in row if not _missing(v)}
        out.append(len(present) + (0 if dropna or len(present) == len(row) else 1))
    return _with_rows(frame, out)


def _missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def mode(frame, axis, numeric_only, dropna):
    """DataFrame.mode: each column's (row's) modes, sorted, padded with NaN to the longest."""
    names = frame._t.data_names
    if numeric_only:
        names = [n for n in names if frame._t.dtypes[n] in _NUMERIC]
    if axis in (0, "index"):
        modes = {_labels.decode(n): [float("nan") if v is None else v for v in
                                     Series._of(frame._t, col(n), None).mode(dropna=dropna).tolist()]
                 for n in names}
        longest = max((len(v) for v in modes.values()), default=0)
        return DataFrame({k: v + [float("nan")] * (longest - len(v)) for k, v in modes.items()})
    fetched = dict(_common.rows(frame._t, 0, frame._t.rows))
    rows = []
    for i in range(frame._t.rows):
        counts = {}
        for n in names:
            v = fetched[n][i]
            if _missing(v):
                if dropna:
                    continue
                v = float("nan")
            key = "nan" if _missing(v) else v
            counts[key] = counts.get(key, 0) + 1
        top = max(counts.values(), default=0)
        found = sorted(k for k, c in counts.items() if c == top and k != "nan")
        if counts.get("nan") == top and top:
            found.append(float("nan"))
        rows.append(found)
    longest = max((len(r) for r in rows), default=0)
    columns = [(j, [r[j] if j < len(r) else float("nan") for r in rows]) for j in range(longest)]
    from ._framemethods import with_values
    return with_values(frame, columns)


def pct_change_rows(frame, periods):
    """pct_change(axis=1): each column over the column periods before it, minus one."""
    names = frame._t.data_names
    exprs = []
    for i, n in enumerate(names):
        j = i - periods
        if 0 <= j < len(names):
            exprs.append([n, fn("sub", fn("truediv", col(n), col(names[j])), lit(1))])
        else:
            exprs.append([n, fn("cast", lit(None), dtype="float64")])
    return DataFrame._wrap(table("select", h=frame._t.h, exprs=exprs, index=True))


def describe_other(series):
    """Series.describe of strings or objects (count, unique, top, freq) or of datetimes
    (count, mean, min, quartiles, max), an object Series as pandas gives it."""
    from ._scalars import Timestamp
    from .series import is_missing
    values = [v for v in series._values() if not is_missing(v) and v is not _nat()]
    if series.dtype.startswith("datetime"):
        micros = sorted(v._micros() for v in values)
        if not micros:
            raise NotImplementedError("describe() of an empty datetime Series")
        stats = [_exact(sum(micros), len(micros), "mean")]
        stats += [micros[0]] + [_quantile(micros, q) for q in (0.25, 0.5, 0.75)] + [micros[-1]]
        cells = [len(micros)] + [Timestamp._from_micros(m) for m in stats]
        index = ["count", "mean", "min", "25%", "50%", "75%", "max"]
    elif series.dtype in ("str", "object", "bool"):
        counts = series.value_counts()
        top = counts.head(1).to_dict()
        label, freq = next(iter(top.items())) if top else (math.nan, math.nan)
        cells = [len(values), len(counts), label, freq]
        index = ["count", "unique", "top", "freq"]
    else:
        raise NotImplementedError(f"describe() of a {series.dtype} Series")
    return Series(cells, index=index, name=series.name, dtype=object)


def _nat():
    from ._scalars import NaT
    return NaT


def _exact(total, count, what):
    """total / count in whole microseconds, or NotImplementedError (pandas rounds the
    nanoseconds of a fraction its own way)."""
    if total % count:
        raise NotImplementedError(f"describe() of datetimes whose {what} falls between microseconds")
    return total // count


def _quantile(sorted_micros, q):
    """numpy's linear quantile of integer microseconds, when it is a whole one."""
    position = (len(sorted_micros) - 1) * q
    low = int(position)
    high = min(low + 1, len(sorted_micros) - 1)
    step = sorted_micros[high] - sorted_micros[low]
    fraction = position - low
    if (step * fraction) != int(step * fraction):
        raise NotImplementedError("describe() of datetimes whose quantile falls between microseconds")
    return sorted_micros[low] + int(step * fraction)


def table_quantile(frame, q, interpolation, numeric_only):
    """DataFrame.quantile(method="table"): the row at quantile q of the rows sorted by all
    columns (position q * (n - 1), rounded as interpolation says: pandas' "nearest" rounds
    half to even, as numpy), named q; a list of q gives a frame indexed by them."""
    import math
    if interpolation not in ("nearest", "lower", "higher"):
        raise ValueError(f"Invalid interpolation: {interpolation} (method='table' takes "
                         "'nearest', 'lower' or 'higher')")
    if numeric_only:
        frame = frame.select_dtypes("number")
    ordered = frame.sort_values(list(frame.columns))
    n = len(ordered)

    def position(x):
        at = x * (n - 1)
        return {"nearest": round(at), "lower": math.floor(at), "higher": math.ceil(at)}[interpolation]
    many = isinstance(q, (list, tuple)) or type(q).__name__ == "ndarray"
    qs = list(q) if many else [q]
    rows = ordered.iloc[[position(x) for x in qs]]
    rows.index = qs
    if many:
        return rows
    row = rows.iloc[0]
    row.name = q
    return row
