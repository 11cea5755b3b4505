"""A5: minimum divergence from the empirical distribution is maximum likelihood; wrong twins."""

from __future__ import annotations

import pytest
from sympy import Add, Basic, Integer, Sum, Symbol, expand_log, log, simplify
from sympy.core.function import AppliedUndef

from derivations import rules
from derivations.catalogue.empirical import (
    cross_entropy_is_entropy_plus_kl,
    empirical_kl,
    p_hat,
    q_model,
    q_vector,
)
from derivations.catalogue.likelihood import mle_as_sum_of_neg_logs
from derivations.catalogue.notation import i, k, m, theta, y
from derivations.checking.check import check_all
from derivations.checking.grade import check_step
from derivations.kernel.canonical import prepare
from derivations.language.hypotheses import Facts, IndexRange
from derivations.language.notation import Argmin, CrossEntropy, Entropy, Optimum
from derivations.language.results import Evidence, StepResult
from derivations.language.step import Step

S = Evidence.SYMBOLIC
#: Step 5 swaps the sums of sum_j (sum_i delta) log q_j: no symbolic rewrite moves the factor
#: log q_j into the inner sum, so it is proved only at concrete sizes.
EXPECTED = (S, S, S, S, S, S)


def test_empirical_kl_checks_with_expected_evidence():
    results = check_all([mle_as_sum_of_neg_logs, cross_entropy_is_entropy_plus_kl, empirical_kl])
    res = results[-1]
    assert res.ok, [s.describe() for s in res.steps if not s.ok] + list(res.problems)
    assert tuple(s.evidence for s in res.steps) == EXPECTED
    assert set(empirical_kl.cites) == {"cross_entropy_is_entropy_plus_kl",
                                       "mle_as_sum_of_neg_logs"}


def _wrong(index: int, expr, rule=None, facts: Facts | None = None, seed: int = 1) -> StepResult:
    d = empirical_kl
    prev = d.start if index == 1 else d.steps[index - 2].expr
    step = d.steps[index - 1]
    return check_step(index, prev, Step(expr, rule or step.rule, step.why), facts or d.facts,
                      seed=seed)


def test_adding_the_entropy_with_the_wrong_sign_is_refuted():
    result = _wrong(2, empirical_kl.steps[1].expr, rules.add_constant(-Entropy(p_hat)))
    assert not result.ok and result.counterexample is not None


def test_forgetting_the_mean_is_refuted():
    result = _wrong(6, Argmin(Sum(-log(q_model(y[i], theta)), (i, 1, m)), theta))
    assert not result.ok and result.counterexample is not None


def test_dropping_the_cross_entropy_fails_its_side_condition():
    result = _wrong(2, Argmin(-Entropy(p_hat), theta),
                    rules.add_constant(-CrossEntropy(p_hat, q_vector)))
    assert not result.ok and "is not established" in result.reason
    assert [c.holds for c in result.conditions] == [False]


def test_collapse_needs_the_labels_in_range():
    facts = Facts.from_hypotheses(
        [h for h in empirical_kl.hypotheses if not isinstance(h, IndexRange)])
    result = _wrong(6, empirical_kl.steps[5].expr, facts=facts)
    assert not result.ok
    assert "1 <= y[i] <= k" in result.reason and "no hypothesis puts" in result.reason


def _at(expr: Basic, labels: tuple[int, ...], classes: int) -> Basic:
    """An objective of the chain at concrete labels, with a positive symbol for each q_j."""
    e = prepare(expr.objective if isinstance(expr, Optimum) else expr, empirical_kl.facts)
    e = e.xreplace({m: Integer(len(labels)), k: Integer(classes)})

    def written_out(s: Sum) -> Basic:
        body = s.function
        for v, lo, hi in s.limits:
            body = Add(*[body.xreplace({v: Integer(c)}) for c in range(int(lo), int(hi) + 1)])
        return body

    e = e.replace(lambda x: isinstance(x, Sum), written_out)
    e = e.xreplace({y[n + 1]: Integer(v) for n, v in enumerate(labels)})
    return e.replace(lambda x: isinstance(x, AppliedUndef),
                     lambda x: Symbol(f"q{x.args[0]}", positive=True))


@pytest.mark.parametrize(("labels", "classes"), [
    ((2, 2, 2, 1, 2), 3),  # repeated labels, class 3 never occurs
    ((1, 1, 2), 2),
    ((3, 1, 3, 2, 3, 3), 3)])
def test_repeated_labels_give_exactly_the_same_objective(labels, classes):
    """From the cross entropy on, every objective is exactly the mean negative log-likelihood
    for data with repeated labels, including a class that never occurs."""
    chain = [s.expr for s in empirical_kl.steps][1:]
    mean_nll = sum(-log(Symbol(f"q{v}", positive=True)) for v in labels) / len(labels)
    for expr in chain:
        assert simplify(expand_log(_at(expr, labels, classes) - mean_nll)) == 0
    wrong = sum(-log(Symbol(f"q{v}", positive=True)) for v in set(labels)) / len(set(labels))
    assert simplify(expand_log(_at(chain[-1], labels, classes) - wrong)) != 0
