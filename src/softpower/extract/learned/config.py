"""What the four trainers read before they fit: their TOML configuration and, under ``--check``, the
shipped weights they compare a rebuild with.

A missing, unreadable or malformed file is one line naming the file (and the line, for a TOML syntax
error) and what was expected, as an :class:`~softpower.errors.InputError`; :func:`guarded` turns it
into that line on stderr and exit code 2 in each trainer's ``main``, never a traceback.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from softpower.errors import InputError, SoftpowerError, one_line

#: tomllib's position suffix, e.g. ``Invalid value (at line 3, column 9)``.
_AT = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def read_config(path: Path) -> dict[str, Any]:
    """The training configuration at ``path``, parsed; :class:`InputError` if it cannot be."""
    expected = "a TOML training configuration like those in src/softpower/data/extract_model/"
    raw = _read(path, expected)
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), raw[: exc.start].count(b"\n") + 1, None, "not UTF-8 text", expected
        ) from None
    except tomllib.TOMLDecodeError as exc:
        at = _AT.search(str(exc))
        problem = _AT.sub("", str(exc))
        row = int(at.group(1)) if at else None
        raise InputError(str(path), row, None, f"invalid TOML: {problem}", expected) from None


def read_shipped(path: Path) -> bytes:
    """The bytes of the shipped weights that ``--check`` compares a rebuild with."""
    return _read(path, "the shipped weights written by `make train` beside the configuration")


def _read(path: Path, expected: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), None, None, "no such file", expected) from None
    except IsADirectoryError:
        raise InputError(str(path), None, None, "is a folder", expected) from None
    except OSError as exc:
        raise InputError(str(path), None, None, f"cannot be read ({exc.strerror})", expected) from None


def guarded(prog: str, main: Callable[[list[str] | None], int], argv: list[str] | None) -> int:
    """``main(argv)``, with a :class:`SoftpowerError` printed as ``prog: <one line>`` on stderr and
    returned as its exit code."""
    try:
        return main(argv)
    except SoftpowerError as exc:
        print(f"{prog}: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
