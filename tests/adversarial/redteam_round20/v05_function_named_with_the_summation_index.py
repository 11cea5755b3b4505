"""Red-team round 20, v05: an undefined function whose *name* is `f_{j}` (or `g^{j}`), applied
inside a sum over j. It prints f_{j}(x), which reads as the j-th function of a family; what is
checked is one opaque function that does not depend on j.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    \\sum_{j=1}^{2} f_{j}{\\left(x \\right)} = 2\\,\\sum_{j=1}^{1} f_{j}{\\left(x \\right)}   (x real)

As printed: f_1(x) + f_2(x) = 2 f_1(x), false for f_1 = 0, f_2 = 1 (1 against 0). What is
checked is F(x) + F(x) = 2 F(x) for the single function F = Function("f_{j}"): true.

Variant (first derivation, also symbolic): the name `g^{j}`, printed
`\\sum_{j=1}^{2} g^{j}{\\left(x \\right)} = 2\\,\\sum_{j=1}^{1} g^{j}{\\left(x \\right)}`, which reads
g(x) + g(x)^2 = 2 g(x) (or with g^j the j-th iterate): false at g(x) = 2 (6 against 4).

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v05_function_named_with_the_summation_index.py --no-cache \\
        --min-evidence symbolic

Route: `Derivation._check_lookalikes` has a check for exactly this, "the symbol ... prints like
an entry indexed by j, an index of this derivation, but does not depend on it", but it loops
over the free *Symbols* only (`for s in scan.free ... isinstance(s, Symbol)`); the names of
undefined functions (`scan.calls`) are compared only whole with other printed objects. The
function-name screens (`_name_problem`, `reads_as_function`) look for operators and function
words, not for indices. Close to the open u11 (a named_function *template* showing a symbol the
function does not take), but reached with a plain `Function` name, no template, and with a
bound summation index rather than a parameter.

Suggested fix: run the index check on every printed name (symbols, function names, family
labels, templates): refuse a name whose subscript or superscript shows an index or a bound
variable of the derivation (compare tokens, not the text after the first "_"). Better, a
function's printed name must be a single atom (letters, accents, Greek), with any index
written as an argument.
"""

from sympy import Function, Sum, Symbol

from derivations import Derivation, Real, Step, rules

j = Symbol("j", integer=True)
x = Symbol("x", real=True)
f_j = Function("f_{j}")
g_j = Function("g^{j}")

v05_superscript = Derivation(
    name="v05_superscript",
    title="A sum of two equal terms",
    hypotheses=(Real(x),),
    start=Sum(g_j(x), (j, 1, 2)),
    steps=(Step(2 * Sum(g_j(x), (j, 1, 1)), rules.algebra, "the two terms are equal"),),
)

v05_function_named_with_the_summation_index = Derivation(
    name="v05_function_named_with_the_summation_index",
    title="A sum of two equal terms",
    hypotheses=(Real(x),),
    start=Sum(f_j(x), (j, 1, 2)),
    steps=(Step(2 * Sum(f_j(x), (j, 1, 1)), rules.algebra, "the two terms are equal"),),
)
