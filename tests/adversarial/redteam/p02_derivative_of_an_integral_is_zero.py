"""The derivative of an integral with respect to its upper end is proved to be 0: the integral
became a constant before the derivative was taken.

False claim (symbolic, exit 0): for real t and y, with eps = exp(-10^4 (y^2 - 2)^2),

    d/dt  int_0^{t eps} exp(x) dx  =  0.

Counterexample: y = sqrt 2, t = 0: eps = 1 and the left side is eps exp(t eps) = 1, not 0.
(The left side is eps exp(t eps) > 0 at every point: false everywhere.)

Grade obtained: symbolic ("ok (1 step, weakest evidence: symbolic)"), exit 0.

    python -m derivations check tests/adversarial/redteam_round14/p02_derivative_of_an_integral_is_zero.py --no-cache

Without eps (start ``Derivative(Integral(exp(x), (x, 0, t)), t)``) the kernel still proves it;
only the cross-check refutes it ("sampling contradicts the symbolic proof (please report this
engine bug)", t = 2.96758: 19.44 against 0). The same holds with the derivative variable in the
integrand: ``judge.proves_equal(Derivative(Integral(exp(t*x), (x, 0, 1)), t), 0, facts)`` is
True.

Route: grade._check_equal -> judge.proves_equal -> judge._opaque -> integrals.atomise replaces
Integral(exp(x), (x, 0, t eps)) by ``Dummy("I", real=True)`` (its ends are real and defined, its
integrand continuous), so the side is Derivative(I, t), which ``canonical._differentiate``
carries out to 0. The sampler cannot take a derivative of a quadrature through the fast path
(``ev._seeds``); its exact path evaluates the derivative of the integral correctly, but eps makes
it eps exp(t eps), below the 10^-30 tolerance at every y the 2-point cross-check draws, and the
refinement raises Unsupported past 130 digits, which counts as agreement (p03).

Suggested fix: as p01: an integral with a free symbol bound by an enclosing Derivative (or Sum,
Product, Lambda, ...) is not made an opaque constant; or atomise it as an opaque function of its
free symbols, I(t), so that d/dt I(t) stays a Derivative of an opaque function (not proved).
"""
from sympy import S, Derivative, Integral, Symbol, exp

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)
t = Symbol("t", real=True)
y = Symbol("y", real=True)

eps = exp(-10**4 * (y**2 - 2)**2)

p02 = Derivation(
    name="p02_derivative_of_an_integral_is_zero",
    title="The derivative of an integral in its upper end",
    hypotheses=(Real(t), Real(y)),
    start=Derivative(Integral(exp(x), (x, 0, t * eps)), t),
    steps=(Step(S.Zero, rules.algebra, "an integral is a number"),),
)
