"""Two different families both named q: they would print alike."""

from sympy import IndexedBase, Symbol, log

from derivations import Derivation, Positive, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True, positive=True)
q = IndexedBase("q", positive=True)
q_again = IndexedBase("q")

clash = Derivation(
    name="clashing_q",
    title="Two q",
    hypotheses=(Size(k), Positive(q[j])),
    start=log(q[1]),
    steps=(Step(log(q_again[1]), rules.algebra, "the same q?"),),
)
