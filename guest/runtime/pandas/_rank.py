"""pandas' rank of a column's values, computed in the guest: ties by method (average,
min, max, first, dense), missing values kept missing or ranked together first or last."""

from .series import is_missing


def ranks(values, method="average", ascending=True, na_option="keep", pct=False):
    """The float ranks of values (None where a missing value keeps no rank)."""
    if method not in ("average", "min", "max", "first", "dense"):
        raise ValueError("method must be one of 'average', 'min', 'max', 'first', 'dense'")
    if na_option not in ("keep", "top", "bottom"):
        raise ValueError("na_option must be one of 'keep', 'top', or 'bottom'")
    present = sorted((v, i) for i, v in enumerate(values) if not is_missing(v))
    if not ascending:
        present = sorted(present, key=lambda p: (_negated(p[0]), p[1]))
    groups = []  # the rows of each run of equal values, in rank order
    for k, (v, i) in enumerate(present):
        if k and v == present[k - 1][0]:
            groups[-1].append(i)
        else:
            groups.append([i])
    missing = [i for i, v in enumerate(values) if is_missing(v)]
    if missing and na_option != "keep":
        groups = [missing] + groups if na_option == "top" else groups + [missing]
    out = [None] * len(values)
    start = 0
    for dense, rows in enumerate(groups, 1):
        end = start + len(rows) - 1
        for k, i in enumerate(rows):
            out[i] = float({"average": (start + end) / 2 + 1, "min": start + 1,
                            "max": end + 1, "first": start + k + 1, "dense": dense}[method])
        start = end + 1
    if pct:
        total = len(groups) if method == "dense" else start
        out = [None if r is None else r / total for r in out]
    return out


def _negated(value):
    """A sort key ordering values descending (numbers, strings, datetimes)."""
    if isinstance(value, (int, float)):
        return -value
    return _Reversed(value)


class _Reversed:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __eq__(self, other):
        return self.v == other.v
