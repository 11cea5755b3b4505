"""A true step that the symbolic canonicaliser cannot prove: supported by sampling only."""

from sympy import S, Symbol, cos, sin

from derivations import Derivation, Step, rules

x = Symbol("x")

pythagoras = Derivation(
    name="pythagoras",
    title="A step only sampling supports",
    hypotheses=(),
    start=sin(x) ** 2 + cos(x) ** 2,
    steps=(Step(S.One, rules.algebra, "the Pythagorean identity"),),
)
