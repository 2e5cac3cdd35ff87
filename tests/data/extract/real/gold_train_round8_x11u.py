"""Hand annotations of the training-only documents added in round 8 by x11u (81-99), merged by make_gold.py.

Batch 1 (81-91, 93-95) was committed and landed before batch 2 (92, 96-99) was annotated; each
batch was annotated before any extractor was run on its documents.

US and Australian government texts and poll/indicator-heavy texts, chosen for sentence shapes the
corpus lacked: vaccine deliveries with dose counts, a multilateral exercise workshop, fact-sheet
bullets, relief deployments counted in tonnes, pallets, personnel and sorties, scholarship counts,
a government-published opinion poll (shares as perceptions) and a prime minister's spoken press
conference. Annotated by x11u from the texts alone, following README.md "Annotation guidelines",
BEFORE any extractor was run on these documents (the "before tuning" score in README.md
"Round 8 (x11u)" was taken once, after this file was committed). TRAINING ONLY (manifest groups
``train-only:...``).

Decisions worth recording (applied the same way in every document):
* a page whose stored text carries no dateline gives no year unless the clause states one
  ("in July", "September 25", "today", "last year" on an undated page give none); a year inside
  an operation's name ("Operation Tonga Assist 2022") is stated and is the deployment's year;
* a vaccine donation or shipment is ``health_cooperation`` plus one indicator for its dose count;
  an earlier shipment stated separately ("in addition to 3 million doses that arrived on July 11")
  is its own record, "bringing the total number of doses ... to" is a total (indicator only);
* a contribution through Gavi/COVAX for "92 countries, including Indonesia" and a pledge of doses
  "to countries in need, including Indonesia" have partners WORLD plus the state the text names;
* "To date, the United States has invested $47 million", "has directly provided over $1.5 billion
  ... over the past decade", "has increased to more than $37 million its funding" are totals:
  indicators with unit = currency, never engagements;
* relief: the money, a deployed relief or assessment team, a USAID-funded partner's programme and
  a military relief deployment are ``disaster_cooperation``; the counts of the effort (trucks,
  tonnes, pallets, personnel, sorties, number of responses) are indicators; a ship's capacities
  (litres of water, hospital beds) are not annotated; other donors' pledges are not the actor's
  (round 11, README "Clarified in round 11": a ship's arrival stated as an act of its own, HMAS
  Adelaide's, is now also an engagement beside its counts);
* a multilateral exercise workshop co-hosted with a partner is ``military_activity`` toward the
  co-host (the other participants are not named); its head counts are indicators; an exercise
  whose participants are named ("personnel from the U.S., Thailand, Indonesia, Japan and
  Singapore") is one record of the first-named donor power toward the others, its personnel count
  an indicator toward the same partners, and its civic action project and patient counts
  indicators toward the host; quoted officials' remarks give a record only where they state an
  act with a count ("projects at four ... civic action sights");
* the Peace Corps: a programme opened or resumed in a country ("opened in 1967", "its return to
  ... Fiji with the swearing-in of 25 new ... volunteers") is ``people_exchange`` with that year;
  "over 1,500 have served there" since the opening is an indicator with year = the opening year;
* an agricultural research agency's programme and its chief executive's visit are
  ``science_cooperation``; its annual budget is a level (indicator, unit = currency);
* scholarships: the award of named scholarships and a named scholarship programme are
  ``people_exchange``; "around 400 scholarships a year", applicant and alumni counts are
  indicators; counts over "applications from around the world" have partner WORLD;
* fact sheets: a summit, a joint declaration, recognising states and intending to establish
  relations, and launching a named dialogue are ``diplomatic_framework``; dollar programmes
  announced or requested from Congress are ``oda_grant`` (pledges count); a domestic strategy
  document released and aims ("aims to deliver") are not annotated;
* a prime minister's first-person account of attending a partner's celebration is his state's
  visit (``diplomatic_framework``); welcoming the partner's prime minister "back to Australia" is
  the partner's visit (seeds' convention: partner -> donor); signing a mutual defence treaty is
  ``security_agreement``;
* a government-published poll: each share of respondents about the actor is a perception (value as
  0-1, "more than 90%" -> 0.9; year = the fieldwork year): "friendly or somewhat friendly" ->
  friendly, "trustworthy" and "the most reliable country" -> trust, the actor's policy "valuable
  for peacekeeping" -> helpful. Rankings of partners ("important partner") and image attributes
  ("technologically developed") have no measure in spec/records.md and are not annotated. The
  2008 MOFA poll page was not stored: the seed essays cite the same survey.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I, P  # noqa: E402

ASEAN7_2014 = ["IDN", "MYS", "PHL", "SGP", "THA", "VNM", "MMR"]

GOLD_TRAIN_ROUND8_X11U = {
    "81_embassy_indonesia_moderna_3_5m_2021.txt": [
        (
            "announced the arrival of 3.5 million doses of the Moderna COVID-19 vaccine from the United States Government",
            E("USA", ["IDN"], "health_cooperation"),
        ),
        (
            "announced the arrival of 3.5 million doses of the Moderna COVID-19 vaccine from the United States Government",
            I("USA", ["IDN"], "vaccine_doses", 3.5e6),
        ),
        (
            "the 4.5 million doses of Moderna donated by the United States in July",
            E("USA", ["IDN"], "health_cooperation"),
        ),
        (
            "the 4.5 million doses of Moderna donated by the United States in July",
            I("USA", ["IDN"], "vaccine_doses", 4.5e6),
        ),
        (
            "The United States has committed an historic $4 billion contribution from the American people through Gavi, the Vaccine Alliance, for the COVAX AMC.",
            E("USA", ["WORLD", "IDN"], "fund_contribution", None, 4e9, "USD", name="COVAX AMC"),
        ),
        (
            "President Biden has also committed to provide 80 million safe and effective COVID-19 vaccines to countries in need, including Indonesia",
            E("USA", ["WORLD", "IDN"], "health_cooperation"),
        ),
        (
            "President Biden has also committed to provide 80 million safe and effective COVID-19 vaccines to countries in need, including Indonesia",
            I("USA", ["WORLD", "IDN"], "vaccine_doses", 80e6),
        ),
        (
            "To date, the United States has invested $47 million to help Indonesia improve vaccination services",
            I("USA", ["IDN"], "covid_aid_total", 47e6, unit="USD"),
        ),
        (
            "The U.S. contribution includes over 1,000 ventilators that are currently in use in 600 hospitals",
            I("USA", ["IDN"], "ventilators", 1000),
        ),
        (
            "The U.S. contribution includes over 1,000 ventilators that are currently in use in 600 hospitals",
            I("USA", ["IDN"], "hospitals", 600),
        ),
    ],
    "82_embassy_philippines_scholarships_exchanges_2021.txt": [
        (
            "The U.S. Embassy in the Philippines oversees U.S. Government-sponsored exchange programs for Filipinos and Americans.",
            E("USA", ["PHL"], "people_exchange"),
        ),
        (
            "Approximately 350 Filipinos and 50 Americans participate in these bilateral exchanges annually.",
            I("USA", ["PHL"], "exchange_participants_filipino_annual", 350),
        ),
        (
            "Approximately 350 Filipinos and 50 Americans participate in these bilateral exchanges annually.",
            I("USA", ["PHL"], "exchange_participants_american_annual", 50),
        ),
        (
            "Since the first exchange program in 1948, more than 9,000 Filipino and Americans are exchange alumni.",
            I("USA", ["PHL"], "exchange_alumni", 9000, year=1948),
        ),
    ],
    "83_indopacom_pacific_endeavor_brunei_2024.txt": [
        (
            "U.S. Indo-Pacific Command’s J6 Multinational Communications Interoperability Program (MCIP) team and the Royal Brunei Armed Forces recently hosted a critical planning workshop in Bandar Seri Begawan, Brunei Darussalam.",
            E("USA", ["BRN"], "military_activity", 2024),
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
    "84_embassy_australia_indonesia_aciar_2010.txt": [
        (
            "Dr Nick Austin will visit Indonesia from 16 to 20 March 2010 for meetings in Jakarta and Bogor",
            E("AUS", ["IDN"], "science_cooperation", 2010),
        ),
        (
            "The Centre funds research and development projects through partnerships between Australian and Indonesian researchers and other players.",
            E("AUS", ["IDN"], "science_cooperation", name="ACIAR"),
        ),
        (
            "Our Indonesian program, with a budget of A$11.7 million in 2009-10",
            I("AUS", ["IDN"], "research_budget", 11.7e6, unit="AUD", year=2009, year_end=2010),
        ),
        (
            "supporting 59 projects in eleven provinces of Indonesia",
            I("AUS", ["IDN"], "projects", 59),
        ),
        (
            "supporting 59 projects in eleven provinces of Indonesia",
            I("AUS", ["IDN"], "provinces", 11),
        ),
    ],
    "85_whitehouse_us_pif_summit_factsheet_2023.txt": [
        (
            "At the U.S.-Pacific Islands Forum Summit meeting at the White House on September 25",
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
            "President Biden announced that the United States recognized Cook Islands and Niue as independent, sovereign nations and intends to establish diplomatic relations with each nation",
            E("USA", ["COK", "NIU"], "diplomatic_framework"),
        ),
    ],
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
            "Through a long-standing USAID-funded program to reduce the risk of disasters",
            E("USA", ["PHL"], "disaster_cooperation"),
        ),
        (
            "the World Food Programme (WFP) is providing 35 trucks",
            I("USA", ["PHL"], "trucks", 35, year=2020),
        ),
        (
            "As of November 5, 2020, the WFP has delivered 117 metric tons of food and other emergency relief.",
            I("USA", ["PHL"], "relief_tonnes", 117, year=2020),
        ),
        (
            "With support from USAID, the International Organization for Migration is providing emergency-shelter materials to DSWD",
            E("USA", ["PHL"], "disaster_cooperation", 2020),
        ),
    ],
    "87_state_iip_typhoon_haiyan_relief_2013.txt": [
        (
            "The United States has increased to more than $37 million its funding for emergency relief in areas of the Philippines affected by Typhoon Haiyan/Yolanda.",
            I("USA", ["PHL"], "relief_total", 37e6, unit="USD"),
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
    "88_defence_operation_tonga_assist_2022.txt": [
        (
            "The Australian Defence Force has deployed significant capability on Operation Tonga Assist 2022 as part of the Australian Government's support to Tonga",
            E("AUS", ["TON"], "disaster_cooperation", 2022, name="Operation Tonga Assist 2022"),
        ),
        (
            "HMAS Adelaide arrived in Tonga on January 26",
            E("AUS", ["TON"], "disaster_cooperation"),
        ),
        (
            "HMAS Adelaide arrived in Tonga on January 26 with 250 pallets of humanitarian supplies and over 600 personnel",
            I("AUS", ["TON"], "pallets", 250),
        ),
        (
            "HMAS Adelaide arrived in Tonga on January 26 with 250 pallets of humanitarian supplies and over 600 personnel",
            I("AUS", ["TON"], "personnel", 600),
        ),
        (
            "The crew conducted a COVID-19 safe and contactless unload of 88 tonnes of humanitarian supplies onto Vanu Wharf in Nuku'alofa",
            I("AUS", ["TON"], "relief_tonnes", 88),
        ),
    ],
    "89_defence_hmas_tobruk_vanuatu_pam_2015.txt": [
        (
            "HMAS Tobruk provided life-saving humanitarian assistance and disaster relief support to isolated communities throughout the cyclone devastated archipelago in the wake of Tropical Cyclone Pam",
            E("AUS", ["VUT"], "disaster_cooperation"),
        ),
        (
            "delivering more than 25 tonnes of supplies, equipment and reconstruction teams",
            I("AUS", ["VUT"], "relief_tonnes", 25),
        ),
        (
            "The ADF have committed more than 500 personnel",
            I("AUS", ["VUT"], "personnel", 500),
        ),
        (
            "undertaken approximately 260 supporting sorties",
            I("AUS", ["VUT"], "sorties", 260),
        ),
        (
            "delivered over 200 pallets of aid to Vanuatu during the relief effort",
            I("AUS", ["VUT"], "pallets", 200),
        ),
        (
            "There are still approximately 82 ADF personnel left in Vanuatu",
            I("AUS", ["VUT"], "personnel_remaining", 82),
        ),
        (
            "three Army S-70 Black Hawk helicopters",
            I("AUS", ["VUT"], "helicopters", 3),
        ),
    ],
    "90_embassy_australia_vietnam_leadership_awards_2011.txt": [
        (
            "today announces that 20 Vietnamese high performers will be offered a prestigious Australian Leadership Award (ALA) scholarship",
            E("AUS", ["VNM"], "people_exchange", name="Australian Leadership Award"),
        ),
        (
            "today announces that 20 Vietnamese high performers will be offered a prestigious Australian Leadership Award (ALA) scholarship",
            I("AUS", ["VNM"], "scholarships", 20),
        ),
        (
            "the Australia Awards initiative which provides Vietnam with around 400 scholarships a year",
            E("AUS", ["VNM"], "people_exchange", name="Australia Awards"),
        ),
        (
            "the Australia Awards initiative which provides Vietnam with around 400 scholarships a year",
            I("AUS", ["VNM"], "scholarships_annual", 400),
        ),
        (
            "selected from over 1000 applications from around the world",
            I("AUS", ["WORLD"], "scholarship_applications", 1000, year=2011),
        ),
        (
            "one of only 205 ALA scholarships available in 2011",
            I("AUS", ["WORLD"], "scholarships", 205, year=2011),
        ),
    ],
    "91_mofa_japan_opinion_poll_seven_asean_2014.txt": [
        (
            "more than 90% of the respondents answered “friendly” or “somewhat friendly.”",
            P("JPN", ASEAN7_2014, "friendly", 0.9, year=2014),
        ),
        (
            "more than 90% answered that they considered Japan to be “a trustworthy friend” or “trustworthy, but with some reservations.”",
            P("JPN", ASEAN7_2014, "trust", 0.9, year=2014),
        ),
        (
            "Japan was ranked first as “the most reliable country” with 33% of the respondents who selected Japan",
            P("JPN", ASEAN7_2014, "trust", 0.33, year=2014),
        ),
        (
            "90% of the respondents answered that the policy was valuable for peacekeeping of Asia region including ASEAN",
            P("JPN", ASEAN7_2014, "helpful", 0.9, year=2014),
        ),
    ],
    "93_pm_australia_png_pukpuk_treaty_press_conference.txt": [
        (
            "Last month I had the enormous privilege and the absolute pleasure of representing the people of Australia in Port Moresby at what were quite spectacular celebrations to mark the 50th anniversary of Papua New Guinea's independence.",
            E("AUS", ["PNG"], "diplomatic_framework"),
        ),
        (
            "welcome my friend, Prime Minister Marape, back to Australia once again",
            E("PNG", ["AUS"], "diplomatic_framework"),
        ),
        (
            "Today, with the signing of the Pukpuk Treaty, the Papua New Guinea-Australia Mutual Defence Treaty.",
            E("AUS", ["PNG"], "security_agreement", name="Pukpuk Treaty"),
        ),
    ],
    "94_embassy_indonesia_moderna_1_5m_2021.txt": [
        (
            "announced the arrival of 1,500,100 additional doses of the Moderna COVID-19 vaccine from the United States government through COVAX",
            E("USA", ["IDN"], "health_cooperation"),
        ),
        (
            "announced the arrival of 1,500,100 additional doses of the Moderna COVID-19 vaccine from the United States government through COVAX",
            I("USA", ["IDN"], "vaccine_doses", 1500100),
        ),
        (
            "3 million doses that arrived on July 11",
            E("USA", ["IDN"], "health_cooperation"),
        ),
        (
            "3 million doses that arrived on July 11",
            I("USA", ["IDN"], "vaccine_doses", 3e6),
        ),
        (
            "bringing the total number of vaccine doses donated by the United States to Indonesia to 4.5 million",
            I("USA", ["IDN"], "vaccine_doses_total", 4.5e6),
        ),
        (
            "The United States has committed an historic $4 billion contribution from the American people through Gavi, the Vaccine Alliance for the COVAX Advance Market Commitment (COVAX AMC).",
            E("USA", ["WORLD", "IDN"], "fund_contribution", None, 4e9, "USD", name="COVAX AMC"),
        ),
        (
            "President Biden has also committed to provide 80 million safe and effective COVID-19 vaccines to countries in need around the world",
            E("USA", ["WORLD", "IDN"], "health_cooperation"),
        ),
        (
            "President Biden has also committed to provide 80 million safe and effective COVID-19 vaccines to countries in need around the world",
            I("USA", ["WORLD", "IDN"], "vaccine_doses", 80e6),
        ),
        (
            "To date, the United States has invested $36 million to help Indonesia improve",
            I("USA", ["IDN"], "covid_aid_total", 36e6, unit="USD"),
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
            I("USA", ["PIC"], "aid_total", 1.5e9, unit="USD"),
        ),
        (
            "today has announced over $810 million in additional expanded programs",
            E("USA", ["PIC"], "oda_grant", None, 810e6, "USD"),
        ),
        (
            "the historic announcement that the United States will recognize Cook Islands and Niue, following appropriate consultations",
            E("USA", ["COK", "NIU"], "diplomatic_framework"),
        ),
        (
            "launching a new Trade and Investment Dialogue",
            E("USA", ["PIC"], "diplomatic_framework", name="Trade and Investment Dialogue"),
        ),
        (
            "the 10-year $600 million Economic Assistance Agreement request to Congress, which is associated with the South Pacific Tuna Treaty",
            E("USA", ["PIC"], "oda_grant", None, 600e6, "USD", name="Economic Assistance Agreement"),
        ),
    ],
    "92_dfat_vietnam_australia_awards.txt": [
        (
            "More than 3,000 Vietnamese have completed university study in Australia under scholarships through the aid program since 1977.",
            I("AUS", ["VNM"], "scholarship_alumni", 3000, year=1977),
        ),
        (
            "Long term awards include Australia Awards Scholarships and the Australia Awards Leadership Program for high achieving applicants.",
            E("AUS", ["VNM"], "people_exchange", name="Australia Awards Scholarships"),
        ),
        (
            "Short term awards include Australia Awards Fellowships and short courses.",
            E("AUS", ["VNM"], "people_exchange", name="Australia Awards Fellowships"),
        ),
    ],
    "96_peacecorps_fiji_return_2003.txt": [
        (
            "the Peace Corps celebrated its return to the Pacific Island of Fiji with the swearing-in of 25 new Peace Corps volunteers",
            E("USA", ["FJI"], "people_exchange", 2003),
        ),
        (
            "the Peace Corps celebrated its return to the Pacific Island of Fiji with the swearing-in of 25 new Peace Corps volunteers",
            I("USA", ["FJI"], "peace_corps_volunteers", 25, year=2003),
        ),
    ],
    "97_peacecorps_samoa_tonga_cyclone_olaf_2005.txt": [
        (
            "The Peace Corps program in Samoa opened in 1967",
            E("USA", ["WSM"], "people_exchange", 1967),
        ),
        (
            "since then over 1,500 have served there",
            I("USA", ["WSM"], "peace_corps_volunteers_total", 1500, year=1967),
        ),
        (
            "The Peace Corps has sent over 1,400 volunteers to Tonga since the commencement of its program there in 1967.",
            E("USA", ["TON"], "people_exchange", 1967),
        ),
        (
            "The Peace Corps has sent over 1,400 volunteers to Tonga since the commencement of its program there in 1967.",
            I("USA", ["TON"], "peace_corps_volunteers_total", 1400, year=1967),
        ),
    ],
    "98_pacom_cobra_gold_closes_thailand.txt": [
        (
            "Exercise Cobra Gold wrapped up Feb. 17 with a ceremony in Chiang Mai, Thailand.",
            E("USA", ["THA", "IDN", "JPN", "SGP"], "military_activity", name="Cobra Gold"),
        ),
        (
            "Approximately 11,600 personnel from the U.S., Thailand, Indonesia, Japan and Singapore took part in this year’s exercise.",
            I("USA", ["THA", "IDN", "JPN", "SGP"], "exercise_personnel", 11600),
        ),
        (
            "Six engineering civic action projects were conducted to improve infrastructure at local schools.",
            I("USA", ["THA"], "engineering_projects", 6),
        ),
        (
            "All five participating nations contributed to the exercise’s seven medical civic action projects",
            I("USA", ["THA"], "medical_projects", 7),
        ),
        (
            "more than 4,000 patients were treated",
            I("USA", ["THA"], "patients_treated", 4000),
        ),
    ],
    "99_marforpac_cobra_gold_15_opening_2015.txt": [
        (
            "Thai and U.S. Forces held an opening ceremony Feb. 9 in Nakhon Nayok, Kingdom of Thailand to mark the start of exercise Cobra Gold 15.",
            E("USA", ["THA"], "military_activity", 2015, name="Cobra Gold"),
        ),
        (
            "projects at four Cobra Gold humanitarian civic action sights",
            I("USA", ["THA"], "civic_action_sites", 4, year=2015),
        ),
    ],
}
