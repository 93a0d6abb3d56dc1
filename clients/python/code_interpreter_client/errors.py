"""Exceptions for failed calls, one per gRPC status the service uses."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import grpc


class CodeInterpreterError(Exception):
    """A call to the service failed; ``code`` is the gRPC status code."""

    def __init__(self, message: str, code: grpc.StatusCode | None = None) -> None:
        super().__init__(message)
        self.code = code


class SessionNotFound(CodeInterpreterError):
    """The session is unknown, closed or expired (NOT_FOUND)."""


class FileNotFound(CodeInterpreterError, FileNotFoundError):
    """The file asked for is not in the session's /mnt/data (NOT_FOUND saying "no file")."""


class SessionEnded(CodeInterpreterError):
    """The session's interpreter has stopped; close it and create another (FAILED_PRECONDITION)."""


class FilesOpen(CodeInterpreterError):
    """A session holding files open cannot be forked; close them first (FAILED_PRECONDITION
    saying "open file descriptors")."""


class InvalidRequest(CodeInterpreterError):
    """The request was malformed; the message names the field (INVALID_ARGUMENT)."""


class CapacityExhausted(CodeInterpreterError):
    """Too many sessions, or too many cells waiting (RESOURCE_EXHAUSTED)."""


_BY_CODE: dict[grpc.StatusCode, type[CodeInterpreterError]] = {
    grpc.StatusCode.NOT_FOUND: SessionNotFound,
    grpc.StatusCode.FAILED_PRECONDITION: SessionEnded,
    grpc.StatusCode.INVALID_ARGUMENT: InvalidRequest,
    grpc.StatusCode.RESOURCE_EXHAUSTED: CapacityExhausted,
}


def error_for(code: grpc.StatusCode, details: str | None) -> CodeInterpreterError:
    """The exception for a call that ended with status code and message details."""
    message = f"{code.name}: {details}" if details else code.name
    if code == grpc.StatusCode.NOT_FOUND and (details or "").startswith("no file "):
        return FileNotFound(message, code)
    if code == grpc.StatusCode.FAILED_PRECONDITION and "open file descriptors" in (details or ""):
        return FilesOpen(message, code)
    return _BY_CODE.get(code, CodeInterpreterError)(message, code)


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise a grpc.RpcError raised inside as the matching CodeInterpreterError."""
    try:
        yield
    except grpc.RpcError as error:
        raise error_for(error.code(), error.details()) from error
