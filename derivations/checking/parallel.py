"""Checking in several processes: the same verdicts as one process, sooner on several cores.

A derivation's own parts (its steps, its reference implementations, its equality case) do not
depend on any other derivation, so each can be checked in a worker; the parent then judges the
citations in citation order, exactly as a serial check does (``check.assemble``).

Only derivations with something to prove are worth a process: the parent first looks every
step and implementation up in the verdict cache (cheap) and keeps the fully answered ones for
itself. Workers are forked, so they inherit the loaded derivations instead of receiving them;
each opens the cache file on its own (SQLite handles the concurrent writers) and sends its
verdicts back as plain data, which the parent joins to its own step objects, with the rows it
wrote to the cache (the parent's sealed cache expects them: ``VerdictCache.expect``). Where
processes cannot be used (no ``fork``, or a worker that fails), the parent checks serially, so
the worst case is the serial answer, later.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from derivations.checking.parts import Parts, answered, check_parts
from derivations.checking.store import VerdictCache
from derivations.language.derivation import Derivation
from derivations.language.results import ImplementationResult, StepResult
from derivations.settings import DEFAULT, CheckSettings

#: What the workers check, under which settings (set in the parent just before the fork), and
#: the cache they open.
_queue: list[Derivation] = []
_settings: CheckSettings = DEFAULT
_cache_folder: Path | None = None
_worker_cache: VerdictCache | None = None


def check_in_processes(order: Sequence[Derivation], settings: CheckSettings,
                       cache: VerdictCache | None, jobs: int) -> dict[str, Parts]:
    """The parts of each derivation in ``order`` that has anything left to prove, checked in
    up to ``jobs`` processes; {} where the caller should check serially."""
    global _queue, _settings, _cache_folder
    if "fork" not in multiprocessing.get_all_start_methods():
        return {}
    todo = [d for d in order if cache is None or not answered(d, settings, cache)]
    if len(todo) < 2:
        return {}
    todo.sort(key=lambda d: -(len(d.steps) + 3 * len(d.implementations)))  # longest first
    _queue, _settings = todo, settings
    _cache_folder = cache.path.parent if cache is not None and cache.usable else None
    sys.stdout.flush()  # a forked worker flushes what it inherited: nothing, then
    sys.stderr.flush()
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(todo))) as pool:
            found = pool.map(_work, range(len(todo)), chunksize=1)
    except Exception:  # the serial check will meet the same problem and report it properly
        return {}
    finally:
        _queue, _settings, _cache_folder = [], DEFAULT, None
    if cache is not None:  # the workers' writes are the checker's
        cache.expect([row for data in found for row in data[-1]])
    restored = {d.name: _restore(d, data[:-1]) for d, data in zip(todo, found, strict=True)}
    return {name: parts for name, parts in restored.items() if parts is not None}


def _work(position: int) -> tuple[Any, ...]:
    """In a worker: check one derivation's parts, as plain data."""
    global _worker_cache
    if _cache_folder is not None and _worker_cache is None:
        _worker_cache = VerdictCache.open(_cache_folder)
    parts = check_parts(_queue[position], _settings, _worker_cache)
    steps = tuple((r.status, r.evidence, r.reason, r.counterexample,
                   tuple((c.text, c.holds, c.detail) for c in r.conditions), r.tried)
                  for r in parts.steps)
    code = tuple((r.status, r.points, r.sizes, r.reason, r.counterexample, r.call)
                 for r in parts.implementations)
    written = _worker_cache.written() if _worker_cache is not None else []
    return steps, parts.equality_problems, code, written


def _restore(d: Derivation, data: tuple[Any, ...]) -> Parts | None:
    """A worker's plain data joined to the parent's own steps and implementations. A side
    condition's formula may hold objects that cannot travel between processes, so the parent
    states the conditions again (cheap, and pure) and compares them with the worker's; None
    (check it here) should they ever differ."""
    steps_data, equality_problems, code_data = data
    steps, prev = [], d.start
    for index, (step, item) in enumerate(zip(d.steps, steps_data, strict=True), 1):
        status, evidence, reason, counterexample, stated, tried = item
        conditions = tuple(step.rule.conditions(prev, step.expr, d.facts)) if stated else ()
        if tuple((c.text, c.holds, c.detail) for c in conditions) != stated:
            return None
        steps.append(StepResult(index, step, prev, status, evidence, reason, counterexample,
                                conditions, tried))
        prev = step.expr
    code = tuple(ImplementationResult(impl, *item)
                 for impl, item in zip(d.implementations, code_data, strict=True))
    return Parts(tuple(steps), equality_problems, code)
