"""Hand annotations of the training-only documents added in round 13 by x14u (320-334), merged by make_gold.py.

Fifteen openly licensed texts of genres the training half has least of: a news item of the Voice
of America (VOA Khmer, a United States federal work), Government of Japan pages (Ministry of
Foreign Affairs meeting overviews, a JICA page, a Prime Minister's Office summit page; Standard
Terms of Use 2.0), Australian CC BY texts (a Foreign Minister's speech in Dili, a transcript of the
Minister for International Development and the Pacific in Honiara), press releases of the Ministry
of Foreign Affairs of the Republic of Korea (Korea Open Government Licence Type 1; one read on a
copy site) and a Department of State statement read on a copy site (public domain). Acts of four
donors (Japan, Korea, Australia, the United States) and two partner-to-donor acts; most of them
visits, meetings and dialogues stated without a figure, one package stated as a total with its
items. Annotated by x14u from the texts alone, following README.md "Annotation guidelines" (with
the round-9, round-11 and round-12 clarifications), BEFORE any extractor was run on these
documents. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* years: a month-day date on a dated page takes the page's year (321, 322, 323, 324, 327, 331,
  334); a page that states no year gives none (the Korean releases 326, 328-330, the State
  statement 332, the Australian speech and transcript 325 and 333, the VOA item 320 whose copy has
  no dateline), even where an anniversary would let a reader work it out ("the 60th anniversary of
  the normalization", "the 25th anniversary of the establishment of diplomatic relations");
  **an act announced, pledged or signed at a visit or meeting that the text dates takes that
  visit's or meeting's year unless the text gives the act a year of its own; an act only
  mentioned beside a dated visit, without the text placing it in that visit, takes no year**
  (the loans Abe announced at the dated 2019 meeting take 2019; the Joint Statement Abe "signed
  with President Arroyo", named beside his December visit but not placed in it, takes none);
* a visit, made or told in the first person ("my second visit to Timor-Leste", "my first bilateral
  visit to a Pacific island nation"), is one ``diplomatic_framework`` record toward the hosts; the
  courtesy calls, meetings, site visits and commemorations inside it are not further records
  (round 12); a multilateral meeting or roundtable attended on the trip, toward a group other than
  the hosts, is a record of its own (the 53rd PIF Leaders Meeting and the PIF Dialogue Partners
  Roundtable of 332); a courtesy call that is itself the only act the page reports (322) is the
  record;
* a partner's official visit to the donor is the partner's act (``VNM -> [KOR]``), and the host
  minister's meeting with the visitor is the donor's record beside it (as 207); an attendance of a
  partner leader at a ceremony in the donor state is the partner's visit (``PHL -> [JPN]``);
* a set of meetings announced together ("will attend ASEAN-related Foreign Ministers' meetings in
  Manila") is one record; the meetings listed as its programme are its parts (round 12), but a
  meeting announced separately with its own place and date (the ROK-Mekong Foreign Ministers'
  Meeting in Busan) is a record of its own; attending an ASEAN Plus Three meeting is toward
  ``APT``; a series of bilateral video conferences with the senior officials of "the ten member
  states of ASEAN" is one record toward ``ASEAN`` with the number of conferences as a count (as 281);
* a package stated as a total and then by its items ("nearly $1 million in grants ... Of that,
  more than $165,000 would go toward ...") is one engagement with the total as its amount; the
  items are not further records (round 12); the numbers of people, students, families and villagers
  the package "will benefit" are indicators (round 9, as 275);
* ranks and counts of the relationship ("ASEAN is the ROK's second-largest trading partner",
  "Vietnam, the ROK's fourth-largest trading partner and investment destination", mutual visitors
  "surpassing 12 million in 2019") are indicators of the donor toward the partner (as 182);
* instruments: a politico-military dialogue, a partnership upgraded, a maritime boundary treaty,
  the opening of consular space at an embassy and the establishment or normalisation of relations
  are ``diplomatic_framework``; a share in a regional peacekeeping force (INTERFET) is
  ``military_activity``; a contribution to the COVID-19 ASEAN Response Fund and a pledge to the
  COVAX AMC are ``fund_contribution`` (the latter toward ``WORLD``, as 120), medical supplies
  ``health_cooperation``; Japan's "cooperation ... on the development of the Metro Manila subway"
  and "long-standing support for Mindanao" are ``oda_grant`` (the text says no loan), the
  "additional loans" for bridges ``oda_loan``; a free trade agreement ``trade_agreement``;
* not annotated: aims, plans and intentions with no concrete act ("intends to work together",
  "plans for assistance to restore the bridge", "Japan wants to carry out cooperation in four
  areas", "reiterated Japan's intention to augment support as the peace process progresses",
  "agreed to ... expand development cooperation", a trade target), requests, a partner's plan
  (a Consulate General in Nagoya), general statements with no partner ("Japan contributes to
  non-governmental organizations ..."), aid "from foreign donors" with no named state, repeats
  (the second mention of the Maritime Boundary Agreement), the visa-interview pilot programme
  that the recorded consular space provides (a part named as its content).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]

GOLD_TRAIN_ROUND13_X14U = {
    "320_voa_khmer_japan_grants_agriculture_health_demining_cambodia_2008.txt": [
        (
            "Japan announced Thursday nearly $1 million in grants to help improve Cambodian agriculture, health and demining operations.",
            E("JPN", ["KHM"], "oda_grant", amount=1000000, currency="USD"),
        ),
        (
            "more than 285,000 people for emergency treatment in Kratie referral hospital",
            I("JPN", ["KHM"], "people_benefiting", 285000),
        ),
        (
            "more than 74,000 science students in Prey Veng province",
            I("JPN", ["KHM"], "students_benefiting", 74000),
        ),
        (
            "around 1,100 families in Kandal and Takeo provinces",
            I("JPN", ["KHM"], "families_benefiting", 1100),
        ),
        (
            "help more than 2,000 villagers be free from the threat of landmines",
            I("JPN", ["KHM"], "villagers_benefiting", 2000),
        ),
    ],
    "321_mofa_japan_philippines_summit_bangkok_2019.txt": [
        (
            "Mr. Abe Shinzo, Prime Minister of Japan, met with H.E. Mr. Rodrigo R. Duterte, President of the Republic of the Philippines, for approximately 30 minutes in Bangkok, Thailand",
            E("JPN", ["PHL"], "diplomatic_framework", 2019),
        ),
        (
            "President Duterte’s attendance at the proclamation ceremony of the enthronement of His Majesty the Emperor",
            E("PHL", ["JPN"], "diplomatic_framework"),
        ),
        (
            "Prime Minister Abe expressed Japan’s intention to provide additional loans for improving the seismic resilience of bridges in Manila",
            E("JPN", ["PHL"], "oda_loan", 2019),
        ),
        (
            "Japan’s cooperation, including that on the development of the Metro Manila subway",
            E("JPN", ["PHL"], "oda_grant"),
        ),
        ("Japan’s long-standing support for Mindanao", E("JPN", ["PHL"], "oda_grant")),
    ],
    "322_mofa_japan_kishida_courtesy_call_duterte_davao_2016.txt": [
        (
            "Mr. Fumio Kishida, Minister for Foreign Affairs, paid a courtesy call on H. E. Mr. Rodrigo Roa Duterte, President of the Republic of the Philippines, in Davao, the Philippines",
            E("JPN", ["PHL"], "diplomatic_framework", 2016),
        ),
        ("the normalization of the Japan-Philippine relations", E("JPN", ["PHL"], "diplomatic_framework")),
    ],
    "323_mofa_japan_cambodia_politico_military_dialogue_2023.txt": [
        (
            "On February 6, the 7th Japan-Cambodia Politico-Military (PM) Dialogue was held at the Ministry of Foreign Affairs.",
            E(
                "JPN",
                ["KHM"],
                "diplomatic_framework",
                2023,
                name="7th Japan-Cambodia Politico-Military (PM) Dialogue",
            ),
        ),
        (
            "the “Comprehensive Strategic Partnership” upgraded this year",
            E("JPN", ["KHM"], "diplomatic_framework", 2023, name="Comprehensive Strategic Partnership"),
        ),
    ],
    "324_jica_president_tanaka_visits_solomon_islands_2014.txt": [
        ("Following his visit to Vanuatu", E("JPN", ["VUT"], "diplomatic_framework")),
        (
            "JICA President Akihiko Tanaka visited the Solomon Islands in the Pacific region from May 6 to 8",
            E("JPN", ["SLB"], "diplomatic_framework", 2014),
        ),
    ],
    "325_fm_australia_bishop_keynote_dinner_dili.txt": [
        (
            "on my second visit to Timor-Leste but myfirst as the Foreign Minister of Australia",
            E("AUS", ["TLS"], "diplomatic_framework"),
        ),
        (
            "the signing of the historic Maritime Boundary Agreement in New Yorkin March",
            E("AUS", ["TLS"], "diplomatic_framework", name="Maritime Boundary Agreement"),
        ),
        ("Australia's role in INTERFET", E("AUS", ["TLS"], "military_activity", name="INTERFET")),
    ],
    "326_mofa_korea_kang_to_attend_asean_related_foreign_ministers_meetings.txt": [
        (
            "Foreign Minister Kang Kyung-wha will attend ASEAN-related Foreign Ministers’ meetings in Manila, the Philippines, from August 6 to 8.",
            E("KOR", ["ASEAN"], "diplomatic_framework"),
        ),
        (
            "the ROK-Mekong Foreign Ministers’ Meeting will be held separately in Busan, the ROK, on September 1",
            E("KOR", MEKONG, "diplomatic_framework", name="ROK-Mekong Foreign Ministers’ Meeting"),
        ),
    ],
    "327_mofa_korea_deputy_minister_kim_video_conferences_ten_asean_2020.txt": [
        (
            "Deputy Minister for Political Affairs Kim Gunn had a series of bilateral video conferences with ten delegates to the Senior Officials’ Meeting (SOM) of the ten member states of ASEAN",
            E("KOR", ["ASEAN"], "diplomatic_framework", 2020),
        ),
        (
            "a series of bilateral video conferences with ten delegates",
            I("KOR", ["ASEAN"], "bilateral_meetings", 10, year=2020),
        ),
        (
            "ASEAN is the ROK’s second-largest trading partner after the People’s Republic of China",
            I("KOR", ["ASEAN"], "trading_partner_rank", 2, unit="rank"),
        ),
        (
            "the number of mutual visitors between the two sides has increased rapidly, surpassing 12 million in 2019",
            I("KOR", ["ASEAN"], "mutual_visitors", 12000000, year=2019),
        ),
    ],
    "328_mofa_korea_kang_official_visit_vietnam.txt": [
        (
            "Foreign Minister Kang Kyung-wha, who is on an official visit to Vietnam on March 8-10",
            E("KOR", ["VNM"], "diplomatic_framework"),
        ),
    ],
    "329_mofa_korea_rok_vietnam_foreign_ministers_meeting_seoul.txt": [
        (
            "Foreign Minister Kang Kyung-wha had a meeting and a luncheon in Seoul on December 21 with Deputy Prime Minister and Foreign Minister of Vietnam Pham Binh Minh",
            E("KOR", ["VNM"], "diplomatic_framework"),
        ),
        (
            "who is on an official visit to the Republic of Korea to mark the 25th anniversary of the establishment of diplomatic relations between the ROK and Vietnam",
            E("VNM", ["KOR"], "diplomatic_framework"),
        ),
        (
            "the establishment of diplomatic relations between the ROK and Vietnam",
            E("KOR", ["VNM"], "diplomatic_framework"),
        ),
        (
            "their summit meeting, held on the sidelines of the APEC summit in Da Nang",
            E("KOR", ["VNM"], "diplomatic_framework"),
        ),
        (
            "Vietnam, the ROK’s fourth-largest trading partner and investment destination",
            I("KOR", ["VNM"], "trading_partner_rank", 4, unit="rank"),
        ),
        (
            "Vietnam, the ROK’s fourth-largest trading partner and investment destination",
            I("KOR", ["VNM"], "investment_destination_rank", 4, unit="rank"),
        ),
        (
            "the ROK, Vietnam’s third-largest trading partner and largest investment destination",
            I("KOR", ["VNM"], "trading_partner_rank_of_partner", 3, unit="rank"),
        ),
        (
            "the ROK, Vietnam’s third-largest trading partner and largest investment destination",
            I("KOR", ["VNM"], "investor_rank_in_partner", 1, unit="rank"),
        ),
        (
            "the ROK-Vietnam FTA, concluded in 2015",
            E("KOR", ["VNM"], "trade_agreement", 2015, name="ROK-Vietnam FTA"),
        ),
    ],
    "330_mofa_korea_24th_asean_rok_foreign_ministers_meeting_2021.txt": [
        (
            "Minister of Foreign Affairs Chung Eui-yong attended the 24th ASEAN-ROK Foreign Ministers’ Meeting on August 3 in his capacity as co-chair.",
            E("KOR", ["ASEAN"], "diplomatic_framework", name="24th ASEAN-ROK Foreign Ministers’ Meeting"),
        ),
        (
            "contributing to the “COVID-19 ASEAN Response Fund”",
            E("KOR", ["ASEAN"], "fund_contribution", name="COVID-19 ASEAN Response Fund"),
        ),
        (
            "providing medical supplies to support ASEAN’s efforts on COVID-19 response",
            E("KOR", ["ASEAN"], "health_cooperation"),
        ),
        (
            "the ROK government’s additional pledge of 200 million USD to the COVAX AMC",
            E("KOR", ["WORLD"], "fund_contribution", amount=200000000, currency="USD", name="COVAX AMC"),
        ),
    ],
    "331_mofa_korea_park_24th_asean_plus_three_foreign_ministers_meeting_2023.txt": [
        (
            "Minister of Foreign Affairs Park Jin attended the 24th ASEAN Plus Three (ASEAN+3: ASEAN+Korea, Japan and China) Foreign Ministers’ Meeting in Jakarta, Indonesia, on the afternoon of July 13.",
            E(
                "KOR",
                ["APT"],
                "diplomatic_framework",
                2023,
                name="24th ASEAN Plus Three Foreign Ministers’ Meeting",
            ),
        ),
    ],
    "332_state_deputy_secretary_campbell_travel_tonga_pif.txt": [
        (
            "Deputy Secretary of State Kurt Campbell travelled to the Kingdom of Tonga from August 27 to 28",
            E("USA", ["TON"], "diplomatic_framework"),
        ),
        (
            "to lead the U.S. delegation to the 53rd Pacific Islands Forum (PIF) Leaders Meeting",
            E(
                "USA",
                ["PIC"],
                "diplomatic_framework",
                name="53rd Pacific Islands Forum (PIF) Leaders Meeting",
            ),
        ),
        (
            "On August 28, Deputy Secretary Campbell participated in the PIF Dialogue Partners Roundtable hosted by the PIF Secretariat",
            E("USA", ["PIC"], "diplomatic_framework", name="PIF Dialogue Partners Roundtable"),
        ),
        (
            "the opening of a new consular space at Embassy Nuku'alofa",
            E("USA", ["TON"], "diplomatic_framework"),
        ),
    ],
    "333_dfat_conroy_transcript_honiara_solomon_islands.txt": [
        ("my first bilateral visit to a Pacific island nation", E("AUS", ["SLB"], "diplomatic_framework")),
    ],
    "334_kantei_japan_philippines_summit_abe_arroyo_2007.txt": [
        (
            "Prime Minister Shinzo Abe held a meeting with Ms. Gloria Macapagal-Arroyo, the President of the Republic of the Philippines, at the Prime Minister's Official Residence.",
            E("JPN", ["PHL"], "diplomatic_framework", 2007),
        ),
        (
            "his visit to the Philippines in December last year",
            E("JPN", ["PHL"], "diplomatic_framework", 2006),
        ),
        (
            "the Joint Statement I have signed with President Arroyo",
            E("JPN", ["PHL"], "diplomatic_framework", name="Joint Statement"),
        ),
    ],
}
