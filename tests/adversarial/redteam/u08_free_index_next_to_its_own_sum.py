r"""Red-team round 19, u08 (minor, printing, ambiguous rather than plainly false): a letter may be
a free index (a hypothesis `j in {1, ..., k}`) and, in the same expression, the variable of a sum.
The printer then sets `(sum_j a_j) + c_j` as `\sum_{j=1}^{k} a_{j} + c_{j}`, where the c_j after
the sum carries the sum's own index. The .tex reader refuses exactly this ("One role per name. A
free index and a summation index need different letters", docs/check-your-tex.md); the .py
audit (`Derivation._check_clashes`, `_check_lookalikes`) lets it through.

Claim as printed (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for j in {1, ..., k} and real a_i, c_i:
        \sum_{j=1}^{k} a_{j} + c_{j}  =  c_{j} + \sum_{l=1}^{k} a_{l}

Read with the sum running over "a_j + c_j" (the reading the repeated j invites: c_j names the
index of the sum just before it), it is false: k = 2, a = (0, 0), c = (1, 1), j = 1 gives
1 + 1 = 2 on the left and 1 on the right. Read with the printer's own precedence (the sum
covers a_j only, and the c_j is the free j of the hypothesis), it is what was checked, and true.
The statement depends on which j the reader takes, which is what the .tex reader's rule forbids.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt19 python -m derivations check \
        /work/rt19/u08_free_index_next_to_its_own_sum.py --no-cache
    (`python -m derivations build --out /tmp/rt19-out FILE` gives the LaTeX line above)
Output: "ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `language.derivation.Derivation._check_clashes` compares symbols by their LaTeX and
`_check_lookalikes` refuses a *symbol* named like an entry indexed by a summation index, but
nothing refuses a free symbol that is also the variable of a sum in the same derivation. The
printer (`render.printer.ProofPrinter`, SymPy's `_print_Add`) brackets a sum's body when it is
an Add but never a sum followed by a term that uses its index letter.

Suggested fix: apply the .tex reader's "one role per name" to Python derivations: refuse a
symbol that is both free (in a step or a hypothesis) and bound by a Sum/Product of the same
derivation; or print such a sum bracketed, `\left(\sum_{j=1}^{k} a_{j}\right) + c_{j}`.

Closed: a side that uses a symbol both as a summation variable and free is refused when the derivation is built (`Derivation._check_bound_readings`).
"""

from sympy import Add, IndexedBase, Sum, Symbol

from derivations import Derivation, IndexRange, Real, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
l = Symbol("l", integer=True)
i = Symbol("i", integer=True)
a = IndexedBase("a", real=True)
c = IndexedBase("c", real=True)

u08_free_index_next_to_its_own_sum = Derivation(
    name="u08_free_index_next_to_its_own_sum",
    title="A sum and a term",
    hypotheses=(Size(k), IndexRange(j, 1, k), Real(a[i]), Real(c[i])),
    start=Add(Sum(a[j], (j, 1, k)), c[j], evaluate=False),
    steps=(Step(Add(c[j], Sum(a[l], (l, 1, k)), evaluate=False), rules.algebra, "reorder"),),
)
