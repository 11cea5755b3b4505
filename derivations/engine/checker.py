"""Checking: every step of a derivation against its rule, with an evidence grade.

``check_step`` is the single place where a verdict is made. The order is fixed: the rule must
describe the step, its side conditions must hold, and then the relation is established by the
strongest evidence available (symbolic proof, proof at concrete sizes, numeric agreement).
Random sampling runs on every step: it is the counterexample hunter, and a symbolic proof that
sampling contradicts is reported as a failure, never silently trusted.
"""

from __future__ import annotations

import signal
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from sympy import Basic, Dummy, Lambda, diff

from derivations.engine import equality_case
from derivations.engine.cache import Verdict, VerdictCache
from derivations.engine.canonical import (
    is_nonnegative,
    is_positive,
    is_strictly_positive,
    not_smooth,
    prove_equal,
)
from derivations.engine.derivation import Derivation
from derivations.engine.exceptions import AuthoringError, ImplementationFailure, StepFailure
from derivations.engine.hypotheses import Facts
from derivations.engine.implementation import check_implementation, timed_out
from derivations.engine.notation import Optimum, flipped
from derivations.engine.optimiser_rules import identity
from derivations.engine.results import (
    Counterexample,
    DerivationResult,
    Evidence,
    ImplementationResult,
    Status,
    StepResult,
)
from derivations.engine.rule import Condition
from derivations.engine.sampling import (
    Comparison,
    above,
    at_least,
    at_most,
    below,
    equal,
    sample,
)
from derivations.engine.sized import prove_sized
from derivations.engine.step import Relation, Step

#: Seconds one step may take; past it the verdict is "could not decide" (None: no limit). The
#: limit needs SIGALRM, so it applies in the main thread of a POSIX process only.
STEP_BUDGET: float | None = 60.0
#: Seconds between repeated alarms once the budget is spent.
_REPEAT = 0.25

#: Random points tried when a symbolic proof exists (a cross-check) and when it does not.
CROSS_CHECK_POINTS = 2
HUNT_POINTS = 24
#: Agreeing points needed before numeric agreement counts as (the weakest) evidence.
MIN_AGREEMENT = 8


@dataclass
class _Verdict:
    """The step under judgement and what has been tried on it so far."""

    index: int
    step: Step
    prev: Basic
    conditions: tuple[Condition, ...] = ()
    tried: list[str] = field(default_factory=list)

    def result(self, status: Status, evidence: Evidence | None = None, reason: str = "",
               counterexample: Counterexample | None = None) -> StepResult:
        return StepResult(self.index, self.step, self.prev, status, evidence, reason,
                          counterexample, self.conditions, tuple(self.tried))

    def failed(self, reason: str) -> StepResult:
        return self.result(Status.FAILED, None, reason)


def _seed(name: str, index: int) -> int:
    return zlib.crc32(f"{name}:{index}".encode())


def _grade(v: _Verdict, lhs: Basic, rhs: Basic, facts: Facts, seed: int, *, proved: bool,
           compare: Comparison, false_reason: str,
           sized: Callable[[], bool] | None = None) -> StepResult:
    """The verdict once the symbolic attempt is known: sampling hunts, weaker grades follow."""
    v.tried.append("sampled")
    hunt = sample(lhs, rhs, facts, compare, points=CROSS_CHECK_POINTS if proved else HUNT_POINTS,
                  seed=seed, large=not proved)
    if hunt.counterexample is not None:
        reason = false_reason if not proved else (
            "sampling contradicts the symbolic proof (please report this engine bug)")
        return v.result(Status.FAILED, None, reason, hunt.counterexample)
    if proved:
        return v.result(Status.OK, Evidence.SYMBOLIC)
    if sized is not None:
        v.tried.append("sized")
        if sized():
            return v.result(Status.OK, Evidence.SIZED, "proved only at concrete sizes")
    if hunt.agreed >= MIN_AGREEMENT:
        return v.result(Status.OK, Evidence.SAMPLED,
                        f"numeric agreement at {hunt.agreed} random points, no proof")
    if hunt.agreed:
        return v.result(Status.UNDECIDED, None,
                        f"no proof, and agreement at only {hunt.agreed} of {HUNT_POINTS} random "
                        f"points (at least {MIN_AGREEMENT} needed): {hunt.undecided}")
    return v.result(Status.UNDECIDED, None, f"no proof and no numeric evidence: {hunt.undecided}")


def _check_equal(v: _Verdict, lhs: Basic, rhs: Basic, facts: Facts, seed: int) -> StepResult:
    v.tried.append("symbolic")
    return _grade(v, lhs, rhs, facts, seed, proved=prove_equal(lhs, rhs, facts), compare=equal,
                  false_reason="the two sides differ",
                  sized=lambda: prove_sized(lhs, rhs, facts))


def _check_order(v: _Verdict, facts: Facts, seed: int) -> StepResult:
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
    if certificate is not None:
        v.tried.append("certificate")
        proved = prove_equal(high - low, certificate, facts)
        if relation.strict:  # a certificate shows >= 0; strictness needs a positive certificate
            proved = proved and is_strictly_positive(certificate, facts)
        if not proved:
            result = _grade(v, prev, new, facts, seed, proved=False, compare=compare,
                            false_reason=false_reason)
            if result.ok:  # the inequality may hold, but this certificate does not show it
                return v.result(Status.FAILED, None, "the certificate does not account for the "
                                "difference of the two sides (larger - smaller != sum of slacks)")
            return result
        return _grade(v, prev, new, facts, seed, proved=True, compare=compare,
                      false_reason=false_reason)
    v.tried.append("symbolic")
    prover = is_strictly_positive if relation.strict else is_nonnegative
    return _grade(v, prev, new, facts, seed, proved=prover(high - low, facts),
                  compare=compare, false_reason=false_reason)


def _transform_problem(prev: Optimum, new: Optimum, transform: Lambda,
                       facts: Facts) -> str | None:
    """Why ``transform`` does not carry ``prev``'s optimiser to ``new``'s, or None."""
    if prev.variable != new.variable:
        return f"the optimisation variable changes from {prev.variable} to {new.variable}"
    if prev.variable not in facts.parameters:
        return f"{prev.variable} is not declared as the parameter (hypothesis Parameter)"
    if facts.depends_on_parameter(transform.expr):
        return f"the transform {transform} depends on the parameter {prev.variable}"
    rough = not_smooth(transform.expr, transform.variables[0])
    if rough is not None:
        return (f"the transform {transform.expr} uses {rough}, which may jump; only sums, "
                "products, powers, exp and log are judged by the sign of the derivative")
    positive = is_positive(prev.objective, facts)
    arg = Dummy("u", positive=True) if positive else Dummy("u", real=True)
    slope = diff(transform(arg), arg)
    domain = "(0, oo)" if positive else "the real line"
    if slope.is_positive:
        direction = prev.sense
    elif slope.is_negative:
        direction = flipped(prev.sense)
    else:
        return (f"cannot show that {transform.expr} is strictly monotone on {domain} "
                f"(its derivative {slope.xreplace({arg: transform.variables[0]})} has no "
                "known sign)" + ("" if positive else
                                 "; the objective is not known to be positive"))
    if direction != new.sense:
        return (f"the transform is strictly {'in' if slope.is_positive else 'de'}creasing, "
                f"so arg {prev.sense} becomes arg {direction}, not arg {new.sense}")
    return None


class _OutOfTime(BaseException):
    """Raised by the alarm inside a step that ran out of time (a BaseException, so that no
    ``except Exception`` in SymPy swallows it)."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_OutOfTime` after ``seconds``; a no-op off the main thread, without
    SIGALRM, or when another alarm is already pending (it is left alone)."""
    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats: should library code swallow one _OutOfTime, the next one ends the step.
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)  # type: ignore[arg-type]
    try:
        yield
    finally:
        while True:  # an alarm may still land here; the timer is off once this loop ends
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                break
            except _OutOfTime:
                continue
        signal.signal(signal.SIGALRM, previous)


def check_step(index: int, prev: Basic, step: Step, facts: Facts, *, seed: int = 0,
               budget: float | None = None, cache: VerdictCache | None = None) -> StepResult:
    """The verdict on one step, given the previous expression and the hypotheses.

    A step that takes longer than ``budget`` seconds (default :data:`STEP_BUDGET`; 0 for no
    limit) ends undecided, never accepted. With a ``cache``, an accepted verdict on exactly
    these inputs is reused (the rule's fit and side conditions are still checked).
    """
    budget = STEP_BUDGET if budget is None else budget
    try:
        with _time_limit(budget):
            return _check_step(index, prev, step, facts, seed, cache)
    except _OutOfTime:
        return _Verdict(index, step, prev).result(
            Status.UNDECIDED, None, f"could not decide within {budget:g} s")


def _check_step(index: int, prev: Basic, step: Step, facts: Facts, seed: int,
                cache: VerdictCache | None) -> StepResult:
    v = _Verdict(index, step, prev)
    misfit = step.rule.fits(prev, step.expr)
    if misfit:
        return v.failed(f"rule {step.rule.name!r} does not describe this step: {misfit}")
    v.conditions = tuple(step.rule.conditions(prev, step.expr, facts))
    broken = [c for c in v.conditions if not c.holds]
    if broken:
        detail = f" ({broken[0].detail})" if broken[0].detail else ""
        return v.failed(f"side condition {broken[0].text!r} is not established{detail}")
    if cache is None:
        return _establish(v, facts, seed)
    key = cache.key(prev, step, facts, seed)
    known = cache.get(index, key)
    if known is not None:  # only accepted verdicts are ever stored
        v.tried.extend(known.tried)
        return v.result(Status.OK, Evidence(known.evidence), known.reason)
    result = _establish(v, facts, seed)
    if key is not None and result.ok and result.evidence is not None:
        cache.put(key, Verdict(result.evidence.value, result.reason, result.tried))
    return result


def _establish(v: _Verdict, facts: Facts, seed: int) -> StepResult:
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
        problem = _transform_problem(prev, new, transform, facts)
        if problem:
            return v.failed(problem)
        return _check_equal(v, new.objective, transform(prev.objective), facts, seed)
    if step.relation is Relation.SAME_OPTIMISER:
        return v.failed("a same-optimiser step needs arg min/arg max on both sides")
    if step.relation is Relation.EQ:
        return _check_equal(v, prev, new, facts, seed)
    return _check_order(v, facts, seed)


def _cited_closure(d: Derivation, known: Mapping[str, Derivation]) -> list[str]:
    """Names of every derivation ``d`` rests on, transitively (those that are known)."""
    seen: list[str] = []
    todo = [n for n in d.cites if n in known]
    while todo:
        name = todo.pop()
        if name not in seen and name != d.name:
            seen.append(name)
            todo.extend(n for n in known[name].cites if n in known)
    return seen


def _citation_problems(d: Derivation, known: Mapping[str, Derivation]) -> list[str]:
    problems = []
    for name in d.cites:
        if name not in known:
            problems.append(f"cites {name!r}, which is not among the loaded derivations")
    return problems


def check_derivation(d: Derivation, known: Mapping[str, Derivation] | None = None,
                     *, cited_ok: Mapping[str, bool] | None = None,
                     cache: VerdictCache | None = None) -> DerivationResult:
    """Check every step of ``d`` (all of them, so that a report shows every failure); with a
    ``cache``, unchanged accepted steps are not proved again."""
    known = known or {d.name: d}
    if cited_ok is None and d.cites:  # check what d rests on before trusting it
        closure = [known[n] for n in _cited_closure(d, known)]
        cited_ok = {r.derivation.name: r.ok for r in check_all(closure, cache=cache)}
    return assemble(d, known, cited_ok, check_parts(d, cache))


@dataclass(frozen=True)
class Parts:
    """What checking ``d`` itself finds, before its citations are judged: a derivation's parts
    can be checked in any process, in any order."""

    steps: tuple[StepResult, ...]
    equality_problems: tuple[str, ...]
    implementations: tuple[ImplementationResult, ...]


def check_parts(d: Derivation, cache: VerdictCache | None = None) -> Parts:
    results = []
    prev = d.start
    for index, step in enumerate(d.steps, 1):
        results.append(check_step(index, prev, step, d.facts, seed=_seed(d.name, index),
                                  cache=cache))
        prev = step.expr
    return Parts(tuple(results), tuple(equality_case.problems(d)), _check_code(d, cache))


def assemble(d: Derivation, known: Mapping[str, Derivation],
             cited_ok: Mapping[str, bool] | None, parts: Parts) -> DerivationResult:
    """The result of ``d``: its parts, and a problem for each citation that is not among the
    loaded derivations or does not check."""
    problems = _citation_problems(d, known)
    for name in d.cites:
        if cited_ok is not None and name in cited_ok and not cited_ok[name]:
            problems.append(f"cites {name!r}, which does not check")
    problems += parts.equality_problems
    return DerivationResult(d, parts.steps, tuple(problems), parts.implementations)


def _check_code(d: Derivation, cache: VerdictCache | None) -> tuple[ImplementationResult, ...]:
    """Each reference implementation of ``d`` against its expression, within the step budget;
    with a ``cache``, an accepted verdict on exactly this code and expression is reused."""
    out = []
    for n, impl in enumerate(d.implementations, 1):
        seed = _seed(d.name, -n)
        key = cache.code_key(impl, impl.target(d), d.facts, seed) if cache else None
        known = cache.get(-n, key) if cache is not None else None
        sizes = _stored_sizes(known) if known is not None else None
        if known is not None and sizes is not None:  # stored only when accepted
            out.append(ImplementationResult(impl, Status.OK, len(sizes), sizes, known.reason))
            continue
        try:
            with _time_limit(STEP_BUDGET):
                result = check_implementation(impl, d, seed=seed)
        except _OutOfTime:
            result = timed_out(impl, STEP_BUDGET or 0)
        if cache is not None and key is not None and result.ok:
            cache.put(key, Verdict(Evidence.SAMPLED.value, result.reason,
                                   tuple(",".join(map(str, s)) for s in result.sizes)))
        out.append(result)
    return tuple(out)


def _stored_sizes(known: Verdict) -> tuple[tuple[int, ...], ...] | None:
    """The sizes of an implementation's agreeing points, stored as "1,2" texts; None (a miss)
    when a row is damaged."""
    try:
        return tuple(tuple(int(x) for x in t.split(",") if x) for t in known.tried)
    except ValueError:
        return None


def citation_order(derivations: Iterable[Derivation]) -> list[Derivation]:
    """The derivations with every cited one before its citer; a cycle is an AuthoringError."""
    by_name = {d.name: d for d in derivations}
    order: list[Derivation] = []
    state: dict[str, str] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == "done" or name not in by_name:
            return
        if state.get(name) == "active":
            cycle = " -> ".join((*path[path.index(name):], name))
            raise AuthoringError(f"derivations cite each other in a cycle: {cycle}")
        state[name] = "active"
        for cited in by_name[name].cites:
            visit(cited, (*path, name))
        state[name] = "done"
        order.append(by_name[name])

    for name in by_name:
        visit(name, ())
    return order


def check_all(derivations: Iterable[Derivation], *,
              cache: VerdictCache | None = None, jobs: int = 1) -> list[DerivationResult]:
    """Check derivations in citation order; a citer of a failed derivation fails too.

    Results come back in the order given. ``cache`` (off by default): see ``engine.cache``.
    ``jobs`` > 1 checks in that many processes (``engine.parallel``): the same results.
    """
    given = list(derivations)
    names = [d.name for d in given]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise AuthoringError(f"two derivations share the name {twice[0]!r}")
    known = {d.name: d for d in given}
    order = citation_order(given)
    parts: dict[str, Parts] = {}
    if jobs > 1:
        from derivations.engine.parallel import check_in_processes

        parts = check_in_processes(order, cache, jobs)
    verdicts: dict[str, bool] = {}
    results = {}
    for d in order:
        found = parts.get(d.name)
        result = (assemble(d, known, verdicts, found) if found is not None
                  else check_derivation(d, known, cited_ok=verdicts, cache=cache))
        verdicts[d.name] = result.ok
        results[d.name] = result
    return [results[n] for n in names]


def verify(d: Derivation, known: Mapping[str, Derivation] | None = None) -> DerivationResult:
    """Check ``d`` and raise :class:`StepFailure` at its first failing step."""
    result = check_derivation(d, known)
    failure = result.first_failure()
    if failure is not None:
        raise StepFailure(d.name, failure)
    if result.problems:
        raise AuthoringError(f"derivation {d.name!r}: {'; '.join(result.problems)}")
    wrong = next((r for r in result.implementations if not r.ok), None)
    if wrong is not None:
        raise ImplementationFailure(d.name, wrong)
    return result


def require(results: Iterable[DerivationResult], minimum: Evidence) -> list[DerivationResult]:
    """Fail every step whose evidence is weaker than ``minimum`` (a policy, e.g. for CI)."""
    out = []
    for res in results:
        steps = tuple(
            replace(s, status=Status.FAILED,
                    reason=f"its evidence ({s.evidence.value}) is weaker than the required "
                           f"{minimum.value!r}")
            if s.ok and s.evidence is not None and not s.evidence.at_least(minimum) else s
            for s in res.steps)
        out.append(replace(res, steps=steps))
    return out
