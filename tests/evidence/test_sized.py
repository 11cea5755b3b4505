"""Sized evidence: exact proofs at the concrete sizes 1, 2, 3, with ranged indices enumerated."""

from __future__ import annotations

import pytest
from sympy import (
    Add,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Max,
    Mul,
    Sum,
    Symbol,
    expand,
    log,
)

from derivations.evidence.sized import prove_sized
from derivations.language.hypotheses import Facts, IndexRange, Positive, Real, Size
from derivations.settings import DEFAULT

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
a = Symbol("a", positive=True)
q = IndexedBase("q", positive=True)
labels = IndexedBase("t", integer=True)

RANGED = Facts.from_hypotheses([Size(k), Size(m), IndexRange(y, 1, k), IndexRange(labels, 1, k),
                                Positive(q[j])])
UNRANGED = Facts.from_hypotheses([Size(k), Size(m), Positive(q[j])])
c = Symbol("c", real=True)
REAL = Facts.from_hypotheses([Size(k), Real(c)])
DELTA_SUM = Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k))


@pytest.mark.parametrize(("lhs", "rhs", "facts", "expected"), [
    pytest.param(Sum(j, (j, 1, k)), k * (k + 1) / 2, UNRANGED, True, id="Gauss"),
    pytest.param(Sum(j, (j, 1, k)), k * (k - 1) / 2, UNRANGED, False, id="Gauss, off by one"),
    pytest.param(Sum(j ** 2, (j, 1, k)), k * (k + 1) * (2 * k + 1) / 6, UNRANGED, True,
                 id="sum of squares"),
    pytest.param(Sum(j ** 2, (j, 1, k)), k ** 2 * (k + 1) / 2, UNRANGED, False,
                 id="sum of squares, wrong (true at k = 1 only)"),
    pytest.param(DELTA_SUM, log(q[y]), RANGED, True, id="delta sum, label in range"),
    pytest.param(DELTA_SUM, log(q[y]), UNRANGED, False, id="delta sum, no range"),
    pytest.param(DELTA_SUM, log(q[1]), RANGED, False, id="delta sum, wrong entry"),
    pytest.param(Max(y, 1) + k, y + k, RANGED, True, id="max(y, 1) = y needs y >= 1"),
    pytest.param(Max(y, 1) + k, y + k, UNRANGED, False, id="max(y, 1) = y without the range"),
    pytest.param(Sum(Max(labels[i], 1), (i, 1, m)) + k, Sum(labels[i], (i, 1, m)) + k, RANGED,
                 True, id="every label enumerated over its range"),
    pytest.param(Sum(Max(labels[i], 2), (i, 1, m)) + k, Sum(labels[i], (i, 1, m)) + k, RANGED,
                 False, id="a label equal to 1 breaks max(t_i, 2) = t_i"),
    # red-team m07's variant: fixing k combines the two powers to 1 before the base is seen
    pytest.param(Mul((c ** 2 - 2) ** k, (c ** 2 - 2) ** -k, evaluate=False), Integer(1), REAL,
                 False, id="b^k b^-k = 1 where b may vanish"),
    pytest.param(Mul((c ** 2 + 2) ** k, (c ** 2 + 2) ** -k, evaluate=False), Integer(1), REAL,
                 True, id="b^k b^-k = 1 where b never vanishes"),
])
def test_prove_sized(lhs, rhs, facts, expected):
    assert prove_sized(lhs, rhs, facts, DEFAULT) is expected


def test_without_a_size_in_sight_there_is_nothing_to_prove():
    assert prove_sized(a + 1, 1 + a, UNRANGED, DEFAULT) is False


def test_too_many_cases_is_not_a_proof():
    # six labels in [1, 3] at k = 3 are 729 cases: more than max_cases, so no verdict of True
    many = [labels[t] for t in range(1, 7)]
    assert 3 ** len(many) > DEFAULT.max_cases
    lhs, rhs = Add(*[Max(t, 1) for t in many]) + k, Add(*many) + k
    assert prove_sized(lhs, rhs, RANGED, DEFAULT) is False
    assert prove_sized(Add(*[Max(t, 1) for t in many[:3]]) + k, Add(*many[:3]) + k, RANGED,
                       DEFAULT)


def test_sized_evidence_covers_only_the_sizes_it_tries():
    assert DEFAULT.sized_sizes == (1, 2, 3)
    # true at k = 1, 2, 3 and false at k = 4: a proof at those sizes, not in general
    assert prove_sized(expand((k - 1) * (k - 2) * (k - 3)), Integer(0), UNRANGED,
                       DEFAULT) is True


@pytest.mark.parametrize(("rhs", "expected"), [(k * (k + 1) / 2, True), (k * (k - 1) / 2, False)])
def test_a_large_size_is_written_out_term_by_term(rhs, expected):
    """From a hundred terms on SymPy's ``doit`` looks for a closed form first; the terms are
    written out instead, so a size of 150 is an exact case like any other."""
    at_150 = DEFAULT.replace(sized_sizes=(150,))
    assert prove_sized(Sum(j, (j, 1, k)), rhs, UNRANGED, at_150) is expected
