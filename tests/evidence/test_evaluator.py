"""The fast evaluator: the exact path's value at the same point, or a refusal, never a guess."""

from __future__ import annotations

import random
from fractions import Fraction

import mpmath
import pytest
from sympy import (
    Abs,
    Derivative,
    Indexed,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Rational,
    Sum,
    Symbol,
    asin,
    ceiling,
    exp,
    log,
    sqrt,
)
from sympy.core.function import AppliedUndef

from derivations.evidence.evaluator import Evaluator, Unsupported, inexact
from derivations.evidence.point import Point, substitute, write_out
from derivations.evidence.sampling import _evaluate, equal, sample
from derivations.kernel.canonical import prepare
from derivations.language.hypotheses import (
    Facts,
    IndexRange,
    Nonnegative,
    Positive,
    Real,
    Simplex,
    Size,
)
from derivations.language.notation import Optimum, named_function
from derivations.loader import load
from derivations.settings import DEFAULT

k = Symbol("k", integer=True, positive=True)
i, j, y = (Symbol(name, integer=True) for name in "ijy")
a = Symbol("a", positive=True)
x = Symbol("x", real=True)
w = Symbol("w", nonnegative=True)
p, q = IndexedBase("p", positive=True), IndexedBase("q", positive=True)
z = IndexedBase("z", real=True)
FACTS = Facts.from_hypotheses([Size(k), Positive(a), Real(x), Nonnegative(w), Simplex(p, k),
                               Positive(q[j]), Real(z[j])])


@pytest.fixture(autouse=True)
def _sampler_precision():
    with mpmath.workdps(DEFAULT.digits):
        yield


def _fast(sides, facts=FACTS, seed=0):
    """Values by the fast evaluator at one point, and the point (its draws)."""
    point = Point(facts, random.Random(seed), DEFAULT)
    point.fix_free(sides)
    evaluator = Evaluator(point, DEFAULT)
    return [inexact(evaluator.value(s)) for s in sides], point


def _exact(side, point):
    """The exact path at the very values the fast evaluator drew: write the side out at the
    point's sizes (a derivative is taken there, before any value reaches its variable), then
    substitute everything and call evalf."""
    e = write_out(substitute(side, point.structure), DEFAULT.max_terms)
    # writing out puts the sizes into a family's declared shape too: match entries by family
    entries = {(a.base.label, a.indices): v for a, v in point.values.items()
               if isinstance(a, Indexed)}
    for _ in range(8):
        values = {**point.values, **{a: entries[a.base.label, a.indices]
                                     for a in e.atoms(Indexed)
                                     if (a.base.label, a.indices) in entries}}
        # the integers first (a label y_i), then the applications as the point drew them
        # (g(16, x_1)), then everything else: an application's arguments have values too
        integers = {a: v for a, v in values.items() if a in point.structure or (
            isinstance(a, Indexed) and point.facts.range_of(a) is not None)}
        calls = {a: v for a, v in values.items() if isinstance(a, AppliedUndef)}
        later = substitute(substitute(substitute(e, integers), calls), values)
        later = write_out(later, DEFAULT.max_terms)
        if later == e:
            break
        e = later
    return _evaluate(e, DEFAULT.digits)


def _agree(fast, exact):
    assert exact is not None
    assert abs(fast - exact) <= mpmath.mpf(10) ** -45 * max(1, abs(exact)), (fast, exact)


def _catalogue_sides():
    out = []
    for d in load(()):
        exprs, prev = [], d.start
        for step in d.steps:
            exprs += [prev] if not exprs else []
            exprs.append(step.expr)
            prev = step.expr
        exprs += [impl.target(d) for impl in d.implementations]
        for e in exprs:
            e = e.objective if isinstance(e, Optimum) else e
            out.append(pytest.param(prepare(e, d.facts), d.facts, id=f"{d.name}-{len(out)}"))
    return out


@pytest.mark.parametrize(("side", "facts"), _catalogue_sides())
def test_every_catalogue_expression_has_the_exact_paths_value(side, facts):
    """The differential test: every expression the catalogue checks, at three points each."""
    judged = 0
    for seed in range(3):
        try:
            (fast,), point = _fast([side], facts, seed)
        except Unsupported:
            continue  # the exact path decides such a point; nothing to compare
        _agree(fast, _exact(side, point))
        judged += 1
    assert judged, "the fast evaluator refused every point"


SHARED = Sum(exp(z[i]) / Sum(exp(z[j]), (j, 1, k)), (i, 1, k))


@pytest.mark.parametrize("side", [
    SHARED,
    Sum(p[i] * log(p[i] / q[i]), (i, 1, k)),
    Sum(Sum(KroneckerDelta(i, j) * q[j], (j, 1, k)) * log(q[i]), (i, 1, k)),
    # a derivative inside a sum over its own variable's index: its value depends on i
    Sum(Derivative(Sum(q[j] ** 2 * log(q[j]), (j, 1, k)), q[i]) * q[i], (i, 1, k)),
    Derivative(Sum(exp(z[j]), (j, 1, k)) ** 2, z[1], z[1]),
    sqrt(a) * exp(-a) + ceiling(a * 7) + Rational(1, 3) * a ** -2,
])
@pytest.mark.parametrize("seed", range(4))
def test_constructions_have_the_exact_paths_value(side, seed):
    side = prepare(side, FACTS)
    (fast,), point = _fast([side], seed=seed)
    _agree(fast, _exact(side, point))


def test_a_shared_denominator_is_computed_once():
    """A sum that does not depend on the enclosing loop is computed once, not k times."""
    facts = Facts.from_hypotheses([Size(k), Real(z[j])])
    point = Point(facts, random.Random(0), DEFAULT)
    point.fix_free([SHARED])
    evaluator = Evaluator(point, DEFAULT)
    calls = []
    loop = evaluator._loop
    evaluator._loop = lambda e: calls.append(e) or loop(e)  # type: ignore[method-assign]
    assert abs(inexact(evaluator.value(prepare(SHARED, facts))) - 1) < mpmath.mpf(10) ** -60
    assert len(calls) == 2  # the outer sum, and the denominator once


def test_rational_arithmetic_stays_exact():
    """Exactly zero stays zero: the log of it is refused, not a large negative number."""
    (value,), _ = _fast([Sum(p[j], (j, 1, k))])
    assert value == 1
    point = Point(FACTS, random.Random(0), DEFAULT)
    point.fix_free([k])
    evaluator = Evaluator(point, DEFAULT)
    assert isinstance(evaluator.value(Sum(p[j], (j, 1, k)) - 1), Fraction)
    with pytest.raises(Unsupported, match="not positive"):
        evaluator.value(log(1 - Sum(p[j], (j, 1, k))))


def test_zero_times_a_transcendental_value_is_exactly_zero():
    point = Point(FACTS, random.Random(0), DEFAULT)
    evaluator = Evaluator(point, DEFAULT)
    assert evaluator.value((a - a + Integer(0) * x) * log(3)) == 0
    assert isinstance(evaluator.value(Integer(0) * log(a + 2)), Fraction)


@pytest.mark.parametrize(("expr", "message"), [
    (log(x), "not positive"),
    (sqrt(x), "not a real number"),
    (1 / (Sum(p[j], (j, 1, k)) - 1), "division by zero"),
    (asin(a), "no numeric rule for asin"),
    (ceiling(log(a ** 3) / log(a)), "next to an integer"),
])
def test_what_only_the_exact_path_can_tell_is_refused(expr, message):
    """Refused, never guessed: the sampler then draws the point again and judges it exactly."""
    refused = 0
    for seed in range(10):
        try:
            _fast([expr], seed=seed)
        except Unsupported as exc:
            assert message in str(exc)
            refused += 1
    assert refused


def test_a_refused_point_is_judged_by_the_exact_path():
    """log(x) for a real x is undefined at half the points: the exact path skips them, and the
    points where it is defined still agree (and still refute a wrong identity)."""
    outcome = sample(log(x), log(x), FACTS, equal, DEFAULT, points=12, seed=0)
    assert 0 < outcome.agreed < 12 and outcome.counterexample is None
    wrong = sample(2 * log(x), log(x), FACTS, equal, DEFAULT, points=12, seed=0)
    assert wrong.counterexample is not None


@pytest.mark.parametrize(("lhs", "rhs"), [
    (Sum(p[j] * log(q[j]), (j, 1, 1000)), Sum(p[j] * log(q[j]), (j, 1, 999))),
    (SHARED.subs(k, 1000), Rational(999, 1000)),
    (Sum(Derivative(Sum(q[j] ** 2, (j, 1, k)), q[i]), (i, 1, k)), Sum(q[i], (i, 1, k))),
])
def test_wrong_identities_are_refuted(lhs, rhs):
    outcome = sample(lhs, rhs, FACTS, equal, DEFAULT, points=4, seed=0)
    assert outcome.counterexample is not None


def test_one_application_gets_one_value_and_another_its_own():
    g = named_function("g", "g({0})")
    assert sample(g(a + 1), g(1 + a), FACTS, equal, DEFAULT, points=4, seed=0).agreed == 4
    wrong = sample(g(a), g(a + 1), FACTS, equal, DEFAULT, points=4, seed=0)
    assert wrong.counterexample is not None


def test_counterexamples_show_function_applications_as_written():
    g = named_function("g", "g({0})")
    outcome = sample(g(log(a + 1)), 2 * g(log(a + 1)), FACTS, equal, DEFAULT, points=1, seed=0)
    assert outcome.counterexample is not None
    shown = dict(outcome.counterexample.values)
    # the argument's own value first (an opaque function has one value per argument value)
    assert list(shown) == ["a", "g(log(a + 1))"]


def test_an_application_at_a_label_is_the_application_at_its_value():
    """g(t_i) is g(2) when the label t_i is 2: the one-hot collapse must not be refuted."""
    g = named_function("g", "g({0})")
    t = IndexedBase("t", integer=True)
    facts = Facts.from_hypotheses([Size(k), IndexRange(t, 1, k), IndexRange(y, 1, k)])
    for label in (t[1], y):
        lhs = Sum(KroneckerDelta(j, label) * log(g(j) ** 2 + 1), (j, 1, k))
        outcome = sample(lhs, log(g(label) ** 2 + 1), facts, equal, DEFAULT, points=12, seed=0)
        assert (outcome.agreed, outcome.counterexample) == (12, None)
        wrong = sample(lhs, log(g(label + 1) ** 2 + 1), facts, equal, DEFAULT, points=12, seed=0)
        assert wrong.counterexample is not None


u, v = Symbol("u", positive=True), Symbol("v", real=True)


@pytest.mark.parametrize("f", [
    u ** 3 * v, exp(u * v) / (1 + u ** 2), log(u + v ** 2 + 1) * sqrt(u), u ** v,
    Abs(v - 7) * u, (u + 1) ** Rational(-3, 2) * exp(-v), log(log(u + 2)),
])
@pytest.mark.parametrize("order", [(u,), (v,), (u, v), (u, u), (v, v, u)])
def test_dual_numbers_give_sympys_derivatives(f, order):
    """Forward mode against SymPy's own differentiation, evaluated exactly at the same point."""
    facts = Facts.from_hypotheses([Positive(u), Real(v)])
    for seed in range(3):
        (fast,), point = _fast([Derivative(f, *order)], facts, seed)
        exact = _evaluate(f.diff(*order).xreplace(point.values), DEFAULT.digits)
        _agree(fast, exact)


@pytest.mark.parametrize(("expr", "message"), [
    (Derivative(named_function("g", "g({0})")(z[1]) * z[2], z[1]), "opaque function"),
    (Derivative(Abs(Sum(p[j], (j, 1, k)) - 1) * p[1], p[1]), "no derivative at 0"),
    (Derivative(ceiling(z[1]), z[1]), "no derivative rule"),
    (Derivative(z[2] * Derivative(exp(z[1]) * z[2], z[1]), z[2]), "inside a derivative"),
])
def test_derivatives_it_cannot_take_are_refused(expr, message):
    with pytest.raises(Unsupported, match=message):
        _fast([expr])


def test_an_opaque_function_of_other_quantities_is_a_constant():
    g = named_function("g", "g({0})")
    (value,), point = _fast([Derivative(g(a) * z[1] ** 2, z[1])])
    _agree(value, 2 * inexact(Fraction(str(point.values[g(a)]))) * inexact(
        Fraction(str(point.values[z[1]]))))
