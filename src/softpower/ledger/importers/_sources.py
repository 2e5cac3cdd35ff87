"""The cited sources of AidData TUFF project rows (``sources`` field) as documents.

AidData lists each source as ``URL, Source type`` separated by ``;`` (URLs may contain
``;`` themselves, as in ``&amp;``). The source type AidData assigned gives the
publisher kind; the web domain refines it where it is unambiguous: Chinese government
domains (``.gov.cn``, ``fmprc``, ``mofcom``, embassy sites) are ``government`` of CHN,
Chinese state media (Xinhua, People's Daily, China Daily, CCTV/CGTN, CRI, China.org.cn,
Global Times) are ``state_media`` of CHN, a ``.gov.<cc>`` domain is that country's
government, and a handful of international organisations are ``international_org``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pycountry

SOURCE_TYPES = {
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
_TYPES_RE = "|".join(re.escape(t) for t in sorted(SOURCE_TYPES, key=len, reverse=True))
_ENTRY = re.compile(rf"\s*(?P<url>.+?),\s*(?P<type>{_TYPES_RE})\s*(?:;|$)")

CHINESE_STATE_MEDIA = (
    "xinhuanet.com",
    "news.cn",
    "people.com.cn",
    "peopledaily.com.cn",
    "chinadaily.com.cn",
    "cctv.com",
    "cntv.cn",
    "cgtn.com",
    "cri.cn",
    "china.org.cn",
    "globaltimes.cn",
    "chinaview.cn",
    "ecns.cn",
    "chinanews.com",
)
CHINESE_GOVERNMENT = (
    "gov.cn",
    "fmprc.gov.cn",
    "mofcom.gov.cn",
    "china-embassy.org",
    "chinaembassy.org",
    "chineseembassy.org",
)
INTERNATIONAL_ORGS = (
    "worldbank.org",
    "imf.org",
    "un.org",
    "undp.org",
    "unicef.org",
    "who.int",
    "adb.org",
    "afdb.org",
    "oecd.org",
    "wfp.org",
    "fao.org",
    "unesco.org",
    "reliefweb.int",
)
# Factiva reference prefixes of Chinese state outlets (Xinhua, China Daily, People's Daily)
_FACTIVA_STATE = ("XNEWS", "XINHUA", "CHNDLY", "CHINDA", "PEOPLE", "PEOPDA")


def _ends(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


@cache
def _cctld(tld: str) -> str | None:
    if tld == "uk":
        return "GBR"
    c = pycountry.countries.get(alpha_2=tld.upper())
    return str(c.alpha_3) if c else None


@cache
def classify(url: str, source_type: str) -> tuple[str, str | None, str]:
    """``(publisher, publisher_country, publisher_kind)`` of a cited URL."""
    host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    host = host.removeprefix("www.")
    kind = SOURCE_TYPES.get(source_type, "unknown")
    country: str | None = None
    if _ends(host, CHINESE_STATE_MEDIA):
        return host, "CHN", "state_media"
    if _ends(host, CHINESE_GOVERNMENT) or ".gov.cn" in host:
        return host, "CHN", "government"
    if host == "global.factiva.com":
        ref = re.search(r"ref=([A-Za-z]+)", url)
        if ref and ref.group(1).upper().startswith(_FACTIVA_STATE):
            return "Factiva (Chinese state outlet)", "CHN", "state_media"
        return "Factiva", None, kind
    if _ends(host, INTERNATIONAL_ORGS):
        return host, None, "international_org"
    parts = host.split(".")
    if len(parts) >= 2 and ("gov" in parts[:-1] or "go" in parts[-2:-1]) and len(parts[-1]) == 2:
        return host, _cctld(parts[-1]), "government"
    if parts and parts[-1] == "gov":
        return host, "USA", "government"
    if kind == "government" and len(parts[-1]) == 2:
        country = _cctld(parts[-1])
    return host or url[:80], country, kind


def parse_sources(text: str) -> list[tuple[str, str]]:
    """``[(url, source_type), ...]`` from an AidData ``sources`` cell; entries without a type are dropped."""
    if not text or not text.strip():
        return []
    return [(m.group("url").strip(), m.group("type")) for m in _ENTRY.finditer(text)]


def source_document(url: str, source_type: str) -> dict[str, Any]:
    publisher, country, kind = classify(url, source_type)
    return {
        "id": url,
        "title": None,
        "publisher": publisher,
        "publisher_country": country,
        "publisher_kind": kind,
        "date": None,
        "url": url if url.startswith(("http://", "https://")) else None,
    }
