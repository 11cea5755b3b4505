"""Definite integrals in the kernel (``kernel.integrals``): an integral is an opaque number only
once it is shown to converge, and gets a value only from an antiderivative proved to be one,
continuous on the whole interval, with finite limits at infinite ends. Each false statement
below is one a careless or hostile author could write; none is proved."""

from __future__ import annotations

from sympy import (
    Abs,
    Add,
    Derivative,
    Function,
    Heaviside,
    Integer,
    Integral,
    Lambda,
    Sum,
    Symbol,
    atan,
    erf,
    exp,
    floor,
    log,
    oo,
    pi,
    sign,
    sin,
    sqrt,
)

from derivations.kernel import judge
from derivations.language.hypotheses import Facts, Positive, Real

t = Symbol("t", real=True)
x = Symbol("x", real=True)
mu = Symbol("mu", real=True)
sigma = Symbol("sigma", positive=True)
FACTS = Facts.from_hypotheses([Real(x), Real(mu), Positive(sigma)])
GAUSS = exp(-(t - mu) ** 2 / (2 * sigma ** 2)) / (sqrt(2 * pi) * sigma)


def _value(integral, antiderivative):
    """The value the fundamental theorem gives, or None."""
    found, _ = judge.evaluate_integrals(integral, (Lambda(t, antiderivative),), FACTS)
    return found[0].value


def test_a_divergent_integral_is_no_number():
    """int_0^oo 1 dt - int_0^oo 1 dt = 0 would be "oo - oo = 0"."""
    wide = Integral(Integer(1), (t, 0, oo))
    assert not judge.proves_equal(Add(wide, -wide, evaluate=False), Integer(0), FACTS)
    assert judge.may_be_undefined(wide, FACTS)
    no_decay = Integral(sin(t), (t, -oo, oo))
    assert not judge.proves_equal(Add(no_decay, -no_decay, evaluate=False), Integer(0), FACTS)
    growing = Integral(exp(sigma * t ** 2), (t, -oo, oo))  # the exponent's sign is wrong
    assert judge.may_be_undefined(growing, FACTS)


def test_a_pole_inside_a_finite_interval_diverges():
    """int_{-1}^{1} 1/t^2 dt is infinite; F = -1/t would give -2."""
    pole = Integral(1 / t ** 2, (t, -1, 1))
    assert judge.may_be_undefined(pole, FACTS)
    assert _value(pole, -1 / t) is None


def test_antiderivatives_that_jump_are_refused():
    """F' = f away from a jump, but F(b) - F(a) counts the jump: floor, sign, Heaviside,
    atan(1/t) (whose derivative is -1/(1 + t^2) except at 0)."""
    assert _value(Integral(Integer(0), (t, 0, 2)), floor(t)) is None
    assert _value(Integral(Integer(0), (t, -1, 1)), sign(t)) is None
    assert _value(Integral(Integer(0), (t, -1, 1)), Heaviside(t)) is None
    assert _value(Integral(-1 / (1 + t ** 2), (t, -1, 1)), atan(1 / t)) is None
    assert _value(Integral(sign(t), (t, -1, 1)), Abs(t)) is None  # Abs is not smooth


def test_a_wrong_antiderivative_is_refused():
    assert _value(Integral(t, (t, 0, 1)), t ** 2) is None
    assert _value(Integral(exp(t), (t, 0, oo)), exp(t)) is None  # infinite limit


def test_the_fundamental_theorem_with_ends_in_either_order():
    assert _value(Integral(t, (t, 0, x)), t ** 2 / 2) == x ** 2 / 2
    assert _value(Integral(exp(-t), (t, 0, oo)), -exp(-t)) == 1
    assert _value(Integral(GAUSS, (t, -oo, oo)), erf((t - mu) / (sqrt(2) * sigma)) / 2) == 1


def test_integrals_are_equal_numbers_only_when_their_integrands_are():
    one = Integral(t * GAUSS, (t, -oo, oo))
    assert judge.proves_equal(2 * one - one, one, FACTS)
    assert judge.proves_equal(Integral(GAUSS * (1 + t), (t, -oo, oo)),
                              Integral(GAUSS, (t, -oo, oo)) + one, FACTS)
    assert not judge.proves_equal(Integral(GAUSS, (t, -oo, oo)), one, FACTS)
    assert not judge.proves_equal(Integral(GAUSS, (t, -oo, oo)), Integral(GAUSS, (t, 0, oo)),
                                  FACTS)
    # a log of an integrand that may vanish: undefined where it does
    assert judge.may_be_undefined(Integral(log(t), (t, -1, 1)), FACTS)


def test_an_opaque_function_of_the_variable_is_never_integrated():
    """Its continuity is unknown, and the sampler would draw a value per quadrature node."""
    f = Function("f")
    assert judge.may_be_undefined(Integral(f(t), (t, 0, 1)), FACTS)


def test_an_integral_keeps_its_dependence_on_an_enclosing_index_or_parameter():
    """Red-team p01, p02: an integral inside a sum over i, or under d/dt, is no constant."""
    i = Symbol("i", integer=True)
    inside = Sum((-1) ** i * Integral(exp(i * t), (t, 0, 1)), (i, 1, 2))
    assert not judge.proves_equal(inside, Integer(0), FACTS)
    assert not judge.proves_order(inside, Integer(0), FACTS, strict=False)
    s = Symbol("s", real=True)
    facts = Facts.from_hypotheses([Real(s), Real(x), Real(mu), Positive(sigma)])
    assert not judge.proves_equal(Derivative(Integral(exp(s * t), (t, 0, 1)), s), Integer(0),
                                  facts)
    assert not judge.proves_equal(Derivative(Integral(exp(t), (t, 0, s)), s), Integer(0), facts)
    # the same integral twice is still one number
    one = Integral(exp(s * t), (t, 0, 1))
    assert judge.proves_equal(Add(one, one, evaluate=False), 2 * one, facts)


def test_a_quotient_of_integrals_or_sums_is_judged_as_written():
    """Red-team q04, q05: made one opaque number, or renamed alike, a quotient cancels to 1
    before its denominator is looked at; as written it is 0/0 where the denominator vanishes."""
    s = Symbol("s", real=True)
    u = Symbol("u", real=True)
    facts = Facts.from_hypotheses([Real(s), Real(x), Real(mu), Positive(sigma)])
    quotient = Integral(sin(s * t), (t, 0, 1)) / Integral(sin(s * u), (u, 0, 1))
    assert judge.may_be_undefined(quotient, facts)
    assert not judge.proves_equal(quotient, Integer(1), facts)
    from sympy import IndexedBase
    k = Symbol("k", integer=True, positive=True)
    i, j = Symbol("i", integer=True), Symbol("j", integer=True)
    w = IndexedBase("w", real=True)
    from derivations.language.hypotheses import Size
    sums = Facts.from_hypotheses([Size(k), Real(w[i])])
    ratio = Sum(w[i], (i, 1, k)) / Sum(w[j], (j, 1, k))
    assert judge.may_be_undefined(ratio, sums)
    assert not judge.proves_equal(ratio, Integer(1), sums)
