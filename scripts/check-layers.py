#!/usr/bin/env python3
"""Checks that the Rust modules under src/ import one way only.

Reads every module reachable from src/lib.rs and src/main.rs, resolves the paths each one
names (`use` trees, `crate::…`/`super::…`/`self::…` paths, `code_interpreter::…` from the
binary, and names brought in by `use`), and builds the graph "file A uses an item of file B".
Re-exports are followed to the file that defines the item, and declaring a child module is
not a use of it. Then it fails when

- two files depend on each other, directly or through others (an import cycle), or
- a file uses a module of a higher layer than its own (LAYERS below, top to bottom), or
- a Rust file (src/, tests/, examples/) is over MAX_LINES lines.

Usage: scripts/check-layers.py [--graph]   (--graph prints every edge)
"""

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
LIB_NAME = "code_interpreter"
MAX_LINES = 600

# Top-level modules from the top layer down. A module may use its own layer's modules and
# any module of a lower layer, never one above; modules in the same row must not use each
# other.
LAYERS = [
    ["main", "cli", "fuzzing"],
    ["mcp"],
    ["service"],
    ["sandbox"],
    ["tables", "charts"],
    ["scratch"],
    ["events", "limits", "fsutil"],
]
# Outside the layers: the crate root, which only declares and re-exports.
UNLAYERED = {"lib"}


def strip_comments_and_strings(text):
    """The code with comments, string and char literals blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = text.find('"' + hashes, i + 2 + len(hashes))
            j = n if end < 0 else end + 1 + len(hashes)
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""' + "\n" * text.count("\n", i, j))
            i = j + 1
        elif c == "'":
            if text.startswith("\\", i + 1):
                j = text.find("'", i + 3)
                out.append("' '")
                i = j + 1
            elif i + 2 < n and text[i + 2] == "'":
                out.append("' '")
                i += 3
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def expand_use_tree(tree):
    """`a::{b, c::{d, e as f}}` -> [(["a","b"], "b"), (["a","c","d"], "d"), (["a","c","e"], "f")]."""
    tree = re.sub(r"\s*([{},]|::)\s*", r"\1", re.sub(r"\s+", " ", tree.strip()))

    def parse(s, prefix):
        results, depth, start = [], 0, 0
        parts = []
        for k, ch in enumerate(s):
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "," and depth == 0:
                parts.append(s[start:k])
                start = k + 1
        parts.append(s[start:])
        for part in filter(None, parts):
            brace = part.find("{")
            if brace >= 0:
                head = [p for p in part[:brace].split("::") if p]
                results += parse(part[brace + 1:part.rindex("}")], prefix + head)
            else:
                part, _, alias = part.partition(" as ")
                path = prefix + [p for p in part.split("::") if p]
                if path and path[-1] == "self":
                    path = path[:-1]
                if path:
                    results.append((path, alias or path[-1]))
        return results

    return parse(tree, [])


class Module:
    def __init__(self, path, file, code):
        self.path, self.file, self.code = tuple(path), file, code
        self.names = {}  # name brought in by `use` -> (crate, absolute path)
        self.reexports = {}  # the `pub use` ones among them
        self.uses = []  # ((crate, absolute path), line) of every `use`d path


def load_crate(crate, root_file):
    """All modules of a crate: {path tuple: Module}; inline `mod x { … }` blocks included."""
    modules = {}

    def load(path, file):
        code = strip_comments_and_strings(file.read_text())
        add(path, file, code)

    def add(path, file, code):
        # Inline `mod x { … }` blocks become modules of their own, blanked out of this one.
        for m in reversed(list(re.finditer(r"\bmod\s+(\w+)\s*\{", code))):
            depth, end = 1, m.end()
            while depth:
                depth += {"{": 1, "}": -1}.get(code[end], 0)
                end += 1
            if (tuple(path) + (m.group(1),)) not in modules:
                add(list(path) + [m.group(1)], file, code[m.end():end - 1])
            code = code[:m.end()] + "\n" * code.count("\n", m.end(), end - 1) + code[end - 1:]
        module = Module(path, file, code)
        modules[module.path] = module
        for m in re.finditer(r"\bmod\s+(\w+)\s*;", code):
            name = m.group(1)
            if file.name in ("lib.rs", "main.rs", "mod.rs"):
                base = file.parent
            else:
                base = file.parent / file.stem
            child = base / f"{name}.rs"
            if not child.exists():
                child = base / name / "mod.rs"
            load(list(path) + [name], child)

    load([], root_file)
    return modules


def use_statements(code):
    for m in re.finditer(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);", code):
        yield bool(m.group(1)), m.group(2), code.count("\n", 0, m.start()) + 1


def absolute(modules, crate, module_path, path):
    """A path named in the module at `module_path` of `crate` (whose modules are `modules`) as
    (crate, absolute segments), or None for external crates and std."""
    first = path[0]
    if first == "crate":
        return crate, list(path[1:])
    if first == LIB_NAME:
        return "lib", list(path[1:])
    if first in ("self", "super"):
        base = list(module_path)
        rest = list(path)
        while rest and rest[0] in ("self", "super"):
            if rest.pop(0) == "super":
                base.pop()
        return crate, base + rest
    if tuple(module_path) + (first,) in modules:
        return crate, list(module_path) + list(path)
    return None


def main():
    show_graph = "--graph" in sys.argv
    crates = {"lib": load_crate("lib", SRC / "lib.rs"), "bin": load_crate("bin", SRC / "main.rs")}

    # Pass 1: each module's `use` statements, read once: its local names, re-exports and uses.
    for crate, modules in crates.items():
        for module in modules.values():
            for public, tree, line in use_statements(module.code):
                for path, alias in expand_use_tree(tree):
                    target = absolute(modules, crate, module.path, path)
                    if target is None:
                        continue
                    module.names[alias] = target
                    module.uses.append((target, line))
                    if public:
                        module.reexports[alias] = target

    def resolve(crate, path, seen=()):
        """The module that defines the item at `path`: (crate, module path)."""
        modules = crates[crate]
        for k in range(len(path), -1, -1):
            if tuple(path[:k]) in modules:
                module = modules[tuple(path[:k])]
                if k < len(path) and path[k] in module.reexports and (crate, tuple(path)) not in seen:
                    target_crate, target = module.reexports[path[k]]
                    return resolve(target_crate, target + list(path[k + 1:]), seen + ((crate, tuple(path)),))
                return crate, module.path
        return crate, ()

    def file_of(crate, module_path):
        return crates[crate][module_path].file

    # Pass 2: the edges, file to file, with the line that makes each.
    edges = defaultdict(dict)
    for crate, modules in crates.items():
        for module in modules.values():
            refs = list(module.uses)
            code_wo_use = re.sub(r"\b(pub(?:\([^)]*\))?\s+)?use\s+[^;]+;", lambda m: "\n" * m.group(0).count("\n"), module.code)
            for m in re.finditer(r"(?<![\w:])(\w+)((?:::\w+)+)", code_wo_use):
                head, rest = m.group(1), m.group(2).split("::")[1:]
                line = code_wo_use.count("\n", 0, m.start()) + 1
                if head in ("crate", "self", "super", LIB_NAME):
                    refs.append((absolute(modules, crate, module.path, [head] + rest), line))
                elif head in module.names:
                    target_crate, target = module.names[head]
                    refs.append(((target_crate, target + rest), line))
            source = module.file
            for ref, line in refs:
                if ref is None:
                    continue
                target_file = file_of(*resolve(*ref))
                if target_file != source:
                    edges[source].setdefault(target_file, line)

    failures = []
    rel = lambda f: str(f.relative_to(ROOT))

    # Cycles: strongly connected components of more than one file (Tarjan).
    index, low, stack, on_stack, components = {}, {}, [], set(), []
    counter = [0]

    def connect(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            components.append(component)

    sys.setrecursionlimit(10000)
    all_files = {m.file for modules in crates.values() for m in modules.values()}
    for f in sorted(all_files):
        if f not in index:
            connect(f)
    for component in components:
        if len(component) > 1:
            members = set(component)
            lines = [f"  {rel(a)}:{line} uses {rel(b)}" for a in sorted(members)
                     for b, line in sorted(edges[a].items()) if b in members]
            failures.append("import cycle among " + ", ".join(sorted(map(rel, members))) + ":\n" + "\n".join(lines))

    # Layers: a file's top-level module against the modules it uses.
    layer_of = {name: k for k, row in enumerate(LAYERS) for name in row}

    def top(f):
        parts = f.relative_to(SRC).with_suffix("").parts
        return parts[0]

    for a, targets in sorted(edges.items()):
        for b, line in sorted(targets.items()):
            ta, tb = top(a), top(b)
            if ta == tb or ta in UNLAYERED or tb in UNLAYERED:
                continue
            if ta not in layer_of or tb not in layer_of:
                missing = ta if ta not in layer_of else tb
                failures.append(f"{rel(a)}:{line}: module `{missing}` is in no layer (add it to LAYERS)")
            elif layer_of[tb] <= layer_of[ta]:
                failures.append(f"{rel(a)}:{line}: `{ta}` uses `{tb}`, which is not in a lower layer")

    rust_files = all_files | set((ROOT / "tests").rglob("*.rs")) | set((ROOT / "examples").rglob("*.rs"))
    for f in sorted(rust_files):
        lines = f.read_text().count("\n")
        if lines > MAX_LINES:
            failures.append(f"{rel(f)}: {lines} lines (at most {MAX_LINES})")

    if show_graph:
        for a, targets in sorted(edges.items()):
            for b, line in sorted(targets.items()):
                print(f"{rel(a)}:{line} -> {rel(b)}")
    for failure in dict.fromkeys(failures):
        print(failure, file=sys.stderr)
    if failures:
        print(f"check-layers: {len(failures)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-layers: {len(all_files)} files, {sum(map(len, edges.values()))} uses, no cycle, one way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
