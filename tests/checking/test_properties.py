"""Property tests: random expressions in the catalogue's vocabulary (positive families, logs,
exponentials, sums over k classes). Pairs equal by construction are accepted, perturbed pairs
are rejected, and the checker always returns a verdict, within its time budget."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import Basic, IndexedBase, Sum, Symbol, exp, expand, expand_log, log

from derivations import rules
from derivations.checking.grade import check_step
from derivations.language.hypotheses import Facts, Positive, Real, Size
from derivations.language.results import Status
from derivations.language.step import Step
from derivations.settings import CheckSettings

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
x = Symbol("x", real=True)
q = IndexedBase("q", positive=True)
p = IndexedBase("p", positive=True)
FACTS = Facts.from_hypotheses((Size(k), Positive(q[j]), Positive(p[j]), Real(x)))
BUDGET = 20.0
SETTINGS = settings(max_examples=50, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

positive_atoms = st.sampled_from([q[1], q[2], p[1], p[j], exp(x), k])
positive = st.recursive(
    positive_atoms,
    lambda inner: st.one_of(
        st.tuples(inner, inner).map(lambda t: t[0] * t[1]),
        st.tuples(inner, inner).map(lambda t: t[0] + t[1]),
        inner.map(lambda e: 1 / e),
    ),
    max_leaves=4,
)
real = st.recursive(
    st.one_of(st.sampled_from([x, x ** 2]), positive.map(log)),
    lambda inner: st.one_of(
        st.tuples(inner, inner).map(lambda t: t[0] + t[1]),
        st.tuples(inner, positive).map(lambda t: t[0] * t[1]),
    ),
    max_leaves=4,
)


def _summed(e: Basic) -> Basic:
    """A sum over the k classes when the expression mentions the class index j."""
    return Sum(e, (j, 1, k)) if j in e.free_symbols else e


expressions = real.map(_summed)

#: Rewrites that keep the value under the hypotheses (by construction, not by the checker).
REWRITES = [
    ("expand", expand),
    ("expand_log", lambda e: expand_log(e, deep=True, force=False)),
    ("add and subtract", lambda e: e + log(q[1]) - log(q[1])),
    ("times k over k", lambda e: (k * e) / k),
]


def _verdict(prev: Basic, new: Basic) -> Status:
    result = check_step(1, prev, Step(new, rules.algebra, "a random step"), FACTS,
                        CheckSettings(step_budget=BUDGET), seed=0)
    return result.status


@SETTINGS
@given(expressions, st.sampled_from(REWRITES))
def test_equal_by_construction_is_never_rejected(e, rewrite):
    _, fn = rewrite
    assert _verdict(e, fn(e)) is Status.OK


@SETTINGS
@given(expressions, st.sampled_from([1, x, log(q[1] + 1), 2]))
def test_perturbed_pair_is_never_accepted(e, extra):
    wrong = e + extra if extra != 2 else e + e + 1
    assert _verdict(e, wrong) is not Status.OK


@SETTINGS
@given(expressions, expressions)
def test_any_pair_gets_a_verdict(a, b):
    assert _verdict(a, b) in (Status.OK, Status.FAILED, Status.UNDECIDED)
