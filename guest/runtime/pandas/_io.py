"""read_csv / read_json / read_excel / read_parquet: the host reads the file from the
session's /mnt/data (paths elsewhere are refused) into a polars frame."""

import os

from ._host import table
from .frame import DataFrame

_SUPPORTED_CSV = {"sep", "delimiter", "header", "names", "usecols", "dtype", "parse_dates",
                  "nrows", "skiprows", "index_col", "na_values", "keep_default_na", "encoding",
                  "low_memory", "engine"}


def _path(path):
    if hasattr(path, "read"):
        raise NotImplementedError("reading from a file object or StringIO (give a path)")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"Invalid file path or buffer object type: {type(path).__name__}")
    path = os.fspath(path)
    if "://" in path:
        raise NotImplementedError("reading from a URL (no network in the sandbox)")
    return os.path.abspath(path)


def read_csv(filepath_or_buffer, sep=",", delimiter=None, header="infer", names=None, index_col=None,
             usecols=None, dtype=None, parse_dates=None, nrows=None, skiprows=None, na_values=None,
             keep_default_na=True, encoding=None, low_memory=True, engine=None, **kwargs):
    if kwargs:
        raise NotImplementedError(f"read_csv({', '.join(sorted(kwargs))}=...)")
    if encoding not in (None, "utf-8", "utf8", "UTF-8"):
        raise NotImplementedError(f"read_csv(encoding={encoding!r}) (UTF-8 only)")
    if delimiter is not None:
        sep = delimiter
    if header == "infer":
        header = None if names is not None else 0
    if not (header is None or isinstance(header, int)):
        raise NotImplementedError("read_csv(header=<list>)")
    if skiprows is not None and not isinstance(skiprows, int):
        raise NotImplementedError("read_csv(skiprows=<list or function>)")
    if usecols is not None and any(not isinstance(u, str) for u in usecols):
        raise NotImplementedError("read_csv(usecols=<positions or function>)")
    if isinstance(na_values, str):
        na_values = [na_values]
    if isinstance(na_values, dict):
        raise NotImplementedError("read_csv(na_values=<dict>)")
    if parse_dates is True or (parse_dates and any(not isinstance(p, str) for p in parse_dates)):
        raise NotImplementedError("read_csv(parse_dates=True or with positions/lists)")
    if dtype is not None and not isinstance(dtype, dict):
        raise NotImplementedError("read_csv(dtype=<one type for all columns>)")
    dtypes = {k: _dtype_text(v) for k, v in (dtype or {}).items()}
    if names is not None and header is not None:
        raise NotImplementedError("read_csv with both names= and a header row")
    t = table("read_csv", path=_path(filepath_or_buffer), sep=sep, header=header,
              names=list(names) if names is not None else None,
              usecols=list(usecols) if usecols is not None else None, dtype=dtypes,
              parse_dates=list(parse_dates or []), nrows=nrows, skiprows=skiprows or 0,
              na_values=[str(v) for v in (na_values or [])], keep_default_na=keep_default_na)
    frame = DataFrame._wrap(t)
    return _index_col(frame, index_col)


def _dtype_text(dtype):
    from .series import _dtype_name
    return _dtype_name(dtype)


def _index_col(frame, index_col):
    if index_col is None or index_col is False:
        return frame
    keys = index_col if isinstance(index_col, list) else [index_col]
    labels = [frame.columns[k] if isinstance(k, int) else k for k in keys]
    return frame.set_index(labels)


def read_json(path_or_buf, orient=None, lines=False, **kwargs):
    if kwargs or orient not in (None, "records", "columns"):
        raise NotImplementedError(f"read_json({', '.join(sorted(kwargs)) or 'orient'}=...)")
    return DataFrame._wrap(table("read_json", path=_path(path_or_buf), lines=bool(lines)))


def read_parquet(path, columns=None, **kwargs):
    if kwargs:
        raise NotImplementedError(f"read_parquet({', '.join(sorted(kwargs))}=...)")
    return DataFrame._wrap(table("read_parquet", path=_path(path),
                                 columns=list(columns) if columns is not None else None))


def read_excel(io, sheet_name=0, header=0, index_col=None, usecols=None, nrows=None, **kwargs):
    if kwargs:
        raise NotImplementedError(f"read_excel({', '.join(sorted(kwargs))}=...)")
    if sheet_name is None or isinstance(sheet_name, list):
        raise NotImplementedError("read_excel(sheet_name=None or a list)")
    frame = DataFrame._wrap(table("read_excel", path=_path(io), sheet=sheet_name, header=header))
    if usecols is not None:
        frame = frame[list(usecols)]
    if nrows is not None:
        frame = frame.head(nrows)
    return _index_col(frame, index_col)
