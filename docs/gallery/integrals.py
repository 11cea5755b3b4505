"""Integrals: the softplus as the integral of the sigmoid, the Gaussian's mass and moments, and
the KL divergence between two Gaussians derived from its definition.

Every integral is evaluated by an antiderivative that the checker differentiates
(``rules.antiderivative``), with its limits at the ends; rewriting an integrand and splitting
an integral of a sum are ``algebra`` once each integral is shown to converge.
"""

from sympy import Integer, Integral, Lambda, Rational, Symbol, erf, exp, log, oo, pi, sqrt

from derivations import Definition, Derivation, Positive, Real, Step, named_function, rules

t = Symbol("t", real=True)
x = Symbol("x", real=True)
mu = Symbol("mu", real=True)
sigma = Symbol("sigma", positive=True)
m = Symbol("m", real=True)
s = Symbol("s", positive=True)


def gaussian(at, mean, sd):
    """The density of N(mean, sd^2) at ``at``."""
    return exp(-(at - mean) ** 2 / (2 * sd ** 2)) / (sqrt(2 * pi) * sd)


#: Goodfellow, Bengio and Courville, Deep Learning, 3.10: the softplus is an antiderivative of
#: the logistic sigmoid, so it is the sigmoid's integral from 0 shifted by log 2.
softplus_is_integral_of_sigmoid = Derivation(
    name="softplus_is_integral_of_sigmoid",
    title="The softplus is the integral of the logistic sigmoid",
    hypotheses=(Real(x),),
    start=Integral(1 / (1 + exp(-t)), (t, 0, x)),
    steps=(
        Step(log(1 + exp(x)) - log(2), rules.antiderivative(log(1 + exp(t)), of=t),
             "the softplus is an antiderivative of the sigmoid"),
    ),
)

p = gaussian(x, mu, sigma)
#: The Gaussian's cumulative distribution, up to a constant: an antiderivative of p.
Phi = erf((x - mu) / (sqrt(2) * sigma)) / 2

#: Bishop, PRML, eq. 1.48: the Gaussian density is normalised.
gaussian_is_normalised = Derivation(
    name="gaussian_is_normalised",
    title="The Gaussian density integrates to one",
    hypotheses=(Real(mu), Positive(sigma)),
    start=Integral(p, (x, -oo, oo)),
    steps=(Step(Integer(1), rules.antiderivative(Phi, of=x),
                "an antiderivative is the error function"),),
)

#: Bishop, PRML, eq. 1.49: the mean of a Gaussian.
gaussian_mean = Derivation(
    name="gaussian_mean",
    title="The mean of a Gaussian",
    hypotheses=(Real(mu), Positive(sigma)),
    start=Integral(x * p, (x, -oo, oo)),
    steps=(Step(mu, rules.antiderivative(mu * Phi - sigma ** 2 * p, of=x),
                "an antiderivative, found by parts"),),
)

#: Bishop, PRML, eq. 1.50: the second moment of a Gaussian.
gaussian_second_moment = Derivation(
    name="gaussian_second_moment",
    title="The second moment of a Gaussian",
    hypotheses=(Real(mu), Positive(sigma)),
    start=Integral(x ** 2 * p, (x, -oo, oo)),
    steps=(Step(mu ** 2 + sigma ** 2,
                rules.antiderivative((mu ** 2 + sigma ** 2) * Phi - sigma ** 2 * (x + mu) * p,
                                     of=x),
                "an antiderivative, found by parts twice"),),
)

u = Symbol("u", real=True)  # the formal argument of the densities' definitions
density_p = named_function("p", r"p\mathopen{{}}\left({0}\right)\mathclose{{}}", positive=True)
density_q = named_function("q", r"q\mathopen{{}}\left({0}\right)\mathclose{{}}", positive=True)
p_is_gaussian = Definition(density_p, Lambda(u, gaussian(u, mu, sigma)),
                           r"the density of $\mathcal{N}(\mu, \sigma^2)$")
q_is_gaussian = Definition(density_q, Lambda(u, gaussian(u, m, s)),
                           r"the density of $\mathcal{N}(m, s^2)$")
#: log p(x) - log q(x) = A + B x + C x^2
A = log(s / sigma) - mu ** 2 / (2 * sigma ** 2) + m ** 2 / (2 * s ** 2)
B = mu / sigma ** 2 - m / s ** 2
C = 1 / (2 * s ** 2) - 1 / (2 * sigma ** 2)
px = density_p(x)

#: Murphy, PML1, 6.2.3 (Bishop, PRML, exercise 1.30): the KL divergence between two
#: univariate Gaussians, from its definition as an integral.
gaussian_kl_divergence = Derivation(
    name="gaussian_kl_divergence",
    title="The KL divergence between two Gaussians",
    hypotheses=(Real(mu), Positive(sigma), Real(m), Positive(s), Real(u), p_is_gaussian,
                q_is_gaussian),
    start=Integral(px * log(px / density_q(x)), (x, -oo, oo)),
    steps=(
        Step(Integral(px * (A + B * x + C * x ** 2), (x, -oo, oo)), rules.definition,
             "the log of the ratio of the two Gaussian densities is a quadratic in x"),
        Step(A * Integral(px, (x, -oo, oo)) + B * Integral(x * px, (x, -oo, oo))
             + C * Integral(x ** 2 * px, (x, -oo, oo)), rules.algebra,
             "linearity: each of the three integrals converges"),
        Step(A + B * mu + C * (mu ** 2 + sigma ** 2),
             rules.antiderivative(Phi, mu * Phi - sigma ** 2 * px,
                                  (mu ** 2 + sigma ** 2) * Phi - sigma ** 2 * (x + mu) * px,
                                  of=x),
             "the Gaussian's mass, mean and second moment"),
        Step(log(s / sigma) + (sigma ** 2 + (mu - m) ** 2) / (2 * s ** 2) - Rational(1, 2),
             rules.algebra, "collecting terms"),
    ),
)
