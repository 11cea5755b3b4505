"""Building: atomic writes, nothing written on failure, proofs/ in sync, determinism."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.cli import main
from derivations.output import write_atomically
from derivations.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"


def _files(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` (the MyST and Quarto outputs are in subfolders)."""
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}


def test_committed_proofs_match_the_code():
    outcome = build(out=ROOT / "proofs", verify_only=True)
    assert outcome.stale == [], f"run 'derivations build': {outcome.stale}"


def test_build_check_exits_1_naming_stale_files(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path)]) == 0
    (tmp_path / "one_hot_cross_entropy.tex").write_text("edited by hand\n")
    (tmp_path / "derivations.sty").unlink()
    assert main(["build", "--check", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "derivations.sty" in out and "one_hot_cross_entropy.tex" in out


def test_failed_build_leaves_previous_files_intact(tmp_path, capsys):
    assert main(["build", "--out", str(tmp_path)]) == 0
    before = _files(tmp_path)
    assert main(["build", str(DATA / "wrong_step.py"), "--out", str(tmp_path)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert _files(tmp_path) == before


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.tex"
    target.write_text("old")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.tex"]


def test_orphaned_generated_file_is_removed_but_foreign_files_are_kept(tmp_path):
    assert main(["build", "--out", str(tmp_path)]) == 0
    orphan = tmp_path / "renamed_theorem.tex"
    shutil.copy(tmp_path / "one_hot_cross_entropy.tex", orphan)
    foreign = tmp_path / "my_notes.tex"
    foreign.write_text("\\section{mine}\n")
    assert main(["build", "--check", "--out", str(tmp_path)]) == 1
    assert main(["build", "--out", str(tmp_path)]) == 0
    assert not orphan.exists() and foreign.exists()


# -- a warm check of the catalogue: the stored report -------------------------------------------


def _stored_reports(cache: Path) -> int:
    import sqlite3

    from derivations.checking.store import FILENAME

    with sqlite3.connect(cache / FILENAME) as db:
        return db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]


def test_a_warm_check_of_the_catalogue_is_answered_by_the_report_it_stored():
    from derivations.pipeline import check_report

    first = check_report(["softmax_is_positive"], cache=True)
    again = check_report(["softmax_is_positive"], cache=True)
    assert first.ok and not first.stored and again.stored
    assert again.text == first.text and again.failures == ""
    assert "softmax_is_positive: ok" in again.text
    versions = {"derivations": "0", "sympy": "1"}
    with_json = check_report(["softmax_is_positive"], cache=True, versions=versions)
    assert not with_json.stored and with_json.json is not None  # another request
    stored = check_report(["softmax_is_positive"], cache=True, versions=versions)
    assert stored.stored and stored.json == with_json.json
    cold = check_report(["softmax_is_positive"], cache=False, versions=versions)
    assert not cold.stored and (cold.text, cold.json) == (stored.text, stored.json)


def test_a_failing_check_stores_no_report(monkeypatch):
    from dataclasses import replace

    from derivations import pipeline
    from derivations.language.results import Status

    real = pipeline.check

    def failing(*args, **kwargs):
        first, *rest = real(*args, **kwargs)
        step = replace(first.steps[0], status=Status.FAILED, evidence=None, reason="made to fail")
        return [replace(first, steps=(step, *first.steps[1:])), *rest]

    monkeypatch.setattr(pipeline, "check", failing)
    for _ in range(2):
        report = pipeline.check_report(["softmax_is_positive"], cache=True)
        assert not report.ok and not report.stored
        assert "softmax_is_positive: FAILED" in report.failures and "made to fail" in report.text
    assert _stored_reports(Path(os.environ["DERIVATIONS_CACHE_DIR"])) == 0


def test_a_file_is_never_answered_by_a_stored_report(tmp_path):
    """An author's file may compute its derivations from anything (a helper, a data file, the
    clock): its check always runs."""
    (tmp_path / "helper.py").write_text("C = 2\n")
    path = tmp_path / "mine.py"
    path.write_text("from sympy import Symbol, log\n"
                    "from derivations import Derivation, Positive, Step, rules\n"
                    "from helper import C\n"
                    "a = Symbol('a', positive=True)\n"
                    "d = Derivation(name='d', title='A power', hypotheses=(Positive(a),),\n"
                    "    start=log(a**2), steps=(Step(C*log(a), rules.algebra, 'power'),))\n")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "derivations", "check", "-q", str(path)]
    assert subprocess.run(command, env=env, cwd=ROOT).returncode == 0
    assert subprocess.run(command, env=env, cwd=ROOT).returncode == 0
    (tmp_path / "helper.py").write_text("C = 3\n")
    assert subprocess.run(command, env=env, cwd=ROOT, capture_output=True).returncode == 1
    assert _stored_reports(Path(env["DERIVATIONS_CACHE_DIR"])) == 0


def test_an_edit_anywhere_in_the_package_checks_again(tmp_path):
    """On a copy of the package: a stored report answers only the very same files. A comment
    added to a catalogue module is a new key; an engine that can no longer prove reports the
    weaker grades; a renderer that prints otherwise prints otherwise."""
    import derivations

    copy = tmp_path / "derivations"
    shutil.copytree(Path(derivations.__file__).parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "DERIVATIONS_CACHE_DIR": str(cache),
           "PYTHONDONTWRITEBYTECODE": "1"}

    def check() -> str:
        done = subprocess.run([sys.executable, "-m", "derivations", "check",
                               "softmax_is_positive"], env=env, cwd=tmp_path,
                              capture_output=True, text=True)
        assert str(copy) in subprocess.run(
            [sys.executable, "-c", "import derivations; print(derivations.__file__)"],
            env=env, cwd=tmp_path, capture_output=True, text=True).stdout
        return done.stdout

    first = check()
    assert "softmax_is_positive: ok" in first and _stored_reports(cache) == 1
    assert check() == first and _stored_reports(cache) == 1  # answered by the stored report
    with (copy / "catalogue" / "outputs.py").open("a") as f:
        f.write("# an edit\n")
    assert check() == first and _stored_reports(cache) == 2  # checked again, stored anew
    with (copy / "kernel" / "judge.py").open("a") as f:
        f.write("\ndef proves_equal(*args, **kwargs):\n    return False\n"
                "\ndef proves_order(*args, **kwargs):\n    return False\n")
    weaker = check()
    assert "weakest evidence: symbolic" in first and "weakest evidence: symbolic" not in weaker
    with (copy / "render" / "report.py").open("a") as f:
        f.write("\n_count = lambda n, noun: f'{n} x {noun}'\n")
    assert "1 x derivation" in check()


def test_the_report_key_follows_settings_versions_and_the_request(monkeypatch):
    import sympy

    from derivations import CheckSettings
    from derivations.checking import key

    base = key.report_key(["sources=[]"], CheckSettings())
    assert key.report_key(["sources=[]"], CheckSettings()) == base
    assert key.report_key(["sources=['a']"], CheckSettings()) != base
    assert key.report_key(["sources=[]"], CheckSettings(hunt_points=61)) != base
    monkeypatch.setattr(sympy, "__version__", "0.0")
    assert key.report_key(["sources=[]"], CheckSettings()) != base
    monkeypatch.undo()
    monkeypatch.setattr(key, "package_digest", lambda: "another package")
    assert key.report_key(["sources=[]"], CheckSettings()) != base


@pytest.mark.parametrize("sources, shipped", [
    ([], True), (["softmax_is_positive", "gibbs_inequality"], True), (["mine.py"], False),
    (["course.losses"], False), (["notes/mine"], False), (["tests"], False)])
def test_only_catalogue_names_can_be_answered_by_a_stored_report(sources, shipped,
                                                                 monkeypatch):
    from derivations.loader import shipped_only

    monkeypatch.chdir(ROOT)
    assert shipped_only(sources) is shipped
