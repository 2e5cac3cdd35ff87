"""Hand annotations of the training-only documents added in round 14 by x15u (360-373), merged by make_gold.py.

Fourteen openly licensed texts of donors and genres the training half has least of: New Zealand
Government media statements read on Scoop (Minister of Foreign Affairs; CC BY 4.0), press releases
of the Ministry of Foreign Affairs of the Republic of Korea (Korea Open Government Licence Type 1),
a Voice of America news item (a United States federal work), Ministry of Foreign Affairs of Japan
meeting overviews (Standard Terms of Use 2.0) and Australian Foreign Ministers' transcripts and a
speech (CC BY 4.0). Most of them tell one or two acts together with their background (the disaster,
the casualties, the history of the relationship) and the setting of a visit or meeting (the venue,
the hosts thanked, the meeting a minister is in town for). Annotated by x15u from the texts alone,
following README.md "Annotation guidelines" (with the round-9 to round-13 clarifications), BEFORE
any extractor was run on these documents. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* the act, not its setting or background: casualties, damage, a declared emergency, the partner's
  own statements, thanks and condolences, a venue ("hosting me here at Blackrock"), capacities of a
  ship ("can carry 250,000 litres") and aims ("is ready to assist", "would continue to promote",
  "was considering if it could further increase") are not records; a multilateral meeting a minister
  attends on the trip is a record toward its group where the group has a code (ASEAN, PIC, as 326
  and 332), none where it has no code (APEC, as the seeds' G7);
* years: a page's own date gives the year of what it dates ("today", "this morning", "on Monday"
  of a dated statement); a page with no date gives none (362, 364, 366, 370-372), even where "this
  year" or an earlier typhoon would let a reader work it out; **an act signed at a signing ceremony
  or unveiled at a meeting that the page dates takes that date's year** (round 13's rule for acts
  at a dated visit, applied to signings: the Exchange of Notes of 367 takes 2018); "next May" on a
  page dated February 2009 is 2009; "within this fiscal year" gives no year (a fiscal year is not a
  calendar year);
* **training given inside a transfer** ("Accordingly, the ROK government will provide temporary
  housing units ... To that end, ... by providing training for disaster prevention leaders") is the
  use of the recorded money, a part of that record (round 12), not a ``technical_cooperation``
  record of its own; training stated as an act with its own amount, date or name would be one;
* **growth words**: a growth word that states the new level ("lifted our development assistance
  to record levels to more than $2.1 billion") gives an indicator of that level and no engagement;
  a growth word with no figure gives nothing; "a total of five million US dollars" offered after an
  earlier typhoon is an ``aid_total`` indicator (round 11's running total), the team dispatched
  with it an engagement;
* **counts of a gift's items**: the items a gift or delivery is said to include ("Assistance
  included 135 tarpaulins and 235 water containers") are not indicators (round 9: items inside a
  described package); a count that is the transfer itself ("handed over six ... patrol boats", as
  26) is one; the families a relief delivery reached and the flights and ships of a relief effort
  are indicators (round 9, round 11);
* relief in waves (round 11): a Hercules loaded with supplies, a surveillance flight, ships sailing
  are engagements of their own; "has so far provided more than $150,000" is the running total
  (``aid_total``);
* a visit told beside a meeting (a minister "who is visiting Port Moresby" holds a meeting with the
  host) is one record toward the host; a partner minister's visit to the donor is the partner's act
  (``PNG -> [JPN]``, as 329); an earlier visit the speaker names ("The last occasion that I was here
  was in 2017", "the first country in the Pacific that I went to after becoming Foreign Minister")
  is a record of its own (as 274);
* a package unveiled as "assistance ... in a wide range of areas, including provision of fire
  trucks and cooperation for the referendum" is one ``oda_grant`` record (its items are parts);
  support named as a past act ("Japan's economic cooperation in infrastructure", "the consistent
  support offered by Japan for nation building", "a PNG military band which was supported by
  Japan") is a record without a year (as 321's "long-standing support for Mindanao");
* instruments: a school meals programme is ``oda_grant``; textbook-related support
  ``technical_cooperation`` (education-system support that moves no one); humanitarian assistance
  for a measles outbreak ``health_cooperation`` (as COVID-19 response); the funding of a foundation
  for media, cultural and public affairs programmes and exchanges with the Pacific
  ``cultural_institution``; relief money, supplies, surveillance flights and navy ships
  ``disaster_cooperation``; ranks and shares of the donor in the region are indicators (as 327);
* currency: "$" in a New Zealand Government text is NZD (as "$" in an Australian text is AUD).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

GOLD_TRAIN_ROUND14_X15U = {
    "360_nzgov_peters_emergency_supplies_solomons_2007.txt": [
        (
            "New Zealand is making an initial $500,000 contribution to the Solomon Islands",
            E("NZL", ["SLB"], "disaster_cooperation", 2007, 500000, "NZD"),
        ),
        (
            "an RNZAF Hercules that left Auckland for Honiara this morning was loaded with emergency supplies from NZAID",
            E("NZL", ["SLB"], "disaster_cooperation", 2007),
        ),
    ],
    "361_nzgov_goff_pacific_cooperation_foundation_funding_2003.txt": [
        (
            "The newly formed Pacific Cooperation Foundation will receive funding of $675,000 in this year’s budget",
            E(
                "NZL",
                ["PIC"],
                "cultural_institution",
                2003,
                675000,
                "NZD",
                name="Pacific Cooperation Foundation",
            ),
        ),
        (
            "Mr Goff, who is in Suva at the head of a delegation visiting Papua New Guinea and Fiji",
            E("NZL", ["PNG", "FJI"], "diplomatic_framework", 2003),
        ),
    ],
    "362_nzgov_goff_hobbs_nzaid_cyclone_ami_zoe_fiji_solomons.txt": [
        (
            "NZAID has so far provided more than $150,000 for the Fiji and Solomon Islands relief effort following Cyclone Ami and Cyclone Zoe",
            I("NZL", ["FJI", "SLB"], "aid_total", 150000, unit="NZD"),
        ),
        (
            "New Zealand relief supplies in Fiji have helped meet the needs of more than 300 families on the cyclone-damaged island of Cicia in Fiji's Lau group",
            E("NZL", ["FJI"], "disaster_cooperation"),
        ),
        (
            "New Zealand relief supplies in Fiji have helped meet the needs of more than 300 families on the cyclone-damaged island of Cicia in Fiji's Lau group",
            I("NZL", ["FJI"], "families_benefiting", 300),
        ),
        (
            "In the Solomon Islands NZAID provided $100,000 in transport assistance after Tikopia Island was hit by Cyclone Zoe.",
            E("NZL", ["SLB"], "disaster_cooperation", None, 100000, "NZD"),
        ),
        (
            "RNZAF had undertaken a further two surveillance flights this week to assess damage following Cyclone Ami",
            E("NZL", ["TUV", "SLB"], "disaster_cooperation"),
        ),
        (
            "RNZAF had undertaken a further two surveillance flights this week to assess damage following Cyclone Ami",
            I("NZL", ["TUV", "SLB"], "surveillance_flights", 2),
        ),
    ],
    "363_nzgov_mahuta_henare_prepared_support_tonga_2022.txt": [
        (
            "the successful surveillance and reconnaissance flight of a New Zealand P-3K2 Orion on Monday",
            E("NZL", ["TON"], "disaster_cooperation", 2022),
        ),
        (
            "two Royal New Zealand Navy ships will depart New Zealand today",
            E("NZL", ["TON"], "disaster_cooperation", 2022),
        ),
        (
            "two Royal New Zealand Navy ships will depart New Zealand today",
            I("NZL", ["TON"], "navy_ships", 2, year=2022),
        ),
    ],
    "364_mofa_korea_typhoon_hagupit_philippines_1m_disaster_risk_reduction.txt": [
        (
            "The government of the Republic of Korea has decided to provide one million US dollars in humanitarian assistance to the Philippines",
            E("KOR", ["PHL"], "disaster_cooperation", None, 1000000, "USD"),
        ),
        (
            "the ROK government dispatched a Korea Disaster Relief Team (KDRT)",
            E("KOR", ["PHL"], "disaster_cooperation", 2013, name="Korea Disaster Relief Team (KDRT)"),
        ),
        (
            "offered a total of five million US dollars in humanitarian assistance",
            I("KOR", ["PHL"], "aid_total", 5000000, unit="USD", year=2013),
        ),
    ],
    "365_mofa_korea_yun_wraps_up_visit_south_pacific_fiji_2015.txt": [
        (
            "Foreign Minister Yun Byung-se, who is on a tour of the South Pacific region, visited Fiji on September 14",
            E("KOR", ["FJI"], "diplomatic_framework", 2015),
        ),
        (
            "after visiting Australia and New Zealand from September 11 through 13",
            E("KOR", ["AUS", "NZL"], "diplomatic_framework", 2015),
        ),
        (
            "the establishment of diplomatic relations in 1971",
            E("KOR", ["FJI"], "diplomatic_framework", 1971),
        ),
    ],
    "366_voa_kerry_initiatives_aid_laos_2016.txt": [
        (
            "U.S. Secretary of State John Kerry outlined the initiatives during a Monday visit to this capital city.",
            E("USA", ["LAO"], "diplomatic_framework"),
        ),
        (
            "next month's special summit of the Association of Southeast Asian Nations (ASEAN) in California, which will be hosted by President Barack Obama",
            E("USA", ["ASEAN"], "diplomatic_framework"),
        ),
        (
            "Kerry said the U.S. was launching a $6 million program to help provide meals in schools across Laos",
            E("USA", ["LAO"], "oda_grant", None, 6000000, "USD"),
        ),
        (
            "its current $19.5 million in funding to help Laos with de-mining",
            I("USA", ["LAO"], "aid_total", 19500000, unit="USD"),
        ),
    ],
    "367_mofa_japan_kono_pato_breakfast_meeting_port_moresby_2018.txt": [
        (
            "Mr. Taro Kono, Minister for Foreign Affairs of Japan, who is visiting Port Moresby in Papua New Guinea (PNG) to attend the APEC Ministerial Meeting, held a breakfast meeting with Hon. Rimbink Pato, Minister for Foreign Affairs and Trade of the Independent State of Papua New Guinea",
            E("JPN", ["PNG"], "diplomatic_framework", 2018),
        ),
        ("PNG military band which was supported by Japan", E("JPN", ["PNG"], "technical_cooperation")),
        (
            "a signing ceremony for the Exchange of Notes for textbook-related supports in the amount of approximately 1.2 billion yen",
            E("JPN", ["PNG"], "technical_cooperation", 2018, 1.2e9, "JPY"),
        ),
        (
            "Minister Kono unveiled Japan’s assistance for PNG in a wide range of areas",
            E("JPN", ["PNG"], "oda_grant", 2018),
        ),
    ],
    "368_mofa_japan_nakasone_abal_png_foreign_ministerial_meeting_2009.txt": [
        (
            "Mr. Hirofumi Nakasone, Minister for Foreign Affairs of Japan, had a foreign ministerial meeting with Mr. Samuel Abal",
            E("JPN", ["PNG"], "diplomatic_framework", 2009),
        ),
        ("Mr. Abal’s first visit to Japan", E("PNG", ["JPN"], "diplomatic_framework", 2009)),
        ("Japan’s economic cooperation in infrastructure and other fields", E("JPN", ["PNG"], "oda_grant")),
        (
            "Japan would host the PALM 5 next May in Hokkaido",
            E("JPN", ["PIC"], "diplomatic_framework", 2009, name="PALM 5"),
        ),
    ],
    "369_mofa_japan_kishida_guterres_timor_leste_fm_meeting_brunei_2013.txt": [
        (
            "Mr. Fumio Kishida, Minister for Foreign Affairs, who is visiting Brunei Darussalam to attend ASEAN-related Foreign Ministers’ Meetings, held a meeting with Mr. José Luís Guterres, Minister for Foreign Affairs and Cooperation of the Democratic Republic of Timor-Leste",
            E("JPN", ["TLS"], "diplomatic_framework", 2013),
        ),
        (
            "visiting Brunei Darussalam to attend ASEAN-related Foreign Ministers’ Meetings",
            E("JPN", ["ASEAN"], "diplomatic_framework", 2013),
        ),
        (
            "the visit to Japan by Mr. Taur Matan Ruak, President of the Democratic Republic of Timor-Leste, which is scheduled to occur within this fiscal year",
            E("TLS", ["JPN"], "diplomatic_framework"),
        ),
        (
            "the consistent support offered by Japan for nation building in such fields as infrastructure development and defense cooperation",
            E("JPN", ["TLS"], "oda_grant"),
        ),
    ],
    "370_fm_australia_wong_press_conference_nadi_fiji.txt": [
        ("It is wonderful to be back here again in Fiji", E("AUS", ["FJI"], "diplomatic_framework")),
        (
            "this was the first country in the Pacific that I went to after becoming Foreign Minister",
            E("AUS", ["FJI"], "diplomatic_framework"),
        ),
        (
            "representing the Prime Minister for the Pacific Islands Forum being held here",
            E("AUS", ["PIC"], "diplomatic_framework", name="Pacific Islands Forum"),
        ),
    ],
    "371_fm_australia_payne_speech_fijian_press_club_lunch.txt": [
        (
            "my first overseas visit since being sworn in, in very cold Canberra last Wednesday morning, is to Fiji",
            E("AUS", ["FJI"], "diplomatic_framework"),
        ),
        (
            "The last occasion that I was here was in 2017, as I said as Defence Minister",
            E("AUS", ["FJI"], "diplomatic_framework", 2017),
        ),
    ],
    "372_fm_australia_wong_thistlethwaite_press_conference_suva_fiji.txt": [
        ("This is his first visit in his new role.", E("AUS", ["FJI"], "diplomatic_framework")),
        (
            "We have a Vuvale Partnership",
            E("AUS", ["FJI"], "diplomatic_framework", name="Vuvale Partnership"),
        ),
        (
            "We are the largest and most comprehensive development partner in the region.",
            I("AUS", ["PIC"], "development_partner_rank", 1, unit="rank"),
        ),
        (
            "we have lifted our development assistance to record levels to more than $2.1 billion to the Pacific",
            I("AUS", ["PIC"], "aid_total", 2.1e9, unit="AUD"),
        ),
        (
            "we have dedicated almost half of our development program to support the Pacific",
            I("AUS", ["PIC"], "share_of_development_program", 50, unit="percent"),
        ),
    ],
    "373_mofa_korea_samoa_measles_outbreak_100000_2019.txt": [
        (
            "The government of the Republic of Korea (ROK) will extend humanitarian assistance of 100,000 USD in cash through the International Federation of Red Cross and Red Crescent Societies to help respond to the measles outbreak in the Independent State of Samoa.",
            E("KOR", ["WSM"], "health_cooperation", 2019, 100000, "USD"),
        ),
    ],
}
