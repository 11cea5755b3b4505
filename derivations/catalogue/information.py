"""D1-D3: Gibbs' inequality, cross entropy as a code length, and Shannon's code bound.

Entropies here are in nats; a code length in bits is a natural log divided by log 2 (SymPy writes
log(x, 2) as log(x) / log(2)), so H_2 = H / log 2. Both distributions have strictly positive
entries: zero probabilities, which the textbooks handle by summing over the support only, are
outside these theorems.
"""

from __future__ import annotations

from sympy import Expr, IndexedBase, Lambda, Pow, S, Sum, Symbol, ceiling, log

from derivations import (
    KL,
    CrossEntropy,
    Definition,
    Derivation,
    Implementation,
    Positive,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    named_function,
    rules,
    vector,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import j, k, q

#: The distribution the symbols are drawn from (the truth); q is the model, or the code's design.
p = IndexedBase("p", positive=True)
#: The formal argument of the definitions below, and the lemma's variable.
c = Symbol("c")
x = Symbol("x")

_p, _q = indexed_vector(p, k), indexed_vector(q, k)
_distributions = (Size(k), Simplex(p, k), Positive(p[j]), Simplex(q, k), Positive(q[j]))


def bits(t: Expr) -> Expr:
    """``-log_2 t``: the length in bits of a code word for a symbol of probability ``t``."""
    return -log(t) / log(2)


# D1 ------------------------------------------------------------------------------------------

gibbs_inequality = Derivation(
    name="gibbs_inequality",
    title="Gibbs' inequality",
    summary=(r"The Kullback-Leibler divergence between two distributions with positive entries is "
             r"non-negative, and zero only when they are equal. The proof applies $\log x \le x - "
             r"1$ (equality only at $x = 1$) to each ratio $q_j / p_j$. The textbook statement "
             r"also allows zero entries of $p$ by summing over its support; that case is outside "
             r"this derivation, which assumes every $p_j > 0$. Corollary: $H(p, q) \ge H(p)$, see "
             r"[[log_loss_is_proper]]."),
    hypotheses=_distributions,
    start=KL(_p, _q),
    steps=(
        Step(-Sum(p[j] * log(q[j] / p[j]), (j, 1, k)), rules.definition,
             "definition of the divergence, with the ratio turned over"),
        Step(-Sum(p[j] * (q[j] / p[j] - 1), (j, 1, k)),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, k)),
             r"the log lies below its tangent at one, term by term with the weights $p_j$",
             relation=Relation.GE),
        Step(Sum(p[j], (j, 1, k)) - Sum(q[j], (j, 1, k)), rules.algebra,
             r"cancel $p_j$ and split the sum"),
        Step(S.Zero, rules.algebra, "both distributions sum to one"),
    ),
    equality_if={q: p},
)


# D2 ------------------------------------------------------------------------------------------

#: l_c = -log_2 q_c: the ideal code lengths for the model q (not rounded to integers).
code_length = named_function("code_length", r"\ell_{{{0}}}")
code_length_definition = Definition(code_length, Lambda(c, bits(q[c])))
#: l*_c = -log_2 p_c: the ideal code lengths for the true distribution (the optimal code).
optimal_length = named_function("optimal_length", r"\ell^{{*}}_{{{0}}}")
optimal_length_definition = Definition(optimal_length, Lambda(c, bits(p[c])))

cross_entropy_is_code_length = Derivation(
    name="cross_entropy_is_code_length",
    title="Cross entropy is the expected code length",
    summary=(r"A code designed for the model $q$ gives class $j$ a code word of $-\log_2 q_j$ "
             r"bits. When the classes actually occur with probabilities $p$, the expected length "
             r"of a code word is the cross entropy $H(p, q)$ in bits, that is $H(p, q) / \log 2$ "
             r"with $H$ in nats. The lengths satisfy Kraft's equality "
             r"([[code_length_kraft_sum]]), and the excess over the optimal code is "
             r"$\mathrm{KL}(p \,\|\, q)$ in bits ([[code_length_excess]])."),
    hypotheses=(*_distributions, code_length_definition),
    start=Sum(p[j] * code_length(j), (j, 1, k)),
    steps=(
        Step(Sum(p[j] * bits(q[j]), (j, 1, k)), rules.definition,
             "the code length of class $j$ is minus the base-two log of its model probability"),
        Step(-Sum(p[j] * log(q[j]), (j, 1, k)) / log(2), rules.algebra,
             "a base-two log is a natural log divided by the log of two"),
        Step(CrossEntropy(_p, _q) / log(2), rules.definition,
             "definition of cross entropy (in nats; dividing by log 2 gives bits)"),
    ),
    implementations=(
        Implementation(code.cross_entropy_bits, equals="start", p=vector(p, k), q=vector(q, k)),
    ),
)

code_length_kraft_sum = Derivation(
    name="code_length_kraft_sum",
    title="The ideal code lengths of a distribution satisfy Kraft's equality",
    summary=(r"Code lengths $-\log_2 q_j$ have Kraft sum exactly one, the largest a prefix code "
             r"allows: no code word is wasted."),
    hypotheses=(Size(k), Simplex(q, k), Positive(q[j]), code_length_definition),
    start=Sum(2 ** (-code_length(j)), (j, 1, k)),
    steps=(
        # unevaluated, or SymPy would already write 2 to the power log_2 q_j as q_j
        Step(Sum(Pow(2, -bits(q[j]), evaluate=False), (j, 1, k)), rules.definition,
             "definition of the code lengths"),
        Step(Sum(q[j], (j, 1, k)), rules.algebra, "two to the power of a base-two log"),
        Step(S.One, rules.algebra, "the model's probabilities sum to one"),
    ),
)

code_length_excess = Derivation(
    name="code_length_excess",
    title="The cost of coding with the wrong distribution is the divergence",
    summary=(r"Using the code designed for $q$ when the classes follow $p$ costs, on average, "
             r"$\mathrm{KL}(p \,\|\, q) / \log 2$ bits more than the optimal code designed for "
             r"$p$."),
    hypotheses=(*_distributions, code_length_definition, optimal_length_definition),
    start=Sum(p[j] * code_length(j), (j, 1, k)) - Sum(p[j] * optimal_length(j), (j, 1, k)),
    steps=(
        Step(Sum(p[j] * (bits(q[j]) - bits(p[j])), (j, 1, k)), rules.definition,
             "definition of both codes' lengths, in one sum"),
        Step(Sum(p[j] * log(p[j] / q[j]), (j, 1, k)) / log(2), rules.algebra,
             "the difference of two logs is the log of the ratio"),
        Step(KL(_p, _q) / log(2), rules.definition, "definition of the divergence"),
    ),
)


# D3 ------------------------------------------------------------------------------------------

#: 2^x >= 1 + x log 2 for real x, with equality only at x = 0 (the tangent of 2^x at zero).
TWO_POWER_ABOVE_TANGENT = rules.Lemma("two_power_above_tangent", "2^x >= 1 + x log 2 (x real)",
                                Lambda(x, 2 ** x - 1 - x * log(2)), False, S.Zero)

#: l_c = ceil(-log_2 q_c): Shannon's code lengths, whole numbers of bits.
shannon_length = named_function("shannon_length", r"\ell_{{{0}}}")
shannon_length_definition = Definition(shannon_length, Lambda(c, ceiling(bits(q[c]))))
_shannon = (*_distributions, shannon_length_definition)

shannon_code_bound = Derivation(
    name="shannon_code_bound",
    title="Shannon's code is less than one bit longer than the cross entropy",
    summary=(r"Rounding the ideal lengths $-\log_2 q_j$ up to whole bits adds less than one bit "
             r"to every code word, so the expected length under $p$ is less than $H(p, q) / \log "
             r"2 + 1$. The companion theorems [[shannon_code_lower_bound]] (the expected length "
             r"is at least the cross entropy in bits) and [[shannon_code_kraft]] (the rounded "
             r"lengths have Kraft sum at most one, so a prefix code with these lengths exists) "
             r"complete the bound $H(p, q) / \log 2 \le \sum_j p_j \ell_j "
             r"< H(p, q) / \log 2 + 1$."),
    hypotheses=_shannon,
    start=Sum(p[j] * shannon_length(j), (j, 1, k)),
    steps=(
        Step(Sum(p[j] * ceiling(bits(q[j])), (j, 1, k)), rules.definition,
             "definition of Shannon's code lengths"),
        Step(Sum(p[j] * (bits(q[j]) + 1), (j, 1, k)), rules.inequality,
             r"rounding up adds less than one, and every $p_j$ is positive",
             relation=Relation.LT),
        Step(CrossEntropy(_p, _q) / log(2) + 1, rules.definition,
             r"definition of cross entropy; the $p_j$ sum to one"),
    ),
)

shannon_code_lower_bound = Derivation(
    name="shannon_code_lower_bound",
    title="Shannon's code is at least as long as the cross entropy",
    summary=(r"Rounding up never shortens a code word, so the expected length of Shannon's code "
             r"is at least $H(p, q) / \log 2$ bits."),
    hypotheses=_shannon,
    start=Sum(p[j] * shannon_length(j), (j, 1, k)),
    steps=(
        Step(Sum(p[j] * ceiling(bits(q[j])), (j, 1, k)), rules.definition,
             "definition of Shannon's code lengths"),
        Step(Sum(p[j] * bits(q[j]), (j, 1, k)), rules.inequality,
             "rounding up never decreases a number", relation=Relation.GE),
        Step(CrossEntropy(_p, _q) / log(2), rules.definition, "definition of cross entropy"),
    ),
)

shannon_code_kraft = Derivation(
    name="shannon_code_kraft",
    title="Shannon's code lengths satisfy Kraft's inequality",
    summary=(r"Rounding the lengths up can only shrink each term $2^{-l_j}$, so the Kraft sum is "
             r"at most the sum of the $q_j$, which is one. The comparison of $2^{-l_j}$ with "
             r"$q_j$ goes through the tangent of $2^x$ at zero."),
    hypotheses=_shannon,
    start=Sum(2 ** (-shannon_length(j)), (j, 1, k)),
    steps=(
        Step(Sum(2 ** (-shannon_length(j)) * (1 + (shannon_length(j) - bits(q[j])) * log(2)),
                 (j, 1, k)), rules.inequality,
             "each rounded length is at least the ideal one", relation=Relation.LE),
        Step(Sum(2 ** (-bits(q[j])), (j, 1, k)),
             rules.by_lemma(TWO_POWER_ABOVE_TANGENT, 2 ** (-shannon_length(j)),
                            shannon_length(j) - bits(q[j]), (j, 1, k)),
             "two to the power of the rounding excess lies above its tangent at zero",
             relation=Relation.LE),
        Step(S.One, rules.algebra,
             "two to the power of a base-two log; the model's probabilities sum to one"),
    ),
)
