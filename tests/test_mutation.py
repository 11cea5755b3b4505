"""The mutation harness: every non-equivalent wrong variant of every catalogue step is killed."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from derivations import mutation
from derivations.cli import main
from derivations.language.results import Evidence, Status, StepResult
from derivations.loader import catalogue
from derivations.mutation import harness
from derivations.mutation.rules import OPERATORS, Site, changes

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def report():
    return mutation.run(catalogue(), jobs=2)


@pytest.mark.slow
def test_full_catalogue_every_non_equivalent_mutant_is_killed(report):
    assert report.survivors == [] and report.crashed == []
    assert report.total >= mutation.MINIMUM_MUTANTS
    assert report.summary().startswith(f"killed {report.total} of {report.total}")


def test_equivalent_mutants_each_carry_a_proof(report):
    assert report.equivalent
    for outcome in report.equivalent:
        assert outcome.reason.startswith(("equivalent:", "still correct:")), outcome


def test_every_operator_produces_mutants(report):
    used = {o.operator for o in report.outcomes}
    for name in ("flip_sign", "swap_families", "drop_term", "duplicate_term", "change_bounds",
                 "shift_index", "wrong_constant", "log_base", "flip_sense",
                 "parameter_constant", "reverse_inequality", "bad_certificate",
                 "remove_hypothesis"):
        assert name in used, name
    assert len(OPERATORS) == 12


def test_a_checker_that_accepts_everything_is_caught(monkeypatch):
    """The twin: with a broken checker the harness reports survivors and fails."""

    def accepts(index, prev, step, facts, settings, *, seed=0, cache=None):
        return StepResult(index, step, prev, Status.OK, Evidence.SYMBOLIC)

    monkeypatch.setattr(harness, "check_step", accepts)
    broken = mutation.run([d for d in catalogue() if d.name == "one_hot_cross_entropy"])
    assert broken.survivors and not broken.ok
    assert "ACCEPTED [symbolic]" in broken.text()


def test_sampled_acceptance_is_listed_apart_from_kills(monkeypatch):
    def sampled(index, prev, step, facts, settings, *, seed=0, cache=None):
        return StepResult(index, step, prev, Status.OK, Evidence.SAMPLED, "numeric agreement")

    monkeypatch.setattr(harness, "check_step", sampled)
    weak = mutation.run([d for d in catalogue() if d.name == "one_hot_cross_entropy"])
    assert weak.ok and weak._with("policy")
    assert "rejected only by the 'symbolic' evidence policy" in weak.summary()


def test_command_line_on_one_derivation(capsys):
    assert main(["mutate", "one_hot_cross_entropy", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "survivors (0)" in out and "killed " in out.splitlines()[-1]


def test_command_line_unknown_name_exits_2(capsys):
    assert main(["mutate", "no_such"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("derivations: error: unknown derivation 'no_such'")


def test_command_line_mutates_the_derivations_of_a_file_not_those_it_cites(capsys):
    """An author's file cites the catalogue's one_hot_cross_entropy: only its own steps and
    code are mutated."""
    assert main(["mutate", str(DATA / "good_step.py"), "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "good_one_hot step 1 [" in out and "one_hot_cross_entropy step" not in out


def test_command_line_survivors_exit_1(monkeypatch, capsys):
    def accepts(index, prev, step, facts, settings, *, seed=0, cache=None):
        return StepResult(index, step, prev, Status.OK, Evidence.SYMBOLIC)

    monkeypatch.setattr(harness, "check_step", accepts)
    assert main(["mutate", "one_hot_cross_entropy", "-j", "1"]) == 1
    assert "survivors (0)" not in capsys.readouterr().out


def test_the_checks_run_under_the_settings_given(monkeypatch):
    """The harness passes its settings to every check of a step and of a reference
    implementation."""
    from derivations.settings import CheckSettings

    seen = []

    def spy(function):
        def spied(*args, seed=0, **kwargs):
            seen.append(args[-1])
            return function(*args, seed=seed, **kwargs)
        return spied

    monkeypatch.setattr(harness, "check_step", spy(harness.check_step))
    monkeypatch.setattr(harness, "check_implementation", spy(harness.check_implementation))
    settings = CheckSettings(code_points=9)
    d = [d for d in catalogue() if d.name == "one_hot_cross_entropy"]
    assert mutation.run(d, settings=settings).ok
    assert len(seen) > 10 and all(s is settings for s in seen)


def test_python_dash_m_runs_the_command():
    done = subprocess.run([sys.executable, "-m", "derivations.mutation", "no_such"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("derivations: error: unknown derivation 'no_such'")
    done = subprocess.run([sys.executable, "-m", "derivations.mutation", "--help"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "usage: derivations mutate [-h]" in done.stdout


def test_mutants_of_a_step_are_distinct_and_change_something():
    d = next(d for d in catalogue() if d.name == "gibbs_inequality")
    site = Site(d, 2, d.steps[0].expr)
    found = list(changes(site))
    assert {c.operator for c in found} >= {"flip_sign", "bad_certificate", "reverse_inequality"}
    for c in found:
        assert (c.step != site.step or c.facts != d.facts or c.prev != site.prev), c.detail


# -- the reference implementations ---------------------------------------------------------------


def test_every_code_operator_produces_mutants_and_each_is_killed(report):
    from derivations.mutation.code import OPERATORS as CODE_OPERATORS

    code = [o for o in report.outcomes if o.operator.startswith("code_")]
    assert {o.operator for o in code} == set(CODE_OPERATORS)
    assert len(code) >= 100 and all(o.verdict == "killed" for o in code), [
        o.line() for o in code if o.verdict != "killed"]


def _label_loss(q, y):
    return -math.log(q[y]) / 2


def test_a_function_gets_one_mutant_per_place_and_operator():
    """Mutants are compiled in the function's module: its names (math) resolve as before."""
    from derivations.mutation.code import code_changes

    label_loss = _label_loss
    changes = [(c.operator, c.detail.split(": ", 1)[1]) for c in code_changes(label_loss)]
    assert changes == [
        ("code_operator", "-math.log(q[y]) / 2 -> -math.log(q[y]) * 2"),
        ("code_drop_minus", "-math.log(q[y]) -> math.log(q[y])"),
        ("code_constant", "2 -> 3"),
        ("code_function", "math.log(q[y]) -> math.log2(q[y])"),
        ("code_fixed_index", "q[y] -> q[0]"),
    ]
    wrong = dict((c.operator, c.function) for c in code_changes(label_loss))
    q = [0.25, 0.5]
    assert wrong["code_fixed_index"](q, 1) == -math.log(0.25) / 2 != label_loss(q, 1)
    assert wrong["code_function"](q, 1) == -math.log2(0.5) / 2


def test_an_implementation_checker_that_accepts_everything_is_caught(monkeypatch):
    """The twin: with a broken implementation check, the code mutants survive."""
    from derivations.language.results import ImplementationResult

    def accepts(impl, d, settings, *, seed=0):
        return ImplementationResult(impl, Status.OK, 10, (), "numeric agreement")

    monkeypatch.setattr(harness, "check_implementation", accepts)
    broken = mutation.run([d for d in catalogue() if d.name == "one_hot_cross_entropy"])
    survivors = [o for o in broken.survivors if o.operator.startswith("code_")]
    assert survivors and not broken.ok
    assert "code label_cross_entropy" in survivors[0].where
