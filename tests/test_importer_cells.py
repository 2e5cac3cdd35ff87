"""What each importer does with one changed cell: for every column an importer reads, the first
data row's cell is blanked, set to text (``zz``) and, where text is refused, set to ``-1``; the
whole outcome is compared with ``tests/expected/importers/cells.json``: the one-line refusal
(file, line, column, problem, expected) or exactly which records, documents and skip counts
change against the unchanged fixture.

Columns a change of which changes nothing are not listed (the generator tries every column of
every fixture file and keeps the cells that matter, at most ``MOST`` per importer, evenly spaced); ``test_importer_outputs.py`` pins the
unchanged outputs. The expected file was written by ``python tests/test_importer_cells.py
--write`` and read before it was committed: each refusal names the changed cell's line and column,
a blank or text where a country, year or amount is needed is refused or skipped under a stated
reason, never silently altered.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from softpower.errors import InputError
from softpower.ledger.importers import IMPORTERS
from softpower.records.models import max_year

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_importer_outputs import FIX, FIXTURES, batch_as_json  # noqa: E402

EXPECTED = Path(__file__).resolve().parent / "expected" / "importers" / "cells.json"
NUMBER = "-1"
#: Most cells kept per importer (evenly spaced over the columns), so the test stays short.
MOST = 30
#: ... fewer for the public diplomacy importer, which reads three datasets each time
FEWER = {"aiddata-public-diplomacy": 12}


def _copy(name: str, tmp: Path) -> tuple[Path, list[Path]]:
    """The importer's fixture copied to ``tmp`` (the files it reads, relative paths kept)."""
    src = FIX / FIXTURES[name]
    dest = tmp / "in"
    if src.is_file():
        dest.mkdir(parents=True)
        shutil.copy(src, dest / src.name)
        return dest / src.name, [dest / src.name]
    shutil.copytree(src, dest)
    files = sorted(f for f in IMPORTERS[name].find(dest))
    return dest, files


def _set_cell(path: Path, column: str, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def _rows(data: dict[str, Any], part: str) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in data[part]]


def outcome(name: str, rel: str, column: str, value: str, tmp: Path, base: dict[str, Any]) -> Any:
    """The refusal's message, or the change against ``base``, of one changed cell."""
    root, _ = _copy(name, tmp)
    target = root if root.is_file() else root / rel
    _set_cell(target, column, value)
    try:
        got = batch_as_json(IMPORTERS[name].load(root))
    except InputError as exc:
        # the last year accepted is next year: named as such so the file does not age
        return "refused: " + str(exc).replace(str(tmp), "TMP").replace(f"..{max_year()}", "..NEXT_YEAR")
    finally:
        shutil.rmtree(tmp / "in")
    change: dict[str, Any] = {}
    for part in ("rows_read", "skipped"):
        if got[part] != base[part]:
            change[part] = got[part]
    for part in ("records", "documents"):
        old, new = _rows(base, part), _rows(got, part)
        gone = [r for r in old if r not in new]
        added = [r for r in new if r not in old]
        if gone or added:
            change[part] = {"-": gone, "+": added}
    return change or "same"


def cells(name: str, tmp: Path) -> dict[str, Any]:
    """Outcome of every changed cell of ``name``'s fixture; with ``expected``, only those keys."""
    base = batch_as_json(IMPORTERS[name].load(FIX / FIXTURES[name]))
    root, files = _copy(name, tmp / "probe")
    out: dict[str, Any] = {}
    for f in files:
        rel = f.name if root.is_file() else str(f.relative_to(root))
        try:
            with f.open(encoding="utf-8", newline="") as fh:
                header = next(csv.reader(fh))
        except UnicodeDecodeError:
            continue  # not UTF-8: its cells are not rewritten here
        for column in header:
            # a column the importer reads changes something when its cell becomes text
            probe = outcome(name, rel, column, "zz", tmp, base)
            if probe == "same":
                continue
            out[f"{rel}|{column}|zz"] = probe
            blank = outcome(name, rel, column, "", tmp, base)
            if blank != "same":
                out[f"{rel}|{column}|"] = blank
            if isinstance(probe, str) and "is not a number" in probe:
                out[f"{rel}|{column}|{NUMBER}"] = outcome(name, rel, column, NUMBER, tmp, base)
    shutil.rmtree(tmp / "probe")
    most = FEWER.get(name, MOST)
    if len(out) > most:  # every k-th cell, so one test stays short
        keys = list(out)
        step = len(keys) / most
        out = {keys[int(j * step)]: out[keys[int(j * step)]] for j in range(most)}
    return out


def _expected() -> dict[str, dict[str, Any]]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_one_changed_cell_has_exactly_the_reviewed_outcome(name: str, tmp_path: Path) -> None:
    want = _expected()[name]
    base = batch_as_json(IMPORTERS[name].load(FIX / FIXTURES[name]))
    for key, expected in want.items():
        rel, column, value = key.split("|")
        got = outcome(name, rel, column, value, tmp_path, base)
        assert got == expected, key


def write_expected(names: list[str]) -> None:
    """Write the outcomes of ``names`` (all importers when empty) into the expected file."""
    data = json.loads(EXPECTED.read_text(encoding="utf-8")) if names else {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or sorted(FIXTURES):
            data[name] = cells(name, Path(tmp))
    data = {name: data[name] for name in sorted(data)}
    EXPECTED.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] != ["--write"]:
        sys.exit(
            "usage: python tests/test_importer_cells.py --write [IMPORTER...]   (then review every diff)"
        )
    write_expected(sys.argv[2:])
