"""The softplus and tanh, and their relation to the sigmoid (Goodfellow, Bengio and Courville,
Deep Learning, section 3.10; Bishop PRML section 5.3.2).

Each derivation cites its textbook source in the comment above it and in its title.
"""

from sympy import Derivative, Lambda, Symbol, exp, log, tanh

from derivations import Definition, Derivation, Real, Step, named_function, rules

x = Symbol("x", real=True)
v = Symbol("v", real=True)  # the formal argument of the definitions
softplus = named_function("softplus", r"\operatorname{{softplus}}({0})", positive=True)
softplus_definition = Definition(softplus, Lambda(v, log(1 + exp(v))), "the softplus")
sigma = named_function("sigma", r"\sigma({0})", positive=True)
sigmoid_definition = Definition(sigma, Lambda(v, 1 / (1 + exp(-v))), "the logistic sigmoid")

# Goodfellow et al., Deep Learning, section 3.10 (eqs. 3.33-3.41): softplus(x) - softplus(-x) = x.
softplus_difference = Derivation(
    name="softplus_difference",
    title="The softplus of x minus the softplus of minus x (Goodfellow et al. 3.10)",
    summary=r"For real $x$, $\operatorname{softplus}(x) - \operatorname{softplus}(-x) = x$.",
    hypotheses=(Real(x), Real(v), softplus_definition),
    start=softplus(x) - softplus(-x),
    steps=(
        Step(log(1 + exp(x)) - log(1 + exp(-x)), rules.definition, "definition of the softplus"),
        Step(log(1 + exp(x)) - log(exp(-x) * (exp(x) + 1)), rules.algebra,
             "factor the exponential out of the second argument"),
        Step(log(1 + exp(x)) - (-x + log(exp(x) + 1)), rules.log_of_product,
             "the log of a product of positive factors"),
        Step(x, rules.algebra, "the two logs cancel"),
    ),
)

# Goodfellow et al., Deep Learning, section 3.10 (eqs. 3.33-3.41): the derivative of the softplus is the sigmoid.
softplus_derivative = Derivation(
    name="softplus_derivative",
    title="The derivative of the softplus is the sigmoid (Goodfellow et al. 3.10)",
    summary=r"For real $x$, $\operatorname{softplus}'(x) = \sigma(x)$.",
    hypotheses=(Real(x), Real(v), softplus_definition, sigmoid_definition),
    start=Derivative(softplus(x), x),
    steps=(
        Step(Derivative(log(1 + exp(x)), x), rules.definition, "definition of the softplus"),
        Step(exp(x) / (1 + exp(x)), rules.algebra, "the chain rule"),
        Step(1 / (1 + exp(-x)), rules.algebra,
             "divide numerator and denominator by the exponential"),
        Step(sigma(x), rules.definition, "fold the sigmoid"),
    ),
)

# Goodfellow et al., Deep Learning, section 3.10 (eqs. 3.33-3.41): log sigma(x) = -softplus(-x).
log_sigmoid_is_minus_softplus = Derivation(
    name="log_sigmoid_is_minus_softplus",
    title="The log of the sigmoid is minus the softplus of minus x (Goodfellow et al. 3.10)",
    summary=r"For real $x$, $\log \sigma(x) = -\operatorname{softplus}(-x)$.",
    hypotheses=(Real(x), Real(v), softplus_definition, sigmoid_definition),
    start=log(sigma(x)),
    steps=(
        Step(log(1 / (1 + exp(-x))), rules.definition, "definition of the sigmoid"),
        Step(-log(1 + exp(-x)), rules.algebra, "the log of a reciprocal"),
        Step(-softplus(-x), rules.definition, "fold the softplus"),
    ),
)

# Bishop PRML eq. (5.60): the derivative of tanh, used in the backpropagation example of
# section 5.3.2, is 1 - tanh^2.
tanh_derivative = Derivation(
    name="tanh_derivative",
    title="The derivative of tanh (Bishop PRML eq. 5.60)",
    summary=r"For real $x$, $\tanh'(x) = 1 - \tanh(x)^2$.",
    hypotheses=(Real(x),),
    start=Derivative(tanh(x), x),
    steps=(Step(1 - tanh(x) ** 2, rules.algebra, "the derivative of the hyperbolic tangent"),),
)
