"""Element-wise work on two DataFrames of the same labels: arithmetic and comparisons
between frames (or a frame and a 2-D array of its shape), and where/mask. The other
frame's columns are attached to this one's host frame by position; frames whose index or
columns differ would need pandas' alignment and raise NotImplementedError."""

from . import _common
from ._col import evaluated
from ._labels import decode as _decode
from ._expr import call as fn, col, lit
from ._host import call, table


def same_index(a, b):
    """Whether host tables a and b have the same index labels in the same order."""
    a, b = _common.with_row_labels(a), _common.with_row_labels(b)  # kept alive for the call
    return call("same_index", a=a.h, b=b.h)


def as_frame(frame, other):
    """other as a DataFrame labelled like frame: a 2-D array of frame's shape becomes one,
    a DataFrame must have frame's columns and index."""
    from .frame import DataFrame
    if type(other).__name__ == "ndarray":
        if other.shape != frame.shape:
            raise ValueError(f"Unable to coerce to DataFrame, shape must be {frame.shape}: "
                             f"given {other.shape}")
        return DataFrame(other, index=frame.index, columns=frame.columns)
    if list(other.columns) != list(frame.columns) or not same_index(frame._t, other._t):
        raise NotImplementedError("DataFrames of different labels (alignment)")
    return other


def attached(frame, others):
    """frame's host table with each other frame's columns attached under temporary names;
    answers the table and, per other frame, its column names in frame's column order."""
    from .series import _temp
    t, renamed = frame._t, []
    for other in others:
        names = {n: _temp() for n in other._t.data_names}
        t = table("attach", h=t.h, other=other._t.h, columns=[[tmp, n] for n, tmp in names.items()])
        renamed.append(list(names.values()))
    return t, renamed


def binary(frame, op, other, reflected=False):
    """frame <op> other, column by column."""
    from .frame import DataFrame
    other = as_frame(frame, other)
    t, (theirs,) = attached(frame, [other])
    exprs = [[n, fn(op, col(b), col(n)) if reflected else fn(op, col(n), col(b))]
             for n, b in zip(frame._t.data_names, theirs)]
    return DataFrame._wrap(table("select", h=t.h, exprs=exprs, index=True))


def where(frame, cond, other, negate=False):
    """pandas' DataFrame.where (mask with negate=True): frame's values where cond holds,
    else other (a scalar, missing by default, or a frame)."""
    from .frame import DataFrame
    cond = evaluated(cond, frame)
    if not isinstance(cond, DataFrame) and type(cond).__name__ != "ndarray":
        raise NotImplementedError("DataFrame.where with a condition other than a DataFrame or array")
    other = evaluated(other, frame)
    frames = [as_frame(frame, cond)]
    if isinstance(other, DataFrame) or type(other).__name__ == "ndarray":
        frames.append(as_frame(frame, other))
    t, renamed = attached(frame, frames)
    exprs = []
    for i, n in enumerate(frame._t.data_names):
        holds = col(renamed[0][i])
        if negate:
            holds = fn("not", holds)
        fill = col(renamed[1][i]) if len(renamed) > 1 else lit(other)
        exprs.append([n, fn("where", col(n), holds, fill)])
    return DataFrame._wrap(table("select", h=t.h, exprs=exprs, index=True))


def fill_from(frame, other):
    """frame.fillna(other): missing values taken from other's column of the same label
    (other has frame's index); columns other lacks stay as they are. Answers the table."""
    if not same_index(frame._t, other._t):
        raise NotImplementedError("fillna with a DataFrame of another index (alignment)")
    theirs = {label: n for label, n in zip(other.columns, other._t.data_names)}
    shared = [n for label, n in zip(frame.columns, frame._t.data_names) if label in theirs]
    from .series import _temp
    names = {n: _temp() for n in shared}
    t = table("attach", h=frame._t.h, other=other._t.h,
              columns=[[tmp, theirs[_decode(n)]] for n, tmp in names.items()])
    exprs = [[n, fn("fillna", col(n), col(names[n]))] if n in names else [n, col(n)]
             for n in frame._t.data_names]
    return table("select", h=t.h, exprs=exprs, index=True)
