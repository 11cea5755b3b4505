"""Red-team finds that change the process they are loaded in (an exit handler, the checker's
own cache object, SymPy's shared facts about a symbol): each runs in a process of its own, as
``derivations check`` runs it, and must never end with status 0 or an accepted step. The
corpus (``test_corpus.py``) loads attacks into the test process itself, which these would
poison for every later test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ATTACKS = Path(__file__).resolve().parents[1] / "data" / "redteam_process"


def _check(path: Path, tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DERIVATIONS_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "derivations", "check", *options, str(path)],
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.parametrize("name, options, expected", [
    # an exit handler os._exit(0): the report says FAILED, so must the status
    ("l13_atexit_hook_sets_exit_status_zero", ("--no-cache",), "FAILED"),
    # symbol assumptions rewritten after the audits: refused as changed since built
    ("l14_symbol_assumptions_mutated_after_audit", ("--no-cache",), "changed after it was built"),
    # a verdict put into the checker's own cache object while the file loads (cache on)
    ("l07_pending_verdict_put_through_the_checkers_cache", (), "discarded"),
])
def test_an_attack_on_its_own_process_is_refused_or_fails(tmp_path, name, options, expected):
    run = _check(ATTACKS / f"{name}.py", tmp_path, *options)
    assert run.returncode != 0, run.stdout + run.stderr
    assert expected in run.stdout + run.stderr
    assert ": ok (" not in run.stdout


def test_a_poisoned_cache_serves_nothing_to_a_later_clean_run(tmp_path):
    """l07 again, then an honest file with the same false step checked against the same cache:
    the forged verdict is gone with the discarded cache."""
    _check(ATTACKS / "l07_pending_verdict_put_through_the_checkers_cache.py", tmp_path)
    clean = tmp_path / "clean.py"
    clean.write_text(
        "from sympy import Symbol\n"
        "from derivations import Derivation, Real, Step, rules\n"
        "x = Symbol('x', real=True)\n"
        "l07_clean = Derivation(name='l07_pending_verdict_put_through_the_checkers_cache',\n"
        "    title='A square', hypotheses=(Real(x),), start=(x + 1) ** 2,\n"
        "    steps=(Step(x ** 2 + 1, rules.algebra, 'expand the square'),))\n")
    run = _check(clean, tmp_path)
    assert run.returncode == 1 and "FAILED" in run.stdout, run.stdout + run.stderr
