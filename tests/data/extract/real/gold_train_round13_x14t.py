"""Hand annotations of the training-only documents 300-313 (round 13, x14t), merged by make_gold.py.

Openly licensed texts for the classes the round-12 misses were largest in (acts stated without a
figure: meetings, visits, dialogues, exercises and their civic projects; and instruments the
extractor confuses): three Korean Ministry of Foreign Affairs releases on Korea-Pacific Islands
meetings (KOGL Type 1); two press conferences of Japan's Foreign Minister on visits to Fiji, Palau
and Samoa, an Embassy of Japan speech at a grassroots-grant signing for Vanuatu schools and a MOFA
exchange of notes with UNICEF for Vanuatu's health facilities (Government of Japan Standard Terms
of Use 2.0); and nine U.S. government texts (public domain, 17 U.S.C. 105): an ambassador's
farewell note listing programmes for Laos, a State Department travel announcement, a State
Department blog page (a demining course; the Secretary of State in Laos), and four Defense
Department pages on exercises and their engineering civic projects (PHIBLEX 2012 and 2016,
Balikatan 2015, Koa Moana 2024). Annotated by x14t from the texts alone, following README.md
"Annotation guidelines" (with the round-9, round-11 and round-12 clarifications), BEFORE any
extractor was run on them. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* a numbered meeting of a series (the 3rd or 4th Korea-Pacific Islands Foreign Ministers'
  Meeting, the 6th Senior Officials' Meeting, PALM10) is the host's ``diplomatic_framework``
  toward the group (PIC for the Pacific Islands, as PALM10 in round 12) with its ordinal as a count
  indicator, and the number of partner countries attending as a second count; earlier meetings
  recalled with their year ("The first meeting was held in May 2011") are records of their own;
  agreeing to raise a dialogue to summit level is a further ``diplomatic_framework`` record; a
  meeting "set to take place in 2020" is an announced act;
* a minister's or official's visit to several partners is one record listing them all; meetings
  and courtesy calls inside it are not further records, but a multilateral meeting attended during
  the visit (the PALM Ministerial Interim Meeting), meetings on its margins with "a total of 10
  countries and regions" (one record toward PIC with its count), a dialogue the visitor leads
  (the U.S.-Laos Comprehensive Bilateral Dialogue) and a summit announced in the same text are;
* a leader's visit (Obama in Laos, Clinton "the first Secretary of State since 1955") is the
  visitor's act; establishing a named partnership is a further ``diplomatic_framework`` record;
* an exercise, and an engineering civic assistance project carried out during it (school
  renovation, classroom construction, a civic centre restoration), are ``military_activity``,
  each its own record where stated with its own verb or date; a multinational team's project is
  one record per donor (U.S. and Australian forces); "the 31st iteration" is a count;
* a grassroots grant for school renovation is ``oda_grant`` (as document 174); a grant for the
  disaster resilience of health facilities is ``health_cooperation`` (its object is the health
  system); UXO clearance money is ``oda_grant``; an education programme and Let Girls Learn are
  ``technical_cooperation``; the USDA school-meals money is ``oda_grant`` (food aid, neither
  health nor education money); a course training partner officials in mine action is
  ``technical_cooperation``, its participants and countries counts;
* a rise "from 9 to 30 million dollars per year" is an ``aid_annual`` indicator only; "$90
  million over the next three years" takes no year_end;
* no dateline year: "On February 10", "on November 16", "May 1-7" give no year; a kept date line
  ("Sunday, May 8, 2022", "9 Oct 2012", "(Apr. 21, 2015)", "06.30.2024", "July 11, 2012") dates
  the acts it reports; the population and GNI of a partner, PIF membership, North Korea's launches
  and a suspended airline route are not records.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

DEMINING = ["AFG", "AZE", "KHM", "ETH", "IRQ", "LAO", "LBN", "LBY", "SSD", "LKA", "TJK", "UGA", "VNM"]
GOLD_TRAIN_ROUND13_X14T = {
    "300_mofa_korea_4th_korea_pacific_islands_foreign_ministers_meeting_2021.txt": [
        (
            "Minister of Foreign Affairs Chung Eui-yong virtually held the 4th Korea-Pacific Islands* Foreign Ministers’ Meeting** with foreign ministers and representatives of fourteen Pacific Island Countries (PICs) on November 16",
            E(
                "KOR",
                ["PIC"],
                "diplomatic_framework",
                name="Korea-Pacific Islands Foreign Ministers’ Meeting",
            ),
        ),
        (
            "Minister of Foreign Affairs Chung Eui-yong virtually held the 4th Korea-Pacific Islands* Foreign Ministers’ Meeting** with foreign ministers and representatives of fourteen Pacific Island Countries (PICs) on November 16",
            I("KOR", ["PIC"], "foreign_ministers_meetings", 4),
        ),
        (
            "Minister of Foreign Affairs Chung Eui-yong virtually held the 4th Korea-Pacific Islands* Foreign Ministers’ Meeting** with foreign ministers and representatives of fourteen Pacific Island Countries (PICs) on November 16",
            I("KOR", ["PIC"], "partner_countries", 14),
        ),
        ("The first meeting was held in May 2011", E("KOR", ["PIC"], "diplomatic_framework", 2011)),
        ("the second meeting in November 2014", E("KOR", ["PIC"], "diplomatic_framework", 2014)),
        ("the third meeting in December 2017", E("KOR", ["PIC"], "diplomatic_framework", 2017)),
        (
            "the two sides agreed to elevate the Korea-PICs dialogue mechanism to the summit level",
            E("KOR", ["PIC"], "diplomatic_framework"),
        ),
    ],
    "301_mofa_korea_6th_korea_pacific_islands_senior_officials_meeting_busan.txt": [
        (
            "The 6th Korea-Pacific Islands Senior Officials’ Meeting took place in Busan on October 15, hosted by the Asian and Pacific Affairs Bureau of the Ministry of Foreign Affairs and attended by delegates from 13 Pacific Island countries (PICs)",
            E("KOR", ["PIC"], "diplomatic_framework", name="Korea-Pacific Islands Senior Officials’ Meeting"),
        ),
        (
            "The 6th Korea-Pacific Islands Senior Officials’ Meeting took place in Busan on October 15, hosted by the Asian and Pacific Affairs Bureau of the Ministry of Foreign Affairs and attended by delegates from 13 Pacific Island countries (PICs)",
            I("KOR", ["PIC"], "senior_officials_meetings", 6),
        ),
        (
            "The 6th Korea-Pacific Islands Senior Officials’ Meeting took place in Busan on October 15, hosted by the Asian and Pacific Affairs Bureau of the Ministry of Foreign Affairs and attended by delegates from 13 Pacific Island countries (PICs)",
            I("KOR", ["PIC"], "partner_countries", 13),
        ),
        (
            "a successful 4th Korea-Pacific Islands Foreign Ministers’ Meeting, set to take place in 2020",
            E(
                "KOR",
                ["PIC"],
                "diplomatic_framework",
                2020,
                name="Korea-Pacific Islands Foreign Ministers’ Meeting",
            ),
        ),
        (
            "a successful 4th Korea-Pacific Islands Foreign Ministers’ Meeting, set to take place in 2020",
            I("KOR", ["PIC"], "foreign_ministers_meetings", 4, year=2020),
        ),
    ],
    "302_mofa_korea_3rd_korea_pacific_islands_foreign_ministers_meeting_2017.txt": [
        (
            "Foreign Minister Kang Kyung-wha held the 3rd Korea-Pacific Islands Foreign Ministers’ Meeting*** with her counterparts from thirteen Pacific Island Countries (PICs)* and the representative from the Pacific Islands Forum (PIF) Secretariat** at the Shilla Hotel in Seoul on December 5",
            E(
                "KOR",
                ["PIC"],
                "diplomatic_framework",
                name="Korea-Pacific Islands Foreign Ministers’ Meeting",
            ),
        ),
        (
            "Foreign Minister Kang Kyung-wha held the 3rd Korea-Pacific Islands Foreign Ministers’ Meeting*** with her counterparts from thirteen Pacific Island Countries (PICs)* and the representative from the Pacific Islands Forum (PIF) Secretariat** at the Shilla Hotel in Seoul on December 5",
            I("KOR", ["PIC"], "foreign_ministers_meetings", 3),
        ),
        (
            "Foreign Minister Kang Kyung-wha held the 3rd Korea-Pacific Islands Foreign Ministers’ Meeting*** with her counterparts from thirteen Pacific Island Countries (PICs)* and the representative from the Pacific Islands Forum (PIF) Secretariat** at the Shilla Hotel in Seoul on December 5",
            I("KOR", ["PIC"], "partner_countries", 13),
        ),
        ("The first meeting was held in May 2011", E("KOR", ["PIC"], "diplomatic_framework", 2011)),
        ("the second meeting was held in November 2014", E("KOR", ["PIC"], "diplomatic_framework", 2014)),
    ],
    "303_mofa_japan_hayashi_press_conference_palau_2022.txt": [
        (
            "I am visiting the Pacific Island countries of Fiji and Palau as the first Japanese Minister for Foreign Affairs in three years",
            E("JPN", ["FJI", "PLW"], "diplomatic_framework", 2022),
        ),
    ],
    "304_mofa_japan_kamikawa_press_conference_suva_2024.txt": [
        (
            "my visit to the Independent State of Samoa and the Republic of Fiji",
            E("JPN", ["WSM", "FJI"], "diplomatic_framework", 2024),
        ),
        (
            "I also stated earlier the results of the Ministerial Interim Meeting",
            E("JPN", ["PIC"], "diplomatic_framework", 2024),
        ),
        ("ahead of PALM10 in July", E("JPN", ["PIC"], "diplomatic_framework", 2024, name="PALM10")),
        ("ahead of PALM10 in July", I("JPN", ["PIC"], "palm_meetings", 10, year=2024)),
        (
            "I held individual meetings and talks with a total of 10 countries and regions on the margins of the Ministerial Interim Meeting",
            E("JPN", ["PIC"], "diplomatic_framework", 2024),
        ),
        (
            "I held individual meetings and talks with a total of 10 countries and regions on the margins of the Ministerial Interim Meeting",
            I("JPN", ["PIC"], "partner_countries", 10, year=2024),
        ),
    ],
    "305_embassy_laos_ambassador_clune_farewell_2016.txt": [
        ("President Obama’s historic trip to Laos", E("USA", ["LAO"], "diplomatic_framework")),
        (
            "President Bounnhang and President Obama announced the establishment of  the U.S.-Laos Comprehensive Partnership",
            E("USA", ["LAO"], "diplomatic_framework", name="U.S.-Laos Comprehensive Partnership"),
        ),
        (
            "we increased our funding for UXO assistance from 9 to 30 million dollars per year",
            I("USA", ["LAO"], "aid_annual", 30e6, unit="USD"),
        ),
        (
            "the United States has committed $90 million over the next three years to conduct a comprehensive UXO survey, continue clearing operations, and provide victims assistance and risk education",
            E("USA", ["LAO"], "oda_grant", None, 90e6, "USD"),
        ),
        (
            "we will launch a new five-year basic education program focused on early grade reading",
            E("USA", ["LAO"], "technical_cooperation"),
        ),
        (
            "The White House also selected Laos as a Challenge Fund country for Let Girls Learn",
            E("USA", ["LAO"], "technical_cooperation", name="Let Girls Learn"),
        ),
        (
            "the U.S. Department of Agriculture committed an additional $27 million to continue its school meals program",
            E("USA", ["LAO"], "oda_grant", None, 27e6, "USD"),
        ),
    ],
    "306_state_kritenbrink_travel_cambodia_laos_2022.txt": [
        (
            "Assistant Secretary of State for East Asian and Pacific Affairs Daniel J. Kritenbrink will travel to Cambodia and Laos May 1-7",
            E("USA", ["KHM", "LAO"], "diplomatic_framework"),
        ),
        (
            "Assistant Secretary Kritenbrink will lead the U.S.-Laos Comprehensive Bilateral Dialogue",
            E("USA", ["LAO"], "diplomatic_framework", name="U.S.-Laos Comprehensive Bilateral Dialogue"),
        ),
        (
            "the upcoming U.S.-ASEAN Special Summit that President Biden will host in Washington May 12-13",
            E("USA", ["ASEAN"], "diplomatic_framework", name="U.S.-ASEAN Special Summit"),
        ),
    ],
    "307_state_dipnote_demining_course_clinton_laos_2012.txt": [
        (
            "the 2012 Senior Managers’ Course in Explosive Remnants of War and Mine Action",
            E(
                "USA",
                DEMINING,
                "technical_cooperation",
                2012,
                name="Senior Managers’ Course in Explosive Remnants of War and Mine Action",
            ),
        ),
        (
            "This year, the 17 participants represented 13 different countries",
            I("USA", DEMINING, "participants", 17, year=2012),
        ),
        (
            "This year, the 17 participants represented 13 different countries",
            I("USA", DEMINING, "partner_countries", 13, year=2012),
        ),
        (
            "it is wonderful to be here and especially to be the first Secretary of State since 1955",
            E("USA", ["LAO"], "diplomatic_framework", 2012),
        ),
    ],
    "308_emb_japan_vanuatu_ggp_six_primary_schools_2013.txt": [
        (
            "the grant contract signing ceremony formalising Japan’s assistance for renovation projects of six primary schools",
            E(
                "JPN",
                ["VUT"],
                "oda_grant",
                2013,
                name="Grant Assistance for Grassroots Human Security Projects",
            ),
        ),
    ],
    "309_mofa_japan_vanuatu_unicef_health_facilities_disaster_resilience.txt": [
        (
            "signed and exchanged notes for “the Project for Strengthening Disaster Resilience of Health Care Facilities in Remote Islands” (project up to 1.095 billion yen)",
            E(
                "JPN",
                ["VUT"],
                "health_cooperation",
                None,
                1.095e9,
                "JPY",
                name="Project for Strengthening Disaster Resilience of Health Care Facilities in Remote Islands",
            ),
        ),
        (
            "On July 16 to 18, 2024, the 10th Pacific Islands Leaders Meeting (PALM10) was co-chaired by Prime Minister Fumio KISHIDA and Prime Minister Mark BROWN of the Cook Islands",
            E("JPN", ["PIC"], "diplomatic_framework", 2024, name="PALM10"),
        ),
        (
            "On July 16 to 18, 2024, the 10th Pacific Islands Leaders Meeting (PALM10) was co-chaired by Prime Minister Fumio KISHIDA and Prime Minister Mark BROWN of the Cook Islands",
            I("JPN", ["PIC"], "palm_meetings", 10, year=2024),
        ),
    ],
    "310_marines_31stmeu_phiblex13_engineering_projects_palawan_2012.txt": [
        (
            "two engineering projects commenced to improve local infrastructure here, Oct. 9",
            E("USA", ["PHL"], "military_activity", 2012),
        ),
        (
            "two engineering projects commenced to improve local infrastructure here, Oct. 9",
            I("USA", ["PHL"], "projects", 2, year=2012),
        ),
        (
            "PHIBLEX 13, the bilateral training evolution between U.S. and Filipino military forces, includes multiple HCA projects in the province of Palawan",
            E("USA", ["PHL"], "military_activity", 2012, name="PHIBLEX 13"),
        ),
    ],
    "311_marines_3rdmeb_phiblex33_engineering_civic_assistance_cagayan_2016.txt": [
        (
            "U.S. Marines with Bravo Company, 9th Engineer Support Battalion, 3d Marine Expeditionary Brigade, III Marine Expeditionary Force, recently deployed in support of Philippine Amphibious Landing Exercise 33 (PHIBLEX)",
            E("USA", ["PHL"], "military_activity", 2016, name="PHIBLEX"),
        ),
        (
            "The partnered nations are currently working side by side for 10 to 12 hours per day to renovate the San Vicente Elementary School and the Palawig Elementary School",
            E("USA", ["PHL"], "military_activity", 2016),
        ),
    ],
    "312_pacom_balikatan_2015_encap_classroom_palawan.txt": [
        (
            "Service members of the U.S. military, Australian Army and Philippine Air Force work together to construct a two classroom Department of the Philippines Standard Building at ENCAP Site 1, Santa Lourdes National High School during exercise Balikatan",
            E("USA", ["PHL"], "military_activity", 2015),
        ),
        (
            "Service members of the U.S. military, Australian Army and Philippine Air Force work together to construct a two classroom Department of the Philippines Standard Building at ENCAP Site 1, Santa Lourdes National High School during exercise Balikatan",
            E("AUS", ["PHL"], "military_activity", 2015),
        ),
        (
            "This year marks the 31st iteration of the exercise, which is an annual Philippines-U.S. bilateral military training exercise and humanitarian civic assistance engagement.",
            E("USA", ["PHL"], "military_activity", 2015, name="Balikatan"),
        ),
        (
            "This year marks the 31st iteration of the exercise, which is an annual Philippines-U.S. bilateral military training exercise and humanitarian civic assistance engagement.",
            I("USA", ["PHL"], "exercise_iterations", 31, year=2015),
        ),
    ],
    "313_dvids_koa_moana_24_peleliu_civic_center_2024.txt": [
        (
            "U.S. Marines with Combat Logistics Battalion 13, Combat Logistics Regiment 17, 1st Marine Logistics Group, execute the deconstruction phase of the Peleliu Civic Center restoration project on Peleliu, Republic of Palau, July 1, 2024",
            E("USA", ["PLW"], "military_activity", 2024),
        ),
        (
            "Koa Moana’s deployment throughout the Indo-Pacific region",
            E("USA", ["PLW", "FSM", "PNG"], "military_activity", 2024, name="Koa Moana 24"),
        ),
    ],
}
