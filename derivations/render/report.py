"""Reports of a check: a readable per-step text, and the versioned JSON report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from derivations.checking.digest import bounded_sha256
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts
from derivations.language.results import (
    DerivationResult,
    Evidence,
    ImplementationResult,
    StepResult,
)
from derivations.settings import DEFAULT

#: The version of the JSON report's format; ``derivations/schema/report-<SCHEMA>.schema.json``
#: describes it. Adding an optional field keeps the number; changing or removing one bumps it.
SCHEMA = 2


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _grade(r: StepResult) -> str:
    """A step's grade, or its status in capitals when it did not pass."""
    return r.evidence.value if r.ok and r.evidence else r.status.value.upper()


def _tally(grades: Counter[Evidence | None]) -> str:
    """``3 symbolic, 0 sized, 1 sampled, 0 failed`` (``None``: failed)."""
    return ", ".join([*(f"{grades[e]} {e.value}" for e in Evidence), f"{grades[None]} failed"])


def _step_line(r: StepResult, reasons: bool = True) -> str:
    grade = _grade(r)
    line = f"  {r.index:>2}. {r.step.rule.name:<20} {grade:<9}"
    line += f" {r.step.why}" if reasons else ""
    line = line.rstrip()
    if not r.ok:
        line += f"\n      -> {r.reason}"
        if r.counterexample is not None:
            line += f"\n      -> counterexample: {r.counterexample.describe()}"
    elif r.evidence is not Evidence.SYMBOLIC:
        line += f"  [weaker evidence: {r.reason}]"
    return line


def _what(r: ImplementationResult) -> str:
    equals = r.implementation.equals
    return f"the {equals}" if equals in ("start", "end") else "the given expression"


def _code_line(r: ImplementationResult) -> str:
    """One reference implementation: sampled agreement, or the failure and its counterexample."""
    grade = Evidence.SAMPLED.value if r.ok else r.status.value.upper()
    line = f"  code {r.implementation.signature:<30} {grade:<9} computes {_what(r)}"
    if r.ok:
        sizes = sorted({n for point in r.sizes for n in point})
        line += f" [{r.reason}" + (f"; sizes {sizes[0]} to {sizes[-1]}]" if sizes else "]")
        return line
    line += f"\n      -> {r.reason}"
    if r.counterexample is not None:
        line += f"\n      -> counterexample: {r.mismatch()}"
    return line


def text(results: Sequence[DerivationResult], *, reasons: bool = True) -> str:
    """The report a person reads: one block per derivation, a summary line at the end.
    ``reasons=False`` leaves out each step's justification (the notebook shows it typeset
    above the cell that prints this)."""
    blocks = []
    grades: Counter[Evidence | None] = Counter()  # None: failed
    for res in results:
        d = res.derivation
        if res.ok:
            weakest = res.weakest.value if res.weakest else "none"
            head = f"{d.name}: ok ({_count(len(res.steps), 'step')}, weakest evidence: {weakest}"
            if res.implementations:  # code is checked by sampling only, whatever the steps
                head += f"; reference code: {Evidence.SAMPLED.value}"
            head += ")"
        else:
            bad = sum(not s.ok for s in res.steps)
            head = f"{d.name}: FAILED ({bad} of {_count(len(res.steps), 'step')} failed"
            if res.implementations:
                wrong = sum(not i.ok for i in res.implementations)
                head += (f"; {wrong} of {_count(len(res.implementations), 'implementation')} "
                         "failed")
            head += ")"
        lines = [head, *(f"  ! {p}" for p in res.problems),
                 *(_step_line(s, reasons) for s in res.steps),
                 *map(_code_line, res.implementations)]
        blocks.append("\n".join(lines))
        for s in res.steps:
            grades[s.evidence if s.ok else None] += 1
    total = sum(grades.values())
    failed = sum(not r.ok for r in results)
    code = [i for r in results for i in r.implementations]
    summary = (f"{_count(len(results), 'derivation')}, {_count(total, 'step')}: "
               + _tally(grades) + f"; {_count(failed, 'derivation')} failed")
    if code:  # the reference implementations, on a line of their own before the summary
        agree = sum(i.ok for i in code)
        summary = (f"{_count(len(code), 'reference implementation')}: {agree} agree with "
                   f"their derived expressions at random points (sampled evidence), "
                   f"{len(code) - agree} failed\n" + summary)
    return "\n\n".join(blocks) + "\n\n" + summary + "\n"


def _step_json(r: StepResult, facts: Facts, budget: float | None) -> dict[str, Any]:
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
        "canonical_sha256": bounded_sha256(r.step.expr, facts, budget),
    }


def _code_json(r: ImplementationResult, d: Derivation) -> dict[str, Any]:
    return {
        "function": r.implementation.qualified_name,
        "signature": r.implementation.signature,
        "equals": r.implementation.equals if isinstance(r.implementation.equals, str)
        else "expression",
        "expression": str(r.implementation.target(d)),
        "status": r.status.value,
        "evidence": Evidence.SAMPLED.value if r.ok else None,
        "points": r.points,
        "reason": r.reason,
        "counterexample": r.counterexample.as_json() if r.counterexample else None,
        "call": r.call or None,
    }


def as_json(results: Sequence[DerivationResult], versions: dict[str, str],
            budget: float | None = DEFAULT.step_budget,
            sources: Sequence[SourceLines] = ()) -> str:
    """The machine-readable report (``schema`` 2), deterministic for the same results.

    ``versions`` names the package and SymPy versions that produced it. The format is described
    by the JSON Schema ``derivations/schema/report-2.schema.json`` shipped with the package.
    Each step's canonical digest gets ``budget`` seconds (the step budget), as its check did;
    past it, or where the canonical form cannot be computed, the digest is ``null``.
    """
    where = {name: (source.file, lines) for source in sources
             for name, lines in source.steps.items()}
    payload = {
        "schema": SCHEMA,
        "versions": versions,
        "ok": all(r.ok for r in results) and all(source.ok for source in sources),
        "derivations": [{
            "name": r.derivation.name,
            "title": r.derivation.title,
            "status": r.status.value,
            "weakest_evidence": r.weakest.value if r.weakest else None,
            "cites": list(r.derivation.cites),
            "problems": list(r.problems),
            "steps": [{**_step_json(s, r.derivation.facts, budget),
                       **({"line": where[r.derivation.name][1][s.index - 1]}
                          if r.derivation.name in where else {})} for s in r.steps],
            **({"implementations": [_code_json(i, r.derivation) for i in r.implementations]}
               if r.implementations else {}),
            **({"source": where[r.derivation.name][0]} if r.derivation.name in where else {}),
        } for r in results],
        **({"sources": [{"file": source.file, "rows": source.rows, "rows_read": source.rows_read,
                         "hypotheses": list(source.hypotheses),
                         "unread": [{"line": line, "reason": why}
                                    for line, why in source.unread],
                         "notes": [{"line": line, "reason": why}
                                   for line, why in source.notes]}
                        for source in sources]} if sources else {}),
    }
    return json.dumps(payload, indent=2, sort_keys=False) + "\n"


@dataclass(frozen=True)
class SourceLines:
    """Where the derivations read from one ``.tex`` file stand in it: the line of each step
    (by derivation name), the rows that were not read (line, why), and how many rows were
    read out of how many."""

    file: str
    steps: dict[str, list[int]]
    unread: tuple[tuple[int, str], ...] = ()
    rows_read: int = 0
    rows: int = 0
    #: what the report says besides, which does not fail the check: (line, text)
    notes: tuple[tuple[int, str], ...] = ()
    #: the file's hypotheses (LaTeX), which hold for every chain: its declarations are not in
    #: the PDF, so the report shows what was assumed
    hypotheses: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.unread


def lines_text(results: Sequence[DerivationResult], sources: Sequence[SourceLines]) -> str:
    """The report of ``.tex`` files, one line per row in the file's order
    (``notes.tex:42: step 3 (one_hot_collapse) symbolic``), a counterexample under a wrong
    row, and a summary per file."""
    by_name = {r.derivation.name: r for r in results}
    blocks = []
    for source in sources:
        entries: list[tuple[int, int, str]] = []
        grades: Counter[Evidence | None] = Counter()
        whole = 0  # chains that fail as a whole (a problem outside their steps)
        for name, lines in source.steps.items():
            res = by_name.get(name)
            if res is None:
                continue
            for problem in res.problems:
                entries.append((lines[0], 0, f"! the chain fails: {problem}"))
            whole += bool(res.problems)
            for s, line in zip(res.steps, lines, strict=True):
                grades[s.evidence if s.ok else None] += 1
                text_ = f"step {s.index} ({s.step.rule.name}) {_grade(s)}"
                if not s.ok:
                    text_ += f": {s.reason}"
                    if s.counterexample is not None:
                        text_ += f"\n    counterexample: {s.counterexample.describe()}"
                elif s.evidence is not Evidence.SYMBOLIC:
                    text_ += f" [weaker evidence: {s.reason}]"
                entries.append((line, s.index, text_))
        entries.extend((line, 0, why) for line, why in (*source.unread, *source.notes))
        shown = [f"{source.file}: assumed for every chain: " + "; ".join(source.hypotheses)] \
            if source.hypotheses else []
        shown += [f"{source.file}:{line}: {text_}" for line, _, text_ in sorted(entries)]
        total = sum(grades.values())
        shown.append(f"{source.file}: {source.rows_read} of {_count(source.rows, 'row')} read; "
                     f"{_count(total, 'step')} checked: " + _tally(grades)
                     + (f"; {_count(whole, 'chain')} failed as a whole (! above)" if whole
                        else "")
                     + (f"; {_count(len(source.unread), 'row')} not read or not checked"
                        if source.unread else ""))
        blocks.append("\n".join(shown))
    return "\n\n".join(blocks) + "\n"
