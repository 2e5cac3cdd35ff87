"""The typed record model and its vocabularies."""

from softpower.records.models import Document, Engagement, Indicator, Perception, Record, parse_record
from softpower.records.vocab import (
    expand_partners,
    instruments,
    members,
    resolve_country,
    resolve_partner,
)

__all__ = [
    "Document",
    "Engagement",
    "Indicator",
    "Perception",
    "Record",
    "expand_partners",
    "instruments",
    "members",
    "parse_record",
    "resolve_country",
    "resolve_partner",
]
