"""A3: cross entropy against a one-hot target is the negative log of one probability."""

from __future__ import annotations

from sympy import Integer, KroneckerDelta, Sum, log

from derivations import (
    KL,
    CrossEntropy,
    Derivation,
    Entropy,
    Implementation,
    IndexRange,
    OneHot,
    Positive,
    Size,
    Step,
    indexed_vector,
    rules,
    vector,
    xlogy,
)
from derivations.catalogue import implementations as code
from derivations.catalogue.notation import j, k, label, q

one_hot_cross_entropy = Derivation(
    name="one_hot_cross_entropy",
    title="Cross entropy against a one-hot label",
    summary=(r"For a label $y$ among $k$ classes and any positive $q$, the cross entropy between "
             r"the one-hot vector $e_y$ of the label and $q$ is $-\log q_y$, the "
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

_hot = OneHot(label, k)
_delta = KroneckerDelta(j, label)

one_hot_entropy_is_zero = Derivation(
    name="one_hot_entropy_is_zero",
    title="A one-hot target has entropy zero",
    summary=(r"The entropy of the one-hot vector $e_y$ is zero: it is certain of its class. Each "
             r"term is $1 \log 1 = 0$ at the label and $0 \log 0 = 0$ elsewhere, by the "
             r"convention of information theory that every output and every check of this project "
             r"uses. So for a one-hot target the cross entropy is the divergence "
             r"([[one_hot_cross_entropy_is_divergence]])."),
    hypotheses=(Size(k), IndexRange(label, 1, k)),
    start=Entropy(_hot),
    steps=(
        Step(-Sum(xlogy(_delta, _delta), (j, 1, k)), rules.definition,
             r"definition of entropy, with $0 \log 0$ read as zero"),
        Step(Integer(0), rules.algebra,
             r"every term is $1 \log 1$ or $0 \log 0$, and both are zero"),
    ),
)

one_hot_cross_entropy_is_divergence = Derivation(
    name="one_hot_cross_entropy_is_divergence",
    title="Against a one-hot target, cross entropy is the divergence",
    summary=(r"For a one-hot target the cross entropy is the Kullback-Leibler divergence of the "
             r"prediction from the target, because the target's entropy is zero "
             r"([[one_hot_entropy_is_zero]]); both are $-\log q_y$ ([[one_hot_cross_entropy]]). "
             r"Minimising either is maximum likelihood."),
    hypotheses=(Size(k), IndexRange(label, 1, k), Positive(q[j])),
    start=CrossEntropy(_hot, indexed_vector(q, k)),
    steps=(
        Step(Entropy(_hot) + KL(_hot, indexed_vector(q, k)), rules.definition,
             r"cross entropy is entropy plus divergence, term by term, with $0 \log 0$ read "
             "as zero"),
        Step(KL(_hot, indexed_vector(q, k)), rules.definition,
             "a one-hot target has entropy zero", cites=("one_hot_entropy_is_zero",)),
        Step(-log(q[label]), rules.one_hot_collapse,
             "only the label's term of the divergence survives"),
    ),
)
