"""Hand annotations of the training-only documents added in round 12 by x13u (270-283), merged by make_gold.py.

Fourteen openly licensed texts, chosen for the shapes the training half has least of: visits,
meetings and dialogues stated without a figure, told in the first person, announced ahead or
reported after the fact, and acts of three donors. Five Government of Japan pages (Ministry of
Foreign Affairs visit overviews, an announcement and a press-conference transcript, a Prime
Minister's Office summit page; Standard Terms of Use 2.0), five Australian texts (Foreign
Minister media releases, a press-conference transcript and a speech; CC BY 4.0) and four press
releases of the Ministry of Foreign Affairs of the Republic of Korea (Korea Open Government
Licence Type 1). Annotated by x13u from the texts alone, following README.md "Annotation
guidelines" (with the round-9 clarifications, the round-11 wave rule and the round-12 sentence
on parts), BEFORE any extractor was run on these documents. TRAINING ONLY (manifest groups
``train-only:...``).

Decisions (applied the same way in every document):
* a visit (made, announced ahead with "will visit", or told as "my first visit") is one
  ``diplomatic_framework`` record of the visitor's state toward the hosts; the courtesy calls,
  counterpart meetings and site visits inside it are not further records (round 11); a
  multilateral meeting attended during the visit, toward a group other than the hosts (the
  Post-Forum Dialogue of the Pacific Islands Forum), and a named declaration, statement or
  policy adopted or announced at a summit (the ASEAN-ROK Joint Vision Statement, the Pacific
  Bond (KIZUNA) Policy) are records of their own (as the Port Moresby Declaration of 239);
* several partners met in one clause ("held summit meetings with A, B and C, respectively",
  "bilateral meetings with the Foreign Ministers of five ASEAN countries -- ...") are one record
  listing them all; the number of such meetings, where the text states it, is a count
  indicator beside it (as the two projects of 235); the size of a group ("the 10 ASEAN member
  states") and the size of a delegation are not counts;
* an unnamed part of a recorded programme (the three buildings a minister opens at the Pacific
  Leadership and Governance Precinct) is not a further record: the programme's act is one
  record, quoted at the clause that states the act;
* years: a month-day date or a weekday on a dated page takes the page's year (the Takei visit of
  April 2023, the Noda meetings, the Uetake announcement, the Kono press conference, the Payne
  release of 12 October 2018 and the launch it reports); a page that states no year gives none
  (the undated Australian releases, transcript and speech, the Korean releases, the Takei visit
  to Fiji and Tuvalu), even where an anniversary or "the upcoming year (2025)" would let a reader
  work it out; "will provide" with no time word takes no year (as document 02); "has been held
  every year since 1997" and "since establishing dialogue partnership in 1989" are the start of a
  framework, dated by their year;
* instruments: patrol and rescue boats for a partner's police maritime unit and security support
  for a summit the partner hosts are ``security_agreement``; the dispatch of police officers and
  Self-Defense Forces engineering units to a peacekeeping operation is ``military_activity``;
  scholarships for officials to study in the donor's graduate schools are ``people_exchange``;
  support through ACIAR is ``science_cooperation`` (as 84); an airport runway, a water and
  sanitation project and a digital-connectivity project funded as ODA are ``oda_grant``;
  vaccine doses are ``health_cooperation`` with a ``vaccine_doses`` indicator, and "the in excess
  of half a million vaccines that Australia has been really pleased to provide" is a cumulative
  indicator only;
* not annotated: aims and hopes ("would expand cooperation projects", "look forward to
  returning", "hoping that we can bring the new HMAS Canberra", "will actively support Laos",
  requests for support), the partner's gratitude where it names no act, general statements of
  ODA with no act ("through various official development assistance (ODA) projects"), a clinic
  built by "Australians, New Zealanders, Fijians and young people from the community" (people,
  not a state's act), an election observation mission whose sender is not stated, the drawdown
  of RAMSI (a withdrawal).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

BILATERAL_FIVE_2024 = ["MYS", "LAO", "IDN", "BRN", "SGP"]

GOLD_TRAIN_ROUND12_X13U = {
    "270_mofa_japan_takei_visits_vanuatu_fiji_2023.txt": [
        (
            "From April 10 to 14, Mr. TAKEI Shunsuke, State Minister for Foreign Affairs, visited the Republic of Vanuatu and the Republic of Fiji.",
            E("JPN", ["VUT", "FJI"], "diplomatic_framework", 2023),
        ),
        (
            "Japan’s support in response to the damage caused by the cyclone",
            E("JPN", ["VUT"], "disaster_cooperation"),
        ),
    ],
    "271_mofa_japan_takei_visits_fiji_tuvalu.txt": [
        (
            "From May 2 to 6, Mr. TAKEI Shunsuke, State Minister for Foreign Affairs, visited the Republic of Fiji and Tuvalu.",
            E("JPN", ["FJI", "TUV"], "diplomatic_framework"),
        ),
        (
            "security boats and rescue boats provided through Japan's grant aid",
            E("JPN", ["FJI"], "security_agreement"),
        ),
        (
            'the "Pacific Bond (KIZUNA) Policy" announced at the 9th Pacific Islands Leaders Meeting (PALM9)',
            E("JPN", ["PIC"], "diplomatic_framework", name="Pacific Bond (KIZUNA) Policy"),
        ),
    ],
    "272_kantei_japan_noda_palm6_micronesia_palau_samoa_2012.txt": [
        (
            "Prime Minister Yoshihiko Noda held summit meetings with H.E. Mr. Emanuel Manny Mori, President of the Federated States of Micronesia, H.E. Johnson Toribiong, President of the Republic of Palau, and Hon. Tuilaepa Lupesoliai Sailele Malielegaoi, Prime Minister of the Independent State of Samoa",
            E("JPN", ["FSM", "PLW", "WSM"], "diplomatic_framework", 2012),
        ),
        (
            "who are in Japan for the 6th Pacific Islands Leaders Meeting (PALM6)",
            E(
                "JPN",
                ["PIC"],
                "diplomatic_framework",
                2012,
                name="6th Pacific Islands Leaders Meeting (PALM6)",
            ),
        ),
        (
            "an extension of the runway at Pohnpei International Airport, which has been achieved as a result of Japan's official development assistance (ODA)",
            E("JPN", ["FSM"], "oda_grant"),
        ),
    ],
    "273_mofa_japan_uetake_to_visit_fiji_png_2002.txt": [
        (
            "Mr. Shigeo Uetake, Senior Vice-Minister for Foreign Affairs, will visit the Republic of the Fiji Islands and Papua New Guinea from August 17 (Sat) to 25 (Sun).",
            E("JPN", ["FJI", "PNG"], "diplomatic_framework", 2002),
        ),
        (
            "Mr. Uetake will attend the 14th Post-Forum Dialogue of the Pacific Islands Forum to be held on August 20 in Fiji",
            E(
                "JPN",
                ["PIC"],
                "diplomatic_framework",
                2002,
                name="14th Post-Forum Dialogue of the Pacific Islands Forum",
            ),
        ),
        (
            "In April 2000, Japan invited leaders and cabinet members from the PIF member countries and related regions to the Pacific island's Leaders Meeting (PALM 2000)",
            E("JPN", ["PIC"], "diplomatic_framework", 2000, name="PALM 2000"),
        ),
    ],
    "274_mofa_japan_kono_press_conference_dili_2018.txt": [
        (
            "My visit marks the first visit to Timor-Leste by a Japanese Foreign Minister since the country’s restoration of independence.",
            E("JPN", ["TLS"], "diplomatic_framework", 2018),
        ),
        (
            "then Minister for Foreign Affairs Yohei Kono visited Timor-Leste in 2000",
            E("JPN", ["TLS"], "diplomatic_framework", 2000),
        ),
        (
            "the dispatch of civilian police officers and engineering units of the Self-Defense Forces to the peacekeeping operation (PKO)",
            E("JPN", ["TLS"], "military_activity"),
        ),
        (
            "Minister Pereira and I signed an exchange of notes regarding scholarships to enable young government officials from Timor-Leste to study at Japanese graduate schools",
            E("JPN", ["TLS"], "people_exchange", 2018),
        ),
    ],
    "275_fm_australia_bishop_visit_papua_new_guinea_earthquake.txt": [
        (
            "Iwill visit Papua New Guinea for a three-day visit, from 20 to 22 March",
            E("AUS", ["PNG"], "diplomatic_framework"),
        ),
        (
            "Australiacontinues to make a significant contribution to the PNG government's reliefefforts.",
            E("AUS", ["PNG"], "disaster_cooperation"),
        ),
        (
            "InPort Moresby I will open three new buildings at the University of PNG andInstitute of Public Administration, home to the Pacific Leadership andGovernance Precinct.",
            E("AUS", ["PNG"], "technical_cooperation", name="Pacific Leadership and Governance Precinct"),
        ),
        (
            "InKavieng in New Ireland I will launch a project to improve access to water andsanitation",
            E("AUS", ["PNG"], "oda_grant"),
        ),
        ("The project will benefit up to 12,000people", I("AUS", ["PNG"], "people_benefiting", 12000)),
        ("in nine communities", I("AUS", ["PNG"], "communities", 9)),
        (
            "with Australia'ssupport through ACIAR, is helping develop the marine aquaculture industry inPNG",
            E("AUS", ["PNG"], "science_cooperation"),
        ),
    ],
    "276_fm_australia_payne_visit_solomon_islands_vanuatu.txt": [
        (
            "I will visit Solomon Islands on 30 October and Vanuatu from 31 October to 1 November",
            E("AUS", ["SLB", "VUT"], "diplomatic_framework"),
        ),
    ],
    "277_fm_australia_wong_press_conference_honiara.txt": [
        (
            "my first visit to Solomon Islands as Foreign Minister",
            E("AUS", ["SLB"], "diplomatic_framework"),
        ),
        (
            "we announced an additional 200,000 vaccines - this time paediatric vaccines for kids five to eleven",
            E("AUS", ["SLB"], "health_cooperation"),
        ),
        (
            "we announced an additional 200,000 vaccines - this time paediatric vaccines for kids five to eleven",
            I("AUS", ["SLB"], "vaccine_doses", 200000),
        ),
        (
            "the in excess of half a million vaccines that Australia has been really pleased to provide to Solomon Islands",
            I("AUS", ["SLB"], "vaccine_doses_total", 500000),
        ),
    ],
    "278_dfat_payne_deepening_relationship_papua_new_guinea_2018.txt": [
        (
            "My first visit to Papua New Guinea as Foreign Minister reaffirmed the strength of Australia's bilateral relationship with one of our closest neighbours.",
            E("AUS", ["PNG"], "diplomatic_framework", 2018),
        ),
        (
            "Australia will provide high-level security support for APEC Leaders Week, as requested by PNG.",
            E("AUS", ["PNG"], "security_agreement"),
        ),
        (
            "I joined the PNG Government in launching a project to grow PNG's digital economy by improving its internet connectivity via satellite",
            E("AUS", ["PNG"], "oda_grant", 2018),
        ),
    ],
    "279_fm_australia_bishop_speech_honiara_delegation_2016.txt": [
        (
            "I’m very proud to be leading a delegation here with my three colleagues from the Australian Parliament",
            E("AUS", ["SLB"], "diplomatic_framework"),
        ),
    ],
    "280_mofa_korea_25th_asean_rok_foreign_ministers_meeting.txt": [
        (
            "Minister of\nForeign Affairs Park Jin attended, as Co-chair*, the 25th ASEAN-ROK Foreign Ministers’ Meeting, held in Phnom Penh, Cambodia, on August 4.",
            E("KOR", ["ASEAN"], "diplomatic_framework", name="25th ASEAN-ROK Foreign Ministers’ Meeting"),
        ),
        (
            "The ASEAN-ROK Foreign Ministers’ Meeting, attended by the ROK and the 10 ASEAN\nmember states, has been held every year since 1997.",
            E("KOR", ["ASEAN"], "diplomatic_framework", 1997, name="ASEAN-ROK Foreign Ministers’ Meeting"),
        ),
    ],
    "281_mofa_korea_cho_bilateral_meetings_five_asean_foreign_ministers.txt": [
        (
            "Minister of Foreign Affairs Cho Tae-yul held a series of bilateral meetings with the Foreign Ministers of five ASEAN countries -- Malaysia, Laos, Indonesia, Brunei, and Singapore -- in Vientiane, Lao PDR, on July 26.",
            E("KOR", BILATERAL_FIVE_2024, "diplomatic_framework"),
        ),
        (
            "bilateral meetings with the Foreign Ministers of five ASEAN countries",
            I("KOR", BILATERAL_FIVE_2024, "bilateral_meetings", 5),
        ),
    ],
    "282_mofa_korea_kang_23rd_asean_rok_foreign_ministers_meeting.txt": [
        (
            "Minister of Foreign Affairs Kang, Kyung-wha attended in her capacity as Co-chair the ASEAN-Republic of Korea Foreign Ministers’ Meeting",
            E("KOR", ["ASEAN"], "diplomatic_framework", name="23rd ASEAN-ROK Foreign Ministers’ Meeting"),
        ),
        (
            "the ASEAN-ROK Commemorative Summit held in November 2019",
            E("KOR", ["ASEAN"], "diplomatic_framework", 2019, name="ASEAN-ROK Commemorative Summit"),
        ),
        (
            "since establishing dialogue partnership in 1989",
            E("KOR", ["ASEAN"], "diplomatic_framework", 1989),
        ),
        (
            "“the ASEAN-ROK Joint Vision Statement for Peace, Prosperity and Partnership” adopted at the ASEAN-ROK Commemorative Summit in 2019",
            E(
                "KOR",
                ["ASEAN"],
                "diplomatic_framework",
                2019,
                name="ASEAN-ROK Joint Vision Statement for Peace, Prosperity and Partnership",
            ),
        ),
        (
            "the establishment of the ASEAN-ROK Strategic Partnership for Peace and Prosperity",
            E(
                "KOR",
                ["ASEAN"],
                "diplomatic_framework",
                name="ASEAN-ROK Strategic Partnership for Peace and Prosperity",
            ),
        ),
    ],
    "283_mofa_korea_26th_asean_rok_dialogue_seoul.txt": [
        (
            "The 26th ASEAN-ROK Dialogue, an annual high-level consultative meeting between the ROK and ASEAN Member States, was held in Seoul, the ROK, on July 1.",
            E("KOR", ["ASEAN"], "diplomatic_framework", name="26th ASEAN-ROK Dialogue"),
        ),
    ],
}
