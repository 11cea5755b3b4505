"""Reports of a check: a readable per-step text, and the versioned JSON report."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sympy import Basic, srepr

from derivations.engine.canonical import canonical
from derivations.engine.hypotheses import Facts
from derivations.engine.notation import Optimum
from derivations.engine.results import DerivationResult, Evidence, StepResult

#: The version of the JSON report's format; ``derivations/schema/report-<SCHEMA>.schema.json``
#: describes it. Adding an optional field keeps the number; changing or removing one bumps it.
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


def canonical_hash(expr: Basic, facts: Facts) -> str:
    """SHA-256 of ``srepr`` of the canonical form of ``expr`` under ``facts``.

    Equal for two spellings of the same expression that the canonicaliser identifies (a sum
    over ``j`` and over ``l``), and identical from run to run (``srepr`` does not depend on
    ``PYTHONHASHSEED``). For an optimiser set, the objective is canonicalised.
    """
    if isinstance(expr, Optimum):
        form: Basic = expr.with_objective(canonical(expr.objective, facts))
    else:
        form = canonical(expr, facts)
    return hashlib.sha256(srepr(form).encode("utf-8")).hexdigest()


def _step_json(r: StepResult, facts: Facts) -> dict[str, Any]:
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
        "canonical_sha256": canonical_hash(r.step.expr, facts),
    }


def as_json(results: Sequence[DerivationResult], versions: dict[str, str]) -> str:
    """The machine-readable report (``schema`` 1), deterministic for the same results.

    ``versions`` names the package and SymPy versions that produced it. The format is described
    by the JSON Schema ``derivations/schema/report-1.schema.json`` shipped with the package.
    """
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
            "steps": [_step_json(s, r.derivation.facts) for s in r.steps],
        } for r in results],
    }
    return json.dumps(payload, indent=2, sort_keys=False) + "\n"
