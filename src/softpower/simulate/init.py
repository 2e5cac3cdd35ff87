"""Initial state and the deterministic inputs of a scenario (schedules, masks, ledger history).

Everything here is computed once per scenario and shared by every run; what varies by
run (parameters, noise) is applied in :mod:`softpower.simulate.model`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from softpower.records.vocab import HARD_INSTRUMENTS, SMART_INSTRUMENTS, expand_partners, instruments
from softpower.simulate.params import instrument_groups
from softpower.simulate.scenario import AID_INSTRUMENTS, Scenario
from softpower.simulate.strategies import allies, hedgers, modified, trust_priors

#: Perception measures used as evidence of trust, most direct first.
TRUST_MEASURES = ("trust", "favourable", "positive_image", "friendly", "considers_interests", "helpful")
#: Measures of public opinion that may set initial trust; ``helpful`` (leaders' ratings of a
#: donor's advice, Listening to Leaders) is a different population and is used in calibration only.
INITIAL_MEASURES = TRUST_MEASURES[:5]
MAX_HISTORY = 60  # years of ledger history that can still matter at the longest half-life


@dataclass
class Inputs:
    """Deterministic inputs of one scenario (arrays over donors d, partners p, instruments k)."""

    donors: tuple[str, ...]
    partners: tuple[str, ...]
    instruments: tuple[str, ...]
    years: list[int]
    flow: np.ndarray  # (H, D, P, K): budget × allocation × shock multiplier, million USD
    ef: np.ndarray  # (H, D, P): equal-footing share
    ppp: np.ndarray  # (H, D, P): PPP share
    reaction: np.ndarray  # (D,): strategy reaction factor
    pi0: np.ndarray  # (D, P): initial partner shares of each donor's budget
    t0: np.ndarray  # (D, P): initial trust
    t0_source: np.ndarray  # (D, P): "perception <year>" or "prior"
    hist_usd: np.ndarray  # (A, D, P, K): ledger money by age (million constant USD)
    hist_units: np.ndarray  # (A, D, P, K): ledger records without money, by age
    ally: np.ndarray  # (D, P) bool
    hedger: np.ndarray  # (P,) bool
    group: np.ndarray  # (K,) power type index into GROUPS
    smart: np.ndarray  # (K,) bool
    hard: np.ndarray  # (K,) bool
    extra: np.ndarray | None = None  # (H, D, P, K): observed dyad flows added as they are (calibration)


GROUPS = ("economic", "smart", "soft", "diplomatic", "hard")


@contextmanager
def opened(ledger: Any) -> Iterator[Any]:
    """An open ledger from a :class:`~softpower.ledger.Ledger`, a path, or ``None``."""
    if ledger is None or hasattr(ledger, "query"):
        yield ledger
        return
    from softpower.ledger import Ledger

    with Ledger.open(Path(ledger), read_only=True) as led:
        yield led


def perception_observations(ledger: Any) -> pd.DataFrame:
    """Perception facts per respondent state: ``actor, partner, year, measure, value, fact``.

    Records stating the same fact (``fact_key``, kept as ``fact``) are counted once; group
    respondents are expanded to their members in force that year; only measures in
    :data:`TRUST_MEASURES`.
    """
    cols = ["actor", "partner", "year", "measure", "value", "fact"]
    with opened(ledger) as led:
        if led is None:
            return pd.DataFrame(columns=cols)
        raw = led.query(
            "SELECT fact_key, any_value(actor) AS actor, any_value(partners) AS partners, "
            "any_value(measure) AS measure, avg(value) AS value, min(year) AS year "
            "FROM perception WHERE value IS NOT NULL AND year IS NOT NULL GROUP BY fact_key"
        )
    rows = []
    for r in raw.itertuples(index=False):
        if r.measure not in TRUST_MEASURES:
            continue
        for p in expand_partners(list(r.partners), int(r.year)):
            rows.append((r.actor, p, int(r.year), r.measure, float(r.value), r.fact_key))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(cols[:4], kind="stable").reset_index(drop=True)


def initial_trust(
    obs: pd.DataFrame, donors: tuple[str, ...], partners: tuple[str, ...], year: int
) -> tuple[np.ndarray, np.ndarray]:
    """Initial trust: the public-opinion share nearest ``year`` (most direct measure first), else the prior."""
    priors = trust_priors()
    t0 = np.array([[priors.get(d, priors["*"]) for _ in partners] for d in donors], dtype=float)
    src = np.full(t0.shape, "prior", dtype=object)
    obs = obs.loc[obs["measure"].isin(INITIAL_MEASURES)]
    if not obs.empty:
        rank = {m: i for i, m in enumerate(INITIAL_MEASURES)}
        o = obs.assign(dist=(obs["year"] - year).abs(), rank=obs["measure"].map(rank))
        o = o.sort_values(["actor", "partner", "dist", "rank", "year"], kind="stable")
        first = o.drop_duplicates(["actor", "partner"])
        di, pi = {d: i for i, d in enumerate(donors)}, {p: i for i, p in enumerate(partners)}
        for a, p, y, m, v in first[["actor", "partner", "year", "measure", "value"]].itertuples(index=False):
            if a in di and p in pi:
                t0[di[str(a)], pi[str(p)]] = float(v)
                src[di[str(a)], pi[str(p)]] = f"{m} {y}"
    return t0, src


def ledger_history(
    ledger: Any, donors: tuple[str, ...], partners: tuple[str, ...], codes: tuple[str, ...], year: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Engagement up to ``year`` from ``softpower.measure.engagement_panel``, by age.

    Returns ``usd`` and ``units`` of shape (ages, D, P, K) (million constant USD, and
    records that state no money) and ``count`` (D, P) of engagements per dyad.
    """
    shape = (len(donors), len(partners), len(codes))
    empty = np.zeros((1, *shape)), np.zeros((1, *shape)), np.zeros(shape[:2])
    if ledger is None:
        return empty
    from softpower.measure import engagement_panel

    with opened(ledger) as led:
        panel = engagement_panel(led)
    di, pi, ki = ({c: i for i, c in enumerate(x)} for x in (donors, partners, codes))
    m = panel["actor"].isin(di) & panel["partner"].isin(pi) & (panel["year"] <= year)
    m &= panel["year"] > year - MAX_HISTORY
    panel = panel.loc[m]
    if panel.empty:
        return empty
    ages = int((year - panel["year"]).max()) + 1
    usd, units = np.zeros((ages, *shape)), np.zeros((ages, *shape))
    idx = (
        (year - panel["year"]).to_numpy(int),
        panel["actor"].map(di).to_numpy(int),
        panel["partner"].map(pi).to_numpy(int),
        panel["instrument"].map(ki).to_numpy(int),
    )
    np.add.at(usd, idx, panel["usd_const"].fillna(0.0).to_numpy(float) / 1e6)
    np.add.at(units, idx, panel["usd_missing"].fillna(0.0).to_numpy(float))
    count = np.zeros(shape[:2])
    np.add.at(count, idx[1:3], panel["count"].to_numpy(float))
    return usd, units, count


def _schedule(sc: Scenario, codes: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Yearly flows (before partner shares), equal-footing and PPP shares, after changes and shocks."""
    donors, partners = tuple(sc.donors), sc.partners
    h, nd, np_, nk = sc.horizon, len(donors), len(partners), len(codes)
    pi = {p: i for i, p in enumerate(partners)}
    ki = {k: i for i, k in enumerate(codes)}
    flow, ef, ppp = np.zeros((h, nd, np_, nk)), np.zeros((h, nd, np_)), np.zeros((h, nd, np_))
    for d, code in enumerate(donors):
        strat = sc.donors[code]
        budget = strat.budget
        ef_d, ppp_d = np.full(np_, strat.equal_footing), np.full(np_, strat.ppp)
        for i, year in enumerate(sc.years[:-1]):
            if i > 0:
                budget *= 1.0 + strat.growth
            for ch in sc.changes:
                if ch.donor != code or ch.year != year:
                    continue
                sel = [pi[p] for p in ch.partners if p in pi] if ch.partners else slice(None)
                if "equal_footing" in ch.fields:
                    ef_d[sel] = ch.fields["equal_footing"]
                if "ppp" in ch.fields:
                    ppp_d[sel] = ch.fields["ppp"]
                rest = {k: v for k, v in ch.fields.items() if k not in ("equal_footing", "ppp")}
                strat = modified(strat, rest, sc.file, "changes")
                budget = float(rest.get("budget", budget))
            flow[i, d] = budget * np.asarray(strat.shares())[None, :]
            ef[i, d], ppp[i, d] = ef_d, ppp_d
    for sh in sc.shocks:
        ds = [donors.index(x) for x in sh.donors] if sh.donors else list(range(nd))
        ps = [pi[p] for p in sh.partners if p in pi] if sh.partners else list(range(np_))
        ks = [ki[k] for k in sh.instruments] if sh.instruments else list(range(nk))
        for i, year in enumerate(sc.years[:-1]):
            if not sh.active(year):
                continue
            sub = np.ix_([i], ds, ps, ks)
            if sh.type == "withdrawal":
                flow[sub] = 0.0
            elif sh.type == "scale":
                flow[sub] *= sh.values["factor"]
            else:  # pandemic or financial crisis: budgets cut, one kind of engagement boosted
                flow[sub] *= 1.0 - sh.values["budget_cut"]
                boosted = ("health_cooperation",) if sh.type == "pandemic" else AID_INSTRUMENTS
                boost = sh.values["health_boost" if sh.type == "pandemic" else "aid_boost"]
                kb = [ki[k] for k in boosted if ki[k] in ks]
                flow[np.ix_([i], ds, ps, kb)] *= 1.0 + boost
    return flow, ef, ppp


def build_inputs(sc: Scenario, ledger: Any = None) -> Inputs:
    """Compile a scenario (and the ledger's history and perceptions, if given) into arrays."""
    codes = tuple(instruments())
    donors, partners = tuple(sc.donors), sc.partners
    with opened(ledger) as led:
        usd, units, count = ledger_history(led, donors, partners, codes, sc.start_year)
        obs = perception_observations(led)
    t0, src = initial_trust(obs, donors, partners, sc.start_year)
    weights = np.ones((len(donors), len(partners)))
    for d, code in enumerate(donors):
        for p_code, w in sc.partner_weights.get(code, {}).items():
            for p in expand_partners([p_code], sc.start_year):
                if p in partners:
                    weights[d, partners.index(p)] = w
    tilt = weights * (1.0 + np.log1p(count))
    totals = tilt.sum(axis=1, keepdims=True)
    pi0 = np.divide(tilt, totals, out=np.full_like(tilt, 1.0 / len(partners)), where=totals > 0)
    flow, ef, ppp = _schedule(sc, codes)
    groups = instrument_groups()
    return Inputs(
        donors=donors,
        partners=partners,
        instruments=codes,
        years=sc.years,
        flow=flow,
        ef=ef,
        ppp=ppp,
        reaction=np.array([sc.donors[d].reaction for d in donors]),
        pi0=pi0,
        t0=t0,
        t0_source=src,
        hist_usd=usd,
        hist_units=units,
        ally=np.array([[(d, p) in allies() for p in partners] for d in donors]),
        hedger=np.array([p in hedgers() for p in partners]),
        group=np.array([GROUPS.index(groups[k]) for k in codes]),
        smart=np.array([k in SMART_INSTRUMENTS for k in codes]),
        hard=np.array([k in HARD_INSTRUMENTS for k in codes]),
    )
