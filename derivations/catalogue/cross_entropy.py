"""A3: cross entropy against a one-hot target is the negative log of one probability."""

from __future__ import annotations

from sympy import KroneckerDelta, Sum, log

from derivations import (
    CrossEntropy,
    Derivation,
    Implementation,
    IndexRange,
    OneHot,
    Positive,
    Size,
    Step,
    indexed_vector,
    rules,
    vector,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import j, k, label, q

one_hot_cross_entropy = Derivation(
    name="one_hot_cross_entropy",
    title="Cross entropy against a one-hot label",
    summary=(r"For a label $y$ among $k$ classes and any positive $q$, the cross entropy between "
             r"the one-hot vector $\mathbf{e}_y$ of the label and $q$ is $-\log q_y$, the "
             r"negative log of the label's entry of $q$."),
    hypotheses=(Size(k), IndexRange(label, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(label, k), indexed_vector(q, k)),
    steps=(
        Step(-Sum(KroneckerDelta(j, label) * log(q[j]), (j, 1, k)), rules.definition,
             "definition of cross entropy; the one-hot vector's entries are Kronecker deltas"),
        Step(-log(q[label]), rules.one_hot_collapse,
             "only the term of the label survives, because the label is one of the $k$ classes"),
    ),
    # in code, classes count from 0: the label y is y - 1
    implementations=(
        Implementation(code.label_cross_entropy, equals="start", q=vector(q, k), y=label - 1),
    ),
)
