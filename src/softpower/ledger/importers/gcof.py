"""``aiddata-gcof``: AidData Global Chinese Official Finance Dataset 1.0 → CHN engagements.

References
----------
AidData (2017). *Global Chinese Official Finance Dataset, Version 1.0*.
http://aiddata.org/data/chinese-global-official-finance-dataset
"""

from __future__ import annotations

from pathlib import Path

from softpower.ledger.importers._base import ImportBatch, concat, dedupe_documents, find_files
from softpower.ledger.importers.tuff import load_tuff

DATASET = "aiddata-gcof-1.0"
TITLE = "AidData Global Chinese Official Finance Dataset 1.0"
URL = "http://aiddata.org/data/chinese-global-official-finance-dataset"


def load(path: Path) -> ImportBatch:
    """Load ``GlobalChineseOfficialFinanceDataset_v1.0.csv`` (or a folder holding it)."""
    files = find_files(path, ["GlobalChineseOfficialFinanceDataset*.csv"])
    batch = concat([load_tuff(f, dataset=DATASET, title=TITLE, url=URL) for f in files])
    batch.documents = dedupe_documents(batch.documents)
    return batch
