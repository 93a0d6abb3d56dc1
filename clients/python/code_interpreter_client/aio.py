"""The asyncio client: the blocking client's API with coroutines and async iterators, over one
grpc.aio channel, for agents that run many tool calls concurrently in one event loop.

    from code_interpreter_client.aio import AsyncClient

    async with AsyncClient("127.0.0.1:50051") as client:
        async with await client.create_session() as session:
            await session.execute("x = 2**100")
            print((await session.execute("x + 1")).result)
"""

from __future__ import annotations

import uuid
from typing import IO, Any, AsyncIterator, Callable, Iterable, Mapping, TypeVar

import grpc
import grpc.aio

from ._calls import (CHANNEL_OPTIONS, SESSION_HOST, SESSION_KEY, UPLOAD_CHUNK_BYTES, FileInfo,
                     Metadata, SessionInfo, batch_request, create_session_request,
                     execute_deadline, oneoff_request, routing, session_request, upload_chunks)
from ._proto import pb, rpc
from .batch import AnswerSpec, BatchResult, Program, in_input_order
from .errors import SessionNotFound, translated_errors
from .events import Event, ExecutionResult, event_from_proto

T = TypeVar("T")


class AsyncClient:
    """A grpc.aio connection to a code-interpreter server; see Client for timeout.

    Create it inside the event loop it is used from. Use as an async context manager, or
    await close(), to close the channel.
    """

    def __init__(self, target: str = "127.0.0.1:50051", timeout: float | None = None,
                 credentials: grpc.ChannelCredentials | None = None) -> None:
        self._channel = (grpc.aio.secure_channel(target, credentials, CHANNEL_OPTIONS)
                         if credentials else grpc.aio.insecure_channel(target, CHANNEL_OPTIONS))
        self._stub = rpc.CodeInterpreterStub(self._channel)
        self.timeout = timeout

    async def close(self) -> None:
        await self._channel.close()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def create_session(self, memory_bytes: int | None = None, fuel_metered: bool = False,
                             random_seed: int | None = None,
                             files: Mapping[str, bytes] | None = None,
                             routing_key: str | None = None) -> AsyncSession:
        """Start a session; see Client.create_session."""
        key = routing_key or str(uuid.uuid4())
        request = create_session_request(memory_bytes, fuel_metered, random_seed, files)
        with translated_errors():
            call = self._stub.CreateSession(request, timeout=self.timeout,
                                            metadata=((SESSION_KEY, key),))
            response = await call
            host = (await call.initial_metadata()).get(SESSION_HOST)
        return AsyncSession(self, response.session.session_id, key, host)

    def session(self, session_id: str, routing_key: str | None = None,
                host: str | None = None) -> AsyncSession:
        """A handle on an existing session (not checked until used)."""
        return AsyncSession(self, session_id, routing_key, host)

    async def restore_session(self, state: bytes,
                              routing_key: str | None = None) -> AsyncSession:
        """A new session from the bytes of AsyncSession.save(); see Client.restore_session."""
        key = routing_key or str(uuid.uuid4())
        chunks = [pb.SessionStateChunk(data=state[i:i + UPLOAD_CHUNK_BYTES])
                  for i in range(0, max(len(state), 1), UPLOAD_CHUNK_BYTES)]
        with translated_errors():
            call = self._stub.RestoreSession(iter(chunks), timeout=self.timeout,
                                             metadata=((SESSION_KEY, key),))
            response = await call
            host = (await call.initial_metadata()).get(SESSION_HOST)
        return AsyncSession(self, response.session.session_id, key, host)

    async def list_sessions(self) -> list[SessionInfo]:
        with translated_errors():
            response = await self._stub.ListSessions(pb.ListSessionsRequest(),
                                                     timeout=self.timeout)
        return [SessionInfo.from_proto(info) for info in response.sessions]

    async def close_session(self, session_id: str, routing_key: str | None = None,
                            host: str | None = None) -> None:
        """Stop a session's interpreter and delete its files (SessionNotFound if unknown)."""
        with translated_errors():
            await self._stub.CloseSession(pb.CloseSessionRequest(session_id=session_id),
                                          timeout=self.timeout,
                                          metadata=routing(routing_key, host))

    async def execute(self, code: str, timeout: float | None = None, fuel: int | None = None,
                      max_output_bytes: int | None = None, memory_bytes: int | None = None,
                      random_seed: int | None = None) -> ExecutionResult:
        """Run a cell on a fresh interpreter that is thrown away afterwards."""
        return await _collected(self.stream(code, timeout, fuel, max_output_bytes, memory_bytes,
                                            random_seed))

    def stream(self, code: str, timeout: float | None = None, fuel: int | None = None,
               max_output_bytes: int | None = None, memory_bytes: int | None = None,
               random_seed: int | None = None) -> AsyncIterator[Event]:
        """Run a cell on a fresh interpreter, yielding its events as they happen."""
        request = oneoff_request(code, timeout, fuel, max_output_bytes, memory_bytes, random_seed)
        return self._events(request, timeout)

    def batch(self, programs: Iterable[str | Program], answer: AnswerSpec = "last_expression",
              max_parallel: int = 0, timeout: float | None = None, fuel: int | None = None,
              random_seed: int | None = None, max_answer_chars: int = 0,
              session: AsyncSession | str | None = None, memory_bytes: int | None = None,
              max_output_bytes: int | None = None) -> AsyncIterator[BatchResult]:
        """Run programs, yielding their results as they finish; see Client.batch."""
        if isinstance(session, str):
            session = self.session(session)
        request = batch_request(programs, answer, max_parallel, timeout, fuel, random_seed,
                                max_answer_chars, session.id if session else "", memory_bytes,
                                max_output_bytes)
        metadata = session.metadata if session else ()
        return _cancelling(self._stub.ExecuteBatch(request, metadata=metadata),
                           BatchResult.from_proto)

    async def batch_in_order(self, programs: Iterable[str | Program],
                             **kwargs: Any) -> list[BatchResult]:
        """AsyncClient.batch with the results in the programs' order, once all have finished."""
        return in_input_order([result async for result in self.batch(programs, **kwargs)])

    def _events(self, request: pb.ExecuteRequest, cell_timeout: float | None,
                metadata: Metadata = ()) -> AsyncIterator[Event]:
        deadline = execute_deadline(self.timeout, cell_timeout)
        return _cancelling(self._stub.Execute(request, timeout=deadline, metadata=metadata),
                           event_from_proto)


class AsyncSession:
    """A live interpreter on the server whose variables persist across cells (see Session).

    Use as an async context manager to close it at the end.
    """

    def __init__(self, client: AsyncClient, session_id: str, routing_key: str | None = None,
                 host: str | None = None) -> None:
        self._client = client
        self.id = session_id
        self.routing_key = routing_key
        self.host = host

    @property
    def metadata(self) -> Metadata:
        """The routing metadata sent on each of the session's calls."""
        return routing(self.routing_key, self.host)

    def __repr__(self) -> str:
        return f"AsyncSession({self.id!r})"

    async def __aenter__(self) -> AsyncSession:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def execute(self, code: str, timeout: float | None = None, fuel: int | None = None,
                      max_output_bytes: int | None = None) -> ExecutionResult:
        """Run a cell; raises SessionEnded once the interpreter has stopped."""
        return await _collected(self.stream(code, timeout, fuel, max_output_bytes))

    def stream(self, code: str, timeout: float | None = None, fuel: int | None = None,
               max_output_bytes: int | None = None) -> AsyncIterator[Event]:
        """Run a cell, yielding its events as they happen (the last is an EndEvent).

        Leaving the iteration early (closing the iterator) cancels the cell: it gets
        KeyboardInterrupt and the session keeps its state (see Session.stream).
        """
        request = session_request(self.id, code, timeout, fuel, max_output_bytes)
        return self._client._events(request, timeout, self.metadata)

    async def interrupt(self) -> bool:
        """Raise KeyboardInterrupt in the running cell; see Session.interrupt."""
        request = pb.InterruptCellRequest(session_id=self.id)
        with translated_errors():
            response = await self._client._stub.InterruptCell(
                request, timeout=self._client.timeout, metadata=self.metadata)
        return response.interrupted

    async def fork(self) -> AsyncSession:
        """A new session starting from a copy of this one's state; see Session.fork."""
        request = pb.ForkSessionRequest(session_id=self.id)
        with translated_errors():
            response = await self._client._stub.ForkSession(
                request, timeout=self._client.timeout, metadata=self.metadata)
        return AsyncSession(self._client, response.session.session_id, self.routing_key, self.host)

    async def save(self) -> bytes:
        """This session's state as bytes; see Session.save."""
        request = pb.SaveSessionRequest(session_id=self.id)
        with translated_errors():
            call = self._client._stub.SaveSession(request, timeout=self._client.timeout,
                                                  metadata=self.metadata)
            return b"".join([chunk.data async for chunk in call])

    async def upload(self, path: str, data: bytes | IO[bytes],
                     chunk_size: int = UPLOAD_CHUNK_BYTES) -> FileInfo:
        """Write a file at path (relative to /mnt/data); see Session.upload. A file object
        is read with blocking reads, chunk by chunk, as the call sends it."""
        chunks = upload_chunks(self.id, path, data, chunk_size)
        with translated_errors():
            response = await self._client._stub.UploadFile(chunks, timeout=self._client.timeout,
                                                           metadata=self.metadata)
        return FileInfo.from_proto(response.file)

    async def download(self, path: str) -> bytes:
        """The content of the file at path (relative to /mnt/data); FileNotFound if none."""
        request = pb.DownloadFileRequest(session_id=self.id, path=path)
        with translated_errors():
            call = self._client._stub.DownloadFile(request, timeout=self._client.timeout,
                                                   metadata=self.metadata)
            return b"".join([chunk.data async for chunk in call])

    async def files(self) -> list[FileInfo]:
        """The regular files in /mnt/data, recursively, sorted by path."""
        request = pb.ListFilesRequest(session_id=self.id)
        with translated_errors():
            response = await self._client._stub.ListFiles(request, timeout=self._client.timeout,
                                                          metadata=self.metadata)
        return [FileInfo.from_proto(info) for info in response.files]

    async def close(self) -> None:
        """Stop the interpreter and delete its files; closing a closed session does nothing."""
        try:
            await self._client.close_session(self.id, self.routing_key, self.host)
        except SessionNotFound:
            pass


async def _collected(events: AsyncIterator[Event]) -> ExecutionResult:
    """A cell's ExecutionResult from its event stream."""
    return ExecutionResult.from_events([event async for event in events])


async def _cancelling(call: Any, convert: Callable[[Any], T]) -> AsyncIterator[T]:
    """Yield convert(message) for each message of a streaming call, with errors
    translated; the call is cancelled if the iteration stops early."""
    try:
        with translated_errors():
            async for message in call:
                yield convert(message)
    finally:
        call.cancel()
