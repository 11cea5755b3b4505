r"""Red-team round 21, w06 (numeric evidence, implementations; low value): a reference
implementation that is wrong for more than 12 classes is accepted, because the only sizes tried
are 1, 2, 3, 9 and small random ones (the report itself says "sizes 1 to 9"), and the guard
that tries sizes next to the code's integer constants (`evidence.code._constants`, which reads
`co_consts` and the numeric globals) does not see a threshold written as `int("12")`.

False claim as printed (grade: steps symbolic, reference code **sampled**, exit 0 at the default
`--min-evidence sampled`):

    code label_cross_entropy(q, y)   sampled   computes the start   [H(e_y, q) = -log q_y]

Counterexample (verified: the engine reports it when the threshold is a plain global constant):
k = 13, y = 11 (code index 10), q = (24, 120, 6, 24, 120, 3.48566, 6, 24, 24, 24, 1200, 2, 12):
H(e_y, q) = -log q_11 = -log 1200 = -7.0901; the code returns -log q[9] = -log 24 = -3.1781
(math.log values). In general any k >= 13 with q_y != q_{y-1}.

Command:
    cd /tmp && PYTHONPATH=/work/wt-rt21 python -m derivations check \
        /work/rt21/w06_implementation_threshold_hidden_in_a_string.py --no-cache
(`--min-evidence symbolic` fails it, as it should: the code is sampled evidence.)

Route: `check_implementation` draws `code_points` = 10 points; `_sizes` uses `code_sizes`
(1, 2, 3, 9), then sizes next to each constant of `_constants(function)` (none here: "12" is a
str), then `Point._size` (1..4 when not `large`). No size above 9 is ever drawn, so a branch on
`len(q) > 12` is never taken.

Suggested fix: draw some code points at large sizes (up to `max_size`, as the step hunt does),
and read constants by executing nothing but also counting `int(...)`/`float(...)` of string
literals and `len` of literals; or at least report "sizes 1 to 9" as a limitation beside the
sampled grade.
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
    if len(q) > int("12"):  # a "fast path" for many classes, off by one class
        return -math.log(q[y - 1])
    return -math.log(q[y])


w06_implementation_threshold_hidden_in_a_string = Derivation(
    name="w06_implementation_threshold_hidden_in_a_string",
    title="Cross entropy against a one-hot label",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(Step(-log(q[y]), rules.one_hot_collapse, "only the label's term survives"),),
    implementations=(Implementation(label_cross_entropy, equals="start", q=vector(q, k),
                                    y=y - 1),),
)
