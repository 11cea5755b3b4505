"""A hypothesis stated for the entries of one rank (or applications of one arity) covers the
entries of every other rank (arity): SymPy declares the assumption on the whole family or
function, and the audit accepts ``q_j > 0`` ("for all j") as covering it.

Printed theorems (false as a reader reads them):

* ``c02_rank``: "q_j > 0 for all j  =>  log(q_{1,2} q_{2,1}) = log q_{1,2} + log q_{2,1}".
  Nothing is said about the doubly indexed q_{1,2}, q_{2,1}; with q_{1,2} = q_{2,1} = -1 the left
  side is log 1 = 0 and the right side is 2 i pi.
* ``c02_arity``: "f(x) > 0 for all x  =>  log(f(a, b) f(b, a)) = log f(a, b) + log f(b, a)";
  the two-argument f is not the one-argument f the hypothesis is about (take f(a, b) = -1).
"""
from sympy import Function, IndexedBase, Symbol, log

from derivations import Derivation, Positive, Real, Step, rules

j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)

c02_rank = Derivation(
    name="c02_rank",
    title="The log of a product of two entries splits",
    hypotheses=(Positive(q[j]),),
    start=log(q[1, 2] * q[2, 1]),
    steps=(Step(log(q[1, 2]) + log(q[2, 1]), rules.log_of_product, "both entries are positive"),),
)

x = Symbol("x")
a = Symbol("a", real=True)
b = Symbol("b", real=True)
f = Function("f", positive=True)

c02_arity = Derivation(
    name="c02_arity",
    title="The log of a product of two values splits",
    hypotheses=(Positive(f(x)), Real(a), Real(b)),
    start=log(f(a, b) * f(b, a)),
    steps=(Step(log(f(a, b)) + log(f(b, a)), rules.log_of_product, "f is positive"),),
)
