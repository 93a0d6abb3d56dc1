"""ExecuteBatch: programs, answer modes and per-program results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Tuple, Union

from ._proto import pb
from .events import CellError, Usage, enum_name
from .limits import cell_limits
from .values import to_python

AnswerSpec = Union[str, Tuple[str, str]]
"""Where a program's answer comes from: "stdout", "last_expression",
("variable", name) or ("expression", code evaluated after the program)."""


@dataclass(frozen=True)
class Program:
    """A batch program with its own answer mode or limits (None: the batch's)."""

    code: str
    answer: AnswerSpec | None = None
    timeout: float | None = None
    fuel: int | None = None
    max_output_bytes: int | None = None


@dataclass(frozen=True)
class BatchResult:
    """The result of one batch program; index is its position in the request."""

    index: int
    outcome: str
    answer: Any
    answer_text: str
    answer_truncated: bool
    short_error: str
    error: CellError | None
    usage: Usage
    output: str

    @property
    def ok(self) -> bool:
        """The program ran to completion."""
        return self.outcome == "ok"

    @classmethod
    def from_proto(cls, result: pb.BatchResult) -> BatchResult:
        return cls(
            index=result.index,
            outcome=enum_name(pb.Outcome, result.outcome, "OUTCOME_"),
            answer=to_python(result.answer) if result.HasField("answer") else None,
            answer_text=result.answer_text,
            answer_truncated=result.answer_truncated,
            short_error=result.short_error,
            error=CellError.from_proto(result.error) if result.HasField("error") else None,
            usage=Usage.from_proto(result.usage),
            output=result.output,
        )


def answer_proto(spec: AnswerSpec) -> pb.Answer:
    """The ``Answer`` message of an answer mode (ValueError for an unknown one)."""
    if spec == "stdout":
        return pb.Answer(stdout=pb.Answer.Stdout())
    if spec == "last_expression":
        return pb.Answer(last_expression=pb.Answer.LastExpression())
    if isinstance(spec, tuple) and len(spec) == 2 and spec[0] == "variable":
        return pb.Answer(variable=spec[1])
    if isinstance(spec, tuple) and len(spec) == 2 and spec[0] == "expression":
        return pb.Answer(expression=spec[1])
    raise ValueError(f"unknown answer mode {spec!r}: use 'stdout', 'last_expression', "
                     "('variable', name) or ('expression', code)")


def program_proto(program: str | Program, timeout: float | None, fuel: int | None,
                  max_output_bytes: int | None) -> pb.Program:
    """A ``Program`` message; a Program's own limits are merged over the batch's."""
    if isinstance(program, str):
        return pb.Program(code=program)
    own_limits = (program.timeout, program.fuel, program.max_output_bytes) != (None, None, None)
    return pb.Program(
        code=program.code,
        answer=None if program.answer is None else answer_proto(program.answer),
        limits=cell_limits(_first(program.timeout, timeout), _first(program.fuel, fuel),
                           _first(program.max_output_bytes, max_output_bytes))
        if own_limits else None,
    )


def in_input_order(results: Iterable[BatchResult]) -> list[BatchResult]:
    """Results sorted by their program's position in the request."""
    return sorted(results, key=lambda result: result.index)


def _first(*values: Any) -> Any:
    return next((value for value in values if value is not None), None)
