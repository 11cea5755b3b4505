"""Red-team round 9: a function with a pole (or a log at 0) cancelled by ``expand``.

f01 and d04 closed the route for denominators: ``judge.may_be_undefined`` refuses a side with a
negative power whose base may vanish, and the sampler's probe makes such bases (and a log's
argument, xlogy, |x|, sign) vanish where a rational root lies in the domain. But a negative
power is not the only way to have no value: ``atanh`` at 1, ``zeta`` at 1, ``gamma`` and
``digamma`` at 0, -1, ..., ``tan``/``sec`` at pi/2, ``Mod(y, 0)``, and ``log`` at 0 where the
root of its argument is irrational. ``may_be_undefined`` looks at none of them, and SymPy's
``expand`` cancels (F + 1)^2 - F^2 - 2F to 1 whatever F is, so the kernel proves the step.
The probe knows none of these functions either, so the two cross-check points agree.

Claimed (symbolic), each for real x:
  (atanh(x/2) + 1)^2 - atanh(x/2)^2 - 2 atanh(x/2) = 1      false at x = 2
  (zeta(x) + 1)^2 - zeta(x)^2 - 2 zeta(x) = 1              false at x = 1
  (gamma(x + 7) + 1)^2 - gamma(x + 7)^2 - 2 gamma(x + 7) = 1   false at x = -7
  (Mod(y, x) + 1)^2 - Mod(y, x)^2 - 2 Mod(y, x) = 1  (y > 0)   false at x = 0
  (log(x^2 - 2) + 1)^2 - log(x^2 - 2)^2 - 2 log(x^2 - 2) = 1    false at x = sqrt 2
At each point the left side has no value (atanh(1) = +oo, zeta and gamma have poles,
mpmath raises "pole"; Mod(y, 0) is nan; log 0 = -oo) while the right side is 1: by the
engine's own rule (a side with no value where the other has one is a counterexample,
docs/reference.md) the step is false at an ordinary point of the domain. (The same with
``factorial(n)``, ``log(x)`` or ``loggamma(x)`` fails: the kernel "proves" it and the sampler
reports "sampling contradicts the symbolic proof (please report this engine bug)".)

Route: class 6 (conventions nobody chose: a point where a side is undefined is dropped, as
``cancel`` dropped 0/0) with class 7 (the probe draws only the critical points it knows).
Grade: symbolic.

Root cause: kernel/judge.py ``may_be_undefined`` (used by ``proves_equal``, ``proves_order``
and the sized prover) counts as "may have no value" only ``_denominators`` (negative powers)
and ``_unproved_series``; a function application that may be at a pole or a singularity
(``log``, ``atanh``, ``zeta``, ``gamma``, ``digamma``, ``tan``, ``sec``, ``Mod``, ...) is never
asked, and evidence/sampling.py's critical points cover only powers, log (rational roots), xlogy,
|x| and sign.

Closed at symbolic grade: a side with an application that may have no value (a log whose
argument is not shown positive, or any function not known to be total: atanh, gamma, zeta, Mod)
is never proved (judge.may_be_undefined); the sampler's probes make the arguments of such
functions vanish at their poles (sampling._POLES: zeta at 1, gamma at 0, Mod(y, 0), ...), so
every variant here fails with a counterexample.
"""
from sympy import Mod, S, Symbol, atanh, gamma, log, zeta

from derivations import Derivation, Positive, Real, Step, rules

x = Symbol("x", real=True)
y = Symbol("y", positive=True)


def _square(name, f, hypotheses=(Real(x),)):
    return Derivation(
        name=name,
        title="A square expanded",
        hypotheses=hypotheses,
        start=(f + 1) ** 2 - f ** 2 - 2 * f,
        steps=(Step(S.One, rules.algebra, "expand the square"),),
    )


j01_zeta = _square("j01_zeta_pole", zeta(x))
j01_gamma = _square("j01_gamma_pole", gamma(x + 7))
j01_mod = _square("j01_mod_by_zero", Mod(y, x), (Real(x), Positive(y)))
j01_log = _square("j01_log_irrational_root", log(x ** 2 - 2))
j01_pole_of_a_function_cancelled = _square("j01_pole_of_a_function_cancelled", atanh(x / 2))
