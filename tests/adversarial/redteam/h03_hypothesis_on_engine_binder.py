"""Red-team round 7: a hypothesis about the engine's own bound variable decides a delta collapse.

Route: class 1 (an assumption nobody displayed: a hypothesis about a symbol the statement
never mentions, which the kernel applies to a summation variable). Grade: symbolic.

Claimed (symbolic): for a size k and an integer 0 <= m <= 10^9 (and "1 <= _b0 <= 1", a
hypothesis about a symbol that occurs nowhere in the statement),
    sum_{j=1}^{k} sum_{i=1}^{max(k, k + delta_{m,N})} delta_{i j} = max(k, k + delta_{m,N}),
N = 123456789. False at m = N, k = 1: the left side is sum_{i=1}^{2} delta_{i 1} = 1 (one i per
j, and j only runs to k), the right side is 2. Everywhere else delta_{m,N} = 0 and both sides
are k, so the cross-check (which never draws m = N) agrees.

Root cause, two parts:
* language/derivation.py ``_check_declarations`` refuses names starting with '_' (the
  engine's bound variables, kernel/binders.py ``bound_symbol``: ``Symbol("_b0",
  integer=True)``) in the start, the steps, the rule parameters and the definitions, but never
  looks at the hypotheses: ``IndexRange(Symbol("_b0", integer=True), 1, 1)`` is accepted.
* kernel/sums.py ``collapse_deltas``: when every bound is free of the summation variables, the
  hot index may be an *inner* summation variable (here i, renamed ``_b0``); ``in_range`` finds
  it neither among the enclosing sums (it is inner) and asks the hypotheses
  (``facts.in_range(_b0, 1, k)``), which the author's "1 <= _b0 <= 1" answers. The outer sum over
  j is collapsed at j = i for every i up to max(k, k + delta), including i = k + 1, which lies
  outside j's range. (The inner variable's own range should be used, never a hypothesis.)

Closed: names reserved for the engine ('_') are refused in hypotheses too.
"""
from sympy import Integer, KroneckerDelta, Max, Sum, Symbol

from derivations import Derivation, IndexRange, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, nonnegative=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
engine_binder = Symbol("_b0", integer=True)
N = Integer(123456789)
top = Max(k, k + KroneckerDelta(m, N))

h03_hypothesis_on_engine_binder = Derivation(
    name="h03_hypothesis_on_engine_binder",
    title="Counting the diagonal",
    hypotheses=(Size(k), IndexRange(m, 0, 10**9), IndexRange(engine_binder, 1, 1)),
    start=Sum(KroneckerDelta(i, j), (i, 1, top), (j, 1, k)),
    steps=(Step(top, rules.algebra, "one term for each j"),),
)
