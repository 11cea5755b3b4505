"""Timings of the checker, each the median of several runs in fresh processes.

    python benchmarks/run.py [--runs N] [--json FILE]

Measures the floor (``python -c "import sympy"``), ``derivations check`` of the catalogue,
``derivations build`` with and without the PDF, and the naive baseline that other step checkers
use, ``simplify(lhs - rhs) == 0``, on exactly the catalogue's equality checks. No timing here is
asserted anywhere: this script reports, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _fresh(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _pairs() -> list[tuple[str, object, object]]:
    """(label, lhs, rhs) for every equality the checker proves in the catalogue."""
    from derivations.catalogue import CATALOGUE
    from derivations.engine.notation import Optimum
    from derivations.engine.step import Relation

    pairs = []
    for d in CATALOGUE:
        prev = d.start
        for n, step in enumerate(d.steps, 1):
            new = step.expr
            if isinstance(prev, Optimum):
                transform = step.rule.transform
                lhs = transform(prev.objective) if transform is not None else prev.objective
                pairs.append((f"{d.name}:{n}", lhs, new.objective))  # type: ignore[attr-defined]
            elif step.relation is Relation.EQ:
                pairs.append((f"{d.name}:{n}", prev, new))
            prev = new
    return pairs


def _in_process() -> dict[str, float | int]:
    from sympy import simplify

    from derivations.catalogue import CATALOGUE
    from derivations.engine.canonical import prepare, prove_equal
    from derivations.engine.checker import check_all

    pairs = _pairs()
    facts = {d.name: d.facts for d in CATALOGUE}
    start = time.perf_counter()
    naive_proved = 0
    for label, lhs, rhs in pairs:
        f = facts[label.split(":")[0]]
        naive_proved += bool(simplify(prepare(lhs, f) - prepare(rhs, f)) == 0)
    naive = time.perf_counter() - start
    start = time.perf_counter()
    ours_proved = sum(prove_equal(lhs, rhs, facts[label.split(":")[0]])
                      for label, lhs, rhs in pairs)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    check_all(CATALOGUE)
    full = time.perf_counter() - start
    return {"equalities": len(pairs), "naive_simplify_s": naive, "naive_proved": naive_proved,
            "canonical_s": ours, "canonical_proved": ours_proved, "check_all_in_process_s": full}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as out:
        rows = {
            "import sympy (floor)": _fresh([py, "-c", "import sympy"], args.runs),
            "derivations check": _fresh([py, "-m", "derivations", "check"], args.runs),
            "derivations build": _fresh([py, "-m", "derivations", "build", "--out", out],
                                        args.runs),
            "derivations build --pdf": _fresh(
                [py, "-m", "derivations", "build", "--pdf", "--out", out], max(1, args.runs // 2)),
        }
    inner = _in_process()
    floor = rows["import sympy (floor)"]
    print(f"machine: {platform.machine()}, {platform.python_implementation()} "
          f"{platform.python_version()}, median of {args.runs} fresh processes")
    print(f"{'what':<28}{'seconds':>9}{'x floor':>9}")
    for name, secs in rows.items():
        print(f"{name:<28}{secs:>9.3f}{secs / floor:>9.2f}")
    print(f"\nsame {inner['equalities']} equalities, in process:")
    print(f"  naive simplify(lhs - rhs) == 0: {inner['naive_simplify_s']:.3f} s, "
          f"proves {inner['naive_proved']}")
    print(f"  canonicaliser (prove_equal):    {inner['canonical_s']:.3f} s, "
          f"proves {inner['canonical_proved']}")
    print(f"  full check of the catalogue (with sampling): "
          f"{inner['check_all_in_process_s']:.3f} s")
    if args.json:
        args.json.write_text(json.dumps({"fresh_process_s": rows, "in_process": inner},
                                        indent=2) + "\n")


if __name__ == "__main__":
    main()
