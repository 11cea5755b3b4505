"""Red-team round 12's symbolic-grade finds, at the kernel: each false statement is no longer
proved (their files, in tests/adversarial/redteam/, are also refused or failed by the sampler)."""

from __future__ import annotations

from sympy import Integer, Mul, Piecewise, Symbol, sqrt

from derivations.kernel import judge
from derivations.language.hypotheses import Facts, IndexRange, Real

x = Symbol("x", real=True)
n = Symbol("n", integer=True)


def test_a_side_that_may_be_complex_is_not_ordered():
    """m04: sqrt(x) - 1 <= sqrt(x) for every real x; both sides are complex where x < 0."""
    facts = Facts.from_hypotheses([Real(x)])
    assert not judge.proves_order(sqrt(x) - 1, sqrt(x), facts, strict=False)
    positive = Symbol("p", positive=True)
    assert judge.proves_order(sqrt(positive) - 1, sqrt(positive), Facts(), strict=False)


def test_a_power_whose_exponent_may_be_negative_divides_by_its_base():
    """m06: (x^2 - 2)^n (x^2 - 2)^-n = 1 for -3 <= n <= 3 is undefined at x = sqrt 2."""
    facts = Facts.from_hypotheses([Real(x), IndexRange(n, -3, 3)])
    base = x ** 2 - 2
    assert not judge.proves_equal(Mul(base ** n, base ** -n, evaluate=False), Integer(1), facts)
    natural = Facts.from_hypotheses([Real(x), IndexRange(n, 0, 3)])
    assert judge._denominators(base ** n * base ** (3 - n), natural) == []  # n, 3 - n >= 0
    assert judge._denominators(base ** n, facts) == [base]


def test_a_case_split_does_not_evaluate_a_pole_away():
    """m07: with exponent n^2 + 1 each case evaluates to 1 before its undefined point is seen."""
    facts = Facts.from_hypotheses([Real(x), IndexRange(n, -3, 3)])
    base = x ** 2 - 2
    lhs = Mul(base ** (n ** 2 + 1), base ** (-n ** 2 - 1), evaluate=False)
    assert judge.proves_by_cases(lambda a, b: judge.proves_equal(a, b, facts), lhs, Integer(1),
                                 facts) is None


def test_a_piecewise_without_otherwise_may_have_no_value():
    """m10: 0 < Piecewise((1, x > 0)) has no value where x <= 0."""
    facts = Facts.from_hypotheses([Real(x)])
    assert judge.may_be_undefined(Piecewise((1, x > 0)), facts)
    assert not judge.may_be_undefined(Piecewise((1, x > 0), (2, True)), facts)
