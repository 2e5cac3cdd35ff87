"""The dashboard's review page: accept, reject or correct extracted records, save the decisions.

``GET /review`` offers an upload of an extraction output (``softpower extract --output
pred.jsonl``); ``POST /review`` shows every record with its sentence and Accept / Reject /
Correct buttons, and **Save decisions** downloads ``review.decisions.jsonl`` (format
``softpower-review/1``, :mod:`softpower.extract.review`). Nothing is written on the server: the
decisions file is imported with ``softpower ledger import`` or on the Import page. Works on a
read-only dashboard; all document text is escaped by the template.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import UploadFile

from softpower.errors import SoftpowerError
from softpower.extract.review import FORMAT, SCRIPT, records_from_jsonl, review_rows
from softpower.web.pages import render_page

router = APIRouter()


@router.get("/review", response_class=HTMLResponse)
def review_form(request: Request) -> HTMLResponse:
    return render_page(request, "review.html", rows=None, data="[]", script=SCRIPT, fmt=FORMAT, source=None)


@router.post("/review", response_class=HTMLResponse)
async def review_upload(request: Request) -> HTMLResponse:
    form = await request.form(max_files=1, max_fields=5)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise SoftpowerError("choose the output of softpower extract (.jsonl) to review")
    name = upload.filename.rsplit("/", 1)[-1][:120]
    rows, data = review_rows(records_from_jsonl(name, await upload.read()))
    return render_page(request, "review.html", rows=rows, data=data, script=SCRIPT, fmt=FORMAT, source=name)
