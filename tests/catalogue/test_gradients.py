"""C3: the softmax cross-entropy gradient, its Hessian and convexity, and their bad twins."""

from __future__ import annotations

from dataclasses import replace

import pytest
from catalogue_support import assert_genuine, wrong
from sympy import Derivative, KroneckerDelta, S, Sum

from derivations import rules
from derivations.catalogue.gradients import (
    cross_entropy_convex_in_logits,
    cross_entropy_gradient,
    cross_entropy_hessian,
    l,
    p,
    q,
    softmax_definition,
    v,
    z,
)
from derivations.catalogue.notation import j, k
from derivations.checking.check import check_all
from derivations.errors import AuthoringError
from derivations.language.hypotheses import Facts, IndexRange, Simplex, Size
from derivations.language.results import Evidence, Status
from derivations.language.step import Relation, Step

DERIVATIONS = (cross_entropy_gradient, cross_entropy_hessian, cross_entropy_convex_in_logits)


@pytest.fixture(scope="module")
def results():
    return {r.derivation.name: r for r in check_all(DERIVATIONS)}


@pytest.mark.parametrize("d", DERIVATIONS, ids=lambda d: d.name)
def test_every_step_is_proved_symbolically(d, results):
    result = results[d.name]
    assert result.ok and not result.problems, result.problems
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * len(d.steps)


def test_the_gradient_is_prediction_minus_target():
    assert cross_entropy_gradient.end == q(j) - p[j]
    assert isinstance(cross_entropy_gradient.start, Derivative)
    assert cross_entropy_gradient.start.variables == (z[j],)
    assert cross_entropy_gradient.relation is Relation.EQ


def test_the_helpers_cite_the_gradient_and_the_hessian():
    assert cross_entropy_hessian.cites == ("cross_entropy_gradient",)
    assert cross_entropy_convex_in_logits.cites == ("cross_entropy_hessian",)
    assert cross_entropy_convex_in_logits.relation is Relation.GE


def test_a_flipped_gradient_is_refuted():
    r = wrong(cross_entropy_gradient, 5, Step(p[j] - q(j), rules.algebra, "flipped"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, cross_entropy_gradient.facts, {"k", "j"})


def test_without_the_simplex_the_target_mass_does_not_cancel():
    no_simplex = Facts.from_hypotheses(
        h for h in cross_entropy_gradient.hypotheses if not isinstance(h, Simplex))
    r = wrong(cross_entropy_gradient, 5, cross_entropy_gradient.steps[4], no_simplex)
    assert r.reason == "the two sides differ"
    assert_genuine(r, no_simplex, {"k", "j", "p[1]"})


def test_without_the_range_of_i_the_delta_does_not_collapse():
    no_range = Facts.from_hypotheses(
        h for h in cross_entropy_gradient.hypotheses if not isinstance(h, IndexRange))
    r = wrong(cross_entropy_gradient, 4, cross_entropy_gradient.steps[3], no_range)
    assert r.status is Status.FAILED
    assert r.reason.startswith("side condition '1 <= j <= k' is not established")


def test_logits_must_be_declared_real_by_a_hypothesis():
    with pytest.raises(AuthoringError, match="z in the start is declared real"):
        replace(cross_entropy_gradient, hypotheses=(Size(k), Simplex(p, k), softmax_definition,
                                                     IndexRange(j, 1, k)))


def test_a_hessian_with_the_wrong_sign_is_refuted():
    r = wrong(cross_entropy_hessian, 4,
               Step(q(j) * (KroneckerDelta(j, l) + q(l)), rules.definition, "wrong sign"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, cross_entropy_hessian.facts, {"k", "j", "l"})


def test_a_variance_with_the_wrong_sign_is_refuted():
    d = cross_entropy_convex_in_logits
    bad = Sum(q(j) * v[j] ** 2, (j, 1, k)) + Sum(q(j) * v[j], (j, 1, k)) ** 2
    r = wrong(d, 2, Step(bad, rules.algebra, "plus instead of minus"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, d.facts, {"k", "v[1]"})


def test_concavity_is_refuted():
    d = cross_entropy_convex_in_logits
    r = wrong(d, 4, Step(S.Zero, rules.inequality, "concave", relation=Relation.LE))
    assert r.reason == "the inequality <= fails"
    assert_genuine(r, d.facts, {"k", "v[1]"})


def test_a_strictly_positive_quadratic_form_is_not_claimed():
    """Along the all-ones direction the logits shift and the loss does not change."""
    d = cross_entropy_convex_in_logits
    r = wrong(d, 4, Step(S.Zero, rules.inequality, "strictly convex", relation=Relation.GT))
    assert r.status is not Status.OK or r.evidence is not Evidence.SYMBOLIC
