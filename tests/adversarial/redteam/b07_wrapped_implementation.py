# The reference implementation that is run is not the one that is typeset: latexify (and the
# shown source) follow __wrapped__ (functools.wraps), so the printed code is another function.
# Printed: code label_cross_entropy(q, y) = -log(q_y) / 2  "computes -log q_y" (checked at 10
# points).  False: the printed code is off by a factor of 2 everywhere.
import functools
import math

from sympy import IndexedBase, Symbol, log
from derivations import (CrossEntropy, Derivation, Implementation, IndexRange, OneHot, Positive,
                         Size, Step, indexed_vector, rules, vector)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)


def label_cross_entropy(q, y):
    return -math.log(q[y]) / 2


@functools.wraps(label_cross_entropy)
def _run(q, y):
    return -math.log(q[y])


b07 = Derivation(
    name="b07_wrapped_implementation",
    title="Cross entropy against a one-hot label",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(Step(-log(q[y]), rules.one_hot_collapse, "only the label's term survives"),),
    implementations=(Implementation(_run, equals="start", q=vector(q, k), y=y - 1),),
)
