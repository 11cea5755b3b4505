"""The cache stores verdicts only from a process whose checking code is the code on disk: a
derivation file that patches the checker cannot leave accepted verdicts behind."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from derivations.checking import integrity

HONEST = textwrap.dedent('''
    from sympy import Symbol
    from derivations import Derivation, Positive, Step, rules

    a = Symbol("a", positive=True)
    wrong = Derivation("wrong", "two is three", (Positive(a),), 2 * a, (
        Step(3 * a, rules.algebra, "of course"),))
''')

PATCHES = {
    "rebinding the kernel's judgement": '''
from derivations.checking import grade
from derivations.evidence.sampling import SampleOutcome
from derivations.kernel import judge
judge.proves_equal = lambda *args: True
grade.sample = lambda *args, **kwargs: SampleOutcome(2)
''',
    "swapping a function's code": '''
from derivations.checking import grade
from derivations.evidence.sampling import SampleOutcome
from derivations.kernel import judge
judge.proves_equal.__code__ = (lambda lhs, rhs, facts: True).__code__
grade.sample = lambda *args, **kwargs: SampleOutcome(2)
''',
    "rebinding through a function's globals": '''
from derivations.checking import grade
from derivations.evidence.sampling import SampleOutcome
import derivations.kernel.canonical as canonical
canonical.reduces_to_zero.__globals__["reduces_to_zero"] = lambda d: True
grade.sample = lambda *args, **kwargs: SampleOutcome(2)
''',
}


def _check(path: Path, cache: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "derivations", "check", str(path), "--json", "-",
                           "-j", "1"], capture_output=True, text=True, timeout=300,
                          env={"DERIVATIONS_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin",
                               "HOME": str(cache)})
    report = json.loads(done.stdout[done.stdout.index("{"):])
    return {"status": report["derivations"][0]["status"], "stderr": done.stderr}


@pytest.mark.parametrize("how", sorted(PATCHES))
def test_a_patched_process_stores_nothing_and_the_honest_check_fails(tmp_path, how):
    patched = tmp_path / "patched.py"
    patched.write_text(PATCHES[how] + HONEST)
    honest = tmp_path / "honest.py"
    honest.write_text(HONEST)
    cache = tmp_path / "cache"
    fooled = _check(patched, cache)
    assert fooled["status"] == "ok"  # the patch fools its own process, as any code may
    assert "is not the code on disk" in fooled["stderr"]
    assert _check(honest, cache)["status"] == "failed"


def test_the_code_in_this_process_is_the_code_on_disk():
    assert integrity.tampered() is None
    assert integrity.untrusted() is None


def test_a_rebound_function_is_found(monkeypatch):
    from derivations.kernel import canonical

    monkeypatch.setattr(canonical, "prove_equal", lambda *args: True)
    assert integrity.tampered() == ("derivations.kernel.canonical.prove_equal is not the "
                                    "function its source file defines")
    assert integrity.untrusted() is not None


def test_a_rebound_import_is_found(monkeypatch):
    from derivations.kernel import judge

    monkeypatch.setattr(judge, "prove_equal", lambda *args: True)
    assert integrity.tampered() == ("derivations.kernel.judge.prove_equal is not "
                                    "derivations.kernel.canonical.prove_equal, which its source "
                                    "file imports")


def test_a_patched_method_is_found(monkeypatch):
    from derivations.language.hypotheses import Facts

    monkeypatch.setattr(Facts, "in_range", lambda self, *args: True)
    assert integrity.tampered() == ("derivations.language.hypotheses.Facts.in_range is not the "
                                    "method its source file defines")
