"""Identities and bounds of information theory for finite distributions (Cover and Thomas,
Elements of Information Theory, chapter 2; MacKay, ITILA, chapters 2 and 8; Murphy PML1
sections 6.1-6.2).

Entropies are in nats. Every distribution here has strictly positive entries (the books allow
zero entries through the convention 0 log 0 = 0; see not_yet.py for that case). Each derivation
cites its textbook source in the comment above it and in its title.
"""

from sympy import Derivative, IndexedBase, Lambda, Sum, Symbol, log

from derivations import (
    KL,
    CrossEntropy,
    Definition,
    Derivation,
    Entropy,
    Positive,
    Relation,
    Simplex,
    Size,
    Step,
    UnitInterval,
    indexed_vector,
    named_function,
    rules,
)

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
r = Symbol("r")  # the formal argument of the marginals' definitions

# A joint distribution p(x_i, y_j) = P[i, j] over m values of X and k values of Y, and its
# marginals p(x_i) and p(y_j).
P = IndexedBase("P", positive=True)
p_x = named_function("p_x", r"p(x_{{{0}}})", positive=True)
p_y = named_function("p_y", r"p(y_{{{0}}})", positive=True)
marginal_x = Definition(p_x, Lambda(r, Sum(P[r, j], (j, 1, k))), "the marginal of X")
marginal_y = Definition(p_y, Lambda(r, Sum(P[i, r], (i, 1, m))), "the marginal of Y")
joint = (Size(m), Size(k), Positive(P[i, j]))


def over_joint(term):
    return Sum(term, (j, 1, k), (i, 1, m))


joint_entropy = -over_joint(P[i, j] * log(P[i, j]))
entropy_x = -Sum(p_x(i) * log(p_x(i)), (i, 1, m))
# H(Y | X) = -sum p(x, y) log p(y | x), with p(y | x) = p(x, y) / p(x).
conditional_entropy_y_given_x = -over_joint(P[i, j] * log(P[i, j] / p_x(i)))
conditional_entropy_x_given_y = -over_joint(P[i, j] * log(P[i, j] / p_y(j)))

# Cover and Thomas, Theorem 2.2.1 (eq. 2.14): the chain rule H(X, Y) = H(X) + H(Y | X).
entropy_chain_rule = Derivation(
    name="entropy_chain_rule",
    title="The chain rule of entropy (Cover and Thomas, Theorem 2.2.1)",
    summary=(r"For a joint distribution $p(x_i, y_j)$ with positive entries, "
             r"$H(X, Y) = H(X) + H(Y \mid X)$, where "
             r"$H(Y \mid X) = -\sum_{i, j} p(x_i, y_j) \log p(y_j \mid x_i)$."),
    hypotheses=(*joint, marginal_x),
    start=joint_entropy,
    steps=(
        Step(-over_joint(P[i, j] * log(p_x(i) * (P[i, j] / p_x(i)))), rules.algebra,
             "multiply and divide by the marginal of X"),
        Step(-over_joint(P[i, j] * log(p_x(i))) - over_joint(P[i, j] * log(P[i, j] / p_x(i))),
             rules.log_of_product, "the log of a product of positive factors; split the sum"),
        Step(-Sum(Sum(P[i, j], (j, 1, k)) * log(p_x(i)), (i, 1, m))
             + conditional_entropy_y_given_x, rules.algebra,
             "the log of the marginal does not depend on the inner index"),
        Step(entropy_x + conditional_entropy_y_given_x, rules.definition,
             "fold the marginal of X"),
    ),
)

# Cover and Thomas, section 2.4 (eqs. 2.28 and 2.39): I(X; Y) = H(X) - H(X | Y).
mutual_information_as_entropy_reduction = Derivation(
    name="mutual_information_as_entropy_reduction",
    title="Mutual information is the reduction in entropy (Cover and Thomas, eq. 2.39)",
    summary=(r"For a joint distribution with positive entries, "
             r"$I(X; Y) = \sum_{i, j} p(x_i, y_j) \log \frac{p(x_i, y_j)}{p(x_i) p(y_j)} "
             r"= H(X) - H(X \mid Y)$."),
    hypotheses=(*joint, marginal_x, marginal_y),
    start=over_joint(P[i, j] * log(P[i, j] / (p_x(i) * p_y(j)))),
    steps=(
        Step(over_joint(P[i, j] * (log(P[i, j] / p_y(j)) - log(p_x(i)))),
             rules.log_of_product, "the log of a quotient of positive numbers"),
        Step(-Sum(Sum(P[i, j], (j, 1, k)) * log(p_x(i)), (i, 1, m))
             - conditional_entropy_x_given_y, rules.algebra,
             "split the sum; the log of the marginal does not depend on the inner index"),
        Step(entropy_x - conditional_entropy_x_given_y, rules.definition,
             "fold the marginal of X"),
    ),
)

# A distribution p over k outcomes, with positive entries.
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
distribution = (Size(k), Simplex(p, k), Positive(p[j]))

# Cover and Thomas, Theorem 2.6.4 (eq. 2.89 ff.): H(p) <= log k, via log x <= x - 1.
entropy_at_most_log_k = Derivation(
    name="entropy_at_most_log_k",
    title="Entropy is at most the log of the number of outcomes (Cover and Thomas, "
          "Theorem 2.6.4)",
    summary=(r"For a distribution $p$ over $k$ outcomes with positive entries, "
             r"$H(p) \le \log k$. The gap is $\mathrm{KL}(p \,\|\, u)$ for the uniform $u$."),
    hypotheses=distribution,
    start=Entropy(indexed_vector(p, k)),
    steps=(
        Step(-Sum(p[j] * log(p[j]), (j, 1, k)), rules.definition, "definition of entropy"),
        Step(log(k) + Sum(p[j] * log(1 / (k * p[j])), (j, 1, k)), rules.algebra,
             "add and subtract the log of k; the entries of $p$ sum to one"),
        Step(log(k) + Sum(p[j] * (1 / (k * p[j]) - 1), (j, 1, k)),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], 1 / (k * p[j]), (j, 1, k)),
             "the log lies below its tangent at one, with the weights $p_j$",
             relation=Relation.LE),
        Step(log(k), rules.algebra, "the $k$ terms of one over k and the entries of $p$ cancel"),
    ),
)

# Cover and Thomas, Theorem 2.6.2 (Jensen's inequality) for the concave log; MacKay ITILA
# section 2.7 (Jensen's inequality): sum_j w_j log x_j <= log sum_j w_j x_j.
x = IndexedBase("x", positive=True)
mean_x = Sum(p[j] * x[j], (j, 1, k))
jensen_for_log = Derivation(
    name="jensen_for_log",
    title="Jensen's inequality for the logarithm (Cover and Thomas, Theorem 2.6.2)",
    summary=(r"For weights $p$ on $k$ points with positive entries and positive values $x_j$, "
             r"the mean of the logs is at most the log of the mean: "
             r"$\sum_j p_j \log x_j \le \log \sum_j p_j x_j$."),
    hypotheses=(*distribution, Positive(x[j])),
    start=Sum(p[j] * log(x[j]), (j, 1, k)),
    steps=(
        Step(log(mean_x) + Sum(p[j] * log(x[j] / mean_x), (j, 1, k)), rules.algebra,
             "add and subtract the log of the mean; the weights sum to one"),
        Step(log(mean_x) + Sum(p[j] * (x[j] / mean_x - 1), (j, 1, k)),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], x[j] / mean_x, (j, 1, k)),
             "the log lies below its tangent at one, with the weights $p_j$",
             relation=Relation.LE),
        Step(log(mean_x), rules.algebra, "the ratios average to one and the weights sum to one"),
    ),
)

# Cover and Thomas, section 2.3 and Murphy PML1 section 6.2 (KL divergence): the cross entropy is
# the entropy plus the divergence.
cross_entropy_is_entropy_plus_divergence = Derivation(
    name="cross_entropy_is_entropy_plus_divergence",
    title="Cross entropy is entropy plus divergence (Murphy PML1 6.2)",
    summary=(r"For distributions $p$ and $q$ with positive entries, "
             r"$H(p, q) = H(p) + \mathrm{KL}(p \,\|\, q)$."),
    hypotheses=(*distribution, Simplex(q, k), Positive(q[j])),
    start=CrossEntropy(indexed_vector(p, k), indexed_vector(q, k)),
    steps=(
        Step(-Sum(p[j] * log(q[j]), (j, 1, k)), rules.definition, "definition of cross entropy"),
        Step(-Sum(p[j] * log(p[j]), (j, 1, k)) + Sum(p[j] * log(p[j] / q[j]), (j, 1, k)),
             rules.log_of_product, "add and subtract the log of $p_j$ in every term"),
        Step(Entropy(indexed_vector(p, k)) + KL(indexed_vector(p, k), indexed_vector(q, k)),
             rules.definition, "fold the entropy and the divergence"),
    ),
)

# Cover and Thomas, Example 2.1.1 (the binary entropy, eq. 2.5); MacKay ITILA section 1.2 (the
# binary entropy function): the derivative of the binary entropy is the log odds of the other outcome.
theta = Symbol("theta", positive=True)
binary_entropy = -theta * log(theta) - (1 - theta) * log(1 - theta)
binary_entropy_derivative = Derivation(
    name="binary_entropy_derivative",
    title="The derivative of the binary entropy (Cover and Thomas, Example 2.1.1)",
    summary=(r"For $\theta$ in $(0, 1)$, the derivative of "
             r"$H_2(\theta) = -\theta \log \theta - (1 - \theta) \log(1 - \theta)$ is "
             r"$\log((1 - \theta) / \theta)$, zero only at one half."),
    hypotheses=(UnitInterval(theta),),
    start=Derivative(binary_entropy, theta),
    steps=(
        Step(-log(theta) - 1 + log(1 - theta) + 1, rules.algebra,
             "the product rule on each term"),
        Step(log((1 - theta) / theta), rules.log_of_product,
             "the difference of two logs is the log of the ratio"),
    ),
)
