"""Typed cell events and the collected result of a cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, NamedTuple, Union

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper

from ._proto import pb
from .errors import CodeInterpreterError
from .values import to_python


def enum_name(enum: EnumTypeWrapper, number: int, prefix: str) -> str:
    """A proto enum value as a short lower-case name, e.g. OUTCOME_TIMEOUT -> "timeout"."""
    try:
        return enum.Name(number).removeprefix(prefix).lower()
    except ValueError:  # a value added to the API after these stubs were made
        return f"unknown_{number}"


@dataclass(frozen=True)
class Usage:
    """Resources a cell (or batch program) used."""

    wall_time_us: int
    fuel_used: int | None
    peak_memory_bytes: int
    execution_count: int

    @classmethod
    def from_proto(cls, usage: pb.Usage) -> Usage:
        fuel = usage.fuel_used if usage.HasField("fuel_used") else None
        return cls(usage.wall_time_us, fuel, usage.peak_memory_bytes, usage.execution_count)


@dataclass(frozen=True)
class StreamEvent:
    """Printed text; name is "stdout" or "stderr"."""

    name: str
    text: str


class Display(NamedTuple):
    """A rich output: its representations (MIME type -> bytes) and metadata."""

    data: dict[str, bytes]
    metadata: dict[str, str]


@dataclass(frozen=True)
class ResultEvent:
    """The value of the cell's trailing expression, with its repr() and, for sympy, LaTeX."""

    value: Any
    text: str
    latex: str | None


@dataclass(frozen=True)
class CellError:
    """An exception that escaped the cell."""

    ename: str
    evalue: str
    traceback: list[str]

    @classmethod
    def from_proto(cls, error: pb.Error) -> CellError:
        return cls(error.ename, error.evalue, list(error.traceback))


@dataclass(frozen=True)
class EndEvent:
    """The last event of a cell: outcome ("ok", "error", "timeout", ...) and usage."""

    outcome: str
    usage: Usage
    output_truncated: bool
    message: str
    session_alive: bool
    #: The cell stopped the interpreter and the session was rebuilt from its
    #: checkpoint taken after this many cells (None otherwise).
    rolled_back_to: int | None = None


Event = Union[StreamEvent, Display, ResultEvent, CellError, EndEvent]


def event_from_proto(event: pb.Event) -> Event:
    """The typed form of an ``Event`` message."""
    kind = event.WhichOneof("kind")
    if kind == "stream":
        return StreamEvent(enum_name(pb.StreamName, event.stream.name, "STREAM_NAME_"),
                           event.stream.text)
    if kind == "display":
        data = {item.mime_type: item.data for item in event.display.data}
        return Display(data, dict(event.display.metadata))
    if kind == "result":
        result = event.result
        latex = result.text_latex if result.HasField("text_latex") else None
        return ResultEvent(to_python(result.value), result.text_plain, latex)
    if kind == "error":
        return CellError.from_proto(event.error)
    if kind == "end":
        end = event.end
        return EndEvent(enum_name(pb.Outcome, end.outcome, "OUTCOME_"), Usage.from_proto(end.usage),
                        end.output_truncated, end.message, end.session_alive,
                        end.rolled_back_to if end.HasField("rolled_back_to") else None)
    raise CodeInterpreterError(f"unknown event kind {kind!r}")


@dataclass(frozen=True)
class ExecutionResult:
    """Everything one cell produced, collected from its events."""

    events: list[Event]
    stdout: str
    stderr: str
    displays: list[Display]
    result: Any
    result_text: str | None
    result_latex: str | None
    error: CellError | None
    outcome: str
    message: str
    usage: Usage
    output_truncated: bool
    session_alive: bool
    rolled_back_to: int | None = None

    @property
    def ok(self) -> bool:
        """The cell ran to completion."""
        return self.outcome == "ok"

    @classmethod
    def from_events(cls, events: Iterable[Event]) -> ExecutionResult:
        """Collect a cell's events; the last must be its EndEvent."""
        events = list(events)
        end = events[-1] if events else None
        if not isinstance(end, EndEvent):
            raise CodeInterpreterError("the cell's event stream ended without an end event")
        result = next((e for e in events if isinstance(e, ResultEvent)), None)
        return cls(
            events=events,
            stdout=_text(events, "stdout"),
            stderr=_text(events, "stderr"),
            displays=[e for e in events if isinstance(e, Display)],
            result=result.value if result else None,
            result_text=result.text if result else None,
            result_latex=result.latex if result else None,
            error=next((e for e in events if isinstance(e, CellError)), None),
            outcome=end.outcome,
            message=end.message,
            usage=end.usage,
            output_truncated=end.output_truncated,
            session_alive=end.session_alive,
            rolled_back_to=end.rolled_back_to,
        )


def _text(events: list[Event], stream: str) -> str:
    return "".join(e.text for e in events if isinstance(e, StreamEvent) and e.name == stream)
