"""benchmarks/eval_aiddata.py --fits: a fold's kept fit is found again only for the same training."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent.parent


def _module() -> Any:
    spec = importlib.util.spec_from_file_location("eval_aiddata", ROOT / "benchmarks" / "eval_aiddata.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_kept_fit_is_reused_for_the_same_fold_and_configuration_only(tmp_path: Path) -> None:
    mod = _module()
    key, held, train = '{"instrument": {"C": 4.0}}', ["gcof:1", "gcof:2"], ["gcof:3"]
    assert mod._kept_fit(tmp_path, "Africa", key, held, train) is None  # nothing kept yet
    assert mod._kept_fit(None, "Africa", key, held, train) is None  # without --fits: never
    mod._keep_fit(tmp_path, "Africa", key, held, train, ("dev", "instrument", 3, "act"))
    assert mod._kept_fit(tmp_path, "Africa", key, held, train) == ("dev", "instrument", 3, "act")
    # another configuration, other held-out or training ids, another fold: a new fit
    assert mod._kept_fit(tmp_path, "Africa", '{"instrument": {"C": 2.0}}', held, train) is None
    assert mod._kept_fit(tmp_path, "Africa", key, held[:1], train) is None
    assert mod._kept_fit(tmp_path, "Africa", key, held, [*train, "gcof:4"]) is None
    assert mod._kept_fit(tmp_path, "Europe", key, held, train) is None
    mod._keep_fit(None, "Africa", key, held, train, ("x",))  # without --fits: nothing written
    assert len(list(tmp_path.iterdir())) == 1
