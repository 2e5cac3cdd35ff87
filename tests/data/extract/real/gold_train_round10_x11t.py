"""Hand annotations of the training-only documents 170-178 (round 10, x11t), merged by make_gold.py.

Sentence shapes the corpus has few of: relief releases whose acts are tranches, a running total and
an itemised list of channels (Ministry of Foreign Affairs of Japan, Typhoon Haiyan/Yolanda 2013 and
Typhoon Ketsana 2009, the latter with a table of the partner's damage figures), Embassy of Japan in
Papua New Guinea releases on exchanges of notes and grassroots grant contracts (amounts in yen and
kina, "The first one was ...", "three(3)grant contract"), an Australian minister's spoken doorstop
in Vanuatu (a visit counted in the first person, a partner leader's visit to the donor, an amount
in vatu before Australian dollars, a navy ship sent with helicopters), and two Department of
Defense stories on Pacific Partnership in Timor-Leste. Annotated by x11t from the texts alone,
following README.md "Annotation guidelines" (with the round-9 clarifications), BEFORE any extractor
was run on these documents. TRAINING ONLY (manifest groups ``train-only:...``).

Decisions (applied the same way in every document):
* a relief decision stated with a tranche ("additional Emergency Grant Aid of 20 million USD") and
  the earlier tranche stated on its own ("the aid of 10 million USD announced on November 12") are
  two engagements; "30 million USD ... in total" and "52.1 million USD ... in total" are aid_total
  indicators; list items under a total that is only an indicator are the acts (relief goods,
  assistance through NGOs, a contribution to an ADB trust fund: ``fund_contribution``), except an
  item that is the sum of tranches already recorded ("Emergency Grant Aid: 30 million USD");
* a dispatch of relief teams or assessment personnel is ``disaster_cooperation``; "has already
  dispatched" with no time word takes no year; "two JICA experts" is a personnel count;
* the partner's own damage figures (deaths, evacuees, damaged houses) and a UN flash appeal are not
  records; beneficiaries of an act ("approximately 670,000 victims") are an indicator, its repeat in
  a details table is not;
* "The first one was the provision of the Police vehicles" inherits the year of the signing it
  refers back to; police vehicles are ``security_agreement``, ICT equipment for teachers colleges
  ``technical_cooperation``, grassroots grants and bridges ``oda_grant``; "in FY2023" gives 2023;
  a contract count ("three(3)grant contract") is an indicator; bridges and classrooms are items;
* amounts in two currencies keep the first stated: kina before yen, vatu before Australian dollars;
* "This is my third visit to Vanuatu" is a visit plus its count; a partner prime minister's visit
  to Australia is the partner's act; a navy ship sent with helicopters for recovery is
  ``disaster_cooperation``;
* a Pacific Partnership mission stop is ``disaster_cooperation`` of the United States and its health
  engagements ``health_cooperation`` (as in documents 33-34); "ten years ago" in a 2016 story gives
  2006; a facility's projected trainees and the partner's municipalities it will serve are
  projections of the partner's own training, not recorded; "now in its 14th iteration" counts a
  multinational series with no partner state and is not recorded.

Batch 2 (179-183, annotated after batch 1 was committed, before any extractor ran on them): two
White House fact sheets of President Obama's 2010 visit to Indonesia (the Science and Technology
Cooperation Agreement, a science envoy, a Frontiers of Science contribution; the Comprehensive
Partnership's list items: its announcement, the inaugural Joint Commission, a Plan of Action with
six working groups, the Peace Corps' return), a State Department joint statement on the fourth
U.S.-Indonesia Joint Committee Meeting on Science and Technology, and two DFAT trade pages
(IA-CEPA's goods outcomes; AANZFTA's entry into force for Indonesia), chosen for science and trade
acts and for trade statistics, which the corpus has few of.
* "earlier this year" and "In May" on a dated fact sheet take its year; an undated page gives a
  year only where the clause states one ("In June 2010", "signed in 2009", "in 2019");
* a programme of the donor with a worldwide scope ("the new U.S. Science Envoy Program announced
  by President Obama in 2009") is toward WORLD; "already contributed $250,000" with no time word
  takes no year;
* a launched partnership, its earlier announcement, an inaugural commission session and a plan of
  action are separate ``diplomatic_framework`` acts; "Six working groups" and "the fourth ...
  Joint Committee Meeting" are count indicators; "agreed to hold a workshop on biodiversity in
  2019" is an agreed act; "further explore the signing" is an aim; a partner delegation's visits
  to the donor's science agencies are the partner's ``science_cooperation``;
* a trade agreement described by its outcomes is one ``trade_agreement`` record of the donor power
  of the pair (AUS); its entry into force for a partner and the launch of its negotiations are
  acts with their years; its provisions ("Australia will eliminate all of our remaining tariffs")
  are not separate records, but the stated shares ("Over 99 per cent ...") are indicators;
  bilateral trade figures and trading-partner ranks are indicators (unit AUD for "$" on a DFAT page,
  rank as stated); "AANZFTA will be in force for all 12 signatories" is a count.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E, I  # noqa: E402

GOLD_TRAIN_ROUND10_X11T = {
    "170_mofa_japan_philippines_typhoon_emergency_grant_2013.txt": [
        (
            "On November 15, the Government of Japan decided to extend additional Emergency Grant Aid of 20 million USD to the Philippines",
            E("JPN", ["PHL"], "disaster_cooperation", 2013, 20e6, "USD"),
        ),
        (
            "With the aid of 10 million USD announced on November 12",
            E("JPN", ["PHL"], "disaster_cooperation", 2013, 10e6, "USD"),
        ),
        (
            "30 million USD (3 billion JPY) in total will be provided for humanitarian assistance to the affected population",
            I("JPN", ["PHL"], "aid_total", 30e6, "USD"),
        ),
        (
            "With this aid, Japan extends app. 52.1 million USD (app. 5.21 billion JPY)in total for the Philippine typhoon disaster.",
            I("JPN", ["PHL"], "aid_total", 52.1e6, "USD"),
        ),
        (
            "the dispatch of Japan Disaster Relief Team (Medical team and Japan Self-Defense Force Unit)",
            E("JPN", ["PHL"], "disaster_cooperation"),
        ),
        (
            "(2) Emergency Relief Goods: app. 0.6 million USD",
            E("JPN", ["PHL"], "disaster_cooperation", None, 0.6e6, "USD"),
        ),
        (
            "(3)Assistance through Japanese NGOs (JPF): 1.5 million USD",
            E("JPN", ["PHL"], "disaster_cooperation", None, 1.5e6, "USD"),
        ),
        (
            "(4)Japan Fund for Poverty Reduction (JFPR) of Asian Development Bank (ADB): 20 million USD",
            E(
                "JPN",
                ["PHL"],
                "fund_contribution",
                None,
                20e6,
                "USD",
                name="Japan Fund for Poverty Reduction",
            ),
        ),
    ],
    "171_mofa_japan_philippines_yolanda_relief_goods_2013.txt": [
        (
            "On November 12, the Government of Japan decided to provide emergency relief goods worth up to 60 million yen (approximately 607,000 US dollars) to the Republic of the Philippines",
            E("JPN", ["PHL"], "disaster_cooperation", 2013, 60e6, "JPY"),
        ),
        (
            "The Japanese Government has already dispatched the Japan Disaster Relief (JDR) Medical Team to the affected area.",
            E("JPN", ["PHL"], "disaster_cooperation"),
        ),
        (
            "The Japanese government has also dispatched personnel from Japan's Ministry of Foreign Affairs and JICA for the damage assessment",
            E("JPN", ["PHL"], "disaster_cooperation"),
        ),
        (
            "had two JICA experts join the United Nations Disaster Assessment and Coordination (UNDAC) team",
            I("JPN", ["PHL"], "experts", 2),
        ),
        (
            "On November 12, the Japanese government also announced the provision of emergency grant aid of 10 million US dollars through international organizations.",
            E("JPN", ["PHL"], "disaster_cooperation", 2013, 10e6, "USD"),
        ),
    ],
    "172_mofa_japan_philippines_ketsana_emergency_grant_2009.txt": [
        (
            "The Government of Japan decided on October 9 (Fri) to extend emergency\ngrant aid of 4.5 million USD to the Republic of the Philippines",
            E("JPN", ["PHL"], "disaster_cooperation", 2009, 4.5e6, "USD"),
        ),
        (
            "This grant aid aims to provide urgently needed food to approximately\n670,000 victims of the disaster.",
            I("JPN", ["PHL"], "beneficiaries", 670000),
        ),
        (
            "Japan provided emergency relief goods (sleeping mats, blankets, etc.) equivalent to approximately 20 million JPY to the Government of the Republic of the Philippines on September 20 (Wed).",
            E("JPN", ["PHL"], "disaster_cooperation", 2009, 20e6, "JPY"),
        ),
    ],
    "173_emb_japan_png_police_vehicles_ict_2024.txt": [
        (
            "The first one was the provision of the Police vehicles, which is worth 500 million yen",
            E("JPN", ["PNG"], "security_agreement", 2024, 500e6, "JPY"),
        ),
        (
            "the provision of ICT equipment for Teachers Colleges, which is worth 400 million yen",
            E("JPN", ["PNG"], "technical_cooperation", 2024, 400e6, "JPY"),
        ),
    ],
    "174_emb_japan_png_ggp_2023.txt": [
        (
            "Ambassador WATANABE signed three(3)grant contract (approximately 760,000 kina(equivalent to approximately 30 million Japanese yen))of Grassroots Human Security Projects(GGP)for PNG in FY2023",
            E(
                "JPN",
                ["PNG"],
                "oda_grant",
                2023,
                760000,
                "PGK",
                name="Grant Assistance for Grassroots Human Security Projects",
            ),
        ),
        (
            "Ambassador WATANABE signed three(3)grant contract (approximately 760,000 kina(equivalent to approximately 30 million Japanese yen))of Grassroots Human Security Projects(GGP)for PNG in FY2023",
            I("JPN", ["PNG"], "grant_contracts", 3, year=2023),
        ),
    ],
    "175_emb_japan_png_iron_bridges_2022.txt": [
        (
            "Japan will provide a grant assistance of 400 million yen, or approximately 10 million kina for provision of maximum of eight assembled bridges.",
            E("JPN", ["PNG"], "oda_grant", None, 400e6, "JPY"),
        ),
    ],
    "176_dfat_conroy_vanuatu_pango_doorstop.txt": [
        ("This is my third visit to Vanuatu in five months", E("AUS", ["VUT"], "diplomatic_framework")),
        ("This is my third visit to Vanuatu in five months", I("AUS", ["VUT"], "minister_visits", 3)),
        (
            "the signing of the bilateral security agreement between Foreign Minister Wong and Prime Minister Kalsakau",
            E("AUS", ["VUT"], "security_agreement"),
        ),
        (
            "Prime Minister Kalsakau’s very successful visit as a guest of the Government to Australia last month",
            E("VUT", ["AUS"], "diplomatic_framework"),
        ),
        (
            "Australia will be providing an additional (655) million vatu, or eight million Australian dollars in further assistance to support your cyclone recovery",
            E("AUS", ["VUT"], "disaster_cooperation", None, 655e6, "VUV"),
        ),
        (
            "the four and a half million dollars we immediately dispersed through the non-government organisations",
            E("AUS", ["VUT"], "disaster_cooperation", None, 4.5e6, "AUD"),
        ),
        (
            "We were privileged to send over HMAS Canberra, the largest vessel in the Australian navy, as soon as possible with helicopters, with personnel to support the recovery effort",
            E("AUS", ["VUT"], "disaster_cooperation"),
        ),
    ],
    "177_indopacom_pacific_partnership_2019_timor_leste_lab.txt": [
        (
            "Timorese leaders and Pacific Partnership 2019 (PP19) participants attended a ground-breaking ceremony at the Timor-Leste National Institute of Health (Instituto Nacional de Saude-INS) in Dili, April 24.",
            E("USA", ["TLS"], "disaster_cooperation", 2019, name="Pacific Partnership 2019"),
        ),
        (
            "The event marked new construction of a two-room lab and four-stall restroom.",
            E("USA", ["TLS"], "health_cooperation", 2019),
        ),
    ],
    "178_cpf_pacific_partnership_2016_timor_leste.txt": [
        (
            "USNS Mercy and the Pacific Partnership team departed Timor-Leste June 21 after two weeks of subject matter expert exchanges in civil-military disaster response preparedness, cooperative health engagements and engineering projects.",
            E("USA", ["TLS"], "disaster_cooperation", 2016, name="Pacific Partnership 2016"),
        ),
        (
            "USNS Mercy and the Pacific Partnership team departed Timor-Leste June 21 after two weeks of subject matter expert exchanges in civil-military disaster response preparedness, cooperative health engagements and engineering projects.",
            E("USA", ["TLS"], "health_cooperation", 2016),
        ),
        (
            "the partnerships we began ten years ago when Pacific Partnership first visited Timor-Leste",
            E("USA", ["TLS"], "disaster_cooperation", 2006),
        ),
        (
            "A key event of this mission stop was the five-day humanitarian assistance and disaster relief (HADR) symposium, which was co-hosted by the Timor-Leste defense force Falantil-Forca Defeza Timor Leste (F-FDTL) and Pacific Partnership.",
            E("USA", ["TLS"], "disaster_cooperation", 2016),
        ),
    ],
    "179_whitehouse_us_indonesia_science_technology_2010.txt": [
        (
            "A Science and Technology Cooperation Agreement was signed earlier this year",
            E("USA", ["IDN"], "science_cooperation", 2010),
        ),
        (
            "In May, Dr. Bruce Alberts, editor-in-chief of Science magazine and former President of the U.S. National Academy of Sciences, traveled to Indonesia",
            E("USA", ["IDN"], "science_cooperation", 2010),
        ),
        (
            "the new U.S. Science Envoy Program announced by President Obama in 2009",
            E("USA", ["WORLD"], "science_cooperation", 2009, name="U.S. Science Envoy Program"),
        ),
        (
            "the United States is establishing a National Academies Frontiers of Science program in Indonesia to deepen collaboration between early-career scientists in our two countries, to which the U.S. Government already contributed $250,000",
            E("USA", ["IDN"], "science_cooperation", None, 250000, "USD", name="Frontiers of Science"),
        ),
    ],
    "180_whitehouse_us_indonesia_comprehensive_partnership_2010.txt": [
        (
            "Today, President Obama and President Yudhoyono reviewed the broad range of cooperation between our two governments and formally launched the U.S. - Indonesia Comprehensive Partnership.",
            E("USA", ["IDN"], "diplomatic_framework", name="Comprehensive Partnership"),
        ),
        (
            "In June 2010, President Obama and President Yudhoyono announced that the two countries would enter a Comprehensive Partnership",
            E("USA", ["IDN"], "diplomatic_framework", 2010),
        ),
        (
            "the U.S. Secretary of State and the Indonesian Foreign Minister co-chaired the inaugural Joint Commission session on September 17 in Washington, D.C.",
            E("USA", ["IDN"], "diplomatic_framework", name="Joint Commission"),
        ),
        (
            "Plan of Action: Launched publicly at the Joint Commission meeting",
            E("USA", ["IDN"], "diplomatic_framework", name="Plan of Action"),
        ),
        (
            "Six working groups meet under the Joint Commission to help implement the Plan of Action.",
            I("USA", ["IDN"], "working_groups", 6),
        ),
        (
            "The Memorandum of Understanding to re-establish the Peace Corps program in Indonesia was signed in 2009.",
            E("USA", ["IDN"], "people_exchange", 2009, name="Peace Corps"),
        ),
        (
            "In March, the first group of 20 volunteers arrived to teach English.",
            E("USA", ["IDN"], "people_exchange", name="Peace Corps"),
        ),
        (
            "In March, the first group of 20 volunteers arrived to teach English.",
            I("USA", ["IDN"], "volunteers", 20),
        ),
    ],
    "181_dfat_iacepa_outcomes_goods.txt": [
        (
            "IA‑CEPA will strengthen and shape Australia's goods trade with Indonesia for decades to come as our economies evolve and grow.",
            E("AUS", ["IDN"], "trade_agreement", name="IA-CEPA"),
        ),
        (
            "Indonesia is currently Australia's 14th largest goods trading partner",
            I("AUS", ["IDN"], "goods_trading_partner_rank", 14, "rank"),
        ),
        (
            "Over 99 per cent of Australian originating goods exports to Indonesia will enter duty free or under significantly improved or preferential arrangements.",
            I("AUS", ["IDN"], "exports_duty_free_or_preferential_share", 99, "percent"),
        ),
        (
            "In 2017, Indonesia imported around $3.8 billion worth of agricultural goods from Australia",
            I("AUS", ["IDN"], "agricultural_exports", 3.8e9, "AUD", 2017),
        ),
        (
            "almost half (49.1 per cent) of our total exports to Indonesia",
            I("AUS", ["IDN"], "agriculture_share_of_exports", 49.1, "percent", 2017),
        ),
        (
            "IA‑CEPA will provide preferential access for more than 99 per cent of Australia's agriculture goods imported by Indonesia.",
            I("AUS", ["IDN"], "agriculture_preferential_access_share", 99, "percent"),
        ),
    ],
    "182_dfat_aanzfta_indonesia_entry_into_force_2011.txt": [
        (
            "The Agreement Establishing the ASEAN-Australia-New Zealand Free Trade Area (AANZFTA) will enter into force for Indonesia on 10 January 2012.",
            E("AUS", ["IDN"], "trade_agreement", 2012, name="AANZFTA"),
        ),
        (
            "At that time, AANZFTA will be in force for all 12 signatories to the agreement.",
            I("AUS", ["ASEAN", "NZL"], "fta_signatories", 12, year=2012),
        ),
        (
            "Total goods and services trade between Australia and Indonesia stood at $12.9 billion in 2010",
            I("AUS", ["IDN"], "trade_volume", 12.9e9, "AUD", 2010),
        ),
        (
            "making Indonesia our 12th largest trading partner globally",
            I("AUS", ["IDN"], "trading_partner_rank", 12, "rank", 2010),
        ),
        (
            "fourth largest trading partner in ASEAN",
            I("AUS", ["IDN"], "trading_partner_rank_asean", 4, "rank", 2010),
        ),
        (
            "The Australian Prime Minister and Indonesian President launched the Indonesia-Australia Comprehensive Economic Partnership Agreement (IA-CEPA) negotiations in November 2010.",
            E("AUS", ["IDN"], "trade_agreement", 2010, name="IA-CEPA"),
        ),
        (
            "Western Australian merchandise exports to Indonesia (calendar year 2010) were $1.1 billion.",
            I("AUS", ["IDN"], "merchandise_exports_western_australia", 1.1e9, "AUD", 2010),
        ),
    ],
    "183_state_us_indonesia_jcm_science_technology_2018.txt": [
        (
            "The United States and Indonesia were pleased to meet May 21-23 in Washington, DC to celebrate and explore further cooperation related to science, technology, and higher education during the fourth U.S.-Indonesia Joint Committee Meeting on Science and Technology",
            E(
                "USA",
                ["IDN"],
                "science_cooperation",
                name="U.S.-Indonesia Joint Committee Meeting on Science and Technology",
            ),
        ),
        (
            "the fourth U.S.-Indonesia Joint Committee Meeting on Science and Technology",
            I("USA", ["IDN"], "joint_committee_meetings", 4),
        ),
        (
            "Both sides agreed to hold a workshop on biodiversity in 2019",
            E("USA", ["IDN"], "science_cooperation", 2019),
        ),
        (
            "The Indonesian delegation also had the pleasure to visit the National Oceanic and Atmospheric Administration National Satellite Operations Facility, National Aeronautics and Space Administration Goddard Space Flight Center, and National Science Foundation",
            E("IDN", ["USA"], "science_cooperation"),
        ),
        (
            "On May 23, Marie Royce, Assistant Secretary for the Bureau of Educational and Cultural Affairs (ECA), met Minister Nasir.",
            E("USA", ["IDN"], "diplomatic_framework"),
        ),
    ],
}
