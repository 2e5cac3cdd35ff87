"""Build gold.jsonl for the real-text corpus (docs/*.txt) from hand annotations (quote -> record).

The annotations below were written from the texts alone, following README.md "Annotation
guidelines", before any extractor was run on these documents. Each annotation names its
document, the quote (the shortest clause stating the record; the n-th occurrence when given as
(quote, n)) and the record's fields; spans are computed here so that quote == text[span[0]:span[1]].
Run: python make_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from goldtools import E, I, write_gold  # noqa: E402

sys.path.insert(0, str(HERE))
from gold_train_round3 import GOLD_TRAIN_ROUND3  # noqa: E402
from gold_train_round4 import GOLD_TRAIN_ROUND4  # noqa: E402
from gold_train_round5 import GOLD_TRAIN_ROUND5  # noqa: E402
from gold_train_round8_x11t import GOLD_TRAIN_ROUND8_X11T  # noqa: E402
from gold_train_round8_x11u import GOLD_TRAIN_ROUND8_X11U  # noqa: E402
from gold_train_round9_x11t import GOLD_TRAIN_ROUND9_X11T  # noqa: E402
from gold_train_round9_x11u import GOLD_TRAIN_ROUND9_X11U  # noqa: E402
from gold_train_round10_x11t import GOLD_TRAIN_ROUND10_X11T  # noqa: E402
from gold_train_round10_x11u import GOLD_TRAIN_ROUND10_X11U  # noqa: E402
from gold_train_round11_x12t import GOLD_TRAIN_ROUND11_X12T  # noqa: E402
from gold_train_round11_x12u import GOLD_TRAIN_ROUND11_X12U  # noqa: E402
from gold_train_round12_x13t import GOLD_TRAIN_ROUND12_X13T  # noqa: E402
from gold_train_round12_x13u import GOLD_TRAIN_ROUND12_X13U  # noqa: E402
from gold_train_round13_x14t import GOLD_TRAIN_ROUND13_X14T  # noqa: E402
from gold_train_round13_x14u import GOLD_TRAIN_ROUND13_X14U  # noqa: E402
from gold_train_round14_x15t import GOLD_TRAIN_ROUND14_X15T  # noqa: E402
from gold_train_round14_x15u import GOLD_TRAIN_ROUND14_X15U  # noqa: E402
from gold_train_round15_x16t import GOLD_TRAIN_ROUND15_X16T  # noqa: E402
from gold_train_round15_x16u import GOLD_TRAIN_ROUND15_X16U  # noqa: E402
from gold_train_round16_x17t import GOLD_TRAIN_ROUND16_X17T  # noqa: E402
from gold_train_round16_x17u import GOLD_TRAIN_ROUND16_X17U  # noqa: E402
from gold_train_round17_x18u import GOLD_TRAIN_ROUND17_X18U  # noqa: E402
from gold_train_round18_x19u import GOLD_TRAIN_ROUND18_X19U  # noqa: E402
from gold_train_round19_x20u import GOLD_TRAIN_ROUND19_X20U  # noqa: E402
from gold_train_round19_x20v import GOLD_TRAIN_ROUND19_X20V  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]
GOLD = {
    "01_state_us_vietnam_2016.txt": [
        (
            "The United States established diplomatic relations with Vietnam in 1950",
            E("USA", ["VNM"], "diplomatic_framework", 1950),
        ),
        (
            "In 1995, the United States announced the formal normalization of diplomatic relations with Vietnam.",
            E("USA", ["VNM"], "diplomatic_framework", 1995),
        ),
        (
            "in May 2016, President Obama visited Vietnam to celebrate the Comprehensive Partnership between the two countries",
            E("USA", ["VNM"], "diplomatic_framework", 2016),
        ),
        (
            "guided by the 2013 U.S.-Vietnam Comprehensive Partnership",
            E("USA", ["VNM"], "diplomatic_framework", 2013, name="Comprehensive Partnership"),
        ),
    ],
    "02_usaid_philippines_135m_2023.txt": [
        (
            "the U.S. Agency for International Development will provide $135 million, subject to Congressional approval, in new assistance",
            E("USA", ["PHL"], "oda_grant", None, 135e6, "USD"),
        ),
        (
            "the United States, with the Asia Open RAN Academy, will establish a brick-and-mortar Open RAN Interoperability Lab in Manila",
            E("USA", ["PHL"], "technical_cooperation", name="Open RAN Interoperability Lab", ppp=True),
        ),
        (
            "USAID will launch a $30 million higher education partnership",
            E("USA", ["PHL"], "technical_cooperation", None, 30e6, "USD"),
        ),
    ],
    "03_usaid_philippines_covid_2020.txt": [
        (
            "the U.S. government is providing an additional Php298 million ($5.9 million) to help support the Philippines in the fight against COVID-19",
            E("USA", ["PHL"], "health_cooperation", 2020, 298e6, "PHP"),
        ),
        (
            "bringing the total amount of U.S. pandemic assistance to the Philippines to more than Php768 million ($15.2 million)",
            I("USA", ["PHL"], "aid_total", 768e6, unit="PHP"),
        ),
        (
            "the U.S. Agency for International Development (USAID) will partner with 18 local governments",
            I("USA", ["PHL"], "local_governments", 18, year=2020),
        ),
        (
            "This new assistance also includes Php44 million ($875,000) from the U.S. Department of State’s Bureau of Population, Refugees, and Migration for the International Committee of the Red Cross to support COVID-19 response in the Philippines",
            E("USA", ["PHL"], "health_cooperation", 2020, 44e6, "PHP"),
        ),
    ],
    "04_usaid_vietnam_harris_2021.txt": [
        (
            "These new efforts are expected to total nearly $100 million in new activities in Vietnam.",
            E("USA", ["VNM"], "oda_grant", 2021, 100e6, "USD"),
        ),
        (
            "the Vice President announced the U.S. donation of one million doses of Pfizer vaccine for Vietnam",
            E("USA", ["VNM"], "health_cooperation", 2021),
        ),
        (
            "the Vice President announced the U.S. donation of one million doses of Pfizer vaccine for Vietnam",
            I("USA", ["VNM"], "vaccine_doses", 1e6, year=2021),
        ),
        (
            "bringing the total donation to date to six million doses",
            I("USA", ["VNM"], "vaccine_doses_total", 6e6),
        ),
        (
            "USAID is continuing to support Vietnam’s COVID-19 response with $4.5 million",
            E("USA", ["VNM"], "health_cooperation", 2021, 4.5e6, "USD"),
        ),
        (
            "An additional $1 million will support the Vietnam Red Cross for an emergency response program in central Vietnam to reduce the impacts and prevent the spread of COVID-19 in flood-affected communities.",
            E("USA", ["VNM"], "health_cooperation", 2021, 1e6, "USD"),
        ),
        (
            "USAID and the Vietnam Chamber of Commerce and Industry (VCCI) signed a Memorandum of Understanding (MOU) to boost Vietnam's competitiveness",
            E("USA", ["VNM"], "technical_cooperation", 2021),
        ),
    ],
    "05_usaid_vietnam_newsroom_2022.txt": [
        (
            "launched the new, five-year, $15 million USAID/PATH STEPS project",
            E("USA", ["VNM"], "health_cooperation", 2022, 15e6, "USD", name="STEPS"),
        ),
        (
            "The US$20.7 million USAID/PATH Healthy Markets project ran from 2014 to 2021 and was funded by the U.S. President’s Emergency Plan for AIDS Relief.",
            E(
                "USA",
                ["VNM"],
                "health_cooperation",
                2014,
                20.7e6,
                "USD",
                year_end=2021,
                name="Healthy Markets",
            ),
        ),
    ],
    "06_embassy_pacific_unga_2019.txt": [
        (
            "On September 27, Secretary of State Mike Pompeo announced $65 million in new assistance at a meeting with Pacific Island leaders",
            E("USA", ["PIC"], "oda_grant", 2019, 65e6, "USD"),
        ),
        (
            "This new assistance is in addition to $36.5 million announced at the 50th Pacific Islands Forum in August",
            E("USA", ["PIC"], "oda_grant", 2019, 36.5e6, "USD"),
        ),
        (
            "approximately $350 million that U.S. agencies invest annually in projects, assistance, and operations",
            I("USA", ["PIC"], "aid_annual", 350e6, unit="USD"),
        ),
        (
            "the U.S. Government is committing over $100 million in new U.S. assistance to the region",
            E("USA", ["PIC"], "oda_grant", 2019, 100e6, "USD", name="Pacific Pledge"),
        ),
        (
            "USAID plans to provide over $63 million in new programs over the next year",
            E("USA", ["PIC"], "oda_grant", 2019, 63e6, "USD"),
        ),
        (
            "the United States plans to commit $10 million to provide support for disaster resilience, weather forecasting, and to address environmental challenges in the Pacific region",
            E("USA", ["PIC"], "disaster_cooperation", 2019, 10e6, "USD"),
        ),
        (
            "The United States is following through on Vice President Pence’s commitment to electrify Papua New Guinea with $23 million in immediate assistance.",
            E("USA", ["PNG"], "oda_grant", 2019, 23e6, "USD"),
        ),
    ],
    "07_state_pacific_engagement_2012.txt": [
        (
            "its commitment of over 200 Peace Corps volunteers serving throughout the region today",
            I("USA", ["PIC"], "peace_corps_volunteers", 200, year=2012),
        ),
        (
            "Secretary of State Hillary Rodham Clinton’s attendance at the Pacific Islands Forum (PIF) Post Forum Dialogue, the first ever by a U.S. Secretary of State",
            E("USA", ["PIC"], "diplomatic_framework", 2012),
        ),
        (
            "The United States is launching a Coastal Community Adaption Program that will provide $25 million over five years to build climate and severe weather resilience for vulnerable coastal communities.",
            E("USA", ["PIC"], "oda_grant", 2012, 25e6, "USD", name="Coastal Community Adaption Program"),
        ),
        (
            "The United States is also establishing Vocational Training and Education for Clean Energy (VOCTEC)",
            E("USA", ["PIC"], "technical_cooperation", 2012, name="VOCTEC"),
        ),
    ],
    "08_embassy_palau_pacific_factsheet.txt": [
        (
            "Counselor to the President John Podesta’s attendance at the Pacific Islands Forum (PIF) Post Forum Dialogue (PFD)",
            E("USA", ["PIC"], "diplomatic_framework"),
        ),
        (
            "At last year’s Pacific Islands Forum, the United States announced several, multi-year programs, such as the Pacific American Climate Fund and Disaster Preparedness for Effective Response (PREPARE).",
            E("USA", ["PIC"], "oda_grant", name="Pacific American Climate Fund"),
        ),
        (
            "At last year’s Pacific Islands Forum, the United States announced several, multi-year programs, such as the Pacific American Climate Fund and Disaster Preparedness for Effective Response (PREPARE).",
            E("USA", ["PIC"], "disaster_cooperation", name="PREPARE"),
        ),
        (
            "In June, Secretary Kerry hosted the “Our Ocean” Conference with considerable participation and support from the Pacific region.",
            E("USA", ["PIC"], "diplomatic_framework"),
        ),
    ],
    "09_usaid_philippines_newsroom_2020.txt": [
        (
            "launched a new project that will support the education, employment, and livelihood needs of at least 180,000 out-of-school youth across the Philippines",
            E("USA", ["PHL"], "technical_cooperation", 2020),
        ),
        (
            "launched a new project that will support the education, employment, and livelihood needs of at least 180,000 out-of-school youth across the Philippines",
            I("USA", ["PHL"], "youth_reached", 180000, year=2020),
        ),
        (
            "launched the Philippines Sustainable Interventions for Biodiversity, Oceans, and Landscapes (SIBOL) project",
            E("USA", ["PHL"], "oda_grant", 2020, name="SIBOL"),
        ),
        (
            "is distributing Php14.8 million ($300,000) worth of regionally-manufactured personal protective equipment (PPE) to the Philippine General Hospital (PGH) and COVID-19 treatment centers across the Philippines",
            E("USA", ["PHL"], "health_cooperation", 2020, 14.8e6, "PHP"),
        ),
        (
            "This latest donation brings overall U.S. government assistance to the Philippines’ COVID-19 response efforts to nearly Php981 million ($19.8 million).",
            I("USA", ["PHL"], "aid_total", 981e6, unit="PHP"),
        ),
        (
            "is providing Php126 million ($2.5 million) to help the Philippine government’s implementation of the Basic Education-Learning Continuity Plan",
            E("USA", ["PHL"], "technical_cooperation", 2020, 126e6, "PHP"),
        ),
    ],
    "10_embassy_laos_uxo_13m.txt": [
        (
            "The United States is strengthening its commitment to the UXO sector in Laos by increasing its assistance to $13 million this year.",
            E("USA", ["LAO"], "oda_grant", None, 13e6, "USD"),
        ),
        (
            "which will implement over $2 million in U.S. funding to clear UXO from Xiengkhouang Province",
            E("USA", ["LAO"], "oda_grant", None, 2e6, "USD"),
        ),
        (
            "The U.S. began its cooperation with Laos in 1993 with funding to provide victims’ assistance.",
            E("USA", ["LAO"], "oda_grant", 1993),
        ),
        (
            "In 1996, the American government broadened its assistance program to include clearance and risk education.",
            E("USA", ["LAO"], "oda_grant", 1996),
        ),
        (
            "Since 1993, the U.S. has provided over $83 million in UXO-related assistance to Laos.",
            I("USA", ["LAO"], "aid_total", 83e6, unit="USD", year=1993),
        ),
        (
            "the U.S provided about $9 million per year in 2012 and 2013",
            I("USA", ["LAO"], "aid_annual", 9e6, unit="USD", year=2012, year_end=2013),
        ),
        ("$12 million in 2014", I("USA", ["LAO"], "aid_annual", 12e6, unit="USD", year=2014)),
    ],
    "11_voa_editorial_uxo_laos.txt": [
        (
            "The United States is strengthening its commitment by increasing its assistance from $9 million in 2012 and 2013 to $12 million this year.",
            E("USA", ["LAO"], "oda_grant", None, 12e6, "USD"),
        ),
        (
            "The United States is strengthening its commitment by increasing its assistance from $9 million in 2012 and 2013 to $12 million this year.",
            I("USA", ["LAO"], "aid_annual", 9e6, unit="USD", year=2012, year_end=2013),
        ),
        (
            "The U.S. began its cooperation with Laos in 1993 with funding to provide victim’s assistance.",
            E("USA", ["LAO"], "oda_grant", 1993),
        ),
        (
            "In 1996, the U.S. Government broadened its assistance program to include clearance and risk education.",
            E("USA", ["LAO"], "oda_grant", 1996),
        ),
        (
            "Since 1993, the U.S. has provided over $70 million in UXO-related assistance to Laos.",
            I("USA", ["LAO"], "aid_total", 70e6, unit="USD", year=1993),
        ),
    ],
    "12_state_cwd_southeast_asia.txt": [
        (
            "U.S. Conventional Weapons Destruction (CWD) programs in Cambodia, Laos, and Vietnam have contributed over $533 million since 1993",
            I("USA", ["KHM", "LAO", "VNM"], "aid_total", 533e6, unit="USD", year=1993),
        ),
    ],
    "13_whitehouse_us_asean_summit_2022.txt": [
        (
            "President Biden will welcome the leaders of the Association of Southeast Nations (ASEAN) for a historic U.S.-ASEAN Special Summit",
            E("USA", ["ASEAN"], "diplomatic_framework", 2022),
        ),
        (
            "The United States has provided over $12.1 billion in development, economic, health, and security assistance to Southeast Asian allies and partners since 2002",
            I("USA", ["ASEAN"], "aid_total", 12.1e9, unit="USD", year=2002),
        ),
        (
            "over that same period of time, the United States has provided over $1.4 billion in humanitarian assistance",
            I("USA", ["ASEAN"], "humanitarian_aid_total", 1.4e9, unit="USD", year=2002),
        ),
        (
            "the United States is ASEAN's largest source of foreign direct investment",
            I("USA", ["ASEAN"], "fdi_source_rank", 1, unit="rank"),
        ),
        (
            "our two-way trade amounted to over $360 billion in 2020",
            I("USA", ["ASEAN"], "trade_volume", 360e9, unit="USD", year=2020),
        ),
        (
            "7000 programs at 83 American Spaces in ASEAN countries",
            I("USA", ["ASEAN"], "american_spaces_programs", 7000),
        ),
        (
            "7000 programs at 83 American Spaces in ASEAN countries",
            I("USA", ["ASEAN"], "american_spaces", 83),
        ),
        (
            "the Young Southeast Asian Leaders Initiative's 155,000 alumni",
            I("USA", ["ASEAN"], "yseali_alumni", 155000),
        ),
        (
            "nearly 6 million U.S. visas, including student visas, granted to Southeast Asian travelers since 2010",
            I("USA", ["ASEAN"], "visas_granted", 6e6, year=2010),
        ),
    ],
    "14_state_asean_billion_futures_2020.txt": [
        (
            "Senior White House officials met with the leaders of the 10 Association of Southeast Asian Nations (ASEAN) Member States to advance our strategic partnership during the 8th U.S.-ASEAN Summit",
            E("USA", ["ASEAN"], "diplomatic_framework"),
        ),
        (
            "In the past 15 years, the United States has invested over $930 million to support education in ASEAN countries",
            I("USA", ["ASEAN"], "education_aid_total", 930e6, unit="USD"),
        ),
        (
            "$785 million to support academic, cultural and professional exchanges",
            I("USA", ["ASEAN"], "exchanges_funding_total", 785e6, unit="USD"),
        ),
        (
            "The Billion Futures Scholars framework aims to bring more ASEAN students to the United States for exchange study.",
            E("USA", ["ASEAN"], "people_exchange", name="Billion Futures Scholars"),
        ),
        (
            "the over 500,000 ASEAN students who have studied in the United States in the last 10 years",
            I("USA", ["ASEAN"], "students_in_us", 500000),
        ),
    ],
    "15_dfat_direct_aid_pacific_2015_16.txt": [
        (
            "In 2015-16, our diplomatic missions in Apia, Honiara, Nauru, Noumea, Nuku'alofa, Pohnpei, Port Moresby, Port Vila, Suva, Tarawa, and Wellington provided $2.230 million for 143 projects in the Pacific region.",
            E("AUS", ["PIC"], "oda_grant", 2015, 2.23e6, "AUD", year_end=2016, name="Direct Aid Program"),
        ),
        (
            "In 2015-16, our diplomatic missions in Apia, Honiara, Nauru, Noumea, Nuku'alofa, Pohnpei, Port Moresby, Port Vila, Suva, Tarawa, and Wellington provided $2.230 million for 143 projects in the Pacific region.",
            I("AUS", ["PIC"], "projects", 143, year=2015, year_end=2016),
        ),
        (
            "The Australian High Commission in Apia, Samoa, provided $220,000 for 11 projects.",
            E("AUS", ["WSM"], "oda_grant", None, 220000, "AUD"),
        ),
        (
            "The Australian High Commission in Apia, Samoa, provided $220,000 for 11 projects.",
            I("AUS", ["WSM"], "projects", 11),
        ),
        (
            "DAP funded the purchase of building materials for the reconstruction of steps in Satuitatua Village",
            E("AUS", ["WSM"], "oda_grant"),
        ),
        (
            "DAP funded the renovation and upgrade of their fresh water pool",
            E("AUS", ["WSM"], "oda_grant"),
        ),
        (
            "The High Commission in Honiara, Solomon Islands, provided $300,000 for 18 small-scale projects in six of Solomon Islands' nine provinces.",
            E("AUS", ["SLB"], "oda_grant", None, 300000, "AUD"),
        ),
        (
            "The High Commission in Honiara, Solomon Islands, provided $300,000 for 18 small-scale projects in six of Solomon Islands' nine provinces.",
            I("AUS", ["SLB"], "projects", 18),
        ),
        (
            "The High Commission in Honiara, Solomon Islands, provided $300,000 for 18 small-scale projects in six of Solomon Islands' nine provinces.",
            I("AUS", ["SLB"], "provinces", 6),
        ),
        (
            "DAP funding provided the Honiara Council of Women with the equipment to run the inaugural Women's Innovation Expo",
            E("AUS", ["SLB"], "oda_grant"),
        ),
    ],
    "16_usaid_vietnam_program_updates_2020.txt": [
        (
            "The USAID Sustainable HIV and Tuberculosis Response from Technical Assistance (SHIFT) project strengthens and delivers innovative enhancements in HIV and TB services.",
            E("USA", ["VNM"], "health_cooperation", name="SHIFT"),
        ),
        (
            "Since late 2018, the USAID Trade Facilitation Program has made significant strides in improving collaboration with the General Department of Vietnam Customs (GDVC)",
            E("USA", ["VNM"], "technical_cooperation", 2018, name="Trade Facilitation Program"),
        ),
        (
            "USAID quickly moved to mitigate the impact of the virus by supporting GDVC to increase its teleconferencing and videoconferencing capabilities.",
            E("USA", ["VNM"], "technical_cooperation", 2020),
        ),
        (
            "To help Vietnam respond to the COVID-19 pandemic, USAID recently contributed new resources for laboratory strengthening",
            E("USA", ["VNM"], "health_cooperation", 2020),
        ),
    ],
    "17_usaid_philippines_press_releases_2021.txt": [
        (
            "has awarded grants worth nearly Php42 million ($890,000) to five organizations in support of local solutions that address ocean plastics pollution",
            E("USA", ["PHL"], "oda_grant", 2021, 42e6, "PHP", name="Clean Cities, Blue Ocean"),
        ),
        (
            "has awarded grants worth nearly Php42 million ($890,000) to five organizations in support of local solutions that address ocean plastics pollution",
            I("USA", ["PHL"], "grantee_organizations", 5, year=2021),
        ),
    ],
    "18_usaid_indonesia_scholarships_2013.txt": [
        (
            "Thirty-six Indonesians received scholarships administered by the U.S. Agency for International Development (USAID) to pursue advanced degrees in the United States.",
            E("USA", ["IDN"], "people_exchange"),
        ),
        (
            "Thirty-six Indonesians received scholarships administered by the U.S. Agency for International Development (USAID) to pursue advanced degrees in the United States.",
            I("USA", ["IDN"], "scholarships", 36),
        ),
        (
            "The scholarship recipients were chosen from more than 1,360 applicants from across Indonesia",
            I("USA", ["IDN"], "scholarship_applicants", 1360),
        ),
        (
            "Program to Extend Scholarships and Training to Achieve Sustainable Impact (PRESTASI), a $25 million program that provided 30 scholarships this year",
            E("USA", ["IDN"], "people_exchange", None, 25e6, "USD", name="PRESTASI"),
        ),
        (
            "Program to Extend Scholarships and Training to Achieve Sustainable Impact (PRESTASI), a $25 million program that provided 30 scholarships this year",
            I("USA", ["IDN"], "scholarships", 30),
        ),
        (
            "Educating and Equipping Tomorrow's Justice Reformers (E2J), a program which provides scholarships for lawyers and others in the justice sector",
            E("USA", ["IDN"], "people_exchange", name="E2J"),
        ),
        (
            "the U.S.-Indonesia Teacher Education Consortium which provides training for educators",
            E("USA", ["IDN"], "technical_cooperation", name="U.S.-Indonesia Teacher Education Consortium"),
        ),
        (
            "the U.S.-Indonesia Comprehensive Partnership, a commitment made by Presidents Barack Obama and Susilo Bambang Yudhoyono",
            E("USA", ["IDN"], "diplomatic_framework", name="Comprehensive Partnership"),
        ),
    ],
    "19_usaid_timor_leste_partnership_2014.txt": [
        (
            "Signed a five-year Development Objective Agreement with the Ministry of Finance in March 2014 for up to $73 million, subject to congressional approval.",
            E("USA", ["TLS"], "oda_grant", 2014, 73e6, "USD"),
        ),
    ],
    "20_usaid_timor_leste_mission_overview.txt": [
        (
            "Since 2000, the U.S. Government has provided more than $300 million of assistance to Timor-Leste",
            I("USA", ["TLS"], "aid_total", 300e6, unit="USD", year=2000),
        ),
    ],
    "21_embassy_mekong_us_partnership_2020.txt": [
        (
            "We, the Foreign Ministers of Mekong countries and the Secretary of State of the United States of America, on September 11, 2020, launch the Mekong-U.S. Partnership",
            E("USA", MEKONG, "diplomatic_framework", 2020, name="Mekong-U.S. Partnership"),
        ),
    ],
    "22_dvids_austin_png_2023.txt": [
        (
            "Papua New Guinea and the United States signed a Defense Cooperation Agreement in May 2023",
            E("USA", ["PNG"], "security_agreement", 2023),
        ),
    ],
    "23_embassy_laos_obama_uxo_2016.txt": [
        ("During his historic visit to the Lao PDR", E("USA", ["LAO"], "diplomatic_framework")),
        (
            "U.S. President Barack Obama announced that the United States will double unexploded ordnance (UXO) assistance to the Lao PDR, from $15 million during the last year to $30 million in the coming year.",
            E("USA", ["LAO"], "oda_grant", None, 30e6, "USD"),
        ),
        (
            "U.S. President Barack Obama announced that the United States will double unexploded ordnance (UXO) assistance to the Lao PDR, from $15 million during the last year to $30 million in the coming year.",
            I("USA", ["LAO"], "aid_annual", 15e6, unit="USD"),
        ),
    ],
    "24_state_security_cooperation_philippines.txt": [
        (
            "The Mutual Defense Treaty (MDT) between the Republic of the Philippines and the United States of America, signed in 1951",
            E("USA", ["PHL"], "security_agreement", 1951, name="MDT"),
        ),
        (
            "the 1998 Visiting Forces Agreement (VFA)",
            E("USA", ["PHL"], "security_agreement", 1998, name="VFA"),
        ),
        (
            "the 2014 Enhanced Defense Cooperation Agreement (EDCA)",
            E("USA", ["PHL"], "security_agreement", 2014, name="EDCA"),
        ),
        (
            "The Mutual Logistics Support Agreement was renewed in 2017",
            E("USA", ["PHL"], "security_agreement", 2017, name="Mutual Logistics Support Agreement"),
        ),
    ],
    "25_state_security_cooperation_vietnam.txt": [
        (
            "President Trump and Vietnamese President Quang in their November 2017 Joint Statement, made during President Trump’s state visit to Hanoi",
            E("USA", ["VNM"], "diplomatic_framework", 2017),
        ),
        ("Secretary Pompeo’s July 2018 visit to Vietnam", E("USA", ["VNM"], "diplomatic_framework", 2018)),
        (
            "a new three-year Plan of Action for Defense Cooperation for 2018 to 2020",
            E("USA", ["VNM"], "security_agreement", 2018, year_end=2020),
        ),
        (
            "On March 9, 2020, the United States completed its second aircraft carrier visit to Vietnam with the USS Theodore Roosevelt’s five-day port call to Danang.",
            E("USA", ["VNM"], "military_activity", 2020),
        ),
        (
            "The March 2018 visit by the USS Carl Vinson was the first by an U.S. aircraft carrier in more than 40 years.",
            E("USA", ["VNM"], "military_activity", 2018),
        ),
        (
            "From CY2015 – CY2019, the Department authorized permanent export of $52.86 million in defense articles to Vietnam via Direct Commercial Sales (DCS).",
            I("USA", ["VNM"], "defense_exports", 52.86e6, unit="USD", year=2015, year_end=2019),
        ),
        (
            "The Department has over $130 million in active Foreign Military Sales (FMS) with Vietnam.",
            I("USA", ["VNM"], "active_fms", 130e6, unit="USD"),
        ),
        (
            "From FY2016 – FY2019, Vietnam received more than $150 million in State Department-funded security assistance under the Foreign Military Financing (FMF) program.",
            I("USA", ["VNM"], "fmf_total", 150e6, unit="USD", year=2016, year_end=2019),
        ),
        (
            "Over $58 million in bilateral FMF supported the transfer and refurbishment of two former U.S. Coast Guard cutters to Vietnam under the Excess Defense Articles program.",
            E("USA", ["VNM"], "security_agreement", None, 58e6, "USD"),
        ),
        (
            "Over $58 million in bilateral FMF supported the transfer and refurbishment of two former U.S. Coast Guard cutters to Vietnam under the Excess Defense Articles program.",
            I("USA", ["VNM"], "cutters_transferred", 2),
        ),
    ],
    "26_embassy_vietnam_coast_guard_transfers_2017.txt": [
        (
            "The U.S. Coast Guard transferred a High Endurance Cutter to the Vietnam Coast Guard during a ceremony in Honolulu on Thursday morning.",
            E("USA", ["VNM"], "security_agreement", 2017),
        ),
        (
            "On May 22, U.S. Ambassador to Vietnam Ted Osius officially handed over six 45-foot Metal Shark patrol boats to the Vietnam Coast Guard (VCG)",
            E("USA", ["VNM"], "security_agreement", 2017),
        ),
        (
            "On May 22, U.S. Ambassador to Vietnam Ted Osius officially handed over six 45-foot Metal Shark patrol boats to the Vietnam Coast Guard (VCG)",
            I("USA", ["VNM"], "patrol_boats", 6, year=2017),
        ),
    ],
}


def main() -> None:
    n = write_gold(
        HERE / "docs",
        {
            **GOLD,
            **GOLD_TRAIN_ROUND3,
            **GOLD_TRAIN_ROUND4,
            **GOLD_TRAIN_ROUND5,
            **GOLD_TRAIN_ROUND8_X11T,
            **GOLD_TRAIN_ROUND8_X11U,
            **GOLD_TRAIN_ROUND9_X11U,
            **GOLD_TRAIN_ROUND9_X11T,
            **GOLD_TRAIN_ROUND10_X11U,
            **GOLD_TRAIN_ROUND10_X11T,
            **GOLD_TRAIN_ROUND11_X12T,
            **GOLD_TRAIN_ROUND11_X12U,
            **GOLD_TRAIN_ROUND12_X13T,
            **GOLD_TRAIN_ROUND12_X13U,
            **GOLD_TRAIN_ROUND13_X14T,
            **GOLD_TRAIN_ROUND13_X14U,
            **GOLD_TRAIN_ROUND14_X15U,
            **GOLD_TRAIN_ROUND14_X15T,
            **GOLD_TRAIN_ROUND15_X16T,
            **GOLD_TRAIN_ROUND15_X16U,
            **GOLD_TRAIN_ROUND16_X17T,
            **GOLD_TRAIN_ROUND16_X17U,
            **GOLD_TRAIN_ROUND17_X18U,
            **GOLD_TRAIN_ROUND18_X19U,
            **GOLD_TRAIN_ROUND19_X20U,
            **GOLD_TRAIN_ROUND19_X20V,
        },
    )
    (HERE / "docs" / "gold.jsonl").replace(HERE / "gold.jsonl")
    print(n, "records")


if __name__ == "__main__":
    main()
