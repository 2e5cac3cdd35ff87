"""Build the self-contained HTML report: every figure, its provenance, plotly.js inlined."""

from __future__ import annotations

import datetime as _dt
import gzip
import os
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from softpower.outputs import check_output, write_output
from softpower.report import analysis, data, fan, figures, glossary, names, render

SECTIONS = (
    (
        "tiles",
        "Leading donor per partner",
        "Each tile is a partner state; its colour is the donor ranked first by the "
        "composite index, its opacity the margin over the runner-up. Move the slider to change the year.",
    ),
    (
        "network",
        "Donor → partner network",
        "Edges join a donor to the partners its engagements name (groups as "
        "stated); width grows with the number of distinct engagements, colour is the instrument's power type.",
    ),
    (
        "ranks",
        "Rank intervals",
        "Rank of each donor in each partner with the interval from the index's Monte-Carlo "
        "uncertainty analysis: a short bar at rank 1 means a sure lead.",
    ),
    (
        "profiles",
        "DSPD profiles",
        "Shares of smart-power instruments, public-private partnership and equal footing, "
        "hard-power share, continuity and coverage, donor by donor.",
    ),
    (
        "time",
        "Engagement over time",
        "Distinct engagements per year (a fact stated by several sources counts once), by power type.",
    ),
    (
        "scenario",
        "Scenario: the difference it makes",
        "First the paired effect: in each simulated run, the scenario minus the baseline run with the "
        "same seed, as a median line and a 5–95 % band per donor (a menu picks the partner; ASEAN is "
        "the members' mean); then the effect in the last year partner by partner; then the scenario's "
        "own median and 5–95 % band.",
    ),
)


#: Glossary anchor each section's figures link to.
FIGURE_TERMS = {
    "tiles": "index",
    "network": "power-types",
    "ranks": "rank_interval",
    "profiles": "dspd",
    "time": "power-types",
    "scenario": "scenario_effect",
}
#: Columns of the provenance payload, in order.
PROVENANCE_COLUMNS = (
    "kind",
    "actor",
    "partners",
    "states",
    "year",
    "power_type",
    "what",
    "amount",
    "currency",
    "amount_usd_const",
    "doc",
    "span",
    "sentence",
    "self_reported",
)
#: Most records embedded in the page; a larger ledger's records go whole to ``<report>.records.csv.gz``.
MAX_EMBEDDED = 15_000
#: Rows the provenance table shows at once (the status line gives the full count).
MAX_ROWS = 500


def _asset(name: str) -> str:
    return resources.files("softpower.report").joinpath(f"assets/{name}").read_text(encoding="utf-8")


def _version() -> str:
    try:
        return metadata.version("softpower")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV with a header row (Arrow's CSV writer: many times faster than pandas'
    on a big table; every text cell quoted, missing values empty, booleans ``true``/``false``)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    sink = pa.BufferOutputStream()
    pacsv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), sink)
    return bytes(sink.getvalue())


def provenance_payload(records: pd.DataFrame, prov: pd.DataFrame) -> dict[str, Any]:
    """Records as compact columns for the report's provenance table (drawn and filtered in the page).

    The page matches a figure's provenance key against these columns with the same rules
    as :func:`softpower.report.data.records_for_key`.
    """
    docs = records.drop_duplicates("doc").set_index("doc")
    doc_ids = list(docs.index)
    position = {d: i for i, d in enumerate(doc_ids)}
    rows = []
    for r, p in zip(data.tuples(records), data.tuples(prov), strict=True):
        rows.append(
            [
                r.kind,
                r.actor,
                list(r.partners),
                list(r.partner_states),
                None if pd.isna(r.year) else int(r.year),
                r.power_type if isinstance(r.power_type, str) else None,
                render.clean(p.what),
                render.clean(r.amount),
                render.clean(r.currency),
                render.clean(r.amount_usd_const),
                position[r.doc],
                render.clean(p.span),
                render.clean(p.sentence),
                r.self_reported is True,
            ]
        )
    codes = set(records["actor"]) | {c for ps in records["partners"] for c in ps}
    return {
        "columns": list(PROVENANCE_COLUMNS),
        "names": {str(c): names.state(c) for c in sorted(codes)},
        "rows": rows,
        "docs": [
            [str(d), render.clean(docs.at[d, "doc_title"]), render.clean(docs.at[d, "publisher"])]
            for d in doc_ids
        ],
    }


def collect_keys(figs: dict[str, go.Figure]) -> list[str]:
    """Every provenance key carried as ``customdata`` by the figures."""
    keys: list[str] = []
    seen: set[str] = set()
    for fig in figs.values():
        for trace in fig.data:
            cd = getattr(trace, "customdata", None)
            if cd is None:
                continue
            for k in cd:
                k = str(k[0] if isinstance(k, list | tuple) else k)
                if k not in seen:
                    seen.add(k)
                    keys.append(k)
    return keys


def report_figures(
    records: pd.DataFrame, index: analysis.IndexTables, scenario: analysis.ScenarioTables | None
) -> dict[str, go.Figure]:
    """The report's figures by section id."""
    eng = records[records["kind"] == "engagement"]
    figs = {
        "tiles": figures.tile_grid(index.leaders),
        "network": figures.network(data.network_edges(records)),
        "ranks": figures.rank_intervals(index.dyads),
        "profiles": figures.profiles(index.profiles),
        "time": figures.engagement_over_time(data.engagement_by_year(records), int(eng["year"].isna().sum())),
    }
    if scenario is not None:
        if len(scenario.effects):
            for metric in ("trust", "alignment"):
                figs[f"scenario-effect-{metric}"] = fan.effect_chart(scenario.effects, metric, scenario.name)
            figs["scenario-effect-bars-trust"] = fan.effect_bars(scenario.effects, "trust", scenario.name)
        for metric in sorted(scenario.series["metric"].unique()):
            figs[f"scenario-{metric}"] = fan.fan_charts(
                scenario.series, scenario.baseline, metric, scenario.name
            )
    return figs


def index_checks(ledger: Any, index: Any, *, seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The index's own audit (skew treatment, structure per pillar) and the standing validity
    check (:func:`softpower.measure.validate.validate`, index gaps against perception gaps) for the
    report, both from the index already computed (no second index run). Empty when the index
    could not be computed."""
    result = getattr(index, "result", None)
    if result is None:
        return {}, {}
    from softpower.measure.validate import observations, validate

    audit_info = dict(getattr(result, "audit", None) or {})
    rep = validate(pd.DataFrame(result.dyads), observations(ledger), seed=seed)
    validity_info = {k: v for k, v in rep.items() if k != "pairs"}
    return audit_info, validity_info


def _generated() -> str | None:
    """The build time shown in the report: only when $SOURCE_DATE_EPOCH gives one, so that the
    same ledger, options and seed give the same bytes (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def build_report(
    ledger: Any,
    *,
    scenario: str | Path | None = None,
    output: str | Path,
    seed: int = 0,
    mc: int = 200,
    runs: int = 200,
    corpus_dirs: list[Path] | None = None,
) -> Path:
    """Write one self-contained HTML report of ``ledger`` to ``output`` and return its path.

    Parameters
    ----------
    ledger
        An open :class:`softpower.ledger.Ledger`.
    scenario
        A bundled scenario name or a scenario file; adds fan charts against the baseline.
    output
        The HTML file to write (written whole, via a temporary file, or not at all).
    seed, mc, runs
        Seed, Monte-Carlo draws of the index, and simulated runs of the scenario.
    corpus_dirs
        Folders holding document texts the ledger lacks (default: the shared seed folder when present).

    Returns
    -------
    pathlib.Path
        ``output``.

    Raises
    ------
    softpower.errors.LedgerError
        When the ledger holds no records.
    softpower.errors.SoftpowerError
        When the scenario fails validation or the output folder does not exist.
    """
    output = check_output(Path(output))
    data.require_records(ledger, getattr(ledger, "path", "ledger"))
    records = data.load_records(ledger)
    index = analysis.index_tables(ledger, seed=seed, mc=mc)
    scen = None if scenario is None else analysis.scenario_tables(scenario, ledger, runs=runs, seed=seed)
    figs = report_figures(records, index, scen)
    audit_info, validity_info = index_checks(ledger, index, seed=seed)
    texts = data.document_texts(ledger, records["doc"], corpus_dirs)
    prov = data.provenance_table(records, texts)
    keys = collect_keys(figs)
    full_table = None
    embedded, embedded_prov = records, prov
    if len(records) > MAX_EMBEDDED:
        # summaries in the page: the records with a source sentence first, then the newest;
        # every record (names, amounts, sources) goes to a compressed CSV beside the report
        order = (
            pd.DataFrame(
                {"no_text": prov["sentence"].isna().to_numpy(), "year": -records["year"].fillna(0).to_numpy()}
            )
            .sort_values(["no_text", "year"], kind="stable")
            .index[:MAX_EMBEDDED]
            .sort_values()
        )
        embedded, embedded_prov = records.iloc[order], prov.iloc[order]
        full_table = output.with_name(output.stem + ".records.csv.gz")
        write_output(
            full_table, gzip.compress(csv_bytes(data.neutralise_formulas(prov)), compresslevel=5, mtime=0)
        )
    payload = {
        "figures": {k: render.figure_dict(f) for k, f in figs.items()},
        "configs": {k: figures.plot_config(f"softpower-{k}") for k in figs},
        "labels": {k: data.describe_key(k) for k in keys},
        "records": provenance_payload(embedded, embedded_prov),
    }
    stats = {kind: int((records["kind"] == kind).sum()) for kind in ("engagement", "indicator", "perception")}
    html = (
        render.environment("softpower.report")
        .get_template("report.html.j2")
        .render(
            title="softpower report",
            generated=_generated(),
            version=_version(),
            ledger=str(getattr(ledger, "path", "")),
            stats=stats,
            facts=data.facts_count(records),
            documents=int(records["doc"].nunique()),
            with_text=len(texts),
            seed=seed,
            mc=mc,
            runs=runs,
            scenario=None if scen is None else scen.name,
            index_note=index.note,
            sections=[s for s in SECTIONS if s[0] != "scenario" or scen is not None],
            scenario_keys=[k for k in figs if k.startswith("scenario-")],
            n_records=len(prov),
            n_embedded=len(embedded_prov),
            full_table=None if full_table is None else full_table.name,
            max_rows=MAX_ROWS,
            payload=payload,
            glossary=glossary.sections(),
            audit=audit_info,
            validity=validity_info,
            figure_terms=FIGURE_TERMS,
            css=_asset("report.css"),
            js=_asset("report.js"),
            plotly_js=render.plotly_js(),
        )
    )
    return write_output(output, html)
