"""D1-D3: Gibbs' inequality, code lengths and Shannon's bound; bad twins; SciPy as the oracle."""

from __future__ import annotations

import functools
import math
import random

import pytest
from catalogue_support import assert_genuine, wrong
from sympy import (
    Basic,
    Indexed,
    IndexedBase,
    Lambda,
    Rational,
    S,
    Sum,
    Symbol,
    ceiling,
    floor,
    lambdify,
    log,
)

from derivations import rules
from derivations.catalogue import information
from derivations.catalogue.information import (
    TWO_POWER_ABOVE_TANGENT,
    bits,
    code_length_excess,
    code_length_kraft_sum,
    cross_entropy_is_code_length,
    gibbs_inequality,
    p,
    shannon_code_bound,
    shannon_code_kraft,
    shannon_code_lower_bound,
    shannon_length,
)
from derivations.catalogue.notation import j, k, q
from derivations.checking.check import check_all
from derivations.checking.grade import check_step
from derivations.kernel.canonical import prepare
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Definition, Facts, Simplex
from derivations.language.notation import KL, indexed_vector
from derivations.language.results import Evidence, Status
from derivations.language.step import Relation, Step

DERIVATIONS = (gibbs_inequality, cross_entropy_is_code_length, code_length_kraft_sum,
               code_length_excess, shannon_code_bound, shannon_code_lower_bound,
               shannon_code_kraft)


@pytest.fixture(scope="module")
def results():
    return {r.derivation.name: r for r in check_all(DERIVATIONS)}


@pytest.mark.parametrize("d", DERIVATIONS, ids=lambda d: d.name)
def test_every_step_is_proved_symbolically(d, results):
    result = results[d.name]
    assert result.ok and not result.problems, result.problems
    assert [s.evidence for s in result.steps] == [Evidence.SYMBOLIC] * len(d.steps)


@pytest.mark.parametrize(("d", "relation"), [
    (gibbs_inequality, Relation.GE), (cross_entropy_is_code_length, Relation.EQ),
    (code_length_kraft_sum, Relation.EQ), (code_length_excess, Relation.EQ),
    (shannon_code_bound, Relation.LT), (shannon_code_lower_bound, Relation.GE),
    (shannon_code_kraft, Relation.LE),
], ids=lambda x: getattr(x, "name", ""))
def test_what_each_theorem_states(d, relation):
    assert d.relation is relation


def test_gibbs_states_its_equality_case_and_the_engine_accepts_it(results):
    assert gibbs_inequality.equality_if == {q: p}
    assert results["gibbs_inequality"].problems == ()


# --- bad twins ----------------------------------------------------------------------------

def test_gibbs_with_p_and_q_swapped_in_the_lemma_is_refused():
    swapped = rules.by_lemma(rules.LOG_BELOW_TANGENT, q[j], p[j] / q[j], (j, 1, k))
    r = wrong(gibbs_inequality, 2, Step(gibbs_inequality.steps[1].expr, swapped, "swapped",
                                         relation=Relation.GE))
    assert r.status is Status.FAILED
    assert r.reason.startswith("the certificate does not account for the difference")


def test_gibbs_with_the_inequality_reversed_is_refuted():
    step = gibbs_inequality.steps[1]
    r = wrong(gibbs_inequality, 2, Step(step.expr, step.rule, "reversed", relation=Relation.LE))
    assert r.status is Status.FAILED
    assert_genuine(r, gibbs_inequality.facts, {"k", "p[1]", "q[1]"})


def test_gibbs_needs_q_to_sum_to_one():
    no_q_simplex = Facts.from_hypotheses(
        h for h in gibbs_inequality.hypotheses if not (isinstance(h, Simplex) and h.base == q))
    r = wrong(gibbs_inequality, 4, gibbs_inequality.steps[3], no_q_simplex)
    assert r.reason == "the two sides differ"
    assert_genuine(r, no_q_simplex, {"k", "q[1]"})


def test_gibbs_with_the_strict_inequality_loses_its_equality_case():
    step = gibbs_inequality.steps[1]
    strict = Derivation(
        name="gibbs_strict", title="wrong", hypotheses=gibbs_inequality.hypotheses,
        start=gibbs_inequality.start,
        steps=(gibbs_inequality.steps[0], Step(step.expr, rules.inequality, "strict",
                                               relation=Relation.GT),
               *gibbs_inequality.steps[2:]),
        equality_if={q: p})
    (result,) = check_all([strict])
    assert not result.ok
    assert "equality case: step 2 is strict, so equality never holds" in result.problems


def test_code_lengths_in_nats_are_not_the_cross_entropy_in_bits():
    d = cross_entropy_is_code_length
    r = wrong(d, 3, Step(d.steps[2].expr * log(2), rules.definition, "forgot the base"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, d.facts, {"k", "p[1]", "q[1]"})


def test_the_excess_is_not_the_reverse_divergence():
    d = code_length_excess
    reverse = KL(indexed_vector(q, k), indexed_vector(p, k)) / log(2)
    r = wrong(d, 3, Step(reverse, rules.definition, "p and q swapped"))
    assert r.reason == "the two sides differ"
    assert_genuine(r, d.facts, {"k", "p[1]", "q[1]"})


def test_the_kraft_sum_of_ideal_lengths_needs_the_simplex():
    d = code_length_kraft_sum
    no_simplex = Facts.from_hypotheses(h for h in d.hypotheses if not isinstance(h, Simplex))
    r = wrong(d, 3, d.steps[2], no_simplex)
    assert r.reason == "the two sides differ"
    assert_genuine(r, no_simplex, {"k", "q[1]"})


def test_shannon_bound_without_the_extra_bit_is_refuted():
    d = shannon_code_bound
    r = wrong(d, 2, Step(Sum(p[j] * bits(q[j]), (j, 1, k)), rules.inequality, "no extra bit",
                          relation=Relation.LT))
    assert r.reason == "the inequality < fails"
    assert_genuine(r, d.facts, {"k", "p[1]", "q[1]"})


ROUNDED_DOWN = Definition(shannon_length, Lambda(information.c, floor(bits(q[information.c]))))


def _rounded_down(d: Derivation) -> Facts:
    return Facts.from_hypotheses(ROUNDED_DOWN if isinstance(h, Definition) else h
                                 for h in d.hypotheses)


def test_rounding_down_breaks_the_lower_bound():
    d = shannon_code_lower_bound
    facts = _rounded_down(d)
    bad = Step(Sum(p[j] * bits(q[j]), (j, 1, k)), rules.inequality, "rounded down",
                 relation=Relation.GE)
    r = check_step(1, d.start, bad, facts, seed=11)
    assert r.reason == "the inequality >= fails"
    assert_genuine(r, facts, {"k", "p[1]", "q[1]"})


def test_rounding_down_breaks_kraft():
    d = shannon_code_kraft
    facts = _rounded_down(d)
    r = check_step(1, d.start, d.steps[0], facts, seed=11)
    assert r.reason == "the inequality <= fails"
    assert_genuine(r, facts, {"k", "q[1]"})


def test_a_strict_lower_bound_is_not_proved():
    """At q = 1/2 the length is whole and the bound is attained: no strict proof may exist."""
    d = shannon_code_lower_bound
    r = wrong(d, 2, Step(Sum(p[j] * bits(q[j]), (j, 1, k)), rules.inequality, "strict",
                          relation=Relation.GT))
    assert not (r.ok and r.evidence is Evidence.SYMBOLIC)


def test_the_tangent_lemma_for_powers_of_two_is_proved_and_a_wrong_tangent_is_not():
    assert TWO_POWER_ABOVE_TANGENT.problem() is None
    x = Symbol("x")
    bad = rules.Lemma("wrong", "2^x >= 1 + x", Lambda(x, 2 ** x - 1 - x), False, S.Zero)
    assert bad.problem() == "the slack is not stationary at 0"


# --- oracles: SciPy -------------------------------------------------------------------------

SIZES = (2, 3, 5, 8)


def _distribution(rng: random.Random, size: int) -> list[float]:
    w = [rng.uniform(0.05, 1.0) for _ in range(size)]
    return [x / sum(w) for x in w]


@functools.cache
def _compiled(expr: Basic, facts: Facts, size: int):
    e = prepare(expr, facts).xreplace({k: size}).doit()
    atoms = sorted(e.atoms(Indexed), key=str)
    return atoms, lambdify(atoms, e, "math")


def numeric(expr: Basic, facts: Facts, size: int, families: dict[IndexedBase, list[float]]):
    """The derived expression at numbers: the size fixed, sums written out, lambdified."""
    atoms, f = _compiled(expr, facts, size)
    return f(*(families[a.base][int(a.indices[0]) - 1] for a in atoms))


@pytest.fixture
def scipy_stats():
    return pytest.importorskip("scipy.stats", reason="SciPy is the oracle for entropies")


def _cases(seed: int):
    rng = random.Random(seed)
    for size in SIZES:
        for _ in range(5):
            yield size, _distribution(rng, size), _distribution(rng, size)


def test_oracle_kl_is_scipy_relative_entropy_and_non_negative(scipy_stats):
    worst = 0.0
    for size, pv, qv in _cases(1):
        fam = {p: pv, q: qv}
        values = [numeric(e, gibbs_inequality.facts, size, fam)
                  for e in gibbs_inequality.expressions]
        worst = max(worst, abs(values[0] - scipy_stats.entropy(pv, qv)))
        assert values[0] >= values[1] - 1e-12 and values[1] >= -1e-12
        assert abs(values[-1]) < 1e-12
        assert numeric(gibbs_inequality.start, gibbs_inequality.facts, size,
                       {p: pv, q: pv}) == pytest.approx(0.0, abs=1e-15)
    assert worst < 1e-12, worst
    print(f"\nD1 vs scipy.stats.entropy(p, q): max |difference| = {worst:.3g}")


def test_oracle_code_lengths_in_bits(scipy_stats):
    worst = 0.0
    for size, pv, qv in _cases(2):
        fam = {p: pv, q: qv}
        bits_pq = scipy_stats.entropy(pv, base=2) + scipy_stats.entropy(pv, qv, base=2)
        d = cross_entropy_is_code_length
        expected_length = numeric(d.start, d.facts, size, fam)
        end = numeric(d.end, d.facts, size, fam)
        excess = numeric(code_length_excess.start, code_length_excess.facts, size, fam)
        optimal = numeric(Sum(p[j] * information.optimal_length(j), (j, 1, k)),
                          code_length_excess.facts, size, fam)
        kraft = numeric(code_length_kraft_sum.start, code_length_kraft_sum.facts, size, fam)
        diffs = [expected_length - bits_pq, end - bits_pq,
                 excess - scipy_stats.entropy(pv, qv, base=2),
                 optimal - scipy_stats.entropy(pv, base=2), kraft - 1.0]
        worst = max(worst, *map(abs, diffs))
    assert worst < 1e-12, worst
    print(f"\nD2 vs scipy.stats.entropy(base=2): max |difference| = {worst:.3g}")


def test_oracle_shannon_code_bounds_on_random_distributions(scipy_stats):
    worst = 0.0
    for size, pv, qv in _cases(3):
        fam = {p: pv, q: qv}
        lengths = [math.ceil(-math.log2(x)) for x in qv]
        mean_length = sum(a * b for a, b in zip(pv, lengths, strict=True))
        kraft = sum(2.0 ** -n for n in lengths)
        bits_pq = scipy_stats.entropy(pv, base=2) + scipy_stats.entropy(pv, qv, base=2)
        assert kraft <= 1.0 + 1e-12
        assert bits_pq <= mean_length + 1e-12 and mean_length < bits_pq + 1
        derived = {
            "E[l]": numeric(shannon_code_bound.start, shannon_code_bound.facts, size, fam),
            "H2+1": numeric(shannon_code_bound.end, shannon_code_bound.facts, size, fam),
            "H2": numeric(shannon_code_lower_bound.end, shannon_code_lower_bound.facts, size,
                          fam),
            "kraft": numeric(shannon_code_kraft.start, shannon_code_kraft.facts, size, fam),
        }
        worst = max(worst, abs(derived["E[l]"] - mean_length), abs(derived["kraft"] - kraft),
                    abs(derived["H2"] - bits_pq), abs(derived["H2+1"] - bits_pq - 1))
    assert worst < 1e-12, worst
    print(f"\nD3 vs math.ceil, log2 and scipy: max |difference| = {worst:.3g}")


def test_oracle_ceiling_at_exact_powers_of_two():
    """q = 1/2, 1/4, 1/4: the lengths are whole already; Kraft's sum is exactly one."""
    fam = {q: [0.5, 0.25, 0.25], p: [0.5, 0.25, 0.25]}
    assert numeric(shannon_code_kraft.start, shannon_code_kraft.facts, 3, fam) == 1.0
    assert numeric(shannon_code_bound.start, shannon_code_bound.facts, 3, fam) == 1.5
    assert ceiling(bits(Rational(1, 4))) == 2
