"""A5: minimising the divergence from the data's empirical distribution is maximum likelihood.

The empirical distribution of the labels y_1, ..., y_m gives each class the fraction of the
observations that carry it; labels may repeat. Its divergence from the model's distribution is
the cross entropy minus the data's entropy, and the entropy does not involve the parameters.
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
    IndexRange,
    Parameter,
    Positive,
    Size,
    Step,
    function_vector,
    named_function,
    rules,
    xlogy,
)
from derivations.catalogue.notation import i, j, k, m, theta, y

# Imported so that checking this file alone also checks the identity its first step cites.
from derivations.catalogue.soft_labels import cross_entropy_is_entropy_plus_kl

#: q_j(theta): the model's probability of class j, and the whole distribution q(theta).
q_model = named_function("q_model", r"q_{{{0}}}({1})", positive=True)
q_dist = named_function("q_dist", r"q({0})")
#: The empirical frequency of class j among the m labels (zero for a class that never occurs).
p_emp = named_function("p_emp", r"\hat{{p}}_{{{0}}}")
#: The formal argument of the definition: a class.
J = Symbol("j")
_frequency = Definition(p_emp, Lambda(J, Sum(KroneckerDelta(J, y[i]), (i, 1, m)) / m))
#: The number of observations labelled with class j.
_count = Sum(KroneckerDelta(j, y[i]), (i, 1, m))

p_hat = function_vector(p_emp, Symbol("phat"), k)
q_vector = function_vector(lambda c: q_model(c, theta), q_dist(theta), k)

empirical_kl = Derivation(
    name="empirical_kl",
    title="Minimum divergence from the data is maximum likelihood",
    summary=(r"Let the empirical distribution of the labels give each class the fraction of the "
             r"$m$ observations that carry it; labels may repeat, and a class may never occur. "
             r"Its Kullback-Leibler divergence from the model's distribution is the cross entropy "
             r"minus the data's entropy, with $0 \log 0 = 0$ for a class that never occurs, the "
             r"convention every check here uses. The entropy does not depend on the parameters, "
             r"so the divergence, the cross entropy and the mean negative log-likelihood of the "
             r"labels have the same minimisers. [[empirical_kl_classifier]] is the same for a "
             r"classifier, with inputs."),
    hypotheses=(Size(m), Size(k), Parameter(theta), IndexRange(y, 1, k),
                Positive(q_model(J, theta)), _frequency),
    start=Argmin(KL(p_hat, q_vector), theta),
    steps=(
        Step(Argmin(-Entropy(p_hat) + CrossEntropy(p_hat, q_vector), theta), rules.definition,
             "the divergence is the cross entropy minus the entropy of the data, a class that "
             "never occurs contributing nothing to either", cites=(
                 cross_entropy_is_entropy_plus_kl.name,)),
        Step(Argmin(CrossEntropy(p_hat, q_vector), theta), rules.add_constant(Entropy(p_hat)),
             "the entropy of the data does not depend on the parameters"),
        Step(Argmin(-Sum(Mul(p_emp(j), log(q_model(j, theta)), evaluate=False), (j, 1, k)),
                    theta),
             rules.definition, "definition of cross entropy"),
        Step(Argmin(-Sum(_count * log(q_model(j, theta)), (j, 1, k)) / m, theta),
             rules.definition,
             "a class's empirical frequency counts the observations labelled with it, divided by "
             "their number"),
        Step(Argmin(Sum(Mul(KroneckerDelta(j, y[i]), -log(q_model(j, theta)), evaluate=False),
                        (j, 1, k), (i, 1, m)) / m, theta),
             rules.algebra, "sums over finite ranges may be taken in either order"),
        Step(Argmin(Sum(-log(q_model(y[i], theta)), (i, 1, m)) / m, theta),
             rules.one_hot_collapse,
             "each observation keeps only the term of its own label: the mean negative "
             "log-likelihood, whose minimisers are the maximum-likelihood parameters",
             cites=("mle_as_sum_of_neg_logs",)),
    ),
)


# A5 for a classifier: the empirical distribution of the pairs (x, y) ------------------------

#: The inputs, coded by which of N distinct values each is (inputs may repeat); the model's
#: conditional probability of a label given an input.
N = Symbol("N", integer=True, positive=True)
x_code = IndexedBase("x", integer=True)
X_, Y_ = Symbol("x"), Symbol("y")
u = Symbol("u", integer=True)
c = Symbol("c", integer=True)
q_cond = named_function("q_cond", r"q({1} \mid {0}; {2})", positive=True)
#: The empirical distribution of the pairs, and of the inputs alone.
pair_frequency = named_function("pair_frequency", r"\hat{{p}}({0}, {1})")
input_frequency = named_function("input_frequency", r"\hat{{p}}({0})")
_pairs = Definition(pair_frequency, Lambda((X_, Y_), Sum(
    KroneckerDelta(X_, x_code[i]) * KroneckerDelta(Y_, y[i]), (i, 1, m)) / m))
_inputs = Definition(input_frequency, Lambda(X_, Sum(KroneckerDelta(X_, x_code[i]),
                                                     (i, 1, m)) / m))
_model_of_pairs = input_frequency(u) * q_cond(u, c, theta)


def _over_pairs(term):
    """Sum over every input value u and class c."""
    return Sum(term, (c, 1, k), (u, 1, N))


empirical_kl_classifier = Derivation(
    name="empirical_kl_classifier",
    title="For a classifier, minimum divergence from the data is maximum likelihood",
    summary=(r"Let the data be $m$ pairs $(x_i, y_i)$, inputs coded by which of $N$ values each "
             r"is (inputs may repeat, with the same or different labels), and let $\hat{p}(x, y)$ "
             r"and $\hat{p}(x)$ be the empirical distributions of the pairs and of the inputs. A "
             r"classifier models the pairs by $\hat{p}(x) \, q(y \mid x; \theta)$: it keeps the "
             r"inputs' distribution and predicts the label. The Kullback-Leibler divergence of "
             r"this model from the data, with $0 \log 0 = 0$ for pairs never seen, is a constant "
             r"plus the mean negative log-likelihood $-\frac{1}{m} \sum_i \log q(y_i \mid x_i; "
             r"\theta)$, so minimising the divergence over $\theta$ is maximum likelihood "
             r"([[mle_as_sum_of_neg_logs]]). [[empirical_kl]] is the case without inputs."),
    hypotheses=(Size(m), Size(k), Size(N), Parameter(theta), IndexRange(x_code[i], 1, N),
                IndexRange(y, 1, k), Positive(q_cond(X_, Y_, theta)), _pairs, _inputs),
    start=Argmin(_over_pairs(xlogy(pair_frequency(u, c),
                                   pair_frequency(u, c) / _model_of_pairs)), theta),
    steps=(
        Step(Argmin(_over_pairs(xlogy(pair_frequency(u, c),
                                      pair_frequency(u, c) / input_frequency(u)))
                    + _over_pairs(pair_frequency(u, c) * -log(q_cond(u, c, theta))), theta),
             rules.algebra,
             "the log of the ratio splits off the model's probability, which is positive"),
        Step(Argmin(_over_pairs(pair_frequency(u, c) * -log(q_cond(u, c, theta))), theta),
             rules.add_constant(-_over_pairs(xlogy(pair_frequency(u, c),
                                                   pair_frequency(u, c) / input_frequency(u)))),
             "the data's own term does not depend on the parameters"),
        Step(Argmin(_over_pairs(Sum(KroneckerDelta(u, x_code[i]) * KroneckerDelta(c, y[i]),
                                    (i, 1, m)) / m * -log(q_cond(u, c, theta))), theta),
             rules.definition, "the empirical frequency of a pair counts its observations"),
        Step(Argmin(Sum(Sum(KroneckerDelta(u, x_code[i]) * KroneckerDelta(c, y[i])
                            * -log(q_cond(u, c, theta)), (c, 1, k), (u, 1, N)), (i, 1, m))
                    / m, theta),
             rules.algebra, "sums over finite ranges may be taken in either order"),
        Step(Argmin(Sum(-log(q_cond(x_code[i], y[i], theta)), (i, 1, m)) / m, theta),
             rules.one_hot_collapse,
             "each observation keeps only the term of its own input and label: the mean "
             "negative log-likelihood of the labels given the inputs",
             cites=("mle_as_sum_of_neg_logs",)),
    ),
)
