"""Writing output files atomically: the whole file appears, or nothing does.

Every command that writes a file (exports, index and scenario results, reports, extracted
records) goes through :func:`atomic_path`: the content is written to a temporary file in
the same folder, which is renamed over the target only when complete, with the usual
permissions (``0666`` less the umask).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from softpower.errors import SoftpowerError


def check_output(path: Path | str) -> Path:
    """``path`` as a :class:`Path` if a file can be written there, else a one-line error.

    Commands call this before long work, so a typo in ``--output`` fails at once.

    Raises
    ------
    softpower.errors.SoftpowerError
        When ``path`` is a folder or its folder does not exist.
    """
    path = Path(path)
    if path.is_dir():
        raise SoftpowerError(f"cannot write {path}: it is a folder (expected a file path)")
    if not path.parent.is_dir():
        raise SoftpowerError(f"cannot write {path}: folder {path.parent} does not exist")
    return path


@contextmanager
def atomic_path(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` when the block succeeds.

    On any failure the temporary file is removed and ``path`` is untouched.

    Raises
    ------
    softpower.errors.SoftpowerError
        When the file cannot be written (one line naming the path and the reason).
    """
    path = check_output(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise SoftpowerError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SoftpowerError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_output(path: Path | str, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; return the path."""
    body = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as tmp:
        tmp.write_bytes(body)
    return Path(path)
