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
#: Oldest poll (years before the start year) that may set a start state.
AGE_LIMIT = 15
#: Uncertainty of a start state taken from a poll ``age`` years old: ``SD_BASE + SD_PER_YEAR * age``
#: (capped at ``SD_MAX``). Fitted to the root-mean-square change between two Pew waves of the same
#: public and subject, by gap (2002-2011 waves only: 0.082 at 1 year, 0.120 at 3, 0.153 at 5).
SD_BASE, SD_PER_YEAR, SD_MAX = 0.065, 0.017, 0.25
#: Uncertainty of a declared prior (no poll): a third of the unit interval's spread either way.
PRIOR_SD = 0.2


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
    t0: np.ndarray  # (D, P): initial trust (the newest poll within AGE_LIMIT, else the prior)
    t0_source: np.ndarray  # (D, P): "<measure> <year>" or "prior"
    hist_usd: np.ndarray  # (A, D, P, K): ledger money by age (million constant USD)
    hist_units: np.ndarray  # (A, D, P, K): ledger records without money, by age
    ally: np.ndarray  # (D, P) bool
    hedger: np.ndarray  # (P,) bool
    group: np.ndarray  # (K,) power type index into GROUPS
    smart: np.ndarray  # (K,) bool
    hard: np.ndarray  # (K,) bool
    extra: np.ndarray | None = None  # (H, D, P, K): observed dyad flows added as they are (calibration)
    level: np.ndarray | None = None  # (D, P): long-run level trust reverts to (None: t0)
    t0_sd: np.ndarray | None = None  # (D, P): uncertainty of the start state (None: none)
    t0_age: np.ndarray | None = None  # (D, P): age in years of the poll behind t0 (-1: prior)
    observed: np.ndarray | None = None  # (H + 1, D, P): polls assimilated as they come (NaN: none)
    budgets: dict[str, dict[str, Any]] | None = None  # per donor: budget and shares' source

    @property
    def anchor_level(self) -> np.ndarray:
        """The long-run level of each dyad: ``level``, else the start state."""
        return self.t0 if self.level is None else self.level


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
    """Perception facts per respondent state: ``actor, partner, year, measure, value, fact, origin``.

    Records stating the same fact (``fact_key``, kept as ``fact``) are counted once (``origin``:
    the import that brought it, which tells one pollster's series from another's); group
    respondents are expanded to their members in force that year; only measures in
    :data:`TRUST_MEASURES`.
    """
    cols = ["actor", "partner", "year", "measure", "value", "fact", "origin"]
    with opened(ledger) as led:
        if led is None:
            return pd.DataFrame(columns=cols)
        raw = led.query(
            "SELECT fact_key, any_value(actor) AS actor, any_value(partners) AS partners, "
            "any_value(measure) AS measure, avg(value) AS value, min(year) AS year, min(origin) AS origin "
            "FROM perception WHERE value IS NOT NULL AND year IS NOT NULL GROUP BY fact_key"
        )
    rows = []
    for r in raw.itertuples(index=False):
        if r.measure not in TRUST_MEASURES:
            continue
        for p in expand_partners(list(r.partners), int(r.year)):
            rows.append((r.actor, p, int(r.year), r.measure, float(r.value), r.fact_key, r.origin))
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(cols[:4], ignore_index=True)  # several columns: a stable sort


@dataclass
class StartStates:
    """Start state of every donor x partner: value, long-run level, uncertainty, source and age."""

    t0: np.ndarray  # (D, P)
    level: np.ndarray  # (D, P): mean of the same measure's polls within the age limit
    sd: np.ndarray  # (D, P)
    source: np.ndarray  # (D, P) object: "<measure> <year> (<import>)" or "prior"
    age: np.ndarray  # (D, P) int: years between the poll and the start year; -1 for a prior
    n_polls: np.ndarray  # (D, P) int: polls behind the level

    def table(self, donors: tuple[str, ...], partners: tuple[str, ...], year: int) -> pd.DataFrame:
        """One row per donor and partner: ``donor, partner, year, value, level, sd, source, age, n_polls``."""
        nd, np_ = len(donors), len(partners)
        return pd.DataFrame(
            {
                "donor": np.repeat(donors, np_),
                "partner": np.tile(partners, nd),
                "year": year,
                "value": np.round(self.t0.ravel(), 4),
                "level": np.round(self.level.ravel(), 4),
                "sd": np.round(self.sd.ravel(), 4),
                "source": self.source.ravel().astype(str),
                "age": self.age.ravel().astype(int),
                "n_polls": self.n_polls.ravel().astype(int),
            }
        )


def age_sd(age: np.ndarray | float) -> np.ndarray:
    """Uncertainty of a start state from a poll ``age`` years old (see :data:`SD_BASE`)."""
    return np.minimum(SD_MAX, SD_BASE + SD_PER_YEAR * np.asarray(age, dtype=float))


def start_states(
    obs: pd.DataFrame,
    donors: tuple[str, ...],
    partners: tuple[str, ...],
    year: int,
    age_limit: int = AGE_LIMIT,
) -> StartStates:
    """Start states from public-opinion polls no later than ``year`` and at most ``age_limit`` years old.

    Per dyad, the newest poll sets the start value (the most direct measure of
    :data:`INITIAL_MEASURES` in that year); the mean of that measure's polls inside the
    window from the same import (one pollster's series) sets the long-run level; the uncertainty grows with the poll's age
    (:func:`age_sd`). A dyad without a poll in the window starts from the declared prior
    (``sim_trust_priors.csv``) with :data:`PRIOR_SD`, and says so.
    """
    priors = trust_priors()
    t0 = np.array([[priors.get(d, priors["*"]) for _ in partners] for d in donors], dtype=float)
    shape = t0.shape
    level, sd = t0.copy(), np.full(shape, PRIOR_SD)
    src = np.full(shape, "prior", dtype=object)
    age, n = np.full(shape, -1, dtype=int), np.zeros(shape, dtype=int)
    o = obs.loc[obs["measure"].isin(INITIAL_MEASURES) & obs["year"].between(year - age_limit, year)]
    if not o.empty:
        rank = {m: i for i, m in enumerate(INITIAL_MEASURES)}
        o = o.assign(rank=o["measure"].map(rank))
        # one value per dyad, measure and year (several polls in a year are averaged)
        o = o.groupby(["actor", "partner", "measure", "origin", "year"], as_index=False).agg(
            value=("value", "mean"), rank=("rank", "first")
        )
        newest = o.sort_values(
            ["actor", "partner", "year", "rank", "origin"], ascending=[True, True, False, True, True]
        )
        newest = newest.drop_duplicates(["actor", "partner"])
        di, pi = {d: i for i, d in enumerate(donors)}, {p: i for i, p in enumerate(partners)}
        for a, p, m, org, y, v, _ in newest.itertuples(index=False):
            if a not in di or p not in pi:
                continue
            i, j = di[str(a)], pi[str(p)]
            same = o.loc[
                (o["actor"] == a) & (o["partner"] == p) & (o["measure"] == m) & (o["origin"] == org), "value"
            ]
            t0[i, j], level[i, j] = float(v), float(same.mean())
            age[i, j], n[i, j] = year - int(y), len(same)
            sd[i, j] = float(age_sd(year - int(y)))
            src[i, j] = f"{m} {int(y)} ({org})"
    return StartStates(t0, level, sd, src, age, n)


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


def with_observed_budgets(sc: Scenario, flows: dict[str, Any]) -> Scenario:
    """The scenario with each donor's start budget from its observed flows.

    A budget declared in a strategy or a scenario's ``donors`` is a prior, used only where no
    flow source covers the donor; dated ``changes`` still move budgets (they are levers).
    """
    from dataclasses import replace

    donors = dict(sc.donors)
    for d, f in flows.items():
        donors[d] = replace(donors[d], budget=f.budget)
    return replace(sc, donors=donors)


def build_inputs(sc: Scenario, ledger: Any = None) -> Inputs:
    """Compile a scenario (and the ledger's history, polls and flows, if given) into arrays.

    Budgets and partner shares come from observed official flows where a source covers the
    donor (:mod:`softpower.simulate.flows`); otherwise the strategy's declared budget spread
    evenly over the partners. Scenario ``partner_weights`` multiply the shares.
    """
    from softpower.simulate.flows import observed_flows

    codes = tuple(instruments())
    donors, partners = tuple(sc.donors), sc.partners
    with opened(ledger) as led:
        usd, units, _ = ledger_history(led, donors, partners, codes, sc.start_year)
        obs = perception_observations(led)
        flows = observed_flows(led, donors, partners, sc.start_year, AGE_LIMIT)
    st = start_states(obs, donors, partners, sc.start_year)
    weights = np.ones((len(donors), len(partners)))
    for d, code in enumerate(donors):
        for p_code, w in sc.partner_weights.get(code, {}).items():
            for p in expand_partners([p_code], sc.start_year):
                if p in partners:
                    weights[d, partners.index(p)] = w
    tilt = weights.copy()
    budgets: dict[str, dict[str, Any]] = {}
    for d, code in enumerate(donors):
        if code in flows:
            tilt[d] *= flows[code].shares
            budgets[code] = flows[code].describe()
        else:
            budgets[code] = {
                "budget_musd": sc.donors[code].budget,
                "dataset": f"declared (sim_strategies.csv: {sc.donors[code].name}); no flow source covers {code}",
                "shares": "even over the partners",
            }
    totals = tilt.sum(axis=1, keepdims=True)
    pi0 = np.divide(tilt, totals, out=np.full_like(tilt, 1.0 / len(partners)), where=totals > 0)
    sc = with_observed_budgets(sc, flows)
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
        t0=st.t0,
        t0_source=st.source,
        hist_usd=usd,
        hist_units=units,
        ally=np.array([[(d, p) in allies() for p in partners] for d in donors]),
        hedger=np.array([p in hedgers() for p in partners]),
        group=np.array([GROUPS.index(groups[k]) for k in codes]),
        smart=np.array([k in SMART_INSTRUMENTS for k in codes]),
        hard=np.array([k in HARD_INSTRUMENTS for k in codes]),
        level=st.level,
        t0_sd=st.sd,
        t0_age=st.age,
        budgets=budgets,
    )
