"""The report shows the index's audit and the standing validity check (issue 10, items 2 and 6)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from softpower.ledger import Ledger
from softpower.report.build import build_report


def test_report_shows_the_audit_and_the_validity_check(seeds_ledger: Path, tmp_path: Path) -> None:
    path = seeds_ledger
    out = tmp_path / "r.html"
    with Ledger.open(path, read_only=True) as lg:
        build_report(lg, output=out, mc=5, runs=3, seed=1)
    page = out.read_text(encoding="utf-8")
    section = page[page.index('<section id="checks">') : page.index('<section id="provenance">')]
    text = html.unescape(re.sub(r"<[^>]+>", " ", section))
    assert "Index audit and validity" in text
    assert "winsorise" in text and "log(1 + x / median)" in text  # the skew rule is stated
    assert "Cronbach" in text and "first component share" in text
    assert "index gaps vs perception gaps" in text or "too few data to judge" in text
    # one row per framework indicator in the skew table
    from softpower.measure import run_index

    with Ledger.open(path, read_only=True) as lg:
        res = run_index(lg, mc=0, seed=1)
    for row in res.audit["indicators"]:
        assert row["indicator"] in text
