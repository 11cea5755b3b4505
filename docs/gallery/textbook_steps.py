"""Textbook steps first written as not yet checkable (not_yet.py), now all `symbolic`.

Each is the natural textbook derivation, kept as the gallery's reader wrote it: the chain
rule through a sum inside a sigmoid, tanh as exponentials, a case split with a Piecewise,
bounds through max and through moving a term across, the binary entropy under UnitInterval.
"""

from sympy import (
    Derivative,
    Eq,
    IndexedBase,
    Lambda,
    Max,
    Piecewise,
    S,
    Sum,
    Symbol,
    exp,
    log,
    tanh,
)

from derivations import (
    Definition,
    Derivation,
    IndexRange,
    Real,
    Relation,
    Size,
    Step,
    UnitInterval,
    named_function,
    rules,
)

a = Symbol("a", real=True)
v = Symbol("v", real=True)  # the formal argument of the sigmoid's definition
sigma = named_function("sigma", r"\sigma({0})", positive=True)
sigmoid_definition = Definition(sigma, Lambda(v, 1 / (1 + exp(-v))), "the logistic sigmoid")

# 1. Bishop PRML eq. (4.61): the logit inverts the sigmoid.
#    Step 1 is only sampled; step 2 fails with a false counterexample at a large a (the sampler
#    evaluates 1 - 1/(1 + exp(-a)) with cancellation).
logit_inverts_sigmoid = Derivation(
    name="logit_inverts_sigmoid",
    title="The logit inverts the sigmoid (Bishop PRML eq. 4.61)",
    summary=r"For real $a$, $\log(\sigma(a) / (1 - \sigma(a))) = a$.",
    hypotheses=(Real(a), Real(v), sigmoid_definition),
    start=log(sigma(a) / (1 - sigma(a))),
    steps=(
        Step(log((1 / (1 + exp(-a))) / (1 - 1 / (1 + exp(-a)))), rules.definition,
             "definition of the sigmoid"),
        Step(log(1 / exp(-a)), rules.algebra,
             "one minus the sigmoid is the exponential over the same denominator"),
        Step(a, rules.algebra, "the log of an exponential is its exponent"),
    ),
)

# 2. Bishop PRML eq. (4.91), one observation: the gradient of the cross-entropy error of
#    logistic regression in the weight w_j, through the sum inside the sigmoid.
#    Step 1 fails with a false counterexample (the sampler draws a huge activation and evaluates
#    1 - sigma with cancellation); the proof itself is not found either.
M = Symbol("M", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
t = Symbol("t", integer=True)
w = IndexedBase("w", real=True)
x = IndexedBase("x", real=True)
activation = Sum(w[i] * x[i], (i, 1, M))
s = sigma(activation)
logistic_regression_gradient = Derivation(
    name="logistic_regression_gradient",
    title="The gradient of the logistic-regression cross entropy (Bishop PRML eq. 4.91)",
    summary=(r"For a target $t$ in $\{0, 1\}$ and $y = \sigma(\sum_i w_i x_i)$, the derivative "
             r"of $-t \log y - (1 - t) \log(1 - y)$ in $w_j$ is $(y - t) x_j$."),
    hypotheses=(Size(M), Real(w[i]), Real(x[i]), IndexRange(j, 1, M), IndexRange(t, 0, 1),
                Real(v), sigmoid_definition),
    start=Derivative(-(t * log(s) + (1 - t) * log(1 - s)), w[j]),
    steps=(
        Step((-t / s + (1 - t) / (1 - s)) * s * (1 - s) * x[j], rules.algebra,
             "the chain rule: the sigmoid's derivative, and the derivative of the sum is $x_j$"),
        Step((s - t) * x[j], rules.algebra, "cancel the sigmoid's factors"),
    ),
)

# 3. Bishop PRML exercise 3.1: sigma(x) = (1 + tanh(x / 2)) / 2.
#    Step 1 (tanh as a ratio of exponentials) is only sampled.
sigmoid_is_scaled_tanh = Derivation(
    name="sigmoid_is_scaled_tanh",
    title="The sigmoid is a shifted and scaled tanh (Bishop PRML exercise 3.1)",
    summary=r"For real $a$, $(1 + \tanh(a / 2)) / 2 = \sigma(a)$.",
    hypotheses=(Real(a), Real(v), sigmoid_definition),
    start=(1 + tanh(a / 2)) / 2,
    steps=(
        Step((1 + (exp(a / 2) - exp(-a / 2)) / (exp(a / 2) + exp(-a / 2))) / 2, rules.algebra,
             "tanh as a ratio of exponentials"),
        Step(exp(a / 2) / (exp(a / 2) + exp(-a / 2)), rules.algebra,
             "add over the common denominator"),
        Step(1 / (1 + exp(-a)), rules.algebra,
             "divide numerator and denominator by the exponential of half a"),
        Step(sigma(a), rules.definition, "fold the sigmoid"),
    ),
)

# 4. Cover and Thomas, Example 2.1.1 with Theorem 2.6.4 at k = 2: the binary entropy is at most
#    log 2. UnitInterval(theta) does not give 1 - theta >= 0, 2 - 2 theta > 0, or
#    (1 - theta) / (2 (1 - theta)) = 1/2 symbolically.
theta = Symbol("theta", positive=True)
binary_entropy = -theta * log(theta) - (1 - theta) * log(1 - theta)
binary_entropy_at_most_log_two = Derivation(
    name="binary_entropy_at_most_log_two",
    title="The binary entropy is at most one bit (Cover and Thomas, Example 2.1.1)",
    summary=r"For $\theta$ in $(0, 1)$, $H_2(\theta) \le \log 2$.",
    hypotheses=(UnitInterval(theta),),
    start=binary_entropy,
    steps=(
        Step(log(2) + theta * log(1 / (2 * theta)) + (1 - theta) * log(1 / (2 * (1 - theta))),
             rules.algebra, "add and subtract the log of two"),
        Step(log(2) + theta * (1 / (2 * theta) - 1) + (1 - theta) * log(1 / (2 * (1 - theta))),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, theta, 1 / (2 * theta)),
             "the log lies below its tangent at one, for the first outcome",
             relation=Relation.LE),
        Step(log(2) + theta * (1 / (2 * theta) - 1) + (1 - theta) * (1 / (2 * (1 - theta)) - 1),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, 1 - theta, 1 / (2 * (1 - theta))),
             "the log lies below its tangent at one, for the second outcome",
             relation=Relation.LE),
        Step(log(2), rules.algebra, "the remaining terms cancel"),
    ),
)

# 5. Bishop PRML eq. (4.89), the case split a lecturer writes: the Bernoulli probability is mu
#    at t = 1 and 1 - mu at t = 0. Both steps are only sampled.
mu = Symbol("mu", positive=True)
bernoulli_nll_cases = Derivation(
    name="bernoulli_nll_cases",
    title="The Bernoulli negative log-likelihood, case by case (Bishop PRML eq. 4.89)",
    summary=(r"For $t$ in $\{0, 1\}$ and $\mu$ in $(0, 1)$, $-\log(\mu^t (1 - \mu)^{1 - t})$ is "
             r"$-\log \mu$ when $t$ is one and $-\log(1 - \mu)$ when $t$ is zero, which is the "
             r"binary cross entropy."),
    hypotheses=(IndexRange(t, 0, 1), UnitInterval(mu)),
    start=-log(mu ** t * (1 - mu) ** (1 - t)),
    steps=(
        Step(Piecewise((-log(mu), Eq(t, 1)), (-log(1 - mu), True)), rules.algebra,
             "the two cases of the target"),
        Step(-t * log(mu) - (1 - t) * log(1 - mu), rules.algebra,
             "one formula for both cases"),
    ),
)

# 7. Bishop PRML eq. (7.44) and figure 7.5: the hinge loss lies above the line 1 - m.
#    Only sampled: no structural fact for max(0, u) >= u.
margin = Symbol("m", real=True)
hinge_above_line = Derivation(
    name="hinge_above_line",
    title="The hinge loss lies above the line one minus the margin (Bishop PRML eq. 7.44)",
    summary=r"For a real margin $m$, $\max(0, 1 - m) \ge 1 - m$.",
    hypotheses=(Real(margin),),
    start=Max(0, 1 - margin),
    steps=(Step(1 - margin, rules.inequality, "a maximum is at least each of its arguments",
                relation=Relation.GE),),
)

# 8. Goodfellow et al., Deep Learning, section 3.10 (the softplus is a smoothed rectifier) /
#    Bishop PRML figure 7.5: the logistic loss lies above max(0, -m). Only sampled.
logistic_above_rectifier = Derivation(
    name="logistic_above_rectifier",
    title="The softplus lies above the rectifier (Goodfellow et al. section 3.10)",
    summary=r"For a real margin $m$, $\log(1 + \exp(-m)) \ge \max(0, -m)$.",
    hypotheses=(Real(margin),),
    start=log(1 + exp(-margin)),
    steps=(Step(Max(0, -margin), rules.inequality,
                "the softplus is above both zero and its argument", relation=Relation.GE),),
)

# 10. Murphy PML1 10.3: the softmax negative log-likelihood is non-negative, written as a
#     textbook writes it, log-sum-exp minus the label's logit is at least zero. Only sampled
#     (bounds.py proves it through the unevaluated intermediate z_y - z_y).
k = Symbol("k", integer=True, positive=True)
l = Symbol("l", integer=True)  # noqa: E741
y = Symbol("y", integer=True)
z = IndexedBase("z", real=True)
softmax_nll_nonnegative_direct = Derivation(
    name="softmax_nll_nonnegative_direct",
    title="Log-sum-exp minus the label's logit is non-negative (Murphy PML1 10.3)",
    summary=r"For real logits and a label $y$ among $k$ classes, $\log \sum_l \exp(z_l) - z_y \ge 0$.",
    hypotheses=(Size(k), Real(z[l]), IndexRange(y, 1, k)),
    start=log(Sum(exp(z[l]), (l, 1, k))) - z[y],
    steps=(Step(S.Zero, rules.inequality, "the label's exponential is one term of the sum",
                relation=Relation.GE),),
)
