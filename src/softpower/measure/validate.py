"""A standing validity check: do index gaps between donors order them as publics do?

For every external measure in the ledger (Pew favourability, the USSC survey, Listening to
Leaders, any perception record) an **observation** is one figure: a pollster's measure of one
donor among one public (a state or, for a regional figure, a group of states) in one year.
Two donors measured by the same pollster, measure, public and year form a **pair**: the
perception gap ``v_A - v_B`` and the index gap ``s_A - s_B``, where ``s`` is the donor's
nominal index score in that public (for a regional figure, the mean over the member states in
force where both donors are scored). A regional figure is one observation, never one per
member, so a survey of "East Asia" cannot outvote a survey of one state (no
pseudo-replication).

Statistics over the pairs: ``n``, Spearman's rho between the two gaps (with its p-value), and
the **ordering agreement**: the share of pairs (both gaps non-zero) in which the index puts
the same donor ahead as the public.

Pairs are not independent: the same public is polled in many years, and its donor pairs
share donors. Two guards against pseudo-replication: (1) the **pooled** statistics keep one
observation per source, measure, public and donor pair, its gaps averaged over the years
polled; (2) the 95 % interval of rho is a **cluster bootstrap over publics** (whole publics
resampled with replacement, seeded), and ``publics`` says how many independent publics
there are. With few publics (Listening to Leaders: three regional figures) the interval is
wide, as it should be.

**Withheld data**: Pew waves from 2017 are evaluation-only and are never read here
(:data:`WITHHELD_FROM`); :func:`observations` drops them and counts them.

Nothing here calibrates the index. :func:`fit_weights` is a separate, named option: it fits the
pillar weights to opinion on pairs up to a year the user gives, and reports rho on those and on
the later pairs; the index itself never uses fitted weights unless the user passes them.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from softpower.measure.dyads import _opened
from softpower.records.vocab import expand_partners, group_codes

#: Fewest pairs for a rho to be reported.
MIN_PAIRS = 5
#: Perception sources whose waves from a year on are evaluation-only: never read.
WITHHELD_FROM = {"pew-favourability": 2017}
#: Cluster-bootstrap resamples for the interval of rho.
BOOTSTRAP = 1000

PERCEPTIONS_SQL = """
SELECT fact_key,
       min_by(actor, record_id) AS actor,
       min_by(partners, record_id) AS partners,
       min_by(measure, record_id) AS measure,
       min_by(origin, record_id) AS origin,
       min_by(coalesce(year, CAST(year(doc_date) AS INTEGER)), record_id)
           FILTER (WHERE coalesce(year, CAST(year(doc_date) AS INTEGER)) IS NOT NULL) AS year,
       min_by(value, record_id) FILTER (WHERE value IS NOT NULL) AS value
FROM record_sources WHERE kind = 'perception'
GROUP BY fact_key
ORDER BY fact_key
"""

PAIR_COLUMNS = (
    "origin",
    "measure",
    "public",
    "year",
    "a",
    "b",
    "perception_a",
    "perception_b",
    "perception_gap",
    "index_a",
    "index_b",
    "index_gap",
    "members",
)


def observations(ledger: Any) -> pd.DataFrame:
    """Perception figures: one row per pollster (origin), measure, public, year and donor.

    ``public`` is the ``+``-joined list of the record's partner codes as stated (a group code
    stays one public); several facts on the same key are averaged. Withheld waves
    (:data:`WITHHELD_FROM`) are dropped; ``attrs["withheld"]`` counts them.
    """
    with _opened(ledger) as led:
        f = led.query(PERCEPTIONS_SQL)
    f = f.loc[f["value"].notna() & f["year"].notna()]
    # a wave is withheld from its source's first withheld year on (other sources: NaN, never)
    held = (f["year"] >= f["origin"].map(WITHHELD_FROM)).to_numpy()
    withheld = int(held.sum())
    f = f.loc[~held]
    if f.empty:
        out = pd.DataFrame({c: [] for c in ("origin", "measure", "public", "year", "actor", "value")})
        out.attrs["withheld"] = withheld
        return out
    # every perception has a measure (the record model requires one)
    f = f.assign(
        public=["+".join(sorted(str(c) for c in p)) for p in f["partners"]],
        year=f["year"].astype(int),
    )
    keys = ["origin", "measure", "public", "year", "actor"]
    out = f.groupby(keys, as_index=False)["value"].mean()
    out.attrs["withheld"] = withheld
    return out


def gap_pairs(scores: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """Pairs of donors measured together, with perception and index gaps.

    Parameters
    ----------
    scores
        Nominal index scores: ``actor, partner, year, score``.
    obs
        :func:`observations` rows: ``origin, measure, public, year, actor, value``.
    """
    idx = scores.set_index(["actor", "partner", "year"])["score"]
    lookup = idx.to_dict()
    rows = []
    for key, g in obs.groupby(["origin", "measure", "public", "year"]):
        k: tuple[Any, ...] = tuple(key)  # type: ignore[arg-type]
        origin, measure, public, year = str(k[0]), str(k[1]), str(k[2]), int(k[3])
        codes = public.split("+")
        vals = dict(zip(g["actor"], g["value"], strict=True))
        for a, b in combinations(sorted(vals), 2):
            members = [m for m in expand_partners(codes, int(year)) if m not in (a, b)]
            both = [m for m in members if (a, m, year) in lookup and (b, m, year) in lookup]
            if not both:
                continue
            sa = float(np.mean([lookup[(a, m, year)] for m in both]))
            sb = float(np.mean([lookup[(b, m, year)] for m in both]))
            rows.append(
                (
                    origin,
                    measure,
                    public,
                    int(year),
                    a,
                    b,
                    vals[a],
                    vals[b],
                    vals[a] - vals[b],
                    sa,
                    sb,
                    sa - sb,
                    len(both),
                )
            )
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


def _spearman(x: np.ndarray, y: np.ndarray) -> float | None:
    """Spearman's rho (average ranks for ties), ``None`` below :data:`MIN_PAIRS` or without
    variation; the Pearson correlation of the ranks, as :func:`scipy.stats.spearmanr`."""
    if len(x) < MIN_PAIRS or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    return float((rx * ry).sum() / np.sqrt((rx * rx).sum() * (ry * ry).sum()))


def rho_interval(
    pairs: pd.DataFrame, *, seed: int = 0, draws: int = BOOTSTRAP
) -> tuple[float | None, float | None]:
    """95 % cluster-bootstrap interval of Spearman's rho: whole publics are resampled."""
    if pairs.empty:
        return None, None
    codes, publics = pd.factorize(pairs["public"], sort=True)
    if len(publics) < 2:
        return None, None
    ig, pg = pairs["index_gap"].to_numpy(), pairs["perception_gap"].to_numpy()
    members = [np.flatnonzero(codes == c) for c in range(len(publics))]
    rng = np.random.default_rng(seed)
    rhos = []
    for _ in range(draws):
        idx = np.concatenate([members[c] for c in rng.integers(0, len(publics), len(publics))])
        r = _spearman(ig[idx], pg[idx])
        if r is not None and np.isfinite(r):
            rhos.append(r)
    if len(rhos) < draws // 2:
        return None, None
    lo, hi = np.quantile(rhos, [0.025, 0.975])
    return round(float(lo), 6), round(float(hi), 6)


def agreement(pairs: pd.DataFrame, *, seed: int = 0, draws: int = BOOTSTRAP) -> dict[str, Any]:
    """``n``, Spearman rho (p-value and cluster-bootstrap 95 % interval) of index gaps vs
    perception gaps, ordering agreement, and the number of distinct publics."""
    n = len(pairs)
    out: dict[str, Any] = {
        "n": n,
        "publics": int(pairs["public"].nunique()) if n else 0,
        "rho": None,
        "p_value": None,
        "rho_lo": None,
        "rho_hi": None,
        "agreement": None,
        "ordered": 0,
        "ties": 0,
    }
    if n == 0:
        return out
    pg, ig = pairs["perception_gap"].to_numpy(), pairs["index_gap"].to_numpy()
    decided = (pg != 0) & (ig != 0)
    out["ties"] = int((~decided).sum())
    out["ordered"] = int(decided.sum())
    if decided.any():
        out["agreement"] = round(float((np.sign(pg[decided]) == np.sign(ig[decided])).mean()), 6)
    if n >= MIN_PAIRS and np.ptp(pg) > 0 and np.ptp(ig) > 0:
        res = stats.spearmanr(ig, pg)
        out["rho"] = round(float(res.statistic), 6)
        out["p_value"] = float(res.pvalue)
        if draws:
            out["rho_lo"], out["rho_hi"] = rho_interval(pairs, seed=seed, draws=draws)
    return out


def pooled(pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per source, measure, public and donor pair: gaps averaged over the years."""
    if pairs.empty:
        return pairs.assign(years=pd.Series(dtype=int))
    keys = ["origin", "measure", "public", "a", "b"]
    g = pairs.groupby(keys, as_index=False)
    return g.agg(
        perception_gap=("perception_gap", "mean"),
        index_gap=("index_gap", "mean"),
        years=("year", "nunique"),
        first_year=("year", "min"),
        last_year=("year", "max"),
    )


def validate(
    scores: pd.DataFrame,
    obs: pd.DataFrame,
    *,
    from_year: int | None = None,
    to_year: int | None = None,
    seed: int = 0,
    draws: int = BOOTSTRAP,
) -> dict[str, Any]:
    """The validity report: overall, per source and measure (per public-year pair and pooled
    over years), per donor pair, and the pairs. Plain data for the CLI and the report."""
    withheld = int(obs.attrs.get("withheld", 0))
    if from_year is not None:
        obs = obs.loc[obs["year"] >= from_year]
    if to_year is not None:
        obs = obs.loc[obs["year"] <= to_year]
    pairs = gap_pairs(scores, obs)
    pool = pooled(pairs)

    def both(p: pd.DataFrame, q: pd.DataFrame, min_publics: int = 2) -> dict[str, Any]:
        years = sorted(int(y) for y in p["year"].unique())
        boot = draws if p["public"].nunique() >= min_publics else 0  # none for no pairs
        return {
            "years": f"{years[0]}-{years[-1]}" if years else "",
            **agreement(p, seed=seed, draws=boot),
            "pooled": agreement(q, seed=seed, draws=0),
        }

    overall = both(pairs, pool)
    by_source = [
        {"origin": o, "measure": m, **both(g, pool.loc[(pool["origin"] == o) & (pool["measure"] == m)])}
        for (o, m), g in pairs.groupby(["origin", "measure"])
    ]
    by_pair = [
        {"a": a, "b": b, **both(g, pool.loc[(pool["a"] == a) & (pool["b"] == b)], MIN_PAIRS)}
        for (a, b), g in pairs.groupby(["a", "b"])
    ]
    groups = group_codes()
    regional = int(sum(any(c in groups for c in p.split("+")) or "+" in p for p in pairs["public"]))
    if overall["rho"] is None:
        summary = f"too few data to judge: {overall['n']} pair(s) of donors with both gaps (need {MIN_PAIRS})"
    else:
        ci = (
            f", 95 % interval {overall['rho_lo']:.2f} to {overall['rho_hi']:.2f} over {overall['publics']} publics"
            if overall["rho_lo"] is not None
            else ""
        )
        summary = (
            f"index gaps vs perception gaps: Spearman rho {overall['rho']:.2f} (p {overall['p_value']:.2g}{ci}), "
            f"n {overall['n']} pairs, ordering agreement {overall['agreement']:.0%} of {overall['ordered']}"
        )
    return {
        "from_year": from_year,
        "to_year": to_year,
        "observations": int(len(obs)),
        "withheld": withheld,
        "withheld_rule": ", ".join(f"{o} from {y}" for o, y in WITHHELD_FROM.items()),
        "regional_pairs": regional,
        "overall": overall,
        "by_source": by_source,
        "by_pair": by_pair,
        "pairs": pairs,
        "summary": summary,
    }


def fit_weights(
    model: Any,
    obs: pd.DataFrame,
    until: int,
    *,
    candidates: int = 256,
    seed: int = 0,
) -> dict[str, Any]:
    """Pillar weights fitted to opinion on pairs up to ``until`` (a named option, never silent).

    Draws ``candidates`` weight vectors from the expert Dirichlet around the nominal weights
    (plus the nominal vector), scores the nominal cells with each (the pillar scores do not
    change with the weights), and keeps the one with the highest Spearman rho on the pairs of
    years ``<= until``. Returns the weights and rho in sample (``<= until``) and out of sample
    (``> until``) for the fitted and the nominal weights.
    """
    from softpower.measure.methods import weight_expert

    fw = model.framework
    d = model.nominal()
    pil, den = model.pillar_parts(d, 0)
    seen = den > 0
    c = model.cells
    base = pd.DataFrame(
        {
            "actor": np.asarray(c.actors)[c.actor],
            "partner": np.asarray(c.partners)[c.partner],
            "year": c.year.astype(int),
        }
    )
    rng = np.random.default_rng(seed)
    nominal = dict(zip(fw.pillar_names, model.nominal_weights, strict=True))
    cand = np.vstack(
        [
            model.nominal_weights,
            weight_expert(fw.pillar_names, nominal, rng.random((candidates, len(fw.pillars)))),
        ]
    )
    train = obs.loc[obs["year"] <= until]
    test = obs.loc[obs["year"] > until]

    def scores_for(w: np.ndarray) -> pd.DataFrame:
        ww = w[:, None] * seen
        tot = ww.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            comp = (ww * np.where(seen, pil, 0.0)).sum(axis=0) / tot
        keep = tot > 0
        return base.loc[keep].assign(score=comp[keep])

    best, best_rho = 0, -np.inf
    for i, w in enumerate(cand):
        rho = agreement(gap_pairs(scores_for(w), train), draws=0)["rho"]
        if rho is not None and rho > best_rho:
            best, best_rho = i, rho
    fitted = cand[best]
    return {
        "until": until,
        "candidates": int(len(cand)),
        "seed": seed,
        "weights": dict(zip(fw.pillar_names, (round(float(v), 6) for v in fitted), strict=True)),
        "in_sample": agreement(gap_pairs(scores_for(fitted), train)),
        "out_of_sample": agreement(gap_pairs(scores_for(fitted), test)),
        "nominal_in_sample": agreement(gap_pairs(scores_for(model.nominal_weights), train)),
        "nominal_out_of_sample": agreement(gap_pairs(scores_for(model.nominal_weights), test)),
    }
