"""The log of a product split without the positivity the rule needs (no Positive hypothesis)."""

from sympy import IndexedBase, Symbol, log

from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
q = IndexedBase("q")

no_positivity = Derivation(
    name="no_positivity",
    title="A log of a product with no positivity",
    hypotheses=(Size(k),),
    start=log(q[1] * q[2]),
    steps=(Step(log(q[1]) + log(q[2]), rules.log_of_product, "log of a product"),),
)
