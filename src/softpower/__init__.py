"""softpower: record, measure and simulate soft-power diplomacy in the Indo-Pacific."""

from softpower.errors import InputError, LedgerError, SoftpowerError

__version__ = "0.1.0"

__all__ = ["InputError", "LedgerError", "SoftpowerError", "__version__"]
