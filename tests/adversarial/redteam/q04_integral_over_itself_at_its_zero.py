"""Two integrals merged into one atom cancel against each other, and the zero of the
denominator goes with them.

False claim (symbolic, exit 0): for real t,

    int_0^1 sin((t^5 - t - 1) x) dx  /  int_0^1 sin((t^5 - t - 1) u) du  =  1.

Counterexample: t = the real root of t^5 - t - 1 (1.1673039782614...): both integrals are 0,
so the left side is 0/0, undefined, and the right side is 1 (the engine's own sampler calls a
point defined on one side only a counterexample).

Grade obtained: symbolic, exit 0.

    python -m derivations check tests/adversarial/redteam_round15/q04_integral_over_itself_at_its_zero.py --no-cache

Route: judge.proves_equal -> _opaque -> integrals.atomise: both integrals get the same atom
``_I0(t)`` (``_atom`` merges integrands proved equal on the same interval), and
``side.xreplace(replacement)`` rebuilds ``_I0(t) / _I0(t)``, which SymPy evaluates to 1. Only
then does proves_equal ask ``may_be_undefined`` of the sides, which now have no denominator.
(``prepare`` does not rename integration variables, so the raw side is not 1.) The zero sits
at an irrational root of degree 5, which the probe does not take (q02); at t = 0, a special
value, the integrals vanish too, so a cross-check may catch the plain sin(t x) version.

Suggested fix: in ``proves_equal``/``proves_order``, check ``may_be_undefined`` on the sides
BEFORE atomising (with integrals as opaque, possibly-zero values: every denominator of the
raw side must be shown nonzero, an integral in a denominator being shown nonzero by a proof
about its integrand, or refused), or atomise with ``xreplace`` under ``evaluate(False)`` and
collect denominators first.
"""
from sympy import Integer, Integral, Symbol, sin

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
u = Symbol("u", real=True)
t = Symbol("t", real=True)

q04 = Derivation(
    name="q04_integral_over_itself_at_its_zero",
    title="An integral divided by itself",
    hypotheses=(Real(t),),
    start=Integral(sin((t**5 - t - 1) * x), (x, 0, 1)) / Integral(sin((t**5 - t - 1) * u), (u, 0, 1)),
    steps=(Step(Integer(1), rules.algebra, "a number over itself"),),
)
