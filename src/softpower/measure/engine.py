"""The composite-index engine over observed cells: coverage-aware, cached, array work per draw.

A *cell* is one actor × partner × year that at least one indicator's source observes (see
:mod:`softpower.measure.panel` for coverage); cells are ordered by year, partner, actor so
that every partner-year is one contiguous block. Each framework indicator is evaluated on
its own cells only: a donor its sources cannot see has no value on it (not comparable),
and the composite of a cell averages the indicators that observe it, the weights rescaled
(two levels: within a pillar, then across pillars).

Every choice the Monte Carlo varies is discrete (the half-life and the amount filled in for
facts without one on small log-spaced grids containing the nominal value), so every variant
of an indicator (source order, split rule, half-life, amount, imputation, normalisation,
aggregation) is computed once, cached, and a draw is a weighted sum of cached arrays plus
one sort for the ranks.

"Roots" stocks accumulate engagement with a half-life ``h``: the stock of year ``t`` is
``sum_{s <= t} c_s * 2 ** (-(t - s) / h)``.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from softpower.errors import SoftpowerError
from softpower.measure import audit
from softpower.measure.framework import SPLIT_RULES, VALUE_FAMILIES, Framework
from softpower.measure.methods import AGGREGATORS, IMPUTERS, NORMALISERS, WEIGHTINGS, weight_expert
from softpower.measure.panel import Panel
from softpower.records.vocab import instruments

NORM_NAMES = tuple(NORMALISERS)
IMP_NAMES = tuple(IMPUTERS)
AGG_NAMES = tuple(AGGREGATORS)
#: Points of the half-life and missing-amount grids (log-spaced, the nominal value included).
GRID_POINTS = 5


def log_grid(lo: float, hi: float, nominal: float, n: int = GRID_POINTS) -> np.ndarray:
    """``n`` log-spaced points on ``[lo, hi]`` with ``nominal`` added (sorted, unique)."""
    pts = np.exp(np.linspace(np.log(lo), np.log(hi), n))  # lo == hi: n copies of lo
    return np.unique(np.round(np.append(pts, nominal), 9))


@dataclass(frozen=True)
class Spec:
    """One framework indicator: its alternatives (sources), pillar and relative weight."""

    name: str
    alts: tuple[str, ...]
    pillar: int
    weight: float

    @property
    def families(self) -> set[str]:
        return {a.partition(":")[0] for a in self.alts}


@dataclass
class Cells:
    """The observed cells ``(year, partner, actor)``, sorted, with partner-year blocks."""

    year: np.ndarray
    actor: np.ndarray
    partner: np.ndarray
    group: np.ndarray  # partner-year block id of each cell
    group_start: np.ndarray  # first cell of each block
    actors: tuple[str, ...]
    partners: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.year)


@dataclass(frozen=True)
class Design:
    """Choices of ``n`` draws (rows): indices into the option lists of a :class:`Model`."""

    source: np.ndarray  # [n, specs] rotation of each indicator's alternatives
    drop: np.ndarray  # [n] indicator left out (-1: none)
    split: np.ndarray
    imp: np.ndarray
    norm: np.ndarray
    agg: np.ndarray
    half_life: np.ndarray  # grid index
    amount: np.ndarray  # grid index
    weights: np.ndarray  # [n, pillars]

    def __len__(self) -> int:
        return len(self.drop)

    def row(self, i: int) -> tuple:  # type: ignore[type-arg]
        return (
            tuple(int(v) for v in self.source[i]),
            int(self.drop[i]),
            int(self.split[i]),
            int(self.imp[i]),
            int(self.norm[i]),
            int(self.agg[i]),
            int(self.half_life[i]),
            int(self.amount[i]),
        )

    def take(self, sl: slice | np.ndarray) -> Design:
        return Design(
            self.source[sl],
            self.drop[sl],
            self.split[sl],
            self.imp[sl],
            self.norm[sl],
            self.agg[sl],
            self.half_life[sl],
            self.amount[sl],
            self.weights[sl],
        )


@dataclass(frozen=True)
class Stacks:
    """The indicator variants a design needs (:meth:`Model.prepare`): per indicator ``k`` the
    cells it observes in some variant ``ids[k]``, its weighted values ``wx[k][variant, cell]``
    (the indicator's weight in its pillar times the value; 0 where not observed), which of
    them are observed ``obs[k][variant, cell]``, and the variant of each draw ``rows[k][draw]``."""

    ids: list[np.ndarray]
    wx: list[np.ndarray]
    obs: list[np.ndarray]
    rows: list[np.ndarray]

    def take(self, sl: slice) -> Stacks:
        """The same variants for draws ``sl`` of the design."""
        return Stacks(self.ids, self.wx, self.obs, [r[sl] for r in self.rows])


#: Names of the Monte Carlo / Sobol factor groups, in design order.
FACTORS = (
    "data_source",
    "indicator_set",
    "split_rule",
    "imputation",
    "normalisation",
    "aggregation",
    "half_life",
    "missing_amounts",
    "weights",
)


def _sel_mask(df: pd.DataFrame, sel: str) -> np.ndarray:
    if sel == "all":
        return np.ones(len(df), dtype=bool)
    return ((df["power_type"] == sel) | (df["instrument"] == sel)).to_numpy()


def _sel_types(sel: str) -> set[str] | None:
    """Power types a selector covers (``None``: all)."""
    if sel == "all":
        return None
    inst = instruments()
    if sel in inst:
        return {inst[sel].power_type}
    return {sel}


@dataclass
class _Base:
    """One source indicator's records and scope as cell-indexed arrays (both split rules)."""

    cells: np.ndarray  # universe cell ids covered (sorted)
    rows: dict[str, pd.DataFrame] = field(default_factory=dict)


class Model:
    """A framework compiled against a panel: cached indicator variants, scores for any design.

    Parameters
    ----------
    panel
        The dyad-year panel (:func:`softpower.measure.panel.load_panel`).
    framework
        Pillars, indicators and method choices.
    weights
        Nominal pillar weights overriding the framework's (already validated).
    partners
        Compare these partner states only (``None``: every partner the ledger names).
    amount_range
        Range of the amount filled in for engagement facts stated without one.
    scope
        Optional coverage frame ``origin, key, actor, partner, year`` (one row per observed
        cell of a source) replacing the scope derived from the panel.
    """

    def __init__(
        self,
        panel: Panel,
        framework: Framework,
        *,
        weights: dict[str, float] | None = None,
        amount_range: tuple[float, float] = (1e6, 1e8),
        partners: tuple[str, ...] | None = None,
    ) -> None:
        self.framework = fw = framework
        if panel.engagement.empty and panel.values.empty:
            raise SoftpowerError("ledger: no dated record with a partner state to measure")
        if partners is not None:  # rows of other partners feed nothing here (no cross-partner step)
            keep = list(partners)
            panel = Panel(
                panel.engagement.loc[panel.engagement["partner"].isin(keep)].reset_index(drop=True)
                if not panel.engagement.empty
                else panel.engagement,
                panel.values.loc[panel.values["partner"].isin(keep)].reset_index(drop=True)
                if not panel.values.empty
                else panel.values,
                panel.notes,
            )
            if panel.engagement.empty and panel.values.empty:
                raise SoftpowerError(
                    "ledger: no dated record names a partner compared (expected records of "
                    f"{', '.join(keep[:8])}{', ...' if len(keep) > 8 else ''}; --partners all compares every partner)"
                )
        self.panel = panel
        eng, vals = panel.engagement, panel.values
        self.specs: list[Spec] = []
        for j, pl in enumerate(fw.pillars):
            for ind in pl.indicators:
                self.specs.append(Spec(ind, tuple(ind.split("|")), j, pl.relative(ind)))
        method = "user" if weights is not None else fw.weighting
        self.nominal_weights = np.asarray(
            WEIGHTINGS[method](fw.pillar_names, weights or fw.weights(), None), dtype=float
        )
        self.half_lives = log_grid(*fw.half_life_range, fw.half_life)
        lo, hi = amount_range
        self.amounts = log_grid(lo, hi, float(np.sqrt(lo * hi)))
        self.amount_range = amount_range
        years_all = pd.concat([eng["year"], vals["year"]]) if not vals.empty else eng["year"]
        self.years = np.arange(int(years_all.min()), int(years_all.max()) + 1)
        self.partner_scope = partners
        self._scopes()
        self._cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}  # type: ignore[type-arg]
        self._coalesced: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # type: ignore[type-arg]
        self._raw: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}  # type: ignore[type-arg]
        self._stacks: dict[tuple[int, str], Stacks] = {}
        self.treatments = [self._decide(k) for k in range(len(self.specs))]

    def with_weights(self, weights: dict[str, float]) -> Model:
        """The same compiled model (shared panel, cells and variant caches) with other nominal
        pillar weights (already validated): a re-weighting recompiles nothing."""
        out = copy.copy(self)
        out.nominal_weights = np.asarray(
            WEIGHTINGS["user"](self.framework.pillar_names, weights, None), dtype=float
        )
        return out

    # -- scopes and cells ----------------------------------------------------------------
    def _scope_cells(self, kind: str, families: list[str] | None, rows: pd.DataFrame) -> pd.DataFrame:
        """Cells ``year, partner, actor`` where a source observes an indicator.

        Declared scopes (:func:`softpower.ledger.coverage.scopes`) of ``kind`` whose family
        globs match one of ``families`` (``None``: any): a ``zero`` source observes the product
        of the actors, partners and years it reports (within its declared scope); an
        ``unobserved`` source observes only the cells where it has a record of the indicator.
        Origins without a declared scope (essays, extracted text, record files) observe only
        the cells they state.
        """
        src_all = self.panel.engagement if kind == "engagement" else self.panel.values
        if kind != "engagement":
            src_all = src_all.loc[src_all["kind"] == kind]
        parts = []
        declared = [
            sc
            for sc in self._declared
            if sc.kind == kind and (families is None or any(sc.covers_family(f) for f in families))
        ]
        for sc in declared:
            if rows.empty or not (rows["origin"] == sc.source).any():
                continue  # a source observes an indicator only if it reports it at all
            if sc.missing_row == "unobserved":
                own = rows.loc[rows["origin"] == sc.source, ["actor", "partner", "year"]]
                keep = own["year"].isin(list(sc.years))
                if sc.actors is not None:
                    keep &= own["actor"].isin(list(sc.actors))
                if sc.partners is not None:
                    keep &= own["partner"].isin(list(sc.partners))
                parts.append(own.loc[keep])
                continue
            foot = src_all.loc[src_all["origin"] == sc.source]
            if foot.empty:
                continue
            acts = [a for a in np.unique(foot["actor"].to_numpy()) if sc.actors is None or a in sc.actors]
            parts_ = [
                p for p in np.unique(foot["partner"].to_numpy()) if sc.partners is None or p in sc.partners
            ]
            yrs = [int(y) for y in np.unique(foot["year"].to_numpy()) if int(y) in sc.years]
            if acts and parts_ and yrs:
                parts.append(
                    pd.MultiIndex.from_product(
                        [yrs, parts_, acts], names=["year", "partner", "actor"]
                    ).to_frame(index=False)
                )
                if sc.actors is None or sc.partners is None:
                    # a source declared to see every state ("*") also sees the states it has
                    # no row for (SIPRI: a state that supplied nothing): zero, not unobserved
                    self._open.append(
                        (
                            None if sc.actors is None else set(acts),
                            None if sc.partners is None else set(parts_),
                            set(yrs),
                        )
                    )
        known = {sc.source for sc in self._declared if sc.kind == kind}
        anecdotal = (
            rows.loc[~rows["origin"].isin(known), ["actor", "partner", "year"]] if not rows.empty else None
        )
        if anecdotal is not None:
            parts.append(anecdotal)
        if not parts:
            return pd.DataFrame({"year": [], "partner": [], "actor": []})
        # the frames of cells below are read by column only: their index is never used
        out = pd.concat(parts).drop_duplicates()
        out["year"] = out["year"].astype(int)
        return out.loc[out["actor"] != out["partner"]]

    def _scopes(self) -> None:
        from softpower.ledger.coverage import scopes as declared_scopes

        self._declared = declared_scopes()
        eng, vals = self.panel.engagement, self.panel.values
        inst = instruments()
        bases: dict[str, pd.DataFrame] = {}
        scopes: dict[str, pd.DataFrame] = {}
        opens: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
        for spec in self.specs:
            for alt in spec.alts:
                if alt in bases:
                    continue
                fam, _, sel = alt.partition(":")
                if fam in VALUE_FAMILIES:
                    rows = vals.loc[vals["kind"] == fam]
                    if sel != "any" and not rows.empty:
                        rows = rows.loc[rows["name"] == sel]
                    kind, families = fam, (None if sel == "any" else [sel])
                else:
                    rows = eng.loc[_sel_mask(eng, sel)]
                    types = _sel_types(sel)
                    kind = "engagement"
                    families = (
                        None
                        if types is None
                        else [c for c, i in inst.items() if i.power_type in types or c == sel]
                    )
                bases[alt] = rows
                self._open: list[tuple] = []  # type: ignore[type-arg]
                scopes[alt] = self._scope_cells(kind, families, rows)
                opens[alt] = self._open
        allc = pd.concat(list(scopes.values())).drop_duplicates()
        for alt, wide in opens.items():  # "*" scopes observe every cell of their years
            extra = [scopes[alt]]
            for acts, parts_, yrs in wide:
                m = allc["year"].isin(list(yrs)).to_numpy().copy()
                if acts is not None:
                    m &= allc["actor"].isin(list(acts)).to_numpy()
                if parts_ is not None:
                    m &= allc["partner"].isin(list(parts_)).to_numpy()
                extra.append(allc.loc[m])
            if len(extra) > 1:
                scopes[alt] = pd.concat(extra)
        if self.partner_scope is not None:
            allc = allc.loc[allc["partner"].isin(list(self.partner_scope))]
        # a dyad-year with no fact behind any framework indicator is not scored or ranked: it
        # is unobserved there, never a donor at 0 (or first among zeros); every row of the fact
        # counts holds at least one fact (the panel's rows are groups of facts)
        self._facts = self._fact_counts()
        observed = self._facts[["year", "partner", "actor"]]
        allc = allc.merge(observed, on=["year", "partner", "actor"])  # inner
        if allc.empty:
            raise SoftpowerError(
                "ledger: no framework indicator observes any actor-partner-year "
                + ("of the partners compared " if self.partner_scope is not None else "")
                + "(expected records matching the framework's indicators"
                + ("; --partners all compares every partner)" if self.partner_scope is not None else ")")
            )
        actors = tuple(sorted(allc["actor"].unique()))
        partners = tuple(sorted(allc["partner"].unique()))
        allc = allc.sort_values(["year", "partner", "actor"], ignore_index=True)
        ai = pd.Index(actors)
        pi = pd.Index(partners)
        y = allc["year"].to_numpy(int)
        a = ai.get_indexer(allc["actor"])
        p = pi.get_indexer(allc["partner"])
        key = (y - self.years[0]) * len(partners) + p
        change = np.r_[True, key[1:] != key[:-1]]
        group = np.cumsum(change) - 1
        self.cells = Cells(y, a, p, group, np.flatnonzero(change), actors, partners)
        self.out_years = np.unique(y)
        #: most donors compared in one partner-year (the width of the rank histograms)
        self.width = int(np.diff(np.r_[self.cells.group_start, len(y)]).max())
        self._cell_index = pd.MultiIndex.from_arrays([y, allc["partner"], allc["actor"]])
        self._bases = {}
        for alt, rows in bases.items():
            sc = scopes[alt]
            ids = self._ids(sc)
            self._bases[alt] = _Base(np.unique(ids[ids >= 0]), {"rows": rows})

    def _ids(self, df: Any) -> np.ndarray:
        """Universe cell ids of rows ``year, partner, actor`` (-1 where not a cell)."""
        rows = pd.MultiIndex.from_arrays([df["year"].to_numpy(int), df["partner"], df["actor"]])
        return self._cell_index.get_indexer(rows)

    # -- raw values ----------------------------------------------------------------------
    def _dense(self, rows: pd.DataFrame, col: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Sum ``col`` per dyad and year over the full year range: ``(dyad_a, dyad_p, arr[year, dyad])``."""
        g = rows.groupby(["actor", "partner", "year"], as_index=False)[col].sum()
        d = pd.DataFrame(g[["actor", "partner"]]).drop_duplicates().reset_index(drop=True)
        di = pd.MultiIndex.from_frame(d).get_indexer(
            pd.MultiIndex.from_frame(pd.DataFrame(g[["actor", "partner"]]))
        )
        arr = np.zeros((len(self.years), len(d)))
        np.add.at(arr, (g["year"].to_numpy(int) - self.years[0], di), g[col].to_numpy(float))
        return d["actor"].to_numpy(), d["partner"].to_numpy(), arr

    def raw(
        self, alt: str, split: int, hl: int, amt: int, imp: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Raw values of a source indicator on its cells: ``(cell ids, values, recorded)``.

        Inside the source's scope a cell without a record is 0 for engagement (observed, none)
        and follows the imputation for reported values; ``recorded`` marks cells with records.
        """
        fam, _, sel = alt.partition(":")
        key = (
            alt,
            split,
            hl if fam == "roots" else 0,
            amt if fam == "usd" else 0,
            imp if fam in VALUE_FAMILIES else 0,
        )
        if key in self._raw:
            return self._raw[key]
        base = self._bases[alt]
        rows: pd.DataFrame = base.rows["rows"]
        rule = SPLIT_RULES[split]
        cells = base.cells
        vals = np.zeros(len(cells))
        rec = np.zeros(len(cells), dtype=bool)
        if not rows.empty:
            if fam in VALUE_FAMILIES:
                col = f"value_{rule}"
                g = rows.groupby(["actor", "partner", "year"], as_index=False)[col].mean()
                ids = self._ids(g)
                pos = np.searchsorted(cells, ids)
                ok = (ids >= 0) & (pos < len(cells))
                ok[ok] &= cells[pos[ok]] == ids[ok]
                full = np.full(len(cells), np.nan)
                full[pos[ok]] = g[col].to_numpy(float)[ok]
                rec = ~np.isnan(full)
                vals = self._impute(cells, full, IMP_NAMES[imp])
            else:
                if fam == "usd":
                    r = rows.assign(_v=rows[f"usd_{rule}"] + rows[f"missing_{rule}"] * self.amounts[amt])
                    val_col = "_v"
                else:
                    r, val_col = rows, f"count_{rule}"
                da, dp, arr = self._dense(r, val_col)
                if fam == "roots":
                    h = self.half_lives[hl]
                    lag = self.years[:, None] - self.years[None, :]
                    decay = np.where(lag >= 0, 2.0 ** (-np.maximum(lag, 0) / h), 0.0)
                    arr = decay @ arr
                elif fam == "usd":
                    arr = arr / 1e6  # USD million
                yy, dd = np.nonzero(arr)
                df = pd.DataFrame({"year": self.years[yy], "actor": da[dd], "partner": dp[dd]})
                ids = self._ids(df)
                pos = np.searchsorted(cells, ids)
                ok = (ids >= 0) & (pos < len(cells))
                ok[ok] &= cells[pos[ok]] == ids[ok]
                vals[pos[ok]] = arr[yy, dd][ok]
                rec[pos[ok]] = True
        keep = ~np.isnan(vals)
        out = (cells[keep], vals[keep], rec[keep])
        self._raw[key] = out
        return out

    def _impute(self, cells: np.ndarray, x: np.ndarray, method: str) -> np.ndarray:
        """Values ``x`` of ``cells`` imputed by the registry's ``method``
        (:data:`softpower.measure.methods.IMPUTERS`) on the ``[year, actor-partner]`` matrix of
        those cells: the mean over a year's cells, or a dyad's last value in an earlier year."""
        c = self.cells
        years, yi = np.unique(c.year[cells], return_inverse=True)
        units, ui = np.unique(c.actor[cells] * len(c.partners) + c.partner[cells], return_inverse=True)
        mat = np.full((len(years), len(units)), np.nan)
        mat[yi, ui] = x
        return IMPUTERS[method](mat)[yi, ui]  # type: ignore[no-any-return]

    def coalesced(
        self, k: int, rot: int, split: int, hl: int, amt: int, imp: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Indicator ``k`` on its cells; returns ``(cell ids, raw values, alternative index)``.

        Data-source option ``rot`` (:meth:`source_options`): below the number of alternatives
        ``n``, each cell comes from the first alternative, in the order rotated by ``rot``,
        that observes it (0 is the framework's order); from ``n`` on, alternative ``rot - n``
        alone is used (a donor only the other sources see has no value on the indicator).
        """
        alts = self.specs[k].alts
        fams = self.specs[k].families
        rot = rot % self.source_options(k)
        key = (
            k,
            rot,
            split,
            hl if "roots" in fams else 0,
            amt if "usd" in fams else 0,
            imp if fams & set(VALUE_FAMILIES) else 0,
        )
        hit = self._coalesced.get(key)
        if hit is not None:
            return hit
        order = [(i + rot) % len(alts) for i in range(len(alts))] if rot < len(alts) else [rot - len(alts)]
        taken = np.zeros(len(self.cells), dtype=bool)
        ids_l, vals_l, src_l = [], [], []
        for i in order:
            ids, vals, _ = self.raw(alts[i], split, hl, amt, imp)
            new = ~taken[ids]
            ids_l.append(ids[new])
            vals_l.append(vals[new])
            src_l.append(np.full(int(new.sum()), i))
            taken[ids] = True
        ids = np.concatenate(ids_l)
        order_ids = np.argsort(ids)  # cell ids are unique: a coalesced cell is taken once
        hit = (ids[order_ids], np.concatenate(vals_l)[order_ids], np.concatenate(src_l)[order_ids])
        self._coalesced[key] = hit
        return hit

    def _decide(self, k: int) -> audit.Treatment:
        _, x, _ = self.coalesced(k, 0, 0, self.nominal_hl, self.nominal_amt, self.nominal_imp)
        return audit.decide(x, enabled=self.framework.treatment == "auto")

    @property
    def nominal_hl(self) -> int:
        return int(np.flatnonzero(np.isclose(self.half_lives, self.framework.half_life))[0])

    @property
    def nominal_amt(self) -> int:
        lo, hi = self.amount_range
        return int(np.argmin(np.abs(np.log(self.amounts) - 0.5 * (np.log(lo) + np.log(hi)))))

    @property
    def nominal_imp(self) -> int:
        return IMP_NAMES.index(self.framework.imputation)

    # -- normalised variants ---------------------------------------------------------------
    def variant(
        self, k: int, rot: int, split: int, hl: int, amt: int, imp: int, norm: int, agg: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Normalised (and, for the geometric mean, log-shifted) values of indicator ``k``."""
        fams = self.specs[k].families
        key = (
            k,
            rot % self.source_options(k),
            split,
            hl if "roots" in fams else 0,
            amt if "usd" in fams else 0,
            imp if fams & set(VALUE_FAMILIES) else 0,
            norm,
            agg,
        )
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        ids, x, _ = self.coalesced(k, *key[1:6])
        x = audit.apply(x, self.treatments[k])
        out = np.empty(len(x))
        if len(x):
            # every year at once: the cells of a year are one row (NaN-padded; the
            # normalisers skip NaN along the last axis); cells are sorted by year
            _, start, count = np.unique(self.cells.year[ids], return_index=True, return_counts=True)
            row = np.repeat(np.arange(len(count)), count)
            col = np.arange(len(x)) - np.repeat(start, count)
            mat = np.full((len(count), int(count.max())), np.nan)
            mat[row, col] = x
            v = NORMALISERS[NORM_NAMES[norm]](mat)
            if AGG_NAMES[agg] == "geometric":
                with np.errstate(invalid="ignore"):
                    v = np.log(v - np.nanmin(v, axis=1, keepdims=True) + 1.0)
            out = v[row, col]
        hit = (ids, out)
        self._cache[key] = hit
        return hit

    # -- designs ----------------------------------------------------------------------------
    def nominal(self) -> Design:
        """The framework's own choices as a one-draw design."""
        fw = self.framework
        return Design(
            source=np.zeros((1, len(self.specs)), dtype=int),
            drop=np.array([-1]),
            split=np.array([0]),
            imp=np.array([self.nominal_imp]),
            norm=np.array([NORM_NAMES.index(fw.normalisation)]),
            agg=np.array([AGG_NAMES.index(fw.aggregation)]),
            half_life=np.array([self.nominal_hl]),
            amount=np.array([self.nominal_amt]),
            weights=self.nominal_weights[None, :],
        )

    def source_options(self, k: int) -> int:
        """Data-source options of indicator ``k``: with ``n > 1`` alternative sources, the
        ``n`` rotations of their preference order and each source alone (``2 n``); else 1."""
        n = len(self.specs[k].alts)
        return 2 * n if n > 1 else 1

    @property
    def alt_specs(self) -> list[int]:
        """Indicators with alternative sources (one data-source factor each)."""
        return [k for k, s in enumerate(self.specs) if len(s.alts) > 1]

    def factor_groups(self) -> list[str]:
        """The factor group of each uniform column of :meth:`from_uniform`."""
        n_src = max(1, len(self.alt_specs))
        return ["data_source"] * n_src + list(FACTORS[1:-1]) + ["weights"] * len(self.framework.pillars)

    @property
    def n_factors(self) -> int:
        return len(self.factor_groups())

    def from_uniform(self, u: np.ndarray) -> Design:
        """Map uniforms ``u[n, n_factors]`` to choices (columns as :meth:`factor_groups`)."""
        fw = self.framework
        u = np.clip(u, 0.0, 1.0 - 1e-12)
        n = len(u)
        n_src = max(1, len(self.alt_specs))
        source = np.zeros((n, len(self.specs)), dtype=int)
        for c, k in enumerate(self.alt_specs):
            source[:, k] = (u[:, c] * self.source_options(k)).astype(int)
        col = n_src

        def pick(options: list[int]) -> np.ndarray:
            nonlocal col
            arr = np.asarray(options)[(u[:, col] * len(options)).astype(int)]
            col += 1
            return arr

        drop = pick([-1, *range(len(self.specs))]) if len(self.specs) > 1 else pick([-1])
        split = pick([SPLIT_RULES.index(s) for s in fw.mc_split])
        imp = pick([IMP_NAMES.index(m) for m in fw.mc_imputation])
        norm = pick([NORM_NAMES.index(m) for m in fw.mc_normalisation])
        agg = pick([AGG_NAMES.index(m) for m in fw.mc_aggregation])
        hl = pick(list(range(len(self.half_lives))))
        amt = pick(list(range(len(self.amounts))))
        nominal = dict(zip(fw.pillar_names, self.nominal_weights, strict=True))
        weights = weight_expert(fw.pillar_names, nominal, u[:, col:])
        return Design(source, drop, split, imp, norm, agg, hl, amt, weights)

    def _variant_keys(self, d: Design, k: int) -> np.ndarray:
        """Per draw, the cache key of indicator ``k``'s variant (choices it ignores zeroed):
        ``[n, 7]`` rows ``source rotation, split, half-life, amount, imputation, norm, agg``."""
        fams = self.specs[k].families
        z = np.zeros(len(d), dtype=np.int64)
        cols = [
            d.source[:, k] % self.source_options(k),
            d.split,
            d.half_life if "roots" in fams else z,
            d.amount if "usd" in fams else z,
            d.imp if fams & set(VALUE_FAMILIES) else z,
            d.norm,
            d.agg,
        ]
        return np.stack([np.asarray(c, dtype=np.int64) for c in cols], axis=1)

    def prepare(self, d: Design, cache: bool = True) -> Stacks:
        """Every indicator variant the design needs, stacked: per indicator the cells it
        observes in any variant, a ``[variant, cell]`` value matrix (NaN: not observed) and,
        per draw, the variant's row. Computed once, before the draws (and before forking);
        with ``cache`` the stacks of the last two designs are kept (they depend on the discrete
        choices only, so a re-weighting with the same seed reuses them)."""
        # the stacks depend on the discrete choices only (not on the weights): a re-weighting
        # with the same seed reuses them (the cache is shared by with_weights copies)
        disc = np.concatenate(
            [d.source.ravel(), d.drop, d.split, d.imp, d.norm, d.agg, d.half_life, d.amount]
        )
        skey = (len(d), hashlib.sha256(np.ascontiguousarray(disc, dtype=np.int64).tobytes()).hexdigest())
        hit = self._stacks.get(skey) if cache else None
        if hit is not None:
            return hit
        ids_l, wx_l, obs_l, rows_l = [], [], [], []
        for k in range(len(self.specs)):
            uniq, inv = np.unique(self._variant_keys(d, k), axis=0, return_inverse=True)
            parts = [self.variant(k, *(int(v) for v in u)) for u in uniq]
            ids = np.unique(np.concatenate([p[0] for p in parts])) if parts else np.zeros(0, np.int64)
            vals = np.full((len(uniq), len(ids)), np.nan)
            for j, (pid, x) in enumerate(parts):
                vals[j, np.searchsorted(ids, pid)] = x
            obs = ~np.isnan(vals)
            ids_l.append(ids)
            wx_l.append(np.where(obs, self.specs[k].weight * vals, 0.0))
            obs_l.append(obs)
            rows_l.append(np.asarray(inv, dtype=np.int64).ravel())
        out = Stacks(ids_l, wx_l, obs_l, rows_l)
        if cache:
            if len(self._stacks) >= 2:  # the Monte Carlo and the Sobol designs
                self._stacks.pop(next(iter(self._stacks)))
            self._stacks[skey] = out
        return out

    def batch_size(self) -> int:
        """Draws scored together: about a million cells per batch (a few arrays of that size)."""
        return int(np.clip(1_000_000 // max(len(self.cells), 1), 1, 256))

    def scores(self, d: Design, st: Stacks, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Composite scores ``[draw, cell]`` of draws ``start:stop`` (NaN where no indicator
        observes a cell), all draws at once: per pillar the weighted mean of the indicators
        observing a cell, then the weighted mean of the pillars observed (weights rescaled)."""
        stop = len(d) if stop is None else stop
        n, nc = stop - start, len(self.cells)
        drop = d.drop[start:stop]
        comp = np.zeros((n, nc))
        tot = np.zeros((n, nc))
        for pi in range(len(self.framework.pillars)):
            num = np.zeros((n, nc))
            den = np.zeros((n, nc))
            for k, spec in enumerate(self.specs):
                if spec.pillar != pi or len(st.ids[k]) == 0:
                    continue
                rows = st.rows[k][start:stop]
                wx, use = st.wx[k][rows], st.obs[k][rows]
                left_out = drop == k
                if left_out.any():
                    wx[left_out], use[left_out] = 0.0, False
                num[:, st.ids[k]] += wx
                den[:, st.ids[k]] += use * spec.weight
            seen = den > 0
            w = d.weights[start:stop, pi][:, None] * seen
            with np.errstate(invalid="ignore", divide="ignore"):
                comp += w * np.where(seen, num / den, 0.0)
            tot += w
        with np.errstate(invalid="ignore", divide="ignore"):
            comp /= tot
        comp[tot == 0] = np.nan
        geo = np.asarray(d.agg[start:stop]) == AGG_NAMES.index("geometric")
        if geo.any():
            comp[geo] = np.exp(comp[geo]) - 1.0
        return comp

    def rank_batch(self, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Competition ranks ``[draw, cell]`` within partner-years (1 = highest, ties share the
        best rank; unscored cells 0) and, per draw and partner-year, the cell leading alone
        (-1 when the top is tied or nobody scores).

        Every draw (row) is sorted by score, then stably by partner-year (a radix sort of
        small integers), so each partner-year is a block in descending score order.
        """
        c = self.cells
        n_draws, n = s.shape
        key = np.where(np.isnan(s), np.inf, -s)
        by_score = np.argsort(key)  # along each draw (the last axis)
        group = c.group.astype(np.int16 if len(c.group_start) < 2**15 else np.int32)
        draw = np.arange(n_draws)[:, None]  # with a [draw, position] index: each draw's own row
        order = by_score[draw, np.argsort(group[by_score], kind="stable")]
        ks = key[draw, order]
        gs = c.group  # block of each sorted position (the blocks keep their places)
        pos = np.arange(n)
        new = np.ones((n_draws, n), dtype=bool)
        new[:, 1:] = ks[:, 1:] != ks[:, :-1]
        new[:, c.group_start] = True
        first = np.maximum.accumulate(np.where(new, pos, 0), axis=1)
        r = (first - c.group_start[gs] + 1).astype(np.int32)
        r[np.isinf(ks)] = 0
        ranks = np.empty((n_draws, n), dtype=np.int32)
        np.put_along_axis(ranks, order, r, axis=1)
        start = c.group_start
        has2 = np.r_[start[1:], n] > start + 1
        top_key = ks[:, start]
        second = np.full(top_key.shape, np.inf)
        second[:, has2] = ks[:, start[has2] + 1]
        alone = np.isfinite(top_key) & (second > top_key)
        lead = np.where(alone, order[:, start], -1)
        return ranks, lead

    def lead_batch(self, s: np.ndarray) -> np.ndarray:
        """Per draw and partner-year the cell leading alone (-1: tied or nobody), without
        ranking: each block's maximum and how many cells reach it."""
        c = self.cells
        n_draws, n = s.shape
        n_groups = len(c.group_start)
        x = np.where(np.isnan(s), -np.inf, s)
        top = np.maximum.reduceat(x, c.group_start, axis=1)  # [draw, block]
        at_top = x == top[:, c.group]
        gid = (np.arange(n_draws)[:, None] * n_groups + c.group[None, :]).ravel()
        n_top = np.bincount(gid, weights=at_top.ravel())  # every block of every draw has a cell: full length
        alone = (np.isfinite(top).ravel() & (n_top == 1)).reshape(n_draws, n_groups)
        lead = np.full((n_draws, n_groups), -1, dtype=np.int64)
        d_i, cell = np.nonzero(at_top & alone[:, c.group])
        lead[d_i, c.group[cell]] = cell
        return lead

    def actor_total_batch(self, s: np.ndarray) -> np.ndarray:
        """Sum of each actor's cell scores per draw and year ``[draw, year, actor]``."""
        c = self.cells
        ny, na = len(self.out_years), len(c.actors)
        yi = np.searchsorted(self.out_years, c.year)
        idx = (np.arange(len(s))[:, None] * ny + yi[None, :]) * na + c.actor[None, :]
        tot = np.bincount(idx.ravel(), weights=np.nan_to_num(s).ravel(), minlength=len(s) * ny * na)
        return tot.reshape(len(s), ny, na)

    # -- scores -----------------------------------------------------------------------------
    def pillar_parts(self, d: Design, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Pillar scores ``[pillar, cell]`` (NaN where unobserved) and their weight sums."""
        src, drop, split, imp, norm, agg, hl, amt = d.row(i)
        n_p = len(self.framework.pillars)
        num = np.zeros((n_p, len(self.cells)))
        den = np.zeros((n_p, len(self.cells)))
        for k, spec in enumerate(self.specs):
            if k == drop:
                continue
            ids, x = self.variant(k, src[k], split, hl, amt, imp, norm, agg)
            num[spec.pillar, ids] += spec.weight * x
            den[spec.pillar, ids] += spec.weight
        with np.errstate(invalid="ignore", divide="ignore"):
            return num / den, den

    def score_one(self, d: Design, i: int) -> np.ndarray:
        """Composite scores of draw ``i`` on every cell (NaN where no indicator observes it)."""
        one = d.take(np.array([i]))
        return self.scores(one, self.prepare(one, cache=False))[0]

    def ranks(self, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Competition ranks within partner-years (1 = highest; NaN scores get 0) and, per
        partner-year, the cell that leads alone (-1 when the top is tied or nobody scores)."""
        r, lead = self.rank_batch(s[None, :])
        return r[0], lead[0]

    def check_year(self, year: int) -> None:
        """Refuse a year the index does not score (one line listing the years it does)."""
        if year not in set(int(y) for y in self.out_years):
            shown = ", ".join(map(str, [int(y) for y in self.out_years][-30:]))
            raise SoftpowerError(f"--year {year}: no data observed that year (expected one of {shown})")

    def leaders(self, s: np.ndarray) -> np.ndarray:
        """Per partner-year, the cell that leads alone (-1 when tied or nobody scores)."""
        return self.lead_batch(s[None, :])[0]

    def actor_totals(self, s: np.ndarray) -> np.ndarray:
        """Sum of an actor's cell scores per year ``[year, actor]`` (out years)."""
        return self.actor_total_batch(s[None, :])[0]

    def facts(self) -> np.ndarray:
        """Facts behind each cell (engagement facts of the selected instruments plus reported
        values of the framework's metrics, that year); every cell has at least one."""
        out = np.zeros(len(self.cells))
        ids = self._ids(self._facts)
        ok = ids >= 0
        np.add.at(out, ids[ok], self._facts["n_facts"].to_numpy(float)[ok])
        return out

    def _fact_counts(self) -> pd.DataFrame:
        """Facts per ``actor, partner, year`` behind the framework's indicators (engagement
        facts of the selected instruments plus reported values of its metrics)."""
        eng, vals = self.panel.engagement, self.panel.values
        parts = []
        sels = {
            a.partition(":")[2]
            for s in self.specs
            for a in s.alts
            if a.partition(":")[0] not in VALUE_FAMILIES
        }
        if sels and not eng.empty:
            mask = np.zeros(len(eng), dtype=bool)
            for sel in sels:
                mask |= _sel_mask(eng, sel)
            parts.append(eng.loc[mask, ["actor", "partner", "year", "n_facts"]])
        names = {(a.partition(":")[0], a.partition(":")[2]) for s in self.specs for a in s.alts}
        names = {n for n in names if n[0] in VALUE_FAMILIES}
        if names and not vals.empty:
            pairs = pd.MultiIndex.from_arrays([vals["kind"].astype(str), vals["name"].astype(str)])
            mask = np.asarray(pairs.isin(list(names)))
            if mask.any():
                parts.append(vals.loc[mask, ["actor", "partner", "year", "n_facts"]])
        if not parts:
            return pd.DataFrame({"actor": [], "partner": [], "year": [], "n_facts": []})
        out = pd.concat(parts)
        if self.partner_scope is not None:
            out = out.loc[out["partner"].isin(list(self.partner_scope))]
        g = pd.DataFrame(out.groupby(["actor", "partner", "year"], as_index=False)["n_facts"].sum())
        g["year"] = g["year"].astype(int)
        return g

    def coverage(self) -> tuple[np.ndarray, np.ndarray]:
        """Per cell: the share of the nominal weight on indicators that observe it, and a
        bit mask of those indicators."""
        c = self.cells
        share = np.zeros(len(c))
        mask = np.zeros(len(c), dtype=np.int64)
        pw = self.nominal_weights
        tot_rel = np.zeros(len(self.framework.pillars))
        for s in self.specs:
            tot_rel[s.pillar] += s.weight
        for k, s in enumerate(self.specs):
            ids, _, _ = self.coalesced(k, 0, 0, self.nominal_hl, self.nominal_amt, self.nominal_imp)
            share[ids] += pw[s.pillar] * s.weight / tot_rel[s.pillar]
            mask[ids] |= np.int64(1) << k
        return share, mask
