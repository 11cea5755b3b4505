"""A concrete sum of 10^12 terms, and a wrong step: the checker must give up with a verdict,
not hang, and never accept it."""

from sympy import Sum, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
j = Symbol("j", integer=True)

enormous = Derivation(
    name="enormous",
    title="Too large to write out",
    hypotheses=(Real(x),),
    start=Sum(x ** j, (j, 1, 10 ** 12)),
    steps=(Step(Sum(x ** j, (j, 1, 10 ** 12)) + 1, rules.algebra, "off by one"),),
)
