"""A second annotator's blind annotation of six round-8 x11t documents (61, 65, 68, 71, 76, 80), for agreement only.

Round 9, x11u: the first second-person agreement sample on the real-text corpus (every earlier
figure re-annotated the annotator's own texts). The six documents of x11t's round-8 batch (61-80)
were chosen by reading only manifest.csv and the texts, for varied genre: an exchange-of-notes
release with a loan-terms list (61), an embassy grassroots-grant release (65), a summit overview
in the first person (68), a relief-operation wrap-up (71), an aid-programme page with results
bullets and budget lines (76) and a PDF-derived ODA overview with numbered project items (80).
Annotated by x11u from the texts, README.md "Annotation guidelines" and the decision lists of
gold_train_round4.py, gold_train_round5.py and gold_train_round8_x11u.py, without opening
gold_train_round8_x11t.py or gold.jsonl, and frozen (SHA-256 of the written records, 00:25 UTC,
6 December 2026) before the committed gold of the six documents was read. It is not training data
(make_gold.py does not read it). Figures and disagreements: README.md "Round 9 (x11u)".

Run: python agreement_round9_x11u.py OUT.jsonl   (writes the records with their spans), then
python ../shared/tools/score_records.py --gold <one annotation> --pred <the other>, both ways.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldtools import E, I, write_gold  # noqa: E402

SECOND = {
    "61_mofa_japan_indonesia_yen_loans.txt": [
        (
            "signed and exchanged notes concerning two Yen loan [see Note] projects for up to 90.456 billion yen in total",
            E("JPN", ["IDN"], "oda_loan", None, 90.456e9, "JPY"),
        ),
        (
            "signed and exchanged notes concerning two Yen loan [see Note] projects for up to 90.456 billion yen in total",
            I("JPN", ["IDN"], "projects", 2),
        ),
    ],
    "65_emb_japan_timor_leste_ggp_2022.txt": [
        (
            "Japanese Embassy announced its assistance to five new projects that directly benefit the community people in 6 Municipalities.",
            E(
                "JPN",
                ["TLS"],
                "oda_grant",
                2022,
                461226,
                "USD",
                name="Grant Assistance for Grassroots Human Security Projects",
            ),
        ),
        (
            "Japanese Embassy announced its assistance to five new projects that directly benefit the community people in 6 Municipalities.",
            I("JPN", ["TLS"], "projects", 5, year=2022),
        ),
        (
            "Japanese Embassy announced its assistance to five new projects that directly benefit the community people in 6 Municipalities.",
            I("JPN", ["TLS"], "municipalities", 6, year=2022),
        ),
        (
            "Japan has successfully implemented 127 projects through this scheme over the last 20 years all around the country.",
            I("JPN", ["TLS"], "ggp_projects_total", 127),
        ),
    ],
    "68_mofa_japan_asean_summit_2019.txt": [
        (
            "the Japan-ASEAN Summit Meeting was held in Thailand chaired by H.E. General Prayut Chan-o-cha, Prime Minister of the Kingdom of Thailand. Mr. ABE Shinzo, Prime Minister, attended from Japan.",
            E("JPN", ["ASEAN"], "diplomatic_framework", 2019),
        ),
        (
            "Japan is currently implementing the “Sport for Tomorrow” international contribution through sport initiative until the 2020 Tokyo Games. We have implemented it in all of the ASEAN countries",
            E("JPN", ["ASEAN"], "people_exchange", year_end=2020, name="Sport for Tomorrow"),
        ),
        (
            "as a result approximately five million people have benefited to date",
            I("JPN", ["ASEAN"], "beneficiaries", 5e6),
        ),
        (
            "Japan and ASEAN have been able to issue the Joint Statement on Connectivity between Japan and ASEAN for the realization of a free and open Indo-Pacific",
            E("JPN", ["ASEAN"], "diplomatic_framework", 2019, name="Joint Statement on Connectivity"),
        ),
    ],
    "71_mofa_korea_laos_dam_relief_2018.txt": [
        (
            "The government of the Republic of Korea has provided US$1 million in emergency relief aid",
            E("KOR", ["LAO"], "disaster_cooperation", None, 1e6, "USD"),
        ),
        (
            "dispatched Korea Disaster Relief Teams (KDRTs) to the Lao People's Democratic Republic to help it recover from its dam accident",
            E("KOR", ["LAO"], "disaster_cooperation"),
        ),
        (
            "the services offered by a combined 63 workers in the three KDRTs",
            I("KOR", ["LAO"], "relief_workers", 63),
        ),
        (
            "They offered medical treatment to a daily average of 152 patients",
            I("KOR", ["LAO"], "patients_daily", 152),
        ),
        (
            "the third KDRT donated medical equipment and supplies, and pharmaceuticals worth some US$170,000 to Attapeu Provincial Hospital, a military hospital and a healthcare center on August 23",
            E("KOR", ["LAO"], "health_cooperation", None, 170000, "USD"),
        ),
    ],
    "76_nzaid_papua_new_guinea_programme.txt": [
        (
            "New Zealand trained 350 Community Auxiliary Police in Bougainville",
            I("NZL", ["PNG"], "police_trained", 350),
        ),
        (
            "Assistance to the Bougainville Community Health Programme (BHCP) has improved access to immunisation and treatment and prevention of TB, malaria and leprosy",
            E("NZL", ["PNG"], "health_cooperation", name="Bougainville Community Health Programme"),
        ),
        (
            "contributing to the improved health of 150,000 people across 484 villages in 8 districts of Bougainville",
            I("NZL", ["PNG"], "people_reached", 150000),
        ),
        (
            "contributing to the improved health of 150,000 people across 484 villages in 8 districts of Bougainville",
            I("NZL", ["PNG"], "villages", 484),
        ),
        (
            "contributing to the improved health of 150,000 people across 484 villages in 8 districts of Bougainville",
            I("NZL", ["PNG"], "districts", 8),
        ),
        (
            "165 Papua New Guineans gained New Zealand-funded tertiary qualifications from 2009–2012.",
            I("NZL", ["PNG"], "tertiary_graduates", 165, year=2009, year_end=2012),
        ),
        ("Bilateral $20 million", I("NZL", ["PNG"], "bilateral_aid", 20e6, unit="NZD", year=2013)),
        ("Total aid flow $35.8 million", I("NZL", ["PNG"], "aid_total", 35.8e6, unit="NZD", year=2013)),
        (
            "Scholarships/other $15.9 million",
            I("NZL", ["PNG"], "scholarships_other_aid", 15.9e6, unit="NZD", year=2013),
        ),
        (
            "high level discussions between the PNG Government and the New Zealand Minister for Foreign Affairs in October 2012",
            E("NZL", ["PNG"], "diplomatic_framework", 2012),
        ),
    ],
    "80_emb_japan_cambodia_oda_overview_2011.txt": [
        (
            "The Government of Japan has provided financial assistance (1992-2010) amounting 189 billion 360 million Yen (approximately 1,760.22 million US$) under Japan’s ODA bilateral grant aid",
            I("JPN", ["KHM"], "grant_aid_total", 189.36e9, unit="JPY", year=1992, year_end=2010),
        ),
        (
            "including 31 billion 291 million Yen Loan (approximately 289 million US$) (1968-2009)",
            I("JPN", ["KHM"], "loan_total", 31.291e9, unit="JPY", year=1968, year_end=2009),
        ),
        (
            "Project for the Restoration of Chroy Changwar Bridge “Cambodia Japan Friendship Bridge” This project is to rehabilitate the Chroy Changwar Bridge. Length: 709.8m E/N 26 September 1992 (Phase I) and 4 June 1993 (Phase II) Cost: ¥ 2,989 million",
            E(
                "JPN",
                ["KHM"],
                "oda_grant",
                1992,
                2989e6,
                "JPY",
                year_end=1993,
                name="Cambodia Japan Friendship Bridge",
            ),
        ),
        (
            "Project for the Rehabilitation of National Route 6A “Japan Friendship Sangkum Reastr Niyum Highway” This project is to reconstruct the road from the Cambodia-Japan Friendship Bridge to Thnal Keng (in Kompong Cham Province). Length: 44.5 km with 26 Bridges E/N 20 July 1993 (Phase I) and 30 July 1994 (Phase II) Cost: ¥ 3,012 million",
            E(
                "JPN",
                ["KHM"],
                "oda_grant",
                1993,
                3012e6,
                "JPY",
                year_end=1994,
                name="Japan Friendship Sangkum Reastr Niyum Highway",
            ),
        ),
        (
            "Project for Improvement of the Road Construction Center This project is to rehabilitate the center and to supply machinery equipments for constructing and repairing the roads in the countrywide. Lot Area: 14,000 m², Building Area: 4,580 m² Equipment: 103 pieces of road repairing equipment including bulldozers, trucks etc. E/N 11 January 1994 (Phase I) and 30 July 1994 (Phase II). Cost: ¥ 2,076 million",
            E("JPN", ["KHM"], "oda_grant", 1994, 2076e6, "JPY", name="Road Construction Center"),
        ),
    ],
}


def main(out: Path) -> None:
    """Write the second annotation's records (with spans) to ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        for doc in SECOND:
            shutil.copy(HERE / "docs" / doc, Path(tmp) / doc)
        n = write_gold(Path(tmp), SECOND)
        shutil.copy(Path(tmp) / "gold.jsonl", out)
    print(n, "records")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
