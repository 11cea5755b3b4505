"""Proof by cases: a step with a free integer (or an entry such as a label y_i) over a declared
range of a few constant values is proved by proving every case, graded ``symbolic``."""

from __future__ import annotations

from sympy import Derivative, IndexedBase, KroneckerDelta, Lambda, Sum, Symbol, log

from derivations import rules
from derivations.checking.grade import check_step
from derivations.kernel.judge import _MAX_CASES, case_splits
from derivations.language.hypotheses import Facts, IndexRange, Size, UnitInterval
from derivations.language.relation import Relation
from derivations.language.results import Evidence, Status
from derivations.language.step import Step

y = Symbol("y", integer=True)
n = Symbol("n", integer=True, positive=True)
i = Symbol("i", integer=True)
p = Symbol("p", positive=True)
t = IndexedBase("t", integer=True)
BINARY = Facts.from_hypotheses([IndexRange(y, 0, 1), UnitInterval(p)])


def _step(prev, new, facts, relation=Relation.EQ):
    rule = rules.algebra if relation is Relation.EQ else rules.inequality
    return check_step(1, prev, Step(new, rule, "by cases", relation=relation), facts)


def test_a_binary_label_is_proved_case_by_case():
    """The binary cross entropy written with deltas equals the one written with the label as a
    weight: true at y = 0 and y = 1, false at other integers, and no identity of algebra."""
    prev = -(KroneckerDelta(y, 1) * log(p) + KroneckerDelta(y, 0) * log(1 - p))
    result = _step(prev, -(y * log(p) + (1 - y) * log(1 - p)), BINARY)
    assert result.ok and result.evidence is Evidence.SYMBOLIC, result.reason
    assert result.tried[:2] == ("symbolic", "cases")
    assert result.reason == "proved case by case: y = 0, 1"


def test_a_step_false_in_one_case_fails_with_that_case():
    facts = Facts.from_hypotheses([IndexRange(y, 0, 2)])
    result = _step(y ** 2, y, facts)
    assert result.status is Status.FAILED
    assert dict(result.counterexample.values)["y"] == "2"


def test_an_inequality_is_proved_case_by_case():
    result = _step(y ** 2, y, BINARY, Relation.LE)
    assert result.ok and result.evidence is Evidence.SYMBOLIC and "cases" in result.tried


def test_an_entry_with_a_free_index_is_split_and_one_under_a_sum_is_not():
    facts = Facts.from_hypotheses([IndexRange(t, 0, 1), Size(n), IndexRange(i, 1, n)])
    single = _step(t[i] ** 2, t[i], facts)
    assert single.ok and single.evidence is Evidence.SYMBOLIC
    assert single.reason == "proved case by case: t[i] = 0, 1"
    summed = _step(Sum(t[i] ** 2, (i, 1, n)), Sum(t[i], (i, 1, n)), facts)
    assert "cases" not in summed.tried and summed.evidence is not Evidence.SYMBOLIC


def test_what_is_never_split_on():
    k = Symbol("k", integer=True, positive=True)
    x = Symbol("x", real=True)
    sized = Facts.from_hypotheses([Size(k), IndexRange(y, 0, k)])
    assert case_splits((y ** 2, y), sized) == []  # bounds not constant
    wide = Facts.from_hypotheses([IndexRange(y, 0, _MAX_CASES)])
    assert case_splits((y ** 2, y), wide) == []  # one value too many
    assert case_splits((y ** 2, y), Facts.from_hypotheses([IndexRange(y, 0, _MAX_CASES - 1)]))
    bound = Facts.from_hypotheses([IndexRange(y, 0, 1)])
    assert case_splits((Sum(y ** 2, (y, 0, 1)),), bound) == []  # a sum's own index
    assert case_splits((Derivative(x * y, y),), bound) == []
    assert case_splits((Lambda(y, y ** 2)(x),), bound) == []
    assert case_splits((Size(k).symbol,), Facts.from_hypotheses([Size(k)])) == []
