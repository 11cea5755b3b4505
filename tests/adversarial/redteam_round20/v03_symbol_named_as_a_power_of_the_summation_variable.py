"""Red-team round 20, v03: a symbol whose *name* is `y^{j}`, used inside a sum over j. It
prints exactly like the power y^j of the summation variable, so the printed sum reads as a
geometric sum, while what is checked sums one constant symbol.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    \\sum_{j=0}^{k} y^{j} = \\left(1 + k\\right)\\,\\sum_{j=0}^{0} y^{j}     for every size k

As printed, the left side is the geometric sum 1 + y + ... + y^k and the right side is
(k + 1) * y^0 = k + 1. Counterexample: k = 1, y = 2: 1 + 2 = 3, against 2. (SymPy:
`Sum(y**j, (j, 0, 1)).doit().subs(y, 2)` is 3; `(k + 1).subs(k, 1)` is 2.) What is checked is
sum_{j=0}^{k} Y = (k + 1) Y for one symbol Y named "y^{j}", which is true.

Variants (earlier derivations, each accepted at symbolic grade):
- v03_two_terms: `\\sum_{j=1}^{2} y^{j} = 2\\,\\sum_{j=1}^{1} y^{j}`: as printed y + y^2 = 2y,
  false at y = 2 (6 against 4);
- v03_product: `\\prod_{j=1}^{2} y^{j} = \\left(\\prod_{j=1}^{1} y^{j}\\right)^{2}`: as printed
  y^3 = y^2, false at y = 2 (8 against 4);
- v03_definition: hypothesis `f{\\left(t \\right)} = y^{t}` (a Definition whose formula is the
  symbol named "y^{t}"), claim `f(1) = f(2)`: as printed y = y^2, false at y = 2. Here the
  definition's variable t is compared with the formula's free symbols by whole LaTeX
  (`_check_bound_names`), "t" against "y^{t}".
- v03_family: a family whose label is `a^{j}` (real entries, a size k):
  `\\sum_{j=1}^{2} a^{j}_{k} = 2\\,\\sum_{j=1}^{1} a^{j}_{k}`, which TeX sets as (a_k)^j:
  as printed a_k + a_k^2 = 2 a_k, false at a_k = 2 (6 against 4). The hypothesis prints
  `a^{j}_{i} \\in \\mathbb{R} \\quad\\text{for all } i`.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v03_symbol_named_as_a_power_of_the_summation_variable.py --no-cache \\
        --min-evidence symbolic

Route: the name "y^{j}" passes every name screen: `_name_problem` (prose math allows `^`, as
for `q^*`), `_OPERATOR_NAME` (no operator, relation or bracket), `_LETTERS` (no two plain
letters side by side: the u16 closure), `reads_as_function`. `_check_lookalikes` refuses a
symbol whose name carries an index of the derivation as a *subscript* (it looks only at the
part after the first "_"); a superscript is never looked at. `_check_bound_names` compares
the summation variable's LaTeX "j" with the free symbols' LaTeX, whole ("y^{j}"), so it does
not see the j inside the name. The kernel sums a constant: linearity gives (k + 1) Y on both
sides.

Suggested fix: refuse a symbol name that shows, anywhere (subscript, superscript, argument of
an accent or a font command), the printed name of a variable bound in its scope or of an index
of the derivation; simplest, refuse `^` in names except a bare `^*`/`^{*}` or primes, and
`_`/`^` followed by anything that is a symbol of the derivation. More generally: a name should
tokenise as one atom under the project's own .tex reader.
"""

from sympy import Function, IndexedBase, Integer, Lambda, Product, Sum, Symbol

from derivations import Definition, Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
Y = Symbol("y^{j}")

v03_two_terms = Derivation(
    name="v03_two_terms",
    title="A sum of two terms",
    hypotheses=(),
    start=Sum(Y, (j, 1, 2)),
    steps=(Step(2 * Sum(Y, (j, 1, 1)), rules.algebra, "the two terms are equal"),),
)

v03_product = Derivation(
    name="v03_product",
    title="A product of two factors",
    hypotheses=(),
    start=Product(Y, (j, 1, 2)),
    steps=(Step(Product(Y, (j, 1, 1)) ** 2, rules.algebra, "the two factors are equal"),),
)

i = Symbol("i", integer=True)
A = IndexedBase("a^{j}", real=True)

v03_family = Derivation(
    name="v03_family",
    title="A sum of two equal entries",
    hypotheses=(Size(k), Real(A[i])),
    start=Sum(A[k], (j, 1, 2)),
    steps=(Step(2 * Sum(A[k], (j, 1, 1)), rules.algebra, "the two terms are equal"),),
)

t = Symbol("t")
Y_t = Symbol("y^{t}")
f = Function("f")

v03_definition = Derivation(
    name="v03_definition",
    title="A defined function at one and at two",
    hypotheses=(Definition(f, Lambda(t, Y_t)),),
    start=f(Integer(1)),
    steps=(Step(f(Integer(2)), rules.definition, "unfolding the definition"),),
)

v03_symbol_named_as_a_power_of_the_summation_variable = Derivation(
    name="v03_symbol_named_as_a_power_of_the_summation_variable",
    title="A sum of equal terms",
    hypotheses=(Size(k),),
    start=Sum(Y, (j, 0, k)),
    steps=(Step((k + 1) * Sum(Y, (j, 0, 0)), rules.algebra, "the terms are all equal"),),
)
