"""pandas' string methods on Python values: what Series.str and Index.str of a str column
compute, as pandas (python storage, no pyarrow) computes it: Python's str and re methods
on each string, a missing value (NaN) kept, or False for the boolean tests.

Each function takes the list of values and returns the list of results; _strings and
_index wrap them as a Series (with its index) or an Index."""

import math
import re

NA = math.nan


def each(values, func, missing=NA):
    """func(v) for every string, missing for anything else."""
    return [func(v) if isinstance(v, str) else missing for v in values]


def _compiled(pat, case=True, flags=0):
    if not case:
        flags |= re.IGNORECASE
    return pat if isinstance(pat, re.Pattern) and not flags else re.compile(pat, flags)


def _missing_test(na):
    """What a boolean test gives a missing value: ``na`` when given, else False."""
    return False if na is None else na


def count(values, pat, flags=0):
    regex = re.compile(pat, flags)
    return each(values, lambda v: len(regex.findall(v)))


def find(values, sub, start=0, end=None, method="find"):
    if not isinstance(sub, str):
        raise TypeError(f"expected a string object, not {type(sub).__name__}")
    if end is None:
        return each(values, lambda v: getattr(v, method)(sub, start))
    return each(values, lambda v: getattr(v, method)(sub, start, end))


def contains(values, pat, case=True, flags=0, na=None, regex=True):
    if regex:
        compiled = _compiled(pat, case, flags)
        test = lambda v: compiled.search(v) is not None  # noqa: E731
    elif case:
        test = lambda v: pat in v  # noqa: E731
    else:
        test = lambda v: pat.upper() in v.upper()  # noqa: E731
    return each(values, test, _missing_test(na))


def match(values, pat, case=True, flags=0, na=None, full=False):
    compiled = _compiled(pat, case, flags)
    test = compiled.fullmatch if full else compiled.match
    return each(values, lambda v: test(v) is not None, _missing_test(na))


def affix(values, pat, method, na=None):
    """startswith / endswith of a string or a tuple of them."""
    if not isinstance(pat, (str, tuple)):
        raise TypeError(f"expected a string or tuple, not {type(pat).__name__}")
    return each(values, lambda v: getattr(v, method)(pat), _missing_test(na))


def replace(values, pat, repl=None, n=-1, case=None, flags=0, regex=False):
    """Series.str.replace: pandas' checks, then each (pattern, replacement) of a dict in
    turn, with re.sub when the pattern is a regular expression (or flags, or a function
    replacement), else str.replace."""
    if isinstance(pat, dict) and repl is not None:
        raise ValueError("repl cannot be used when pat is a dictionary")
    if not isinstance(pat, dict) and not (isinstance(repl, str) or callable(repl)):
        raise TypeError("repl must be a string or callable")
    compiled_pat = isinstance(pat, re.Pattern)
    if regex or regex is None:
        if compiled_pat and (case is not None or flags != 0):
            raise ValueError("case and flags cannot be set when pat is a compiled regex")
    elif compiled_pat:
        raise ValueError("Cannot use a compiled regex as replacement pattern with regex=False")
    elif callable(repl):
        raise ValueError("Cannot use a callable replacement when regex=False")
    if case is False:
        flags |= re.IGNORECASE
    for key, value in (pat if isinstance(pat, dict) else {pat: repl}).items():
        if regex or flags or callable(value):
            compiled = key if isinstance(key, re.Pattern) else re.compile(
                key if regex is not False else re.escape(key), flags)
            count_ = n if n >= 0 else 0
            values = each(values, lambda v: compiled.sub(value, v, count=count_))
        else:
            values = each(values, lambda v: v.replace(key, value, n))
    return values


def sliced(values, start=None, stop=None, step=None):
    piece = slice(start, stop, step)
    return each(values, lambda v: v[piece])


def split(values, pat=None, n=-1, method="split", regex=None):
    """str.split / rsplit: a list per string, as pandas splits (a pattern longer than one
    character is a regular expression unless regex=False; rsplit is always literal)."""
    if method == "rsplit" or pat is None or (regex is False and not isinstance(pat, re.Pattern)) \
            or (regex is None and isinstance(pat, str) and len(pat) == 1):
        if pat is not None and not isinstance(pat, str):
            raise TypeError(f"expected a string object, not {type(pat).__name__}")
        n = -1 if n in (None, 0) else n
        return each(values, lambda v: getattr(v, method)(pat, n))
    compiled = re.compile(pat)
    n = 0 if n in (None, -1) else n
    return each(values, lambda v: compiled.split(v, maxsplit=n))


def group_names(regex):
    """extract's column labels: a group's name, else its position (from 0)."""
    names = {number: name for name, number in regex.groupindex.items()}
    return [names.get(1 + i, i) for i in range(regex.groups)]


def extract(values, pat, flags=0):
    """The groups of the first match in every string (a list per string, NaN for a group
    that did not take part or a string that does not match)."""
    regex = re.compile(pat, flags)
    empty = [NA] * regex.groups

    def groups(v):
        if not isinstance(v, str):
            return empty
        found = regex.search(v)
        return [NA if g is None else g for g in found.groups()] if found else empty

    return [groups(v) for v in values]


def dummies(values, sep="|"):
    """get_dummies: the sorted tags and, per tag, whether each string holds it."""
    wrapped = [sep + (v if isinstance(v, str) else "") + sep for v in values]
    tags = sorted({t for w in wrapped for t in w.split(sep)} - {""})
    return tags, [[sep + t + sep in w for w in wrapped] for t in tags]


def concatenated(columns, sep, na_rep):
    """cat of several equally long columns, row by row: missing where any value is
    missing unless na_rep is given."""
    out = []
    for row in zip(*columns):
        present = [isinstance(v, str) for v in row]
        if not all(present) and na_rep is None:
            out.append(NA)
        else:
            out.append(sep.join(v if ok else na_rep for v, ok in zip(row, present)))
    return out


def joined(values, sep, na_rep):
    """cat without others: one string of the values (missing ones dropped, or na_rep)."""
    if na_rep is None:
        return sep.join(v for v in values if isinstance(v, str))
    return sep.join(v if isinstance(v, str) else na_rep for v in values)
