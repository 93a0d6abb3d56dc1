"""Compares the sandbox's results with the real libraries' and prints the compatibility numbers.

Pass rules (README.md in this directory):
- pandas: the sandbox's stdout equals the real library's (trailing whitespace stripped per
  line) and either both ran without error or both raised the same exception type (the equal
  stdout before it makes it the same point).
- matplotlib, seaborn: both ran without error, the same number of figures, the same number of
  axes per figure, and per axes, for each kind in COMPARED_KINDS, as many series as the real
  library drew, in order, each with the same points (relative tolerance 1e-6); images by shape.
Snippets that fail with the real library (matplotlib, seaborn) or give different results on
two real runs are excluded from the shares and listed.

Usage: python compare.py REFERENCE.json SANDBOX.json [--json REPORT] [--top 40]
"""

import argparse
import json
import math
import re
import sys
from collections import Counter

from normalize import COMPARED_KINDS

LIBRARIES = ("matplotlib", "pandas", "seaborn")
MODULE_ALIASES = {"pandas": "pd", "numpy": "np", "matplotlib.pyplot": "plt", "seaborn": "sns"}


def alias(module):
    return MODULE_ALIASES.get(module, module)


def missing_name(error):
    """The API a failure names as missing (e.g. "Axes.errorbar", "pd.date_range"), or None."""
    etype, _, message = error.partition(": ")
    message = re.sub(r" at 0x[0-9a-f]+", "", message)
    if etype == "NotImplementedError":
        name = re.split(r" (?:is|are) not supported| is not implemented|; ", message)[0]
        return name[:80]
    if etype == "AttributeError":
        m = re.search(r"module '([\w.]+)' has no attribute '(\w+)'", message)
        if m:
            return f"{alias(m[1])}.{m[2]}"
        m = re.search(r"'(\w+)' object has no attribute '(\w+)'", message) or \
            re.search(r"type object '(\w+)' has no attribute '(\w+)'", message)
        if m:
            return f"{m[1]}.{m[2]}"
    if etype in ("ImportError", "ModuleNotFoundError"):
        m = re.search(r"cannot import name '(\w+)' from '([\w.]+)'", message)
        if m:
            return f"{alias(m[2])}.{m[1]}"
        m = re.search(r"No module named '([\w.]+)'", message)
        if m:
            return m[1]
    m = re.search(r"([\w.]+)\(\) got an unexpected keyword argument '(\w+)'", message)
    if m:
        return f"{m[1]}({m[2]}=...)"
    return None


def lines(text):
    return [line.rstrip() for line in text.split("\n")]


def compare_pandas(ref, box):
    """None if the sandbox's result passes, else the reason."""
    ref_out, box_out = lines(ref["stdout"]), lines(box["stdout"])
    if ref["error_type"] != box["error_type"]:
        if box["error_type"]:
            return f"raised {box['error']}"[:300]
        return f"ran without error; real pandas raised {ref['error_type']}"
    if ref_out != box_out:
        n = next((i for i, (a, b) in enumerate(zip(ref_out, box_out)) if a != b),
                 min(len(ref_out), len(box_out)))
        got = box_out[n] if n < len(box_out) else "<end>"
        want = ref_out[n] if n < len(ref_out) else "<end>"
        return f"stdout line {n + 1}: got {got!r}, real pandas {want!r}"[:300]
    return None


def same_value(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)
    return a == b


def series_difference(ref, box):
    """None if two normalized series of the same kind match, else how they differ."""
    kind = ref["kind"]
    random = ref.get("random")
    if random is True:
        return None  # the real library itself gives other values on another run
    if kind == "image":
        return None if ref["shape"] == box.get("shape") else f"shape {box.get('shape')} != {ref['shape']}"
    if kind in ("hline", "vline"):
        return None if same_value(ref["value"], box.get("value")) else \
            f"value {box.get('value')} != {ref['value']}"
    key = "fractions" if kind == "pie" else "points"
    want, got = ref[key], box.get(key, [])
    if len(want) != len(got):
        return f"{len(got)} {key}, real library {len(want)}"
    for i, (w, g) in enumerate(zip(want, got)):
        pair_w, pair_g = (w, g) if isinstance(w, list) else ([w], [g])
        if len(pair_w) != len(pair_g) or not all(
                same_value(a, b) for d, (a, b) in enumerate(zip(pair_w, pair_g))
                if not (random and random[d])):
            return f"{key}[{i}] {g} != {w}"
    return None


def compare_figures(ref, box):
    """None if the sandbox's result passes, else the reason."""
    if box["error_type"]:
        return f"raised {box['error']}"[:300]
    if len(ref["figures"]) != len(box["figures"]):
        return f"{len(box['figures'])} figures, real library {len(ref['figures'])}"
    for f, (rf, bf) in enumerate(zip(ref["figures"], box["figures"])):
        if len(rf["axes"]) != len(bf["axes"]):
            return f"figure {f}: {len(bf['axes'])} axes, real library {len(rf['axes'])}"
        for a, (ra, ba) in enumerate(zip(rf["axes"], bf["axes"])):
            for kind in COMPARED_KINDS:
                want = [s for s in ra["series"] if s["kind"] == kind]
                got = [s for s in ba["series"] if s["kind"] == kind]
                if len(want) != len(got):
                    return f"figure {f} axes {a}: {len(got)} {kind} series, real library {len(want)}"
                for i, (w, g) in enumerate(zip(want, got)):
                    diff = series_difference(w, g)
                    if diff:
                        return f"figure {f} axes {a} {kind} {i}: {diff}"[:300]
    return None


def judge(snippet_id, ref, box):
    """(status, reason, missing name) of one snippet."""
    library = snippet_id.split("/")[0]
    if not ref.get("deterministic", True):
        return "excluded", "the real library gives different results on two runs", None
    if box is None:
        return "fail", "not run in the sandbox", None
    if library == "pandas":
        if ref["error_type"] in ("ImportError", "ModuleNotFoundError"):
            return "excluded", f"the real library needs an optional package: {ref['error']}", None
        reason = compare_pandas(ref, box)
    else:
        if ref["error_type"]:
            return "excluded", f"fails with the real library: {ref['error']}"[:300], None
        reason = compare_figures(ref, box)
    if reason is None:
        return "pass", "", None
    if box["error_type"] and box["error_type"] != ref["error_type"]:
        return "fail", reason, missing_name(box["error"])
    return "mismatch", reason, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference")
    parser.add_argument("sandbox")
    parser.add_argument("--json", help="write each snippet's status and reason here")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    with open(args.reference) as f:
        reference = json.load(f)
    with open(args.sandbox) as f:
        sandbox = json.load(f)
    report = {}
    for snippet_id in sorted(sandbox):
        status, reason, missing = judge(snippet_id, reference[snippet_id], sandbox.get(snippet_id))
        report[snippet_id] = {"status": status, "reason": reason, "missing": missing}
    print_summary(report, args.top)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": summary(report), "snippets": report}, f, indent=1, sort_keys=True)


def summary(report):
    out = {}
    for library in LIBRARIES:
        rows = [r for sid, r in report.items() if sid.startswith(library + "/")]
        statuses = Counter(r["status"] for r in rows)
        counted = len(rows) - statuses["excluded"]
        out[library] = {"snippets": counted, "passing": statuses["pass"],
                        "share": round(100 * statuses["pass"] / counted, 1) if counted else None,
                        "failing": statuses["fail"], "mismatching": statuses["mismatch"],
                        "excluded": statuses["excluded"]}
    return out


def print_summary(report, top):
    print(f"{'library':<12}{'snippets':>9}{'passing':>9}{'share':>8}{'errors':>8}"
          f"{'mismatch':>10}{'excluded':>10}")
    for library, s in summary(report).items():
        share = f"{s['share']:.1f}%" if s["share"] is not None else "-"
        print(f"{library:<12}{s['snippets']:>9}{s['passing']:>9}{share:>8}{s['failing']:>8}"
              f"{s['mismatching']:>10}{s['excluded']:>10}")
    for library in LIBRARIES:
        rows = {sid: r for sid, r in report.items() if sid.startswith(library + "/")}
        if not rows:
            continue
        missing = Counter(r["missing"] for r in rows.values() if r["missing"])
        print(f"\n{library}: top missing names (snippets)")
        for name, count in missing.most_common(top):
            print(f"  {count:4d}  {name}")
        others = Counter(first_words(r["reason"]) for r in rows.values()
                         if r["status"] == "fail" and not r["missing"])
        if others:
            print(f"{library}: other errors (snippets)")
            for reason, count in others.most_common(15):
                print(f"  {count:4d}  {reason}")
        mismatches = {sid: r["reason"] for sid, r in rows.items() if r["status"] == "mismatch"}
        if mismatches:
            print(f"{library}: {len(mismatches)} mismatches, ran but differed"
                  f"{f' (the first {top})' if len(mismatches) > top else ''}")
            for sid, reason in list(mismatches.items())[:top]:
                print(f"  {sid.split('/', 1)[1]}: {reason[:160]}")


def first_words(reason):
    """A reason without its numbers and quoted values, to group similar ones."""
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)
    reason = re.sub(r"\[[^\]]*\]", "[…]", reason)
    return re.sub(r"-?\d+(\.\d+)?(e-?\d+)?", "N", reason)[:120]


if __name__ == "__main__":
    sys.exit(main())
