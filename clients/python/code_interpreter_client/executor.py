"""PythonExecutor: the program-of-thought executor of the public math harnesses
(ToRA, PAL, DeepSeek-Math), running the programs on the code-interpreter service.

Like the originals, ``apply(code)`` and ``batch_apply(codes)`` return
``(answer, report)`` pairs: report is "Done" on success, "Timeout Error" when
the time limit (or fuel budget) ran out, else the exception's last traceback
line (e.g. "ZeroDivisionError: division by zero"); answer is str() of the
answer, "" on failure. Both are stripped and cut to their first and last
max_answer_chars // 2 characters joined by "..." (400 like the originals; 0
keeps them whole). The answer is, as in the originals, in this order of
precedence:

* get_answer_from_stdout: everything the program printed to stdout;
* get_answer_symbol: the value of that global variable after the program;
* get_answer_expr: the value of that expression evaluated after the program;
* otherwise the value of the program's trailing expression. The originals
  exec all lines but the last and eval the last one; here the trailing
  expression is found Jupyter-style, so a multi-line trailing expression or
  trailing blank lines work too, and a program that ends in a statement gives
  "None" (the originals report the SyntaxError of eval()).

Every program runs on a fresh interpreter, isolated from the others (the
originals share one runtime's globals); there is no ``runtime`` argument.
"""

from __future__ import annotations

from typing import Union

from .batch import AnswerSpec, BatchResult
from .client import Client

Code = Union[str, list[str]]


class PythonExecutor:
    """Runs model-written programs and extracts their answers, as the harnesses' PythonExecutor."""

    def __init__(self, get_answer_symbol: str | None = None, get_answer_expr: str | None = None,
                 get_answer_from_stdout: bool = False, timeout_length: float = 5,
                 target: str = "127.0.0.1:50051", fuel: int | None = None,
                 random_seed: int | None = None, max_parallel: int = 0,
                 max_answer_chars: int = 400) -> None:
        self.answer = _answer_mode(get_answer_symbol, get_answer_expr, get_answer_from_stdout)
        self.timeout_length = timeout_length
        self.fuel = fuel
        self.random_seed = random_seed
        self.max_parallel = max_parallel
        self.max_answer_chars = max_answer_chars
        self.client = Client(target)

    def apply(self, code: Code) -> tuple[str, str]:
        """(answer, report) of one program, given as source or as a list of lines."""
        return self.batch_apply([code])[0]

    def batch_apply(self, batch_code: list[Code]) -> list[tuple[str, str]]:
        """(answer, report) of each program, in the programs' order."""
        programs = ["\n".join(code) if isinstance(code, list) else code for code in batch_code]
        results = self.client.batch_in_order(
            programs, answer=self.answer, max_parallel=self.max_parallel,
            timeout=self.timeout_length, fuel=self.fuel, random_seed=self.random_seed)
        return [self._answer_and_report(result) for result in results]

    def close(self) -> None:
        self.client.close()

    def _answer_and_report(self, result: BatchResult) -> tuple[str, str]:
        if result.outcome == "ok":
            answer, report = _answer_text(result), "Done"
        elif result.outcome in ("timeout", "fuel_exhausted"):
            answer, report = "", "Timeout Error"
        else:
            answer, report = "", _error_line(result)
        return (truncate(answer.strip(), self.max_answer_chars),
                truncate(report.strip(), self.max_answer_chars))


def truncate(text: str, max_chars: int) -> str:
    """text cut to its first and last max_chars // 2 characters joined by "..." when
    longer than max_chars (0: never), as the harnesses do."""
    if max_chars <= 0 or len(text) <= max_chars:
        return text
    half = max_chars // 2
    return text[:half] + "..." + text[len(text) - half:]


def _answer_mode(symbol: str | None, expr: str | None, from_stdout: bool) -> AnswerSpec:
    if from_stdout:
        return "stdout"
    if symbol:
        return ("variable", symbol)
    if expr:
        return ("expression", expr)
    return "last_expression"


def _error_line(result: BatchResult) -> str:
    """The last line of the exception's traceback, as the harnesses report it, else
    the server's one-line description of the failure."""
    if result.error:
        lines = [line for line in "\n".join(result.error.traceback).splitlines() if line.strip()]
        if lines:
            return lines[-1]
    return result.short_error or result.outcome


def _answer_text(result: BatchResult) -> str:
    """str() of the answer, as the harnesses take it (None when the value was None)."""
    try:
        return str(result.answer)
    except ValueError:  # an int past Python's int->str digit limit: the server's repr
        return result.answer_text
