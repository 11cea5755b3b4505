"""Reports of a check: a readable per-step text, and the versioned JSON report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from derivations.engine.results import DerivationResult, Evidence, StepResult

SCHEMA = 1


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _step_line(r: StepResult) -> str:
    grade = r.evidence.value if r.ok and r.evidence else r.status.value.upper()
    line = f"  {r.index:>2}. {r.step.rule.name:<20} {grade:<9} {r.step.why}"
    if not r.ok:
        line += f"\n      -> {r.reason}"
        if r.counterexample is not None:
            line += f"\n      -> counterexample: {r.counterexample.describe()}"
    elif r.evidence is not Evidence.SYMBOLIC:
        line += f"  [weaker evidence: {r.reason}]"
    return line


def text(results: Sequence[DerivationResult]) -> str:
    """The report a person reads: one block per derivation, a summary line at the end."""
    blocks = []
    grades: Counter[str] = Counter()
    for res in results:
        d = res.derivation
        if res.ok:
            weakest = res.weakest.value if res.weakest else "none"
            head = f"{d.name}: ok ({_count(len(res.steps), 'step')}, weakest evidence: {weakest})"
        else:
            bad = sum(not s.ok for s in res.steps)
            head = f"{d.name}: FAILED ({bad} of {_count(len(res.steps), 'step')} failed)"
        lines = [head, *(f"  ! {p}" for p in res.problems), *map(_step_line, res.steps)]
        blocks.append("\n".join(lines))
        for s in res.steps:
            grades[s.evidence.value if s.ok and s.evidence else "failed"] += 1
    total = sum(grades.values())
    failed = sum(not r.ok for r in results)
    summary = (f"{_count(len(results), 'derivation')}, {_count(total, 'step')}: "
               + ", ".join(f"{grades[g]} {g}" for g in ("symbolic", "sized", "sampled", "failed"))
               + f"; {_count(failed, 'derivation')} failed")
    return "\n\n".join(blocks) + "\n\n" + summary + "\n"


def _step_json(r: StepResult) -> dict[str, Any]:
    return {
        "index": r.index,
        "rule": r.step.rule.name,
        "relation": (r.step.relation.value if r.step.relation else None),
        "evidence": r.evidence.value if r.evidence else None,
        "status": r.status.value,
        "counterexample": r.counterexample.as_json() if r.counterexample else None,
        "why": r.step.why,
        "reason": r.reason,
        "cites": list(r.step.cites),
        "conditions": [{"text": c.text, "holds": c.holds} for c in r.conditions],
        "tried": list(r.tried),
        "expression": str(r.step.expr),
    }


def as_json(results: Sequence[DerivationResult], versions: dict[str, str]) -> str:
    """The machine-readable report (``schema`` 1), deterministic for the same results."""
    payload = {
        "schema": SCHEMA,
        "versions": versions,
        "ok": all(r.ok for r in results),
        "derivations": [{
            "name": r.derivation.name,
            "title": r.derivation.title,
            "status": r.status.value,
            "weakest_evidence": r.weakest.value if r.weakest else None,
            "cites": list(r.derivation.cites),
            "problems": list(r.problems),
            "steps": [_step_json(s) for s in r.steps],
        } for r in results],
    }
    return json.dumps(payload, indent=2, sort_keys=False) + "\n"
