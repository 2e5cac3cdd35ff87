"""The dashboard: FastAPI with server-rendered Jinja2 pages over the softpower library.

The dashboard imports the library (ledger, report tables, index, scenarios), never the
reverse. Every page is rendered on the server with autoescaped templates; the only
JavaScript is plotly.js (served from the installed plotly package) and a small
script that draws figures, polls scenario jobs and re-submits forms.
"""

from __future__ import annotations

import hmac
import io
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

import pandas as pd
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from softpower.errors import SoftpowerError
from softpower.records import vocab
from softpower.report import analysis, data, figures, render
from softpower.report.data import neutralise_formulas
from softpower.web import pages, review
from softpower.web.state import JobsBusy, Store

log = logging.getLogger("softpower.web")
PAGE_SIZE = 100
MAX_RUNS = 5000
#: Largest request body accepted (a record file upload), in bytes; larger bodies get 413.
MAX_UPLOAD = 32 * 1024 * 1024
#: Largest scenario file accepted as an upload, in bytes.
MAX_SCENARIO_UPLOAD = 64 * 1024


class _TooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413, by their
    Content-Length or, when that is absent (chunked), by counting the body as it streams in."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app, self.limit = app, limit

    async def _refuse(self, send: Any) -> None:
        body = f'{{"error": "request too large (the limit is {self.limit} bytes)"}}'.encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"connection", b"close")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send)
            return
        seen, started = 0, False

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        async def watched(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await self._refuse(send)


def _loopback(host: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve_guards(
    host: str, extra_hosts: Sequence[str], allow_write: bool, token: str | None
) -> tuple[list[str], str | None]:
    """Host names the server answers to and the write token, for a bind on ``host``.

    The Host check holds on every bind: loopback names, the bound address (unless it is a
    wildcard such as 0.0.0.0) and ``extra_hosts``. ``--allow-write`` off loopback needs a
    token: ``token`` if given (at least 16 characters), else a random one.
    """
    import secrets

    hosts = ["127.0.0.1", "localhost", "[::1]"]
    if host not in ("0.0.0.0", "::", "") and host not in hosts:
        hosts.append(f"[{host}]" if ":" in host else host)
    hosts += [h for h in extra_hosts if h not in hosts]
    if token is not None and len(token) < 16:
        raise SoftpowerError("--token: too short (expected at least 16 characters)")
    if allow_write and not _loopback(host):
        return hosts, token or secrets.token_urlsafe(24)
    return hosts, token


def _int(value: str | None) -> int | None:
    if value is None or value.strip() == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise SoftpowerError(f"'{value}' is not a whole number (expected a year such as 2015)") from None


def filters_from(request: Request) -> data.Filters:
    q = request.query_params
    return data.Filters(
        donor=q.get("donor") or None,
        partner=q.get("partner") or None,
        instrument=q.get("instrument") or None,
        year_from=_int(q.get("year_from")),
        year_to=_int(q.get("year_to")),
    )


def _csv(frame: pd.DataFrame, name: str) -> Response:
    buf = io.StringIO()
    neutralise_formulas(frame).to_csv(buf, index=False)
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _figs(figs: dict[str, Any]) -> dict[str, Any]:
    return {
        "figures": {k: render.figure_dict(f) for k, f in figs.items()},
        "configs": {k: figures.plot_config(f"softpower-{k}") for k in figs},
    }


def create_app(
    ledger_path: str | Path,
    *,
    allow_write: bool = False,
    seed: int = 0,
    mc: int = 100,
    runs: int = 100,
    allowed_hosts: Sequence[str] | None = None,
    write_token: str | None = None,
    max_upload: int = MAX_UPLOAD,
    max_jobs: int = 2,
) -> FastAPI:
    """The dashboard application over the ledger at ``ledger_path``.

    Parameters
    ----------
    ledger_path
        An existing ledger file (a missing one raises :class:`~softpower.errors.LedgerError`).
    allow_write
        Open the ledger writable and offer a record import page; read-only otherwise.
    seed, mc, runs
        Seed, index Monte-Carlo draws and scenario runs used by the dashboard.
    allowed_hosts
        Host names the server answers to (``softpower serve`` on a loopback address allows
        ``127.0.0.1`` and ``localhost`` only, which defeats DNS rebinding); ``None`` allows any.
        Form posts from another origin (cross-site requests) are always refused.
    write_token
        When set, an import must carry it (form field ``token`` or header ``X-Softpower-Token``);
        ``softpower serve`` requires one for ``--allow-write`` off loopback.
    max_upload
        Largest request body in bytes (uploads are streamed to a temporary file; larger gets 413).
    max_jobs
        Scenario runs at once; another start gets 429 until one finishes.

    Returns
    -------
    fastapi.FastAPI
        Serve it with uvicorn (``softpower serve`` binds 127.0.0.1 by default).
    """
    store = Store(Path(ledger_path), allow_write=allow_write, seed=seed, mc=mc, runs=runs, max_jobs=max_jobs)
    env = render.environment("softpower.web")

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="softpower dashboard", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.store = store
    app.add_middleware(BodyLimit, limit=max_upload)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def same_origin_posts(request: Request, call_next: Any) -> Response:
        origin = request.headers.get("origin")
        if request.method not in ("GET", "HEAD") and (
            (origin and urlparse(origin).netloc != request.headers.get("host"))
            or request.headers.get("sec-fetch-site") == "cross-site"
        ):
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        response: Response = await call_next(request)
        return response

    def page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        n = store.n_records()
        html = env.get_template(template).render(
            request_path=request.url.path,
            ledger=store.path.name,  # the file name only: pages never show server paths
            allow_write=store.allow_write,
            token_required=write_token is not None,
            empty=n == 0,
            n_records=n,
            **ctx,
        )
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, message: str, status: int) -> HTMLResponse:
        html = env.get_template("error.html").render(
            request_path=request.url.path,
            ledger=store.path.name,  # the file name only: pages never show server paths
            allow_write=store.allow_write,
            empty=False,
            n_records=0,
            message=message,
            status=status,
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(SoftpowerError)
    async def _user_error(request: Request, exc: SoftpowerError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=400)
        return error_page(request, str(exc), 400)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        msg = "page not found" if exc.status_code == 404 else str(exc.detail)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": msg}, status_code=exc.status_code)
        return error_page(request, msg, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        msg = f"bad request: {where}: {first.get('msg', 'invalid value')}"
        return error_page(request, msg, 400)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:  # never a trace in the browser
        log.exception("internal error on %s", request.url.path)
        return error_page(request, "internal error: the server log has the details", 500)

    def options(records: pd.DataFrame) -> dict[str, list[str]]:
        eng = records[records["kind"] == "engagement"]
        partners = sorted(
            {p for ps in records["partners"] for p in ps}
            | {p for ps in records["partner_states"] for p in ps}
        )
        return {
            "donors": sorted(records["actor"].unique()),
            "partners": partners,
            "instruments": sorted(set(eng["instrument"].dropna()) | set(vocab.instruments())),
        }

    @app.get("/", response_class=HTMLResponse)
    def overview(request: Request) -> HTMLResponse:
        records = store.records()
        flt = filters_from(request)
        sel = flt.apply(records) if len(records) else records

        def build() -> dict[str, Any]:
            figs: dict[str, Any] = {}
            if len(sel):
                eng = sel[sel["kind"] == "engagement"]
                figs["time"] = figures.engagement_over_time(
                    data.engagement_by_year(sel), int(eng["year"].isna().sum())
                )
                figs["network"] = figures.network(data.network_edges(sel))
            return _figs(figs)

        return page(
            request,
            "overview.html",
            filters=flt,
            opts=options(records) if len(records) else {},
            n_selected=len(sel),
            facts=data.facts_count(sel) if len(sel) else 0,
            by_kind=sel["kind"].value_counts().to_dict() if len(sel) else {},
            query=request.url.query,
            payload=pages.cached_figures(store, ("overview", flt), build),
        )

    @app.get("/scenarios", response_class=HTMLResponse)
    def scenarios_page(request: Request) -> HTMLResponse:
        return page(
            request,
            "scenarios.html",
            scenarios=analysis.list_scenario_names(),
            runs=store.runs,
            seed=store.seed,
            jobs=[j.as_dict() for j in store.jobs.values()],
        )

    @app.post("/api/scenarios")
    async def start_scenario(request: Request) -> JSONResponse:
        form = await request.form(max_files=1, max_fields=20)
        upload = form.get("scenario_upload")
        content: bytes | None = None
        if isinstance(upload, UploadFile) and upload.filename:
            content = await upload.read(MAX_SCENARIO_UPLOAD + 1)
            if len(content) > MAX_SCENARIO_UPLOAD:
                raise SoftpowerError(
                    f"scenario file too large (the limit is {MAX_SCENARIO_UPLOAD // 1024} KB)"
                )
            name = Path(upload.filename).name
        else:
            # a name from the bundled list only: no request parameter ever names a server path
            name = str(form.get("scenario") or "").strip()
            known = [n for n, _ in analysis.list_scenario_names()]
            if name not in known:
                raise SoftpowerError(f"unknown scenario {name[:60]!r} (expected one of {', '.join(known)})")
        given = _int(str(form.get("runs") or ""))
        runs = store.runs if given is None else given
        seed = _int(str(form.get("seed") or ""))
        if not 1 <= runs <= MAX_RUNS:
            raise SoftpowerError(f"runs: {runs} is out of range (expected 1..{MAX_RUNS})")
        try:
            job = store.start_job(name, runs, store.seed if seed is None else seed, content=content)
        except JobsBusy as exc:
            return JSONResponse({"error": str(exc)}, status_code=429, headers={"Retry-After": "10"})
        return JSONResponse(job.as_dict(), status_code=202)

    def _job(job_id: str) -> Any:
        job = store.jobs.get(job_id)
        if job is None:
            raise StarletteHTTPException(404)
        return job

    @app.get("/api/jobs/{job_id}")
    def job_status(job_id: str) -> JSONResponse:
        return JSONResponse(_job(job_id).as_dict())

    @app.get("/download/scenario/{job_id}.csv")
    def job_csv(job_id: str) -> Response:
        job = _job(job_id)
        if job.state != "done" or job.result is None:
            raise SoftpowerError(f"job {job_id} is {job.state}, not done")
        return _csv(job.result.table(), f"scenario-{job.result.name}.csv")

    def _record_rows(request: Request) -> tuple[pd.DataFrame, str | None]:
        records = store.records()
        key = request.query_params.get("key")
        if key:
            label = data.describe_key(key)
            try:
                wanted = set(data.records_for_key(records, key)) if label != key else None
            except (ValueError, TypeError, KeyError, IndexError):
                wanted = None
            if wanted is None:  # not a key any figure makes
                raise StarletteHTTPException(404)
            return records[records["record_id"].isin(wanted)], label
        return filters_from(request).apply(records) if len(records) else records, None

    @app.get("/records", response_class=HTMLResponse)
    def records_page(request: Request) -> HTMLResponse:
        sel, label = _record_rows(request)
        page_no = max(1, _int(request.query_params.get("page")) or 1)
        chunk = sel.iloc[(page_no - 1) * PAGE_SIZE : page_no * PAGE_SIZE]
        prov = data.provenance_table(chunk, store.texts()) if len(chunk) else pd.DataFrame()
        q = dict(request.query_params)
        q.pop("page", None)
        return page(
            request,
            "records.html",
            rows=[{k: render.clean(v) for k, v in r.items()} for r in prov.to_dict("records")],
            total=len(sel),
            page=page_no,
            pages=max(1, -(-len(sel) // PAGE_SIZE)),
            label=label,
            filters=filters_from(request),
            opts=options(store.records()) if store.n_records() else {},
            base_query=urlencode(q),
            start=(page_no - 1) * PAGE_SIZE,
        )

    @app.get("/download/records.csv")
    def records_csv(request: Request) -> Response:
        sel, _ = _record_rows(request)
        prov = data.provenance_table(sel, store.texts()) if len(sel) else pd.DataFrame(columns=["record_id"])
        return _csv(prov, "records.csv")

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        doc = store.document(doc_id)
        if doc is None:
            raise StarletteHTTPException(404)
        records = store.records()
        recs = records[records["doc"] == doc_id]
        text = store.texts().get(doc_id)
        spans = [
            (int(a), int(b), i + 1)
            for i, (a, b) in enumerate(zip(recs["span_start"], recs["span_end"], strict=True))
            if not pd.isna(a) and not pd.isna(b)
        ]
        return page(
            request,
            "document.html",
            doc=doc,
            pieces=_pieces(text, spans) if text else None,
            rows=[
                {k: render.clean(v) for k, v in r.items()}
                for r in data.provenance_table(recs, {}).to_dict("records")
            ],
        )

    @app.get("/import", response_class=HTMLResponse)
    def import_page(request: Request) -> HTMLResponse:
        return page(request, "import.html", message=None, outcome=None)

    @app.post("/import", response_class=HTMLResponse)
    async def import_post(request: Request) -> HTMLResponse:
        if not store.allow_write:
            return page(request, "import.html", 403, message=None, outcome="read-only")
        form = await request.form(max_files=1, max_fields=20)
        if write_token is not None:
            given = str(form.get("token") or request.headers.get("x-softpower-token") or "")
            if not hmac.compare_digest(given.encode(), write_token.encode()):
                return page(request, "import.html", 403, message=None, outcome="token")
        upload = form.get("file")
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise SoftpowerError("choose a record file to import (.jsonl, .csv or .parquet)")
        # the upload is already spooled to a temporary file; the import runs off the event loop
        message = await run_in_threadpool(store.import_upload, upload.filename, upload.file)
        return page(request, "import.html", message=message, outcome="ok")

    @app.get("/static/plotly.min.js")
    def plotly_bundle() -> Response:
        return Response(
            render.plotly_js(), media_type="text/javascript", headers={"Cache-Control": "max-age=86400"}
        )

    @app.get("/static/{name}")
    def static(name: str) -> Response:
        from importlib import resources

        types = {".js": "text/javascript", ".css": "text/css"}
        suffix = Path(name).suffix
        res = resources.files("softpower.web").joinpath("static").joinpath(name)
        if "/" in name or suffix not in types or not res.is_file():
            raise StarletteHTTPException(404)
        return Response(res.read_text(encoding="utf-8"), media_type=types[suffix])

    app.include_router(pages.router)
    app.include_router(review.router)  # the review page (softpower.web.review)
    return app


def _pieces(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[str, int | None]]:
    """Split ``text`` into (piece, record number or None) so that cited spans can be marked."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for a, b, n in sorted(spans):
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        out.append((text[pos:a], None))
        out.append((text[a:b], n))
        pos = b
    out.append((text[pos:], None))
    return out
