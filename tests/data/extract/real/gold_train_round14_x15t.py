"""Hand annotations of the training-only documents 340-351 (round 14, x15t), merged by make_gold.py.

Openly licensed texts for the instrument classes the round-13 AidData evaluation was weakest in
(people exchanges, technical cooperation, cultural preservation) and for acts stated without a
figure: U.S. government texts (public domain, 17 U.S.C. 105) on the Fulbright U.S.-ASEAN
Initiative, the Young Southeast Asian Leaders Initiative (an embassy release, a State Department
blog page, a State media note read on a news site), the U.S. Ambassadors Fund for Cultural
Preservation (an embassy page on Laos, a 2008 State media note read on a blog, an embassy call for
proposals in Cambodia) and a DVIDS article on a narcotics investigations course in Palau; Government
of Japan pages (Standard Terms of Use 2.0) on Japan Overseas Cooperation Volunteers (Embassies of
Japan in Micronesia and Palau, a JICA feature on the programme's 50th anniversary); and an
Australian Foreign Minister's Question Time answer on the New Colombo Plan (CC BY 4.0). Annotated by
x15t from the texts alone, following README.md "Annotation guidelines" (with the round-9, 11, 12
and 13 clarifications), BEFORE any extractor was run on them. TRAINING ONLY (manifest groups
``train-only:...``).

Decisions (applied the same way in every document):
* a programme launched with its year ("launched ... in 2013", "Created in 2014", "the first JOCVs
  departed for Laos" in December 1965) is an engagement of the donor toward the partner group;
  its cumulative figures since then (network members, youth who visited, volunteers sent, countries,
  projects supported "since its creation ... in 2001") are indicators only, dated by the "since";
* a cohort stated as an act (scholars announced, youth leaders convened for a summit, volunteers
  dispatched or arrived, scholarships awarded) is a ``people_exchange`` engagement with its head
  count as an indicator; a breakdown of the same cohort by state or university is not recorded;
  the count of partner states represented ("all 10 ASEAN member states") or of locations reached
  ("four locations in the region") is an indicator;
* YSEALI events (summit, workshops, Institutes, Fellows, a gathering of its participants) are
  ``people_exchange``; a week-long course training partner law-enforcement personnel is
  ``technical_cooperation`` (as the round-13 mine-action course);
* cultural preservation grants and projects of the Ambassadors Fund are ``cultural_institution``
  (a cultural fund); a package of awards stated with its total is one record toward all named
  partners (its items are a breakdown); notable projects listed with no total are recorded item by
  item; an award stated in the sentence after its project is the project's amount; an announced
  call for proposals is an act of the year of its date line;
* Hong Kong, a location of the New Colombo Plan pilot, is coded as its state (a city or province ->
  its state); the pilot's later scholarships "at universities in the region" keep the pilot's four
  locations;
* a rank or stock of trade and investment ("4th largest trading partner", "invested over $274
  billion in ASEAN by 2015", year_end only) is an indicator; anniversaries, a Congress
  recommendation, proposals reviewed, domestic ceremonies and quotations of praise are not records.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

NCP = ["SGP", "IDN", "CHN", "JPN"]
AFCP_2008 = ["AFG", "KHM", "GTM"]
GOLD_TRAIN_ROUND14_X15T = {
    "340_usmission_asean_first_us_asean_fulbright_visiting_scholars.txt": [
        (
            "U.S. Ambassador to ASEAN David L. Carden announced today the first seven Fulbright U.S.-ASEAN Visiting Scholars selected through the Fulbright U.S.-ASEAN Initiative, sponsored by the U.S. Department of State.",
            E("USA", ["ASEAN"], "people_exchange", name="Fulbright U.S.-ASEAN Initiative"),
        ),
        (
            "U.S. Ambassador to ASEAN David L. Carden announced today the first seven Fulbright U.S.-ASEAN Visiting Scholars selected through the Fulbright U.S.-ASEAN Initiative, sponsored by the U.S. Department of State.",
            I("USA", ["ASEAN"], "visiting_scholars", 7),
        ),
    ],
    "341_embassy_manila_yseali_summit_manila_2017.txt": [
        (
            "The U.S. Embassy in the Philippines convened 250 youth leaders representing all 10 ASEAN member states for a 5 day advanced leadership training at the 2017 Young Southeast Asian Leaders Initiative (YSEALI) Summit in Manila from October 17-21, 2017.",
            E("USA", ["ASEAN"], "people_exchange", 2017, name="YSEALI Summit"),
        ),
        (
            "The U.S. Embassy in the Philippines convened 250 youth leaders representing all 10 ASEAN member states for a 5 day advanced leadership training at the 2017 Young Southeast Asian Leaders Initiative (YSEALI) Summit in Manila from October 17-21, 2017.",
            I("USA", ["ASEAN"], "participants", 250, year=2017),
        ),
        (
            "The U.S. Embassy in the Philippines convened 250 youth leaders representing all 10 ASEAN member states for a 5 day advanced leadership training at the 2017 Young Southeast Asian Leaders Initiative (YSEALI) Summit in Manila from October 17-21, 2017.",
            I("USA", ["ASEAN"], "partner_countries", 10, year=2017),
        ),
        ("the 110,000 strong YSEALI network", I("USA", ["ASEAN"], "network_members", 110000)),
        ("ASEAN is America’s 4th largest trading partner.", I("USA", ["ASEAN"], "trade_partner_rank", 4)),
        (
            "The United States invested over $274 billion in ASEAN by 2015",
            I("USA", ["ASEAN"], "investment_stock", 274e9, unit="USD", year_end=2015),
        ),
    ],
    "342_state_blog_supporting_young_southeast_asian_leaders_2014.txt": [
        (
            "it's our fourth largest trading partner",
            I("USA", ["ASEAN"], "trade_partner_rank", 4),
        ),
        (
            "President Obama launched the Young Southeast Asian Leaders Initiative (YSEALI) in 2013",
            E("USA", ["ASEAN"], "people_exchange", 2013, name="Young Southeast Asian Leaders Initiative"),
        ),
        (
            "The first YSEALI workshop was held in Kuala Lumpur, Malaysia in April 2014.",
            E("USA", ["ASEAN"], "people_exchange", 2014),
        ),
        (
            "The YSEALI Generation workshop brought together 103 young leaders from across the region to strengthen their social entrepreneurship skills.",
            I("USA", ["ASEAN"], "participants", 103, year=2014),
        ),
        (
            "This summer, YSEALI invited two groups of ASEAN youths to visit U.S. universities as a part of YSEALI Institutes",
            E("USA", ["ASEAN"], "people_exchange", 2014, name="YSEALI Institutes"),
        ),
        (
            "two groups of young professionals as part of YSEALI Fellows",
            E("USA", ["ASEAN"], "people_exchange", 2014, name="YSEALI Fellows"),
        ),
    ],
    "343_state_yseali_40th_anniversary_us_asean_capitol_event_2017.txt": [
        (
            "Participants in the U.S. Department of State’s Young Southeast Asian Leaders Initiative (YSEALI) exchange visitor program will gather at the U.S. Capitol Visitors Center on October 12",
            E("USA", ["ASEAN"], "people_exchange"),
        ),
        (
            "Created in 2014, YSEALI builds bridges between young leaders and the United States.",
            E("USA", ["ASEAN"], "people_exchange", 2014, name="YSEALI"),
        ),
        (
            "Over 100,000 youth have joined the YSEALI network",
            I("USA", ["ASEAN"], "network_members", 100000),
        ),
        (
            "YSEALI academic and professional exchanges have provided more than 1,000 youth the opportunity to visit the United States to connect with Americans.",
            I("USA", ["ASEAN"], "exchange_participants", 1000),
        ),
        (
            "An additional 2,000 YSEALI members have participated in regional exchange workshops",
            I("USA", ["ASEAN"], "workshop_participants", 2000),
        ),
    ],
    "344_emb_japan_micronesia_nine_jocv_volunteers_2024.txt": [
        (
            "On August 8, Ambassador Kagomiya welcomed 9 Japan Overseas Cooperation Volunteers (JOCV), who have been dispatched by JICA to each state of the Federated States of Micronesia (FSM).",
            E("JPN", ["FSM"], "people_exchange", 2024, name="Japan Overseas Cooperation Volunteers"),
        ),
        (
            "On August 8, Ambassador Kagomiya welcomed 9 Japan Overseas Cooperation Volunteers (JOCV), who have been dispatched by JICA to each state of the Federated States of Micronesia (FSM).",
            I("JPN", ["FSM"], "volunteers", 9, year=2024),
        ),
    ],
    "345_emb_japan_palau_six_new_jica_volunteers_2023.txt": [
        (
            "Six new JICA volunteers, who recently arrived in Palau, met with Ambassador ORIKASA Hiroyuki on July 31, 2023.",
            E("JPN", ["PLW"], "people_exchange", 2023),
        ),
        (
            "Six new JICA volunteers, who recently arrived in Palau, met with Ambassador ORIKASA Hiroyuki on July 31, 2023.",
            I("JPN", ["PLW"], "volunteers", 6, year=2023),
        ),
    ],
    "346_jica_jocv_50th_anniversary_2015.txt": [
        (
            "In December 1965, the first Japan Overseas Cooperation Volunteers (JOCVs) departed for Laos.",
            E("JPN", ["LAO"], "people_exchange", 1965, name="Japan Overseas Cooperation Volunteers"),
        ),
        (
            "Since then, some 40,000 JOCVs (ages 20 to 39) have been sent to work in 88 countries",
            I("JPN", ["WORLD"], "volunteers_sent", 40000, year=1965),
        ),
        (
            "Since then, some 40,000 JOCVs (ages 20 to 39) have been sent to work in 88 countries",
            I("JPN", ["WORLD"], "countries", 88, year=1965),
        ),
    ],
    "347_dfat_fm_bishop_question_time_new_colombo_plan.txt": [
        (
            "we have successfully implemented a pilot program and that 1,340 undergraduates–young Australians between the ages of 18 and 28–have now been awarded grants and scholarships to study at four locations in the region: Singapore, Indonesia, Hong Kong and Japan.",
            E("AUS", NCP, "people_exchange", name="New Colombo Plan"),
        ),
        (
            "we have successfully implemented a pilot program and that 1,340 undergraduates–young Australians between the ages of 18 and 28–have now been awarded grants and scholarships to study at four locations in the region: Singapore, Indonesia, Hong Kong and Japan.",
            I("AUS", NCP, "students", 1340),
        ),
        (
            "we have successfully implemented a pilot program and that 1,340 undergraduates–young Australians between the ages of 18 and 28–have now been awarded grants and scholarships to study at four locations in the region: Singapore, Indonesia, Hong Kong and Japan.",
            I("AUS", NCP, "locations", 4),
        ),
        (
            "we awarded 40 scholarships that are longer term–six-month or 12-month scholarships–for young Australians to live, study and work at universities in the region.",
            E("AUS", NCP, "people_exchange", name="New Colombo Plan"),
        ),
        (
            "we awarded 40 scholarships that are longer term–six-month or 12-month scholarships–for young Australians to live, study and work at universities in the region.",
            I("AUS", NCP, "scholarships", 40),
        ),
    ],
    "348_embassy_laos_ambassadors_fund_cultural_preservation.txt": [
        (
            "Since its creation by the U.S. Congress in 2001, the U.S. Ambassadors Fund for Cultural Preservation (AFCP) has provided financial support to more than 800 cultural preservation projects in more than 125 countries.",
            I("USA", ["WORLD"], "cultural_preservation_projects", 800, year=2001),
        ),
        (
            "Since its creation by the U.S. Congress in 2001, the U.S. Ambassadors Fund for Cultural Preservation (AFCP) has provided financial support to more than 800 cultural preservation projects in more than 125 countries.",
            I("USA", ["WORLD"], "countries", 125, year=2001),
        ),
        (
            "the restoration of Wat Xieng Thong and Wat Visoun in Luang Prabang",
            E("USA", ["LAO"], "cultural_institution"),
        ),
        (
            "the  preservation of royal regalia and artifacts at the National Museums in Vientiane and Luang Prabang",
            E("USA", ["LAO"], "cultural_institution"),
        ),
        ("the conservation of Buddhist archives", E("USA", ["LAO"], "cultural_institution")),
        (
            "In this final phase of the Wat Xieng Thong project, the World Heritage Office in Luang Prabang will restore the remainder of the buildings on the complex",
            E("USA", ["LAO"], "cultural_institution", amount=325000, currency="USD"),
        ),
    ],
    "349_state_afcp_large_grants_cambodia_afghanistan_guatemala_2008.txt": [
        (
            "The Bureau of Educational and Cultural Affairs (ECA) is pleased to announce awards of more than $2.2 million for major cultural preservation projects in Afghanistan, Cambodia, and Guatemala through the U.S. Ambassadors Fund for Cultural Preservation.",
            E(
                "USA",
                AFCP_2008,
                "cultural_institution",
                2008,
                2.2e6,
                "USD",
                name="U.S. Ambassadors Fund for Cultural Preservation",
            ),
        ),
        ("recommended three for support in 2008", I("USA", AFCP_2008, "projects", 3, year=2008)),
    ],
    "350_embassy_cambodia_afcp_call_for_proposals_2021.txt": [
        (
            "The U.S. Embassy in Phnom Penh and the Bureau of Educational and Cultural Affairs at the U.S. Department of State are pleased to announce the fiscal year 2022 call for proposals for the Ambassadors Fund for Cultural Preservation (AFCP) Grants Program.",
            E(
                "USA",
                ["KHM"],
                "cultural_institution",
                2021,
                name="Ambassadors Fund for Cultural Preservation",
            ),
        ),
        (
            "The restoration of the northern staircase of Preah Vihear temple is one among many ongoing projects the United States has supported under this program.",
            E("USA", ["KHM"], "cultural_institution"),
        ),
    ],
    "351_dvids_indopacom_palau_narcotics_investigations_course_2024.txt": [
        (
            "The course, facilitated by the United States Indo-Pacific Command, Joint Interagency Task Force-West (JIATF-West), provided intensive training to Palauan law enforcement personnel on combating the rise in methamphetamine smuggling in the region.",
            E("USA", ["PLW"], "technical_cooperation", 2024),
        ),
    ],
}
