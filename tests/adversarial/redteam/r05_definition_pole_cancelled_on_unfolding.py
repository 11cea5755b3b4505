"""Red-team round 16, r05: a function defined with a pole, unfolded by the kernel, loses the pole
to SymPy's automatic cancellation before definedness is judged.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    with r(t) = 1/t (a Definition hypothesis), for every real x:  x * r(x) = 1

Counterexample: x = 0: r(0) = 1/0 has no value, so the left side has none, while the right
side is 1 (the engine's own convention, docs/reference.md: a point where one side has a value
and the other has none is a counterexample). The variant in the first derivation below,
g(t) = log(t) and exp(g(x)) = x for every real x, is also accepted at symbolic grade: at
x = 0 the left side has no value, and at x = -1 g(-1) = log(-1) is not real. The second
derivation, with G(t) = sum_{n>=0} t^n and H(t) = 1/sum_{n>=0} t^n, claims G(x) H(x) = 1 for
every real x, accepted at symbolic grade too: at x = -1 (or any |x| >= 1) the series diverges
(no value); `judge._unproved_series(unfold(expr))` never applies the definitions, so the
series hidden in G and H is never judged, and S * (1/S) cancels on unfolding.

Command:
    python -m derivations check \
        tests/adversarial/redteam/r05_definition_pole_cancelled_on_unfolding.py --no-cache --min-evidence symbolic
Output: both derivations "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `kernel/judge.proves_equal` -> `may_be_undefined(side)`: `written_denominators` reads
the side as written but keeps only denominators holding a Sum, Product or Integral (the
q04/q05 fix); `_partial` and `_denominators` read `prepare(side)`, i.e. after
`Facts.apply_definitions` has replaced r by Lambda(t, 1/t). Applying the Lambda makes
`x * (1/x)`, which SymPy evaluates to 1 at construction, so no denominator (and, for the
variant, `exp(log(x))` -> x: no log) is left to judge. `canonical` then proves 1 = 1.
The sampler's cross-check evaluates the prepared sides too (`sampling.sample`: `base =
[prepare(side)]`; `_lost_denominators` only restores denominators with a Sum/Product/Integral),
so x = 0 would show nothing even if it were drawn.

Suggested fix: judge definedness of every applied Definition before (or without) SymPy's
evaluation: for each application f(a) in a side, require the definition body, with its
variables replaced by the arguments under `evaluate(False)`, to be defined
(`may_be_undefined(body.xreplace(...))` on the unevaluated form), or collect the
denominators/logs of each definition's body at its arguments as "written denominators" as
was done for sums in q05; and let `_lost_denominators` cover definitions as well.

Closed in the kernel and the sampler. ``judge.may_be_undefined`` judges each defined function's
formula at the arguments it is applied to, on its own (``Facts.definition_instances``), before
SymPy's algebra meets it in context: 1/x at x, log x at x, the series of G. The sampler
evaluates those formulas beside the side (``sampling._instances``), and a side has no value
where one of them has none: "at x=0 the left side is undefined and the right side is 1". The
series variant ends undecided (the series is not shown to converge, and no point has a value).
"""

from sympy import Function, Integer, Lambda, Sum, Symbol, exp, log, oo

from derivations import Definition, Derivation, Real, Step, rules

x = Symbol("x", real=True)
t = Symbol("t")
g = Function("g")
r = Function("r")
G = Function("G")
H = Function("H")
n = Symbol("n", integer=True)

r05_log_definition = Derivation(
    name="r05_log_definition",
    title="The exponential of the log of every real number",
    hypotheses=(Real(x), Definition(g, Lambda(t, log(t)))),
    start=exp(g(x)),
    steps=(Step(x, rules.definition, "unfold g; exp and log are inverse"),),
)

r05_series_definition = Derivation(
    name="r05_series_definition",
    title="A geometric series times its reciprocal",
    hypotheses=(Real(x), Definition(G, Lambda(t, Sum(t**n, (n, 0, oo)))),
                Definition(H, Lambda(t, 1 / Sum(t**n, (n, 0, oo))))),
    start=G(x) * H(x),
    steps=(Step(Integer(1), rules.definition, "unfold G and H"),),
)

r05_definition_pole_cancelled_on_unfolding = Derivation(
    name="r05_definition_pole_cancelled_on_unfolding",
    title="Every real number times its reciprocal is one",
    hypotheses=(Real(x), Definition(r, Lambda(t, 1 / t))),
    start=x * r(x),
    steps=(Step(Integer(1), rules.definition, "unfold the reciprocal r"),),
)
