"""Hand annotations of the training-only documents 61-80 (round 8, x11t), merged by make_gold.py.

Donors other than the United States: the Government of Japan (Ministry of Foreign Affairs and its
embassies, JICA, the Prime Minister's Office), the Ministry of Foreign Affairs of the Republic of
Korea and New Zealand's aid programme (Ministry of Foreign Affairs and Trade). Genres the corpus
had little of: exchange-of-notes releases with a loan-terms list, an ODA loan terms table, summit
overviews with numbered points, embassy grassroots-grant releases, an Official Security Assistance
release, a relief-operation wrap-up, country-programme pages with results bullets and budget
lines, a factsheet of bullet items naming only partners, and a PDF-derived ODA overview.
Annotated by x11t from the texts alone, following README.md "Annotation guidelines", BEFORE any
extractor was run on these documents (the "before tuning" figure in README.md "Round 8" was taken
once, after this file was committed). TRAINING ONLY (manifest groups ``train-only:...``).

Decisions worth recording (applied the same way in every document; they follow rounds 4 and 6):
* a dated release gives its dateline year to "On December 21" and "today"; a page whose stored text
  shows no date gives no year unless the clause states one ("until the end of the year 2018" dates
  a period, not the act);
* a package whose total is stated is one record with the total; its itemised projects are a
  breakdown, not new records (61, 69); a package with no stated total is recorded item by item,
  and the number of projects it covers is a count indicator (66);
* the number of loans/projects/grantees a signing covers is a count indicator sharing its span;
  counts of people, aircraft and tonnes of an aid effort are indicators; counts of items inside a
  described package (school buildings, fire engines, pieces of equipment) and a singular "one X"
  are not;
* an exchange of notes or grant agreement for grant aid, grassroots grants and environment or UXO
  abatement money: ``oda_grant``; yen loans and ODA loan agreements: ``oda_loan``; Official
  Security Assistance and the provision of maritime-security equipment: ``security_agreement``;
  training of officials, coast-guard capacity teams and training-centre support:
  ``technical_cooperation``; scholarships: ``people_exchange``; medical equipment, masks and
  diagnostic kits, hospital and clinic projects: ``health_cooperation``; humanitarian aid, relief
  teams and relief airlifts after a disaster: ``disaster_cooperation``;
* summits, leaders' meetings, joint committees, joint statements and partnership upgrades:
  ``diplomatic_framework``; symmetric acts credit the donor power (KOR for relations "established
  with the ROK"); a partner's own act toward the donor is the partner's (the Philippines'
  troops in the Korean War);
* a donor's programme page ("Development results" bullets, "Budget 2013" lines) is the donor's
  throughout: results bullets that name no actor inherit it; a budget line is an indicator with
  the heading's year; results that are stocks (graduates, people reached, litres stored) are
  indicators only;
* cumulative totals ("has provided ... (1992-2010) amounting ...") are indicators (unit = currency);
* "$" in a New Zealand text is NZD; "since the 1970s" gives year 1970; phases "E/N 1992 (Phase I)
  and 1993 (Phase II)" give year and year_end;
* partner lists in brackets name the partners ("(Palau, Fiji, PNG, Marshall)"; "Cook" is the Cook
  Islands, "Solomon" Solomon Islands, "Marshall" the Marshall Islands);
* acts of the European Union are not records (the record model's actor is a state), so no EU
  page was added.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

MEKONG = ["KHM", "LAO", "MMR", "THA", "VNM"]

GOLD_TRAIN_ROUND8_X11T = {
    "61_mofa_japan_indonesia_yen_loans.txt": [
        (
            "signed and exchanged notes concerning two Yen loan [see Note] projects for up to 90.456 billion yen in total",
            E("JPN", ["IDN"], "oda_loan", None, 90.456e9, "JPY"),
        ),
        (
            "signed and exchanged notes concerning two Yen loan [see Note] projects for up to 90.456 billion yen in total",
            I("JPN", ["IDN"], "loan_projects", 2),
        ),
    ],
    "62_jica_indonesia_patimban_loan.txt": [
        (
            "the Japan International Cooperation Agency (JICA) signed a loan agreement with the Government of the Republic of Indonesia in Jakarta, to provide Japanese ODA loan for the following project",
            E("JPN", ["IDN"], "oda_loan", None, 83.408e9, "JPY"),
        ),
    ],
    "63_emb_japan_micronesia_grant_2023.txt": [
        (
            "signed the exchange of notes totaling 400 million yen to provide infrastructure building equipments through “Economic and Social Development Programme”",
            E(
                "JPN",
                ["FSM"],
                "oda_grant",
                2023,
                400e6,
                "JPY",
                name="Economic and Social Development Programme",
            ),
        ),
        (
            "At the 9th Pacific Leaders Meeting held in July 2021",
            E("JPN", ["PIC"], "diplomatic_framework", 2021),
        ),
    ],
    "64_emb_japan_nauru_grant_2020.txt": [
        (
            "signed and exchanged notes to formalize the Grant Aid for Nauru, “Economic and Social Development Programme.”",
            E(
                "JPN",
                ["NRU"],
                "oda_grant",
                2020,
                200e6,
                "JPY",
                name="Economic and Social Development Programme",
            ),
        ),
    ],
    "65_emb_japan_timor_leste_ggp_2022.txt": [
        (
            "Japanese Embassy announced its assistance to five new projects that directly benefit the community people in 6 Municipalities",
            E(
                "JPN",
                ["TLS"],
                "oda_grant",
                2022,
                461226,
                "USD",
                name="Grant Assistance for Grassroots Human Security Projects",
            ),
        ),
        (
            "Japanese Embassy announced its assistance to five new projects that directly benefit the community people in 6 Municipalities",
            I("JPN", ["TLS"], "projects", 5, year=2022),
        ),
        (
            "Japanese Embassy announced its assistance to five new projects that directly benefit the community people in 6 Municipalities",
            I("JPN", ["TLS"], "municipalities", 6, year=2022),
        ),
        (
            "Japan has successfully implemented 127 projects through this scheme over the last 20 years all around the country",
            I("JPN", ["TLS"], "projects_total", 127),
        ),
    ],
    "66_emb_japan_timor_leste_ggp_2017.txt": [
        (
            "the joint signing ceremony of Grant Assistance for Grass-Roots Human Security Projects (FY2016) for six organizations was held at the Embassy of Japan",
            I("JPN", ["TLS"], "grant_projects", 6, year=2017),
        ),
        (
            "“The Project for Expansion of Emergency Department and Renovation of Waiting Area at the National Hospital in Dili Municipality” (Organization: Guido Valadares National Hospital, Total grant: US$83,000)",
            E("JPN", ["TLS"], "health_cooperation", 2017, 83000, "USD"),
        ),
        (
            "“The Project for Construction of Public Clinic in Uabubo Village, Ossu Post-administrative, Viqueque Municipality” (Organization: Enrichment of Talented Development in Timor-Leste, Total grant: US$83,299)",
            E("JPN", ["TLS"], "health_cooperation", 2017, 83299, "USD"),
        ),
    ],
    "67_mofa_japan_osa_malaysia_2023.txt": [
        (
            "signed and exchanged notes for 400 million yen in “Official Security Assistance (OSA)” grant aid",
            E("JPN", ["MYS"], "security_agreement", 2023, 400e6, "JPY", name="Official Security Assistance"),
        ),
        (
            "Malaysia, which has elevated its Relations with Japan to the “Comprehensive Strategic Partnership”",
            E("JPN", ["MYS"], "diplomatic_framework", name="Comprehensive Strategic Partnership"),
        ),
    ],
    "68_mofa_japan_asean_summit_2019.txt": [
        (
            "the Japan-ASEAN Summit Meeting was held in Thailand",
            E("JPN", ["ASEAN"], "diplomatic_framework", 2019),
        ),
        (
            "Japan is currently implementing the “Sport for Tomorrow” international contribution through sport initiative until the 2020 Tokyo Games",
            E("JPN", ["ASEAN"], "people_exchange", year_end=2020, name="Sport for Tomorrow"),
        ),
        (
            "approximately five million people have benefited to date",
            I("JPN", ["ASEAN"], "people_benefited", 5e6),
        ),
        (
            "Japan and ASEAN have been able to issue the Joint Statement on Connectivity between Japan and ASEAN for the realization of a free and open Indo-Pacific",
            E("JPN", ["ASEAN"], "diplomatic_framework", 2019, name="Joint Statement on Connectivity"),
        ),
    ],
    "69_emb_japan_philippines_mindanao_grants_2019.txt": [
        (
            "at the 7th Japan-Philippines High Level Joint Committee on Infrastructure Development and Economic Cooperation in Osaka",
            E("JPN", ["PHL"], "diplomatic_framework", 2019),
        ),
        (
            "Ambassador Koji Haneda and Ambassador Jose C. Laurel V signed Exchanges of Notes worth JPY 3.56 billion (PHP 1.8 billion) composed of two grants for additional support in Mindanao and one grant for the provision of train simulators",
            E("JPN", ["PHL"], "oda_grant", 2019, 3.56e9, "JPY"),
        ),
    ],
    "70_kantei_japan_viet_nam_summit_2012.txt": [
        (
            "Prime Minister Yoshihiko Noda met briefly with H.E. Mr. Nguyen Tan Dung, Prime Minister of the Socialist Republic of Viet Nam",
            E("JPN", ["VNM"], "diplomatic_framework", 2012),
        ),
        (
            "Prime Minister Noda said Japan would extend a new yen loan worth 97.9 billion yen (about $1.2 billion) in response to Viet Nam's request",
            E("JPN", ["VNM"], "oda_loan", 2012, 97.9e9, "JPY"),
        ),
    ],
    "71_mofa_korea_laos_dam_relief_2018.txt": [
        (
            "The government of the Republic of Korea has provided US$1 million in emergency relief aid",
            E("KOR", ["LAO"], "disaster_cooperation", None, 1e6, "USD"),
        ),
        (
            "dispatched Korea Disaster Relief Teams (KDRTs) to the Lao People's Democratic Republic",
            E("KOR", ["LAO"], "disaster_cooperation"),
        ),
        (
            "the services offered by a combined 63 workers in the three KDRTs",
            I("KOR", ["LAO"], "relief_workers", 63),
        ),
        (
            "They offered medical treatment to a daily average of 152 patients",
            I("KOR", ["LAO"], "patients_per_day", 152),
        ),
        (
            "the third KDRT donated medical equipment and supplies, and pharmaceuticals worth some US$170,000 to Attapeu Provincial Hospital",
            E("KOR", ["LAO"], "health_cooperation", None, 170e3, "USD"),
        ),
    ],
    "72_mofa_korea_indonesia_quake_1m_2018.txt": [
        (
            "The government of the Republic of Korea will offer humanitarian assistance of US$1 million in cash to Indonesia",
            E("KOR", ["IDN"], "disaster_cooperation", 2018, 1e6, "USD"),
        ),
    ],
    "73_mofa_korea_indonesia_airlift_2018.txt": [
        (
            "the ROK government has decided to render additional humanitarian assistance to the country by dispatching one military transport aircraft and 28-strong operational personnel to support relief operations until November 30",
            E("KOR", ["IDN"], "disaster_cooperation"),
        ),
        (
            "the ROK government has decided to render additional humanitarian assistance to the country by dispatching one military transport aircraft and 28-strong operational personnel to support relief operations until November 30",
            I("KOR", ["IDN"], "relief_personnel", 28),
        ),
        (
            "the ROK government kept two military transport aircraft and 31-member operational personnel in Indonesia for such operations from October 8 till 26",
            E("KOR", ["IDN"], "disaster_cooperation"),
        ),
        (
            "the ROK government kept two military transport aircraft and 31-member operational personnel in Indonesia for such operations from October 8 till 26",
            I("KOR", ["IDN"], "transport_aircraft", 2),
        ),
        (
            "the ROK government kept two military transport aircraft and 31-member operational personnel in Indonesia for such operations from October 8 till 26",
            I("KOR", ["IDN"], "relief_personnel", 31),
        ),
        (
            "These aircraft transported some 209 tons of relief supplies to affected areas",
            I("KOR", ["IDN"], "relief_goods", 209, unit="tonnes"),
        ),
    ],
    "74_mofa_korea_masks_philippines_timor_leste_2020.txt": [
        (
            "will send a total of 400,000 face masks (KF94) to the Republic of the Philippines and the Democratic Republic of Timor-Leste",
            E("KOR", ["PHL", "TLS"], "health_cooperation"),
        ),
        (
            "will send a total of 400,000 face masks (KF94) to the Republic of the Philippines and the Democratic Republic of Timor-Leste",
            I("KOR", ["PHL", "TLS"], "face_masks", 400000),
        ),
        (
            "The ROK government provided COVID-19 diagnostic kits (worth 500,000 U.S. dollars) to the Philippines in April.",
            E("KOR", ["PHL"], "health_cooperation", None, 500e3, "USD"),
        ),
    ],
    "75_mofa_korea_philippines_mindanao_quake.txt": [
        (
            "The government of the Republic of Korea (ROK) will extend 100,000 USD in humanitarian assistance through the Philippine Red Cross to the Republic of the Philippines",
            E("KOR", ["PHL"], "disaster_cooperation", None, 100e3, "USD"),
        ),
        (
            "The Philippines is the first country that established the diplomatic relations with the ROK among the ASEAN countries",
            E("KOR", ["PHL"], "diplomatic_framework"),
        ),
        (
            "the ROK’s long-lasting ally that dispatched troops to the Korean War",
            E("PHL", ["KOR"], "military_activity"),
        ),
    ],
    "76_nzaid_papua_new_guinea_programme.txt": [
        (
            "New Zealand trained 350 Community Auxiliary Police in Bougainville",
            E("NZL", ["PNG"], "technical_cooperation"),
        ),
        (
            "New Zealand trained 350 Community Auxiliary Police in Bougainville",
            I("NZL", ["PNG"], "police_trained", 350),
        ),
        (
            "Assistance to the Bougainville Community Health Programme (BHCP) has improved access to immunisation and treatment and prevention of TB, malaria and leprosy",
            E("NZL", ["PNG"], "health_cooperation", name="Bougainville Community Health Programme"),
        ),
        (
            "contributing to the improved health of 150,000 people across 484 villages in 8 districts of Bougainville",
            I("NZL", ["PNG"], "people_reached", 150000),
        ),
        (
            "contributing to the improved health of 150,000 people across 484 villages in 8 districts of Bougainville",
            I("NZL", ["PNG"], "villages_reached", 484),
        ),
        (
            "contributing to the improved health of 150,000 people across 484 villages in 8 districts of Bougainville",
            I("NZL", ["PNG"], "districts_reached", 8),
        ),
        (
            "165 Papua New Guineans gained New Zealand-funded tertiary qualifications from 2009–2012",
            I("NZL", ["PNG"], "tertiary_graduates", 165, year=2009, year_end=2012),
        ),
        ("Bilateral $20 million", I("NZL", ["PNG"], "aid_bilateral", 20e6, unit="NZD", year=2013)),
        ("Total aid flow $35.8 million", I("NZL", ["PNG"], "aid_total", 35.8e6, unit="NZD", year=2013)),
        (
            "Scholarships/other $15.9 million",
            I("NZL", ["PNG"], "aid_scholarships_other", 15.9e6, unit="NZD", year=2013),
        ),
        (
            "high level discussions between the PNG Government and the New Zealand Minister for Foreign Affairs in October 2012",
            E("NZL", ["PNG"], "diplomatic_framework", 2012),
        ),
    ],
    "77_mofa_japan_viet_nam_summit_2012_04.txt": [
        (
            "Mr. Yoshihiko Noda, Prime Minister of Japan, held a meeting with H.E. Mr. Nguyen Tan Dung, Prime Minister of the Socialist Republic of Viet Nam",
            E("JPN", ["VNM"], "diplomatic_framework", 2012),
        ),
        (
            "the Meeting between the Heads of the Governments of Japan and Mekong Region Countries held in the morning",
            E("JPN", MEKONG, "diplomatic_framework", 2012),
        ),
        (
            "economic cooperation to Viet Nam in fiscal year 2011 amounted to approximately 300 billion yen",
            I("JPN", ["VNM"], "aid_annual", 300e9, unit="JPY", year=2011),
        ),
    ],
    "78_nzaid_kiribati_programme.txt": [
        (
            "New Zealand has supported the Marine Training Centre since the 1970s",
            E("NZL", ["KIR"], "technical_cooperation", 1970, name="Marine Training Centre"),
        ),
        (
            "is currently funding construction of buildings to house a new fisheries training department",
            E("NZL", ["KIR"], "technical_cooperation"),
        ),
        (
            "The rehabilitation of the Cassidy Airport runway has secured the air link between Kiritimati Island and the rest of the world",
            E("NZL", ["KIR"], "oda_grant"),
        ),
        (
            "A waste management system has been set in place in Tarawa",
            E("NZL", ["KIR"], "oda_grant"),
        ),
        (
            "recycling of plastic bottles (two million recycled by December 2013)",
            I("NZL", ["KIR"], "bottles_recycled", 2e6, year_end=2013),
        ),
        (
            "Approximately 1.3 million litres of rainwater storage has been made available to people around South Tarawa and Kiritimati Island",
            I("NZL", ["KIR"], "rainwater_storage", 1.3e6, unit="litres"),
        ),
        (
            "A new water system installed at the maternity ward of Betio Hospital (Tarawa) will provide new babies and mothers with clean and safe drinking water",
            E("NZL", ["KIR"], "health_cooperation"),
        ),
        (
            "Between 2012 and 2013, 15 I-Kiribati students completed tertiary qualifications with support from New Zealand Aid Programme scholarships",
            E("NZL", ["KIR"], "people_exchange", 2012, year_end=2013),
        ),
        (
            "Between 2012 and 2013, 15 I-Kiribati students completed tertiary qualifications with support from New Zealand Aid Programme scholarships",
            I("NZL", ["KIR"], "tertiary_graduates", 15, year=2012, year_end=2013),
        ),
        (
            "Seven I-Kiribati civil servants also received in-service training awards in New Zealand",
            I("NZL", ["KIR"], "training_awards", 7),
        ),
        ("Total aid flow $26.5 million", I("NZL", ["KIR"], "aid_total", 26.5e6, unit="NZD", year=2014)),
        ("Bilateral $15.7 million", I("NZL", ["KIR"], "aid_bilateral", 15.7e6, unit="NZD", year=2014)),
        (
            "Scholarships/other $10.8 million",
            I("NZL", ["KIR"], "aid_scholarships_other", 10.8e6, unit="NZD", year=2014),
        ),
    ],
    "79_mofa_japan_palm8_factsheet_2021.txt": [
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
            E("JPN", ["PLW"], "technical_cooperation", name="Mobile Cooperation Team"),
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
        (
            "Provision of maritime security equipment (Palau, Fiji)",
            E("JPN", ["PLW", "FJI"], "security_agreement"),
        ),
    ],
    "80_emb_japan_cambodia_oda_overview_2011.txt": [
        (
            "The Government of Japan has provided financial assistance (1992-2010) amounting 189 billion 360 million Yen (approximately 1,760.22 million US$) under Japan’s ODA bilateral grant aid",
            I("JPN", ["KHM"], "grant_aid_total", 189.36e9, unit="JPY", year=1992, year_end=2010),
        ),
        (
            "31 billion 291 million Yen Loan (approximately 289 million US$) (1968-2009)",
            I("JPN", ["KHM"], "loan_total", 31.291e9, unit="JPY", year=1968, year_end=2009),
        ),
        (
            "Project for the Restoration of Chroy Changwar Bridge “Cambodia Japan Friendship Bridge” This project is to rehabilitate the Chroy Changwar Bridge. Length: 709.8m E/N 26 September 1992 (Phase I) and 4 June 1993 (Phase II) Cost: ¥ 2,989 million",
            E(
                "JPN",
                ["KHM"],
                "oda_grant",
                1992,
                2989e6,
                "JPY",
                year_end=1993,
                name="Cambodia Japan Friendship Bridge",
            ),
        ),
        (
            "Project for the Rehabilitation of National Route 6A “Japan Friendship Sangkum Reastr Niyum Highway” This project is to reconstruct the road from the Cambodia-Japan Friendship Bridge to Thnal Keng (in Kompong Cham Province). Length: 44.5 km with 26 Bridges E/N 20 July 1993 (Phase I) and 30 July 1994 (Phase II) Cost: ¥ 3,012 million",
            E(
                "JPN",
                ["KHM"],
                "oda_grant",
                1993,
                3012e6,
                "JPY",
                year_end=1994,
                name="Japan Friendship Sangkum Reastr Niyum Highway",
            ),
        ),
        (
            "Project for Improvement of the Road Construction Center This project is to rehabilitate the center and to supply machinery equipments for constructing and repairing the roads in the countrywide. Lot Area: 14,000 m², Building Area: 4,580 m² Equipment: 103 pieces of road repairing equipment including bulldozers, trucks etc. E/N 11 January 1994 (Phase I) and 30 July 1994 (Phase II). Cost: ¥ 2,076 million",
            E("JPN", ["KHM"], "oda_grant", 1994, 2076e6, "JPY"),
        ),
    ],
}
