r"""Red-team round 19, u01: the t01 closure judges the functions of a side as written, and
`Facts.definition_instances` substitutes a definition's arguments "without SymPy's
evaluation" (s01); but before that `with evaluate(False)` block it calls
`hypotheses._fresh_binders(d.formula)`, which renames the summation variables of the formula
to integer Dummies by a plain `xreplace`, *with* SymPy's evaluation. Renamed to an integer,
`sin(pi i)` is the number 0 and `0 * gamma(t)` is 0, so the instance that the kernel judges is
`Sum(0, ...)`: the pole of gamma, and the denominator t, are gone before anything looks at them.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`), as printed:

    for every size k and every real x, where  f(t) = sum_{i=0}^{k} Gamma(t) sin(pi i):
        f(x) = 0

Counterexample: x = 0 (or any integer x <= 0). Gamma(0) is a pole, so every term is
Gamma(0) sin(0), which has no value: SymPy gives `gamma(S(0))` = zoo and
`sin(pi*S(0))*gamma(S(0))` = nan. The right side is 0. The engine's convention
(docs/reference.md, and the t01 file) makes a point where one side has no value and the other
has one a counterexample.

Variants, each accepted at symbolic grade (the first derivations below):
- g(t) = sum_{i=0}^{k} sin(pi i) / t, claim g(x) = 0: at x = 0 every term is 0/0 (SymPy:
  `sin(pi*S(0))/S(0)` is nan). This is the *denominator* route (s05's closure,
  `written_denominators`), which also reads only the evaluated instance;
- h(t) = sum_{i=0}^{k} sin(pi i) atanh(t), claim h(x) + 1 = 1: at x = 1 atanh(1) = oo
  (SymPy: `atanh(S(1))` = oo, `sin(pi*S(0))*atanh(S(1))` = nan).

Written without a definition (start = the sum itself), the kernel refuses each (t01's
closure); the gamma one then fails with the counterexample x = 0, while the denominator one is
still accepted at `sampled` grade (see u04).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u01_definition_binder_renamed_with_evaluation.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_equal` -> `may_be_undefined(f(x))`:
- `facts.definition_instances(unfold(expr))` (hypotheses.py): for each application it calls
  `formula = _fresh_binders(d.formula)` *outside* `with evaluate(False)`.
  `_fresh_binders` does `body.xreplace({binder: binder.xreplace({i: Dummy(integer=True)})})`,
  which rebuilds `sin(pi _i)` as 0 and `0 * gamma(t)` as 0: the formula is already
  `Sum(0, (_i, 0, k))` when the arguments are substituted "unevaluated";
- `may_be_undefined(instance)` and `_partial(instance, prepared=False)` see no gamma, no
  atanh, no 1/t;
- the side itself, `f(x)`, is an opaque application: `_partial` and `written_denominators`
  skip it. `canonical` unfolds f (apply_definitions, evaluated) to 0 and proves 0 = 0.
- The sampler's `_written_partials` and `_lost_denominators` walk the side (`f(x)`) only,
  not the definition's formula; the 2-point cross-check does not draw x = 0.

Suggested fix: rename the binders of a definition's formula under `evaluate(False)` (move
`_fresh_binders` inside the `with evaluate(False)` block of `definition_instances`, and make
`_fresh_binders` itself rebuild unevaluated); more generally, judge each Definition's formula
once as written (`_partial(formula.expr, prepared=False)` and its written denominators, with
its Lambda variables generic), independently of where it is applied.

Closed: a definition's instance has its binders renamed without evaluation as well (`Facts.definition_instances`), so the kernel judges Gamma(x) sin(pi i) as written; the sampler evaluates each instance's written poles, denominators and lost terms beside the side (`sampling._instance_forms`). All three derivations fail with a counterexample.
"""

from sympy import Function, Integer, Lambda, Sum, Symbol, atanh, gamma, pi, sin

from derivations import Definition, Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
x = Symbol("x", real=True)
t = Symbol("t")
i = Symbol("i")
f = Function("f")
g = Function("g")
h = Function("h")

u01_denominator = Derivation(
    name="u01_denominator",
    title="A defined sum of sines over a variable",
    hypotheses=(Size(k), Real(x), Definition(g, Lambda(t, Sum(sin(pi * i) / t, (i, 0, k))))),
    start=g(x),
    steps=(Step(Integer(0), rules.definition, "the sine vanishes at every integer"),),
)

u01_atanh = Derivation(
    name="u01_atanh",
    title="A defined sum of sines times an inverse hyperbolic tangent",
    hypotheses=(Size(k), Real(x),
                Definition(h, Lambda(t, Sum(sin(pi * i) * atanh(t), (i, 0, k))))),
    start=h(x) + 1,
    steps=(Step(Integer(1), rules.definition, "the sine vanishes at every integer"),),
)

u01_definition_binder_renamed_with_evaluation = Derivation(
    name="u01_definition_binder_renamed_with_evaluation",
    title="A defined sum of sines times a gamma function",
    hypotheses=(Size(k), Real(x),
                Definition(f, Lambda(t, Sum(sin(pi * i) * gamma(t), (i, 0, k))))),
    start=f(x),
    steps=(Step(Integer(0), rules.definition, "the sine vanishes at every integer"),),
)
