"""The vectorised model: every run of an ensemble advances in one array pass per year.

State arrays are runs × donors × partners (× instruments). Equations (documented with
their sources in ``docs/model.md``), for run r, donor d, partner p, instrument k, year t:

* roots: ``S[t+1] = δ_k S[t] + E[t]`` with ``δ_k = 2^(-1/h_k)`` and
  ``E[t] = b · π[t, d, p] · flow[t, d, p, k]`` (``b`` = ``budget_scale``);
* attraction and threat: ``X = log(1 + S / s0)``; smart instruments weigh
  ``w_k (1 + ε EF)(1 + π_ppp PPP)``; hard instruments add ``w_hard X`` and a threat
  ``v_hard X`` felt with ``θ`` (``θ · ally_factor`` for a treaty ally);
* target: ``τ* = logistic(α_dp + alpha + net)``, ``α_dp = logit(L) - net0``: with flows as
  in the start year the target is the dyad's long-run level ``L`` (the mean of its polls;
  the start state ``T0`` when there is one poll or none);
* trust: ``T[t+1] = clip((1 - λ) T + λ ((1 - s) τ* + s L) + σ ε_t, 0, 1)``
  (partial adjustment toward a flow-driven target with an anchor, Friedkin and Johnsen 1999),
  starting from the newest poll ``T0``;
* alignment: ``Al = softmax_d(β_p T)``, ``β_p = β`` (× ``hedger_factor`` for hedgers);
* reaction: ``π[t+1] ∝ π[t] (1 + ρ · reaction_d · gain)`` where ``gain`` is the sum of
  rivals' alignment gains in p that year.

References
----------
Friedkin, N. E. and Johnsen, E. C. (1999). Social influence networks and opinion change.
*Advances in Group Processes* 16, 1-29.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from softpower.simulate.init import GROUPS, Inputs
from softpower.simulate.params import ParamSet

LOGIT_CLIP = 1e-3
SHIFT_CLIP = 0.01


@dataclass
class Trajectories:
    """Trust and alignment per run, year (start year first), donor and partner."""

    trust: np.ndarray  # (R, H + 1, D, P)
    alignment: np.ndarray  # (R, H + 1, D, P)


@dataclass
class Derived:
    """Per-run arrays derived from parameters and inputs (constant over the years)."""

    decay: np.ndarray  # (R, K)
    onehot: np.ndarray  # (K, G): instrument → power type
    coef: np.ndarray  # (R, G): attraction weight of each power type
    v_hard: np.ndarray  # (R,)
    inv_s0: np.ndarray  # (R, 1, 1, 1)
    theta: np.ndarray  # (R, D, P): threat sensitivity (allies feel less)
    beta: np.ndarray  # (R, P)


SMART, HARD = GROUPS.index("smart"), GROUPS.index("hard")


def derive(inp: Inputs, prm: ParamSet) -> Derived:
    """Per-run decay factors, weights, threat sensitivity and alignment sharpness.

    The instruments of a power type share a half-life and a weight, so the weighted sum
    over instruments is a sum over power types of within-type sums (one matrix product);
    the smart power type is the set of smart instruments and the hard one of hard instruments.
    """
    if not (np.array_equal(inp.smart, inp.group == SMART) and np.array_equal(inp.hard, inp.group == HARD)):
        raise ValueError("smart and hard instruments must be exactly the smart and hard power types")
    half = np.stack([prm[f"half_life_{g}"] for g in GROUPS], axis=1)  # (R, G)
    decay = np.exp2(-1.0 / half[:, inp.group])
    onehot = (inp.group[:, None] == np.arange(len(GROUPS))[None, :]).astype(float)
    coef = np.stack([prm[f"w_{g}"] for g in GROUPS], axis=1)
    ally = np.where(inp.ally[None], prm["ally_factor"][:, None, None], 1.0)
    theta = prm["theta"][:, None, None] * ally
    beta = prm["beta"][:, None] * np.where(inp.hedger[None], prm["hedger_factor"][:, None], 1.0)
    return Derived(decay, onehot, coef, prm["v_hard"], 1.0 / prm["s0"][:, None, None, None], theta, beta)


def initial_stocks(inp: Inputs, prm: ParamSet, dv: Derived, *, instrument_first: bool = False) -> np.ndarray:
    """Roots at the start: the larger of the strategy's steady state and the ledger's history.

    The steady state ``E0 / (1 - δ)`` is the declared prior (flows held at their first-year
    level for ever); the ledger's records decay with their age. Taking the larger avoids
    counting named programmes twice (they are part of the strategy's flows).

    Returns ``(R, D, P, K)``, or ``(K, R, D, P)`` with ``instrument_first`` (the layout of
    :func:`simulate`).
    """
    e0 = (prm["budget_scale"][:, None, None] * inp.pi0[None])[None] * np.moveaxis(inp.flow[0], -1, 0)[:, None]
    steady = e0 / (1.0 - dv.decay.T[:, :, None, None])  # (K, R, D, P)
    if inp.hist_usd.any() or inp.hist_units.any():
        ages = np.arange(inp.hist_usd.shape[0])
        powers = dv.decay[None, :, :] ** ages[:, None, None]  # (A, R, K)
        hist = np.einsum("adpk,ark->krdp", inp.hist_usd, powers)
        units = np.einsum("adpk,ark->krdp", inp.hist_units, powers)
        hist += prm["unit_value"][None, :, None, None] * units
        np.maximum(steady, hist, out=steady)
    return steady if instrument_first else np.moveaxis(steady, 0, -1)


def group_coefficients(dv: Derived, ef: np.ndarray, ppp: np.ndarray, prm: ParamSet) -> list[np.ndarray]:
    """Weight of each power type's summed log-roots in the net pull, per run (and dyad).

    Smart: ``w_smart (1 + ε EF)(1 + π_ppp PPP)``; hard: ``w_hard - θ f v_hard``; others ``w_g``.
    """
    c = dv.coef.T[:, :, None, None]  # (G, R, 1, 1)
    out = [c[g] for g in range(len(GROUPS))]
    mult = (1.0 + prm["epsilon"][:, None, None] * ef[None]) * (1.0 + prm["pi_ppp"][:, None, None] * ppp[None])
    out[SMART] = c[SMART] * mult
    out[HARD] = c[HARD] - dv.theta * dv.v_hard[:, None, None]
    return out


def net_pull(
    scaled: np.ndarray,
    coefs: list[np.ndarray],
    members: list[list[int]],
    buf: np.ndarray | None = None,
) -> np.ndarray:
    """Attraction minus felt threat, ``(R, D, P)``.

    ``scaled`` are the roots in units of each run's ``s0``, instrument first
    ``(K, R, D, P)``: the leading instrument axis lets the within-type sums add whole
    contiguous slabs (fast), rather than reduce a short last axis. ``members`` lists the
    instruments of each power type, ``coefs`` comes from :func:`group_coefficients`.
    """
    # log(1 + x) rather than log1p: numpy vectorises log (SIMD) but not log1p; the absolute
    # error of rounding 1 + x is below 2.2e-16, far inside the 1e-9 agreement with Mesa
    x = np.add(scaled, 1.0, out=buf)
    np.log(x, out=x)
    out = np.zeros(x.shape[1:])
    part = np.empty(x.shape[1:])
    for g, ks in enumerate(members):
        if not ks:
            continue
        np.copyto(part, x[ks[0]])
        for k in ks[1:]:
            part += x[k]
        part *= coefs[g]
        out += part
    return out


def alignment(trust: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """Softmax over donors of ``β_p T[d, p]`` (axis -2 is the donor axis).

    No shift by the maximum is needed: ``T`` is in [0, 1] and ``β`` at most a few tens, so
    ``exp`` cannot overflow.
    """
    z = beta[:, None, :] * trust
    np.exp(z, out=z)
    z /= z.sum(axis=-2, keepdims=True)
    return z


def simulate(
    inp: Inputs,
    prm: ParamSet,
    *,
    rng: np.random.Generator | None = None,
    record: bool = True,
    shift: np.ndarray | None = None,
) -> Trajectories:
    """Advance every run of ``prm`` over the scenario's horizon.

    Parameters
    ----------
    inp
        Deterministic inputs from :func:`softpower.simulate.init.build_inputs`.
    prm
        Parameter arrays of shape ``(runs,)``.
    rng
        Source of the trust noise (``noise_sd``); ``None`` switches noise off.
    record
        Keep every year (``True``) or only the start and final years (``False``), which
        saves memory in large sensitivity designs.
    shift
        Per-run shift ``(runs, D, P)`` of the start state and long-run level (their
        uncertainty, drawn by the ensemble); clipped to [0.01, 0.99].

    With ``inp.observed`` (calibration), a dyad's trust is replaced by its poll in the years
    it was polled; the recorded trust of those years is the model's forecast before the poll.

    Returns
    -------
    Trajectories
        Trust and alignment, shape ``(runs, years, donors, partners)``.
    """
    runs = prm["lam"].shape[0]
    horizon = inp.flow.shape[0]
    dv = derive(inp, prm)
    # roots in units of s0, instrument first: (K, R, D, P)
    stocks = initial_stocks(inp, prm, dv, instrument_first=True)
    stocks *= dv.inv_s0[None, :, :, :, 0]
    members = [[k for k in range(len(inp.group)) if inp.group[k] == g] for g in range(len(GROUPS))]
    coefs = group_coefficients(dv, inp.ef[0], inp.ppp[0], prm)
    net0 = net_pull(stocks, coefs, members)
    t0 = np.broadcast_to(inp.t0, net0.shape)
    level = np.broadcast_to(inp.anchor_level, net0.shape)
    if shift is not None:
        t0 = np.clip(t0 + shift, SHIFT_CLIP, 1.0 - SHIFT_CLIP)
        level = np.clip(level + shift, SHIFT_CLIP, 1.0 - SHIFT_CLIP)
    c = np.clip(level, LOGIT_CLIP, 1.0 - LOGIT_CLIP)
    intercept = np.log(c / (1.0 - c)) - net0 + prm["alpha"][:, None, None]
    lam, anchor = prm["lam"][:, None, None], prm["anchor"][:, None, None]
    # T' = (1 - λ) T + λ ((1 - s) τ* + s L), with the constant parts computed once
    keep, pull, base = 1.0 - lam, lam * (1.0 - anchor), lam * anchor * level
    rho = prm["rho"][:, None, None] * inp.reaction[None, :, None]
    scale = (prm["budget_scale"] / prm["s0"])[:, None, None]
    sigma = prm["noise_sd"][:, None, None]
    decay = np.ascontiguousarray(dv.decay.T)[:, :, None, None]  # (K, R, 1, 1)
    flows = np.ascontiguousarray(np.moveaxis(inp.flow, -1, 1))  # (H, K, D, P)
    share = np.broadcast_to(inp.pi0, net0.shape).copy()
    trust = np.array(t0, dtype=float)
    observed = inp.observed
    if observed is not None and np.isfinite(observed[0]).any():
        trust = np.where(np.isfinite(observed[0]), observed[0], trust)
    align = alignment(trust, dv.beta)
    n_out = horizon + 1 if record else 2
    out_t = np.empty((runs, n_out, *net0.shape[1:]))
    out_a = np.empty_like(out_t)
    out_t[:, 0], out_a[:, 0] = trust, align
    per_dyad, tmp, part, z = (np.empty_like(share) for _ in range(4))
    extra = None
    if inp.extra is not None:  # observed flows, in units of each run's s0: (H, K, R, D, P)
        extra = np.moveaxis(inp.extra, -1, 1)[:, :, None] * dv.inv_s0[None, None, :, :, :, 0]
    for i in range(horizon):
        if i > 0 and not (
            np.array_equal(inp.ef[i], inp.ef[i - 1]) and np.array_equal(inp.ppp[i], inp.ppp[i - 1])
        ):
            coefs = group_coefficients(dv, inp.ef[i], inp.ppp[i], prm)
        # roots and net pull in one pass over the instruments: each (R, D, P) slab is updated,
        # logged and summed into its power type while it is in cache
        np.multiply(scale, share, out=per_dyad)
        z.fill(0.0)
        for g, ks in enumerate(members):
            for n, k in enumerate(ks):
                slab = stocks[k]
                slab *= decay[k]
                slab += np.multiply(per_dyad, flows[i, k], out=tmp)
                if extra is not None:
                    slab += extra[i, k]
                np.add(slab, 1.0, out=tmp)
                np.log(tmp, out=tmp)  # log(1 + x): see net_pull
                if n == 0:
                    np.copyto(part, tmp)
                else:
                    part += tmp
            if ks:
                part *= coefs[g]
                z += part
        z += intercept
        np.negative(z, out=z)
        np.exp(z, out=z)
        z += 1.0
        np.divide(pull, z, out=z)  # λ (1 - s) τ*
        trust = keep * trust
        trust += z
        trust += base
        if rng is not None:
            trust = trust + sigma * rng.standard_normal(trust.shape)
        np.clip(trust, 0.0, 1.0, out=trust)
        polled = None
        if observed is not None and np.isfinite(observed[i + 1]).any():
            polled = trust.copy()
            trust = np.where(np.isfinite(observed[i + 1]), observed[i + 1], trust)
        new = alignment(trust, dv.beta)
        up = np.subtract(new, align, out=align)  # the old alignment is not needed any more
        np.maximum(up, 0.0, out=up)
        gain = up.sum(axis=1, keepdims=True) - up
        gain *= rho
        gain += 1.0
        share *= gain
        share /= share.sum(axis=2, keepdims=True)
        align = new
        j = i + 1 if record else 1
        if record or i == horizon - 1:
            out_t[:, j], out_a[:, j] = (trust if polled is None else polled), align
    return Trajectories(out_t, out_a)
