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
from derivations.language.results import DerivationResult, Evidence, Status
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
                     *, cited_ok: Mapping[str, bool] | None = None,
                     cache: VerdictCache | None = None,
                     settings: CheckSettings = DEFAULT) -> DerivationResult:
    """Check every step of ``d`` (all of them, so that a report shows every failure); with a
    ``cache``, unchanged accepted steps are not proved again."""
    known = known or {d.name: d}
    if cited_ok is None and d.cites:  # check what d rests on before trusting it
        closure = [known[n] for n in _cited_closure(d, known)]
        cited_ok = {r.derivation.name: r.ok
                    for r in check_all(closure, cache=cache, settings=settings)}
    return assemble(d, known, cited_ok, check_parts(d, settings, cache))


def assemble(d: Derivation, known: Mapping[str, Derivation],
             cited_ok: Mapping[str, bool] | None, parts: Parts) -> DerivationResult:
    """The result of ``d``: its parts, and a problem for each citation that is not among the
    loaded derivations or does not check."""
    problems = [f"cites {name!r}, which is not among the loaded derivations"
                for name in d.cites if name not in known]
    for name in d.cites:
        if cited_ok is not None and name in cited_ok and not cited_ok[name]:
            problems.append(f"cites {name!r}, which does not check")
    problems += parts.equality_problems
    return DerivationResult(d, parts.steps, tuple(problems), parts.implementations)


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
    names = [d.name for d in given]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise AuthoringError(f"two derivations share the name {twice[0]!r}")
    known = {d.name: d for d in given}
    order = citation_order(given)
    parts: dict[str, Parts] = {}
    if jobs > 1:
        parts = check_in_processes(order, settings, cache, jobs)
    verdicts: dict[str, bool] = {}
    results = {}
    for d in order:
        found = parts.get(d.name)
        result = (assemble(d, known, verdicts, found) if found is not None
                  else check_derivation(d, known, cited_ok=verdicts, cache=cache,
                                        settings=settings))
        verdicts[d.name] = result.ok
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
