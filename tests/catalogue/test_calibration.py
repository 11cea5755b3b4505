"""C4 and D4: the log loss is proper, and the accuracy of a calibrated argmax; bad twins;
scikit-learn and SciPy as the oracles."""

from __future__ import annotations

import functools
import math
import random
from dataclasses import replace

import pytest
from catalogue_support import assert_genuine, wrong
from sympy import (
    Abs,
    Basic,
    Indexed,
    IndexedBase,
    Lambda,
    Symbol,
    lambdify,
)

from derivations import rules
from derivations.catalogue import calibration
from derivations.catalogue.calibration import (
    argmax_accuracy,
    gap,
    lam,
    log_loss_is_proper,
    log_loss_lagrange_condition,
    log_loss_lagrange_multiplier,
    pi,
    predicted,
    top,
    true_probability,
    y_hat,
)
from derivations.catalogue.information import gibbs_inequality, p
from derivations.catalogue.notation import j, k, q
from derivations.checking.check import check_all
from derivations.kernel.canonical import prepare
from derivations.language.hypotheses import Definition, Facts, Simplex
from derivations.language.results import Evidence, Status
from derivations.language.step import Relation, Step

DERIVATIONS = (gibbs_inequality, log_loss_is_proper, log_loss_lagrange_condition,
               log_loss_lagrange_multiplier, argmax_accuracy)


@pytest.fixture(scope="module")
def results():
    return {r.derivation.name: r for r in check_all(DERIVATIONS)}


@pytest.mark.parametrize("d", DERIVATIONS[1:], ids=lambda d: d.name)
def test_every_step_is_proved_symbolically(d, results):
    result = results[d.name]
    assert result.ok and not result.problems, result.problems
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * len(d.steps)


def test_the_log_loss_bound_cites_gibbs_and_states_a_lower_bound():
    assert log_loss_is_proper.cites == ("gibbs_inequality",)
    assert log_loss_is_proper.relation is Relation.GE
    assert argmax_accuracy.relation is Relation.GE


def test_the_equality_case_passes_through_the_cited_theorem():
    assert log_loss_is_proper.equality_if == {q: pi}
    (_, result) = check_all([gibbs_inequality, log_loss_is_proper])
    assert result.ok and result.problems == ()


def test_a_wrong_equality_case_through_the_cited_theorem_is_refused():
    stated = replace(log_loss_is_proper, equality_if={pi: q})
    (_, result) = check_all([gibbs_inequality, stated])
    assert "cites a theorem whose equality case is {q: pi}, not {pi: q}" in result.problems[0]


# --- bad twins ----------------------------------------------------------------------------

def test_the_log_loss_is_not_bounded_above_by_the_entropy():
    step = log_loss_is_proper.steps[2]
    r = wrong(log_loss_is_proper, 3, Step(step.expr, step.rule, "reversed",
                                           relation=Relation.LE))
    assert r.status is Status.FAILED
    assert_genuine(r, log_loss_is_proper.facts, {"k", "pi[1]", "q[1]"})


def test_gibbs_cited_for_the_wrong_pair_does_not_certify_the_step():
    bad = rules.by_theorem(gibbs_inequality, {p: q})
    r = wrong(log_loss_is_proper, 3, Step(log_loss_is_proper.end, bad, "KL(q || q)",
                                           relation=Relation.GE))
    assert r.status is Status.FAILED
    assert r.reason.startswith("the certificate does not account for the difference")


def test_gibbs_cannot_be_cited_when_the_truth_is_not_a_distribution():
    no_simplex = Facts.from_hypotheses(
        h for h in log_loss_is_proper.hypotheses if not (isinstance(h, Simplex) and h.base == pi))
    r = wrong(log_loss_is_proper, 3, log_loss_is_proper.steps[2], no_simplex)
    assert r.status is Status.FAILED
    assert r.reason == ("side condition 'pi lies on the simplex of size k' is not established "
                        "(not implied by this theorem's hypotheses)")


def test_a_lagrange_condition_with_the_wrong_sign_is_refuted():
    d = log_loss_lagrange_condition
    r = wrong(d, 2, Step(lam + pi[j] / q[j], rules.one_hot_collapse, "wrong sign"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, d.facts, {"k", "j", "lambda"})


def test_the_multiplier_needs_q_to_sum_to_one():
    d = log_loss_lagrange_multiplier
    no_q_simplex = Facts.from_hypotheses(
        h for h in d.hypotheses if not (isinstance(h, Simplex) and h.base == q))
    r = wrong(d, 3, d.steps[2], no_q_simplex)
    assert r.reason == "the two sides differ"
    assert_genuine(r, no_q_simplex, {"k", "lambda", "q[1]"})


def test_a_multiplier_of_minus_one_is_refuted():
    d = log_loss_lagrange_multiplier
    r = wrong(d, 3, Step(lam + 1, rules.algebra, "wrong sign"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, d.facts, {"lambda"})


def test_argmax_accuracy_reversed_is_refuted():
    d = argmax_accuracy
    r = wrong(d, 4, Step(predicted(j), rules.inequality, "reversed", relation=Relation.LE))
    assert r.reason == "the inequality <= fails"
    assert_genuine(r, d.facts, {"k", "j", r"\hat{y}"})


def test_argmax_accuracy_needs_the_gaps_to_be_non_negative():
    """With the gap h_c instead of its square, an entry may exceed the 'largest' one."""
    signed = Definition(predicted, Lambda(calibration.c,
                                          top - gap[calibration.c] * Abs(calibration.c - y_hat)))
    facts = Facts.from_hypotheses(signed if isinstance(h, Definition) and h.function is predicted
                                  else h for h in argmax_accuracy.hypotheses)
    r = wrong(argmax_accuracy, 4, argmax_accuracy.steps[3], facts)
    assert r.reason == "the inequality >= fails"
    assert_genuine(r, facts, {"k", "j", r"\hat{y}"})


def test_argmax_accuracy_needs_calibration():
    uncalibrated = Facts.from_hypotheses(
        h for h in argmax_accuracy.hypotheses
        if not (isinstance(h, Definition) and h.function is true_probability))
    r = wrong(argmax_accuracy, 2, argmax_accuracy.steps[1], uncalibrated)
    assert r.reason == "the two sides differ"
    assert_genuine(r, uncalibrated, {r"\hat{y}"})


# --- oracles: scikit-learn and SciPy ---------------------------------------------------------

SIZES = (2, 3, 5, 8)


@functools.cache
def _compiled(expr: Basic, facts: Facts, size: int, integers: tuple = ()):
    e = prepare(expr, facts).xreplace({k: size, **dict(integers)}).doit()
    labels = {b.label for b in e.atoms(IndexedBase)}
    atoms = sorted(e.atoms(Indexed, Symbol) - labels, key=str)
    return atoms, lambdify(atoms, e, "math")


def numeric(expr: Basic, facts: Facts, size: int, families: dict[IndexedBase, list[float]],
            integers: dict[Symbol, int] | None = None, scalars: dict[Symbol, float] | None = None):
    """The derived expression at numbers: sizes and indices fixed, sums written out."""
    atoms, f = _compiled(expr, facts, size, tuple(sorted((integers or {}).items(), key=str)))
    scalars = scalars or {}
    return f(*(scalars[a] if a in scalars else families[a.base][int(a.indices[0]) - 1]
               for a in atoms))


def _distribution(rng: random.Random, size: int) -> list[float]:
    w = [rng.uniform(0.05, 1.0) for _ in range(size)]
    return [x / sum(w) for x in w]


def test_oracle_expected_log_loss_is_sklearn_log_loss_and_minimal_at_the_truth():
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is the log-loss oracle")
    stats = pytest.importorskip("scipy.stats", reason="SciPy gives entropies")
    rng = random.Random(4)
    facts = log_loss_is_proper.facts
    worst = 0.0
    for size in SIZES:
        labels = list(range(size))
        for _ in range(3):
            truth, model = _distribution(rng, size), _distribution(rng, size)

            def sklearn_loss(prediction, truth=truth, labels=labels):
                return metrics.log_loss(labels, [prediction] * len(labels), sample_weight=truth,
                                        labels=labels)

            derived = numeric(log_loss_is_proper.start, facts, size, {pi: truth, q: model})
            at_truth = numeric(log_loss_is_proper.start, facts, size, {pi: truth, q: truth})
            entropy = numeric(log_loss_is_proper.end, facts, size, {pi: truth, q: model})
            worst = max(worst, abs(derived - sklearn_loss(model)),
                        abs(at_truth - sklearn_loss(truth)), abs(entropy - stats.entropy(truth)),
                        abs(derived - entropy - stats.entropy(truth, model)))
            assert sklearn_loss(model) >= sklearn_loss(truth) - 1e-12
    assert worst < 1e-9, worst
    print(f"\nC4 vs sklearn.metrics.log_loss and scipy: max |difference| = {worst:.3g}")


def test_oracle_on_samples_the_empirical_frequencies_minimise_the_log_loss():
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is the log-loss oracle")
    rng = random.Random(5)
    for size in SIZES:
        truth = _distribution(rng, size)
        labels = rng.choices(range(size), weights=truth, k=400)
        counts = [labels.count(c) + 0.0 for c in range(size)]
        if min(counts) == 0:
            continue
        empirical = [n / len(labels) for n in counts]
        best = metrics.log_loss(labels, [empirical] * len(labels), labels=list(range(size)))
        for _ in range(10):
            noise = [x * math.exp(rng.gauss(0, 0.2)) for x in empirical]
            perturbed = [x / sum(noise) for x in noise]
            assert metrics.log_loss(labels, [perturbed] * len(labels),
                                    labels=list(range(size))) >= best - 1e-12


def _argmax_parameters(model: list[float]) -> tuple[int, float, list[float]]:
    """y_hat, q* and h with q_c = q* - h_c^2 |c - y_hat|: the definition's encoding of q."""
    best = max(range(len(model)), key=model.__getitem__)
    h = [0.0 if c == best else math.sqrt((model[best] - model[c]) / abs(c - best))
         for c in range(len(model))]
    return best + 1, model[best], h


def test_oracle_calibrated_argmax_accuracy_is_sklearn_accuracy_and_the_largest_q():
    metrics = pytest.importorskip("sklearn.metrics", reason="scikit-learn is the accuracy oracle")
    rng = random.Random(6)
    facts = argmax_accuracy.facts
    worst = 0.0
    for size in SIZES:
        labels = list(range(size))
        for _ in range(5):
            model = _distribution(rng, size)
            chosen, largest, h = _argmax_parameters(model)
            integers = {y_hat: chosen}
            encoded = [numeric(predicted(c), facts, size, {gap: h}, integers, {top: largest})
                       for c in range(1, size + 1)]
            accuracy = metrics.accuracy_score(labels, [chosen - 1] * size, sample_weight=model)
            derived = numeric(argmax_accuracy.start, facts, size, {gap: h}, integers,
                              {top: largest})
            worst = max(worst, max(abs(a - b) for a, b in zip(encoded, model, strict=True)),
                        abs(derived - accuracy), abs(derived - max(model)))
            for other in range(1, size + 1):
                bound = numeric(argmax_accuracy.end, facts, size, {gap: h},
                                {**integers, j: other}, {top: largest})
                assert derived >= bound - 1e-15
    assert worst < 1e-12, worst
    print(f"\nD4 vs sklearn.metrics.accuracy_score: max |difference| = {worst:.3g}")
