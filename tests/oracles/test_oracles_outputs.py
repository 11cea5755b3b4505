"""Oracles for C1 and C2: the derived softmax and sigmoid expressions against SciPy and PyTorch.

Every expression of a chain (start, each step) is unfolded (definitions and cross entropies
written out), evaluated at random logits with 30 significant digits, and compared with the
library at float64.
"""

from __future__ import annotations

import numpy as np
import pytest
from sympy import Basic, Float, Integer

from derivations.catalogue.notation import j, k
from derivations.catalogue.outputs import (
    c,
    log_softmax_is_logit_minus_logsumexp,
    logistic_loss_is_two_class_cross_entropy,
    sigmoid_complement,
    sigmoid_is_two_class_softmax,
    softmax_is_a_distribution,
    softmax_is_positive,
    softmax_shift_invariance,
    t,
    y,
    z,
)
from derivations.kernel.canonical import prepare
from derivations.language.derivation import Derivation

torch = pytest.importorskip("torch", reason="the oracles compare with PyTorch (extra 'oracles')")
special = pytest.importorskip("scipy.special", reason="the oracles compare with SciPy")

SEED = 7
SIZE = 6
TRIALS = 5


def _value(d: Derivation, expr: Basic, logits, values: dict | None = None) -> float:
    """``expr`` unfolded under ``d``'s definitions, at the logits and the given ``values``
    (integers for indices and labels, floats for real numbers)."""
    e = prepare(expr, d.facts)
    fixed = {k: Integer(len(logits))} if k in e.free_symbols else {}
    fixed |= {sym: (Integer(v) if isinstance(v, int) else Float(v, 30))
              for sym, v in (values or {}).items()}
    e = e.xreplace(fixed).doit()
    e = e.xreplace({z[n + 1]: Float(float(v), 30) for n, v in enumerate(logits)})
    return float(e.evalf(30))


def _tensor(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values, dtype=float), dtype=torch.float64)


def _logits(rng: np.random.Generator, size: int = SIZE) -> np.ndarray:
    return rng.normal(0, 3, size)


def test_oracle_softmax_entries_match_scipy_and_torch(record_property):
    rng = np.random.default_rng(SEED)
    worst = 0.0
    d = softmax_is_positive
    for _ in range(TRIALS):
        logits = _logits(rng)
        scipy_q = special.softmax(logits)
        torch_q = torch.softmax(_tensor(logits), dim=0).numpy()
        for cls in range(1, SIZE + 1):
            for expr in (d.start, d.steps[0].expr):
                ours = _value(d, expr, logits, {j: cls})
                assert ours > 0
                worst = max(worst, abs(ours - scipy_q[cls - 1]), abs(ours - torch_q[cls - 1]))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


def test_oracle_softmax_sums_to_one(record_property):
    rng = np.random.default_rng(SEED + 1)
    worst = 0.0
    d = softmax_is_a_distribution
    for _ in range(TRIALS):
        logits = _logits(rng)
        expected = float(np.sum(special.softmax(logits)))
        for expr in d.expressions:
            worst = max(worst, abs(_value(d, expr, logits) - expected))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


def test_oracle_shifted_softmax_matches_scipy(record_property):
    rng = np.random.default_rng(SEED + 2)
    worst = 0.0
    d = softmax_shift_invariance
    for _ in range(TRIALS):
        logits, shift = _logits(rng), float(rng.normal(0, 5))
        shifted = special.softmax(logits + shift)
        plain = special.softmax(logits)
        for cls in range(1, SIZE + 1):
            for expr in d.expressions:
                ours = _value(d, expr, logits, {j: cls, c: shift})
                worst = max(worst, abs(ours - shifted[cls - 1]), abs(ours - plain[cls - 1]))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


def test_oracle_log_softmax_matches_scipy_and_torch(record_property):
    rng = np.random.default_rng(SEED + 3)
    worst = 0.0
    d = log_softmax_is_logit_minus_logsumexp
    for _ in range(TRIALS):
        logits = _logits(rng)
        scipy_lq = special.log_softmax(logits)
        torch_lq = torch.log_softmax(_tensor(logits), dim=0).numpy()
        lse = special.logsumexp(logits)
        for cls in range(1, SIZE + 1):
            for expr in d.expressions:
                ours = _value(d, expr, logits, {j: cls})
                worst = max(worst, abs(ours - scipy_lq[cls - 1]), abs(ours - torch_lq[cls - 1]),
                            abs(ours - (logits[cls - 1] - lse)))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


def test_oracle_sigmoid_is_torch_two_class_softmax(record_property):
    rng = np.random.default_rng(SEED + 4)
    worst = 0.0
    d = sigmoid_is_two_class_softmax
    for _ in range(20):
        logits = _logits(rng, 2)
        first = float(torch.softmax(_tensor(logits), dim=0)[0])
        sig = float(torch.sigmoid(_tensor(logits[0] - logits[1])))
        expit = float(special.expit(logits[0] - logits[1]))
        for expr in d.expressions:
            ours = _value(d, expr, logits)
            worst = max(worst, abs(ours - first), abs(ours - sig), abs(ours - expit))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


def test_oracle_sigmoid_complement_matches_scipy_expit(record_property):
    rng = np.random.default_rng(SEED + 5)
    worst = 0.0
    d = sigmoid_complement
    for value in rng.normal(0, 4, 30):
        expected = float(special.expit(-value))
        for expr in d.expressions:
            worst = max(worst, abs(_value(d, expr, [], {t: float(value)}) - expected))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


@pytest.mark.parametrize("second_logit_zero", [False, True], ids=["logits (z1, z2)",
                                                                   "one logit t: logits (t, 0)"])
def test_oracle_logistic_loss_matches_torch_bce_and_cross_entropy(record_property,
                                                                  second_logit_zero):
    """torch's cross_entropy takes 0-based class indices: the label y = 1 is the first class
    (index 0) and y = 0 the second (index 1), matching the vector (y, 1 - y)."""
    rng = np.random.default_rng(SEED + 6)
    worst = 0.0
    d = logistic_loss_is_two_class_cross_entropy
    for _ in range(20):
        logits = _logits(rng, 2)
        if second_logit_zero:
            logits[1] = 0.0
        label = int(rng.integers(0, 2))
        bce = float(torch.nn.functional.binary_cross_entropy_with_logits(
            _tensor([logits[0] - logits[1]]), _tensor([label])))
        ce = float(torch.nn.functional.cross_entropy(
            _tensor([logits]), torch.tensor([1 - label])))
        for expr in d.expressions:
            ours = _value(d, expr, logits, {y: label})
            worst = max(worst, abs(ours - bce), abs(ours - ce))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12

