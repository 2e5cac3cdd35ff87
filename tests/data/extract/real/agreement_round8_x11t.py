"""Second annotation of three round-8 documents (72, 78, 79), for the agreement figure of README.md
"Round 8 (x11t)". Not part of gold.jsonl; make_gold.py does not read it.

The three documents were chosen by a rule fixed before re-annotating (one per donor: the first
JPN, KOR and NZL document of 61-80 in SHA-256 order of ``"x11t-agreement-v1:" + file``) and
re-annotated from the texts and README.md "Annotation guidelines" alone, 45 minutes after the
first annotation was committed, without opening gold_train_round8_x11t.py or gold.jsonl. Same
annotator (x11t) both times, so this measures consistency, not independence.

Run: python agreement_round8_x11t.py > second.jsonl  (one record a line, spans computed as in
make_gold.py); score with ../shared/tools/score_records.py either way round.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldtools import KEYS, E, I  # noqa: E402

PIC_12 = ["PNG", "FJI", "TON", "VUT", "WSM", "SLB", "MHL", "FSM", "PLW", "KIR", "TUV", "NRU"]
USP_11 = ["COK", "KIR", "NRU", "PNG", "FJI", "MHL", "WSM", "SLB", "TON", "TUV", "VUT"]
JICA_10 = ["FJI", "KIR", "NRU", "PNG", "TON", "VUT", "FSM", "SLB", "WSM", "PLW"]

SECOND = {
    "72_mofa_korea_indonesia_quake_1m_2018.txt": [
        (
            "will offer humanitarian assistance of US$1 million in cash to Indonesia",
            E("KOR", ["IDN"], "disaster_cooperation", 2018, 1e6, "USD"),
        ),
    ],
    "78_nzaid_kiribati_programme.txt": [
        (
            "New Zealand has supported the Marine Training Centre since the 1970s",
            E("NZL", ["KIR"], "technical_cooperation", 1970, name="Marine Training Centre"),
        ),
        (
            "is currently funding construction of buildings to house a new fisheries training department",
            E("NZL", ["KIR"], "oda_grant"),
        ),
        ("The rehabilitation of the Cassidy Airport runway", E("NZL", ["KIR"], "oda_grant")),
        ("A waste management system has been set in place in Tarawa", E("NZL", ["KIR"], "oda_grant")),
        (
            "two million recycled by December 2013",
            I("NZL", ["KIR"], "plastic_bottles_recycled", 2e6, year_end=2013),
        ),
        (
            "Approximately 1.3 million litres of rainwater storage has been made available to people around South Tarawa and Kiritimati Island",
            E("NZL", ["KIR"], "oda_grant"),
        ),
        (
            "Approximately 1.3 million litres of rainwater storage has been made available to people around South Tarawa and Kiritimati Island",
            I("NZL", ["KIR"], "rainwater_storage_litres", 1.3e6, unit="litres"),
        ),
        (
            "A new water system installed at the maternity ward of Betio Hospital (Tarawa)",
            E("NZL", ["KIR"], "health_cooperation"),
        ),
        (
            "15 I-Kiribati students completed tertiary qualifications with support from New Zealand Aid Programme scholarships",
            E("NZL", ["KIR"], "people_exchange", 2012, year_end=2013),
        ),
        (
            "15 I-Kiribati students completed tertiary qualifications with support from New Zealand Aid Programme scholarships",
            I("NZL", ["KIR"], "scholarship_graduates", 15, year=2012, year_end=2013),
        ),
        (
            "Seven I-Kiribati civil servants also received in-service training awards in New Zealand",
            E("NZL", ["KIR"], "technical_cooperation"),
        ),
        (
            "Seven I-Kiribati civil servants also received in-service training awards in New Zealand",
            I("NZL", ["KIR"], "civil_servants_trained", 7),
        ),
        ("Total aid flow $26.5 million", I("NZL", ["KIR"], "aid_total", 26.5e6, unit="NZD", year=2014)),
        ("Bilateral $15.7 million", I("NZL", ["KIR"], "aid_bilateral", 15.7e6, unit="NZD", year=2014)),
        (
            "Scholarships/other $10.8 million",
            I("NZL", ["KIR"], "aid_scholarships", 10.8e6, unit="NZD", year=2014),
        ),
    ],
    "79_mofa_japan_palm8_factsheet_2021.txt": [
        (
            "Training to combat Illegal, Unreported and Unregulated (IUU) Fishing",
            E("JPN", PIC_12, "technical_cooperation"),
        ),
        (
            "Maritime law enforcement training at the University of the South Pacific",
            E("JPN", USP_11, "technical_cooperation"),
        ),
        (
            "Provision of equipment to enhance maritime security capacity (Palau, Fiji, PNG, Marshall)",
            E("JPN", ["PLW", "FJI", "PNG", "MHL"], "security_agreement"),
        ),
        (
            "Dispatch of Japan Coast Guard Mobile Cooperation Team (MCT) (Palau)",
            E("JPN", ["PLW"], "technical_cooperation"),
        ),
        (
            "Providing online training conducted by Japan Coast Guard MCT (Palau)",
            E("JPN", ["PLW"], "technical_cooperation"),
        ),
        ("JICA training in promoting resource management", E("JPN", JICA_10, "technical_cooperation")),
        (
            "FAO Project for Enhancing Livelihood and Food Security through Fisheries with Nearshore Fish Aggregating Devices in the Pacific Ocean",
            E("JPN", ["KIR", "WSM", "TUV", "PLW", "VUT", "FJI", "MHL"], "oda_grant"),
        ),
        (
            "Technical Cooperation on managing marine resources and the environment (Vanuatu, Palau, PNG)",
            E("JPN", ["VUT", "PLW", "PNG"], "technical_cooperation"),
        ),
        (
            "Provision of oil fences for marine environmental protection (Marshall)",
            E("JPN", ["MHL"], "oda_grant"),
        ),
        (
            "Wartime sunken ship oil leak and unexploded ordnance abatement (FSM, Palau)",
            E("JPN", ["FSM", "PLW"], "oda_grant"),
        ),
        (
            "Provision of maritime security equipment (Palau, Fiji)",
            E("JPN", ["PLW", "FJI"], "security_agreement"),
        ),
    ],
}


def records() -> list[dict[str, object]]:
    """The second annotation as gold-format records (spans computed; the first occurrence of each quote)."""
    out = []
    for doc, items in SECOND.items():
        text = (HERE / "docs" / doc).read_text(encoding="utf-8")
        for quote, rec in items:
            start = text.index(quote)
            full: dict[str, object] = {k: None for k in KEYS}
            full.update(ppp=False, equal_footing=False)
            full.update(rec)
            full.update(doc=doc, span=[start, start + len(quote)], quote=quote)
            out.append(full)
    return out


if __name__ == "__main__":
    for rec in records():
        print(json.dumps(rec, ensure_ascii=False))
