"""An opaque function applied at two different arguments that agree to 90 significant digits is
given one value by the sampler, so a step that swaps one argument for the other is "confirmed".

False claim (sampled, exit 0): for every function f and real x,
f(e^x + 10^-100) = f(e^x).

Counterexample: f(t) = 10^100 t, x = 0: the left side is 10^100 + 1, the right side 10^100.
(Any f that is not constant on [e^x, e^x + 10^-100] refutes it.)

Grade obtained: sampled ("numeric agreement at 24 random points, no proof"), exit 0.

    python -m derivations check --no-cache tests/adversarial/redteam_round12/m01_opaque_function_nearby_arguments_share_a_value.py

Route: evidence/point.py ``Point._arguments`` keys an application by its arguments' values,
exact when rational, else ``str(value.evalf(90))``; e^x + 10^-100 and e^x print alike at 90
digits, so ``Point.call`` hands the second application the first one's value (the fast path,
evidence/evaluator.py ``_arguments``, keys the same way). The kernel cannot prove the step, so
this agreement is all the evidence.

Suggested fix: share a value only when the arguments are proved equal (an exact key: rational
values, or the canonical form of the argument), or when they agree to the working precision
*and* the difference of the two argument expressions evaluates to zero at twice that precision
(as the comparison of the two sides already does); otherwise give each application its own
draw. Equivalently: key on exact values only, and fall back to drawing separately.

Closed by the second suggestion: an application is given the value of an earlier one whose
arguments agree to 90 digits only when no pair of their arguments is shown to differ at the
point (``Point._apart``): the difference, with the point's values put in, is a nonzero
rational (here exactly 10^-100), or SymPy's ``evalf``, which raises its precision where terms
cancel, gives it a value with at most 1000 digits of working precision. The step fails: "the
two sides differ", f(e^x + 10^-100) and f(e^x) drawn apart. (A difference too small for
that, log(e^x (1 + 10^-1400)) against x, still shares a value: a numeric test of equality has
a floor somewhere; the kernel never proves such a step, so it would be graded ``sampled``.)
"""
from sympy import Function, Rational, Symbol, exp

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
f = Function("f")

m01 = Derivation(
    name="m01_opaque_function_nearby_arguments",
    title="An opaque function at two nearby points",
    hypotheses=(Real(x),),
    start=f(exp(x) + Rational(1, 10**100)),
    steps=(Step(f(exp(x)), rules.algebra, "the two arguments agree"),),
)
