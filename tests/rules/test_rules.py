"""Every rule: a correct step is accepted symbolically, and its wrong twin is rejected.

A rejection is checked for its cause (the reason names the broken side condition, the refused
fit, or the differing sides) and, where the wrong step is numerically false, for a counterexample
that is re-evaluated here by plain substitution, independently of the engine's sampler.
"""

from __future__ import annotations

import re

import pytest
from sympy import (
    Basic,
    Indexed,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Lambda,
    Piecewise,
    Product,
    Rational,
    Sum,
    Symbol,
    exp,
    floor,
    log,
    sign,
)
from sympy.core.function import AppliedUndef

from derivations import rules
from derivations.checking.grade import check_step
from derivations.kernel.canonical import prepare
from derivations.language.hypotheses import (
    Definition,
    Facts,
    IndexRange,
    Parameter,
    Positive,
    Size,
)
from derivations.language.notation import (
    Argmax,
    Argmin,
    Between,
    CrossEntropy,
    Optimum,
    indexed_vector,
    named_function,
)
from derivations.language.results import Evidence, Status, StepResult
from derivations.language.rule import Rule
from derivations.language.step import Step
from derivations.rules.inequality import Lemma
from derivations.rules.optimiser import u

SEED = 7

k = Symbol("k", integer=True, positive=True)
m = Symbol("m", integer=True, positive=True)
i = Symbol("i", integer=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
theta = Symbol("theta", real=True)
phi = Symbol("phi", real=True)
a = Symbol("a", positive=True)
b = Symbol("b", positive=True)
a_real = Symbol("a", real=True)
b_real = Symbol("b", real=True)
c = Symbol("c", real=True)
q = IndexedBase("q", positive=True)
p = IndexedBase("p", positive=True)
#: A positive model probability f(theta), and an objective g(theta) of unknown sign.
f = named_function("f", "f({0})", positive=True)
g = named_function("g", "g({0})")
h = named_function("h", "h({0})")

FACTS = Facts.from_hypotheses([
    Size(k), Size(m), Parameter(theta), IndexRange(y, 1, k),
    Positive(q[j]), Positive(p[j]), Positive(a), Positive(b), Positive(f(theta)),
])
#: The same, without the label's range.
NO_RANGE = Facts.from_hypotheses([Size(k), Positive(q[j])])
#: h(c) = c * theta: a constant in appearance only.
HIDDEN_THETA = Facts.from_hypotheses([Parameter(theta), Definition(h, Lambda(c, c * theta))])
#: No Parameter hypothesis at all.
NO_PARAMETER = Facts.from_hypotheses([Size(m)])

H_PQ = CrossEntropy(indexed_vector(p, k), indexed_vector(q, k))
ONE_HOT_SUM = -Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k))
LIKELIHOOD = Product(f(theta), (i, 1, m))


def _check(prev: Basic, new: Basic, rule: Rule, facts: Facts = FACTS) -> StepResult:
    return check_step(1, prev, Step(new, rule, "under test"), facts, seed=SEED)


def _value_at(expr: Basic, values: dict[str, str], facts: Facts) -> complex:
    """``expr`` at a counterexample's point, by substitution and ``doit`` (not the sampler)."""
    e = prepare(expr, facts)
    for _ in range(4):
        atoms = {str(x): x for x in e.atoms(Symbol, Indexed, AppliedUndef) if str(x) in values}
        e = e.xreplace({x: Rational(values[name]) for name, x in atoms.items()}).doit()
    return complex(e.evalf(30))


def assert_genuine_counterexample(r: StepResult, facts: Facts, names: set[str]) -> None:
    """The counterexample names ``names``, and both sides really differ at its point."""
    ce = r.counterexample
    assert ce is not None, r.reason
    values = dict(ce.values)
    assert names <= values.keys()
    lhs, rhs = float(ce.lhs), float(ce.rhs)
    assert abs(lhs - rhs) > 1e-9 * max(1.0, abs(lhs), abs(rhs))
    prev, new = r.previous, r.step.expr
    if isinstance(new, Optimum):  # the checker compares new objective with T(old objective)
        assert isinstance(prev, Optimum) and r.step.rule.transform is not None
        left, right = new.objective, r.step.rule.transform(prev.objective)
    else:
        left, right = prev, new
    for side, shown in ((left, lhs), (right, rhs)):
        assert _value_at(side, values, facts) == pytest.approx(shown, rel=1e-4, abs=1e-6)


ACCEPTED = [
    pytest.param(Sum(2 * q[j] + p[j], (j, 1, k)),
                 2 * Sum(q[j], (j, 1, k)) + Sum(p[j], (j, 1, k)), rules.algebra,
                 id="algebra: linearity of a sum"),
    pytest.param(H_PQ, -Sum(p[j] * log(q[j]), (j, 1, k)), rules.definition,
                 id="definition: unfold H(p, q)"),
    pytest.param(-Sum(p[i] * log(q[i]), (i, 1, k)), H_PQ, rules.definition,
                 id="definition: fold H(p, q), other bound variable"),
    pytest.param(log(a * b), log(a) + log(b), rules.log_of_product,
                 id="log_of_product: two positive factors"),
    pytest.param(log(LIKELIHOOD), Sum(log(f(theta)), (i, 1, m)), rules.log_of_product,
                 id="log_of_product: a finite product"),
    pytest.param(ONE_HOT_SUM, -log(q[y]), rules.one_hot_collapse,
                 id="one_hot_collapse: label in range"),
    pytest.param(Argmax(LIKELIHOOD, theta), Argmax(log(LIKELIHOOD), theta), rules.logarithm(),
                 id="take_log: positive likelihood"),
    pytest.param(Argmax(g(theta), theta), Argmin(-g(theta), theta), rules.negate(),
                 id="negate: arg max becomes arg min"),
    pytest.param(Argmin(g(theta), theta), Argmax(-g(theta), theta), rules.negate(),
                 id="negate: arg min becomes arg max"),
    pytest.param(Argmax(f(theta), theta), Argmin(-log(f(theta)), theta), rules.negative_log(),
                 id="negative_log: positive objective"),
    pytest.param(Argmin(g(theta), theta), Argmin(g(theta) / m, theta),
                 rules.positive_factor(1 / m), id="positive_factor: 1/m"),
    pytest.param(Argmin(g(theta) + c, theta), Argmin(g(theta), theta), rules.add_constant(-c),
                 id="add_constant: drop a constant"),
    pytest.param(Argmax(g(theta), theta), Argmax(exp(g(theta)), theta),
                 rules.monotone(Lambda(u, exp(u))), id="monotone: exp on the real line"),
    pytest.param(Argmax(f(theta), theta), Argmax(f(theta) ** 2, theta),
                 rules.monotone(Lambda(u, u ** 2)), id="monotone: square of a positive objective"),
    pytest.param(Argmax(g(theta) + g(theta), theta), Argmax(2 * g(theta), theta),
                 rules.identity(), id="same_objective: equal objectives"),
    pytest.param(Argmax(g(theta) + g(theta), theta), Argmax(2 * g(theta), theta),
                 rules.algebra, id="algebra between optimiser sets"),
]


@pytest.mark.parametrize(("prev", "new", "rule"), ACCEPTED)
def test_a_correct_step_is_accepted_symbolically(prev, new, rule):
    r = _check(prev, new, rule)
    assert (r.status, r.evidence, r.counterexample) == (Status.OK, Evidence.SYMBOLIC, None), \
        r.describe()
    assert all(cond.holds for cond in r.conditions)


REJECTED = [
    # algebra
    pytest.param(Sum(2 * q[j] + p[j], (j, 1, k)), 2 * Sum(q[j], (j, 1, k)), rules.algebra,
                 FACTS, "the two sides differ", {"k", "p[1]", "q[1]"},
                 id="algebra: a term dropped"),
    pytest.param(Sum(q[j], (j, 1, k)), Sum(q[j], (j, 1, k - 1)), rules.algebra,
                 FACTS, "the two sides differ", {"k", "q[1]"}, id="algebra: bound k -> k-1"),
    pytest.param(Sum(q[i], (i, 1, m)) / m, Sum(q[i] / (m + 1), (i, 1, m)), rules.algebra,
                 FACTS, "the two sides differ", {"m", "q[1]"}, id="algebra: 1/m -> 1/(m+1)"),
    # definition
    pytest.param(H_PQ, -Sum(q[j] * log(p[j]), (j, 1, k)), rules.definition,
                 FACTS, "the two sides differ", {"k", "p[1]", "q[1]"},
                 id="definition: p and q swapped"),
    pytest.param(H_PQ, Sum(p[j] * log(q[j]), (j, 1, k)), rules.definition,
                 FACTS, "the two sides differ", {"k", "p[1]", "q[1]"},
                 id="definition: sign flipped"),
    pytest.param(H_PQ, -Sum(p[j] * log(q[j]), (j, 0, k)), rules.definition,
                 FACTS, "the two sides differ", {"k", "p[0]", "q[0]"},
                 id="definition: sum starts at 0"),
    pytest.param(a + b, b + a, rules.definition, FACTS,
                 "rule 'definition' does not describe this step: no defined quantity "
                 r"\(H, KL, a defined function\) on either side", None,
                 id="definition: nothing defined in sight"),
    # log_of_product
    pytest.param(log(a * b), log(a) - log(b), rules.log_of_product,
                 FACTS, "the two sides differ", {"a", "b"}, id="log_of_product: wrong sign"),
    pytest.param(log(a_real * b_real), log(a_real) + log(b_real), rules.log_of_product, FACTS,
                 r"side condition 'every factor positive' is not established "
                 r"\(not known to be positive: a, b\)", None,
                 id="log_of_product: factors not declared positive"),
    pytest.param(log(a) + log(b), log(b) + log(a), rules.log_of_product, FACTS,
                 "rule 'log_of_product' does not describe this step: no logarithm of a product "
                 "on either side", None, id="log_of_product: no log of a product"),
    # one_hot_collapse
    pytest.param(ONE_HOT_SUM, -log(q[1]), rules.one_hot_collapse,
                 FACTS, "the two sides differ", {"k", "y", "q[1]"},
                 id="one_hot_collapse: the wrong entry"),
    pytest.param(ONE_HOT_SUM, -log(q[y]), rules.one_hot_collapse, NO_RANGE,
                 r"side condition '1 <= y <= k' is not established \(no hypothesis puts the "
                 r"integer y in \[1, k\]\)", None, id="one_hot_collapse: no IndexRange"),
    pytest.param(ONE_HOT_SUM, -log(q[y]), rules.algebra, NO_RANGE, "the two sides differ",
                 {"k", "y"}, id="one-hot collapse as algebra: no IndexRange"),
    pytest.param(-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k - 1)), -log(q[y]),
                 rules.one_hot_collapse, FACTS,
                 "side condition '1 <= y <= k - 1' is not established", None,
                 id="one_hot_collapse: sum stops short of the range"),
    pytest.param(-log(q[y]), -log(q[y]), rules.one_hot_collapse, FACTS,
                 "rule 'one_hot_collapse' does not describe this step: no Kronecker delta "
                 "inside a sum", None, id="one_hot_collapse: no delta"),
    # take_log
    pytest.param(Argmax(g(theta), theta), Argmax(log(g(theta)), theta), rules.logarithm(),
                 FACTS, r"cannot show that log\(_u\) is strictly monotone on the real line .*"
                 "the objective is not known to be positive", None,
                 id="take_log: objective not known positive"),
    pytest.param(Argmax(LIKELIHOOD, theta), Argmax(2 * log(LIKELIHOOD), theta),
                 rules.logarithm(), FACTS, "the two sides differ", {"m", "f(theta)"},
                 id="take_log: objective is not the log"),
    # negate
    pytest.param(Argmax(g(theta), theta), Argmax(-g(theta), theta), rules.negate(), FACTS,
                 "the transform is strictly decreasing, so arg max becomes arg min, not arg max",
                 None, id="negate: keeps arg max"),
    pytest.param(Argmax(g(theta), theta), Argmin(g(theta), theta), rules.negate(), FACTS,
                 "the two sides differ", {"g(theta)"}, id="negate: objective not negated"),
    # negative_log
    pytest.param(Argmax(g(theta), theta), Argmin(-log(g(theta)), theta), rules.negative_log(),
                 FACTS, r"cannot show that -log\(_u\) is strictly monotone on the real line",
                 None, id="negative_log: objective not known positive"),
    pytest.param(Argmax(f(theta), theta), Argmin(log(f(theta)), theta), rules.negative_log(),
                 FACTS, "the two sides differ", {"f(theta)"}, id="negative_log: sign lost"),
    pytest.param(Argmax(f(theta), theta), Argmax(-log(f(theta)), theta), rules.negative_log(),
                 FACTS, "so arg max becomes arg min, not arg max", None,
                 id="negative_log: keeps arg max"),
    # positive_factor
    pytest.param(Argmin(g(theta), theta), Argmin(-g(theta) / m, theta),
                 rules.positive_factor(-1 / m), FACTS,
                 "side condition '-1/m > 0' is not established", None,
                 id="positive_factor: negative factor"),
    pytest.param(Argmin(g(theta), theta), Argmin(f(theta) * g(theta), theta),
                 rules.positive_factor(f(theta)), FACTS,
                 "side condition 'f\\(theta\\) does not depend on theta' is not established",
                 None, id="positive_factor: factor contains theta"),
    pytest.param(Argmin(g(theta), theta), Argmin(c * g(theta), theta),
                 rules.positive_factor(c), FACTS,
                 "side condition 'c > 0' is not established", None,
                 id="positive_factor: factor of unknown sign"),
    pytest.param(Argmin(g(theta), theta), Argmin(g(theta) / (m + 1), theta),
                 rules.positive_factor(1 / m), FACTS, "the two sides differ", {"m", "g(theta)"},
                 id="positive_factor: 1/(m+1) written, 1/m named"),
    # add_constant
    pytest.param(Argmin(g(theta) + theta, theta), Argmin(g(theta), theta),
                 rules.add_constant(-theta), FACTS,
                 "side condition '-theta does not depend on theta' is not established", None,
                 id="add_constant: depends on theta directly"),
    pytest.param(Argmin(g(theta) + h(c), theta), Argmin(g(theta), theta),
                 rules.add_constant(-h(c)), HIDDEN_THETA,
                 r"side condition '-h\(c\) does not depend on theta' is not established", None,
                 id="add_constant: depends on theta through a Definition"),
    pytest.param(Argmin(g(c) + c, c), Argmin(g(c), c), rules.add_constant(-c), NO_PARAMETER,
                 "side condition '-c is free of the parameter' is not established "
                 r"\(no Parameter hypothesis names what is optimised over\)", None,
                 id="add_constant: no Parameter hypothesis"),
    pytest.param(Argmin(g(theta) + c, theta), Argmin(g(theta), theta), rules.add_constant(c),
                 FACTS, "the two sides differ", {"g(theta)", "c"},
                 id="add_constant: constant added, not dropped"),
    # monotone
    pytest.param(Argmax(g(theta), theta), Argmax(g(theta) ** 2, theta),
                 rules.monotone(Lambda(u, u ** 2)), FACTS,
                 r"cannot show that _u\*\*2 is strictly monotone on the real line \(its "
                 r"derivative 2\*_u has no known sign\)", None,
                 id="monotone: square of a real objective"),
    pytest.param(Argmax(g(theta), theta), Argmax(theta * g(theta), theta),
                 rules.monotone(Lambda(u, theta * u)), FACTS,
                 r"the transform Lambda\(_u, _u\*theta\) depends on the parameter theta", None,
                 id="monotone: transform depends on theta"),
    pytest.param(Argmax(g(theta), theta), Argmax(exp(g(theta)) + 1, theta),
                 rules.monotone(Lambda(u, exp(u))), FACTS, "the two sides differ",
                 {"g(theta)"}, id="monotone: objective is not the transform"),
    # same_objective
    pytest.param(Argmax(g(theta) + 1, theta), Argmax(2 * g(theta), theta), rules.identity(),
                 FACTS, "the two sides differ", {"g(theta)"},
                 id="same_objective: objectives differ"),
    pytest.param(Argmax(g(theta), theta), Argmin(g(theta), theta), rules.identity(), FACTS,
                 "the transform is strictly increasing, so arg max becomes arg max, not arg min",
                 None, id="same_objective: max turned into min"),
    pytest.param(Argmax(g(theta), theta), Argmax(g(phi), phi), rules.identity(), FACTS,
                 "the optimisation variable changes from theta to phi", None,
                 id="same_objective: variable changes"),
    pytest.param(Argmax(g(phi), phi), Argmax(g(phi), phi), rules.identity(), FACTS,
                 r"phi is not declared as the parameter \(hypothesis Parameter\)", None,
                 id="same_objective: variable is not the parameter"),
    pytest.param(Argmax(g(theta), theta), Argmin(g(theta), theta), rules.algebra, FACTS,
                 "so arg max becomes arg max, not arg min", None,
                 id="algebra: max turned into min"),
]


@pytest.mark.parametrize(("prev", "new", "rule", "facts", "reason", "names"), REJECTED)
def test_a_wrong_step_is_rejected(prev, new, rule, facts, reason, names):
    r = _check(prev, new, rule, facts)
    assert (r.status, r.evidence) == (Status.FAILED, None), r.describe()
    assert re.search(reason, r.reason), r.reason
    if names is None:
        assert r.counterexample is None
        assert "sampled" not in r.tried  # refused before any numeric evidence was gathered
    else:
        assert_genuine_counterexample(r, facts, names)


def test_one_hot_collapse_records_its_range_condition():
    r = _check(ONE_HOT_SUM, -log(q[y]), rules.one_hot_collapse)
    (cond,) = r.conditions
    assert (cond.text, cond.holds, cond.formula) == ("1 <= y <= k", True, Between(1, y, k))


def test_positive_factor_records_both_of_its_conditions():
    r = _check(Argmin(g(theta), theta), Argmin(g(theta) / m, theta), rules.positive_factor(1 / m))
    assert [(cond.text, cond.holds) for cond in r.conditions] == [
        ("1/m > 0", True), ("1/m does not depend on theta", True)]


def test_log_of_product_names_only_the_factors_not_known_positive():
    r = _check(log(a * b_real), log(a) + log(b_real), rules.log_of_product)
    (cond,) = r.conditions
    assert (cond.holds, cond.detail) == (False, "not known to be positive: b")


#: A transform with a downward jump: T(u) = u for u <= 1, u - 5 above. Its derivative is 1
#: wherever it exists, yet arg max (2 - theta^2) = {0} while arg max T(2 - theta^2) = {-1, 1}.
JUMP = Lambda(u, Piecewise((u, u <= 1), (u - 5, True)))


@pytest.mark.parametrize(("transform", "used"), [
    (JUMP, "Piecewise"),
    (Lambda(u, u - 2 * floor(u)), "floor"),
    (Lambda(u, u + sign(u)), "sign"),
])
def test_a_transform_that_may_jump_is_not_judged_by_its_derivative(transform, used):
    # JUMP was accepted as strictly increasing (SymPy differentiates a Piecewise branch-wise)
    objective = 2 - theta ** 2
    r = _check(Argmax(objective, theta), Argmax(transform(objective), theta),
               rules.monotone(transform))
    assert r.status is Status.FAILED and r.counterexample is None
    assert f"uses {used}, which may jump" in r.reason


def test_a_lemma_whose_slack_jumps_is_not_proved():
    x = Symbol("x")
    # slack(0) = 0, slack'(0) = 0, slack'' = 2 on both branches, but slack(1) = -4
    jumping = Lemma("jumping", "x^2 - 5 [x >= 1] >= 0", Lambda(x, Piecewise(
        (x ** 2, x < 1), (x ** 2 - 5, True))), False, Integer(0))
    assert jumping.slack(1) < 0
    assert jumping.problem() is not None


@pytest.mark.parametrize("transform", [
    lambda x: x,
    Lambda((a, b), a + b),
    log,
])
def test_monotone_needs_a_one_argument_lambda(transform):
    with pytest.raises(TypeError, match="a transform must be a one-argument Lambda, got"):
        rules.monotone(transform)


@pytest.mark.parametrize(("rule", "name", "transform"), [
    (rules.logarithm(), "take_log", Lambda(u, log(u))),
    (rules.negate(), "negate", Lambda(u, -u)),
    (rules.negative_log(), "negative_log", Lambda(u, -log(u))),
    (rules.positive_factor(1 / m), "positive_factor", Lambda(u, u / m)),
    (rules.add_constant(c), "add_constant", Lambda(u, u + c)),
    (rules.identity(), "same_objective", Lambda(u, u)),
    (rules.monotone(Lambda(u, exp(u))), "monotone_transform", Lambda(u, exp(u))),
])
def test_optimiser_rules_carry_their_transform(rule, name, transform):
    assert (rule.name, rule.transform) == (name, transform)


def test_equality_rules_table():
    assert rules.EQUALITY_RULES == {
        "algebra": rules.algebra, "log_of_product": rules.log_of_product,
        "one_hot_collapse": rules.one_hot_collapse, "definition": rules.definition}
    assert all(r.transform is None for r in rules.EQUALITY_RULES.values())


@pytest.mark.parametrize(("rule", "text"), [
    (rules.algebra, "Rule('algebra')"),
    (rules.negate(), "Rule('negate', transform=Lambda(_u, -_u))"),
])
def test_rule_repr(rule, text):
    assert repr(rule) == text
