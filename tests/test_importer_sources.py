"""The cited sources of AidData project rows (``ledger/importers/_sources.py``), whole outputs.

Every rule of :func:`classify` (state media, government, Factiva references, international
organisations, ``gov``/``go`` domains of a country, ``.gov``, the source type's kind and a
government source's country code) is met by one URL here, and the whole
``(publisher, publisher_country, publisher_kind)`` answer is compared with the one worked out by
hand; :func:`parse_sources` and :func:`source_document` are compared whole the same way.
"""

from __future__ import annotations

import pytest

from softpower.ledger.importers._sources import SOURCE_TYPES, _cctld, classify, parse_sources, source_document


@pytest.fixture(autouse=True)
def _computed_here() -> None:
    """classify and _cctld are cached per process: each test computes its answers afresh, so a
    changed rule (a mutant) is met here and not hidden by an answer cached by an earlier test."""
    classify.cache_clear()
    _cctld.cache_clear()


MEDIA = "Media Report, including Wikileaks"
GOV = "Government Source (Donor/Recipient)"
NGO = "NGO/Civil Society/Advocacy"


@pytest.mark.parametrize(
    ("url", "source_type", "expected"),
    [
        # Chinese state media: the host or any subdomain of a listed domain
        ("https://www.xinhuanet.com/a.htm", MEDIA, ("xinhuanet.com", "CHN", "state_media")),
        ("http://english.news.cn/x", GOV, ("english.news.cn", "CHN", "state_media")),
        ("news.cn", MEDIA, ("news.cn", "CHN", "state_media")),
        ("http://xnews.cn/x", MEDIA, ("xnews.cn", None, "independent_press")),  # not a subdomain
        # Chinese government: listed domains, their subdomains and any host with .gov.cn in it
        ("http://www.fmprc.gov.cn/x", MEDIA, ("fmprc.gov.cn", "CHN", "government")),
        ("http://gov.cn", MEDIA, ("gov.cn", "CHN", "government")),
        ("http://cn.china-embassy.org/x", MEDIA, ("cn.china-embassy.org", "CHN", "government")),
        ("http://www.mofcom.gov.cn.mirror.com/x", MEDIA, ("mofcom.gov.cn.mirror.com", "CHN", "government")),
        # Factiva: a reference of a Chinese state outlet, or Factiva with the source type's kind
        (
            "https://global.factiva.com/ha/default.aspx#./!?&_suid=1&ref=XNEWS00020100101",
            MEDIA,
            ("Factiva (Chinese state outlet)", "CHN", "state_media"),
        ),
        (
            "https://global.factiva.com/x?ref=peopda0001",
            GOV,
            ("Factiva (Chinese state outlet)", "CHN", "state_media"),
        ),
        ("https://global.factiva.com/x?ref=afpr000", MEDIA, ("Factiva", None, "independent_press")),
        ("https://global.factiva.com/x?ref=", MEDIA, ("Factiva", None, "independent_press")),
        ("https://global.factiva.com/x", GOV, ("Factiva", None, "government")),
        ("https://factiva.com/x?ref=XNEWS1", MEDIA, ("factiva.com", None, "independent_press")),
        # international organisations
        ("https://data.worldbank.org/x", MEDIA, ("data.worldbank.org", None, "international_org")),
        ("https://www.who.int", GOV, ("who.int", None, "international_org")),
        ("https://notun.org", MEDIA, ("notun.org", None, "independent_press")),
        # a government domain of a country: gov or go before a two-letter country code
        ("https://www.mofa.go.jp/x", MEDIA, ("mofa.go.jp", "JPN", "government")),
        ("https://www.gov.uk/x", MEDIA, ("gov.uk", "GBR", "government")),
        ("https://moh.gov.au/x", "Other", ("moh.gov.au", "AUS", "government")),
        ("https://gov.co.uk", MEDIA, ("gov.co.uk", "GBR", "government")),
        ("https://parliament.gov.zz/x", MEDIA, ("parliament.gov.zz", None, "government")),
        ("https://go.com/x", MEDIA, ("go.com", None, "independent_press")),
        ("https://x.go.kr.com/y", MEDIA, ("x.go.kr.com", None, "independent_press")),
        ("https://gov.example.org/y", MEDIA, ("gov.example.org", None, "independent_press")),
        # .gov is the United States
        ("https://www.state.gov/x", MEDIA, ("state.gov", "USA", "government")),
        ("https://gov", MEDIA, ("gov", "USA", "government")),
        # otherwise the source type's kind; a government source's country from its country code
        ("https://www.abc.com.au/x", GOV, ("abc.com.au", "AUS", "government")),
        ("https://a.b.uk/x", GOV, ("a.b.uk", "GBR", "government")),
        ("https://a.b.zz/x", GOV, ("a.b.zz", None, "government")),
        ("https://www.abc.com/x", GOV, ("abc.com", None, "government")),
        ("https://www.abc.net.au/x", MEDIA, ("abc.net.au", None, "independent_press")),
        ("x.com", NGO, ("x.com", None, "think_tank")),
        ("https://nytimes.com/x", "a type AidData does not use", ("nytimes.com", None, "unknown")),
        ("HTTP://WWW.X.ORG", "Academic Journal Article", ("x.org", None, "academic")),
        # no host: the URL itself, cut to 80 characters
        ("/" + "p" * 100, "Other", ("/" + "p" * 79, None, "unknown")),
        ("", MEDIA, ("", None, "independent_press")),
    ],
)
def test_classify(url: str, source_type: str, expected: tuple[str, str | None, str]) -> None:
    assert classify(url, source_type) == expected


def test_country_code_domains() -> None:
    assert _cctld("uk") == "GBR"  # not ISO's GB
    assert _cctld("jp") == "JPN" and _cctld("JP") == "JPN"
    assert _cctld("zz") is None


def test_source_types_and_their_kinds() -> None:
    assert SOURCE_TYPES == {
        "Media Report, including Wikileaks": "independent_press",
        "Government Source (Donor/Recipient)": "government",
        "Other Academic (Working Paper, Dissertation)": "academic",
        "Academic Journal Article": "academic",
        "Other Official Source (non-Donor, non-Recipient)": "unknown",
        "Implementing/Intermediary Agency Source": "unknown",
        "NGO/Civil Society/Advocacy": "think_tank",
        "Social Media, including Unofficial Blogs": "unknown",
        "Other": "unknown",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   ", []),
        (
            "http://a.example/x?a=1&amp;b=2, Media Report, including Wikileaks; "
            "http://www.mofcom.gov.cn/y,Government Source (Donor/Recipient)",
            [
                ("http://a.example/x?a=1&amp;b=2", MEDIA),
                ("http://www.mofcom.gov.cn/y", GOV),
            ],
        ),
        ("no type here; http://b.org, Other", [("no type here; http://b.org", "Other")]),
        (
            "  http://x.org , Academic Journal Article;http://y.org ,  Other Academic (Working Paper, Dissertation) ;",
            [
                ("http://x.org", "Academic Journal Article"),
                ("http://y.org", "Other Academic (Working Paper, Dissertation)"),
            ],
        ),
        (
            "a, Other; b, Other Official Source (non-Donor, non-Recipient)",
            [("a", "Other"), ("b", "Other Official Source (non-Donor, non-Recipient)")],
        ),
        ("http://x.org, Unknown kind", []),
        ("http://x.org, Other Media", []),
    ],
)
def test_parse_sources(text: str, expected: list[tuple[str, str]]) -> None:
    assert parse_sources(text) == expected


@pytest.mark.parametrize(
    ("url", "source_type", "expected"),
    [
        (
            "https://www.mofa.go.jp/x",
            "Other",
            {
                "publisher": "mofa.go.jp",
                "publisher_country": "JPN",
                "publisher_kind": "government",
                "url": "https://www.mofa.go.jp/x",
            },
        ),
        (
            "http://www.xinhuanet.com/y",
            MEDIA,
            {
                "publisher": "xinhuanet.com",
                "publisher_country": "CHN",
                "publisher_kind": "state_media",
                "url": "http://www.xinhuanet.com/y",
            },
        ),
        # only http(s) addresses are links
        (
            "mofa.go.jp/x",
            GOV,
            {
                "publisher": "mofa.go.jp",
                "publisher_country": "JPN",
                "publisher_kind": "government",
                "url": None,
            },
        ),
        (
            "HTTP://X.ORG",
            "Other",
            {"publisher": "x.org", "publisher_country": None, "publisher_kind": "unknown", "url": None},
        ),
        (
            "ftp://x.org/a",
            "Other",
            {"publisher": "x.org", "publisher_country": None, "publisher_kind": "unknown", "url": None},
        ),
    ],
)
def test_source_document_whole(url: str, source_type: str, expected: dict[str, str | None]) -> None:
    doc = source_document(url, source_type)
    assert list(doc) == ["id", "title", "publisher", "publisher_country", "publisher_kind", "date", "url"]
    assert doc == {"id": url, "title": None, "date": None} | expected
