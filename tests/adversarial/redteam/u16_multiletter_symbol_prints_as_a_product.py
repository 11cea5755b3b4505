r"""Red-team round 19, u16 (printing): a symbol may have a name of several plain letters. SymPy
prints `Symbol("ab")` as `ab`, which TeX sets as the product of a and b. A power of it then
prints `ab^{2}`, which reads as a b^2. The project's own .tex reader refuses exactly this ("A
name of several plain letters (`xy`) reads as a product and is refused",
docs/check-your-tex.md); the .py audit only refuses names that hold an operator or a function
word (`_OPERATOR_NAME`, `reads_as_function(words=False)`; notation.py even says "a symbol named
`log` prints in italics, as a product of letters").

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypothesis:  ab in R;      claim:  ab^2 >= 0

printed `ab \in \mathbb{R}` and `ab^{2} \ge 0`. As printed, that is a b^2 >= 0 for real a, b: false
at a = -1, b = 1 (SymPy: `(-1)*1**2` = -1). What was checked is s^2 >= 0 for one real symbol s
named "ab": true.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u16_multiletter_symbol_prints_as_a_product.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the LaTeX lines above)
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `Derivation._check_declarations`: `_name_problem("ab")` (prose math: fine),
`_OPERATOR_NAME` (no operator), `reads_as_function("ab", words=False)` (no function word) all
pass. `_check_clashes` compares it with other symbols by name only. The printer prints the
name verbatim.

Suggested fix: apply the .tex reader's rule to Python derivations: refuse a symbol name of
several plain letters outside a font command (`\mathrm{ab}`), or print it as
`\mathit{ab}`/`\mathrm{ab}` and bracket its powers, `\left(ab\right)^{2}`.

Closed: a symbol whose printed name has two plain letters side by side at the baseline (ab, not a_{b} or \\alpha) is refused when the derivation is built.
"""

from sympy import Integer, Symbol

from derivations import Derivation, Real, Step, rules
from derivations.language.relation import Relation

ab = Symbol("ab", real=True)

u16_multiletter_symbol_prints_as_a_product = Derivation(
    name="u16_multiletter_symbol_prints_as_a_product",
    title="A square is not negative",
    hypotheses=(Real(ab),),
    start=ab**2,
    steps=(Step(Integer(0), rules.inequality, "a square", relation=Relation.GE),),
)
