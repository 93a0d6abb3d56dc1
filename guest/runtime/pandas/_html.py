"""pandas' HTML table (``to_html``, ``_repr_html_``): the cells formatted as in the text
layout, escaped, in pandas' markup (one index level; a MultiIndex raises)."""

from . import _common, _format, _labels, options

_STYLE = """<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>"""


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def table_html(frame, index=True, truncate=False):
    """The <table> of a DataFrame (with notebook truncation when truncate is True)."""
    t = frame._t
    if len(t.index_names) > 1:
        raise NotImplementedError("to_html of a MultiIndex")
    if any("\x1f" in n for n in t.data_names):
        raise NotImplementedError("to_html with MultiIndex columns")
    if truncate and t.rows > options.display.max_rows:
        fetched, split, positions = _common.window(t)
    else:
        fetched, split, positions = _common.rows(t, 0, t.rows), None, list(range(t.rows))
    values = dict(fetched)
    names = t.data_names
    cells = [[c.strip() for c in _format.format_column(values[n], t.dtypes[n])] for n in names]
    index_names, levels = _common.index_levels(t, fetched, positions)
    labels = [c.strip() for c in levels[0]]
    lines = ['<table border="1" class="dataframe">', "  <thead>",
             '    <tr style="text-align: right;">']
    if index:
        lines.append("      <th></th>")
    lines += [f"      <th>{_escape(str(_labels.decode(n)))}</th>" for n in names]
    lines.append("    </tr>")
    if index and index_names[0] is not None:
        lines += ["    <tr>", f"      <th>{_escape(str(index_names[0]))}</th>"]
        lines += ["      <th></th>"] * len(names)
        lines.append("    </tr>")
    lines += ["  </thead>", "  <tbody>"]
    rows = list(range(len(labels)))
    if split is not None:
        rows = rows[:split] + [None] + rows[split:]
    for r in rows:
        lines.append("    <tr>")
        if index:
            lines.append(f"      <th>{'...' if r is None else _escape(labels[r])}</th>")
        lines += [f"      <td>{'...' if r is None else _escape(column[r])}</td>" for column in cells]
        lines.append("    </tr>")
    lines += ["  </tbody>", "</table>"]
    text = "\n".join(lines)
    if split is not None:
        text += f"\n<p>{t.rows} rows × {len(names)} columns</p>"
    return text


def repr_html(frame):
    """pandas' notebook HTML: the style block and the (truncated) table in a <div>."""
    return f"<div>\n{_STYLE}\n{table_html(frame, truncate=True)}\n</div>"
