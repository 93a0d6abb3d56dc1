"""Tests of the Python client: value conversion offline, everything else against a real
server at $CODE_INTERPRETER_TARGET (run_tests.sh starts one)."""

from __future__ import annotations

import io
import os
import threading
import time
import unittest
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable, Iterator, TypeVar

import grpc

from code_interpreter_client import (Array, BatchResult, CellError, Client, CodeInterpreterError,
                                     Display, EndEvent, FileNotFound, FilesOpen, InvalidRequest,
                                     Program, Repr, ResultEvent, SessionEnded, SessionNotFound,
                                     StreamEvent, Symbolic)
from code_interpreter_client._proto import pb, rpc
from code_interpreter_client.batch import answer_proto
from code_interpreter_client._calls import upload_chunks
from code_interpreter_client.errors import CapacityExhausted, error_for
from code_interpreter_client.executor import PythonExecutor, truncate
from code_interpreter_client.values import parse_int, to_python

T = TypeVar("T")

TARGET = os.environ.get("CODE_INTERPRETER_TARGET", "")
needs_server = unittest.skipUnless(TARGET, "CODE_INTERPRETER_TARGET is not set")

LOOP_FOREVER = "while True:\n    pass"


def integer(n: int) -> pb.Integer:
    return pb.Integer(decimal=str(n))


class OfflineTest(unittest.TestCase):
    """Conversions and mappings that need no server."""

    def test_long_decimal_strings_parse_past_the_int_digit_limit(self) -> None:
        self.assertEqual(parse_int("-7"), -7)
        for digits in (4000, 4001, 30103, 100000):
            self.assertEqual(parse_int("1" + "0" * digits), 10**digits)
            self.assertEqual(parse_int("-" + "9" * digits), 1 - 10**digits)

    def test_values_convert_to_python(self) -> None:
        value = pb.Value(tuple_value=pb.Sequence(items=[
            pb.Value(fraction_value=pb.Fraction(numerator=integer(1), denominator=integer(3))),
            pb.Value(decimal_value="0.1"),
            pb.Value(complex_value=pb.Complex(real=1, imag=-2)),
            pb.Value(set_value=pb.Sequence(items=[pb.Value(symbolic_value=pb.Symbolic(
                text="sqrt(2)", latex="\\sqrt{2}"))])),
            pb.Value(dict_value=pb.Map(entries=[pb.MapEntry(
                key=pb.Value(str_value="k"),
                value=pb.Value(list_value=pb.Sequence(items=[
                    pb.Value(none_value=pb.NoneValue()), pb.Value(bool_value=True),
                    pb.Value(float_value=1.5),
                    pb.Value(repr_value=pb.Repr(type_name="object", text="<object>"))])))])),
        ]))
        expected = (Fraction(1, 3), Decimal("0.1"), 1 - 2j, {Symbolic("sqrt(2)", "\\sqrt{2}")},
                    {"k": [None, True, 1.5, Repr("object", "<object>")]})
        self.assertEqual(to_python(value), expected)
        self.assertEqual(str(to_python(value)[3:]), "({sqrt(2)}, {'k': [None, True, 1.5, <object>]})")

    def test_numpy_arrays_convert_to_array(self) -> None:
        value = pb.Value(array_value=pb.Array(
            dtype="float64", shape=[2, 2], truncated=False,
            items=[pb.Value(float_value=v) for v in (0.0, 1.5, 3.0, 4.5)]))
        self.assertEqual(to_python(value), Array("float64", (2, 2), [0.0, 1.5, 3.0, 4.5], False))
        scalar = to_python(pb.Value(array_value=pb.Array(dtype="int32", items=[
            pb.Value(int_value=integer(-7))])))
        self.assertEqual((scalar.shape, scalar.items, scalar.truncated), ((), [-7], False))

    def test_status_codes_map_to_exceptions(self) -> None:
        self.assertIsInstance(error_for(grpc.StatusCode.NOT_FOUND, "x"), SessionNotFound)
        self.assertIsInstance(error_for(grpc.StatusCode.FAILED_PRECONDITION, "x"), SessionEnded)
        self.assertIsInstance(error_for(grpc.StatusCode.INVALID_ARGUMENT, "x"), InvalidRequest)
        self.assertIsInstance(error_for(grpc.StatusCode.RESOURCE_EXHAUSTED, "x"),
                              CapacityExhausted)
        self.assertIsInstance(error_for(grpc.StatusCode.NOT_FOUND, 'no file "x" in /mnt/data'),
                              FileNotFound)
        other = error_for(grpc.StatusCode.UNAVAILABLE, "down")
        self.assertIs(type(other), CodeInterpreterError)
        self.assertEqual((str(other), other.code), ("UNAVAILABLE: down", grpc.StatusCode.UNAVAILABLE))

    def test_uploads_are_chunked_with_the_names_in_the_first_chunk(self) -> None:
        class Pipe(io.RawIOBase):  # a stream that cannot seek
            def __init__(self, data: bytes) -> None:
                self.rest = data

            def read(self, size: int = -1) -> bytes:
                piece, self.rest = self.rest[:size], self.rest[size:]
                return piece

        seekable = io.BytesIO(b"__abcdefg")
        seekable.seek(2)
        for data, total in ((b"abcdefg", 7), (seekable, 7), (Pipe(b"abcdefg"), None)):
            chunks = list(upload_chunks("s", "d/f", data, 3))
            self.assertEqual([c.data for c in chunks], [b"abc", b"def", b"g"])
            self.assertEqual((chunks[0].session_id, chunks[0].path), ("s", "d/f"))
            self.assertEqual(chunks[0].total_size if chunks[0].HasField("total_size") else None,
                             total)
            self.assertTrue(all(not c.session_id and not c.path for c in chunks[1:]))
        empty = list(upload_chunks("s", "f", b"", 3))
        self.assertEqual((len(empty), empty[0].data, empty[0].total_size), (1, b"", 0))

    def test_answer_modes(self) -> None:
        self.assertEqual(answer_proto(("variable", "x")).variable, "x")
        self.assertEqual(answer_proto("stdout").WhichOneof("kind"), "stdout")
        with self.assertRaises(ValueError):
            answer_proto("value")

    def test_truncate_keeps_head_and_tail(self) -> None:
        self.assertEqual(truncate("0123456789", 4), "01...89")
        self.assertEqual(truncate("0123", 4), "0123")
        self.assertEqual(truncate("0123456789", 0), "0123456789")


@needs_server
class ServerTest(unittest.TestCase):
    client: Client

    @classmethod
    def setUpClass(cls) -> None:
        cls.client = Client(TARGET, timeout=120)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.client.close()


class _MetadataRecorder(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor,
                        grpc.StreamUnaryClientInterceptor):
    """Records the method name and metadata of every call through a channel."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, str]]] = []

    def _record(self, details: Any) -> None:
        self.calls.append((details.method.rsplit("/", 1)[-1], dict(details.metadata or ())))

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        self._record(details)
        return continuation(details, request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        self._record(details)
        return continuation(details, request)

    def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
        self._record(details)
        return continuation(details, requests)


class RoutingTest(ServerTest):
    def test_every_call_of_a_session_carries_its_routing_key(self) -> None:
        recorder = _MetadataRecorder()
        client = Client(TARGET, timeout=120)
        client._stub = rpc.CodeInterpreterStub(grpc.intercept_channel(client._channel, recorder))
        try:
            session = client.create_session()
            self.assertTrue(session.routing_key)
            session.execute("x = 1")
            list(session.stream("x"))
            session.upload("a.txt", b"hi")
            self.assertEqual(session.download("a.txt"), b"hi")
            session.files()
            client.batch_in_order(["x + 1"], session=session)
            again = client.session(session.id, session.routing_key)
            self.assertEqual(again.execute("x").result, 1)
            session.close()
            client.execute("1 + 1")
        finally:
            client.close()
        methods = [method for method, _ in recorder.calls]
        self.assertEqual(methods, ["CreateSession", "Execute", "Execute", "UploadFile",
                                   "DownloadFile", "ListFiles", "ExecuteBatch", "Execute",
                                   "CloseSession", "Execute"])
        for method, metadata in recorder.calls[:-1]:
            self.assertEqual(metadata.get("x-session-key"), session.routing_key, method)
        self.assertNotIn("x-session-key", recorder.calls[-1][1], "a one-off call has no key")

    def test_a_chosen_key_is_kept(self) -> None:
        with self.client.create_session(routing_key="conversation-42") as session:
            self.assertEqual(session.routing_key, "conversation-42")
            self.assertEqual(session.metadata, (("x-session-key", "conversation-42"),))


class SessionTest(ServerTest):
    def test_variables_persist_across_cells(self) -> None:
        with self.client.create_session() as session:
            self.assertTrue(session.execute("x = 2**100").ok)
            result = session.execute("x + 1")
        self.assertEqual(result.result, 2**100 + 1)
        self.assertEqual(result.result_text, str(2**100 + 1))
        self.assertEqual(result.usage.execution_count, 2)
        self.assertTrue(result.session_alive)

    def test_big_int(self) -> None:
        result = self.client.execute("2**100000")
        self.assertEqual(result.result, 2**100000)
        self.assertEqual(len(result.result_text or ""), 30103)

    def test_typed_values(self) -> None:
        code = ("from fractions import Fraction\nfrom decimal import Decimal\n"
                "(Fraction(1, 3), Decimal('0.10'), 1+2j, 0.5, True, None, 'é', [1], {2}, {'k': (3,)})")
        self.assertEqual(self.client.execute(code).result,
                         (Fraction(1, 3), Decimal("0.10"), 1 + 2j, 0.5, True, None, "é", [1], {2},
                          {"k": (3,)}))

    def test_sympy_result_has_latex(self) -> None:
        result = self.client.execute(
            "import sympy as sp\nx = sp.Symbol('x')\nsp.expand((x + 1)**2)")
        self.assertEqual(result.result, Symbolic("x**2 + 2*x + 1", "x^{2} + 2 x + 1"))
        self.assertEqual(result.result_latex, "x^{2} + 2 x + 1")
        self.assertEqual(result.result_text, "x**2 + 2*x + 1")

    def test_exception(self) -> None:
        with self.client.create_session() as session:
            result = session.execute("def f():\n    return 1 / 0\n\nf()")
            self.assertEqual(result.outcome, "error")
            error = result.error
            assert error is not None
            self.assertEqual((error.ename, error.evalue), ("ZeroDivisionError", "division by zero"))
            self.assertIn("line 2", "\n".join(error.traceback))
            self.assertTrue(result.session_alive)
            self.assertEqual(session.execute("'still here'").result, "still here")

    def test_a_timeout_interrupts_the_cell_and_the_session_goes_on(self) -> None:
        with self.client.create_session() as session:
            session.execute("y = 6")
            result = session.execute(LOOP_FOREVER, timeout=1)
            self.assertEqual(result.outcome, "timeout")
            self.assertTrue(result.session_alive)
            self.assertEqual(result.error.ename, "KeyboardInterrupt")
            self.assertEqual(session.execute("y * 7").result, 42)

    def test_a_cell_that_ignores_the_interrupt_is_rolled_back_or_ends_the_session(self) -> None:
        stubborn = "while True:\n    try:\n        " + LOOP_FOREVER.replace("\n", "\n        ") + \
            "\n    except KeyboardInterrupt:\n        pass"
        with self.client.create_session() as session:
            session.execute("y = 6")
            result = session.execute("y = 0\n" + stubborn, timeout=1)
            self.assertEqual(result.outcome, "timeout")
            # Stopped with its interpreter; the session was rebuilt from its checkpoint.
            self.assertTrue(result.session_alive)
            self.assertEqual(result.rolled_back_to, 1)
            self.assertEqual(session.execute("y * 7").result, 42)
        with self.client.create_session() as session:
            session.execute("f = open('/mnt/data/held.txt', 'w')")
            result = session.execute(stubborn, timeout=1)
            self.assertFalse(result.session_alive)
            self.assertIsNone(result.rolled_back_to)
            self.assertIn("files were open", result.message)
            states = {info.session_id: info.state for info in self.client.list_sessions()}
            self.assertEqual(states[session.id], "ended")
            with self.assertRaises(SessionEnded):
                session.execute("1")

    def test_a_saved_session_restores_and_bad_bytes_are_invalid(self) -> None:
        with self.client.create_session() as session:
            session.execute("import numpy as np\nv = np.arange(5) * 2")
            state = session.save()
        with self.client.restore_session(state) as restored:
            self.assertEqual(restored.execute("int(v.sum())").result, 20)
        with self.assertRaises(InvalidRequest):
            self.client.restore_session(state[: len(state) // 2])

    def test_a_fork_copies_variables_and_files_and_refuses_open_files(self) -> None:
        report = "f'{n} ' + open('/mnt/data/a.txt').read()"
        with self.client.create_session(files={"a.txt": b"one"}) as session:
            session.execute("n = 1\nf = open('/mnt/data/a.txt')")
            with self.assertRaises(FilesOpen):
                session.fork()
            session.execute("f.close()")
            with session.fork() as forked:
                forked.execute("n += 1\nopen('/mnt/data/a.txt', 'w').write('two')")
                self.assertEqual(forked.execute(report).result, "2 two")
            self.assertEqual(session.execute(report).result, "1 one")

    def test_files_given_at_creation(self) -> None:
        files = {"data/nums.txt": b"1\n2\n3\n", "notes.md": "héllo".encode()}
        with self.client.create_session(files=files) as session:
            result = session.execute(
                "print(open('/mnt/data/notes.md', encoding='utf-8').read())\n"
                "sum(int(line) for line in open('/mnt/data/data/nums.txt'))")
        self.assertEqual((result.result, result.stdout), (6, "héllo\n"))

    def test_file_outside_the_scratch_directory_is_invalid(self) -> None:
        with self.assertRaises(InvalidRequest):
            self.client.create_session(files={"../escape.txt": b"x"})

    def test_unknown_session(self) -> None:
        with self.assertRaises(SessionNotFound):
            self.client.session("no-such-session").execute("1")
        with self.assertRaises(SessionNotFound):
            self.client.close_session("no-such-session")

    def test_closing_twice_is_harmless(self) -> None:
        session = self.client.create_session()
        session.close()
        session.close()
        with self.assertRaises(SessionNotFound):
            session.execute("1")

    def test_list_sessions(self) -> None:
        with self.client.create_session(random_seed=7) as session:
            session.execute("1")
            info = next(i for i in self.client.list_sessions() if i.session_id == session.id)
        self.assertEqual((info.state, info.cells_executed, info.random_seed), ("idle", 1, 7))

    def test_execute_without_session(self) -> None:
        result = self.client.execute("print('hi')\n6 * 7")
        self.assertEqual((result.stdout, result.result, result.outcome), ("hi\n", 42, "ok"))
        self.assertFalse(result.session_alive)

    def test_fuel(self) -> None:
        result = self.client.execute("sum(range(1000))", fuel=10**9)
        self.assertEqual(result.result, 499500)
        self.assertGreater(result.usage.fuel_used or 0, 0)
        self.assertEqual(self.client.execute(LOOP_FOREVER, fuel=10**6).outcome, "fuel_exhausted")

    def test_display(self) -> None:
        code = ("class Table:\n"
                "    def _repr_html_(self):\n"
                "        return '<b>hi</b>'\n"
                "display(Table(), metadata={'source': 'test'})")
        result = self.client.execute(code)
        self.assertEqual(len(result.displays), 1)
        data, metadata = result.displays[0]
        self.assertEqual(data["text/html"], b"<b>hi</b>")
        self.assertIn("text/plain", data)
        self.assertEqual(metadata["source"], "test")

    def test_stream_yields_typed_events_in_order(self) -> None:
        with self.client.create_session() as session:
            events = list(session.stream(
                "import sys\nprint('out')\nsys.stdout.flush()\n"
                "print('err', file=sys.stderr)\ndisplay(1)\n1 + 1"))
        kinds = [type(event) for event in events]
        self.assertEqual(kinds, [StreamEvent, StreamEvent, Display, ResultEvent, EndEvent])
        self.assertEqual([(e.name, e.text) for e in events if isinstance(e, StreamEvent)],
                         [("stdout", "out\n"), ("stderr", "err\n")])
        result, end = events[3:]
        assert isinstance(result, ResultEvent) and isinstance(end, EndEvent)
        self.assertEqual((result.value, end.outcome), (2, "ok"))

    def test_error_event_in_stream(self) -> None:
        events = list(self.client.stream("raise KeyError('k')"))
        error, end = events
        assert isinstance(error, CellError) and isinstance(end, EndEvent)
        self.assertEqual((error.ename, end.outcome), ("KeyError", "error"))


class FileTest(ServerTest):
    def test_upload_read_write_download_and_list(self) -> None:
        data = bytes(range(256)) * 40
        with self.client.create_session() as session:
            info = session.upload("in/data.bin", data, chunk_size=1000)
            self.assertEqual((info.path, info.size), ("in/data.bin", len(data)))
            session.upload("notes.txt", io.BytesIO("héllo".encode()))
            result = session.execute(
                "import os\n"
                "blob = open('/mnt/data/in/data.bin', 'rb').read()\n"
                "os.makedirs('/mnt/data/out')\n"
                "open('/mnt/data/out/rev.bin', 'wb').write(blob[::-1])\n"
                "open('/mnt/data/notes.txt', encoding='utf-8').read()")
            self.assertEqual(result.result, "héllo")
            self.assertEqual(session.download("out/rev.bin"), data[::-1])
            self.assertEqual(session.download("/mnt/data/in/data.bin"), data)
            files = session.files()
        self.assertEqual([(f.path, f.size) for f in files],
                         [("in/data.bin", len(data)), ("notes.txt", 6), ("out/rev.bin", len(data))])
        self.assertTrue(all(f.modified_unix_ms > 0 for f in files))

    def test_bad_paths_missing_files_and_unknown_sessions(self) -> None:
        with self.client.create_session() as session:
            for bad in ("../x", "/etc/passwd"):
                with self.assertRaises(InvalidRequest):
                    session.upload(bad, b"x")
                with self.assertRaises(InvalidRequest):
                    session.download(bad)
            with self.assertRaises(FileNotFound):
                session.download("missing.txt")
        with self.assertRaises(SessionNotFound):
            session.files()
        with self.assertRaises(SessionNotFound):
            session.upload("x", b"x")

    def test_a_cancelled_upload_leaves_no_file(self) -> None:
        release = threading.Event()

        def chunks() -> Iterator[pb.UploadFileChunk]:
            yield pb.UploadFileChunk(session_id=session.id, path="big.bin", data=bytes(100_000))
            release.wait(30)  # the stream stays open until the call is cancelled

        def top_level() -> list[str]:
            return session.execute("import os\nsorted(os.listdir('/mnt/data'))").result

        stub = rpc.CodeInterpreterStub(self.client._channel)
        with self.client.create_session() as session:
            call = stub.UploadFile.future(chunks(), timeout=60)
            try:
                seen = _poll(top_level, lambda names: names)
                self.assertEqual(len(seen), 1)
                self.assertTrue(seen[0].startswith(".ci-upload-"), seen)
                call.cancel()
            finally:
                release.set()
            self.assertEqual(_poll(top_level, lambda names: not names), [])


def _poll(get: Callable[[], T], done: Callable[[T], Any]) -> T:
    """get() once done(get()) holds, or after 5 s."""
    value = get()
    for _ in range(100):
        if done(value):
            break
        time.sleep(0.05)
        value = get()
    return value


class BatchTest(ServerTest):
    def test_answer_modes_and_input_order(self) -> None:
        programs: list[str | Program] = [
            Program("print(6 * 7)", answer="stdout"),
            Program("x = 5\nx * 2", answer="last_expression"),
            Program("answer = [1, 2]", answer=("variable", "answer")),
            Program("def solution():\n    return 2 + 3", answer=("expression", "solution()")),
            "from fractions import Fraction\nFraction(1, 3)",
        ]
        results = self.client.batch_in_order(programs)
        self.assertEqual([r.index for r in results], list(range(len(programs))))
        self.assertEqual([r.outcome for r in results], ["ok"] * len(programs))
        self.assertEqual([r.answer for r in results], ["42\n", 10, [1, 2], 5, Fraction(1, 3)])
        self.assertEqual(results[4].answer_text, "Fraction(1, 3)")

    def test_batch_answer_mode(self) -> None:
        results = self.client.batch_in_order(["print(1)", "print(2)\n3"], answer="stdout")
        self.assertEqual([r.answer for r in results], ["1\n", "2\n"])
        with self.assertRaises(InvalidRequest):
            self.client.batch_in_order(["x = 1"], answer=("variable", "not a name"))

    def test_results_come_as_they_finish(self) -> None:
        slow = "import time\nend = time.time() + 1\nwhile time.time() < end:\n    pass\n'slow'"
        results = list(self.client.batch([slow, "'a'", "'b'", "'c'"], max_parallel=2))
        self.assertEqual(sorted(r.index for r in results), [0, 1, 2, 3])
        self.assertEqual(results[-1].index, 0)
        self.assertTrue(all(isinstance(r, BatchResult) and r.ok for r in results))

    def test_one_program_times_out_and_the_others_succeed(self) -> None:
        results = self.client.batch_in_order(["1 + 1", LOOP_FOREVER, "2 + 2"], timeout=1)
        self.assertEqual([r.outcome for r in results], ["ok", "timeout", "ok"])
        self.assertEqual([r.answer for r in results], [2, None, 4])
        self.assertEqual(results[1].short_error, "timeout")

    def test_program_limits_replace_the_batch_ones(self) -> None:
        results = self.client.batch_in_order([Program(LOOP_FOREVER, timeout=0.5), "1"], timeout=20)
        self.assertEqual([r.outcome for r in results], ["timeout", "ok"])
        self.assertLess(results[0].usage.wall_time_us, 5_000_000)

    def test_errors_and_output(self) -> None:
        result, = self.client.batch_in_order(["print('before')\n1 / 0"])
        self.assertEqual((result.outcome, result.short_error),
                         ("error", "ZeroDivisionError: division by zero"))
        self.assertEqual(result.output, "before\n")
        self.assertIsInstance(result.error, CellError)

    def test_answer_truncation_and_seed(self) -> None:
        results = self.client.batch_in_order(
            ["'a' * 1000", "import random\nrandom.random()", "import random\nrandom.random()"],
            max_answer_chars=10, random_seed=3)
        self.assertEqual((results[0].answer_text, results[0].answer_truncated), ("'aaaa...aaaa'", True))
        self.assertEqual(results[0].answer, "a" * 1000)
        self.assertEqual(results[1].answer, results[2].answer)

    def test_batch_in_a_session(self) -> None:
        with self.client.create_session() as session:
            results = self.client.batch_in_order(["x = 5", "x * 2"], session=session)
            self.assertEqual([r.answer for r in results], [None, 10])
            self.assertEqual(session.execute("x").result, 5)


class ExecutorTest(unittest.TestCase):
    @needs_server
    def test_pot_programs(self) -> None:
        executor = PythonExecutor(get_answer_expr="solution()", timeout_length=1, target=TARGET)
        self.addCleanup(executor.close)
        programs: list[str | list[str]] = [
            "def solution():\n    return 2 + 3",
            ["def solution():", "    from fractions import Fraction", "    return Fraction(1, 3)"],
            "def solution():\n    return 1 / 0",
            "def solution():\n" + "\n".join("    " + line for line in LOOP_FOREVER.splitlines()),
            "import sympy as sp\ndef solution():\n    return sp.sqrt(8)",
            "def solution():\n    return 'x' * 1000",
        ]
        self.assertEqual(executor.batch_apply(programs), [
            ("5", "Done"),
            ("1/3", "Done"),
            ("", "ZeroDivisionError: division by zero"),
            ("", "Timeout Error"),
            ("2*sqrt(2)", "Done"),
            ("x" * 200 + "..." + "x" * 200, "Done"),
        ])

    @needs_server
    def test_answer_sources(self) -> None:
        cases: list[tuple[dict[str, Any], str, tuple[str, str]]] = [
            ({"get_answer_from_stdout": True}, "x = 7\nprint(x * 6)\n", ("42", "Done")),
            ({"get_answer_symbol": "answer"}, "answer = 'text'", ("text", "Done")),
            ({"get_answer_symbol": "answer"}, "ans = 1",
             ("", "NameError: name 'answer' is not defined")),
            ({}, "x = 3\nx * 2", ("6", "Done")),
            ({}, "x = ", ("", "SyntaxError: invalid syntax")),
        ]
        for kwargs, code, expected in cases:
            with self.subTest(kwargs=kwargs, code=code):
                executor = PythonExecutor(target=TARGET, **kwargs)
                self.addCleanup(executor.close)
                self.assertEqual(executor.apply(code), expected)


if __name__ == "__main__":
    unittest.main()
