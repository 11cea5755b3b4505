# Parameter(w) with w a Symbol, and the family w_j (IndexedBase "w", label == the parameter w):
# the reader reads w_1..w_k as the components of the parameter vector w, but the checker's
# "free of the parameter" test looks at free symbols only (w_j is not w), so the whole
# objective is dropped by add_constant.
# Printed: argmin_w sum_j (w_j - 1)^2 = argmin_w 0.  False: the minimiser is w = (1, ..., 1).
from sympy import IndexedBase, Integer, Sum, Symbol
from derivations import Argmin, Derivation, Parameter, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
w = Symbol("w", real=True)
W = IndexedBase("w", real=True)

loss = Sum((W[j] - 1) ** 2, (j, 1, k))
b08 = Derivation(
    name="b08_parameter_vector_entries",
    title="Every weight vector is optimal",
    hypotheses=(Size(k), Parameter(w), Real(W[l])),
    start=Argmin(loss, w),
    steps=(Step(Argmin(Integer(0), w), rules.add_constant(-loss),
                "the squared error does not depend on w"),),
)
