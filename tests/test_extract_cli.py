"""``softpower extract``: output format, bad input, atomic output, review page, ledger import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from softpower.cli import app
from softpower.extract import extract_file, read_source
from softpower.extract.text import ExtractInputError
from softpower.records.models import RECORD_KEYS

GOOD = (
    "In 2015, Japan provided a 1.57 billion yen grant to Timor-Leste to build rural clinics. "
    "China and ASEAN concluded a free trade agreement in 2004.\n"
)


def _pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in its content stream (byte offsets computed exactly)."""
    stream = f"BT /F1 12 Tf 40 700 Td ({text}) Tj ET".encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.md").write_text(
        "# Notes\n\nSeoul trained 40 customs officials from Laos in 2018.\n", encoding="utf-8"
    )
    return folder


def test_jsonl_to_stdout_in_gold_format(corpus: Path) -> None:
    res = CliRunner().invoke(app, ["extract", str(corpus / "a.txt")])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 2
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    for rec in lines:
        assert tuple(rec) == (*RECORD_KEYS, "confidence")
        assert rec["doc"] == "a.txt"
        assert rec["quote"] == text[rec["span"][0] : rec["span"][1]]
    assert {r["instrument"] for r in lines} == {"oda_grant", "trade_agreement"}


def test_folder_output_file_and_review(corpus: Path, tmp_path: Path) -> None:
    out, review = tmp_path / "out.jsonl", tmp_path / "review.html"
    res = CliRunner().invoke(app, ["extract", str(corpus), "--output", str(out), "--review", str(review)])
    assert res.exit_code == 0, res.output
    docs = {json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {"a.txt", "b.md"}
    page = review.read_text(encoding="utf-8")
    assert "<mark>" in page and "a.txt" in page and "technical_cooperation" in page


def test_review_escapes_document_text(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text("<script>alert(1)</script> In 2012, Japan provided grant aid to Laos.\n", encoding="utf-8")
    review = tmp_path / "r.html"
    res = CliRunner().invoke(
        app, ["extract", str(doc), "--review", str(review), "-o", str(tmp_path / "o.jsonl")]
    )
    assert res.exit_code == 0, res.output
    page = review.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x00\x01\x02binary", "binary content"),
        ("latin.txt", "Japan gave aid to Viet Nam.\nCaf\xe9".encode("latin-1"), "is not UTF-8"),
        ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "truncated PDF"),
        ("data.csv", b"a,b\n", "unsupported file type"),
    ],
)
def test_bad_file_one_line_others_processed_exit_1(
    corpus: Path, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(bad), str(corpus / "a.txt"), "--output", str(out)])
    assert res.exit_code == 1
    errors = [x for x in res.stderr.splitlines() if name in x]
    assert len(errors) == 1 and problem in errors[0]
    assert {json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()} == {"a.txt"}


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "l.txt"
    bad.write_bytes(b"first line\nsecond \xff line\n")
    with pytest.raises(ExtractInputError, match=r"l\.txt:2: byte 0xff is not UTF-8"):
        read_source(bad)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_utf16_or_utf32_file_with_its_byte_order_mark_is_read_as_text(tmp_path: Path, codec: str) -> None:
    # Windows editors save "Unicode" text as UTF-16 with a byte-order mark: its NUL bytes are not binary
    body = "Intro.\nIn 2019, Korea gave a grant of $3 million to Fiji.\n"
    doc = tmp_path / "wide.txt"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32": b""}.get(codec, b"")
    doc.write_bytes(bom + body.encode(codec))
    src = read_source(doc)
    assert src.text == body
    (rec,) = [r for r in extract_file(doc).records if r["kind"] == "engagement"]
    assert (rec["actor"], rec["partners"], rec["year"], rec["amount"]) == ("KOR", ["FJI"], 2019, 3e6)
    assert "Korea gave a grant of $3 million" in body[rec["span"][0] : rec["span"][1]]


def test_bad_utf16_after_its_byte_order_mark_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "u.txt"
    bad.write_bytes(b"\xff\xfe" + "one\ntwo\n".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(ExtractInputError, match=r"u\.txt:3: bytes after its UTF-16-LE byte-order mark"):
        read_source(bad)


def test_a_page_nested_deeper_than_the_html_tree_builder_allows_is_still_read(tmp_path: Path) -> None:
    # lxml stops at 255 levels, so the main-text reader found nothing and the page was refused
    deep = 400
    page = tmp_path / "deep.html"
    page.write_text(
        "<html><body>"
        + "<div>" * deep
        + "<p>In 2019, Japan provided a grant of $5 million to Fiji.</p>"
        + "</div>" * deep
        + "<script>var x = 'In 2020, China gave Laos a loan.';</script></body></html>",
        encoding="utf-8",
    )
    recs = extract_file(page).records
    assert [(r["actor"], r["partners"], r["year"]) for r in recs if r["kind"] == "engagement"] == [
        ("JPN", ["FJI"], 2019)
    ]


def test_size_limit_option(corpus: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Japan gave aid to Laos in 2001. " * 40000, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(big), "--max-mb", "1", "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 1
    assert "at most 1.0 MiB" in res.stderr


def test_no_partial_output_when_writing_fails(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous complete content\n", encoding="utf-8")
    blocked = tmp_path / "dir_as_file.jsonl"
    blocked.mkdir()
    res = CliRunner().invoke(app, ["extract", str(corpus), "--output", str(blocked)])
    assert res.exit_code == 2
    assert "cannot write" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "previous complete content\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert CliRunner().invoke(app, ["extract", str(empty)]).exit_code == 2
    assert CliRunner().invoke(app, ["extract"]).exit_code == 2
    assert CliRunner().invoke(app, ["extract", str(tmp_path), "--workers", "0"]).exit_code == 2


def test_help_has_an_example() -> None:
    res = CliRunner().invoke(app, ["extract", "--help"])
    assert res.exit_code == 0 and "Example: softpower extract" in res.output


def test_workers_give_the_same_records(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert CliRunner().invoke(app, ["extract", str(corpus), "-o", str(one)]).exit_code == 0
    assert CliRunner().invoke(app, ["extract", str(corpus), "-o", str(two), "--workers", "2"]).exit_code == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


def test_into_ledger_keeps_documents_and_spans(corpus: Path, tmp_path: Path) -> None:
    from softpower.ledger import Ledger

    html = corpus / "c.html"
    body = "<p>In 2016, Australia provided a 2.5 billion yen grant to Fiji to repair schools after the cyclone.</p>"
    html.write_text(f"<html><head><title>t</title></head><body><article>{body * 3}</article></body></html>")
    ledger = tmp_path / "l.duckdb"
    res = CliRunner().invoke(
        app,
        ["extract", str(corpus), "--into-ledger", "--ledger", str(ledger), "-o", str(tmp_path / "o.jsonl")],
    )
    assert res.exit_code == 0, res.output
    with Ledger.open(ledger, read_only=True) as lg:
        recs = lg.query("SELECT doc, span_start, span_end, origin FROM records ORDER BY doc")
        docs = lg.query("SELECT doc_id, text, text_length, sha256 FROM documents ORDER BY doc_id")
    assert set(recs["doc"]) == {"a.txt", "b.md", "c.html"}
    assert set(recs["origin"]) == {"extract"}
    html_doc = docs[docs["doc_id"] == "c.html"].iloc[0]
    assert html_doc["text"] and "<p>" not in html_doc["text"]
    for _, r in recs[recs["doc"] == "c.html"].iterrows():
        assert "Fiji" in html_doc["text"][r["span_start"] : r["span_end"]]


def test_pdf_text_and_spans(tmp_path: Path) -> None:
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(_pdf("In 2011, Japan provided a 3 billion yen loan to Vietnam for a bridge."))
    res = extract_file(pdf)
    assert res.ok, res.error
    assert res.document is not None and res.document["text"] == res.text
    (rec,) = res.records
    assert (rec["actor"], rec["partners"], rec["instrument"], rec["amount"]) == (
        "JPN",
        ["VNM"],
        "oda_loan",
        3e9,
    )
    assert res.text is not None and rec["quote"] == res.text[rec["span"][0] : rec["span"][1]]


def test_html_fallback_parser_keeps_visible_block_text() -> None:
    from softpower.extract.text import _BlockText

    parser = _BlockText()
    parser.feed(
        "<html><script>var x;</script><body><nav>menu</nav><p>Japan gave <b>aid</b>.</p><p>A &amp; B</p></body>"
    )
    assert parser.text() == "Japan gave aid.\n\nA & B"


def test_html_relative_year_is_anchored_to_the_page_date(tmp_path: Path) -> None:
    from softpower.ledger import Ledger

    page = tmp_path / "news.html"
    page.write_text(
        '<html><head><title>Aid news</title><meta property="article:published_time" content="2019-05-02T10:00:00Z">'
        "</head><body><article><h1>Aid</h1><p>Last year, Japan provided a 2 billion yen grant to Laos to build "
        "schools in the north of the country.</p></article></body></html>",
        encoding="utf-8",
    )
    res = extract_file(page)
    assert res.ok and res.document is not None
    assert res.document["date"] == "2019-05-02"
    (rec,) = res.records
    assert (rec["actor"], rec["year"], rec["amount"]) == ("JPN", 2018, 2e9)
    ledger = tmp_path / "l.duckdb"
    out = CliRunner().invoke(
        app, ["extract", str(page), "--into-ledger", "--ledger", str(ledger), "-o", str(tmp_path / "o.jsonl")]
    )
    assert out.exit_code == 0, out.output
    with Ledger.open(ledger, read_only=True) as lg:
        row = lg.query(
            "SELECT CAST(date AS VARCHAR) AS d, title FROM documents WHERE doc_id = 'news.html'"
        ).iloc[0]
    assert row["d"] == "2019-05-02"


def test_text_files_have_no_date_so_relative_years_stay_empty(tmp_path: Path) -> None:
    doc = tmp_path / "n.txt"
    doc.write_text("Last year, Japan provided a 2 billion yen grant to Laos.\n", encoding="utf-8")
    (rec,) = extract_file(doc).records
    assert rec["year"] is None


def test_an_internal_error_in_one_file_does_not_stop_the_others(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import softpower.extract.pipeline as pipeline

    real = pipeline.extract_text

    def flaky(
        doc: str, text: str, doc_year: int | None = None, time_limit: float | None = None
    ) -> list[dict[str, object]]:
        if doc == "b.md":
            raise RuntimeError("boom")
        return real(doc, text, doc_year, time_limit)

    monkeypatch.setattr(pipeline, "extract_text", flaky)
    results = pipeline.extract_paths(sorted(corpus.iterdir()), keep_text=False)
    by_doc = {r.doc: r for r in results}
    assert by_doc["a.txt"].ok and by_doc["a.txt"].records and by_doc["a.txt"].text is None
    assert by_doc["b.md"].error is not None and "internal error RuntimeError: boom" in by_doc["b.md"].error


def test_unwritable_output_is_one_line_before_any_work(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("In 2011, Japan provided a 3 billion yen loan to Vietnam for a bridge.", encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(doc), "--output", str(tmp_path / "no" / "out.jsonl")])
    assert res.exit_code == 2
    assert res.stderr.strip().splitlines() == [
        f"softpower: cannot write {tmp_path / 'no' / 'out.jsonl'}: folder {tmp_path / 'no'} does not exist"
    ]
