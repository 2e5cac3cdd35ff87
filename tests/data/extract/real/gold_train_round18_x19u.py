"""Hand annotations of the training-only documents added in round 18 by x19u (500-511), merged by make_gold.py.

Twelve openly licensed texts chosen for the genres and acts the training half has least of and that
AidData's Indo-Pacific classes read worst (technical cooperation .679, people exchange .613, cultural
.714 in round 17): training of officials and experts' capacity building told as news (506-508, 504),
exchange and volunteer programmes with their counts (502, 503, 509), a cultural preservation award
(510), relief counted in pounds, people evacuated, personnel and aircraft (501, 505), an act financed
jointly by several donor states (500: the United States with Australia and Japan for Palau's cable;
501: the British and New Zealand relief beside Australia's), and leaders named by title and surname
(511: "Prime Minister Albanese", "Prime Minister Marape"). Publishers counted in manifest.csv before
the search: JICA 7 texts, USAID Vietnam 2, U.S. Embassy Hanoi 1, the Australian Prime Minister 3, the
Australian Minister for Defence 0, the Marine Corps 2. Licences: United States federal works (public
domain, 17 U.S.C. 105); Government of Japan Standard Terms of Use 2.0 (JICA); CC BY 4.0 (Commonwealth
of Australia). Annotated by x19u from the texts alone, following README.md "Annotation guidelines"
(with the round-9 to round-17 clarifications), BEFORE any extractor was run on these documents.
TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* **an act of several donor states together** ("The United States, in partnership with the governments
  of Australia, Japan, and Palau, will finance ...") is one record per donor state toward the partner
  (the seeds' collective acts; round 13's multinational team), each with the act's stated value, since
  the text gives no state's share; the named partnership between the donors under which it is done is a
  ``diplomatic_framework`` record of the first-named donor toward the others, without a year (500);
* **relief in waves** (round 11): an operation stated as ongoing is one record; each flight,
  evacuation or team airlift the text dates on its own ("late yesterday", "today", "tomorrow") is a
  record of its own; counts of the effort (people evacuated, personnel, aircraft, pounds of supplies,
  passengers) are indicators beside them (501, 505); a ship's "possible deployment" is not yet an act;
  relief of another donor told beside the main one (a British C-17A, the New Zealand Defence Force) is
  that donor's record (501); the counterparts the force "works closely with" are not records;
* a count that is the capacity of a system ("will enable VCS to simultaneously host more than 1,000
  e-learning trainees") is not an indicator (round 9's capacities); a count of officials trained in a
  completed course is (507); the countries a programme is open to are a count beside it (503);
* a programme's first dispatch or launch dated in the text ("the initial dispatch of Japan Overseas
  Cooperation Volunteers (JOCV) to Samoa in 1972", "In 1992, when the first Fulbright program was
  launched here") is the programme's record with that year, and "Since then, nearly 5,000 ..." a
  cumulative indicator that takes the year by the explicit back-reference (as document 346); the same
  programme described generically in the text's framing ("The dispatch of Japanese volunteers ... are
  prime examples") is not a second record; the acceptance of officials into training programmes in
  Japan is technical cooperation toward the Pacific island countries (502);
* a conference co-hosted by a donor for a partner group is that donor's ``diplomatic_framework``
  toward the group (502); a senior aid official's trip to several partners is one visit record, the
  discussions held with the host during it are its parts (round 12), and a business forum attended on
  the trip is a record of its own toward its host state (508, as 482);
* a leaders' meeting between a donor and a partner is the donor's record (symmetric acts); a
  partnership the leaders "reaffirmed", named without a year, is a record without one (as 484); a
  leader's address to the other state's parliament is the addressing state's act with its date; the
  "scale-up" of a named, costed partnership "that covers the period 2024-2027" is a record with its
  amount and period, ``oda_grant`` (law and justice is governance aid) (511);
* years: a release's dateline gives the year of acts it dates by day and month or by "today",
  "yesterday" and "tomorrow" (501, 505-508, as 489); a present-perfect statement with no time word takes
  none (505's "has directed", 509's "who have participated", 510's "more than 640"); a cultural award
  "in 2010" keeps that year on the sentence that gives its sum (510); an undated page gives none (500);
* not annotated: the Asian Development Bank's loan (a multilateral lender, 500); a donor's own
  institutions (the Fund's establishment by Congress, 510); aims and plans ("Another cohort of this
  program is being planned", 507; "JICA is helping to nurture", 503); an individual scholar's studies
  inside the programme already recorded (503); a tree planted "to mark the 25th year of bilateral ties",
  whose year the text does not give (506).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

CABLE = (
    "The United States, in partnership with the governments of Australia, Japan, and Palau, will finance the "
    "construction of an undersea fiber optic cable to the Republic of Palau  valued at approximately $30 million"
)
HAIYAN = (
    "From Nov. 10-13 approximately 250 U.S. personnel, eight Marine Corps MV-22B Ospreys and multiple KC-130J "
    "Hercules arrived in the Philippines."
)
DELIVERED = (
    "personnel delivered more than 129,000 pounds of relief supplies – food, water and other emergency supplies – "
    "provided by the Philippine government and the U.S. Agency for International Development, and transported "
    "more than 140 passengers in the storm-ravaged area"
)
SEMINARS = (
    "U.S. Embassy Hanoi celebrated the successful completion of an English language training seminar series for "
    "over 100 Vietnamese government officials"
)
LEADS = (
    "Pacific-LEADS is a study-in-Japan program aimed at young professionals from the governments and private "
    "sectors of 14 countries in the South Pacific Islands that JICA has been carrying out since 2016."
)

GOLD_TRAIN_ROUND18_X19U = {
    "500_state_us_australia_japan_palau_undersea_cable_2020.txt": [
        (CABLE, E("USA", ["PLW"], "oda_grant", None, 30e6, "USD")),
        (CABLE, E("AUS", ["PLW"], "oda_grant", None, 30e6, "USD")),
        (CABLE, E("JPN", ["PLW"], "oda_grant", None, 30e6, "USD")),
        (
            "the Trilateral Partnership for Infrastructure Investment in the Indo-Pacific between the United States, Australia and Japan",
            E(
                "USA",
                ["AUS", "JPN"],
                "diplomatic_framework",
                name="Trilateral Partnership for Infrastructure Investment in the Indo-Pacific",
            ),
        ),
    ],
    "501_minister_defence_operation_pacific_assist_vanuatu_update_2015.txt": [
        (
            "Defence continues to support the Australian Government assistance mission to Vanuatu through Operation PACIFIC ASSIST 2015.",
            E("AUS", ["VUT"], "disaster_cooperation", 2015, name="Operation PACIFIC ASSIST"),
        ),
        (
            "The Royal Australian Air Force (RAAF) evacuated 199 people from Vanuatu to Brisbane late yesterday.",
            E("AUS", ["VUT"], "disaster_cooperation", 2015),
        ),
        (
            "The Royal Australian Air Force (RAAF) evacuated 199 people from Vanuatu to Brisbane late yesterday.",
            I("AUS", ["VUT"], "people_evacuated", 199, year=2015),
        ),
        (
            "There are currently approximately 50 ADF personnel deployed on the ground in Vanuatu.",
            I("AUS", ["VUT"], "personnel", 50, year=2015),
        ),
        (
            "Today a C-17A Globemaster III aircraft and a C-130J Hercules aircraft will continue moving personnel and equipment to Vanuatu",
            E("AUS", ["VUT"], "disaster_cooperation", 2015),
        ),
        (
            "a second C-17A prepares to transport additional humanitarian aid stores to Vanuatu tomorrow",
            E("AUS", ["VUT"], "disaster_cooperation", 2015),
        ),
        (
            "An Urban Search and Rescue Team is scheduled to be airlifted to Port Vila today.",
            E("AUS", ["VUT"], "disaster_cooperation", 2015),
        ),
        (
            "the RAAF will also deploy two KA350 King Air aircraft to Honiara, Solomon Islands, today",
            I("AUS", ["VUT"], "aircraft", 2, year=2015),
        ),
        (
            "the two RAAF AP-3C Orion aircraft that are flying imagery reconnaissance missions over northern, central and southern Vanuatu",
            I("AUS", ["VUT"], "aircraft", 2, year=2015),
        ),
        (
            "A United Kingdom Royal Air Force C-17A aircraft will arrive at RAAF Base Amberley with relief stores tomorrow and deploy to Vanuatu along side the ADF.",
            E("GBR", ["VUT"], "disaster_cooperation", 2015),
        ),
        (
            "The New Zealand Defence Force is delivering aid and relief teams to Port Vila",
            E("NZL", ["VUT"], "disaster_cooperation", 2015),
        ),
    ],
    "502_jica_president_palm10_people_to_people_exchanges_2024.txt": [
        (
            "today’s conference, ‘KIZUNA between Pacific island countries (PICs) and Japan through People-to-People Exchange’, co-hosted by the Ministry of Foreign Affairs of Japan and JICA",
            E(
                "JPN",
                ["PIC"],
                "diplomatic_framework",
                2024,
                name="KIZUNA between Pacific island countries (PICs) and Japan through People-to-People Exchange",
            ),
        ),
        (
            "the acceptance of government officials to training programs in Japan",
            E("JPN", ["PIC"], "technical_cooperation"),
        ),
        (
            "Our cooperation in the Pacific region started with the initial dispatch of Japan Overseas Cooperation Volunteers (JOCV) to Samoa in 1972.",
            E("JPN", ["WSM"], "people_exchange", 1972, name="Japan Overseas Cooperation Volunteers"),
        ),
        (
            "Since then, nearly 5,000 Japanese volunteers have lived and worked in the Pacific.",
            I("JPN", ["PIC"], "volunteers", 5000, year=1972),
        ),
    ],
    "503_jica_pacific_leads_tonga_graduate_2018.txt": [
        (LEADS, E("JPN", ["PIC"], "people_exchange", 2016, name="Pacific-LEADS")),
        (LEADS, I("JPN", ["PIC"], "partner_countries", 14, year=2016)),
    ],
    "504_jica_experts_fiji_meteorological_training_oceania_2019.txt": [
        (
            "Fom 2014 to 2018, based in Fiji, Koji Kuroiwa vigorously promoted support for the training of meteorological technicians in Oceania.",
            E("JPN", ["PIC"], "technical_cooperation", 2014, year_end=2018),
        ),
    ],
    "505_mcas_futenma_operation_damayan_lives_saved_2013.txt": [
        (
            "Secretary of Defense Chuck Hagel has directed U.S. Pacific Command to support U.S. Government humanitarian assistance and disaster relief operations in the Republic of the Philippines",
            E("USA", ["PHL"], "disaster_cooperation"),
        ),
        (HAIYAN, I("USA", ["PHL"], "personnel", 250, year=2013)),
        (HAIYAN, I("USA", ["PHL"], "aircraft", 8, year=2013)),
        (DELIVERED, I("USA", ["PHL"], "relief_pounds", 129000, unit="pounds", year=2013)),
        (DELIVERED, I("USA", ["PHL"], "passengers", 140, year=2013)),
        (
            "The aircraft also evacuated more than 160 refugees from the Tacloban area.",
            I("USA", ["PHL"], "people_evacuated", 160, year=2013),
        ),
    ],
    "506_usaid_vietnam_customs_school_elearning_mou_2020.txt": [
        (
            "On July 21, the USAID Trade Facilitation Program and VCS signed an MOU to establish an e-Learning Management System (eLMS) aimed at building the long-term capacity of Vietnam Customs.",
            E("USA", ["VNM"], "technical_cooperation", 2020, name="e-Learning Management System"),
        ),
    ],
    "507_embassy_hanoi_english_seminars_officials_lmi_2014.txt": [
        (SEMINARS, E("USA", ["VNM"], "technical_cooperation", 2013, year_end=2014)),
        (SEMINARS, I("USA", ["VNM"], "participants", 100, year=2013, year_end=2014)),
    ],
    "508_usaid_glick_visit_vietnam_customs_noi_bai_2019.txt": [
        (
            "United States Agency for International Development (USAID) Deputy Administrator Bonnie Glick is traveling to Vietnam, Thailand, Bangladesh, and Indonesia from October 29 to November 12",
            E("USA", ["VNM", "THA", "BGD", "IDN"], "diplomatic_framework", 2019),
        ),
        (
            "will attend the Indo-Pacific Business Forum in Bangkok",
            E("USA", ["THA"], "investment_promotion", 2019, name="Indo-Pacific Business Forum"),
        ),
        (
            "Through the five-year Trade Facilitation Program, USAID is supporting the GVN to adopt and implement a risk management approach to customs and specialized inspection agencies",
            E("USA", ["VNM"], "technical_cooperation", name="Trade Facilitation Program"),
        ),
    ],
    "509_embassy_hanoi_kritenbrink_fulbright_25th_anniversary_2017.txt": [
        (
            "In 1992, when the first Fulbright program was launched here",
            E("USA", ["VNM"], "people_exchange", 1992, name="Fulbright"),
        ),
        (
            "And now, after 25 years, Fulbright Vietnam offers 15 exchange programs",
            I("USA", ["VNM"], "exchange_programs", 15, year=2017),
        ),
        (
            "the nearly 1,300 Vietnamese and Americans who have participated in a Fulbright Vietnam program",
            I("USA", ["VNM"], "exchange_participants", 1300),
        ),
    ],
    "510_state_afcp_10th_year_63_projects_mongolia_2010.txt": [
        (
            "The $575,000 AFCP award to the Arts Council of Mongolia will support preservation and protection measures to reduce the risk of fire and theft at this site.",
            E(
                "USA",
                ["MNG"],
                "cultural_institution",
                2010,
                575000,
                "USD",
                name="Ambassadors Fund for Cultural Preservation",
            ),
        ),
        (
            "63 cultural heritage preservation projects to receive financial support from the U.S. Ambassadors Fund for Cultural Preservation (AFCP) in 2010",
            I("USA", ["WORLD"], "cultural_preservation_projects", 63, year=2010),
        ),
        (
            "the AFCP awards grants for the preservation of cultural sites, cultural objects and collections, and forms of traditional cultural expression in more than 100 countries",
            I("USA", ["WORLD"], "countries", 100),
        ),
        (
            "The AFCP has demonstrated America’s respect for the cultural heritage of others by supporting more than 640 preservation projects worldwide.",
            I("USA", ["WORLD"], "cultural_preservation_projects", 640),
        ),
        (
            "$625,000 to the World Monuments Fund for the conservation of the remains of the 11th-century Surp Prikitch (Church of the Holy Redeemer) at the medieval Armenian site of Ani in eastern Turkey",
            E(
                "USA",
                ["TUR"],
                "cultural_institution",
                2010,
                625000,
                "USD",
                name="Ambassadors Fund for Cultural Preservation",
            ),
        ),
    ],
    "511_pm_australia_png_annual_leaders_dialogue_2024.txt": [
        (
            "Prime Minister James Marape and Prime Minister Anthony Albanese held the fifth Papua New Guinea-Australia Annual Leaders’ Dialogue on 8 February 2024 in Canberra.",
            E(
                "AUS",
                ["PNG"],
                "diplomatic_framework",
                2024,
                name="Papua New Guinea-Australia Annual Leaders’ Dialogue",
            ),
        ),
        (
            "The Prime Ministers reaffirmed their shared commitment to the Comprehensive Strategic and Economic Partnership.",
            E(
                "AUS",
                ["PNG"],
                "diplomatic_framework",
                name="Comprehensive Strategic and Economic Partnership",
            ),
        ),
        (
            "Prime Minister Marape thanked Prime Minister Albanese for the opportunity to address the Parliament of Australia, as the first Pacific island leader to do so.",
            E("PNG", ["AUS"], "diplomatic_framework", 2024),
        ),
        (
            "Prime Minister Albanese received in delivering the first ever address by a foreign Head of Government to Papua New Guinea’s Parliament on 12 January 2023",
            E("AUS", ["PNG"], "diplomatic_framework", 2023),
        ),
        (
            "the signing of the Bilateral Security Agreement on 7 December 2023",
            E("AUS", ["PNG"], "security_agreement", 2023, name="Bilateral Security Agreement"),
        ),
        (
            "the AUD100 million Australia-Papua New Guinea Law and Justice Partnership that covers the period 2024-2027",
            E(
                "AUS",
                ["PNG"],
                "oda_grant",
                2024,
                100e6,
                "AUD",
                year_end=2027,
                name="Australia-Papua New Guinea Law and Justice Partnership",
            ),
        ),
    ],
}
