"""Build gold.jsonl for the development documents from hand annotations (quote -> record).

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
    "01_koica_vietnam_laos.txt": [
        (
            "South Korea signed grant agreements worth US$ 38 million with Vietnam and Laos in June 2022",
            E("KOR", ["VNM", "LAO"], "oda_grant", 2022, 38e6, "USD"),
        ),
        (
            "The larger package, a US$ 22 million grant, was extended to Vietnam for a wastewater treatment plant in the central city of Hue.",
            E("KOR", ["VNM"], "oda_grant", None, 22e6, "USD"),
        ),
        (
            "A second grant of US$ 16 million goes to Laos for maternal and child health services in three southern provinces",
            E("KOR", ["LAO"], "oda_grant", None, 16e6, "USD"),
        ),
        (
            "A second grant of US$ 16 million goes to Laos for maternal and child health services in three southern provinces",
            I("KOR", ["LAO"], "provinces", 3),
        ),
        ("now runs offices in 44 partner countries", I("KOR", ["WORLD"], "partner_countries", 44)),
        (
            "Last year the agency trained 320 Lao health workers and midwives at provincial hospitals in Savannakhet and Champasak.",
            E("KOR", ["LAO"], "technical_cooperation", 2021),
        ),
        (
            "Last year the agency trained 320 Lao health workers and midwives at provincial hospitals in Savannakhet and Champasak.",
            I("KOR", ["LAO"], "health_workers_trained", 320, year=2021),
        ),
        (
            "Korea also extended a KRW 50 billion concessional loan to Vietnam through the Economic Development Cooperation Fund (EDCF) in 2021 for a ring road around Hanoi.",
            E("KOR", ["VNM"], "oda_loan", 2021, 50e9, "KRW"),
        ),
        (
            "150 Vietnamese and Lao civil servants received Korean government scholarships for master's programmes in Seoul between 2018 and 2021.",
            E("KOR", ["VNM", "LAO"], "people_exchange", 2018, year_end=2021),
        ),
        (
            "150 Vietnamese and Lao civil servants received Korean government scholarships for master's programmes in Seoul between 2018 and 2021.",
            I("KOR", ["VNM", "LAO"], "scholarships", 150, year=2018, year_end=2021),
        ),
        (
            "Korea's total ODA to Vietnam reached US$ 2.6 billion by 2021",
            I("KOR", ["VNM"], "aid_total", 2.6e9, unit="USD", year_end=2021),
        ),
        (
            "making Vietnam the largest recipient of Korean aid",
            I("KOR", ["VNM"], "recipient_rank", 1, unit="rank"),
        ),
    ],
    "02_pacific_package.txt": [
        (
            "Canberra pledged A$120 million for climate resilience projects in Fiji, Tonga and Vanuatu in 2023",
            E("AUS", ["FJI", "TON", "VUT"], "oda_grant", 2023, 120e6, "AUD"),
        ),
        (
            "The package comes on top of a A$79 million grant to Tuvalu in 2022 for coastal protection on Funafuti.",
            E("AUS", ["TUV"], "oda_grant", 2022, 79e6, "AUD"),
        ),
        (
            "Japan, for its part, extended ¥3.7bn in grant aid to Papua New Guinea last year for a new electricity grid around Port Moresby.",
            E("JPN", ["PNG"], "oda_grant", 2022, 3.7e9, "JPY"),
        ),
        (
            "Tokyo has provided 12 patrol boats to Palau, Micronesia and the Marshall Islands since 2008",
            I("JPN", ["PLW", "FSM", "MHL"], "patrol_boats", 12, year=2008),
        ),
        (
            "its coast guard trains crews from all three.",
            E("JPN", ["PLW", "FSM", "MHL"], "technical_cooperation"),
        ),
        (
            "Washington signed a US$7.1 billion economic assistance agreement with the Federated States of Micronesia, Palau and the Marshall Islands in 2023.",
            E("USA", ["FSM", "PLW", "MHL"], "oda_grant", 2023, 7.1e9, "USD"),
        ),
        (
            "The United States also reopened its embassy in Honiara, Solomon Islands, in February 2023 after an absence of three decades.",
            E("USA", ["SLB"], "diplomatic_framework", 2023),
        ),
        (
            "France added €20m for fisheries monitoring in Kiribati and Tuvalu",
            E("FRA", ["KIR", "TUV"], "oda_grant", None, 20e6, "EUR"),
        ),
        (
            "Australia's aid to the Pacific Islands totalled A$1.9 billion in 2023",
            I("AUS", ["PIC"], "aid_total", 1.9e9, unit="AUD", year=2023),
        ),
        (
            "about 40 per cent of its overall aid budget",
            I("AUS", ["PIC"], "aid_share", 40, unit="percent", year=2023),
        ),
    ],
    "03_china_cambodia_laos.txt": [
        (
            "A US$ 1.5 billion loan was extended to Laos by China in 2016 for the railway linking Vientiane with the Chinese border.",
            E("CHN", ["LAO"], "oda_loan", 2016, 1.5e9, "USD"),
        ),
        (
            "Cambodia, for its part, received a 2 billion yuan interest-free loan from Beijing in 2018 for roads and bridges.",
            E("CHN", ["KHM"], "oda_loan", 2018, 2e9, "CNY"),
        ),
        (
            "China's total lending to Cambodia stood at about US$ 4 billion by 2022",
            I("CHN", ["KHM"], "lending_total", 4e9, unit="USD", year_end=2022),
        ),
        (
            "roughly 40 percent of the country's external public debt",
            I("CHN", ["KHM"], "share_of_external_debt", 40, unit="percent", year_end=2022),
        ),
        (
            "There are now two Confucius Institutes in Laos and three in Cambodia.",
            I("CHN", ["LAO"], "cultural_institutes", 2),
        ),
        (
            "There are now two Confucius Institutes in Laos and three in Cambodia.",
            I("CHN", ["KHM"], "cultural_institutes", 3),
        ),
        (
            "Beijing also offered 500 government scholarships to Cambodian students in 2019",
            E("CHN", ["KHM"], "people_exchange", 2019),
        ),
        (
            "Beijing also offered 500 government scholarships to Cambodian students in 2019",
            I("CHN", ["KHM"], "scholarships", 500, year=2019),
        ),
        (
            "Chinese universities sent 1,200 volunteer teachers to Laos between 2012 and 2020.",
            I("CHN", ["LAO"], "teachers_dispatched", 1200, year=2012, year_end=2020),
        ),
        (
            "Cambodian Prime Minister Hun Sen visited Beijing in February 2020",
            E("KHM", ["CHN"], "diplomatic_framework", 2020),
        ),
        (
            "The two countries signed a free trade agreement in October 2020.",
            E("CHN", ["KHM"], "trade_agreement", 2020),
        ),
        (
            "Laos and China upgraded their ties to a comprehensive strategic partnership in 2009.",
            E("CHN", ["LAO"], "diplomatic_framework", 2009),
        ),
        (
            "China is Cambodia's largest trading partner",
            I("CHN", ["KHM"], "trade_partner_rank", 1, unit="rank"),
        ),
        (
            "with bilateral trade worth US$ 11.6 billion in 2022",
            I("CHN", ["KHM"], "trade_volume", 11.6e9, unit="USD", year=2022),
        ),
    ],
    "04_india_act_east.txt": [
        (
            "India extended a US$ 500 million line of credit to Myanmar in 2012 for roads, railways and power projects.",
            E("IND", ["MMR"], "oda_loan", 2012, 500e6, "USD"),
        ),
        (
            "In 2014 New Delhi provided grant assistance of Rs 500 crore to Myanmar for the Kaladan transit project",
            E("IND", ["MMR"], "oda_grant", 2014, 5e9, "INR"),
        ),
        (
            "India and ASEAN upgraded their relationship to a comprehensive strategic partnership in November 2022.",
            E("IND", ["ASEAN"], "diplomatic_framework", 2022),
        ),
        (
            "The ASEAN-India Free Trade Area entered into force in 2010",
            E("IND", ["ASEAN"], "trade_agreement", 2010),
        ),
        (
            "Indian and Vietnamese navies held a bilateral exercise in the South China Sea in May 2023",
            E("IND", ["VNM"], "military_activity", 2023),
        ),
        (
            "the Indian Navy gifted the corvette INS Kirpan to Vietnam in July 2023.",
            E("IND", ["VNM"], "security_agreement", 2023),
        ),
        (
            "India has trained more than 1,000 officers from Myanmar's armed forces since 2016.",
            I("IND", ["MMR"], "officers_trained", 1000, year=2016),
        ),
        (
            "Prime Minister Modi visited Jakarta in September 2023 for the ASEAN-India summit",
            E("IND", ["IDN", "ASEAN"], "diplomatic_framework", 2023),
        ),
        (
            "Yet India's trade with ASEAN, at US$ 131 billion in 2022, remains a fraction of China's.",
            I("IND", ["ASEAN"], "trade_volume", 131e9, unit="USD", year=2022),
        ),
    ],
    "05_us_health_science.txt": [
        (
            "USAID and Indonesia's Ministry of Health launched a five-year, US$ 35 million tuberculosis programme in 2024 covering 12 provinces",
            E("USA", ["IDN"], "health_cooperation", 2024, 35e6, "USD", year_end=2028),
        ),
        (
            "USAID and Indonesia's Ministry of Health launched a five-year, US$ 35 million tuberculosis programme in 2024 covering 12 provinces",
            I("USA", ["IDN"], "provinces", 12, year=2024),
        ),
        (
            "In 2023 the CDC trained 240 Filipino field epidemiologists in Manila and Cebu.",
            E("USA", ["PHL"], "technical_cooperation", 2023),
        ),
        (
            "In 2023 the CDC trained 240 Filipino field epidemiologists in Manila and Cebu.",
            I("USA", ["PHL"], "epidemiologists_trained", 240, year=2023),
        ),
        (
            "The National Institutes of Health awarded US$ 4.2 million in research grants to Indonesian and Philippine universities for dengue vaccine studies in 2022.",
            E("USA", ["IDN", "PHL"], "health_cooperation", 2022, 4.2e6, "USD", name="NIH grants"),
        ),
        (
            "Washington also donated 3 million doses of COVID-19 vaccine to the Philippines in 2021.",
            E("USA", ["PHL"], "health_cooperation", 2021),
        ),
        (
            "Washington also donated 3 million doses of COVID-19 vaccine to the Philippines in 2021.",
            I("USA", ["PHL"], "vaccine_doses", 3e6, year=2021),
        ),
        (
            "The United States and Indonesia signed a science and technology cooperation agreement in 2010.",
            E("USA", ["IDN"], "science_cooperation", 2010),
        ),
    ],
    "06_poll.txt": [
        (
            "58.9 per cent of respondents in Southeast Asia said they trusted Japan to do the right thing",
            P("JPN", ["ASEAN"], "trust", 0.589, 2024),
        ),
        ("against 38.9 per cent for the United States", P("USA", ["ASEAN"], "trust", 0.389, 2024)),
        ("Only 24.8 percent expressed trust in China.", P("CHN", ["ASEAN"], "trust", 0.248, 2024)),
        ("61% of Thai respondents trust Japan", P("JPN", ["THA"], "trust", 0.61, 2024)),
        (
            "Among Filipino respondents, 71% hold a favourable view of the United States",
            P("USA", ["PHL"], "favourable", 0.71, 2024),
        ),
        (
            "45 percent of Indonesians had a positive image of China",
            P("CHN", ["IDN"], "positive_image", 0.45, 2023),
        ),
    ],
    "07_defence.txt": [
        (
            "Japan and the Philippines signed a Reciprocal Access Agreement in Manila on 8 July 2024",
            E("JPN", ["PHL"], "security_agreement", 2024),
        ),
        (
            "The United States, Australia and the Philippines held a joint exercise off Palawan in August 2023, involving more than 1,600 troops.",
            E("USA", ["AUS", "PHL"], "military_activity", 2023),
        ),
        (
            "The United States, Australia and the Philippines held a joint exercise off Palawan in August 2023, involving more than 1,600 troops.",
            I("USA", ["AUS", "PHL"], "troops", 1600, year=2023),
        ),
        (
            "A Chinese navy training ship made a port call in Cambodia in December 2023",
            E("CHN", ["KHM"], "military_activity", 2023),
        ),
        (
            "The United States transferred a Hamilton-class cutter to the Philippine Navy in 2016.",
            E("USA", ["PHL"], "security_agreement", 2016),
        ),
        (
            "Tokyo approved the export of four air-surveillance radars to Manila under a defence equipment transfer agreement signed in 2020.",
            E("JPN", ["PHL"], "security_agreement", 2020),
        ),
        (
            "Tokyo approved the export of four air-surveillance radars to Manila under a defence equipment transfer agreement signed in 2020.",
            I("JPN", ["PHL"], "radars", 4, year=2020),
        ),
        (
            "South Korea sold 12 FA-50 light fighter jets to Malaysia for US$ 920 million in 2023",
            E("KOR", ["MYS"], "security_agreement", 2023, 920e6, "USD"),
        ),
        (
            "South Korea sold 12 FA-50 light fighter jets to Malaysia for US$ 920 million in 2023",
            I("KOR", ["MYS"], "fighter_jets", 12, year=2023),
        ),
    ],
    "08_disaster.txt": [
        (
            "Japan dispatched a 30-member disaster relief team to the Philippines after Typhoon Rai struck the central islands last week",
            E("JPN", ["PHL"], "disaster_cooperation", 2021),
        ),
        (
            "Japan dispatched a 30-member disaster relief team to the Philippines after Typhoon Rai struck the central islands last week",
            I("JPN", ["PHL"], "relief_team_members", 30, year=2021),
        ),
        (
            "The government also provided emergency relief goods worth ¥60 million, including tents, plastic sheeting and water purifiers, to the Philippine government.",
            E("JPN", ["PHL"], "disaster_cooperation", None, 60e6, "JPY"),
        ),
        (
            "Japan has provided disaster relief to the Philippines on more than 20 occasions since 1991.",
            I("JPN", ["PHL"], "relief_operations", 20, year=1991),
        ),
        (
            "The United States announced US$ 10 million in humanitarian assistance for families displaced by the storm.",
            E("USA", ["PHL"], "disaster_cooperation", None, 10e6, "USD"),
        ),
        (
            "China donated 10 million yuan in cash and relief supplies to the Philippine Red Cross",
            E("CHN", ["PHL"], "disaster_cooperation", None, 10e6, "CNY"),
        ),
        (
            "South Korea pledged US$ 5 million in humanitarian aid to the Philippines through the World Food Programme.",
            E("KOR", ["PHL"], "disaster_cooperation", None, 5e6, "USD"),
        ),
    ],
    "09_commentary.txt": [
        (
            "The United States gave Vietnam a decommissioned coast guard cutter in 2017",
            E("USA", ["VNM"], "security_agreement", 2017),
        ),
    ],
    "10_japan_asean_fund.txt": [
        (
            "The Government of Japan contributed US$ 25 million to the Japan-ASEAN Integration Fund (JAIF) in FY2021",
            E("JPN", ["ASEAN"], "fund_contribution", 2021, 25e6, "USD", name="JAIF"),
        ),
        (
            "JAIF has financed more than 500 projects across the ten ASEAN member states",
            I("JPN", ["ASEAN"], "projects", 500, year=2006),
        ),
        (
            "Japan has also invited young people from the region under the JENESYS programme.",
            E("JPN", ["ASEAN"], "people_exchange", name="JENESYS"),
        ),
        (
            "From 2015 to 2020, some 18,000 students and young professionals from ASEAN countries visited Japan under the scheme",
            I("JPN", ["ASEAN"], "participants", 18000, year=2015, year_end=2020),
        ),
        (
            "a further 2,000 joined online exchanges in 2021.",
            I("JPN", ["ASEAN"], "participants", 2000, year=2021),
        ),
        (
            "Japan signed an exchange of notes with the Philippines in March 2021 for a yen loan of up to 253 billion yen for the North-South Commuter Railway extension.",
            E("JPN", ["PHL"], "oda_loan", 2021, 253e9, "JPY"),
        ),
        (
            "Japan was ASEAN's fourth largest trading partner in 2020",
            I("JPN", ["ASEAN"], "trade_partner_rank", 4, unit="rank", year=2020),
        ),
        (
            "with two-way trade of about US$ 205 billion.",
            I("JPN", ["ASEAN"], "trade_volume", 205e9, unit="USD", year=2020),
        ),
    ],
    "11_china_pacific.txt": [
        (
            "Honiara's decision to sign a security agreement with Beijing in April 2022 alarmed Canberra and Washington",
            E("CHN", ["SLB"], "security_agreement", 2022),
        ),
        (
            "China and the Solomon Islands established diplomatic relations in 2019",
            E("CHN", ["SLB"], "diplomatic_framework", 2019),
        ),
        (
            "Since then, Chinese police advisers have trained Solomon Islands officers in crowd control",
            E("CHN", ["SLB"], "technical_cooperation"),
        ),
        (
            "Beijing donated water cannon trucks and motorcycles to the Royal Solomon Islands Police Force in 2022.",
            E("CHN", ["SLB"], "security_agreement", 2022),
        ),
        (
            "A stadium complex for the 2023 Pacific Games was built with a RMB 400 million grant from China.",
            E("CHN", ["SLB"], "oda_grant", None, 400e6, "CNY"),
        ),
        (
            "Tonga owes about US$ 108 million to the Export-Import Bank of China",
            I("CHN", ["TON"], "debt_total", 108e6, unit="USD"),
        ),
        (
            "roughly two-thirds of its external debt.",
            I("CHN", ["TON"], "share_of_external_debt", 0.667, unit="ratio"),
        ),
        (
            "A Confucius Institute opened at the University of the South Pacific in Fiji in 2012",
            E("CHN", ["FJI"], "cultural_institution", 2012),
        ),
        (
            "Chinese medical teams have served in Vanuatu since 2018.",
            E("CHN", ["VUT"], "health_cooperation", 2018),
        ),
        (
            "Canberra signed a bilateral security treaty with Papua New Guinea in December 2023.",
            E("AUS", ["PNG"], "security_agreement", 2023),
        ),
    ],
    "12_us_vietnam.txt": [
        (
            "The United States and Vietnam upgraded their relationship to a comprehensive strategic partnership on Sunday during President Joe Biden's visit to Hanoi",
            E("USA", ["VNM"], "diplomatic_framework", 2023),
        ),
        (
            "It transferred two former U.S. Coast Guard cutters to the Vietnamese coast guard in 2017 and 2021",
            E("USA", ["VNM"], "security_agreement", 2017),
        ),
        (
            "It transferred two former U.S. Coast Guard cutters to the Vietnamese coast guard in 2017 and 2021",
            I("USA", ["VNM"], "vessels", 2, year=2017),
        ),
        (
            "a U.S. aircraft carrier docked in Da Nang in March 2018, the first such visit since the war ended.",
            E("USA", ["VNM"], "military_activity", 2018),
        ),
        (
            "The Peace Corps began sending English teachers to Vietnam in 2022",
            E("USA", ["VNM"], "people_exchange", 2022),
        ),
        (
            "the Fulbright University Vietnam, established in Ho Chi Minh City in 2016, receives support from the State Department.",
            E("USA", ["VNM"], "people_exchange", 2016),
        ),
        (
            "Since 1992, more than 1,000 Vietnamese scholars have studied in the United States on Fulbright grants.",
            I("USA", ["VNM"], "scholars", 1000, year=1992),
        ),
        (
            "84% of Vietnamese respondents held a favourable opinion of the United States",
            P("USA", ["VNM"], "favourable", 0.84, 2017),
        ),
        (
            "Trade between the two countries reached US$ 138 billion in 2022",
            I("USA", ["VNM"], "trade_volume", 138e9, unit="USD", year=2022),
        ),
        (
            "making the United States Vietnam's largest export market.",
            I("USA", ["VNM"], "export_rank", 1, unit="rank", year=2022),
        ),
    ],
    "13_korea_indonesia.txt": [
        (
            "South Korea agreed to cut Indonesia's share of the cost of the KF-21 fighter jet programme to about KRW 600 billion",
            E("KOR", ["IDN"], "security_agreement", 2024),
        ),
        (
            "The two countries launched the joint development programme in 2015",
            E("KOR", ["IDN"], "security_agreement", 2015, eq=True),
        ),
        (
            "with Indonesia originally committed to funding 20 percent of the project.",
            I("KOR", ["IDN"], "cost_share", 20, unit="percent"),
        ),
        (
            "Indonesia has so far paid around KRW 400 billion.",
            I("IDN", ["KOR"], "paid_total", 400e9, unit="KRW"),
        ),
        (
            "Korea sold three Type 209 submarines to Indonesia under a 2011 contract worth US$ 1.1 billion",
            E("KOR", ["IDN"], "security_agreement", 2011, 1.1e9, "USD"),
        ),
        (
            "Korea sold three Type 209 submarines to Indonesia under a 2011 contract worth US$ 1.1 billion",
            I("KOR", ["IDN"], "submarines", 3, year=2011),
        ),
        (
            "Indonesian shipyard PT PAL built two more under licence with Korean technical assistance.",
            E("KOR", ["IDN"], "technical_cooperation"),
        ),
        (
            "Indonesian shipyard PT PAL built two more under licence with Korean technical assistance.",
            I("KOR", ["IDN"], "submarines", 2),
        ),
        (
            "In June 2023, Indonesian and South Korean marines held a joint amphibious exercise in East Java, involving 1,200 personnel.",
            E("KOR", ["IDN"], "military_activity", 2023),
        ),
        (
            "In June 2023, Indonesian and South Korean marines held a joint amphibious exercise in East Java, involving 1,200 personnel.",
            I("KOR", ["IDN"], "personnel", 1200, year=2023),
        ),
        (
            "Jakarta also bought 16 T-50 trainer jets from Korea Aerospace Industries in 2011.",
            E("IDN", ["KOR"], "security_agreement", 2011),
        ),
        (
            "Jakarta also bought 16 T-50 trainer jets from Korea Aerospace Industries in 2011.",
            I("IDN", ["KOR"], "aircraft", 16, year=2011),
        ),
        (
            "the Korea International Cooperation Agency has supported Indonesia's new capital project with a master plan for smart city infrastructure",
            E("KOR", ["IDN"], "technical_cooperation"),
        ),
        (
            "Korean investment in Indonesia reached US$ 2.5 billion in 2023.",
            I("KOR", ["IDN"], "investment_total", 2.5e9, unit="USD", year=2023),
        ),
    ],
    "14_japan_mekong.txt": [
        (
            "Japan and Thailand signed a memorandum of cooperation on coast guard training in Bangkok in July 2019",
            E("JPN", ["THA"], "technical_cooperation", 2019),
        ),
        (
            "Japan pledged ¥750 billion in official development assistance to the region over three years at the 2015 summit in Tokyo",
            E("JPN", MEKONG, "oda_grant", 2015, 750e9, "JPY"),
        ),
        (
            "The Japan International Cooperation Agency (JICA) provided a ¥21.4 billion loan to Cambodia in 2017 for a new bridge across the Mekong at Neak Loeung",
            E("JPN", ["KHM"], "oda_loan", 2017, 21.4e9, "JPY"),
        ),
        (
            "Laos received a ¥3.1 billion grant from Japan for water supply in Vientiane in 2018",
            E("JPN", ["LAO"], "oda_grant", 2018, 3.1e9, "JPY"),
        ),
        (
            "Since 2008, more than 4,500 young people from Cambodia, Laos, Myanmar, Thailand and Vietnam have visited Japan under youth exchange programmes.",
            I("JPN", MEKONG, "participants", 4500, year=2008),
        ),
        (
            "The Japan Foundation also opened a Japanese-language centre in Yangon in 2016.",
            E("JPN", ["MMR"], "cultural_institution", 2016),
        ),
        (
            "Japan has been Myanmar's largest bilateral donor for most of the past decade",
            I("JPN", ["MMR"], "donor_rank", 1, unit="rank"),
        ),
        (
            "its aid to Cambodia totalled ¥130 billion between 1992 and 2018",
            I("JPN", ["KHM"], "aid_total", 130e9, unit="JPY", year=1992, year_end=2018),
        ),
    ],
    "15_australia_timor.txt": [
        (
            "days after Canberra delivered two Guardian-class patrol boats to Dili",
            E("AUS", ["TLS"], "security_agreement", 2024),
        ),
        (
            "days after Canberra delivered two Guardian-class patrol boats to Dili",
            I("AUS", ["TLS"], "vessels", 2, year=2024),
        ),
        (
            "Australia provided A$33 million in grants to Timor-Leste last year for health and nutrition programmes in rural districts",
            E("AUS", ["TLS"], "oda_grant", 2023, 33e6, "AUD"),
        ),
        (
            "more than 500 Timorese students have received Australia Awards scholarships since 2000",
            I("AUS", ["TLS"], "scholarships", 500, year=2000),
        ),
        (
            "Canberra also trained 150 Timorese police officers in 2023 under a long-running policing partnership.",
            E("AUS", ["TLS"], "technical_cooperation", 2023),
        ),
        (
            "Canberra also trained 150 Timorese police officers in 2023 under a long-running policing partnership.",
            I("AUS", ["TLS"], "officers_trained", 150, year=2023),
        ),
        (
            "With Indonesia, Australia signed an upgraded defence cooperation agreement in Jakarta in August 2024",
            E("AUS", ["IDN"], "security_agreement", 2024),
        ),
        (
            "the two navies held their annual coordinated patrol along the maritime boundary in June",
            E("AUS", ["IDN"], "military_activity"),
        ),
        (
            "Australian investment in Indonesia reached A$7.2 billion in 2023.",
            I("AUS", ["IDN"], "investment_total", 7.2e9, unit="AUD", year=2023),
        ),
        (
            "Beijing built the presidential palace and the foreign ministry headquarters with grant funding",
            E("CHN", ["TLS"], "oda_grant"),
        ),
        (
            "64% of respondents in Dili had a favourable view of Australia",
            P("AUS", ["TLS"], "favourable", 0.64, 2023),
        ),
        ("compared with 41% for China", P("CHN", ["TLS"], "favourable", 0.41, 2023)),
    ],
}


def main() -> None:
    print(write_gold(HERE, GOLD), "records")


if __name__ == "__main__":
    main()
