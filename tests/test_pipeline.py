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


def test_output_is_identical_across_hash_seeds(tmp_path):
    outs = []
    for seed in ("0", "12345"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "derivations", "build", "--out", str(out),
                        "--no-cache"],  # each process proves every step under its own seed
                       check=True, env=env, capture_output=True)
        outs.append(_files(out))
    assert outs[0] == outs[1]
