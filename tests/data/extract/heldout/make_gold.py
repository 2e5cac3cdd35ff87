"""Build gold.jsonl for the held-out documents (written and annotated before the rules were read or changed) from hand annotations (quote -> record).

Each annotation names its document, the quote (the shortest clause stating the record; the
n-th occurrence when given as (quote, n)) and the record's fields; spans are computed here
so that quote == text[span[0]:span[1]] always holds. Run: python make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldtools import E, I, P, write_gold  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]
GOLD = {
    "01_essay_japan_philippines.txt": [
        (
            "The programme began in earnest in 2013, when the Japan International Cooperation Agency signed a loan agreement of JPY 18.7 billion with the Philippine government for ten 44-metre multi-role response vessels.",
            E("JPN", ["PHL"], "oda_loan", 2013, 18.7e9, "JPY"),
        ),
        (
            "The programme began in earnest in 2013, when the Japan International Cooperation Agency signed a loan agreement of JPY 18.7 billion with the Philippine government for ten 44-metre multi-role response vessels.",
            I("JPN", ["PHL"], "vessels", 10, year=2013),
        ),
        (
            "A second phase followed in 2020, when JICA extended a further loan of JPY 23 billion for two 97-metre vessels, the largest cutters the Philippine Coast Guard had ever operated.",
            E("JPN", ["PHL"], "oda_loan", 2020, 23e9, "JPY"),
        ),
        (
            "A second phase followed in 2020, when JICA extended a further loan of JPY 23 billion for two 97-metre vessels, the largest cutters the Philippine Coast Guard had ever operated.",
            I("JPN", ["PHL"], "vessels", 2, year=2020),
        ),
        (
            "Since 2017 the Japan Coast Guard has trained more than 400 Philippine coast guard officers in navigation, search and rescue and maritime law enforcement",
            I("JPN", ["PHL"], "officers_trained", 400, year=2017),
        ),
        (
            "In 2023 Tokyo selected the Philippines as the first recipient of its new Official Security Assistance scheme, providing JPY 600 million for coastal radar systems.",
            E("JPN", ["PHL"], "security_agreement", 2023, 600e6, "JPY", name="Official Security Assistance"),
        ),
        (
            "The following year, in July 2024, Japan and the Philippines signed a Reciprocal Access Agreement allowing the forces of each country to train on the other's territory.",
            E("JPN", ["PHL"], "security_agreement", 2024, name="Reciprocal Access Agreement"),
        ),
        (
            "In a 2023 poll by a Manila research institute, 78 per cent of Filipino respondents said they trusted Japan",
            P("JPN", ["PHL"], "trust", 0.78, 2023),
        ),
        ("compared with 21 per cent who said the same of China", P("CHN", ["PHL"], "trust", 0.21, 2023)),
        (
            "Japan's cumulative ODA to the Philippines passed USD 30 billion in 2022",
            I("JPN", ["PHL"], "cumulative_oda", 30e9, unit="USD", year=2022),
        ),
    ],
    "02_release_korea_asean.txt": [
        (
            "Korea will award 1,000 new ASEAN-Korea Scholarships for graduate study in Korean universities over the next five years.",
            E("KOR", ["ASEAN"], "people_exchange", name="ASEAN-Korea Scholarships"),
        ),
        (
            "Korea will award 1,000 new ASEAN-Korea Scholarships for graduate study in Korean universities over the next five years.",
            I("KOR", ["ASEAN"], "scholarships", 1000),
        ),
        (
            "The Korea Foundation will open two new Korean Cultural Centres, in Hanoi and in Jakarta, in 2025.",
            E("KOR", ["VNM", "IDN"], "cultural_institution", 2025),
        ),
        (
            "The Korea Foundation will open two new Korean Cultural Centres, in Hanoi and in Jakarta, in 2025.",
            I("KOR", ["VNM", "IDN"], "cultural_centres", 2, year=2025),
        ),
        (
            "KOICA will provide a grant of USD 15 million to the ASEAN Secretariat for a regional digital skills programme.",
            E("KOR", ["ASEAN"], "oda_grant", None, 15e6, "USD"),
        ),
        (
            "Korea will contribute USD 5 million to the ASEAN-Korea Cooperation Fund in 2024",
            E("KOR", ["ASEAN"], "fund_contribution", 2024, 5e6, "USD", name="ASEAN-Korea Cooperation Fund"),
        ),
        (
            "raising its annual contribution to USD 32 million.",
            I("KOR", ["ASEAN"], "annual_contribution", 32e6, unit="USD", year=2024),
        ),
        (
            "Since 2010 Korea has hosted more than 12,000 ASEAN government officials for short training courses under the KOICA fellowship programme.",
            I("KOR", ["ASEAN"], "officials_trained", 12000, year=2010),
        ),
        (
            "In 2023 some 70,000 students from ASEAN member states were enrolled in Korean universities",
            I("KOR", ["ASEAN"], "students", 70000, year=2023),
        ),
        ("an increase of 40 per cent on 2019.", I("KOR", ["ASEAN"], "students_growth", 40, unit="percent")),
        (
            "The ASEAN Culture House in Busan, opened by Korea in 2017, received 180,000 visitors last year.",
            E("KOR", ["ASEAN"], "cultural_institution", 2017, name="ASEAN Culture House"),
        ),
        (
            "The ASEAN Culture House in Busan, opened by Korea in 2017, received 180,000 visitors last year.",
            I("KOR", ["ASEAN"], "visitors", 180000, year=2023),
        ),
        (
            "Korean Cultural Centres already operate in eight ASEAN capitals.",
            I("KOR", ["ASEAN"], "cultural_centres", 8),
        ),
        (
            "Korea signed a memorandum of understanding with Cambodia in March 2024 on the training of 300 nurses",
            E("KOR", ["KHM"], "health_cooperation", 2024),
        ),
        (
            "Korea signed a memorandum of understanding with Cambodia in March 2024 on the training of 300 nurses",
            I("KOR", ["KHM"], "nurses_trained", 300, year=2024),
        ),
        (
            "the Korea Disease Control and Prevention Agency agreed with Laos to build a national public health laboratory in Vientiane.",
            E("KOR", ["LAO"], "health_cooperation"),
        ),
        (
            "Under the Mekong-Korea Cooperation Fund, Korea has financed 150 projects in Cambodia, Laos, Myanmar, Thailand and Vietnam since 2013",
            I("KOR", MEKONG, "projects", 150, year=2013),
        ),
        (
            "The package supports the Korea-ASEAN Solidarity Initiative announced in 2022",
            E("KOR", ["ASEAN"], "diplomatic_framework", 2022, name="Korea-ASEAN Solidarity Initiative"),
        ),
        (
            "Korea and ASEAN established sectoral dialogue relations in 1989",
            E("KOR", ["ASEAN"], "diplomatic_framework", 1989),
        ),
        ("full dialogue partnership in 1991.", E("KOR", ["ASEAN"], "diplomatic_framework", 1991)),
        (
            "ASEAN is Korea's second-largest trading partner",
            I("KOR", ["ASEAN"], "trade_partner_rank", 2),
        ),
        (
            "with two-way trade of USD 190 billion in 2023.",
            I("KOR", ["ASEAN"], "trade", 190e9, unit="USD", year=2023),
        ),
        (
            "The ASEAN-Korea Free Trade Agreement was signed in 2006.",
            E("KOR", ["ASEAN"], "trade_agreement", 2006, name="ASEAN-Korea Free Trade Agreement"),
        ),
    ],
    "03_wire_us_vietnam.txt": [
        (
            "The United States and Vietnam upgraded their relationship to a comprehensive strategic partnership on Monday",
            E("USA", ["VNM"], "diplomatic_framework", 2023),
        ),
        (
            "Officials said the United States would provide $2 million to help Vietnam explore the expansion of its semiconductor industry",
            E("USA", ["VNM"], "technical_cooperation", None, 2e6, "USD"),
        ),
        (
            "Washington and Hanoi had agreed to launch a workforce training initiative in the sector.",
            E("USA", ["VNM"], "technical_cooperation"),
        ),
        (
            "the U.S. Agency for International Development said it would commit $12 million over five years to help Vietnam clean up dioxin contamination at Bien Hoa airbase",
            E("USA", ["VNM"], "oda_grant", None, 12e6, "USD"),
        ),
        (
            "part of a broader $300 million programme begun in 2019.",
            E("USA", ["VNM"], "oda_grant", 2019, 300e6, "USD"),
        ),
        (
            "Washington has spent more than $155 million since 2007 on clearing unexploded ordnance from the war in Vietnam",
            I("USA", ["VNM"], "uxo_clearance_spending", 155e6, unit="USD", year=2007),
        ),
        (
            "the U.S. Navy's hospital ship Mercy called at Khanh Hoa province in August for two weeks of medical exercises, its first visit to Vietnam in a decade.",
            E("USA", ["VNM"], "military_activity"),
        ),
        (
            "Trade between the two countries reached $139 billion last year",
            I("USA", ["VNM"], "trade", 139e9, unit="USD", year=2022),
        ),
        (
            "the United States is the biggest single buyer of Vietnamese exports.",
            I("USA", ["VNM"], "export_rank", 1),
        ),
        (
            "Vietnam is now the United States' eighth-largest trading partner.",
            I("USA", ["VNM"], "trade_partner_rank", 8),
        ),
        (
            "Beijing remains Vietnam's largest trading partner",
            I("CHN", ["VNM"], "trade_partner_rank", 1),
        ),
        (
            "Chinese leader Xi Jinping visited Hanoi in December, when the two sides signed 36 cooperation agreements on rail links, digital infrastructure and security.",
            E("CHN", ["VNM"], "diplomatic_framework"),
        ),
        (
            "Chinese leader Xi Jinping visited Hanoi in December, when the two sides signed 36 cooperation agreements on rail links, digital infrastructure and security.",
            I("CHN", ["VNM"], "agreements", 36),
        ),
        (
            "A White House fact sheet said Washington would put another $15 million into Fulbright University Vietnam",
            E("USA", ["VNM"], "people_exchange", None, 15e6, "USD", name="Fulbright University Vietnam"),
        ),
    ],
    "04_oped_india_srilanka.txt": [
        (
            "Between January and July 2022 India extended roughly $4 billion in assistance to its southern neighbour.",
            I("IND", ["LKA"], "assistance", 4e9, unit="USD", year=2022),
        ),
        (
            "New Delhi opened a $1 billion credit line for food, medicine and other essential imports",
            E("IND", ["LKA"], "oda_loan", None, 1e9, "USD"),
        ),
        ("a separate $500 million credit line for fuel.", E("IND", ["LKA"], "oda_loan", None, 500e6, "USD")),
        (
            "The Reserve Bank of India provided a currency swap of $400 million",
            E("IND", ["LKA"], "fund_contribution", None, 400e6, "USD"),
        ),
        (
            "deferred Asian Clearing Union settlements worth more than $1 billion.",
            E("IND", ["LKA"], "fund_contribution", None, 1e9, "USD"),
        ),
        ("India shipped 40,000 tonnes of rice", E("IND", ["LKA"], "oda_grant")),
        ("India shipped 40,000 tonnes of rice", I("IND", ["LKA"], "rice_tonnes", 40000)),
        (
            "dispatched a naval vessel carrying medical supplies to Colombo in May.",
            E("IND", ["LKA"], "health_cooperation"),
        ),
        (
            "In Jaffna, an Indian-funded cultural centre, built with a grant of 1.6 billion Sri Lankan rupees, opened its doors the same year",
            E("IND", ["LKA"], "cultural_institution", 2022, 1.6e9, "LKR"),
        ),
        (
            "Beijing financed the Hambantota port with loans from the Export-Import Bank of China",
            E("CHN", ["LKA"], "oda_loan"),
        ),
        (
            "India agreed in 2023 to support Sri Lanka's IMF programme with financing assurances",
            E("IND", ["LKA"], "fund_contribution", 2023),
        ),
        (
            "the Trincomalee energy hub that the two governments agreed to develop in July 2023",
            E("IND", ["LKA"], "investment_promotion", 2023),
        ),
        (
            "the agreement to connect the two power grids.",
            E("IND", ["LKA"], "investment_promotion"),
        ),
        (
            "A 2023 survey by a Colombo think tank found that 55 per cent of respondents held a favourable view of India",
            P("IND", ["LKA"], "favourable", 0.55, 2023),
        ),
        ("up from 38 per cent before the crisis.", P("IND", ["LKA"], "favourable", 0.38)),
    ],
    "05_survey_report.txt": [
        (
            "Japan is the principal funder of the Global Health Innovative Technology Fund (GHIT), a public-private partnership established in 2013 by the Japanese government, six Japanese pharmaceutical companies and the Bill & Melinda Gates Foundation.",
            E("JPN", ["WORLD"], "health_cooperation", 2013, name="GHIT", ppp=True),
        ),
        (
            "In 2023 the Japanese government committed a further JPY 20 billion to GHIT for the period to 2027.",
            E("JPN", ["WORLD"], "fund_contribution", 2023, 20e9, "JPY", year_end=2027, name="GHIT"),
        ),
        (
            "GHIT has so far invested in 128 projects on malaria, tuberculosis and neglected tropical diseases",
            I("JPN", ["WORLD"], "projects", 128),
        ),
        (
            "Japan also signed a health cooperation agreement with Kenya in 2022 to strengthen primary health care",
            E("JPN", ["KEN"], "health_cooperation", 2022),
        ),
        (
            "JICA funded the construction of a regional infectious disease laboratory in Nairobi.",
            E("JPN", ["KEN"], "health_cooperation"),
        ),
        (
            "In Asia, Japan provided a grant of JPY 1.2 billion to Cambodia in 2023 for medical equipment at provincial hospitals.",
            E("JPN", ["KHM"], "oda_grant", 2023, 1.2e9, "JPY"),
        ),
        (
            "Table 2 reports that 18 per cent of respondents in Kenya had heard of any Japanese health project",
            I("JPN", ["KEN"], "awareness", 18, unit="percent"),
        ),
        ("against 31 per cent in Cambodia.", I("JPN", ["KHM"], "awareness", 31, unit="percent")),
        (
            "In Vietnam the corresponding figure was 24 per cent.",
            I("JPN", ["VNM"], "awareness", 24, unit="percent"),
        ),
        (
            "In Cambodia, 81 per cent held a favourable view of Japan",
            P("JPN", ["KHM"], "favourable", 0.81),
        ),
        ("64 per cent a favourable view of China.", P("CHN", ["KHM"], "favourable", 0.64)),
        (
            "In Kenya, a favourable view of China was reported by 70 per cent of respondents",
            P("CHN", ["KEN"], "favourable", 0.70),
        ),
        ("compared with 58 per cent for the United States.", P("USA", ["KEN"], "favourable", 0.58)),
        (
            "Trust in Japan was highest in Vietnam, where 74 per cent of respondents said Japan could be trusted to do the right thing in world affairs",
            P("JPN", ["VNM"], "trust", 0.74),
        ),
        ("only 12 per cent said the same of China.", P("CHN", ["VNM"], "trust", 0.12)),
        (
            "China has built 26 hospitals in Cambodia since 2010",
            I("CHN", ["KHM"], "hospitals", 26, year=2010),
        ),
        (
            "Korea's KOICA opened a maternal health centre in Phnom Penh in 2022 with a grant of USD 8 million.",
            E("KOR", ["KHM"], "oda_grant", 2022, 8e6, "USD"),
        ),
    ],
    "06_pacific_news.txt": [
        (
            "New Zealand deployed an air force Hercules and a navy ship to Apia within 48 hours of the cyclone",
            E("NZL", ["WSM"], "disaster_cooperation"),
        ),
        (
            "provided NZ$3 million in humanitarian assistance",
            E("NZL", ["WSM"], "disaster_cooperation", None, 3e6, "NZD"),
        ),
        (
            "Australia followed with A$5 million in emergency relief supplies and a team of 25 medical staff.",
            E("AUS", ["WSM"], "disaster_cooperation", None, 5e6, "AUD"),
        ),
        (
            "Australia followed with A$5 million in emergency relief supplies and a team of 25 medical staff.",
            I("AUS", ["WSM"], "medical_staff", 25),
        ),
        (
            "JICA shipped tarpaulins, generators and hygiene kits valued at JPY 20 million.",
            E("JPN", ["WSM"], "disaster_cooperation", None, 20e6, "JPY"),
        ),
        (
            "China signed a policing cooperation agreement with Solomon Islands in 2022",
            E("CHN", ["SLB"], "security_agreement", 2022),
        ),
        (
            "has since sent police liaison teams to Honiara to train local officers.",
            E("CHN", ["SLB"], "technical_cooperation"),
        ),
        (
            "Beijing also provided Kiribati with police uniforms and vehicles last year",
            E("CHN", ["KIR"], "security_agreement", 2024),
        ),
        (
            "a Chinese police team ran a riot-control course for officers in Vanuatu.",
            E("CHN", ["VUT"], "technical_cooperation"),
        ),
        (
            "In December 2023 it signed the Bilateral Security Agreement with Papua New Guinea, committing A$200 million to support PNG's police force.",
            E("AUS", ["PNG"], "security_agreement", 2023, 200e6, "AUD", name="Bilateral Security Agreement"),
        ),
        (
            "Canberra also agreed a Falepili Union treaty with Tuvalu in November 2023",
            E("AUS", ["TUV"], "diplomatic_framework", 2023, name="Falepili Union"),
        ),
        (
            "Beijing funded the construction of a new wharf at Vaiusu in Samoa",
            E("CHN", ["WSM"], "oda_grant"),
        ),
        (
            "the Export-Import Bank of China holds about 40 per cent of Tonga's external debt.",
            I("CHN", ["TON"], "external_debt_share", 40, unit="percent"),
        ),
        (
            "members endorsed the Pacific Policing Initiative, which Australia will fund with A$400 million over five years.",
            E("AUS", ["PIC"], "security_agreement", None, 400e6, "AUD", name="Pacific Policing Initiative"),
        ),
        (
            "New Zealand also announced on Monday that it would give NZ$10 million over three years to help Samoa rebuild its schools",
            E("NZL", ["WSM"], "oda_grant", 2025, 10e6, "NZD"),
        ),
        (
            "60 Samoan teachers would receive training in New Zealand this year.",
            E("NZL", ["WSM"], "technical_cooperation", 2025),
        ),
        (
            "60 Samoan teachers would receive training in New Zealand this year.",
            I("NZL", ["WSM"], "teachers_trained", 60, year=2025),
        ),
    ],
}


def main() -> None:
    print(write_gold(HERE, GOLD), "records")


if __name__ == "__main__":
    main()
