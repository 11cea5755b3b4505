"""The JSON report validates against the schema shipped in the package (schema 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.render.report import SCHEMA

jsonschema = pytest.importorskip("jsonschema")

DATA = Path(__file__).resolve().parents[1] / "data"


def _schema() -> dict:
    text = (files("derivations") / "schema" / f"report-{SCHEMA}.schema.json").read_text()
    schema = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _report(tmp_path: Path, *sources: str) -> tuple[int, dict]:
    out = tmp_path / "report.json"
    code = main(["check", "--quiet", "--json", str(out), *sources])
    return code, json.loads(out.read_text())


def test_the_schema_ships_in_the_package_and_is_a_valid_schema():
    schema = _schema()
    assert schema["properties"]["schema"]["const"] == SCHEMA


def test_the_catalogue_report_validates(tmp_path):
    code, report = _report(tmp_path)
    assert code == 0
    jsonschema.validate(report, _schema())
    steps = [s for d in report["derivations"] for s in d["steps"]]
    assert len(steps) > 50
    assert all(len(s["canonical_sha256"]) == 64 for s in steps)
    assert set(report["versions"]) == {"derivations", "sympy"}


def test_a_failing_report_with_a_counterexample_validates(tmp_path):
    code, report = _report(tmp_path, str(DATA / "wrong_step.py"), str(DATA / "sampled_only.py"))
    assert code == 1
    jsonschema.validate(report, _schema())
    failed = [s for d in report["derivations"] for s in d["steps"] if s["status"] == "failed"]
    assert failed and failed[0]["counterexample"]["values"]


@pytest.mark.parametrize("damage", [
    lambda r: r["derivations"][0]["steps"][0].pop("canonical_sha256"),
    lambda r: r["derivations"][0]["steps"][0].update(evidence="proved"),
    lambda r: r["derivations"][0]["steps"][0].update(canonical_sha256="not a hash"),
    lambda r: r.update(schema=1),
    lambda r: r["versions"].pop("sympy"),
])
def test_the_schema_rejects_a_damaged_report(tmp_path, damage):
    _, report = _report(tmp_path, "one_hot_cross_entropy")
    damage(report)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, _schema())


def test_the_hash_is_the_same_under_every_hash_seed(tmp_path):
    outputs = []
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "derivations", "check", "--quiet", "--json",
                              "-", "cross_entropy_is_entropy_plus_kl"],
                             capture_output=True, text=True, env=env, check=True)
        outputs.append([s["canonical_sha256"] for d in json.loads(run.stdout)["derivations"]
                        for s in d["steps"]])
    assert outputs[0] == outputs[1] == outputs[2]


def test_a_report_with_failing_code_validates_and_damage_to_it_is_rejected(tmp_path):
    code, report = _report(tmp_path, str(DATA / "wrong_code.py"))
    assert code == 1
    schema = _schema()
    jsonschema.validate(report, schema)
    failing = [i for d in report["derivations"] for i in d.get("implementations", [])
               if i["status"] == "failed"]
    assert failing and failing[0]["counterexample"]["values"]
    failing[0]["evidence"] = "symbolic"  # code is never proved
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema)


def test_the_implementations_field_is_optional():
    assert "implementations" not in _schema()["$defs"]["derivation"]["required"]



def test_a_digest_past_the_budget_is_null_and_the_report_is_written():
    """Red-team j03: the report digests every step's canonical form; for X^60 - y^2 with X a sum
    of ten reals that form takes minutes. The digest gets the step budget, then is null; the
    verdict and the rest of the report are unchanged, and the report still validates."""
    import time

    from derivations.pipeline import check
    from derivations.render.report import as_json

    attack = (Path(__file__).resolve().parents[1] / "adversarial" / "redteam"
              / "j03_json_report_runs_the_kernel_unbudgeted.py")
    results = check([str(attack)])
    start = time.monotonic()
    report = json.loads(as_json(results, {"derivations": "t", "sympy": "t"}, budget=1.0))
    assert time.monotonic() - start < 30
    (step,) = report["derivations"][0]["steps"]
    assert step["status"] == "failed" and step["counterexample"] is not None
    assert step["canonical_sha256"] is None
    jsonschema.validate(report, _schema())


def test_a_digest_the_kernel_cannot_compute_is_null(monkeypatch):
    """A canonical form that raises (a construct the checker reported undecided) gives a null
    digest, not a bare exception from the renderer."""
    from derivations.checking import digest
    from derivations.pipeline import check
    from derivations.render.report import as_json

    def broken(expr, facts):
        raise ValueError("cannot canonicalise")

    results = check([str(DATA / "wrong_step.py")])
    monkeypatch.setattr(digest, "canonical_sha256", broken)
    report = json.loads(as_json(results, {"derivations": "t", "sympy": "t"}))
    assert all(s["canonical_sha256"] is None for d in report["derivations"] for s in d["steps"])
    jsonschema.validate(report, _schema())
