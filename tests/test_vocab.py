"""Every row of every shipped reference table loads, and the resolvers know metonyms."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from softpower.records import vocab


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("softpower.data").joinpath(f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_instruments_table_every_row() -> None:
    rows = _rows("instruments")
    table = vocab.instruments()
    assert len(rows) == len(table) == 14
    for row in rows:
        assert table[row["code"]].power_type == row["power_type"]
        assert row["power_type"] in vocab.POWER_TYPES
    assert set(vocab.SMART_INSTRUMENTS) | set(vocab.HARD_INSTRUMENTS) <= set(table)
    assert {r["code"] for r in _rows("power_types")} == set(vocab.POWER_TYPES)


def test_group_members_every_row() -> None:
    groups = vocab.group_codes()
    assert set(groups) == {"ASEAN", "ASEAN6", "CLMV", "PIC", "EAS", "APT", "EU", "WORLD"}
    for row in _rows("group_members"):
        assert row["group"] in groups
        assert vocab.is_country(row["member"]), row
        assert 1945 <= int(row["joined"]) <= 2030
        if row["left"]:
            assert int(row["left"]) > int(row["joined"])


@pytest.mark.parametrize(
    ("group", "year", "expected"),
    [
        ("ASEAN", 1990, ["BRN", "IDN", "MYS", "PHL", "SGP", "THA"]),
        ("ASEAN", 1998, ["BRN", "IDN", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"]),
        ("CLMV", 2000, ["KHM", "LAO", "MMR", "VNM"]),
        (
            "EAS",
            2010,
            [
                "AUS",
                "BRN",
                "CHN",
                "IDN",
                "IND",
                "JPN",
                "KHM",
                "KOR",
                "LAO",
                "MMR",
                "MYS",
                "NZL",
                "PHL",
                "SGP",
                "THA",
                "VNM",
            ],
        ),
    ],
)
def test_members_in_force(group: str, year: int, expected: list[str]) -> None:
    assert vocab.members(group, year) == expected


def test_members_leave_and_join() -> None:
    assert "GBR" in vocab.members("EU", 2019) and "GBR" not in vocab.members("EU", 2021)
    assert "USA" not in vocab.members("EAS", 2010) and "USA" in vocab.members("EAS", 2011)
    assert "TLS" in vocab.members("ASEAN", 2026) and "TLS" not in vocab.members("ASEAN", 2024)
    assert len(vocab.members("WORLD")) > 240
    with pytest.raises(KeyError):
        vocab.members("NATO", 2000)


def test_country_aliases_every_row() -> None:
    for row in _rows("country_aliases"):
        assert vocab.resolve_country(row["alias"]) == row["iso3"], row


def test_group_aliases_every_row() -> None:
    for row in _rows("group_aliases"):
        assert vocab.resolve_partner(row["alias"]) == tuple(row["codes"].split()), row


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Tokyo", "JPN"),
        ("Beijing", "CHN"),
        ("Viet Nam", "VNM"),
        ("Lao PDR", "LAO"),
        ("the Philippines", "PHL"),
        ("Chinese", "CHN"),
        ("Seoul", "KOR"),
        ("Germany", "DEU"),
        ("Kenya", "KEN"),
        ("  new   zealand ", "NZL"),
    ],
)
def test_resolve_country(text: str, iso: str) -> None:
    assert vocab.resolve_country(text) == iso


def test_unknown_names_resolve_to_none() -> None:
    assert vocab.resolve_country("Atlantis") is None
    assert vocab.resolve_country("") is None
    assert vocab.resolve_partner("Narnia") == ()


def test_expand_partners_uses_membership_year() -> None:
    assert vocab.expand_partners(["CLMV", "JPN"], 1996) == ["JPN", "VNM"]


def test_override_csv_extends_aliases(tmp_path, monkeypatch) -> None:
    extra = tmp_path / "aliases.csv"
    extra.write_text("alias,iso3,kind\nNipponia,JPN,name\n", encoding="utf-8")
    monkeypatch.setenv("SOFTPOWER_COUNTRY_ALIASES_CSV", str(extra))
    vocab.country_aliases.cache_clear()
    try:
        assert vocab.resolve_country("Nipponia") == "JPN"
    finally:
        monkeypatch.delenv("SOFTPOWER_COUNTRY_ALIASES_CSV")
        vocab.country_aliases.cache_clear()
    assert vocab.resolve_country("Nipponia") is None
