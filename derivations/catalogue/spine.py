"""A4, the headline: maximum likelihood is minimum mean cross entropy against one-hot labels."""

from __future__ import annotations

from sympy import Lambda, Product, Sum, log

from derivations import (
    Argmax,
    Argmin,
    CrossEntropy,
    Definition,
    Derivation,
    Implementation,
    IndexRange,
    OneHot,
    Parameter,
    Positive,
    Size,
    Step,
    function_vector,
    matrix,
    rules,
    vector,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import (
    X,
    Y,
    factorisation,
    i,
    j,
    k,
    m,
    p_cond,
    p_input,
    p_joint,
    q_out,
    q_vec,
    theta,
    x,
    y,
)


def _over_data(term):
    return Sum(term, (i, 1, m))


_prediction = function_vector(lambda c: q_out(c, x[i], theta), q_vec(x[i], theta), k)
_cross_entropy = CrossEntropy(OneHot(y[i], k), _prediction)

mle_is_mean_cross_entropy = Derivation(
    name="mle_is_mean_cross_entropy",
    title="Maximum likelihood is minimum mean cross entropy",
    summary=("When the network's output distribution is the model's class distribution, the "
             "maximum-likelihood parameters minimise the mean cross entropy between the one-hot "
             "labels and the outputs."),
    hypotheses=(
        Size(m), Size(k), Parameter(theta), IndexRange(y, 1, k),
        Positive(p_input(X)), Positive(q_out(Y, X, theta)),
        factorisation,
        Definition(p_cond, Lambda((Y, X, theta), q_out(Y, X, theta))),
    ),
    start=Argmax(Product(p_joint(x[i], y[i], theta), (i, 1, m)), theta),
    steps=(
        Step(Argmin(_over_data(-log(p_joint(x[i], y[i], theta))), theta), rules.negative_log(),
             "maximum likelihood is minimum negative log-likelihood",
             cites=("mle_as_sum_of_neg_logs",)),
        Step(Argmin(_over_data(-log(p_cond(y[i], x[i], theta))), theta),
             rules.add_constant(_over_data(log(p_input(x[i])))),
             "the inputs' term does not depend on the parameters",
             cites=("conditional_likelihood",)),
        Step(Argmin(_over_data(-log(q_out(y[i], x[i], theta))), theta), rules.definition,
             "the model's class probabilities are the network's outputs"),
        Step(Argmin(_over_data(_cross_entropy), theta), rules.one_hot_collapse,
             "one-hot cross entropy, read backwards", cites=("one_hot_cross_entropy",)),
        Step(Argmin(_over_data(_cross_entropy) / m, theta), rules.positive_factor(1 / m),
             "dividing by the number of observations keeps the minimiser",
             cites=("mle_as_sum_of_neg_logs",)),
    ),
    # the last objective: one row of network outputs per observation, classes from 0
    implementations=(
        Implementation(code.mean_label_cross_entropy, equals="end",
                       q=matrix(Lambda((i, j), q_out(j, x[i], theta)), m, k),
                       y=vector(Lambda(i, y[i] - 1), m)),
    ),
)
