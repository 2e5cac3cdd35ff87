"""Hand annotations of the training-only documents added in round 9 by x11u (120-139), merged by make_gold.py.

Batch 1 (120-128) was annotated and committed before any extractor was run on its documents; batch 2
(129-137) was annotated after batch 1 had landed and before any extractor was run on it. Public-domain US federal texts (Peace Corps, the Millennium Challenge
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
  record toward all of them;
* batch 2: a partner's leaders visiting the donor ("the Micronesia presidents" at the President's
  invitation) give one partner -> donor record per state (FSM, MHL, PLW); the donor official's
  visit to the three in one stop is one record toward all three;
* a country list with no code ("countries in the Indo-Pacific", "countries in the region", "our
  neighbours" with no state named) is WORLD; the first weekly doses ("Initially, Australia will
  share at least 10,000 ... doses per week") go to the states the release names as the first
  recipients (PNG, TLS); a sentence detailing an act already recorded ("will provide 1,450 hygiene
  kits for the city") gives only its count;
* MCC board selections: one record per programme type toward the named states (Kosovo has no
  ISO 3166 alpha-3 code and is left out); ordinal cohort numbers ("the 32nd group", "the second
  group"), projections ("original projection ... 5,500 patients") and attendance are not
  annotated;
* the Compact of Free Association: the signing of the amending agreements and the Compact
  governing relations "since 1986" are ``diplomatic_framework``; the amended Compact's assistance
  "totaling approximately $3.5 billion over a twenty-year period" is one ``oda_grant`` with that
  amount; Congress approving it is domestic; aims ("working to procure", "committed to ensuring
  comprehensive vaccine coverage") are not records.
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
    "129_dfat_ministers_15_million_doses_pacific_timor_leste_2021.txt": [
        (
            "The Morrison Government will share up to 15 million COVID-19 vaccine doses with our closest partners in the Pacific and Timor-Leste by mid-2022",
            E("AUS", ["PIC", "TLS"], "health_cooperation", 2021, year_end=2022),
        ),
        (
            "The Morrison Government will share up to 15 million COVID-19 vaccine doses with our closest partners in the Pacific and Timor-Leste by mid-2022",
            I("AUS", ["PIC", "TLS"], "vaccine_doses", 15e6, year=2021, year_end=2022),
        ),
        (
            "At the G7 summit, Prime Minister Morrison committed to share at least 20 million COVID-19 vaccine doses with countries in the Indo-Pacific.",
            E("AUS", ["WORLD"], "health_cooperation", 2021),
        ),
        (
            "At the G7 summit, Prime Minister Morrison committed to share at least 20 million COVID-19 vaccine doses with countries in the Indo-Pacific.",
            I("AUS", ["WORLD"], "vaccine_doses", 20e6, year=2021),
        ),
        (
            "Australia has already shared more than half a million vaccine doses with our Pacific and Timor-Leste partners since March.",
            I("AUS", ["PIC", "TLS"], "vaccine_doses_shared", 500000, year=2021),
        ),
        (
            "This partnership builds upon our support to the COVAX facility",
            E("AUS", ["WORLD"], "fund_contribution", name="COVAX facility"),
        ),
        (
            "We have also delivered essential equipment to Papua New Guinea, Fiji and Timor-Leste as they combat their COVID‑19 outbreaks.",
            E("AUS", ["PNG", "FJI", "TLS"], "health_cooperation"),
        ),
        (
            "Australia is also providing funding and technical assistance to support national vaccine roll-outs",
            E("AUS", ["PIC", "TLS"], "health_cooperation"),
        ),
    ],
    "130_dfat_ministers_sharing_vaccines_neighbours_2021.txt": [
        (
            "Initially, Australia will share at least 10,000 AstraZeneca COVID-19 doses per week and will scale up as required.",
            I("AUS", ["PNG", "TLS"], "vaccine_doses_per_week", 10000, year=2021),
        ),
        (
            "We will continue to support the Government of Papua New Guinea in its immediate response to its outbreak, helping to vaccinate front-line healthcare and other essential workers.",
            E("AUS", ["PNG"], "health_cooperation", 2021),
        ),
        (
            "Australia recently delivered 8,480 vaccine doses, medical personnel and supplies.",
            E("AUS", ["PNG"], "health_cooperation", 2021),
        ),
        (
            "Australia recently delivered 8,480 vaccine doses, medical personnel and supplies.",
            I("AUS", ["PNG"], "vaccine_doses", 8480, year=2021),
        ),
        (
            "COVID-19 vaccine doses will initially be made available to our friends in Papua New Guinea and Timor-Leste",
            E("AUS", ["PNG", "TLS"], "health_cooperation", 2021),
        ),
        (
            "Doses will also be made available in coming weeks for Fiji, Solomon Islands and Vanuatu.",
            E("AUS", ["FJI", "SLB", "VUT"], "health_cooperation", 2021),
        ),
    ],
    "131_state_pompeo_micronesia_press_availability_2019.txt": [
        (
            "We thank you for visiting us, for visiting us to meet President Heine, President Oilouch of Palau, and myself.",
            E("USA", ["FSM", "MHL", "PLW"], "diplomatic_framework", 2019),
        ),
        (
            "The recent visit to Washington, D.C. by the Micronesia presidents recently at the invitation of President Donald Trump",
            E("FSM", ["USA"], "diplomatic_framework", 2019),
        ),
        (
            "The recent visit to Washington, D.C. by the Micronesia presidents recently at the invitation of President Donald Trump",
            E("MHL", ["USA"], "diplomatic_framework", 2019),
        ),
        (
            "The recent visit to Washington, D.C. by the Micronesia presidents recently at the invitation of President Donald Trump",
            E("PLW", ["USA"], "diplomatic_framework", 2019),
        ),
    ],
    "132_afns_pacific_angel_legazpi_philippines_2012.txt": [
        (
            "Operation Pacific Angel, an ongoing humanitarian assistance mission conducted throughout the Pacific theater, was recently competed at the first location, Legazpi City, Philippines, for 2012.",
            E("USA", ["PHL"], "military_activity", 2012, name="Pacific Angel"),
        ),
        (
            "during PACANGEL, they helped more than 8,600 patients",
            I("USA", ["PHL"], "patients_treated", 8600, year=2012),
        ),
    ],
    "133_mcc_board_selects_indonesia_solomon_islands_2018.txt": [
        (
            "The Board selected Indonesia, Malawi and Kosovo for bilateral compacts – MCC’s five-year grant program.",
            E("USA", ["IDN", "MWI"], "oda_grant", 2018, name="MCC compact"),
        ),
        (
            "The Board also selected Ethiopia and Solomon Islands for MCC threshold programs",
            E("USA", ["ETH", "SLB"], "oda_grant", 2018, name="MCC threshold program"),
        ),
    ],
    "134_dfat_business_envoy_regional_vaccine_access_2021.txt": [
        (
            "committing to share at least 20 million vaccine doses from Australia's own supply line with countries in the region by mid-2022",
            E("AUS", ["WORLD"], "health_cooperation", year_end=2022),
        ),
        (
            "committing to share at least 20 million vaccine doses from Australia's own supply line with countries in the region by mid-2022",
            I("AUS", ["WORLD"], "vaccine_doses", 20e6, year_end=2022),
        ),
        (
            "the Australian Government's $523 million regional Vaccine Access and Health Security Initiative is providing additional doses, delivery support and technical advice to assist our neighbours in accessing vaccines and safely administering them",
            E(
                "AUS",
                ["WORLD"],
                "health_cooperation",
                None,
                523e6,
                "AUD",
                name="Vaccine Access and Health Security Initiative",
            ),
        ),
        (
            "This year, we will deliver 2.5 million doses to Indonesia",
            E("AUS", ["IDN"], "health_cooperation", 2021),
        ),
        (
            "This year, we will deliver 2.5 million doses to Indonesia",
            I("AUS", ["IDN"], "vaccine_doses", 2.5e6, year=2021),
        ),
        (
            "as well as supplying medical equipment such as oxygen concentrators to support the Indonesian Government's response to the latest surge in infections",
            E("AUS", ["IDN"], "health_cooperation", 2021),
        ),
        (
            "The Government will also send 1.5 million COVID-19 vaccine doses to Vietnam",
            E("AUS", ["VNM"], "health_cooperation", 2021),
        ),
        (
            "The Government will also send 1.5 million COVID-19 vaccine doses to Vietnam",
            I("AUS", ["VNM"], "vaccine_doses", 1.5e6, year=2021),
        ),
        (
            "along with procuring fridges to ensure the cold chain is maintained as the vaccines are transported to every community across the country",
            E("AUS", ["VNM"], "health_cooperation", 2021),
        ),
        (
            "Fiji has received more than 860,000 Australian-shared doses to date, with more to come.",
            I("AUS", ["FJI"], "vaccine_doses_shared", 860000),
        ),
        (
            "Our funding of hardware and the deployment of Australian-built information systems is assisting the Fijian Government with vaccine registration and tracking.",
            E("AUS", ["FJI"], "health_cooperation"),
        ),
    ],
    "135_usaid_embassy_davao_covid_ppe_hygiene_kits_2020.txt": [
        (
            "The U.S. government donated personal protective equipment (PPE) and hygiene kits to support Davao City’s efforts to address COVID-19.",
            E("USA", ["PHL"], "health_cooperation"),
        ),
        (
            "USAID, together with U.S. company Procter & Gamble, will provide 1,450 hygiene kits for the city",
            I("USA", ["PHL"], "hygiene_kits", 1450),
        ),
        (
            "the U.S. Defense Threat Reduction Agency’s previously announced nearly Php15 million pesos worth of PPE and medical supplies to hospitals across the country",
            E("USA", ["PHL"], "health_cooperation", None, 15e6, "PHP"),
        ),
        (
            "This assistance is part of the U.S. government’s nearly Php1 billion ($20.5 million) investment to support the Philippine’s COVID-19 response.",
            I("USA", ["PHL"], "covid_aid_total", 1e9, unit="PHP"),
        ),
        (
            "USAID assistance enhances laboratory and specimen transport systems, infection prevention and control, risk communication, health care waste management, disease surveillance, contact tracing, and case management.",
            E("USA", ["PHL"], "health_cooperation"),
        ),
    ],
    "136_peacecorps_mongolia_32nd_group_2023.txt": [
        (
            "The newest cohort of Peace Corps Volunteers in Mongolia were sworn in August 17.",
            E("USA", ["MNG"], "people_exchange", 2023, name="Peace Corps"),
        ),
        (
            "These 14 Americans will travel to sites across Mongolia to live and work alongside their Mongolian partners",
            I("USA", ["MNG"], "volunteers_sworn_in", 14, year=2023),
        ),
        (
            "the program was founded in 1991",
            E("USA", ["MNG"], "people_exchange", 1991, name="Peace Corps"),
        ),
        (
            "Since then, about 1,450 volunteers have worked in Mongolia",
            I("USA", ["MNG"], "volunteers_served", 1450, year=1991),
        ),
        (
            "Since President John F. Kennedy established the Peace Corps in 1961, nearly 240,000 Americans of all ages have served in 143 countries worldwide.",
            I("USA", ["WORLD"], "volunteers_served", 240000, year=1961),
        ),
        (
            "Since President John F. Kennedy established the Peace Corps in 1961, nearly 240,000 Americans of all ages have served in 143 countries worldwide.",
            I("USA", ["WORLD"], "countries_served", 143, year=1961),
        ),
    ],
    "137_crs_marshall_islands_micronesia_compact_amendments_2004.txt": [
        (
            "On April 30, 2003 and May 15, 2003, the United States signed agreements with two Freely Associated States (FAS), the Republic of the Marshall Islands (RMI) and the Federated States of Micronesia (FSM), to amend provisions of the Compact of Free Association.",
            E("USA", ["MHL", "FSM"], "diplomatic_framework", 2003, name="Compact of Free Association"),
        ),
        (
            "The Compact of Free Association, along with the Compact of Free Association Act of 1985 (P.L. 99-239), has governed the political, economic, and military relationships between the United States and the FAS since 1986.",
            E("USA", ["MHL", "FSM"], "diplomatic_framework", 1986, name="Compact of Free Association"),
        ),
        (
            "The Compact, as amended, provides for continued U.S. financial and program assistance to the RMI and FSM and payments for U.S. military use of Kwajalein Atoll totaling approximately $3.5 billion over a twenty-year period.",
            E("USA", ["MHL", "FSM"], "oda_grant", None, 3.5e9, "USD", name="Compact of Free Association"),
        ),
    ],
}
