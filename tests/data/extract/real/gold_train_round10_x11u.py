"""Hand annotations of the training-only documents added in round 10 by x11u (140-169), merged by make_gold.py.

Batch 1 (140-148) was annotated and committed before any extractor was run on its documents;
batch 2 (149-155) likewise (see below).
Genres and donors the training half barely had: news items of the Voice of America (VOA News,
public domain as works of the U.S. Agency for Global Media), two VOA editorials, two pages of the
Asian Development Bank (CC BY 3.0 IGO), a release of the Australian Foreign Minister and an Australian
Government release on the 2024 Vanuatu earthquake (CC BY 4.0). Annotated by x11u from
the texts alone, following README.md "Annotation guidelines" (with its round-9 clarifications),
BEFORE any extractor was run on these documents (the "before tuning" figure in README.md
"Round 10 (x11u)" was taken once, after this file was committed). TRAINING ONLY (manifest groups
``train-only:...``).

Decisions worth recording (applied the same way in every document):
* news items: a photo caption kept in the stored text dates the item ("Dec. 18, 2013"), so the
  item's "Monday", "Tuesday", "last month" and the acts of the reported visit take that year; a
  page with no date gives no year unless stated;
* a Secretary of State's or minister's visit to a partner ("his Philippines visit", "travels on
  Tuesday to the Philippines", "The trip follows a stop in Vietnam") and a ministerial meeting the actor attends ("the annual U.S.-ASEAN
  Foreign Ministers Meeting") are ``diplomatic_framework``; the same visit told twice in one
  document is one record;
* military aid to build a partner's maritime defence and counterterrorism capacity, and a package
  "to help Southeast Asian countries protect their territorial waters", are ``security_agreement``
  (README: maritime-security and law-enforcement capacity packages); the package's per-country
  shares ("including $18 million for Vietnam", "Others in the Association ... will receive $14.5
  million") and the items it buys ("five fast patrol boats") are its breakdown, not new records;
* a news item's running total ("the U.S. will have given over $86 million to help the Philippines
  recover") is an ``aid_total`` indicator with no year, as the round-8 totals; a speaker's worldwide
  total ("of the 20 plus billion dollars that we have provided worldwide") is toward WORLD;
* the Asian Development Bank is not a state: its own approvals, grants and loans are not records.
  A project the Bank approves "supported by the Government of Australia" and paid by an Australian
  grant is Australia's act (``technical_cooperation`` for technical assistance); "$" in an ADB text
  is USD (the Bank reports in US dollars); "$" in an Australian text is AUD (README);
* a contribution to a multilateral fund (the Asian Development Fund, the Pacific Region
  Infrastructure Facility) is ``fund_contribution`` toward the states the text names as its
  recipients (the Fund's eligible countries) or, with no state named, the region's code (PIC for
  the Pacific) or WORLD; results achieved by a fund "along with other donors" (households connected,
  teachers trained) are not the actor's and are not annotated; a donor's rank among a fund's
  donors ("the second largest donor to the Fund") is an indicator toward the same partners; an
  earlier contribution stated on its own ("Our contribution in 2014") is its own record, toward
  WORLD when the text places it only in "the Indo-Pacific region";
* relief: each announced tranche of money is a ``disaster_cooperation`` record (the earlier one
  stated on its own, "builds on the ... initial $2 million package", too), its parts ("It includes
  $2.5 million for medical care") are its breakdown; each deployed team is its own record (a medical
  team ``health_cooperation`` as round 9, a search-and-rescue team and relief flights
  ``disaster_cooperation``) with its members or flights as an indicator; a page with no date gives
  "today", "tomorrow" and "on Wednesday" no year;
* Pacific Angel (a US military humanitarian-assistance mission with partner forces) is
  ``military_activity`` toward the host and the named participating states, its personnel count
  toward the same partners (as round 9); an ordinal ("the fourth Pacific Angel mission conducted in
  Cambodia") and an unnumbered result ("tens of thousands of people") are not annotated;
* a plan of action "for 2021 to 2025" takes year 2021 and year_end 2025 (README "from A to B");
  a programme funding stated as provided ("over 13 million dollars provided for programs under the
  US-ASEAN Smart Cities Partnership") is an engagement with that amount; a future delivery expected
  beside a delivered one ("with another 150 expected to be delivered") is a projection and not
  annotated.

Batch 2 (149-155) was annotated after batch 1 was committed and sent to landing, and before any
extractor was run on it: three more Asian Development Bank pages (one with no state's act at all,
one on a project cofinanced by national trust funds, one feature on Australia's contributions), an
Australian Government release on disaster assistance to six states, a Foreign Minister's press
transcript (Cyclone Pam), a New Zealand MFAT aid-programme page (CC BY 4.0) and an Embassy of Japan
page on an NGO grant (Government of Japan Standard Terms of Use 2.0). Further decisions:
* an ADB release whose money is the Bank's own (its ordinary capital resources, the Asian
  Development Fund) has no record (document 149 has none); a grant from a single-donor trust fund the
  Bank administers (the Japan Fund for Prosperous and Resilient Asia and the Pacific, the Ireland
  Trust Fund ...) is that state's ``oda_grant`` with its amount; a grant from a trust fund "supported
  by the Nordic Development Fund and the governments of France and the United Kingdom" gives one
  record per named state, without amount (the shares are not stated; collective acts, gold README);
  "has approved" on a dated release with no time word gives no year (README);
* "Asia and the Pacific" and "the Asia Pacific region" have no group code: WORLD; a caption "In this
  picture from September 1973" dates the contribution it describes; "Since 1990, Australia has
  provided $172.6 million for 12 trust funds" gives two indicators with year 1990; "From 2018 to
  2019, Australia provided $126.3 million for grants and technical assistance" is a total
  (indicator, year 2018, year_end 2019), "contributed $16 million to two trust funds" in the same
  sentence a ``fund_contribution``; "To date ... about $2.8 billion to the Asian Development Fund" an
  indicator with no year and "the third-largest donor" a rank; founding membership and "the fifth
  largest shareholder" describe membership of the Bank, not presence in partners, and are not
  annotated;
* a disaster package for a region whose affected states the release names ("Communities in
  Indonesia, Malaysia, Philippines, Sri Lanka, Thailand and Vietnam") is toward those states; the
  running total ("total assistance to over $14 million since October") is an ``aid_total`` with no
  year; one state's share of the day's package is its breakdown and that state's new total
  ("increasing Australia's response ... to $3.5 million") an ``aid_total`` toward it;
* a transcript's waves of military relief flights ("We have now sent three ... planes", "Today, two
  more military planes will leave") are each a ``disaster_cooperation`` record with its aircraft
  count; surveillance flights "Together with our partners in the Government of France" are the
  speaker's state's act toward the stricken state (France is a co-actor, not a partner); a phone call
  with the partner's minister is not annotated;
* an aid-programme page: one record per programme; where a later paragraph details a sector of the
  overview (education: the Vanuatu Education Support Programme; tourism: the waterfront park), that
  paragraph is the record and the overview's mention a repeat; sectors told only in the overview
  (marine transport, water and sanitation, vocational training) are recorded there; a programme
  run jointly by two donors ("a partnership between MFAT, the Australian Department of Foreign
  Affairs and Trade and the Vanuatu Government") gives a record for each donor; "a major donor in
  this sector" with no rank number is not annotated;
* Japan's Grant Assistance for Japanese NGO Projects toward a partner is ``oda_grant`` with the
  signing's year and amount (the NGO's own earlier work is not Japan's act).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]
PAC_ANGEL_2016 = ["KHM", "AUS", "VNM", "THA"]
FLOODS_2025 = ["IDN", "MYS", "PHL", "LKA", "THA", "VNM"]
ADF_ELIGIBLE_2017 = ["NRU", "WSM", "SLB", "TON", "TUV", "KIR", "MHL", "VUT", "MDV", "AFG", "KGZ", "TJK"]

GOLD_TRAIN_ROUND10_X11U = {
    "140_voa_kerry_typhoon_aid_philippines_2013.txt": [
        (
            "U.S. Secretary of State John Kerry pledged $25 million in new humanitarian aid during a visit to the typhoon-struck central Philippines.",
            E("USA", ["PHL"], "disaster_cooperation", 2013, 25e6, "USD"),
        ),
        (
            "The new aid means the U.S. will have given over $86 million to help the Philippines recover from Haiyan",
            I("USA", ["PHL"], "aid_total", 86e6, unit="USD"),
        ),
        (
            "Kerry is on the second day of his Philippines visit.",
            E("USA", ["PHL"], "diplomatic_framework", 2013),
        ),
        (
            "On Tuesday, he met with President Aquino and announced $40 million in aid to help boost Manila's maritime defense capabilities and to support counterterrorism operations against a Muslim insurgency in the south.",
            E("USA", ["PHL"], "security_agreement", 2013, 40e6, "USD"),
        ),
        (
            "In Hanoi on Monday, Kerry unveiled a $32 million package, including $18 million for Vietnam, to help Southeast Asian countries protect their territorial waters.",
            E("USA", ["ASEAN"], "security_agreement", 2013, 32e6, "USD"),
        ),
    ],
    "141_voa_us_military_aid_philippines_2013.txt": [
        (
            "U.S. Secretary of State John Kerry has announced $40 million in new military aid to the Philippines",
            E("USA", ["PHL"], "security_agreement", 2013, 40e6, "USD"),
        ),
        (
            "Kerry made the announcement Tuesday in Manila, where he was meeting with Philippines Foreign Secretary Albert del Rosario and President Benigno Aquino.",
            E("USA", ["PHL"], "diplomatic_framework", 2013),
        ),
        (
            "a $32 million package announced Monday to help Southeast Asian countries protect their territorial waters",
            E("USA", ["ASEAN"], "security_agreement", 2013, 32e6, "USD"),
        ),
    ],
    "142_voa_kerry_philippines_troop_deal_2013.txt": [
        (
            "U.S. Secretary of State John Kerry travels on Tuesday to the Philippines",
            E("USA", ["PHL"], "diplomatic_framework", 2013),
        ),
        (
            "The trip follows a stop in Vietnam",
            E("USA", ["VNM"], "diplomatic_framework", 2013),
        ),
        (
            "Kerry pledged over $32 million to help Southeast Asian countries protect their territorial waters",
            E("USA", ["ASEAN"], "security_agreement", 2013, 32e6, "USD"),
        ),
        (
            "The U.S. spent millions of dollars and sent an aircraft carrier group and a thousand Marines to help its former colony recover from the typhoon",
            E("USA", ["PHL"], "disaster_cooperation", 2013),
        ),
        (
            "The U.S. spent millions of dollars and sent an aircraft carrier group and a thousand Marines to help its former colony recover from the typhoon",
            I("USA", ["PHL"], "personnel", 1000, year=2013),
        ),
    ],
    "143_voa_editorial_pompeo_asean_commitment_2020.txt": [
        (
            "Speaking by video at the annual U.S.-ASEAN Foreign Ministers Meeting",
            E("USA", ["ASEAN"], "diplomatic_framework"),
        ),
        (
            "We are providing 89 million dollars in assistance to fight COVID-19 in ASEAN countries",
            E("USA", ["ASEAN"], "health_cooperation", None, 89e6, "USD"),
        ),
        (
            "of the 20 plus billion dollars that we have provided worldwide",
            I("USA", ["WORLD"], "aid_total", 20e9, unit="USD"),
        ),
        (
            "We've delivered 850 ventilators to Indonesia",
            E("USA", ["IDN"], "health_cooperation"),
        ),
        (
            "We've delivered 850 ventilators to Indonesia",
            I("USA", ["IDN"], "ventilators", 850),
        ),
        (
            "and 100 ventilators in the Philippines as promised as well",
            E("USA", ["PHL"], "health_cooperation"),
        ),
        (
            "and 100 ventilators in the Philippines as promised as well",
            I("USA", ["PHL"], "ventilators", 100),
        ),
        (
            "we're pleased to adopt the ASEAN-U.S. plan of Action for 2021 to 2025",
            E(
                "USA",
                ["ASEAN"],
                "diplomatic_framework",
                2021,
                year_end=2025,
                name="ASEAN-U.S. Plan of Action",
            ),
        ),
        (
            "We're launching, too, the Mekong-U.S. Partnership to expand our engagement with the five countries of the Mekong region",
            E("USA", MEKONG, "diplomatic_framework", name="Mekong-U.S. Partnership"),
        ),
        (
            "We're proud too, to advance the US-ASEAN and Leaders’ Statement on Human Capital Development",
            E(
                "USA",
                ["ASEAN"],
                "diplomatic_framework",
                name="Leaders’ Statement on Human Capital Development",
            ),
        ),
        (
            "The US government intends to provide $5 million for the new [Young Southeast Asian Leaders’ Academy] and Fulbright University Vietnam.",
            E(
                "USA",
                ["ASEAN", "VNM"],
                "people_exchange",
                None,
                5e6,
                "USD",
                name="Young Southeast Asian Leaders’ Academy",
            ),
        ),
        (
            "over 13 million dollars provided for programs under the US-ASEAN Smart Cities Partnership",
            E("USA", ["ASEAN"], "oda_grant", None, 13e6, "USD", name="US-ASEAN Smart Cities Partnership"),
        ),
    ],
    "144_voa_editorial_pacific_angel_cambodia_2016.txt": [
        (
            "the United States and Cambodia militaries conducted humanitarian assistance events and military-to-military subject matter expert changes in Kampot Province, Cambodia this month, as part of Pacific Angel 2016",
            E("USA", PAC_ANGEL_2016, "military_activity", 2016, name="Pacific Angel"),
        ),
        (
            "approximately 80 U.S. Cambodian servicemen and women, along with personnel from Australia, Vietnam and Thailand",
            I("USA", PAC_ANGEL_2016, "personnel", 80, year=2016),
        ),
    ],
    "145_adb_australia_development_coordination_offices_pacific.txt": [
        (
            "The Asian Development Bank (ADB) has approved a $2.06 million regional technical assistance project, supported by the Government of Australia, to boost aid coordination in the Pacific",
            E("AUS", ["PIC"], "technical_cooperation", None, 2.06e6, "USD"),
        ),
    ],
    "146_adb_australia_partnership_benefiting_pacific_2021.txt": [
        (
            "From January 2014 to December 2020, Australia has cofinanced more than $216 million in grants and technical assistance for Pacific projects",
            I("AUS", ["PIC"], "aid_total", 216e6, unit="USD", year=2014, year_end=2020),
        ),
        (
            "DFAT is also a founding partner of the Pacific Region Infrastructure Facility (PRIF) and has been a major contributing partner since PRIF’s establishment in 2008.",
            E("AUS", ["PIC"], "fund_contribution", 2008, name="Pacific Region Infrastructure Facility"),
        ),
        (
            "In 2019, DFAT provided more than $4 million in knowledge and support technical assistance that will aid the PRIF coordination office",
            E("AUS", ["PIC"], "technical_cooperation", 2019, 4e6, "USD"),
        ),
        (
            "Australia has supported the Sustainable and Climate-Resilient Connectivity Project with a $14.1 million grant.",
            E(
                "AUS",
                ["NRU"],
                "oda_grant",
                None,
                14.1e6,
                "USD",
                name="Sustainable and Climate-Resilient Connectivity Project",
            ),
        ),
    ],
    "147_dfat_fm_asian_development_fund_contribution_2016.txt": [
        (
            "Australia’s contribution of $468.5 million will be drawn from Australia’s aid program",
            E(
                "AUS",
                ADF_ELIGIBLE_2017,
                "fund_contribution",
                None,
                468.5e6,
                "AUD",
                name="Asian Development Fund",
            ),
        ),
        (
            "Australia is the second largest donor to the Fund after Japan.",
            I("AUS", ADF_ELIGIBLE_2017, "donor_rank", 2),
        ),
        (
            "Our contribution in 2014",
            E("AUS", ["WORLD"], "fund_contribution", 2014, name="Asian Development Fund"),
        ),
    ],
    "148_aus_ministers_vanuatu_earthquake_additional_assistance_2024.txt": [
        (
            "The Australian Government will provide an additional $5 million in practical humanitarian assistance to the people of Vanuatu",
            E("AUS", ["VUT"], "disaster_cooperation", None, 5e6, "AUD"),
        ),
        (
            "This support builds on the Australian Government’s initial $2 million package",
            E("AUS", ["VUT"], "disaster_cooperation", None, 2e6, "AUD"),
        ),
        (
            "An Australian Medical Assistance Team (AUSMAT), with 16 members will depart tomorrow.",
            E("AUS", ["VUT"], "health_cooperation", name="AUSMAT"),
        ),
        (
            "An Australian Medical Assistance Team (AUSMAT), with 16 members will depart tomorrow.",
            I("AUS", ["VUT"], "medical_specialists", 16),
        ),
        (
            "The 64-member Disaster Assistance Response Team (DART), which has been assisting with search and rescue efforts",
            E("AUS", ["VUT"], "disaster_cooperation", name="Disaster Assistance Response Team"),
        ),
        (
            "The 64-member Disaster Assistance Response Team (DART), which has been assisting with search and rescue efforts",
            I("AUS", ["VUT"], "personnel", 64),
        ),
        (
            "the six-person AUSMAT team that were deployed on Wednesday",
            E("AUS", ["VUT"], "health_cooperation", name="AUSMAT"),
        ),
        (
            "the six-person AUSMAT team that were deployed on Wednesday",
            I("AUS", ["VUT"], "medical_specialists", 6),
        ),
        (
            "The Royal Australian Air Force will conduct two further flights to Port Vila today.",
            E("AUS", ["VUT"], "disaster_cooperation"),
        ),
        (
            "The Royal Australian Air Force will conduct two further flights to Port Vila today.",
            I("AUS", ["VUT"], "flights", 2),
        ),
    ],
    "149_adb_pacific_disaster_resilience_38m_2023.txt": [],
    "150_adb_timor_leste_rural_resilience_cofinancing_2024.txt": [
        (
            "a $3 million grant from the Japan Fund for Prosperous and Resilient Asia and the Pacific",
            E(
                "JPN",
                ["TLS"],
                "oda_grant",
                None,
                3e6,
                "USD",
                name="Japan Fund for Prosperous and Resilient Asia and the Pacific",
            ),
        ),
        (
            "a $2.5 million grant from the Community Resilient Partnership Program Trust Fund supported by the Nordic Development Fund and the governments of France and the United Kingdom",
            E("FRA", ["TLS"], "oda_grant", name="Community Resilient Partnership Program Trust Fund"),
        ),
        (
            "a $2.5 million grant from the Community Resilient Partnership Program Trust Fund supported by the Nordic Development Fund and the governments of France and the United Kingdom",
            E("GBR", ["TLS"], "oda_grant", name="Community Resilient Partnership Program Trust Fund"),
        ),
        (
            "a $500,000 grant from the Ireland Trust Fund for Building Climate Change and Disaster Resilience in Small Island Developing States",
            E(
                "IRL",
                ["TLS"],
                "oda_grant",
                None,
                500e3,
                "USD",
                name="Ireland Trust Fund for Building Climate Change and Disaster Resilience in Small Island Developing States",
            ),
        ),
    ],
    "151_adb_australia_54_years_partnership_2020.txt": [
        (
            "Australia agreed to contribute $250,000 toward the Bank’s Technical Assistance Special Fund",
            E(
                "AUS",
                ["WORLD"],
                "fund_contribution",
                1973,
                250e3,
                "USD",
                name="Technical Assistance Special Fund",
            ),
        ),
        (
            "Since 1990, Australia has provided $172.6 million for 12 trust funds in Asia and the Pacific",
            I("AUS", ["WORLD"], "aid_total", 172.6e6, unit="USD", year=1990),
        ),
        (
            "Since 1990, Australia has provided $172.6 million for 12 trust funds in Asia and the Pacific",
            I("AUS", ["WORLD"], "trust_funds", 12, year=1990),
        ),
        (
            "From 2018 to 2019, Australia provided $126.3 million for grants and technical assistance",
            I("AUS", ["WORLD"], "aid_total", 126.3e6, unit="USD", year=2018, year_end=2019),
        ),
        (
            "contributed $16 million to two trust funds in the region",
            E("AUS", ["WORLD"], "fund_contribution", 2018, 16e6, "USD", year_end=2019),
        ),
        (
            "To date, Australia has contributed about $2.8 billion to the Asian Development Fund",
            I("AUS", ["WORLD"], "aid_total", 2.8e9, unit="USD"),
        ),
        (
            "making it the third-largest donor after Japan and the United States",
            I("AUS", ["WORLD"], "donor_rank", 3),
        ),
    ],
    "152_dfat_indo_pacific_cyclones_flooding_assistance_2025.txt": [
        (
            "The Albanese Government is providing an additional $5 million in emergency assistance in response to the worsening impacts of recent cyclones and flooding in the Indo-Pacific region.",
            E("AUS", FLOODS_2025, "disaster_cooperation", None, 5e6, "AUD"),
        ),
        (
            "This brings Australia's total assistance to over $14 million since October",
            I("AUS", FLOODS_2025, "aid_total", 14e6, unit="AUD"),
        ),
        (
            "increasing Australia's response to the impacts of Cyclone Ditwah to $3.5 million",
            I("AUS", ["LKA"], "aid_total", 3.5e6, unit="AUD"),
        ),
    ],
    "153_dfat_fm_bishop_crisis_centre_cyclone_pam_transcript_2015.txt": [
        (
            "We have now sent three Australian military planes to Port Vila.",
            E("AUS", ["VUT"], "disaster_cooperation"),
        ),
        (
            "We have now sent three Australian military planes to Port Vila.",
            I("AUS", ["VUT"], "aircraft", 3),
        ),
        (
            "Today, two more military planes will leave Australia and land in Port Vila",
            E("AUS", ["VUT"], "disaster_cooperation"),
        ),
        (
            "Today, two more military planes will leave Australia and land in Port Vila",
            I("AUS", ["VUT"], "aircraft", 2),
        ),
        (
            "Together with our partners in the Government of France, we are carrying out surveillance flights over the southern islands of Vanuatu",
            E("AUS", ["VUT"], "disaster_cooperation"),
        ),
    ],
    "154_mfat_nz_aid_vanuatu_programme.txt": [
        (
            "We're supporting Vanuatu to reach its economic potential by growing the valuable tourism sector and improving marine transport.",
            E("NZL", ["VUT"], "oda_grant"),
        ),
        (
            "providing communities with better access to potable water and sanitation services",
            E("NZL", ["VUT"], "oda_grant"),
        ),
        (
            "assisting youth into decent jobs through vocational training opportunities",
            E("NZL", ["VUT"], "technical_cooperation"),
        ),
        (
            "New Zealand and Vanuatu have signed a Joint Commitment for Development.",
            E("NZL", ["VUT"], "diplomatic_framework", name="Joint Commitment for Development"),
        ),
        (
            "Improving school facilities, and the quality, accessibility and management of education through the Vanuatu Education Support Programme (VESP).",
            E("NZL", ["VUT"], "technical_cooperation", name="Vanuatu Education Support Programme"),
        ),
        (
            "This is a partnership between MFAT, the Australian Department of Foreign Affairs and Trade and the Vanuatu Government.",
            E("AUS", ["VUT"], "technical_cooperation", name="Vanuatu Education Support Programme"),
        ),
        (
            "upgrading the Port Vila waterfront park, and assisting the Department of Tourism with planning future expansion",
            E("NZL", ["VUT"], "oda_grant"),
        ),
    ],
    "155_emb_japan_timor_leste_ngo_grant_farmers_2012.txt": [
        (
            "The Government of Japan will provide US$291,874 dollars for the “Project for Improvement of Livelihood for the Farmers in Mountainous Areas” under the Grant Assistance for Japanese NGO Projects",
            E(
                "JPN",
                ["TLS"],
                "oda_grant",
                2012,
                291874,
                "USD",
                name="Project for Improvement of Livelihood for the Farmers in Mountainous Areas",
            ),
        ),
    ],
}
