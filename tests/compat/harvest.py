"""Builds the compatibility corpus (tests/compat/corpus/) from the pinned releases' own examples.

Sources, all from the sdists on PyPI (fetched through PyPI's simple JSON API into a cache
directory and checked against its sha256; nothing else is downloaded):
- matplotlib 3.10.8: gallery scripts of the categories listed in MPL_CATEGORIES, unchanged;
  scripts that need sample data files, interactivity, animation, widgets or a GUI backend, or
  draw random numbers without a seed, are skipped (listed in corpus/manifest.json).
- pandas 3.1.1: the `Examples` section of the docstrings of PANDAS_APIS, read from the pandas
  installed in the running interpreter (run this with the compat venv's python), one snippet
  per docstring, converted from doctest to a plain program that prints what doctest displays.
- seaborn 0.13.2: the per-function example notebooks (doc/_docstrings/*.ipynb; one snippet
  per plotting cell, preceded by the setup cells and the earlier cells it depends on) and the
  gallery scripts (examples/*.py).

Usage: python harvest.py [--cache DIR]   (rewrites tests/compat/corpus/)
"""

import argparse
import ast
import doctest
import hashlib
import json
import re
import shutil
import sys
import tarfile
import textwrap
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
DATA = HERE / "data"

RELEASES = {"matplotlib": "3.10.8", "pandas": "3.1.1", "seaborn": "0.13.2"}
LICENSES = {
    "matplotlib": "matplotlib License (PSF-based), matplotlib-3.10.8/LICENSE/LICENSE",
    "pandas": "BSD-3-Clause, pandas-3.1.1/LICENSE",
    "seaborn": "BSD-3-Clause, seaborn-0.13.2/LICENSE.md",
}

MPL_CATEGORIES = [
    "lines_bars_and_markers", "pie_and_polar_charts", "statistics", "subplots_axes_and_figures",
    "text_labels_and_annotations", "showcase", "ticks", "color", "scales",
    "shapes_and_collections", "images_contours_and_fields", "spines", "pyplots", "style_sheets",
    "specialty_plots",
]

# (pattern, reason) pairs; a matplotlib gallery script matching one is skipped.
MPL_SKIP = [
    (r"get_sample_data", "needs matplotlib's sample data files"),
    (r"\bimread\(|np\.load\(|open\(", "reads a file"),
    (r"matplotlib\.animation|FuncAnimation|ArtistAnimation", "animation"),
    (r"matplotlib\.widgets|\bwidgets\.", "widgets (interactive)"),
    (r"mpl_connect|ginput|waitforbuttonpress|plt\.pause|\.canvas\.draw_idle|pick_event",
     "interactivity (events)"),
    (r"matplotlib\.use\(|backend_(qt|tk|gtk|wx|macosx)", "selects a GUI backend"),
]

# The everyday pandas API whose docstring examples go into the corpus (names under `pandas`).
PANDAS_APIS = """
DataFrame DataFrame.head DataFrame.tail DataFrame.info DataFrame.describe DataFrame.shape
DataFrame.columns DataFrame.dtypes DataFrame.loc DataFrame.iloc DataFrame.at DataFrame.iat
DataFrame.groupby DataFrame.merge DataFrame.join DataFrame.pivot DataFrame.pivot_table
DataFrame.melt DataFrame.stack DataFrame.unstack DataFrame.sort_values DataFrame.sort_index
DataFrame.value_counts DataFrame.apply DataFrame.map DataFrame.fillna DataFrame.dropna
DataFrame.isna DataFrame.notna DataFrame.astype DataFrame.rank DataFrame.clip DataFrame.cumsum
DataFrame.nlargest DataFrame.nsmallest DataFrame.corr DataFrame.to_csv DataFrame.agg
DataFrame.transform DataFrame.drop DataFrame.rename DataFrame.set_index DataFrame.reset_index
DataFrame.assign DataFrame.query DataFrame.drop_duplicates DataFrame.duplicated
DataFrame.isin DataFrame.where DataFrame.mask DataFrame.replace DataFrame.nunique
DataFrame.count DataFrame.sum DataFrame.mean DataFrame.median DataFrame.max DataFrame.min
DataFrame.std DataFrame.var DataFrame.quantile DataFrame.idxmax DataFrame.idxmin
DataFrame.round DataFrame.abs DataFrame.diff DataFrame.pct_change DataFrame.shift
DataFrame.rolling DataFrame.expanding DataFrame.resample DataFrame.to_dict DataFrame.to_numpy
DataFrame.to_string DataFrame.to_markdown DataFrame.to_json DataFrame.from_dict
DataFrame.from_records DataFrame.select_dtypes DataFrame.sample DataFrame.explode
DataFrame.insert DataFrame.pop DataFrame.copy DataFrame.add DataFrame.sub DataFrame.mul
DataFrame.div DataFrame.T DataFrame.transpose DataFrame.items DataFrame.iterrows
DataFrame.itertuples DataFrame.any DataFrame.all DataFrame.cumprod DataFrame.cummax
DataFrame.cummin DataFrame.prod DataFrame.mode DataFrame.eval DataFrame.filter
DataFrame.reindex DataFrame.set_axis DataFrame.add_prefix DataFrame.add_suffix
DataFrame.interpolate DataFrame.ffill DataFrame.bfill DataFrame.combine_first DataFrame.update
DataFrame.equals DataFrame.memory_usage DataFrame.empty DataFrame.size DataFrame.ndim
DataFrame.values DataFrame.axes DataFrame.index DataFrame.keys DataFrame.get
DataFrame.squeeze DataFrame.cov DataFrame.skew DataFrame.sem DataFrame.between_time
DataFrame.first_valid_index DataFrame.convert_dtypes DataFrame.infer_objects
DataFrame.applymap DataFrame.pipe DataFrame.swaplevel DataFrame.droplevel
DataFrame.to_records DataFrame.style DataFrame.plot DataFrame.hist DataFrame.boxplot
Series Series.value_counts Series.unique Series.nunique Series.map Series.apply
Series.astype Series.fillna Series.dropna Series.isna Series.sort_values Series.sort_index
Series.rank Series.clip Series.cumsum Series.nlargest Series.nsmallest Series.idxmax
Series.describe Series.head Series.tail Series.loc Series.iloc Series.between Series.isin
Series.where Series.replace Series.round Series.diff Series.pct_change Series.shift
Series.rolling Series.resample Series.to_frame Series.to_list Series.to_dict Series.agg
Series.groupby Series.str Series.dt Series.quantile Series.mode Series.sum Series.mean
Series.median Series.std Series.max Series.min Series.count Series.corr Series.cov
Series.duplicated Series.drop_duplicates Series.explode Series.reset_index Series.rename
Series.mask Series.interpolate Series.cumprod Series.cummax Series.cat Series.abs
Series.any Series.all Series.argmax Series.is_unique Series.is_monotonic_increasing
Series.str.split Series.str.contains Series.str.replace Series.str.lower Series.str.upper
Series.str.strip Series.str.len Series.str.startswith Series.str.endswith Series.str.extract
Series.str.get Series.str.slice Series.str.cat Series.str.pad Series.str.zfill
Series.str.title Series.str.find Series.str.count Series.str.join Series.str.get_dummies
Series.str.match Series.str.isdigit Series.dt.year Series.dt.month Series.dt.day
Series.dt.dayofweek Series.dt.day_name Series.dt.month_name Series.dt.strftime
Series.dt.date Series.dt.hour Series.dt.floor Series.dt.round Series.dt.normalize
Series.dt.to_period Series.dt.total_seconds Series.dt.tz_localize Series.dt.quarter
Series.dt.is_month_end Series.dt.days_in_month Series.dt.weekday Series.dt.isocalendar
concat merge merge_asof merge_ordered pivot pivot_table melt crosstab cut qcut get_dummies
to_datetime to_numeric to_timedelta date_range period_range timedelta_range read_csv
read_json isna notna unique factorize wide_to_long json_normalize Timestamp Timedelta
Categorical MultiIndex.from_tuples MultiIndex.from_product MultiIndex.from_arrays
Index Index.unique Index.tolist Index.map DatetimeIndex Interval IntervalIndex
NamedAgg Grouper
core.groupby.DataFrameGroupBy.agg core.groupby.DataFrameGroupBy.aggregate
core.groupby.DataFrameGroupBy.transform core.groupby.DataFrameGroupBy.apply
core.groupby.DataFrameGroupBy.filter core.groupby.DataFrameGroupBy.mean
core.groupby.DataFrameGroupBy.sum core.groupby.DataFrameGroupBy.count
core.groupby.DataFrameGroupBy.size core.groupby.DataFrameGroupBy.nunique
core.groupby.DataFrameGroupBy.first core.groupby.DataFrameGroupBy.last
core.groupby.DataFrameGroupBy.max core.groupby.DataFrameGroupBy.min
core.groupby.DataFrameGroupBy.median core.groupby.DataFrameGroupBy.std
core.groupby.DataFrameGroupBy.cumsum core.groupby.DataFrameGroupBy.rank
core.groupby.DataFrameGroupBy.head core.groupby.DataFrameGroupBy.nth
core.groupby.DataFrameGroupBy.value_counts core.groupby.DataFrameGroupBy.describe
core.groupby.DataFrameGroupBy.shift core.groupby.DataFrameGroupBy.diff
core.groupby.DataFrameGroupBy.pct_change core.groupby.DataFrameGroupBy.idxmax
core.groupby.DataFrameGroupBy.quantile core.groupby.DataFrameGroupBy.ngroup
core.groupby.DataFrameGroupBy.cumcount core.groupby.DataFrameGroupBy.get_group
core.groupby.DataFrameGroupBy.prod core.groupby.DataFrameGroupBy.var
core.groupby.SeriesGroupBy.agg core.groupby.SeriesGroupBy.transform
core.groupby.SeriesGroupBy.value_counts core.groupby.SeriesGroupBy.nlargest
core.groupby.SeriesGroupBy.unique core.groupby.SeriesGroupBy.apply
core.window.rolling.Rolling.mean core.window.rolling.Rolling.sum
core.window.rolling.Rolling.std core.window.rolling.Rolling.max
core.window.expanding.Expanding.mean core.window.rolling.Window.mean
core.resample.Resampler.mean core.resample.Resampler.sum core.resample.Resampler.agg
core.resample.Resampler.ohlc core.resample.Resampler.ffill
""".split()

# seaborn notebooks that display no figure (palettes, themes as dicts) or use the objects
# interface, whose plots are displayed through Jupyter's rich repr rather than pyplot.
SNS_SKIP_NOTEBOOK = re.compile(
    r"^(objects\.|.*_palette$|axes_style$|plotting_context$)")
SNS_SETUP_CALLS = {"load_dataset", "set_theme", "set", "set_style", "set_context",
                   "set_palette", "color_palette", "axes_style", "plotting_context",
                   "reset_defaults", "reset_orig", "mpl_palette", "light_palette",
                   "dark_palette", "diverging_palette", "cubehelix_palette", "blend_palette",
                   "hls_palette", "husl_palette"}
RANDOM_CALL = re.compile(r"\brandom\.|\brandn?\(|default_rng\(|RandomState\(")
SEEDED = re.compile(r"seed\(|default_rng\(\s*\d|RandomState\(\s*\d|default_rng\(\s*seed")


def fetch_sdist(name, cache):
    """The path of the pinned sdist in `cache`, fetched and sha256-checked if absent."""
    version = RELEASES[name]
    filename = f"{name}-{version}.tar.gz"
    path = cache / filename
    request = urllib.request.Request(f"https://pypi.org/simple/{name}/",
                                     headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        index = json.load(response)
    entry = next(f for f in index["files"] if f["filename"] == filename)
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(entry["url"], timeout=300) as response:
            path.with_suffix(".part").write_bytes(response.read())
        path.with_suffix(".part").rename(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != entry["hashes"]["sha256"]:
        raise SystemExit(f"{path}: sha256 {digest} differs from PyPI's {entry['hashes']['sha256']}")
    return path


def header(library, source):
    return (f"# Compatibility corpus snippet, generated by tests/compat/harvest.py.\n"
            f"# Source: {source}\n# License: {LICENSES[library]}\n")


def nondeterministic(code):
    return bool(RANDOM_CALL.search(code)) and not SEEDED.search(code)


def harvest_matplotlib(sdist, snippets, skipped):
    with tarfile.open(sdist) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            parts = member.name.split("/")
            if (len(parts) != 5 or parts[1:3] != ["galleries", "examples"]
                    or parts[3] not in MPL_CATEGORIES or not parts[4].endswith(".py")):
                continue
            code = tar.extractfile(member).read().decode()
            source = f"{sdist.name}:{member.name}"
            reason = next((why for pattern, why in MPL_SKIP if re.search(pattern, code)), None)
            if reason is None and nondeterministic(code):
                reason = "random numbers without a seed"
            if reason:
                skipped.append({"library": "matplotlib", "source": source, "reason": reason})
                continue
            snippet_id = f"{parts[3]}.{parts[4][:-3]}"
            snippets.append(("matplotlib", snippet_id, header("matplotlib", source) + code))


def display_source(source, keeps_last=False):
    """`source` (one doctest example) as a program that prints what doctest would display.

    doctest compiles an example in "single" mode, where every expression statement outside a
    function or class body has its value printed with repr() unless it is None (and then kept
    as `_`, set only if the examples read `_`: `keeps_last`); other statements run as they are.
    """
    tree = ast.parse(source)
    show = "if _r is not None:\n    print(repr(_r))\n" + ("    _ = _r\n" if keeps_last else "")
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
        return f"_r = (\n{source.rstrip()}\n)\n{show}"
    displays = any(isinstance(node, ast.Expr) for stmt in tree.body
                   for node in [stmt, *_outer_statements(stmt)])
    if not displays:
        return source if source.endswith("\n") else source + "\n"
    return ast.unparse(_Display(show).visit(tree)) + "\n"


def _outer_statements(stmt):
    """The statements nested in `stmt`, not entering function or class bodies."""
    for field in ("body", "orelse", "finalbody", "handlers", "cases"):
        for child in getattr(stmt, field, []):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            yield child
            yield from _outer_statements(child)


class _Display(ast.NodeTransformer):
    """Rewrites expression statements (outside def/class) to print their non-None repr."""

    def __init__(self, show):
        self.show = show

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_ClassDef = visit_FunctionDef

    def visit_Expr(self, node):
        return ast.parse(f"_r = ({ast.unparse(node.value)})\n{self.show}").body


def doctest_program(docstring):
    """The examples of a docstring as one program (None if it has none)."""
    examples = [e for e in doctest.DocTestParser().get_examples(docstring)
                if not e.options.get(doctest.SKIP)]
    if not examples:
        return None
    out = ["import numpy as np\nimport pandas as pd\n"]
    keeps_last = any(isinstance(node, ast.Name) and node.id == "_"
                     for e in examples for node in ast.walk(ast.parse(e.source)))
    for example in examples:
        code = display_source(example.source, keeps_last)
        if example.exc_msg is not None:
            code = ("try:\n" + textwrap.indent(code, "    ") +
                    "except Exception as _e:\n    print('raised ' + type(_e).__name__)\n")
        out.append(code)
        want = example.want if example.exc_msg is None else example.exc_msg
        out.extend(f"# doctest shows: {line}\n" for line in want.splitlines()[:40])
    return "".join(out)


def resolve(name):
    import pandas
    obj = pandas
    for part in name.split("."):
        obj = getattr(obj, part)
    return obj


def harvest_pandas(snippets, skipped):
    import pandas
    assert pandas.__version__ == RELEASES["pandas"], pandas.__version__
    seen = set()
    for name in PANDAS_APIS:
        try:
            doc = resolve(name).__doc__
        except AttributeError:
            skipped.append({"library": "pandas", "source": name, "reason": "no such name"})
            continue
        if not doc or doc in seen:
            skipped.append({"library": "pandas", "source": name,
                            "reason": "docstring shared with an earlier API" if doc else "no docstring"})
            continue
        seen.add(doc)
        program = doctest_program(doc)
        if program is None:
            skipped.append({"library": "pandas", "source": name, "reason": "no examples"})
            continue
        source = f"docstring of pandas.{name} (pandas {RELEASES['pandas']})"
        snippets.append(("pandas", name.removeprefix("core."), header("pandas", source) + program))


def datasets_used(code):
    return set(re.findall(r"load_dataset\(\s*[\"'](\w+)[\"']", code))


def available_datasets():
    return {p.stem for p in DATA.glob("*.csv")}


def is_plot_cell(code):
    """Whether a notebook cell draws (anything but imports, data loading and theme calls)."""
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                base = func.value
                if isinstance(base, ast.Name) and base.id == "sns":
                    if func.attr not in SNS_SETUP_CALLS:
                        return True
                elif isinstance(base, ast.Name) and base.id == "plt":
                    return True
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    return bool(names & {"plt", "ax", "axs", "f", "g", "fig"})


def harvest_seaborn(sdist, snippets, skipped):
    have = available_datasets()
    with tarfile.open(sdist) as tar:
        members = sorted(tar.getmembers(), key=lambda m: m.name)
        for member in members:
            parts = member.name.split("/")
            source = f"{sdist.name}:{member.name}"
            if parts[1:3] == ["doc", "_docstrings"] and parts[-1].endswith(".ipynb"):
                stem = parts[-1][:-6]
                if SNS_SKIP_NOTEBOOK.match(stem):
                    skipped.append({"library": "seaborn", "source": source,
                                    "reason": "shows palettes/themes or seaborn.objects plots "
                                              "through Jupyter's rich display, not pyplot figures"})
                    continue
                notebook = json.load(tar.extractfile(member))
                cells = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
                cells = ["\n".join(line for line in c.splitlines() if not line.startswith("%"))
                         for c in cells]
                cells = [c for c in cells if c.strip()]
                for index, code in notebook_snippets(cells):
                    add_seaborn(snippets, skipped, have, f"notebook.{stem}.{index:02d}",
                                f"{source} (code cell {index})", code)
            elif parts[1] == "examples" and len(parts) == 3 and parts[2].endswith(".py"):
                code = tar.extractfile(member).read().decode()
                add_seaborn(snippets, skipped, have, f"gallery.{parts[2][:-3]}", source, code)


def add_seaborn(snippets, skipped, have, snippet_id, source, code):
    missing = datasets_used(code) - have
    if missing:
        skipped.append({"library": "seaborn", "source": source,
                        "reason": f"dataset without a synthetic stand-in: {sorted(missing)}"})
    elif nondeterministic(code):
        skipped.append({"library": "seaborn", "source": source,
                        "reason": "random numbers without a seed"})
    else:
        snippets.append(("seaborn", snippet_id, header("seaborn", source) + code))


def notebook_snippets(cells):
    """(cell index, program) per plotting cell: the setup cells before it, the earlier
    plotting cells defining names it uses (transitively), then the cell itself."""
    defined = []  # per cell: names assigned at top level
    for code in cells:
        names = set()
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
        defined.append(names)
    plot = [is_plot_cell(c) for c in cells]
    for i, code in enumerate(cells):
        if not plot[i]:
            continue
        needed, queue = set(), [i]
        while queue:
            j = queue.pop()
            used = {n.id for n in ast.walk(ast.parse(cells[j])) if isinstance(n, ast.Name)
                    and isinstance(n.ctx, ast.Load)}
            for name in used:
                providers = [k for k in range(j) if name in defined[k] and plot[k]
                             and not any(name in defined[m] for m in range(k + 1, j))]
                for k in providers[-1:]:
                    if k not in needed:
                        needed.add(k)
                        queue.append(k)
        parts = [cells[k] for k in range(i) if not plot[k] or k in needed]
        yield i, "\n\n".join(parts + [code]) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path,
                        default=Path.home() / ".cache/code-interpreter/compat-sdists")
    args = parser.parse_args()
    snippets, skipped = [], []
    harvest_matplotlib(fetch_sdist("matplotlib", args.cache), snippets, skipped)
    harvest_pandas(snippets, skipped)
    harvest_seaborn(fetch_sdist("seaborn", args.cache), snippets, skipped)
    fetch_sdist("pandas", args.cache)  # the docstrings' release, kept for reference
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    for library, snippet_id, code in snippets:
        path = CORPUS / library / f"{snippet_id}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code)
    manifest = {"releases": RELEASES,
                "snippets": {lib: sum(1 for s in snippets if s[0] == lib) for lib in RELEASES},
                "skipped": skipped}
    (CORPUS / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    for library, count in manifest["snippets"].items():
        print(f"{library}: {count} snippets, "
              f"{sum(1 for s in skipped if s['library'] == library)} skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
