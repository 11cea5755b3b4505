from sympy import IndexedBase, Symbol, log, S
from derivations import Derivation, Positive, Step, rules
q = IndexedBase("q", positive=True)
r01 = Derivation(name="r01_one_entry_hypothesis", title="t", hypotheses=(Positive(q[1]),),
                 start=log(q[2] * q[3]), steps=(Step(log(q[2]) + log(q[3]), rules.log_of_product, "split"),))
