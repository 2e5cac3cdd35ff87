"""The composite-index engine: dyad indicator arrays in, scores and ranks out, vectorised.

Arrays are ``[draw, year, actor, partner]``. One call evaluates a whole chunk of Monte Carlo
draws: the choices of each draw (normalisation, imputation, half-life, amount filled in for
facts without one, pillar weights) are arrays along the first axis, and a method family is
applied once per *method* to the draws that chose it, never once per draw.

"Roots" stocks accumulate engagement with a half-life ``h``: the stock of year ``t`` is
``sum_{s <= t} c_s * 2 ** (-(t - s) / h)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.measure.framework import VALUE_FAMILIES, Framework
from softpower.measure.methods import AGGREGATORS, IMPUTERS, NORMALISERS, WEIGHTINGS, weight_expert

NORM_NAMES = tuple(NORMALISERS)
IMP_NAMES = tuple(IMPUTERS)
#: Memory budget of one chunk's indicator tensor, in bytes.
CHUNK_BYTES = 128 * 2**20


@dataclass(frozen=True)
class Inputs:
    """Dyad indicator arrays over the full, continuous year range.

    ``engagement[(family, sel)]`` are ``(year, actor, partner)`` arrays: ``count`` counts,
    ``usd`` known constant USD and ``usd_missing`` counts of facts without an amount;
    ``values[name]`` hold reported indicators / perceptions with ``NaN`` where none.
    """

    actors: tuple[str, ...]
    partners: tuple[str, ...]
    years: np.ndarray
    out_years: np.ndarray
    engagement: dict[tuple[str, str], np.ndarray]
    values: dict[str, np.ndarray]
    amount_range: tuple[float, float]


@dataclass(frozen=True)
class Design:
    """Choices of ``n`` draws: registry indices, half-lives, filled-in amounts, weights."""

    norm: np.ndarray
    imp: np.ndarray
    half_life: np.ndarray
    amount: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.norm)

    def take(self, sl: slice | np.ndarray) -> Design:
        return Design(self.norm[sl], self.imp[sl], self.half_life[sl], self.amount[sl], self.weights[sl])


def _select(panel: pd.DataFrame, sel: str) -> pd.DataFrame:
    if sel == "all":
        return panel
    return panel.loc[(panel["power_type"] == sel) | (panel["instrument"] == sel)]


def build_inputs(
    panel: pd.DataFrame,
    values: pd.DataFrame,
    framework: Framework,
    amount_range: tuple[float, float],
    year: int | None = None,
) -> Inputs:
    """Arrange the engagement panel and value panel as arrays for ``framework``'s indicators.

    ``values`` has columns ``actor, partner, year, family, name, value`` (family
    ``indicator`` or ``perception``). Actors and partners are those of the engagement panel;
    years run continuously from its first to its last year. ``year`` restricts the output.
    """
    if panel.empty:
        raise SoftpowerError("ledger: no engagement facts to measure (expected dated engagement records)")
    actors = tuple(sorted(panel["actor"].unique()))
    partners = tuple(sorted(panel["partner"].unique()))
    years = np.arange(int(panel["year"].min()), int(panel["year"].max()) + 1)
    data_years = sorted(int(y) for y in panel["year"].unique())
    if year is not None and year not in data_years:
        raise SoftpowerError(
            f"--year {year}: no engagement data that year (expected one of {', '.join(map(str, data_years))})"
        )
    out_years = years if year is None else np.array([year])
    shape = (len(years), len(actors), len(partners))
    ai = {a: i for i, a in enumerate(actors)}
    pi = {p: i for i, p in enumerate(partners)}

    def cube(df: pd.DataFrame, col: str) -> np.ndarray:
        arr = np.zeros(shape)
        if not df.empty:
            g = df.groupby(["year", "actor", "partner"], as_index=False)[col].sum()
            np.add.at(
                arr,
                (
                    g["year"].to_numpy(int) - years[0],
                    g["actor"].map(ai).to_numpy(int),
                    g["partner"].map(pi).to_numpy(int),
                ),
                g[col].to_numpy(float),
            )
        return arr

    engagement: dict[tuple[str, str], np.ndarray] = {}
    vals: dict[str, np.ndarray] = {}
    for ind in framework.indicators:
        fam, _, sel = ind.partition(":")
        if fam in VALUE_FAMILIES:
            v = values.loc[(values["family"] == fam) & values["actor"].isin(ai) & values["partner"].isin(pi)]
            v = v.loc[v["year"].between(years[0], years[-1])]
            if sel != "any":
                v = v.loc[v["name"] == sel]
            v = v.groupby(["year", "actor", "partner"], as_index=False).agg(value=("value", "mean"))
            arr = np.full(shape, np.nan)
            arr[
                v["year"].to_numpy(int) - years[0],
                v["actor"].map(ai).to_numpy(int),
                v["partner"].map(pi).to_numpy(int),
            ] = v["value"].to_numpy(float)
            vals[ind] = arr
            continue
        rows = _select(panel, sel)
        engagement[("count", sel)] = cube(rows, "count")
        if fam == "usd":
            engagement[("usd", sel)] = cube(rows, "usd_const")
            engagement[("usd_missing", sel)] = cube(rows, "usd_missing")
    return Inputs(actors, partners, years, out_years, engagement, vals, amount_range)


class Model:
    """A framework compiled against inputs: evaluates scores for any :class:`Design`.

    Parameters
    ----------
    inputs
        The dyad arrays (:func:`build_inputs`).
    framework
        Pillars, indicators and nominal method choices.
    weights
        Nominal pillar weights overriding the framework's (already validated).
    """

    def __init__(self, inputs: Inputs, framework: Framework, weights: dict[str, float] | None = None) -> None:
        self.inputs, self.framework = inputs, framework
        a, p = len(inputs.actors), len(inputs.partners)
        valid = np.array([[x != y for y in inputs.partners] for x in inputs.actors])
        self.valid = valid
        self.flat = np.flatnonzero(valid.ravel())
        self.shape = (a, p)
        yo = inputs.out_years - inputs.years[0]
        self.yo = yo
        self.indicators = framework.indicators
        self.pillar_index = [
            np.array([self.indicators.index(i) for i in pl.indicators]) for pl in framework.pillars
        ]
        # explicit weights always win (as "user" weights), whatever the framework's weighting
        method = "user" if weights is not None else framework.weighting
        self.nominal_weights = WEIGHTINGS[method](
            framework.pillar_names, weights or framework.weights(), None
        )
        self._imputed: dict[tuple[str, int], np.ndarray] = {}
        self._normalised: dict[tuple[int, int], np.ndarray] = {}
        fams = [i.partition(":")[0] for i in self.indicators]
        self.variable = [k for k, f in enumerate(fams) if f in ("usd", "roots")]
        self.fixed = [k for k, f in enumerate(fams) if f not in ("usd", "roots")]
        self.has_values = any(f in VALUE_FAMILIES for f in fams)
        roots = [self.indicators[k].partition(":")[2] for k in self.variable if fams[k] == "roots"]
        self._roots_counts = (
            np.stack([self._flat(inputs.engagement[("count", sel)]) for sel in roots], axis=1)
            if roots
            else np.zeros((len(inputs.years), 0, len(self.flat)))
        )
        # pillar -> indicator weights of a two-level arithmetic mean (equal within a pillar)
        self.within = np.zeros((len(self.pillar_index), len(fams)))
        for j, idx in enumerate(self.pillar_index):
            self.within[j, idx] = 1.0 / len(idx)

    def _flat(self, arr: np.ndarray) -> np.ndarray:
        return arr.reshape(arr.shape[0], -1)[:, self.flat]

    def _value(self, ind: str, imp: int) -> np.ndarray:
        key = (ind, imp)
        if key not in self._imputed:
            full = self._flat(self.inputs.values[ind])
            self._imputed[key] = IMPUTERS[IMP_NAMES[imp]](full)[self.yo]
        return self._imputed[key]

    def nominal(self) -> Design:
        """The framework's own choices as a one-draw design."""
        lo, hi = self.inputs.amount_range
        fw = self.framework
        return Design(
            norm=np.array([NORM_NAMES.index(fw.normalisation)]),
            imp=np.array([IMP_NAMES.index(fw.imputation)]),
            half_life=np.array([fw.half_life]),
            amount=np.array([np.sqrt(lo * hi)]),
            weights=np.asarray(self.nominal_weights)[None, :],
        )

    def from_uniform(self, u: np.ndarray) -> Design:
        """Map uniforms ``u[n, 4 + P]`` to choices (columns: normalisation, imputation,
        half-life, missing amount, then one per pillar weight)."""
        fw = self.framework
        u = np.clip(u, 0.0, 1.0 - 1e-12)
        norm_opts = np.array([NORM_NAMES.index(m) for m in fw.mc_normalisation])
        imp_opts = np.array([IMP_NAMES.index(m) for m in fw.mc_imputation])
        h0, h1 = fw.half_life_range
        lo, hi = self.inputs.amount_range
        nominal = dict(zip(fw.pillar_names, self.nominal_weights, strict=True))
        return Design(
            norm=norm_opts[(u[:, 0] * len(norm_opts)).astype(int)],
            imp=imp_opts[(u[:, 1] * len(imp_opts)).astype(int)],
            half_life=np.exp(np.log(h0) + u[:, 2] * (np.log(h1) - np.log(h0))),
            amount=np.exp(np.log(lo) + u[:, 3] * (np.log(hi) - np.log(lo))),
            weights=weight_expert(fw.pillar_names, nominal, u[:, 4:]),
        )

    @property
    def n_factors(self) -> int:
        return 4 + len(self.framework.pillars)

    def chunk_size(self) -> int:
        per_draw = len(self.indicators) * len(self.yo) * len(self.flat) * 8 * 3
        return int(max(1, min(4096, CHUNK_BYTES // max(per_draw, 1))))

    def _fixed(self, norm: int, imp: int) -> np.ndarray:
        """Normalised values ``[indicator, year, dyad]`` of the indicators no continuous choice
        moves (counts, reported values), computed once per (normalisation, imputation)."""
        key = (norm, imp)
        if key not in self._normalised:
            rows = []
            for k in self.fixed:
                ind = self.indicators[k]
                fam, _, sel = ind.partition(":")
                if fam in VALUE_FAMILIES:
                    raw = self._value(ind, imp)
                else:
                    raw = self._flat(self.inputs.engagement[("count", sel)])[self.yo]
                rows.append(NORMALISERS[NORM_NAMES[norm]](raw))
            self._normalised[key] = np.stack(rows)
        return self._normalised[key]

    def _variable(self, d: Design) -> np.ndarray:
        """Raw values ``[draw, indicator, year, dyad]`` of the money and roots indicators."""
        inp = self.inputs
        x = np.empty((len(d), len(self.variable), len(self.yo), len(self.flat)))
        roots = []
        for j, k in enumerate(self.variable):
            fam, _, sel = self.indicators[k].partition(":")
            if fam == "usd":
                known = self._flat(inp.engagement[("usd", sel)])[self.yo]
                missing = self._flat(inp.engagement[("usd_missing", sel)])[self.yo]
                x[:, j] = np.log1p((known + missing * d.amount[:, None, None]) / 1e6)
            else:
                roots.append(j)
        if roots:  # all stocks in one product: decay[draw, year, past year] x counts[past year, ...]
            lag = inp.years[self.yo][:, None] - inp.years[None, :]
            decay = np.where(lag >= 0, 2.0 ** (-np.maximum(lag, 0)[None] / d.half_life[:, None, None]), 0.0)
            c = self._roots_counts
            stock = np.einsum("bts,sm->btm", decay, c.reshape(c.shape[0], -1))
            x[:, roots] = stock.reshape(len(d), len(self.yo), *c.shape[1:]).transpose(0, 2, 1, 3)
        return x

    def normalised(self, d: Design) -> np.ndarray:
        """Normalised indicator values ``[draw, indicator, year, dyad]`` for the design's draws.

        Counts and reported values depend on a draw only through its normalisation and
        imputation, so they are normalised once per method pair; money and roots stocks
        depend on the draw's amount and half-life and are normalised per group of draws
        sharing a normaliser.
        """
        x = np.empty((len(d), len(self.indicators), len(self.yo), len(self.flat)))
        if self.variable:
            var = self._variable(d)
            for m in np.unique(d.norm):
                sel = d.norm == m
                var[sel] = NORMALISERS[NORM_NAMES[int(m)]](var[sel])
            x[:, self.variable] = var
        if self.fixed:
            imps = d.imp if self.has_values else np.zeros(len(d), dtype=int)
            pairs, which = np.unique(np.stack([d.norm, imps], axis=1), axis=0, return_inverse=True)
            table = np.stack([self._fixed(int(m), int(i)) for m, i in pairs])
            x[:, self.fixed] = table[which.ravel()]
        return x

    def _leaves_missing(self, imp: np.ndarray) -> np.ndarray:
        """Per draw: does its imputation leave a reported value missing?"""
        if not self.has_values:
            return np.zeros(len(imp), dtype=bool)
        values = [
            self.indicators[k] for k in self.fixed if self.indicators[k].partition(":")[0] in VALUE_FAMILIES
        ]
        flags = np.zeros(len(IMP_NAMES), dtype=bool)
        for i in np.unique(imp):
            flags[i] = any(np.isnan(self._value(ind, int(i))).any() for ind in values)
        return flags[imp]

    def _fast_arithmetic(self, d: Design) -> np.ndarray | None:
        """Composite ``[draw, year * dyad]`` of a two-level arithmetic mean without missing
        values: one weight per indicator, and the cached normalised counts enter through one
        matrix product per (normalisation, imputation) group instead of a per-draw copy."""
        imps = d.imp if self.has_values else np.zeros(len(d), dtype=int)
        pairs, which = np.unique(np.stack([d.norm, imps], axis=1), axis=0, return_inverse=True)
        which = which.ravel()
        tables = [self._fixed(int(m), int(i)) for m, i in pairs] if self.fixed else []
        if self.framework.aggregation != "arithmetic" or any(np.isnan(t).any() for t in tables):
            return None
        weff = d.weights @ self.within  # draw x indicator
        comp = np.zeros((len(d), len(self.yo) * len(self.flat)))
        if self.variable:
            var = self._variable(d)
            for m in np.unique(d.norm):
                sel = d.norm == m
                var[sel] = NORMALISERS[NORM_NAMES[int(m)]](var[sel])
            comp += np.einsum(
                "bk,bkn->bn", weff[:, self.variable], var.reshape(len(d), len(self.variable), -1)
            )
        for j, table in enumerate(tables):
            sel = which == j
            comp[sel] += np.einsum(
                "bk,kn->bn", weff[np.ix_(sel, self.fixed)], table.reshape(len(self.fixed), -1)
            )
        return comp.reshape(len(d), len(self.yo), len(self.flat))

    def scores(self, d: Design) -> np.ndarray:
        """Composite scores ``[draw, year, actor, partner]`` (``NaN`` on actor = partner)."""
        comp = np.empty((len(d), len(self.yo), len(self.flat)))
        # draws whose imputation leaves values missing need the general path; the others
        # (all of them for arithmetic frameworks of counts, money and stocks) the fast one
        general = self._leaves_missing(d.imp) | (self.framework.aggregation != "arithmetic")
        if (~general).any():
            fast = self._fast_arithmetic(d.take(~general))
            assert fast is not None
            comp[~general] = fast
        if general.any():
            g = d.take(general)
            xt = self.normalised(g).transpose(0, 2, 3, 1)  # draw, year, dyad, indicator
            agg = AGGREGATORS[self.framework.aggregation]
            pillars = np.stack(
                [agg(xt[..., idx], np.full(len(idx), 1.0 / len(idx))) for idx in self.pillar_index], axis=-1
            )
            comp[general] = agg(pillars, g.weights[:, None, :])
        out = np.full((len(d), len(self.yo), self.shape[0] * self.shape[1]), np.nan)
        out[..., self.flat] = comp
        return out.reshape(len(d), len(self.yo), *self.shape)


def competition_ranks(scores: np.ndarray, axis: int = -2) -> np.ndarray:
    """Rank along ``axis`` (1 = highest; ties share the best rank; ``NaN`` scores get 0)."""
    s = np.moveaxis(scores, axis, -1)
    filled = np.where(np.isnan(s), -np.inf, s)
    greater = (filled[..., None, :] > filled[..., :, None]).sum(axis=-1)
    ranks = np.where(np.isnan(s), 0, 1 + greater)
    return np.moveaxis(ranks, -1, axis).astype(np.int16)


def actor_totals(scores: np.ndarray) -> np.ndarray:
    """Outward influence: the sum of an actor's dyad scores over partners ``[..., year, actor]``."""
    return np.nansum(scores, axis=-1)
