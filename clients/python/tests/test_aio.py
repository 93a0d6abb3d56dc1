"""Tests of the asyncio client against a real server at $CODE_INTERPRETER_TARGET
(run_tests.sh starts one)."""

from __future__ import annotations

import asyncio
import os
import unittest
from contextlib import aclosing

import grpc

from code_interpreter_client import (BatchResult, CodeInterpreterError, EndEvent, FileNotFound,
                                     InvalidRequest, Program, ResultEvent, SessionEnded,
                                     SessionNotFound, StreamEvent)
from code_interpreter_client.aio import AsyncClient

TARGET = os.environ.get("CODE_INTERPRETER_TARGET", "")


@unittest.skipUnless(TARGET, "CODE_INTERPRETER_TARGET is not set")
class AsyncClientTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.client = AsyncClient(TARGET, timeout=60)

    async def asyncTearDown(self) -> None:
        await self.client.close()

    async def test_variables_persist_and_errors_keep_the_session(self) -> None:
        async with await self.client.create_session(routing_key="conversation-7") as session:
            self.assertEqual(session.metadata, (("x-session-key", "conversation-7"),))
            self.assertTrue((await session.execute("x = 2**100")).ok)
            result = await session.execute("x + 1")
            self.assertEqual((result.result, result.usage.execution_count), (2**100 + 1, 2))
            failed = await session.execute("1 / 0")
            assert failed.error is not None
            self.assertEqual((failed.outcome, failed.error.ename), ("error", "ZeroDivisionError"))
            self.assertTrue(failed.session_alive)
            states = {info.session_id: info.state for info in await self.client.list_sessions()}
            self.assertEqual(states[session.id], "idle")

    async def test_cells_of_several_sessions_run_concurrently(self) -> None:
        sessions = [await self.client.create_session(random_seed=i) for i in range(3)]
        code = "import time\nstart = time.time()\ntime.sleep(1)\n(start, time.time())"
        try:
            results = await asyncio.gather(*(s.execute(code) for s in sessions))
        finally:
            await asyncio.gather(*(s.close() for s in sessions))
        spans = [r.result for r in results]
        # Every cell started before any ended: the three ran at the same time, not in turn.
        self.assertLess(max(start for start, _ in spans), min(end for _, end in spans), spans)

    async def test_stream_yields_typed_events_in_order(self) -> None:
        events = [e async for e in self.client.stream("print('a')\nprint('b')\n6 * 7")]
        self.assertEqual([type(e) for e in events], [StreamEvent, ResultEvent, EndEvent])
        first = events[0]
        assert isinstance(first, StreamEvent)
        self.assertEqual((first.name, first.text), ("stdout", "a\nb\n"))
        self.assertEqual(events[1].value, 42)  # type: ignore[union-attr]

    async def test_leaving_a_stream_early_cancels_the_cell(self) -> None:
        async with await self.client.create_session() as session:
            code = "print('started', flush=True)\nwhile True:\n    pass"
            async with aclosing(session.stream(code, timeout=60)) as events:
                async for event in events:
                    self.assertIsInstance(event, StreamEvent)
                    break
            # The cancelled cell gets KeyboardInterrupt, well before its 60 s limit, and the
            # session goes on.
            result = await asyncio.wait_for(session.execute("1"), timeout=10)
            self.assertEqual(result.result, 1)

    async def test_interrupt_fork_save_and_restore(self) -> None:
        async with await self.client.create_session() as session:
            await session.execute("x = 20")
            async with aclosing(session.stream("print('go', flush=True)\nwhile True:\n    x += 0",
                                               timeout=60)) as events:
                first = await anext(events)
                self.assertIsInstance(first, StreamEvent)
                self.assertTrue(await session.interrupt())
                rest = [event async for event in events]
            self.assertEqual(rest[-1].outcome, "cancelled")
            self.assertFalse(await session.interrupt())
            async with await session.fork() as forked:
                await forked.execute("x += 22")
                self.assertEqual((await forked.execute("x")).result, 42)
            self.assertEqual((await session.execute("x")).result, 20)
            state = await session.save()
        async with await self.client.restore_session(state) as restored:
            self.assertEqual((await restored.execute("x")).result, 20)

    async def test_files_round_trip_and_errors_are_typed(self) -> None:
        async with await self.client.create_session(files={"a.txt": b"one"}) as session:
            info = await session.upload("dir/b.bin", bytes(range(256)) * 10, chunk_size=1000)
            self.assertEqual((info.path, info.size), ("dir/b.bin", 2560))
            result = await session.execute("len(open('/mnt/data/dir/b.bin', 'rb').read())")
            self.assertEqual(result.result, 2560)
            self.assertEqual(await session.download("dir/b.bin"), bytes(range(256)) * 10)
            self.assertEqual([f.path for f in await session.files()], ["a.txt", "dir/b.bin"])
            with self.assertRaises(FileNotFound):
                await session.download("missing.txt")
            with self.assertRaises(InvalidRequest):
                await session.upload("../escape.txt", b"x")
        with self.assertRaises(SessionNotFound):
            await self.client.session("no-such-session").execute("1")
        with self.assertRaises(SessionNotFound):
            await self.client.close_session("no-such-session")

    async def test_batch(self) -> None:
        programs = ["1 + 1", "print(3)", Program("a = 4", answer=("variable", "a")),
                    "while True:\n    pass"]
        results = await self.client.batch_in_order(programs, timeout=1)
        self.assertTrue(all(isinstance(r, BatchResult) for r in results))
        self.assertEqual([r.index for r in results], [0, 1, 2, 3])
        self.assertEqual([r.answer for r in results], [2, None, 4, None])
        self.assertEqual([r.outcome for r in results], ["ok", "ok", "ok", "timeout"])
        self.assertEqual(results[1].output, "3\n")
        async with await self.client.create_session() as session:
            results = await self.client.batch_in_order(["x = 5", "x * 2"], session=session)
            self.assertEqual([r.answer for r in results], [None, 10])
            self.assertEqual((await session.execute("x")).result, 5)

    async def test_the_client_deadline_bounds_the_cell(self) -> None:
        async with AsyncClient(TARGET, timeout=0.5) as impatient:
            result = await impatient.execute("import time\ntime.sleep(3)")
        # The server takes the call's deadline as the cell's time limit: the sleep is cut short.
        self.assertEqual(result.outcome, "timeout")
        self.assertLess(result.usage.wall_time_us, 3_000_000)

    async def test_no_server_is_a_typed_error(self) -> None:
        async with AsyncClient("127.0.0.1:1", timeout=2) as nowhere:
            with self.assertRaises(CodeInterpreterError) as caught:
                await nowhere.list_sessions()
        self.assertIn(caught.exception.code,
                      (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED))

    async def test_server_errors_keep_their_status_code(self) -> None:
        async with await self.client.create_session() as session:
            await session.close()
            with self.assertRaises(SessionNotFound) as caught:
                await session.execute("1")
        self.assertEqual(caught.exception.code, grpc.StatusCode.NOT_FOUND)


if __name__ == "__main__":
    unittest.main()
