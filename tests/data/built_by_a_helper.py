"""A false derivation built by a helper function (red-team round 10, k05): the pytest plugin
once collected only a literal top-level ``name = Derivation(...)``, so this file gave no test
item and the run passed, while ``derivations check`` on it failed.

False claim: for real x, (x + 1)^2 = x^2 + 1. Counterexample: x = 1 (4 against 2).
"""
from sympy import Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)


def make(name, start, end, why):
    return Derivation(name=name, title="The square of a sum", hypotheses=(Real(x),),
                      start=start, steps=(Step(end, rules.algebra, why),))


built_by_a_helper = make("built_by_a_helper", (x + 1) ** 2, x**2 + 1, "expand the square")
