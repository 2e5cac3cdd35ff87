"""The extract stage: records with provenance from documents (exact rules + learned instrument and act classifiers; offline, deterministic)."""

from softpower.extract.money import Money, find_money
from softpower.extract.pipeline import ExtractResult, extract_file, extract_paths, extract_text
from softpower.extract.text import ExtractInputError, SourceText, iter_inputs, read_source
from softpower.extract.years import YearSpan, find_years

__all__ = [
    "ExtractInputError",
    "ExtractResult",
    "Money",
    "SourceText",
    "YearSpan",
    "extract_file",
    "extract_paths",
    "extract_text",
    "find_money",
    "find_years",
    "iter_inputs",
    "read_source",
]
