"""``by_theorem`` makes the cited theorem's *sum* binders fresh before applying the mapping
(rules/inequality.py ``by_theorem``: ``freshen(...).xreplace(mapping)``), but the hypotheses it
carries over are instantiated with a plain ``xreplace`` (``_transferred``/``_transfer``): a
``Definition``'s formula ``Lambda(x, x + c)`` with the mapping ``{c: x}`` becomes
``Lambda(x, x + x)`` -- the mapped value captured by the Lambda's own variable. The citer then
only has to define f(x) = 2x, while the theorem was proved for f(u) = u + c, i.e. (c := x)
f(u) = u + x: a different function.

Cited (true, symbolic): x, c real, f(x) = x + c  =>  (x - 1/3)^2 + e x (f(0) - c) >= 0
(f(0) - c = 0), with e = 10^-40.
Citer (false, symbolic): x real, f(x) = 2x  =>  (x - 1/3)^2 + e x (f(0) - x) >= 0.
Here f(0) = 0, so the left side is (x - 1/3)^2 - e x^2, negative at x = 1/3 (-e/9 < 0).
The violation is an interval of width ~1e-20 around 1/3, which the cross-check never meets.
"""
from sympy import Function, Integer, Lambda, Rational, Symbol

from derivations import Definition, Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)
c = Symbol("c", real=True)
f = Function("f")
e = Rational(1, 10**40)

d15_cited = Derivation(
    name="d15_cited_shifted_identity",
    title="A square plus a vanishing term",
    hypotheses=(Real(x), Real(c), Definition(f, Lambda(x, x + c))),
    start=(x - Rational(1, 3)) ** 2 + e * x * (f(0) - c),
    steps=(Step(Integer(0), rules.inequality, "a square; the other term vanishes",
                relation=Relation.GE),),
)

d15 = Derivation(
    name="d15_by_theorem_definition_capture",
    title="A square minus a tiny square",
    hypotheses=(Real(x), Definition(f, Lambda(x, 2 * x))),
    start=(x - Rational(1, 3)) ** 2 + e * x * (f(0) - x),
    steps=(Step(Integer(0), rules.by_theorem(d15_cited, {c: x}), "the cited inequality at $c$ set to $x$",
                relation=Relation.GE),),
)
