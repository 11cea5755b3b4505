"""The benchmark script: what it measures is right, and its table says what was measured.

No timing is asserted: the script reports figures, these tests only check how.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
_spec = importlib.util.spec_from_file_location("benchmark_run", _PATH)
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)


def _result() -> dict:
    return {
        "runs": 5,
        "fresh_process": {"import sympy (floor)": {"median_s": 0.5},
                          "derivations check (warm cache)": {"median_s": 0.75}},
        "baseline": {"equalities": 3, "naive_s": 6.0, "naive_proved": 2, "naive_timeouts": 1,
                     "naive_limit_s": 60.0, "canonical_s": 0.5, "canonical_proved": 3},
        "scaling": {"softmax_normalisation": {
            "sampled": {"10": {"median_s": 0.01, "ok": True}, "1000": {"median_s": 0.3,
                                                                        "ok": False}},
            "sized": {"10": {"median_s": 0.1, "ok": True}, "1000": {"timeout_s": 60.0}}}},
    }


def test_the_table_gives_ratios_to_the_floor_and_marks_what_was_not_shown():
    lines = run.table(_result())
    assert "| derivations check (warm cache) | 0.750 | 1.50 |" in lines
    assert "| naive `simplify(lhs - rhs) == 0` | 6.000 | 2 (1 stopped after 60 s) |" in lines
    assert "Ratio naive / canonicaliser: 12.0x." in lines
    assert ("| softmax normalisation | sampled | 0.010 s | 0.300 s (not proved) |" in lines)
    assert "| softmax normalisation | sized | 0.100 s | > 60 s |" in lines


def test_the_floor_is_timed_before_every_run(monkeypatch):
    timed: list[list[str]] = []
    monkeypatch.setattr(run, "_timed", lambda cmd, env=None: timed.append(cmd) or 1.0)
    floor: list[float] = []
    run._median(["derivations", "check"], 3, floor=floor)
    assert timed == [run.FLOOR, ["derivations", "check"]] * 3 and floor == [1.0] * 3


@pytest.mark.parametrize("name", run.IDENTITIES)
@pytest.mark.parametrize("method", ["sampled", "sized", "symbolic"])
def test_each_scaling_check_proves_its_true_identity(name, method):
    assert run._scaling(name, method, 3)["ok"] is True


@pytest.mark.parametrize("name", run.IDENTITIES)
def test_a_scaling_check_refutes_the_identity_made_false(name, monkeypatch):
    """The twin: the same checks on a false identity (right side plus one) do not pass."""
    true_identity = run._identity
    monkeypatch.setattr(run, "_identity", lambda n, k: (
        lambda lhs, rhs, facts: (lhs, rhs + 1, facts))(*true_identity(n, k)))
    for method in ("sampled", "sized", "symbolic"):
        assert run._scaling(name, method, 3)["ok"] is False


@pytest.mark.parametrize("edit", [0, 1, 4])
def test_every_save_of_the_watch_benchmark_is_a_true_derivation(tmp_path, edit):
    """Each save edits one step another true way: the watcher must accept every one."""
    from derivations.checking.check import check_all
    from derivations.loader import from_file

    path = tmp_path / "watched.py"
    path.write_text(run.watched_source(3, edit=edit))
    results = check_all(from_file(path))
    assert [r.ok for r in results] == [True] * 3
    assert ("log(a*b**5)" in str(results[0].derivation.steps[-1].expr)) == (edit == 4)


def test_the_table_says_how_the_watch_latency_was_timed():
    result = _result()
    result["fresh_process"]["derivations watch: save to verdict"] = {
        "median_s": 0.1, "runs_s": [0.1] * 10, "reported_median_s": 0.08}
    lines = run.table(result)
    assert "| derivations watch: save to verdict | 0.100 | 0.20 |" in lines
    assert any("the median of 10 saves under one running watcher" in line
               and "own figure (load again, check, report) is 80 ms" in line
               for line in lines)


def test_the_table_says_what_the_warm_check_without_its_stored_report_does():
    result = _result()
    result["fresh_process"][run.NO_REPORT] = {"median_s": 1.0}
    lines = run.table(result)
    assert f"| {run.NO_REPORT} | 1.000 | 2.00 |" in lines
    assert any("with that report deleted" in line for line in lines)


def test_deleting_the_stored_reports_keeps_the_verdicts(tmp_path):
    from derivations.checking.store import FILENAME, Verdict, VerdictCache

    cache = VerdictCache.open(tmp_path)
    assert cache is not None
    cache.put("step", Verdict("symbolic", "", ("symbolic",)))
    cache.keep_report("report", {"text": "ok\n"})
    cache.close()
    env = run._without_reports(tmp_path)
    assert env["DERIVATIONS_CACHE_DIR"] == str(tmp_path)
    again = VerdictCache.open(tmp_path)
    assert again is not None and FILENAME == "verdicts-2.sqlite"
    assert again.report("report") is None and again.has("step")
    again.close()
