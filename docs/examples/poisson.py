"""Poisson regression: the negative log-likelihood is the Poisson loss, up to a constant.

A worked example for the user guide, written with the public API only.
"""

from sympy import IndexedBase, Sum, Symbol, exp, factorial, log, oo

from derivations import (
    Argmin,
    Derivation,
    IndexRange,
    Parameter,
    Positive,
    Real,
    Size,
    Step,
    rules,
)

# Symbols, declared with exactly the assumptions that the hypotheses below state.
lam = Symbol("lambda", positive=True)            # a Poisson rate
y = Symbol("y", integer=True, nonnegative=True)  # an observed count
m = Symbol("m", integer=True, positive=True)     # the number of observations
i = Symbol("i", integer=True)                    # the index of an observation
theta = Symbol("theta", real=True)               # the parameter we fit
x = IndexedBase("x", real=True)                  # the inputs x_i
c = IndexedBase("c", integer=True, nonnegative=True)  # the observed counts c_i


def poisson(count, rate):
    """P(Y = count) for a Poisson variable with the given rate."""
    return rate**count * exp(-rate) / factorial(count)


poisson_nll = Derivation(
    name="poisson_nll",
    title="The Poisson negative log-likelihood",
    summary=r"The negative log-probability of a count $y$ under a Poisson rate $\lambda$.",
    hypotheses=(Positive(lam), IndexRange(y, 0, oo)),
    start=-log(poisson(y, lam)),
    steps=(
        Step(-log(lam**y) - log(exp(-lam)) + log(factorial(y)), rules.log_of_product,
             "the log of a product of positive factors is the sum of their logs"),
        Step(lam - y * log(lam) + log(factorial(y)), rules.algebra,
             "the log of a power, and the log of an exponential is its exponent"),
    ),
)

rate = exp(theta * x[i])  # the log-linear model: lambda_i = exp(theta x_i)

poisson_regression = Derivation(
    name="poisson_regression",
    title="Poisson maximum likelihood minimises the Poisson loss",
    summary=(r"With rates $\lambda_i = \exp(\theta x_i)$, minimising the summed negative "
             r"log-likelihood of the counts is minimising the summed Poisson loss "
             r"$\lambda_i - c_i \log \lambda_i$: the $\log c_i!$ terms do not depend on "
             r"$\theta$."),
    hypotheses=(Size(m), Parameter(theta), Real(x[i]), IndexRange(c, 0, oo)),
    start=Argmin(Sum(-log(poisson(c[i], rate)), (i, 1, m)), theta),
    steps=(
        Step(Argmin(Sum(rate - c[i] * log(rate) + log(factorial(c[i])), (i, 1, m)), theta),
             rules.algebra, "each term is a Poisson negative log-likelihood",
             cites=("poisson_nll",)),
        Step(Argmin(Sum(rate - c[i] * log(rate), (i, 1, m)), theta),
             rules.add_constant(-Sum(log(factorial(c[i])), (i, 1, m))),
             r"the $\log c_i!$ terms do not depend on $\theta$"),
        Step(Argmin(Sum(rate - c[i] * theta * x[i], (i, 1, m)), theta), rules.algebra,
             "the log of an exponential is its exponent"),
    ),
)
