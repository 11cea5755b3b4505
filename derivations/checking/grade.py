"""Grading one step: the single place where a step's verdict is made.

The order is fixed: the rule must describe the step, its side conditions must hold, and then the
relation is established by the strongest evidence available: the kernel's proof
(``symbolic``), a proof at concrete sizes (``sized``), numeric agreement (``sampled``). Random
sampling runs on every step: it is the counterexample hunter, and a symbolic proof that sampling
contradicts is reported as a failure, never silently trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sympy import Basic, Derivative, Eq, Function

from derivations.checking import integrity
from derivations.checking.budget import OutOfTime, time_limit
from derivations.checking.store import Verdict, VerdictCache
from derivations.evidence.sampling import Comparison, above, at_least, at_most, below, equal, sample
from derivations.evidence.sized import prove_sized
from derivations.kernel import judge
from derivations.language import vocabulary
from derivations.language.hypotheses import Facts
from derivations.language.notation import Optimum
from derivations.language.relation import Relation
from derivations.language.results import Counterexample, Evidence, Status, StepResult
from derivations.language.rule import Condition
from derivations.language.step import Step
from derivations.rules.inequality import certificate_problem
from derivations.rules.optimiser import identity
from derivations.settings import DEFAULT, CheckSettings


@dataclass
class _Judgement:
    """The step under judgement and what has been tried on it so far."""

    index: int
    step: Step
    prev: Basic
    settings: CheckSettings
    conditions: tuple[Condition, ...] = ()
    tried: list[str] = field(default_factory=list)
    #: how a case split proved the step, if one did
    cases: str = ""
    #: for an antiderivative rule: what the fundamental theorem gave, and the previous
    #: expression with those integrals evaluated (``judge.evaluate_integrals``, once per step)
    evaluated: tuple[list, Basic] | None = None

    def result(self, status: Status, evidence: Evidence | None = None, reason: str = "",
               counterexample: Counterexample | None = None) -> StepResult:
        if status is Status.OK and evidence is Evidence.SYMBOLIC and self.cases and not reason:
            reason = self.cases
        return StepResult(self.index, self.step, self.prev, status, evidence, reason,
                          counterexample, self.conditions, tuple(self.tried))

    def failed(self, reason: str) -> StepResult:
        return self.result(Status.FAILED, None, reason)


def _grade(v: _Judgement, lhs: Basic, rhs: Basic, facts: Facts, seed: int, *, proved: bool,
           compare: Comparison, false_reason: str, ordered: bool = False,
           sized: Callable[[], bool] | None = None) -> StepResult:
    """The verdict once the kernel's answer is known: sampling hunts, weaker grades follow."""
    s = v.settings
    v.tried.append("sampled")
    hunt = sample(lhs, rhs, facts, compare, s,
                  points=s.cross_check_points if proved else s.hunt_points,
                  seed=seed, large=not proved, ordered=ordered)
    if proved and not hunt.agreed and hunt.counterexample is None:
        # a cross-check that evaluated no point is no check: try as hard as a hunt would
        hunt = sample(lhs, rhs, facts, compare, s, points=s.hunt_points, seed=seed + 1,
                      ordered=ordered, enough=s.cross_check_points)
    if hunt.counterexample is not None:
        reason = false_reason if not proved else (
            "sampling contradicts the symbolic proof (please report this engine bug)")
        return v.result(Status.FAILED, None, reason, hunt.counterexample)
    if proved and not hunt.agreed:
        return v.result(Status.UNDECIDED, None,
                        "proved, but the numeric cross-check could evaluate no point of the "
                        f"hypotheses' domain, so the proof is unchecked: {hunt.undecided}")
    if proved:
        return v.result(Status.OK, Evidence.SYMBOLIC)
    if sized is not None:
        v.tried.append("sized")
        if sized():
            return v.result(Status.OK, Evidence.SIZED, "proved only at concrete sizes")
    if hunt.agreed >= s.min_agreement:
        return v.result(Status.OK, Evidence.SAMPLED,
                        f"numeric agreement at {hunt.agreed} random points, no proof")
    if hunt.agreed:
        return v.result(Status.UNDECIDED, None,
                        f"no proof, and agreement at only {hunt.agreed} of {s.hunt_points} "
                        f"random points (at least {s.min_agreement} needed): {hunt.undecided}")
    return v.result(Status.UNDECIDED, None, f"no proof and no numeric evidence: {hunt.undecided}")


def _by_cases(v: _Judgement, prove: Callable[[Basic, Basic], bool], lhs: Basic, rhs: Basic,
              facts: Facts) -> bool:
    """Whether ``prove`` holds in every case of a declared finite range (``judge.
    proves_by_cases``); the split is recorded in what was tried and in the reason."""
    split = judge.proves_by_cases(prove, lhs, rhs, facts)
    if split is None:
        return False
    atom, values = split
    v.tried.append("cases")
    v.cases = f"proved case by case: {atom} = {', '.join(map(str, values))}"
    return True


def _check_equal(v: _Judgement, lhs: Basic, rhs: Basic, facts: Facts, seed: int) -> StepResult:
    v.tried.append("symbolic")

    def prove(a: Basic, b: Basic) -> bool:
        return judge.proves_equal(a, b, facts)

    # the integrals an antiderivative evaluates are replaced by their values for the proof;
    # the sampler still compares the step as written (quadrature against the value)
    evaluated = v.evaluated[1] if v.evaluated is not None and lhs is v.prev else lhs
    # (the evaluated side is prepared: the side as written is judged for a value first, as
    # proves_equal judges every side, u09)
    proved = (evaluated is lhs or not judge.may_be_undefined(lhs, facts)) and (
        prove(evaluated, rhs) or _by_cases(v, prove, evaluated, rhs, facts))
    return _grade(v, lhs, rhs, facts, seed, proved=proved,
                  compare=equal, false_reason="the two sides differ",
                  sized=lambda: prove_sized(lhs, rhs, facts, v.settings))


def _check_order(v: _Judgement, facts: Facts, seed: int) -> StepResult:
    """``prev <= new``, ``prev < new`` (up) or ``prev >= new``, ``prev > new`` (down), by
    certificate or by structure."""
    prev, new, relation = v.prev, v.step.expr, v.step.relation
    assert relation is not None and relation.direction
    up = relation.direction == "up"
    low, high = (prev, new) if up else (new, prev)
    if relation.strict:
        compare = below if up else above
    else:
        compare = at_most if up else at_least
    false_reason = f"the inequality {relation.value} fails"
    certificate = v.step.rule.certificate
    distrusted = certificate_problem(v.step.rule, facts)
    if distrusted is not None:
        return v.failed(f"the certificate cannot be trusted: {distrusted}")
    v.tried.append("certificate" if certificate is not None else "symbolic")
    def prove(a: Basic, b: Basic) -> bool:
        return judge.proves_order(a, b, facts, strict=relation.strict, certificate=certificate)

    proved = prove(low, high) or (certificate is None and _by_cases(v, prove, low, high, facts))
    result = _grade(v, prev, new, facts, seed, proved=proved, compare=compare,
                    false_reason=false_reason, ordered=True)
    if certificate is not None and not proved and result.ok:
        # the inequality may hold, but this certificate does not show it
        return v.result(Status.FAILED, None, "the certificate does not account for the "
                        "difference of the two sides (larger - smaller != sum of slacks)")
    return result


def _fundamental_conditions(v: _Judgement, facts: Facts) -> list[Condition]:
    """One side condition per antiderivative: that it is one, on the whole interval, of an
    integral of the previous expression, continuous there, with finite values at the ends.
    Made here from the rule's antiderivatives themselves, so what is shown is what is
    checked."""
    v.evaluated = judge.evaluate_integrals(v.prev, v.step.rule.antiderivatives, facts)
    out = []
    several = len(v.evaluated[0]) > 1
    for n, e in enumerate(v.evaluated[0], 1):
        x = e.antiderivative.variables[0]
        form = e.antiderivative.expr
        if e.integral is None:
            out.append(Condition(f"{form} is an antiderivative of an integrand on the left",
                                 False, e.problem))
            continue
        _, lo, hi = e.integral.limits[0]
        var = e.integral.limits[0][0]
        integrand = e.integral.function.xreplace({var: x})
        span = f"{'(' if lo.is_infinite else '['}{lo}, {hi}{')' if hi.is_infinite else ']'}"
        # typeset short (F' = f): the step shows the integrand, the report the whole equation
        out.append(Condition(
            f"d/d{x} ({form}) = {integrand} for {x} in {span}", True,
            formula=Eq(Derivative(Function(f"F_{n}" if several else "F")(x), x),
                       Function(f"f_{n}" if several else "f")(x), evaluate=False)))
    return out


def check_step(index: int, prev: Basic, step: Step, facts: Facts,
               settings: CheckSettings = DEFAULT, *, seed: int = 0,
               cache: VerdictCache | None = None) -> StepResult:
    """The verdict on one step, given the previous expression and the hypotheses.

    A step that takes longer than ``settings.step_budget`` seconds ends undecided, never
    accepted. With a ``cache``, an accepted verdict on exactly these inputs (and settings) is
    reused; the rule's fit and side conditions are still checked.
    """
    try:
        with time_limit(settings.step_budget):
            v = _Judgement(index, step, prev, settings)
            blocked = _unsupported(prev, step, facts)
            if blocked is not None:  # before the rule, the kernel or the sampler reads it
                return v.failed(blocked.reason)
            return _as_printed(v, _check_step(v, facts, seed, cache), facts)
    except OutOfTime:
        return _Judgement(index, step, prev, settings).result(
            Status.UNDECIDED, None, f"could not decide within {settings.step_budget:g} s")
    except Exception as exc:  # a construct SymPy or the engine cannot handle: a verdict
        return _Judgement(index, step, prev, settings).result(
            Status.UNDECIDED, None,
            f"cannot check: the engine raised {type(exc).__name__} "
            f"({str(exc).strip() or 'no message'}) on this step; write it with the constructs "
            "listed under 'Supported SymPy constructs' in docs/reference.md, or report it")


def _unsupported(prev: Basic, step: Step, facts: Facts) -> vocabulary.Unsupported | None:
    """A construct the engine cannot check in what the step reads: both sides, its rule's
    expressions, and the definitions they unfold (``language.vocabulary``)."""
    read = [prev, step.expr, *(e for _, e in step.rule.expressions())]
    found = vocabulary.unsupported(*read)
    # unfolding can bring in only what a definition's body holds: unfold only then
    if found is None and any(vocabulary.unsupported(d.formula.expr) is not None
                             for d in facts.definitions):
        found = vocabulary.unsupported(*(facts.apply_definitions(e) for e in read))
    return found


def _as_printed(v: _Judgement, result: StepResult, facts: Facts) -> StepResult:
    """``result``, unless the step is accepted but prints otherwise than it was checked: a
    plain product c log y that may be 0 log 0 prints as the weighted log that the notation
    reads with 0 log 0 = 0 (``judge.plain_weighted_log``). A refuted step keeps its
    counterexample."""
    if not result.ok:
        return result
    for side in (v.prev, v.step.expr):
        weighted = judge.plain_weighted_log(side, facts)
        if weighted is not None:
            return replace(result, status=Status.FAILED, evidence=None, reason=(
                f"the product {weighted} prints as a weighted log, which the notation reads "
                "with the convention 0 log 0 = 0, but as written it is undefined where its "
                "log's argument is 0: write xlogy(weight, argument) for the convention, or "
                "state that the argument is positive"))
    return result


def _check_step(v: _Judgement, facts: Facts, seed: int,
                cache: VerdictCache | None) -> StepResult:
    step, prev = v.step, v.prev
    misfit = step.rule.fits(prev, step.expr)
    if misfit:
        return v.failed(f"rule {step.rule.name!r} does not describe this step: {misfit}")
    v.conditions = tuple(step.rule.conditions(prev, step.expr, facts))
    if step.rule.antiderivatives:
        v.conditions += tuple(_fundamental_conditions(v, facts))
    broken = [c for c in v.conditions if not c.holds]
    if broken:
        detail = f" ({broken[0].detail})" if broken[0].detail else ""
        return v.failed(f"side condition {broken[0].text!r} is not established{detail}")
    if cache is None:
        return _establish(v, facts, seed)
    key = cache.key(prev, step, facts, seed, v.settings)
    known = cache.get(v.index, key)
    if known is not None:  # only accepted verdicts are ever stored
        v.tried.extend(known.tried)
        return v.result(Status.OK, Evidence(known.evidence), known.reason)
    if key is None:  # the author's own classes or functions: their code runs in the check
        try:
            return _establish(v, facts, seed)
        finally:
            integrity.forget()
    result = _establish(v, facts, seed)
    if key is not None and result.ok and result.evidence is not None:
        cache.put(key, Verdict(result.evidence.value, result.reason, result.tried))
    return result


def _establish(v: _Judgement, facts: Facts, seed: int) -> StepResult:
    """The relation itself, once the rule fits and its side conditions hold."""
    step, prev, new = v.step, v.prev, v.step.expr
    if isinstance(prev, Optimum) != isinstance(new, Optimum):
        return v.failed("one side is an optimiser set (arg min/arg max) and the other is not")
    if isinstance(prev, Optimum) and isinstance(new, Optimum):
        if step.relation not in (Relation.EQ, Relation.SAME_OPTIMISER):
            return v.failed("optimiser sets can only be equal")
        transform = step.rule.transform or identity().transform
        assert transform is not None
        v.tried.append("monotonicity")
        problem = judge.transform_problem(prev, new, transform, facts)
        if problem:
            return v.failed(problem)
        for side, objective in (("old", prev.objective), ("new", new.objective)):
            if judge.may_be_undefined(objective, facts):
                # an optimiser set depends on where its objective has a value, and a transform
                # applied to a formula may evaluate that domain away: exp(2 log theta) is
                # theta^2 at every theta, 2 log theta at theta > 0 only (red-team r03)
                return v.failed(f"the {side} objective {objective} may have no value somewhere "
                                "the hypotheses allow; an arg min or arg max "
                                "depends on where its objective is defined, so state the "
                                "parameter's domain as a hypothesis")
        return _check_equal(v, new.objective, transform(prev.objective), facts, seed)
    if step.relation is Relation.SAME_OPTIMISER:
        return v.failed("a same-optimiser step needs arg min/arg max on both sides")
    if step.relation is Relation.EQ:
        return _check_equal(v, prev, new, facts, seed)
    return _check_order(v, facts, seed)
