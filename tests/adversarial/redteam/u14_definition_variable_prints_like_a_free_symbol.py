r"""Red-team round 19, u14 (printing): a Definition's Lambda variable may have the same name as
a free symbol of its own formula. The hypothesis then prints `f(t) = t + t`, where one t is the
argument and the other is a fixed real t declared elsewhere. The clash audit never compares
them: `_check_clashes` collects `free_symbols` (a Lambda's variable is bound, so it is not among
them), and `_check_lookalikes` skips the places "the definition of ..." altogether ("a formula's
arguments are its own").

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypotheses:  t in R;   f(t) = t + t
    claim:       f(1) = 1 + t

As printed, f(t) = 2t for every t, so f(1) = 2, and the claim says 2 = 1 + t: false at t = 0
(2 against 1). What was checked is f(s) = s + t for a fixed real t (the Lambda variable is
another Symbol named "t", without assumptions), so f(1) = 1 + t: true. The reading "f is defined
only at the one point t" does not save it: then f(1) is not given at all. Checked with SymPy:
`Lambda(s, 2*s)(1)` is 2, not `1 + 0`.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u14_definition_variable_prints_like_a_free_symbol.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the lines above:
     `f{\left(t \right)} = t + t` and `f{\left(1 \right)} = 1 + t`)
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `language.derivation.Derivation._check_clashes`: `found` is built from `scan.free`
(`expr.free_symbols`), families and calls. The Definition's `Lambda(t, t + T)` has the free
symbol T (printed t) but not the bound t, so the pair is never compared. `_check_lookalikes`
`continue`s for every place that starts with "the definition of". The printer
(`HypothesisPrinter._print_Definition`) prints `f(t) = formula` with the Lambda's own variables.

Suggested fix: in the audit, compare a Definition's Lambda variables with every free symbol of
the derivation (its formula's included) by their printed names, and refuse a clash (or rename
the variable when printing, as `_instantiated` does for citations).

Closed: a definition's variable may not print like another symbol of its formula (`Derivation._check_bound_names`).
"""

from sympy import Function, Integer, Lambda, Symbol

from derivations import Definition, Derivation, Real, Step, rules

s = Symbol("t")            # the definition's variable
t = Symbol("t", real=True)  # a fixed real t, declared by a hypothesis
f = Function("f")

u14_definition_variable_prints_like_a_free_symbol = Derivation(
    name="u14_definition_variable_prints_like_a_free_symbol",
    title="A defined function at one",
    hypotheses=(Real(t), Definition(f, Lambda(s, s + t))),
    start=f(Integer(1)),
    steps=(Step(1 + t, rules.definition, "unfold f"),),
)
