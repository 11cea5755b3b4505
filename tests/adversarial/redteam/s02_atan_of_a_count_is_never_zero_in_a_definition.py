"""Red-team round 17, s02: SymPy holds atan(n) "not zero" (and "positive") for an integer
n >= 0, though atan(0) = 0. The r08 fix stops the kernel *asking* SymPy (`sympy_decides`), but
SymPy still *acts* on the lie when it evaluates Eq, KroneckerDelta, sign or Piecewise. A
Definition hides that evaluation until the kernel unfolds it, so a false value is proved.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    with p(a) = [a = 0] (Piecewise((1, Eq(a, 0)), (0, True))), for the integer n with
    0 <= n <= 0 (so n = 0):  p(atan(n)) = 0

Counterexample: n = 0 (the only value allowed): atan(0) = 0, so p(atan 0) = p(0) = 1, not 0.
Checked with SymPy: `Piecewise((1, Eq(atan(Integer(0)), 0)), (0, True))` is 1.

Variants, each accepted at symbolic grade (first derivations below):
- d(a, b) = KroneckerDelta(a, b): d(atan(n), 0) = 0 for the integer n in [0, 0] (true value 1);
- q(a) = sign(a): q(atan(n)) = 1 for every integer n >= 0 (n = 0: sign(0) = 0). This one uses
  SymPy's other lie, atan(n) > 0 (r08), through `sign`'s evaluation.

Command:
    python -m derivations check \
        tests/adversarial/redteam/s02_atan_of_a_count_is_never_zero_in_a_definition.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: the side p(atan(n)) holds no Eq and no delta, so nothing is refused as written (a
KroneckerDelta of a non-integer would be refused by the audit; a Piecewise written out would
evaluate at construction and print as 0). `prepare` -> `Facts.apply_definitions` ->
`expr.replace(p, Lambda(a, Piecewise(...)))` substitutes atan(n) for a; `Eq(atan(n), 0)`
evaluates to False because `atan(n).is_zero` is False (SymPy derives it from "atan of a rational
is irrational", which forgets 0), so the Piecewise is 0 and the side is the literal 0.
`may_be_undefined` sees 0 (the instance is evaluated the same way, see s01), `canonical`
proves 0 = 0, and the sampler evaluates the prepared side, 0, so it agrees.

Suggested fix: no vetted function whose assumptions lie may reach SymPy's evaluation with a
rational argument: either refuse asin/acos/atan of an argument known rational (ask for a
Definition or a named function), or substitute definitions and binders under
`evaluate(False)` and re-evaluate only through the kernel's own guarded judgements
(`sympy_decides`). Also add `is_zero`, `is_integer`, `is_rational`, `is_even` to the facts
`tests/kernel/test_vetted_functions.py` scans (atan, asin, acos all lie on them at 0 and 1).

Closed at symbolic grade: SymPy's own handler for the rationality of atan, asin and acos is
corrected at import (``derivations._compat``): the value is irrational only at a rational
argument away from the function's rational value, so SymPy no longer decides Eq(atan(n), 0),
nor sign(atan(n)). The indicator and delta variants fail at n = 0. The sign variant over n in
[0, oo) ends sampled: the false point n = 0 is one of infinitely many, and the sampler does not
always draw it.
"""

from sympy import Eq, Function, Integer, KroneckerDelta, Lambda, Piecewise, Symbol, atan, oo, sign

from derivations import Definition, Derivation, IndexRange, Step, rules

n = Symbol("n", integer=True, nonnegative=True)
a = Symbol("a")
b = Symbol("b")
p = Function("p")
d = Function("d")
q = Function("q")

s02_delta = Derivation(
    name="s02_delta",
    title="A delta at the arctangent of zero",
    hypotheses=(IndexRange(n, 0, 0), Definition(d, Lambda((a, b), KroneckerDelta(a, b)))),
    start=d(atan(n), 0),
    steps=(Step(Integer(0), rules.definition, "unfold d"),),
)

s02_sign = Derivation(
    name="s02_sign",
    title="The sign of the arctangent of a count",
    hypotheses=(IndexRange(n, 0, oo), Definition(q, Lambda(a, sign(a)))),
    start=q(atan(n)),
    steps=(Step(Integer(1), rules.definition, "unfold q"),),
)

s02_atan_of_a_count_is_never_zero_in_a_definition = Derivation(
    name="s02_atan_of_a_count_is_never_zero_in_a_definition",
    title="The indicator of zero at the arctangent of zero",
    hypotheses=(IndexRange(n, 0, 0),
                Definition(p, Lambda(a, Piecewise((1, Eq(a, 0)), (0, True))))),
    start=p(atan(n)),
    steps=(Step(Integer(0), rules.definition, "unfold p"),),
)
