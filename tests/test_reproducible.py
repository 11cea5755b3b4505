"""Generated files are the same bytes whatever the hash seed: two fresh processes agree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _build(out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "derivations", "build", "--out", str(out),
                    "--no-cache"],  # each process proves every step under its own hash seed
                   env=env, check=True, capture_output=True)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix != ".pdf"}


def test_two_hash_seeds_give_byte_identical_proofs(tmp_path):
    first = _build(tmp_path / "a", "0")
    second = _build(tmp_path / "b", "4242")
    assert first.keys() == second.keys()
    assert len(first) > 30
    assert {"derivations.tex", "myst/index.md", "quarto/index.qmd"} <= first.keys()
    differ = [name for name in first if first[name] != second[name]]
    assert not differ, f"these files depend on the hash seed: {differ}"
