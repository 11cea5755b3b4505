"""Red-team round 20, v02: a definition whose formula sums over a variable printed like the
definition's own argument. Printed, the sum binds the letter, so the formula reads as a
constant; what is checked uses the argument.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypothesis:  f(t) = \\sum_{t=1}^{2} t
    claim:       f(5) = 10

As printed, the sum binds t (standard scoping), so f(t) = 1 + 2 = 3 for every t, and f(5) = 3,
not 10. What is checked is f(t) = sum_{i=1}^{2} t = 2t, whose value at 5 is 10: the Lambda's
variable is `Symbol("t")` and the summation variable `Symbol("t", integer=True)`, two symbols
with one printed name. Checked with SymPy: `Sum(S('t'), (Symbol('t', integer=True), 1, 2))
.doit()` is `2*t`; the printed formula, read with one t, is `sum(range(1, 3))` = 3.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v02_definition_variable_shadowed_by_its_own_sum.py --no-cache \\
        --min-evidence symbolic

Route: `Derivation._check_bound_names` (the u14/u15 closure) compares, for a definition, its
variables against the *free* symbols of its formula other than the variables, and the bound
variables of the printed sides against the free symbols of the sides. The variables bound
*inside* the formula (its own sums, products, integrals) are compared with nothing, in
particular not with the Lambda's variables, which enclose them. `_check_clashes` and
`_check_lookalikes` see free symbols only (and skip "the definition of" places for look-alikes).
`Facts.apply_definitions` -> `_fresh_binders` renames the sum's variable to a Dummy before
substituting 5, so the kernel proves f(5) = 5 + 5 = 10 correctly for the object.
Same root cause as v01 (a bound variable compared only with free symbols, never with the
binders that enclose it).

Suggested fix: in `_check_bound_names`, add every variable bound inside a definition's formula
to the comparison with the definition's variables (and, generally, with every enclosing
binder's variables, by printed name).

Closed: inside a definition, another symbol that prints like its variable is refused (`derivation._check_printed_names`).
"""

from sympy import Function, Integer, Lambda, Sum, Symbol

from derivations import Definition, Derivation, Step, rules

t = Symbol("t")
t_summed = Symbol("t", integer=True)
f = Function("f")

v02_definition_variable_shadowed_by_its_own_sum = Derivation(
    name="v02_definition_variable_shadowed_by_its_own_sum",
    title="A defined function at five",
    hypotheses=(Definition(f, Lambda(t, Sum(t, (t_summed, 1, 2)))),),
    start=f(Integer(5)),
    steps=(Step(Integer(10), rules.definition, "unfolding the definition"),),
)
