"""DataFrame.clip with bounds per column or per row, as pandas aligns them: a list-like of one
bound per column (no axis, or axis=1), a Series by column label (axis=1) or by row label
(axis=0), or a list-like of one bound per row (axis=0). A missing bound clips nothing."""

from ._expr import call as fn, col, json_value, lit
from ._host import call, table

_LOW, _HIGH = "\x02lower", "\x02upper"


def clip(frame, lower, upper, axis):
    """frame's values clipped to [lower, upper] (see the module docstring)."""
    from .frame import DataFrame
    from .series import Series
    names = frame._t.data_names
    if any(isinstance(b, DataFrame) for b in (lower, upper)):
        raise NotImplementedError("DataFrame.clip with a DataFrame of bounds")
    if axis is None and not any(isinstance(b, Series) for b in (lower, upper)):
        axis = 1
    axis = {"index": 0, "columns": 1}.get(axis, axis)
    if _is_scalar(lower) and _is_scalar(upper):
        return frame._map_columns(lambda n: fn("clip", col(n), lower=json_value(lower),
                                               upper=json_value(upper)))
    if axis == 1:
        lows, highs = _per_column(frame, lower), _per_column(frame, upper)
        return _clipped(frame._t, names, lambda n: lit(lows[n]), lambda n: lit(highs[n]))
    if axis != 0:
        raise ValueError(f"No axis named {axis} for object type DataFrame")
    t = frame._t
    attached = []
    for name, bound in ((_LOW, lower), (_HIGH, upper)):
        if _is_scalar(bound):
            continue
        values = _per_row(t, bound)
        t = table("attach", h=t.h, other=values.h, columns=[[name, "\x01"]])
        attached.append(name)
    lo = col(_LOW) if _LOW in attached else lit(lower)
    hi = col(_HIGH) if _HIGH in attached else lit(upper)
    return _clipped(t, names, lambda n: lo, lambda n: hi)


def _clipped(t, names, lo_of, hi_of):
    """Columns `names` of t clipped to their bounds (expressions, per column name). pandas'
    where keeps a column's dtype unless a bound replaces one of its values, so only the bounds
    that replace one are applied."""
    from .frame import DataFrame
    bounds = {n: {"lo": lo_of(n), "hi": hi_of(n)} for n in names}
    checks = [[f"{n}\x00{side}", fn("any", fn("not", _holds(col(n), bound, side)))]
              for n in names for side, bound in bounds[n].items() if bound != lit(None)]
    replaced = dict(zip([c[0] for c in checks], call("aggregate", h=t.h, exprs=checks))) \
        if checks else {}
    applied = {n: [bounds[n][side] if replaced.get(f"{n}\x00{side}") else lit(None)
                   for side in ("lo", "hi")] for n in names}
    exprs = [[n, _bounded(col(n), *applied[n])] for n in names]
    return DataFrame._wrap(table("select", h=t.h, exprs=exprs, index=True))


def _is_scalar(value):
    return value is None or not hasattr(value, "__len__") or isinstance(value, str)


def _per_column(frame, bound):
    """One bound per data column: a scalar for all, a list in column order, a Series by label."""
    from .series import Series
    names = frame._t.data_names
    if _is_scalar(bound):
        return {n: bound for n in names}
    if isinstance(bound, Series):
        from ._align import values_at
        return dict(zip(names, values_at(bound, list(frame.columns))))
    values = bound.tolist() if hasattr(bound, "tolist") else list(bound)
    if len(values) != len(names):
        raise ValueError(f"Unable to coerce to Series, length must be {len(names)}: "
                         f"given {len(values)}")
    return dict(zip(names, values))


def _per_row(t, bound):
    """A host table of one bound per row of t (column "\\x01"), a Series aligned by label."""
    from ._align import column_for
    from ._expr import column_value
    from .series import Series
    if isinstance(bound, Series):
        return column_for(t, bound)
    values = bound.tolist() if hasattr(bound, "tolist") else list(bound)
    if len(values) != t.rows:
        raise ValueError(f"Unable to coerce to Series, length must be {t.rows}: given {len(values)}")
    return table("from_columns", columns=[["\x01", [column_value(v) for v in values], None]])


def _holds(x, bound, side):
    """Where x needs no clipping by this bound (a missing bound clips nothing)."""
    return fn("or", fn("ge" if side == "lo" else "le", x, bound), fn("isnull", bound))


def _bounded(x, lo, hi):
    """x raised to lo and lowered to hi where those are present (a missing bound: x as is)."""
    if lo != lit(None):
        x = fn("where", x, _holds(x, lo, "lo"), lo)
    if hi != lit(None):
        x = fn("where", x, _holds(x, hi, "hi"), hi)
    return x
