"""``aiddata-public-diplomacy``: AidData's China public-diplomacy datasets.

- country-year tables (EAP "Ties That Bind" v1.0, SCA "Silk Road Diplomacy" v1.0, the
  China Public Diplomacy Dashboard v1.0) → CHN indicators toward the receiving country,
  one per non-empty cell (an empty cell means "not collected that year");
- financial-diplomacy project tables of the three releases → CHN engagements with the
  TUFF mapping of :mod:`softpower.ledger.importers.tuff`.

References
----------
Custer, S., Russell, B., DiLorenzo, M., et al. (2018). *Ties That Bind: Quantifying
China's public diplomacy and its "good neighbor" effect*. AidData at William & Mary.
Custer, S., Sethi, T., Solis, J., et al. (2019). *Silk Road Diplomacy: Deconstructing
Beijing's toolkit to influence South and Central Asia*. AidData at William & Mary.
Custer, S., Prakash, M., Solis, J., Knight, R., & Lin, J. (2019). *Influencing the
Narrative*. AidData at William & Mary.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import (
    AIDDATA,
    ImportBatch,
    concat,
    count,
    dedupe_documents,
    find_files,
    header_of,
    indicator_records,
    numbers,
    read_table,
    resolve_names,
    year_ok,
    years,
)
from softpower.ledger.importers.tuff import load_tuff

COUNT, USD = "count", "USD"
_FIN = {
    "budget_support": ("financial_diplomacy_budget_support", USD),
    "humanitarian_assistance": ("financial_diplomacy_humanitarian", USD),
    "debt_relief": ("financial_diplomacy_debt_relief", USD),
}

#: release → (dataset id, title, url, marker column, {column: (metric, unit)})
TABLES: dict[str, tuple[str, str, str, str, dict[str, tuple[str, str]]]] = {
    "eap": (
        "aiddata-pd-eap-1.0",
        "AidData China's Public Diplomacy in East Asia and Pacific 1.0",
        "https://www.aiddata.org/data/chinas-public-diplomacy-in-east-asia-and-pacific",
        "cultural_centers",
        {
            "confucius_institutes": ("confucius_institutes", COUNT),
            "cultural_centers": ("cultural_centres", COUNT),
            "cultural_events": ("cultural_events", COUNT),
            "sister_cities": ("sister_cities", COUNT),
            "international_students": ("students_in_china", COUNT),
            "government_visits": ("government_visits", COUNT),
            "military_visits": ("military_visits", COUNT),
            "total_elite_visits": ("elite_visits", COUNT),
            **_FIN,
            "infrastructure_investments": ("financial_diplomacy_infrastructure", USD),
            "total_financial_pd": ("financial_diplomacy", USD),
        },
    ),
    "sca": (
        "aiddata-pd-sca-1.0",
        "AidData China's Public Diplomacy in South and Central Asia 1.0",
        "https://www.aiddata.org/data/chinas-public-diplomacy-in-south-and-central-asia",
        "confucius_inst_cum",
        {
            "confucius_inst_cum": ("confucius_institutes", COUNT),
            "confucius_inst_new": ("confucius_institutes_new", COUNT),
            "confucius_classrooms_cum": ("confucius_classrooms", COUNT),
            "confucius_classrooms_new": ("confucius_classrooms_new", COUNT),
            "cultural_events": ("cultural_events", COUNT),
            "friendship_year": ("friendship_years", COUNT),
            "sister_cities_cum": ("sister_cities", COUNT),
            "sister_cities_new": ("sister_cities_new", COUNT),
            "international_students": ("students_in_china", COUNT),
            "scholarships": ("scholarships", COUNT),
            "govt_political_visits": ("political_visits", COUNT),
            "govt_party_visits": ("party_visits", COUNT),
            "govt_other govt_visits": ("other_official_visits", COUNT),
            "mil_senior level meetings": ("military_visits", COUNT),
            "mil_joint mil ex": ("joint_military_exercises", COUNT),
            "mil_naval port calls": ("naval_port_calls", COUNT),
            "interviews_foreign_media": ("leader_media_interviews", COUNT),
            "heads_of_state_oped": ("leader_op_eds", COUNT),
            "journ_visits_in": ("journalist_visits", COUNT),
            "pressbriefings": ("joint_press_briefings", COUNT),
            **_FIN,
            "improvement_infra": ("financial_diplomacy_infrastructure_upgrade", USD),
            "new_infra": ("financial_diplomacy_infrastructure_new", USD),
            "provision_goods": ("financial_diplomacy_goods", USD),
            "total_fd": ("financial_diplomacy", USD),
        },
    ),
    "dashboard": (
        "aiddata-pd-dashboard-1.0",
        "AidData China Public Diplomacy Dashboard Dataset 1.0",
        "http://china-dashboard.aiddata.org",
        "ambassador_op_eds",
        {
            "confucius_institutes": ("confucius_institutes", COUNT),
            "sister_cities_established": ("sister_cities_established", COUNT),
            "government_visits": ("government_visits", COUNT),
            "military_visits": ("military_visits", COUNT),
            "total_elite_visits": ("elite_visits", COUNT),
            "ambassador_op_eds": ("ambassador_op_eds", COUNT),
            "journalist_visits": ("journalist_visits", COUNT),
            "media_partnerships": ("media_partnerships", COUNT),
            "outbound_chinese_students": ("chinese_students_in_partner", COUNT),
            "inbound_students_to_china": ("students_in_china", COUNT),
        },
    ),
}
#: project tables: release → marker column
PROJECT_MARKERS = {"eap": "donor_agency", "sca": "SCA_Sector", "dashboard": "donor_agencies"}
COUNTRY_ALIASES = {"Micronesia": "FSM", "Kyrgyz Republic": "KGZ", "Kyrgyzstan": "KGZ"}


def load_country_year(path: Path, release: str) -> ImportBatch:
    dataset, title, url, _marker, columns = TABLES[release]
    df = read_table(path, ("year", "receiving_country", *columns))
    skipped: Counter[str] = Counter()
    year = years(df, "year", path)
    iso = resolve_names(df["receiving_country"], COUNTRY_ALIASES).to_numpy()
    has_iso = np.array([c is not None for c in iso], dtype=bool)
    count(skipped, ~has_iso, "receiving country not resolved to ISO3")
    ok = has_iso & year_ok(year)
    count(skipped, has_iso & ~year_ok(year), "no year")
    doc = f"{dataset}:country-year"
    frames = []
    for col, (metric, unit) in columns.items():
        val = numbers(df, col, path, accounting=True)
        negative = ~np.isnan(val) & (val < 0)
        if negative.any() and unit == COUNT:
            i = int(np.flatnonzero(negative)[0])
            raise InputError(
                str(path), int(df["line"].iloc[i]), col, f"negative count {val[i]:g}", "a count >= 0"
            )
        count(skipped, ok & np.isnan(val), "empty cell (not collected that year)")
        frames.append(
            indicator_records(
                df,
                ok & ~np.isnan(val),
                doc=doc,
                actor="CHN",
                iso=iso,
                metric=metric,
                unit=unit,
                year=year,
                value=val,
            )
        )
    documents = [{"id": doc, "title": f"{title}: country-year measures", **AIDDATA, "date": None, "url": url}]
    return ImportBatch(pd.concat(frames, ignore_index=True), documents, dict(skipped), len(df))


def load_projects(path: Path, release: str) -> ImportBatch:
    dataset, title, url, _m, _c = TABLES[release]
    return load_tuff(
        path,
        dataset=f"{dataset}:project",
        title=f"{title}: financial diplomacy projects",
        url=url,
        accounting=True,
    )


def _release(header: set[str]) -> tuple[str, str] | None:
    if "receiving_country" in header:
        for release, spec in TABLES.items():
            if spec[3] in header:
                return "country-year", release
    if "project_id" in header:
        for release, marker in PROJECT_MARKERS.items():
            if marker in header:
                return "projects", release
    return None


def load(path: Path) -> ImportBatch:
    """Load one public-diplomacy table (recognised by its header) or every one in a folder."""
    files = find_files(
        path,
        [
            "ChinasPublicDiplomacyin*.csv",
            "ChinesePublicDiplomacy.csv",
            "*FinancialPublicDiplomacyProjectDetails.csv",
            "ChinasFinancialDiplomacyProjectDetails.csv",
        ],
    )
    batches = []
    for f in files:
        found = _release(set(header_of(f)))
        if found is None:
            raise InputError(
                str(f),
                1,
                None,
                "not an AidData public-diplomacy table",
                "a header with receiving_country (country-year) or project_id (projects)",
            )
        table, release = found
        batches.append(
            load_country_year(f, release) if table == "country-year" else load_projects(f, release)
        )
    batch = concat(batches)
    batch.documents = dedupe_documents(batch.documents)
    return batch
