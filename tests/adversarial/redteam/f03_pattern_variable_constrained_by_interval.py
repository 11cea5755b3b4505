"""A hypothesis about a function, stated at a symbol that another hypothesis constrains, covers
the function everywhere. ``Derivation._check_patterns`` refuses ``Positive(q[j])`` next to
``IndexRange(j, 1, k)`` (it reads "for 1 <= j <= k" only, while SymPy assumes every entry), but it
counts as constrained only sizes and ``IndexRange`` targets: a symbol constrained by
``UnitInterval``, ``Positive``, ``Nonnegative`` or ``Real`` is not looked at. So
``UnitInterval(a), Positive(f(a))`` prints "0 < a < 1" and "f(a) > 0 for all a" (read: for every
such a), while ``Function("f", positive=True)`` makes SymPy assume f > 0 at every argument, and
the side condition of ``log_of_product`` ("f(1 + a) > 0 and f(2 + a) > 0") is established from
it.

Claimed (symbolic): for 0 < a < 1 with f(a) > 0,  log(f(1 + a) f(2 + a)) = log f(1 + a) +
log f(2 + a).
False for f(t) = 1 - t (positive on (0, 1)) at a = 1/2: the left side is log(0.75) = -0.2877,
the right side is log(-0.5) + log(-1.5) = -0.2877 + 2 pi i. Grade obtained: symbolic.

The second derivation: ``Positive(x), Positive(g(x))`` prints "x > 0" and "g(x) > 0 for all x";
log(g(-x) g(-2x)) = log g(-x) + log g(-2x) is accepted at symbolic grade; false for g(t) = t,
x = 1: log 2 against log(-1) + log(-2) = log 2 + 2 pi i.

Closed: a pattern variable may not be a symbol that another hypothesis constrains (Positive,
Nonnegative, UnitInterval, Real as well as sizes and ranges).
"""
from sympy import Function, Symbol, log

from derivations import Derivation, Positive, Step, UnitInterval, rules

a = Symbol("a", positive=True)
f = Function("f", positive=True)
x = Symbol("x", positive=True)
g = Function("g", positive=True)

f03b = Derivation(
    name="f03b_pattern_variable_constrained_positive",
    title="Splitting a log of a product",
    hypotheses=(Positive(x), Positive(g(x))),
    start=log(g(-x) * g(-2 * x)),
    steps=(Step(log(g(-x)) + log(g(-2 * x)), rules.log_of_product, "split the log"),),
)

f03 = Derivation(
    name="f03_pattern_variable_constrained_by_interval",
    title="Splitting a log of a product",
    hypotheses=(UnitInterval(a), Positive(f(a))),
    start=log(f(a + 1) * f(a + 2)),
    steps=(Step(log(f(a + 1)) + log(f(a + 2)), rules.log_of_product, "split the log"),),
)
