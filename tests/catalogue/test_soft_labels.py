"""B1, B2, B5 and their helper: every step checks with the expected evidence; wrong twins fail."""

from __future__ import annotations

import pytest
from sympy import KroneckerDelta, Sum, log

from derivations import rules
from derivations.catalogue.cross_entropy import one_hot_cross_entropy
from derivations.catalogue.notation import i, j, k, label, m, q
from derivations.catalogue.soft_labels import (
    count,
    cross_entropy_is_entropy_plus_kl,
    epsilon,
    label_smoothing,
    n,
    p,
    p_row,
    p_vector,
    p_votes,
    q_row,
    q_vector,
    r,
    soft_label_decomposition,
    soft_labels_are_expected_nll,
    uniform,
)
from derivations.checking.check import check_all
from derivations.checking.grade import check_step
from derivations.errors import AuthoringError
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts, IndexRange, Positive
from derivations.language.notation import KL, Argmin, CrossEntropy, Entropy
from derivations.language.results import Evidence, StepResult
from derivations.language.step import Step

S = Evidence.SYMBOLIC
EXPECTED = {
    "cross_entropy_is_entropy_plus_kl": (S, S, S),
    "soft_label_decomposition": (S, S, S),
    # step 4 swaps the sums of sum_j (sum_r delta) log q_j: no symbolic rewrite moves the
    # factor log q_j into the inner sum, so it is proved only at concrete sizes
    "soft_labels_are_expected_nll": (S, S, S, S, S),
    "label_smoothing": (S, S, S, S, S, S),
}


@pytest.fixture(scope="module")
def results():
    checked = check_all([one_hot_cross_entropy, cross_entropy_is_entropy_plus_kl,
                         soft_label_decomposition, soft_labels_are_expected_nll,
                         label_smoothing])
    return {res.derivation.name: res for res in checked}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_derivation_checks_with_expected_evidence(results, name):
    res = results[name]
    assert res.ok, [s.describe() for s in res.steps if not s.ok] + list(res.problems)
    assert tuple(s.evidence for s in res.steps) == EXPECTED[name]


@pytest.mark.parametrize(("d", "cited"), [
    (soft_label_decomposition, {"cross_entropy_is_entropy_plus_kl"}),
    (soft_labels_are_expected_nll, set()),
    (label_smoothing, {"one_hot_cross_entropy", "cross_entropy_is_entropy_plus_kl"})])
def test_citations(d, cited):
    assert set(d.cites) == cited


def _wrong(d: Derivation, index: int, expr, rule=None, facts: Facts | None = None,
           seed: int = 1) -> StepResult:
    """Step ``index`` of ``d`` replaced by ``expr`` (same rule and reason unless given)."""
    prev = d.start if index == 1 else d.steps[index - 2].expr
    step = d.steps[index - 1]
    return check_step(index, prev, Step(expr, rule or step.rule, step.why),
                      facts or d.facts, seed=seed)


def _refuted(result: StepResult) -> None:
    assert not result.ok
    assert result.counterexample is not None, result.reason
    assert result.counterexample.lhs != result.counterexample.rhs


# -- cross entropy = entropy + divergence -------------------------------------------------------

@pytest.mark.parametrize(("index", "expr"), [
    (3, Entropy(p_vector) - KL(p_vector, q_vector)),  # sign of the divergence flipped
    (3, Entropy(p_vector) + KL(q_vector, p_vector)),  # p and q swapped in the divergence
    (2, -Sum(p[j] * log(p[j]), (j, 1, k))),  # the divergence dropped
])
def test_wrong_decomposition_is_refuted(index, expr):
    _refuted(_wrong(cross_entropy_is_entropy_plus_kl, index, expr))


# -- B1 -----------------------------------------------------------------------------------------

def _over_data(term):
    return Sum(term, (i, 1, m))


def test_b1_dropping_the_entropies_without_a_rule_is_refuted():
    _refuted(_wrong(soft_label_decomposition, 1,
                    Argmin(_over_data(KL(p_row, q_row)), soft_label_decomposition.start.variable)))


def test_b1_adding_the_entropies_instead_of_subtracting_is_refuted():
    d = soft_label_decomposition
    _refuted(_wrong(d, 3, d.steps[2].expr, rules.add_constant(_over_data(Entropy(p_row)))))


def test_b1_dropping_a_term_that_depends_on_the_parameters_fails_its_side_condition():
    d = soft_label_decomposition
    theta = d.start.variable
    result = _wrong(d, 3, Argmin(_over_data(Entropy(p_row)), theta),
                    rules.add_constant(-_over_data(KL(p_row, q_row))))
    assert not result.ok and "is not established" in result.reason
    assert [c.holds for c in result.conditions] == [False]


def test_b1_needs_the_positivity_of_the_outputs_displayed():
    d = soft_label_decomposition
    missing = "q_out in the start is declared .*positive.* but no hypothesis states it"
    with pytest.raises(AuthoringError, match=missing):
        Derivation(d.name, d.title, tuple(h for h in d.hypotheses
                                          if not (isinstance(h, Positive)
                                                  and "q_out" in str(h.pattern))),
                   d.start, d.steps)


# -- B2 -----------------------------------------------------------------------------------------

def test_b2_forgetting_the_number_of_annotators_is_refuted():
    _refuted(_wrong(soft_labels_are_expected_nll, 1,
                    Sum(p_votes(j) * -log(q[j]), (j, 1, k))))


def test_b2_counts_not_divided_by_n_are_refuted():
    d = soft_labels_are_expected_nll
    _refuted(_wrong(d, 2, -Sum(count(j) * log(q[j]), (j, 1, k)) / n))


def test_b2_collapsing_onto_the_annotator_instead_of_the_annotation_is_refuted():
    _refuted(_wrong(soft_labels_are_expected_nll, 5, Sum(-log(q[r]), (r, 1, n))))


def test_b2_collapse_needs_the_annotations_in_range():
    d = soft_labels_are_expected_nll
    facts = Facts.from_hypotheses([h for h in d.hypotheses if not isinstance(h, IndexRange)])
    result = _wrong(d, 5, d.steps[4].expr, facts=facts)
    assert not result.ok
    assert "1 <= a[r] <= k" in result.reason and "no hypothesis puts" in result.reason


# -- B5 -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("index", "expr"), [
    # the two weights exchanged
    (4, epsilon * -log(q[label]) + (1 - epsilon) * CrossEntropy(uniform, q_vector)),
    # the entropy of the uniform taken as -log k
    (6, (1 - epsilon) * -log(q[label]) + epsilon * (-log(k) + KL(uniform, q_vector))),
    # the divergence taken the other way round
    (6, (1 - epsilon) * -log(q[label]) + epsilon * (log(k) + KL(q_vector, uniform))),
    # the one-hot part collapsed without its weight
    (3, -log(q[label]) + epsilon * -Sum(log(q[j]) / k, (j, 1, k))),
])
def test_wrong_label_smoothing_is_refuted(index, expr):
    _refuted(_wrong(label_smoothing, index, expr))


def test_b5_collapse_needs_the_label_in_range():
    d = label_smoothing
    facts = Facts.from_hypotheses([h for h in d.hypotheses if not isinstance(h, IndexRange)])
    result = _wrong(d, 3, d.steps[2].expr, facts=facts)
    assert not result.ok and "no hypothesis puts the integer y in [1, k]" in result.reason


def test_b5_smoothed_label_is_the_stated_mixture():
    smoothed = label_smoothing.start.args[0]
    assert smoothed.component(j) == (1 - epsilon) * KroneckerDelta(j, label) + epsilon / k
