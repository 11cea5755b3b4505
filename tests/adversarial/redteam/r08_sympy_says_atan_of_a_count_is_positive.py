"""Red-team round 16, r08: SymPy's assumptions say atan(n) > 0 for every integer n >= 0 (false
at n = 0), and the kernel's positivity trusts them.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every integer n with 0 <= n (IndexRange(n, 0, oo)):   0 < atan(n)

Counterexample: n = 0: atan(0) = 0, and 0 < 0 is false. The first derivation below uses the
same hole for an equality: (n atan(n) + atan(n)) / atan(n) = n + 1, where at n = 0 the left
side is 0/0 (no value) and the right side is 1; also symbolic. The second derivation uses
another lie of the same kind: SymPy says divisor_sigma(n, x) (sigma_x(n) = sum of d^x over
the divisors d of n) is an integer for a positive integer n and real x, so with the
definition f(t) = sin(pi t) the kernel unfolds f(sigma_x(n)) to sin(pi * integer) = 0:
"f(sigma_x(n)) = 0" is accepted at symbolic grade, false at n = 2, x = 1/2
(sigma = 1 + sqrt 2, sin(pi (1 + sqrt 2)) = 0.9639...).

Command:
    python -m derivations check \
        tests/adversarial/redteam/r08_sympy_says_atan_of_a_count_is_positive.py --no-cache --min-evidence symbolic
Output: both "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_order(..., strict=True)` -> `positivity.is_strictly_positive(atan(n))`
-> `_positive`: `e.is_positive is True`. For `n = Symbol("n", integer=True,
nonnegative=True)` (what IndexRange(n, 0, oo) justifies) SymPy answers
`atan(n).is_positive == True` (its atan assumes a nonnegative argument gives a positive value;
with `Symbol("x", nonnegative=True)` it correctly answers None: the integer assumption takes
another path). For the equality, `judge._never_zero(atan(n))` is True by the same route, so
`_denominators` lets the quotient be cancelled. The 2-point cross-check draws n from the whole
range ([0, span]), rarely 0, and `sampling.critical` has no atan entry.

I found it with a scan of sympy.functions: for each function and a few argument
declarations, compare `is_positive/is_nonnegative/is_finite/is_integer` with the values at
small points. Other lies found the same way: beta (finite at its poles, r07), arg (finite at
0, r06/r07), divisor_sigma (declared positive integer, raises for non-positive arguments).

Suggested fix: do not take `is_positive`/`is_nonzero`/`is_finite` of a function application
from SymPy; judge applications structurally from a table the engine owns (exp > 0; atan(a)
> 0 when a > 0, >= 0 when a >= 0; ...), and let SymPy's assumptions decide only atoms
(symbols and entries, whose assumptions are the displayed hypotheses).

Closed: SymPy's assumptions are not asked of an expression that applies atan, asin or acos to
an argument SymPy knows rational (``positivity.sympy_decides``): SymPy calls such a value
irrational, hence nonzero, though atan(0) = 0. The strict inequality fails at n = 0 ("the left
side is 0 and the right side is 0"), the quotient has no value there, and divisor_sigma is
refused (``vocabulary.VETTED``).
"""

from sympy import Function, Integer, Lambda, Symbol, atan, divisor_sigma, oo, pi, sin

from derivations import Definition, Derivation, IndexRange, Real, Relation, Step, rules

n = Symbol("n", integer=True, nonnegative=True)

r08_quotient_by_atan = Derivation(
    name="r08_quotient_by_atan",
    title="Cancelling the arctangent of a count",
    hypotheses=(IndexRange(n, 0, oo),),
    start=(n * atan(n) + atan(n)) / atan(n),
    steps=(Step(n + 1, rules.algebra, "cancel the common factor"),),
)

m = Symbol("m", integer=True, positive=True)
x = Symbol("x", real=True)
t = Symbol("t")
f = Function("f")

r08_divisor_sigma_is_an_integer = Derivation(
    name="r08_divisor_sigma_is_an_integer",
    title="A divisor sum is a whole number",
    hypotheses=(IndexRange(m, 1, oo), Real(x), Definition(f, Lambda(t, sin(pi * t)))),
    start=f(divisor_sigma(m, x)),
    steps=(Step(Integer(0), rules.definition, "the sine of pi times an integer"),),
)

r08_sympy_says_atan_of_a_count_is_positive = Derivation(
    name="r08_sympy_says_atan_of_a_count_is_positive",
    title="The arctangent of a count is positive",
    hypotheses=(IndexRange(n, 0, oo),),
    start=Integer(0),
    steps=(Step(atan(n), rules.inequality, "the arctangent is positive on the positive axis",
                relation=Relation.LT),),
)
