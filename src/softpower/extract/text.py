"""Readers: turn a .txt, .md, .html or .pdf file into the text the extractor reads.

Every check that can fail names the file and what was expected, as one line
(:class:`ExtractInputError`). The text returned is the exact string that record
spans index into; for HTML and PDF it is kept with the document so spans stay checkable.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from softpower.errors import InputError

#: Default size limit of one input file (bytes).
MAX_BYTES = 100 * 1024 * 1024
#: File suffixes the extractor reads.
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


class ExtractInputError(InputError):
    """A file the extractor cannot read (empty, binary, too large, not UTF-8, truncated)."""

    exit_code = 1


@dataclass(frozen=True)
class SourceText:
    """The text of one document and its identity.

    Attributes
    ----------
    doc : str
        Document id (the file name).
    text : str
        The text the extractor read; record spans index into it.
    fmt : str
        ``txt``, ``md``, ``html`` or ``pdf``.
    sha256 : str
        SHA-256 of the file's bytes.
    """

    doc: str
    text: str
    fmt: str
    sha256: str
    date: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        """The document's year (from its own metadata), for relative dates; never today's."""
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None

    def document(self) -> dict[str, object]:
        """The document dict for :meth:`softpower.ledger.Ledger.import_records`."""
        out: dict[str, object] = {"id": self.doc, "text_length": len(self.text), "sha256": self.sha256}
        if self.fmt in ("html", "pdf"):
            out["text"] = self.text
        if self.date:
            out["date"] = self.date
        if self.title:
            out["title"] = self.title
        return out


def _fail(path: Path, problem: str, expected: str, line: int | None = None) -> ExtractInputError:
    return ExtractInputError(str(path), line, None, problem, expected)


#: Byte-order marks of the UTF-16 and UTF-32 encodings (UTF-32 first: its little-endian mark begins
#: with UTF-16's), each with the codec that reads the text after it.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(path: Path, data: bytes) -> str:
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            # a UTF-16/32 file (as Windows editors save "Unicode" text) is text, not binary
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                body = data[len(bom) : len(bom) + exc.start].decode(codec, errors="replace")
                raise _fail(
                    path,
                    f"bytes after its {codec.upper()} byte-order mark are not {codec.upper()}",
                    f"{codec.upper()} text",
                    body.count("\n") + 1,
                ) from None
    if b"\x00" in data[:8192]:
        raise _fail(path, "binary content (NUL bytes)", "a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _fail(path, f"byte 0x{data[exc.start]:02x} is not UTF-8", "UTF-8 text", line) from None
    return text.removeprefix("\ufeff")


class _BlockText(HTMLParser):
    """Visible text of block elements, one paragraph each (used when trafilatura is unavailable)."""

    _SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form"})
    _BLOCK = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "td", "div", "br"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        paras = (" ".join(p.split()) for p in "".join(self.parts).split("\n\n"))
        return "\n\n".join(p for p in paras if p)


def _block_text(html: str) -> str:
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _main_text(html: str) -> str | None:
    try:
        import trafilatura
    except ImportError:  # trafilatura needs lxml_html_clean with lxml >= 5.2
        return _block_text(html)
    main = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False
    )
    # lxml stops building the tree at 255 levels of nesting, so trafilatura finds no main text in a
    # deeply nested page; the block reader (no depth limit) still reads its visible paragraphs
    return main if main and main.strip() else _block_text(html)


def _html_meta(html: str) -> tuple[str | None, str | None]:
    """Publication date (ISO) and title from the page's own metadata, when trafilatura is available."""
    try:
        import trafilatura
    except ImportError:
        return None, None
    # the page's markup only (meta tags, <time>, structured data, the URL): htmldate's extensive search
    # reads the body text too, and took "In 2012, Japan and Laos signed ..." for a page dated 2012-01-01,
    # which then dated every record without a year of its own
    meta = trafilatura.extract_metadata(html, extensive=False)
    if meta is None:
        return None, None
    date = meta.date if meta.date and len(meta.date) >= 10 else None
    return date, meta.title or None


#: a list item's or a table row's line in the page reader's text
_ITEM_LINE = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]")
_ROW_LINE = re.compile(r"[ \t]*\|")
_ENDS_BLOCK = re.compile(r"[.!?:][\"'”’)\]]*[ \t]*$")


def blank_line_paragraphs(text: str) -> str:
    """The page reader's text with its paragraphs apart as in a text file: trafilatura writes one line
    break between paragraphs, and the extractor's paragraph steps (a year carried within a
    paragraph, the instrument model's context, the field step's paragraph) read a blank line as the
    end of one. A line that ends a sentence, a heading (a short line without final punctuation
    before a capital, unless it ends in a function word or inside a name: "... dollars to Papua
    New" / "Guinea ...") and the last item of a list or row of a table end a paragraph; the lines
    within a list or a table, and a lead-in before its first item, stay one line apart."""
    from softpower.extract.sentences import continues

    lines = text.split("\n")
    out = [lines[0]]
    for prev, line in zip(lines, lines[1:], strict=False):
        if not prev.strip() or not line.strip():
            sep = "\n"
        elif _ROW_LINE.match(line) or _ITEM_LINE.match(line):
            sep = "\n"  # a table's or a list's next line, or its lead-in
        elif _ROW_LINE.match(prev) or _ITEM_LINE.match(prev):
            sep = "\n\n"  # the text after a table or a list
        elif _ENDS_BLOCK.search(prev) or (
            len(prev) <= 120 and line.lstrip()[:1].isupper() and not continues(prev, line)
        ):
            sep = "\n\n"
        else:
            sep = "\n"  # a line broken inside a sentence ("<br>")
        out.append(sep)
        out.append(line)
    return "".join(out)


def _html_text(path: Path, html: str) -> str:
    text = _main_text(html)
    if not text or not text.strip():
        raise _fail(path, "no main text found in the HTML", "an HTML page with body text")
    return blank_line_paragraphs(text)


def _pdf_text(path: Path, data: bytes) -> str:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF-"):
        raise _fail(path, "not a PDF (no %PDF- header)", "a PDF file")
    if b"%%EOF" not in data[-2048:]:
        raise _fail(path, "truncated PDF (no %%EOF marker at the end)", "a complete PDF file")
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise _fail(path, f"unreadable PDF ({exc.__class__.__name__})", "a complete PDF file") from None
    text = pdf_clean("\n\n".join(p.strip() for p in pages if p.strip()))
    if not text:
        raise _fail(path, "PDF has no extractable text (scanned images?)", "a PDF with a text layer")
    return text


# a word hyphenated at a line end by the PDF layout ("develop-\nment"), not a real hyphen ("Sino-\nJapanese")
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
# two capitalised words split by a line break ("United\nStates", "Papua New\nGuinea")
_NAME_BREAK = re.compile(r"\b[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*)*[ \t]*\n[ \t]*[A-Z][\w.'’-]*")


def pdf_clean(text: str) -> str:
    """PDF text made readable: words hyphenated across lines are rejoined, and a line break inside a
    multi-word state or group name ("United\nStates") becomes a space when the rejoined words are a
    name of the gazetteer. The result is the text the document stores, so spans index into it."""
    from softpower.extract.entities import name_across

    text = _HYPHEN_BREAK.sub("", text)
    out = list(text)
    for m in _NAME_BREAK.finditer(text):
        nl = text.index("\n", m.start(), m.end())
        left, right = re.split(r"[ \t]*\n[ \t]*", m.group(0), maxsplit=1)
        if name_across(left, right):
            out[nl] = " "
    return "".join(out)


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read one file into a :class:`SourceText`.

    Parameters
    ----------
    path : str or Path
        A ``.txt``, ``.md``, ``.html``/``.htm`` or ``.pdf`` file.
    max_bytes : int
        Files larger than this are refused (default 100 MB).

    Raises
    ------
    ExtractInputError
        Missing, empty, binary, too large, not UTF-8, or truncated/unreadable PDF.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise _fail(p, f"unsupported file type {suffix or '(none)'!r}", ", ".join(SUFFIXES))
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise _fail(p, f"cannot read ({exc.strerror})", "a readable file") from None
    if size > max_bytes:
        raise _fail(p, f"file is {size / 2**20:.1f} MiB", f"at most {max_bytes / 2**20:.1f} MiB (--max-mb)")
    data = p.read_bytes()
    if not data.strip():
        raise _fail(p, "empty file", "a document with text")
    digest = hashlib.sha256(data).hexdigest()
    if suffix == ".pdf":
        return SourceText(p.name, _pdf_text(p, data), "pdf", digest)
    text = _decode(p, data)
    if not text.strip():
        raise _fail(p, "empty file", "a document with text")
    if suffix in (".html", ".htm"):
        date, title = _html_meta(text)
        warnings: tuple[str, ...] = ()
        if date is not None:
            date, warnings = _checked_year(str(p), date, False)
        return SourceText(p.name, _html_text(p, text), "html", digest, date, title, warnings)
    date, warning = _checked_dateline(p, text)
    return SourceText(p.name, text, suffix[1:], digest, date, None, warning)


def _checked_dateline(path: Path, text: str) -> tuple[str | None, tuple[str, ...]]:
    """The dateline date when it is a real calendar date; an impossible one is ignored with a warning.

    A Thai Buddhist Era year marked "B.E." ("5 May 2564 B.E.") is read as its Common Era year
    (minus 543); any other year outside the record model's years is ignored with a warning, since every
    record dated by it would be refused."""
    found = dateline_date(text)
    if found is None:
        return None, ()
    at = text.find(found[:4])
    line = text[:at].count("\n") + 1 if at >= 0 else None
    where = f"{path}:{line}" if line else str(path)
    try:
        _dt.date.fromisoformat(found)
    except ValueError:
        return None, (
            f"{where}: dateline date {found} is not a calendar date; ignored (expected a real date)",
        )
    return _checked_year(where, found, at >= 0 and _BUDDHIST_ERA.match(text, at + 4) is not None)


_BUDDHIST_ERA = re.compile(r"\s*B\.?\s?E\b\.?")


def _checked_year(where: str, found: str, buddhist: bool) -> tuple[str | None, tuple[str, ...]]:
    """``found`` (ISO) when its year is one a record may carry; a marked Buddhist Era year converted."""
    from softpower.records.models import MIN_YEAR, max_year

    if not found[:4].isdigit():
        return None, (f"{where}: document date {found!r} is not an ISO date; ignored (expected YYYY-MM-DD)",)
    year = int(found[:4])
    if buddhist and MIN_YEAR <= year - 543 <= max_year():
        return f"{year - 543:04d}{found[4:]}", ()
    if MIN_YEAR <= year <= max_year():
        return found, ()
    return None, (
        f"{where}: document date {found} has year {year} outside {MIN_YEAR}..{max_year()}; ignored "
        "(expected a Common Era year; a Thai Buddhist Era year is read when marked 'B.E.')",
    )


_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = r"(?P<{}>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
# a news dateline ("SEOUL, 14 June 2022 —", "Manila, March 3, 2021 (Reuters) -", "WASHINGTON, D.C., Dec. 30,
# 2015 –", "(Port Vila, Vanuatu | Monday, May 6, 2019) –") or a "Date:" line; web pages also put a source
# label, a weekday or a clock time around the date ("[Ministry of X] [Tuesday, Feb 23, 2016]", "[Date] July 2,
# 2021", "14:46, October 16, 2011", "2019-06-25 18:42:19", an archive's "date 2022-11-12 ..."); a date in
# figures opens its line or is the whole line ("5/14/2019 - GUAM --", "07.23.2018", "2017/3/27")
_WEEKDAY = r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
# a place's letters may carry accents ("Díli", "Malé", "Nouméa"); a broadcaster's name before the place may
# hold an ampersand ("Radio & TV Tonga, Nuku'alofa, 13/12/2019")
_PLACE = r"[A-ZÀ-Þ](?:[^\W\d_]|[ .'’&-]){1,40}(?:,|[ \t]*\|)\s+"
_CLOCK = r"(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?,?\s+)"  # "09:30, ", "5:45 PM, "
_DATELINE = re.compile(
    # a source label before the date: bracketed ("[Ministry of X] ["), set off by a dash ("The National –
    # Wednesday, December 29, 2010"; a name without figures) or by a bar ("Xinhua| Updated: 2021-11-19")
    r"^[ \t]*(?:\[?[^\[\]\n]{1,60}\]?\s*\[|\[|\(|[A-Z][^\[\]\n\d]{0,59}?[ \t]+[—–-][ \t]+"
    r"|[A-Z][^\[\]\n\d|]{0,59}?[ \t]*\|[ \t]*)?"
    + _CLOCK
    + r"?(?:(?:Date|Dated|Published|Posted|Updated|Released)\]?(?:\s+on)?(?:\s*:\s*|\s+)"
    + _CLOCK
    + r"?|(?P<field>date)\s+|"
    + _PLACE
    + r"(?:"
    + _PLACE
    + r"){0,2})?"
    + _WEEKDAY
    + r"?(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.format("m1")
    + r",?\s+(?P<y1>\d{4})|"
    + _MONTH.format("m2")
    + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    + r"|(?P<n1>\d{1,2})(?P<sep>[./])(?P<n2>\d{1,2})(?P=sep)(?P<y3>(?:19|20)\d\d)(?=[ \t]*(?:[—–-]|$))"
    + r"|(?P<y4>(?:19|20)\d\d)/(?P<n3>\d{1,2})/(?P<n4>\d{1,2})(?=[ \t]*(?:[—–-]|$)))"
    # what follows the date: a dash, a bracket, a clock time, the line's end, or (a date opening its line)
    # the first capitalised word of the text it dates ("08th April 2020 New Zealand is providing ...")
    r"(?=\s*(?:[—–-]|\(|\)|/|\]|\d{1,2}:\d{2}|$)|(?(field)\s)|[ \t]+[A-Z][a-z])",
    re.MULTILINE,
)


def dateline_date(text: str, within: int = 600) -> str | None:
    """The publication date of a plain-text document: a dateline or "Date:" line near its top (ISO)."""
    m = _DATELINE.search(text, 0, min(len(text), within))
    return None if m is None else _iso_of(m)


def _iso_of(m: re.Match[str]) -> str:
    """The ISO date string of a :data:`_DATELINE` match (not checked against the calendar)."""
    if m.group("iso"):
        return m.group("iso")
    if m.group("y4"):  # year first: year, month, day
        return f"{m.group('y4')}-{int(m.group('n3')):02d}-{int(m.group('n4')):02d}"
    if m.group("y3"):  # month first as in US releases ("07.23.2018"), day first when it cannot be
        a, b = int(m.group("n1")), int(m.group("n2"))
        first, second = (a, b) if a <= 12 else (b, a)  # (month, day)
        return f"{m.group('y3')}-{first:02d}-{second:02d}"
    return _written_iso(m)


def _written_iso(m: re.Match[str]) -> str:
    """The ISO date string of a date written with its month's name, day first (groups ``d1``, ``m1``,
    ``y1``) or month first (``m2``, ``d2``, ``y2``), as :data:`_DATELINE` and :data:`_FULL_DATE`
    capture it (not checked against the calendar)."""
    day, month, year = m.group("d1", "m1", "y1") if m.group("d1") else m.group("d2", "m2", "y2")
    return f"{year}-{_MONTHS[month.lower()]:02d}-{int(day):02d}"


def _datelines(text: str) -> Iterator[re.Match[str]]:
    """``_DATELINE.finditer(text)``, tried only at the starts of lines: the pattern opens with ``^`` (in
    multi-line mode: the text's start or right after a newline), so no match starts anywhere else, and
    the next match is looked for from the end of the one before, as ``finditer`` does (no match is empty:
    every one holds a date's digits)."""
    pos = 0  # where the previous match ended
    line = 0
    while True:
        if line >= pos:
            m = _DATELINE.match(text, line)
            if m is not None:
                yield m
                pos = m.end()
        nl = text.find("\n", line)
        if nl < 0:
            return
        line = nl + 1


def section_dates(text: str) -> list[tuple[int, int]]:
    """(position, year) of every date line in ``text``: a line that is a date ("June 17, 2022",
    "Saturday, June 18, 2022 - 3:45am") or opens with a dateline ("HANOI, June 14, 2022 – ...").
    A press release page or a newsroom list dates the acts below each such line."""
    got = _LAST_DATES.get(text)
    if got is not None:  # the pipeline and the field step ask about the same document in turn
        return list(got)
    if not _ANY_YEAR.search(text):
        return []
    out = []
    for m in _datelines(text):
        found = _iso_of(m)
        try:
            day = _dt.date.fromisoformat(found)
        except ValueError:
            continue  # "31 February 2022": not a date, dates nothing
        out.append((m.start(), day.year))
    _LAST_DATES.clear()
    _LAST_DATES[text] = out
    return list(out)


# a calendar date written in full, day or month first ("12 October 2018", "6-8 March 2008", "(6th February,
# 2013 )", "Dec. 18, 2013"): in a document's first lines, the date of what it reports
_FULL_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?"
    + _MONTH.format("m1")
    + r",?\s+(?P<y1>(?:19|20)\d\d)|"
    + _MONTH.format("m2")
    + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))\b"
)


#: a line that is only a date written in figures, day and month in either order or ISO, perhaps with a
#: time ("01/10/2011 14:09", "2019-03-05"): a page's date stamp under its title
_NUMERIC_DATE_LINE = re.compile(
    r"(?m)^[ \t]*(?:(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y1>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)-(?P<mo>\d{2})-(?P<d>\d{2}))"
    r"(?:[ \t,T]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?)?[ \t]*$"
)


def _numeric_year(m: re.Match[str]) -> int | None:
    """The year of a :data:`_NUMERIC_DATE_LINE` match when its day and month make a date in either order
    (a year is the same whichever of "01/10/2011" is the day), else None."""
    from softpower.records.models import MIN_YEAR, max_year

    if m.group("y1"):
        year, pairs = (
            int(m.group("y1")),
            [(int(m.group("b")), int(m.group("a"))), (int(m.group("a")), int(m.group("b")))],
        )
    else:
        year, pairs = int(m.group("y2")), [(int(m.group("mo")), int(m.group("d")))]
    for month, day in pairs:
        try:
            _dt.date(year, month, day)
        except ValueError:
            continue
        return year if MIN_YEAR <= year <= max_year() else None
    return None


def head_year(text: str, sentences: list[tuple[int, int]], within: int = 400) -> int | None:
    """The year of the first full calendar date in the first ``within`` characters of ``text``, for a
    document with no dateline: a page's date under its title ("Media release 12 October 2018"), a
    speech's "on Wednesday (6th February, 2013 )", a photo caption opening a news item ("..., Dec. 18,
    2013."), or the dates of the visit the document reports ("From 6-8 March 2008 Prime Minister ...
    visited ..."). The date's line must hold at most one of ``sentences`` (the text's sentence spans):
    a date opening a paragraph of several sentences ("On 20 June 2012, China Eximbank and ... signed
    a financing agreement ... It comprises ...", as a project description opens) dates its own act,
    not the document. None when no such date is there."""
    m = _FULL_DATE.search(text, 0, min(len(text), within))
    numeric = _NUMERIC_DATE_LINE.search(text, 0, min(len(text), within))
    if numeric is not None and (m is None or numeric.start() < m.start()):
        return _numeric_year(numeric)
    if m is None:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if sum(1 for a, b in sentences if a < line_end and line_start < b and text[a:b].strip()) > 1:
        return None
    from softpower.records.models import MIN_YEAR, max_year

    try:  # "31 February 2022" is no date and dates nothing
        year = _dt.date.fromisoformat(_written_iso(m)).year
    except ValueError:
        return None
    return year if MIN_YEAR <= year <= max_year() else None


#: the last document :func:`section_dates` read and what it found (a one-entry memo)
_LAST_DATES: dict[str, list[tuple[int, int]]] = {}
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")


def iter_inputs(paths: list[Path]) -> list[Path]:
    """Expand folders to the readable files in them (sorted); files pass through."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out
