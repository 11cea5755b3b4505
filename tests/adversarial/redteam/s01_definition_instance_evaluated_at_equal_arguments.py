"""Red-team round 17, s01: the r05 fix judges a defined function's formula at its arguments,
but builds that instance by *calling* the Lambda, so SymPy evaluates it first: a pole that
appears only when two arguments coincide is cancelled before it is judged.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    with f(t, s) = t / s (a Definition hypothesis), for every real x:  f(x, x) = 1

Counterexample: x = 0: f(0, 0) = 0/0 has no value, while the right side is 1 (the engine's
convention, docs/reference.md: a point where one side has a value and the other has none is a
counterexample). Checked: `(t/s).subs({t: 0, s: 0})` is nan.

Variants, each accepted at symbolic grade (first derivations below):
- g(t, s) = log t - log s: g(x, x) = 0 for every real x (x = 0: log 0 - log 0 = nan; x = -1:
  log(-1) is not real, which the engine counts as no value);
- h(t) = sin(pi t)/t at an integer n >= 0: h(n) = 0 (n = 0: 0/0). Here the integer assumption of
  the argument, not the equality of two arguments, lets SymPy evaluate sin(pi n) to 0.

Command:
    python -m derivations check \
        tests/adversarial/redteam/s01_definition_instance_evaluated_at_equal_arguments.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.may_be_undefined` -> `Facts.definition_instances(unfold(expr))` (the r05 fix):
`instance = _fresh_binders(d.formula)(*application.args)`. Calling a Lambda substitutes with
evaluation: Lambda((t, s), t/s)(x, x) is x/x, which SymPy makes 1 at once, so the instance is
the number 1 and has nothing to judge. `prepare(side)` is 1 as well (apply_definitions uses
`expr.replace(d.function, Lambda)`, the same evaluation), and the sampler's `_instances`
evaluates the same evaluated instance, so no point shows the pole. `canonical` proves 1 = 1.

Suggested fix: build each instance under `evaluate(False)` (or `body.xreplace(...)` inside
`with evaluate(False)`) and judge its denominators/logs as written, the way
`written_denominators` reads a side, for every denominator (not only those holding a Sum).
Equivalently: collect the dividing powers and logs of the formula's body symbolically (t/s
divides by s) and require each to be nonzero/positive at the arguments (s := x).

Closed: a defined function's formula is substituted at its arguments without SymPy's evaluation
(``Facts.definition_instances``), and the kernel judges that instance as it stands: its
denominators (x at (x, x)) and logs (``judge._partial(prepared=False)``). All three derivations
fail: "at x=0 the left side is undefined".
"""

from sympy import Function, Integer, Lambda, Symbol, log, oo, pi, sin

from derivations import Definition, Derivation, IndexRange, Real, Step, rules

x = Symbol("x", real=True)
n = Symbol("n", integer=True, nonnegative=True)
t = Symbol("t")
s = Symbol("s")
f = Function("f")
g = Function("g")
h = Function("h")

s01_log_difference = Derivation(
    name="s01_log_difference",
    title="A difference of logarithms at equal arguments",
    hypotheses=(Real(x), Definition(g, Lambda((t, s), log(t) - log(s)))),
    start=g(x, x),
    steps=(Step(Integer(0), rules.definition, "unfold g"),),
)

s01_sinc_at_integers = Derivation(
    name="s01_sinc_at_integers",
    title="A sine over its argument at every count",
    hypotheses=(IndexRange(n, 0, oo), Definition(h, Lambda(t, sin(pi * t) / t))),
    start=h(n),
    steps=(Step(Integer(0), rules.definition, "unfold h; the sine vanishes at integers"),),
)

s01_definition_instance_evaluated_at_equal_arguments = Derivation(
    name="s01_definition_instance_evaluated_at_equal_arguments",
    title="A number divided by itself is one",
    hypotheses=(Real(x), Definition(f, Lambda((t, s), t / s))),
    start=f(x, x),
    steps=(Step(Integer(1), rules.definition, "unfold f"),),
)
