"""Typed records: engagement, indicator, perception, and the documents they cite.

The JSON form of a record is exactly the format of the gold annotations
(``doc, kind, actor, partners, instrument, metric, unit, measure, year, year_end,
amount, currency, value, name, ppp, equal_footing, amount_basis, price_basis, price_year,
span, quote``). Derived values (power type, USD amounts) are added by the ledger, never typed in.

Money basis (engagements and money indicators): ``amount_basis`` says what the amount
counts (:data:`AMOUNT_BASES`: a commitment, a disbursement, an obligation or an
expenditure), ``price_basis`` whether it is in current or constant prices, and
``price_year`` the base year of constant prices (``None`` for current prices). ``None``
throughout means "not stated" (the essays rarely say).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from softpower.records import vocab

MIN_YEAR = 1945
MAX_TARGET_YEAR = 2100
KINDS = ("engagement", "indicator", "perception")
PublisherKind = Literal[
    "government",
    "state_media",
    "independent_press",
    "think_tank",
    "academic",
    "international_org",
    "dataset",
    "unknown",
]
PUBLISHER_KINDS: tuple[str, ...] = get_args(PublisherKind)
#: What a money amount counts.
AMOUNT_BASES = ("commitment", "disbursement", "obligation", "expenditure")
#: Current (nominal) or constant prices.
PRICE_BASES = ("current", "constant")
AmountBasis = Literal["commitment", "disbursement", "obligation", "expenditure"]
PriceBasis = Literal["current", "constant"]
PERCEPTION_MEASURES = (
    "trust",
    "friendly",
    "positive_image",
    "favourable",
    "considers_interests",
    "influence",
    "helpful",
)


def max_year() -> int:
    """The latest admissible year: next year (announced plans)."""
    return _dt.date.today().year + 1


#: Largest character offset a span may hold (the ledger stores spans as 32-bit integers).
MAX_OFFSET = 2**31 - 1


def _text_problem(v: str) -> str | None:
    """Why ``v`` cannot be stored as text: a NUL character or a lone surrogate (not UTF-8)."""
    if "\x00" in v:
        return "contains a NUL character"
    if v.isascii():
        return None  # ASCII text always has a UTF-8 form
    try:
        v.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"is not valid Unicode text (lone surrogate at character {exc.start})"
    return None


def text_problem_in(row: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first field of ``row`` (a text value, or a list of them) that the ledger cannot store
    faithfully, with why: a NUL character or a lone surrogate (see :func:`_text_problem`)."""
    for k, v in row.items():
        # ASCII text without NUL (nearly every value) is read without a call; the rest as before
        if isinstance(v, str):
            if ("\x00" in v or not v.isascii()) and (problem := _text_problem(v)):
                return str(k), problem
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, str) and ("\x00" in x or not x.isascii()) and (problem := _text_problem(x)):
                    return str(k), problem
    return None


def _no_nul(data: Any) -> Any:
    """Refuse text that the ledger cannot store faithfully: NUL characters (they end strings in
    C tools and hide text) and lone surrogates (they have no UTF-8 form)."""
    if isinstance(data, dict):
        found = text_problem_in(data)
        if found:
            raise ValueError(f"{found[0]} {found[1]}")
    return data


def _check_year(v: int | None) -> int | None:
    if v is not None and not (MIN_YEAR <= v <= max_year()):
        raise ValueError(f"year {v} outside {MIN_YEAR}..{max_year()}")
    return v


class _Base(BaseModel):
    """The one definition of a valid record: the ledger's import checks are this model.

    Numbers must be finite (no NaN or infinity anywhere); errors of a whole record start with
    the name of the field they concern (the ledger reports that field).
    """

    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)

    doc: str = Field(min_length=1, description="Document id (file name or dataset row id)")
    actor: str
    partners: list[str] = Field(min_length=1)
    year: int | None = None
    year_end: int | None = None
    span: tuple[int, int] | None = None
    quote: str | None = Field(default=None, description="The cited text; never stored in the ledger")

    @model_validator(mode="before")
    @classmethod
    def _text(cls, data: Any) -> Any:
        return _no_nul(data)

    @field_validator("actor")
    @classmethod
    def _actor(cls, v: str) -> str:
        if not vocab.is_country(v):
            raise ValueError(f"unknown country code {v!r}")
        return v

    @field_validator("partners")
    @classmethod
    def _partners(cls, v: list[str]) -> list[str]:
        for code in v:
            if not vocab.is_partner_code(code):
                raise ValueError(f"unknown country or group code {code!r}")
        return v

    @field_validator("year")
    @classmethod
    def _year(cls, v: int | None) -> int | None:
        return _check_year(v)

    @field_validator("year_end")
    @classmethod
    def _year_end(cls, v: int | None) -> int | None:
        # an end year may be a stated target ("by 2035"), so it may lie ahead
        if v is not None and not (MIN_YEAR <= v <= MAX_TARGET_YEAR):
            raise ValueError(f"year_end {v} outside {MIN_YEAR}..{MAX_TARGET_YEAR}")
        return v

    @field_validator("span")
    @classmethod
    def _span(cls, v: tuple[int, int] | None) -> tuple[int, int] | None:
        if v is not None and not (0 <= v[0] <= v[1] <= MAX_OFFSET):
            raise ValueError(f"span {list(v)} is not 0 <= start <= end <= {MAX_OFFSET}")
        return v

    @model_validator(mode="after")
    def _years_ordered(self) -> _Base:
        if self.year is not None and self.year_end is not None and self.year_end < self.year:
            raise ValueError(f"year_end {self.year_end} before year {self.year}")
        return self


class _MoneyBasis(BaseModel):
    """The basis of a money amount (engagements, money indicators)."""

    amount_basis: AmountBasis | None = None
    price_basis: PriceBasis | None = None
    price_year: int | None = Field(default=None, description="Base year of constant prices")

    @model_validator(mode="after")
    def _price_year(self) -> _MoneyBasis:
        if self.price_basis == "constant" and self.price_year is None:
            raise ValueError("price_year missing: price_basis 'constant' needs the base year")
        if self.price_year is not None and self.price_basis != "constant":
            raise ValueError("price_year is only for price_basis 'constant'")
        if self.price_year is not None:
            _check_year(self.price_year)
        return self


class Engagement(_Base, _MoneyBasis):
    """An act of ``actor`` toward ``partners`` through one instrument."""

    kind: Literal["engagement"] = "engagement"
    instrument: str
    amount: float | None = Field(default=None, ge=0)
    currency: str | None = None
    name: str | None = None
    ppp: bool = False
    equal_footing: bool = False

    @field_validator("instrument")
    @classmethod
    def _instrument(cls, v: str) -> str:
        if v not in vocab.instruments():
            raise ValueError(f"instrument {v!r} not in the vocabulary")
        return v

    @field_validator("currency")
    @classmethod
    def _currency(cls, v: str | None) -> str | None:
        if v is not None and v not in vocab.currency_codes():
            raise ValueError(f"unknown ISO 4217 currency {v!r}")
        return v

    @property
    def power_type(self) -> str:
        return vocab.instruments()[self.instrument].power_type


class Indicator(_Base, _MoneyBasis):
    """A statistic about an actor's presence in partners."""

    kind: Literal["indicator"] = "indicator"
    metric: str = Field(min_length=1)
    unit: str | None = None
    value: float


class Perception(_Base):
    """How publics or elites in ``partners`` (respondents) see ``actor`` (subject)."""

    kind: Literal["perception"] = "perception"
    measure: str
    value: float | None = Field(default=None, ge=0, le=1)
    name: str | None = Field(default=None, description="Pollster or survey name")


Record = Annotated[Engagement | Indicator | Perception, Field(discriminator="kind")]
_RECORD = TypeAdapter(Record)

#: The keys of the JSON Lines exchange format, in order.
RECORD_KEYS = (
    "doc",
    "kind",
    "actor",
    "partners",
    "instrument",
    "metric",
    "unit",
    "measure",
    "year",
    "year_end",
    "amount",
    "currency",
    "value",
    "name",
    "ppp",
    "equal_footing",
    "amount_basis",
    "price_basis",
    "price_year",
    "span",
    "quote",
)

#: The money-basis keys (new in 0.2): absent (``None``) they leave a record's identity as before.
MONEY_BASIS_KEYS = ("amount_basis", "price_basis", "price_year")


#: The content of a fact: every exchange key but the citation (``doc``, ``span``, ``quote``).
#: Records of the same fact from different documents share these values (the ledger's ``fact_key``).
FACT_KEYS = tuple(k for k in RECORD_KEYS if k not in ("doc", "span", "quote"))


def span_fits(span: tuple[int, int] | None, length: int | None) -> bool:
    """The one rule the record alone cannot check: a span lies inside its document
    (``end <= length``, offsets in characters); a record without a span, or a document of
    unknown length, passes. The ledger applies it with the document lengths it holds."""
    return span is None or length is None or span[1] <= length


def _bounds(model: type[BaseModel], field: str) -> tuple[Any, Any]:
    """(lower, upper) bound of a numeric field of ``model`` (``ge``/``le``), ``None`` if unbounded."""
    lo = hi = None
    for m in model.model_fields[field].metadata:
        lo = getattr(m, "ge", lo)
        hi = getattr(m, "le", hi)
    return lo, hi


def expected(field: str) -> str | None:
    """What ``field`` of a record must hold, in words, for error messages. The words are
    made from the rules above (bounds, vocabularies, constants), so they cannot drift apart."""
    amount_lo, _ = _bounds(Engagement, "amount")
    share_lo, share_hi = _bounds(Perception, "value")
    return {
        "kind": " or ".join(KINDS),
        "doc": "a document id",
        "actor": "an ISO 3166 alpha-3 code",
        "partners": "a list of ISO alpha-3 or group codes (" + ", ".join(vocab.group_codes()) + ")",
        "instrument": "an instrument of the vocabulary (softpower/data/instruments.csv)",
        "amount": "a non-negative finite number" if amount_lo == 0 else f"a finite number >= {amount_lo}",
        "value": f"a finite number (a share in {share_lo}..{share_hi} for a perception)",
        "year": f"a whole year in {MIN_YEAR}..{max_year()}",
        "year_end": f"a whole year in {MIN_YEAR}..{MAX_TARGET_YEAR}, not before year",
        "currency": "an ISO 4217 code such as USD, JPY, CNY",
        "amount_basis": " or ".join(AMOUNT_BASES) + " (or empty)",
        "price_basis": " or ".join(PRICE_BASES) + " (or empty)",
        "price_year": "the base year of constant prices, only with price_basis 'constant'",
        "span": f"[start, end] with 0 <= start <= end <= {MAX_OFFSET}, or null",
        "ppp": "true or false",
        "equal_footing": "true or false",
        "metric": "a metric name for an indicator",
        "measure": "a perception measure",
    }.get(field)


def parse_record(data: dict[str, Any]) -> Engagement | Indicator | Perception:
    """Validate one record dict (gold format); raises :class:`pydantic.ValidationError`."""
    return _RECORD.validate_python(data)


def to_json_dict(record: Engagement | Indicator | Perception) -> dict[str, Any]:
    """The record in the exchange format: every key present, ``None`` where it does not apply."""
    data = record.model_dump()
    out = {k: data.get(k) for k in RECORD_KEYS}
    out["ppp"] = bool(data.get("ppp"))  # an engagement's flags; False for the other kinds
    out["equal_footing"] = bool(data.get("equal_footing"))
    out["span"] = list(record.span) if record.span is not None else None
    return out


class Document(BaseModel):
    """A source document and who published it.

    ``self_reported_by(actor)`` tells whether a fact about ``actor`` stated here comes from
    the actor's own government or state media rather than a third party.
    """

    model_config = ConfigDict(extra="ignore", allow_inf_nan=False)

    id: str = Field(min_length=1)
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    publisher_country: str | None = None
    publisher_kind: PublisherKind = "unknown"
    date: _dt.date | None = None
    url: str | None = None
    text_length: int | None = Field(default=None, ge=0)
    sha256: str | None = None

    @field_validator("publisher_country")
    @classmethod
    def _country(cls, v: str | None) -> str | None:
        if v is not None and not vocab.is_country(v):
            raise ValueError(f"unknown country code {v!r}")
        return v

    @model_validator(mode="before")
    @classmethod
    def _text(cls, data: Any) -> Any:
        return _no_nul(data)

    def self_reported_by(self, actor: str) -> bool:
        return self.publisher_country == actor and self.publisher_kind in ("government", "state_media")
