"""Index frameworks: a YAML file declaring pillars, their indicators and the method choices.

A framework names, for each pillar, a weight and a list of dyad indicators. Indicator
names have the form ``family:selector``:

``count:<sel>``
    engagement facts (group partners split equally over members in force);
``usd:<sel>``
    constant-USD money, as ``log(1 + USD million)``, facts without an amount filled from a
    range (see :mod:`softpower.measure.index`);
``roots:<sel>``
    the "roots" stock: engagement counts accumulated with a half-life decay;
``indicator:<metric>``
    a reported statistic (``cultural_institutes``, ``projects``, ...), missing where none;
``perception:<measure>``
    a poll share (``trust``, ``friendly``, ...; ``any`` is their mean), missing where none.

Several names joined by ``|`` are one indicator from alternative sources: each cell takes its
value from the first alternative whose source observes it (so a donor one dataset cannot see
is filled from another dataset that can, never summed), and the Monte Carlo draws the order of
preference (the data-source choice). An indicator may carry a relative weight within its
pillar: ``- {"roots:all": 0.5}`` (default 1).

``<sel>`` is ``all``, a power type (``economic``, ``smart``, ``soft``, ``diplomatic``,
``hard``) or an instrument code. Any problem is reported as one line naming the file, the
line, the key and what was expected.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from softpower import yamltext
from softpower.errors import InputError
from softpower.measure.methods import AGGREGATORS, IMPUTERS, NORMALISERS, WEIGHTINGS
from softpower.records.vocab import POWER_TYPES, instruments

ENGAGEMENT_FAMILIES = ("count", "usd", "roots")
VALUE_FAMILIES = ("indicator", "perception")
PERCEPTION_MEASURES = ("trust", "friendly", "positive_image", "favourable", "considers_interests", "any")
DEFAULT_HALF_LIFE = 10.0
#: Group split rules of the panel (:mod:`softpower.measure.panel`); the first is nominal.
SPLIT_RULES = ("equal", "full")
#: Skew treatments (:mod:`softpower.measure.audit`): the recorded rule, or none.
TREATMENTS = ("auto", "none")
WEIGHT_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Pillar:
    """One pillar: its name, nominal weight and indicator names."""

    name: str
    weight: float | None
    indicators: tuple[str, ...]
    indicator_weights: tuple[float, ...] = ()

    def relative(self, indicator: str) -> float:
        """Relative weight of ``indicator`` within the pillar (1 when none is declared)."""
        if not self.indicator_weights:
            return 1.0
        return self.indicator_weights[self.indicators.index(indicator)]


@dataclass(frozen=True)
class Framework:
    """A validated index framework (see the module docstring for the file format)."""

    name: str
    pillars: tuple[Pillar, ...]
    imputation: str = "zero"
    normalisation: str = "minmax"
    weighting: str = "user"
    aggregation: str = "arithmetic"
    half_life: float = DEFAULT_HALF_LIFE
    half_life_range: tuple[float, float] = (5.0, 20.0)
    mc_normalisation: tuple[str, ...] = tuple(NORMALISERS)
    mc_imputation: tuple[str, ...] = tuple(IMPUTERS)
    mc_aggregation: tuple[str, ...] = tuple(AGGREGATORS)
    mc_split: tuple[str, ...] = SPLIT_RULES
    treatment: str = "auto"
    source: str = "<default>"
    description: str = ""

    @property
    def pillar_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.pillars)

    @property
    def indicators(self) -> tuple[str, ...]:
        """Every distinct indicator, in order of first appearance."""
        return tuple(dict.fromkeys(i for p in self.pillars for i in p.indicators))

    def weights(self) -> dict[str, float]:
        """Nominal pillar weights (equal when the file gives none)."""
        if all(p.weight is not None for p in self.pillars):
            return {p.name: float(p.weight) for p in self.pillars}  # type: ignore[arg-type]
        return {p.name: 1.0 / len(self.pillars) for p in self.pillars}


def selectors() -> tuple[str, ...]:
    """Valid ``<sel>`` values of engagement indicators."""
    return ("all", *POWER_TYPES, *instruments())


def check_indicator(name: str, file: str, line: int | None, key: str) -> str:
    """Return ``name`` if it is a known indicator (alternatives joined by ``|``), else raise
    :class:`InputError`."""
    alts = [a.strip() for a in str(name).split("|")]
    if len(alts) > 1:
        for a in alts:
            check_indicator(a, file, line, key)
        return "|".join(alts)
    fam, _, sel = str(name).partition(":")
    families = ENGAGEMENT_FAMILIES + VALUE_FAMILIES
    if fam not in families or not sel:
        raise InputError(
            file, line, key, f"unknown indicator {name!r}", f"family:selector with family in {families}"
        )
    if fam in ENGAGEMENT_FAMILIES and sel not in selectors():
        raise InputError(
            file,
            line,
            key,
            f"unknown indicator {name!r}",
            "'all', a power type or an instrument code after the colon",
        )
    if fam == "perception" and sel not in PERCEPTION_MEASURES:
        raise InputError(
            file, line, key, f"unknown indicator {name!r}", f"a perception measure in {PERCEPTION_MEASURES}"
        )
    if fam == "indicator" and not re.fullmatch(r"[a-z][a-z0-9_]*", sel):
        raise InputError(file, line, key, f"unknown indicator {name!r}", "a snake_case metric name")
    return str(name)


def check_weights(
    weights: Mapping[str, float],
    pillars: tuple[str, ...],
    file: str,
    lines: Mapping[str, int | None] | None = None,
) -> dict[str, float]:
    """Validate pillar weights: known pillars, all present, non-negative, summing to 1."""
    lines = lines or {}
    out: dict[str, float] = {}
    for k, v in weights.items():
        try:
            w = float(v)
        except (TypeError, ValueError):
            raise InputError(
                file, lines.get(k), f"{k}.weight", f"{v!r} is not a number", "a number in [0, 1]"
            ) from None
        if not math.isfinite(w):
            raise InputError(file, lines.get(k), f"{k}.weight", f"{v!r} is not finite", "a number in [0, 1]")
        if w < 0:
            raise InputError(file, lines.get(k), f"{k}.weight", f"negative weight {w:g}", "a weight >= 0")
        out[k] = w
    unknown = [k for k in weights if k not in pillars]
    if unknown:
        raise InputError(
            file,
            lines.get(unknown[0]),
            "weights",
            f"unknown pillar {unknown[0]!r}",
            f"one of {', '.join(pillars)}",
        )
    missing = [p for p in pillars if p not in weights]
    if missing:
        raise InputError(
            file, None, "weights", f"no weight for pillar {missing[0]!r}", "a weight for every pillar"
        )
    total = sum(out.values())
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise InputError(file, None, "weights", f"weights sum to {total:g}", "weights summing to 1")
    return out


def _lines(node: yaml.Node | None) -> dict[tuple[str, ...], int]:
    """Map key paths of a composed YAML node to 1-based line numbers."""
    out: dict[tuple[str, ...], int] = {}

    def walk(n: yaml.Node, path: tuple[str, ...]) -> None:
        out[path] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                walk(v, (*path, str(k.value)))
                out[(*path, str(k.value))] = k.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                walk(v, (*path, str(i)))

    if node is not None:
        walk(node, ())
    return out


def _choice(
    doc: Mapping[str, Any], key: str, registry: Mapping[str, object], default: str, file: str, ln: dict
) -> str:
    value = doc.get(key, default)
    if value not in registry:
        raise InputError(
            file, ln.get((key,)), key, f"unknown method {value!r}", f"one of {', '.join(registry)}"
        )
    return str(value)


def parse_framework(text: str, file: str = "<framework>") -> Framework:
    """Parse and validate framework YAML ``text`` (``file`` names it in error messages)."""
    try:
        doc, root = yamltext.load_with_nodes(text, file)
        ln = _lines(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            file,
            mark.line + 1 if mark else None,
            None,
            f"not valid YAML: {getattr(exc, 'problem', None) or str(exc).splitlines()[0]}",
            "a YAML mapping",
        ) from None
    if not isinstance(doc, dict):
        raise InputError(file, None, None, "the file is not a mapping", "keys name, pillars, ...")
    pillars_doc = doc.get("pillars")
    if not isinstance(pillars_doc, dict) or not pillars_doc:
        raise InputError(
            file,
            ln.get(("pillars",)),
            "pillars",
            "missing or empty",
            "a mapping pillar -> {weight, indicators}",
        )
    pillars = []
    for pname, body in pillars_doc.items():
        where = ln.get(("pillars", str(pname)))
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("indicators"), list)
            or not body["indicators"]
        ):
            raise InputError(
                file, where, f"pillars.{pname}.indicators", "missing or empty", "a list of indicator names"
            )
        inds: list[str] = []
        rel: list[float] = []
        for i, item in enumerate(body["indicators"]):
            at = ln.get(("pillars", str(pname), "indicators", str(i)))
            key = f"pillars.{pname}.indicators"
            w: Any = 1.0
            if isinstance(item, dict):
                if len(item) != 1:
                    raise InputError(file, at, key, f"{item!r} is not one name", "NAME or {NAME: WEIGHT}")
                item, w = next(iter(item.items()))
            if not isinstance(w, int | float) or isinstance(w, bool) or not math.isfinite(w) or w <= 0:
                raise InputError(file, at, key, f"relative weight {w!r}", "a number > 0")
            inds.append(check_indicator(item, file, at, key))
            rel.append(float(w))
        pillars.append(
            Pillar(
                str(pname), body.get("weight"), tuple(inds), tuple(rel) if any(r != 1 for r in rel) else ()
            )
        )
    names = tuple(p.name for p in pillars)
    given = {p.name: p.weight for p in pillars if p.weight is not None}
    if given:
        check_weights(given, names, file, {k: ln.get(("pillars", k, "weight")) for k in given})
    hl = doc.get("half_life", DEFAULT_HALF_LIFE)
    hr = doc.get("half_life_range", [5.0, 20.0])
    if not isinstance(hl, int | float) or hl <= 0:
        raise InputError(
            file, ln.get(("half_life",)), "half_life", f"{hl!r} is not a positive number", "years > 0"
        )
    if not (
        isinstance(hr, list)
        and len(hr) == 2
        and all(isinstance(v, int | float) for v in hr)
        and 0 < hr[0] <= hl <= hr[1]
    ):
        raise InputError(
            file,
            ln.get(("half_life_range",)),
            "half_life_range",
            f"{hr!r} is not a valid range",
            "[low, high] with 0 < low <= half_life <= high",
        )
    # the nominal choices first: the aggregation is also the uncertainty's default list
    imputation = _choice(doc, "imputation", IMPUTERS, "zero", file, ln)
    normalisation = _choice(doc, "normalisation", NORMALISERS, "minmax", file, ln)
    weighting = _choice(doc, "weighting", WEIGHTINGS, "user", file, ln)
    aggregation = _choice(doc, "aggregation", AGGREGATORS, "arithmetic", file, ln)
    treatment = _choice(doc, "treatment", dict.fromkeys(TREATMENTS), "auto", file, ln)
    unc = doc.get("uncertainty") or {}
    mc_norm = tuple(unc.get("normalisation", list(NORMALISERS)))
    mc_imp = tuple(unc.get("imputation", list(IMPUTERS)))
    mc_agg = tuple(unc.get("aggregation", [aggregation]))
    mc_split = tuple(unc.get("split", [SPLIT_RULES[0]]))
    split_reg = dict.fromkeys(SPLIT_RULES)
    for key, values, reg in (
        ("normalisation", mc_norm, NORMALISERS),
        ("imputation", mc_imp, IMPUTERS),
        ("aggregation", mc_agg, AGGREGATORS),
        ("split", mc_split, split_reg),
    ):
        bad = [v for v in values if v not in reg] or ([] if values else ["(empty)"])
        if bad:
            raise InputError(
                file,
                ln.get(("uncertainty", key)),
                f"uncertainty.{key}",
                f"unknown method {bad[0]!r}",
                f"a list from {tuple(reg)}",
            )
    fw = Framework(
        name=str(doc.get("name", Path(file).stem)),
        pillars=tuple(pillars),
        imputation=imputation,
        normalisation=normalisation,
        weighting=weighting,
        aggregation=aggregation,
        half_life=float(hl),
        half_life_range=(float(hr[0]), float(hr[1])),
        mc_normalisation=mc_norm,
        mc_imputation=mc_imp,
        mc_aggregation=mc_agg,
        mc_split=mc_split,
        treatment=treatment,
        source=file,
        description=str(doc.get("description", "")).strip(),
    )
    return fw


def load_framework(path: str | Path | None = None) -> Framework:
    """Load a framework file, or the bundled default (``softpower/frameworks/default.yaml``)."""
    if path is None:
        text = resources.files("softpower").joinpath("frameworks/default.yaml").read_text(encoding="utf-8")
        return parse_framework(text, "default.yaml")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(
            str(p), None, None, f"cannot read framework file ({exc.strerror})", "a readable YAML file"
        ) from None
    return parse_framework(text, str(p))
