"""A strict inequality whose two sides meet only at an irrational root of a quadratic: the
meeting-point probe added after round 11 (l18) solves the difference for *rational* roots of
a polynomial (``Poly(..., domain="QQ")`` and linear factors only) and for the root of a *linear*
expression (``_linear_root``); x^2 - 2 has neither, so x = sqrt(2) is never drawn.

False claim (sampled, exit 0): for real x, 0 < (x^2 - 2)^2.

Counterexample: x = sqrt(2) = 1.41421356...: the left side is 0, the right side is 0, so
``0 < 0`` is false.

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m02_strict_square_zero_at_an_irrational_root.py

Route: evidence/sampling.py ``sample`` -> ``_meeting`` (the difference -(x^2 - 2)^2) ->
evidence/point.py ``Point._vanish``: ``Poly(numerator, x, domain="QQ")`` succeeds, so
``_linear_root`` is not tried, and ``poly.factor_list()`` over QQ has only the quadratic factor
x^2 - 2 (``factor.degree() == 1`` is required). Random rationals never hit sqrt(2).

Suggested fix: in ``_vanish``, take every real root of each factor of degree <= 4 (``real_roots``
/ ``Poly.all_roots`` give exact algebraic numbers, CRootOf, that the exact path evaluates), not
only the linear factors over QQ; more generally, for a one-variable difference, use a numeric
root finder (``mpmath.polyroots`` / ``nsolve`` from several starts) and record the exact root
where SymPy can express it.
"""
from sympy import S, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)

m02 = Derivation(
    name="m02_strict_square_zero_at_an_irrational_root",
    title="A square that never vanishes",
    hypotheses=(Real(x),),
    start=S.Zero,
    steps=(Step((x**2 - 2)**2, rules.inequality, "a square", relation=Relation.LT),),
)
