"""DataFrame.replace, and Series.replace with regular expressions or on object columns:
pandas' rules applied to the values in the guest. Each value is matched against the
original value (the first matching rule wins, so pairs never chain); a regular
expression replaces the matched part of a string (re.sub) when the replacement is a
string, else the whole value."""

import math
import re

NO_VALUE = object()  # value= not given (pandas' lib.no_default)


def rules(to_replace, value, regex):
    """[(old, new, compiled regex or None)] for one column."""
    if isinstance(to_replace, dict):
        if value is not NO_VALUE:
            raise ValueError("Series.replace cannot use dict-like to_replace and non-None value")
        pairs = list(to_replace.items())
    elif isinstance(to_replace, (list, tuple)):
        if isinstance(value, (list, tuple)):
            if len(value) != len(to_replace):
                raise ValueError(f"Replacement lists must match in length. Expecting "
                                 f"{len(to_replace)} got {len(value)} ")
            pairs = list(zip(to_replace, value))
        else:
            pairs = [(old, None if value is NO_VALUE else value) for old in to_replace]
    else:
        pairs = [(to_replace, None if value is NO_VALUE else value)]
    out = []
    for old, new in pairs:
        compiled = None
        if isinstance(old, re.Pattern):
            compiled = old
        elif regex and isinstance(old, str):
            compiled = re.compile(old)
        out.append((old, new, compiled))
    return out


def replaced(values, column_rules):
    """values with the rules applied; also whether anything changed."""
    out, changed = [], False
    for v in values:
        new = v
        for old, replacement, compiled in column_rules:
            if compiled is not None:
                if isinstance(v, str) and compiled.search(v) is not None:
                    new = compiled.sub(replacement, v) if isinstance(replacement, str) else replacement
                    break
            elif _same(v, old):
                new = replacement
                break
        changed = changed or new is not v
        out.append(new)
    return out, changed


def _same(value, old):
    if _missing(old):
        return _missing(value)
    if isinstance(value, bool) != isinstance(old, bool) or isinstance(value, str) != isinstance(old, str):
        return False
    try:
        return bool(value == old)
    except (TypeError, ValueError):
        return False


def _missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def frame_rules(labels, to_replace, value, regex):
    """{column label: rules} of DataFrame.replace: nested dicts ({column: {old: new}}),
    a dict of per-column patterns with a value (or a dict of values), else the same rules
    for every column."""
    if to_replace is None and not isinstance(regex, bool):
        to_replace, regex = regex, True
    if isinstance(to_replace, dict) and (value is not NO_VALUE or any(
            isinstance(v, dict) for v in to_replace.values())):
        per_column = {}
        for label, old in to_replace.items():
            if label not in labels:
                continue
            if isinstance(old, dict):
                per_column[label] = rules(old, NO_VALUE, regex)
            else:
                new = value.get(label, NO_VALUE) if isinstance(value, dict) else value
                if new is NO_VALUE:
                    continue
                per_column[label] = rules(old, new, regex)
        return per_column
    shared = rules(to_replace, value, regex)
    return {label: shared for label in labels}


def replace_frame(frame, to_replace, value, regex):
    from . import _common, _labels, _objects
    from ._host import table
    from .frame import DataFrame
    from .series import from_values
    t = frame._t
    labels = {_labels.decode(n): n for n in t.data_names}
    chosen = frame_rules(list(labels), to_replace, value, regex)
    names = [labels[label] for label in chosen]
    fetched = dict(_common.rows(_common.project(t, [(n, n) for n in names]), 0, t.rows)) if names else {}
    for label, column_rules in chosen.items():
        name = labels[label]
        values, changed = replaced(fetched[name], column_rules)
        if changed:
            dtype = object if _objects.is_object_dtype(t.dtypes[name]) else None
            column = from_values(values, None, dtype=dtype)
            t = table("attach", h=t.h, other=column.h, columns=[[name, "\x01"]])
    return DataFrame._wrap(t)


def replace_series(series, to_replace, value, regex):
    from . import _objects
    from .series import Series
    if to_replace is None and not isinstance(regex, bool):
        to_replace, regex = regex, True
    values, changed = replaced(series._values(), rules(to_replace, value, regex))
    if not changed:
        return series._from_table(series._mat())
    dtype = object if _objects.dtype_of(series) == "object" else None
    return Series(values, name=series.name, dtype=dtype)._with_index_of(series)


def update_frame(frame, other, overwrite=True, filter_func=None, errors="ignore"):
    """DataFrame.update, in place: the cells of the columns both have taken from other
    where other (aligned on the row labels) has a value."""
    from . import _common, _labels, _objects
    from ._align import values_at
    from ._host import table
    from .frame import DataFrame
    from .series import Series, from_values
    if filter_func is not None or errors != "ignore":
        raise NotImplementedError("DataFrame.update(filter_func= or errors=)")
    if isinstance(other, Series):
        if other.name is None:
            raise ValueError("Cannot update a DataFrame with an unnamed Series")
        other = other.to_frame()
    if not isinstance(other, DataFrame):
        other = DataFrame(other)
    t = frame._t
    labels = list(frame.index)
    names = {_labels.decode(n): n for n in t.data_names}
    common = [c for c in other.columns if c in names]
    fetched = dict(_common.rows(t, 0, t.rows))
    for label in common:
        name = names[label]
        theirs = values_at(other[label], labels)
        mine = fetched[name]
        values = [m if _missing(o) or (not overwrite and not _missing(m)) else o
                  for m, o in zip(mine, theirs)]
        dtype = object if _objects.is_object_dtype(t.dtypes[name]) else None
        column = from_values(values, None, dtype=dtype)
        t = table("attach", h=t.h, other=column.h, columns=[[name, "\x01"]])
    frame._t = t
