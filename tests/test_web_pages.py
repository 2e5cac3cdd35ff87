"""Dashboard pages of the analyst's view: names not codes, glossary, partner filter, paging, Excel."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from fastapi.testclient import TestClient

from softpower.ledger import bundled_ledger
from softpower.web import create_app

#: Codes that the bundled ledger's pages showed as they are before names were added.
CODES = ("oda_grant", "health_cooperation", ">VNM<", ">JPN<", ">KOR<", ">APT<")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = bundled_ledger(tmp_path_factory.mktemp("pages") / "l.duckdb")
    return TestClient(create_app(path, mc=20, runs=20), raise_server_exceptions=False)


def visible_text(html: str) -> str:
    """The page without its scripts and attributes (what a person reads)."""
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"<[^>]*>", "><", html)


@pytest.mark.parametrize("url", ["/", "/index", "/records", "/glossary", "/index?partner=VNM"])
def test_pages_show_names_not_codes(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, url
    text = visible_text(r.text)
    for code in CODES:
        assert code not in text, (url, code)


def test_codes_stay_on_hover(client: TestClient) -> None:
    html = client.get("/index", params={"partner": "VNM"}).text
    assert '<td title="VNM">Vietnam</td>' in html and 'title="JPN">Japan</td>' in html


def test_glossary_spells_out_dspd_and_the_index_terms(client: TestClient) -> None:
    html = client.get("/glossary").text
    assert "Doux smart power diplomacy" in html
    for anchor in ("rank_interval", "sobol", "coverage_note", "instrument-oda_grant", "power-smart", "dspd"):
        assert f'id="{anchor}"' in html, anchor
    assert "Confucius Institute" in html  # an instrument example
    assert "negative" in html  # a negative Sobol value is explained


def test_index_partner_filter_and_paging(client: TestClient) -> None:
    whole = client.get("/index").text
    one = client.get("/index", params={"partner": "VNM"}).text
    rows = re.findall(r'<tr data-dyad="(\w+)-(\w+)"', one)
    assert rows and {p for _, p in rows} == {"VNM"}
    assert len(re.findall(r"<tr data-dyad=", whole)) <= 100  # one page at a time
    total = int(re.search(r"(\d+) rows · page 1 of (\d+)", whole).group(1))
    pages = int(re.search(r"(\d+) rows · page 1 of (\d+)", whole).group(2))
    assert pages == -(-total // 100)
    if pages > 1:
        last = client.get("/index", params={"page": pages}).text
        assert len(re.findall(r"<tr data-dyad=", last)) == total - 100 * (pages - 1)
    bad = client.get("/index", params={"partner": "XYZ"})
    assert bad.status_code == 400 and "not a country or group code" in bad.text


def test_index_downloads_carry_codes_and_names(client: TestClient) -> None:
    frame = pd.read_csv(io.StringIO(client.get("/download/index.csv", params={"partner": "VNM"}).text))
    assert set(frame["partner"]) == {"VNM"} and set(frame["partner_name"]) == {"Vietnam"}
    assert {"actor", "actor_name", "score", "rank_lo", "rank_hi"} <= set(frame.columns)
    r = client.get("/download/index.xlsx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    wb = openpyxl.load_workbook(io.BytesIO(r.content), read_only=True)
    assert wb.sheetnames == ["dyads", "leaders", "profiles"]
    header = [c.value for c in next(wb["dyads"].iter_rows(max_row=1))]
    assert header[:2] == ["actor", "actor_name"] and "partner_name" in header


def test_records_xlsx_has_money_columns(client: TestClient, tmp_path: Path) -> None:
    r = client.get("/download/records.xlsx", params={"donor": "JPN"})
    wb = openpyxl.load_workbook(io.BytesIO(r.content), read_only=True)
    rows = list(wb["records"].iter_rows(values_only=True))
    header = list(rows[0])
    for col in ("amount", "currency", "amount_usd", "amount_usd_const", "actor_name"):
        assert col in header, col
    body = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    assert body and {b["actor"] for b in body} == {"JPN"} and {b["actor_name"] for b in body} == {"Japan"}
    assert any(b["amount_usd_const"] for b in body)


def test_partner_page_shows_every_donor_over_time(client: TestClient) -> None:
    html = client.get("/partner", params={"partner": "VNM"}).text
    assert '<h1 id="partner-title"><span title="VNM">Vietnam</span>' in html
    for fig in ("partner-scores", "partner-engagement", "partner-indicators", "partner-perceptions"):
        assert f'data-figure="{fig}"' in html, fig
    leaders = re.findall(r"<tr><td>(\d{4})</td><td title=\"(\w+)\">", html)
    assert leaders and all(code in ("JPN", "CHN", "USA", "KOR") for _, code in leaders)
    # coverage: which donors each source observes here. The bundled ledger holds no Lowy
    # row, so Lowy's declared scope observes nobody in it (as the index explanation says)
    cov = html.split('id="coverage-table"')[1].split("</table>")[0]
    assert "lowy-gdi" in cov and "not observed" in cov and '<td class="seen">observed</td>' not in cov
    sources = html.split('id="series-sources"')[1].split("</ul>")[0]
    assert "values)" in sources and "built-in method" not in sources
    text = visible_text(html)
    for code in CODES:
        assert code not in text, code
    # a year window narrows the leaders table
    every = {int(y) for y, _ in leaders}
    lo, hi = sorted(every)[1], sorted(every)[-2]
    narrow = client.get("/partner", params={"partner": "VNM", "year_from": lo, "year_to": hi}).text
    years = {int(y) for y, _ in re.findall(r"<tr><td>(\d{4})</td><td title=\"(\w+)\">", narrow)}
    assert years == {y for y in every if lo <= y <= hi}
    assert client.get("/partner", params={"partner": "nowhere"}).status_code == 400


def test_partner_page_is_computed_once_per_options_until_an_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from softpower.web import pages

    path = bundled_ledger(tmp_path / "l.duckdb")
    app = TestClient(create_app(path, mc=0, runs=10, allow_write=True), raise_server_exceptions=False)
    calls: list[tuple[Any, ...]] = []
    real = pages._partner_context
    monkeypatch.setattr(pages, "_partner_context", lambda *a: calls.append(a[1:]) or real(*a))
    first = app.get("/partner", params={"partner": "VNM"}).text
    assert app.get("/partner", params={"partner": "VNM"}).text == first
    assert len(calls) == 1  # the second request is served from what the first computed
    app.get("/partner", params={"partner": "VNM", "year_from": 2010})
    assert calls[-1] == ("VNM", 2010, None, None) and len(calls) == 2  # other options: computed
    # an import changes the records: the page is computed again and shows the new fact
    rec = {"doc": "x:1", "kind": "engagement", "actor": "KOR", "partners": ["VNM"], "instrument": "oda_grant",
           "year": 2009}  # fmt: skip
    app.app.state.store.import_file("new.jsonl", (json.dumps(rec) + "\n").encode())  # type: ignore[attr-defined]
    again = app.get("/partner", params={"partner": "VNM"}).text
    assert len(calls) == 3 and again != first


def test_partner_filter_on_every_page(client: TestClient) -> None:
    for url in ("/", "/records", "/index", "/search", "/partner"):
        html = client.get(url).text
        assert 'name="partner"' in html, url


def test_explain_view_comes_from_the_index_explanation(client: TestClient) -> None:
    from softpower.measure import explain

    store = client.app.state.store  # type: ignore[attr-defined]
    res = store.index(None)
    leaders = res.leaders[(res.leaders["partner"] == "VNM") & res.leaders["leader"].notna()]
    year = int(leaders["year"].max())
    table = explain(res.result, "VNM", year)
    html = client.get("/explain", params={"partner": "VNM", "year": year}).text
    assert f'Why does a donor lead in <span title="VNM">Vietnam</span> in {year}?' in html
    leader = leaders.loc[leaders["year"] == year, "leader"].iloc[0]
    assert f'<b title="{leader}">' in html
    # every donor's section, with its contributions as the library computed them
    for actor, g in table.groupby("actor"):
        section = html.split(f'id="donor-{actor}"')[1].split("</section>")[0]
        seen = g[g["source"].astype(str) != ""]
        for c in seen["contribution"]:
            assert f"<b>{c:.3f}</b>" in section
        assert section.count("not comparable (no value, not zero)") == len(g) - len(seen)
        assert f"/records?key=dyad|{actor}|VNM|{year}" in section
    assert 'id="coverage-table"' in html and 'data-figure="explain"' in html
    text = visible_text(html)
    for code in CODES:
        assert code not in text, code
    assert client.get("/explain").status_code == 200
    assert client.get("/explain", params={"partner": "XYZ"}).status_code == 400


def page_figures(html: str) -> dict[str, Any]:
    """The figures a dashboard page draws (its ``page-data`` payload)."""
    import json

    raw = html.split('id="page-data">')[1].split("</script>")[0]
    return dict(json.loads(raw)["figures"])


def values(v: Any) -> list[Any]:
    """A trace's array, decoded when plotly wrote it as typed binary data."""
    if isinstance(v, dict) and "bdata" in v:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"])).tolist()
    return list(v)


def test_partner_engagement_counts_a_fact_once_and_marks_group_level_ones() -> None:
    from softpower.report import data

    def rec(rid: str, fact: str, partners: list[str], year: int = 2015) -> dict[str, Any]:
        return {
            "record_id": rid,
            "fact_key": fact,
            "kind": "engagement",
            "actor": "JPN",
            "partners": partners,
            "partner_states": data.partner_states(partners, year),
            "year": year,
        }

    records = pd.DataFrame(
        [
            rec("a", "f1", ["VNM"]),  # the same fact, stated for Vietnam and for ASEAN: direct, once
            rec("b", "f1", ["ASEAN"]),
            rec("c", "f2", ["ASEAN"]),  # ASEAN only: group-level
            rec("d", "f3", ["ASEAN"]),
            rec("e", "f3", ["ASEAN"]),  # a second source of f3: still one fact
            rec("f", "f4", ["THA"]),  # does not reach Vietnam
        ]
    )
    out = data.partner_engagement_by_year(records, "VNM").set_index("level")["facts"].to_dict()
    assert out == {"direct": 1, "group": 2}
    lev = data.reach_level(records, "VNM")
    assert list(lev["record_id"]) == ["a", "b", "c", "d", "e"]
    assert list(lev["via"]) == ["", "ASEAN", "ASEAN", "ASEAN", "ASEAN"]


def test_partner_page_shows_group_level_records_marked(client: TestClient) -> None:
    from softpower.report import data

    store = client.app.state.store  # type: ignore[attr-defined]
    lev = data.reach_level(store.records(), "VNM")
    group_ind = lev[(lev["kind"] == "indicator") & (lev["level"] == "group")]
    assert len(group_ind)  # the bundled ledger has indicators stated for ASEAN
    html = client.get("/partner", params={"partner": "VNM"}).text
    figs = page_figures(html)
    # indicators: the group-level values are their own dotted series, named as such
    traces = figs["partner-indicators"]["data"]
    grouped = [t for t in traces if "(group-level)" in t["name"]]
    assert grouped and all(t["line"]["dash"] == "dot" for t in grouped)
    assert all("(group-level)" not in t["name"] for t in traces if t["line"].get("dash") != "dot")
    shown = {k.split("|")[1] for t in grouped for k in t["customdata"]}
    assert shown <= set(group_ind["record_id"].astype(str)) and shown
    # engagement: direct and group-level bars add up to the distinct facts, each counted once
    bars = figs["partner-engagement"]["data"]
    total = sum(sum(values(t["y"])) for t in bars)
    eng = lev[(lev["kind"] == "engagement") & lev["year"].notna()]
    assert total == eng.groupby(["actor", "year"])["fact_key"].nunique().sum()
    assert any("(group-level)" in t["name"] and t["marker"]["pattern"]["shape"] == "/" for t in bars)
    # the donor table says how many engagements are group-level
    table = html.split('id="donor-table"')[1].split("</table>")[0]
    assert "of them group-level" in table
