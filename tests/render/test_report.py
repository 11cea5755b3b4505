"""The text and JSON reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from derivations.catalogue import CATALOGUE
from derivations.checking.check import check_all
from derivations.language.results import Evidence
from derivations.pipeline import check
from derivations.render.report import as_json, text

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def results():
    """The catalogue's results, checked once for the module's reports."""
    return check_all(CATALOGUE)


def test_json_is_deterministic_and_complete(results):
    a = as_json(results, {"sympy": "x"})
    b = as_json(check_all(CATALOGUE), {"sympy": "x"})
    assert a == b
    data = json.loads(a)
    assert data["ok"] is True
    assert {d["weakest_evidence"] for d in data["derivations"]} == {"symbolic"}
    assert len(data["derivations"]) == len(CATALOGUE)


def test_text_report_summary_counts(results):
    steps = sum(len(d.steps) for d in CATALOGUE)
    out = text(results)
    assert out.endswith(f"{len(CATALOGUE)} derivations, {steps} steps: {steps} symbolic, 0 sized, "
                        "0 sampled, 0 failed; 0 derivations failed\n")


@pytest.mark.parametrize(("source", "summary"), [
    ("sampled_only.py", "1 derivation, 1 step: 0 symbolic, 0 sized, 1 sampled, 0 failed; "
                        "0 derivations failed"),
    ("wrong_step.py", "1 derivation, 2 steps: 1 symbolic, 0 sized, 0 sampled, 1 failed; "
                      "1 derivation failed"),
    ("wrong_code.py", "2 derivations, 3 steps: 3 symbolic, 0 sized, 0 sampled, 0 failed; "
                      "1 derivation failed"),
])
def test_text_report_counts_every_grade_in_order_and_the_failures(source, summary):
    assert text(check([str(DATA / source)])).splitlines()[-1] == summary


def test_a_reference_implementation_is_sampled_evidence_in_the_json_report():
    data = json.loads(as_json(check([str(DATA / "wrong_code.py")]), {"sympy": "x"}))
    graded = {i["status"]: i["evidence"] for d in data["derivations"]
              for i in d.get("implementations", [])}
    assert graded == {"ok": Evidence.SAMPLED.value, "failed": None}


def test_a_derivation_with_reference_code_says_its_code_is_sampled():
    """Red-team k02: the report line of a derivation whose steps are symbolic but whose code is
    checked by sampling said "weakest evidence: symbolic" and nothing of the code."""
    from derivations.catalogue import CATALOGUE

    with_code = [d for d in CATALOGUE if d.implementations][:1]
    without = [d for d in CATALOGUE if not d.implementations][:1]
    report = text(check_all([*with_code, *without]))
    lines = [line for line in report.splitlines() if ": ok (" in line]
    assert lines[0].endswith("; reference code: sampled)")
    assert "reference code" not in lines[1]


def test_a_long_counterexample_names_its_first_values_and_counts_the_rest():
    from derivations.language.results import Counterexample

    values = tuple((f"q[{n}]", "0.5") for n in range(1, 101))
    text_ = Counterexample(values, "1", "2").describe()
    assert "q[16]=0.5 and 84 more values (all in the JSON report): the left side" in text_
    assert "q[17]" not in text_
    assert Counterexample(values, "1", "2").as_json()["values"]["q[100]"] == "0.5"
