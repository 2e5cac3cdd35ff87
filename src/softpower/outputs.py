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
from typing import Any

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


#: Excel's limit on a sheet name's length.
_SHEET_NAME_MAX = 31
_SHEET_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})


def write_xlsx(path: Path | str, sheets: dict[str, Any]) -> Path:
    """Write one Excel workbook with one sheet per table, atomically; return the path.

    Parameters
    ----------
    path
        The ``.xlsx`` file to write (whole, through a temporary file, or not at all).
    sheets
        Sheet name → table (a :class:`pandas.DataFrame`, or a list of row dicts). Names are cut
        to Excel's 31 characters and made unique; list cells are joined with spaces; the header
        row is frozen.

    Raises
    ------
    softpower.errors.SoftpowerError
        When the file cannot be written.
    """
    import pandas as pd

    with atomic_path(path) as tmp:  # noqa: SIM117 (the times are fixed after the writer closes)
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            _write_sheets(xl, sheets)
        _fixed_times(tmp)
    return Path(path)


#: The time stamped into every workbook (its properties and zip entries), so that the same
#: tables give the same bytes (the zip format's earliest date).
_XLSX_TIME = (1980, 1, 1, 0, 0, 0)


def _fixed_times(path: Path) -> None:
    """Rewrite the workbook at ``path`` with fixed times: the zip entries' dates and the
    document properties' created/modified stamps (openpyxl writes the current time)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    stamp = b"1980-01-01T00:00:00Z"
    with zipfile.ZipFile(path, "w") as zout:
        for info, body in entries:
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)",
                    rb"\g<1>" + stamp + rb"\g<3>",
                    body,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=_XLSX_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            zout.writestr(fixed, body)


def _write_sheets(xl: Any, sheets: dict[str, Any]) -> None:
    """One sheet per table (see :func:`write_xlsx`)."""
    import pandas as pd

    used: set[str] = set()
    for name, table in sheets.items():
        frame = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
        frame = frame.copy()
        for col in frame.columns:
            if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                frame[col] = pd.Series([_cell(v) for v in frame[col]], index=frame.index, dtype=object)
        base = str(name).translate(_SHEET_BAD)[:_SHEET_NAME_MAX] or "sheet"
        sheet, i = base, 2
        while sheet.lower() in used:
            suffix = f"_{i}"
            sheet, i = base[: _SHEET_NAME_MAX - len(suffix)] + suffix, i + 1
        used.add(sheet.lower())
        frame.to_excel(xl, sheet_name=sheet, index=False, freeze_panes=(1, 0))


def xlsx_bytes(sheets: dict[str, Any]) -> bytes:
    """The workbook :func:`write_xlsx` writes, as bytes (for downloads)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = write_xlsx(Path(tmp) / "tables.xlsx", sheets)
        return out.read_bytes()


def _cell(value: Any) -> Any:
    """A value Excel can hold: lists and tuples joined with spaces, dicts as text.

    Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) is kept as
    text by a leading apostrophe.
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, list | tuple):
        return " ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    try:
        import numpy as np

        if isinstance(value, np.ndarray):
            return " ".join(str(v) for v in value.tolist())
    except ImportError:  # pragma: no cover
        pass
    return value


def _named(frame: Any) -> Any:
    from softpower.report.names import with_names

    return with_names(frame)


def records_workbook(ledger: Any, path: Path | str, kind: str | None = None) -> int:
    """``ledger export --format xlsx``: the records (exchange columns, money columns, names) in one sheet.

    Returns the number of records written.
    """
    from softpower.ledger.io import export_frame

    frame = export_frame(ledger, kind)
    write_xlsx(path, {kind or "records": _named(frame)})
    return len(frame)


def index_workbook(result: Any, path: Path | str, explanation: Any = None) -> Path:
    """``index --format xlsx``: one sheet per table of an :class:`~softpower.measure.IndexResult`.

    Sheets: dyads, actors, leaders, profiles, sensitivity (and explain when given), codes with
    names beside them.
    """
    import pandas as pd

    sheets = {
        name: _named(getattr(result, name))
        for name in ("dyads", "actors", "leaders", "profiles", "sensitivity")
        if isinstance(getattr(result, name, None), pd.DataFrame)
    }
    if explanation is not None:
        sheets["explain"] = _named(explanation)
    return write_xlsx(path, sheets)


def scenario_workbook(result: Any, path: Path | str) -> Path:
    """``simulate --format xlsx``: series, paired effects, group means and start states, one sheet each."""
    import pandas as pd

    sheets = {
        name: _named(getattr(result, name))
        for name in ("series", "effects", "regional", "start_states")
        if isinstance(getattr(result, name, None), pd.DataFrame) and len(getattr(result, name))
    }
    return write_xlsx(path, sheets or {"series": result.series})
