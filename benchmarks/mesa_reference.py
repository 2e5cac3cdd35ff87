"""Per-agent reference implementation of the simulate model in Mesa 3.3.

Donors and partners are Mesa agents; every equation of ``softpower.simulate.model`` is
written out per agent, per instrument, with Python floats and ``math``. It exists to
check the vectorised model (with noise off the trajectories agree to 1e-9,
``tests/test_simulate_mesa.py``) and to measure its speed (``bench_simulate.py``).

References
----------
Kazil, J., Masad, D. and Crooks, A. (2020). Utilizing Python for agent-based modeling:
the Mesa framework. In *Social, Cultural, and Behavioral Modeling*, 308-317.
"""

from __future__ import annotations

import math

import mesa
import numpy as np

from softpower.simulate.init import GROUPS, Inputs
from softpower.simulate.model import LOGIT_CLIP


class DonorAgent(mesa.Agent):
    """A donor: spends its yearly flows across partners and reacts to rivals' gains."""

    def __init__(self, model: ReferenceModel, index: int) -> None:
        super().__init__(model)
        self.index = index
        inp = model.inp
        self.share = [float(x) for x in inp.pi0[index]]
        self.reaction = float(inp.reaction[index])

    def give(self) -> None:
        """Send this year's engagement to every partner (budget × share × schedule)."""
        m, i = self.model, self.model.year_index
        for partner in m.partner_agents:
            flows = m.inp.flow[i, self.index, partner.index]
            scale = m.p["budget_scale"] * self.share[partner.index]
            extra = (
                m.inp.extra[i, self.index, partner.index] if m.inp.extra is not None else [0.0] * len(flows)
            )
            partner.received[self.index] = [
                scale * float(f) + float(x) for f, x in zip(flows, extra, strict=True)
            ]

    def react(self) -> None:
        """Raise the share of partners where rivals gained alignment, then renormalise."""
        m = self.model
        rho = m.p["rho"] * self.reaction
        for partner in m.partner_agents:
            gain = 0.0
            for e in range(len(m.donor_agents)):
                if e != self.index:
                    gain += max(partner.alignment[e] - partner.previous[e], 0.0)
            self.share[partner.index] *= 1.0 + rho * gain
        total = sum(self.share)
        self.share = [s / total for s in self.share]


class PartnerAgent(mesa.Agent):
    """A partner: keeps roots per donor and instrument, updates trust, hedges its alignment."""

    def __init__(self, model: ReferenceModel, index: int) -> None:
        super().__init__(model)
        self.index = index
        inp, p = model.inp, model.p
        nd, nk = len(inp.donors), len(inp.instruments)
        self.hedger = bool(inp.hedger[index])
        self.received = [[0.0] * nk for _ in range(nd)]
        self.stocks = []
        for d in range(nd):
            row = []
            for k in range(nk):
                delta = model.decay[k]
                e0 = p["budget_scale"] * float(inp.pi0[d, index]) * float(inp.flow[0, d, index, k])
                steady = e0 / (1.0 - delta)
                hist = 0.0
                for a in range(inp.hist_usd.shape[0]):
                    money = float(inp.hist_usd[a, d, index, k]) + p["unit_value"] * float(
                        inp.hist_units[a, d, index, k]
                    )
                    hist += money * delta**a
                row.append(max(steady, hist))
            self.stocks.append(row)
        self.level = [float(inp.anchor_level[d, index]) for d in range(nd)]
        self.trust = [float(inp.t0[d, index]) for d in range(nd)]
        if inp.observed is not None:  # a poll in the start year replaces the start state
            for d in range(nd):
                if math.isfinite(inp.observed[0, d, index]):
                    self.trust[d] = float(inp.observed[0, d, index])
        self.shown = list(self.trust)  # what the history records: the forecast before a poll
        self.intercept = []
        for d in range(nd):
            c = min(max(self.level[d], LOGIT_CLIP), 1.0 - LOGIT_CLIP)
            self.intercept.append(math.log(c / (1.0 - c)) - self.net(d, 0) + p["alpha"])
        self.alignment = self.align()
        self.previous = list(self.alignment)

    def net(self, d: int, i: int) -> float:
        """Attraction minus felt threat of donor ``d`` with this year's roots."""
        m, p = self.model, self.model.p
        s0, v_hard = p["s0"], p["v_hard"]
        plain = smart = threat = 0.0
        for k, stock in enumerate(self.stocks[d]):
            x = math.log1p(stock / s0)
            w = m.weight[k]
            if m.smart[k]:
                smart += w * x
            else:
                plain += w * x
            if m.hard[k]:
                threat += v_hard * x
        ef, ppp = m.ef[i][d][self.index], m.ppp[i][d][self.index]
        mult = (1.0 + p["epsilon"] * ef) * (1.0 + p["pi_ppp"] * ppp)
        theta = p["theta"] * (p["ally_factor"] if m.ally[d][self.index] else 1.0)
        return plain + mult * smart - theta * threat

    def align(self) -> list[float]:
        """Softmax over donors of β T (hedgers use a smaller β)."""
        p = self.model.p
        beta = p["beta"] * (p["hedger_factor"] if self.hedger else 1.0)
        z = [beta * t for t in self.trust]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def respond(self) -> None:
        """Accrue roots, move trust toward its anchored target, update alignment."""
        m, p, i = self.model, self.model.p, self.model.year_index
        for d in range(len(self.stocks)):
            for k in range(len(self.stocks[d])):
                self.stocks[d][k] = self.stocks[d][k] * m.decay[k] + self.received[d][k]
        for d in range(len(self.trust)):
            target = 1.0 / (1.0 + math.exp(-(self.intercept[d] + self.net(d, i))))
            t = (1.0 - p["lam"]) * self.trust[d] + p["lam"] * (
                (1.0 - p["anchor"]) * target + p["anchor"] * self.level[d]
            )
            self.trust[d] = self.shown[d] = min(max(t, 0.0), 1.0)
            if m.inp.observed is not None and math.isfinite(m.inp.observed[i + 1, d, self.index]):
                self.trust[d] = float(m.inp.observed[i + 1, d, self.index])
        self.previous = self.alignment
        self.alignment = self.align()


class ReferenceModel(mesa.Model):
    """One run of the simulate model, agent by agent (noise off)."""

    def __init__(self, inp: Inputs, params: dict[str, float], seed: int = 0) -> None:
        super().__init__(seed=seed)
        self.inp, self.p = inp, params
        # plain Python data for the per-agent loops (no numpy scalars in the hot path)
        self.decay = [2.0 ** (-1.0 / params[f"half_life_{GROUPS[g]}"]) for g in inp.group]
        self.weight = [params[f"w_{GROUPS[g]}"] for g in inp.group]
        self.smart, self.hard = inp.smart.tolist(), inp.hard.tolist()
        self.flow, self.ef, self.ppp = inp.flow.tolist(), inp.ef.tolist(), inp.ppp.tolist()
        self.extra = None if inp.extra is None else inp.extra.tolist()
        self.ally = inp.ally.tolist()
        self.year_index = 0
        self.donor_agents = [DonorAgent(self, d) for d in range(len(inp.donors))]
        self.partner_agents = [PartnerAgent(self, p) for p in range(len(inp.partners))]
        self.trust_history = [self._grid("shown")]
        self.alignment_history = [self._grid("alignment")]

    def _grid(self, attr: str) -> list[list[float]]:
        return [[getattr(pa, attr)[d] for pa in self.partner_agents] for d in range(len(self.donor_agents))]

    def step(self) -> None:
        """One year: donors give, partners respond, donors react."""
        self.agents_by_type[DonorAgent].do("give")
        self.agents_by_type[PartnerAgent].do("respond")
        self.agents_by_type[DonorAgent].do("react")
        self.trust_history.append(self._grid("shown"))
        self.alignment_history.append(self._grid("alignment"))
        self.year_index += 1


def run_reference(inp: Inputs, params: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Trust and alignment ``(years, D, P)`` of one run over the inputs' horizon."""
    model = ReferenceModel(inp, params)
    for _ in range(inp.flow.shape[0]):
        model.step()
    return np.array(model.trust_history), np.array(model.alignment_history)
