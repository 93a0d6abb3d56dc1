"""The client: sessions, cells and batches over one gRPC channel."""

from __future__ import annotations

import uuid
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, TypeVar

import grpc

from ._calls import (CHANNEL_OPTIONS, SESSION_HOST, SESSION_KEY, UPLOAD_CHUNK_BYTES, FileInfo,
                     Metadata, SessionInfo, batch_request, create_session_request,
                     execute_deadline, oneoff_request, routing, session_request, upload_chunks)
from ._proto import pb, rpc
from .batch import AnswerSpec, BatchResult, Program, in_input_order
from .errors import SessionNotFound, translated_errors
from .events import Event, ExecutionResult, event_from_proto

T = TypeVar("T")


class Client:
    """A connection to a code-interpreter server.

    timeout is the deadline in seconds of every call but batches (None: no
    deadline); an Execute call's deadline is raised to cover its cell's own
    time limit. Batches have no deadline: each program has its time limit.
    Use as a context manager, or call close(), to close the channel.
    """

    def __init__(self, target: str = "127.0.0.1:50051", timeout: float | None = None,
                 credentials: grpc.ChannelCredentials | None = None) -> None:
        self._channel = (grpc.secure_channel(target, credentials, CHANNEL_OPTIONS) if credentials
                         else grpc.insecure_channel(target, CHANNEL_OPTIONS))
        self._stub = rpc.CodeInterpreterStub(self._channel)
        self.timeout = timeout

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def create_session(self, memory_bytes: int | None = None, fuel_metered: bool = False,
                       random_seed: int | None = None,
                       files: Mapping[str, bytes] | None = None,
                       routing_key: str | None = None) -> Session:
        """Start a session; files (path relative to /mnt/data -> content) are there from its first cell.

        routing_key (default: a fresh UUID) is sent as x-session-key metadata on
        every call of the session, so a proxy in front of several replicas sends
        them all to the replica holding it; the x-session-host the proxy may
        answer with is sent back too. Keep session.routing_key (and
        session.host) to reattach with Client.session.
        """
        key = routing_key or str(uuid.uuid4())
        request = create_session_request(memory_bytes, fuel_metered, random_seed, files)
        with translated_errors():
            response, call = self._stub.CreateSession.with_call(
                request, timeout=self.timeout, metadata=((SESSION_KEY, key),))
        host = dict(call.initial_metadata() or ()).get(SESSION_HOST)
        return Session(self, response.session.session_id, key, host)

    def session(self, session_id: str, routing_key: str | None = None,
                host: str | None = None) -> Session:
        """A handle on an existing session (not checked until used); behind a proxy,
        give the routing_key (and host) it was created with."""
        return Session(self, session_id, routing_key, host)

    def restore_session(self, state: bytes, routing_key: str | None = None) -> Session:
        """A new session from the bytes of Session.save(). InvalidRequest for bytes that are
        not a saved state; SessionEnded (FAILED_PRECONDITION) for another server build's."""
        key = routing_key or str(uuid.uuid4())
        chunks = (pb.SessionStateChunk(data=state[i:i + UPLOAD_CHUNK_BYTES])
                  for i in range(0, max(len(state), 1), UPLOAD_CHUNK_BYTES))
        with translated_errors():
            response, call = self._stub.RestoreSession.with_call(
                chunks, timeout=self.timeout, metadata=((SESSION_KEY, key),))
        host = dict(call.initial_metadata() or ()).get(SESSION_HOST)
        return Session(self, response.session.session_id, key, host)

    def list_sessions(self) -> list[SessionInfo]:
        with translated_errors():
            response = self._stub.ListSessions(pb.ListSessionsRequest(), timeout=self.timeout)
        return [SessionInfo.from_proto(info) for info in response.sessions]

    def close_session(self, session_id: str, routing_key: str | None = None,
                      host: str | None = None) -> None:
        """Stop a session's interpreter and delete its files (SessionNotFound if unknown)."""
        with translated_errors():
            self._stub.CloseSession(pb.CloseSessionRequest(session_id=session_id),
                                    timeout=self.timeout,
                                    metadata=routing(routing_key, host))

    def execute(self, code: str, timeout: float | None = None, fuel: int | None = None,
                max_output_bytes: int | None = None, memory_bytes: int | None = None,
                random_seed: int | None = None) -> ExecutionResult:
        """Run a cell on a fresh interpreter that is thrown away afterwards."""
        return ExecutionResult.from_events(
            self.stream(code, timeout, fuel, max_output_bytes, memory_bytes, random_seed))

    def stream(self, code: str, timeout: float | None = None, fuel: int | None = None,
               max_output_bytes: int | None = None, memory_bytes: int | None = None,
               random_seed: int | None = None) -> Iterator[Event]:
        """Run a cell on a fresh interpreter, yielding its events as they happen.

        A fuel budget makes the interpreter fuel-metered.
        """
        request = oneoff_request(code, timeout, fuel, max_output_bytes, memory_bytes, random_seed)
        return self._events(request, timeout)

    def batch(self, programs: Iterable[str | Program], answer: AnswerSpec = "last_expression",
              max_parallel: int = 0, timeout: float | None = None, fuel: int | None = None,
              random_seed: int | None = None, max_answer_chars: int = 0,
              session: Session | str | None = None, memory_bytes: int | None = None,
              max_output_bytes: int | None = None) -> Iterator[BatchResult]:
        """Run programs, each on a fresh interpreter (or in turn in session), yielding
        their results as they finish; BatchResult.index is the program's position.

        answer is the default answer mode: "stdout", "last_expression",
        ("variable", name) or ("expression", code). timeout, fuel and
        max_output_bytes limit each program; random_seed seeds every program's
        `random`; max_answer_chars > 0 cuts answer_text to its head and tail;
        max_parallel = 0 lets the server choose.
        """
        if isinstance(session, str):
            session = self.session(session)
        request = batch_request(programs, answer, max_parallel, timeout, fuel, random_seed,
                                max_answer_chars, session.id if session else "", memory_bytes,
                                max_output_bytes)
        metadata = session.metadata if session else ()
        return _cancelling(self._stub.ExecuteBatch(request, metadata=metadata),
                           BatchResult.from_proto)

    def batch_in_order(self, programs: Iterable[str | Program], **kwargs: Any) -> list[BatchResult]:
        """Client.batch with the results in the programs' order, once all have finished."""
        return in_input_order(self.batch(programs, **kwargs))

    def _events(self, request: pb.ExecuteRequest, cell_timeout: float | None,
                metadata: Metadata = ()) -> Iterator[Event]:
        deadline = execute_deadline(self.timeout, cell_timeout)
        return _cancelling(self._stub.Execute(request, timeout=deadline, metadata=metadata),
                           event_from_proto)


class Session:
    """A live interpreter on the server whose variables persist across cells.

    Cells sent while one runs wait their turn. Use as a context manager to
    close it at the end.
    """

    def __init__(self, client: Client, session_id: str, routing_key: str | None = None,
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
        return f"Session({self.id!r})"

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def execute(self, code: str, timeout: float | None = None, fuel: int | None = None,
                max_output_bytes: int | None = None) -> ExecutionResult:
        """Run a cell; raises SessionEnded once the interpreter has stopped."""
        return ExecutionResult.from_events(self.stream(code, timeout, fuel, max_output_bytes))

    def stream(self, code: str, timeout: float | None = None, fuel: int | None = None,
               max_output_bytes: int | None = None) -> Iterator[Event]:
        """Run a cell, yielding its events as they happen (the last is an EndEvent).

        Leaving the iteration early cancels the cell: it gets KeyboardInterrupt and the
        session keeps its state (its interpreter is stopped if it does not end within 1 s).
        """
        request = session_request(self.id, code, timeout, fuel, max_output_bytes)
        return self._client._events(request, timeout, self.metadata)

    def interrupt(self) -> bool:
        """Raise KeyboardInterrupt in the running cell, as Ctrl-C would; whether a cell was
        running. The cell ends with outcome "cancelled" and the session keeps its state."""
        request = pb.InterruptCellRequest(session_id=self.id)
        with translated_errors():
            response = self._client._stub.InterruptCell(request, timeout=self._client.timeout,
                                                        metadata=self.metadata)
        return response.interrupted

    def fork(self) -> Session:
        """A new session starting from a copy of this one's state (variables, imported modules,
        arrays, tables and files) once its queued cells have run. It lives on the same server,
        so it shares this session's routing. Raises FilesOpen while a cell left files open."""
        request = pb.ForkSessionRequest(session_id=self.id)
        with translated_errors():
            response = self._client._stub.ForkSession(request, timeout=self._client.timeout,
                                                      metadata=self.metadata)
        return Session(self._client, response.session.session_id, self.routing_key, self.host)

    def save(self) -> bytes:
        """This session's state as bytes (taken as fork() takes it), for
        Client.restore_session on this server or another of the same build."""
        request = pb.SaveSessionRequest(session_id=self.id)
        with translated_errors():
            chunks = self._client._stub.SaveSession(request, timeout=self._client.timeout,
                                                    metadata=self.metadata)
            return b"".join(chunk.data for chunk in chunks)

    def upload(self, path: str, data: bytes | IO[bytes],
               chunk_size: int = UPLOAD_CHUNK_BYTES) -> FileInfo:
        """Write a file at path (relative to /mnt/data) from bytes or a binary file object,
        streamed in chunks. Missing directories are created and an existing file is
        replaced; the code sees the whole file or none of it. Raises CapacityExhausted
        past the session's caps on its files."""
        chunks = upload_chunks(self.id, path, data, chunk_size)
        with translated_errors():
            response = self._client._stub.UploadFile(chunks, timeout=self._client.timeout,
                                                     metadata=self.metadata)
        return FileInfo.from_proto(response.file)

    def download(self, path: str) -> bytes:
        """The content of the file at path (relative to /mnt/data); FileNotFound if there
        is none. A file a running cell is still writing may come partly written."""
        request = pb.DownloadFileRequest(session_id=self.id, path=path)
        with translated_errors():
            chunks = self._client._stub.DownloadFile(request, timeout=self._client.timeout,
                                                     metadata=self.metadata)
            return b"".join(chunk.data for chunk in chunks)

    def files(self) -> list[FileInfo]:
        """The regular files in /mnt/data, recursively, sorted by path (the server lists
        at most 10,000)."""
        request = pb.ListFilesRequest(session_id=self.id)
        with translated_errors():
            response = self._client._stub.ListFiles(request, timeout=self._client.timeout,
                                                    metadata=self.metadata)
        return [FileInfo.from_proto(info) for info in response.files]

    def close(self) -> None:
        """Stop the interpreter and delete its files; closing a closed session does nothing."""
        try:
            self._client.close_session(self.id, self.routing_key, self.host)
        except SessionNotFound:
            pass


def _cancelling(call: Any, convert: Callable[[Any], T]) -> Iterator[T]:
    """Yield convert(message) for each message of a streaming call, with errors
    translated; the call is cancelled if the iteration stops early."""
    try:
        with translated_errors():
            for message in call:
                yield convert(message)
    finally:
        call.cancel()
