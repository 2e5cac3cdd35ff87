"""Hand annotations of the training-only documents added in round 11 by x12u (230-243), merged by make_gold.py.

Fourteen openly licensed texts, chosen for news-style writing about several donors and for
relief delivered in waves: five Voice of America texts (news items, a VOA Khmer report, two VOA
Learning English stories; public domain as works of the U.S. Agency for Global Media) on acts of
China, Japan and the United States; four Government of Japan releases (Ministry of Foreign
Affairs, the Permanent Mission of Japan to the United Nations; Standard Terms of Use 2.0); five
Australian texts (DFAT news and media releases, a minister's interview transcript, a DFAT page and
a joint ministers' release read on ReliefWeb; CC BY 4.0). Annotated by x12u from the texts alone,
following README.md "Annotation guidelines" (with the round-9 clarifications and the round-11
wave rule), BEFORE any extractor was run on these documents. TRAINING ONLY (manifest groups
``train-only:...``).

Decisions (applied the same way in every document):
* relief or aid in waves (README, "Clarified in round 11"): each wave the text states as its own
  act (an initial package, "an additional $10 million that we announced on Monday", a ship's
  arrival, "the $3.3 million ... already provided", "nearly $14 million in further aid") is its
  own engagement with its own amount and date, its counts (tonnes, personnel) indicators; a
  running total ("stands at $15 million", "a total Australian contribution of $8.8 million") is
  an ``aid_total`` indicator; a deployment's later activity (its helicopters beginning
  assessment flights) is the same act, not a new wave;
* a package stated with a total is one record and its list items its breakdown (DFAT's initial
  $5 million for Fiji); a package without a total is recorded item by item (China's forum
  package: loans, zero-tariff entry as ``trade_agreement``, debt cancellation as ``oda_grant``,
  health cooperation; Australia's further Harold package: supplies and funding for NGOs); the
  beneficiaries its items are to reach are count indicators toward the package's partner;
* a page that states no date gives no year (the VOA 2006 and 2014 news items, the VOA Learning
  English story on China's aid, the Downer release, the minister's transcript, the DFAT Winston
  page): URL dates are not text; a caption that is the news item's only date dates it (Nepal);
  "In 2013, Japan cancelled ... and provided a $500 million loan" gives both acts 2013; "will
  provide" on a dated release with no time word takes no year (as document 02);
* debt cancellation is ``oda_grant`` (ODA of unspecified form) with its amount; a loan to clear
  arrears is ``oda_loan``; a minister's pledge to a partner's police is ``security_agreement``
  (law-enforcement capacity); a sport package is ``oda_grant``; drought relief and food aid are
  ``disaster_cooperation``; the start of a dialogue and aid consultations are
  ``diplomatic_framework``;
* a visiting delegation or minister is the visitor state's ``diplomatic_framework`` act toward
  the host; meetings inside a recorded visit are not further records; each named
  foreign-ministers' meeting of a series is its own record (Japan-CLV toward KHM, LAO, VNM);
* statistics in a news story: "has diplomatic relations with eight ... nations" and "its eight
  South Pacific allies" are counts (stock, no engagement), aid totals and "the largest donor"
  (rank 1) or "third-largest donor" (rank 3) are indicators, "likely to become the region's
  third-biggest donor" is a projection and not annotated; "the largest Chinese investment project
  ... the $1.6 billion Ramu Nickel mine" is an indicator of China's presence in Papua New Guinea;
  "$" in a VOA text is USD, in an Australian text AUD;
* not annotated: acts of private foundations (the Nippon Foundation's rice), a partner's own
  disaster figures, aims ("working closely with ... to assess", "will see Australia begin to
  negotiate"), an endorsed proposal, "a major donor" with no rank number.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

CHN_PACIFIC_ALLIES_2006 = ["FJI", "WSM", "PNG", "COK", "VUT", "FSM", "NIU", "TON"]
CHN_PACIFIC_RELATIONS_2015 = ["COK", "FSM", "FJI", "NIU", "PNG", "WSM", "TON", "VUT"]
CLV = ["KHM", "LAO", "VNM"]

GOLD_TRAIN_ROUND11_X12U = {
    "230_voa_china_pacific_islands_aid_package_2006.txt": [
        (
            "its eight South Pacific allies - Fiji, Samoa, Papua New Guinea, the Cook Islands, Vanuatu, Micronesia, Niue and Tonga",
            I("CHN", CHN_PACIFIC_ALLIES_2006, "diplomatic_allies", 8),
        ),
        (
            "Speaking at the first China-Pacific Islands economic forum",
            E(
                "CHN",
                CHN_PACIFIC_ALLIES_2006,
                "diplomatic_framework",
                name="China-Pacific Islands economic forum",
            ),
        ),
        (
            "Mr. Wen promised zero-tariff entry for exports from these countries",
            E("CHN", CHN_PACIFIC_ALLIES_2006, "trade_agreement"),
        ),
        (
            "more than $370 million in loans in the next three years",
            E("CHN", CHN_PACIFIC_ALLIES_2006, "oda_loan", None, 370e6, "USD"),
        ),
        (
            "debt cancellation for the poorest countries",
            E("CHN", CHN_PACIFIC_ALLIES_2006, "oda_grant"),
        ),
        (
            "health cooperation and other incentives",
            E("CHN", CHN_PACIFIC_ALLIES_2006, "health_cooperation"),
        ),
    ],
    "231_voa_japan_myanmar_100m_aid_2014.txt": [
        (
            "Japan says it will provide nearly $100 million in additional aid for Burma, also known as Myanmar, to support the country's peace process.",
            E("JPN", ["MMR"], "oda_grant", None, 100e6, "USD"),
        ),
        (
            "In 2013, Japan cancelled more than $3 billion in foreign debt owed by Burma",
            E("JPN", ["MMR"], "oda_grant", 2013, 3e9, "USD"),
        ),
        (
            "provided a $500 million loan to clear Burma's arrears with international financial institutions",
            E("JPN", ["MMR"], "oda_loan", 2013, 500e6, "USD"),
        ),
    ],
    "232_voa_learning_english_china_aid_south_pacific_2015.txt": [
        (
            "China has provided South Pacific countries with financial assistance worth more than a billion dollars in 10 years",
            I("CHN", ["PIC"], "aid_total", 1e9, unit="USD"),
        ),
        (
            "The largest Chinese investment project in the region is the $1.6 billion Ramu Nickel mine in Papua New Guinea.",
            I("CHN", ["PNG"], "investment_project_value", 1.6e9, unit="USD"),
        ),
        (
            "Since 2006, China alone has provided $1.4 billion in foreign aid to the South Pacific region.",
            I("CHN", ["PIC"], "aid_total", 1.4e9, unit="USD", year=2006),
        ),
        (
            "Australia remains the largest donor",
            I("AUS", ["PIC"], "donor_rank", 1, unit="rank"),
        ),
        (
            "providing almost $7 billion over the last 10 years",
            I("AUS", ["PIC"], "aid_total", 7e9, unit="USD"),
        ),
        (
            "China has diplomatic relations with eight South Pacific island nations: the Cook Islands, the Federated States of Micronesia, Fiji, Niue, Papua New Guinea, Samoa, Tonga, and Vanuatu.",
            I("CHN", CHN_PACIFIC_RELATIONS_2015, "diplomatic_relations", 8),
        ),
    ],
    "233_voa_khmer_china_aid_cambodia_2008.txt": [
        (
            "a delegation led by Chinese National Committee Chairman Jia Qingling",
            E("CHN", ["KHM"], "diplomatic_framework", 2008),
        ),
        (
            "signed over $200 million in aid that was promised at a summit in October",
            E("CHN", ["KHM"], "oda_grant", 2008, 200e6, "USD"),
        ),
        (
            "The delegation also announced Wednesday nearly $14 million in further aid.",
            E("CHN", ["KHM"], "oda_grant", 2008, 14e6, "USD"),
        ),
        (
            "Chinese State Councilor and Minister of Public Security Meng Jianzhu arrived in Cambodia Sunday",
            E("CHN", ["KHM"], "diplomatic_framework", 2008),
        ),
        (
            "promising $300,000 to police and security forces",
            E("CHN", ["KHM"], "security_agreement", 2008, 300000, "USD"),
        ),
        (
            "China also pledged $91 million in aid at the donor meeting in 2007",
            E("CHN", ["KHM"], "oda_grant", 2007, 91e6, "USD"),
        ),
        (
            "making it Cambodia’s third-largest donor",
            I("CHN", ["KHM"], "donor_rank", 3, unit="rank", year=2007),
        ),
    ],
    "234_voa_learning_english_us_aid_nepal_2015.txt": [
        (
            "U.S. military aircraft, heavy equipment and air traffic controllers arrived in the capital, Kathmandu, on Sunday.",
            E("USA", ["NPL"], "disaster_cooperation", 2015),
        ),
    ],
    "235_mofa_japan_myanmar_exchange_of_notes_grant_aid_2013.txt": [
        (
            "exchanged notes concerning grant aid for the following two projects in Naypyidaw",
            I("JPN", ["MMR"], "grant_projects", 2, year=2013),
        ),
        (
            "The Project for Urgent Improvement of Water Supply in Yangon City (maximum 1.9 billion yen)",
            E(
                "JPN",
                ["MMR"],
                "oda_grant",
                2013,
                1.9e9,
                "JPY",
                name="Project for Urgent Improvement of Water Supply in Yangon City",
            ),
        ),
    ],
    "236_mofa_japan_mekong_foreign_ministers_meetings_vientiane_2004.txt": [
        ("The Japan-Myanmar Foreign Ministers' Meeting", E("JPN", ["MMR"], "diplomatic_framework", 2004)),
        ("the Japan-Laos Foreign Ministers' Meeting", E("JPN", ["LAO"], "diplomatic_framework", 2004)),
        (
            "the Japan-CLV (Cambodia, Laos and Viet Nam) Foreign Ministers' Working Dinner took place in Vientiane, Laos on November 27",
            E("JPN", CLV, "diplomatic_framework", 2004),
        ),
        (
            "the Japan-Thailand Foreign Ministers' Meeting on the following day",
            E("JPN", ["THA"], "diplomatic_framework", 2004),
        ),
        (
            "A signing ceremony for the provision of grant aid by Japan to Laos was conducted at the beginning of the Japan-Laos Foreign Ministers' Meeting.",
            E("JPN", ["LAO"], "oda_grant", 2004),
        ),
    ],
    "237_emb_japan_un_indonesia_flood_emergency_grant_2013.txt": [
        (
            "the Government of Japan decided to contribute 200,000 US dollars (about 16.2 million Japanese Yen) through the United Nations Children’s Fund (UNICEF) for the people of Indonesia who suffer from the recent flooding",
            E("JPN", ["IDN"], "disaster_cooperation", 2013, 200000, "USD"),
        ),
    ],
    "238_mofa_japan_tonga_cyclone_gita_relief_goods_2018.txt": [
        (
            "the Government of Japan decided to provide emergency relief goods (tents, plastic sheets, etc.) through the Japan International Cooperation Agency (JICA) to Tonga",
            E("JPN", ["TON"], "disaster_cooperation", 2018),
        ),
    ],
    "239_dfat_pm_rudd_visits_png_solomon_islands_2008.txt": [
        (
            "From 6-8 March 2008 Prime Minister, the Hon. Kevin Rudd MP, along with Parliamentary Secretary for International Development the Hon. Bob McMullan MP and Parliamentary Secretary for Pacific Island Affairs the Hon. Duncan Kerr SC MP, visited Papua New Guinea and Solomon Islands.",
            E("AUS", ["PNG", "SLB"], "diplomatic_framework", 2008),
        ),
        (
            "they signed and announced the Port Moresby Declaration",
            E("AUS", ["PNG"], "diplomatic_framework", 2008, name="Port Moresby Declaration"),
        ),
        (
            "The Australian and PNG Governments also began dialogue on long term cooperation on reducing greenhouse gas emissions from deforestation and forest degradation.",
            E("AUS", ["PNG"], "diplomatic_framework", 2008),
        ),
        (
            "$13 million to NGOs working across PNG with people affected by HIV and AIDS.",
            E("AUS", ["PNG"], "health_cooperation", 2008, 13e6, "AUD"),
        ),
        (
            "Up to $25 million increase in development funding in 2008-09 to help PNG meet its Millennium Development Goals.",
            E("AUS", ["PNG"], "oda_grant", 2008, 25e6, "AUD", year_end=2009),
        ),
        (
            "$260,000 package to help develop sport in PNG.",
            E("AUS", ["PNG"], "oda_grant", 2008, 260000, "AUD"),
        ),
        (
            "$3 million additional funding for the rehabilitation and maintenance of rural roads.",
            E("AUS", ["SLB"], "oda_grant", 2008, 3e6, "AUD"),
        ),
        (
            "$1.5 million further funding for the construction of shelters in communities affected by the April 2007 earthquake and tsunami.",
            E("AUS", ["SLB"], "disaster_cooperation", 2008, 1.5e6, "AUD"),
        ),
    ],
    "240_dfat_downer_additional_aid_indonesia_drought.txt": [
        (
            "the Australian Government is to provide additional assistance of $5.5 million for drought relief and employment creation in Indonesia",
            E("AUS", ["IDN"], "disaster_cooperation", None, 5.5e6, "AUD"),
        ),
        (
            "Mr Trevor Kanaley, the Director General of AusAID, the Australian Agency for International Development, led the annual consultations last Thursday in Jakarta.",
            E("AUS", ["IDN"], "diplomatic_framework", name="High Level Aid Consultations"),
        ),
        (
            "will be increased by $1.5 million to $2 million for this purpose",
            I("AUS", ["IDN"], "scheme_funding", 2e6, unit="AUD"),
        ),
        (
            "the $3.3 million for the food aid and drought relief already provided to Irian Jaya",
            E("AUS", ["IDN"], "disaster_cooperation", None, 3.3e6, "AUD"),
        ),
        (
            "making a total Australian contribution of $8.8 million since October last year",
            I("AUS", ["IDN"], "aid_total", 8.8e6, unit="AUD"),
        ),
    ],
    "241_dfat_fierravanti_wells_fiji_cyclone_winston_interview_2016.txt": [
        (
            "Our total government funding assistance at the moment stands at $15 million",
            I("AUS", ["FJI"], "aid_total", 15e6, unit="AUD"),
        ),
        (
            "an additional $10 million that we announced on Monday",
            E("AUS", ["FJI"], "disaster_cooperation", None, 10e6, "AUD"),
        ),
        (
            "we’ve provided humanitarian supplies for more than 100,000 people",
            I("AUS", ["FJI"], "people_reached", 100000),
        ),
        (
            "This has included releasing prepositioned supplies that we have in Fiji and this happened immediately after the cyclone.",
            E("AUS", ["FJI"], "disaster_cooperation"),
        ),
        (
            "We’ve got about 1,500 Australian Government and Defence personnel in Fiji supporting relief efforts.",
            I("AUS", ["FJI"], "personnel", 1500),
        ),
        ("HMAS Canberra arrived in Suva on the 1st of March", E("AUS", ["FJI"], "disaster_cooperation")),
        (
            "She was carrying an additional 60 tonnes of emergency supplies",
            I("AUS", ["FJI"], "relief_tonnes", 60, unit="tonnes"),
        ),
    ],
    "242_dfat_tropical_cyclone_winston_fiji_initial_package_2016.txt": [
        (
            "Australia is providing an initial $5 million package of assistance to Fiji",
            E("AUS", ["FJI"], "disaster_cooperation", None, 5e6, "AUD"),
        ),
        ("at least 2,200 families", I("AUS", ["FJI"], "families_supported", 2200)),
        ("over 13,000 people", I("AUS", ["FJI"], "people_supported", 13000)),
        (
            "health and sanitation supplies for up to 10,000 people",
            I("AUS", ["FJI"], "people_supported", 10000),
        ),
        (
            "temporary learning spaces and supplies for more than 10,000 children",
            I("AUS", ["FJI"], "children_supported", 10000),
        ),
        ("the lifesaving needs of 45,000 people", I("AUS", ["FJI"], "people_supported", 45000)),
        ("access to up to 80,000 people across Fiji", I("AUS", ["FJI"], "people_supported", 80000)),
    ],
    "243_dfat_ministers_fiji_cyclone_harold_further_support_2020.txt": [
        (
            "humanitarian relief supplies made-up of shelter kits and tents, kitchen utensils, water containers and personal hygiene items",
            E("AUS", ["FJI"], "disaster_cooperation"),
        ),
        (
            "funding for the Fiji Red Cross and non-government organisations to provide community services such as rebuilding, safe access water and sanitation, and counselling support to address specific needs of vulnerable people.",
            E("AUS", ["FJI"], "disaster_cooperation"),
        ),
        (
            "Fijian personnel supported Australian communities during our recent bushfires",
            E("FJI", ["AUS"], "disaster_cooperation"),
        ),
    ],
}
