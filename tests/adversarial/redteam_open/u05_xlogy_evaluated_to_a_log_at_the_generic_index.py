r"""Red-team round 19, u05: the s07 closure, `judge.undefined_xlogy`, judges an `XLogY` inside
a sum at a *generic index* of the range (`_generic_terms` -> `order._at`, a substitution WITH
SymPy's evaluation). With the index a positive integer Dummy, `XLogY.eval` sees its weight
`j` nonzero and returns the plain product `j log(y)`: there is no XLogY left to judge, so
`undefined_xlogy` answers None ("defined"). The log it produced is judged by nothing: `_partial`
reads the side as written, where the author's plain j leaves `XLogY(j, y)` unevaluated, and
`XLogY` is in `_TOTAL`, so it is skipped. The weighted log `j log y` with y = 0 is taken as
having a value.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k and every real x, with S = sum_{j=1}^{k} j log((x - cos x)^2)
    (printed with xlogy, "j log (x - cos x)^2"):
        (S + 1)^2 - S^2 - 2 S  =  1

Counterexample: x = 0.7390851332151606416553120876738734040134... (the Dottie number, mpmath
`findroot(lambda t: t - cos(t), 0.7)` at 50 digits, residual 6e-52): there (x - cos x)^2 = 0,
and every term j log 0 with j >= 1 has no value (SymPy: `xlogy(1, S(0))` is zoo), so the left
side has none; the right side is 1. The engine's convention: defined on one side only is a
counterexample.

Variants (first derivations below):
- (symbolic) for real x: sum_{j=1}^{k} sin(pi j) xlogy(j, x) = 0. At x = 0 each term is
  sin(pi j) (j log 0) = 0 * (-oo): SymPy gives `sin(pi*1)*xlogy(1, S(0))` = nan. (After binder
  renaming `sin(pi _b0)` is 0 and the XLogY disappears from the prepared side, so the sampler
  sees 0 = 0 everywhere; `sampling._written_partials` does not look at XLogY either, since
  `_partial` skips it as total.)
- the kernel also "proves" (S + 1)^2 - S^2 - 2 S = 1 with S = sum_{j=1}^{k} xlogy(j, w) for
  w >= 0, and for real w: there the cross-check draws w = 0 (or a negative w) and reports
  "sampling contradicts the symbolic proof (please report this engine bug)". That confirms the
  kernel route; it is not in this file because it is not accepted.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u05_xlogy_evaluated_to_a_log_at_the_generic_index.py --no-cache
Output: every derivation "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `judge.proves_equal` -> `may_be_undefined(side)`:
- `undefined_xlogy(unfold(side))` -> `Sum` -> `_generic_terms(s, facts)` -> `order._generic`
  makes j a positive integer Dummy (the lower bound 1 is positive) -> `order._at(body, j, J)`
  = `freshen(body).xreplace({j: J})`, evaluated: `XLogY(J, y)` -> `XLogY.eval` (J.is_nonzero)
  -> `J*log(y)`. `undefined_xlogy(J*log(y))` finds no XLogY: None. (Over a range of a few
  constants, `_at(body, v, Integer(n))` does the same at each n.)
- `_partial(unfold(side), prepared=False)`: the node `XLogY(j, y)` (author's j, no
  assumptions, so unevaluated) is an instance of `_TOTAL`: skipped.
- `_partial(prepare(side))`: j renamed to the integer `_b0` (not known nonzero), XLogY stays,
  skipped again. Nothing judges log(y).
- `canonical` treats `XLogY(_b0, y)` as one opaque term and the square cancels: 1 = 1. The
  2-point cross-check does not land on the Dottie number (the probes solve polynomials; this is
  the t04 miss, but here the *kernel* proved a false step, so the grade is symbolic).

Suggested fix: in `_generic_terms` (and wherever a body is judged at an index), substitute
under `evaluate(False)`, so that the XLogY is still there to be judged by `_xlogy_defined`; or,
in `undefined_xlogy`, judge every `log` that the substitution produced (run `_partial` on the
substituted body as well, which would find `log(y)` with y not shown positive).
"""

from sympy import Integer, Sum, Symbol, cos, pi, sin

from derivations import Derivation, Real, Size, Step, rules, xlogy

k = Symbol("k", integer=True, positive=True)
x = Symbol("x", real=True)
j = Symbol("j")

u05_sine_weights = Derivation(
    name="u05_sine_weights",
    title="Sines at the integers times weighted logs",
    hypotheses=(Size(k), Real(x)),
    start=Sum(sin(pi * j) * xlogy(j, x), (j, 1, k)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes at every integer"),),
)

S = Sum(xlogy(j, (x - cos(x)) ** 2), (j, 1, k))

u05_xlogy_evaluated_to_a_log_at_the_generic_index = Derivation(
    name="u05_xlogy_evaluated_to_a_log_at_the_generic_index",
    title="A square of a sum of weighted logs, expanded",
    hypotheses=(Size(k), Real(x)),
    start=(S + 1) ** 2 - S ** 2 - 2 * S,
    steps=(Step(Integer(1), rules.algebra, "expand the square"),),
)
