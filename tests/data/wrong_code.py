"""An author's file whose derivation is right but whose attached code is wrong: the reference
implementation of the one-hot cross entropy takes the log to base 2."""

import math

from sympy import IndexedBase, Symbol, log

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

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)


def label_cross_entropy_in_bits(q, y):
    """Wrong: the derivation is in nats."""
    return -math.log2(q[y])


wrong_code_one_hot = Derivation(
    name="wrong_code_one_hot",
    title="One-hot cross entropy, with wrong code",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(Step(-log(q[y]), rules.one_hot_collapse, "by the catalogue's theorem",
                cites=("one_hot_cross_entropy",)),),
    implementations=(
        Implementation(label_cross_entropy_in_bits, equals="start", q=vector(q, k), y=y - 1),
    ),
)
