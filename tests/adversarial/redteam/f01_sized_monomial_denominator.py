"""A sized proof cancels a denominator that may vanish: ``prove_sized`` (evidence/sized.py)
fixes the sizes, writes the sides out and asks ``reduces_to_zero`` about the canonical
difference, but never makes the check that ``judge.proves_equal`` makes on the sides (no
denominator that may vanish). SymPy's ``expand`` turns ``x^-1 (x^2 - x)`` into ``x - 1``
literally, so at size k = 1 the difference is the literal zero and no denominator is left for
``_denominator_nonzero`` to see.

The sampler does not rescue it: ``sampling.critical`` counts as a denominator only a power whose
exponent is known to be negative, so ``x^(k-2)`` (exponent of unknown sign) is never made to
vanish by a probe, and x = 0 must coincide with k = 1 by luck (about 1 seed in 40 finds it with
the 24 hunt points; the step's own seed does not).

Claimed (sized): for a size k and real x,  x^(k-2) (x^2 - x) = x^k - x^(k-1).
False at k = 1, x = 0: the left side is 0^(-1) * 0, undefined; the right side is 0 - 0^0 = -1.
(The engine's own rule: a side undefined where the other is defined is a counterexample, as
in ``(a^2 - b^2)/((a - b)(a + b)) = 1``.) Grade obtained: sized.

The second derivation is the same cancellation with an integer exponent n in [-3, 3] (no size,
so no sized proof): accepted at sampled grade; false at n = -1, x = 0 (left undefined, right
0^1 - 0^0 = -1).

Closed: the sized prover refuses an instance that divides by something that may vanish
(judge.may_be_undefined, as proves_equal does), and the sampler probes the base of every power
whose exponent may be negative. The n variant, at sampled grade only, is kept open as
f01b_power_of_unknown_sign_sampled.py (refuted by 37 of 40 seeds, not by its own).
"""
from sympy import Symbol

from derivations import Derivation, Real, Size, Step, rules

x = Symbol("x", real=True)
k = Symbol("k", integer=True, positive=True)


f01 = Derivation(
    name="f01_sized_monomial_denominator",
    title="A power of a size times a difference",
    hypotheses=(Real(x), Size(k)),
    start=x**(k - 2) * (x**2 - x),
    steps=(Step(x**k - x**(k - 1), rules.algebra, "distribute the power"),),
)
