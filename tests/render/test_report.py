"""The text and JSON reports."""

from __future__ import annotations

import json

from derivations.catalogue import CATALOGUE
from derivations.checking.check import check_all
from derivations.render.report import as_json, text


def test_json_is_deterministic_and_complete():
    results = check_all(CATALOGUE)
    a = as_json(results, {"sympy": "x"})
    b = as_json(check_all(CATALOGUE), {"sympy": "x"})
    assert a == b
    data = json.loads(a)
    assert data["ok"] is True
    assert {d["weakest_evidence"] for d in data["derivations"]} == {"symbolic"}
    assert len(data["derivations"]) == len(CATALOGUE)


def test_text_report_summary_counts():
    steps = sum(len(d.steps) for d in CATALOGUE)
    out = text(check_all(CATALOGUE))
    assert out.endswith(f"{len(CATALOGUE)} derivations, {steps} steps: {steps} symbolic, 0 sized, "
                        "0 sampled, 0 failed; 0 derivations failed\n")
