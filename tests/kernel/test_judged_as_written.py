"""Red-team round 19: what SymPy evaluates before the kernel judges a side (a definition's
binders renamed, a term at an integer index, a derivative carried out, an antiderivative's
prepared side) must not hide a point where the side has no value."""

from __future__ import annotations

from sympy import Derivative, Function, Integer, Lambda, Sum, Symbol, cos, gamma, pi, sin, sqrt

from derivations.kernel import judge
from derivations.language.hypotheses import Definition, Facts, Real, Size
from derivations.language.notation import XLogY

k = Symbol("k", integer=True, positive=True)
x, y = Symbol("x", real=True), Symbol("y", real=True)
i, j, t = Symbol("i"), Symbol("j"), Symbol("t")


def test_a_definitions_binder_is_renamed_without_evaluation():
    """u01: f(t) = sum_i gamma(t) sin(pi i): renamed to an integer, the sum was 0 and f(0)
    was judged to have a value."""
    f = Function("f")
    facts = Facts.from_hypotheses([Size(k), Real(x), Definition(
        f, Lambda(t, Sum(gamma(t) * sin(pi * i), (i, 0, k))))])
    assert judge.may_be_undefined(f(x), facts)
    assert not judge.proves_equal(f(x), Integer(0), facts)


def test_xlogy_at_a_generic_index_is_judged_as_substituted():
    """u05: at a positive index j, SymPy makes xlogy(j, y) j log y, and sin(pi j) xlogy(j, x)
    the number 0: the term is judged before either."""
    facts = Facts.from_hypotheses([Size(k), Real(x)])
    weighted = Sum(XLogY(j, (x - cos(x)) ** 2), (j, 1, k))
    assert judge.undefined_xlogy(weighted, facts) is not None
    assert judge.undefined_xlogy(Sum(sin(pi * j) * XLogY(j, x), (j, 1, k)), facts) is not None
    square = (weighted + 1) ** 2 - weighted ** 2 - 2 * weighted
    assert not judge.proves_equal(square, Integer(1), facts)


def test_a_derivative_is_judged_carried_out_on_its_own():
    """u02: d/dx sqrt(x^2 + y^2) has no value at 0, where SymPy cancels it against the root."""
    facts = Facts.from_hypotheses([Real(x), Real(y)])
    root = sqrt(x ** 2 + y ** 2)
    assert judge.may_be_undefined(Derivative(root, x) * root, facts)
    assert not judge.proves_equal(Derivative(root, x) * root, x, facts)
    smooth = sqrt(x ** 2 + 1)
    assert judge.proves_equal(Derivative(smooth, x) * smooth, x, facts)


def test_a_root_of_a_base_that_may_be_negative_has_no_real_value():
    """u10: (sqrt(u) + 1)^2 - u - 2 sqrt(u) = 1 holds over the complex numbers, but where u < 0
    neither side is real, and the statement is about reals: a fractional power of a base not
    shown non-negative may have no value."""
    from sympy import Rational

    from derivations.language.hypotheses import Nonnegative

    facts = Facts.from_hypotheses([Real(x)])
    u = cos(x) + 1 - Rational(1, 10 ** 40)
    assert judge.may_be_undefined(sqrt(u), facts)
    assert judge.may_be_undefined(x ** Rational(1, 3), facts)
    assert not judge.proves_equal((sqrt(u) + 1) ** 2 - u - 2 * sqrt(u), Integer(1), facts)
    assert not judge.may_be_undefined(sqrt(x ** 2 + 1) + (x ** 2) ** Rational(1, 3), facts)
    w = Symbol("w", nonnegative=True)
    shown = Facts.from_hypotheses([Nonnegative(w)])
    assert judge.proves_equal((sqrt(w) + 1) ** 2 - w - 2 * sqrt(w), Integer(1), shown)


def test_a_definition_is_unfolded_without_capturing_its_argument():
    """Round 20, v07: f(t) = sum_j j sum_i t i renamed the inner binder first, the outer kept
    j, and f(j) captured the argument (15 for the true 9)."""
    from sympy import Symbol as S

    from derivations.language.hypotheses import IndexRange

    jj = S("j", integer=True)
    f = Function("f")
    facts = Facts.from_hypotheses([IndexRange(jj, 1, 1), Definition(
        f, Lambda(t, Sum(jj * Sum(t * i, (i, 1, 2)), (jj, 1, 2))))])
    assert facts.apply_definitions(f(jj)).doit() == 9 * jj
    assert not judge.proves_equal(f(jj), Integer(15), facts)


def test_a_derivative_left_in_a_carried_out_form_does_not_hide_a_pole():
    """Round 20: d/dx (sqrt(x^2 + y^2) g(x)) keeps g'(x), and the kernel judged nothing of it;
    its other term x g(x) / sqrt(x^2 + y^2) has no value at 0."""
    g = Function("g")
    r = sqrt(x ** 2 + y ** 2)
    facts = Facts.from_hypotheses([Real(x), Real(y)])
    assert judge.may_be_undefined(Derivative(r * g(x), x) * r, facts)
    assert not judge.may_be_undefined(Derivative(x ** 2 * sqrt(x ** 2 + 1), x), facts)


def test_a_derivative_that_cannot_be_carried_out_may_have_no_value():
    """Red-team round 21 (w03, w08): d/dx max(0, x) and d/dx |x| have no value at 0, and g'(x)
    of an opaque g need not exist; the algebra treated each as a number."""
    from sympy import Abs, Max

    facts = Facts.from_hypotheses([Real(x)])
    g = Function("g")
    for rough in (Derivative(Max(0, x), x), Derivative(Abs(x), x), Derivative(g(x), x)):
        assert judge.may_be_undefined(rough, facts)
        assert not judge.proves_equal((rough + 1) ** 2 - rough ** 2 - 2 * rough, Integer(1),
                                      facts)
    assert not judge.may_be_undefined(Derivative(x ** 3, x), facts)


def test_sympy_convergence_is_trusted_on_rational_and_exponential_terms_only():
    """Red-team round 22 (x06): SymPy calls sum 1/(1 + n^2 sin(n)^2) absolutely convergent;
    it diverges, so S - S = 0 is infinity minus infinity."""
    from sympy import Add, oo

    n = Symbol("n", integer=True)
    facts = Facts.from_hypotheses([])
    wild = Sum(1 / (1 + n ** 2 * sin(n) ** 2), (n, 2, oo))
    assert judge.may_be_undefined(wild, facts)
    assert not judge.proves_equal(Add(wild, -wild, evaluate=False), Integer(0), facts)
