"""Delta collapse substitutes the hot index into the summand with ``xreplace`` after making only
Sum/Product binders fresh (kernel/sums.py ``collapse_deltas``, binders.py ``freshen``): a
``Subs`` (also a binder) whose variable is the hot index captures it.

Printed: "1 <= t <= k  =>  sum_{j=1}^{k} delta_{j t} (j + t)|_{t=0} = (2 t)|_{t=0}", i.e. t = 0.
The left side is sum_j delta_{j t} j = t (the t inside is bound by the substitution), the right
side is 0: false for every t in {1, ..., k}, e.g. k = t = 1: 1 != 0. The sampler makes the same
capture (it substitutes the random t inside the Subs too), so its cross-check agrees and the
step is graded ``symbolic``.

The same capture in another path: unfolding a definition (hypotheses.py
``Facts.apply_definitions``, SymPy's Lambda call, an xreplace) captures an argument into a Subs of
the formula. ``c08_definition_subs_capture`` prints "g(x) = (x + t)|_{t=0}  =>  g(t) =
(2 t)|_{t=0}": g is the identity, so g(1) = 1, while the right side is 0.
"""
from sympy import Function, KroneckerDelta, Lambda, Subs, Sum, Symbol

from derivations import Definition, Derivation, IndexRange, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
t = Symbol("t", integer=True)

c08 = Derivation(
    name="c08_subs_capture_in_delta_collapse",
    title="Picking out the hot term of a substituted sum",
    hypotheses=(Size(k), IndexRange(t, 1, k)),
    start=Sum(KroneckerDelta(j, t) * Subs(j + t, t, 0), (j, 1, k)),
    steps=(Step(Subs(2 * t, t, 0), rules.one_hot_collapse, "step"),),
)

x = Symbol("x", real=True)
r = Symbol("t", real=True)
g = Function("g")

c08_definition = Derivation(
    name="c08_definition_subs_capture",
    title="Unfolding an identity defined through a substitution",
    hypotheses=(Real(x), Real(r), Definition(g, Lambda(x, Subs(x + r, r, 0)))),
    start=g(r),
    steps=(Step(Subs(2 * r, r, 0), rules.definition, "unfold the definition of $g$"),),
)
