# A plain Symbol named "q_j" typesets as q_{j}, exactly like the entry q_j of a family; inside
# a sum over j the reader takes it for the summand's entry, but it does not depend on j.
# Printed: sum_{j=1}^{k} q_j = k q_j (false for the entries a reader sees).
from sympy import Symbol, Sum
from derivations import Derivation, Positive, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
qj = Symbol("q_j", positive=True)

a22 = Derivation(
    name="a22_symbol_named_like_entry",
    title="A sum of k probabilities",
    hypotheses=(Size(k), Positive(qj)),
    start=Sum(qj, (j, 1, k)),
    steps=(Step(k * qj, rules.algebra, "k equal terms"),),
)
