"""DataFrame.stack as pandas 3 stacks: column levels moved into the index, built in the
guest from the frame's values. Flat columns (or all levels stacked) give a Series by row,
then column; otherwise the stacked levels' values (in order of appearance) become the inner
index levels and the remaining levels' values the columns, missing where a row has no such
column."""


def stack(frame, level=-1):
    from ._index import MultiIndex
    from .frame import DataFrame
    from .series import Series
    labels = list(frame.columns)
    depth = len(labels[0]) if labels and isinstance(labels[0], tuple) else 1
    chosen = level if isinstance(level, (list, tuple)) else [level]
    stacked = sorted({k % depth if isinstance(k, int) else _refuse(k) for k in chosen})
    rest = [k for k in range(depth) if k not in stacked]
    parts = [c if isinstance(c, tuple) else (c,) for c in labels]
    values = {c: frame[c].tolist() for c in labels}
    rows = list(frame.index)
    row_names = list(frame.index.names)

    def row_key(r):
        return rows[r] if isinstance(rows[r], tuple) else (rows[r],)

    def pick(p, levels):
        picked = tuple(p[k] for k in levels)
        return picked[0] if len(picked) == 1 else picked

    names = row_names + [None] * len(stacked)
    if not rest:
        keys, out = [], []
        for r in range(len(rows)):
            for c, p in zip(labels, parts):
                keys.append(row_key(r) + tuple(p[k] for k in stacked))
                out.append(values[c][r])
        return Series(out, index=MultiIndex.from_tuples(keys, names=names))
    inner = list(dict.fromkeys(pick(p, stacked) for p in parts))
    columns = list(dict.fromkeys(pick(p, rest) for p in parts))
    where = {(pick(p, stacked), pick(p, rest)): c for c, p in zip(labels, parts)}
    keys, data = [], {c: [] for c in columns}
    for r in range(len(rows)):
        for key in inner:
            keys.append(row_key(r) + (key if isinstance(key, tuple) else (key,)))
            for c in columns:
                source = where.get((key, c))
                data[c].append(None if source is None else values[source][r])
    return DataFrame(data, index=MultiIndex.from_tuples(keys, names=names))


def _refuse(level):
    raise NotImplementedError("DataFrame.stack by level name")
