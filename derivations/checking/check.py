"""Checking derivations: each one's parts, then its citations, in citation order.

A derivation that cites others is checked after them; a cycle of citations is refused, and a
citer of a derivation that does not check fails too. ``check_all`` checks in one process or in
several (``checking.parallel``), with the same results; ``require`` applies an evidence policy
to the results (``--min-evidence``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from derivations.checking.parallel import check_in_processes
from derivations.checking.parts import Parts, check_parts
from derivations.checking.store import VerdictCache
from derivations.errors import AuthoringError, ImplementationFailure, StepFailure
from derivations.language.derivation import Derivation
from derivations.language.results import DerivationResult, Evidence, Status, StepResult
from derivations.settings import DEFAULT, CheckSettings


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


def check_derivation(d: Derivation, known: Mapping[str, Derivation] | None = None,
                     *, cited: Mapping[str, DerivationResult] | None = None,
                     cache: VerdictCache | None = None,
                     settings: CheckSettings = DEFAULT) -> DerivationResult:
    """Check every step of ``d`` (all of them, so that a report shows every failure); with a
    ``cache``, unchanged accepted steps are not proved again. ``cited``: the results of the
    derivations ``d`` cites, when the caller has them (else they are checked first)."""
    _refuse_unaudited([d])
    known = known or {d.name: d}
    if cited is None and d.cites:  # check what d rests on before trusting it
        closure = [known[n] for n in _cited_closure(d, known)]
        cited = {r.derivation.name: r
                 for r in check_all(closure, cache=cache, settings=settings)}
    return assemble(d, known, cited, check_parts(d, settings, cache))


def assemble(d: Derivation, known: Mapping[str, Derivation],
             cited: Mapping[str, DerivationResult] | None, parts: Parts) -> DerivationResult:
    """The result of ``d``: its parts, and a problem for each citation that is not among the
    loaded derivations, is not the loaded object of its name, or does not check.

    A step is at most as strong as its weakest citation: a step that cites a theorem proved
    only at ``sized`` or ``sampled`` grade gets that grade (and the evidence policy, applied
    afterwards by :func:`require`, sees it)."""
    cited = cited or {}
    problems = [f"cites {name!r}, which is not among the loaded derivations"
                for name in d.cites if name not in known]
    problems += [f"cites {name!r}, which does not check"
                 for name in d.cites if name in cited and not cited[name].ok]
    for n, step in enumerate(d.steps, 1):
        theorem = step.rule.theorem
        if theorem is not None and (not isinstance(theorem, Derivation)
                                    or theorem.name not in step.cites):
            problems.append(f"step {n} takes its certificate from a theorem it does not cite")
            continue
        if theorem is not None and theorem.name == d.name:
            problems.append(f"step {n} cites the derivation it is a step of")
            continue
        if theorem is not None and not _same_theorem(known.get(theorem.name), theorem):
            problems.append(
                f"step {n} takes its certificate from an object named {theorem.name!r} that "
                "is not the loaded, checked derivation of that name")
    problems += parts.equality_problems
    steps = tuple(_as_strong_as_citations(s, cited) for s in parts.steps)
    return DerivationResult(d, steps, tuple(problems), parts.implementations)


def _same_theorem(loaded: Derivation | None, cited: Derivation) -> bool:
    """Whether ``cited`` states what the loaded derivation of its name proves: the same object,
    or one equal to it in every part that a citation uses (its statement, its proof and its
    equality case, which ``==`` on a Derivation leaves out)."""
    if loaded is None:
        return False
    return loaded is cited or (loaded == cited and loaded.equality_if == cited.equality_if)


def _as_strong_as_citations(result: StepResult,
                            cited: Mapping[str, DerivationResult]) -> StepResult:
    """``result`` with its grade lowered to the weakest grade of what its step cites."""
    if not result.ok or result.evidence is None:
        return result
    weakest = result.evidence
    because = ""
    for name in result.step.cites:
        other = cited.get(name)
        grade = other.weakest if other is not None else None
        if grade is not None and not grade.at_least(weakest):
            weakest, because = grade, name
    if not because:
        return result
    return replace(result, evidence=weakest,
                   reason=f"it cites {because!r}, which holds only at {weakest.value} grade"
                          + (f"; {result.reason}" if result.reason else ""))


def _refuse_unaudited(derivations: Iterable[Derivation]) -> None:
    """Only a Derivation the audits passed, as it is now, is checked (``audit_problem``)."""
    for d in derivations:
        problem = d.audit_problem()
        if problem:
            raise AuthoringError(problem)


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


def check_all(derivations: Iterable[Derivation], *, cache: VerdictCache | None = None,
              jobs: int = 1, settings: CheckSettings = DEFAULT) -> list[DerivationResult]:
    """Check derivations in citation order; a citer of a failed derivation fails too.

    Results come back in the order given. ``cache`` (off by default): see ``checking.store``.
    ``jobs`` > 1 checks in that many processes (``checking.parallel``): the same results.
    """
    given = list(derivations)
    _refuse_unaudited(given)
    names = [d.name for d in given]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise AuthoringError(f"two derivations share the name {twice[0]!r}")
    known = {d.name: d for d in given}
    order = citation_order(given)
    parts: dict[str, Parts] = {}
    if jobs > 1:
        parts = check_in_processes(order, settings, cache, jobs)
    results: dict[str, DerivationResult] = {}
    for d in order:
        found = parts.get(d.name)
        result = (assemble(d, known, results, found) if found is not None
                  else check_derivation(d, known, cited=results, cache=cache,
                                        settings=settings))
        results[d.name] = result
    return [results[n] for n in names]


def verify(d: Derivation, known: Mapping[str, Derivation] | None = None, *,
           settings: CheckSettings = DEFAULT) -> DerivationResult:
    """Check ``d`` and raise :class:`StepFailure` at its first failing step."""
    result = check_derivation(d, known, settings=settings)
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
