"""The issue's acceptance check: outside the repository, a derivation written from the docs is
checked by ``derivations check FILE`` and by ``pytest --derivations``; a wrong step fails both."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POISSON = (ROOT / "docs" / "examples" / "poisson.py").read_text()
WRONG = POISSON.replace("Step(lam - y * log(lam)", "Step(lam + y * log(lam)")


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    assert ROOT not in tmp_path.parents
    return tmp_path


def test_a_correct_file_passes_both(fresh):
    (fresh / "poisson.py").write_text(POISSON)
    check = _run(["derivations", "check", "poisson.py"], fresh)
    assert check.returncode == 0, check.stdout + check.stderr
    tests = _run(["pytest", "--derivations", "-p", "no:cacheprovider", "poisson.py"], fresh)
    assert tests.returncode == 0, tests.stdout
    assert "2 passed" in tests.stdout


def test_a_wrong_step_fails_both_with_a_counterexample(fresh):
    assert WRONG != POISSON
    (fresh / "poisson.py").write_text(WRONG)
    check = _run(["derivations", "check", "poisson.py"], fresh)
    assert check.returncode == 1
    assert "counterexample: at y=" in check.stdout
    tests = _run(["pytest", "--derivations", "-p", "no:cacheprovider", "poisson.py"], fresh)
    assert tests.returncode == 1
    assert "counterexample: at y=" in tests.stdout
    assert "2 failed" in tests.stdout


def test_without_the_flag_pytest_collects_no_derivation(fresh):
    (fresh / "poisson.py").write_text(WRONG)
    tests = _run(["pytest", "-p", "no:cacheprovider", "poisson.py"], fresh)
    assert tests.returncode == pytest.ExitCode.NO_TESTS_COLLECTED
