"""Hand annotations of the training-only documents 200-209 (round 11, x12t), merged by make_gold.py.

Genres the training half has few of: news-like releases and pages of Australia and Korea on
Southeast Asia and the Pacific. A DFAT page listing Australia's COVID-19 packages for Southeast Asia
and the Pacific (bullets with amounts, a loan, a programme size, the 2020 ASEAN-Australia Summit
package); a Foreign Minister's visit announcement (four partners named in one clause, a
partnership "elevated ... in January 2021", the A$232 million Mekong-Australia Partnership, "the
second ... Dialogue"); an Australian High Commission copy of the Foreign Minister's Typhoon Haiyan
release (a total and the package's five items); the Falepili Union of Australia and Tuvalu in a
Foreign Minister's spoken press conference and two joint statements; and four releases of the
Ministry of Foreign Affairs of the Republic of Korea (a volcano-relief grant with its beneficiaries,
two foreign ministers' meetings with a partner's visit, historical acts and troop numbers, a
minister's bilateral meetings at the ASEAN-related meetings). Annotated by x12t from the texts
alone, following README.md "Annotation guidelines" (with the round-9 clarifications and the
round-10 decisions), BEFORE any extractor was run on them. TRAINING ONLY (manifest groups
``train-only:...``).

Decisions (applied the same way in every document):
* "bringing Australia's contribution to $10 million" with no amount for the new tranche is an
  aid_total indicator only, and the package's listed items are the acts (each
  ``disaster_cooperation`` toward the partner, a contribution to the UN Flash Appeal for it
  included); "Our $10 million package ... will include the deployment of an Australian medical team"
  repeats the first item and is not recorded again;
* a package announced twice (a bullet, then "At the ASEAN-Australia Summit in November 2020, the
  Prime Minister announced a package of approximately $500 million") is recorded once, at its most
  informative mention (the one with its year); "our $1 billion development program in Southeast
  Asia" is a programme-size indicator; "the $1.5 billion loan to Indonesia" is ``oda_loan``; vaccine
  money is ``health_cooperation``, an economic-focused COVID-19 package ``oda_grant``;
* "I will visit Malaysia, Cambodia, Vietnam and Indonesia" is one visit toward the four named
  states; a meeting co-chaired there, a partnership elevated in a stated month and a dialogue are
  ``diplomatic_framework`` acts; "the second ... Dialogue" is a count indicator; "Cambodia and its
  nearest neighbours through the ... Mekong-Australia Partnership" is toward the five Mekong
  states; "A$" -> AUD;
* a joint statement signed, an explanatory memorandum issued and a treaty signed to elevate a
  relationship are ``diplomatic_framework`` acts of the donor power of the pair (AUS); within the
  treaty, "a very clear security guarantee" is ``security_agreement`` and "a mobility pathway"
  ``people_exchange``; "an intention for the treaty to enter into force" is an aim; pages without a
  dateline give no year to "today" or "last night";
* two ministers meeting is the donor's act, the partner minister's official visit to Korea the
  partner's; "the first Southeast Asian country that established diplomatic relations with Korea"
  is an undated act of the pair (KOR); "sent troops to Korea ... 7,420-strong contingent ... during
  the Korean War" is the partner's ``military_activity`` with its count; a requested consular
  agency, "agreed to closely cooperate to elevate the relationship" and "hope for Korean companies'
  continued participation" are aims; a partner leader's announced state visit to Korea is the
  partner's act with the release's year; "a plan to hold the 2019 ASEAN-ROK Commemorative Summit" is
  an announced act with its year;
* "to help about 45,000 people displaced" is the beneficiaries indicator of the grant; the
  partner's damage and growth figures are not records.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]
GOLD_TRAIN_ROUND11_X12T = {
    "200_dfat_investing_southeast_asian_partnerships_2020.txt": [
        (
            "$304.7 million over two years for an economic-focused COVID-19 Response Package for the Pacific and Timor-Leste",
            E("AUS", ["PIC", "TLS"], "oda_grant", None, 304.7e6, "AUD", name="COVID-19 Response Package"),
        ),
        (
            "$300 million to Southeast Asia to support access and delivery of effective vaccines",
            E("AUS", ["ASEAN"], "health_cooperation", None, 300e6, "AUD"),
        ),
        (
            "a further $100 million announced by the Prime Minister on 13 March, under the Quad Vaccines Partnership",
            E("AUS", ["ASEAN"], "health_cooperation", None, 100e6, "AUD", name="Quad Vaccines Partnership"),
        ),
        (
            "our $1 billion development program in Southeast Asia",
            I("AUS", ["ASEAN"], "aid_program", 1e9, unit="AUD"),
        ),
        ("the $1.5 billion loan to Indonesia", E("AUS", ["IDN"], "oda_loan", None, 1.5e9, "AUD")),
        (
            "At the ASEAN\u2011Australia Summit in November 2020",
            E("AUS", ["ASEAN"], "diplomatic_framework", 2020),
        ),
        (
            "the Prime Minister announced a package of approximately $500 million in new economic, development and security measures to support Southeast Asia’s recovery from COVID-19",
            E("AUS", ["ASEAN"], "oda_grant", 2020, 500e6, "AUD"),
        ),
    ],
    "201_dfat_fm_payne_visit_malaysia_cambodia_vietnam_indonesia_2021.txt": [
        (
            "I will visit Malaysia, Cambodia, Vietnam and Indonesia over the next week",
            E("AUS", ["MYS", "KHM", "VNM", "IDN"], "diplomatic_framework"),
        ),
        (
            "last month’s historic leader-level agreement to establish a Comprehensive Strategic Partnership between ASEAN and Australia",
            E("AUS", ["ASEAN"], "diplomatic_framework", name="Comprehensive Strategic Partnership"),
        ),
        (
            "In Malaysia, I will co-chair the Annual Foreign Minister's Meeting",
            E("AUS", ["MYS"], "diplomatic_framework"),
        ),
        (
            "the bilateral relationship was elevated to a Comprehensive Strategic Partnership in January 2021",
            E("AUS", ["MYS"], "diplomatic_framework", 2021, name="Comprehensive Strategic Partnership"),
        ),
        (
            "Australia’s support to Cambodia and its nearest neighbours through the A$232 million Mekong-Australia Partnership",
            E("AUS", MEKONG, "oda_grant", None, 232e6, "AUD", name="Mekong-Australia Partnership"),
        ),
        (
            "the Australia-Vietnam Enhanced Economic Engagement Strategy, which was launched last week by our countries’ Prime Ministers",
            E("AUS", ["VNM"], "diplomatic_framework", name="Enhanced Economic Engagement Strategy"),
        ),
        (
            "attend and co-chair the second ASEAN-Australia Women, Peace and Security Dialogue",
            E("AUS", ["ASEAN"], "diplomatic_framework"),
        ),
        (
            "attend and co-chair the second ASEAN-Australia Women, Peace and Security Dialogue",
            I("AUS", ["ASEAN"], "wps_dialogues", 2),
        ),
    ],
    "202_hc_australia_singapore_bishop_typhoon_haiyan_package_2013.txt": [
        (
            "Foreign Minister Julie Bishop today announced additional Australian emergency assistance to the Philippines following Typhoon Haiyan, bringing Australia’s contribution to $10 million.",
            I("AUS", ["PHL"], "aid_total", 10e6, unit="AUD", year=2013),
        ),
        (
            "$1 million for the urgent deployment of an Australian medical assistance team",
            E("AUS", ["PHL"], "disaster_cooperation", 2013, 1e6, "AUD"),
        ),
        (
            "$3 million to Australian non-government organisations for immediate life-saving assistance",
            E("AUS", ["PHL"], "disaster_cooperation", 2013, 3e6, "AUD"),
        ),
        (
            "$4 million to the United Nations Flash Appeal",
            E("AUS", ["PHL"], "disaster_cooperation", 2013, 4e6, "AUD"),
        ),
        (
            "$1 million for non-food items such as tarpaulins, sleeping mats, mosquito nets, water containers and health and hygiene kits",
            E("AUS", ["PHL"], "disaster_cooperation", 2013, 1e6, "AUD"),
        ),
        (
            "$1 million to the Australian Red Cross to assist with their efforts",
            E("AUS", ["PHL"], "disaster_cooperation", 2013, 1e6, "AUD"),
        ),
    ],
    "203_dfat_fm_wong_press_conference_tuvalu_2024.txt": [
        (
            "It's wonderful to be back here in Tuvalu, and this visit, accompanied by Senator Birmingham",
            E("AUS", ["TUV"], "diplomatic_framework"),
        ),
        ("we have just signed a joint statement", E("AUS", ["TUV"], "diplomatic_framework")),
        (
            "last night issued an explanatory memorandum which made out what this relationship means",
            E("AUS", ["TUV"], "diplomatic_framework", name="Falepili Union"),
        ),
        ("a very clear security guarantee", E("AUS", ["TUV"], "security_agreement", name="Falepili Union")),
        ("a mobility pathway", E("AUS", ["TUV"], "people_exchange", name="Falepili Union")),
    ],
    "204_pm_australia_tuvalu_falepili_union_joint_statement_2023.txt": [
        (
            "are pleased to announce an elevation of our bilateral relationship to a more advanced, integrated and comprehensive partnership – the Falepili Union",
            E("AUS", ["TUV"], "diplomatic_framework", name="Falepili Union"),
        ),
        (
            "We have today signed a new bilateral Treaty to give effect to our closer relationship.",
            E("AUS", ["TUV"], "diplomatic_framework", name="Falepili Union"),
        ),
    ],
    "205_dfat_tuvalu_falepili_union_commitment_joint_statement_2024.txt": [
        (
            "Today, we, the Prime Minister of Tuvalu and the Foreign Minister of Australia, confirm our shared commitment to elevating our partnership through the Falepili Union.",
            E("AUS", ["TUV"], "diplomatic_framework", name="Falepili Union"),
        ),
        (
            "Today we jointly release an explanatory memorandum",
            E("AUS", ["TUV"], "diplomatic_framework", name="Falepili Union"),
        ),
        (
            "the treaty and joint statement by Prime Minister Anthony Albanese and former Prime Minister Kausea Natano on 9 November 2023",
            E("AUS", ["TUV"], "diplomatic_framework", 2023, name="Falepili Union"),
        ),
    ],
    "206_mofa_korea_taal_volcano_philippines_2020.txt": [
        (
            "The government of the Republic of Korea has decided to provide US$200,000 in humanitarian assistance through the Philippine Red Cross",
            E("KOR", ["PHL"], "disaster_cooperation", None, 200000, "USD"),
        ),
        (
            "to help about 45,000 people displaced by the eruption of the Philippines' Taal Volcano",
            I("KOR", ["PHL"], "beneficiaries", 45000),
        ),
    ],
    "207_mofa_korea_philippines_foreign_ministers_meeting_2024.txt": [
        (
            "Minister of Foreign Affairs Cho Tae-yul met with Philippine Secretary of Foreign Affairs Enrique A. Manalo",
            E("KOR", ["PHL"], "diplomatic_framework"),
        ),
        (
            "Secretary Manalo's official visit to Korea from August 6 (Tuesday) to August 9 (Friday)",
            E("PHL", ["KOR"], "diplomatic_framework"),
        ),
        (
            "the Philippines was the first Southeast Asian country that established diplomatic relations with Korea",
            E("KOR", ["PHL"], "diplomatic_framework"),
        ),
        (
            "the first Asian country that sent troops to Korea -- the largest in Asia, 7,420-strong contingent -- during the Korean War",
            E("PHL", ["KOR"], "military_activity"),
        ),
        (
            "the first Asian country that sent troops to Korea -- the largest in Asia, 7,420-strong contingent -- during the Korean War",
            I("PHL", ["KOR"], "troops", 7420),
        ),
    ],
    "208_mofa_korea_fm_yun_philippines_del_rosario_2013.txt": [
        (
            "Foreign Minister Yun Byung-se, who is participating in the 68th session of the UN General Assembly, met with Foreign Minister of the Philippines Albert F. del Rosario on September 26",
            E("KOR", ["PHL"], "diplomatic_framework", 2013),
        ),
        (
            "Philippine President Aquino’s forthcoming visit to the ROK on October 17-18, the first state visit to the ROK by a foreign leader since the inauguration of the Park Geun-hye government",
            E("PHL", ["KOR"], "diplomatic_framework", 2013),
        ),
    ],
    "209_mofa_korea_fm_kang_asean_bilateral_meetings_2018.txt": [
        (
            "On the sidelines of the 2018 ASEAN-related Foreign Ministers’ Meetings (July 31-August 4, Singapore)",
            E("KOR", ["ASEAN"], "diplomatic_framework", 2018),
        ),
        (
            "Foreign Minister Kang Kyung-wha had a series of bilateral meetings with her counterparts from Malaysia, Myanmar, Vietnam, Cambodia, and Brunei on August 1",
            E("KOR", ["MYS", "MMR", "VNM", "KHM", "BRN"], "diplomatic_framework", 2018),
        ),
        (
            "a plan to hold the 2019 ASEAN-ROK Commemorative Summit",
            E("KOR", ["ASEAN"], "diplomatic_framework", 2019, name="ASEAN-ROK Commemorative Summit"),
        ),
    ],
}
