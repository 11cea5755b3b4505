"""Numeric evidence: deterministic, inside the hypotheses' domain, and honest about failure."""

from __future__ import annotations

import math
import random

import mpmath
import pytest
from sympy import (
    IndexedBase,
    Integer,
    KroneckerDelta,
    Mul,
    Rational,
    Sum,
    Symbol,
    acos,
    asin,
    exp,
    log,
    oo,
    pi,
    sqrt,
)

from derivations.evidence.point import Point, hot_sizes, nodes, substitute, write_out
from derivations.evidence.sampling import (
    SampleOutcome,
    _algebraic_zero,
    _precise,
    _presum_shared,
    at_least,
    at_most,
    below,
    equal,
    sample,
)
from derivations.language.hypotheses import Facts, IndexRange, Positive, Real, Size
from derivations.language.notation import MinOver, named_function
from derivations.settings import DEFAULT

TOLERANCE = mpmath.mpf(10) ** -DEFAULT.tolerance_digits

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
n = Symbol("n", integer=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)  # noqa: E741
y = Symbol("y", integer=True)
a = Symbol("a", positive=True)
b = Symbol("b", positive=True)
c = Symbol("c", real=True)
q = IndexedBase("q", positive=True)
labels = IndexedBase("t", integer=True)
f = named_function("f", "f({0})")

FACTS = Facts.from_hypotheses([Size(k), Size(m), IndexRange(y, 1, k), IndexRange(labels, 1, k),
                               Positive(q[j]), Positive(a), Positive(b)])
NO_RANGE = Facts.from_hypotheses([Size(k), Positive(q[j])])


def _point(lhs, rhs, facts=FACTS, seed=0) -> dict[str, str]:
    """The values of one random point: sample a false identity at a single point."""
    outcome = sample(lhs, rhs, facts, equal, DEFAULT, points=1, seed=seed)
    assert outcome.counterexample is not None, outcome
    return dict(outcome.counterexample.values)


def test_sampling_is_deterministic_for_a_seed():
    runs = [sample(Sum(q[j], (j, 1, k)), Sum(q[j], (j, 1, k - 1)), FACTS, equal, DEFAULT, points=24,
                   seed=3) for _ in range(2)]
    assert runs[0].counterexample is not None and runs[0] == runs[1]


def test_different_seeds_draw_different_points():
    points = {tuple(_point(a, a + 1, seed=s).items()) for s in range(5)}
    assert len(points) == 5


def test_a_false_identity_gets_a_counterexample_with_both_side_values():
    outcome = sample(log(a * b), log(a) - log(b), FACTS, equal, DEFAULT, points=24, seed=0)
    assert outcome.agreed == 0 and outcome.undecided == ""
    ce = outcome.counterexample
    values = {name: float(v) for name, v in ce.values}
    assert values.keys() == {"a", "b"}
    # an independent evaluation of both sides at the reported point
    assert float(ce.lhs) == pytest.approx(math.log(values["a"] * values["b"]), rel=1e-5)
    assert float(ce.rhs) == pytest.approx(math.log(values["a"]) - math.log(values["b"]),
                                          rel=1e-5)


def test_a_true_identity_agrees_at_every_point():
    outcome = sample(log(a * b), log(a) + log(b), FACTS, equal, DEFAULT, points=6, seed=0)
    assert outcome == SampleOutcome(agreed=6, counterexample=None, undecided="")


@pytest.mark.parametrize("seed", range(12))
def test_sizes_and_ranged_indices_stay_in_their_declared_ranges(seed):
    values = _point(y + k, y + k + 1, seed=seed)
    assert int(values["k"]) >= 1
    assert 1 <= int(values["y"]) <= int(values["k"])


def test_sizes_are_not_only_the_smallest():
    # an identity false only from k = 6 on must be refutable
    drawn = {int(_point(k, k + 1, seed=s)["k"]) for s in range(40)}
    assert min(drawn) == 1 and max(drawn) >= 6


@pytest.mark.parametrize("seed", range(6))
def test_ranged_entries_of_an_indexed_family_stay_in_range(seed):
    values = _point(Sum(labels[i], (i, 1, m)) + k, Sum(labels[i], (i, 1, m)) + k + 1, seed=seed)
    entries = [int(v) for name, v in values.items() if name.startswith("t[")]
    assert len(entries) == int(values["m"])
    assert all(1 <= e <= int(values["k"]) for e in entries)


@pytest.mark.parametrize("seed", range(6))
def test_positive_quantities_get_positive_values(seed):
    values = _point(a + q[1] + q[2], a + q[1] + q[2] + 1, seed=seed)
    assert all(float(values[name]) > 0 for name in ("a", "q[1]", "q[2]"))


def test_an_unranged_integer_gets_small_integers_of_either_sign():
    drawn = [_point(n, n + 1, seed=s)["n"] for s in range(40)]
    assert all(v.lstrip("-").isdigit() for v in drawn)
    assert min(map(int, drawn)) < 0 < max(map(int, drawn))


def test_a_real_symbol_gets_values_of_either_sign():
    drawn = [float(_point(c, c + 1, seed=s)["c"]) for s in range(20)]
    assert min(drawn) < 0 < max(drawn)


def test_distinct_applications_of_an_opaque_function_are_independent():
    assert sample(f(a), f(b), FACTS, equal, DEFAULT, points=4, seed=0).counterexample is not None
    assert sample(f(a), f(a), FACTS, equal, DEFAULT, points=4, seed=0).agreed == 4


def test_evaluation_impossible_everywhere_is_undecided_with_a_reason():
    outcome = sample(asin(a + 2), pi / 2 - acos(a + 2), FACTS, equal, DEFAULT, points=3, seed=0)
    assert (outcome.agreed, outcome.counterexample) == (0, None)
    assert outcome.undecided.startswith("could not evaluate both sides to real numbers at a=")


def test_an_empty_declared_range_is_undecided_with_a_reason():
    empty = Facts.from_hypotheses([IndexRange(y, 2, 1)])
    outcome = sample(y, y + 1, empty, equal, DEFAULT, points=3, seed=0)
    assert outcome == SampleOutcome(0, None, "the range 2 <= y <= 1 is empty here")


@pytest.mark.parametrize(("lhs", "rhs", "compare", "holds"), [
    (c ** 2, c ** 2 + 1, at_most, True),
    (c ** 2 + 1, c ** 2, at_most, False),
    (c ** 2 + 1, c ** 2, at_least, True),
    (c ** 2, c ** 2 + 1, at_least, False),
    (c, c, equal, True),
    (c, c + 1, equal, False),
])
def test_sample_uses_the_given_comparison(lhs, rhs, compare, holds):
    outcome = sample(lhs, rhs, FACTS, compare, DEFAULT, points=5, seed=1)
    assert (outcome.counterexample is None) is holds
    assert outcome.agreed == (5 if holds else 0)


@pytest.mark.parametrize(("compare", "lhs", "rhs", "expected"), [
    (equal, 1, 1, True),
    (equal, 1, "1.0000000000000000000000000000000000000001", True),  # within 30 digits
    (equal, 1, "1.00000000000000000001", False),  # a difference at the 20th digit is real
    (at_most, 1, 2, True),
    (at_most, 2, 1, False),
    (at_most, "1.0000000000000000000000000000000000000001", 1, True),
    (at_least, 2, 1, True),
    (at_least, 1, 2, False),
])
def test_comparisons_with_the_working_tolerance(compare, lhs, rhs, expected):
    with mpmath.workdps(60):
        assert compare(mpmath.mpf(lhs), mpmath.mpf(rhs), TOLERANCE) is expected


def test_renaming_a_bound_variable_is_not_refuted():
    # a sum up to a non-size integer stayed unexpanded, and q[j], q[l] got different values
    outcome = sample(Sum(q[j], (j, 1, n)), Sum(q[l], (l, 1, n)),
                     Facts.from_hypotheses([Positive(q[j])]), equal, DEFAULT, points=8, seed=0)
    assert outcome.counterexample is None


def test_an_index_without_a_range_is_drawn_and_the_false_collapse_refuted():
    # y occurring only inside q[y] used to get no value: every point was undecided
    outcome = sample(Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), log(q[y]), NO_RANGE,
                     equal, DEFAULT, points=24, seed=0)
    assert outcome.counterexample is not None
    assert "y" in dict(outcome.counterexample.values)


def test_a_size_needed_only_by_a_range_is_drawn():
    # k in 1 <= y <= k was never drawn, and every point was dropped as 'the range is empty'
    outcome = sample(2 * q[y], q[y] + q[y], FACTS, equal, DEFAULT, points=3, seed=0)
    assert outcome.agreed == 3


# -- large sizes: shared subexpressions are written out, substituted and summed once ------------

z = IndexedBase("z", real=True)
REALS = Facts.from_hypotheses([Size(k), Real(z[j])])


def _softmax_total(size: int) -> Sum:
    return Sum(exp(z[j]) / Sum(exp(z[l]), (l, 1, size)), (j, 1, size))


def test_a_shared_denominator_is_written_out_once():
    written = write_out(_softmax_total(300), DEFAULT.max_terms)
    denominators = {id(f.base) for t in written.args for f in t.args if f.is_Pow}
    assert len(written.args) == 300 and len(denominators) == 1
    assert len(list(nodes([written]))) < 3000  # a DAG, not 300 copies of the sum


def test_writing_out_agrees_with_sympy():
    small = Sum(j * log(q[j]), (j, 1, 3)) + Sum(q[i] * Sum(q[j], (j, 1, i)), (i, 1, 3))
    assert write_out(small, DEFAULT.max_terms) == small.doit()


@pytest.mark.parametrize("expr", [
    _softmax_total(5).doit(), log(q[1] * q[2]) + f(a) ** 2, KroneckerDelta(i, 2) * q[i] + c])
def test_substitution_is_xreplace(expr):
    rule = {q[1]: Rational(1, 3), q[2]: Integer(2), z[3]: Integer(-1), a: Integer(5),
            i: Integer(2), c: Rational(7, 2)}
    assert substitute(expr, rule) == expr.xreplace(rule)


def test_small_expressions_are_evaluated_as_they_are():
    e = _softmax_total(12).doit().xreplace({z[n_]: Rational(n_, 7) for n_ in range(1, 13)})
    assert _presum_shared(e, DEFAULT.digits) is e


@pytest.mark.parametrize(("rhs", "holds"), [(Integer(1), True),
                                             (1 + Rational(1, 10**20), False)])
def test_softmax_normalisation_at_a_thousand_classes(rhs, holds):
    """The denominator occurs in every term: summed once, the check stays linear in k; the
    twin shows that a wrong right-hand side is still refuted."""
    out = sample(_softmax_total(1000), rhs, REALS, equal, DEFAULT, points=1, seed=3, large=False)
    assert (out.counterexample is None, out.agreed) == ((True, 1) if holds else (False, 0))


# -- evidence that is hard to fake ---------------------------------------------------------------


def test_exact_values_are_compared_exactly():
    big = Integer(10) ** 40
    outcome = sample(big * a + 1, big * a, FACTS, equal, DEFAULT, points=3, seed=0)
    assert outcome.counterexample is not None
    lhs, rhs = outcome.counterexample.lhs, outcome.counterexample.rhs
    assert lhs != rhs  # printed with enough digits to tell them apart


def test_a_difference_that_does_not_shrink_with_precision_is_real():
    tiny = Integer(10) ** -40
    outcome = sample(log(a + tiny), log(a), FACTS, equal, DEFAULT, points=3, seed=0)
    assert outcome.counterexample is not None
    assert outcome.counterexample.lhs != outcome.counterexample.rhs


def test_rounding_at_the_working_precision_is_not_a_difference():
    b = Symbol("b", positive=True)
    facts = Facts.from_hypotheses([Positive(a), Positive(b)])
    outcome = sample(log(a * b) + exp(a) * exp(b), log(a) + log(b) + exp(a + b), facts, equal,
                     DEFAULT, points=12, seed=0)
    assert outcome.counterexample is None and outcome.agreed == 12


@pytest.mark.parametrize("gap, shown", [(-20, 24), (0, 12)])
def test_counterexample_values_are_shown_apart(gap, shown):
    from derivations.evidence.sampling import _shown_apart

    with mpmath.workdps(60):
        left, right = _shown_apart(mpmath.mpf(1) + mpmath.mpf(10) ** gap, mpmath.mpf(1), 60)
    assert left != right and len(left) <= shown + 3


def test_an_unbounded_integer_range_is_sampled_both_ways():
    y = Symbol("y", integer=True)
    facts = Facts.from_hypotheses([IndexRange(y, -oo, oo)])
    outcome = sample(y + 1, 1 + y, facts, equal, DEFAULT, points=12, seed=0)
    assert outcome.agreed == 12
    wrong = sample(y, Integer(20), facts, at_most, DEFAULT, points=24, seed=0)
    assert wrong.counterexample is not None


def test_far_points_reach_other_magnitudes():
    drawn = []
    for n in range(30):
        point = Point(FACTS, random.Random(n), DEFAULT, far=True)
        drawn.append(point._real(a))
    assert max(drawn) > 10 ** 3 and min(drawn) < Rational(1, 10 ** 3)


def test_a_difference_below_the_working_precision_is_found_by_refining():
    """Red-team j06: log(1 + 10^-80) and 10^-80 differ by 5e-161, under what 100 digits show
    next to a side of size 1; twice and four times the digits show the gap does not shrink."""
    from sympy import Rational

    tiny = Rational(1, 10 ** 80)
    facts = Facts.from_hypotheses([Real(c)])
    outcome = sample(c + log(1 + tiny), c + tiny, facts, equal, DEFAULT, points=12, seed=0)
    assert outcome.counterexample is not None
    assert outcome.counterexample.difference.startswith("-5.0e-161")
    assert "(they differ by -5.0e-161)" in outcome.counterexample.describe()
    assert outcome.counterexample.as_json()["difference"] == outcome.counterexample.difference


def test_sides_printed_alike_carry_their_difference():
    from derivations.evidence.sampling import _shown_apart

    with mpmath.workdps(120):
        shown = _shown_apart(mpmath.mpf(1) + mpmath.mpf(10) ** -80, mpmath.mpf(1), 60)
    assert shown[0] == shown[1] and shown[2] == "1.0e-80"
    with mpmath.workdps(60):
        assert len(_shown_apart(mpmath.mpf(2), mpmath.mpf(1), 60)) == 2


def test_a_pole_needs_its_base_zero_and_its_exponent_negative_together():
    """Red-team f01b: x^n (x^2 - x) = x^(n+2) - x^(n+1) for -3 <= n <= 3 is false only at
    x = 0 and n = -1 together. A probe that makes x vanish also draws n so that the power's
    exponent is negative: every seed finds it."""
    x_ = Symbol("x", real=True)
    facts = Facts.from_hypotheses([Real(x_), IndexRange(n, -3, 3)])
    for seed in range(10):
        outcome = sample(x_ ** n * (x_ ** 2 - x_), x_ ** (n + 2) - x_ ** (n + 1), facts, equal,
                         DEFAULT, points=24, seed=seed)
        assert outcome.counterexample is not None, seed
        assert dict(outcome.counterexample.values) == {"n": "-1", "x": "0"}


def test_an_opaque_function_has_one_value_at_equal_arguments():
    """Issue 17: the kernel proves E((x + y)^2) = E(x^2 + 2xy + y^2); the sampler drew one value
    per way of writing the argument and called the proof an engine bug. Applications at equal
    argument values now share their value, on the fast path and on the exact one."""
    from sympy import Function

    E = Function("E")
    x_, y_ = Symbol("x", real=True), Symbol("y", real=True)
    facts = Facts.from_hypotheses([Real(x_), Real(y_)])
    same = sample(E((x_ + y_) ** 2), E(x_ ** 2 + 2 * x_ * y_ + y_ ** 2), facts, equal, DEFAULT,
                  points=24, seed=0)
    assert same.counterexample is None and same.agreed == 24
    other = sample(E((x_ + y_) ** 2), E(x_ ** 2 + y_ ** 2), facts, equal, DEFAULT, points=24,
                   seed=0)
    assert other.counterexample is not None
    point = Point(facts, random.Random(0), DEFAULT)
    sides = [E(exp(x_ + y_)), E(exp(x_) * exp(y_)), E(exp(x_) + 1)]
    left, right, third = point.fix_values(point.fix_structure(sides))
    assert left == right and left != third


def test_a_strict_bound_tight_where_the_entries_tie_is_refuted():
    """Red-team m08: (k + 1) min z < sum z fails only where every entry is equal, which random
    draws never give; the tie probe after the random points does, at every seed. The bound
    that allows equality holds there, and the probe refutes it nowhere."""
    z = IndexedBase("z", real=True)
    facts = Facts.from_hypotheses([Size(k), Real(z[l])])
    least, total = (k + 1) * MinOver(z, 1, k + 1), Sum(z[j], (j, 1, k + 1))
    for seed in range(6):
        strict = sample(least, total, facts, below, DEFAULT, points=24, seed=seed)
        assert strict.counterexample is not None, seed
        drawn = {v for name, v in strict.counterexample.values if name.startswith("z[")}
        assert len(drawn) == 1 and strict.counterexample.lhs == strict.counterexample.rhs
        weak = sample(least, total, facts, at_most, DEFAULT, points=24, seed=seed)
        assert weak == SampleOutcome(agreed=24, counterexample=None, undecided=""), seed


def _distinct_entries(tie: str, seed: int) -> int:
    """How many distinct values six entries of a real family get at one point."""
    z = IndexedBase("z", real=True)
    point = Point(Facts.from_hypotheses([Real(z[l])]), random.Random(seed), DEFAULT, tie=tie)
    for n in range(1, 7):
        point.draw(z[n])
    return len({point.values[z[n]] for n in range(1, 7)})


def test_a_tie_probe_gives_entries_of_a_family_equal_values():
    """A tie probe draws every entry of a family equal ("every"), or some of them equal to one
    drawn before ("some": a tie at every seed, yet not always the constant vector); any other
    point draws each entry on its own."""
    seeds = range(8)
    assert {_distinct_entries("every", s) for s in seeds} == {1}
    some = {_distinct_entries("some", s) for s in seeds}
    assert max(some) < 6 and max(some) > 1
    assert max(_distinct_entries("", s) for s in seeds) == 6


def test_a_sum_over_itself_has_no_value_where_the_sum_vanishes():
    """Red-team q05: (sum_i w_i) / (sum_j w_j) = 1 is prepared to 1 = 1 (both binders renamed
    alike), so its denominator was never evaluated. The denominator a side loses is evaluated
    beside it, and a probe makes it vanish: every seed finds a point where the left side has
    no value. Over positive entries the sum never vanishes, and the identity holds."""
    w = IndexedBase("w", real=True)
    facts = Facts.from_hypotheses([Size(k), Real(w[l])])
    for seed in range(6):
        outcome = sample(Sum(w[i], (i, 1, k)) / Sum(w[j], (j, 1, k)), Integer(1), facts, equal,
                         DEFAULT, points=24, seed=seed)
        assert outcome.counterexample is not None, seed
        assert (outcome.counterexample.lhs, outcome.counterexample.rhs) == ("undefined", "1")
        positive = sample(Sum(q[i], (i, 1, k)) / Sum(q[j], (j, 1, k)), Integer(1), NO_RANGE,
                          equal, DEFAULT, points=24, seed=seed)
        assert positive == SampleOutcome(agreed=24, counterexample=None, undecided=""), seed


@pytest.mark.parametrize("seed", range(6))
def test_a_probe_writes_a_sum_out_and_makes_it_vanish(seed):
    """A probe for a sum writes it out at the point's size and solves for one entry: the
    entries drawn sum to exactly zero."""
    w = IndexedBase("w", real=True)
    total = Sum(w[j], (j, 1, k))
    point = Point(Facts.from_hypotheses([Size(k), Real(w[l])]), random.Random(seed), DEFAULT,
                  zeros=(total,))
    point.fix_free([total])
    size = int(point.values[k])
    assert sum(point.values[w[n]] for n in range(1, size + 1)) == 0


def test_a_quadratic_exponent_is_made_negative_next_to_its_roots():
    """Red-team m13: x^(n^2 - 1) x = x^(n^2) for |n| <= 10^6 is false only at x = 0 and n = 0,
    the one integer where the exponent is negative. The probe takes n among the integers next
    to the exponent's real roots (a linear exponent was solved already): every seed finds it,
    and the same powers over a positive base agree."""
    x_ = Symbol("x", real=True)
    million = Integer(10) ** 6
    facts = Facts.from_hypotheses([Real(x_), IndexRange(n, -million, million)])
    for seed in range(6):
        outcome = sample(x_ ** (n ** 2 - 1) * x_, x_ ** (n ** 2), facts, equal, DEFAULT,
                         points=24, seed=seed)
        assert outcome.counterexample is not None, seed
        assert dict(outcome.counterexample.values) == {"n": "0", "x": "0"}
        assert sample(a ** (n ** 2 - 1) * a, a ** (n ** 2), facts, equal, DEFAULT, points=24,
                      seed=seed).counterexample is None


def test_a_delta_is_visited_at_the_sizes_where_it_is_hot():
    """Red-team m05: sum_{j <= k} delta((j + 6)^2, k) z_j = 0 is false only at square sizes
    from 49 on, which neither the random sizes nor the step's constants (12, 36) give. The
    delta's equation solved for k, at the first values of j, gives sizes of their own points:
    every seed finds the sum hot. The delta at j = k, hot at every size, agrees there."""
    z = IndexedBase("z", real=True)
    facts = Facts.from_hypotheses([Size(k), Real(z[l])])
    hot = Sum(KroneckerDelta((j + 6) ** 2, k) * z[j], (j, 1, k))
    assert hot_sizes([hot], facts) == [(k, 49), (k, 64), (k, 81)]
    for seed in range(6):
        outcome = sample(hot, Integer(0), facts, equal, DEFAULT, points=24, seed=seed)
        assert outcome.counterexample is not None, seed
        assert dict(outcome.counterexample.values)["k"] in {"49", "64", "81"}
        last = sample(Sum(KroneckerDelta(j, k) * z[j], (j, 1, k)), z[k], facts, equal, DEFAULT,
                      points=24, seed=seed)
        assert last == SampleOutcome(agreed=24, counterexample=None, undecided=""), seed


def test_applications_at_arguments_apart_by_less_than_the_key_do_not_share_a_value():
    """Red-team m01: f(e^x + 10^-100) = f(e^x) was confirmed, the two arguments agreeing to the
    90 digits of the key that lets applications at equal arguments share a value. Their
    difference at the point, evaluated by SymPy (exactly, or raising its precision where terms
    cancel), shows them apart: every seed refutes the step. Arguments equal in another form
    (log(ab) and log a + log b, whose difference evalf finds no digit of) still share."""
    x_ = Symbol("x", real=True)
    facts = Facts.from_hypotheses([Real(x_), Positive(a), Positive(b)])
    tiny = Rational(1, 10 ** 100)
    for seed in range(6):
        for near, there in ((exp(x_) + tiny, exp(x_)), (log(exp(x_) * (1 + tiny)), x_)):
            apart = sample(f(near), f(there), facts, equal, DEFAULT, points=24, seed=seed)
            assert apart.counterexample is not None, (seed, near)
        same = sample(f(log(a * b)), f(log(a) + log(b)), facts, equal, DEFAULT, points=24,
                      seed=seed)
        assert same == SampleOutcome(agreed=24, counterexample=None, undecided=""), seed


def test_an_order_between_values_that_are_not_real_is_a_counterexample():
    """Red-team m04: sqrt(x) - 1 <= sqrt(x) for real x reads -1 + 2i <= 2i at x = -4. A point
    where neither side has a real value judged nothing, so the step held by its points x >= 0;
    for an inequality such a point is now a counterexample, when a side is a complex number
    clear of the real line. Every seed finds one; the same step over x >= 0 agrees, and so
    does an equality between the same complex values (sqrt(x)^2 = x)."""
    x_ = Symbol("x", real=True)
    facts = Facts.from_hypotheses([Real(x_)])
    for seed in range(6):
        found = sample(sqrt(x_) - 1, sqrt(x_), facts, at_most, DEFAULT, points=24, seed=seed,
                       ordered=True)
        assert found.counterexample is not None, seed
        assert "(not real)" in found.counterexample.lhs
        assert float(dict(found.counterexample.values)["x"]) < 0
        nonneg = Symbol("x", nonnegative=True)
        held = sample(sqrt(nonneg) - 1, sqrt(nonneg), Facts.from_hypotheses([Real(nonneg)]),
                      at_most, DEFAULT, points=24, seed=seed, ordered=True)
        assert held.counterexample is None and held.agreed == 24, seed
        same = sample(sqrt(x_) * sqrt(x_), x_, facts, equal, DEFAULT, points=24, seed=seed)
        assert same.counterexample is None, seed


@pytest.mark.parametrize("exponent", [n, n ** 2 + 1], ids=["n", "n^2+1"])
def test_a_pole_is_not_evaluated_away_when_the_exponent_is_fixed_first(exponent):
    """Red-team m06, m07: (x^2 - 2)^e (x^2 - 2)^-e = 1 for an integer e of unknown sign is
    false at x = sqrt 2, where the probe puts x exactly; but the exact path fixed the integer
    first, and SymPy combined the two powers to 1 before the base was seen to vanish. The
    base is now evaluated beside the side wherever its exponent is negative: every seed
    finds the pole. With a base that never vanishes, the step agrees everywhere."""
    x_ = Symbol("x", real=True)
    facts = Facts.from_hypotheses([Real(x_), IndexRange(n, -3, 3)])
    for seed in range(6):
        for base, false in ((x_ ** 2 - 2, True), (x_ ** 2 + 2, False)):
            side = Mul(base ** exponent, base ** -exponent, evaluate=False)
            found = sample(side, Integer(1), facts, equal, DEFAULT, points=24, seed=seed)
            assert (found.counterexample is not None) is false, (seed, base)
            if false:
                assert found.counterexample.lhs == "undefined"
                assert dict(found.counterexample.values)["x"] in {"sqrt(2)", "-sqrt(2)"}


def test_a_cancellation_beyond_evalf_reach_is_no_counterexample():
    """Outside author's F12: -log(sigma(t)^y (1 - sigma(t))^(1 - y)), summed, against the
    softplus form, a true identity, was refuted at |w x_i| near 10^13: 1 - sigma(t) cancels
    below what evalf's precision reaches, evalf gives a zero of no digits, and its log is a
    few hundred where it should be -5 * 10^12, a term too small against the sum for a
    comparison of two precisions to see. Such a value is no value now (strict evalf), and
    five of the first twelve seeds that refuted the identity agree. A false variant (the
    softplus terms swapped) is still refuted at every seed."""
    w = Symbol("w", real=True)
    x = IndexedBase("x", real=True)
    facts = Facts.from_hypotheses([Size(m), Real(w), Real(x[i]), IndexRange(labels[i], 0, 1)])
    t = w * x[i]
    sigma = 1 / (1 + exp(-t))
    lhs = -Sum(log(sigma ** labels[i] * (1 - sigma) ** (1 - labels[i])), (i, 1, m))
    softplus = Sum(labels[i] * log(1 + exp(-t)) + (1 - labels[i]) * log(1 + exp(t)), (i, 1, m))
    swapped = Sum(labels[i] * log(1 + exp(t)) + (1 - labels[i]) * log(1 + exp(-t)), (i, 1, m))
    for seed in (1, 3, 6):
        assert sample(lhs, softplus, facts, equal, DEFAULT, points=24,
                      seed=seed).counterexample is None, seed
        assert sample(lhs, swapped, facts, equal, DEFAULT, points=24,
                      seed=seed).counterexample is not None, seed


def test_an_algebraic_zero_is_told_from_a_lost_cancellation():
    """What :func:`_precise` accepts: a value evalf gives to its digits, or one whose only
    doubt is an algebraic subexpression proved zero by its minimal polynomial (the probe's
    exact roots: r^5 - r - 1 at a root r, red-team q02); not one that cancels below evalf's
    reach (1 - sigma(5 * 10^12)), nor a tiny algebraic number that is not zero."""
    from sympy import CRootOf
    r = CRootOf(y ** 5 - y - 1, 0)
    t = Integer(5 * 10 ** 12)
    assert _precise(1 + exp(-10 ** 8 * (r ** 5 - r - 1) ** 2), 60)
    assert _precise(log(1 + exp(t)), 60)
    assert not _precise(log(1 - 1 / (1 + exp(-t))), 60)
    assert _algebraic_zero(r ** 5 - r - 1) and _algebraic_zero((1 + sqrt(2)) ** 2 - 3 - 2 * sqrt(2))
    assert not _algebraic_zero(r ** 5 - r - 1 + Rational(1, 10 ** 200))
    assert not _algebraic_zero(exp(-t) - exp(-t) * (1 + Rational(1, 10 ** 200)))


def test_a_pole_the_renamed_summand_lost_is_evaluated_beside_the_side():
    """Red-team t01: renamed to an integer, sum_j sin(pi j) gamma(c) is 0, but gamma(c) has
    no value at c = 0, nor the side there; the kernel does not prove it either."""
    from sympy import Integer, Sum, gamma, pi, sin

    from derivations.kernel import judge

    plain = Symbol("jj")
    side = Sum(sin(pi * plain) * gamma(c), (plain, 0, k))
    facts = Facts.from_hypotheses([Size(k), Real(c)])
    outcome = sample(side, Integer(0), facts, equal, DEFAULT, points=24, seed=0)
    assert outcome.counterexample is not None
    assert dict(outcome.counterexample.values)["c"] in ("0", "-1", "-2", "-3")
    assert not judge.proves_equal(side, Integer(0), facts)


def test_a_term_with_a_pole_in_the_range_is_found_by_its_product_over_the_range():
    """Red-team s05, t01: renamed to an integer, sin(pi j)/j is 0, and so is the sum; the
    term at j = 0 has no value, nor the side. Over 1..k it has one, and the identity holds."""
    from sympy import Integer, Sum, cot, pi, sin

    plain = Symbol("jj")
    facts = Facts.from_hypotheses([Size(k)])
    for term in (sin(pi * plain) / plain, sin(pi * plain) * cot(pi * plain / 2)):
        outcome = sample(Sum(term, (plain, 0, k)), Integer(0), facts, equal, DEFAULT,
                         points=24, seed=0)
        assert outcome.counterexample is not None, term
    true = sample(Sum(sin(pi * plain) / plain, (plain, 1, k)), Integer(0), facts, equal,
                  DEFAULT, points=24, seed=0)
    assert true.counterexample is None and true.agreed
