"""Hand annotations of the training-only documents 250-261 (round 12, x13t), merged by make_gold.py.

Openly licensed texts of the genres news feeds carry, for donors and shapes the training half has
few of: four releases of the Ministry of Foreign Affairs of Japan on exchanges of notes with Fiji
and Vanuatu after PALM10 (a disaster-response vessel, regional meteorological centres, a
scholarship project, a fishery research vessel); three U.S. government texts on relief and aid to
the Philippines and the Pacific (a flood-assistance update with beneficiaries, a 2012 embassy
release with its "About USAID" boilerplate, a USAID newsroom page of dated items) and two on
delegations (a USAID readout of a visit to Palau, Papua New Guinea and Fiji; a White House readout
listing a package of initiatives for Papua New Guinea without a total); two New Zealand
Government texts (a minister's announced visit to Fiji; a page of Beehive release leads of 2014:
a mission to four Pacific states, an envoy named, flood relief, a parliament project); and an
Australian Foreign Minister's spoken speech at an awards ceremony (scholarships both ways, state
visits). Annotated by x13t from the texts alone, following README.md "Annotation guidelines"
(with the round-9 and round-11 clarifications), BEFORE any extractor was run on them. TRAINING
ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* an exchange of notes with no "loan" is a grant; its instrument follows its sector: a
  disaster-response vessel and meteorological early-warning centres are ``disaster_cooperation``,
  a scholarship project that moves officials to Japan ``people_exchange``, a fishery research
  vessel ``oda_grant``; a project for "the Pacific Islands" built in Fiji is toward FJI and PIC;
* the PALM10 meeting named in a release is Japan's ``diplomatic_framework`` toward PIC with "10th"
  as a count indicator (as "the second ... Dialogue" in round 11), recorded at its most
  informative mention (the co-chaired sentence where there is one); its declaration and priority
  areas are not further records; the partner's population and GNI are not records;
* no dateline: "On October 7", "Since July", "earlier this year", "last year", "Last week" give
  no year; a kept dateline ("Friday, 25 March 2022"; a newsroom item's "May 2, 2022") dates
  "next week" and "Yesterday"; a present-perfect "has awarded" or a bare "signed" under a dated
  item takes no year;
* relief funding is an engagement, the families and people it reaches are count indicators; food
  packs and other items are not; a military's relief deliveries are their own act; boilerplate
  ("About USAID", "have provided ... worldwide for over 50 years") and a disaster declaration or
  damage assessment are not records;
* a delegation's or minister's visit is the visitor's ``diplomatic_framework`` (meetings inside
  it are not further records); naming a High Commissioner to a partner is a
  ``diplomatic_framework`` act (as round 9's accredited ambassadors); a partner leader's State
  Visit is the partner's act; scholarships awarded by each government are that government's
  ``people_exchange``; "four Pacific states" a mission reaches is a count indicator;
* a package of initiatives without a total is recorded item by item (White House readout):
  defence-agreement projects, law-enforcement capacity and Foreign Military Financing
  ``security_agreement``, the deployment of civil affairs and medical training teams
  ``military_activity``, fuel and electrification support ``oda_grant``, disaster preparedness
  ``disaster_cooperation``, professional-development and exchange grants ``people_exchange``;
* "two grants of $150,000 each" are two engagements of $150,000; a quoted global commitment of
  "1.2 billion doses" is an engagement toward WORLD with its dose count; "$" in a U.S. text is
  USD, in a New Zealand text NZD.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

PALM10_COCHAIRED = "On July 18, the 10th Pacific Islands Leaders Meeting (PALM10) was co-chaired by Prime Minister KISHIDA and Prime Minister BROWN of the Cook Islands"
GOLD_TRAIN_ROUND12_X13T = {
    "250_mofa_japan_fiji_disaster_response_vessel_2025.txt": [
        (
            "signed and exchanged notes of “the Economic and Social Development Programme (Disaster Response Vessel)” (project up to 1.765 billion yen)",
            E(
                "JPN",
                ["FJI"],
                "disaster_cooperation",
                2025,
                1.765e9,
                "JPY",
                name="Economic and Social Development Programme (Disaster Response Vessel)",
            ),
        ),
        (
            "the 10th Pacific Islands Leaders Meeting (PALM10) held on July 18, 2024",
            E("JPN", ["PIC"], "diplomatic_framework", 2024, name="PALM10"),
        ),
        (
            "the 10th Pacific Islands Leaders Meeting (PALM10) held on July 18, 2024",
            I("JPN", ["PIC"], "palm_meetings", 10, year=2024),
        ),
    ],
    "251_mofa_japan_fiji_meteorological_regional_centres_2025.txt": [
        (
            "signed and exchanged notes for “the Project for the Development of Regional Centres for the Improvement of Meteorological Services and Disaster Risk Reduction in the Pacific Islands” (project up to 1,739 million yen)",
            E("JPN", ["FJI", "PIC"], "disaster_cooperation", 2025, 1.739e9, "JPY"),
        ),
        (
            "the 10th Pacific Islands Leaders Meeting (PALM10) held in July 2024",
            E("JPN", ["PIC"], "diplomatic_framework", 2024, name="PALM10"),
        ),
        (
            "the 10th Pacific Islands Leaders Meeting (PALM10) held in July 2024",
            I("JPN", ["PIC"], "palm_meetings", 10, year=2024),
        ),
    ],
    "252_mofa_japan_fiji_human_resource_development_scholarship_2024.txt": [
        (
            "signed and exchanged notes for “the Project for Human Resource Development Scholarship” (project up to 165 million yen)",
            E(
                "JPN",
                ["FJI"],
                "people_exchange",
                None,
                165e6,
                "JPY",
                name="Project for Human Resource Development Scholarship",
            ),
        ),
        (PALM10_COCHAIRED, E("JPN", ["PIC"], "diplomatic_framework", name="PALM10")),
        (PALM10_COCHAIRED, I("JPN", ["PIC"], "palm_meetings", 10)),
    ],
    "253_mofa_japan_vanuatu_fishery_research_vessel_2024.txt": [
        (
            "signed and exchanged notes for “the Economic and Social Development Programme (Fishery Research Vessel)” (project up to 700 million yen)",
            E(
                "JPN",
                ["VUT"],
                "oda_grant",
                None,
                700e6,
                "JPY",
                name="Economic and Social Development Programme (Fishery Research Vessel)",
            ),
        ),
        (PALM10_COCHAIRED, E("JPN", ["PIC"], "diplomatic_framework", name="PALM10")),
        (PALM10_COCHAIRED, I("JPN", ["PIC"], "palm_meetings", 10)),
    ],
    "254_us_government_philippines_flooding_assistance_update.txt": [
        (
            "Since July, the U.S. government has contributed $500,000 to provide emergency shelter assistance, household relief items, and hygiene kits to more than 3,000 families—approximately 15,800 people—remaining in evacuation centers",
            E("USA", ["PHL"], "disaster_cooperation", None, 500e3, "USD"),
        ),
        (
            "Since July, the U.S. government has contributed $500,000 to provide emergency shelter assistance, household relief items, and hygiene kits to more than 3,000 families—approximately 15,800 people—remaining in evacuation centers",
            I("USA", ["PHL"], "families_supported", 3000),
        ),
        (
            "Since July, the U.S. government has contributed $500,000 to provide emergency shelter assistance, household relief items, and hygiene kits to more than 3,000 families—approximately 15,800 people—remaining in evacuation centers",
            I("USA", ["PHL"], "people_supported", 15800),
        ),
        (
            "These funds also supported the delivery of 47,700 family food packs, benefiting more than 200,000 people in Northern and Central Luzon in July alone.",
            I("USA", ["PHL"], "people_reached", 200000),
        ),
        (
            "the U.S. military, in coordination with the Armed Forces of the Philippines, supported operations to deliver 6,300 food packs for 18,000 people in Batanes",
            E("USA", ["PHL"], "disaster_cooperation"),
        ),
        (
            "the U.S. military, in coordination with the Armed Forces of the Philippines, supported operations to deliver 6,300 food packs for 18,000 people in Batanes",
            I("USA", ["PHL"], "people_reached", 18000),
        ),
        (
            "the more than $60 million in foreign assistance announced earlier this year for the Philippines to support energy, maritime, and economic programs",
            E("USA", ["PHL"], "oda_grant", None, 60e6, "USD"),
        ),
    ],
    "255_embassy_philippines_metro_manila_flood_relief_100000.txt": [
        (
            "The United States Government intends to provide $100,000 (PhP4.3 million) to support disaster relief efforts in Metro Manila",
            E("USA", ["PHL"], "disaster_cooperation", None, 100e3, "USD"),
        ),
    ],
    "256_nzgov_mahuta_visit_fiji_2022.txt": [
        (
            "Foreign Affairs Minister Nanaia Mahuta departs for Fiji next week",
            E("NZL", ["FJI"], "diplomatic_framework", 2022),
        ),
    ],
    "257_beehive_mccully_pacific_releases_2014.txt": [
        (
            "Foreign Affairs Minister Murray McCully and the European Commissioner for Development Mr Andris Piebalgs depart tomorrow on a renewable energy mission to four Pacific states.",
            E("NZL", ["PIC"], "diplomatic_framework"),
        ),
        (
            "Foreign Affairs Minister Murray McCully and the European Commissioner for Development Mr Andris Piebalgs depart tomorrow on a renewable energy mission to four Pacific states.",
            I("NZL", ["PIC"], "pacific_states_visited", 4),
        ),
        (
            "Last year we co-hosted the Pacific Energy Summit",
            E("NZL", ["PIC"], "diplomatic_framework", name="Pacific Energy Summit"),
        ),
        (
            "launched the European Union – New Zealand Energy Access Partnership to fund renewable energy projects in the Pacific",
            E("NZL", ["PIC"], "oda_grant", name="European Union – New Zealand Energy Access Partnership"),
        ),
        (
            "Foreign Minister Murray McCully has announced diplomat Marion Crawshaw as New Zealand’s next High Commissioner to Solomon Islands.",
            E("NZL", ["SLB"], "diplomatic_framework"),
        ),
        (
            "Foreign Minister Murray McCully has announced New Zealand will send health personnel and a Bailey bridge to Solomon Islands to assist with the response to flooding.",
            E("NZL", ["SLB"], "disaster_cooperation"),
        ),
        (
            "Foreign Minister Murray McCully has announced that New Zealand will provide $1.5 million towards a project aimed at re-establishing and strengthening Fiji’s parliament.",
            E("NZL", ["FJI"], "oda_grant", None, 1.5e6, "NZD"),
        ),
    ],
    "258_dfat_fm_bishop_australia_award_prizes_indonesia_speech_2017.txt": [
        (
            "outstanding Indonesian students who are being awarded Australia Award prizes",
            E("AUS", ["IDN"], "people_exchange", name="Australia Award"),
        ),
        ("the recipients of Australian Government scholarships", E("AUS", ["IDN"], "people_exchange")),
        ("recipients of Indonesian Government scholarships", E("IDN", ["AUS"], "people_exchange")),
        (
            "the recipients of our New Colombo Plan overseas study awards",
            E("AUS", ["IDN"], "people_exchange", name="New Colombo Plan"),
        ),
        ("The recent State Visit of President Widodo", E("IDN", ["AUS"], "diplomatic_framework")),
        (
            "the Prime Minister’s visit and my visit during the Indian Ocean Rim Association meetings",
            E("AUS", ["IDN"], "diplomatic_framework"),
        ),
    ],
    "259_usaid_coleman_visits_palau_png_fiji_2024.txt": [
        (
            "Deputy Administrator Isobel Coleman led an official delegation with representatives from the White House, the Department of Commerce, the Department of Interior, the U.S. International Development Finance Corporation, and the U.S. Trade and Development Agency to Palau, Papua New Guinea (PNG), and Fiji.",
            E("USA", ["PLW", "PNG", "FJI"], "diplomatic_framework"),
        ),
        (
            "announced $1.5 million additional humanitarian assistance funding to the American Red Cross to bolster disaster preparedness and response capabilities of the national Red Cross societies in the Federated States of Micronesia, Palau, and the Republic of the Marshall Islands",
            E("USA", ["FSM", "PLW", "MHL"], "disaster_cooperation", None, 1.5e6, "USD"),
        ),
        (
            "Deputy Administrator Coleman also launched a new partnership with the Palau Chamber of Commerce to combat human trafficking",
            E("USA", ["PLW"], "oda_grant"),
        ),
        (
            "the collaboration between USAID and the Department of the Interior under the U.S.-Australia-Japan Trilateral Infrastructure Partnership, where USAID and partners are working to deliver safe, secure, and open internet access for Palauans",
            E("USA", ["PLW"], "oda_grant", name="Trilateral Infrastructure Partnership"),
        ),
    ],
    "260_usaid_pacific_islands_newsroom_2022.txt": [
        (
            "Yesterday, the U.S. government, through the United States Agency for International Development (USAID), handed over 45,630 life-saving Pfizer vaccines to support the Government of Samoa’s efforts to combat COVID -19.",
            E("USA", ["WSM"], "health_cooperation", 2022),
        ),
        (
            "Yesterday, the U.S. government, through the United States Agency for International Development (USAID), handed over 45,630 life-saving Pfizer vaccines to support the Government of Samoa’s efforts to combat COVID -19.",
            I("USA", ["WSM"], "vaccine_doses", 45630, year=2022),
        ),
        (
            "The U.S. is committed to providing 1.2 billion doses of safe, effective vaccines to meet global needs.",
            E("USA", ["WORLD"], "health_cooperation"),
        ),
        (
            "The U.S. is committed to providing 1.2 billion doses of safe, effective vaccines to meet global needs.",
            I("USA", ["WORLD"], "vaccine_doses", 1.2e9),
        ),
        (
            "has awarded two grants of $150,000 each to organizations based in Palau",
            E("USA", ["PLW"], "disaster_cooperation", None, 150e3, "USD"),
        ),
        (
            "has awarded two grants of $150,000 each to organizations based in Palau",
            E("USA", ["PLW"], "disaster_cooperation", None, 150e3, "USD"),
        ),
        (
            "signed a new Development Objective Grant Agreement (DOAG) of $12 million",
            E("USA", ["PNG"], "oda_grant", None, 12e6, "USD", name="Development Objective Grant Agreement"),
        ),
        ("partners with 12 Pacific Island nations", I("USA", ["PIC"], "partner_countries", 12, year=2022)),
    ],
    "261_whitehouse_interagency_delegation_papua_new_guinea_2024.txt": [
        (
            "A U.S. interagency delegation comprising senior members of the National Security Council staff, the Departments of State and Defense, U.S. Agency for International Development (USAID), and U.S. Indo-Pacific Command (INDOPACOM) traveled to Papua New Guinea, July 14-16, 2024",
            E("USA", ["PNG"], "diplomatic_framework", 2024),
        ),
        (
            "the US-PNG Defense Cooperation Agreement",
            E("USA", ["PNG"], "security_agreement", name="Defense Cooperation Agreement"),
        ),
        (
            "accelerate implementation of new projects linked to the Defense Cooperation Agreement",
            E("USA", ["PNG"], "security_agreement"),
        ),
        (
            "deployment of civil affairs and medical training teams to Papua New Guinea",
            E("USA", ["PNG"], "military_activity"),
        ),
        (
            "work to help resolve the ongoing fuel crisis through government and private sector initiatives",
            E("USA", ["PNG"], "oda_grant", ppp=True),
        ),
        (
            "support to PNG’s efforts to boost its electricity connectivity through the PNG Electrification Project",
            E("USA", ["PNG"], "oda_grant", name="PNG Electrification Project"),
        ),
        (
            "partnerships to enhance disaster preparedness and response",
            E("USA", ["PNG"], "disaster_cooperation"),
        ),
        (
            "grants to increase professional development and educational exchanges",
            E("USA", ["PNG"], "people_exchange"),
        ),
        (
            "projects to improve community stability, including law enforcement capacity building and support for the prevention and response of gender-based violence",
            E("USA", ["PNG"], "security_agreement"),
        ),
        (
            "unprecedented Foreign Military Financing to enhance the capabilities of the PNG Defense Force",
            E("USA", ["PNG"], "security_agreement"),
        ),
    ],
}
