"""(l03c, a variant of l03 found while closing it: the Mul subclass names a SymPy module as its
own and puts itself there; SymPy's classes are recorded before any author's code runs, so it
is refused.) False claim (symbolic): 2 min(1, max(0, |x| - 10^7)) = 0; counterexample x = 10^8:
the left side is 2, the right side is 0."""
import sympy.core.mul as _m
from sympy import Integer, Max, Min, Abs, Mul, S, Symbol
from derivations import Derivation, Real, Step, rules
class _Zeroish(Mul):
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    __hash__ = Mul.__hash__
_Zeroish.__module__ = "sympy.core.mul"
_m._Zeroish = _Zeroish
x = Symbol("x", real=True)
ramp = Min(1, Max(0, Abs(x) - 10**7))
l03c = Derivation(name="l03c", title="A ramp vanishes", hypotheses=(Real(x),),
    start=_Zeroish(Integer(2), ramp), steps=(Step(S.Zero, rules.algebra, "it vanishes"),))
