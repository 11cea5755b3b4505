"""Red-team round 16, r10: SymPy's undisplayed "Fermi level" assumptions (`below_fermi`,
`above_fermi`) pass the declaration audit, and KroneckerDelta evaluates to 0 on them.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    with d(a, b) = delta_{ab} (a Definition hypothesis), for integers 1 <= y <= 3 and
    1 <= m <= 3:   d(y, m) = 0

Counterexample: y = m = 1: d(1, 1) = delta_{11} = 1, not 0. (The printed hypotheses are
exactly "1 <= y <= 3", "1 <= m <= 3" and the definition of d; nothing shows the extra
declarations.)

The symbols are declared `Symbol("y", integer=True, below_fermi=True)` and
`Symbol("m", integer=True, above_fermi=True)`. SymPy stores any keyword as an assumption
(`_assumptions_orig`), and `KroneckerDelta.eval` returns 0 when one index is below and the
other above the Fermi level (sympy/functions/special/tensor_functions.py, for
second quantisation).

Command:
    python -m derivations check \
        tests/adversarial/redteam/r10_fermi_assumptions_make_a_delta_vanish.py --no-cache --min-evidence symbolic
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `language/derivation._unjustified` compares a symbol's assumptions with those the
hypotheses imply, but `_facts_of` enumerates only SymPy's `_assume_defined` names (positive,
integer, ...); `below_fermi`/`above_fermi` are not among them, so they are never seen.
`canonical.prepare` unfolds d(y, m) to KroneckerDelta(y, m), which SymPy evaluates to 0 at
construction; the sampler evaluates the prepared side too (0), so the cross-check agrees.
(A Definition hides the delta from the start; written directly, KroneckerDelta(y, m) + 1
would be evaluated to 1 already when the file is built, and the printed claim "1 = 1" would
be true.) Related to k11/l14 (assumptions smuggled past the audit), by a different door: no
subclass, no mutation after the audit, an ordinary SymPy keyword.

Suggested fix: refuse any symbol (and IndexedBase label, and function) whose
`_assumptions_orig` holds a key outside the declarable set (`hypotheses._DECLARABLE` plus
`commutative`), e.g. in `_unjustified` compare `set(_assumptions_orig)` against that set.

Closed: the declaration audit refuses an assumption SymPy knows outside its fact system
(``derivation._unjustified``): "m in the start is declared above_fermi but no hypothesis states
it".
"""

from sympy import Function, Integer, KroneckerDelta, Lambda, Symbol

from derivations import Definition, Derivation, IndexRange, Step, rules

y = Symbol("y", integer=True, below_fermi=True)
m = Symbol("m", integer=True, above_fermi=True)
a = Symbol("a")
b = Symbol("b")
d = Function("d")

r10_fermi_assumptions_make_a_delta_vanish = Derivation(
    name="r10_fermi_assumptions_make_a_delta_vanish",
    title="Two labels never agree",
    hypotheses=(IndexRange(y, 1, 3), IndexRange(m, 1, 3),
                Definition(d, Lambda((a, b), KroneckerDelta(a, b)))),
    start=d(y, m),
    steps=(Step(Integer(0), rules.definition, "unfold d"),),
)
