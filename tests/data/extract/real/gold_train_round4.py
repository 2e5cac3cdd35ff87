"""Hand annotations of the training-only documents added in round 4 (39-47), merged by make_gold.py.

Other donors and genres than the US-government texts of rounds 1-3: Japan's Ministry of Foreign
Affairs and JICA/JBIC press releases (two read from the Government of Japan's JapanGov Weekly
pages) and two Australian foreign-minister releases. Annotated by y11r from the texts alone,
following README.md "Annotation guidelines", BEFORE any extractor was run on these documents
(the "fresh, before tuning" score in docs/extract.md "Unseen real text" was taken once, after this
file was committed and before any rule was changed). These documents are TRAINING ONLY (manifest
groups ``train-only:...``).

Decisions worth recording (applied the same way in every document):
* "emergency grant aid", "emergency relief goods", a disaster relief team: ``disaster_cooperation``
  (never ``oda_grant``), with the amount as stated;
* a JICA/JBIC "loan agreement", "ODA loans": ``oda_loan``; a JICA "grant agreement": ``oda_grant``;
* "On March 23" (day and month, no year) takes the year of the page's dateline; "Today" likewise;
  a past act with neither ("signed agreements ...") gets no year; a page with no dateline gives
  no year unless the clause states one;
* the number of projects or agreements a signing covers is a count indicator sharing the span
  (the seeds' convention "a discrete event that carries counts");
* a cumulative commitment ("The cumulative commitment of ODA loans ... to X yen for N projects")
  gives indicators only (unit = currency);
* items of a list introduced by a sentence naming actor and partner ("Japan has provided the
  following assistance to Vanuatu: (1) ... (2) ...") are records of that actor and partner;
* a foreign ministers' meeting or a minister's visit is ``diplomatic_framework``; a labour-mobility
  MOU moves people: ``people_exchange``; a deployed assistance force or mission
  (RAMSI, the Solomons International Assistance Force) is ``military_activity``; a security treaty
  and police/patrol-boat infrastructure for the partner's security forces ``security_agreement``
  (the radio network "police, health and disaster management" is a judgement call);
* "until December 2023" gives ``year_end`` only.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

GOLD_TRAIN_ROUND4 = {
    "39_mofa_japan_emergency_grant_pic_2015.txt": [
        (
            "the Government of Japan decided to extend emergency grant aid of 1.24 million US dollars (approximately 150 million Japanese yen) to the Pacific Island Countries (Vanuatu, Tuvalu, Solomon Islands and Kiribati) in response to the cyclone disaster",
            E("JPN", ["VUT", "TUV", "SLB", "KIR"], "disaster_cooperation", 2015, 1.24e6, "USD"),
        ),
        (
            "Emergency Relief Goods (equivalent to 20 million JPY)",
            E("JPN", ["VUT"], "disaster_cooperation", None, 20e6, "JPY"),
        ),
        (
            "Dispatch of the Japan Disaster Relief Medical Team",
            E("JPN", ["VUT"], "disaster_cooperation"),
        ),
    ],
    "40_japangov_mofa_fiji_cyclone_2016.txt": [
        (
            "the Government of Japan decided to extend emergency relief goods including tents etc. to Fiji through the Japan International Cooperation Agency (JICA)",
            E("JPN", ["FJI"], "disaster_cooperation", 2016),
        ),
    ],
    "41_japangov_jica_laos_water_loan_2016.txt": [
        (
            "the Japan International Cooperation Agency (JICA) signed a loan agreement with the Government of the Lao People’s Democratic Republic in Vientiane, the capital city, to provide up to 10.271 billion yen for the Vientiane Capital Water Supply Expansion Project",
            E(
                "JPN",
                ["LAO"],
                "oda_loan",
                2016,
                10.271e9,
                "JPY",
                name="Vientiane Capital Water Supply Expansion Project",
            ),
        ),
    ],
    "42_japangov_jica_laos_bridges_grant_2016.txt": [
        (
            "the Japan International Cooperation Agency (JICA) signed a grant agreement (G/A) with the Government of the Lao People’s Democratic Republic in Vientiane, the capital city, to provide grant assistance of up to a total of 2.528 billion yen for the Project for Reconstruction of the Bridges on the National Road No. 9",
            E(
                "JPN",
                ["LAO"],
                "oda_grant",
                2016,
                2.528e9,
                "JPY",
                name="Project for Reconstruction of the Bridges on the National Road No. 9",
            ),
        ),
        (
            "the Preparatory Survey for Improvement of Roads and Bridges in the Southern Region carried out by JICA in 2010",
            E(
                "JPN",
                ["LAO"],
                "technical_cooperation",
                2010,
                name="Preparatory Survey for Improvement of Roads and Bridges in the Southern Region",
            ),
        ),
    ],
    "43_jica_philippines_oda_loans_2012.txt": [
        (
            "Today, the Japan International Cooperation Agency (JICA) signed loan agreements with the Republic of the Philippines to provide loans of up to 68.263 billion yen for seven projects.",
            E("JPN", ["PHL"], "oda_loan", 2012, 68.263e9, "JPY"),
        ),
        (
            "Today, the Japan International Cooperation Agency (JICA) signed loan agreements with the Republic of the Philippines to provide loans of up to 68.263 billion yen for seven projects.",
            I("JPN", ["PHL"], "loan_projects", 7, year=2012),
        ),
    ],
    "44_jbic_philippines_special_yen_loan_2000.txt": [
        (
            "Japan Bank for International Cooperation (Governor: Hiroshi Yasuda) signed agreements to extend ODA loans totaling 39.457 billion yen to the Republic of the Philippines.",
            E("JPN", ["PHL"], "oda_loan", None, 39.457e9, "JPY"),
        ),
        (
            "The cumulative commitment of ODA loans to the Philippines to 1,783.93 billion yen for 239 projects.",
            I("JPN", ["PHL"], "oda_loan_commitment_total", 1783.93e9, unit="JPY"),
        ),
        (
            "The cumulative commitment of ODA loans to the Philippines to 1,783.93 billion yen for 239 projects.",
            I("JPN", ["PHL"], "oda_loan_projects_total", 239),
        ),
    ],
    "45_dfat_fm_australia_timor_leste_2022.txt": [
        (
            "Australia and Timor-Leste have reaffirmed their close partnership at the first in-person meeting of Foreign Ministers since the COVID-19 pandemic",
            E("AUS", ["TLS"], "diplomatic_framework"),
        ),
        (
            "Today in Canberra, Minister for Foreign Affairs and Minister for Women, Senator the Hon Marise Payne, and Timor-Leste Minister of Foreign Affairs and Cooperation, Her Excellency, Adaljiza Magno, signed the first bilateral Memorandum of Understanding (MOU) under the Pacific Australia Labour Mobility (PALM) scheme.",
            E("AUS", ["TLS"], "people_exchange", name="Pacific Australia Labour Mobility (PALM) scheme"),
        ),
        (
            "Minister Payne also announced that Australia would provide $6 million over four years to strengthen Timor-Leste's engagement in multilateral forums",
            E("AUS", ["TLS"], "technical_cooperation", None, 6e6, "AUD"),
        ),
        (
            "Minister Payne confirmed Australia would provide 1.26 million Pfizer vaccine doses through UNICEF to Timor-Leste in 2022.",
            E("AUS", ["TLS"], "health_cooperation", 2022),
        ),
        (
            "Minister Payne confirmed Australia would provide 1.26 million Pfizer vaccine doses through UNICEF to Timor-Leste in 2022.",
            I("AUS", ["TLS"], "vaccine_doses", 1.26e6, year=2022),
        ),
        (
            "Minister Payne visited Timor-Leste in August 2019",
            E("AUS", ["TLS"], "diplomatic_framework", 2019),
        ),
    ],
    "46_dfat_ministers_statement_solomon_islands_2022.txt": [
        (
            "Australia and other Pacific countries responded swiftly to help restore calm after civil unrest in Honiara last year",
            E("AUS", ["SLB"], "military_activity"),
        ),
        (
            "Australia activated our 2017 Bilateral Security Treaty with Solomon Islands for the first time",
            E("AUS", ["SLB"], "security_agreement", 2017, name="Bilateral Security Treaty"),
        ),
        (
            "Australian support to Solomon Islands through the Regional Assistance Mission to the Solomon Islands (RAMSI) from 2003 to 2017",
            E(
                "AUS",
                ["SLB"],
                "military_activity",
                2003,
                year_end=2017,
                name="Regional Assistance Mission to the Solomon Islands",
            ),
        ),
        (
            "Australia will extend the Solomons International Assistance Force until December 2023",
            E(
                "AUS",
                ["SLB"],
                "military_activity",
                None,
                year_end=2023,
                name="Solomons International Assistance Force",
            ),
        ),
        (
            "We will also build an integrated police, health and disaster management radio network across Solomon Islands.",
            E("AUS", ["SLB"], "security_agreement"),
        ),
        (
            "Australia will construct a second patrol boat outpost on Solomon Islands’ eastern border",
            E("AUS", ["SLB"], "security_agreement"),
        ),
    ],
    "47_jica_yamada_viet_nam_2023.txt": [
        (
            "JICA Executive Senior Vice President Yamada Junichi met with Vietnamese Deputy Prime Minister Tran Luu Quang",
            E("JPN", ["VNM"], "diplomatic_framework"),
        ),
        (
            "the signing of three Japanese ODA loan agreements totaling up to 60,983 million yen on July 4",
            E("JPN", ["VNM"], "oda_loan", None, 60983e6, "JPY"),
        ),
        (
            "the signing of three Japanese ODA loan agreements totaling up to 60,983 million yen on July 4",
            I("JPN", ["VNM"], "loan_agreements", 3),
        ),
    ],
}
