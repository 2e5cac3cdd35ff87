"""Hand annotations of the training-only documents added in round 3 (27-38), merged by make_gold.py.

Annotated by x11r from the texts alone, following the guidelines in README.md ("Annotation
guidelines"), BEFORE any extractor was run on these documents. These documents are TRAINING ONLY:
split.py puts every manifest group named ``train-only:...`` on the training side, outside the
frozen alternation, so the evaluation side stays exactly as it was frozen.

Decisions worth recording (applied the same way in every document):
* a cumulative or pandemic-to-date figure ("has provided more than $11 million to help Cambodia
  respond to COVID-19", "brings the total ... to") is an indicator, never an engagement;
* "MNT", "$" in an Australian text: the currency as stated (MNT, AUD); a bracketed second currency
  is not a second amount;
* a press release's date line anchors present-tense acts ("is providing", "announced today");
  past acts without a stated year get no year;
* Pacific Partnership (a US Navy humanitarian and disaster-preparedness mission) is
  ``disaster_cooperation``; the medical care it provides is ``health_cooperation``; training of
  professionals is ``technical_cooperation``; IMET (training of officers) ``technical_cooperation``;
  FMF and resumed security assistance ``security_agreement``; assets lent to fisheries
  surveillance operations ``military_activity``;
* counts of services delivered (patients seen, people trained, doses donated) are indicators.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

PIC_TLS = ["PIC", "TLS"]

GOLD_TRAIN_ROUND3 = {
    "27_embassy_mongolia_mnt85bn_2021.txt": [
        (
            "signed a MNT 8.5 billion ($3.0 million) expansion of the bilateral agreement with the Ministry of Finance of Mongolia",
            E("USA", ["MNG"], "oda_grant", 2021, 8.5e9, "MNT"),
        ),
        (
            "These new funds bring the total value of the United States’ contribution of this 17-year agreement to nearly MNT 360 billion ($126 million).",
            I("USA", ["MNG"], "aid_total", 360e9, unit="MNT"),
        ),
        (
            "USAID will also initiate a new sustainable energy program that will provide focused capacity building and technical assistance.",
            E("USA", ["MNG"], "technical_cooperation", 2021),
        ),
    ],
    "28_embassy_mongolia_mnt83bn_2020.txt": [
        (
            "The U.S. government today announced the MNT8.3 billion ($3 million) expansion of the bilateral assistance agreement between the United States Agency for International Development (USAID) and Mongolia’s Ministry of Finance",
            E("USA", ["MNG"], "oda_grant", 2020, 8.3e9, "MNT"),
        ),
        (
            "This brings the total USAID contribution to more than MNT 342 billion ($123 million) since 2004",
            I("USA", ["MNG"], "aid_total", 342e9, unit="MNT", year=2004),
        ),
    ],
    "29_embassy_mongolia_usaid_strategy_2023.txt": [
        (
            "announced today the launch of its five-year (2023-2028) Mongolia Strategic Framework that will guide the agency’s work",
            E("USA", ["MNG"], "oda_grant", 2023, year_end=2028, name="Mongolia Strategic Framework"),
        ),
        (
            "The United States also provided more than 24.8 billion MNT ($8 million) to help Mongolia respond to COVID-19.",
            I("USA", ["MNG"], "covid_aid_total", 24.8e9, unit="MNT"),
        ),
    ],
    "30_usaid_mongolia_press_releases_2022.txt": [
        (
            "the U.S. donation of 302,400 pediatric doses of Pfizer COVID-19 vaccine has arrived in Mongolia",
            E("USA", ["MNG"], "health_cooperation", 2022),
        ),
        (
            "the U.S. donation of 302,400 pediatric doses of Pfizer COVID-19 vaccine has arrived in Mongolia",
            I("USA", ["MNG"], "vaccine_doses", 302400, year=2022),
        ),
        (
            "This donation brings the total number of COVID vaccine doses donated by the United States to Mongolia to more than 1.4 million.",
            I("USA", ["MNG"], "vaccine_doses_total", 1.4e6),
        ),
        (
            "is providing $800,000 to protect Mongolian wildlife and natural resources from the impacts of road and railway construction",
            E("USA", ["MNG"], "oda_grant", 2022, 800000, "USD", name="ALIGN Project"),
        ),
        (
            "launched the five-year, $12-million Mongolia Energy Governance activity",
            E("USA", ["MNG"], "oda_grant", 2022, 12e6, "USD", name="Mongolia Energy Governance"),
        ),
    ],
    "31_embassy_cambodia_covid_1_5m_2020.txt": [
        (
            "The United States Government this week committed an additional $1.5 million in funds to assist Cambodia in the fight against COVID-19.",
            E("USA", ["KHM"], "health_cooperation", 2020, 1.5e6, "USD"),
        ),
        (
            "Since the beginning of the epidemic, the United States has committed over $3.5 million in total to mitigate the spread of COVID-19 in Cambodia.",
            I("USA", ["KHM"], "covid_aid_total", 3.5e6, unit="USD"),
        ),
    ],
    "32_usaid_cambodia_covid_factsheet.txt": [
        (
            "has provided more than $11 million to help Cambodia respond to the COVID-19 pandemic",
            I("USA", ["KHM"], "covid_aid_total", 11e6, unit="USD"),
        ),
        (
            "Over the last three decades, USAID has invested more than $1.5 billion in Cambodia",
            I("USA", ["KHM"], "aid_total", 1.5e9, unit="USD"),
        ),
        (
            "including more than $400 million in assistance to address infant mortality",
            I("USA", ["KHM"], "health_aid_total", 400e6, unit="USD"),
        ),
    ],
    "33_pacom_pacific_partnership_solomons_2015.txt": [
        (
            "members of Pacific Partnership 2015 celebrated the completion of a successful two-week mission by the Military Sealift Command joint high speed vessel USNS Millinocket (JHSV 3) July 24",
            E("USA", ["SLB"], "disaster_cooperation", 2015, name="Pacific Partnership 2015"),
        ),
        (
            "Millinocket and embarked Task Forager provided medical, engineering, veterinary and dental support to Guadalcanal and Maliata citizens.",
            E("USA", ["SLB"], "health_cooperation", 2015),
        ),
        (
            "The medical teams trained more than 160 Solomon Island medical professionals, famers, and police.",
            E("USA", ["SLB"], "technical_cooperation", 2015),
        ),
        (
            "The medical teams trained more than 160 Solomon Island medical professionals, famers, and police.",
            I("USA", ["SLB"], "people_trained", 160, year=2015),
        ),
        (
            "They saw over 560 patients, 51 animals and distributed over 420 spectacles.",
            I("USA", ["SLB"], "patients_seen", 560, year=2015),
        ),
        (
            "They saw over 560 patients, 51 animals and distributed over 420 spectacles.",
            I("USA", ["SLB"], "animals_treated", 51, year=2015),
        ),
        (
            "They saw over 560 patients, 51 animals and distributed over 420 spectacles.",
            I("USA", ["SLB"], "spectacles_distributed", 420, year=2015),
        ),
    ],
    "34_embassy_png_pacific_partnership_2023.txt": [
        (
            "Pacific Partnership has arrived in Papua New Guinea to conduct the largest annual multinational humanitarian assistance and disaster relief preparedness mission conducted in the Indo-Pacific, Oct. 9.",
            E("USA", ["PNG"], "disaster_cooperation", 2023, name="Pacific Partnership"),
        ),
        (
            "While in Papua New Guinea, Pacific Partnership 2023 will provide tailored medical care focusing on subject-matter exchanges and community education",
            E("USA", ["PNG"], "health_cooperation", 2023),
        ),
    ],
    "35_voa_editorial_us_laos_demining.txt": [
        (
            "With the new contribution of $2.2 million, U.S. will have provided more than $100 million in mine-action and UXO-related assistance to Laos.",
            I("USA", ["LAO"], "aid_total", 100e6, unit="USD"),
        ),
        (
            "U.S. Deputy National Security Advisor Benjamin Rhodes announced, on October 16, $2.2 million in new U.S. support to Laos’ national mine clearance operator, UXOs Lao",
            E("USA", ["LAO"], "oda_grant", None, 2.2e6, "USD"),
        ),
    ],
    "36_state_us_fiji_2016.txt": [
        (
            "The United States established diplomatic relations with Fiji in 1971",
            E("USA", ["FJI"], "diplomatic_framework", 1971),
        ),
        ("The U.S. Peace Corps is active in Fiji.", E("USA", ["FJI"], "people_exchange", name="Peace Corps")),
        (
            "After 2014 elections, the United States re-initiated security assistance",
            E("USA", ["FJI"], "security_agreement", 2014),
        ),
        (
            "The United States provided $2.2 million to Fiji for reconstruction assistance after Super-Typhoon Winston in February 2016.",
            E("USA", ["FJI"], "disaster_cooperation", 2016, 2.2e6, "USD"),
        ),
        (
            "Fiji receives Foreign Military Financing (FMF) to equip its military",
            E("USA", ["FJI"], "security_agreement", name="Foreign Military Financing"),
        ),
        (
            "participates in the International Military Education and Training (IMET) program, which sends Fijian officers and senior enlisted personnel to professional military education and leadership development courses in the United States",
            E("USA", ["FJI"], "technical_cooperation", name="IMET"),
        ),
        (
            "The United States contributes U.S. Coast Guard and U.S. Navy air assets to regional Forum Fisheries Agency (FFA) operations that help Fiji protect earnings from fishing licenses",
            E("USA", ["FJI"], "military_activity"),
        ),
    ],
    "37_dfat_pacific_covid_response_package.txt": [
        (
            "As announced in the October 2020 budget, Australia will provide new funding of $304.7 million for a COVID-19 Response Package over two years.",
            E("AUS", PIC_TLS, "oda_grant", 2020, 304.7e6, "AUD", name="COVID-19 Response Package"),
        ),
        (
            "This builds on Australia’s $100 million Pacific and Timor-Leste Response Package delivered in 2019-20 that provided immediate crisis financing.",
            E("AUS", PIC_TLS, "oda_grant", 2019, 100e6, "AUD", year_end=2020),
        ),
    ],
    "38_pacom_mongolia_rural_development.txt": [
        (
            "Ambassador Campbell and Minister Erdenebat signed an amendment to expand the scope of an Agreement Between the Government of the United States of America and the Government of Mongolia for the Donation of Agricultural Commodities",
            E("USA", ["MNG"], "oda_grant"),
        ),
        (
            "an Agreement Between the Government of the United States of America and the Government of Mongolia for the Donation of Agricultural Commodities, initially signed in 2000",
            E("USA", ["MNG"], "oda_grant", 2000),
        ),
    ],
}
