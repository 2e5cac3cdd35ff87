"""Hand annotations of the training-only documents added in round 9 by x11u (120-139), merged by make_gold.py.

Batch 1 (120-128) was annotated and committed before any extractor was run on its documents; batch 2
follows the same rule. Public-domain US federal texts (Peace Corps, the Millennium Challenge
Corporation, a White House fact sheet, DVIDS and Pacific Air Forces stories, a State Department
transcript) and CC BY 4.0 Australian ministerial texts (a joint media release and a minister's
speech), chosen for the shapes the extractor misses on unseen text: deliveries of doses, supplies
and teams with counts, a first-person speech, a spoken transcript announcing a trip, acts with no
figure of their own (a delegation's visit, a board's selection, a programme's swearing-in),
long sentences with country lists, and totals beside acts. Annotated by x11u from the texts alone,
following README.md "Annotation guidelines" (with its round-9 clarifications), BEFORE any extractor
was run on these documents (the "before tuning" figure in README.md "Round 9 (x11u)" was taken
once, after this file was committed). TRAINING ONLY (manifest groups ``train-only:...``).

Decisions worth recording (applied the same way in every document):
* dated releases and speeches give their dateline year to "today", "this week", "last month",
  "immediately supplying" and "will be delivered"; a present perfect with no time word ("has
  committed $623.2 million") takes no year; a page with no dateline gives no year unless stated;
* a vaccine delivery, a pledge of doses, a medical team and medical supplies or PPE are
  ``health_cooperation``, each with one indicator per count (doses, tonnes, specialists, masks);
  an earlier delivery stated separately ("building on ... 56 tonnes ... delivered last month",
  "our earlier initial vaccine support to Papua New Guinea") is its own record; deliveries by
  COVAX itself and other partners' work are not the actor's; a contribution to COVAX for
  "developing countries" is ``fund_contribution`` toward WORLD (as round 8);
* parts of a stated package ("This includes $100 million ...", "It also includes $200 million ...",
  a per-country share "through our regional vaccine access initiative") are its breakdown, not new
  records; a sum stated as the content of a separate, earlier effort ("This included reprioritising
  over $60 million in aid spending") is that effort's amount;
* the Peace Corps: a swearing-in of volunteers in a country is ``people_exchange`` with the count
  of volunteers as an indicator (sub-counts of the same group, "ten new environment volunteers",
  too); a programme "established in 1992" is ``people_exchange`` with that year and "more than 945
  ... have served ... since" an indicator with that year; a country named only by a ceremony's
  date ("On Nov. 4, 35 new volunteers ...") has no partner and is not annotated; audience sizes are
  not annotated; the Director's visit in the country is an act of the programme (``people_exchange``),
  as round 8 coded an agency chief executive's visit with the agency's instrument;
* the Millennium Challenge Corporation: its board selecting a country for a compact, a threshold
  programme, a programme requested from Congress and its delegation's visit to develop a compact are
  ``oda_grant`` (MCC gives grants); "has signed 22 Compacts totaling nearly $7.5 billion" worldwide
  gives two indicators toward WORLD;
* Pacific Angel (a US military humanitarian-assistance operation with partner forces) is
  ``military_activity`` (README: exercises and deployments whatever their theme; no disaster is
  being relieved) toward the host and the named participating states; its personnel count shares
  those partners and its patient count is toward the host; square feet of roofing, lengths of pipe
  and numbers of solar panels are physical specifications, not annotated;
* an official's spoken announcement of a trip to a list of states is one ``diplomatic_framework``
  record toward all of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

PC_2015 = ["ARM", "FJI", "LSO", "MKD", "RWA", "WSM", "GMB", "TLS", "TON", "UKR"]
PAC_ANGEL_18_3 = ["VUT", "FJI", "PNG", "PHL"]
CAMPBELL_TRIP = ["KIR", "WSM", "TON", "SLB", "PNG", "PLW", "FSM", "MHL"]

GOLD_TRAIN_ROUND9_X11U = {
    "120_dfat_ministers_vaccine_rollout_pacific_timor_leste_2021.txt": [
        (
            "has today provided an initial delivery of 20,000 Australian-manufactured vaccines from our national stocks to Timor-Leste",
            E("AUS", ["TLS"], "health_cooperation", 2021),
        ),
        (
            "has today provided an initial delivery of 20,000 Australian-manufactured vaccines from our national stocks to Timor-Leste",
            I("AUS", ["TLS"], "vaccine_doses", 20000, year=2021),
        ),
        (
            "We have also sent further much-needed medical supplies to support Timor-Leste’s COVID-19 response.",
            E("AUS", ["TLS"], "health_cooperation", 2021),
        ),
        (
            "This builds on the more than 56 tonnes of humanitarian, medical and PPE supplies delivered to Timor-Leste last month.",
            E("AUS", ["TLS"], "health_cooperation", 2021),
        ),
        (
            "This builds on the more than 56 tonnes of humanitarian, medical and PPE supplies delivered to Timor-Leste last month.",
            I("AUS", ["TLS"], "supplies_tonnes", 56, year=2021),
        ),
        (
            "Six Australian Medical Assistance Team (AUSMAT) specialists are currently in Dili working to support local health authorities in their COVID-19 response.",
            E("AUS", ["TLS"], "health_cooperation", 2021, name="AUSMAT"),
        ),
        (
            "Six Australian Medical Assistance Team (AUSMAT) specialists are currently in Dili working to support local health authorities in their COVID-19 response.",
            I("AUS", ["TLS"], "medical_specialists", 6, year=2021),
        ),
        (
            "10,000 COVID-19 vaccine doses will be delivered to our partners in Fiji this week",
            E("AUS", ["FJI"], "health_cooperation", 2021),
        ),
        (
            "10,000 COVID-19 vaccine doses will be delivered to our partners in Fiji this week",
            I("AUS", ["FJI"], "vaccine_doses", 10000, year=2021),
        ),
        (
            "building on our earlier initial vaccine support to Papua New Guinea",
            E("AUS", ["PNG"], "health_cooperation"),
        ),
        (
            "Australia will procure vaccine stocks, under a partnership agreement with UNICEF, of up to 6 million COVID-19 doses for the Pacific and Timor-Leste in 2021.",
            E("AUS", ["PIC", "TLS"], "health_cooperation", 2021),
        ),
        (
            "Australia will procure vaccine stocks, under a partnership agreement with UNICEF, of up to 6 million COVID-19 doses for the Pacific and Timor-Leste in 2021.",
            I("AUS", ["PIC", "TLS"], "vaccine_doses", 6e6, year=2021),
        ),
        (
            "Australia’s $80 million contribution to the multilateral COVAX Facility’s Advance Market Commitment for developing countries",
            E("AUS", ["WORLD"], "fund_contribution", None, 80e6, "AUD", name="COVAX Facility"),
        ),
    ],
    "121_dfat_seselja_unicef_vaccine_briefing_speech_2021.txt": [
        (
            "Australia has committed $623.2 million over three years to provide access to safe and effective vaccines for the Pacific and Southeast Asia.",
            E("AUS", ["PIC", "ASEAN"], "health_cooperation", None, 623.2e6, "AUD"),
        ),
        (
            "This included reprioritising over $60 million in aid spending to provide personal protection equipment (PPE), fund provincial health services, and protect font-line workers.",
            E("AUS", ["PNG"], "health_cooperation", None, 60e6, "AUD"),
        ),
        (
            "we’re immediately supplying an initial 8,000 doses of the AstraZeneca vaccine from our own stock to PNG’s frontline nurses and doctors",
            E("AUS", ["PNG"], "health_cooperation", 2021),
        ),
        (
            "we’re immediately supplying an initial 8,000 doses of the AstraZeneca vaccine from our own stock to PNG’s frontline nurses and doctors",
            I("AUS", ["PNG"], "vaccine_doses", 8000, year=2021),
        ),
        (
            "we’re requesting that AstraZeneca and European Authorities provide a further one million doses directly to PNG, paid for by Australia",
            E("AUS", ["PNG"], "health_cooperation", 2021),
        ),
        (
            "we’re requesting that AstraZeneca and European Authorities provide a further one million doses directly to PNG, paid for by Australia",
            I("AUS", ["PNG"], "vaccine_doses", 1e6, year=2021),
        ),
        (
            "We’re also deploying an AUSMAT advisory team",
            E("AUS", ["PNG"], "health_cooperation", 2021, name="AUSMAT"),
        ),
        (
            "supplying PPE including one million surgical masks",
            E("AUS", ["PNG"], "health_cooperation", 2021),
        ),
        (
            "supplying PPE including one million surgical masks",
            I("AUS", ["PNG"], "surgical_masks", 1e6, year=2021),
        ),
    ],
    "122_peacecorps_tonga_director_swearing_in_2024.txt": [
        (
            "Peace Corps Director Carol Spahn officiated the swearing-in ceremony of 19 new Peace Corps Volunteers who will live and work in the Kingdom of Tonga over the next two years",
            E("USA", ["TON"], "people_exchange", 2024, name="Peace Corps"),
        ),
        (
            "Peace Corps Director Carol Spahn officiated the swearing-in ceremony of 19 new Peace Corps Volunteers who will live and work in the Kingdom of Tonga over the next two years",
            I("USA", ["TON"], "volunteers_sworn_in", 19, year=2024),
        ),
        (
            "This new group includes ten new environment volunteers",
            I("USA", ["TON"], "environment_volunteers", 10, year=2024),
        ),
        (
            "During her visit, Director Spahn met with Peace Corps/Tonga’s project advisory committees (PACs)",
            E("USA", ["TON"], "people_exchange", 2024, name="Peace Corps"),
        ),
    ],
    "123_peacecorps_350_volunteers_sworn_in_2015.txt": [
        (
            "more than 350 new two-year Peace Corps volunteers were sworn into service and have begun their work in communities across Armenia, Fiji, Lesotho, Macedonia, Rwanda, Samoa, The Gambia, Timor-Leste, Tonga and Ukraine",
            E("USA", PC_2015, "people_exchange", 2015, name="Peace Corps"),
        ),
        (
            "more than 350 new two-year Peace Corps volunteers were sworn into service and have begun their work in communities across Armenia, Fiji, Lesotho, Macedonia, Rwanda, Samoa, The Gambia, Timor-Leste, Tonga and Ukraine",
            I("USA", PC_2015, "volunteers_sworn_in", 350, year=2015),
        ),
        (
            "On Nov. 12, 39 new volunteers were sworn in by U.S. Ambassador to Armenia Richard Mills during a ceremony in Yerevan",
            E("USA", ["ARM"], "people_exchange", 2015, name="Peace Corps"),
        ),
        (
            "On Nov. 12, 39 new volunteers were sworn in by U.S. Ambassador to Armenia Richard Mills during a ceremony in Yerevan",
            I("USA", ["ARM"], "volunteers_sworn_in", 39, year=2015),
        ),
        (
            "More than 945 Peace Corps volunteers have served in Armenia since the program was established in 1992.",
            I("USA", ["ARM"], "volunteers_served", 945, year=1992),
        ),
        (
            "the program was established in 1992",
            E("USA", ["ARM"], "people_exchange", 1992, name="Peace Corps"),
        ),
    ],
    "124_mcc_timor_leste_delegation_visit_2018.txt": [
        (
            "visited Timor-Leste this week to discuss the development of an MCC Compact to reduce poverty and promote economic growth in partnership with the Government of Timor-Leste",
            E("USA", ["TLS"], "oda_grant", 2018, name="MCC Compact"),
        ),
        (
            "The MCC Board of Directors selected Timor-Leste for an MCC Compact in December 2017.",
            E("USA", ["TLS"], "oda_grant", 2017, name="MCC Compact"),
        ),
        (
            "transition Timor-Leste from a smaller Threshold program to a full-fledged Compact",
            E("USA", ["TLS"], "oda_grant", name="Threshold program"),
        ),
    ],
    "125_whitehouse_indonesia_mcc_factsheet.txt": [
        (
            "MCC and the Government of Indonesia have partnered since 2006 through a $55 million Threshold Program focused on strengthening the judiciary, government procurement, and Indonesia's Anticorruption Commission",
            E("USA", ["IDN"], "oda_grant", 2006, 55e6, "USD", name="Threshold Program"),
        ),
        (
            "a nationwide immunization program for more than five million children",
            I("USA", ["IDN"], "children_immunized", 5e6),
        ),
        (
            "in December 2008 MCC's Board of Directors selected Indonesia as eligible for a Millennium Challenge Compact",
            E("USA", ["IDN"], "oda_grant", 2008, name="Millennium Challenge Compact"),
        ),
        (
            "To date, MCC has signed 22 Compacts totaling nearly $7.5 billion.",
            I("USA", ["WORLD"], "compacts_signed", 22),
        ),
        (
            "To date, MCC has signed 22 Compacts totaling nearly $7.5 billion.",
            I("USA", ["WORLD"], "compacts_total", 7.5e9, unit="USD"),
        ),
        (
            "The President has requested an initial MCC economic development program that exceeds $500 million over five years",
            E("USA", ["IDN"], "oda_grant", None, 500e6, "USD"),
        ),
    ],
    "126_dvids_pacific_angel_18_3_vanuatu_2018.txt": [
        (
            "Over 75 U.S. military personnel gathered alongside service members from Fiji, Papua New Guinea and the Philippines to conduct medical and civil-engineering humanitarian assistance during Pacific Angel 18-3",
            E("USA", PAC_ANGEL_18_3, "military_activity", 2018, name="Pacific Angel 18-3"),
        ),
        (
            "Over 75 U.S. military personnel gathered alongside service members from Fiji, Papua New Guinea and the Philippines to conduct medical and civil-engineering humanitarian assistance during Pacific Angel 18-3",
            I("USA", PAC_ANGEL_18_3, "personnel", 75, year=2018),
        ),
        (
            "treating approximately 3,500 patients",
            I("USA", ["VUT"], "patients_treated", 3500, year=2018),
        ),
    ],
    "127_pacaf_pacific_angel_2019_bangladesh_mongolia_png.txt": [
        (
            "This year’s iterations provided medical care, engineering assistance and subject matter expert exchanges in Bangladesh, Mongolia, and Papua New Guinea.",
            E("USA", ["BGD", "MNG", "PNG"], "military_activity", 2019, name="Pacific Angel"),
        ),
    ],
    "128_state_campbell_pacific_journalists_remarks_2011.txt": [
        (
            "We are leaving Hawaii on Sunday, and we are going to – just to give you a sense – to Kiribati, to Samoa, to Tonga, the Solomons, to Port Moresby, to PNG, to Palau, to the FSM, and the RMI.",
            E("USA", CAMPBELL_TRIP, "diplomatic_framework", 2011),
        ),
    ],
}
