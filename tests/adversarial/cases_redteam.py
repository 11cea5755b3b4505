"""Finds of a red team that attacked the checker (each file in ``redteam/`` is an attack as it
was written: a false statement that was accepted, or printed otherwise than it was checked,
before the engine was hardened). Each must now be refused or fail."""

from __future__ import annotations

from pathlib import Path

from derivations.loader import from_file
from tests.adversarial.corpus import CASES, Case

ATTACKS = Path(__file__).parent / "redteam"

for _path in sorted(ATTACKS.glob("*.py")):
    CASES.append(Case(_path.stem, "redteam", lambda path=_path: from_file(path), "fails"))
