"""Python client of the code-interpreter gRPC service.

    from code_interpreter_client import Client

    with Client("127.0.0.1:50051") as client, client.create_session() as session:
        session.execute("x = 2**100")
        print(session.execute("x + 1").result)
"""

from .batch import AnswerSpec, BatchResult, Program, in_input_order
from .client import Client, FileInfo, Session, SessionInfo
from .errors import (CapacityExhausted, CodeInterpreterError, FileNotFound, FilesOpen,
                     InvalidRequest, SessionEnded, SessionNotFound)
from .events import (CellError, Display, EndEvent, Event, ExecutionResult, ResultEvent,
                     StreamEvent, Usage)
from .values import Array, Repr, Symbolic

__all__ = [
    "AnswerSpec", "Array", "BatchResult", "CapacityExhausted", "CellError", "Client", "CodeInterpreterError",
    "Display", "EndEvent", "Event", "ExecutionResult", "FileInfo", "FileNotFound", "FilesOpen",
    "InvalidRequest",
    "Program", "Repr", "ResultEvent", "Session", "SessionEnded", "SessionInfo", "SessionNotFound",
    "StreamEvent", "Symbolic", "Usage", "in_input_order",
]
