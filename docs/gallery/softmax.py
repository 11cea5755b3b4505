"""The softmax and its cross entropy (Murphy, PML1, sections 2.5.2 and 10.3; Bishop PRML
section 4.3.4).

Each derivation cites its textbook source (book, section, equation) in the comment above it and
in its title.
"""

from sympy import Derivative, IndexedBase, KroneckerDelta, Lambda, Sum, Symbol, exp, log

from derivations import (
    CrossEntropy,
    Definition,
    Derivation,
    IndexRange,
    OneHot,
    Positive,
    Real,
    Size,
    Step,
    UnitInterval,
    function_vector,
    indexed_vector,
    named_function,
    rules,
)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)  # noqa: E741 (the summation index of the normaliser)
y = Symbol("y", integer=True)
c = Symbol("c", real=True)
z = IndexedBase("z", real=True)

normaliser = Sum(exp(z[l]), (l, 1, k))

# Murphy PML1 section 2.5.2: the softmax is invariant to adding a constant to every logit.
softmax_shift_invariance = Derivation(
    name="softmax_shift_invariance",
    title="The softmax is unchanged by a common shift of the logits (Murphy PML1 2.5.2)",
    summary=(r"For real logits $z$ and any real $c$, "
             r"$\exp(z_j + c) / \sum_l \exp(z_l + c) = \exp(z_j) / \sum_l \exp(z_l)$."),
    hypotheses=(Size(k), Real(z[l]), Real(c), IndexRange(j, 1, k)),
    start=exp(z[j] + c) / Sum(exp(z[l] + c), (l, 1, k)),
    steps=(
        Step(exp(c) * exp(z[j]) / Sum(exp(c) * exp(z[l]), (l, 1, k)), rules.algebra,
             "the exponential of a sum is a product"),
        Step(exp(c) * exp(z[j]) / (exp(c) * normaliser), rules.algebra,
             "take the common factor out of the sum"),
        Step(exp(z[j]) / normaliser, rules.algebra, "cancel the common factor"),
    ),
)

# Murphy PML1 section 10.3.2; Bishop PRML eq. (4.108) with one-hot targets:
# the negative log-likelihood of a softmax is log-sum-exp minus the label's logit.
softmax_nll_is_logsumexp = Derivation(
    name="softmax_nll_is_logsumexp",
    title="The softmax negative log-likelihood is log-sum-exp minus the label's logit "
          "(Murphy PML1 10.3.2)",
    summary=(r"For real logits $z$ and a label $y$ among $k$ classes, "
             r"$-\log(\exp(z_y) / \sum_l \exp(z_l)) = \log \sum_l \exp(z_l) - z_y$."),
    hypotheses=(Size(k), Real(z[l]), IndexRange(y, 1, k)),
    start=-log(exp(z[y]) / normaliser),
    steps=(
        Step(-log(exp(z[y])) + log(normaliser), rules.log_of_product,
             "the log of a quotient of positive numbers"),
        Step(log(normaliser) - z[y], rules.algebra, "the log of an exponential is its exponent"),
    ),
)

# Murphy PML1 section 10.3.2; Bishop PRML eq. (4.109): the gradient of the
# softmax cross entropy in logit j is the softmax entry minus the one-hot target.
u = Symbol("u")  # the formal argument of the softmax's definition
softmax = named_function("softmax", r"\mathcal{{S}}(z)_{{{0}}}", positive=True)
softmax_definition = Definition(softmax, Lambda(u, exp(z[u]) / normaliser), "the softmax")

softmax_cross_entropy_gradient = Derivation(
    name="softmax_cross_entropy_gradient",
    title="The gradient of softmax cross entropy in a logit (Murphy PML1 10.3.2, "
          "Bishop PRML eq. 4.109)",
    summary=(r"For real logits $z$ and a label $y$ among $k$ classes, the derivative of "
             r"$-\log \mathcal{S}(z)_y$ in $z_j$ is $\mathcal{S}(z)_j - \delta_{jy}$."),
    hypotheses=(Size(k), Real(z[l]), IndexRange(y, 1, k), IndexRange(j, 1, k),
                softmax_definition),
    start=Derivative(-log(softmax(y)), z[j]),
    steps=(
        Step(Derivative(-log(exp(z[y]) / normaliser), z[j]), rules.definition,
             "definition of the softmax"),
        Step(Derivative(log(normaliser) - z[y], z[j]), rules.log_of_product,
             "the log of a quotient of positive numbers, and the log of an exponential"),
        Step(exp(z[j]) / normaliser - KroneckerDelta(j, y), rules.algebra,
             "differentiate: the log-normaliser gives the softmax entry, a logit gives a delta"),
        Step(softmax(j) - KroneckerDelta(j, y), rules.definition, "fold the softmax back"),
    ),
)

# Bishop PRML section 4.2 (eqs. 4.57 and 4.62) / Murphy PML1 section 2.5.2: with two classes the softmax is a
# sigmoid of the difference of the logits.
a1 = Symbol("a_1", real=True)
a2 = Symbol("a_2", real=True)
two_class_softmax_is_sigmoid = Derivation(
    name="two_class_softmax_is_sigmoid",
    title="A two-class softmax is a sigmoid of the logit difference (Bishop PRML 4.2)",
    summary=(r"For real $a_1, a_2$, $\exp(a_1) / (\exp(a_1) + \exp(a_2)) = "
             r"1 / (1 + \exp(-(a_1 - a_2)))$."),
    hypotheses=(Real(a1), Real(a2)),
    start=exp(a1) / (exp(a1) + exp(a2)),
    steps=(
        Step(1 / (1 + exp(a2) / exp(a1)), rules.algebra,
             "divide numerator and denominator by the first exponential"),
        Step(1 / (1 + exp(-(a1 - a2))), rules.algebra, "a ratio of exponentials"),
    ),
)

# Label smoothing (Szegedy et al. 2016, section 7; discussed in Murphy PML1 chapter 10): the cross entropy
# against the smoothed target is a weighted sum of the one-hot and the uniform cross entropies.
eps = Symbol("epsilon", positive=True)
q = IndexedBase("q", positive=True)
smoothed = function_vector(lambda i: (1 - eps) * KroneckerDelta(i, y) + eps / k,
                           Symbol("p"), k)
uniform = function_vector(lambda i: 1 / k, Symbol("u"), k)
label_smoothing_decomposition = Derivation(
    name="label_smoothing_decomposition",
    title="Label smoothing mixes the one-hot and the uniform cross entropies "
          "(Szegedy et al. 2016; Murphy PML1 ch. 10)",
    summary=(r"With smoothing $\epsilon$ in $(0, 1)$ the target is "
             r"$p_j = (1 - \epsilon) \delta_{jy} + \epsilon / k$, and "
             r"$H(p, q) = (1 - \epsilon) H(e_y, q) + \epsilon H(u, q)$ for the uniform $u$."),
    hypotheses=(Size(k), IndexRange(y, 1, k), UnitInterval(eps), Positive(q[j])),
    start=CrossEntropy(smoothed, indexed_vector(q, k)),
    steps=(
        Step(-Sum(((1 - eps) * KroneckerDelta(j, y) + eps / k) * log(q[j]), (j, 1, k)),
             rules.definition, "definition of cross entropy"),
        Step((1 - eps) * (-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)))
             + eps * (-Sum(log(q[j]) / k, (j, 1, k))), rules.algebra,
             "split the sum by linearity"),
        Step((1 - eps) * CrossEntropy(OneHot(y, k), indexed_vector(q, k))
             + eps * CrossEntropy(uniform, indexed_vector(q, k)), rules.definition,
             "fold both cross entropies"),
        Step((1 - eps) * (-log(q[y])) + eps * (-Sum(log(q[j]), (j, 1, k)) / k),
             rules.one_hot_collapse, "the one-hot term keeps only the label's class"),
    ),
)
