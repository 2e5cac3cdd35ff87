"""Dashboard pages beyond the first version: glossary, index with a partner filter, partner page, search.

Routes live on :data:`router` (a FastAPI ``APIRouter``) and reach the app's
:class:`~softpower.web.state.Store` through ``request.app.state.store``; ``create_app``
includes the router. Every page shows names and keeps codes in ``title`` attributes and
in the CSV and Excel downloads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import Any
from urllib.parse import urlencode

import jinja2
import pandas as pd
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from softpower.errors import SoftpowerError
from softpower.report import analysis, figures, glossary, names, render
from softpower.web.state import Store

router = APIRouter()
#: Rows a dashboard table shows at once (the pager moves through the rest).
PAGE_SIZE = 100


@cache
def _env() -> jinja2.Environment:
    return render.environment("softpower.web")


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def render_page(request: Request, template: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """Render ``template`` with the context every dashboard page has (ledger, nav state)."""
    store = store_of(request)
    n = store.n_records()
    html = (
        _env()
        .get_template(template)
        .render(
            request_path=request.url.path,
            ledger=str(store.path),
            allow_write=store.allow_write,
            empty=n == 0,
            n_records=n,
            **ctx,
        )
    )
    return HTMLResponse(html, status_code=status)


def int_param(request: Request, name: str) -> int | None:
    """An optional whole-number query parameter (one-line error otherwise)."""
    value = request.query_params.get(name)
    if value is None or value.strip() == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise SoftpowerError(f"{name}: '{value}' is not a whole number (expected e.g. 2015)") from None


def state_param(request: Request, name: str = "partner") -> str | None:
    """An optional country or group code parameter (upper case; unknown codes are an error)."""
    value = (request.query_params.get(name) or "").strip().upper()
    if not value:
        return None
    if value not in names.all_states():
        raise SoftpowerError(f"{name}: '{value}' is not a country or group code (expected e.g. VNM)")
    return value


def pager(request: Request, total: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    """Page number, page count, slice and the query string without ``page`` for a paged table."""
    pages = max(1, -(-total // size))
    page = min(max(1, int_param(request, "page") or 1), pages)
    q = {k: v for k, v in request.query_params.items() if k != "page"}
    return {
        "page": page,
        "pages": pages,
        "start": (page - 1) * size,
        "stop": page * size,
        "total": total,
        "base_query": urlencode(q),
    }


def partner_options(store: Store) -> list[tuple[str, str]]:
    """Every partner state or group in the ledger as ``(code, name)``, sorted by name."""
    records = store.records()
    if records.empty:
        return []
    codes = {p for ps in records["partners"] for p in ps} | {
        p for ps in records["partner_states"] for p in ps
    }
    return sorted(((c, names.state(c)) for c in codes), key=lambda cn: cn[1])


def figs_payload(figs: dict[str, Any]) -> dict[str, Any]:
    return {
        "figures": {k: render.figure_dict(f) for k, f in figs.items()},
        "configs": {k: figures.plot_config(f"softpower-{k}") for k in figs},
    }


_figs_lock = threading.Lock()
_figs_cache: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
#: Figure payloads kept (per page and options; the oldest are dropped first).
KEEP_FIGURES = 64


def cached_figures(store: Store, key: tuple[Any, ...], build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The figure payload of a page for ``key`` (its options), built once by ``build`` and kept until
    the ledger's records change (an import): drawing the figures of a big ledger takes seconds."""
    records = store.records()  # a new frame (and a new length) after an import
    full = (id(store), id(records), len(records), *key)
    with _figs_lock:
        hit = _figs_cache.get(full)
        if hit is not None:
            _figs_cache.move_to_end(full)
            return hit
    value = build()
    with _figs_lock:
        _figs_cache[full] = value
        while len(_figs_cache) > KEEP_FIGURES:
            _figs_cache.popitem(last=False)
    return value


def clean_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): render.clean(v) for k, v in r.items()} for r in frame.to_dict("records")]


@router.get("/glossary", response_class=HTMLResponse)
def glossary_page(request: Request) -> HTMLResponse:
    """Every term a figure uses, with examples (linked from every figure)."""
    return render_page(request, "glossary.html", sections=glossary.sections())


def _weights(request: Request, defaults: dict[str, float]) -> dict[str, float] | None:
    given = {k: request.query_params.get(f"w_{k}") for k in defaults}
    if all(v is None or v == "" for v in given.values()):
        return None
    out = {}
    for k, v in given.items():
        try:
            out[k] = float(v) if v not in (None, "") else 0.0
        except ValueError:
            raise SoftpowerError(f"weight {k}: '{v}' is not a number (expected a number >= 0)") from None
    return analysis.normalise_weights(out)


@router.get("/index", response_class=HTMLResponse)
def index_page(request: Request) -> HTMLResponse:
    """Index ranks of one year, filtered by partner, 100 rows a page; figures of that year."""
    store = store_of(request)
    defaults = analysis.default_weights()
    weights = _weights(request, defaults)
    res = store.index(weights) if store.n_records() else None
    dyads = res.dyads if res is not None else pd.DataFrame(columns=analysis.DYAD_COLUMNS)
    years = sorted(int(y) for y in dyads["year"].unique()) if len(dyads) else []
    year = int_param(request, "year")
    if year is None or (years and year not in years):
        year = years[-1] if years else None
    partner = state_param(request)
    table = dyads[dyads["year"] == year] if year is not None else dyads
    if partner:
        table = table[table["partner"] == partner]
    table = table.sort_values(["partner", "rank", "actor"])
    pg = pager(request, len(table))

    def build() -> dict[str, Any]:
        figs: dict[str, Any] = {}
        if res is not None and len(dyads):
            shown = dyads[dyads["partner"] == partner] if partner else dyads
            figs["ranks"] = figures.rank_intervals(shown, year)
            figs["tiles"] = figures.tile_grid(res.leaders)
            figs["profiles"] = figures.profiles(res.profiles)
        return figs_payload(figs)

    key = ("index", tuple(sorted((weights or {}).items())), partner, year)
    payload = cached_figures(store, key, build) if res is not None else figs_payload({})
    return render_page(
        request,
        "index.html",
        defaults=defaults,
        weights=weights or defaults,
        years=years,
        year=year,
        partner=partner,
        partners=sorted({(p, names.state(p)) for p in dyads["partner"]}, key=lambda cn: cn[1]),
        rows=clean_rows(table.iloc[pg["start"] : pg["stop"]]),
        pg=pg,
        note=res.note if res is not None else None,
        query=request.url.query,
        payload=payload,
    )


@router.get("/download/index.csv")
def index_csv(request: Request) -> Response:
    """The index dyads with names beside codes (all years, or one partner with ``partner=``)."""
    weights = _weights(request, analysis.default_weights())
    dyads = store_of(request).index(weights).dyads
    partner = state_param(request)
    if partner:
        dyads = dyads[dyads["partner"] == partner]
    return csv_response(names.with_names(dyads), "index.csv")


def csv_response(frame: pd.DataFrame, name: str) -> Response:
    from softpower.report.data import neutralise_formulas

    return Response(
        neutralise_formulas(frame).to_csv(index=False),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def xlsx_response(sheets: dict[str, pd.DataFrame], name: str) -> Response:
    from softpower.outputs import xlsx_bytes

    return Response(
        xlsx_bytes(sheets),
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/download/index.xlsx")
def index_xlsx(request: Request) -> Response:
    """The index as an Excel workbook: dyads, leaders and profiles sheets (names beside codes)."""
    weights = _weights(request, analysis.default_weights())
    res = store_of(request).index(weights)
    dyads, leaders = res.dyads, res.leaders
    partner = state_param(request)
    if partner:
        dyads = dyads[dyads["partner"] == partner]
        leaders = leaders[leaders["partner"] == partner]
    sheets = {
        "dyads": names.with_names(dyads),
        "leaders": names.with_names(leaders),
        "profiles": names.with_names(res.profiles),
    }
    return xlsx_response(sheets, "index.xlsx")


@router.get("/download/records.xlsx")
def records_xlsx(request: Request) -> Response:
    """The selected records (the records page's filters or provenance key) as an Excel workbook."""
    from softpower.report import data

    store = store_of(request)
    records = store.records()
    key = request.query_params.get("key")
    if key:
        sel = records[records["record_id"].isin(set(data.records_for_key(records, key)))]
    else:
        q = request.query_params
        flt = data.Filters(
            donor=q.get("donor") or None,
            partner=q.get("partner") or None,
            instrument=q.get("instrument") or None,
            year_from=int_param(request, "year_from"),
            year_to=int_param(request, "year_to"),
        )
        sel = flt.apply(records) if len(records) else records
    prov = data.provenance_table(sel, store.texts()) if len(sel) else pd.DataFrame(columns=["record_id"])
    return xlsx_response({"records": prov}, "records.xlsx")


_search_lock = threading.Lock()
_search_cache: dict[int, tuple[int, Any]] = {}


def search_index(store: Store) -> Any:
    """The store's search index, built on first use and rebuilt after an import."""
    from softpower.search import build_index

    records = store.records()
    with _search_lock:
        hit = _search_cache.get(id(store))
        if hit is not None and hit[0] == id(records):
            return hit[1]
        with store.ledger() as lg:
            idx = build_index(lg, records)
        _search_cache[id(store)] = (id(records), idx)
        return idx


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    """Full-text search over records and documents, with an optional partner filter."""
    from softpower.search import describe_hits

    store = store_of(request)
    q = (request.query_params.get("q") or "").strip()
    kind = request.query_params.get("kind") or None
    partner = state_param(request)
    hits = pd.DataFrame()
    if q and store.n_records():
        idx = search_index(store)
        found = idx.query(q, limit=500 if partner else 200, kind=kind)
        if partner:
            records = store.records()
            reach = records[records["partner_states"].map(lambda ps: partner in ps)]
            keep = {"r:" + str(r) for r in reach["record_id"]} | {"d:" + str(d) for d in reach["doc"]}
            found = found[found["id"].isin(keep)]
        pg = pager(request, len(found), size=20)
        with store.ledger() as lg:
            hits = describe_hits(lg, idx, found.iloc[pg["start"] : pg["stop"]], q)
        hits["rank"] = hits["rank"] + pg["start"]
    else:
        pg = pager(request, 0, size=20)
    return render_page(
        request,
        "search.html",
        q=q,
        kind=kind,
        partner=partner,
        partners=partner_options(store),
        rows=clean_rows(hits),
        pg=pg,
    )


def _done_job(request: Request, job_id: str) -> Any:
    from starlette.exceptions import HTTPException as StarletteHTTPException

    job = store_of(request).jobs.get(job_id)
    if job is None:
        raise StarletteHTTPException(404)
    if job.state != "done" or job.result is None:
        raise SoftpowerError(f"job {job_id} is {job.state}, not done")
    return job


def scenario_figures(res: analysis.ScenarioTables, partner: str | None) -> dict[str, Any]:
    """The dashboard's scenario figures for one partner (``None``: ASEAN-wide when available)."""
    from softpower.report import fan

    eff = res.effects
    partners = sorted(set(eff["partner"])) if len(eff) else sorted(set(res.series["partner"]))
    if partner is None:
        partner = "ASEAN" if "ASEAN" in partners else (partners[0] if partners else None)
    series = res.series
    if partner is not None and partner not in set(series["partner"]) and len(res.regional):
        series = res.regional
    figs: dict[str, Any] = {}
    for metric in ("trust", "alignment"):
        if len(eff):
            figs[f"effect-{metric}"] = fan.effect_chart(eff, metric, res.name, partner)
    if len(eff):
        figs["effect-bars-trust"] = fan.effect_bars(eff, "trust", res.name)
    for metric in sorted(set(series["metric"]) & {"trust", "alignment"}):
        figs[f"scenario-{metric}"] = fan.fan_charts(series, res.baseline, metric, res.name, partner)
    return {
        **figs_payload(figs),
        "partner": partner,
        "partners": [(p, names.state(p)) for p in fan._group_first(partners)],
        "glossary": {k: "scenario_effect" for k in figs},
    }


@router.get("/api/jobs/{job_id}/charts")
def job_charts(request: Request, job_id: str) -> Response:
    """Figures of a finished scenario job for one partner (``?partner=``, default ASEAN-wide)."""
    job = _done_job(request, job_id)
    partner = (request.query_params.get("partner") or "").strip().upper() or None
    res = job.result
    known = set(res.effects["partner"]) if len(res.effects) else set(res.series["partner"])
    if partner is not None and partner not in known:
        raise SoftpowerError(
            f"partner: '{partner}' is not a partner of this scenario (expected e.g. ASEAN or VNM)"
        )
    cache = job.__dict__.setdefault("_charts", {})
    if partner not in cache:
        cache[partner] = render.safe_json(scenario_figures(job.result, partner))
    return Response(cache[partner], media_type="application/json")


@router.get("/download/scenario/{job_id}.xlsx")
def job_xlsx(request: Request, job_id: str) -> Response:
    """A finished scenario as an Excel workbook: series, paired effects and group means."""
    res = _done_job(request, job_id).result
    sheets = {"series": names.with_names(res.series), "effects": names.with_names(res.effects)}
    if len(res.regional):
        sheets["regional"] = names.with_names(res.regional)
    return xlsx_response(sheets, f"scenario-{res.name}.xlsx")


_rows_lock = threading.Lock()
_partner_rows: dict[int, tuple[int, dict[str, Any]]] = {}


def partner_positions(store: Store) -> dict[str, Any]:
    """Partner code → positions of the records reaching it (stated, or a member of a stated group)."""
    import numpy as np

    records = store.records()
    with _rows_lock:
        hit = _partner_rows.get(id(store))
        if hit is not None and hit[0] == id(records):
            return hit[1]
        pos: dict[str, list[int]] = {}
        for i, (ps, st) in enumerate(zip(records["partners"], records["partner_states"], strict=True)):
            for p in set(ps) | set(st):
                pos.setdefault(p, []).append(i)
        out = {p: np.asarray(v) for p, v in pos.items()}
        _partner_rows[id(store)] = (id(records), out)
        return out


_cov_lock = threading.Lock()
_coverage: dict[int, Any] = {}


def coverage_grid(store: Store, partner: str, year: int | None, donors: list[str]) -> pd.DataFrame:
    """Which source observes which donor in ``partner`` and ``year`` (:mod:`softpower.ledger.coverage`).

    One row per source and record kind, one column per donor: ``True`` where the source observes
    the donor there (its evidence is comparable), ``False`` where it does not (not comparable,
    never zero).
    """
    from softpower.ledger.coverage import Coverage

    with _cov_lock:
        cov = _coverage.get(id(store))
        if cov is None:
            with store.ledger() as lg:
                cov = Coverage.from_ledger(lg)
            _coverage[id(store)] = cov
    rows: dict[tuple[str, str], dict[str, bool]] = {}
    for s in cov.scopes:
        rows.setdefault((s.source, s.kind), {d: False for d in donors})
    for kind in ("engagement", "indicator", "perception"):
        for d in donors:
            for src in cov.observed(d, partner, year, kind=kind).sources:
                rows.setdefault((src, kind), {x: False for x in donors})[d] = True
    frame = pd.DataFrame(
        [{"source": src, "kind": kind, **seen} for (src, kind), seen in rows.items()],
        columns=["source", "kind", *donors],
    )
    return frame.sort_values(["kind", "source"]).reset_index(drop=True)


def donor_summary(eng: pd.DataFrame) -> pd.DataFrame:
    """Per donor: distinct engagement facts (``facts``), those reaching the partner only through a
    group (``group_facts``: no record of the fact names the partner), constant USD and years.

    ``eng`` carries ``level`` (:func:`softpower.report.data.reach_level`). Constant USD is summed
    over distinct facts (one record per fact, a direct one first), so that a fact stated by
    several sources, or both for the partner and its group, counts once.
    """
    cols = ["actor", "facts", "group_facts", "usd_const", "first", "last"]
    if eng.empty:
        return pd.DataFrame(columns=cols)
    one = eng.assign(d=eng["level"] == "direct").sort_values("d", ascending=False, kind="stable")
    one = one.drop_duplicates(["actor", "fact_key"])
    out = (
        one.groupby("actor")
        .agg(
            facts=("fact_key", "size"),
            direct=("d", "sum"),
            usd_const=("amount_usd_const", lambda s: float(s.sum(min_count=1)) if s.notna().any() else None),
            first=("year", "min"),
            last=("year", "max"),
        )
        .reset_index()
    )
    out["group_facts"] = out["facts"] - out["direct"]
    return out.sort_values(["facts", "actor"], ascending=[False, True])[cols]


def _partner_context(
    store: Store, partner: str, year_from: int | None, year_to: int | None, year_param: int | None
) -> dict[str, Any]:
    """What the partner page shows of ``partner`` (all but the page of leaders)."""
    from softpower.report import data

    records = store.records()
    pos = partner_positions(store).get(partner)
    sel = records.iloc[pos] if pos is not None else records.iloc[0:0]
    sel = data.Filters(year_from=year_from, year_to=year_to).apply(sel) if len(sel) else sel
    res = store.index(None) if store.n_records() else None
    dyads = res.dyads if res is not None else pd.DataFrame(columns=analysis.DYAD_COLUMNS)
    dy = dyads[dyads["partner"] == partner]
    if year_from is not None:
        dy = dy[dy["year"] >= year_from]
    if year_to is not None:
        dy = dy[dy["year"] <= year_to]
    leaders = res.leaders if res is not None else pd.DataFrame(columns=analysis.LEADER_COLUMNS)
    leaders = leaders[leaders["partner"] == partner].sort_values("year", ascending=False)
    if year_from is not None:
        leaders = leaders[leaders["year"] >= year_from]
    if year_to is not None:
        leaders = leaders[leaders["year"] <= year_to]
    # records naming the partner (direct) and those naming only a group it belongs to (group-level,
    # e.g. ASEAN): both are shown, the group-level ones marked, each fact counted once
    lev = data.reach_level(sel, partner)
    eng = lev[lev["kind"] == "engagement"]
    ind = lev[lev["kind"] == "indicator"]
    per = lev[lev["kind"] == "perception"]
    figs = {
        "partner-scores": figures.partner_scores(dy, partner),
        "partner-engagement": figures.partner_engagement(
            data.partner_engagement_by_year(eng, partner), partner
        ),
        "partner-indicators": figures.value_series(
            ind, "metric", f"Indicators of donors toward {names.state(partner)}"
        ),
        "partner-perceptions": figures.value_series(
            per, "measure", f"How the public in {names.state(partner)} sees each donor"
        ),
    }
    best = dy.groupby("actor")["score"].max().sort_values(ascending=False) if len(dy) else pd.Series()
    donors = list(
        dict.fromkeys([*best.index[:8], *[d for d in ("JPN", "CHN", "USA", "KOR") if d != partner]])
    )
    cov_year = year_param or (int(dy["year"].max()) if len(dy) else None)
    grid = coverage_grid(store, partner, cov_year, donors)
    by_donor = donor_summary(eng)
    sources = (
        pd.concat([ind, per])
        .assign(group=lambda f: f["level"] == "group")
        .groupby(["doc", "doc_title", "publisher"], dropna=False)
        .agg(n_values=("record_id", "size"), n_group=("group", "sum"))
        .reset_index()
        .sort_values("n_values", ascending=False)
        .head(20)
        if len(ind) + len(per)
        else pd.DataFrame(columns=["doc", "doc_title", "publisher", "n_values", "n_group"])
    )
    return {
        "leaders": leaders,
        "n_selected": len(sel),
        "counts": sel["kind"].value_counts().to_dict(),
        "donors": clean_rows(by_donor.head(15)),
        "n_donors": len(by_donor),
        "sources": clean_rows(sources),
        "coverage": clean_rows(grid),
        "coverage_donors": donors,
        "coverage_year": cov_year,
        "payload": figs_payload(figs),
    }


@router.get("/partner", response_class=HTMLResponse)
def partner_page(request: Request) -> HTMLResponse:
    """Everything about one partner state over time: engagement, index, indicators, perceptions, coverage."""
    store = store_of(request)
    options = partner_options(store)
    partner = state_param(request)
    if partner is None:
        return render_page(
            request, "partner.html", partner=None, partners=options, year_from=None, year_to=None, payload={}
        )
    year_from, year_to = int_param(request, "year_from"), int_param(request, "year_to")
    year_param = int_param(request, "year")
    code: str = partner

    def build() -> dict[str, Any]:
        return _partner_context(store, code, year_from, year_to, year_param)

    # computed once per partner and options and kept until the records change (an import): the
    # records, index and coverage of a big ledger take seconds a request to go through
    ctx = cached_figures(store, ("partner", partner, year_from, year_to, year_param), build)
    leaders = ctx["leaders"]
    pg = pager(request, len(leaders), size=25)
    return render_page(
        request,
        "partner.html",
        partner=partner,
        partners=options,
        year_from=year_from,
        year_to=year_to,
        leaders=clean_rows(leaders.iloc[pg["start"] : pg["stop"]]),
        pg=pg,
        **{k: v for k, v in ctx.items() if k != "leaders"},
    )


@router.get("/explain", response_class=HTMLResponse)
def explain_page(request: Request) -> HTMLResponse:
    """Explain a score: each donor's contributions by pillar and indicator in one partner-year.

    From the index's own explanation API (:func:`softpower.measure.explain`), with the
    coverage of each source there and links to the records behind each donor.
    """
    from softpower.measure import explain

    store = store_of(request)
    res = store.index(None) if store.n_records() else None
    dyads = res.dyads if res is not None else pd.DataFrame(columns=analysis.DYAD_COLUMNS)
    partner = state_param(request)
    partners = sorted({(p, names.state(p)) for p in dyads["partner"]}, key=lambda cn: cn[1])
    ctx: dict[str, Any] = {"partner": partner, "partners": partners, "years": [], "year": None}
    if partner is None or res is None:
        return render_page(request, "explain.html", donors=[], payload={}, leader=None, coverage=[], **ctx)
    years = sorted(int(y) for y in dyads.loc[dyads["partner"] == partner, "year"].unique())
    if not years:
        raise SoftpowerError(f"partner: the index scores no donor in {names.state(partner)} ({partner})")
    year = int_param(request, "year")
    if year is None or year not in years:
        year = years[-1]
    table = explain(res.result, partner, year)
    leader = res.leaders[(res.leaders["partner"] == partner) & (res.leaders["year"] == year)]
    donors = []
    for actor, g in table.groupby("actor", sort=False):
        first = g.iloc[0]
        donors.append(
            {
                "actor": actor,
                "rank": int(first["rank"]),
                "score": render.clean(float(first["score"])),
                "coverage": render.clean(float(first["coverage"])),
                "rows": clean_rows(g.assign(observed=g["source"].astype(str) != "")),
            }
        )
    grid = coverage_grid(store, partner, year, [d["actor"] for d in donors])
    figs = {"explain": figures.explanation(table, partner, year)}
    ctx.update(years=years, year=year)
    return render_page(
        request,
        "explain.html",
        donors=donors,
        aggregation=table.attrs.get("aggregation", ""),
        leader=clean_rows(leader)[0] if len(leader) else None,
        coverage=clean_rows(grid),
        payload=figs_payload(figs),
        **ctx,
    )
