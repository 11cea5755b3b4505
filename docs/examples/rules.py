"""One worked example per rule: every rule a step can name, each doing what it is for.

`docs/rules.md` quotes each example between `# --8<-- [start:NAME]` and `# --8<-- [end:NAME]`
markers; `tests/test_rules_reference.py` checks that the page and this file agree and that
every step here is proved `symbolic`:

    python -m derivations check docs/examples/rules.py --min-evidence symbolic
"""

# --8<-- [start:notation]
from sympy import (
    IndexedBase,
    Integer,
    Integral,
    KroneckerDelta,
    Lambda,
    Product,
    Sum,
    Symbol,
    exp,
    log,
    oo,
    pi,
    sqrt,
)

from derivations import (
    Argmax,
    Argmin,
    CrossEntropy,
    Derivation,
    IndexRange,
    OneHot,
    Parameter,
    Positive,
    Real,
    Relation,
    Simplex,
    Size,
    Step,
    indexed_vector,
    rules,
)

# Shared notation: k classes, a label y, logits z, probability vectors p and q, N observations.
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
N = Symbol("N", integer=True, positive=True)
n = Symbol("n", integer=True)
z = IndexedBase("z", real=True)
p = IndexedBase("p", positive=True)
q = IndexedBase("q", positive=True)
theta = Symbol("theta", real=True)
x = Symbol("x", real=True)
xs = IndexedBase("x", real=True)
# --8<-- [end:notation]

# --8<-- [start:algebra]
a1, a2 = Symbol("a_1", real=True), Symbol("a_2", real=True)

rule_algebra = Derivation(
    name="rule_algebra",
    title="A two-class softmax is a sigmoid of the difference of the logits",
    hypotheses=(Real(a1), Real(a2)),
    start=exp(a1) / (exp(a1) + exp(a2)),
    steps=(
        Step(1 / (1 + exp(a2) / exp(a1)), rules.algebra,
             "divide numerator and denominator by the first exponential"),
        Step(1 / (1 + exp(-(a1 - a2))), rules.algebra, "a ratio of exponentials"),
    ),
)
# --8<-- [end:algebra]

# --8<-- [start:log_of_product]
rule_log_of_product = Derivation(
    name="rule_log_of_product",
    title="The negative log-likelihood of independent observations is a sum",
    hypotheses=(Size(N), Positive(q[n])),
    start=-log(Product(q[n], (n, 1, N))),
    steps=(
        Step(-Sum(log(q[n]), (n, 1, N)), rules.log_of_product,
             "the log of a product of positive probabilities"),
    ),
)
# --8<-- [end:log_of_product]

# --8<-- [start:definition]
rule_definition = Derivation(
    name="rule_definition",
    title="The cross entropy against a one-hot target, unfolded",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(
        Step(-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), rules.definition,
             "definition of cross entropy and of the one-hot vector"),
    ),
)
# --8<-- [end:definition]

# --8<-- [start:one_hot_collapse]
rule_one_hot_collapse = Derivation(
    name="rule_one_hot_collapse",
    title="The cross entropy against a one-hot target is the label's negative log-probability",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)),
    steps=(
        Step(-log(q[y]), rules.one_hot_collapse, "only the label's term survives"),
    ),
)
# --8<-- [end:one_hot_collapse]

# --8<-- [start:antiderivative]
lam = Symbol("lambda", positive=True)
t = Symbol("t", real=True)

rule_antiderivative = Derivation(
    name="rule_antiderivative",
    title="The exponential density integrates to one",
    hypotheses=(Positive(lam),),
    start=Integral(lam * exp(-lam * t), (t, 0, oo)),
    steps=(
        Step(Integer(1), rules.antiderivative(-exp(-lam * t), of=t),
             "an antiderivative of the density"),
    ),
)
# --8<-- [end:antiderivative]

# --8<-- [start:inequality]
rule_inequality = Derivation(
    name="rule_inequality",
    title="A logit is at most the log-sum-exp of all the logits",
    hypotheses=(Size(k), Real(z[j]), IndexRange(y, 1, k)),
    start=z[y],
    steps=(
        Step(log(Sum(exp(z[j]), (j, 1, k))), rules.inequality,
             "one exponential is at most the sum of all of them", relation=Relation.LE),
    ),
)
# --8<-- [end:inequality]

# --8<-- [start:identity]
rule_identity = Derivation(
    name="rule_identity",
    title="The negative log of a sigmoid is the logistic loss",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmin(-log(1 / (1 + exp(-theta * x))), theta),
    steps=(
        Step(Argmin(log(1 + exp(-theta * x)), theta), rules.identity(),
             "the log of a reciprocal"),
    ),
)
# --8<-- [end:identity]

# --8<-- [start:logarithm]
rule_logarithm = Derivation(
    name="rule_logarithm",
    title="Maximising a Gaussian likelihood is maximising its log",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmax(exp(-(x - theta) ** 2 / 2) / sqrt(2 * pi), theta),
    steps=(
        Step(Argmax(-(x - theta) ** 2 / 2 - log(2 * pi) / 2, theta), rules.logarithm(),
             "log is increasing and the likelihood is positive"),
    ),
)
# --8<-- [end:logarithm]

# --8<-- [start:negate]
rule_negate = Derivation(
    name="rule_negate",
    title="Maximising a Gaussian log-likelihood is minimising the negative",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmax(-(x - theta) ** 2 / 2 - log(2 * pi) / 2, theta),
    steps=(
        Step(Argmin((x - theta) ** 2 / 2 + log(2 * pi) / 2, theta), rules.negate(),
             "the maximiser of a function is the minimiser of its negative"),
    ),
)
# --8<-- [end:negate]

# --8<-- [start:negative_log]
rule_negative_log = Derivation(
    name="rule_negative_log",
    title="Maximising a sigmoid likelihood is minimising the logistic loss",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmax(1 / (1 + exp(-theta * x)), theta),
    steps=(
        Step(Argmin(log(1 + exp(-theta * x)), theta), rules.negative_log(),
             "the likelihood is positive and -log is decreasing"),
    ),
)
# --8<-- [end:negative_log]

# --8<-- [start:positive_factor]
total_loss = Sum(log(1 + exp(-theta * xs[n])), (n, 1, N))

rule_positive_factor = Derivation(
    name="rule_positive_factor",
    title="Minimising the total logistic loss is minimising the mean loss",
    hypotheses=(Size(N), Parameter(theta), Real(xs[n])),
    start=Argmin(total_loss, theta),
    steps=(
        Step(Argmin(total_loss / N, theta), rules.positive_factor(1 / N),
             "dividing by the number of observations"),
    ),
)
# --8<-- [end:positive_factor]

# --8<-- [start:add_constant]
rule_add_constant = Derivation(
    name="rule_add_constant",
    title="The normalising constant of a Gaussian does not move the minimiser",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmin((x - theta) ** 2 / 2 + log(2 * pi) / 2, theta),
    steps=(
        Step(Argmin((x - theta) ** 2 / 2, theta), rules.add_constant(-log(2 * pi) / 2),
             "drop the term free of the parameter"),
    ),
)
# --8<-- [end:add_constant]

# --8<-- [start:monotone]
u = Symbol("u")

rule_monotone = Derivation(
    name="rule_monotone",
    title="Minimising the cross entropy is minimising the perplexity",
    hypotheses=(Parameter(theta), Real(x)),
    start=Argmin(log(1 + exp(-theta * x)), theta),
    steps=(
        Step(Argmin(1 + exp(-theta * x), theta), rules.monotone(Lambda(u, exp(u))),
             "the perplexity is the exponential of the cross entropy, which is increasing"),
    ),
)
# --8<-- [end:monotone]

# --8<-- [start:by_lemma]
rule_by_lemma = Derivation(
    name="rule_by_lemma",
    title="Gibbs' inequality: the KL divergence is non-negative",
    hypotheses=(Size(k), Simplex(p, k), Positive(p[j]), Simplex(q, k), Positive(q[j])),
    start=Sum(p[j] * log(q[j] / p[j]), (j, 1, k)),
    steps=(
        Step(Sum(p[j] * (q[j] / p[j] - 1), (j, 1, k)),
             rules.by_lemma(rules.LOG_BELOW_TANGENT, p[j], q[j] / p[j], (j, 1, k)),
             "the log lies below its tangent at one, with the weights $p_j$",
             relation=Relation.LE),
        Step(Integer(0), rules.algebra, "both distributions sum to one"),
    ),
)
# --8<-- [end:by_lemma]

# --8<-- [start:by_lemma_own_lemma]
w = Symbol("w")
EXP_ABOVE_TANGENT = rules.Lemma("exp_above_tangent", "1 + w <= exp(w)",
                                Lambda(w, exp(w) - 1 - w), False, Integer(0))

rule_by_lemma_own_lemma = Derivation(
    name="rule_by_lemma_own_lemma",
    title="The softmax normaliser is at least the number of classes plus the sum of the logits",
    hypotheses=(Size(k), Real(z[j])),
    start=Sum(1 + z[j], (j, 1, k)),
    steps=(
        Step(Sum(exp(z[j]), (j, 1, k)),
             rules.by_lemma(EXP_ABOVE_TANGENT, Integer(1), z[j], (j, 1, k)),
             "the exponential lies above its tangent at zero", relation=Relation.LE),
    ),
)
# --8<-- [end:by_lemma_own_lemma]

# --8<-- [start:by_theorem]
r = IndexedBase("r", positive=True)
s = IndexedBase("s", positive=True)

rule_by_theorem = Derivation(
    name="rule_by_theorem",
    title="The cross entropy is at least the entropy",
    hypotheses=(Size(k), Simplex(r, k), Positive(r[j]), Simplex(s, k), Positive(s[j])),
    start=-Sum(r[j] * log(r[j]), (j, 1, k)),
    steps=(
        Step(-Sum(r[j] * log(s[j]), (j, 1, k)), rules.by_theorem(rule_by_lemma, {p: r, q: s}),
             "Gibbs' inequality for the target r and the prediction s",
             relation=Relation.LE),
    ),
)
# --8<-- [end:by_theorem]
