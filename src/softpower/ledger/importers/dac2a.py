"""``oecd-dac2a``: OECD DAC table 2A, ODA disbursements by donor x recipient x aid type x year.

One money indicator per (donor, recipient, year, aid-type line) for the lines that name a
distinct flow: the gross total (``oda_disbursement``), grants, gross loans, technical
cooperation, humanitarian aid and development food aid (``oda_`` metrics). Values are
millions of USD in the prices the ``Amount type`` column states (the shared copy: constant
2022 USD); the indicator holds whole dollars, ``unit = "USD"``, ``amount_basis =
"disbursement"``, ``price_basis``/``price_year`` from ``Amount type``. Net lines, debt
lines, equity, interest and the donor's imputed share of multilateral outflows are
skipped and counted. The lines overlap (gross ⊃ grants + loans; technical cooperation
and humanitarian aid are parts of it): never add metrics together.

References
----------
OECD, *Creditor Reporting System / DAC2A: Aid (ODA) disbursements to countries and regions*,
https://data-explorer.oecd.org (copy: GitHub dante042/MINT488, ``data/OECD.rda``).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import ImportBatch, concat, count, find_files, make_records, read_table
from softpower.ledger.importers._strict import amounts, country_names, year_column

DATASET = "oecd-dac2a"
PATTERNS = ("oecd_dac2a*.csv",)
REQUIRED = ("Recipient", "Donor", "Aid type", "Amount type", "Year", "Value")
TITLE = "OECD DAC2A: ODA disbursements by donor and recipient"
URL = "https://data-explorer.oecd.org"
#: DAC2A aid-type line → metric.
METRICS = {
    "Memo: ODA Total, Gross disbursements": "oda_disbursement",
    "Grants, Total": "oda_grants",
    "ODA Gross Loans": "oda_gross_loans",
    "Technical Cooperation": "oda_technical_cooperation",
    "Humanitarian Aid": "oda_humanitarian",
    "Development Food Aid": "oda_food_aid",
}
#: Lines known and left out, with the reason counted.
SKIPPED_LINES = {
    "Imputed Multilateral ODA": "imputed multilateral ODA (the donor's share of agencies' outflows, not bilateral)",
    **dict.fromkeys(
        (
            "ODA: Total Net",
            "ODA Loans: Total Net",
            "Memo: ODA Total, excl. Debt",
            "Memo: Net debt relief",
            "Grants: Debt Forgiveness",
            "Grants: Other Debt Grants",
            "Rescheduled debt",
            "Equity investment",
            "AF/Interest Subsidies",
            "Interest received",
        ),
        "net, debt, equity or interest line (overlaps the gross disbursement line)",
    ),
}
ALIASES = {
    "China (People's Republic of)": "CHN",
    "Chinese Taipei": "TWN",
    "West Bank and Gaza Strip": "PSE",
    "Saint Helena": "SHN",
    "Türkiye": "TUR",
}
_AMOUNT_TYPE = re.compile(r"^(Constant|Current) Prices(?: \((\d{4}) USD millions\)| \(USD millions\))$")


def _price_basis(df: pd.DataFrame, path: Path) -> tuple[np.ndarray, np.ndarray]:
    """``Amount type`` → (price basis, price year or NaN) per row; an unknown label fails."""
    kinds = df["Amount type"].astype(str).str.strip()
    basis = np.empty(len(df), dtype=object)
    year = np.full(len(df), np.nan)
    for label in kinds.unique():
        m = _AMOUNT_TYPE.match(label)
        if m is None or (m.group(1) == "Constant") != (m.group(2) is not None):
            i = int(np.flatnonzero((kinds == label).to_numpy())[0])
            raise InputError(
                str(path),
                int(df["line"].iloc[i]),
                "Amount type",
                f"{label!r}",
                "'Constant Prices (YYYY USD millions)' or 'Current Prices (USD millions)'",
            )
        rows = (kinds == label).to_numpy()
        basis[rows] = m.group(1).lower()
        if m.group(2):
            year[rows] = float(m.group(2))
    return basis, year


def load_file(f: Path) -> ImportBatch:
    df = read_table(f, REQUIRED)
    skipped: Counter[str] = Counter()
    year = year_column(df, "Year", f)
    value = amounts(df, "Value", f, required=True)
    basis, price_year = _price_basis(df, f)
    donor, _ = country_names(df, "Donor", f, aliases=ALIASES)
    recipient, _ = country_names(df, "Recipient", f, aliases=ALIASES)
    line_type = df["Aid type"].astype(str).str.strip()
    metric = line_type.map(METRICS).to_numpy(dtype=object)
    known_skip = line_type.isin(list(SKIPPED_LINES)).to_numpy()
    unknown = ~known_skip & pd.isna(metric)
    if unknown.any():
        i = int(np.flatnonzero(unknown)[0])
        raise InputError(
            str(f),
            int(df["line"].iloc[i]),
            "Aid type",
            f"unknown DAC2A line {line_type.iloc[i]!r}",
            "one of " + ", ".join([*METRICS, *SKIPPED_LINES]),
        )
    for label, reason in SKIPPED_LINES.items():
        count(skipped, (line_type == label).to_numpy(), reason)
    keep = ~known_skip
    own = keep & (donor == recipient)
    count(skipped, own, "donor and recipient the same country")
    keep &= ~own
    idx = np.flatnonzero(keep)
    yrs = year[idx].astype(int)
    docs = np.array([f"{DATASET}:{y}" for y in yrs], dtype=object)
    records = make_records(
        len(idx),
        doc=docs,
        kind="indicator",
        actor=donor[idx],
        partners=[[r] for r in recipient[idx]],
        metric=metric[idx],
        unit="USD",
        year=yrs.astype(float),
        value=np.round(value[idx] * 1e6, 2),
        amount_basis="disbursement",
        price_basis=basis[idx],
        price_year=price_year[idx],
        line=df["line"].to_numpy()[idx],
    )
    labels = {}
    for y in sorted(set(yrs.tolist())):
        rows = yrs == y
        bases = sorted(
            {
                f"constant {int(p)}" if b == "constant" else "current"
                for b, p in zip(basis[idx][rows], price_year[idx][rows], strict=True)
            }
        )
        labels[y] = ", ".join(bases)
    documents = [
        {
            "id": f"{DATASET}:{y}",
            "title": f"{TITLE}, {y} (USD, {labels[y]} prices)",
            "publisher": "OECD Development Assistance Committee",
            "publisher_country": None,
            "publisher_kind": "international_org",
            "date": None,
            "url": URL,
        }
        for y in sorted(labels)
    ]
    return ImportBatch(records, documents, dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load ``oecd_dac2a*.csv`` (or every such file in a folder)."""
    return concat([load_file(f) for f in find_files(path, PATTERNS)])
