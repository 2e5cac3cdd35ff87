"""The review page and review-decision files.

``softpower extract ... --review review.html`` writes a self-contained page (offline, all
document text HTML-escaped) listing every record beside its sentence with the span highlighted.
On that page an analyst accepts, rejects or corrects each record and saves the decisions as a
**review-decision file**, JSON Lines, one decision a line (format ``softpower-review/1``)::

    {"format": "softpower-review/1",
     "key": "3f1c0d6a9e5b2c47a810",          # record_key(record)
     "decision": "correct",                   # accept | reject | correct
     "record": {...},                         # the record as extracted (exchange format, with quote)
     "corrected": {"instrument": "oda_loan"}, # changed fields only; {} unless decision is correct
     "reviewer": "A. Analyst",
     "time": "2026-12-05T08:10:00Z"}          # ISO 8601

``softpower ledger import FILE`` recognises such a file (its first line names the format) and
imports the accepted records and the corrected ones (with the corrections applied) in one
transaction; rejected records are not imported. A later line about the same key replaces an
earlier one. Bad input raises :class:`~softpower.errors.InputError` naming file, line and field.

:func:`training_pairs` turns decision files into ``(sentence, labels)`` pairs for training.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from softpower.errors import InputError
from softpower.records.models import RECORD_KEYS, parse_record

if TYPE_CHECKING:
    from softpower.extract.pipeline import ExtractResult

FORMAT = "softpower-review/1"
DECISIONS = ("accept", "reject", "correct")
#: Fields an analyst may correct (every fact field of the exchange format).
EDITABLE = (
    *("kind", "actor", "partners", "instrument", "metric", "unit", "measure", "year", "year_end"),
    *("amount", "currency", "value", "name", "ppp", "equal_footing"),
)
#: Label fields returned by :func:`training_pairs`.
LABELS = EDITABLE
_KEY_FIELDS = (
    "doc",
    "kind",
    "span",
    "actor",
    "partners",
    "instrument",
    "metric",
    "measure",
    "year",
    "amount",
    "value",
)
_CONTEXT = 160
_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.35rem;vertical-align:top;font-size:.9rem}
th{background:#f4f4f4;text-align:left}mark{background:#ffe27a;padding:0 .1rem}
.ctx{color:#555;white-space:pre-wrap}.k-engagement{color:#0b5394}.k-indicator{color:#38761d}.k-perception{color:#990000}
.err{color:#b00020}.bar{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ccc}
.fix{display:none;margin-top:.4rem}.fix label{display:block;font-size:.8rem}.fix input{width:11rem}
tr.correct .fix{display:block}tr.accept{background:#eef8ee}tr.reject{background:#fbeeee}tr.correct{background:#fff8e6}
#status{margin-left:1rem;font-weight:600}
"""

_SCRIPT = """
(function () {
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const byKey = new Map(data.map(d => [d.key, d.record]));
  const nums = new Set(['amount', 'value']), ints = new Set(['year', 'year_end']);
  const flags = new Set(['ppp', 'equal_footing']);
  const status = document.getElementById('status');
  function choose(row, decision) {
    row.classList.remove('accept', 'reject', 'correct');
    row.classList.add(decision);
    row.dataset.decision = decision;
    count();
  }
  function count() {
    const n = document.querySelectorAll('tr[data-decision]').length;
    status.textContent = n + ' of ' + data.length + ' records decided';
  }
  function parse(field, input) {
    if (flags.has(field)) return input.checked;
    const raw = input.value.trim();
    if (raw === '') return null;
    if (field === 'partners') return raw.split(/[\\s,;]+/).filter(Boolean).map(s => s.toUpperCase());
    if (ints.has(field)) { const v = Number(raw); return Number.isInteger(v) ? v : raw; }
    if (nums.has(field)) { const v = Number(raw); return Number.isFinite(v) ? v : raw; }
    if (field === 'actor' || field === 'currency') return raw.toUpperCase();
    return raw;
  }
  function same(a, b) { return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b); }
  document.querySelectorAll('button[data-decision]').forEach(btn => {
    btn.addEventListener('click', () => choose(btn.closest('tr'), btn.dataset.decision));
  });
  document.getElementById('save').addEventListener('click', () => {
    const reviewer = document.getElementById('reviewer').value.trim();
    if (!reviewer) { status.textContent = 'Enter your name as reviewer before saving.'; return; }
    const time = new Date().toISOString().replace(/\\.\\d{3}Z$/, 'Z');
    const lines = [];
    for (const row of document.querySelectorAll('tr[data-decision]')) {
      const key = row.dataset.key, record = byKey.get(key), decision = row.dataset.decision;
      const corrected = {};
      if (decision === 'correct') {
        row.querySelectorAll('[data-field]').forEach(input => {
          const f = input.dataset.field, v = parse(f, input);
          if (!same(v, record[f])) corrected[f] = v;
        });
        if (Object.keys(corrected).length === 0) {
          status.textContent = 'Record ' + row.dataset.n + ': "correct" chosen but no field was changed.';
          return;
        }
      }
      lines.push(JSON.stringify({format: '%FORMAT%', key, decision, record, corrected, reviewer, time}));
    }
    if (!lines.length) { status.textContent = 'No record decided yet.'; return; }
    const blob = new Blob([lines.join('\\n') + '\\n'], {type: 'application/x-ndjson'});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'review.decisions.jsonl';
    document.body.appendChild(a);
    a.click();
    a.remove();
    status.textContent = 'Saved ' + lines.length + ' decisions to review.decisions.jsonl';
  });
  count();
})();
""".replace("%FORMAT%", FORMAT)


# -- keys -------------------------------------------------------------------------------------
def _canon(field: str, value: Any) -> Any:
    if value is None:
        return None
    if field in ("amount", "value"):
        return repr(float(value))
    if field in ("year", "span"):
        return [int(v) for v in value] if field == "span" else int(value)
    if field == "partners":
        return sorted(str(p) for p in value)
    return value


def record_key(rec: dict[str, Any]) -> str:
    """A stable id of a record: SHA-256 (20 hex digits) of its citation and identifying fields.

    Numbers are canonicalised (``3700000000`` and ``3700000000.0`` give the same key), so the
    key survives a round trip through JavaScript or another JSON writer.
    """
    try:
        ident = {f: _canon(f, rec.get(f)) for f in _KEY_FIELDS}
    except (TypeError, ValueError):
        ident = {f: repr(rec.get(f)) for f in _KEY_FIELDS}
    blob = json.dumps(ident, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]


# -- the page ---------------------------------------------------------------------------------
def _fields(rec: dict[str, Any]) -> str:
    parts = []
    for k in (*EDITABLE, "confidence"):
        v = rec.get(k)
        if v is None or v is False or v == []:
            continue
        if isinstance(v, list):
            v = ", ".join(v)
        parts.append(f"<b>{html.escape(k)}</b> {html.escape(str(v))}")
    return "<br>".join(parts)


def _inputs(rec: dict[str, Any]) -> str:
    out = []
    for k in EDITABLE:
        v = rec.get(k)
        name = html.escape(k)
        if k in ("ppp", "equal_footing"):
            checked = " checked" if v else ""
            out.append(f"<label><input type='checkbox' data-field='{name}'{checked}> {name}</label>")
            continue
        if isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        val = "" if v is None else html.escape(str(v), quote=True)
        out.append(f"<label>{name} <input data-field='{name}' value=\"{val}\"></label>")
    return "".join(out)


def _context(text: str, span: list[int]) -> str:
    a, b = span
    lo, hi = max(0, a - _CONTEXT), min(len(text), b + _CONTEXT)
    return (
        ("…" if lo > 0 else "")
        + html.escape(text[lo:a])
        + "<mark>"
        + html.escape(text[a:b])
        + "</mark>"
        + html.escape(text[b:hi])
        + ("…" if hi < len(text) else "")
    )


def _json_for_script(obj: Any) -> str:
    """JSON safe inside a ``<script type="application/json">`` element (no ``<``, ``>``, ``&``)."""
    return (
        json.dumps(obj, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_review(results: Iterable[ExtractResult]) -> str:
    """The review page as one HTML string (decisions are saved by the page as a JSONL download)."""
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>softpower extract: review</title><style>",
        _STYLE,
        "</style></head><body><h1>Extracted records for review</h1>",
        "<div class='bar'><label>Reviewer <input id='reviewer' autocomplete='name'></label> "
        "<button id='save' type='button'>Save decisions</button><span id='status' role='status'></span>"
        "<br><small>Accept, reject or correct each record; <i>Save decisions</i> downloads "
        "<code>review.decisions.jsonl</code> for <code>softpower ledger import</code>.</small></div>",
    ]
    data: list[dict[str, Any]] = []
    n = 0
    for res in results:
        out.append(f"<h2>{html.escape(res.doc)}</h2>")
        if res.error:
            out.append(f"<p class='err'>{html.escape(res.error)}</p>")
            continue
        if not res.records:
            out.append("<p>No records found.</p>")
            continue
        text = res.text or ""
        out.append(
            "<table><tr><th>#</th><th>kind</th><th>record</th><th>sentence (span highlighted)</th>"
            "<th>decision</th></tr>"
        )
        for rec in res.records:
            n += 1
            record = {k: rec.get(k) for k in RECORD_KEYS}
            a, b = rec["span"]
            record["quote"] = rec.get("quote") or text[a:b]
            key = record_key(record)
            data.append({"key": key, "record": record})
            kind = html.escape(rec["kind"])
            out.append(
                f"<tr data-key='{key}' data-n='{n}'><td>{n}</td><td class='k-{kind}'>{kind}</td>"
                f"<td>{_fields(rec)}</td><td class='ctx'>{_context(text, rec['span'])}</td>"
                "<td><button type='button' data-decision='accept'>Accept</button> "
                "<button type='button' data-decision='reject'>Reject</button> "
                "<button type='button' data-decision='correct'>Correct</button>"
                f"<div class='fix'>{_inputs(rec)}</div></td></tr>"
            )
        out.append("</table>")
    out.append(f"<script type='application/json' id='review-data'>{_json_for_script(data)}</script>")
    out.append(f"<script type='text/javascript'>{_SCRIPT}</script>")
    out.append("</body></html>")
    return "\n".join(out)


# -- decision files ---------------------------------------------------------------------------
def is_decision_file(path: Path) -> bool:
    """True when the first non-blank line of ``path`` is a JSON object of format ``softpower-review/...``."""
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    obj = json.loads(raw.removeprefix(b"\xef\xbb\xbf"))
                    return isinstance(obj, dict) and str(obj.get("format", "")).startswith(
                        "softpower-review/"
                    )
    except (OSError, ValueError):
        return False
    return False


def _validated(path: str, n: int, where: str, rec: dict[str, Any]) -> dict[str, Any]:
    try:
        model = parse_record({k: rec.get(k) for k in RECORD_KEYS if k != "quote"})
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = [str(x) for x in err["loc"] if str(x) not in ("engagement", "indicator", "perception")]
        field = ".".join([where, *loc]) if loc else where
        raise InputError(path, n, field, str(err["msg"]).removeprefix("Value error, ")) from None
    del model
    return rec


def read_decisions(path: Path) -> list[dict[str, Any]]:
    """Every decision of a review-decision file, validated, with its ``line`` number.

    Raises
    ------
    InputError
        At the first bad line: not JSON, a missing or wrong field, a key that does not match its
        record, a correction that makes the record invalid (the field is named, e.g.
        ``corrected.instrument``).
    """
    name = str(path)
    if not path.is_file():
        raise InputError(name, None, None, "no such file")
    with path.open("rb") as fh:
        return [_decision(name, n, obj) for n, obj in _json_objects(name, fh, "one decision object a line")]


def _json_objects(name: str, lines: Iterable[bytes], expected: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-blank JSON Lines line (an Excel BOM on line 1 is
    dropped); a line that is not a JSON object is refused naming ``name`` and the line."""
    for n, raw in enumerate(lines, start=1):
        if n == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(name, n, None, f"not valid JSON ({exc})", expected) from None
        if not isinstance(obj, dict):
            raise InputError(name, n, None, "not a JSON object", expected)
        yield n, obj


def _decision(name: str, n: int, obj: dict[str, Any]) -> dict[str, Any]:
    if obj.get("format") != FORMAT:
        raise InputError(name, n, "format", f"is {obj.get('format')!r}", repr(FORMAT))
    decision = obj.get("decision")
    if decision not in DECISIONS:
        raise InputError(name, n, "decision", f"is {decision!r}", " | ".join(DECISIONS))
    record = obj.get("record")
    if not isinstance(record, dict):
        raise InputError(name, n, "record", "missing or not an object", "the record as extracted")
    _validated(name, n, "record", record)
    key = obj.get("key")
    if not isinstance(key, str) or key != record_key(record):
        raise InputError(name, n, "key", f"{key!r} does not match its record", record_key(record))
    corrected = obj.get("corrected") or {}
    if not isinstance(corrected, dict):
        raise InputError(name, n, "corrected", "not an object", "an object of changed fields")
    unknown = sorted(set(corrected) - set(EDITABLE))
    if unknown:
        raise InputError(
            name, n, f"corrected.{unknown[0]}", "is not a field that can be corrected", ", ".join(EDITABLE)
        )
    if decision == "correct" and not corrected:
        raise InputError(name, n, "corrected", "empty for a 'correct' decision", "the changed fields")
    if decision != "correct" and corrected:
        raise InputError(
            name, n, "corrected", f"given for a '{decision}' decision", "{} (only 'correct' changes fields)"
        )
    final = {**{k: record.get(k) for k in RECORD_KEYS}, **corrected}
    _validated(name, n, "corrected", final)
    reviewer = obj.get("reviewer")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise InputError(name, n, "reviewer", "missing or empty", "the reviewer's name")
    when = obj.get("time")
    try:
        _dt.datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            name, n, "time", f"{when!r} is not a date-time", "ISO 8601, e.g. 2026-12-05T08:10:00Z"
        ) from None
    return {
        "line": n,
        "key": key,
        "decision": decision,
        "record": record,
        "corrected": corrected,
        "final": final,
        "reviewer": reviewer,
        "time": when,
    }


def _latest(paths: Iterable[Path]) -> dict[str, dict[str, Any]]:
    latest: dict[str, dict[str, Any]] = {}
    for p in paths:
        for d in read_decisions(Path(p)):
            latest.pop(d["key"], None)
            latest[d["key"]] = d
    return latest


def decided_records(path: Path) -> tuple[list[Mapping[str, Any]], int]:
    """The records to import from a decision file and the number rejected.

    Accepted records as extracted, corrected ones with the corrections applied (exchange
    format with ``line`` = the decision's line), in file order; for a key decided more than
    once the last decision counts.
    """
    latest = _latest([path])
    keep = [d for d in latest.values() if d["decision"] != "reject"]
    keep.sort(key=lambda d: d["line"])
    rejected = sum(1 for d in latest.values() if d["decision"] == "reject")
    return [{**d["final"], "line": d["line"]} for d in keep], rejected


def training_pairs(paths: Iterable[Path], negatives: bool = False) -> list[tuple[str, dict[str, Any] | None]]:
    """``(sentence, labels)`` pairs from review-decision files, for training the extractor.

    ``sentence`` is the record's quote (its span in the document); ``labels`` holds the
    :data:`LABELS` fields after corrections (accepted records as extracted). Rejected records
    give ``(sentence, None)`` only when ``negatives`` is true: the sentence does not state that
    record. For a key decided more than once, the last decision counts.
    """
    out: list[tuple[str, dict[str, Any] | None]] = []
    for d in _latest(paths).values():
        quote = d["record"].get("quote")
        if not isinstance(quote, str) or not quote:
            continue
        if d["decision"] == "reject":
            if negatives:
                out.append((quote, None))
            continue
        out.append((quote, {k: d["final"].get(k) for k in LABELS}))
    return out


# -- the dashboard's review page (softpower.web.review) ----------------------------------------
#: The page script, shared by the static page and the dashboard's review page.
SCRIPT = _SCRIPT
#: Most records one dashboard review page shows.
MAX_REVIEW_RECORDS = 5000


def records_from_jsonl(name: str, data: bytes) -> list[dict[str, Any]]:
    """Records of an extraction output (``softpower extract --output``), validated line by line.

    Raises
    ------
    InputError
        Naming ``name``, the line and the field of the first bad record.
    """
    out: list[dict[str, Any]] = []
    for n, obj in _json_objects(name, data.splitlines(), "one record a line"):
        if not isinstance(obj.get("quote"), str) or not isinstance(obj.get("span"), list):
            raise InputError(name, n, "quote", "missing", "the output of softpower extract (span and quote)")
        _validated(name, n, "record", obj)
        out.append(obj)
        if len(out) > MAX_REVIEW_RECORDS:
            raise InputError(name, n, None, f"more than {MAX_REVIEW_RECORDS} records", "a smaller file")
    if not out:
        raise InputError(name, None, None, "no records", "the output of softpower extract")
    return out


def review_rows(records: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """Rows for a review template (values unescaped: the template escapes) and the page data.

    Each row: ``key``, ``n``, ``doc``, ``kind``, ``fields`` [(name, shown value)], ``quote``,
    ``confidence`` and ``inputs`` [(field, value, is_flag)]. The data is JSON safe to place in a
    ``<script type="application/json" id="review-data">`` element.
    """
    rows: list[dict[str, Any]] = []
    data: list[dict[str, Any]] = []
    for n, rec in enumerate(records, start=1):
        record = {k: rec.get(k) for k in RECORD_KEYS}
        key = record_key(record)
        data.append({"key": key, "record": record})
        fields, inputs = [], []
        for k in EDITABLE:
            v = rec.get(k)
            shown = ", ".join(str(x) for x in v) if isinstance(v, list) else v
            if v is not None and v is not False and v != []:
                fields.append((k, str(shown)))
            flag = k in ("ppp", "equal_footing")
            inputs.append((k, bool(v) if flag else ("" if shown is None else str(shown)), flag))
        rows.append(
            {
                "key": key,
                "n": n,
                "doc": str(rec.get("doc")),
                "kind": str(rec.get("kind")),
                "fields": fields,
                "quote": str(rec.get("quote") or ""),
                "confidence": rec.get("confidence"),
                "inputs": inputs,
            }
        )
    return rows, _json_for_script(data)
