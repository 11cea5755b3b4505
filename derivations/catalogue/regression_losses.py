"""B3 and B4: other likelihoods give other familiar losses.

A Bernoulli likelihood gives the binary cross entropy (and independent labels give a sum of
them); a Gaussian likelihood with a fixed variance gives the mean squared error.
"""

from __future__ import annotations

from sympy import (
    Add,
    IndexedBase,
    KroneckerDelta,
    Lambda,
    Mul,
    Pow,
    Product,
    Rational,
    Sum,
    Symbol,
    Tuple,
    exp,
    log,
    pi,
)

from derivations import (
    Argmin,
    CrossEntropy,
    Definition,
    Derivation,
    Implementation,
    IndexRange,
    Parameter,
    Positive,
    Real,
    Size,
    Step,
    UnitInterval,
    Vector,
    named_function,
    rules,
    vector,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import X, i, label, m, theta, x

# --- B3: Bernoulli -------------------------------------------------------------------------

#: The predicted probability of the label 1, strictly between 0 and 1.
a = Symbol("a", positive=True)
#: Multi-label: the number of labels, the label index, each label's predicted probability.
n_labels = Symbol("L", integer=True, positive=True)
l = Symbol("l", integer=True)  # noqa: E741 (the label index, as in the text)
a_labels = IndexedBase("a", positive=True)
y_labels = IndexedBase("y", integer=True)
#: The component index of a two-entry vector.
_entry = Symbol("j", integer=True)


def pair(first, second) -> Vector:
    """The two-entry vector ``(first, second)``: a distribution over the labels 1 and 0."""
    return Vector(Tuple(first, second),
                  Lambda(_entry, first * KroneckerDelta(_entry, 1)
                         + second * KroneckerDelta(_entry, 2)), 2)


def bernoulli(prob, outcome):
    """The Bernoulli probability ``a^y (1 - a)^(1 - y)`` of the outcome ``y`` in {0, 1}."""
    return Mul(prob**outcome, (1 - prob)**(1 - outcome), evaluate=False)


def expanded_bernoulli_nll(prob, outcome):
    """``-(y log a + (1 - y) log(1 - a))``, kept in this order for printing."""
    return Mul(-1, Add(outcome * log(prob), (1 - outcome) * log(1 - prob), evaluate=False),
               evaluate=False)


def binary_cross_entropy(prob, outcome):
    """``H((y, 1 - y), (a, 1 - a))``: the cross entropy of two-entry distributions."""
    return CrossEntropy(pair(outcome, 1 - outcome), pair(prob, 1 - prob))


bernoulli_nll_is_binary_cross_entropy = Derivation(
    name="bernoulli_nll_is_binary_cross_entropy",
    title="The Bernoulli negative log-likelihood is the binary cross entropy",
    summary=(r"For a label $y \in \{0, 1\}$ and a predicted probability $a$ of the label 1, the "
             r"negative log-probability of the label under the Bernoulli distribution is the "
             r"binary cross entropy: the cross entropy between the label's distribution $(y, 1 - "
             r"y)$ and the prediction $(a, 1 - a)$. Cross entropy is not limited to one-hot class "
             r"labels: it is the negative log-likelihood of whatever distribution the model "
             r"predicts."),
    hypotheses=(IndexRange(label, 0, 1), UnitInterval(a)),
    start=-log(bernoulli(a, label)),
    steps=(
        Step(-log(a**label) - log((1 - a)**(1 - label)), rules.algebra,
             "the log of a product is the sum of the logs; both factors are positive because "
             "the probability lies strictly between 0 and 1"),
        Step(expanded_bernoulli_nll(a, label), rules.algebra,
             "the log of a power of a positive number is the exponent times the log"),
        Step(binary_cross_entropy(a, label), rules.definition,
             "definition of the cross entropy of the two-entry distributions"),
    ),
    implementations=(Implementation(code.binary_cross_entropy, equals="start", a=a, y=label),),
)

multi_label_binary_cross_entropy = Derivation(
    name="multi_label_binary_cross_entropy",
    title="Independent labels: the negative log-likelihood is a sum of binary cross entropies",
    summary=(r"With $L$ labels, each 0 or 1 and modelled as independent Bernoulli variables, each "
             r"with its own predicted probability, the joint probability is a product, and its "
             r"negative log is the sum over the labels of their binary cross entropies "
             r"(multi-label classification with one sigmoid output per label)."),
    hypotheses=(Size(n_labels), IndexRange(y_labels, 0, 1), UnitInterval(a_labels)),
    start=-log(Product(bernoulli(a_labels[l], y_labels[l]), (l, 1, n_labels))),
    steps=(
        Step(Sum(-log(bernoulli(a_labels[l], y_labels[l])), (l, 1, n_labels)), rules.algebra,
             "the log of a product of positive factors is the sum of their logs"),
        Step(Sum(expanded_bernoulli_nll(a_labels[l], y_labels[l]), (l, 1, n_labels)),
             rules.algebra,
             "each term is a Bernoulli negative log-likelihood, expanded as before",
             cites=("bernoulli_nll_is_binary_cross_entropy",)),
        Step(Sum(binary_cross_entropy(a_labels[l], y_labels[l]), (l, 1, n_labels)),
             rules.definition, "each term is a binary cross entropy",
             cites=("bernoulli_nll_is_binary_cross_entropy",)),
    ),
    implementations=(
        Implementation(code.multi_label_binary_cross_entropy, equals="start",
                       a=vector(a_labels, n_labels), y=vector(y_labels, n_labels)),
    ),
)

# --- B4: Gaussian --------------------------------------------------------------------------

#: The fixed standard deviation of the noise, and real-valued regression targets.
sigma = Symbol("sigma", positive=True)
y_real = IndexedBase("y", real=True)
#: Formal arguments of the density: an outcome, a mean, a standard deviation.
_Y, _MU, _SIGMA = Symbol("y"), Symbol("mu"), Symbol("sigma")

#: N(y; mu, sigma^2): the normal density, as a function of the standard deviation.
normal = named_function("normal", r"\mathcal{{N}}\left({0}; {1}, {2}^{{2}}\right)")


def _residual_of(outcome, mean):
    """``outcome - mean``, kept in this order for printing."""
    return Add(outcome, -mean, evaluate=False)


def _density(outcome, mean, sd):
    """``exp(-(y - mu)^2 / (2 sigma^2)) / sqrt(2 pi sigma^2)``, printed as a textbook does."""
    exponent = Mul(-1, _residual_of(outcome, mean)**2, Pow(2 * sd**2, -1, evaluate=False),
                   evaluate=False)
    root = Pow(Mul(2, pi, sd**2, evaluate=False), Rational(1, 2), evaluate=False)
    return Mul(Pow(root, -1, evaluate=False), exp(exponent), evaluate=False)


normal_density = Definition(normal, Lambda((_Y, _MU, _SIGMA), _density(_Y, _MU, _SIGMA)))
#: mu_theta(x): the network's prediction of the mean, a real number.
mu = named_function("mu", r"\mu_{{{1}}}\left({0}\right)", real=True)


def _over_data(term):
    return Sum(term, (i, 1, m))


_residual = _residual_of(y_real[i], mu(x[i], theta))

gaussian_nll_is_mse = Derivation(
    name="gaussian_nll_is_mse",
    title="Gaussian maximum likelihood with a fixed variance is least squares",
    summary=(r"If the model says $y$ is normal with mean $\mu(x)$ given by the network and a "
             r"fixed standard deviation $\sigma$, each negative log-likelihood is the squared "
             r"error over $2 \sigma^2$ plus a constant; dropping the constant and rescaling, the "
             r"maximum-likelihood parameters minimise the mean squared error."),
    hypotheses=(Size(m), Parameter(theta), Real(y_real[i]), Real(mu(X, theta)), Positive(sigma),
                normal_density),
    start=Argmin(_over_data(-log(normal(y_real[i], mu(x[i], theta), sigma))), theta),
    steps=(
        Step(Argmin(_over_data(-log(_density(y_real[i], mu(x[i], theta), sigma))), theta),
             rules.definition, "definition of the normal density"),
        Step(Argmin(_over_data(_residual**2 / (2 * sigma**2) + log(2 * pi * sigma**2) / 2),
                    theta),
             rules.algebra, "the log of an exponential is its exponent, and the log of a "
             "square root is half the log"),
        Step(Argmin(_over_data(_residual**2 / (2 * sigma**2)), theta),
             rules.add_constant(-m * log(2 * pi * sigma**2) / 2),
             "the normalising term does not depend on the parameters"),
        Step(Argmin(_over_data(_residual**2) / m, theta),
             rules.positive_factor(2 * sigma**2 / m),
             "multiplying by $2 \\sigma^2 / m$, a positive "
             "constant, keeps the minimiser"),
    ),
    # the objectives of the first and the last line, with the predictions mu as an array
    implementations=(
        Implementation(code.gaussian_nll, equals="start", y=vector(y_real, m),
                       mu=vector(Lambda(i, mu(x[i], theta)), m), sigma=sigma),
        Implementation(code.mean_squared_error, equals="end", y=vector(y_real, m),
                       mu=vector(Lambda(i, mu(x[i], theta)), m)),
    ),
)
