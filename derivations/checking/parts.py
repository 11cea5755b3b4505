"""A derivation's own parts: its steps, its reference implementations and its equality case.

None of them depends on any other derivation, so a derivation's parts can be checked in any
process and in any order (``checking.parallel``); its citations are judged afterwards, in
citation order (``checking.check``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from derivations.checking.budget import OutOfTime, time_limit
from derivations.checking.grade import check_step
from derivations.checking.store import Verdict, VerdictCache
from derivations.evidence.code import check_implementation, timed_out
from derivations.kernel import equality_case
from derivations.language.derivation import Derivation
from derivations.language.results import Evidence, ImplementationResult, Status, StepResult
from derivations.settings import CheckSettings


def seed(name: str, index: int) -> int:
    """The sampling seed of step ``index`` of derivation ``name`` (negative: its
    ``-index``-th reference implementation). Part of every cache key."""
    return zlib.crc32(f"{name}:{index}".encode())


@dataclass(frozen=True)
class Parts:
    """What checking ``d`` itself finds, before its citations are judged."""

    steps: tuple[StepResult, ...]
    equality_problems: tuple[str, ...]
    implementations: tuple[ImplementationResult, ...]


def check_parts(d: Derivation, settings: CheckSettings,
                cache: VerdictCache | None = None) -> Parts:
    results = []
    prev = d.start
    for index, step in enumerate(d.steps, 1):
        results.append(check_step(index, prev, step, d.facts, settings,
                                  seed=seed(d.name, index), cache=cache))
        prev = step.expr
    parts = Parts(tuple(results), tuple(equality_case.problems(d)),
                  _check_code(d, settings, cache))
    if cache is not None:
        cache.flush()
    return parts


def _check_code(d: Derivation, settings: CheckSettings,
                cache: VerdictCache | None) -> tuple[ImplementationResult, ...]:
    """Each reference implementation of ``d`` against its expression, within the step budget;
    with a ``cache``, an accepted verdict on exactly this code and expression is reused."""
    out = []
    for n, impl in enumerate(d.implementations, 1):
        code_seed = seed(d.name, -n)
        key = (cache.code_key(impl, impl.target(d), d.facts, code_seed, settings)
               if cache else None)
        known = cache.get(-n, key) if cache is not None else None
        sizes = _stored_sizes(known) if known is not None else None
        if known is not None and sizes is not None:  # stored only when accepted
            out.append(ImplementationResult(impl, Status.OK, len(sizes), sizes, known.reason))
            continue
        try:
            with time_limit(settings.step_budget):
                result = check_implementation(impl, d, settings, seed=code_seed)
        except OutOfTime:
            result = timed_out(impl, settings.step_budget or 0)
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


def answered(d: Derivation, settings: CheckSettings, cache: VerdictCache) -> bool:
    """Whether the cache holds an accepted verdict for every step and implementation of
    ``d`` (under the keys :func:`check_parts` uses; a step it cannot key is not answered)."""
    try:
        prev = d.start
        for index, step in enumerate(d.steps, 1):
            key = cache.key(prev, step, d.facts, seed(d.name, index), settings)
            if key is None or not cache.has(key):
                return False
            prev = step.expr
        for n, impl in enumerate(d.implementations, 1):
            key = cache.code_key(impl, impl.target(d), d.facts, seed(d.name, -n), settings)
            if key is None or not cache.has(key):
                return False
    except Exception:  # whatever goes wrong here, the check proper will report
        return False
    return True
