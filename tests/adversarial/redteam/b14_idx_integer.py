# sympy.Idx is an integer by construction, but it is not a Symbol, so the declaration audit
# (which collects Symbols, entries, families and undefined functions) never asks for a
# hypothesis: y is an integer to the kernel while the theorem says nothing about y.
# Printed: a, b real  =>  (a b)^y = a^y b^y.   False at a = b = -1, y = 1/2 (1 vs -1).
from sympy import Idx, Symbol
from derivations import Derivation, Real, Step, rules

a = Symbol("a", real=True)
b = Symbol("b", real=True)
y = Idx("y")

b14 = Derivation(
    name="b14_idx_integer",
    title="A power of a product",
    hypotheses=(Real(a), Real(b)),
    start=(a * b) ** y,
    steps=(Step(a ** y * b ** y, rules.algebra, "the power of a product"),),
)
