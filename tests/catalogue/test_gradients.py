"""C3: the softmax cross-entropy gradient, its Hessian and convexity, and their wrong twins."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sympy import Basic, Derivative, Indexed, KroneckerDelta, Rational, S, Sum, Symbol
from sympy.core.function import AppliedUndef

from derivations.catalogue.gradients import (
    cross_entropy_convex_in_logits,
    cross_entropy_gradient,
    cross_entropy_hessian,
    p,
    q,
    softmax_definition,
    v,
    z,
)
from derivations.catalogue.notation import i, j, k
from derivations.engine import rules
from derivations.engine.canonical import prepare
from derivations.engine.checker import check_all, check_step
from derivations.engine.derivation import Derivation
from derivations.engine.exceptions import AuthoringError
from derivations.engine.hypotheses import Facts, IndexRange, Simplex, Size
from derivations.engine.results import Evidence, Status, StepResult
from derivations.engine.step import Relation, Step

DERIVATIONS = (cross_entropy_gradient, cross_entropy_hessian, cross_entropy_convex_in_logits)


def _value_at(expr: Basic, values: dict[str, str], facts: Facts) -> float:
    """``expr`` at a counterexample's point, by substitution and ``doit`` (not the sampler)."""
    e = prepare(expr, facts)
    for _ in range(4):
        atoms = {str(a): a for a in e.atoms(Symbol, Indexed, AppliedUndef) if str(a) in values}
        e = e.xreplace({a: Rational(values[name]) for name, a in atoms.items()}).doit()
    return float(e.evalf(30))


def assert_genuine(r: StepResult, facts: Facts, names: set[str]) -> None:
    """A counterexample naming ``names`` at which both sides really differ, as shown."""
    assert r.status is Status.FAILED and r.counterexample is not None, r.describe()
    values = dict(r.counterexample.values)
    assert names <= values.keys()
    for side, shown in ((r.previous, r.counterexample.lhs), (r.step.expr, r.counterexample.rhs)):
        assert _value_at(side, values, facts) == pytest.approx(float(shown), rel=1e-3, abs=1e-4)


def _wrong(d: Derivation, index: int, step: Step, facts: Facts | None = None) -> StepResult:
    """Check ``step`` in place of step ``index`` of ``d`` (the steps before are kept)."""
    prev = d.expressions[index - 1]
    return check_step(index, prev, step, facts or d.facts, seed=11)


@pytest.fixture(scope="module")
def results():
    return {r.derivation.name: r for r in check_all(DERIVATIONS)}


@pytest.mark.parametrize("d", DERIVATIONS, ids=lambda d: d.name)
def test_every_step_is_proved_symbolically(d, results):
    result = results[d.name]
    assert result.ok and not result.problems, result.problems
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * len(d.steps)


def test_the_gradient_is_prediction_minus_target():
    assert cross_entropy_gradient.end == q(i) - p[i]
    assert isinstance(cross_entropy_gradient.start, Derivative)
    assert cross_entropy_gradient.start.variables == (z[i],)
    assert cross_entropy_gradient.relation is Relation.EQ


def test_the_helpers_cite_the_gradient_and_the_hessian():
    assert cross_entropy_hessian.cites == ("cross_entropy_gradient",)
    assert cross_entropy_convex_in_logits.cites == ("cross_entropy_hessian",)
    assert cross_entropy_convex_in_logits.relation is Relation.GE


def test_a_flipped_gradient_is_refuted():
    r = _wrong(cross_entropy_gradient, 5, Step(p[i] - q(i), rules.algebra, "flipped"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, cross_entropy_gradient.facts, {"k", "i"})


def test_without_the_simplex_the_target_mass_does_not_cancel():
    no_simplex = Facts.from_hypotheses(
        h for h in cross_entropy_gradient.hypotheses if not isinstance(h, Simplex))
    r = _wrong(cross_entropy_gradient, 5, cross_entropy_gradient.steps[4], no_simplex)
    assert r.reason == "the two sides differ"
    assert_genuine(r, no_simplex, {"k", "i", "p[1]"})


def test_without_the_range_of_i_the_delta_does_not_collapse():
    no_range = Facts.from_hypotheses(
        h for h in cross_entropy_gradient.hypotheses if not isinstance(h, IndexRange))
    r = _wrong(cross_entropy_gradient, 4, cross_entropy_gradient.steps[3], no_range)
    assert r.status is Status.FAILED
    assert r.reason.startswith("side condition '1 <= i <= k' is not established")


def test_logits_must_be_declared_real_by_a_hypothesis():
    with pytest.raises(AuthoringError, match="z in the start is declared real"):
        replace(cross_entropy_gradient, hypotheses=(Size(k), Simplex(p, k), softmax_definition,
                                                     IndexRange(i, 1, k)))


def test_a_hessian_with_the_wrong_sign_is_refuted():
    r = _wrong(cross_entropy_hessian, 4,
               Step(q(i) * (KroneckerDelta(i, j) + q(j)), rules.definition, "wrong sign"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, cross_entropy_hessian.facts, {"k", "i", "j"})


def test_a_variance_with_the_wrong_sign_is_refuted():
    d = cross_entropy_convex_in_logits
    wrong = Sum(q(i) * v[i] ** 2, (i, 1, k)) + Sum(q(i) * v[i], (i, 1, k)) ** 2
    r = _wrong(d, 2, Step(wrong, rules.algebra, "plus instead of minus"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, d.facts, {"k", "v[1]"})


def test_concavity_is_refuted():
    d = cross_entropy_convex_in_logits
    r = _wrong(d, 4, Step(S.Zero, rules.inequality, "concave", relation=Relation.LE))
    assert r.reason == "the inequality <= fails"
    assert_genuine(r, d.facts, {"k", "v[1]"})


def test_a_strictly_positive_quadratic_form_is_not_claimed():
    """Along the all-ones direction the logits shift and the loss does not change."""
    d = cross_entropy_convex_in_logits
    r = _wrong(d, 4, Step(S.Zero, rules.inequality, "strictly convex", relation=Relation.GT))
    assert r.status is not Status.OK or r.evidence is not Evidence.SYMBOLIC
