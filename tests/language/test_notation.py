"""Notation: optimisers, vectors and information quantities, and what they unfold to."""

from __future__ import annotations

import pytest
from sympy import (
    Eq,
    Function,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Lambda,
    Rational,
    Sum,
    Symbol,
    latex,
    log,
)

from derivations.language.notation import (
    KL,
    Argmax,
    Argmin,
    CrossEntropy,
    Entropy,
    OneHot,
    Vector,
    flipped,
    function_vector,
    indexed_vector,
    is_named_function,
    named_function,
    unfold,
)

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
x = Symbol("x", real=True)
theta = Symbol("theta", real=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
P, Q = indexed_vector(p, k), indexed_vector(q, k)


@pytest.mark.parametrize(("cls", "objective", "variable", "message"), [
    (Argmax, Eq(x, 1), theta, "the objective of Argmax must be a SymPy expression"),
    (Argmin, x, x + 1, r"Argmin optimises over a Symbol, got x \+ 1"),
    (Argmin, x, IndexedBase("w")[1], r"Argmin optimises over a Symbol, got w\[1\]"),
])
def test_an_optimum_needs_an_expression_and_a_symbol(cls, objective, variable, message):
    with pytest.raises(TypeError, match=message):
        cls(objective, variable)


@pytest.mark.parametrize(("cls", "sense"), [(Argmax, "max"), (Argmin, "min")])
def test_an_optimum_keeps_its_sense_and_variable_under_a_new_objective(cls, sense):
    opt = cls(x * theta, theta)
    new = opt.with_objective(-x * theta)
    assert (type(new), new.sense, new.variable, new.objective) == (cls, sense, theta, -x * theta)


@pytest.mark.parametrize(("sense", "other"), [("max", "min"), ("min", "max")])
def test_flipped(sense, other):
    assert flipped(sense) == other


@pytest.mark.parametrize("rule", [lambda c: c, Lambda((j, y), j + y), q[j]])
def test_a_vector_rule_must_be_a_one_argument_lambda(rule):
    with pytest.raises(TypeError, match="a Vector's rule must be a one-argument Lambda"):
        Vector(Symbol("v"), rule, k)


def test_vector_components():
    v = Vector(Symbol("u"), Lambda(j, 1 / k), k)
    assert (v.component(Integer(2)), v.size, v.display) == (1 / k, k, Symbol("u"))
    assert P.component(Integer(3)) == p[3] and P.display == Symbol("p")
    f = named_function("q_out", "q_{{{0}}}({1})", positive=True)
    fv = function_vector(lambda c: f(c, x), Symbol("qx"), k)
    assert fv.component(y) == f(y, x) and fv.size == k


def test_one_hot_components_are_kronecker_deltas():
    e = OneHot(y, k)
    assert (e.hot, e.size, e.display) == (y, k, y)
    assert e.component(j) == KroneckerDelta(j, y)


@pytest.mark.parametrize(("make", "message"), [
    (lambda: CrossEntropy(P, indexed_vector(q, m)),
     "cross entropy needs two vectors of one size, got k and m"),
    (lambda: KL(P, indexed_vector(q, m)),
     "KL divergence needs two vectors of one size, got k and m"),
])
def test_information_quantities_need_vectors_of_one_size(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize(("quantity", "expected"), [
    (CrossEntropy(P, Q), lambda c: -Sum(p[c] * log(q[c]), (c, 1, k))),
    (Entropy(P), lambda c: -Sum(p[c] * log(p[c]), (c, 1, k))),
    (KL(P, Q), lambda c: Sum(p[c] * log(p[c] / q[c]), (c, 1, k))),
    (CrossEntropy(OneHot(y, k), Q), lambda c: -Sum(KroneckerDelta(c, y) * log(q[c]), (c, 1, k))),
])
def test_unfold_gives_the_defining_sum(quantity, expected):
    form = unfold(quantity)
    (c,) = {lim[0] for s in form.atoms(Sum) for lim in s.limits}
    assert form == expected(c)
    assert quantity.is_real


def test_unfold_reaches_quantities_inside_expressions():
    form = unfold(2 * CrossEntropy(P, Q) + Entropy(P))
    assert not form.atoms(CrossEntropy, Entropy) and len(form.atoms(Sum)) == 2


#: Probability vectors for the oracle, as exact rationals.
P3 = [Rational(1, 2), Rational(1, 3), Rational(1, 6)]
Q3 = [Rational(1, 5), Rational(3, 10), Rational(1, 2)]


def _at_size_three(quantity) -> float:
    values = {p[n + 1]: P3[n] for n in range(3)} | {q[n + 1]: Q3[n] for n in range(3)}
    return float(unfold(quantity).subs(k, 3).doit().xreplace(values))


@pytest.mark.parametrize(("quantity", "oracle"), [
    (Entropy(P), lambda stats, p3, q3: stats.entropy(p3)),
    (KL(P, Q), lambda stats, p3, q3: stats.entropy(p3, q3)),
    (CrossEntropy(P, Q), lambda stats, p3, q3: stats.entropy(p3) + stats.entropy(p3, q3)),
])
def test_unfolded_quantities_agree_with_scipy(quantity, oracle):
    stats = pytest.importorskip("scipy.stats")
    expected = oracle(stats, [float(v) for v in P3], [float(v) for v in Q3])
    assert _at_size_three(quantity) == pytest.approx(float(expected), rel=1e-12)


def test_named_function_prints_through_its_template():
    f = named_function("p_cond", r"p({0} \mid {1}; {2})", positive=True)
    assert latex(f(y, x, theta)) == r"p(y \mid x; \theta)"
    assert f(y, x, theta).is_positive
    assert is_named_function(f) and not is_named_function(Function("g"))


def test_an_argument_a_template_leaves_unbracketed_is_bracketed_when_it_is_not_atomic():
    """Red-team g01 (tests/data/redteam_g01_template_without_brackets.py): with the template
    "sq {0}", sq(x + y) printed as sq(x) + y does, and a true theorem read as a false one."""
    sq = named_function("sq", r"\operatorname{{sq}} {0}")
    assert latex(sq(x + y)) == r"\operatorname{sq} \left(x + y\right)"
    assert latex(sq(x) + y) != latex(sq(x + y))
    assert latex(sq(x)) == r"\operatorname{sq} x"  # a single symbol needs no brackets
    assert latex(sq(-1)) == r"\operatorname{sq} \left(-1\right)"
    shifted = named_function("shifted", r"\operatorname{{s}}(z + {0}\,\mathbf{{1}})_{{{1}}}")
    assert latex(shifted(x + y, theta)) == \
        r"\operatorname{s}(z + \left(x + y\right)\,\mathbf{1})_{\theta}"


def test_the_g01_theorem_prints_what_was_checked():
    from pathlib import Path

    from derivations import check_all
    from derivations.loader import from_file
    from derivations.render.latex import fragment

    (d,) = from_file(Path(__file__).parent.parent / "data"
                     / "redteam_g01_template_without_brackets.py")
    (result,) = check_all([d])
    assert result.ok and r"\operatorname{sq} \left(x + y\right)" in fragment(result)


@pytest.mark.parametrize("name", ["p cond", "1p", "p-cond", ""])
def test_named_function_needs_an_identifier(name):
    with pytest.raises(ValueError, match=f"function name {name!r} is not an identifier"):
        named_function(name, "p")
