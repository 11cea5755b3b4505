"""Route 4: citations (rules.by_theorem). A cited theorem must be the loaded, checked one; its
hypotheses must hold for the instance in the citer; the mapping must give the step's
certificate; its grade and equality case cannot be improved on by citing it."""

from __future__ import annotations

import dataclasses

from sympy import IndexedBase, Integer, KroneckerDelta, Lambda, S, Sum, Symbol, log

from derivations import (
    KL,
    CrossEntropy,
    Definition,
    Derivation,
    Entropy,
    IndexRange,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    named_function,
    rules,
)
from tests.adversarial.corpus import false, true

NOT_IMPLIED = "not implied|not established"


def _square(name="sq_c", a=None):
    """0 <= a^2 for real a."""
    a = a if a is not None else Symbol("a_c", real=True)
    return a, Derivation(name, "a square is non-negative", (Real(a),), S.Zero, (
        Step(a ** 2, rules.inequality, "a square", relation=Relation.LE),))


def _tangent(name="tangent_c"):
    """log x <= x - 1 for x > 0."""
    x = Symbol("x_tan", positive=True)
    return x, Derivation(name, "log below its tangent", (Positive(x),), log(x), (
        Step(x - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, Integer(1), x),
             "below the tangent", relation=Relation.LE),))


def _gibbs(name="gibbs_c"):
    """KL(p || q) >= 0 for positive distributions p, q, equality iff q = p."""
    k = Symbol("k_g", integer=True, positive=True)
    j = Symbol("j_g", integer=True)
    c = Symbol("c_g", integer=True)
    p, q = IndexedBase("p_g", positive=True), IndexedBase("q_g", positive=True)
    vp, vq = indexed_vector(p, k), indexed_vector(q, k)
    hyps = (Size(k), Simplex(p, k), Positive(p[c]), Simplex(q, k), Positive(q[c]))
    return (k, j, c, p, q), Derivation(name, "Gibbs", hyps, KL(vp, vq), (
        Step(-Sum(p[j] * log(q[j] / p[j]), (j, 1, k)), rules.definition, "definition"),
        Step(-Sum(p[j] * (q[j] / p[j] - 1), (j, 1, k)),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, k)),
             "below the tangent", relation=Relation.GE),
        Step(Sum(p[j], (j, 1, k)) - Sum(q[j], (j, 1, k)), rules.algebra, "split"),
        Step(S.Zero, rules.algebra, "both sum to one"),), equality_if={q: p})


# --- false ---------------------------------------------------------------------------------


@false("citations", fails="not the loaded|not among the loaded|does not check")
def a_forged_square_bound_with_a_larger_start():
    a, sq = _square("sq_forged")
    b = Symbol("b_forged", real=True)
    forged = dataclasses.replace(sq, steps=(
        Step(a ** 2 - 1, rules.inequality, "a square", relation=Relation.LE),))
    return sq, Derivation("cite_forged", "claim", (Real(b),), S.Zero, (
        Step(b ** 2 - 1, rules.by_theorem(forged, {a: b}), "a square",
             relation=Relation.LE),))


@false("citations", fails="not the loaded|not among the loaded|does not check|differ")
def a_citation_of_a_theorem_that_is_never_loaded():
    a = Symbol("a_unloaded", real=True)
    wrong = Derivation("sq_unloaded", "claim", (Real(a),), S.Zero, (
        Step(a ** 2 - 4, rules.inequality, "a square minus four", relation=Relation.LE),))
    b = Symbol("b_unloaded", real=True)
    return Derivation("cite_unloaded", "claim", (Real(b),), S.Zero, (
        Step(b ** 2 - 4, rules.by_theorem(wrong, {a: b}), "cited", relation=Relation.LE),))


@false("citations", fails="does not check|fails|differ|not established")
def a_citation_of_a_false_loaded_theorem():
    a = Symbol("a_false", real=True)
    wrong = Derivation("sq_false", "claim", (Real(a),), S.Zero, (
        Step(a ** 2 - 4, rules.inequality, "a square minus four", relation=Relation.LE),))
    b = Symbol("b_false", real=True)
    return wrong, Derivation("cite_false", "claim", (Real(b),), S.Zero, (
        Step(b ** 2 - 4, rules.by_theorem(wrong, {a: b}), "cited", relation=Relation.LE),))


@false("citations", fails=NOT_IMPLIED)
def a_tangent_bound_cited_at_a_real_argument():
    x, tan = _tangent("tangent_real")
    r = Symbol("r_real", real=True)
    return tan, Derivation("cite_tangent_real", "claim", (Real(r),),
                           log(r ** 2 - 2), (
                               Step(r ** 2 - 3, rules.by_theorem(tan, {x: r ** 2 - 2}),
                                    "below the tangent", relation=Relation.LE),))


@false("citations", fails="inequality <= fails")
def a_tangent_bound_cited_with_the_wrong_mapping():
    x, tan = _tangent("tangent_map")
    a = Symbol("a_map", positive=True)
    b = Symbol("b_map", positive=True)
    return tan, Derivation("cite_tangent_map", "claim",
                           (Positive(a), Positive(b)), log(a), (
                               Step(b - 1, rules.by_theorem(tan, {x: b}),
                                    "below the tangent", relation=Relation.LE),))


@false("citations", fails="inequality >= fails")
def a_tangent_bound_cited_for_the_reverse_inequality():
    x, tan = _tangent("tangent_rev")
    a = Symbol("a_rev", positive=True)
    return tan, Derivation("cite_tangent_rev", "claim", (Positive(a),), log(a), (
        Step(a - 1, rules.by_theorem(tan, {x: a}), "above the tangent",
             relation=Relation.GE),))


@false("citations", refused="not an inequality")
def an_equality_theorem_cited_as_an_inequality():
    a = Symbol("a_eqth", positive=True)
    eq = Derivation("log_sq_eq", '$log a^2$', (Positive(a),), log(a ** 2), (
        Step(2 * log(a), rules.algebra, "a power out"),))
    b = Symbol("b_eqth", positive=True)
    return eq, Derivation("cite_eq", "claim", (Positive(b),), log(b ** 2), (
        Step(2 * log(b), rules.by_theorem(eq, {a: b}), "cited", relation=Relation.LE),))


@false("citations", fails=NOT_IMPLIED)
def gibbs_cited_for_a_family_not_on_the_simplex():
    (k, j, c, p, q), gibbs = _gibbs("gibbs_nosimplex")
    r = IndexedBase("r_ns", positive=True)
    s = IndexedBase("s_ns", positive=True)
    e = Symbol("e_ns", integer=True)
    vr, vs = indexed_vector(r, k), indexed_vector(s, k)
    return gibbs, Derivation("cite_nosimplex", "claim",
                             (Size(k), Positive(r[e]), Simplex(s, k), Positive(s[e])),
                             KL(vr, vs), (
                                 Step(S.Zero, rules.by_theorem(gibbs, {p: r, q: s}),
                                      "Gibbs", relation=Relation.GE),))


@false("citations", fails=NOT_IMPLIED)
def gibbs_cited_for_nonnegative_entries():
    (k, j, c, p, q), gibbs = _gibbs("gibbs_nonneg")
    r = IndexedBase("r_nn", nonnegative=True)
    s = IndexedBase("s_nn", positive=True)
    e = Symbol("e_nn", integer=True)
    vr, vs = indexed_vector(r, k), indexed_vector(s, k)
    return gibbs, Derivation("cite_nonneg", "claim",
                             (Size(k), Simplex(r, k), Simplex(s, k), Positive(s[e])),
                             KL(vr, vs), (
                                 Step(S.Zero, rules.by_theorem(gibbs, {p: r, q: s}),
                                      "Gibbs", relation=Relation.GE),))


@false("citations", fails=NOT_IMPLIED + "|not known to be an integer of at least 1")
def gibbs_cited_with_its_size_mapped_to_a_size_minus_one():
    """Refused before the citation is judged: a simplex of m - 1 entries is empty at m = 1."""
    (k, j, c, p, q), gibbs = _gibbs("gibbs_size")
    m = Symbol("m_sz", integer=True, positive=True)
    r = IndexedBase("r_sz", positive=True)
    s = IndexedBase("s_sz", positive=True)
    e = Symbol("e_sz", integer=True)
    vr, vs = indexed_vector(r, m - 1), indexed_vector(s, m - 1)
    return gibbs, Derivation("cite_size", "claim",
                             (Size(m), Simplex(r, m - 1), Positive(r[e]), Simplex(s, m - 1),
                              Positive(s[e])),
                             KL(vr, vs), (
                                 Step(S.Zero, rules.by_theorem(gibbs, {p: r, q: s, k: m - 1}),
                                      "Gibbs", relation=Relation.GE),))


@false("citations", fails="equality|not every|differ")
def an_equality_case_the_cited_theorem_does_not_give():
    a, sq = _square("sq_eqcase")
    b = Symbol("b_eqcase", real=True)
    return sq, Derivation("cite_eqcase", "claim", (Real(b),), S.Zero, (
        Step((b ** 2 - 1) ** 2, rules.by_theorem(sq, {a: b ** 2 - 1}), "a square",
             relation=Relation.LE),), equality_if={b: Integer(1)})


@false("citations", fails=NOT_IMPLIED)
def a_ranged_theorem_cited_outside_its_range():
    y = Symbol("y_rng", integer=True)
    k = Symbol("k_crng", integer=True, positive=True)
    q = IndexedBase("q_crng", positive=True)
    c = Symbol("c_crng", integer=True)
    j = Symbol("j_crng", integer=True)
    hyps = (Size(k), IndexRange(y, 1, k), Simplex(q, k), Positive(q[c]))
    bound = Derivation("label_below_one", "claim", hyps, q[y], (
        Step(Sum(q[j], (j, 1, k)), rules.inequality, "one term of a positive sum",
             relation=Relation.LE),
        Step(Integer(1), rules.algebra, "the entries sum to one"),))
    z = Symbol("z_crng", integer=True)
    return bound, Derivation("cite_rng", "claim",
                             (Size(k), IndexRange(z, 0, k), Simplex(q, k), Positive(q[c])),
                             q[z], (Step(Integer(1), rules.by_theorem(bound, {y: z}),
                                         "an entry is at most one", relation=Relation.LE),))


@false("citations", fails=NOT_IMPLIED)
def a_theorem_about_a_defined_function_cited_without_the_definition():
    t = Symbol("t_cdef", real=True)
    x = Symbol("x_cdef", real=True)
    f = named_function("f_cdef", "f_c({0})")
    d = Definition(f, Lambda(t, t ** 2))
    theorem = Derivation("f_nonneg", "claim", (Real(x), Real(t), d), f(x), (
        Step(x ** 2, rules.definition, "unfold"),
        Step(S.Zero, rules.inequality, "a square", relation=Relation.GE),))
    y = Symbol("y_cdef", real=True)
    return theorem, Derivation("cite_def", "claim", (Real(y),), f(y), (
        Step(S.Zero, rules.by_theorem(theorem, {x: y}), "by the theorem",
             relation=Relation.GE),))


@false("citations", refused="does not justify a '<' step")
def a_non_strict_theorem_cited_for_a_strict_step():
    a, sq = _square("sq_strict")
    b = Symbol("b_strict", real=True)
    return sq, Derivation("cite_strict", "claim", (Real(b),), S.Zero, (
        Step(b ** 2, rules.by_theorem(sq, {a: b}), "a square", relation=Relation.LT),))


@false("citations", fails="does not check|differ|not")
def a_citer_that_only_names_a_failing_theorem():
    a = Symbol("a_named", positive=True)
    wrong = Derivation("halving", "claim", (Positive(a),), log(a), (
        Step(log(a) / 2, rules.algebra, "half"),))
    b = Symbol("b_named", positive=True)
    return wrong, Derivation("cite_named", "claim", (Positive(b),), log(b ** 2), (
        Step(2 * log(b), rules.algebra, "a power out"),
        Step(log(b), rules.algebra, "halve it", cites=("halving",)),))


# --- true ----------------------------------------------------------------------------------


@true("citations")
def a_square_bound_cited_at_a_difference():
    a, sq = _square("sq_diff")
    b, c = Symbol("b_diff", real=True), Symbol("c_diff", real=True)
    return sq, Derivation("cite_diff", "claim", (Real(b), Real(c)), 2 * b * c, (
        Step(b ** 2 + c ** 2, rules.by_theorem(sq, {a: b - c}), "the square of b - c",
             relation=Relation.LE),))


@true("citations")
def a_tangent_bound_cited_at_a_ratio():
    x, tan = _tangent("tangent_ratio")
    a, b = Symbol("a_ratio", positive=True), Symbol("b_ratio", positive=True)
    return tan, Derivation("cite_ratio", "claim", (Positive(a), Positive(b)),
                           log(a / b), (
                               Step(a / b - 1, rules.by_theorem(tan, {x: a / b}),
                                    "below the tangent", relation=Relation.LE),))


@true("citations")
def cross_entropy_above_entropy_by_a_cited_gibbs():
    (k, j, c, p, q), gibbs = _gibbs("gibbs_ce")
    r = IndexedBase("r_ce", positive=True)
    s = IndexedBase("s_ce", positive=True)
    e = Symbol("e_ce", integer=True)
    vr, vs = indexed_vector(r, k), indexed_vector(s, k)
    return gibbs, Derivation("cite_ce", "claim",
                             (Size(k), Simplex(r, k), Positive(r[e]), Simplex(s, k),
                              Positive(s[e])),
                             CrossEntropy(vr, vs), (
                                 Step(Entropy(vr) + KL(vr, vs), rules.definition,
                                      "entropy plus divergence"),
                                 Step(Entropy(vr), rules.by_theorem(gibbs, {p: r, q: s}),
                                      "Gibbs", relation=Relation.GE),),
                             equality_if={s: r})


@true("citations")
def a_square_bound_cited_twice_in_one_chain():
    a, sq = _square("sq_twice")
    b, c = Symbol("b_twice", real=True), Symbol("c_twice", real=True)
    return sq, Derivation("cite_twice", "claim", (Real(b), Real(c)), S.Zero, (
        Step(b ** 2, rules.by_theorem(sq, {a: b}), "a square", relation=Relation.LE),
        Step(b ** 2 + c ** 2, rules.by_theorem(sq, {a: c}), "another square",
             relation=Relation.LE),))


@true("citations")
def a_label_bound_cited_inside_its_range():
    y = Symbol("y_in", integer=True)
    k = Symbol("k_in", integer=True, positive=True)
    q = IndexedBase("q_in", positive=True)
    c = Symbol("c_in2", integer=True)
    j = Symbol("j_in", integer=True)
    hyps = (Size(k), IndexRange(y, 1, k), Positive(q[c]))
    bound = Derivation("delta_sum", "claim", hyps,
                       Sum(KroneckerDelta(j, y) * q[j], (j, 1, k)), (
                           Step(q[y], rules.one_hot_collapse, "the label's term"),))
    z = Symbol("z_in", integer=True)
    return bound, Derivation("cite_in", '$log q_z$', (Size(k), IndexRange(z, 1, k),
                                                    Positive(q[c])),
                             log(Sum(KroneckerDelta(j, z) * q[j], (j, 1, k))), (
                                 Step(log(q[z]), rules.one_hot_collapse, "the label's term"),))
