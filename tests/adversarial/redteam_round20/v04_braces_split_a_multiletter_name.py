"""Red-team round 20, v04: the u16 closure (a symbol name of several plain letters reads as a
product, and is refused) is bypassed by a brace group or a command between the letters. A real
symbol named `a{b}` prints `a{b}`, which TeX sets exactly as "ab": to a reader, the product
a times b.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    hypothesis: a{b} \\in \\mathbb{R}         (TeX sets: ab ∈ R)
    claim:      a{b}^{2} \\ge 0               (TeX sets: ab^2 ≥ 0, i.e. a·b² ≥ 0)

As printed (the superscript binds to the group {b}), a b^2 >= 0 is false at a = -1, b = 1:
-1 < 0. What is checked is Y^2 >= 0 for one real symbol Y named "a{b}", which is true.

Variants (earlier derivations, each accepted at symbolic grade):
- v04_sum: a symbol named `y{j}` in a sum over j: `\\sum_{j=1}^{2} y{j} = 2\\,\\sum_{j=1}^{1} y{j}`
  (TeX: Σ_{j=1}^{2} yj = 2 Σ_{j=1}^{1} yj): as printed y + 2y = 2y, false at y = 1 (3 vs 2);
- v04_empty_group: the same with the name `y{}j`;
- v04_font: the same with the name `\\mathrm{y}j` (an upright y next to an italic j).
Also accepted in scratch: `{y}{j}` and a Greek letter followed by a group, `\\alpha{j}`.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v04_braces_split_a_multiletter_name.py --no-cache --min-evidence symbolic

Route: `Derivation._check_vocabulary` refuses a name when `_LETTERS` (`[A-Za-z]{2}`) matches
`_main_part(latex(sym))`. `_main_part` first removes every command *with its braced argument*
(`\\mathrm{y}`, `\\alpha{j}` vanish whole) and then turns every brace into a space, so `a{b}`
becomes "a b", `y{}j` "y  j": no two letters are adjacent any more, though TeX sets them
adjacent (braces and empty groups set no space). `_OPERATOR_NAME` has no brace, and
`_name_problem` (prose math) allows braces. The kernel proves Y^2 >= 0 for a real Y.

Suggested fix: judge what TeX typesets, not the source: delete braces (and empty groups)
*without* inserting a space, keep the argument of a font command (`\\mathrm{y}` is the letter
y), and treat a Greek-letter command as a letter; then refuse two letters side by side. The
.tex reader's tokeniser could be reused: a name must read back as one atom.
"""

from sympy import Integer, Sum, Symbol

from derivations import Derivation, Real, Step, rules
from derivations import Relation

j = Symbol("j", integer=True)


def _two_terms(name: str, symbol_name: str) -> Derivation:
    y = Symbol(symbol_name)
    return Derivation(
        name=name,
        title="A sum of two equal terms",
        hypotheses=(),
        start=Sum(y, (j, 1, 2)),
        steps=(Step(2 * Sum(y, (j, 1, 1)), rules.algebra, "the two terms are equal"),),
    )


v04_sum = _two_terms("v04_sum", "y{j}")
v04_empty_group = _two_terms("v04_empty_group", "y{}j")
v04_font = _two_terms("v04_font", r"\mathrm{y}j")

ab = Symbol("a{b}", real=True)

v04_braces_split_a_multiletter_name = Derivation(
    name="v04_braces_split_a_multiletter_name",
    title="A square is not negative",
    hypotheses=(Real(ab),),
    start=ab**2,
    steps=(Step(Integer(0), rules.inequality, "a square is not negative", relation=Relation.GE),),
)
