"""What the blocking and the asyncio clients send alike: request messages, routing metadata,
deadlines, upload chunks and the result types of the unary calls."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Mapping

from ._proto import pb
from .batch import AnswerSpec, Program, answer_proto, program_proto
from .events import enum_name
from .limits import cell_limits, instance_limits

# Added to a cell's own time limit to give the call's deadline (see Client).
DEADLINE_MARGIN_S = 10.0

# Bytes per UploadFile chunk.
UPLOAD_CHUNK_BYTES = 1 << 20

# Metadata a proxy routes a session's calls by (deploy/README.md, "Session affinity"):
# a key the client picks before CreateSession, and the replica the proxy reports.
SESSION_KEY = "x-session-key"
SESSION_HOST = "x-session-host"

# Channel options of both clients: displays and outputs may be big.
CHANNEL_OPTIONS = [("grpc.max_receive_message_length", -1)]

Metadata = tuple[tuple[str, str], ...]


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


def create_session_request(memory_bytes: int | None, fuel_metered: bool,
                           random_seed: int | None,
                           files: Mapping[str, bytes] | None) -> pb.CreateSessionRequest:
    """CreateSession with the interpreter's limits and the files it starts with."""
    return pb.CreateSessionRequest(
        limits=instance_limits(memory_bytes, fuel_metered, random_seed),
        files=[pb.File(path=path, content=content) for path, content in (files or {}).items()],
    )


def oneoff_request(code: str, timeout: float | None, fuel: int | None,
                   max_output_bytes: int | None, memory_bytes: int | None,
                   random_seed: int | None) -> pb.ExecuteRequest:
    """Execute on a fresh interpreter; a fuel budget makes it fuel-metered."""
    return pb.ExecuteRequest(
        code=code,
        limits=cell_limits(timeout, fuel, max_output_bytes),
        instance_limits=instance_limits(memory_bytes, fuel is not None, random_seed),
    )


def session_request(session_id: str, code: str, timeout: float | None, fuel: int | None,
                    max_output_bytes: int | None) -> pb.ExecuteRequest:
    """Execute in a session."""
    return pb.ExecuteRequest(session_id=session_id, code=code,
                             limits=cell_limits(timeout, fuel, max_output_bytes))


def batch_request(programs: Iterable[str | Program], answer: AnswerSpec, max_parallel: int,
                  timeout: float | None, fuel: int | None, random_seed: int | None,
                  max_answer_chars: int, session_id: str, memory_bytes: int | None,
                  max_output_bytes: int | None) -> pb.BatchRequest:
    """ExecuteBatch; see Client.batch for the arguments."""
    return pb.BatchRequest(
        programs=[program_proto(p, timeout, fuel, max_output_bytes) for p in programs],
        max_parallel=max_parallel,
        session_id=session_id,
        instance_limits=instance_limits(memory_bytes, fuel is not None, random_seed),
        limits=cell_limits(timeout, fuel, max_output_bytes),
        max_answer_chars=max_answer_chars,
        answer=answer_proto(answer),
    )


def execute_deadline(client_timeout: float | None, cell_timeout: float | None) -> float | None:
    """An Execute call's deadline: the client's, raised to cover the cell's own time limit."""
    if client_timeout is not None and cell_timeout is not None:
        return max(client_timeout, cell_timeout + DEADLINE_MARGIN_S)
    return client_timeout


def routing(routing_key: str | None, host: str | None) -> Metadata:
    """x-session-key and x-session-host metadata, for those given."""
    pairs = ((SESSION_KEY, routing_key), (SESSION_HOST, host))
    return tuple((name, value) for name, value in pairs if value)


def upload_chunks(session_id: str, path: str, data: bytes | IO[bytes],
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
