"""The simplex hypothesis: sum_j p_j = 1 is used only when declared, in every kind of evidence."""

from __future__ import annotations

import pytest
from sympy import IndexedBase, Lambda, Symbol, log

from derivations import KL, Entropy, Positive, Simplex, Size, Step, Vector, indexed_vector, rules
from derivations.checking.grade import check_step
from derivations.evidence.sampling import equal, sample
from derivations.evidence.sized import prove_sized
from derivations.language.hypotheses import Facts
from derivations.language.results import Evidence, Status
from derivations.render.printer import hypothesis
from derivations.settings import DEFAULT

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
i = Symbol("i", integer=True)
p = IndexedBase("p", positive=True)
P = indexed_vector(p, k)
U = Vector(Symbol("u"), Lambda(j, 1 / k), k)
WITH = Facts.from_hypotheses([Size(k), Positive(p[j]), Simplex(p, k)])
WITHOUT = Facts.from_hypotheses([Size(k), Positive(p[j])])
#: KL(p || uniform) = log k - H(p) holds only when p sums to one.
LHS, RHS, WRONG = KL(P, U), log(k) - Entropy(P), log(k) + Entropy(P)


def test_identity_needing_the_simplex_is_symbolic_with_it():
    r = check_step(1, LHS, Step(RHS, rules.algebra, "KL to the uniform"), WITH, seed=3)
    assert (r.status, r.evidence) == (Status.OK, Evidence.SYMBOLIC)


def test_identity_is_rejected_with_counterexample_without_the_simplex():
    r = check_step(1, LHS, Step(RHS, rules.algebra, "KL to the uniform"), WITHOUT, seed=3)
    assert r.status is Status.FAILED
    assert r.counterexample is not None
    assert {"k", "p[1]"} <= dict(r.counterexample.values).keys()


def test_wrong_identity_is_rejected_even_with_the_simplex():
    r = check_step(1, LHS, Step(WRONG, rules.algebra, "wrong sign"), WITH, seed=3)
    assert r.status is Status.FAILED and r.counterexample is not None


@pytest.mark.parametrize(("facts", "rhs", "expected"), [
    (WITH, RHS, True), (WITHOUT, RHS, False), (WITH, WRONG, False)])
def test_sized_uses_the_simplex_only_when_declared(facts, rhs, expected):
    assert prove_sized(LHS, rhs, facts, DEFAULT) is expected


def test_sampler_draws_rows_that_sum_to_one():
    outcome = sample(p[1] + p[2] + p[3], 1, Facts.from_hypotheses(
        [Size(k), Positive(p[j]), Simplex(p, 3)]), equal, DEFAULT, points=5, seed=0)
    assert outcome.agreed == 5 and outcome.counterexample is None


def test_row_simplex_sums_each_row():
    pr = IndexedBase("p", positive=True, shape=(Symbol("m"), k))
    facts = Facts.from_hypotheses([Size(k), Positive(pr[i, j]), Simplex(pr, k)])
    from sympy import Sum
    r = check_step(1, Sum(pr[i, j] * log(k), (j, 1, k)),
                   Step(log(k), rules.algebra, "a row sums to one"), facts, seed=1)
    assert r.evidence is Evidence.SYMBOLIC
    assert r"\quad\text{for all } i" in hypothesis(Simplex(pr, k), set())


def test_simplex_needs_nonnegative_entries():
    plain = IndexedBase("w")
    assert "must be declared nonnegative" in Simplex(plain, k).validate()
