"""The README's two set-up commands stay true: CI runs exactly the test command."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    lines = (ROOT / "README.md").read_text().splitlines()
    return [line.strip() for line in lines[:12] if line.startswith("    ")]


def test_readme_opens_with_two_commands():
    main_job, tests = _commands()
    assert "derivations build --pdf" in main_job and "derivations check" in main_job
    assert tests.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    _, tests = _commands()
    assert tests in (ROOT / ".ci" / "run").read_text().splitlines()
