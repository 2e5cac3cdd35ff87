"""Hand annotations of the training-only documents 420-430 (round 16, x17t), merged by make_gold.py.

Openly licensed texts of the genres the training half has least of (science cooperation, coast-guard
training, small-grant calls, scholarship calls, health-laboratory support): U.S. government texts
(public domain, 17 U.S.C. 105): a U.S. Embassy Jakarta fact sheet on U.S.-Indonesia science and
technology collaboration, small-grant pages of the U.S. Embassies in Suva, Port Moresby (FY 2022
annual program statement) and Apia, an INDOPACOM article on U.S. and Philippine coast guard training
(2015), a U.S. Embassy Manila release on the small boat operations "train the trainer" course (2020),
a U.S. Embassy Vientiane Fulbright student fellowship call (2025-2026), a USAID Laos release on a
health security partnership with WHO (2024), a Voice of America editorial on a public health laboratory
in Cambodia and a VOA item on H1N1 laboratory equipment for Laos; and the Direct Aid Program page of
the Australian High Commission in Tonga (CC BY 4.0, Department of Foreign Affairs and Trade).
Annotated by x17t from the texts alone, following README.md "Annotation guidelines" (with the round-9
to 15 clarifications and the two round-16 settlements: a continuation with no amount, named
programme or date is an aim; a purchase from a state is the seller's act), BEFORE any extractor was
run on them. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* a small-grants programme page or call is an ``oda_grant`` engagement toward the states the page
  names (a per-award range or ceiling is not an amount; a "Total Amount Available" is), dated by a
  named fiscal year or financial year; a scholarship call is ``people_exchange`` with the academic
  year it names as year and year_end, and a programme's founding ("established ... in 1946") an
  engagement toward WORLD dated by that year (as x16t's "Since the program began in 2012");
* training of coast guard officers by U.S. Coast Guard instructors is ``technical_cooperation``
  (as IMET and police training in the training half), its participant count an indicator; a
  planned course with its own date or period ("in May", "in 2021") is a pledge and a record; an
  undated month-day on a dated release takes the release's year (as document 26);
* science capacity-building and collaborative research funding, a science agreement, a science
  dialogue and a science programme are ``science_cooperation``; a university partnership
  supporting exchanges of students and scholars is ``people_exchange``;
* laboratory renovation, equipment and testing support are ``health_cooperation``, staff training
  funded with its own verb ``technical_cooperation``; totals "since YYYY" and a year's health aid
  are indicators; an amount stated in the sentence after the act ("valued at over $60,000",
  "USAID intends to provide $10 million ... under this new partnership") is the act's amount.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

_PARTNERS_SUVA = ["FJI", "KIR", "NRU", "TON", "TUV"]
_SBO = (
    "U.S. Coast Guard (USCG) instructors conducted a Small Boat Operations course for 16 Philippine Coast Guard"
    " (PCG) participants in Manila from November 16 to December 11, 2020."
)
_USCG15 = "Twenty-seven PCG officers and staff participated in an outboard motor maintenance course"
GOLD_TRAIN_ROUND16_X17T = {
    "420_embassy_jakarta_us_indonesia_science_technology_factsheet_2011.txt": [
        (
            "the U.S.-Indonesia Science and Technology Cooperation Agreement that came into force this year",
            E(
                "USA",
                ["IDN"],
                "science_cooperation",
                name="U.S.-Indonesia Science and Technology Cooperation Agreement",
            ),
        ),
        (
            "the United States and Indonesia will launch a new high-level dialogue in 2012 to bolster joint research and science development",
            E("USA", ["IDN"], "science_cooperation", 2012),
        ),
        (
            "the United States is also launching a $600,000 science capacity building program",
            E("USA", ["IDN"], "science_cooperation", None, 600000, "USD"),
        ),
        (
            "We also launched a program under which the United States will provide $1.1 million in new funding to support collaborative research between U.S. and Indonesian scientists.",
            E("USA", ["IDN"], "science_cooperation", None, 1.1e6, "USD"),
        ),
        (
            "U.S. Science Envoy to Indonesia Dr. Bruce Alberts launched the U.S.-Indonesia Frontiers of Science program this year",
            E("USA", ["IDN"], "science_cooperation", name="U.S.-Indonesia Frontiers of Science"),
        ),
        (
            "Under its U.S.-Indonesia University Partnerships program, USAID currently supports exchanges between students, scholars, and institutions in both countries",
            E("USA", ["IDN"], "people_exchange", name="U.S.-Indonesia University Partnerships"),
        ),
    ],
    "421_embassy_suva_public_diplomacy_small_grant_program.txt": [
        (
            "The Public Diplomacy Section at the U.S. Embassy Suva considers small grant requests on a quarterly basis (pending funding availability).",
            E("USA", _PARTNERS_SUVA, "oda_grant", name="Public Diplomacy Small Grant Program"),
        ),
    ],
    "422_embassy_port_moresby_pas_annual_program_statement_fy2022.txt": [
        (
            "The U.S. Embassy Port Moresby Public Affairs Section (PAS) of the U.S. Department of State is pleased to announce that funding is available through its Public Diplomacy Small Grants Program.",
            E(
                "USA",
                ["PNG", "SLB", "VUT"],
                "oda_grant",
                2022,
                280000,
                "USD",
                name="Public Diplomacy Small Grants Program",
            ),
        ),
    ],
    "423_embassy_apia_small_grants_scheme_2020.txt": [
        (
            "The U.S. Embassy Apia Small Grants Scheme is a small competitive program offering grants of up to USD $10,000 to non-government organizations",
            E("USA", ["WSM"], "oda_grant", name="U.S. Embassy Apia Small Grants Scheme"),
        ),
    ],
    "424_pacom_us_philippine_coast_guards_training_2015.txt": [
        (
            "Personnel from the USCG conducted training with their PCG counterparts in Cebu and Iloilo from January 12 to February 6.",
            E("USA", ["PHL"], "technical_cooperation", 2015),
        ),
        (_USCG15, I("USA", ["PHL"], "trainees", 27, year=2015)),
        (
            "a planned USCG/PCG training on small boat operations in May",
            E("USA", ["PHL"], "technical_cooperation", 2015),
        ),
        (
            "EXBS plans to fund several PCG officers and staff to participate in training courses this year at the USCG Academy",
            E("USA", ["PHL"], "technical_cooperation", 2015),
        ),
        (
            "In the Philippines, EXBS invests some $600,000 (PHP 26,439,300) annually",
            I("USA", ["PHL"], "aid_annual", 600000, unit="USD"),
        ),
    ],
    "425_embassy_manila_small_boat_operations_train_the_trainer_2020.txt": [
        (_SBO, E("USA", ["PHL"], "technical_cooperation", 2020, name="Small Boat Operations course")),
        (_SBO, I("USA", ["PHL"], "trainees", 16, year=2020)),
        (
            "This course will be followed by more advanced instruction for the same instructor candidates to complete their course series in 2021.",
            E("USA", ["PHL"], "technical_cooperation", 2021),
        ),
    ],
    "426_embassy_vientiane_fulbright_student_fellowship_2025_2026.txt": [
        (
            "The U.S. Embassy is pleased to announce the opportunity to compete for the 2025-2026 Fulbright Student Fellowship for graduate study in the United States.",
            E("USA", ["LAO"], "people_exchange", 2025, year_end=2026, name="Fulbright Student Fellowship"),
        ),
        (
            "The Fulbright Program was established by the U.S. Congress in 1946",
            E("USA", ["WORLD"], "people_exchange", 1946, name="Fulbright Program"),
        ),
    ],
    "427_usaid_laos_health_security_who_partnership_2024.txt": [
        (
            "the United States Agency for International Development (USAID), the Ministry of Health (MOH), and the World Health Organization (WHO) announced a new five-year partnership to tackle health security threats",
            E("USA", ["LAO"], "health_cooperation", 2024, 10e6, "USD"),
        ),
    ],
    "428_voa_editorial_cambodia_public_health_laboratory_2008.txt": [
        (
            "The Centers for Disease Control provided six-hundred-fifty-thousand dollars to support the renovation of this laboratory's diagnostic capacity.",
            E("USA", ["KHM"], "health_cooperation", None, 650000, "USD"),
        ),
        (
            "This brings its total support for the development of laboratory capacity in Cambodia to three million dollars.",
            I("USA", ["KHM"], "aid_total", 3e6, unit="USD"),
        ),
        (
            "The Centers for Disease Control has also provided major financial support in order to train staff at the facility on molecular techniques",
            E("USA", ["KHM"], "technical_cooperation"),
        ),
        (
            "the more than thirty-six million dollars in aid that has been provided this year to support the health care sector in Cambodia",
            I("USA", ["KHM"], "aid_annual", 36e6, unit="USD"),
        ),
        (
            "The United States Agency for International Development has provided nearly two-hundred million dollars for education and health and in Cambodia since 2002.",
            I("USA", ["KHM"], "aid_total", 200e6, unit="USD", year=2002),
        ),
    ],
    "429_voa_laos_h1n1_laboratory_equipment_2009.txt": [
        (
            "On September 17th, the CDC and the World Health Organization, or WHO, turned\nover to Laotian health authorities a Real Time Polymerase Chain Reaction\nmachine",
            E("USA", ["LAO"], "health_cooperation", None, 60000, "USD"),
        ),
        (
            "Since April 2009, this more comprehensive assistance for laboratory diagnostic support is valued at over $300,000.",
            I("USA", ["LAO"], "aid_total", 300000, unit="USD", year=2009),
        ),
        (
            'the CDC and WHO collaboration has provided recent assistance in establishing "first time" testing for the detection of anthrax in human beings',
            E("USA", ["LAO"], "health_cooperation"),
        ),
        (
            "has assisted the Lao government in responding to pandemic threats since 2006 by helping develop capacity building measures valued at over $14 million",
            I("USA", ["LAO"], "aid_total", 14e6, unit="USD", year=2006),
        ),
    ],
    "430_hc_australia_tonga_direct_aid_program_2024_25.txt": [
        (
            "The DAP will open for four rounds in the 2023-24 financial year",
            E("AUS", ["TON"], "oda_grant", 2023, year_end=2024, name="Direct Aid Program"),
        ),
    ],
}
