"""Behaviour of records/ that mutation testing (``make mutation``) showed untested.

The reference-table loaders are cached, so each test here clears the cache first and checks
what a fresh load gives, including the one-line errors for a bad override file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pycountry
import pytest
from pydantic import ValidationError

from softpower.records import vocab
from softpower.records.models import (
    AMOUNT_BASES,
    MAX_OFFSET,
    MAX_TARGET_YEAR,
    MIN_YEAR,
    PRICE_BASES,
    RECORD_KEYS,
    Document,
    Engagement,
    Indicator,
    Perception,
    _bounds,
    expected,
    max_year,
    parse_record,
    text_problem_in,
    to_json_dict,
)

LOADERS: list[Callable[[], Any]] = [
    vocab.instruments,
    vocab.power_types,
    vocab.group_codes,
    vocab.group_members,
    vocab.country_codes,
    vocab.currency_codes,
    vocab.country_aliases,
    vocab.group_aliases,
]


@pytest.fixture
def fresh() -> Iterator[None]:
    """Every loader reads its table again, before and after the test."""
    for f in LOADERS:
        f.cache_clear()  # type: ignore[attr-defined]
    yield
    for f in LOADERS:
        f.cache_clear()  # type: ignore[attr-defined]


def _override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(f"SOFTPOWER_{name.upper()}_CSV", str(path))


# --- vocab loaders, read fresh


def test_fresh_tables_hold_the_shipped_rows(fresh: None) -> None:
    inst = vocab.instruments()
    assert inst["oda_loan"] == vocab.Instrument(
        "oda_loan", "economic", "ODA loan", "Concessional or official loans (yen loans and similar)"
    )
    assert len(inst) == 14
    assert vocab.power_types()["economic"] == "Economic"
    assert set(vocab.power_types()) == set(vocab.POWER_TYPES)
    assert vocab.group_codes()["CLMV"] == "Cambodia, Laos, Myanmar, Vietnam"
    first = vocab.group_members()[0]
    assert (first.group, first.member, first.joined, first.left) == ("ASEAN", "IDN", 1967, None)
    assert all(isinstance(m.joined, int) for m in vocab.group_members())
    left = [m for m in vocab.group_members() if m.left is not None]
    assert left and all(isinstance(m.left, int) and m.left > m.joined for m in left)
    assert vocab.country_aliases()["japanese"] == vocab.Alias("Japanese", "JPN", "demonym")
    assert vocab.group_aliases()["southeast asia"] == ("ASEAN",)


def test_country_and_currency_codes(fresh: None) -> None:
    codes = vocab.country_codes()
    assert {"JPN", "TWN", "XKX"} <= codes
    assert len(codes) == len(pycountry.countries) + 1
    assert vocab.is_country("XKX") and not vocab.is_country("ASEAN")
    assert vocab.is_partner_code("ASEAN") and vocab.is_partner_code("VNM")
    assert not vocab.is_partner_code("XXX")
    cur = vocab.currency_codes()
    assert {"USD", "JPY", "CNY", "KRW"} <= cur
    assert len(cur) == len(pycountry.currencies)


def test_override_rows_extend_and_replace(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _override(
        monkeypatch,
        tmp_path,
        "instruments",
        "code,power_type,label,description\nzoo_diplomacy,soft,Pandas,On loan\n",
    )
    assert vocab.instruments()["zoo_diplomacy"].power_type == "soft"
    assert len(vocab.instruments()) == 15
    # an override given as an argument wins over the environment
    arg = tmp_path / "arg.csv"
    arg.write_text("code,power_type,label,description\nx_y,hard,X,Y\n", encoding="utf-8")
    rows = vocab._read_csv("instruments", arg)
    assert rows[-1]["code"] == "x_y"
    assert "zoo_diplomacy" not in {r["code"] for r in rows}


@pytest.mark.parametrize(
    ("name", "text", "loader", "message"),
    [
        (
            "instruments",
            "code,power_type,label,description\nx,charm,X,Y\n",
            vocab.instruments,
            "instruments.csv:16: power_type 'charm' not in ('economic', 'smart', 'soft', 'diplomatic', 'hard')",
        ),
        (
            "power_types",
            "code,label,description\nsoft,Soft again,x\n",
            vocab.power_types,
            "power_types.csv:7: duplicate key ('soft',)",
        ),
        (
            "groups",
            "code,name,kind,source\nEU,Again,regional,x\n",
            vocab.group_codes,
            "groups.csv:10: duplicate key ('EU',)",
        ),
        (
            "group_members",
            "group,member,joined,left\nNATO,USA,1949,\n",
            vocab.group_members,
            "unknown group 'NATO'",
        ),
        (
            "group_members",
            "group,member,joined,left\nEU,XYZ,1995,\n",
            vocab.group_members,
            "unknown ISO alpha-3 'XYZ'",
        ),
        (
            "country_aliases",
            "alias,iso3,kind\nNarnia,NRN,name\n",
            vocab.country_aliases,
            "unknown ISO alpha-3 'NRN'",
        ),
        (
            "country_aliases",
            "alias,iso3,kind\nNipponia,JPN,nickname\n",
            vocab.country_aliases,
            "kind must be name, demonym or capital",
        ),
        (
            "country_aliases",
            "alias,iso3,kind\njapan,CHN,name\n",
            vocab.country_aliases,
            "alias 'japan' already maps to JPN",
        ),
        ("group_aliases", "alias,codes\nthe west,USA NOPE\n", vocab.group_aliases, "unknown code 'NOPE'"),
    ],
)
def test_bad_override_row_is_one_line(
    fresh: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    name: str,
    text: str,
    loader: Callable[[], Any],
    message: str,
) -> None:
    _override(monkeypatch, tmp_path, name, text)
    with pytest.raises(ValueError) as info:
        loader()
    assert message in str(info.value)
    assert str(info.value).startswith(f"{name}.csv:")


def test_duplicate_group_member_is_refused(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _override(monkeypatch, tmp_path, "group_members", "group,member,joined,left\nASEAN,IDN,1967,\n")
    with pytest.raises(ValueError, match=r"duplicate key \('ASEAN', 'IDN'\)"):
        vocab.group_members()


def test_same_alias_same_country_twice_is_fine(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _override(monkeypatch, tmp_path, "country_aliases", "alias,iso3,kind\nJAPAN,JPN,name\n")
    assert vocab.country_aliases()["japan"].alias == "JAPAN"


# --- membership in force, resolvers


def test_membership_in_force_boundaries() -> None:
    m = vocab.Membership("EU", "GBR", 1973, 2020)
    assert not m.in_force(1972)
    assert m.in_force(1973)
    assert m.in_force(2019)
    assert not m.in_force(2020)
    assert not m.in_force(None)  # "now": a member that left is not current
    assert vocab.Membership("EU", "FRA", 1958, None).in_force(None)
    assert vocab.Membership("EU", "FRA", 1958, None).in_force(2050)


def test_members_and_world() -> None:
    assert vocab.members("WORLD") == sorted(vocab.country_codes())
    assert "GBR" not in vocab.members("EU")
    assert "GBR" in vocab.members("EU", 2019)
    with pytest.raises(KeyError, match="unknown group 'NATO'"):
        vocab.members("NATO")
    assert vocab.expand_partners(["WORLD"], 2000) == sorted(vocab.country_codes())
    assert vocab.expand_partners(["JPN", "JPN"], None) == ["JPN"]


def test_resolvers_normalise_and_use_codes() -> None:
    assert vocab.resolve_country("  the   Japanese ") is None
    assert vocab.resolve_country("  Japanese ") == "JPN"
    assert vocab.resolve_country("Viet  Nam") == "VNM"
    assert vocab.resolve_country("XKX") == "XKX"  # a code pycountry does not know
    assert vocab.resolve_country("xkx") is None
    assert vocab.resolve_country("   ") is None
    assert vocab.resolve_partner("  ASEAN ") == ("ASEAN",)
    assert vocab.resolve_partner("southeast  asia") == ("ASEAN",)
    assert vocab.resolve_partner("Tokyo") == ("JPN",)
    assert vocab.resolve_partner("") == ()


# --- the record model


def test_bounds_are_read_from_the_model() -> None:
    assert _bounds(Perception, "value") == (0, 1)
    assert _bounds(Engagement, "amount") == (0, None)
    assert _bounds(Indicator, "value") == (None, None)


def test_expected_words_for_every_field_the_model_reports() -> None:
    free_text = ("unit", "name", "quote")  # any text (without NUL) is valid there
    for key in RECORD_KEYS:
        assert (expected(key) is None) == (key in free_text), key
    assert expected("currency") == "an ISO 4217 code such as USD, JPY, CNY"
    assert expected("amount_basis") == " or ".join(AMOUNT_BASES) + " (or empty)"
    assert expected("price_basis") == "current or constant (or empty)"
    assert expected("price_year") == "the base year of constant prices, only with price_basis 'constant'"
    assert expected("ppp") == expected("equal_footing") == "true or false"
    assert expected("metric") == "a metric name for an indicator"
    assert expected("measure") == "a perception measure"
    assert expected("doc") == "a document id"
    assert expected("actor") == "an ISO 3166 alpha-3 code"
    assert expected("instrument") == "an instrument of the vocabulary (softpower/data/instruments.csv)"
    assert expected("partners") == (
        "a list of ISO alpha-3 or group codes (ASEAN, ASEAN6, CLMV, PIC, EAS, APT, EU, WORLD)"
    )
    assert PRICE_BASES == ("current", "constant")


def test_max_year_is_next_year() -> None:
    assert max_year() == dt.date.today().year + 1
    assert MIN_YEAR == 1945 and MAX_TARGET_YEAR == 2100 and MAX_OFFSET == 2**31 - 1


BASE = {"doc": "d", "kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "oda_loan"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"year": 1944}, "year 1944 outside 1945.."),
        ({"year_end": 2101}, "year_end 2101 outside 1945..2100"),
        ({"year": 2010, "year_end": 2009}, "year_end 2009 before year 2010"),
        ({"span": [4, 3]}, f"span [4, 3] is not 0 <= start <= end <= {MAX_OFFSET}"),
        ({"actor": "XXX"}, "unknown country code 'XXX'"),
        ({"partners": ["VNM", "NOPE"]}, "unknown country or group code 'NOPE'"),
        ({"instrument": "gift"}, "instrument 'gift' not in the vocabulary"),
        ({"currency": "XXY"}, "unknown ISO 4217 currency 'XXY'"),
        ({"price_basis": "constant"}, "price_year missing: price_basis 'constant' needs the base year"),
        ({"price_year": 2010}, "price_year is only for price_basis 'constant'"),
        ({"price_basis": "constant", "price_year": 3000}, "year 3000 outside 1945.."),
        ({"name": "a\x00b"}, "name contains a NUL character"),
        (
            {"partners": ["VNM", "\udc80"]},
            "partners is not valid Unicode text (lone surrogate at character 0)",
        ),
    ],
)
def test_model_refusals_say_why(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_record({**BASE, **change})
    assert message in str(info.value)


def test_model_accepts_boundaries() -> None:
    r = parse_record({**BASE, "year": 2010, "year_end": 2010, "span": [0, MAX_OFFSET], "currency": "USD"})
    assert r.span == (0, MAX_OFFSET)
    assert parse_record({**BASE, "price_basis": "constant", "price_year": 2015}).price_year == 2015  # type: ignore[union-attr]
    assert parse_record({**BASE, "year_end": MAX_TARGET_YEAR}).year_end == MAX_TARGET_YEAR


def test_text_problem_in_finds_the_first_field() -> None:
    assert text_problem_in({"a": "ok", "b": ["x", "y\x00"], "c": "\x00"}) == ("b", "contains a NUL character")
    assert text_problem_in({"a": 1, "b": None, "c": ["ok"]}) is None
    assert text_problem_in({"a": "\ud800x"}) == (
        "a",
        "is not valid Unicode text (lone surrogate at character 0)",
    )
    assert text_problem_in({"a": "x\udfff"}) == (
        "a",
        "is not valid Unicode text (lone surrogate at character 1)",
    )
    # text outside ASCII that has a UTF-8 form passes; a lone surrogate inside a list is found
    assert text_problem_in({"a": "Hà Nội", "b": ["Lào", "ſ"], "c": 2.5}) is None
    assert text_problem_in({"a": "Hà Nội", "b": ["ok", "\ud800"]}) == (
        "b",
        "is not valid Unicode text (lone surrogate at character 0)",
    )


def test_to_json_dict_has_every_key() -> None:
    ind = parse_record(
        {"doc": "d", "kind": "indicator", "actor": "CHN", "partners": ["IDN"], "metric": "m", "value": 2}
    )
    out = to_json_dict(ind)
    assert list(out) == list(RECORD_KEYS)
    assert out["ppp"] is False and out["equal_footing"] is False
    assert out["span"] is None and out["instrument"] is None
    eng = to_json_dict(parse_record({**BASE, "ppp": True, "equal_footing": True, "span": [1, 2]}))
    assert eng["ppp"] is True and eng["equal_footing"] is True
    assert eng["span"] == [1, 2]
    assert parse_record(eng) == parse_record({**BASE, "ppp": True, "equal_footing": True, "span": [1, 2]})


def test_engagement_power_type() -> None:
    assert parse_record({**BASE, "instrument": "security_agreement"}).power_type == "hard"  # type: ignore[union-attr]
    assert parse_record(BASE).power_type == "economic"  # type: ignore[union-attr]


def test_document_rules_and_self_reporting() -> None:
    for kind in ("government", "state_media"):
        assert Document(id="d", publisher_country="CHN", publisher_kind=kind).self_reported_by("CHN")
    assert not Document(id="d", publisher_country="CHN", publisher_kind="government").self_reported_by("JPN")
    assert not Document(id="d", publisher_country="CHN", publisher_kind="think_tank").self_reported_by("CHN")
    assert not Document(id="d").self_reported_by("CHN")
    assert Document(id="d").publisher_kind == "unknown"
    assert Document(id="d", text_length=0).text_length == 0
    for bad in (
        {"id": ""},
        {"id": "d", "text_length": -1},
        {"id": "d", "publisher_country": "XXX"},
        {"id": "d", "title": "a\x00"},
        {"id": "d", "publisher_kind": "blog"},
    ):
        with pytest.raises(ValidationError):
            Document(**bad)
    with pytest.raises(ValidationError, match="unknown country code 'XXX'"):
        Document(id="d", publisher_country="XXX")
    with pytest.raises(ValidationError, match="title contains a NUL character"):
        Document(id="d", title="a\x00")


def test_override_csv_keeps_line_breaks_inside_quoted_fields(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = 'code,power_type,label,description\r\nx_y,soft,X,"first\r\nsecond"\r\n'
    path = tmp_path / "instruments.csv"
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.setenv("SOFTPOWER_INSTRUMENTS_CSV", str(path))
    assert vocab.instruments()["x_y"].description == "first\r\nsecond"
