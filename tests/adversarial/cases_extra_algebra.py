"""Ordinary wrong algebra (off-by-one sums, wrong signs, dropped terms and factors, wrong
derivatives, wrong information identities, misused lemmas) next to the honest textbook steps
they imitate."""

from __future__ import annotations

from sympy import (
    Derivative,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Lambda,
    S,
    Sum,
    Symbol,
    exp,
    log,
)

from derivations import (
    KL,
    CrossEntropy,
    Definition,
    Derivation,
    Entropy,
    IndexRange,
    OneHot,
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

DIFFER = "differ"


def _eq(name, hypotheses, start, end, rule=rules.algebra):
    return Derivation(name, name.replace("_", " "), tuple(hypotheses), start, (
        Step(end, rule, "a rewrite"),))


def _family(tag, **assumptions):
    """A family w, its size k, a summation index j and a pattern index c."""
    w = IndexedBase(f"w_{tag}", **(assumptions or {"real": True}))
    k = Symbol(f"k_{tag}", integer=True, positive=True)
    j, c = Symbol(f"j_{tag}", integer=True), Symbol(f"c_{tag}", integer=True)
    hyp = Positive(w[c]) if assumptions.get("positive") else Real(w[c])
    return w, k, j, c, [Size(k), hyp]


# --- false ---------------------------------------------------------------------------------


@false("algebra", fails=DIFFER)
def a_sum_that_drops_its_last_term():
    w, k, j, c, hyps = _family("a1")
    return _eq("drop_last", hyps, Sum(w[j], (j, 1, k)), Sum(w[j], (j, 1, k - 1)) + 0 * w[1])


@false("algebra", fails=DIFFER)
def a_sum_split_with_the_last_term_counted_twice():
    w, k, j, c, hyps = _family("a2")
    return _eq("twice_last", hyps, Sum(w[j], (j, 1, k)), Sum(w[j], (j, 1, k)) + w[k])


@false("algebra", fails=DIFFER)
def a_shifted_sum_with_the_index_not_shifted():
    w, k, j, c, hyps = _family("a3")
    return _eq("no_shift", hyps, Sum(w[j], (j, 1, k)), Sum(w[j], (j, 0, k - 1)))


@false("algebra", fails=DIFFER)
def a_difference_of_sums_with_the_wrong_sign():
    w, k, j, c, hyps = _family("a4")
    v = IndexedBase("v_a4", real=True)
    return _eq("sign_sum", [*hyps, Real(v[c])], Sum(w[j] - v[j], (j, 1, k)),
               Sum(w[j], (j, 1, k)) + Sum(v[j], (j, 1, k)))


@false("algebra", fails=DIFFER)
def a_constant_factor_dropped_from_a_sum():
    w, k, j, c, hyps = _family("a5")
    return _eq("drop_factor", hyps, Sum(3 * w[j], (j, 1, k)), Sum(w[j], (j, 1, k)))


@false("algebra", fails=DIFFER)
def a_constant_summed_once_instead_of_k_times():
    w, k, j, c, hyps = _family("a6")
    return _eq("const_once", hyps, Sum(w[j] + 1, (j, 1, k)), Sum(w[j], (j, 1, k)) + 1)


@false("algebra", fails=DIFFER)
def a_double_sum_swapped_with_its_bounds():
    w = IndexedBase("w_a7", real=True)
    k = Symbol("k_a7", integer=True, positive=True)
    m = Symbol("m_a7", integer=True, positive=True)
    i, j = Symbol("i_a7", integer=True), Symbol("j_a7", integer=True)
    r, c = Symbol("r_a7", integer=True), Symbol("c_a7", integer=True)
    return _eq("swap_bounds", [Size(k), Size(m), Real(w[r, c])],
               Sum(w[i, j], (j, 1, k), (i, 1, m)), Sum(w[i, j], (j, 1, m), (i, 1, k)))


@false("algebra", fails=DIFFER)
def a_sum_of_a_product_as_a_product_of_sums():
    w, k, j, c, hyps = _family("a8")
    v = IndexedBase("v_a8", real=True)
    return _eq("prod_sums", [*hyps, Real(v[c])], Sum(w[j] * v[j], (j, 1, k)),
               Sum(w[j], (j, 1, k)) * Sum(v[j], (j, 1, k)))


@false("algebra", fails=DIFFER)
def a_square_of_a_sum_without_the_cross_term():
    a, b = Symbol("a_a9", real=True), Symbol("b_a9", real=True)
    return _eq("no_cross", [Real(a), Real(b)], (a + b) ** 2, a ** 2 + b ** 2)


@false("algebra", fails=DIFFER)
def a_log_of_a_sum_as_a_sum_of_logs():
    a, b = Symbol("a_a10", positive=True), Symbol("b_a10", positive=True)
    return _eq("log_sum", [Positive(a), Positive(b)], log(a) + log(b), log(a + b))


@false("algebra", fails=DIFFER)
def an_exp_of_a_sum_as_a_sum_of_exps():
    a, b = Symbol("a_a11", real=True), Symbol("b_a11", real=True)
    return _eq("exp_sum", [Real(a), Real(b)], exp(a + b), exp(a) + exp(b))


@false("algebra", fails=DIFFER)
def a_reciprocal_of_a_sum_split():
    a, b = Symbol("a_a12", positive=True), Symbol("b_a12", positive=True)
    return _eq("recip_sum", [Positive(a), Positive(b)], 1 / (a + b), 1 / a + 1 / b)


@false("algebra", fails=DIFFER)
def a_product_rule_missing_a_term():
    x = Symbol("x_a13", real=True)
    return _eq("product_rule", [Real(x)], Derivative(x * exp(x), x), exp(x))


@false("algebra", fails=DIFFER)
def a_chain_rule_missing_the_inner_derivative():
    x = Symbol("x_a14", real=True)
    return _eq("chain_rule", [Real(x)], Derivative(log(1 + exp(2 * x)), x),
               exp(2 * x) / (1 + exp(2 * x)))


@false("algebra", fails=DIFFER)
def a_gradient_of_a_sum_of_squares_without_the_delta():
    z, k, j, c, hyps = _family("a15")
    i = Symbol("i_a15", integer=True)
    return _eq("grad_sq", [*hyps, IndexRange(i, 1, k)],
               Derivative(Sum(z[j] ** 2, (j, 1, k)), z[i]), 2 * Sum(z[j], (j, 1, k)))


@false("algebra", fails=DIFFER)
def a_log_sum_exp_gradient_without_the_normaliser():
    z, k, j, c, hyps = _family("a16")
    i = Symbol("i_a16", integer=True)
    return _eq("lse_grad", [*hyps, IndexRange(i, 1, k)],
               Derivative(log(Sum(exp(z[j]), (j, 1, k))), z[i]), exp(z[i]))


@false("algebra", fails=DIFFER)
def softmax_outputs_summing_to_the_number_of_classes():
    z, k, j, c, hyps = _family("a17")
    t = Symbol("t_a17")
    sm = named_function("sm_a17", r"s_{{{0}}}", positive=True)
    d = Definition(sm, Lambda(t, exp(z[t]) / Sum(exp(z[c]), (c, 1, k))))
    return Derivation("softmax_k", "sum softmax", (*hyps, d), Sum(sm(j), (j, 1, k)), (
        Step(Sum(exp(z[j]), (j, 1, k)) / Sum(exp(z[c]), (c, 1, k)), rules.definition,
             "unfold"),
        Step(k * S.One, rules.algebra, "one per class"),))


@false("algebra", fails=DIFFER)
def cross_entropy_as_entropy_minus_divergence():
    p, k, j, c, hyps = _family("a18", positive=True)
    q = IndexedBase("q_a18", positive=True)
    vp, vq = indexed_vector(p, k), indexed_vector(q, k)
    return _eq("ce_minus", [*hyps, Positive(q[c])], CrossEntropy(vp, vq),
               Entropy(vp) - KL(vp, vq), rules.definition)


@false("algebra", fails=DIFFER)
def a_divergence_with_the_ratio_upside_down():
    p, k, j, c, hyps = _family("a19", positive=True)
    q = IndexedBase("q_a19", positive=True)
    vp, vq = indexed_vector(p, k), indexed_vector(q, k)
    return _eq("kl_flip", [*hyps, Positive(q[c])], KL(vp, vq),
               Sum(p[j] * log(q[j] / p[j]), (j, 1, k)), rules.definition)


@false("algebra", fails=DIFFER)
def a_one_hot_cross_entropy_at_the_wrong_class():
    q, k, j, c, hyps = _family("a20", positive=True)
    y = Symbol("y_a20", integer=True)
    return _eq("onehot_wrong", [*hyps, IndexRange(y, 1, k)],
               CrossEntropy(OneHot(y, k), indexed_vector(q, k)), -log(q[1]), rules.definition)


@false("algebra", fails="weight|not established|differ|fails")
def a_tangent_bound_with_a_negative_weight():
    a = Symbol("a_a21", positive=True)
    return Derivation("neg_weight", "claim", (Positive(a),), -log(a), (
        Step(1 - a, rules.by_lemma(rules.LOG_BELOW_TANGENT, Integer(-1), a),
             "below the tangent", relation=Relation.LE),))


@false("algebra", fails="differ|fails|certificate|inequality")
def a_tangent_bound_at_the_wrong_argument():
    a = Symbol("a_a22", positive=True)
    return Derivation("wrong_at", "claim", (Positive(a),), log(a), (
        Step(a - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, Integer(1), 2 * a),
             "below the tangent", relation=Relation.LE),))


@false("algebra", fails="inequality|fails|differ")
def a_reversed_jensen_bound():
    p, k, j, c, hyps = _family("a23", positive=True)
    x = IndexedBase("x_a23", positive=True)
    return Derivation("rev_jensen", "Jensen reversed",
                      (*hyps, Simplex(p, k), Positive(x[c])),
                      log(Sum(p[j] * x[j], (j, 1, k))), (
                          Step(Sum(p[j] * log(x[j]), (j, 1, k)), rules.inequality,
                               "concavity", relation=Relation.LE),))


@false("algebra", fails="inequality|fails|differ")
def log_above_its_tangent():
    a = Symbol("a_a24", positive=True)
    return Derivation("log_above", "claim", (Positive(a),), log(a), (
        Step(a - 1, rules.inequality, "the tangent", relation=Relation.GE),))


# --- true ----------------------------------------------------------------------------------


@true("algebra")
def sum_linearity_with_two_families():
    w, k, j, c, hyps = _family("b1")
    v = IndexedBase("v_b1", real=True)
    return _eq("linear", [*hyps, Real(v[c])], Sum(2 * w[j] - 3 * v[j] + 1, (j, 1, k)),
               2 * Sum(w[j], (j, 1, k)) - 3 * Sum(v[j], (j, 1, k)) + k)


@true("algebra")
def a_summation_index_renamed():
    w, k, j, c, hyps = _family("b2")
    i = Symbol("i_b2", integer=True)
    return _eq("rename", hyps, Sum(w[j] ** 2, (j, 1, k)), Sum(w[i] ** 2, (i, 1, k)))


@true("algebra")
def a_sum_of_logs_of_positive_entries():
    q, k, j, c, hyps = _family("b4", positive=True)
    return _eq("sum_logs", hyps, Sum(log(q[j] ** 2 * exp(q[j])), (j, 1, k)),
               Sum(2 * log(q[j]) + q[j], (j, 1, k)), rules.log_of_product)


@true("algebra")
def softmax_outputs_sum_to_one():
    z, k, j, c, hyps = _family("b5")
    t = Symbol("t_b5")
    sm = named_function("sm_b5", r"\sigma_{{{0}}}", positive=True)
    d = Definition(sm, Lambda(t, exp(z[t]) / Sum(exp(z[c]), (c, 1, k))))
    return Derivation("softmax_one", "sum softmax", (*hyps, d), Sum(sm(j), (j, 1, k)), (
        Step(Sum(exp(z[j]) / Sum(exp(z[c]), (c, 1, k)), (j, 1, k)), rules.definition,
             "unfold"),
        Step(Integer(1), rules.algebra, "the numerators add up to the denominator"),))


@true("algebra")
def cross_entropy_is_entropy_plus_divergence():
    p, k, j, c, hyps = _family("b6", positive=True)
    q = IndexedBase("q_b6", positive=True)
    vp, vq = indexed_vector(p, k), indexed_vector(q, k)
    return Derivation("ce_split", "claim", (*hyps, Positive(q[c])),
                      CrossEntropy(vp, vq), (
                          Step(-Sum(p[j] * log(q[j]), (j, 1, k)), rules.definition, "unfold"),
                          Step(-Sum(p[j] * log(p[j]), (j, 1, k))
                               + Sum(p[j] * log(p[j] / q[j]), (j, 1, k)), rules.algebra,
                               '$add and subtract p_j log p_j$'),
                          Step(Entropy(vp) + KL(vp, vq), rules.definition, "fold"),))


@true("algebra")
def one_hot_cross_entropy_is_a_log_loss():
    q, k, j, c, hyps = _family("b7", positive=True)
    y = Symbol("y_b7", integer=True)
    return Derivation("onehot_ok", "claim", (*hyps, IndexRange(y, 1, k)),
                      CrossEntropy(OneHot(y, k), indexed_vector(q, k)), (
                          Step(-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)),
                               rules.definition, "unfold"),
                          Step(-log(q[y]), rules.one_hot_collapse, "the label's term"),))


@true("algebra")
def gibbs_by_the_tangent_lemma():
    p, k, j, c, hyps = _family("b8", positive=True)
    q = IndexedBase("q_b8", positive=True)
    return Derivation("gibbs_b8", "claim",
                      (*hyps, Simplex(p, k), Positive(q[c]), Simplex(q, k)),
                      Sum(p[j] * log(q[j] / p[j]), (j, 1, k)), (
                          Step(Sum(p[j] * (q[j] / p[j] - 1), (j, 1, k)),
                               rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j],
                                              (j, 1, k)),
                               "below the tangent", relation=Relation.LE),
                          Step(Sum(q[j], (j, 1, k)) - Sum(p[j], (j, 1, k)), rules.algebra,
                               "cancel"),
                          Step(S.Zero, rules.algebra, "both sum to one"),))


@true("algebra")
def a_weighted_tangent_bound_with_unnormalised_weights():
    w, k, j, c, hyps = _family("b9", positive=True)
    x = IndexedBase("x_b9", positive=True)
    return Derivation("weighted_b9", "claim", (*hyps, Positive(x[c])),
                      Sum(w[j] * log(x[j]), (j, 1, k)), (
                          Step(Sum(w[j] * x[j], (j, 1, k)) - Sum(w[j], (j, 1, k)),
                               rules.by_lemma(rules.LOG_BELOW_TANGENT, w[j], x[j], (j, 1, k)),
                               "below the tangent", relation=Relation.LE),))


@true("algebra")
def a_gradient_of_a_sum_of_squares():
    z, k, j, c, hyps = _family("b10")
    i = Symbol("i_b10", integer=True)
    return Derivation("grad_ok", '$d/dz_i sum z_j^2$', (*hyps, IndexRange(i, 1, k)),
                      Derivative(Sum(z[j] ** 2, (j, 1, k)), z[i]), (
                          Step(Sum(2 * z[j] * KroneckerDelta(i, j), (j, 1, k)), rules.algebra,
                               "differentiate term by term"),
                          Step(2 * z[i], rules.one_hot_collapse, "step"),))


@true("algebra")
def a_gradient_of_log_sum_exp():
    z, k, j, c, hyps = _family("b11")
    i = Symbol("i_b11", integer=True)
    return Derivation("lse_ok", '$d/dz_i log sum exp$', (*hyps, IndexRange(i, 1, k)),
                      Derivative(log(Sum(exp(z[j]), (j, 1, k))), z[i]), (
                          Step(Sum(exp(z[j]) * KroneckerDelta(i, j), (j, 1, k))
                               / Sum(exp(z[j]), (j, 1, k)), rules.algebra, "the chain rule"),
                          Step(exp(z[i]) / Sum(exp(z[j]), (j, 1, k)), rules.one_hot_collapse,
                               "step"),))


@true("algebra")
def a_derivative_of_a_logistic_loss():
    x = Symbol("x_b12", real=True)
    return _eq("logistic_d", [Real(x)], Derivative(log(1 + exp(-x)), x),
               -1 / (1 + exp(x)))


@true("algebra")
def a_tangent_bound_on_a_log_ratio():
    a, b = Symbol("a_b13", positive=True), Symbol("b_b13", positive=True)
    return Derivation("ratio_b13", "claim", (Positive(a), Positive(b)),
                      log(a) - log(b), (
                          Step(log(a / b), rules.algebra, "the log of a ratio"),
                          Step(a / b - 1, rules.by_lemma(rules.LOG_BELOW_TANGENT, S.One, a / b),
                               "below the tangent", relation=Relation.LE),))
