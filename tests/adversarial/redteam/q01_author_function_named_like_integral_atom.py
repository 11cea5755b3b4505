"""An author's function named ``_I0`` is the kernel's opaque stand-in for an integral.

False claim (symbolic, exit 0): for real t and y, and a real function F (printed ``_I0``),
with eps = exp(-10^8 (y^5 - y - 1)^2),

    1 + eps * int_0^1 exp(t x) dx  =  1 + eps * F(t).

Counterexample: F = 0 (any F: it is an opaque function), t = 0, y = the real root of
y^5 - y - 1 (y = 1.1673039782614...; eps = 1): the left side is 2, the right side 1.

Grade obtained: symbolic ("ok (1 step, weakest evidence: symbolic)"), exit 0.

    python -m derivations check tests/adversarial/redteam_round15/q01_author_function_named_like_integral_atom.py --no-cache

The kernel alone, without eps (plainly false):
``judge.proves_equal(Integral(exp(t*x), (x, 0, 1)), Function("_I0", real=True)(t),
Facts.from_hypotheses([Real(t)]))`` is True.

Route: grade -> judge.proves_equal -> judge._opaque -> integrals.atomise -> integrals._atom,
which (since round 14) makes the integral ``Function(f"_I{len(pieces)}", real=True)(*free)``,
here ``Function("_I0", real=True)(t)``. SymPy's undefined functions with one name and one set of
assumptions are equal, so the author's ``F(t)`` IS the atom: both sides become 1 + eps _I0(t).
The authoring audit refuses free *symbols* whose names start with '_' (reserved for the engine),
but not *function* names. The 2-point cross-check does not see the claim fail: eps is below
10^-88 except within ~10^-3 of an irrational root of degree 5, which the probe (real roots of
factors of degree <= 4 only, point.py) does not take (see q02).

Suggested fix: make the atom a function no author can name: a fresh class per atomise call
(e.g. ``Function(Dummy().name...)`` is not enough; use a private UndefinedFunction subclass, or
key the atom with a Dummy argument ``Function("I")(dummy, *free)``), AND refuse author
function names starting with '_' in the audit (derivation.py, next to the reserved-symbol check).
"""
from sympy import Function, Integral, Symbol, exp

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
t = Symbol("t", real=True)
y = Symbol("y", real=True)
F = Function("_I0", real=True)

eps = exp(-10**8 * (y**5 - y - 1)**2)

q01 = Derivation(
    name="q01_author_function_named_like_integral_atom",
    title="An integral is an arbitrary function",
    hypotheses=(Real(t), Real(y), Real(F(t))),
    start=1 + eps * Integral(exp(t * x), (x, 0, 1)),
    steps=(Step(1 + eps * F(t), rules.algebra, "the integral is a function of t"),),
)
