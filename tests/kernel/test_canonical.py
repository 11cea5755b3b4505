"""The canonicaliser: sound rewrites only, so ``prove_equal`` says True only for true identities."""

from __future__ import annotations

import pytest
from sympy import (
    Function,
    IndexedBase,
    KroneckerDelta,
    Lambda,
    Product,
    Sum,
    Symbol,
    log,
)

from derivations.kernel.binders import bound_symbol, rename_bound
from derivations.kernel.canonical import canonical, prove_equal
from derivations.kernel.positivity import is_nonnegative, is_positive
from derivations.language.hypotheses import (
    Definition,
    Facts,
    IndexRange,
    Positive,
    Size,
)
from derivations.language.notation import (
    KL,
    CrossEntropy,
    Entropy,
    indexed_vector,
    named_function,
)

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)  # noqa: E741  (a bound variable, as in the papers)
y = Symbol("y", integer=True)
n = Symbol("n", integer=True)
a = Symbol("a", positive=True)
b = Symbol("b", positive=True)
a_real = Symbol("a", real=True)
b_real = Symbol("b", real=True)
c = Symbol("c", real=True)
x = Symbol("x")
q = IndexedBase("q", positive=True)
p = IndexedBase("p", positive=True)
q_real = IndexedBase("q", real=True)
p_real = IndexedBase("p", real=True)
w = IndexedBase("w")
f = named_function("f", "f({0})", positive=True)
g = Function("g")

FACTS = Facts.from_hypotheses([Size(k), Size(m), IndexRange(y, 1, k), Positive(q[j]),
                               Positive(p[j]), Positive(a), Positive(b)])
NO_RANGE = Facts.from_hypotheses([Size(k), Size(m), Positive(q[j]), Positive(p[j])])

P, Q = indexed_vector(p, k), indexed_vector(q, k)
P_REAL, Q_REAL = indexed_vector(p_real, k), indexed_vector(q_real, k)
DELTA_SUM = Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k))


@pytest.mark.parametrize(("lhs", "rhs", "facts", "expected"), [
    # bound variables are names, nothing more
    pytest.param(Sum(q[j], (j, 1, k)), Sum(q[l], (l, 1, k)), FACTS, True, id="rename j -> l"),
    pytest.param(Sum(Sum(w[i, j], (j, 1, k)), (i, 1, m)), Sum(Sum(w[l, j], (j, 1, k)), (l, 1, m)),
                 FACTS, True, id="rename in a nested sum"),
    pytest.param(Sum(w[i, j], (j, 1, k), (i, 1, m)), Sum(Sum(w[i, j], (j, 1, k)), (i, 1, m)),
                 FACTS, True, id="multi-limit sum equals the nested one"),
    pytest.param(Sum(w[i, j], (j, 1, k), (i, 1, m)), Sum(w[l, i], (i, 1, k), (l, 1, m)),
                 FACTS, True, id="rename in a multi-limit sum"),
    pytest.param(Sum(w[i, j], (j, 1, k), (i, 1, m)), Sum(w[i, j], (j, 1, m), (i, 1, k)),
                 FACTS, False, id="multi-limit ranges swapped"),
    pytest.param(Sum(Sum(w[i, j], (i, 1, j)), (j, 1, k)), Sum(Sum(w[i, j], (j, 1, i)), (i, 1, k)),
                 FACTS, False, id="triangle i <= j is not triangle j <= i"),
    # the range of a sum matters
    pytest.param(Sum(q[j], (j, 1, k)), Sum(q[j], (j, 1, k - 1)), FACTS, False, id="k -> k-1"),
    pytest.param(Sum(q[j], (j, 1, k)), Sum(q[j], (j, 0, k)), FACTS, False, id="start at 0"),
    # linearity and constant factors
    pytest.param(Sum(2 * q[j] + p[j], (j, 1, k)), 2 * Sum(q[j], (j, 1, k)) + Sum(p[j], (j, 1, k)),
                 FACTS, True, id="linearity"),
    pytest.param(Sum(2 * q[j] + p[j], (j, 1, k)), 2 * Sum(q[j], (j, 1, k)), FACTS, False,
                 id="linearity, a term dropped"),
    pytest.param(Sum(c * q[j], (j, 1, k)), c * Sum(q[j], (j, 1, k)), FACTS, True,
                 id="constant factor out"),
    pytest.param(Sum(c * q[j], (j, 1, k)), Sum(q[j], (j, 1, k)), FACTS, False,
                 id="constant factor lost"),
    pytest.param(Sum(c, (j, 1, k)), k * c, FACTS, True, id="sum of a constant"),
    pytest.param(Sum(c, (j, 1, k)), (k + 1) * c, FACTS, False, id="sum of a constant, off by one"),
    pytest.param(Sum(c, (j, 0, k)), (k + 1) * c, FACTS, True, id="sum of a constant from 0"),
    pytest.param(Sum(q[i], (i, 1, m)) / m, Sum(q[i] / m, (i, 1, m)), FACTS, True, id="1/m inside"),
    pytest.param(Sum(q[i], (i, 1, m)) / m, Sum(q[i] / (m + 1), (i, 1, m)), FACTS, False,
                 id="1/m -> 1/(m+1)"),
    pytest.param(Product(a, (i, 1, m)), a ** m, FACTS, True, id="product of a constant"),
    pytest.param(Product(a * f(i), (i, 1, m)), a ** m * Product(f(i), (i, 1, m)), FACTS, True,
                 id="product of a product"),
    # delta summation needs the range of the hot index
    pytest.param(DELTA_SUM, log(q[y]), FACTS, True, id="delta collapse, label in [1, k]"),
    pytest.param(DELTA_SUM, log(q[y]), NO_RANGE, False, id="delta collapse, no range"),
    pytest.param(Sum(KroneckerDelta(j, y) * log(q[j]), (j, 0, k)), log(q[y]), FACTS, True,
                 id="delta collapse, sum over a wider range"),
    pytest.param(Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k - 1)), log(q[y]), FACTS, False,
                 id="delta collapse, sum stops before k"),
    pytest.param(Sum(KroneckerDelta(y, j) * q[j], (j, 1, k)), q[y], FACTS, True,
                 id="delta collapse, arguments reversed"),
    pytest.param(Sum(KroneckerDelta(j, y) * w[i, j], (j, 1, k), (i, 1, m)),
                 Sum(w[i, y], (i, 1, m)), FACTS, True, id="delta collapse in a multi-limit sum"),
    pytest.param(DELTA_SUM, log(q[1]), FACTS, False, id="delta collapse to the wrong entry"),
    # a log splits only where the hypotheses prove the factors positive
    pytest.param(log(a * b), log(a) + log(b), FACTS, True, id="log(ab), a, b > 0"),
    pytest.param(log(a_real * b_real), log(a_real) + log(b_real), FACTS, False,
                 id="log(ab), a, b only real"),
    pytest.param(log(a ** 2), 2 * log(a), FACTS, True, id="log(a^2), a > 0"),
    pytest.param(log(a_real ** 2), 2 * log(a_real), FACTS, False, id="log(a^2), a only real"),
    pytest.param(log(a / b), log(a) - log(b), FACTS, True, id="log(a/b), a, b > 0"),
    pytest.param(log(q[1] * q[2]), log(q[1]) + log(q[2]), FACTS, True,
                 id="log of positive entries"),
    pytest.param(log(w[1] * w[2]), log(w[1]) + log(w[2]), FACTS, False,
                 id="log of entries of unknown sign"),
    pytest.param(log(Product(f(i), (i, 1, m))), Sum(log(f(i)), (i, 1, m)), FACTS, True,
                 id="log of a product of positive factors"),
    pytest.param(log(Product(g(i), (i, 1, m))), Sum(log(g(i)), (i, 1, m)), FACTS, False,
                 id="log of a product of factors of unknown sign"),
    # information quantities
    pytest.param(CrossEntropy(P, Q), Entropy(P) + KL(P, Q), FACTS, True, id="H(p,q) = H(p) + KL"),
    pytest.param(CrossEntropy(P, Q), Entropy(P) - KL(P, Q), FACTS, False,
                 id="H(p,q) = H(p) - KL (sign flipped)"),
    pytest.param(CrossEntropy(P, Q), Entropy(Q) + KL(Q, P), FACTS, False,
                 id="H(p,q) = H(q) + KL(q||p) (p and q swapped)"),
    pytest.param(CrossEntropy(P_REAL, Q_REAL), Entropy(P_REAL) + KL(P_REAL, Q_REAL), FACTS, False,
                 id="H(p,q) = H(p) + KL needs positive p and q"),
    pytest.param(CrossEntropy(P, Q), -Sum(p[j] * log(q[j]), (j, 1, k)), FACTS, True,
                 id="H(p,q) unfolds to its sum"),
    pytest.param(CrossEntropy(P, Q), -Sum(q[j] * log(p[j]), (j, 1, k)), FACTS, False,
                 id="H(p,q) is not H(q,p)"),
])
def test_prove_equal(lhs, rhs, facts, expected):
    assert prove_equal(lhs, rhs, facts) is expected


def test_prove_equal_applies_definitions_only_when_they_are_hypotheses():
    h = named_function("h", "h({0})")
    defined = Facts.from_hypotheses([Definition(h, Lambda(x, 2 * x + 1))])
    assert prove_equal(h(c), 2 * c + 1, defined) is True
    assert prove_equal(h(c), 2 * c + 1, Facts()) is False


@pytest.mark.parametrize(("lo", "hi"), [(-2, -1), (-k, -1)])
def test_assumptions_on_a_bound_variable_do_not_split_logs_outside_its_range(lo, hi):
    # A summation variable declared positive is no hypothesis: over j = -2, -1 the sum of
    # log(j^2) is log 4, the sum of 2 log j is 2 log 2 + 4 pi i. (Was proved equal before
    # bound variables were renamed ahead of expand_log.)
    jp = Symbol("j", integer=True, positive=True)
    assert prove_equal(Sum(log(jp ** 2), (jp, lo, hi)), Sum(2 * log(jp), (jp, lo, hi)),
                       FACTS) is False


def test_rename_bound_numbers_variables_by_depth_from_the_innermost():
    b0, b1 = bound_symbol(0), bound_symbol(1)
    assert rename_bound(Sum(w[i, j], (j, 1, k), (i, 1, m))) == Sum(w[b1, b0], (b0, 1, k),
                                                                   (b1, 1, m))
    assert rename_bound(Sum(q[j], (j, 1, k)) + Sum(p[l], (l, 1, k))) == \
        Sum(q[b0], (b0, 1, k)) + Sum(p[b0], (b0, 1, k))


def test_rename_bound_leaves_free_symbols_alone():
    assert rename_bound(Sum(q[j] * y, (j, 1, k)) + j) == Sum(q[bound_symbol(0)] * y,
                                                             (bound_symbol(0), 1, k)) + j


def test_bound_symbols_are_shared_integers_reserved_for_the_engine():
    assert bound_symbol(2) is bound_symbol(2)
    assert (bound_symbol(2).name, bound_symbol(2).is_integer) == ("_b2", True)


def test_canonical_form_has_no_notation_left():
    form = canonical(CrossEntropy(P, Q), FACTS)
    assert not form.atoms(CrossEntropy) and form.atoms(Sum)


@pytest.mark.parametrize(("expr", "expected"), [
    (a * q[1], True),
    (f(c), True),
    (a - b, False),
    (c ** 2, False),  # c may be 0
    (Sum(q[j], (j, 1, k)), True),
    (Sum(q[j], (j, 1, n)), False),  # n may be 0 or negative: the sum is then 0 or negative
])
def test_is_positive(expr, expected):
    assert is_positive(expr, FACTS) is expected


def test_is_positive_reads_through_definitions():
    h = named_function("h", "h({0})")
    defined = Facts.from_hypotheses([Definition(h, Lambda(x, a + x ** 2))])
    assert is_positive(h(c), defined) is True
    assert is_positive(h(c), Facts()) is False


@pytest.mark.parametrize(("expr", "expected"), [
    (c ** 2, True),
    (a - b, False),
    (Sum(q[j] ** 2, (j, 1, k)), True),
    (c, False),
])
def test_is_nonnegative(expr, expected):
    assert is_nonnegative(expr, FACTS) is expected


# -- memoisation: remembered only where == means interchangeable --------------------------------


@pytest.mark.parametrize(("expr", "remembered"), [
    (Sum(IndexedBase("p")[j], (j, 1, k)), True),
    # == ignores offsets and strides (names of their own: SymPy's cache would hand back p)
    (Sum(IndexedBase("p_offset", offset=1)[j], (j, 1, k)), False),
    (IndexedBase("p_strides", strides=(2,))[j], False),
    (log(k), True),
])
def test_only_interchangeable_expressions_are_remembered(expr, remembered):
    from derivations.kernel.canonical import _interchangeable

    assert _interchangeable(expr) is remembered


@pytest.mark.parametrize("expr", [
    Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)),
    Sum(q[j] * log(q[j]), (j, 1, k)) - Sum(q[l] * log(q[l]), (l, 1, k)),
    log(Product(q[j], (j, 1, k))),
])
def test_remembered_forms_are_the_forms_computed_afresh(expr):
    first = canonical(expr, FACTS)
    assert canonical(expr, FACTS) is first  # the second call is served from memory
    assert canonical.__wrapped__(expr, FACTS) == first
