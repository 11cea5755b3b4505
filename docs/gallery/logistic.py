"""The logistic sigmoid and the Bernoulli likelihood (Bishop, PRML, sections 4.2-4.3).

Each derivation cites its textbook source (book, section, equation) in the comment above it
and in its title.
"""

from sympy import Derivative, IndexedBase, Lambda, Product, Sum, Symbol, exp, log

from derivations import (
    Definition,
    Derivation,
    IndexRange,
    Positive,
    Real,
    Size,
    Step,
    UnitInterval,
    named_function,
    rules,
)

a = Symbol("a", real=True)
u = Symbol("u", real=True)  # the formal argument of the definition
sigma = named_function("sigma", r"\sigma({0})", positive=True)
sigmoid_definition = Definition(sigma, Lambda(u, 1 / (1 + exp(-u))), "the logistic sigmoid")

# Bishop PRML eq. (4.88): d sigma / d a = sigma (1 - sigma).
sigmoid_derivative = Derivation(
    name="sigmoid_derivative",
    title="The derivative of the logistic sigmoid (Bishop PRML eq. 4.88)",
    summary=r"For real $a$, $\sigma'(a) = \sigma(a) (1 - \sigma(a))$.",
    hypotheses=(Real(a), Real(u), sigmoid_definition),
    start=Derivative(sigma(a), a),
    steps=(
        Step(Derivative(1 / (1 + exp(-a)), a), rules.definition,
             "definition of the sigmoid"),
        Step(exp(-a) / (1 + exp(-a)) ** 2, rules.algebra, "the quotient rule"),
        Step(1 / (1 + exp(-a)) * (1 - 1 / (1 + exp(-a))), rules.algebra,
             "write the numerator as the denominator minus one"),
        Step(sigma(a) * (1 - sigma(a)), rules.definition, "fold the sigmoid back"),
    ),
)

# Bishop PRML eq. (4.60): sigma(-a) = 1 - sigma(a).
sigmoid_symmetry = Derivation(
    name="sigmoid_symmetry",
    title="The symmetry of the logistic sigmoid (Bishop PRML eq. 4.60)",
    summary=r"For real $a$, $\sigma(-a) = 1 - \sigma(a)$.",
    hypotheses=(Real(a), Real(u), sigmoid_definition),
    start=sigma(-a),
    steps=(
        Step(1 / (1 + exp(a)), rules.definition, "definition of the sigmoid"),
        Step(1 - exp(a) / (1 + exp(a)), rules.algebra, "one minus the complementary fraction"),
        Step(1 - 1 / (1 + exp(-a)), rules.algebra,
             "divide numerator and denominator by the exponential"),
        Step(1 - sigma(a), rules.definition, "fold the sigmoid back"),
    ),
)

# Bishop PRML eqs. (4.57)-(4.58): a two-class posterior is the sigmoid of the log odds.
p1 = Symbol("p_1", positive=True)
p2 = Symbol("p_2", positive=True)
posterior_is_sigmoid = Derivation(
    name="posterior_is_sigmoid",
    title="A two-class posterior is a sigmoid of the log odds (Bishop PRML eqs. 4.57-4.58)",
    summary=(r"With $p_1 = p(x \mid C_1) p(C_1)$ and $p_2 = p(x \mid C_2) p(C_2)$ positive, "
             r"Bayes' rule gives $p(C_1 \mid x) = p_1 / (p_1 + p_2) = \sigma(\log(p_1 / p_2))$."),
    hypotheses=(Positive(p1), Positive(p2), Real(u), sigmoid_definition),
    start=p1 / (p1 + p2),
    steps=(
        Step(1 / (1 + p2 / p1), rules.algebra, "divide numerator and denominator by $p_1$"),
        Step(1 / (1 + exp(-log(p1 / p2))), rules.algebra,
             "a positive ratio is the exponential of its log"),
        Step(sigma(log(p1 / p2)), rules.definition, "fold the sigmoid"),
    ),
)

# Bishop PRML eqs. (4.89)-(4.90), one observation: the Bernoulli negative log-likelihood is the
# binary cross entropy.
t = Symbol("t", integer=True)
mu = Symbol("mu", positive=True)
bernoulli_nll = Derivation(
    name="bernoulli_nll",
    title="The Bernoulli negative log-likelihood is the binary cross entropy (Bishop PRML eq. 4.90)",
    summary=(r"For a target $t$ in $\{0, 1\}$ and a predicted probability $\mu$ in $(0, 1)$, "
             r"$-\log(\mu^t (1 - \mu)^{1 - t}) = -t \log \mu - (1 - t) \log(1 - \mu)$."),
    hypotheses=(IndexRange(t, 0, 1), UnitInterval(mu)),
    start=-log(mu ** t * (1 - mu) ** (1 - t)),
    steps=(
        Step(-log(mu ** t) - log((1 - mu) ** (1 - t)), rules.log_of_product,
             "the log of a product of positive factors"),
        Step(-t * log(mu) - (1 - t) * log(1 - mu), rules.algebra, "the log of a power"),
    ),
)

# Bishop PRML eqs. (4.89)-(4.90), a data set of N observations.
N = Symbol("N", integer=True, positive=True)
n = Symbol("n", integer=True)
tt = IndexedBase("t", integer=True)
yy = IndexedBase("y", positive=True)
bernoulli_data_nll = Derivation(
    name="bernoulli_data_nll",
    title="The cross-entropy error of a Bernoulli data set (Bishop PRML eqs. 4.89-4.90)",
    summary=(r"For targets $t_n$ in $\{0, 1\}$ and predictions $y_n$ in $(0, 1)$, the negative "
             r"log of the likelihood $\prod_n y_n^{t_n} (1 - y_n)^{1 - t_n}$ is the cross-entropy "
             r"error $-\sum_n t_n \log y_n + (1 - t_n) \log(1 - y_n)$."),
    hypotheses=(Size(N), IndexRange(tt, 0, 1), UnitInterval(yy[n])),
    start=-log(Product(yy[n] ** tt[n] * (1 - yy[n]) ** (1 - tt[n]), (n, 1, N))),
    steps=(
        Step(-Sum(log(yy[n] ** tt[n] * (1 - yy[n]) ** (1 - tt[n])), (n, 1, N)),
             rules.log_of_product, "the log of a product of positive factors"),
        Step(-Sum(tt[n] * log(yy[n]) + (1 - tt[n]) * log(1 - yy[n]), (n, 1, N)),
             rules.log_of_product, "the log of each term's product, and the log of a power"),
    ),
)
