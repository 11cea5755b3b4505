"""Red-team round 20, v07 (kernel soundness): unfolding a definition captures its argument.
`hypotheses._fresh_binders`, which must rename every binder of a definition's formula before
an argument is substituted, leaves the *outer* of two nested sums with the author's variable.
Applied at an argument that mentions that variable, the argument is captured by the sum.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypothesis:  f{\\left(t \\right)} = \\sum_{j=1}^{2} j\\,\\sum_{i=1}^{2} i\\,t
    claim:       f{\\left(j \\right)} = 15            (j a label, j \\in \\{1\\})

The formula is f(t) = (1 + 2)(1 + 2) t = 9t, so f(j) = 9j, and with j = 1 the claim says
9 = 15. SymPy, with capture-avoiding substitution:
`Sum(J*Sum(t*i, (i, 1, 2)), (J, 1, 2)).doit()` = 9t, at t = 1: 9. What the engine checks is the
captured `Sum(j*Sum(_i*j, (_i, 1, 2)), (j, 1, 2))` = 3(1 + 4) = 15. This is not a printing
mismatch: the page is a correct definition followed by a false equation.

Variants (earlier derivations, each accepted at symbolic grade):
- v07_plain: j a plain symbol (no hypothesis): f(j) = 15 for every j, false at j = 0 (0 vs 15);
- v07_shifted: the claim f(j + 1) = 24 with j \\in \\{1\\}: really f(2) = 18. The engine
  computes the captured sum_{j=1}^{2} j * 3 (j + 1) = 3 (2 + 6) = 24.
  (A product variant is *not* accepted: there the outer `Product(...)` sorts before the inner
  `Sum(...)` by `str`, so the outer binder is renamed first and nothing is captured; the
  sampler then refutes the wrong value 36 against the true 18.)

The same find in a .tex document, needing only declarations that docs/check-your-tex.md
allows (one `%dv index j` "used free in one chain, summed in another"), is
`v07_definition_unfolding_captures_the_argument.tex`, also symbolic, exit 0.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v07_definition_unfolding_captures_the_argument.py --no-cache \\
        --min-evidence symbolic

Route: `canonical.prepare` -> `Facts.apply_definitions` ->
`expr.replace(f, _fresh_binders(formula))`. `_fresh_binders` walks
`sorted(body.atoms(Sum, Product, Integral), key=str)`. For each binder it does
`body = body.xreplace({binder: binder.xreplace(renaming)})`. The inner sum
`Sum(i*t, (i, 1, 2))` sorts first ("Sum(i*t..." < "Sum(j*Sum(...") and is renamed to `_i`.
After that, the outer sum in `body` holds the *renamed* inner sum, so the outer binder as
collected earlier is no longer a subexpression: its `xreplace` is a no-op, and the outer variable
stays the author's j. The Lambda applied at j (`xreplace({t: j})`) then puts j inside the outer
sum's scope: captured. `Facts.definition_instances` (the s01/u01 closure) uses the same
`_fresh_binders`, so the definedness check judges the captured instance too. The sampler
evaluates the prepared side, so its cross-check agrees with the kernel.

Suggested fix: rename binders in one recursive pass that rebuilds from the inside out, like
`binders.freshen` (extended to Integral); or re-collect the binders after each rename; and
assert, after substitution, that no free symbol of an argument became bound
(`arg.free_symbols <= instance.free_symbols`).

Closed: a definition's binders are renamed outermost first, each in the body as it stands (`hypotheses._fresh_binders`); every variant now fails with the counterexample j = 1 (9 against 15).
"""

from sympy import Function, Integer, Lambda, Sum, Symbol

from derivations import Definition, Derivation, IndexRange, Step, rules

t = Symbol("t")
i = Symbol("i")
j_plain = Symbol("j")
j = Symbol("j", integer=True)
f_plain = Function("f")
f = Function("f")

v07_plain = Derivation(
    name="v07_plain",
    title="A defined double sum at j",
    hypotheses=(Definition(f_plain, Lambda(t, Sum(j_plain * Sum(t * i, (i, 1, 2)), (j_plain, 1, 2)))),),
    start=f_plain(j_plain),
    steps=(Step(Integer(15), rules.definition, "unfolding the definition"),),
)

v07_shifted = Derivation(
    name="v07_shifted",
    title="A defined double sum at the next index",
    hypotheses=(IndexRange(j, 1, 1),
                Definition(f, Lambda(t, Sum(j * Sum(t * i, (i, 1, 2)), (j, 1, 2))))),
    start=f(j + 1),
    steps=(Step(Integer(24), rules.definition, "unfolding the definition"),),
)

v07_definition_unfolding_captures_the_argument = Derivation(
    name="v07_definition_unfolding_captures_the_argument",
    title="A defined double sum at a label",
    hypotheses=(IndexRange(j, 1, 1),
                Definition(f, Lambda(t, Sum(j * Sum(t * i, (i, 1, 2)), (j, 1, 2))))),
    start=f(j),
    steps=(Step(Integer(15), rules.definition, "unfolding the definition"),),
)
