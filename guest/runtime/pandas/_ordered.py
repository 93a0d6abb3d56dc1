"""``pd.merge_ordered``: an outer (or other) merge sorted by the keys, optionally forward
filled, and done per group of ``left_by`` (each group merged with all of right, its group
labels filled in), as pandas' ordered merge."""

from . import _dtypes


def merge_ordered(left, right, on=None, left_on=None, right_on=None, left_by=None,
                  right_by=None, fill_method=None, suffixes=("_x", "_y"), how="outer"):
    from ._reshape import concat
    if right_by is not None:
        raise NotImplementedError("merge_ordered(right_by=...)")
    if fill_method not in (None, "ffill"):
        raise ValueError("fill_method must be 'ffill' or None")
    if left_by is None:
        return _merged(left, right, on, left_on, right_on, fill_method, suffixes, how)
    by = [left_by] if not isinstance(left_by, list) else left_by
    parts = []
    for key, group in left.groupby(by, sort=False):
        part = _merged(group, right, on, left_on, right_on, fill_method, suffixes, how)
        keys = key if isinstance(key, tuple) else (key,)
        for label, value in zip(by, keys):
            part[label] = value
            part = part.astype({label: left.dtypes[label]})
        parts.append(part[list(_merged_columns(group, right, on, left_on, right_on, suffixes))])
    return concat(parts, ignore_index=True)


def _merged_columns(left, right, on, left_on, right_on, suffixes):
    return left.head(0).merge(right.head(0), on=on, left_on=left_on, right_on=right_on,
                              how="outer", suffixes=suffixes).columns


def _merged(left, right, on, left_on, right_on, fill_method, suffixes, how):
    """One merge sorted by its keys (stably), forward filled if asked; an integer column that
    the filling leaves complete keeps its dtype (pandas fills before taking the rows)."""
    merged = left.merge(right, on=on, left_on=left_on, right_on=right_on, how=how,
                        suffixes=suffixes)
    keys = on if on is not None else left_on
    if keys is None:  # merge's default: the columns both sides have
        keys = [c for c in left.columns if c in set(right.columns)]
    keys = [keys] if not isinstance(keys, list) else keys
    merged = merged.sort_values(keys, kind="stable").reset_index(drop=True)
    if fill_method == "ffill":
        merged = merged.ffill()
        dtypes = dict(left.dtypes.items()) | dict(right.dtypes.items())
        restore = {c: dtypes[c] for c in merged.columns
                   if c in dtypes and str(dtypes[c]) in _dtypes.INTS
                   and str(merged.dtypes[c]) in _dtypes.FLOATS and not merged[c].isna().any()}
        if restore:
            merged = merged.astype(restore)
    return merged
