"""Route 5, more: objects that print alike (a symbol and a family's entry, a function template
and a family, two spellings of one Greek letter, a symbol and a family's label), misleading
templates, and equality cases proved for part of a family only."""

from __future__ import annotations

from sympy import Function, IndexedBase, Lambda, S, Sum, Symbol, exp, log, sqrt

from derivations import (
    CrossEntropy,
    Definition,
    Derivation,
    IndexRange,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    function_vector,
    indexed_vector,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

ALIKE = "print as|prints like|print alike|both shown as|also prints"


def _root(name, hypotheses, shown):
    """sqrt(s^2) = s: true for s >= 0 only."""
    return Derivation(name, "a root", tuple(hypotheses), sqrt(shown ** 2), (
        Step(shown, rules.algebra, "the root of a square"),))


@false("printing", refused=ALIKE)
def two_symbols_of_one_name_with_different_assumptions():
    plain = Symbol("x_pr1", real=True)
    positive = Symbol("x_pr1", positive=True)
    return Derivation("same_name", "claim", (Real(plain), Positive(positive)),
                      sqrt(plain ** 2) - sqrt(positive ** 2) + positive, (
                          Step(plain, rules.algebra, "roots of squares"),))


@false("printing", refused=ALIKE)
def a_latex_lambda_next_to_a_plain_lambda():
    plain = Symbol("lambda", real=True)
    other = Symbol("\\lambda", positive=True)
    return _root("lambdas", [Real(plain), Positive(other)], other)


@false("printing", refused=ALIKE)
def a_symbol_named_like_the_first_entry_of_a_family():
    z = IndexedBase("zz", real=True)
    c = Symbol("c_pr3", integer=True)
    fake = Symbol("zz_1", positive=True)
    return Derivation("entry_like", "claim", (Real(z[c]), Positive(fake)),
                      sqrt(fake ** 2) + z[1], (
                          Step(2 * z[1], rules.algebra, "a root of a square"),))


@false("printing", refused=ALIKE)
def a_function_template_that_prints_like_a_family_entry():
    q = IndexedBase("q_pr4", positive=True)
    c = Symbol("c_pr4", integer=True)
    f = named_function("f_pr4", "q_{{pr4}}_{{{0}}}")
    return Derivation("template_entry", '$log q_1$', (Positive(q[c]),), log(q[1] ** 2) + f(1), (
        Step(2 * log(q[1]) + f(1), rules.algebra, "a power out of the log"),))


@false("printing", refused=ALIKE)
def a_symbol_named_like_a_summand_entry():
    w = IndexedBase("w", positive=True)
    i = Symbol("i", integer=True)
    k = Symbol("k_pr5", integer=True, positive=True)
    c = Symbol("c_pr5", integer=True)
    fake = Symbol("w_i", positive=True)
    return Derivation("summand_like", "claim", (Size(k), Positive(w[c]), Positive(fake)),
                      Sum(fake, (i, 1, k)), (Step(k * fake, rules.algebra, "k equal terms"),))


@false("printing", fails="print|differ")
def a_symbol_named_like_a_family_label():
    q = IndexedBase("q", positive=True)
    c = Symbol("c_pr6", integer=True)
    lone = Symbol("q", real=True)
    return Derivation("label_like", "a root", (Positive(q[c]), Real(lone)),
                      sqrt(lone ** 2) + log(q[1]), (
                          Step(lone + log(q[1]), rules.algebra, "a root of a square"),))


@false("printing", refused=ALIKE)
def two_functions_of_one_name_with_different_assumptions():
    f = Function("f_pr7", real=True)
    g = Function("f_pr7", positive=True)
    x = Symbol("x_pr7", real=True)
    return Derivation("fn_alike", "claim", (Real(x), Real(f(x)), Positive(g(x))),
                      sqrt(f(x) ** 2), (Step(g(x), rules.algebra, "a root of a square"),))


@false("printing", refused=ALIKE)
def a_vector_shown_under_another_familys_name():
    p = IndexedBase("p_pr8", positive=True)
    q = IndexedBase("q_pr8", positive=True)
    k = Symbol("k_pr8", integer=True, positive=True)
    c = Symbol("c_pr8", integer=True)
    j = Symbol("j_pr8", integer=True)
    shown_as_p = indexed_vector(q, k, display=Symbol("p_pr8"))
    return Derivation("vec_alike", "H(p, q)", (Size(k), Positive(p[c]), Positive(q[c])),
                      CrossEntropy(shown_as_p, indexed_vector(q, k)) + 0 * p[1], (
                          Step(-Sum(q[j] * log(q[j]), (j, 1, k)), rules.definition,
                               "unfold"),))


@false("printing", refused="one-hot|prints like|print")
def a_uniform_vector_shown_as_an_italic_one_hot():
    q = IndexedBase("q_pr9", positive=True)
    k = Symbol("k_pr9", integer=True, positive=True)
    y = Symbol("y_pr9", integer=True)
    c = Symbol("c_pr9", integer=True)
    j = Symbol("j_pr9", integer=True)
    shown = Symbol("e_{y_{pr9}}")
    return Derivation("italic_e", '$H(e_y, q)$', (Size(k), IndexRange(y, 1, k), Positive(q[c])),
                      CrossEntropy(function_vector(lambda _: 1 / k, shown, k),
                                   indexed_vector(q, k)), (
                          Step(-Sum(log(q[j]), (j, 1, k)) / k, rules.definition,
                               "unfold"),))


@false("printing", fails="not every entry|equality")
def an_equality_case_proved_without_the_first_entry():
    p = IndexedBase("p_pr10", positive=True)
    q = IndexedBase("q_pr10", positive=True)
    k = Symbol("k_pr10", integer=True, positive=True)
    c = Symbol("c_pr10", integer=True)
    j = Symbol("j_pr10", integer=True)
    return Derivation(
        "partial_first", "a partial Gibbs bound",
        (Size(k), Positive(p[c]), Positive(q[c]), Simplex(p, k), Simplex(q, k)),
        Sum(p[j] * log(q[j] / p[j]), (j, 2, k)), (
            Step(Sum(p[j] * (q[j] / p[j] - 1), (j, 2, k)),
                 rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 2, k)),
                 "below the tangent", relation=Relation.LE),),
        equality_if={q: p})


@false("printing", fails="equality|not")
def an_equality_case_at_the_wrong_point():
    a = Symbol("a_pr11", positive=True)
    return Derivation("wrong_point", "claim", (Positive(a),),
                      log(a), (
                          Step(a - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, S.One, a),
                               "below the tangent", relation=Relation.LE),),
                      equality_if={a: S(2)})


@false("printing", fails="equality|not")
def an_equality_case_with_a_zero_weight():
    a = Symbol("a_pr12", positive=True)
    b = Symbol("b_pr12", real=True)
    return Derivation("zero_weight", "claim",
                      (Positive(a), Real(b)), b ** 2 * log(a), (
                          Step(b ** 2 * (a - 1),
                               rules.by_lemma(rules.LOG_BELOW_TANGENT, b ** 2, a),
                               "below the tangent", relation=Relation.LE),),
                      equality_if={a: S.One})


@true("printing")
def an_equality_case_of_a_single_tangent():
    a = Symbol("a_pr13", positive=True)
    return Derivation("tangent_eq", "claim", (Positive(a),),
                      log(a), (
                          Step(a - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, S.One, a),
                               "below the tangent", relation=Relation.LE),),
                      equality_if={a: S.One})


@true("printing")
def a_named_function_with_a_name_of_its_own():
    t = Symbol("t_pr14", real=True)
    softplus = named_function("softplus_pr14", r"\operatorname{{softplus}}({0})")
    x = Symbol("x_pr14", real=True)
    d = Definition(softplus, Lambda(t, log(1 + exp(t))))
    return Derivation("softplus_def", "softplus(x) - x", (Real(x), Real(t), d),
                      softplus(x), (Step(log(1 + exp(x)), rules.definition, "unfold"),))


@true("printing")
def a_full_gibbs_equality_case():
    p = IndexedBase("p_pr15", positive=True)
    q = IndexedBase("q_pr15", positive=True)
    k = Symbol("k_pr15", integer=True, positive=True)
    c = Symbol("c_pr15", integer=True)
    j = Symbol("j_pr15", integer=True)
    return Derivation(
        "full_gibbs", "a Gibbs bound",
        (Size(k), Positive(p[c]), Positive(q[c]), Simplex(p, k), Simplex(q, k)),
        Sum(p[j] * log(q[j] / p[j]), (j, 1, k)), (
            Step(Sum(p[j] * (q[j] / p[j] - 1), (j, 1, k)),
                 rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, k)),
                 "below the tangent", relation=Relation.LE),
            Step(Sum(q[j], (j, 1, k)) - Sum(p[j], (j, 1, k)), rules.algebra, "split"),
            Step(S.Zero, rules.algebra, "both sum to one"),),
        equality_if={q: p})
