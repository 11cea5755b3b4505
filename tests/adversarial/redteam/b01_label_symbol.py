# A plain Symbol a equal to the label of the family a (IndexedBase("a", positive=True)): the
# declaration audit skips free symbols that equal a family's label, so the scalar a's
# positive=True is justified by "a_l > 0 for all l".  Printed: a_1 <= a_1 + a, with only a_l > 0.
from sympy import IndexedBase, Symbol
from derivations import Derivation, Positive, Step, rules, Relation

l = Symbol("l", integer=True)
A = IndexedBase("a", positive=True)
a = Symbol("a", positive=True)

b01 = Derivation(
    name="b01_label_symbol",
    title="Adding a scalar",
    hypotheses=(Positive(A[l]),),
    start=A[1],
    steps=(Step(A[1] + a, rules.inequality, "a is positive", relation=Relation.LE),),
)
