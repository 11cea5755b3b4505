"""Route 5: what is printed must be what is checked: no two objects that print alike, no
vector shown under another object's name, no template that prints a function as something
else, no equality case proved for only part of a family."""

from __future__ import annotations

from sympy import Dummy, IndexedBase, Lambda, Sum, Symbol, log, sqrt

from derivations import (
    KL,
    CrossEntropy,
    Definition,
    Derivation,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    Vector,
    indexed_vector,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)  # noqa: E741
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
x = Symbol("x", real=True)
PRINT_ALIKE = "print as"


def _root(hypotheses, shown):
    """sqrt(s^2) = s: true for s >= 0 only."""
    return Derivation("root", "a root", tuple(hypotheses), sqrt(shown ** 2), (
        Step(shown, rules.algebra, "the root of a square"),))


@false("printing", refused=PRINT_ALIKE)
def a_dummy_named_like_a_real_symbol():
    positive = Dummy("x", positive=True)
    return _root([Real(x), Positive(positive)], positive)


@false("printing", refused=PRINT_ALIKE)
def a_latex_name_next_to_a_plain_one():
    theta = Symbol("theta", real=True)
    other = Symbol("\\theta", positive=True)
    return _root([Real(theta), Positive(other)], other)


@false("printing", refused=PRINT_ALIKE)
def a_subscripted_name_next_to_a_bracketed_one():
    a = Symbol("x_1", real=True)
    b = Symbol("x_{1}", positive=True)
    return _root([Real(a), Positive(b)], b)


@false("printing", refused=PRINT_ALIKE)
def two_functions_with_one_template():
    c = Symbol("c")
    f = named_function("f", r"g({0})")
    h = named_function("h", r"g({0})")
    return Derivation("templates", "claim",
                      (Real(x), Definition(f, Lambda(c, c + 1)), Definition(h, Lambda(c, c + 2))),
                      h(x), (Step(f(x) + 1, rules.definition, "the definitions"),))


@false("printing", refused="also prints another object")
def a_vector_shown_under_another_family_s_name():
    impostor = Vector(Symbol("p"), Lambda(j, q[j]), k)
    return Derivation("kl_zero", "claim",
                      (Size(k), Positive(p[l]), Positive(q[l]), Simplex(q, k)),
                      KL(impostor, indexed_vector(q, k)) + 0 * Sum(p[j], (j, 1, k)), (
                          Step(0 * Sum(p[j], (j, 1, k)), rules.definition,
                               "a vector from itself"),))


@false("printing", refused="both shown as|both print as 'u'")
def one_name_for_two_vectors():
    u = Symbol("u")
    uniform = Vector(u, Lambda(j, 1 / k), k)
    other = Vector(u, Lambda(j, q[j]), k)
    return Derivation("two_u", "claim", (Size(k), Positive(q[l])),
                      CrossEntropy(uniform, indexed_vector(q, k)), (
                          Step(CrossEntropy(other, indexed_vector(q, k)), rules.definition,
                               "the same u?"),))


def _template(template):
    f = named_function("f", template)
    return Derivation("templated", "f", (Real(x),), f(x), (
        Step(f(x), rules.algebra, "f is f"),))


@false("printing", refused="prints '\\\\\\\\log'")
def a_template_that_prints_a_log():
    return _template(r"\log {0}")


@false("printing", refused="prints '-'")
def a_template_that_prints_a_difference():
    return _template(r"f({0}) - 1")


@false("printing", refused="no name of its own")
def a_template_that_prints_only_its_argument():
    return _template("{0}")


@false("printing", refused="each argument exactly once")
def a_template_that_hides_an_argument():
    return _template("f({1})")


@false("printing", refused="takes exactly 1 argument")
def an_application_with_an_argument_the_template_does_not_show():
    f = named_function("f", "f({0})")
    return Derivation("hidden", "claim", (Real(x),), f(x, 1), (
        Step(f(x, 2), rules.algebra, "f is f"),))


@false("printing", refused="prints '='")
def a_template_that_prints_an_equation():
    return _template(r"f({0}) = 0")


@false("printing", fails="not every entry of q")
def an_equality_case_proved_for_all_but_the_last_entry():
    top = k - 1
    return Derivation(
        "partial_gibbs", "a partial Gibbs bound",
        (Size(k), Positive(p[l]), Positive(q[l]), Simplex(p, k), Simplex(q, k)),
        Sum(p[j] * log(q[j] / p[j]), (j, 1, top)), (
            Step(Sum(p[j] * (q[j] / p[j] - 1), (j, 1, top)),
                 rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, top)),
                 "below the tangent", relation=Relation.LE),),
        equality_if={q: p})


@true("printing")
def a_family_s_vector_shown_by_the_family_s_name():
    return Derivation("kl_self", "claim", (Size(k), Positive(q[l]), Simplex(q, k)),
                      KL(indexed_vector(q, k), indexed_vector(q, k)), (
                          Step(0 * k, rules.definition, "a distribution from itself"),))


@true("printing")
def a_named_expectation_operator():
    e = named_function("expect", r"\operatorname{{E}}\left[{0}\right]")
    return Derivation("expectation", "claim", (Real(x),), 2 * e(x), (
        Step(e(x) + e(x), rules.algebra, "two halves"),))


@true("printing")
def a_vector_with_a_name_of_its_own():
    uniform = Vector(Symbol("u"), Lambda(j, 1 / k), k)
    return Derivation("uniform_mass", "H(u, q)", (Size(k), Positive(q[l])),
                      CrossEntropy(uniform, indexed_vector(q, k)), (
                          Step(-Sum(log(q[j]) / k, (j, 1, k)), rules.definition,
                               "the cross entropy against the uniform"),))
