"""A derivation's own parts: its steps, its reference implementations and its equality case.

None of them depends on any other derivation, so a derivation's parts can be checked in any
process and in any order (``checking.parallel``); its citations are judged afterwards, in
citation order (``checking.check``).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace

from sympy import Basic, Product, Sum
from sympy.printing.str import sstr

from derivations.checking import integrity
from derivations.checking.budget import OutOfTime, time_limit
from derivations.checking.grade import check_step
from derivations.checking.key import Unkeyable, derivation_key
from derivations.checking.store import Verdict, VerdictCache
from derivations.evidence.code import check_implementation, timed_out
from derivations.kernel import equality_case, judge
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Definition
from derivations.language.implementation import Implementation
from derivations.language.results import Evidence, ImplementationResult, Status, StepResult
from derivations.language.step import Step
from derivations.settings import CheckSettings

#: The printed text of an expression by identity, the expression kept (so that its id stays
#: its own), at most this many: a step's previous expression is the step before's, and a check
#: in several processes seeds every step twice (``checking.parallel`` looks it up first).
_PRINTED: dict[int, tuple[Basic, str]] = {}
_PRINTED_KEPT = 100_000


def _printed(e: Basic) -> str:
    """``str(e)``, printed once per object."""
    known = _PRINTED.get(id(e))
    if known is not None and known[0] is e:
        return known[1]
    text = str(e) if not _infinite(e) else sstr(e, order="none")
    if len(_PRINTED) >= _PRINTED_KEPT:
        _PRINTED.clear()
    _PRINTED[id(e)] = (e, text)
    return text


def _infinite(e: Basic) -> bool:
    """Whether ``e`` has an infinite sum or product: SymPy's ``str`` orders the terms of a sum
    by their numeric values, and evaluating a slowly converging or divergent series takes
    minutes; such an expression is printed in its own (canonical) order of terms instead."""
    return any(b.is_infinite for s in e.atoms(Sum, Product) for _, lo, hi in s.limits
               for b in (lo, hi))


def step_seed(prev: Basic, step: Step) -> int:
    """The sampling seed of a step: drawn from what the step says (its two sides, relation and
    rule), so that renaming or reordering derivations draws the same points. Part of every
    cache key."""
    relation = step.relation.value if step.relation is not None else ""
    return zlib.crc32(f"{_printed(prev)}|{_printed(step.expr)}|{relation}|{step.rule.name}"
                      .encode())


def code_seed(impl: Implementation, target: Basic) -> int:
    """The sampling seed of a reference implementation: its function and its expression."""
    return zlib.crc32(f"{impl.qualified_name}|{impl.signature}|{target}".encode())


@dataclass(frozen=True)
class Parts:
    """What checking ``d`` itself finds, before its citations are judged."""

    steps: tuple[StepResult, ...]
    equality_problems: tuple[str, ...]
    implementations: tuple[ImplementationResult, ...]


def check_parts(d: Derivation, settings: CheckSettings,
                cache: VerdictCache | None = None) -> Parts:
    """What checking ``d`` itself finds. With a ``cache`` that remembers whole derivations
    (``derivations watch``), a derivation interchangeable with one whose parts were all
    accepted in this process (:func:`checking.key.derivation_key`) gets those parts again,
    joined to its own steps, without a step being looked at."""
    memo = _memo_key(d, settings) if cache is not None and cache.remember else None
    if cache is not None and memo is not None:
        kept = cache.recall(memo)
        if isinstance(kept, Parts):
            return _joined(kept, d)
    results = []
    prev = d.start
    for index, step in enumerate(d.steps, 1):
        results.append(check_step(index, prev, step, d.facts, settings,
                                  seed=step_seed(prev, step), cache=cache))
        prev = step.expr
    parts = Parts(tuple(results), (*_weighted_logs(d), *equality_case.problems(d)),
                  _check_code(d, settings, cache))
    if cache is not None:
        cache.flush()
        if memo is not None and not parts.equality_problems and all(
                r.ok for r in parts.steps) and all(r.ok for r in parts.implementations):
            cache.keep(memo, parts)  # only accepted parts, as the verdict cache keeps
    return parts


def _weighted_logs(d: Derivation) -> list[str]:
    """A problem for each definition whose formula has a plain ``c log y`` that prints as a
    weighted log (``judge.plain_weighted_log``): read with 0 log 0 = 0, checked without."""
    problems = []
    for h in d.hypotheses:
        if isinstance(h, Definition):
            found = judge.plain_weighted_log(h.formula.expr, d.facts)
            if found is not None:
                problems.append(
                    f"the definition of {h.function} has the product {found}, which prints as "
                    "a weighted log (read with 0 log 0 = 0) but is undefined where its log's "
                    "argument is 0: write xlogy(weight, argument), or make the argument "
                    "positive")
    return problems


def _memo_key(d: Derivation, settings: CheckSettings) -> str | None:
    try:
        return derivation_key(d, settings)
    except Unkeyable:
        return None
    except Exception:  # whatever goes wrong here, the check proper will meet and report
        return None


def _joined(kept: Parts, d: Derivation) -> Parts:
    """Parts found for an interchangeable derivation, joined to ``d``'s own step objects."""
    steps, prev = [], d.start
    for result, step in zip(kept.steps, d.steps, strict=True):
        steps.append(replace(result, step=step, previous=prev))
        prev = step.expr
    code = tuple(replace(result, implementation=impl)
                 for result, impl in zip(kept.implementations, d.implementations, strict=True))
    return Parts(tuple(steps), kept.equality_problems, code)


def _check_code(d: Derivation, settings: CheckSettings,
                cache: VerdictCache | None) -> tuple[ImplementationResult, ...]:
    """Each reference implementation of ``d`` against its expression, within the step budget;
    with a ``cache``, an accepted verdict on exactly this code and expression is reused."""
    out = []
    for n, impl in enumerate(d.implementations, 1):
        seed = code_seed(impl, impl.target(d))
        key = (cache.code_key(impl, impl.target(d), d.facts, seed, settings)
               if cache else None)
        known = cache.get(-n, key) if cache is not None else None
        sizes = _stored_sizes(known) if known is not None else None
        if known is not None and sizes is not None:  # stored only when accepted
            out.append(ImplementationResult(impl, Status.OK, len(sizes), sizes, known.reason))
            continue
        try:
            with time_limit(settings.step_budget):
                result = check_implementation(impl, d, settings, seed=seed)
        except OutOfTime:
            result = timed_out(impl, settings.step_budget or 0)
        finally:
            integrity.forget()  # the author's function ran: nothing it left in a memo stays
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
        for step in d.steps:
            key = cache.key(prev, step, d.facts, step_seed(prev, step), settings)
            if key is None or not cache.has(key):
                return False
            prev = step.expr
        for impl in d.implementations:
            key = cache.code_key(impl, impl.target(d), d.facts, code_seed(impl, impl.target(d)),
                                 settings)
            if key is None or not cache.has(key):
                return False
    except Exception:  # whatever goes wrong here, the check proper will report
        return False
    return True
