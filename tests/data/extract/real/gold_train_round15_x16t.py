"""Hand annotations of the training-only documents 380-391 (round 15, x16t), merged by make_gold.py.

Openly licensed texts of the genres the training half has least of (science cooperation, security
and coast-guard support, health programmes, scholarship and exchange calls, small-grant rounds):
Ministry of Foreign Affairs of Japan releases on patrol vessels and grant aid for maritime law
enforcement (Malaysia 2016, Viet Nam 2014) and a Government of Japan release on a counterterrorism
grant to Sri Lanka (2019; Standard Terms of Use 2.0); U.S. government texts (public domain, 17
U.S.C. 105): a U.S. Coast Guard / INDOPACOM article on the expanded shiprider agreement with the
Federated States of Micronesia, two USAID Indonesia tuberculosis releases, a U.S. Embassy Brunei
call for Fulbright U.S.-ASEAN scholars, State Department media notes on a U.S.-Vietnam memorandum on
culture and people-to-people ties and on the tenth U.S.-Vietnam science and technology joint
committee; and Australian Government texts (CC BY 4.0): the High Commission in Port Moresby on
COVID-19 funding for provincial health authorities, the Embassy in Hanoi on the 2016-2020 human
resource development programme, the High Commission in Wellington opening a Direct Aid Program
round for the Cook Islands and Niue. Annotated by x16t from the texts alone, following README.md
"Annotation guidelines" (with the round-9 to 14 clarifications), BEFORE any extractor was run on
them. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* patrol vessels, vessels and equipment granted for maritime law enforcement, a counterterrorism
  equipment grant and a shiprider agreement are ``security_agreement``; the number of vessels
  transferred is an indicator sharing the act's span (round 14, "a gift's items": the count is the
  transfer itself); a grant of the Economic and Social Development Programme whose purpose the
  stored text does not state is ``oda_grant``;
* a grant whose exchange of notes the text dates takes that date's year (round 14, "a dated
  signing"); a meeting that is the setting of a signed agreement (a Joint Committee Meeting) is a
  ``diplomatic_framework`` record of its own, a science and technology joint committee meeting is
  ``science_cooperation`` with its ordinal as a ``joint_committee_meetings`` indicator (as document
  183);
* a programme launched at a dated event takes the event's year and the amount the next sentence
  gives it (x15t's rule for an award stated after its project); a programme signed for "2016 - 2020"
  takes year 2016 and year_end 2020; a call for applications is a ``people_exchange`` (scholars) or
  ``oda_grant`` (small grants) engagement, its anticipated number of awards an indicator, and a
  programme's cumulative figures since its start indicators dated by the "since" (x15t);
* projects a grants programme is said to have supported, named one by one with no total, are
  recorded item by item (x15t); a per-grant ceiling ("grants of up to NZD $10,000") is not an
  amount;
* a donation of medicines to a number of people is ``health_cooperation`` with the head count as an
  indicator; the global programme it is part of and the price reduction secured for all priority
  countries are acts toward WORLD, and the number of receiving countries an indicator; the
  partner's disease burden and coastline are domestic facts, not records.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

_TB = (
    "The United States Agency for International Development (USAID) has announced it will provide tuberculosis (TB)"
    " preventive treatments (TPT) to 145,070 people in Indonesia, valued at $1,523,235"
)
_MOC = (
    "Assistant Secretary Satterfield and Deputy Minister Thuy signed a memorandum of cooperation pledging further"
    " cooperation on cultural exchanges and people-to-people ties"
)
_FULB = (
    "Since the program began in 2012, more than 100 scholars from all 10 ASEAN member states have been awarded"
    " scholarships"
)
GOLD_TRAIN_ROUND15_X16T = {
    "380_mofa_japan_malaysia_patrol_vessels_grant_aid_2016.txt": [
        (
            "exchanged notes for the grant of patrol vessels",
            E("JPN", ["MYS"], "security_agreement", 2016),
        ),
        (
            "the grant aid for the Economic and Social Development Programme (grant amount: 700 million yen)",
            E(
                "JPN",
                ["MYS"],
                "oda_grant",
                2016,
                700e6,
                "JPY",
                name="Economic and Social Development Programme",
            ),
        ),
        (
            "Granting two patrol vessels currently owned and used by the Japan Coast Guard to the Government of Malaysia",
            I("JPN", ["MYS"], "patrol_vessels", 2, year=2016),
        ),
    ],
    "381_mofa_japan_viet_nam_non_project_grant_aid_vessels_2014.txt": [
        (
            "an Exchange of Notes concerning Japan’s Non-Project Grant Aid amounting to JPY 500 million was signed",
            E("JPN", ["VNM"], "security_agreement", 2014, 500e6, "JPY", name="Non-Project Grant Aid"),
        ),
        (
            "providing estimated six used vessels and equipments related to maritime safety",
            I("JPN", ["VNM"], "vessels", 6, year=2014),
        ),
    ],
    "382_japan_sri_lanka_counterterrorism_grant_aid_2019.txt": [
        (
            "the Government of Japan provides a grant of Japanese Yen 1 billion (approximately 1.7 billion Sri Lankan Rupees) to the Government of Sri Lanka for the procurement of equipment for enhancing its counterterrorism and public security capabilities",
            E("JPN", ["LKA"], "security_agreement", 2019, 1e9, "JPY"),
        ),
    ],
    "383_pacom_uscg_fsm_expanded_shiprider_agreement_2022.txt": [
        (
            "representatives of the United States and the FSM signed an expanded shiprider agreement on Oct. 13, 2022",
            E("USA", ["FSM"], "security_agreement", 2022, name="shiprider agreement"),
        ),
        (
            "a Joint Committee Meeting hosted by Joint Region Marianas",
            E("USA", ["FSM"], "diplomatic_framework", 2022),
        ),
    ],
    "384_usaid_indonesia_tb_preventive_treatment_2024.txt": [
        (_TB, E("USA", ["IDN"], "health_cooperation", None, 1523235, "USD")),
        (_TB, I("USA", ["IDN"], "beneficiaries", 145070)),
        (
            "worked to secure a 30 percent price reduction for the shortened TB prevention regimen—3HP—during the 2023 United Nations General Assembly High-Level Week in September",
            E("USA", ["WORLD"], "health_cooperation", 2023, name="PEPFAR"),
        ),
        (
            "USAID launched a donation program for its TB priority countries to apply for these drugs",
            E("USA", ["WORLD"], "health_cooperation"),
        ),
        (
            "Indonesia is one of 11 countries receiving TB preventive treatments",
            I("USA", ["WORLD"], "countries", 11),
        ),
    ],
    "385_usaid_indonesia_cepat_tuberculosis_jakarta_2014.txt": [
        (
            "the U.S. Embassy Deputy Chief of Mission Kristen Baur and Jakarta Governor Joko Widodo launched the Community Empowerment of People Against Tuberculosis (CEPAT) health program in Jakarta",
            E(
                "USA",
                ["IDN"],
                "health_cooperation",
                2014,
                12e6,
                "USD",
                name="Community Empowerment of People Against Tuberculosis",
            ),
        ),
    ],
    "386_hc_australia_png_provincial_health_authorities_covid_9_6m.txt": [
        (
            "The Australian Government has committed AUD9.6 million (around PGK21.4 million) in funding to Papua New Guinea’s Provincial Health Authorities and the Autonomous Bougainville Government to support provincial COVID-19 preparedness and response activities.",
            E("AUS", ["PNG"], "health_cooperation", None, 9.6e6, "AUD"),
        ),
    ],
    "387_embassy_australia_vietnam_human_resource_development_program_2016.txt": [
        (
            "The Australian and Vietnamese Governments today signed a Subsidiary Arrangement for the implementation of the Vietnam-Australia Human Resource Development Program, 2016 – 2020.",
            E(
                "AUS",
                ["VNM"],
                "people_exchange",
                2016,
                146e6,
                "AUD",
                year_end=2020,
                name="Vietnam-Australia Human Resource Development Program",
            ),
        ),
    ],
    "388_embassy_brunei_fulbright_us_asean_visiting_scholar_call_fy24.txt": [
        (
            "The FY24 Competition for Fulbright U.S.-ASEAN Visiting Scholar Awards is now OPEN.",
            E("USA", ["ASEAN"], "people_exchange", name="Fulbright U.S.-ASEAN Visiting Scholar Awards"),
        ),
        ("Since the program began in 2012", E("USA", ["ASEAN"], "people_exchange", 2012)),
        (_FULB, I("USA", ["ASEAN"], "scholars", 100, year=2012)),
        (_FULB, I("USA", ["ASEAN"], "partner_countries", 10, year=2012)),
        (
            "it is anticipated that a total of 10 awards will be made for the region",
            I("USA", ["ASEAN"], "awards", 10),
        ),
    ],
    "389_state_us_vietnam_memorandum_culture_people_to_people_ties_2024.txt": [
        (
            "Under Secretary for Public Diplomacy Liz Allen and Assistant Secretary for Educational and Cultural Affairs Lee Satterfield met with Vietnamese Vice President Vo Thi Anh Xuan and Deputy Minister of Culture, Sports and Tourism Trinh Thi Thuy in Washington, DC on March 13.",
            E("USA", ["VNM"], "diplomatic_framework", 2024),
        ),
        (
            _MOC,
            E(
                "USA",
                ["VNM"],
                "people_exchange",
                2024,
                name="Memorandum of Cooperation on Culture and People-to-People Ties",
            ),
        ),
        (
            "a November 2023 agreement that promotes further two-way academic exchange and education cooperation",
            E("USA", ["VNM"], "people_exchange", 2023),
        ),
        (
            "the establishment of the Comprehensive Strategic Partnership with Vietnam",
            E("USA", ["VNM"], "diplomatic_framework", name="Comprehensive Strategic Partnership"),
        ),
        (
            "the United States is developing a range of programs to promote STEM education by expanding Fulbright Student scholarships to STEM fields",
            E("USA", ["VNM"], "people_exchange"),
        ),
    ],
    "390_state_tenth_us_vietnam_joint_committee_science_technology_2018.txt": [
        (
            "The U.S. Department of State will host the plenary session of the tenth U.S.-Vietnam Joint Committee Meeting on Science and Technology",
            E(
                "USA",
                ["VNM"],
                "science_cooperation",
                2018,
                name="U.S.-Vietnam Joint Committee Meeting on Science and Technology",
            ),
        ),
        (
            "the tenth U.S.-Vietnam Joint Committee Meeting on Science and Technology",
            I("USA", ["VNM"], "joint_committee_meetings", 10, year=2018),
        ),
    ],
    "391_hc_australia_nz_direct_aid_program_cook_islands_niue_2016.txt": [
        (
            "The Australian High Commission is now accepting applications for the Australian Government’s 2016-17 Direct Aid Program grants round.",
            E("AUS", ["COK", "NIU"], "oda_grant", 2016, year_end=2017, name="Direct Aid Program"),
        ),
        (
            "a mental health rehabilitation program in the Cook Islands",
            E("AUS", ["COK"], "health_cooperation", name="Direct Aid Program"),
        ),
        (
            "an electronic reading program for young people in Niue",
            E("AUS", ["NIU"], "technical_cooperation", name="Direct Aid Program"),
        ),
    ],
}
