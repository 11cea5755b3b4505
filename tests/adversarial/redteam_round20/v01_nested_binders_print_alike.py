"""Red-team round 20, v01: two nested binders (the variables of a sum inside a sum, or of a
product inside a sum) that are *different* SymPy symbols but print alike. Printed, the inner
binder shadows the outer one, so the summand reads as the inner variable; what is checked uses
the outer one.

False claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    \\sum_{j=1}^{2} j\\,\\sum_{j=1}^{2} j = 10

As printed (standard scoping: the inner sum binds its own j), the left side is
sum_j j * (1 + 2) = (1 + 2)(1 + 2) = 9, not 10; read the other way (the inner summand j being
the outer one) it is sum_j j * 2j = 2 + 8 = 10, which is what is checked, but no reader of the
page can see that the two j differ. Checked with SymPy:
`sum(j*sum(i for i in (1,2)) for j in (1,2))` = 9, while the object checked is
`Sum(J*Sum(J, (j, 1, 2)), (J, 1, 2)).doit()` = 10 (J = Symbol('j', integer=True), j = Symbol('j')).

Variants (earlier derivations, each accepted at symbolic grade):
- v01_family: `\\sum_{j=1}^{k} b_{j}\\,\\sum_{j=1}^{k} a_{j,j} =
  \\sum_{\\substack{1 \\leq m \\leq k\\\\1 \\leq l \\leq k}} b_{l}\\,a_{l,m}` for every size k and
  real families a, b. As printed the left side is (sum_j b_j)(sum_j a_jj). Counterexample:
  k = 2, b = (1, 0), a_12 = 1, the other a = 0: printed left side (1)(0) = 0, right side
  b_1 a_12 = 1.
- v01_substack: SymPy merges a sum whose body is a sum into one `\\substack`, printed
  `\\sum_{\\substack{1 \\leq j \\leq 2\\\\1 \\leq j \\leq 3}} j = 12` (one index twice, which the
  project's own .tex reader refuses as ambiguous). Read as a sum over the pairs, the body j is
  one of the two: 9 (the inner), or 12 (the outer, what is checked); read as one sum over j in
  both ranges, 3.
- v01_product: `\\sum_{j=1}^{2} j\\,\\prod_{j=1}^{2} j = 9`: as printed
  sum_j j * (1 * 2) = 6.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt20 python -m derivations check \\
        /work/rt20/v01_nested_binders_print_alike.py --no-cache --min-evidence symbolic

Route: the summation variables are `Symbol("j")` (inner) and `Symbol("j", integer=True)`
(outer): two symbols, one printed name. The audits compare printed names of *free* symbols
(`_check_clashes`, `_check_lookalikes`), and of a bound variable against a free symbol
(`_check_bound_names`, the u14/u15 closure), and `_check_bound_readings` looks for a variable
both bound and free. A bound variable is never compared with another *bound* variable whose
scope contains it. The kernel renames both to its own `_b0`, `_b1` by depth and is right about
the object; `write_out_small` gives 10.

Suggested fix: in `_check_bound_names`, compare every bound variable with the variables of
the binders that enclose it (and of the Lambda of a definition, an integral, a product), by
printed name: an inner binder printed like an enclosing one, but a different symbol, is
refused (and one that is the same symbol is plain shadowing, also better refused: the .tex
reader's "one role per name"). Also refuse a substack of two rows over the same printed name.
"""

from sympy import IndexedBase, Integer, Product, Sum, Symbol

from derivations import Derivation, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j_inner = Symbol("j")
j_outer = Symbol("j", integer=True)
i = Symbol("i")
l = Symbol("l")
m = Symbol("m")
a = IndexedBase("a", real=True)
b = IndexedBase("b", real=True)

v01_family = Derivation(
    name="v01_family",
    title="A weighted double sum",
    hypotheses=(Size(k), Real(a[i, m]), Real(b[i])),
    start=Sum(b[j_outer] * Sum(a[j_outer, j_inner], (j_inner, 1, k)), (j_outer, 1, k)),
    steps=(Step(Sum(Sum(b[l] * a[l, m], (m, 1, k)), (l, 1, k)), rules.algebra,
                "linearity of the inner sum"),),
)

v01_substack = Derivation(
    name="v01_substack",
    title="A double sum written out",
    hypotheses=(),
    start=Sum(Sum(j_outer, (j_inner, 1, 2)), (j_outer, 1, 3)),
    steps=(Step(Integer(12), rules.algebra, "writing the terms out"),),
)

v01_product = Derivation(
    name="v01_product",
    title="A sum of products written out",
    hypotheses=(),
    start=Sum(j_outer * Product(j_outer, (j_inner, 1, 2)), (j_outer, 1, 2)),
    steps=(Step(Integer(9), rules.algebra, "writing the terms out"),),
)

v01_nested_binders_print_alike = Derivation(
    name="v01_nested_binders_print_alike",
    title="A sum of sums written out",
    hypotheses=(),
    start=Sum(j_outer * Sum(j_outer, (j_inner, 1, 2)), (j_outer, 1, 2)),
    steps=(Step(Integer(10), rules.algebra, "writing the terms out"),),
)
