"""Cites the theorem of squares.py, which it imports as Python imports any module.

A worked example for the user guide (citing a derivation from another file).
"""

from sympy import Symbol

from derivations import Derivation, Real, Relation, Step, rules

import squares

x = Symbol("x", real=True)
y = Symbol("y", real=True)

two_squares = Derivation(
    name="two_squares",
    title="Twice a product is at most the sum of the squares",
    hypotheses=(Real(x), Real(y)),
    start=2 * x * y,
    steps=(Step(x**2 + y**2, rules.by_theorem(squares.square_nonnegative, {squares.a: x - y}),
                "the square of x - y is non-negative", relation=Relation.LE),),
)
