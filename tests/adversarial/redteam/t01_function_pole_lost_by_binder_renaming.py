"""Red-team round 18, t01: the s05 closure (`judge.written_denominators`) judges the
*denominators* of a side as written, before `prepare` renames a summation variable to the
engine's integer binder; but the poles of *functions* (gamma, cot, atanh, log, acos, Mod(., 0))
are judged by `judge._partial` on the prepared side only. Renaming j to the integer `_b0`
lets SymPy evaluate sin(pi _b0) to 0 (or Mod(_b0^2, _b0), Mod(_b0 x, x) to 0), and the factor
that has no value at some point is multiplied away before anything looks at it.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k and every real x:  sum_{j=0}^{k} sin(pi j) Gamma(x)  =  0

Counterexample: x = 0 (or any integer x <= 0): Gamma(0) is a pole, so every term is
0 * Gamma(0), which has no value (SymPy: `sin(pi*0)*gamma(0)` is nan); the right side is 0.
The engine's own convention (docs/reference.md) makes a point where one side has no value and
the other has one a counterexample. Checked with SymPy: `gamma(S(0))` is zoo and
`sin(pi*S(0))*gamma(S(0))` is nan.

Variants, each accepted at symbolic grade (first derivations below):
- sum_{j=0}^{k} Mod(j^2, j) = 0 (no real variable at all): the j = 0 term is 0 mod 0
  (SymPy raises ZeroDivisionError "Modulo by zero"), while SymPy makes Mod(_b0^2, _b0) = 0 for
  an integer _b0;
- sum_{j=0}^{k} Mod(j x, x) = 0 for real x: x = 0 gives 0 mod 0 in every term;
- sum_{j=0}^{k} sin(pi j) cot(pi j / 2) = 0: at j = 0 and every even j the cotangent has a
  pole; where it is defined the product is 1 + cos(pi j), so the value at the even j is not
  even "0 by continuity" but 2;
- sum_{j=0}^{k} sin(pi j) atanh(x) = 0 (x = 1: atanh 1 = oo); sin(pi j) acos(x) (x = 2: not
  real); sin(pi j) (log x)^2 (x = 0). `plain_weighted_log` refuses sin(pi j) log x, but a log
  raised to a power is not a log factor of the product.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t01_function_pole_lost_by_binder_renaming.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_equal` -> `may_be_undefined(side)`:
- `written_denominators(side)` (the s05 fix) reads `unfold(side)` with the author's plain j:
  there is no denominator here, so nothing is judged as written;
- `_partial(expr, facts)` (prepared=True) walks `prepare(side)`. `canonical.prepare` ->
  `binders.rename_bound` -> `rebind` does `e.function.xreplace({j: _b0})` with `_b0` an
  integer Symbol; SymPy evaluates sin(pi _b0) to 0, and 0 * gamma(x) to 0 (SymPy's Mul drops
  a factor it does not know to be infinite), so the prepared side is Sum(0, ...) and
  gamma(x) is never met. Mod(_b0^2, _b0) and Mod(_b0 x, x) are 0 by Mod.eval's "ratio is an
  integer" rule;
- `canonical` proves 0 = 0. The sampler's cross-check evaluates the same prepared side (0
  at every point), and `_lost_denominators` looks only for denominators.

Suggested fix: judge `_partial` (and the Mod-by-zero test) on the side as written as well, the
way `written_denominators` does for denominators: `_partial(unfold(side), facts,
prepared=False)` with the summation variables freshened to integer Dummies under
`evaluate(False)`. More generally, rename binders under `evaluate(False)`: a rename must never
change a value, and every evaluation SymPy does on it is one the kernel never judged (s03,
s05, this).

Closed: `judge.may_be_undefined` also judges the functions of a side as written, before any
binder is renamed (`_partial(unfold(expr), prepared=False)`), so none of these is proved; and
the sampler evaluates each such application that the prepared side lost, and that does not
depend on a bound variable, beside the side (`sampling._written_partials`): the gamma, atanh,
acos and log variants now fail with a counterexample (x = 0, x = 1, ...). The two Mod variants
were true as printed (SymPy rewrites Mod(j^2, j) to j (j mod 1) when it is built, and that is
what is printed and summed); Mod is now refused altogether (t07). The cotangent variant, whose
pole depends on the summation variable, is kept open in `../redteam_open/t01b_...`: the kernel
refuses it, and the sampler grades it `sampled`.
"""

from sympy import Integer, Mod, Sum, Symbol, acos, atanh, gamma, log, pi, sin

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
x = Symbol("x", real=True)
j = Symbol("j")


def _claim(name: str, title: str, summand, why: str) -> Derivation:
    return Derivation(
        name=name,
        title=title,
        hypotheses=(Size(k), Real(x)),
        start=Sum(summand, (j, 0, k)),
        steps=(Step(Integer(0), rules.algebra, why),),
    )


t01_mod_by_itself = Derivation(
    name="t01_mod_by_itself",
    title="A square leaves no remainder on division by its root",
    hypotheses=(Size(k),),
    start=Sum(Mod(j**2, j), (j, 0, k)),
    steps=(Step(Integer(0), rules.algebra, "j divides j squared"),),
)

t01_mod_multiple = _claim("t01_mod_multiple", "A multiple leaves no remainder",
                          Mod(j * x, x), "j x is a multiple of x")
t01_atanh = _claim("t01_atanh", "A sine times an inverse hyperbolic tangent",
                   sin(pi * j) * atanh(x), "the sine vanishes at every integer")
t01_acos = _claim("t01_acos", "A sine times an arccosine",
                  sin(pi * j) * acos(x), "the sine vanishes at every integer")
t01_log_squared = _claim("t01_log_squared", "A sine times a squared logarithm",
                         sin(pi * j) * log(x) ** 2, "the sine vanishes at every integer")

t01_function_pole_lost_by_binder_renaming = _claim(
    "t01_function_pole_lost_by_binder_renaming",
    "The sine at the integers cancels the gamma function",
    sin(pi * j) * gamma(x),
    "the sine vanishes at every integer",
)
