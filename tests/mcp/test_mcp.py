"""`code-interpreter mcp` driven by the official MCP Python SDK, over stdio and
streamable HTTP. Run by tests/mcp/run.sh, which sets MCP_SERVER_BINARY (the
stdio tests start it as MCP clients do), MCP_HTTP_URL and MCP_TOKEN (the HTTP
server it started, which requires that bearer token)."""

import asyncio
import base64
import contextlib
import json
import os
import struct
import unittest
import urllib.error
import urllib.request

from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp.shared.exceptions import MCPError

BINARY = os.environ["MCP_SERVER_BINARY"]
URL = os.environ["MCP_HTTP_URL"]
TOKEN = os.environ["MCP_TOKEN"]

TWO_TO_200 = "1606938044258990275541962092341162602522202993782792835301376"

CHART = """
import matplotlib.pyplot as plt
years = [2019, 2020, 2021, 2022]
gdp = [21.4, 20.9, 23.3, 25.4]
fig, ax = plt.subplots()
ax.plot(years, gdp, label="GDP")
ax.set_title("GDP by year")
"""


def png_size(data):
    """(width, height) from a PNG's IHDR chunk, after checking the signature."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:8]
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def leaf_errors(error):
    """The exceptions inside (nested) exception groups: the SDK's task groups
    wrap what a call raises."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaf_errors(inner)]
    return [error]


def texts(result):
    return [block.text for block in result.content if block.type == "text"]


class Scenarios:
    """What both transports must do; subclasses say how to connect."""

    def connect(self):
        raise NotImplementedError

    async def test_the_tools_are_listed_with_their_schemas(self):
        async with self.connect() as client:
            tools = {tool.name: tool for tool in (await client.list_tools()).tools}
        self.assertEqual(
            sorted(tools),
            ["close_session", "create_session", "download_file", "fork_session", "list_files",
             "list_sessions", "run_code", "upload_file"],
        )
        schema = tools["run_code"].input_schema
        self.assertEqual(schema["required"], ["code"])
        self.assertIn("session_id", schema["properties"])

    async def test_arithmetic_comes_back_exact_and_typed(self):
        async with self.connect() as client:
            result = await client.call_tool("run_code", {"code": "2**200"})
        self.assertFalse(result.is_error)
        self.assertEqual(texts(result), [TWO_TO_200])
        structured = result.structured_content
        self.assertEqual(structured["outcome"], "ok")
        self.assertEqual(structured["result"]["value"], {"type": "int", "value": TWO_TO_200})
        self.assertFalse(structured["session_alive"])
        self.assertIsNone(structured["rolled_back_to"])

    async def test_a_chart_comes_back_as_png_and_its_description(self):
        async with self.connect() as client:
            result = await client.call_tool("run_code", {"code": CHART})
        self.assertFalse(result.is_error, result)
        images = [block for block in result.content if block.type == "image"]
        self.assertEqual(len(images), 1)
        self.assertEqual(images[0].mime_type, "image/png")
        display = result.structured_content["displays"][0]
        width, height = png_size(base64.b64decode(images[0].data))
        self.assertEqual((str(width), str(height)),
                         (display["metadata"]["width"], display["metadata"]["height"]))
        description = json.loads(texts(result)[0])
        self.assertEqual(description, display["chart"])
        axes = description["axes"][0]
        self.assertEqual(axes["title"], "GDP by year")
        self.assertEqual(axes["series"][0]["points"],
                         [[2019, 21.4], [2020, 20.9], [2021, 23.3], [2022, 25.4]])

    async def test_an_exception_is_a_tool_error_with_its_traceback(self):
        async with self.connect() as client:
            result = await client.call_tool("run_code", {"code": "x = 1\n1 / 0"})
        self.assertTrue(result.is_error)
        self.assertEqual(result.structured_content["outcome"], "error")
        error = result.structured_content["error"]
        self.assertEqual((error["ename"], error["evalue"]),
                         ("ZeroDivisionError", "division by zero"))
        self.assertTrue(texts(result)[0].endswith("ZeroDivisionError: division by zero"))
        self.assertIn('File "<cell-1>", line 2', texts(result)[0])

    async def test_a_refusal_names_its_status(self):
        async with self.connect() as client:
            result = await client.call_tool("run_code", {"code": "1", "session_id": "nope"})
        self.assertTrue(result.is_error)
        self.assertEqual(result.structured_content["error"]["code"], "NOT_FOUND")
        self.assertTrue(texts(result)[0].startswith("NOT_FOUND: "), texts(result))

    async def test_a_timeout_ends_the_cell_with_its_outcome(self):
        async with self.connect() as client:
            result = await client.call_tool(
                "run_code", {"code": "while True:\n    pass", "timeout_ms": 300})
        self.assertTrue(result.is_error)
        self.assertEqual(result.structured_content["outcome"], "timeout")
        self.assertTrue(texts(result)[-1].startswith("[timeout] "), texts(result))

    async def test_a_cancelled_call_stops_its_cell(self):
        async with self.connect() as client:
            created = await client.call_tool("create_session", {})
            session = created.structured_content["session_id"]
            # The SDK gives up after 1 s and sends notifications/cancelled.
            with self.assertRaises(MCPError):
                await client.call_tool(
                    "run_code",
                    {"code": "while True:\n    pass", "session_id": session, "timeout_ms": 60000},
                    read_timeout_seconds=1)
            # Cancelling a cell interrupts it (KeyboardInterrupt) and the session goes on,
            # well before the cell's 60 s; its next call runs once the cell has stopped.
            result = await asyncio.wait_for(
                client.call_tool("run_code", {"code": "6 * 7", "session_id": session}), 10)
            self.assertFalse(result.is_error, result)
            self.assertEqual(texts(result), ["42"])
            await client.call_tool("close_session", {"session_id": session})

    async def test_arguments_that_break_the_schema_are_a_tool_error(self):
        async with self.connect() as client:
            result = await client.call_tool("run_code", {"session_id": "missing code"})
        self.assertTrue(result.is_error)
        self.assertIn("missing field `code`", texts(result)[0])

    async def test_an_unknown_tool_is_a_protocol_error(self):
        with self.assertRaises(Exception) as raised:
            async with self.connect() as client:
                await client.call_tool("run_shell", {"command": "ls"})
        errors = leaf_errors(raised.exception)
        self.assertTrue(all(isinstance(error, MCPError) for error in errors), errors)
        self.assertIn("tool not found", str(errors[0]))

    async def test_a_forked_session_goes_its_own_way(self):
        async with self.connect() as client:
            created = await client.call_tool("create_session", {})
            session = created.structured_content["session_id"]
            await client.call_tool("run_code", {"code": "n = 1", "session_id": session})
            forked = await client.call_tool("fork_session", {"session_id": session})
            self.assertFalse(forked.is_error, forked)
            fork = forked.structured_content["session_id"]
            self.assertNotEqual(fork, session)
            await client.call_tool("run_code", {"code": "n += 41", "session_id": fork})
            for sid, expected in ((fork, "42"), (session, "1")):
                result = await client.call_tool("run_code", {"code": "n", "session_id": sid})
                self.assertEqual(texts(result), [expected])
            missing = await client.call_tool("fork_session", {"session_id": "no-such-session"})
            self.assertTrue(missing.is_error)

    async def test_a_session_keeps_variables_tables_and_files(self):
        async with self.connect() as client:
            created = await client.call_tool("create_session", {"random_seed": 7})
            self.assertFalse(created.is_error, created)
            session = created.structured_content["session_id"]
            upload = await client.call_tool("upload_file", {
                "session_id": session, "path": "data/in.csv", "text": "x,y\n1,2\n3,4\n"})
            self.assertEqual(upload.structured_content["size"], 12)
            steps = [
                "import pandas as pd\ndf = pd.read_csv('data/in.csv')",
                "df['z'] = df.x + df.y\ndf.to_csv('out.csv', index=False)\ndf",
            ]
            for code in steps:
                result = await client.call_tool("run_code", {"code": code, "session_id": session})
                self.assertFalse(result.is_error, result)
            # The table: its text, and its rows as an Arrow IPC stream.
            self.assertEqual(texts(result), ["   x  y  z\n0  1  2  3\n1  3  4  7"])
            arrow = [block.resource for block in result.content if block.type == "resource"]
            self.assertEqual(arrow[0].mime_type, "application/vnd.apache.arrow.stream")
            self.assertEqual(base64.b64decode(arrow[0].blob)[:4], b"\xff\xff\xff\xff")
            self.assertEqual(result.structured_content["usage"]["execution_count"], 2)

            download = await client.call_tool(
                "download_file", {"session_id": session, "path": "out.csv"})
            self.assertEqual(download.content[0].resource.text, "x,y,z\n1,2,3\n3,4,7\n")
            listed = await client.call_tool("list_files", {"session_id": session})
            self.assertEqual([file["path"] for file in listed.structured_content["files"]],
                             ["data/in.csv", "out.csv"])
            sessions = await client.call_tool("list_sessions", {})
            self.assertIn(session, [s["session_id"] for s in sessions.structured_content["sessions"]])

            closed = await client.call_tool("close_session", {"session_id": session})
            self.assertFalse(closed.is_error)
            gone = await client.call_tool("run_code", {"code": "df", "session_id": session})
            self.assertEqual(gone.structured_content["error"]["code"], "NOT_FOUND")


class StdioTests(Scenarios, unittest.IsolatedAsyncioTestCase):
    """The server as an MCP client starts it: a subprocess speaking on stdio."""

    def connect(self):
        return Client(StdioServerParameters(
            command=BINARY, args=["mcp", "--warm-instances", "1"], env={"RUST_LOG": "error"}))


class HttpTests(Scenarios, unittest.IsolatedAsyncioTestCase):
    """The streamable HTTP endpoint, with the bearer token it requires."""

    @contextlib.asynccontextmanager
    async def connect(self, token=TOKEN):
        async with create_mcp_http_client(headers={"Authorization": f"Bearer {token}"}) as http:
            async with Client(streamable_http_client(URL, http_client=http)) as client:
                yield client

    async def test_a_wrong_token_is_refused(self):
        with self.assertRaises(Exception) as raised:
            async with self.connect(token="not-the-token-0123456789") as client:
                await client.call_tool("run_code", {"code": "1"})
        self.assertTrue(all(isinstance(error, MCPError) for error in leaf_errors(raised.exception)))
        # On the wire: 401 with a Bearer challenge, with no token or a wrong one.
        for headers in ({}, {"Authorization": "Bearer not-the-token-0123456789"}):
            request = urllib.request.Request(
                URL, data=b"{}", method="POST",
                headers={"Content-Type": "application/json",
                         "Accept": "application/json, text/event-stream", **headers})
            with self.assertRaises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            self.assertEqual(refused.exception.code, 401)
            self.assertEqual(refused.exception.headers["WWW-Authenticate"], "Bearer")


if __name__ == "__main__":
    unittest.main()
