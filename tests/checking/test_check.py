"""The checker: every relation kind and evidence grade, whole derivations, citations, policy."""

from __future__ import annotations

import re

import pytest
from sympy import (
    Basic,
    Indexed,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Max,
    Rational,
    Sum,
    Symbol,
    acos,
    asin,
    expand,
    log,
    pi,
)
from sympy.core.function import AppliedUndef

from derivations import rules
from derivations.catalogue import CATALOGUE
from derivations.checking.check import (
    check_all,
    check_derivation,
    citation_order,
    require,
    verify,
)
from derivations.checking.grade import check_step
from derivations.errors import AuthoringError, DerivationError, StepFailure
from derivations.kernel.canonical import prepare
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import (
    Facts,
    IndexRange,
    Parameter,
    Positive,
    Simplex,
    Size,
)
from derivations.language.notation import (
    KL,
    Argmax,
    Argmin,
    CrossEntropy,
    OneHot,
    indexed_vector,
    named_function,
)
from derivations.language.results import (
    Counterexample,
    DerivationResult,
    Evidence,
    Status,
    StepResult,
)
from derivations.language.step import Relation, Step

SEED = 11

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
n = Symbol("n", integer=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
x = Symbol("x", real=True)
a = Symbol("a", positive=True)
theta = Symbol("theta", real=True)
q = IndexedBase("q", positive=True)
p = IndexedBase("p", positive=True)
g = named_function("g", "g({0})")

FACTS = Facts.from_hypotheses([Size(k), Size(m), Parameter(theta), IndexRange(y, 1, k),
                               Positive(q[j]), Positive(p[j]), Positive(a)])
#: p and q are probability vectors: the Gibbs inequality KL(p || q) >= 0 holds.
DISTRIBUTIONS = Facts.from_hypotheses([Size(k), Positive(p[j]), Positive(q[j]),
                                       Simplex(p, k), Simplex(q, k)])
P, Q = indexed_vector(p, k), indexed_vector(q, k)


def _check(prev: Basic, new: Basic, rule=rules.algebra, relation=None, facts=FACTS,
           seed=SEED) -> StepResult:
    return check_step(1, prev, Step(new, rule, "under test", relation=relation), facts, seed=seed)


def _value_at(expr: Basic, values: dict[str, str], facts: Facts) -> float:
    """``expr`` at a counterexample's point, by substitution and ``doit`` (not the sampler)."""
    e = prepare(expr, facts)
    for _ in range(4):
        atoms = {str(v): v for v in e.atoms(Symbol, Indexed, AppliedUndef) if str(v) in values}
        e = e.xreplace({v: Rational(values[name]) for name, v in atoms.items()}).doit()
    return float(e.evalf(30))


# ---------------------------------------------------------------- relation kinds, one by one

def test_eq_step_is_accepted_symbolically():
    r = _check(log(a * q[1]), log(a) + log(q[1]))
    assert (r.status, r.evidence) == (Status.OK, Evidence.SYMBOLIC)
    assert r.tried == ("symbolic", "sampled")


def test_false_eq_step_is_rejected_with_a_genuine_counterexample():
    r = _check(log(a * q[1]), log(a) - log(q[1]))
    assert (r.status, r.reason) == (Status.FAILED, "the two sides differ")
    values = dict(r.counterexample.values)
    assert values.keys() == {"a", "q[1]"}
    assert _value_at(log(a * q[1]), values, FACTS) == pytest.approx(float(r.counterexample.lhs))
    assert _value_at(log(a) - log(q[1]), values, FACTS) == pytest.approx(
        float(r.counterexample.rhs))


@pytest.mark.parametrize(("prev", "new", "relation"), [
    pytest.param(x ** 2, x ** 2 + 1, Relation.LE, id="x^2 <= x^2 + 1"),
    pytest.param(x ** 2 + 1, x ** 2, Relation.GE, id="x^2 + 1 >= x^2"),
    pytest.param(Integer(0), Sum(q[j], (j, 1, k)), Relation.LE, id="0 <= sum of positives"),
    pytest.param(Sum(q[j], (j, 1, k)), Integer(0), Relation.GE, id="sum of positives >= 0"),
    pytest.param(x ** 2, x ** 2 + 1, Relation.LT, id="x^2 < x^2 + 1"),
    pytest.param(x ** 2 + 1, x ** 2, Relation.GT, id="x^2 + 1 > x^2"),
    pytest.param(Integer(0), Sum(q[j], (j, 1, k)), Relation.LT, id="0 < sum of positives"),
])
def test_true_inequality_is_accepted_symbolically(prev, new, relation):
    r = _check(prev, new, rules.inequality, relation)
    assert (r.status, r.evidence) == (Status.OK, Evidence.SYMBOLIC), r.describe()


@pytest.mark.parametrize(("prev", "new", "relation", "names", "holds"), [
    pytest.param(x ** 2, x ** 2 - 1, Relation.LE, {"x"}, lambda lo, hi: lo > hi,
                 id="x^2 <= x^2 - 1"),
    pytest.param(x ** 2, x ** 2 + 1, Relation.GE, {"x"}, lambda lo, hi: lo < hi,
                 id="x^2 >= x^2 + 1"),
    pytest.param(x ** 2, x, Relation.GE, {"x"}, lambda lo, hi: lo < hi, id="x^2 >= x"),
    pytest.param(Integer(0), Sum(q[j], (j, 1, k)), Relation.GE, {"k", "q[1]"},
                 lambda lo, hi: lo < hi, id="0 >= sum of positives"),
    pytest.param(Integer(0), Sum(q[j], (j, 1, n)), Relation.LE, {"n"},
                 lambda lo, hi: lo > hi, id="0 <= sum up to an integer that may be negative"),
    pytest.param(x ** 2 + 1, x ** 2, Relation.LT, {"x"}, lambda lo, hi: lo >= hi,
                 id="x^2 + 1 < x^2"),
    pytest.param(x ** 2, x ** 2 + 1, Relation.GT, {"x"}, lambda lo, hi: lo <= hi,
                 id="x^2 > x^2 + 1"),
])
def test_false_inequality_is_rejected_with_a_genuine_counterexample(prev, new, relation, names,
                                                                  holds):
    r = _check(prev, new, rules.inequality, relation)
    assert r.status is Status.FAILED
    assert r.reason == f"the inequality {relation.value} fails"
    ce = r.counterexample
    assert names <= dict(ce.values).keys()
    assert holds(float(ce.lhs), float(ce.rhs))  # the reported sides really violate it


@pytest.mark.parametrize(("prev", "new", "relation"), [
    pytest.param(x ** 2, x ** 2, Relation.LT, id="x^2 < x^2"),
    pytest.param(log(a ** 2), 2 * log(a), Relation.LT, id="log(a^2) < 2 log a"),
    pytest.param(x ** 2 + 2 * x + 1, (x + 1) ** 2, Relation.GT, id="x^2 + 2x + 1 > (x + 1)^2"),
])
def test_a_strict_inequality_between_equal_sides_is_rejected(prev, new, relation):
    r = _check(prev, new, rules.inequality, relation)
    assert r.status is Status.FAILED, r.describe()


def test_same_optimiser_step_is_accepted_symbolically():
    r = _check(Argmax(g(theta), theta), Argmin(-g(theta), theta), rules.negate())
    assert (r.status, r.evidence) == (Status.OK, Evidence.SYMBOLIC)
    assert r.tried == ("monotonicity", "symbolic", "sampled")


def test_same_optimiser_step_with_a_wrong_objective_is_rejected():
    r = _check(Argmax(g(theta), theta), Argmin(-2 * g(theta), theta), rules.negate())
    assert r.status is Status.FAILED and r.reason == "the two sides differ"
    values = dict(r.counterexample.values)
    assert values.keys() == {"theta", "g(theta)"}  # the argument's value, then g's there
    assert float(r.counterexample.lhs) == pytest.approx(-2 * float(values["g(theta)"]))
    assert float(r.counterexample.rhs) == pytest.approx(-float(values["g(theta)"]))


@pytest.mark.parametrize(("prev", "new", "rule", "relation", "reason"), [
    pytest.param(Argmax(g(theta), theta), g(theta), rules.algebra, None,
                 "one side is an optimiser set (arg min/arg max) and the other is not",
                 id="optimum before only"),
    pytest.param(g(theta), Argmax(g(theta), theta), rules.algebra, None,
                 "one side is an optimiser set (arg min/arg max) and the other is not",
                 id="optimum after only"),
    pytest.param(Argmax(g(theta), theta), Argmax(g(theta), theta), rules.inequality,
                 Relation.LE, "optimiser sets can only be equal", id="LE between optimisers"),
    pytest.param(Argmax(g(theta), theta), Argmax(g(theta), theta), rules.inequality,
                 Relation.GE, "optimiser sets can only be equal", id="GE between optimisers"),
    pytest.param(g(theta), -g(theta), rules.negate(), None,
                 "a same-optimiser step needs arg min/arg max on both sides",
                 id="same optimiser between plain expressions"),
])
def test_a_step_of_the_wrong_shape_is_rejected_before_any_evidence(prev, new, rule, relation,
                                                                   reason):
    r = _check(prev, new, rule, relation)
    assert (r.status, r.reason, r.counterexample) == (Status.FAILED, reason, None)
    assert "sampled" not in r.tried


# ---------------------------------------------------------------- evidence grades

def test_identity_proved_only_at_concrete_sizes_is_graded_sized():
    r = _check(Sum(j, (j, 1, k)), k * (k + 1) / 2)
    assert (r.status, r.evidence, r.reason) == (Status.OK, Evidence.SIZED,
                                                "proved only at concrete sizes")
    assert r.tried == ("symbolic", "sampled", "sized")


def test_identity_needing_the_range_at_concrete_sizes_is_sized_with_it_and_false_without():
    assert _check(Max(y, 1) + k, y + k).evidence is Evidence.SIZED
    r = _check(Max(y, 1) + k, y + k, facts=Facts.from_hypotheses([Size(k)]))
    assert r.status is Status.FAILED
    values = dict(r.counterexample.values)
    assert int(values["y"]) < 1  # the only points where max(y, 1) != y


def test_identity_with_no_proof_is_graded_sampled():
    r = _check(Sum(j, (j, 1, n)), n * (n + 1) / 2, facts=Facts())
    assert (r.status, r.evidence) == (Status.OK, Evidence.SAMPLED)
    assert r.reason == "numeric agreement at 24 random points, no proof"


def test_gibbs_inequality_is_graded_sampled_and_its_reverse_fails():
    ok = _check(Integer(0), KL(P, Q), rules.inequality, Relation.LE, DISTRIBUTIONS)
    assert (ok.status, ok.evidence) == (Status.OK, Evidence.SAMPLED)
    wrong = _check(Integer(0), KL(P, Q), rules.inequality, Relation.GE, DISTRIBUTIONS)
    assert wrong.status is Status.FAILED and float(wrong.counterexample.rhs) > 0


def test_gibbs_inequality_fails_without_the_simplex():
    wrong = _check(Integer(0), KL(P, Q), rules.inequality, Relation.LE,
                   Facts.from_hypotheses([Size(k), Positive(p[j]), Positive(q[j])]))
    assert wrong.status is Status.FAILED and float(wrong.counterexample.rhs) < 0


def test_step_that_cannot_be_evaluated_is_undecided():
    # arcsin(a + 2) is never real for a > 0: no proof, and no point to compare at
    r = _check(asin(a + 2), pi / 2 - acos(a + 2))
    assert (r.status, r.evidence, r.counterexample) == (Status.UNDECIDED, None, None)
    assert r.reason.startswith("no proof and no numeric evidence: could not evaluate both "
                               "sides to real numbers at a=")
    assert not r.ok


def _vanishing_at_sizes(top: int):
    """(k-1)(k-2)...(k-top): zero at the sizes 1..top, and at no larger one."""
    product = Integer(1)
    for root in range(1, top + 1):
        product *= k - root
    return expand(product)


def test_identity_false_for_k_6_is_refuted():
    # true at every size the sized prover tries (1, 2, 3) and at the small sampled sizes:
    # accepted as 'sized' until the sampler also drew larger sizes
    r = _check(Integer(0), _vanishing_at_sizes(5))
    assert r.status is Status.FAILED
    assert int(dict(r.counterexample.values)["k"]) >= 6


def test_weak_grades_are_not_proofs_and_the_symbolic_policy_refuses_them():
    # Zero at every size the engine will ever try: whatever the weaker grades make of it, it is
    # never 'symbolic', and require(SYMBOLIC) fails it.
    claim = _vanishing_at_sizes(12)
    r = _check(Integer(0), claim)
    assert r.evidence is not Evidence.SYMBOLIC
    d = _derivation("sized_only", Integer(0), [Step(claim, rules.algebra, "claim")], [Size(k)])
    (strict,) = require([check_derivation(d)], Evidence.SYMBOLIC)
    assert not strict.ok


def test_identity_true_only_for_constant_vectors_is_refuted():
    # sum_{j<=n} j q_j = (n+1)/2 sum_{j<=n} q_j holds when all q_j are equal, not in general;
    # it was graded 'sampled' while the sampler gave q[j] one value for every j
    r = _check(Sum(j * q[j], (j, 1, n)), (n + 1) / 2 * Sum(q[j], (j, 1, n)),
               facts=Facts.from_hypotheses([Positive(q[j])]))
    assert r.status is Status.FAILED
    values = dict(r.counterexample.values)
    assert "n" in values and "q[1]" in values and "q[j]" not in values


def test_renaming_the_bound_variable_of_a_sum_up_to_an_integer_is_accepted():
    # was refuted by sampling, with q[j] and q[l] given different values
    r = _check(Sum(q[j], (j, 1, n)), Sum(q[y], (y, 1, n)),
               facts=Facts.from_hypotheses([Positive(q[j])]))
    assert (r.status, r.evidence) == (Status.OK, Evidence.SYMBOLIC), r.describe()


def test_check_step_is_deterministic_for_a_seed():
    first = _check(Sum(q[j], (j, 1, k)), Sum(q[j], (j, 1, k - 1)), seed=5)
    again = _check(Sum(q[j], (j, 1, k)), Sum(q[j], (j, 1, k - 1)), seed=5)
    assert first.counterexample is not None and first == again


@pytest.mark.parametrize(("strong", "weak", "expected"), [
    (Evidence.SYMBOLIC, Evidence.SIZED, True),
    (Evidence.SIZED, Evidence.SAMPLED, True),
    (Evidence.SIZED, Evidence.SIZED, True),
    (Evidence.SAMPLED, Evidence.SIZED, False),
    (Evidence.SIZED, Evidence.SYMBOLIC, False),
])
def test_evidence_order(strong, weak, expected):
    assert strong.at_least(weak) is expected


def test_counterexample_describe_and_json():
    ce = Counterexample((("k", "3"), ("y", "2")), "0.69", "1.2")
    assert ce.describe() == "at k=3, y=2 the left side is 0.69 and the right side is 1.2"
    assert ce.as_json() == {"values": {"k": "3", "y": "2"}, "lhs": "0.69", "rhs": "1.2"}


# ---------------------------------------------------------------- whole derivations

LABEL_HYPOTHESES = (Size(k), IndexRange(y, 1, k), Positive(q[j]))


def _derivation(name, start, steps, hypotheses=LABEL_HYPOTHESES):
    return Derivation(name=name, title=name.replace("_", " "), hypotheses=tuple(hypotheses),
                      start=start, steps=tuple(steps))


ONE_HOT = CrossEntropy(OneHot(y, k), indexed_vector(q, k))
UNFOLDED = -Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k))


def _one_hot(name: str, entry: Basic) -> Derivation:
    return _derivation(name, ONE_HOT, [
        Step(UNFOLDED, rules.definition, "definition of cross entropy"),
        Step(-log(entry), rules.one_hot_collapse, "only the term of the label survives")])


def _citer(name: str, cited: str) -> Derivation:
    return _derivation(name, -log(q[y]), [
        Step(ONE_HOT, rules.one_hot_collapse, "read backwards", cites=(cited,))])


GOOD = _one_hot("good", q[y])
BAD = _one_hot("bad", q[1])


def test_check_derivation_checks_each_step_against_the_previous_one():
    result = check_derivation(GOOD)
    assert [(s.index, s.previous, s.status) for s in result.steps] == [
        (1, ONE_HOT, Status.OK), (2, UNFOLDED, Status.OK)]
    assert (result.ok, result.status, result.weakest) == (True, Status.OK, Evidence.SYMBOLIC)
    assert result.first_failure() is None


def test_check_derivation_reports_every_step_and_the_first_failure():
    result = check_derivation(BAD)
    assert [s.status for s in result.steps] == [Status.OK, Status.FAILED]
    assert (result.ok, result.status) == (False, Status.FAILED)
    assert result.first_failure() is result.steps[1]


def test_verify_raises_step_failure_carrying_the_failing_step():
    with pytest.raises(StepFailure) as info:
        verify(BAD)
    failure = info.value
    assert isinstance(failure, DerivationError)
    assert (failure.derivation, failure.result.index) == ("bad", 2)
    assert failure.result.previous == UNFOLDED and failure.result.step.expr == -log(q[1])
    assert {"k", "y", "q[1]"} <= dict(failure.result.counterexample.values).keys()
    assert re.fullmatch(
        r"bad: step 2 \('only the term of the label survives', rule one_hot_collapse\) does not "
        r"follow: the two sides differ; at k=\d, y=\d, .* the left side is \S+ and the right "
        r"side is \S+", str(failure))


def test_verify_returns_the_result_of_a_derivation_that_checks():
    assert verify(GOOD).ok


def test_verify_refuses_an_unknown_citation():
    with pytest.raises(AuthoringError, match="derivation 'citer': cites 'nowhere', which is not "
                                             "among the loaded derivations"):
        verify(_citer("citer", "nowhere"))


def test_an_unknown_citation_is_a_problem_of_the_result():
    result = check_derivation(_citer("citer", "nowhere"))
    assert all(s.ok for s in result.steps)
    assert result.problems == ("cites 'nowhere', which is not among the loaded derivations",)
    assert not result.ok and result.status is Status.FAILED


def test_check_all_fails_the_citer_of_a_failing_derivation_and_keeps_the_given_order():
    citer, bad = check_all([_citer("citer", "bad"), BAD])
    assert (citer.derivation.name, bad.derivation.name) == ("citer", "bad")
    assert not bad.ok
    assert all(s.ok for s in citer.steps)
    assert citer.problems == ("cites 'bad', which does not check",)
    assert not citer.ok


def test_check_all_passes_the_citer_of_a_derivation_that_checks():
    assert [r.ok for r in check_all([_citer("citer", "good"), GOOD])] == [True, True]


def test_check_all_refuses_two_derivations_with_one_name():
    with pytest.raises(AuthoringError, match="two derivations share the name 'good'"):
        check_all([GOOD, _one_hot("good", q[y])])


def test_citation_order_puts_the_cited_first():
    order = citation_order([_citer("c", "b"), _citer("b", "good"), GOOD])
    assert [d.name for d in order] == ["good", "b", "c"]


@pytest.mark.parametrize(("derivations", "cycle"), [
    ([_citer("a", "b"), _citer("b", "a")], "a -> b -> a"),
    ([_citer("a", "b"), _citer("b", "c"), _citer("c", "a")], "a -> b -> c -> a"),
    ([_citer("a", "a")], "a -> a"),
])
def test_a_citation_cycle_is_an_authoring_error_naming_the_cycle(derivations, cycle):
    message = f"derivations cite each other in a cycle: {cycle}"
    with pytest.raises(AuthoringError, match=re.escape(message)):
        citation_order(derivations)
    with pytest.raises(AuthoringError, match=re.escape(message)):
        check_all(derivations)


def test_require_fails_steps_below_the_minimum_evidence():
    d = _derivation("gauss", Sum(j, (j, 1, k)), [Step(k * (k + 1) / 2, rules.algebra, "Gauss")],
                    [Size(k)])
    result = check_derivation(d)
    assert result.ok and result.weakest is Evidence.SIZED
    (strict,) = require([result], Evidence.SYMBOLIC)
    assert (strict.ok, strict.steps[0].reason) == (
        False, "its evidence (sized) is weaker than the required 'symbolic'")
    (lenient,) = require([result], Evidence.SIZED)
    assert lenient.ok


def test_a_derivation_result_with_no_graded_step_has_no_weakest_grade():
    assert DerivationResult(GOOD, ()).weakest is None


# ---------------------------------------------------------------- the catalogue

@pytest.fixture(scope="module")
def catalogue_results() -> dict[str, DerivationResult]:
    return {r.derivation.name: r for r in check_all(CATALOGUE)}


def test_the_catalogue_holds_the_four_derivations_of_the_spine_in_order(catalogue_results):
    spine = ["mle_as_sum_of_neg_logs", "conditional_likelihood", "one_hot_cross_entropy",
             "mle_is_mean_cross_entropy"]
    assert [name for name in catalogue_results if name in spine] == spine


@pytest.mark.parametrize("name", [d.name for d in CATALOGUE])
def test_every_catalogue_step_is_proved_symbolically(catalogue_results, name):
    result = catalogue_results[name]
    assert result.ok and result.problems == ()
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * len(result.steps), \
        [s.describe() for s in result.steps]


@pytest.mark.parametrize("d", CATALOGUE, ids=lambda d: d.name)
def test_every_catalogue_derivation_verifies_on_its_own(d):
    known = {c.name: c for c in CATALOGUE}
    assert verify(d, known).weakest is Evidence.SYMBOLIC


def test_a_catalogue_step_broken_on_purpose_is_caught():
    spine = next(d for d in CATALOGUE if d.name == "mle_is_mean_cross_entropy")
    last = spine.steps[-1]
    objective = last.expr.objective
    wrong = Step(Argmin(objective * m / (m + 1), theta), last.rule, last.why, cites=last.cites)
    broken = Derivation(name="broken_spine", title=spine.title, hypotheses=spine.hypotheses,
                        start=spine.start, steps=(*spine.steps[:-1], wrong))
    result = check_derivation(broken, {d.name: d for d in CATALOGUE})
    assert [s.ok for s in result.steps] == [True] * (len(spine.steps) - 1) + [False]
    assert result.steps[-1].counterexample is not None



# ---------------------------------------------------------------- theorem citations

t = Symbol("t", real=True)
b = Symbol("b", real=True)
#: A false theorem, x^2 >= 2x (false on (0, 2)); its own check refutes it.
FALSE_THEOREM = Derivation(name="false_theorem", title="claim", hypotheses=(Parameter(t),),
                           start=t ** 2, steps=(Step(2 * t, rules.inequality, "wrong",
                                                     relation=Relation.GE),))
#: Instantiated at 2 + b^2 - 1/10^6, it is false only for |b| < 1/1000: sampling cannot see it.
_AT = 2 + b ** 2 - Rational(1, 10 ** 6)
CITER = Derivation(name="citer_of_false", title="by the false theorem",
                   hypotheses=(Parameter(b),), start=_AT ** 2,
                   steps=(Step(2 * _AT, rules.by_theorem(FALSE_THEOREM, {t: _AT}), "by it",
                               relation=Relation.GE),))


def test_the_false_theorem_fails_its_own_check():
    assert not check_derivation(FALSE_THEOREM).ok


def test_check_all_fails_a_step_certified_by_a_false_theorem():
    citer, theorem = check_all([CITER, FALSE_THEOREM])
    assert not theorem.ok
    assert citer.problems == ("cites 'false_theorem', which does not check",)
    assert not citer.ok


def test_verify_does_not_accept_a_step_certified_by_a_false_theorem():
    known = {d.name: d for d in (CITER, FALSE_THEOREM)}
    assert not check_derivation(CITER, known).ok
