"""q is declared positive but no hypothesis says so: an authoring error."""

from sympy import IndexedBase, Symbol, log

from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
q = IndexedBase("q", positive=True)

bad = Derivation(
    name="undeclared_positivity",
    title="Undeclared",
    hypotheses=(Size(k),),
    start=log(q[1] * q[2]),
    steps=(Step(log(q[1]) + log(q[2]), rules.log_of_product, "log of a product"),),
)
