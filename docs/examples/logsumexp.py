"""Log-sum-exp is a smooth maximum: it lies between the largest logit and that plus log k."""

from sympy import IndexedBase, Sum, Symbol, exp, log

from derivations import Derivation, MaxOver, Real, Relation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
z = IndexedBase("z", real=True)
largest = MaxOver(z, 1, k)
lse = log(Sum(exp(z[j]), (j, 1, k)))

logsumexp_bounds = Derivation(
    name="logsumexp_bounds",
    title="Log-sum-exp lies between the largest logit and that plus log k",
    hypotheses=(Size(k), Real(z[j])),
    start=largest,
    steps=(
        Step(lse, rules.inequality, "the largest exponential is at most the sum of all of them",
             relation=Relation.LE),
        Step(log(k * exp(largest)), rules.inequality,
             "each of the k exponentials is at most the largest", relation=Relation.LE),
        Step(largest + log(k), rules.log_of_product, "the log of a product of positive factors"),
    ),
)
