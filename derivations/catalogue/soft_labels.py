"""B1, B2 and B5: soft labels, annotator counts and label smoothing.

A soft label is a whole distribution p over the k classes instead of one class. Its cross entropy
against the prediction splits into a part that only the label knows (its entropy) and the
divergence of the prediction from it (B1). A soft label made of annotators' votes is their
likelihood (B2). Label smoothing mixes the one-hot label with the uniform distribution (B5).
"""

from __future__ import annotations

from sympy import IndexedBase, KroneckerDelta, Lambda, Mul, Sum, Symbol, log

from derivations import (
    KL,
    Argmin,
    CrossEntropy,
    Definition,
    Derivation,
    Entropy,
    Implementation,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Simplex,
    Size,
    Step,
    Vector,
    function_vector,
    indexed_vector,
    matrix,
    named_function,
    rules,
    vector,
    xlogy,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import X, Y, i, j, k, label, m, q, q_out, q_vec, theta, x

#: A target on the simplex, shown as p: soft or one-hot, its entries may be zero.
p = IndexedBase("p", nonnegative=True)
#: Soft labels of the m observations, one row p_i = (p_{i,1}, ..., p_{i,k}) per observation;
#: the shape makes the simplex hypothesis read row by row. Entries may be zero.
p_rows = IndexedBase("p", nonnegative=True, shape=(m, k))

p_vector = indexed_vector(p, k)
q_vector = indexed_vector(q, k)

cross_entropy_is_entropy_plus_kl = Derivation(
    name="cross_entropy_is_entropy_plus_kl",
    title="Cross entropy is entropy plus divergence",
    summary=(r"For any target distribution $p$, soft or one-hot, and a positive prediction $q$, "
             r"the cross entropy of $q$ relative to $p$ is the entropy of $p$ plus the "
             r"Kullback-Leibler divergence of $q$ from $p$: $H(p, q) = H(p) + \mathrm{KL}(p "
             r"\,\|\, q)$, with $0 \log 0 = 0$ for the classes $p$ gives no probability. Only the "
             r"divergence depends on $q$."),
    hypotheses=(Size(k), Simplex(p, k), Positive(q[j])),
    start=CrossEntropy(p_vector, q_vector),
    steps=(
        Step(-Sum(p[j] * log(q[j]), (j, 1, k)), rules.definition,
             "definition of cross entropy"),
        Step(-Sum(xlogy(p[j], p[j]), (j, 1, k)) + Sum(xlogy(p[j], p[j] / q[j]), (j, 1, k)),
             rules.algebra,
             "add and subtract $\\sum_j p_j \\log p_j$, with $0 \\log 0$ read as zero; the "
             "log of a ratio splits off the positive $q_j$"),
        Step(Entropy(p_vector) + KL(p_vector, q_vector), rules.definition,
             "definitions of entropy and of the Kullback-Leibler divergence"),
    ),
    implementations=(
        Implementation(code.cross_entropy, equals="start", p=vector(p, k), q=vector(q, k)),
        Implementation(code.entropy, equals=Entropy(p_vector), p=vector(p, k)),
        Implementation(code.kl_divergence, equals=KL(p_vector, q_vector), p=vector(p, k),
                       q=vector(q, k)),
    ),
)

#: The i-th soft label and the network's prediction for the i-th input.
p_row = function_vector(lambda c: p_rows[i, c], Symbol("p_i"), k)
q_row = function_vector(lambda c: q_out(c, x[i], theta), q_vec(x[i], theta), k)


def _over_data(term):
    return Sum(term, (i, 1, m))


soft_label_decomposition = Derivation(
    name="soft_label_decomposition",
    title="Training on soft labels minimises the divergence from them",
    summary=(r"When every observation $i$ carries a target distribution $p_i$ over the classes "
             r"(soft, or one-hot, with zero entries read by $0 \log 0 = 0$), minimising over "
             r"$\theta$ the summed cross entropy $\sum_i H(p_i, q(x_i; \theta))$ between the "
             r"targets and the network's outputs is the same as minimising the summed divergence "
             r"$\sum_i \mathrm{KL}(p_i \,\|\, q(x_i; \theta))$: each cross entropy is the "
             r"target's entropy plus the divergence ([[cross_entropy_is_entropy_plus_kl]]), and "
             r"the entropies do not depend on $\theta$."),
    hypotheses=(
        Size(m), Size(k), Parameter(theta),
        Simplex(p_rows, k), Positive(q_out(Y, X, theta)),
    ),
    start=Argmin(_over_data(CrossEntropy(p_row, q_row)), theta),
    steps=(
        Step(Argmin(_over_data(Entropy(p_row) + KL(p_row, q_row)), theta), rules.definition,
             "each observation's cross entropy is the entropy of its label plus the divergence "
             "of the prediction from it", cites=("cross_entropy_is_entropy_plus_kl",)),
        Step(Argmin(_over_data(Entropy(p_row)) + _over_data(KL(p_row, q_row)), theta),
             rules.algebra, "the sum over the observations splits into two sums"),
        Step(Argmin(_over_data(KL(p_row, q_row)), theta),
             rules.add_constant(-_over_data(Entropy(p_row))),
             "the soft labels' entropies do not depend on the parameters"),
    ),
    # the loss that is minimised: one row of p and of q per observation
    implementations=(
        Implementation(code.soft_label_cross_entropy, equals="start", p=matrix(p_rows, m, k),
                       q=matrix(Lambda((i, j), q_out(j, x[i], theta)), m, k)),
    ),
)

#: n annotators each give one label a_r in {1, ..., k}.
n = Symbol("n", integer=True, positive=True)
r = Symbol("r", integer=True)
a = IndexedBase("a", integer=True)
#: c_j, the number of annotators who chose class j, and the soft label p_j = c_j / n.
count = named_function("count", r"c_{{{0}}}")
p_votes = named_function("p_votes", r"\hat{{p}}_{{{0}}}")
#: The formal argument of the definitions: a class.
J = Symbol("j")
_counting = Definition(count, Lambda(J, Sum(KroneckerDelta(J, a[r]), (r, 1, n))))
_voting = Definition(p_votes, Lambda(J, count(J) / n))
p_votes_vector = function_vector(p_votes, Symbol("phat"), k)

soft_labels_are_expected_nll = Derivation(
    name="soft_labels_are_expected_nll",
    title="A soft label of annotators' votes is their likelihood",
    summary=(r"The cross entropy $H(p, q)$ is the expected negative log-probability that $q$ "
             r"gives to a class drawn from $p$. When $p$ is the share of $n$ annotators' votes "
             r"each class received, $n$ times the cross entropy is the sum over the $n$ "
             r"annotations of the negative log-probability of the annotated class: training on "
             r"the soft label is maximum likelihood on the annotations. Nothing assumes that "
             r"every class receives a vote."),
    hypotheses=(Size(k), Size(n), IndexRange(a[r], 1, k), Positive(q[j]), _counting, _voting),
    start=n * CrossEntropy(p_votes_vector, q_vector),
    steps=(
        Step(n * Sum(Mul(p_votes(j), -log(q[j]), evaluate=False), (j, 1, k)), rules.definition,
             "the cross entropy is the expectation, over a class drawn from the soft label, of "
             "the negative log-probability of that class"),
        Step(-Sum(count(j) * log(q[j]), (j, 1, k)), rules.definition,
             "a class's share of the votes is its count divided by the number of annotators"),
        Step(-Sum(Sum(KroneckerDelta(j, a[r]), (r, 1, n)) * log(q[j]), (j, 1, k)),
             rules.definition, "a class's count adds one for every annotator who chose it"),
        Step(-Sum(KroneckerDelta(j, a[r]) * log(q[j]), (j, 1, k), (r, 1, n)), rules.algebra,
             "sums over finite ranges may be taken in either order"),
        Step(Sum(-log(q[a[r]]), (r, 1, n)), rules.one_hot_collapse,
             "for each annotation only the annotated class survives, as it is one of the $k$ "
             "classes"),
    ),
)

#: The smoothing weight; 0 <= epsilon <= 1 makes the smoothed label a distribution.
epsilon = Symbol("epsilon", nonnegative=True)
smoothed = Vector(Symbol("p_epsilon"),
                  Lambda(j, (1 - epsilon) * KroneckerDelta(j, label) + epsilon / k), k)
uniform = Vector(Symbol("u"), Lambda(j, 1 / k), k)

label_smoothing = Derivation(
    name="label_smoothing",
    title="Label smoothing mixes the one-hot loss with a pull towards the uniform",
    summary=(r"Smoothing the one-hot label of class $y$ with weight $\epsilon$, by giving "
             r"$\epsilon / k$ to every class and the remaining $1 - \epsilon$ to $y$, makes the "
             r"cross entropy the $(1 - \epsilon)$-weighted negative log-probability of $y$ plus "
             r"$\epsilon$ times the cross entropy against the uniform distribution $u$, whose "
             r"entries are all $1/k$; the latter is $\log k$ plus the divergence of the "
             r"prediction from $u$. The smoothed label $p_\epsilon$, with entries $(1 - \epsilon) "
             r"\delta_{jy} + \epsilon / k$, is a distribution when $\epsilon \le 1$; the identity "
             r"holds for every $\epsilon$."),
    hypotheses=(Size(k), IndexRange(label, 1, k), Nonnegative(epsilon), Positive(q[j])),
    start=CrossEntropy(smoothed, q_vector),
    steps=(
        Step(-Sum(((1 - epsilon) * KroneckerDelta(j, label) + epsilon / k) * log(q[j]),
                  (j, 1, k)), rules.definition,
             r"definition of cross entropy; the smoothed label puts $\epsilon / k$ on every "
             "class and the rest on the label"),
        Step((1 - epsilon) * -Sum(KroneckerDelta(j, label) * log(q[j]), (j, 1, k))
             + epsilon * -Sum(log(q[j]) / k, (j, 1, k)), rules.algebra,
             "the sum splits into the one-hot part and the uniform part"),
        Step((1 - epsilon) * -log(q[label]) + epsilon * -Sum(log(q[j]) / k, (j, 1, k)),
             rules.one_hot_collapse,
             "only the label's term of the one-hot part survives",
             cites=("one_hot_cross_entropy",)),
        Step((1 - epsilon) * -log(q[label]) + epsilon * CrossEntropy(uniform, q_vector),
             rules.definition, "the uniform part is the cross entropy against the uniform"),
        Step((1 - epsilon) * -log(q[label]) + epsilon * (Entropy(uniform) + KL(uniform, q_vector)),
             rules.definition,
             "cross entropy is entropy plus divergence, here for the uniform distribution",
             cites=("cross_entropy_is_entropy_plus_kl",)),
        Step((1 - epsilon) * -log(q[label]) + epsilon * (log(k) + KL(uniform, q_vector)),
             rules.definition, "the uniform distribution over $k$ classes has entropy $\\log k$"),
    ),
    # the code computes the split form of the third line; classes count from 0 in code
    implementations=(
        Implementation(code.smoothed_cross_entropy, equals="start", q=vector(q, k),
                       y=label - 1, epsilon=epsilon),
    ),
)
