"""Second annotation, by a different annotator (x11t), of six round-8 documents of x11u (83, 85,
87, 89, 91, 97), for the agreement figure of README.md "Round 9 (x11t)". Not part of gold.jsonl;
make_gold.py does not read it.

The six were chosen for varied genre from the manifest and the texts only (a multilateral exercise
workshop, a White House summit fact sheet, a relief-funding article, a defence relief deployment
counted in tonnes/personnel/sorties, a government-published poll, a Peace Corps release) and
annotated from the texts and README.md "Annotation guidelines" alone, WITHOUT opening
gold_train_round8_x11u.py, gold.jsonl or any other gold covering them. The output was frozen
before the first annotation was read (sha256 of the JSONL this script prints:
6ef5d1151d9a28ead4beb063e34e84c4b353219a11d19d210f4910b2e5f24100, 2026-12-06T00:25:15Z).
The annotator had read the README's round-8 summary paragraphs (per-document record counts and a
few described misses) beforehand, so the second pass is not fully blind to the first.

Run: python agreement_round9_x11t.py > second.jsonl; score with ../shared/tools/score_records.py
either way round against the gold.jsonl lines of the six documents.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldtools import KEYS, E, I, P  # noqa: E402

ASEAN7 = ["IDN", "MYS", "PHL", "SGP", "THA", "VNM", "MMR"]
SECOND = {
    "83_indopacom_pacific_endeavor_brunei_2024.txt": [
        (
            "U.S. Indo-Pacific Command’s J6 Multinational Communications Interoperability Program (MCIP) team and the Royal Brunei Armed Forces recently hosted a critical planning workshop in Bandar Seri Begawan, Brunei Darussalam",
            E("USA", ["BRN"], "disaster_cooperation", 2024, name="Pacific Endeavor"),
        ),
        (
            "brought together 50 personnel from 18 Indo-Pacific countries",
            I("USA", ["BRN"], "personnel", 50, year=2024),
        ),
        (
            "brought together 50 personnel from 18 Indo-Pacific countries",
            I("USA", ["BRN"], "countries", 18, year=2024),
        ),
    ],
    "85_whitehouse_us_pif_summit_factsheet_2023.txt": [
        (
            "At the U.S.-Pacific Islands Forum Summit meeting at the White House on September 25, President Biden renewed our commitment to enhancing our partnership with the Pacific Islands",
            E("USA", ["PIC"], "diplomatic_framework"),
        ),
        (
            "announcing plans to provide over $810 million in new assistance",
            E("USA", ["PIC"], "oda_grant", None, 810e6, "USD"),
        ),
        (
            "Secretary Blinken highlighted our commitment to working with Congress for over $7.2 billion in new funding and programs for the Pacific Islands region",
            E("USA", ["PIC"], "oda_grant", None, 7.2e9, "USD"),
        ),
        (
            "President Biden announced a new slate of activities, including plans to work with Congress to request and provide nearly $200 million in funding",
            E("USA", ["PIC"], "oda_grant", None, 200e6, "USD"),
        ),
        (
            "President Biden announced that the United States recognized Cook Islands and Niue as independent, sovereign nations",
            E("USA", ["COK", "NIU"], "diplomatic_framework"),
        ),
    ],
    "87_state_iip_typhoon_haiyan_relief_2013.txt": [
        (
            "The United States has increased to more than $37 million its funding for emergency relief in areas of the Philippines affected by Typhoon Haiyan/Yolanda.",
            E("USA", ["PHL"], "disaster_cooperation", 2013),
        ),
        (
            "The United States has increased to more than $37 million its funding for emergency relief in areas of the Philippines affected by Typhoon Haiyan/Yolanda.",
            I("USA", ["PHL"], "aid_total", 37e6, unit="USD", year=2013),
        ),
        (
            "The United States originally committed $20 million in relief after the November 8 typhoon",
            E("USA", ["PHL"], "disaster_cooperation", 2013, 20e6, "USD"),
        ),
        (
            "This is the fifth time since 2009 that USAID has been called to respond to a major typhoon in the Philippines",
            I("USA", ["PHL"], "typhoon_responses", 5, year=2009),
        ),
        (
            "the agency was able to dispatch an advance disaster response team to the Philippines capital of Manila",
            E("USA", ["PHL"], "disaster_cooperation", 2013),
        ),
    ],
    "89_defence_hmas_tobruk_vanuatu_pam_2015.txt": [
        (
            "HMAS Tobruk provided life-saving humanitarian assistance and disaster relief support to isolated communities throughout the cyclone devastated archipelago in the wake of Tropical Cyclone Pam",
            E("AUS", ["VUT"], "disaster_cooperation", name="Operation Pacific Assist"),
        ),
        (
            "delivering more than 25 tonnes of supplies, equipment and reconstruction teams",
            I("AUS", ["VUT"], "supplies_tonnes", 25, unit="tonnes"),
        ),
        ("The ADF have committed more than 500 personnel", I("AUS", ["VUT"], "personnel", 500)),
        ("undertaken approximately 260 supporting sorties", I("AUS", ["VUT"], "sorties", 260)),
        (
            "delivered over 200 pallets of aid to Vanuatu during the relief effort",
            I("AUS", ["VUT"], "aid_pallets", 200),
        ),
        (
            "There are still approximately 82 ADF personnel left in Vanuatu",
            I("AUS", ["VUT"], "personnel_remaining", 82),
        ),
        ("three Army S-70 Black Hawk helicopters", I("AUS", ["VUT"], "helicopters", 3)),
    ],
    "91_mofa_japan_opinion_poll_seven_asean_2014.txt": [
        (
            "more than 90% of the respondents answered “friendly” or “somewhat friendly.”",
            P("JPN", ASEAN7, "friendly", 0.90, 2014),
        ),
        (
            "more than 90% answered that they considered Japan to be “a trustworthy friend” or “trustworthy, but with some reservations.”",
            P("JPN", ASEAN7, "trust", 0.90, 2014),
        ),
        (
            "Japan was ranked first as “the most reliable country” with 33% of the respondents who selected Japan",
            P("JPN", ASEAN7, "trust", 0.33, 2014),
        ),
        ("the respondents ranked Japan first (65%)", P("JPN", ASEAN7, "important_partner", 0.65, 2014)),
        ("followed by China (48%)", P("CHN", ASEAN7, "important_partner", 0.48, 2014)),
        ("the United States (47%)", P("USA", ASEAN7, "important_partner", 0.47, 2014)),
        (
            "90% of the respondents answered that the policy was valuable for peacekeeping of Asia region including ASEAN",
            P("JPN", ASEAN7, "favourable", 0.90, 2014),
        ),
    ],
    "97_peacecorps_samoa_tonga_cyclone_olaf_2005.txt": [
        (
            "The Peace Corps program in Samoa opened in 1967",
            E("USA", ["WSM"], "people_exchange", 1967, name="Peace Corps"),
        ),
        ("since then over 1,500 have served there", I("USA", ["WSM"], "volunteers_total", 1500, year=1967)),
        (
            "The Peace Corps has sent over 1,400 volunteers to Tonga since the commencement of its program there in 1967.",
            E("USA", ["TON"], "people_exchange", 1967, name="Peace Corps"),
        ),
        (
            "The Peace Corps has sent over 1,400 volunteers to Tonga since the commencement of its program there in 1967.",
            I("USA", ["TON"], "volunteers_total", 1400, year=1967),
        ),
    ],
}


def main() -> None:
    for doc, items in SECOND.items():
        text = (HERE / "docs" / doc).read_text(encoding="utf-8")
        for quote, rec in items:
            assert text.count(quote) == 1, (doc, quote)
            start = text.index(quote)
            full = {k: None for k in KEYS}
            full.update(ppp=False, equal_footing=False)
            full.update(rec)
            full.update(doc=doc, span=[start, start + len(quote)], quote=quote)
            sys.stdout.write(json.dumps(full, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
