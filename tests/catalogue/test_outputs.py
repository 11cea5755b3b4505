"""C1 and C2: softmax and sigmoid derivations check, and their wrong twins are rejected."""

from __future__ import annotations

import dataclasses

import pytest
from sympy import Add, Basic, Integer, Sum, exp, log

from derivations import rules
from derivations.catalogue.notation import j, k
from derivations.catalogue.outputs import (
    c,
    l,
    log_softmax_is_logit_minus_logsumexp,
    logistic_loss_is_two_class_cross_entropy,
    pair,
    sigmoid,
    sigmoid_complement,
    sigmoid_definition,
    sigmoid_is_two_class_softmax,
    softmax_definition,
    softmax_is_a_distribution,
    softmax_is_positive,
    softmax_shift_invariance,
    t,
    y,
    z,
)
from derivations.checking.check import check_all, check_derivation
from derivations.errors import AuthoringError
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import IndexRange, Size
from derivations.language.notation import CrossEntropy
from derivations.language.results import Evidence, Status, StepResult
from derivations.language.step import Relation, Step

DERIVATIONS = (softmax_is_a_distribution, softmax_is_positive, softmax_shift_invariance,
               log_softmax_is_logit_minus_logsumexp, sigmoid_is_two_class_softmax,
               sigmoid_complement, logistic_loss_is_two_class_cross_entropy)
KNOWN = {d.name: d for d in DERIVATIONS}
#: Steps the engine supports only by sampling, and why (see the module's report): the
#: canonicaliser does not bring the arguments of logarithms to a normal form, so
#: log(1 - sigma(t)) and log(sigma(-t)) stay different atoms although their arguments are equal.
SAMPLED_ONLY = {("logistic_loss_is_two_class_cross_entropy", 1),
                ("logistic_loss_is_two_class_cross_entropy", 2)}


def _with_step(d: Derivation, index: int, expr: Basic, relation=None) -> Derivation:
    steps = list(d.steps)
    old = steps[index - 1]
    steps[index - 1] = Step(expr, old.rule, old.why, relation=relation or old.relation,
                            cites=old.cites)
    return dataclasses.replace(d, steps=tuple(steps))


def _step_result(d: Derivation, index: int) -> StepResult:
    return check_derivation(d, KNOWN).steps[index - 1]


def test_every_derivation_checks():
    for result in check_all(DERIVATIONS):
        assert result.ok, [s.describe() for s in result.steps if not s.ok] or result.problems


@pytest.mark.parametrize("d", DERIVATIONS, ids=lambda d: d.name)
def test_evidence_is_symbolic_except_the_known_log_argument_steps(d):
    for s in check_derivation(d, KNOWN).steps:
        if (d.name, s.index) in SAMPLED_ONLY:
            assert s.evidence in (Evidence.SYMBOLIC, Evidence.SAMPLED), s.describe()
        else:
            assert s.evidence is Evidence.SYMBOLIC, s.describe()


def test_positivity_is_a_strict_inequality():
    assert softmax_is_positive.relation is Relation.GT


_entry = exp(z[j]) / Sum(exp(z[l]), (l, 1, k))


@pytest.mark.parametrize(("d", "index", "wrong"), [
    pytest.param(softmax_is_a_distribution, 3, Integer(2), id="softmax sums to 2"),
    pytest.param(softmax_is_a_distribution, 2,
                 Sum(exp(z[j]), (j, 1, k - 1)) / Sum(exp(z[l]), (l, 1, k)),
                 id="one class dropped from the numerator"),
    pytest.param(softmax_shift_invariance, 1,
                 exp(z[j] + c) / Sum(exp(z[l]), (l, 1, k)),
                 id="shift only in the numerator"),
    pytest.param(log_softmax_is_logit_minus_logsumexp, 2,
                 z[j] + log(Sum(exp(z[l]), (l, 1, k))), id="log-sum-exp with a flipped sign"),
    pytest.param(sigmoid_is_two_class_softmax, 3, sigmoid(Add(z[2], -z[1], evaluate=False)),
                 id="sigmoid of the wrong difference"),
    pytest.param(sigmoid_complement, 4, sigmoid(t), id="one minus sigmoid is sigmoid"),
    pytest.param(logistic_loss_is_two_class_cross_entropy, 3,
                 CrossEntropy(pair(1 - y, y), logistic_loss_is_two_class_cross_entropy.end.args[1]),
                 id="labels swapped against the classes"),
])
def test_a_wrong_step_is_rejected_with_a_counterexample(d, index, wrong):
    result = _step_result(_with_step(d, index, wrong), index)
    assert result.status is Status.FAILED
    assert result.reason == "the two sides differ"
    assert result.counterexample is not None
    assert float(result.counterexample.lhs) != pytest.approx(float(result.counterexample.rhs))


def test_softmax_is_not_above_one():
    wrong = _with_step(softmax_is_positive, 2, Integer(1))
    result = _step_result(wrong, 2)
    assert (result.status, result.reason) == (Status.FAILED, "the inequality > fails")
    assert float(result.counterexample.lhs) <= float(result.counterexample.rhs)


def test_a_reversed_inequality_is_rejected():
    """softmax < 0 reverses the theorem: rejected."""
    wrong = dataclasses.replace(softmax_is_positive, steps=(
        softmax_is_positive.steps[0],
        Step(Integer(0), rules.inequality, "reversed", relation=Relation.LT)))
    result = _step_result(wrong, 2)
    assert result.status is Status.FAILED


def test_positivity_needs_a_class_in_range():
    """Without 1 <= j <= k the index of the output would be undeclared."""
    with pytest.raises(AuthoringError, match="j in the start is declared integer"):
        dataclasses.replace(softmax_is_positive, hypotheses=softmax_is_positive.hypotheses[:-1])


def test_real_logits_are_a_displayed_hypothesis():
    # (SymPy takes IndexedBase("z", real=True) and one declared real and finite for one symbol,
    # and its caches may hand back either: the message then lists finite too)
    with pytest.raises(AuthoringError, match="z in step 1 is declared (finite, )?real"):
        dataclasses.replace(softmax_is_a_distribution,
                            hypotheses=(Size(k), softmax_definition(k)))


def test_the_sigmoid_identity_fails_for_a_wrong_definition():
    """A sigmoid defined with exp(+t) is not the two-class softmax: the last step fails."""
    from sympy import Lambda, Symbol

    from derivations.language.hypotheses import Definition

    T = Symbol("t")
    wrong_sigmoid = Definition(sigmoid, Lambda(T, 1 / (1 + exp(T))))
    wrong = dataclasses.replace(sigmoid_is_two_class_softmax, hypotheses=tuple(
        wrong_sigmoid if h is sigmoid_definition else h
        for h in sigmoid_is_two_class_softmax.hypotheses))
    result = _step_result(wrong, 3)
    assert result.status is Status.FAILED and result.counterexample is not None


def test_the_label_range_is_displayed_for_the_logistic_loss():
    assert IndexRange(y, 0, 1) in logistic_loss_is_two_class_cross_entropy.hypotheses
