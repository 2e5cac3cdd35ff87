"""``us-troops``: US military presence abroad (troopdata) → ``troops``, ``military_construction``, ``bases``.

Three tables, actor always the United States, partners = [host]:

* ``troopdata-rebuild-country-year.csv`` → ``troops`` (persons): active-duty personnel
  (``troops_ad``) in the host that year. The package's annual value is the **highest
  quarterly DMDC report of the year**, not a year-end count (a quarterly file exists
  upstream but is not in the shared copy). Rows of 0 add no record: a missing host-year
  means none (the coverage model declares ``zero``). A **break year** of the source, in
  which the median host's count differs from *both* neighbouring years' by a factor of
  :data:`BREAK_FACTOR` or more in the same direction (over at least :data:`BREAK_HOSTS` hosts
  with :data:`BREAK_FLOOR` or more troops in both neighbours), is a change in how the
  figures were compiled, not in deployments: its rows are skipped and counted, and the
  coverage table leaves the year out (so it reads "not observed", never zero). In the
  shared copy this is 2008: the median host stands 1.77 times above both 2007 and 2009
  (25 hosts); Japan's 79,296 against 47,200 service members that US Forces Japan reported
  for February 2008.
* ``builddata.csv`` → ``military_construction`` (USD, current prices, obligations): the
  sum of the year's construction obligational authority over the host's locations
  (thousands of dollars in the file, multiplied by 1,000). Locations in the United States,
  its territories, "Worldwide", "Unspecified" and classified sites are skipped.
* ``basedata.csv`` (cp1252) → ``bases`` (count): US facilities per host in David Vine's
  list as updated to 2018 (year 2018), major bases and "lily pads" alike.

Hosts come from the ISO3 column when it is filled, else from the country name. US
territories (Guam, Puerto Rico, the Northern Marianas, ...) are US soil, not a foreign
host, and are skipped.

References
----------
Allen, M. A., Flynn, M. E. & Martinez Machain, C. ``troopdata`` R package (DMDC troop
reports; DoD construction budgets; Vine, *Lists of U.S. Military Bases Abroad*).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from softpower.errors import InputError
from softpower.ledger.importers._base import ImportBatch, concat, header_of, read_table
from softpower.ledger.importers._dyadic import countries, document, history_years, in_model, indicators
from softpower.ledger.importers._strict import amounts
from softpower.records import vocab

DATASET = "us-troops"
PATTERNS = ("troopdata-rebuild-country-year*.csv", "builddata*.csv", "basedata*.csv")
TROOPS = ("countryname", "year", "iso3c", "troops_ad")
BUILD = ("countryname", "iso3c", "year", "spend_construction")
BASES = ("countryname", "iso3c", "basename")
BASE_LIST_YEAR = 2018
US_TERRITORIES = {"GUM", "PRI", "VIR", "ASM", "MNP", "UMI"}
#: A year whose median host count is this many times both neighbours' (or this many times below
#: both) is a break in the source's compilation.
BREAK_FACTOR = 1.5
#: Hosts needed to call a break, and the troops each needs in both neighbouring years.
BREAK_HOSTS = 10
BREAK_FLOOR = 100.0


def _hosts(df: pd.DataFrame, path: Path, skipped: Counter[str]) -> np.ndarray:
    """Host ISO3 per row: the ``iso3c`` cell when it is an ISO code, else the resolved name."""
    iso = df["iso3c"].fillna("").astype(str).str.strip().str.upper()
    # every name must be known; a code outside ISO 3166 (KSV for Kosovo) or NA: the name decides
    has = iso.isin(list(vocab.country_codes())).to_numpy()
    countries(df, "countryname", path, Counter())  # an unknown name raises, whatever the code
    out = iso.to_numpy(dtype=object)
    if (~has).any():
        sub = df.loc[~has].reset_index(drop=True)
        out[~has] = countries(sub, "countryname", path, skipped)
    home = np.array([h == "USA" for h in out], dtype=bool)
    terr = np.array([h in US_TERRITORIES for h in out], dtype=bool)
    if home.any():
        skipped["in the United States (not a foreign host)"] += int(home.sum())
    if terr.any():
        skipped["United States territory (not a foreign host)"] += int(terr.sum())
    out[home | terr] = None
    return out


def _doc(kind: str) -> dict:
    if kind == "troops":
        return document(
            "us-troops:dmdc-troops",
            "US active-duty troops by host country and year, 1950-2024 (DMDC reports via troopdata)",
            "US Department of Defense, Defense Manpower Data Center",
            "USA",
            "government",
            "https://dwp.dmdc.osd.mil/dwp/app/dod-data-reports/workforce-reports",
        )
    if kind == "construction":
        return document(
            "us-troops:milcon",
            "US military construction abroad, obligational authority 2008-2019 (DoD budgets via troopdata)",
            "US Department of Defense (budget documents)",
            "USA",
            "government",
            "https://comptroller.defense.gov/Budget-Materials/",
        )
    return document(
        "us-troops:vine-bases",
        "US military bases abroad, David Vine's list updated to 2018 (via troopdata)",
        "David Vine, Lists of U.S. Military Bases Abroad (American University)",
        "USA",
        "academic",
        "https://doi.org/10.17606/7em4-hb13",
    )


def break_years(host: np.ndarray, year: np.ndarray, value: np.ndarray) -> dict[int, tuple[float, int]]:
    """Years in which the source's host counts jump away from both neighbouring years together.

    For every host with at least :data:`BREAK_FLOOR` troops in the years before and after, the
    year's count is divided by each neighbour's; the year is a break when the median host's
    smaller ratio is at least :data:`BREAK_FACTOR` (or its larger ratio at most the inverse)
    over :data:`BREAK_HOSTS` or more hosts. One host's surge cannot move the median; a change in
    how every host was counted does. Returns ``{year: (median ratio, hosts)}``.
    """
    frame = pd.DataFrame({"host": host, "year": year, "value": value}).dropna()
    frame["year"] = frame["year"].astype(int)
    counts = frame.groupby(["host", "year"])["value"].sum()
    before = counts.rename(lambda y: y + 1, level="year")
    after = counts.rename(lambda y: y - 1, level="year")
    both = pd.concat({"now": counts, "before": before, "after": after}, axis=1).dropna()
    both = both[(both["before"] >= BREAK_FLOOR) & (both["after"] >= BREAK_FLOOR)]
    up = np.minimum(both["now"] / both["before"], both["now"] / both["after"])
    down = np.maximum(both["now"] / both["before"], both["now"] / both["after"])
    stats = pd.DataFrame({"up": up, "down": down}).groupby(level="year").agg(["median", "size"])
    out: dict[int, tuple[float, int]] = {}
    for y, row in stats.iterrows():
        n = int(row[("up", "size")])
        if n < BREAK_HOSTS:
            continue
        if row[("up", "median")] >= BREAK_FACTOR:
            out[int(str(y))] = (float(row[("up", "median")]), n)
        elif row[("down", "median")] <= 1.0 / BREAK_FACTOR:
            out[int(str(y))] = (float(row[("down", "median")]), n)
    return out


def _troops(f: Path) -> ImportBatch:
    df = read_table(f, TROOPS)
    skipped: Counter[str] = Counter()
    year = history_years(df, "year", f)
    value = amounts(df, "troops_ad", f, required=True)
    host = _hosts(df, f, skipped)
    keep = np.array([h is not None for h in host], dtype=bool)
    zero = keep & (value == 0)
    if zero.any():
        skipped["no active-duty troops that year (a missing host-year means none)"] += int(zero.sum())
    keep = keep & ~zero
    for y, (ratio, hosts) in break_years(host[keep], year[keep], value[keep]).items():
        hit = keep & (year == y)
        keep &= ~hit
        skipped[
            f"year {y}: the median host's count is {ratio:.2f} times both neighbouring years' "
            f"({hosts} hosts): a break in the source's compilation, not in deployments"
        ] += int(hit.sum())
    keep = in_model(year, keep, skipped)
    frame = pd.DataFrame(
        {
            "actor": "USA",
            "partner": host[keep],
            "year": year[keep].astype(int),
            "value": value[keep],
            "line": df["line"].to_numpy()[keep],
        }
    )
    recs = indicators(frame, doc="us-troops:dmdc-troops", metric="troops", unit="persons")
    if len(frame) > len(recs):
        skipped["host-year given twice (names of one host; persons summed)"] += len(frame) - len(recs)
    return ImportBatch(recs, [_doc("troops")], dict(skipped), len(df))


def _construction(f: Path) -> ImportBatch:
    df = read_table(f, BUILD)
    skipped: Counter[str] = Counter()
    year = history_years(df, "year", f)
    host = _hosts(df, f, skipped)
    keep = np.array([h is not None for h in host], dtype=bool)
    # a rescission on an unspecified location is not a host's figure; a host's must be >= 0
    value = amounts(df.loc[keep].reset_index(drop=True), "spend_construction", f, required=True)
    full = np.full(len(df), np.nan)
    full[keep] = value
    keep = in_model(year, keep, skipped)
    frame = pd.DataFrame(
        {
            "actor": "USA",
            "partner": host[keep],
            "year": year[keep].astype(int),
            "value": full[keep] * 1000.0,
            "line": df["line"].to_numpy()[keep],
        }
    )
    recs = indicators(frame, doc="us-troops:milcon", metric="military_construction", unit="USD (current)")
    recs["amount_basis"] = "obligation"
    recs["price_basis"] = "current"
    if len(frame) > len(recs):
        skipped["location summed into its host-year"] += len(frame) - len(recs)
    return ImportBatch(recs, [_doc("construction")], dict(skipped), len(df))


def _bases(f: Path) -> ImportBatch:
    df = read_table(f, BASES, encoding="cp1252")
    skipped: Counter[str] = Counter()
    host = _hosts(df, f, skipped)
    keep = np.array([h is not None for h in host], dtype=bool)
    frame = pd.DataFrame(
        {
            "actor": "USA",
            "partner": host[keep],
            "year": BASE_LIST_YEAR,
            "value": 1.0,
            "line": df["line"].to_numpy()[keep],
        }
    )
    recs = indicators(frame, doc="us-troops:vine-bases", metric="bases", unit="count")
    return ImportBatch(recs, [_doc("bases")], dict(skipped), len(df))


def load(path: Path) -> ImportBatch:
    """Load the troopdata folder (any of its three tables), or one of the three files."""
    files = (
        sorted({p for pat in PATTERNS for p in path.rglob(pat) if p.is_file()}) if path.is_dir() else [path]
    )
    if not files:
        raise InputError(
            str(path),
            None,
            None,
            "no dataset file in this folder",
            "a file named like " + " or ".join(PATTERNS),
        )
    batches = []
    for f in files:
        header = header_of(f)
        if "troops_ad" in header:
            batches.append(_troops(f))
        elif "spend_construction" in header:
            batches.append(_construction(f))
        elif "basename" in header:
            batches.append(_bases(f))
        else:
            raise InputError(
                str(f),
                1,
                "troops_ad",
                "missing column",
                "a troopdata table (troops_ad, spend_construction or basename)",
            )
    return concat(batches)
