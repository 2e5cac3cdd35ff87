"""Rebuild the recall model: ``python -m softpower.extract.learned.train_recall [--check]``.

The command lives apart from :mod:`softpower.extract.learned.recall` because the package imports
that module to apply the model; running it itself with ``-m`` would load it a second time (Python
warns that the result may be unpredictable).
"""

import sys

from softpower.extract.learned.recall import main

if __name__ == "__main__":
    sys.exit(main())
