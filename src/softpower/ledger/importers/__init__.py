"""Real-data importers: ``softpower ledger import --from NAME FILE``.

Each importer maps one family of public datasets onto the record model and returns an
:class:`ImportBatch` (records in the exchange format plus ``line``, their documents, and
rows skipped by reason). The mapping of every dataset, with its judgement calls, is in
``docs/data-mapping.md``; credits and licences are in ``docs/data-sources.md``.
"""

from __future__ import annotations

from softpower.ledger.importers import (
    aims,
    core,
    dac2a,
    gcdf,
    gcof,
    koica,
    lowy,
    ltl,
    mme,
    pew,
    plaid,
    public_diplomacy,
    sipri,
    travels,
    troops,
    uis,
    usfa,
    ussc,
)
from softpower.ledger.importers._base import RECORD_COLUMNS, ImportBatch, Importer

IMPORTERS: dict[str, Importer] = {
    imp.name: imp
    for imp in (
        Importer(
            "aiddata-gcof",
            "AidData Global Chinese Official Finance 1.0 projects → CHN engagements",
            gcof.load,
            ("GlobalChineseOfficialFinanceDataset*.csv",),
        ),
        Importer(
            "aiddata-gcdf",
            "AidData GCDF 3.0 pieces: geocoded / high-value projects → CHN engagements; recipient-year totals → indicators",
            gcdf.load,
            ("gcdf3_geocoded_projects*.csv", "gcdf3_high_value*.csv", "gcdf3_recipient_year*.csv"),
        ),
        Importer(
            "aiddata-public-diplomacy",
            "AidData China public diplomacy (EAP, SCA, dashboard): country-year indicators, financial-diplomacy engagements",
            public_diplomacy.load,
            (
                "ChinasPublicDiplomacyin*.csv",
                "ChinesePublicDiplomacy.csv",
                "*FinancialPublicDiplomacyProjectDetails.csv",
                "ChinasFinancialDiplomacyProjectDetails.csv",
            ),
        ),
        Importer(
            "aiddata-aims",
            "AidData geocoded AIMS (Timor-Leste, Nepal, Bangladesh): projects by state donor → engagements",
            aims.load,
            ("*__projects.csv",),
        ),
        Importer(
            "koica",
            "AidData/KOICA Korea project database 1991-2007 → KOR engagements",
            koica.load,
            ("Korea_KOICA_Project_Database*.csv",),
        ),
        Importer(
            "listening-to-leaders",
            "AidData 2017 Listening to Leaders: donor influence/helpfulness shares → perceptions",
            ltl.load,
            ("donors_global.csv", "donors_regions.csv"),
        ),
        Importer(
            "ussc-survey",
            "US Studies Centre Asia survey 2016-2017 microdata → weighted perception shares of US and China",
            ussc.load,
            ("ussc_asia_survey*.csv",),
        ),
        Importer(
            "lowy-gdi",
            "Lowy Global Diplomacy Index posts → diplomatic_posts indicators (sender → host)",
            lowy.load,
            ("globaldiplomacyindex_posts.csv",),
        ),
        Importer(
            pew.DATASET,
            "Pew Global Attitudes % favourable of a country by public and wave → perceptions (2017+ waves evaluation-only)",
            pew.load,
            pew.PATTERNS,
        ),
        Importer(
            dac2a.DATASET,
            "OECD DAC2A ODA disbursements donor x recipient x aid type, 2009-2022 → oda_* indicators (USD, constant 2022)",
            dac2a.load,
            dac2a.PATTERNS,
        ),
        Importer(
            sipri.DATASET,
            "SIPRI arms transfers (360info): supplier → recipient TIV per year → arms_transfers indicators",
            sipri.load,
            sipri.PATTERNS,
        ),
        Importer(
            uis.DATASET,
            "UNESCO UIS student flows, top-10 partners (360info) → students_hosted indicators (host → origin)",
            uis.load,
            uis.PATTERNS,
        ),
        Importer(
            mme.DATASET,
            "Multinational Military Exercises v7 → joint_exercises indicators for every pair of participants",
            mme.load,
            mme.PATTERNS,
        ),
        Importer(
            troops.DATASET,
            "US military presence (troopdata): troops, military_construction and bases indicators by host",
            troops.load,
            troops.PATTERNS,
        ),
        Importer(
            travels.DATASET,
            "Travels of the US President and Secretary of State → high_level_visits indicators by host and year",
            travels.load,
            travels.PATTERNS,
        ),
        Importer(
            plaid.DATASET,
            "AidData PLAID 1.9 commitments donor x recipient x year, 1947-2008 → aid_commitment (USD, constant 2000)",
            plaid.load,
            plaid.PATTERNS,
        ),
        Importer(
            usfa.DATASET,
            "ForeignAssistance.gov US obligations and disbursements by country and fiscal year → assistance_* (USD, current)",
            usfa.load,
            usfa.PATTERNS,
        ),
        Importer(
            core.DATASET,
            "AidData Core 3.1 commitments by sector group, US + 17 donors, 1973-2013 → sector_commitment_* (USD, constant 2011)",
            core.load,
            core.PATTERNS,
        ),
    )
}

__all__ = ["IMPORTERS", "RECORD_COLUMNS", "ImportBatch", "Importer"]
