"""A reference implementation that is wrong for vectors longer than 1000 passes the code check:
the sizes next to the code's integer constants (the round-10 fix for k02) are drawn for the
first three constants only, in ascending order, and three small constants (3, 4, 7) in a
harmless line use them up; 1000 is never tried.

``evidence.code._constants`` finds (3, 4, 7, 1000) in ``co_consts``; ``check_implementation``
keeps ``_constants(f)[:max(0, points - len(code_sizes)) // 2]`` = the first (10 - 4) // 2 = 3,
so sizes 3, 4, 4, 5, 7, 8 are tried besides 1, 2, 3, 9 (the report says "sizes 1 to 9").
(A threshold held in a module global, ``if len(q) > LIMIT``, or one above 5000, is not in
``co_consts`` at all, and escapes the same way.)

False claim (reported "sampled ... numeric agreement at 10 random points", exit 0, also under
--min-evidence symbolic): ``label_cross_entropy(q, y)`` computes -log q_y for every size.
Counterexample: k = 1001, every q_j = 1/2, y = 1 (code index 0): the derived expression is
-log(1/2) = 0.693, the function returns log(1/2) = -0.693.

Grade obtained: reference code "sampled", derivation ok, exit 0.

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam_round11/l06_code_constants_budget_exhausted.py

Route: evidence.code._constants (sorted, small first) -> check_implementation (slices to
3 constants) -> _sizes -> never k = 1000/1001.

Suggested fix: try every constant (or the largest ones first; they are the thresholds that
matter), beyond the ``points`` budget if need be; also read the integer values of the globals
and closure cells the code loads (``co_names`` resolved in ``__globals__``, ``__closure__``,
``__defaults__``), and do not cap at 5000.
"""
import math

from sympy import IndexedBase, Symbol, log

from derivations import (CrossEntropy, Derivation, Implementation, IndexRange, OneHot, Positive,
                         Size, Step, indexed_vector, rules, vector)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)


def label_cross_entropy(q, y):
    """-log q[y], with a fast path for long vectors."""
    n = len(q)
    if n >= 3 and y < 4 and n != 7:  # (small constants a real function might have)
        pass
    if n > 1000:               # "fast path" for long vectors, with the sign dropped
        return math.log(q[y])
    return -math.log(q[y])


l06 = Derivation(
    name="l06_code_constants_budget_exhausted",
    title="Cross entropy against a one-hot label",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(Step(-log(q[y]), rules.one_hot_collapse, "only the label's term survives"),),
    implementations=(Implementation(label_cross_entropy, equals="end", q=vector(q, k), y=y - 1),),
)
