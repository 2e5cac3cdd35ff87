"""Errors that name where bad input is and what was expected."""

from __future__ import annotations

#: Characters that would break a message into several lines (those of ``str.splitlines``), and
#: their escaped forms: a key or file name holding one still gives one line.
_LINE_BREAKS = str.maketrans({c: repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"})


def one_line(text: str) -> str:
    """``text`` with its line breaks escaped (``\\n``, ``\\r``, ...): always one line."""
    return text.translate(_LINE_BREAKS)


class SoftpowerError(Exception):
    """Base class: a problem the user can fix, reported as one line, never a traceback."""

    exit_code = 2


class InputError(SoftpowerError):
    """Bad input at a known place: ``file:line: field: problem (expected ...)``.

    Parameters
    ----------
    file, line, field
        Where the problem is; ``line`` is 1-based (a row number for Parquet).
    problem
        What is wrong, e.g. ``"unknown country code 'XXX'"``.
    expected
        What was expected instead.
    """

    def __init__(
        self,
        file: str,
        line: int | None,
        field: str | None,
        problem: str,
        expected: str | None = None,
    ) -> None:
        self.file, self.line, self.field = file, line, field
        self.problem, self.expected = problem, expected
        super().__init__(self.format())

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        tail = f" (expected {self.expected})" if self.expected else ""
        return one_line(f"{where}:{field} {self.problem}{tail}")


class LedgerError(SoftpowerError):
    """The ledger file is missing, locked, or not a softpower ledger."""
