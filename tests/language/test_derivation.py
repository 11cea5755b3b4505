"""Derivation: malformed theorems are refused when written, with a message naming the culprit."""

from __future__ import annotations

import dataclasses

import pytest
from sympy import IndexedBase, Integer, Lambda, Symbol, log

from derivations import rules
from derivations.errors import AuthoringError, DerivationError
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import (
    Definition,
    IndexRange,
    Parameter,
    Positive,
    Size,
)
from derivations.language.notation import Argmax, Argmin, named_function
from derivations.language.step import Relation, Step

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
a = Symbol("a", positive=True)
b = Symbol("b", positive=True)
c = Symbol("c", real=True)
x = Symbol("x")
theta = Symbol("theta", real=True)
q = IndexedBase("q", positive=True)
h = named_function("h", "h({0})")
g = named_function("g", "g({0})")


def _step(expr, rule=rules.algebra, relation=None, cites=()):
    return Step(expr, rule, "probe", relation=relation, cites=cites)


def _derivation(start=x, steps=None, hypotheses=(), name="probe", **extra):
    steps = (_step(start),) if steps is None else steps
    return Derivation(name=name, title="Probe", hypotheses=tuple(hypotheses), start=start,
                      steps=tuple(steps), **extra)


def test_authoring_errors_are_derivation_errors_and_value_errors():
    assert issubclass(AuthoringError, DerivationError)
    assert issubclass(AuthoringError, ValueError)


@pytest.mark.parametrize("name", ["", "A", "Probe", "1probe", "probe-1", "probe 1", "_probe",
                                  "probé", 3])
def test_a_bad_name_is_refused(name):
    with pytest.raises(AuthoringError, match="a name is lower-case letters, digits and '_'"):
        _derivation(name=name)


@pytest.mark.parametrize("name", ["p", "probe", "mle_2", "a_b_c"])
def test_a_good_name_is_accepted(name):
    assert _derivation(name=name).name == name


def test_a_derivation_needs_a_step():
    with pytest.raises(AuthoringError, match="derivation 'probe': a derivation needs at least "
                                             "one step"):
        _derivation(steps=())


def test_the_start_must_be_a_sympy_object():
    with pytest.raises(AuthoringError, match="derivation 'probe': the start must be a SymPy "
                                             "object, got 'x'"):
        Derivation(name="probe", title="t", hypotheses=(), start="x", steps=(_step(x),))


def test_a_hypothesis_must_be_a_hypothesis():
    with pytest.raises(AuthoringError, match=r"derivation 'probe': \(k, 'positive'\) is not a "
                                             "hypothesis"):
        _derivation(hypotheses=[(k, "positive")])


def test_a_step_must_be_a_step():
    with pytest.raises(AuthoringError, match=r"derivation 'probe': step 2 is x \+ 1, not a Step"):
        _derivation(steps=[_step(x), x + 1])


@pytest.mark.parametrize(("hypothesis", "message"), [
    (Size(Symbol("k")), "size k must be declared integer=True, positive=True"),
    (Positive(c), "hypothesis c > 0 needs c to be declared positive=True"),
    (IndexRange(Symbol("y"), 1, k), "index y must be declared integer=True"),
])
def test_a_hypothesis_that_does_not_match_its_symbol_is_refused(hypothesis, message):
    with pytest.raises(AuthoringError, match=f"derivation 'probe': {message}"):
        _derivation(hypotheses=[hypothesis])


@pytest.mark.parametrize(("start", "steps", "hypotheses", "message"), [
    pytest.param(log(a), [_step(log(a))], [],
                 "a in the start is declared positive but no hypothesis states it",
                 id="undeclared in the start"),
    pytest.param(x, [_step(x), _step(x + b)], [],
                 "b in step 2 is declared positive but no hypothesis states it",
                 id="undeclared in step 2"),
    pytest.param(log(q[1]), [_step(log(q[1]))], [],
                 "q in the start is declared positive but no hypothesis states it",
                 id="undeclared indexed family"),
    pytest.param(log(y + 2), [_step(log(y + 2))], [Size(k)],
                 "y in the start is declared integer but no hypothesis states it",
                 id="undeclared integer"),
    pytest.param(Argmax(-Symbol("t", positive=True) ** 2, Symbol("t", positive=True)),
                 [_step(Argmin(Symbol("t", positive=True) ** 2, Symbol("t", positive=True)),
                        rules.negate())],
                 [Parameter(Symbol("t", positive=True))],
                 r"t in the start is declared positive but no hypothesis states it \(its "
                 r"hypotheses give only finite, real\)",
                 id="a parameter secretly positive"),
    pytest.param(h(x), [_step(h(x))], [Definition(h, Lambda(x, x * a))],
                 r"a in the definition of h is declared positive but no hypothesis states it",
                 id="undeclared in a definition"),
    pytest.param(Symbol("_b0") + 1, [_step(Symbol("_b0") + 1)], [],
                 "the name _b0 in the start is reserved for the engine", id="reserved name"),
])
def test_an_assumption_no_hypothesis_states_is_refused(start, steps, hypotheses, message):
    with pytest.raises(AuthoringError, match=f"derivation 'probe': {message}"):
        _derivation(start, steps, hypotheses)


@pytest.mark.parametrize(("relations", "message"), [
    ([Relation.LE, Relation.GE], "mixes <= and >= steps"),
    ([Relation.GE, Relation.EQ, Relation.LE], "mixes <= and >= steps"),
    ([Relation.LT, Relation.GE], "mixes <= and >= steps"),
    ([Relation.GT, Relation.LT], "mixes <= and >= steps"),
])
def test_a_chain_mixing_directions_is_refused(relations, message):
    steps = [_step(c, rules.inequality if r is not Relation.EQ else rules.algebra,
                   r if r is not Relation.EQ else None) for r in relations]
    with pytest.raises(AuthoringError, match=f"derivation 'probe' {message}, so the chain "
                                             "proves no relation between its ends"):
        _derivation(c, steps, [Parameter(c)])


@pytest.mark.parametrize(("relations", "expected"), [
    ([Relation.EQ], Relation.EQ),
    ([Relation.EQ, Relation.LE, Relation.EQ], Relation.LE),
    ([Relation.GE, Relation.GE], Relation.GE),
    ([Relation.LE, Relation.LT], Relation.LT),
    ([Relation.GT, Relation.EQ, Relation.GE], Relation.GT),
])
def test_the_chain_proves_its_strongest_relation(relations, expected):
    steps = [_step(c, rules.inequality if r is not Relation.EQ else rules.algebra,
                   r if r is not Relation.EQ else None) for r in relations]
    assert _derivation(c, steps, [Parameter(c)]).relation is expected


def test_a_chain_of_optimiser_steps_is_an_equality():
    d = _derivation(Argmax(g(theta), theta),
                    [_step(Argmin(-g(theta), theta), rules.negate())], [Parameter(theta)])
    assert d.relation is Relation.EQ


def test_an_equality_case_of_an_equality_is_refused():
    with pytest.raises(AuthoringError, match="an equality case is stated for an equality"):
        _derivation(c, [_step(c)], [Parameter(c)], equality_if={c: Integer(0)})


def test_an_equality_case_maps_a_family_to_a_family():
    with pytest.raises(AuthoringError, match="an equality case maps a family to a family"):
        _derivation(c, [_step(c + 1, rules.inequality, Relation.LE)], [Parameter(c)],
                    equality_if={q: c})


def test_cites_are_collected_once_in_order():
    d = _derivation(x, [_step(x, cites=("b", "a")), _step(x, cites="a"), _step(x, cites="c")])
    assert d.cites == ("b", "a", "c")


def test_expressions_and_end():
    d = _derivation(x, [_step(x + 0), _step(2 * x - x)])
    assert d.expressions == [x, x, x] and d.end == x


def test_facts_come_from_the_hypotheses():
    d = _derivation(log(q[y]), [_step(log(q[y]))], [Size(k), IndexRange(y, 1, k), Positive(q[j])])
    assert d.facts.sizes == (k,) and d.facts.range_of(y) == (1, k)


def test_a_derivation_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        _derivation().name = "other"


def _refused(start, steps) -> bool:
    """Whether a derivation with no hypotheses is refused for an undisplayed assumption."""
    try:
        _derivation(start, steps)
    except AuthoringError as exc:
        return "but no hypothesis states it" in str(exc)
    return False


def test_an_indexed_family_positive_by_keyword_needs_a_hypothesis():
    hidden = IndexedBase(Symbol("q"), positive=True)
    assert hidden[1].is_positive  # SymPy does treat the entries as positive
    assert _refused(log(hidden[1] * hidden[2]),
                    [_step(log(hidden[1]) + log(hidden[2]), rules.log_of_product)])


def test_an_assumption_implied_by_prime_needs_a_hypothesis():
    p1, p2 = Symbol("p1", prime=True), Symbol("p2", prime=True)
    assert p1.is_positive
    assert _refused(log(p1 * p2), [_step(log(p1) + log(p2), rules.log_of_product)])
