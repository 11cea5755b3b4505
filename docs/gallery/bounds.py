"""Bounds on log-sum-exp and on classification losses (Murphy PML1 sections 2.5.4 and 10.3;
Bishop PRML section 7.1.2).

Each derivation cites its textbook source in the comment above it and in its title.
"""

from sympy import Add, IndexedBase, Max, S, Sum, Symbol, exp, log

from derivations import (
    Derivation,
    IndexRange,
    MaxOver,
    Real,
    Relation,
    Size,
    Step,
    rules,
)

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
z = IndexedBase("z", real=True)
largest = MaxOver(z, 1, k)
lse = log(Sum(exp(z[j]), (j, 1, k)))

# Murphy PML1 section 2.5.4 (the log-sum-exp trick); adapted from docs/examples/logsumexp.py:
# max_j z_j <= log sum_j exp(z_j) <= max_j z_j + log k.
logsumexp_smooth_max = Derivation(
    name="logsumexp_smooth_max",
    title="Log-sum-exp is a smooth maximum (Murphy PML1 2.5.4)",
    summary=(r"For real logits $z_1, \dots, z_k$, log-sum-exp lies between the largest logit "
             r"and the largest logit plus $\log k$."),
    hypotheses=(Size(k), Real(z[j])),
    start=largest,
    steps=(
        Step(lse, rules.inequality, "the largest exponential is at most the sum of all of them",
             relation=Relation.LE),
        Step(log(k * exp(largest)), rules.inequality,
             "each of the $k$ exponentials is at most the largest", relation=Relation.LE),
        Step(largest + log(k), rules.log_of_product, "the log of a product of positive factors"),
    ),
)

# Murphy PML1 section 10.3 / Bishop PRML eq. (4.108): the softmax negative log-likelihood of
# a label is never negative, since the label's logit is at most log-sum-exp.
softmax_nll_nonnegative = Derivation(
    name="softmax_nll_nonnegative",
    title="The softmax negative log-likelihood is non-negative (Murphy PML1 10.3)",
    summary=(r"For real logits and a label $y$ among $k$ classes, "
             r"$-\log(\exp(z_y) / \sum_j \exp(z_j)) \ge 0$."),
    hypotheses=(Size(k), Real(z[j]), IndexRange(y, 1, k)),
    start=-log(exp(z[y]) / Sum(exp(z[j]), (j, 1, k))),
    steps=(
        Step(lse - z[y], rules.log_of_product,
             "the log of a quotient of positive numbers, and the log of an exponential"),
        Step(Add(z[y], -z[y], evaluate=False), rules.inequality,
             "the label's exponential is one term of the sum", relation=Relation.GE),
        Step(S.Zero, rules.algebra, "cancel"),
    ),
)

# Bishop PRML section 7.1.2 (eq. 7.47 and figure 7.5): the
# logistic loss of a margin m lies above the line -m, and the hinge loss is non-negative.
margin = Symbol("m", real=True)
logistic_loss_above_negative_margin = Derivation(
    name="logistic_loss_above_negative_margin",
    title="The logistic loss lies above minus the margin (Bishop PRML 7.1.2)",
    summary=r"For a real margin $m$, $\log(1 + \exp(-m)) \ge -m$.",
    hypotheses=(Real(margin),),
    start=log(1 + exp(-margin)),
    steps=(
        Step(log(exp(-margin)), rules.inequality, "dropping the one makes the argument smaller",
             relation=Relation.GE),
        Step(-margin, rules.algebra, "the log of an exponential is its exponent"),
    ),
)

# Bishop PRML eq. (7.44) / Murphy PML1 section 17.3: the hinge loss and its square are
# non-negative.
hinge_loss_nonnegative = Derivation(
    name="hinge_loss_nonnegative",
    title="The squared hinge loss is non-negative (Bishop PRML eq. 7.44)",
    summary=r"For a real margin $m$, $\max(0, 1 - m)^2 \ge 0$.",
    hypotheses=(Real(margin),),
    start=Max(0, 1 - margin) ** 2,
    steps=(Step(S.Zero, rules.inequality, "a square is non-negative", relation=Relation.GE),),
)
