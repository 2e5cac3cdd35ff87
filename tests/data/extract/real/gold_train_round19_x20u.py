"""Hand annotations of the fresh18 text added to the training side in round 19 by x20u (534), merged by make_gold.py.

fresh18 (x19t's frozen set of round 18, 20 texts and 90 gold records, scored once by the lead at the end of
round 18) is development and training text from round 19. Its texts are stored here only where their
licence allows copying (README.md "Sources and licences"): of the 20, only document 15, a news article of the
European Commission's DG ECHO, is reusable (Commission Decision 2011/833/EU: reuse authorised provided the
source is acknowledged). The other 19 are newspaper, news-agency and broadcaster items under their
publishers' copyright, or government pages whose terms could not be confirmed (CIDCA, the Government of Viet
Nam's portal); fresh18's own manifest holds them "outside the repository ... not redistributed". They stay
out of the repository; the numbers 520-539 are kept as 519 + fresh18's number, so 534 is fresh18's 15.

The record is x19t's (``/work/fresh18/make_gold.py``), ported after a re-check against README.md "Annotation
guidelines" and every "Clarified in round N" section; changed (noted in README.md "Round 19 (x20u)"):
* the year of "The EU has released over €43 million ...": 2023 -> none. The statement is in the present
  perfect with no time word; a dated release ("1 February 2023") does not give it a year ("Fields", year: "a
  present-perfect statement on a dated release ... with no time word takes no year"; as 505's "has directed").
Kept as x19t read them:
* the actor ``EU`` (the European Union is a DAC donor, ``extract_model/donor_states.csv``);
* the total toward Myanmar and Bangladesh is the record; the three allocations that make it up (over €18
  million in Myanmar, over €23 million for Bangladesh, €2 million for refugees in neighbouring countries) are
  its breakdown, not records of their own (round 12 "items of a package stated with its total", round 15
  "list items": the parts sum to the stated total);
* the Commissioner's reaffirmed commitment is an aim, and the background's count of people in need a domestic
  fact of the partner (not annotated).
TRAINING ONLY (manifest group ``train-only:534``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from goldtools import E  # noqa: E402

GOLD_TRAIN_ROUND19_X20U = {
    "534_echo_eu_myanmar_bangladesh_humanitarian_2023.txt": [
        (
            "The EU has released over €43 million to address the humanitarian needs of people in Myanmar, as well as those of Rohingya refugees and their host communities in Bangladesh",
            E("EU", ["MMR", "BGD"], "disaster_cooperation", None, 43e6, "EUR"),
        ),
    ],
}
