"""The judge skips every denominator inside the second argument of ``XLogY`` (kernel/judge.py
``_denominators``), on the ground that the kernel only cancels inside ``y`` where no
denominator may vanish. But ``reduces_to_zero`` (kernel/canonical.py) tries ``factor_terms``
on the difference, which recurses into function arguments and cancels a common factor against
a denominator that may vanish.

Claimed (symbolic): for real a, b and real x,  x log((a b - a)/(b - 1)) = x log a  (written with
``xlogy``). False at b = 1, a = 2, x = 1: the left side is 1 log(0/0), undefined, the right side
is log 2. The same step with ``log`` instead of ``xlogy`` is refused (the denominator b - 1 may
vanish); with ``xlogy`` it is accepted.

Closed: the sampler probes critical points (a point now and then makes a denominator, a log's
argument or an x log y weight vanish where a rational root lies in the domain), so b = 1 is drawn
and the left side is undefined there while the right side is not.
"""
from sympy import Symbol

from derivations import Derivation, Real, Step, rules, xlogy

a = Symbol("a", real=True)
b = Symbol("b", real=True)
x = Symbol("x", real=True)

d01 = Derivation(
    name="d01_xlogy_denominator_cancel",
    title="Cancelling a common factor inside a weighted log",
    hypotheses=(Real(a), Real(b), Real(x)),
    start=xlogy(x, (a * b - a) / (b - 1)),
    steps=(Step(xlogy(x, a), rules.algebra, "cancel the common factor $b - 1$"),),
)
