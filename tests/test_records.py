"""The typed record model accepts the gold format and rejects impossible values."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from softpower.records.models import MONEY_BASIS_KEYS, Document, Engagement, parse_record, to_json_dict


def _engagement(**kw):  # type: ignore[no-untyped-def]
    base = {
        "doc": "d.txt",
        "kind": "engagement",
        "actor": "JPN",
        "partners": ["ASEAN"],
        "instrument": "oda_grant",
    }
    base.update(kw)
    return base


def test_gold_records_parse_and_round_trip(shared_dir) -> None:  # type: ignore[no-untyped-def]
    kinds = {"engagement": 0, "indicator": 0, "perception": 0}
    for line in (shared_dir / "corpus/gold/seeds.jsonl").read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        rec = parse_record(data)
        kinds[rec.kind] += 1
        out = to_json_dict(rec)
        # the gold files predate the money-basis keys: those come out as None (not stated)
        assert {k: out[k] for k in data} == data
        assert {k: out[k] for k in MONEY_BASIS_KEYS} == dict.fromkeys(MONEY_BASIS_KEYS)
    assert kinds == {"engagement": 110, "indicator": 32, "perception": 4}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"actor": "XXX"}, "actor"),
        ({"partners": ["JPN", "ZZZ"]}, "partners"),
        ({"partners": []}, "partners"),
        ({"instrument": "bribery"}, "instrument"),
        ({"amount": -5}, "amount"),
        ({"year": 1900}, "year"),
        ({"year": 2300}, "year"),
        ({"year": 2010, "year_end": 2005}, "year_end"),
        ({"currency": "XYZ"}, "currency"),
        ({"span": [10, 2]}, "span"),
    ],
)
def test_bad_engagement_rejected(change, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        parse_record(_engagement(**change))
    assert field in str(info.value)


def test_engagement_power_type_and_group_partner() -> None:
    rec = parse_record(_engagement(instrument="health_cooperation", ppp=True))
    assert isinstance(rec, Engagement)
    assert rec.power_type == "smart" and rec.ppp


def test_perception_share_bounds() -> None:
    ok = parse_record(
        {
            "doc": "p",
            "kind": "perception",
            "actor": "JPN",
            "partners": ["IDN"],
            "measure": "trust",
            "value": 0.93,
        }
    )
    assert ok.value == pytest.approx(0.93)
    with pytest.raises(ValidationError):
        parse_record(
            {
                "doc": "p",
                "kind": "perception",
                "actor": "JPN",
                "partners": ["IDN"],
                "measure": "trust",
                "value": 93,
            }
        )


def test_document_self_reported() -> None:
    doc = Document(id="x", publisher_country="CHN", publisher_kind="state_media")
    assert doc.self_reported_by("CHN") and not doc.self_reported_by("JPN")
    assert not Document(id="y", publisher_country="CHN", publisher_kind="academic").self_reported_by("CHN")
    with pytest.raises(ValidationError):
        Document(id="z", publisher_kind="blog")


def test_money_basis_fields() -> None:
    base = {"doc": "d", "kind": "engagement", "actor": "JPN", "partners": ["VNM"], "instrument": "oda_loan"}
    rec = parse_record(
        {
            **base,
            "amount": 5.0,
            "currency": "USD",
            "amount_basis": "commitment",
            "price_basis": "constant",
            "price_year": 2000,
        }
    )
    assert (rec.amount_basis, rec.price_basis, rec.price_year) == ("commitment", "constant", 2000)
    assert to_json_dict(rec)["price_year"] == 2000
    for bad in (
        {"amount_basis": "pledge"},
        {"price_basis": "constant"},  # no base year
        {"price_basis": "current", "price_year": 2000},
        {"price_basis": "constant", "price_year": 1800},
    ):
        with pytest.raises(ValidationError):
            parse_record({**base, **bad})
