"""A power whose exponent is an integer of unknown sign is not counted as a possible denominator,
so a product that SymPy's algebra cancels to 1 is "proved" equal to 1 even where its base
vanishes; the base x^2 - 2 vanishes at the irrational x = sqrt(2), which the sampler's probe
never draws (it makes a base vanish only at a rational root, see m02), so the cross-check agrees.

False claim (symbolic, exit 0, also under ``--min-evidence symbolic``): for real x and every
integer -3 <= n <= 3, (x^2 - 2)^n (x^2 - 2)^(-n) = 1.

Counterexample: x = sqrt(2), n = 1: the left side is 0 * (1/0), undefined; the right side is 1.
(Any n != 0 does.)

Grade obtained: symbolic (no case split: the direct proof), exit 0.

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam/m06_power_of_unknown_sign_is_no_denominator.py

Route: checking/grade.py ``_check_equal`` -> kernel/judge.py ``proves_equal``: ``prove_equal``
(canonical: ``expand`` gives 1) and ``may_be_undefined``, whose ``_denominators`` keeps only
powers with ``p.exp.is_negative`` True; for ``(x^2 - 2)^(-n)`` with n an integer in [-3, 3],
``(-n).is_negative`` is None, so the power is not a denominator, and ``_never_zero`` is never
asked about x^2 - 2. The cross-check (evidence/sampling.py ``critical`` -> point.py
``_negative`` and ``_vanish``) does redraw n negative, but ``_vanish`` finds only rational roots
of x^2 - 2, so no point has x = sqrt(2). (With base x, the probe finds x = 0 and reports
"sampling contradicts the symbolic proof": the kernel's answer is wrong there too.)

Suggested fix: in ``judge._denominators`` take every power whose exponent is not proved
non-negative (``p.exp.is_nonnegative is not True``), as ``sampling.critical`` and
``positivity._nonnegative`` already do, so that its base must be proved never zero.

Closed in two parts. The kernel no longer proves it (round 12: a power whose exponent may be
negative divides by its base, ``judge.dividing_powers``), which left it ``sampled``: the probe
put x at sqrt 2 exactly, but the exact path substituted the integer n first, and SymPy
combined (x^2 - 2)^1 (x^2 - 2)^-1 to 1 before the base was seen to vanish. Each such power's
base, where its exponent is negative, is now evaluated beside the side, as a lost denominator
is (``sampling._poles``): the step fails, "at n = 3, x = -sqrt(2) the left side is undefined".
"""
from sympy import Mul, S, Symbol

from derivations import Derivation, IndexRange, Real, Step, rules

x = Symbol("x", real=True)
n = Symbol("n", integer=True)
base = x**2 - 2

m06 = Derivation(
    name="m06_power_of_unknown_sign_is_no_denominator",
    title="A power and its reciprocal",
    hypotheses=(Real(x), IndexRange(n, -3, 3)),
    start=Mul(base**n, base**(-n), evaluate=False),
    steps=(Step(S.One, rules.algebra, "a power times its reciprocal"),),
)
