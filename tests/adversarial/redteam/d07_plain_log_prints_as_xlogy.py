"""``xlogy(x, y)`` (0 log y = 0) and the plain product ``x * log(y)`` (undefined at y = 0) are
different objects that print alike: ``XLogY._latex`` prints ``Mul(x, log(y))``, "x log y",
and every output's notation says that "x log y" follows the convention 0 log y = 0
(docs/reference.md, "The convention 0 log 0 = 0"). The audit that no two distinct objects
print alike (language/derivation.py ``_check_lookalikes``) compares symbols, not these.

Checked: the plain identity (x + z) log y = x log y + z log y (expand; both sides undefined at
y = 0 in plain arithmetic). Printed: "y >= 0 => (x + z) log y = x log y + z log y", which the
document's notation reads with 0 log y = 0. Read so, it is false at x = 1, z = -1, y = 0:
the left side is 0 log 0 = 0, the right side is log 0 - log 0, undefined.

The same step written with xlogy (what the print says, ``d07_xlogy_weak``) is not proved but
is accepted at ``sampled`` grade (WEAK): the sampler draws y = 0 now and then, but never
x + z = 0 exactly with x != 0 at the same time, the only points where the sides differ.

Closed: a plain product c log y whose weight may be 0 while y may be 0 fails its step (it
prints as a weighted log, read with 0 log 0 = 0, but is checked without it); the xlogy version
is refuted at a probe point that makes both y and x + z vanish.
"""
from sympy import Symbol, log

from derivations import Derivation, Nonnegative, Real, Step, rules, xlogy

x = Symbol("x", real=True)
z = Symbol("z", real=True)
y = Symbol("y", nonnegative=True)

d07 = Derivation(
    name="d07_plain_log_prints_as_xlogy",
    title="Splitting a weighted log by its weights",
    hypotheses=(Real(x), Real(z), Nonnegative(y)),
    start=(x + z) * log(y),
    steps=(Step(x * log(y) + z * log(y), rules.algebra, "distribute the weight"),),
)

d07_xlogy_weak = Derivation(
    name="d07_xlogy_weak",
    title="Splitting a weighted log by its weights, with the convention",
    hypotheses=(Real(x), Real(z), Nonnegative(y)),
    start=xlogy(x + z, y),
    steps=(Step(xlogy(x, y) + xlogy(z, y), rules.algebra, "distribute the weight"),),
)
