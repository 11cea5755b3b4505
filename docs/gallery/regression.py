"""Least squares as Gaussian maximum likelihood (Bishop PRML sections 1.2.5 and 3.1.1; Murphy
PML1 section 11.2.2).

Each derivation cites its textbook source in the comment above it and in its title.
"""

from sympy import IndexedBase, Product, Sum, Symbol, exp, log, pi, sqrt

from derivations import (
    Argmin,
    Derivation,
    Parameter,
    Positive,
    Real,
    Size,
    Step,
    named_function,
    rules,
)

N = Symbol("N", integer=True, positive=True)
n = Symbol("n", integer=True)
beta = Symbol("beta", positive=True)  # the noise precision, 1 / sigma^2
w = Symbol("w", real=True)  # the weights, one symbol for the whole vector
t = IndexedBase("t", real=True)
x = IndexedBase("x", real=True)
X = Symbol("x")  # a generic input, for the hypothesis on the model
model = named_function("model", r"y({0}, {1})", real=True)


def gaussian(value, mean, precision):
    """The normal density N(value | mean, 1 / precision)."""
    return sqrt(precision / (2 * pi)) * exp(-precision / 2 * (value - mean) ** 2)


squares = Sum((model(x[n], w) - t[n]) ** 2, (n, 1, N))

# Bishop PRML eq. (1.54) (and eq. 3.11-3.12): the negative log-likelihood of N independent
# Gaussian targets is the scaled sum of squares plus terms free of the weights.
gaussian_nll = Derivation(
    name="gaussian_nll",
    title="The Gaussian negative log-likelihood is a scaled sum of squares (Bishop PRML eq. 1.54)",
    summary=(r"For targets $t_n$ with mean $y(x_n, w)$ and precision $\beta$, "
             r"$-\log \prod_n \mathcal{N}(t_n \mid y(x_n, w), \beta^{-1}) = "
             r"\frac{\beta}{2} \sum_n (y(x_n, w) - t_n)^2 - \frac{N}{2} \log \beta "
             r"+ \frac{N}{2} \log(2 \pi)$."),
    hypotheses=(Size(N), Positive(beta), Real(w), Real(t[n]), Real(x[n]),
                Real(model(X, w))),
    start=-log(Product(gaussian(t[n], model(x[n], w), beta), (n, 1, N))),
    steps=(
        Step(-Sum(log(gaussian(t[n], model(x[n], w), beta)), (n, 1, N)), rules.log_of_product,
             "the log of a product of positive factors"),
        Step(-Sum(log(beta) / 2 - log(2 * pi) / 2 - beta / 2 * (t[n] - model(x[n], w)) ** 2,
                  (n, 1, N)), rules.log_of_product,
             "the log of a square root of a ratio, and the log of an exponential"),
        Step(beta / 2 * squares - N / 2 * log(beta) + N / 2 * log(2 * pi), rules.algebra,
             "split the sum; the constant terms add up N times"),
    ),
)

# Bishop PRML section 1.2.5 (after eq. 1.54) and eqs. (3.11)-(3.12); Murphy PML1 section 11.2.2:
# maximum likelihood under Gaussian noise is least squares.
gaussian_mle_is_least_squares = Derivation(
    name="gaussian_mle_is_least_squares",
    title="Maximum likelihood under Gaussian noise is least squares (Bishop PRML 1.2.5)",
    summary=(r"The weights that minimise the Gaussian negative log-likelihood are those that "
             r"minimise the sum-of-squares error $\frac{1}{2} \sum_n (y(x_n, w) - t_n)^2$, "
             r"whatever the precision $\beta$."),
    hypotheses=(Size(N), Positive(beta), Parameter(w), Real(t[n]), Real(x[n]),
                Real(model(X, w))),
    start=Argmin(-log(Product(gaussian(t[n], model(x[n], w), beta), (n, 1, N))), w),
    steps=(
        Step(Argmin(beta / 2 * squares - N / 2 * log(beta) + N / 2 * log(2 * pi), w),
             rules.identity(), "the Gaussian negative log-likelihood",
             cites=("gaussian_nll",)),
        Step(Argmin(beta / 2 * squares, w),
             rules.add_constant(N / 2 * log(beta) - N / 2 * log(2 * pi)),
             r"the terms in $\beta$ and $\pi$ do not depend on the weights"),
        Step(Argmin(squares / 2, w), rules.positive_factor(1 / beta),
             r"dividing by the positive precision keeps the minimiser"),
    ),
)
