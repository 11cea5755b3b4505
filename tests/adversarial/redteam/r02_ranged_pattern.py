from sympy import IndexedBase, Symbol, log
from derivations import Derivation, IndexRange, Positive, Size, Step, rules
k = Symbol("k", integer=True, positive=True); j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)
r02 = Derivation(name="r02_ranged_pattern", title="t", hypotheses=(Size(k), IndexRange(j, 1, k), Positive(q[j])),
                 start=log(q[0] * q[k + 1]), steps=(Step(log(q[0]) + log(q[k + 1]), rules.log_of_product, "split"),))
