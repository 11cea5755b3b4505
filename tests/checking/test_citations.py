"""Citations: the cited object is the loaded, checked one; its grade flows to the citer; the
mapping is instantiated without capture; every kind of hypothesis can be carried over."""

from __future__ import annotations

from dataclasses import replace

from sympy import Abs, IndexedBase, Integer, Lambda, S, Sum, Symbol

from derivations import (
    Definition,
    Derivation,
    Evidence,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    check_all,
    named_function,
    rules,
)
from derivations.catalogue import gibbs_inequality, log_loss_is_proper
from derivations.checking.check import require

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
x = Symbol("x", real=True)
c = Symbol("c", nonnegative=True)


def _forged_gibbs() -> Derivation:
    """A theorem named like the catalogue's Gibbs inequality that claims the opposite, so that
    its certificate is wrong; it is never checked when only its citer is given."""
    return replace(gibbs_inequality, steps=(
        *gibbs_inequality.steps[:-1],
        Step(S.One, rules.algebra, "one, of course"),
    ))


def test_a_forged_theorem_named_like_a_loaded_one_is_refused():
    forged = _forged_gibbs()
    citer = replace(log_loss_is_proper, steps=(
        *log_loss_is_proper.steps[:-1],
        replace(log_loss_is_proper.steps[-1],
                rule=rules.by_theorem(forged, {IndexedBase("p", positive=True):
                                               IndexedBase("pi", positive=True)})),
    ))
    results = check_all([gibbs_inequality, citer])
    assert results[0].ok and not results[1].ok
    assert any("is not the loaded, checked derivation" in p for p in results[1].problems)


def test_a_theorem_equal_in_all_but_its_equality_case_is_not_the_loaded_one():
    forged = replace(gibbs_inequality, equality_if=None)
    citer = replace(log_loss_is_proper, equality_if=None, steps=(
        *log_loss_is_proper.steps[:-1],
        replace(log_loss_is_proper.steps[-1],
                rule=rules.by_theorem(forged, {IndexedBase("p", positive=True):
                                               IndexedBase("pi", positive=True)})),
    ))
    (_, result) = check_all([gibbs_inequality, citer])
    assert any("is not the loaded, checked derivation" in p for p in result.problems)


def test_the_loaded_theorem_itself_is_accepted():
    assert all(r.ok for r in check_all([gibbs_inequality, log_loss_is_proper]))


def _sampled_theorem() -> Derivation:
    """|x| >= x/2 - 1 for real x: true, but the kernel proves no inequality with |x| in it, so
    the step is only sampled."""
    return Derivation("abs_bound", "a bound on |x|", (Real(x),), Abs(x), (
        Step(x / 2 - 1, rules.inequality, "an absolute value is at least", relation=Relation.GE),
    ))


def _citer_of(theorem: Derivation) -> Derivation:
    y = Symbol("y", real=True)
    return Derivation("uses_abs_bound", "uses it", (Real(y),), Abs(y), (
        Step(y / 2 - 1, rules.by_theorem(theorem, {x: y}), "by the bound",
             relation=Relation.GE),))


def test_a_citer_is_at_most_as_strong_as_its_weakest_citation():
    theorem = _sampled_theorem()
    cited, citer = check_all([theorem, _citer_of(theorem)])
    assert cited.ok and cited.weakest is Evidence.SAMPLED
    step = citer.steps[0]
    assert step.ok and step.evidence is Evidence.SAMPLED
    assert "it cites 'abs_bound', which holds only at sampled grade" in step.reason


def test_the_evidence_policy_sees_the_citer_s_lowered_grade():
    theorem = _sampled_theorem()
    required = require(check_all([theorem, _citer_of(theorem)]), Evidence.SYMBOLIC)
    assert not required[1].ok
    assert "weaker than the required 'symbolic'" in required[1].steps[0].reason


def test_the_mapping_does_not_capture_the_theorem_s_summation_index():
    """The theorem sums over j; mapping its size k to the citer's own j + 1 must give a sum over
    another index up to j + 1, not a sum over j from 1 to j + 1."""
    a = IndexedBase("a", real=True)
    theorem = Derivation("squares", "squares", (Size(k), Real(a[Symbol("l", integer=True)])),
                         Sum(a[j] ** 2, (j, 1, k)), (
                             Step(Integer(0), rules.inequality, "squares",
                                  relation=Relation.GE),))
    rule = rules.by_theorem(theorem, {k: j + 1})
    sums = rule.certificate.atoms(Sum)
    assert sums and all(s.limits[0][0] != j and s.limits[0][2] == j + 1 for s in sums)


def _cite_with(hypothesis, mine):
    """A theorem with ``hypothesis`` (an inequality the kernel proves), cited by a derivation
    whose hypotheses are ``mine``."""
    a = Symbol("a", nonnegative=True)
    theorem = Derivation("t", "t", (Nonnegative(a), hypothesis), a + 1, (
        Step(Integer(1), rules.inequality, "drop a", relation=Relation.GE),))
    citer = Derivation("u", "u", (Nonnegative(c), *mine), c + 1, (
        Step(Integer(1), rules.by_theorem(theorem, {a: c}), "by t", relation=Relation.GE),))
    return check_all([theorem, citer])[1]


def test_real_nonnegative_and_definition_hypotheses_carry_over_when_stated():
    z = IndexedBase("z", real=True)
    n = IndexedBase("n", nonnegative=True)
    f = named_function("f", "f({0})")
    t = Symbol("t")
    for hypothesis, mine in [
        (Real(z[j]), (Real(z[j]),)),
        (Nonnegative(n[j]), (Nonnegative(n[j]),)),
        (Definition(f, Lambda(t, t ** 2)), (Definition(f, Lambda(t, t ** 2)),)),
    ]:
        result = _cite_with(hypothesis, mine)
        assert result.ok, [s.reason for s in result.steps]


def test_hypotheses_that_the_citer_does_not_state_do_not_carry_over():
    z = IndexedBase("z", real=True)
    f = named_function("f", "f({0})")
    t = Symbol("t")
    for hypothesis, mine in [
        (Real(z[j]), ()),
        (Definition(f, Lambda(t, t ** 2)), (Definition(f, Lambda(t, t ** 4)),)),
        (Definition(f, Lambda(t, t ** 2)), ()),
    ]:
        result = _cite_with(hypothesis, mine)
        assert not result.ok


def test_a_size_a_range_and_a_simplex_carry_over_when_stated():
    p = IndexedBase("p", positive=True)
    y = Symbol("y", integer=True)
    assert _cite_with(Simplex(p, k), (Size(k), Simplex(p, k), Positive(p[j]))).ok
    assert _cite_with(IndexRange(y, 1, k), (Size(k), IndexRange(y, 1, k))).ok
    assert _cite_with(Size(k), (Size(k),)).ok


def test_a_size_a_range_and_a_simplex_do_not_carry_over_unstated():
    p = IndexedBase("p", positive=True)
    y = Symbol("y", integer=True)
    m = Symbol("m", integer=True, positive=True)
    assert not _cite_with(Simplex(p, k), (Size(k), Simplex(p, m), Size(m),
                                          Positive(p[j]))).ok
    assert not _cite_with(IndexRange(y, 1, k), (Size(k),)).ok
    assert not _cite_with(Size(k), ()).ok


def test_a_cited_definition_is_instantiated_without_capture():
    """Round 20: h(t) = sum_j c j t under c -> j is j 3t, not the 5t a capturing substitution
    gave; two definitions equal up to bound names are the same."""
    from sympy import Lambda, Sum, Symbol

    from derivations.rules.inequality import _instantiated, _same_lambda

    t, c, j, i = Symbol("t"), Symbol("c"), Symbol("j", integer=True), Symbol("i", integer=True)
    theorem = Lambda(t, Sum(c * j * t, (j, 1, 2)))
    instance = _instantiated(theorem, {c: j})
    assert not _same_lambda(Lambda(t, Sum(j ** 2 * t, (j, 1, 2))), instance)
    assert _same_lambda(Lambda(t, Sum(j * i * t, (i, 1, 2))), instance)
