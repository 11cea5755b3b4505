"""A5: minimising the divergence from the data's empirical distribution is maximum likelihood.

The empirical distribution of the labels y_1, ..., y_m gives each class the fraction of the
observations that carry it; labels may repeat. Its divergence from the model's distribution is
the cross entropy minus the data's entropy, and the entropy does not involve the parameters.
"""

from __future__ import annotations

from sympy import KroneckerDelta, Lambda, Mul, Sum, Symbol, log

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
             r"$m$ observations that carry it; labels may repeat. Its Kullback-Leibler divergence "
             r"from the model's distribution is the cross entropy minus the data's entropy. The "
             r"entropy does not depend on the parameters, so the divergence, the cross entropy "
             r"and the mean negative log-likelihood of the labels have the same minimisers. A "
             r"class that never occurs has empirical frequency zero, and its terms in the "
             r"divergence and in the entropy are read with the convention $0 \log 0 = 0$: the "
             r"identity of the first step holds for positive distributions and extends to zero "
             r"entries only by that convention. From the cross entropy on, no logarithm of an "
             r"empirical frequency appears, and nothing needs every class to occur."),
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
