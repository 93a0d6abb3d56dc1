"""pandas.json_normalize: semi-structured JSON records (dicts and lists) flattened into a
DataFrame, nested keys joined with sep, as pandas does."""

import math

_NAN = float("nan")


def json_normalize(data, record_path=None, meta=None, meta_prefix=None, record_prefix=None,
                   errors="raise", sep=".", max_level=None):
    """A DataFrame of data's records: nested dicts flattened into "a.b" columns (up to
    max_level); with record_path, the records found at that path, with the meta fields of
    their parents repeated beside them."""
    from .frame import DataFrame
    from .series import Series

    if errors not in ("raise", "ignore"):
        raise ValueError("errors must be 'raise' or 'ignore'")
    index = None
    if isinstance(data, Series):
        index, data = data.index, data.tolist()
    if isinstance(data, dict):
        data = [data]
    elif not isinstance(data, list):
        data = list(data)
    if record_path is None and meta is None and meta_prefix is None and record_prefix is None:
        records = [_flattened(record, sep, max_level) if isinstance(record, dict) else record
                   for record in data]
        return DataFrame(records, index=index) if records else DataFrame(index=index)
    paths = record_path if isinstance(record_path, list) else [record_path]
    if record_path is None:
        raise NotImplementedError("json_normalize(meta=...) without record_path")
    metas = [m if isinstance(m, list) else [m] for m in (meta or [])]
    extracted = _Extraction(metas, sep, max_level, errors)
    extracted.walk(data, paths, {}, 0)
    result = DataFrame(extracted.records)
    if record_prefix is not None:
        result = result.rename(columns=lambda column: f"{record_prefix}{column}")
    for path, values in zip(metas, extracted.meta_values):
        name = (meta_prefix or "") + sep.join(str(part) for part in path)
        if name in result.columns:
            raise ValueError(f"Conflicting metadata name {name}, need distinguishing prefix ")
        repeated = [value for value, count in zip(values, extracted.lengths) for _ in range(count)]
        # pandas assigns an object array: strings become a str column, anything else stays object
        strings = any(isinstance(v, str) for v in repeated) and \
            all(isinstance(v, str) or _is_missing(v) for v in repeated)
        result[name] = Series(repeated, dtype=None if strings else object)
    return result


class _Extraction:
    """The records at a record path and, per record, its parents' meta values."""

    def __init__(self, metas, sep, max_level, errors):
        self.metas, self.sep, self.max_level, self.errors = metas, sep, max_level, errors
        self.records, self.lengths = [], []
        self.meta_values = [[] for _ in metas]

    def walk(self, data, path, seen, level):
        if isinstance(data, dict):
            data = [data]
        for obj in data:
            if len(path) > 1:
                # meta fields that end at this level are taken from this parent
                seen = dict(seen)
                for i, meta in enumerate(self.metas):
                    if level + 1 == len(meta):
                        seen[i] = self.field(obj, meta[-1])
                self.walk(self.field(obj, path[0], record=True), path[1:], seen, level + 1)
                continue
            records = self.field(obj, path[0], record=True)
            if not isinstance(records, list):
                if _is_missing(records):
                    records = []
                else:
                    raise TypeError(f"Path must contain list or null, but got {type(records).__name__} "
                                    f"at {path[0]!r}")
            records = [_flattened(r, self.sep, self.max_level) if isinstance(r, dict) else r
                       for r in records]
            self.lengths.append(len(records))
            for i, meta in enumerate(self.metas):
                value = seen[i] if level + 1 > len(meta) else self.field(obj, meta[level:])
                self.meta_values[i].append(value)
            self.records.extend(records)

    def field(self, obj, spec, record=False):
        """obj[spec], following a list of keys; a missing meta field is NaN with errors='ignore'
        (a missing record path always raises)."""
        keys = spec if isinstance(spec, list) else [spec]
        try:
            for key in keys:
                obj = obj[key]
        except KeyError as error:
            if record:
                raise KeyError(f"Key {error} not found. If specifying a record_path, all elements of "
                               "data should have the path.") from error
            if self.errors == "ignore":
                return _NAN
            raise KeyError(f"Key {error} not found. To replace missing values of {error} with np.nan, "
                           "pass in errors='ignore'") from error
        return obj


def _flattened(record, sep, max_level, prefix="", level=0):
    """record with its nested dicts' keys joined to their parents' by sep (a dict below
    max_level stays a value), as pandas' nested_to_record: at the top, the flattened keys come
    after the record's other keys (which keep their own keys); below, in their order."""
    flat, expanded = {}, {}
    for key, value in record.items():
        name = key if level == 0 else f"{prefix}{sep}{key}"
        if isinstance(value, dict) and (max_level is None or level < max_level):
            nested = _flattened(value, sep, max_level, str(key) if level == 0 else name, level + 1)
            (expanded if level == 0 else flat).update(nested)
        else:
            flat[name] = value
    flat.update(expanded)
    return flat


def _is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))
