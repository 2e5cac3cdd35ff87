"""Hand annotations of the training-only documents added in round 16 by x17u (440-450), merged by make_gold.py.

Eleven openly licensed texts chosen for the extractor's largest miss class, acts with no candidate at
all: programmes listed with their cost and years ("Governance Program" / "Up to $30 million,
2017-2021", "the Nauru Education Program ($20 million, 2022 - 2027)"), packages itemised in a list
with no total (Japan's PALM8 fact sheet), acts where only one side is named in the sentence (the
partner in the page heading or the sentence before), and acts told in a minister's or ambassador's
first person or quoted speech ("I announced new initiatives", "We responded with a survey team", "We
are contributing a further $10 million"). Donors and publishers the training
half has least of: Australian Government pages (two DFAT Solomon Islands pillar pages, the DFAT Nauru
page, DFAT's February 2024 Timor-Leste fact sheet, a Foreign Minister's release; CC BY 4.0), a New
Zealand Government press release (read on Scoop; CC BY 4.0), a press release of Korea's Ministry of Foreign
Affairs (Korea Open Government Licence Type 1, read on ReliefWeb), a Ministry of Foreign Affairs of
Japan fact sheet (Government of Japan Standard Terms of Use, read in the GRIPS "World and Japan"
database) and United States federal texts (a Department of State fact sheet, a White House fact sheet,
a U.S. Embassy Port Moresby op-ed; public domain). Annotated by x17u from the texts alone, following
README.md "Annotation guidelines" (with the round-9 to round-16 clarifications), BEFORE any extractor
was run on these documents. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* **a page's "Related initiatives"** is recorded item by item (round 15): a programme stated with its
  cost and years is quoted with its cost line ("Governance Program\\nUp to $30 million, 2017-2021");
  a bare name in the page's list of its initiatives is a record of its own without amount or year
  (a standing act, round 14), except where the page states the same programme with its cost (then the
  costed line is the record, the first/most informative mention); a programme's stated annual budget
  ("approximately 7.5 million per annum") is a ``programme_budget_annual`` indicator;
* **a block of budget lines** at the head of a country page (bilateral allocation and total ODA for
  several years) gives one ``aid_annual`` indicator, the first-listed year's total ODA estimate, as the
  fact sheet's "Estimated Australian ODA" headline (round 15: a budget table of several years is not
  annotated cell by cell); sector shares of a chart are not annotated;
* **items of a list with no total** are recorded item by item (PALM8 fact sheet: one record per item,
  partners as the item's bracket lists them; an item repeating an earlier one in other words, "Provision
  of maritime security equipment (Palau, Fiji)" after "Provision of equipment to enhance maritime
  security capacity (Palau, Fiji, PNG, Marshall)", is not recorded again); items under a stated total
  are its breakdown (round 15: "This includes over $45 million in new programming for Papua New Guinea"
  under "$7.2 billion", the $8 million for health inside the $13 million package);
* **one side named**: the partner of a page's heading ("Development assistance in Solomon Islands",
  "Australia's development program to Nauru") or of the sentence before carries over; so does the
  actor of a quotation's speaker ("We are contributing a further $10 million to help Vanuatu" said by
  New Zealand's Associate Foreign Minister); the announced support and its quoted amount are one
  record (the most informative mention); a co-financing "since 2012" is a record of its own (year 2012);
* **first person**: a minister's, ambassador's or fact sheet's "I announced", "we", "our" is the
  acting government (round 15's quoted speech);
* **intentions**: a commitment with neither amount, named programme nor date ("Aotearoa New Zealand
  is committed to supporting the economic recovery of our Pacific region") is an aim (round 16's "will
  continue to support" rule); a continuation that
  names a dated meeting ("will continue to advance our shared priorities ..., including at the 53rd
  Pacific Island Forum Leaders Meeting taking place in Tonga this week") is a record of that meeting;
* cumulative announcements ("has committed to working with Congress on providing over $8 billion to
  the Pacific Islands region since the historic first Summit", "announced plans ... to provide over $8
  billion in new funding for the Pacific Islands" over three and a half years) are ``aid_total``
  indicators; a new announcement with its own total ("highlighted our commitment to working with
  Congress for over $7.2 billion in new funding") is an engagement; the budget request for the Compacts
  ($7.1 billion of the $7.2 billion) is part of it;
* a summit and the declaration issued at it are separate records (round 12); a leaders' dialogue that a
  visit is made "for" is a record toward the Forum (PIC) beside the visit's record toward the host;
* instruments: budget support and economic recovery support (COVID-19 included) oda_grant (document
  37); justice, governance and public financial management programmes oda_grant (as x16u's Tautai);
  education-system programmes and training technical_cooperation; maritime-security equipment
  security_agreement; a new strategy or framework, embassies opened, visits and summits
  diplomatic_framework;
* years: pages with no date give none (440-442, 444, 447, 450) except where a year is written;
  a programme's years give year and year_end; acts announced at the dated September 2022 summit take
  2022 (round 13); "since PALM8" gives no year (the text does not date PALM8);
* "$" in an Australian text is AUD, in a New Zealand text NZD, in a U.S. text USD.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]

GOLD_TRAIN_ROUND16_X17U = {
    "440_dfat_solomon_islands_pillar_3_economic_recovery.txt": [
        (
            "Australia is supporting that response through a $13 million package of direct budget support",
            E("AUS", ["SLB"], "oda_grant", None, 13e6, "AUD"),
        ),
        (
            "- Health Sector Support Program – Phase 3",
            E("AUS", ["SLB"], "health_cooperation", name="Health Sector Support Program"),
        ),
        (
            "- Education Sector Support Program",
            E("AUS", ["SLB"], "technical_cooperation", name="Education Sector Support Program"),
        ),
        ("- Strongim Bisnis – Phase 2", E("AUS", ["SLB"], "oda_grant", name="Strongim Bisnis")),
        (
            "- Tina River Hydropower Development Project",
            E("AUS", ["SLB"], "oda_grant", name="Tina River Hydropower Development Project"),
        ),
        (
            "- Solomon Islands Transport Sector-Based Approach – Phase 2",
            E("AUS", ["SLB"], "oda_grant", name="Solomon Islands Transport Sector-Based Approach"),
        ),
        ("- Addressing Gender Equality", E("AUS", ["SLB"], "oda_grant", name="Addressing Gender Equality")),
        (
            "- Solomon Islands Rural Development Program – Phase 2",
            E("AUS", ["SLB"], "oda_grant", name="Solomon Islands Rural Development Program"),
        ),
        (
            "- Solomon Islands Growth Program",
            E("AUS", ["SLB"], "oda_grant", name="Solomon Islands Growth Program"),
        ),
        (
            "Governance Program\nUp to $30 million, 2017-2021",
            E("AUS", ["SLB"], "oda_grant", 2017, 30e6, "AUD", year_end=2021, name="Governance Program"),
        ),
        (
            "The budget for the Governance Program is approximately 7.5 million per annum.",
            I("AUS", ["SLB"], "programme_budget_annual", 7.5e6, unit="AUD"),
        ),
    ],
    "441_dfat_solomon_islands_pillar_2_stability_justice_program.txt": [
        (
            "Solomon Islands Justice Program\n\nUp to $32 million, 2011-2026",
            E(
                "AUS",
                ["SLB"],
                "oda_grant",
                2011,
                32e6,
                "AUD",
                year_end=2026,
                name="Solomon Islands Justice Program",
            ),
        ),
    ],
    "442_dfat_nauru_development_program_2025_26.txt": [
        (
            "2025-26 total Australian ODA [budget estimate]\n-\n$46.0 million",
            I("AUS", ["NRU"], "aid_annual", 46.0e6, unit="AUD", year=2025, year_end=2026),
        ),
        (
            "Australia is Nauru's largest bilateral aid donor.",
            I("AUS", ["NRU"], "development_partner_rank", 1, unit="rank"),
        ),
        (
            "Australia is implementing the Nauru Education Program ($20 million, 2022 - 2027)",
            E(
                "AUS",
                ["NRU"],
                "technical_cooperation",
                2022,
                20e6,
                "AUD",
                year_end=2027,
                name="Nauru Education Program",
            ),
        ),
    ],
    "443_dfat_timor_leste_development_cooperation_fact_sheet_2024.txt": [
        (
            "Estimated Australian ODA: 2023-24: $118m",
            I("AUS", ["TLS"], "aid_annual", 118e6, unit="AUD", year=2023, year_end=2024),
        ),
        (
            "Australia is Timor-Leste's largest development and security partner.",
            I("AUS", ["TLS"], "development_partner_rank", 1, unit="rank"),
        ),
        (
            "infrastructure projects such as the submarine fibre-optic cable",
            E("AUS", ["TLS"], "oda_grant"),
        ),
        (
            "the redevelopment of the Presidente Nicolau Lobato International Airport in Dili",
            E("AUS", ["TLS"], "oda_grant"),
        ),
    ],
    "444_fm_australia_payne_strengthening_ties_laos.txt": [
        (
            "During a visit to Vientiane to celebrate the 70th anniversary of diplomatic relations between Australia and Laos",
            E("AUS", ["LAO"], "diplomatic_framework"),
        ),
        (
            "Australia will support a second phase of the Basic Education Quality and Access in Laos program",
            E("AUS", ["LAO"], "technical_cooperation", name="Basic Education Quality and Access in Laos"),
        ),
        (
            "We will extend funding for the Laos-Australia Institute (LAI) – a partnership between our countries that has supported Laos’ economic and social development since 2014 – through a $16 million investment",
            E("AUS", ["LAO"], "technical_cooperation", None, 16e6, "AUD", name="Laos-Australia Institute"),
        ),
        (
            "the Mekong-Australia Partnership (MAP) – announced by Prime Minister Morrison at the 2020 ASEAN-Australia Summit",
            E("AUS", MEKONG, "diplomatic_framework", 2020, name="Mekong-Australia Partnership"),
        ),
        (
            "Australia will provide $10 million to support the Lao Government’s public financial management reform efforts.",
            E("AUS", ["LAO"], "oda_grant", None, 10e6, "AUD"),
        ),
    ],
    "445_mofa_korea_rok_pacific_covid19_impact_recovery_plan_2020.txt": [
        (
            "concluded a subsidiary arrangement using the Republic of Korea-PIF Cooperation Fund -- “the ROK-Pacific COVID-19 Impact Recovery Plan (a total of 300,000 U.S. dollars in 2020)”",
            E(
                "KOR",
                ["PIC"],
                "oda_grant",
                2020,
                300000,
                "USD",
                name="ROK-Pacific COVID-19 Impact Recovery Plan",
            ),
        ),
    ],
    "446_nzgov_mahuta_sio_vanuatu_inter_island_shipping_wharves_2022.txt": [
        (
            "We are contributing a further $10 million to help Vanuatu complete construction of climate resilient wharves.",
            E(
                "NZL",
                ["VUT"],
                "oda_grant",
                2022,
                10e6,
                "NZD",
                name="Vanuatu Inter-Island Shipping Support Project",
            ),
        ),
        (
            "New Zealand has been a co-financer of VISSP since 2012",
            E("NZL", ["VUT"], "oda_grant", 2012, name="Vanuatu Inter-Island Shipping Support Project"),
        ),
    ],
    "447_state_us_pif_leaders_dialogue_png_2023.txt": [
        (
            "Secretary Blinken’s visit to Papua New Guinea for the U.S.-Pacific Islands Forum Leaders Dialogue",
            E("USA", ["PNG"], "diplomatic_framework"),
        ),
        (
            "At the historic first-ever U.S.-Pacific Island Summit held in Washington in September 2022",
            E("USA", ["PIC"], "diplomatic_framework", 2022, name="U.S.-Pacific Island Summit"),
        ),
        (
            "President Biden announced a slate of ambitious initiatives that, working with Congress, will provide over $810 million in additional expanded programs to meet Pacific priorities.",
            E("USA", ["PIC"], "oda_grant", 2022, 810e6, "USD"),
        ),
        (
            "opening new U.S. embassies in the region in record time",
            E("USA", ["PIC"], "diplomatic_framework"),
        ),
        (
            "Today, Secretary Blinken highlighted our commitment to working with Congress for over $7.2 billion in new funding and programs for the Pacific Islands region.",
            E("USA", ["PIC"], "oda_grant", None, 7.2e9, "USD"),
        ),
        (
            "the Biden-Harris Administration has committed to working with Congress on providing over $8 billion to the Pacific Islands region since the historic first Summit in Washington",
            I("USA", ["PIC"], "aid_total", 8e9, unit="USD", year=2022),
        ),
        (
            "At the U.S.-Pacific Islands Forum Leaders Dialogue, Secretary Blinken and Pacific Leaders reaffirmed their commitment",
            E("USA", ["PIC"], "diplomatic_framework", name="U.S.-Pacific Islands Forum Leaders Dialogue"),
        ),
        (
            "the Declaration on U.S.-Pacific Partnership issued in September 2022",
            E("USA", ["PIC"], "diplomatic_framework", 2022, name="Declaration on U.S.-Pacific Partnership"),
        ),
    ],
    "448_whitehouse_us_pacific_islands_partnership_53rd_pif_tonga_2024.txt": [
        (
            "including at the 53rd Pacific Island Forum Leaders Meeting taking place in Tonga this week",
            E(
                "USA",
                ["PIC"],
                "diplomatic_framework",
                2024,
                name="53rd Pacific Islands Forum Leaders Meeting",
            ),
        ),
        (
            "hosted two historic Pacific Islands Forum Summits at the White House",
            E("USA", ["PIC"], "diplomatic_framework"),
        ),
        (
            "opened three new embassies in Solomon Islands, Tonga, and Vanuatu",
            E("USA", ["SLB", "TON", "VUT"], "diplomatic_framework"),
        ),
        (
            "released the first ever U.S.-Pacific Partnership Strategy",
            E("USA", ["PIC"], "diplomatic_framework", name="U.S.-Pacific Partnership Strategy"),
        ),
        (
            "announced plans, working with Congress, to provide over $8 billion in new funding for the Pacific Islands.",
            I("USA", ["PIC"], "aid_total", 8e9, unit="USD"),
        ),
    ],
    "449_mofa_japan_factsheet_support_since_palm8_2021.txt": [
        (
            "Training to combat Illegal, Unreported and Unregulated (IUU) Fishing (PNG, Fiji, Tonga, Vanuatu, Samoa, Solomon, Marshall, FSM, Palau, Kiribati, Tuvalu, Nauru)",
            E(
                "JPN",
                ["PNG", "FJI", "TON", "VUT", "WSM", "SLB", "MHL", "FSM", "PLW", "KIR", "TUV", "NRU"],
                "technical_cooperation",
            ),
        ),
        (
            "Maritime law enforcement training at the University of the South Pacific (Cook, Kiribati, Nauru, PNG, Fiji, Marshall, Samoa, Solomon, Tonga, Tuvalu, Vanuatu)",
            E(
                "JPN",
                ["COK", "KIR", "NRU", "PNG", "FJI", "MHL", "WSM", "SLB", "TON", "TUV", "VUT"],
                "technical_cooperation",
            ),
        ),
        (
            "Provision of equipment to enhance maritime security capacity (Palau, Fiji, PNG, Marshall)",
            E("JPN", ["PLW", "FJI", "PNG", "MHL"], "security_agreement"),
        ),
        (
            "Dispatch of Japan Coast Guard Mobile Cooperation Team (MCT) (Palau)",
            E("JPN", ["PLW"], "technical_cooperation", name="Japan Coast Guard Mobile Cooperation Team"),
        ),
        (
            "Providing online training conducted by Japan Coast Guard MCT (Palau)",
            E("JPN", ["PLW"], "technical_cooperation"),
        ),
        (
            "JICA training in promoting resource management (Fiji, Kiribati, Nauru, PNG, Tonga, Vanuatu, FSM, Solomon, Samoa, Palau)",
            E(
                "JPN",
                ["FJI", "KIR", "NRU", "PNG", "TON", "VUT", "FSM", "SLB", "WSM", "PLW"],
                "technical_cooperation",
            ),
        ),
        (
            "FAO Project for Enhancing Livelihood and Food Security through Fisheries with Nearshore Fish Aggregating Devices in the Pacific Ocean (Kiribati, Samoa, Tuvalu, Palau, Vanuatu, Fiji, Marshall)",
            E("JPN", ["KIR", "WSM", "TUV", "PLW", "VUT", "FJI", "MHL"], "oda_grant"),
        ),
        (
            "Technical Cooperation on managing marine resources and the environment (Vanuatu, Palau, PNG)",
            E("JPN", ["VUT", "PLW", "PNG"], "technical_cooperation"),
        ),
        (
            "Provision of oil fences for marine environmental protection (Marshall)",
            E("JPN", ["MHL"], "oda_grant"),
        ),
        (
            "Wartime sunken ship oil leak and unexploded ordnance abatement (FSM, Palau)",
            E("JPN", ["FSM", "PLW"], "oda_grant"),
        ),
    ],
    "450_embassy_png_ambassador_development_investment_in_people_2021.txt": [
        (
            "We responded with a survey team that resulted in the launch of a number of development programs in the areas most affected by the conflict.",
            E("USA", ["SLB"], "oda_grant"),
        ),
    ],
}
