"""Inequality steps: lemma certificates, theorem citations, equality cases, strict steps."""

from __future__ import annotations

import pytest
from sympy import IndexedBase, Lambda, S, Sum, Symbol, ceiling, log

from derivations import (
    KL,
    CrossEntropy,
    Derivation,
    Entropy,
    Positive,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    rules,
)
from derivations.checking.check import check_all, check_derivation
from derivations.checking.grade import check_step
from derivations.language.hypotheses import Facts, Real
from derivations.language.results import Evidence, Status
from derivations.rules.inequality import LOG_BELOW_TANGENT, Lemma

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
pi = IndexedBase("pi", positive=True)
P, Q, PI = indexed_vector(p, k), indexed_vector(q, k), indexed_vector(pi, k)
HYP = (Size(k), Positive(p[j]), Simplex(p, k), Positive(q[j]), Simplex(q, k))
FACTS = Facts.from_hypotheses(HYP)
NEG_KL = Sum(p[j] * log(q[j] / p[j]), (j, 1, k))
TANGENT = Sum(p[j] * (q[j] / p[j] - 1), (j, 1, k))
GOOD = rules.by_lemma(LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, k))


def gibbs(equality_if=None, weight=p[j]):
    return Derivation(
        name="gibbs", title="Gibbs", hypotheses=HYP, start=KL(P, Q), equality_if=equality_if,
        steps=(Step(-NEG_KL, rules.definition, "definition"),
               Step(-TANGENT, rules.by_lemma(LOG_BELOW_TANGENT, weight, q[j] / p[j], (j, 1, k)),
                    "lemma", relation=Relation.GE),
               Step(S.Zero, rules.algebra, "both sum to one")))


def test_lemma_is_proved_by_convexity():
    assert LOG_BELOW_TANGENT.problem() is None


@pytest.mark.parametrize(("lemma", "message"), [
    (Lemma("wrong_point", "", Lambda(Symbol("x"), Symbol("x") - 1 - log(Symbol("x"))), True, S(2)),
     "not zero at 2"),
    (Lemma("concave", "", Lambda(Symbol("x"), log(Symbol("x")) - Symbol("x") + 1), True, S.One),
     "not known to be strictly convex"),
])
def test_false_lemma_is_refused(lemma, message):
    assert message in lemma.problem()


def test_certificate_proves_the_gibbs_step():
    r = check_step(1, NEG_KL, Step(TANGENT, GOOD, "step", relation=Relation.LE),
                   FACTS, seed=1)
    assert (r.status, r.evidence) == (Status.OK, Evidence.SYMBOLIC)
    assert "certificate" in r.tried


@pytest.mark.parametrize(("rule", "relation", "reason"), [
    (rules.by_lemma(LOG_BELOW_TANGENT, -p[j], q[j] / p[j], (j, 1, k)), Relation.LE,
     "side condition 'weight -p[j] >= 0' is not established"),
    (rules.by_lemma(LOG_BELOW_TANGENT, p[j], p[j] / q[j], (j, 1, k)), Relation.LE,
     "the certificate does not account for the difference"),
    (rules.by_lemma(LOG_BELOW_TANGENT, 2 * p[j], q[j] / p[j], (j, 1, k)), Relation.LE,
     "the certificate does not account for the difference"),
    (GOOD, Relation.GE, "the inequality >= fails"),
])
def test_wrong_certificate_or_inequality_is_rejected(rule, relation, reason):
    r = check_step(1, NEG_KL, Step(TANGENT, rule, "wrong", relation=relation), FACTS, seed=1)
    assert r.status is Status.FAILED
    assert reason in r.reason


def test_reversed_inequality_has_a_counterexample():
    r = check_step(1, NEG_KL, Step(TANGENT, GOOD, "reversed", relation=Relation.GE), FACTS, seed=1)
    assert r.counterexample is not None
    assert {"k", "p[1]", "q[1]"} <= dict(r.counterexample.values).keys()


def test_equality_case_is_checked_both_ways():
    assert check_derivation(gibbs({q: p})).ok
    assert check_derivation(gibbs({p: q})).ok  # symmetric, and q_j/p_j is monotone in p_j


@pytest.mark.parametrize(("case", "message"), [
    ({q: pi}, "under {q: pi} the two ends are not proved equal"),
])
def test_wrong_equality_case_is_refused(case, message):
    d = Derivation(
        name="gibbs", title="Gibbs", hypotheses=(*HYP, Positive(pi[j])), start=KL(P, Q),
        equality_if=case, steps=gibbs().steps)
    result = check_derivation(d)
    assert not result.ok
    assert any(message in p for p in result.problems)


def test_equality_case_needs_strictly_positive_weights():
    w = IndexedBase("w", nonnegative=True)
    from derivations import Nonnegative
    d = Derivation(
        name="weak", title="weak", hypotheses=(*HYP, Nonnegative(w[j])),
        start=-Sum(w[j] * log(q[j] / p[j]), (j, 1, k)), equality_if={q: p},
        steps=(Step(-Sum(w[j] * (q[j] / p[j] - 1), (j, 1, k)),
                    rules.by_lemma(LOG_BELOW_TANGENT, w[j], q[j] / p[j], (j, 1, k)), "lemma",
                    relation=Relation.GE),))
    assert any("weight w[j] is not strictly positive" in p for p in check_derivation(d).problems)


def _decomposition(hypotheses):
    return Derivation(
        name="use", title="use", hypotheses=hypotheses, start=CrossEntropy(PI, Q),
        steps=(Step(Entropy(PI) + KL(PI, Q), rules.algebra, "decomposition"),
               Step(Entropy(PI), rules.by_theorem(gibbs({q: p}), {p: pi}), "Gibbs",
                    relation=Relation.GE)))


def test_theorem_citation_certifies_and_records_the_use():
    use = _decomposition((Size(k), Positive(pi[j]), Simplex(pi, k), Positive(q[j]), Simplex(q, k)))
    results = check_all([gibbs({q: p}), use])
    assert all(r.ok for r in results)
    assert use.cites == ("gibbs",)


def test_theorem_citation_without_its_hypotheses_is_rejected():
    use = _decomposition((Size(k), Positive(pi[j]), Positive(q[j]), Simplex(q, k)))
    (_, result) = check_all([gibbs({q: p}), use])
    failure = result.first_failure()
    assert failure is not None and "pi lies on the simplex" in failure.reason


def test_strict_and_ceiling_steps():
    x = Symbol("x", real=True)
    facts = Facts.from_hypotheses([Real(x)])
    ok = check_step(1, ceiling(x), Step(x + 1, rules.inequality, "ceiling", relation=Relation.LT),
                    facts, seed=2)
    assert (ok.status, ok.evidence) == (Status.OK, Evidence.SYMBOLIC)
    bad = check_step(1, ceiling(x), Step(x, rules.inequality, "false", relation=Relation.LT),
                     facts, seed=2)
    assert bad.status is Status.FAILED and bad.counterexample is not None


def test_mixed_directions_are_refused():
    from derivations import AuthoringError
    with pytest.raises(AuthoringError, match="mixes <= and >= steps"):
        Derivation(name="mixed", title="m", hypotheses=HYP, start=NEG_KL, steps=(
            Step(TANGENT, GOOD, "a", relation=Relation.LE),
            Step(NEG_KL, rules.inequality, "b", relation=Relation.GE)))
