r"""Red-team round 19, u04 (minor, `sampled` grade): the sampler's `_lost_denominators` looks
for the denominators a side loses to `prepare` only where a denominator holds a sum, product
or integral ("none to lose (the common case)"). A plain denominator lost by binder renaming,
free of the summation variable, is never evaluated beside the side.

False claim (graded **sampled**, exit 0):

    for every size k and real x:   sum_{i=0}^{k} sin(pi i) / x  =  0

Counterexample: x = 0: every term is sin(pi i)/0 = 0/0, which has no value (SymPy:
`sin(pi*S(0))/S(0)` is nan); the right side is 0 (the engine's convention: defined on one side
only is a counterexample).

Variant (first derivation below, also `sampled`): sum_{i=1}^{k} sin(pi i) / (x^2 - 1) = 0
(x = 1 or x = -1).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u04_lost_plain_denominator_sampled.py --no-cache
Output: "ok (1 step, weakest evidence: sampled)" for each, "numeric agreement at 24 random
points, no proof", exit 0.

Route: the kernel refuses (since s05/t01, `judge.written_denominators` reads x as written), so
the hunt decides. `sampling._lost_denominators(side, prepared)` returns () at once, because
no power in the written side has a base holding a Sum/Product/Integral; the prepared side is
`Sum(0, ...)` (binder renamed to an integer, sin(pi _b0) = 0, 0/x = 0), which has no x at all,
so no point can be undefined and x is never made critical. The same shortcut hides the
definition variant of u01 from the sampler.

Relation to open finds: s05 is about a pole that depends on the summation variable (which
`_lost_denominators` skips by design); here the pole is free of it, so the closure's own
mechanism would catch it if the early return were not there.

Suggested fix: drop the early return (or make it "no power with a possibly negative exponent
in the written side"), so that every written denominator free of the bound variables and not
kept by the prepared side is evaluated beside it, and made critical by the probe.

Closed: `sampling._lost_denominators` no longer stops early when no denominator holds a sum: every written denominator the prepared side lost is evaluated beside it. Both derivations fail (x = 0, x = 1).
"""

from sympy import Integer, Sum, Symbol, pi, sin

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
x = Symbol("x", real=True)
i = Symbol("i")

u04_quadratic = Derivation(
    name="u04_quadratic",
    title="A sum of sines over a quadratic",
    hypotheses=(Size(k), Real(x)),
    start=Sum(sin(pi * i) / (x**2 - 1), (i, 1, k)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes at every integer"),),
)

u04_lost_plain_denominator_sampled = Derivation(
    name="u04_lost_plain_denominator_sampled",
    title="A sum of sines over a variable",
    hypotheses=(Size(k), Real(x)),
    start=Sum(sin(pi * i) / x, (i, 0, k)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes at every integer"),),
)
