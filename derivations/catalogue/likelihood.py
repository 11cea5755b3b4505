"""A1 and A2: maximum likelihood as minimum negative log-likelihood, and its conditional form."""

from __future__ import annotations

from sympy import Product, Sum, Symbol, log

from derivations import (
    Argmax,
    Argmin,
    Derivation,
    IndexRange,
    Parameter,
    Positive,
    Size,
    Step,
    rules,
)
from derivations.catalogue.notation import (
    X,
    Y,
    factorisation,
    i,
    k,
    m,
    o,
    p_cond,
    p_input,
    p_joint,
    p_obs,
    theta,
    x,
    y,
)


def _over_data(term):
    return Sum(term, (i, 1, m))


o_i = o[i]
#: A generic observation, for the hypothesis p(o; theta) > 0 (for every o).
O = Symbol("o")  # noqa: E741 (the observation, as in the text)
likelihood = Product(p_obs(o_i, theta), (i, 1, m))

mle_as_sum_of_neg_logs = Derivation(
    name="mle_as_sum_of_neg_logs",
    title="Maximum likelihood is minimum negative log-likelihood",
    summary=(r"Maximising the likelihood of $m$ observations is the same as minimising the sum, "
             r"or the mean, of their negative log-probabilities."),
    hypotheses=(Size(m), Parameter(theta), Positive(p_obs(O, theta))),
    start=Argmax(likelihood, theta),
    steps=(
        Step(Argmax(log(likelihood), theta), rules.logarithm(),
             "log is strictly increasing on the positive reals, and the likelihood is positive"),
        Step(Argmax(_over_data(log(p_obs(o_i, theta))), theta), rules.log_of_product,
             "the log of a product of positive factors is the sum of their logs"),
        Step(Argmin(_over_data(-log(p_obs(o_i, theta))), theta), rules.negate(),
             "negating the objective turns arg max into arg min"),
        Step(Argmin(_over_data(-log(p_obs(o_i, theta))) / m, theta),
             rules.positive_factor(1 / m),
             "dividing by the number of observations keeps the minimiser"),
    ),
)

_joint = p_joint(x[i], y[i], theta)

conditional_likelihood = Derivation(
    name="conditional_likelihood",
    title="Only the conditional likelihood of the labels matters",
    summary=("When an observation's probability factors into the model's probability of the label "
             "given the input times the probability of the input, and the latter does not depend "
             "on the parameters, the inputs' term is a constant and drops out of the arg min."),
    hypotheses=(
        Size(m), Size(k), Parameter(theta), IndexRange(y, 1, k),
        Positive(p_cond(Y, X, theta)), Positive(p_input(X)),
        factorisation,
    ),
    start=Argmin(_over_data(-log(_joint)), theta),
    steps=(
        Step(Argmin(_over_data(-log(p_cond(y[i], x[i], theta) * p_input(x[i]))), theta),
             rules.definition, "an observation's probability factors into label and input"),
        Step(Argmin(_over_data(-log(p_cond(y[i], x[i], theta)) - log(p_input(x[i]))), theta),
             rules.log_of_product, "the log of a product is the sum of the logs"),
        Step(Argmin(_over_data(-log(p_cond(y[i], x[i], theta))), theta),
             rules.add_constant(_over_data(log(p_input(x[i])))),
             "the inputs' term does not depend on the parameters"),
    ),
)
