"""A second, blind annotation of six round-8 x11u documents (84, 86, 88, 90, 93, 95), for agreement only.

Written by the same annotator (x11u) from the texts and README.md "Annotation guidelines" alone,
without opening gold_train_round8_x11u.py or gold.jsonl, in two sittings: 86, 90 and 95 at 22:16
UTC, 43 minutes after the first annotation of batch 1 was committed (21:33 UTC); 84, 88 and 93 at
22:31 UTC, 58 minutes after it. It is not training data (make_gold.py does not read it). Same
annotator, so the agreement it gives is an upper bound, not inter-annotator agreement (README.md,
"Round 8 (x11u)").

Run: python agreement_round8_x11u.py OUT.jsonl   (writes the records with their spans), then
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
    "86_usaid_super_typhoon_goni_philippines_2020.txt": [
        (
            "is providing $200,000 in emergency assistance to support the efforts of the Government of the Republic of The Philippines to respond to Super Typhoon Goni",
            E("USA", ["PHL"], "disaster_cooperation", 2020, 200e3, "USD"),
        ),
        (
            "USAID has assigned a team of disaster experts based in Manila and USAID’s Regional Mission in Bangkok, Thailand, to coordinate the U.S. Government’s support to the response.",
            E("USA", ["PHL"], "disaster_cooperation", 2020),
        ),
        (
            "the World Food Programme (WFP) is providing 35 trucks to help the Department of Social Welfare and Development (DSWD) transport relief supplies to affected areas",
            E("USA", ["PHL"], "disaster_cooperation", 2020),
        ),
        (
            "the World Food Programme (WFP) is providing 35 trucks to help the Department of Social Welfare and Development (DSWD) transport relief supplies to affected areas",
            I("USA", ["PHL"], "trucks", 35, year=2020),
        ),
        (
            "As of November 5, 2020, the WFP has delivered 117 metric tons of food and other emergency relief.",
            I("USA", ["PHL"], "relief_tonnes", 117, year=2020),
        ),
        (
            "With support from USAID, the International Organization for Migration is providing emergency-shelter materials to DSWD to support affected families",
            E("USA", ["PHL"], "disaster_cooperation", 2020),
        ),
    ],
    "90_embassy_australia_vietnam_leadership_awards_2011.txt": [
        (
            "20 Vietnamese high performers will be offered a prestigious Australian Leadership Award (ALA) scholarship",
            E("AUS", ["VNM"], "people_exchange", name="Australian Leadership Award"),
        ),
        (
            "20 Vietnamese high performers will be offered a prestigious Australian Leadership Award (ALA) scholarship",
            I("AUS", ["VNM"], "scholarships", 20),
        ),
        (
            "the Australia Awards initiative which provides Vietnam with around 400 scholarships a year",
            E("AUS", ["VNM"], "people_exchange", name="Australia Awards"),
        ),
        (
            "the Australia Awards initiative which provides Vietnam with around 400 scholarships a year",
            I("AUS", ["VNM"], "scholarships_per_year", 400),
        ),
        (
            "The successful 20 Vietnamese candidates have been selected from over 1000 applications from around the world",
            I("AUS", ["WORLD"], "applications", 1000, year=2011),
        ),
        (
            "one of only 205 ALA scholarships available in 2011",
            I("AUS", ["WORLD"], "scholarships", 205, year=2011),
        ),
    ],
    "95_whitehouse_roadmap_us_pacific_island_partnership_2022.txt": [
        (
            "The first-ever United States-Pacific Island Country Summit marks a new milestone in U.S.-Pacific cooperation.",
            E("USA", ["PIC"], "diplomatic_framework"),
        ),
        (
            "the President and Pacific leaders issued the Declaration on U.S.-Pacific Partnership",
            E("USA", ["PIC"], "diplomatic_framework", name="Declaration on U.S.-Pacific Partnership"),
        ),
        (
            "The United States has directly provided over $1.5 billion to support the Pacific Islands over the past decade",
            I("USA", ["PIC"], "aid_total_decade", 1.5e9, unit="USD"),
        ),
        (
            "today has announced over $810 million in additional expanded programs",
            E("USA", ["PIC"], "oda_grant", None, 810e6, "USD"),
        ),
        (
            "the United States will recognize Cook Islands and Niue",
            E("USA", ["COK", "NIU"], "diplomatic_framework"),
        ),
        (
            "launching a new Trade and Investment Dialogue",
            E("USA", ["PIC"], "diplomatic_framework", name="Trade and Investment Dialogue"),
        ),
        (
            "the 10-year $600 million Economic Assistance Agreement request to Congress",
            E("USA", ["PIC"], "oda_grant", None, 600e6, "USD", name="Economic Assistance Agreement"),
        ),
    ],
    "84_embassy_australia_indonesia_aciar_2010.txt": [
        (
            "Dr Nick Austin will visit Indonesia from 16 to 20 March 2010",
            E("AUS", ["IDN"], "science_cooperation", 2010),
        ),
        (
            "ACIAR has been supporting research projects in agriculture, fishery and forestry industries in Indonesia for over 25 years",
            E("AUS", ["IDN"], "science_cooperation", name="ACIAR"),
        ),
        (
            "with a budget of A$11.7 million in 2009-10",
            I("AUS", ["IDN"], "program_budget", 11.7e6, unit="AUD", year=2009, year_end=2010),
        ),
        (
            "supporting 59 projects in eleven provinces of Indonesia",
            I("AUS", ["IDN"], "research_projects", 59),
        ),
        (
            "supporting 59 projects in eleven provinces of Indonesia",
            I("AUS", ["IDN"], "provinces_covered", 11),
        ),
    ],
    "88_defence_operation_tonga_assist_2022.txt": [
        (
            "The Australian Defence Force has deployed significant capability on Operation Tonga Assist 2022",
            E("AUS", ["TON"], "disaster_cooperation", 2022, name="Operation Tonga Assist 2022"),
        ),
        (
            "with 250 pallets of humanitarian supplies",
            I("AUS", ["TON"], "pallets_of_supplies", 250),
        ),
        (
            "over 600 personnel and equipment to support engineering, medical and logistic taskings",
            I("AUS", ["TON"], "personnel_deployed", 600),
        ),
        (
            "a COVID-19 safe and contactless unload of 88 tonnes of humanitarian supplies",
            I("AUS", ["TON"], "tonnes_unloaded", 88),
        ),
    ],
    "93_pm_australia_png_pukpuk_treaty_press_conference.txt": [
        (
            "Last month I had the enormous privilege and the absolute pleasure of representing the people of Australia in Port Moresby",
            E("AUS", ["PNG"], "diplomatic_framework"),
        ),
        (
            "I'm delighted to be able to return that hospitality and welcome my friend, Prime Minister Marape, back to Australia once again.",
            E("PNG", ["AUS"], "diplomatic_framework"),
        ),
        (
            "with the signing of the Pukpuk Treaty, the Papua New Guinea-Australia Mutual Defence Treaty",
            E("AUS", ["PNG"], "security_agreement", name="Pukpuk Treaty"),
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
