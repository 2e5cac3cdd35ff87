"""``aiddata-plaid``: AidData PLAID 1.9 commitments by donor x recipient x year, 1947-2008.

The shared file sums PLAID project commitments (constant 2000 USD) per donor, recipient,
year and environmental-impact code. The codes partition the projects, so the importer sums
over them: one ``aid_commitment`` indicator per (donor, recipient, year), ``unit = "USD"``,
``amount_basis = "commitment"``, ``price_basis = "constant"``, ``price_year = 2000``.
Multilateral donors (ADB, World Bank, UN agencies, the European Commission ``EC``...) are
not states and are skipped; so are regional and organisational recipients and former states.
Rows without a year or an amount are skipped and counted.

References
----------
AidData, *PLAID 1.9* (Project-Level Aid), environmental aggregate ``env_plaid19_agg.csv``;
GitHub ``AidData-WM/public_datasets``, ``PLAID/``. Hicks, Parks, Roberts & Tierney (2008),
*Greening Aid?*, Oxford University Press.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.ledger.importers._base import (
    AIDDATA,
    ImportBatch,
    concat,
    count,
    find_files,
    make_records,
    read_table,
)
from softpower.ledger.importers._strict import amounts, country_names, drop, year_column

DATASET = "aiddata-plaid"
PATTERNS = ("env_plaid19_agg*.csv",)
REQUIRED = ("donor", "recipient", "year", "commitment_usd2000")
TITLE = "AidData PLAID 1.9: aid commitments by donor, recipient and year (constant 2000 USD)"
URL = "https://github.com/AidData-WM/public_datasets/tree/master/PLAID"
PRICE_YEAR = 2000

NOT_A_STATE = "donor is not a state (multilateral agency, fund or the European Commission)"
_MULTILATERAL_DONORS = [
    "ACBF",
    "AFDB",
    "AFDF",
    "AFESD",
    "ASDB",
    "ASDF",
    "BADEA",
    "CAF",
    "CDB",
    "EBRD",
    "EC",
    "FAO",
    "FTI",
    "GAVI",
    "GEF",
    "GFATM",
    "IADB",
    "IBRD",
    "IDA",
    "IFAD",
    "IFC",
    "IMF",
    "ISDB",
    "NADB",
    "NDF",
    "NTF",
    "OPEC",
    "UNAIDS",
    "UNDEF",
    "UNDP",
    "UNECE",
    "UNESCAP",
    "UNESCWA",
    "UNFPA",
    "UNICEF",
    "WTO",
] + [
    "WTO - International Trade Centre",
    "World Bank Carbon Finance Unit",
    "World Bank Managed Trust Funds",
]
DONOR_NON_STATES = dict.fromkeys(_MULTILATERAL_DONORS, NOT_A_STATE)

REGION = "recipient is a region, an organisation or unspecified"
FORMER = "recipient is a former state without an ISO code"
_REGIONAL_RECIPIENTS = [
    "AFDB", "AFDF", "ALADI", "APEC", "APSDEP", "ASDB", "ASEAN", "AU", "EC", "Africa, regional",
    "African National Congress", "America, regional", "Arab Countries", "Asia, regional",
    "Bilateral, unspecified", "CERF", "CP", "CPSC", "CSD", "CSF", "Central Asia, regional",
    "Commit. Coastal Geoscience Pro", "EAC", "East African Community", "Europe, regional", "FAO",
    "FFA", "Far East Asia, regional", "GLOBAL", "Global", "IDC", "IFAD", "IOM", "IPPF", "ITLOS",
    "IVI", "LATIN AMERICA, regional", "MEDRC", "MOWCA", "MRC", "Middle East, regional",
    "N. & C. America, regional", "NOWPAP-UNEP Regional Sea Programme",
    "North & Central America, regional", "North of Sahara, regional", "OAS", "OAU", "OCHA", "OECD",
    "ONCHO", "OSCAL", "Oceania, regional", "PC", "PIF", "SEARCCT", "SIDS", "SOPAC", "SPC", "SPF",
    "South & Central Asia, regional", "South America, regional", "South Asia, regional",
    "South of Sahara, regional", "UNAIDS", "UNCTAD", "UNDP", "UNECA", "UNEP", "UNESCAP", "UNESCO",
    "UNESCWA", "UNFPA", "UNHABITAT", "UNHCR", "UNICEF", "UNIDO", "UNIDROIT", "UNIFEM", "UNV",
    "UNWTO", "United Nations", "WAPP", "WCPFC", "WFP", "WHO", "WTO", "West Indies, regional",
    "World Bank", "no value", "",
]  # fmt: skip
_FORMER_STATES = [
    "ALAND ISLANDS_INACTIVE", "Czechoslovakia", "Netherlands Antilles", "SOVIET UNION",
    "Serbia and Montenegro", "South Yemen", "Soviet Union", "Sts Ex-Yugo. Unspec.", "YEMEN, NORTH",
    "YEMEN, SOUTH", "YUGOSLAVIA",
]  # fmt: skip
RECIPIENT_NON_STATES = {
    **dict.fromkeys(_REGIONAL_RECIPIENTS, REGION),
    **dict.fromkeys(_FORMER_STATES, FORMER),
}
ALIASES = {
    "Antigua & Barbuda": "ATG",
    "Central African Rep.": "CAF",
    "Congo, Dem. Rep.": "COD",
    "Congo, Rep.": "COG",
    "Falkland Islands": "FLK",
    "Hong Kong, China": "HKG",
    "Macedonia, FYR": "MKD",
    "Northern Marianas": "MNP",
    "Palestinian Adm. Areas": "PSE",
    "Reunion": "REU",
    "Sao Tome & Principe": "STP",
    "St. Helena": "SHN",
    "St. Kitts & Nevis": "KNA",
    "St. Lucia": "LCA",
    "St. Pierre & Miquelon": "SPM",
    "St.Vincent & Grenadines": "VCT",
    "Trinidad & Tobago": "TTO",
    "Turks & Caicos Islands": "TCA",
    "Virgin Islands (UK)": "VGB",
    "Wallis & Futuna": "WLF",
}


def load_file(f: Path) -> ImportBatch:
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    year = year_column(df, "year", f, required=False)
    value = amounts(df, "commitment_usd2000", f)
    donor, why_d = country_names(df, "donor", f, non_states=DONOR_NON_STATES)
    recipient, why_r = country_names(df, "recipient", f, aliases=ALIASES, non_states=RECIPIENT_NON_STATES)
    keep = drop(drop(np.ones(len(df), dtype=bool), why_d, skipped), why_r, skipped)
    count(skipped, keep & np.isnan(year), "no year")
    keep &= ~np.isnan(year)
    count(skipped, keep & np.isnan(value), "no commitment amount")
    keep &= ~np.isnan(value)
    own = keep & (donor == recipient)
    count(skipped, own, "donor and recipient the same country")
    keep &= ~own
    sel = pd.DataFrame(
        {
            "donor": donor[keep],
            "recipient": recipient[keep],
            "year": year[keep].astype(int),
            "value": value[keep],
            "line": df["line"].to_numpy()[keep],
        }
    )
    g = sel.groupby(["donor", "recipient", "year"], sort=True).agg(
        value=("value", "sum"), line=("line", "min"), n=("line", "size")
    )
    g = g.reset_index()
    n_merged = int(len(sel) - len(g))
    if n_merged:
        skipped["summed into its donor-recipient-year (environment codes)"] += n_merged
    records = make_records(
        len(g),
        doc=np.array([f"{DATASET}:{y}" for y in g["year"]], dtype=object),
        kind="indicator",
        actor=g["donor"].to_numpy(),
        partners=[[r] for r in g["recipient"]],
        metric="aid_commitment",
        unit="USD",
        year=g["year"].to_numpy(dtype=float),
        value=g["value"].to_numpy(dtype=float),
        amount_basis="commitment",
        price_basis="constant",
        price_year=PRICE_YEAR,
        line=g["line"].to_numpy(),
    )
    documents = [
        {
            "id": f"{DATASET}:{y}",
            "title": f"{TITLE}, {y}",
            **AIDDATA,
            "date": None,
            "url": URL,
        }
        for y in sorted(g["year"].unique())
    ]
    return ImportBatch(records, documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load ``env_plaid19_agg*.csv`` (or every such file in a folder)."""
    return concat([load_file(f) for f in find_files(path, PATTERNS)])
