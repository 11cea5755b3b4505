"""B3 and B4: the Bernoulli and Gaussian likelihoods, their checks, wrong twins and oracles."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from sympy import Basic, Float, Integer, Sum, Symbol, lambdify, log, pi
from sympy.core.function import AppliedUndef

from derivations import rules
from derivations.catalogue.notation import i, label, m, theta, x
from derivations.catalogue.regression_losses import (
    a,
    a_labels,
    bernoulli_nll_is_binary_cross_entropy,
    gaussian_nll_is_mse,
    l,
    mu,
    multi_label_binary_cross_entropy,
    n_labels,
    sigma,
    y_labels,
    y_real,
)
from derivations.checking.check import check_all, check_derivation
from derivations.checking.grade import check_step
from derivations.errors import AuthoringError
from derivations.kernel.canonical import prepare
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import IndexRange, Positive
from derivations.language.notation import Argmin, Optimum, named_function
from derivations.language.results import Evidence, Status, StepResult
from derivations.language.step import Step

DERIVATIONS = (bernoulli_nll_is_binary_cross_entropy, multi_label_binary_cross_entropy,
               gaussian_nll_is_mse)
KNOWN = {d.name: d for d in DERIVATIONS}
RNG_SEED = 20240611


def _with_step(d: Derivation, index: int, expr: Basic, rule=None, **changes) -> Derivation:
    """``d`` with step ``index`` (from 1) replaced: a deliberately wrong twin."""
    steps = list(d.steps)
    old = steps[index - 1]
    steps[index - 1] = Step(expr, rule or old.rule, old.why, cites=old.cites)
    return dataclasses.replace(d, steps=tuple(steps), **changes)


def _step_result(d: Derivation, index: int) -> StepResult:
    return check_derivation(d, KNOWN).steps[index - 1]


# ------------------------------------------------------------------------ the derivations check

def test_every_step_is_proved_symbolically():
    for result in check_all(DERIVATIONS):
        assert result.ok, [s.describe() for s in result.steps if not s.ok] or result.problems
        assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * len(result.steps)


def test_the_multi_label_form_cites_the_single_label_one():
    assert multi_label_binary_cross_entropy.cites == ("bernoulli_nll_is_binary_cross_entropy",)


# ------------------------------------------------------------------------ wrong twins (B3)

def _b3_wrong_sign():
    return _with_step(bernoulli_nll_is_binary_cross_entropy, 2,
                      -(label * log(a) - (1 - label) * log(1 - a)))


def _b3_swapped():
    return _with_step(bernoulli_nll_is_binary_cross_entropy, 2,
                      -(label * log(1 - a) + (1 - label) * log(a)))


def _b3_dropped_term():
    return _with_step(multi_label_binary_cross_entropy, 2,
                      Sum(-y_labels[l] * log(a_labels[l]), (l, 1, n_labels)))


@pytest.mark.parametrize(("make", "index"), [
    pytest.param(_b3_wrong_sign, 2, id="flipped sign of the second term"),
    pytest.param(_b3_swapped, 2, id="a and 1 - a swapped"),
    pytest.param(_b3_dropped_term, 2, id="multi-label: the label-0 term dropped"),
])
def test_a_wrong_bernoulli_step_is_rejected_with_a_counterexample(make, index):
    result = _step_result(make(), index)
    assert result.status is Status.FAILED
    assert result.reason == "the two sides differ"
    assert result.counterexample is not None
    assert float(result.counterexample.lhs) != pytest.approx(float(result.counterexample.rhs))


def test_without_the_unit_interval_the_log_of_a_power_is_not_proved():
    """With only a > 0 declared, 1 - a may be negative and log(1 - a) is no real number: the
    engine must not prove log((1 - a)^(1 - y)) = (1 - y) log(1 - a) symbolically."""
    weaker = dataclasses.replace(bernoulli_nll_is_binary_cross_entropy,
                                 hypotheses=(IndexRange(label, 0, 1), Positive(a)))
    second = _step_result(weaker, 2)
    assert second.evidence is not Evidence.SYMBOLIC


def test_an_undeclared_probability_is_refused():
    with pytest.raises(AuthoringError, match="a in the start is declared positive"):
        dataclasses.replace(bernoulli_nll_is_binary_cross_entropy,
                            hypotheses=(IndexRange(label, 0, 1),))


# ------------------------------------------------------------------------ wrong twins (B4)

_residual = y_real[i] - mu(x[i], theta)


def test_a_dropped_half_in_the_gaussian_normaliser_is_rejected():
    wrong = _with_step(gaussian_nll_is_mse, 2, Argmin(Sum(
        _residual**2 / (2 * sigma**2) + log(2 * pi * sigma**2), (i, 1, m)), theta))
    result = _step_result(wrong, 2)
    assert (result.status, result.reason) == (Status.FAILED, "the two sides differ")
    assert result.counterexample is not None


def test_a_dropped_term_that_depends_on_the_parameters_is_rejected():
    """Dropping the squared errors themselves would be an 'add_constant' with theta in it."""
    dropped = Sum(_residual**2 / (2 * sigma**2), (i, 1, m))
    wrong = _with_step(gaussian_nll_is_mse, 3,
                       Argmin(Sum(log(2 * pi * sigma**2) / 2, (i, 1, m)), theta),
                       rules.add_constant(-dropped))
    result = _step_result(wrong, 3)
    assert result.status is Status.FAILED
    assert result.reason.startswith("side condition")
    assert "does not depend on theta" in result.reason


def test_a_negative_factor_is_rejected():
    wrong = _with_step(gaussian_nll_is_mse, 4,
                       Argmin(-Sum(_residual**2, (i, 1, m)) / m, theta),
                       rules.positive_factor(-2 * sigma**2 / m))
    result = _step_result(wrong, 4)
    assert result.status is Status.FAILED
    assert "> 0" in result.reason


def test_a_variance_that_depends_on_the_parameters_cannot_be_dropped():
    """With sigma = s(theta), the normalising term is no constant (heteroscedastic models)."""
    s = named_function("s", "s({0})", positive=True)
    moving = -m * log(2 * pi * s(theta)**2) / 2
    prev = Argmin(Sum(_residual**2 / (2 * s(theta)**2) + log(2 * pi * s(theta)**2) / 2,
                      (i, 1, m)), theta)
    new = Argmin(Sum(_residual**2 / (2 * s(theta)**2), (i, 1, m)), theta)
    result = check_step(3, prev, Step(new, rules.add_constant(moving), "wrong"),
                        gaussian_nll_is_mse.facts)
    assert result.status is Status.FAILED
    assert "does not depend on theta" in result.reason


# ------------------------------------------------------------------------ oracles

torch = pytest.importorskip("torch", reason="the oracles compare with PyTorch (extra 'oracles')")
functional = torch.nn.functional


def _sigmoid(t: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-t))


def _scalar_function(expr: Basic, facts, args: tuple[Symbol, ...]):
    """The unfolded expression as a numpy function of ``args``."""
    e = prepare(expr, facts).doit()
    return lambdify(args, e, "numpy")


def test_oracle_bernoulli_chain_matches_torch_binary_cross_entropy(record_property):
    rng = np.random.default_rng(RNG_SEED)
    logits = rng.normal(0, 3, 500)
    labels = rng.integers(0, 2, 500).astype(float)
    probs = _sigmoid(logits)
    expected = functional.binary_cross_entropy_with_logits(
        torch.tensor(logits, dtype=torch.float64), torch.tensor(labels, dtype=torch.float64),
        reduction="none").numpy()
    from_probs = functional.binary_cross_entropy(
        torch.tensor(probs, dtype=torch.float64), torch.tensor(labels, dtype=torch.float64),
        reduction="none").numpy()
    d = bernoulli_nll_is_binary_cross_entropy
    worst = 0.0
    for expr in d.expressions:
        f = _scalar_function(expr, d.facts, (a, label))
        ours = np.array([f(p, y) for p, y in zip(probs, labels, strict=True)], dtype=float)
        worst = max(worst, float(np.max(np.abs(ours - expected))),
                    float(np.max(np.abs(ours - from_probs))))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-9


def test_oracle_bernoulli_mean_matches_sklearn_log_loss(record_property):
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn oracle")
    rng = np.random.default_rng(RNG_SEED + 1)
    probs = rng.uniform(0.01, 0.99, 300)
    labels = rng.integers(0, 2, 300)
    d = bernoulli_nll_is_binary_cross_entropy
    f = _scalar_function(d.end, d.facts, (a, label))
    ours = float(np.mean([f(p, y) for p, y in zip(probs, labels, strict=True)]))
    worst = abs(ours - metrics.log_loss(labels, probs, labels=[0, 1]))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-9


def _multi_label_values(expr: Basic, size: int, probs, labels) -> float:
    d = multi_label_binary_cross_entropy
    e = prepare(expr, d.facts).xreplace({n_labels: Integer(size)}).doit()
    values = {a_labels[n + 1]: Float(probs[n], 30) for n in range(size)}
    values |= {y_labels[n + 1]: Integer(int(labels[n])) for n in range(size)}
    return float(e.xreplace(values).evalf(30))


def test_oracle_multi_label_matches_summed_torch_binary_cross_entropy(record_property):
    rng = np.random.default_rng(RNG_SEED + 2)
    size = 5
    worst = 0.0
    for _ in range(5):
        logits = rng.normal(0, 2, size)
        labels = rng.integers(0, 2, size).astype(float)
        expected = float(functional.binary_cross_entropy_with_logits(
            torch.tensor(logits, dtype=torch.float64),
            torch.tensor(labels, dtype=torch.float64), reduction="sum"))
        for expr in multi_label_binary_cross_entropy.expressions:
            ours = _multi_label_values(expr, size, _sigmoid(logits), labels)
            worst = max(worst, abs(ours - expected))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-9


def _objective_value(expr: Basic, targets, means, sd: float) -> float:
    """A B4 objective at concrete data: m observations, targets y_i and predictions mu_i."""
    d = gaussian_nll_is_mse
    objective = expr.objective if isinstance(expr, Optimum) else expr
    size = len(targets)
    e = prepare(objective, d.facts).xreplace({m: Integer(size)}).doit()
    values: dict[Basic, Basic] = {sigma: Float(sd, 30)}
    values |= {y_real[n + 1]: Float(targets[n], 30) for n in range(size)}
    values |= {mu(x[n + 1], theta): Float(means[n], 30) for n in range(size)}
    e = e.xreplace(values)
    assert not e.atoms(AppliedUndef), e
    return float(e.evalf(30))


def test_oracle_gaussian_nll_matches_torch_gaussian_nll_loss(record_property):
    """torch's full Gaussian NLL takes the variance (clamped below at eps=1e-6; ours is far
    above it) and includes the constant log(2 pi) / 2 when full=True."""
    rng = np.random.default_rng(RNG_SEED + 3)
    worst = 0.0
    for _ in range(5):
        size = 6
        targets, means = rng.normal(0, 2, size), rng.normal(0, 2, size)
        sd = float(rng.uniform(0.3, 3.0))
        expected = float(functional.gaussian_nll_loss(
            torch.tensor(means, dtype=torch.float64), torch.tensor(targets, dtype=torch.float64),
            torch.full((size,), sd**2, dtype=torch.float64), full=True, reduction="sum"))
        d = gaussian_nll_is_mse
        for expr in (d.start, d.steps[0].expr, d.steps[1].expr):
            worst = max(worst, abs(_objective_value(expr, targets, means, sd) - expected))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-9


def test_oracle_the_last_objective_is_torch_mse_loss(record_property):
    rng = np.random.default_rng(RNG_SEED + 4)
    worst = 0.0
    for _ in range(5):
        size = 7
        targets, means = rng.normal(0, 2, size), rng.normal(0, 2, size)
        expected = float(functional.mse_loss(torch.tensor(means, dtype=torch.float64),
                                             torch.tensor(targets, dtype=torch.float64)))
        ours = _objective_value(gaussian_nll_is_mse.end, targets, means, 1.0)
        worst = max(worst, abs(ours - expected))
    record_property("max_abs_difference", float(worst))
    assert worst < 1e-12


def test_oracle_the_objectives_differ_by_the_stated_transforms():
    """NLL = m/(2 sigma^2) * MSE + m/2 log(2 pi sigma^2): the transforms the proof applies."""
    rng = np.random.default_rng(RNG_SEED + 5)
    size, sd = 5, 1.7
    targets, means = rng.normal(0, 2, size), rng.normal(0, 2, size)
    nll = _objective_value(gaussian_nll_is_mse.start, targets, means, sd)
    mse = _objective_value(gaussian_nll_is_mse.end, targets, means, sd)
    assert nll == pytest.approx(size / (2 * sd**2) * mse + size / 2 * np.log(2 * np.pi * sd**2),
                                rel=1e-12)

