"""Native tests of guest_runtime, with a fake ``_hostcall`` module standing in for the host.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import ast
import base64
import builtins
import contextlib
import decimal
import enum
import fractions
import gc
import importlib.util
import json
import linecache
import os
import random
import sys
import traceback
import types
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from guest_runtime import runner, values  # noqa: E402

HAVE_SYMPY = importlib.util.find_spec("sympy") is not None
_dumps, _loads = json.dumps, json.loads  # the fake host must survive cells patching json
_BUILTINS = dict(vars(builtins))  # ... and rebinding builtins


@contextlib.contextmanager
def real_builtins(_vars=vars, _dict=dict):
    """Run the fake host with the builtins as they were before the cells (the real host is Rust)."""
    namespace = _vars(builtins)
    guest = _dict(namespace)
    namespace.update(_BUILTINS)
    try:
        yield
    finally:
        namespace.clear()
        namespace.update(guest)


class HostError(Exception):
    pass


class FakeHost:
    """Feeds cells to the runner (as the C entry loop does) and records the events it sends.

    stream_cap: stream events accepted per cell; later ones get b"0".
    """

    def __init__(self, cells, stream_cap=None, refuse_events=False, max_payload=16 << 20):
        self.cells = list(cells)
        self.max_payload = max_payload
        self.refused_oversized = 0
        self.count = 0
        self.events = []
        self.stream_cap = stream_cap
        self.refuse_events = refuse_events
        self.accepted = {}

    def next_request(self):
        """The next cell's request, or b"" when there are none (the host's `next`)."""
        with real_builtins():
            return self._next_request()

    def _next_request(self):
        if not self.cells:
            return b""
        self.count += 1
        request = {"code": self.cells.pop(0), "execution_count": self.count, "seed": 42}
        return _dumps(request).encode()

    def call(self, op, payload):
        with real_builtins():
            return self._call(op, payload)

    def _call(self, op, payload):
        assert isinstance(payload, bytes)
        assert op == "event", op
        if len(payload) > self.max_payload:
            self.refused_oversized += 1
            raise HostError("payload too large")
        event = _loads(payload.decode("utf-8"))
        event["cell"] = self.count
        self.events.append(event)
        if self.refuse_events:
            raise HostError("refused")
        if event["type"] == "stream" and self.stream_cap is not None:
            accepted = self.accepted.get(self.count, 0)
            if accepted >= self.stream_cap:
                return b"0"
            self.accepted[self.count] = accepted + 1
        return b"1"

    def of_type(self, kind, cell=None):
        return [e for e in self.events if e["type"] == kind and cell in (None, e["cell"])]

    def results(self):
        return [e["value"] for e in self.of_type("result")]

    def errors(self):
        return self.of_type("error")

    def text(self, name, cell=None):
        return "".join(e["text"] for e in self.of_type("stream", cell) if e["name"] == name)


def run(*cells, **host_options):
    """Run cells through runner.start() against a FakeHost; return the host."""
    host = FakeHost(cells, **host_options)
    fake = types.ModuleType("_hostcall")
    fake.call, fake.HostError = host.call, HostError
    saved = dict(sys.modules), sys.stdout, sys.stderr, os.getcwd(), dict(vars(builtins))
    sys.modules["_hostcall"] = fake
    try:
        run_cell = runner.start()
        while request := host.next_request():
            run_cell(request)
    finally:
        modules, sys.stdout, sys.stderr, cwd, saved_builtins = saved
        namespace = vars(builtins)  # cells may have rebound or deleted builtins
        namespace.clear()
        namespace.update(saved_builtins)
        del sys.modules["_hostcall"]
        sys.modules["__main__"] = modules["__main__"]
        for name, module in modules.items():  # put back what a cell deleted
            sys.modules.setdefault(name, module)
        os.chdir(cwd)
    return host


def int_value(n):
    return {"kind": "int", "value": str(n)}


class CellExecutionTests(unittest.TestCase):
    def test_trailing_expression_is_reported(self):
        host = run("x = 20\nx * 2 + 2")
        self.assertEqual(host.of_type("result"), [
            {"type": "result", "value": int_value(42), "text_plain": "42", "text_latex": None, "cell": 1}])

    def test_semicolon_suppresses_result(self):
        host = run("1 + 1;", "1 + 1;  # hidden", "(1 +\n 2);", "x = 1; x")
        self.assertEqual(host.results(), [int_value(1)])

    def test_none_and_statements_report_nothing(self):
        host = run("None", "x = 5", "print('hi')", "")
        self.assertEqual(host.results(), [])
        self.assertEqual(host.errors(), [])

    def test_variables_and_underscore_persist(self):
        host = run("a = 40", "a + 2", "_ + 1", "__name__")
        self.assertEqual(host.results(), [int_value(42), int_value(43), {"kind": "str", "value": "__main__"}])

    def test_main_module_supports_pickle_and_dataclasses(self):
        host = run("import pickle\ndef f(): pass\npickle.loads(pickle.dumps(f)) is f",
                   "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\nP(1)")
        self.assertEqual(host.results(), [
            {"kind": "bool", "value": True},
            {"kind": "repr", "type": "__main__.P", "text": "P(x=1)"}])

    def test_random_is_seeded_from_request(self):
        host = run("import random\nrandom.random()")
        self.assertEqual(host.results(), [{"kind": "float", "value": repr(random.Random(42).random())}])

    def test_user_patching_does_not_break_next_cell(self):
        self.addCleanup(setattr, json, "dumps", _dumps)
        self.addCleanup(setattr, json, "loads", _loads)
        host = run("import builtins, json, sys\nbuiltins.print = None\njson.dumps = json.loads = None",
                   "del sys.modules['json'], sys.modules['traceback']\njson = sys = None",
                   "1/0",
                   "1 + 1")
        self.assertEqual(host.errors()[0]["ename"], "ZeroDivisionError")
        self.assertEqual(host.results(), [int_value(2)])

    def test_refused_events_do_not_stop_the_loop(self):
        host = run("print('x')\n1", "2", refuse_events=True)
        self.assertEqual([e["type"] for e in host.events], ["stream", "result", "result"])


class OutputTests(unittest.TestCase):
    def test_stdout_stderr_order(self):
        host = run("import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n'done'")
        self.assertEqual([(e["type"], e.get("name"), e.get("text")) for e in host.events], [
            ("stream", "stdout", "a\n"), ("stream", "stderr", "b\n"), ("stream", "stdout", "c\n"),
            ("result", None, None)])

    def test_flush_sends_immediately(self):
        host = run("print('a', end='', flush=True)\nprint('b', end='')")
        self.assertEqual([e["text"] for e in host.events], ["a", "b"])

    def test_batching(self):
        host = run("for i in range(100000):\n    print(i)")
        streams = host.of_type("stream")
        self.assertLess(len(streams), 1000)
        self.assertEqual(host.text("stdout"), "".join(f"{i}\n" for i in range(100000)))
        self.assertTrue(all(e["text"].endswith("\n") for e in streams))

    def test_huge_single_write_is_chunked(self):
        host = run("print('x' * 1000000)")
        self.assertGreater(len(host.of_type("stream")), 1)
        self.assertEqual(host.text("stdout"), "x" * 1000000 + "\n")

    def test_output_cap_drops_further_streams_of_cell(self):
        host = run("for i in range(100000):\n    print(i)\n'done'", "print('next cell')", stream_cap=2)
        first = [e for e in host.events if e["cell"] == 1]
        self.assertEqual([e["type"] for e in first], ["stream"] * 3 + ["result"])
        self.assertEqual(host.text("stdout", cell=2), "next cell\n")

    def test_errors_still_reported_after_cap(self):
        host = run("print('x' * 100000)\n1/0", stream_cap=0)
        self.assertEqual([e["type"] for e in host.events], ["stream", "error"])

    def test_saved_stream_writes_into_later_cell(self):
        host = run("import sys\nout = sys.stdout", "out.write('late\\n')")
        self.assertEqual(host.text("stdout", cell=2), "late\n")

    def test_streams_restored_after_cells(self):
        before = sys.stdout, sys.stderr
        host = run("import sys\nsys.stdout = None", "print('still captured')")
        self.assertEqual((sys.stdout, sys.stderr), before)
        self.assertEqual(host.text("stdout", cell=2), "still captured\n")

    def test_lone_surrogate_is_replaced(self):
        host = run("print('a\\ud800b')")
        self.assertEqual(host.text("stdout"), "a?b\n")

    def test_output_of_result_repr_precedes_result(self):
        host = run("class A:\n    def __repr__(self):\n        print('in repr')\n        return 'A()'\nA()")
        self.assertEqual([e["type"] for e in host.events], ["stream", "result"])


class ErrorTests(unittest.TestCase):
    def error(self, *cells):
        host = run(*cells)
        errors = host.errors()
        self.assertEqual(len(errors), 1)
        return errors[0]

    def assertNoRunnerFrames(self, lines):
        self.assertFalse([line for line in lines if "guest_runtime" in line], lines)

    def test_traceback_points_at_cells(self):
        error = self.error("def f():\n    return 1/0", "x = 1\nf()")
        self.assertEqual(error["ename"], "ZeroDivisionError")
        self.assertEqual(error["evalue"], "division by zero")
        lines = error["traceback"]
        self.assertEqual(lines[:3], ["Traceback (most recent call last):",
                                     '  File "<cell-2>", line 2, in <module>', "    f()"])
        self.assertIn('  File "<cell-1>", line 2, in f', lines)
        self.assertIn("    return 1/0", lines)
        self.assertEqual(lines[-1], "ZeroDivisionError: division by zero")
        self.assertNoRunnerFrames(lines)
        self.assertFalse([line for line in lines if line.endswith("\n")])

    def test_error_in_trailing_expression(self):
        error = self.error("x = {}\nx['missing']")
        self.assertEqual(error["ename"], "KeyError")
        self.assertEqual(error["traceback"][1], '  File "<cell-1>", line 2, in <module>')
        self.assertNoRunnerFrames(error["traceback"])

    def test_stdlib_frames_kept_and_plain_ename(self):
        error = self.error("import json\njson.loads('{')")
        self.assertEqual(error["ename"], "JSONDecodeError")
        self.assertTrue([line for line in error["traceback"] if "json" in line and "File" in line])

    def test_stream_write_frame_hidden(self):
        error = self.error("import sys\nsys.stdout.write(b'x')")
        self.assertEqual(error["traceback"][-1], "TypeError: write() argument must be str, not bytes")
        self.assertNoRunnerFrames(error["traceback"])

    def test_syntax_error(self):
        error = self.error("x = 1\n1 +")
        self.assertEqual(error["ename"], "SyntaxError")
        self.assertEqual(error["traceback"], ['  File "<cell-1>", line 2', "    1 +", "       ^",
                                              "SyntaxError: invalid syntax"])

    def test_compile_stage_syntax_error_shows_source(self):
        error = self.error("return 5")
        self.assertEqual(error["traceback"], ['  File "<cell-1>", line 1', "    return 5", "    ^^^^^^^^",
                                              "SyntaxError: 'return' outside function"])

    def test_indentation_error(self):
        error = self.error("if True:\nx = 1")
        self.assertEqual(error["ename"], "IndentationError")
        self.assertEqual(error["traceback"][:2], ['  File "<cell-1>", line 2', "    x = 1"])

    def test_chained_exceptions_shown(self):
        error = self.error("try:\n    1/0\nexcept Exception as e:\n    raise ValueError('bad') from e")
        lines = error["traceback"]
        self.assertIn("The above exception was the direct cause of the following exception:", lines)
        self.assertEqual(lines[-1], "ValueError: bad")
        self.assertNoRunnerFrames(lines)

    def test_system_exit(self):
        host = run("import sys\nprint('a')\nsys.exit(0)\nprint('b')", "sys.exit()", "raise SystemExit",
                   "sys.exit(3)", "sys.exit('bye')")
        self.assertEqual(host.text("stdout"), "a\n")
        self.assertEqual([(e["ename"], e["evalue"], e["cell"]) for e in host.errors()],
                         [("SystemExit", "3", 4), ("SystemExit", "bye", 5)])

    def test_keyboard_interrupt_and_memory_error(self):
        host = run("raise KeyboardInterrupt", "raise MemoryError", "1")
        self.assertEqual([e["ename"] for e in host.errors()], ["KeyboardInterrupt", "MemoryError"])
        self.assertEqual(host.results(), [int_value(1)])

    @mock.patch.object(ast, "parse", ast.parse)  # put back what the cells patch
    @mock.patch.object(linecache, "cache", linecache.cache)
    @mock.patch.object(runner, "_run_source", runner._run_source)
    @mock.patch.object(values, "encode_value", values.encode_value)
    def test_rebound_builtins_and_patched_modules_do_not_break_next_cell(self):
        host = run("import builtins\nfor name in ('exec', 'compile', 'eval', 'isinstance', 'len', 'str', 'type'):\n"
                   "    setattr(builtins, name, None)",
                   "import ast, linecache\nast.parse = None\nlinecache.cache = None",
                   "import guest_runtime.runner as r, guest_runtime.values as v\nr._run_source = None\n"
                   "v.encode_value = None",
                   "[1, 'a']", "1 / 0")
        self.assertEqual(host.results(), [{"kind": "list", "items": [int_value(1), {"kind": "str", "value": "a"}]}])
        self.assertEqual([e["ename"] for e in host.errors()], ["ZeroDivisionError"])

    def test_oversized_error_is_sent_clipped_after_the_host_refused_it(self):
        host = run("raise ValueError('v' * (20 << 20))", "1")
        (error,) = host.errors()
        self.assertEqual(host.refused_oversized, 1)
        self.assertEqual(error["ename"], "ValueError")
        self.assertEqual(error["evalue"], "v" * (256 << 10) + f"... [{(20 << 20) - (256 << 10)} more characters not shown]")
        self.assertEqual(host.results(), [int_value(1)])

    def test_oversized_display_keeps_what_fits(self):
        host = run("class Page:\n    def _repr_html_(self):\n        return 'h' * (20 << 20)\n"
                   "    def _repr_markdown_(self):\n        return 'm'\ndisplay(Page())")
        (event,) = host.of_type("display")
        self.assertEqual(host.refused_oversized, 1)
        self.assertEqual([item["mime_type"] for item in event["data"]], ["text/markdown", "text/plain"])

    def test_minimal_event_when_formatting_fails(self):
        with mock.patch.object(traceback.TracebackException, "format", side_effect=MemoryError):
            error = self.error("x = [0] * 10\nraise MemoryError")
        self.assertEqual(error, {"type": "error", "ename": "MemoryError", "evalue": "",
                                 "traceback": ["MemoryError"], "cell": 1})

    def test_recursion_traceback_is_capped(self):
        error = self.error("def f(n): return g(n)\ndef g(n): return f(n)\nf(0)")
        lines = error["traceback"]
        self.assertEqual(error["ename"], "RecursionError")
        self.assertLessEqual(len(lines), 201)
        self.assertTrue([line for line in lines if line.startswith("... ") and "lines omitted" in line])
        self.assertEqual(lines[-1], "RecursionError: maximum recursion depth exceeded")


DISPLAY_CLASSES = """
class Png:
    def _repr_png_(self):
        return bytes(range(256))

class Html:
    def __repr__(self):
        return 'Html()'
    def _repr_html_(self):
        return '<b>hi</b>'

class Bundle:
    def _repr_mimebundle_(self, include=None, exclude=None):
        return ({'application/vnd.custom+json': {'a': [1, 2]}, 'text/plain': 'custom'},
                {'application/vnd.custom+json': {'expanded': True}})
    def _repr_html_(self):
        return '<i>from method</i>'

class Broken:
    def __repr__(self):
        return 'Broken()'
    def _repr_html_(self):
        raise ValueError('bad html')
    def _repr_latex_(self):
        return '$x$'
"""


class DisplayTests(unittest.TestCase):
    def displays(self, *cells):
        host = run(DISPLAY_CLASSES, *cells)
        self.assertEqual(host.errors(), [])
        return host, host.of_type("display")

    def test_png_travels_as_base64(self):
        host, (event,) = self.displays("display(Png())")
        png, plain = event["data"]
        self.assertEqual(png["mime_type"], "image/png")
        self.assertNotIn("\n", png["base64"])
        self.assertEqual(base64.b64decode(png["base64"], validate=True), bytes(range(256)))
        self.assertEqual(plain["mime_type"], "text/plain")
        self.assertTrue(plain["text"].startswith("<__main__.Png object at "))
        self.assertEqual(event["metadata"], {})

    def test_html_and_text_plain(self):
        host, (event,) = self.displays("from guest_runtime import display as show\nshow(Html())")
        self.assertEqual(event, {"type": "display", "cell": 2, "metadata": {}, "data": [
            {"mime_type": "text/html", "text": "<b>hi</b>"}, {"mime_type": "text/plain", "text": "Html()"}]})

    def test_mimebundle(self):
        host, (event,) = self.displays("display(Bundle())")
        self.assertEqual(event["data"], [
            {"mime_type": "application/vnd.custom+json", "text": '{"a":[1,2]}'},
            {"mime_type": "text/html", "text": "<i>from method</i>"},
            {"mime_type": "text/plain", "text": "custom"}])
        self.assertEqual(event["metadata"], {"application/vnd.custom+json": '{"expanded":true}'})

    def test_raising_repr_method_is_skipped(self):
        host, (event,) = self.displays("display(Broken())\n'next'")
        self.assertEqual(event["data"], [{"mime_type": "text/latex", "text": "$x$"},
                                         {"mime_type": "text/plain", "text": "Broken()"}])
        self.assertEqual(host.text("stderr"), "display: skipped _repr_html_(): ValueError: bad html\n")
        self.assertEqual(host.results(), [{"kind": "str", "value": "next"}])

    def test_metadata(self):
        host, events = self.displays("display(Png(), 7, metadata={'width': 100, 'alt': 'x', 'size': [1, 2]})")
        self.assertEqual([e["metadata"] for e in events], [{"width": "100", "alt": "x", "size": "[1,2]"}] * 2)
        error = run("display(1, metadata=[('a', 1)])").errors()[0]
        self.assertEqual(error["traceback"][-1], "TypeError: display() metadata must be a dict, not list")
        self.assertFalse([line for line in error["traceback"] if "guest_runtime" in line])

    def test_plain_int_is_text_only(self):
        host, events = self.displays("display(42)\ndisplay()\ndisplay(Html, 'a')")
        self.assertEqual([e["data"] for e in events], [
            [{"mime_type": "text/plain", "text": "42"}],
            [{"mime_type": "text/plain", "text": "<class '__main__.Html'>"}],
            [{"mime_type": "text/plain", "text": "'a'"}]])
        self.assertEqual(host.text("stderr"), "")

    def test_output_before_display_is_sent_first(self):
        host, _ = self.displays("import sys\nprint('a', end='')\nprint('b', file=sys.stderr)\n"
                                "display(Html())\nprint('c')\n1")
        self.assertEqual([(e["type"], e.get("text")) for e in host.events if e["cell"] == 2], [
            ("stream", "a"), ("stream", "b\n"), ("display", None), ("stream", "c\n"), ("result", None)])

    def test_display_outside_a_cell_sends_nothing(self):
        host = run("1")
        with mock.patch.object(runner.mime, "bundle") as bundle:
            self.assertIsNone(runner.display(1, metadata={"a": "b"}))
        bundle.assert_not_called()
        self.assertEqual([e["type"] for e in host.events], ["result"])


class Color(enum.IntEnum):
    RED = 1


class PlainInt(int):
    pass


class BadRepr:
    def __repr__(self):
        raise RuntimeError("no")


class ValueTests(unittest.TestCase):
    def test_scalars(self):
        enc = values.encode_value
        self.assertEqual(enc(None), {"kind": "none"})
        self.assertEqual(enc(False), {"kind": "bool", "value": False})
        self.assertEqual(enc(2**200), int_value(2**200))
        self.assertEqual(enc(-7), int_value(-7))
        self.assertEqual([enc(x)["value"] for x in (1.5, float("inf"), float("nan"), -0.0, 1e300)],
                         ["1.5", "inf", "nan", "-0.0", "1e+300"])
        self.assertEqual(enc(fractions.Fraction(-3, 6)),
                         {"kind": "fraction", "numerator": "-1", "denominator": "2"})
        self.assertEqual(enc(decimal.Decimal("1.10")), {"kind": "decimal", "value": "1.10"})
        self.assertEqual(enc(1 - 2.5j), {"kind": "complex", "real": "1.0", "imag": "-2.5"})
        self.assertEqual(enc("héllo"), {"kind": "str", "value": "héllo"})

    def test_big_ints(self):
        self.assertEqual(values.encode_value(10**5000), int_value("1" + "0" * 5000))
        self.assertEqual(len(values.encode_value(2**400_000 - 1)["value"]), 120412)
        self.assertEqual(values.encode_value(10**200_000),
                         {"kind": "repr", "type": "int", "text": "<int with about 200001 digits>"})
        self.assertEqual(values.text_plain(10**5000), "1" + "0" * 5000)
        self.assertEqual(sys.get_int_max_str_digits(), 4300)

    def test_subclasses(self):
        self.assertEqual(values.encode_value(PlainInt(5)), int_value(5))
        self.assertEqual(values.encode_value(Color.RED),
                         {"kind": "repr", "type": f"{__name__}.Color", "text": "<Color.RED: 1>"})
        self.assertEqual(values.encode_value(frozenset())["kind"], "repr")

    def test_containers(self):
        value = values.encode_value({"a": [1, (2.0, None)], 3: {4}})
        self.assertEqual(value, {"kind": "dict", "entries": [
            [{"kind": "str", "value": "a"}, {"kind": "list", "items": [
                int_value(1), {"kind": "tuple", "items": [{"kind": "float", "value": "2.0"}, {"kind": "none"}]}]}],
            [int_value(3), {"kind": "set", "items": [int_value(4)]}]]})

    def test_self_reference(self):
        a = [1]
        a.append(a)
        self.assertEqual(values.encode_value(a), {"kind": "list", "items": [
            int_value(1), {"kind": "repr", "type": "list", "text": "[...]"}]})
        self.assertEqual(values.text_plain(a), "[1, [...]]")

    def test_container_limits(self):
        self.assertEqual(values.encode_value(list(range(1000)))["kind"], "list")
        too_many = [list(range(600)), list(range(600))]
        self.assertEqual(values.encode_value(too_many), {"kind": "repr", "type": "list",
                                                         "text": values.text_plain(too_many)})
        deep = []
        for _ in range(15):  # 16 levels
            deep = [deep]
        self.assertEqual(values.encode_value(deep)["kind"], "list")
        self.assertEqual(values.encode_value([deep])["kind"], "repr")
        self.assertEqual(values.encode_value(["x" * 1000000] * 3)["kind"], "repr")

    def test_text_caps(self):
        long = "x" * (2 * 1024 * 1024)
        self.assertEqual(values.encode_value(long)["kind"], "repr")
        text = values.text_plain(long)
        self.assertEqual(len(text), 64 * 1024 + 3)
        self.assertTrue(text.startswith("'xxx") and text.endswith("..."))
        self.assertEqual(values.text_plain(list(range(100000)))[-3:], "...")

    def test_unrepresentable(self):
        self.assertEqual(values.encode_value(BadRepr()), {
            "kind": "repr", "type": f"{__name__}.BadRepr",
            "text": f"<unrepresentable object of type {__name__}.BadRepr>"})
        self.assertEqual(values.encode_value([BadRepr()])["items"][0]["kind"], "repr")
        self.assertIsNone(values.text_latex(1))


@unittest.skipUnless(HAVE_SYMPY, "sympy is not installed")
class SympyTests(unittest.TestCase):
    def test_solve_gives_symbolic_items(self):
        host = run("import sympy as sp\nx = sp.Symbol('x')\nsp.solve(x**2 - 4, x)", "sp.Integral(x, x)")
        solutions, integral = host.results()
        self.assertEqual(solutions, {"kind": "list", "items": [
            {"kind": "symbolic", "text": "-2", "latex": "-2"}, {"kind": "symbolic", "text": "2", "latex": "2"}]})
        self.assertEqual(integral, {"kind": "symbolic", "text": "Integral(x, x)", "latex": "\\int x\\, dx"})
        self.assertEqual(host.of_type("result")[1]["text_latex"], "\\int x\\, dx")

    def test_matrix(self):
        import sympy

        value = values.encode_value(sympy.Matrix([[1, 2]]))
        self.assertEqual(value["kind"], "symbolic")
        self.assertIn("matrix", value["latex"])


class PreloadTests(unittest.TestCase):
    def test_preload_imports_without_host(self):
        fake = types.ModuleType("_hostcall")
        fake.call = mock.Mock(side_effect=AssertionError("host called during preload"))
        with mock.patch.dict(sys.modules, {"_hostcall": fake}):
            try:
                runner.preload()
            finally:
                gc.unfreeze()
            for name in ("statistics", "csv", "zlib", "hashlib"):
                self.assertIn(name, sys.modules)
        fake.call.assert_not_called()


if __name__ == "__main__":
    unittest.main()
