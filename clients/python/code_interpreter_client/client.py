"""The client: sessions, cells and batches over one gRPC channel."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterable, Iterator, Mapping, TypeVar

import grpc

from ._proto import pb, rpc
from .batch import AnswerSpec, BatchResult, Program, answer_proto, in_input_order, program_proto
from .errors import SessionNotFound, translated_errors
from .events import Event, ExecutionResult, enum_name, event_from_proto
from .limits import cell_limits, instance_limits

# Added to a cell's own time limit to give the call's deadline (see Client).
_DEADLINE_MARGIN_S = 10.0

# Bytes per UploadFile chunk.
_UPLOAD_CHUNK_BYTES = 1 << 20

# Metadata a proxy routes a session's calls by (deploy/README.md, "Session affinity"):
# a key the client picks before CreateSession, and the replica the proxy reports.
_SESSION_KEY = "x-session-key"
_SESSION_HOST = "x-session-host"

T = TypeVar("T")


@dataclass(frozen=True)
class SessionInfo:
    """A session held by the server; state is "idle", "busy" or "ended"."""

    session_id: str
    state: str
    end_reason: str
    cells_executed: int
    created_at_unix_ms: int
    last_active_unix_ms: int
    idle_timeout_ms: int
    memory_bytes: int
    fuel_metered: bool
    random_seed: int | None

    @classmethod
    def from_proto(cls, info: pb.SessionInfo) -> SessionInfo:
        limits = info.limits
        return cls(
            session_id=info.session_id,
            state=enum_name(pb.SessionState, info.state, "SESSION_STATE_"),
            end_reason=info.end_reason,
            cells_executed=info.cells_executed,
            created_at_unix_ms=info.created_at_unix_ms,
            last_active_unix_ms=info.last_active_unix_ms,
            idle_timeout_ms=info.idle_timeout_ms,
            memory_bytes=limits.memory_bytes,
            fuel_metered=limits.fuel_metered,
            random_seed=limits.random_seed if limits.HasField("random_seed") else None,
        )


@dataclass(frozen=True)
class FileInfo:
    """A file in a session's /mnt/data; path is relative to it, '/'-separated."""

    path: str
    size: int
    modified_unix_ms: int

    @classmethod
    def from_proto(cls, info: pb.FileInfo) -> FileInfo:
        return cls(path=info.path, size=info.size, modified_unix_ms=info.modified_unix_ms)


class Client:
    """A connection to a code-interpreter server.

    timeout is the deadline in seconds of every call but batches (None: no
    deadline); an Execute call's deadline is raised to cover its cell's own
    time limit. Batches have no deadline: each program has its time limit.
    Use as a context manager, or call close(), to close the channel.
    """

    def __init__(self, target: str = "127.0.0.1:50051", timeout: float | None = None,
                 credentials: grpc.ChannelCredentials | None = None) -> None:
        options = [("grpc.max_receive_message_length", -1)]  # displays and outputs may be big
        self._channel = (grpc.secure_channel(target, credentials, options) if credentials
                         else grpc.insecure_channel(target, options))
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
        request = pb.CreateSessionRequest(
            limits=instance_limits(memory_bytes, fuel_metered, random_seed),
            files=[pb.File(path=path, content=content) for path, content in (files or {}).items()],
        )
        with translated_errors():
            response, call = self._stub.CreateSession.with_call(
                request, timeout=self.timeout, metadata=((_SESSION_KEY, key),))
        host = dict(call.initial_metadata() or ()).get(_SESSION_HOST)
        return Session(self, response.session.session_id, key, host)

    def session(self, session_id: str, routing_key: str | None = None,
                host: str | None = None) -> Session:
        """A handle on an existing session (not checked until used); behind a proxy,
        give the routing_key (and host) it was created with."""
        return Session(self, session_id, routing_key, host)

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
                                    metadata=_routing(routing_key, host))

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
        request = pb.ExecuteRequest(
            code=code,
            limits=cell_limits(timeout, fuel, max_output_bytes),
            instance_limits=instance_limits(memory_bytes, fuel is not None, random_seed),
        )
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
        request = pb.BatchRequest(
            programs=[program_proto(p, timeout, fuel, max_output_bytes) for p in programs],
            max_parallel=max_parallel,
            session_id=session.id if session else "",
            instance_limits=instance_limits(memory_bytes, fuel is not None, random_seed),
            limits=cell_limits(timeout, fuel, max_output_bytes),
            max_answer_chars=max_answer_chars,
            answer=answer_proto(answer),
        )
        metadata = session.metadata if session else ()
        return _cancelling(self._stub.ExecuteBatch(request, metadata=metadata),
                           BatchResult.from_proto)

    def batch_in_order(self, programs: Iterable[str | Program], **kwargs: Any) -> list[BatchResult]:
        """Client.batch with the results in the programs' order, once all have finished."""
        return in_input_order(self.batch(programs, **kwargs))

    def _events(self, request: pb.ExecuteRequest, cell_timeout: float | None,
                metadata: tuple[tuple[str, str], ...] = ()) -> Iterator[Event]:
        deadline = self.timeout
        if deadline is not None and cell_timeout is not None:
            deadline = max(deadline, cell_timeout + _DEADLINE_MARGIN_S)
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
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """The routing metadata sent on each of the session's calls."""
        return _routing(self.routing_key, self.host)

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

        Leaving the iteration early cancels the cell, which stops the interpreter.
        """
        request = pb.ExecuteRequest(session_id=self.id, code=code,
                                    limits=cell_limits(timeout, fuel, max_output_bytes))
        return self._client._events(request, timeout, self.metadata)

    def upload(self, path: str, data: bytes | IO[bytes],
               chunk_size: int = _UPLOAD_CHUNK_BYTES) -> FileInfo:
        """Write a file at path (relative to /mnt/data) from bytes or a binary file object,
        streamed in chunks. Missing directories are created and an existing file is
        replaced; the code sees the whole file or none of it. Raises CapacityExhausted
        past the session's caps on its files."""
        chunks = _upload_chunks(self.id, path, data, chunk_size)
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


def _routing(routing_key: str | None, host: str | None) -> tuple[tuple[str, str], ...]:
    """x-session-key and x-session-host metadata, for those given."""
    pairs = ((_SESSION_KEY, routing_key), (_SESSION_HOST, host))
    return tuple((name, value) for name, value in pairs if value)


def _upload_chunks(session_id: str, path: str, data: bytes | IO[bytes],
                   chunk_size: int) -> Iterator[pb.UploadFileChunk]:
    """The UploadFile messages for data; the first names the session and the path, and
    the size when it is known (bytes, seekable files), so the server can tell a complete
    upload from a cut one."""
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    first = pb.UploadFileChunk(session_id=session_id, path=path)
    if isinstance(data, (bytes, bytearray, memoryview)):
        view = memoryview(data).cast("B")
        first.total_size = len(view)
        pieces: Iterator[bytes] = (bytes(view[i:i + chunk_size])
                                   for i in range(0, len(view), chunk_size))
    else:
        size = _bytes_left(data)
        if size is not None:
            first.total_size = size
        pieces = iter(lambda: data.read(chunk_size), b"")
    first.data = next(pieces, b"")
    yield first
    for piece in pieces:
        yield pb.UploadFileChunk(data=piece)


def _bytes_left(stream: IO[bytes]) -> int | None:
    """The bytes from a stream's position to its end; None if it cannot seek."""
    try:
        if not stream.seekable():
            return None
        here = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(here)
    except (AttributeError, OSError):
        return None
    return end - here


def _cancelling(call: Any, convert: Callable[[Any], T]) -> Iterator[T]:
    """Yield convert(message) for each message of a streaming call, with errors
    translated; the call is cancelled if the iteration stops early."""
    try:
        with translated_errors():
            for message in call:
                yield convert(message)
    finally:
        call.cancel()
