"""Red-team round 18, t02: what is printed is not what is checked. SymPy's LaTeX printer (the
engine's `ProofPrinter` has no `_print_Mod`) writes -Mod(x, 3), the negated remainder, as
`- x \\bmod 3`, exactly the string it writes for Mod(-x, 3), the remainder of -x. The proof
therefore shows, with a symbolic check mark,

    - x mod 3  <=  0        for every real x

which every reader (and SymPy itself, for Mod(-x, 3)) takes as (-x) mod 3 <= 0.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    (-x) mod 3 <= 0   for every real x        (printed: `- x \\bmod 3 \\le 0`)

Counterexample: x = 1: (-1) mod 3 = 2 > 0. Checked: `Mod(-1, 3)` is 2 (while what the kernel
checked, -Mod(1, 3), is -1). And `latex(Mod(-x, 3)) == latex(-Mod(x, 3)) == '- x \\bmod 3'`
(checked with `derivations.render.printer.latex`).

Also (not made into a derivation): Mod(Mod(x, y), z) and Mod(x, Mod(y, z)) both print
`x \\bmod y \\bmod z`; Mod(Sum(j, (j, 1, k)), 3) and Sum(Mod(j, 3), (j, 1, k)) both print
`\\sum_{j=1}^{k} j \\bmod 3`; and Mod(x, -y) prints `x \\bmod - y`.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt18 python -m derivations check \
        /work/rt18/t02_negated_remainder_prints_as_remainder_of_negation.py --no-cache
Output: "ok (1 step, weakest evidence: symbolic)", exit 0. `derivations build` of this
file writes `\\dvfit{$\\displaystyle - x \\bmod 3 \\le 0 \\qquad \\dvsymbolic$}` into the proof
(and `\\slidesstatement{- x \\bmod 3}{\\le 0}{\\dvsymbolic}` into the slides).

Route: `render.printer.ProofPrinter` inherits `LatexPrinter._print_Mod`, which parenthesises
the first argument by `PRECEDENCE['Mul']` only: a Mul(-1, x) (a negation) is printed bare,
and `_print_Mul` prints Mul(-1, Mod(x, 3)) as "-" followed by the Mod, also bare. The two
different trees meet in one string. Nested Mods are printed without parentheses in either
argument position, so (x mod y) mod z and x mod (y mod z) meet too. The clash check of the
audit compares symbols' LaTeX, not the LaTeX of whole expressions, so nothing notices.

Suggested fix: a `_print_Mod` in `ProofPrinter` that parenthesises any argument that is not an
atom (a number, a symbol, an entry or a function application), and a `_print_Mul` that
parenthesises a Mod factor (as it already does for a Mod inside a product with another factor).
A test could print every pair of vetted trees up to depth 2 and require distinct strings.

Closed: Mod is no longer a vetted function (t07: SymPy 1.14 evaluates it wrongly at some
integer arguments), so a step that holds one cannot be checked and prints no check mark; the
message says to write the remainder as p - q floor(p/q).
"""

from sympy import Integer, Mod, Symbol

from derivations import Derivation, Real, Relation, Step, rules

x = Symbol("x", real=True)

t02_negated_remainder_prints_as_remainder_of_negation = Derivation(
    name="t02_negated_remainder_prints_as_remainder_of_negation",
    title="The remainder of a negative number",
    hypotheses=(Real(x),),
    start=-Mod(x, 3),
    steps=(Step(Integer(0), rules.inequality, "a remainder of x mod 3 is never negative",
                relation=Relation.LE),),
)
