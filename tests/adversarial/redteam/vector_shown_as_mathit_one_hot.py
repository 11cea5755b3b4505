# FIND: a vector shown by the display Symbol(r"\mathit{e}_{y}") typesets exactly like the one-hot
# vector OneHot(y, k) (printed e_{y}): \mathit{e} is the same italic e as a plain e in math mode.
# The check that refuses displays "prints like a one-hot vector" only compares the LaTeX without
# braces against a leading "e_" (derivation.py, _check_lookalikes), so \mathit{e}_{y},
# \textit{e}_{y}, {\rm e}_{y}, \mathrm{e}_{y} and the Unicode script e all pass.
# The vector's entries are the uniform 1/k. The statement prints
#     H(e_y, q) = -(1/k) sum_j log q_j
# which for the one-hot e_y a reader sees is false: H(e_y, q) = -log q_y.
# Counterexample (reading e_y as one-hot): k = 2, y = 1, q = (1/2, 1/4): -log q_1 = log 2, while
# -(1/2)(log 1/2 + log 1/4) = (3/2) log 2.
# The checker accepts it with the step graded symbolic (the statement about the uniform vector
# is true). Variant of redteam/a21 (display "e_y"), hardened only against the literal prefix.
from sympy import IndexedBase, Sum, Symbol, log

from derivations import (CrossEntropy, Derivation, IndexRange, Positive, Size, Step,
                         function_vector, indexed_vector, rules)

q = IndexedBase("q", positive=True)
k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
c = Symbol("c", integer=True)
j = Symbol("j", integer=True)
shown = Symbol(r"\mathit{e}_{y}")

vector_shown_as_mathit_one_hot = Derivation(
    name="vector_shown_as_mathit_one_hot",
    title="Cross entropy against a one-hot label",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[c])),
    start=CrossEntropy(function_vector(lambda _: 1 / k, shown, k), indexed_vector(q, k)),
    steps=(Step(-Sum(log(q[j]), (j, 1, k)) / k, rules.definition, "unfold H"),),
)

if __name__ == "__main__":
    from derivations import check_all
    from derivations.render.latex import fragment
    (result,) = check_all([vector_shown_as_mathit_one_hot])
    print("accepted:", result.ok, [str(s.evidence) for s in result.steps])
    print(fragment(result))
