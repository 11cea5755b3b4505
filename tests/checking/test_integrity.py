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


def test_a_rebound_constant_is_found(monkeypatch):
    """Red-team d03: a module-level constant (the functions no derivative goes through) is
    neither a function nor a class, and was not compared."""
    from derivations.kernel import canonical

    integrity.baseline()
    monkeypatch.setattr(canonical, "_ROUGH", ())
    assert integrity.tampered() == ("derivations.kernel.canonical._ROUGH is not the value it "
                                    "had when the checking code was loaded")
    assert integrity.untrusted() is not None


def test_a_table_changed_in_place_is_found(monkeypatch):
    from sympy import log

    from derivations.evidence import evaluator

    integrity.baseline()
    monkeypatch.setitem(evaluator._HANDLERS, log, lambda ev, e: 0)
    assert integrity.tampered() == ("derivations.evidence.evaluator._HANDLERS is not the value "
                                    "it had when the checking code was loaded")


def test_a_class_attribute_is_found(monkeypatch):
    from derivations.language.notation import Argmin

    integrity.baseline()
    monkeypatch.setattr(Argmin, "sense", "max")
    assert integrity.tampered() == ("derivations.language.notation.Argmin.sense is not the "
                                    "value it had when the checking code was loaded")


def test_a_checking_run_changes_no_constant(tmp_path):
    """The caches that checking fills are state, not constants: a whole check leaves the
    process trusted (else no verdict would ever be stored)."""
    from derivations.catalogue import CATALOGUE
    from derivations.checking.check import check_all

    integrity.baseline()
    check_all(CATALOGUE[:3])
    assert integrity.tampered() is None


CONSTANT_PATCH = '''
import derivations.kernel.canonical as canonical
import derivations.evidence.evaluator as evaluator
from sympy import Abs
canonical._ROUGH = tuple(f for f in canonical._ROUGH if f is not Abs)
del evaluator._HANDLERS[Abs]
'''

KINK = textwrap.dedent('''
    from sympy import Abs, Derivative, Symbol, sign
    from derivations import Derivation, Real, Step, rules

    x = Symbol("x", real=True)
    wrong = Derivation("kink", "the derivative of an absolute value", (Real(x),),
                       Derivative(Abs(x), x), (Step(sign(x), rules.algebra, "differentiate"),))
''')


def test_a_patched_constant_stores_nothing(tmp_path):
    """The same route as the patched functions, through two constants: d|x|/dx = sign x is
    proved once Abs is taken out of the kinks (kernel and exact sampling) and out of the fast
    evaluator's table (whose dual numbers see the kink); its own process accepts it, but
    stores nothing, and the honest check refutes it."""
    patched = tmp_path / "patched.py"
    patched.write_text(CONSTANT_PATCH + KINK)
    honest = tmp_path / "honest.py"
    honest.write_text(KINK)
    cache = tmp_path / "cache"
    fooled = _check(patched, cache)
    assert fooled["status"] == "ok"
    assert "is not the value it had when the checking code was loaded" in fooled["stderr"]
    assert _check(honest, cache)["status"] == "failed"


def test_every_global_the_checking_code_rebinds_is_named_as_state():
    """A module-level name that the code itself rebinds (``global``) changes as checking runs:
    were it not named as state, a worker process would distrust itself and store nothing."""
    import ast

    rebound = set()
    for name in integrity._verdict_modules():
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        tree = ast.parse(Path(module.__file__).read_text())
        rebound |= {f"{name}.{n}" for node in ast.walk(tree) if isinstance(node, ast.Global)
                    for n in node.names}
    assert rebound and rebound <= integrity._STATE


MEMO_PATCH = '''
from derivations.kernel import binders
from sympy import Symbol
binders._bound_cache[0] = Symbol("j", integer=True)
'''

CAPTURE = textwrap.dedent('''
    from sympy import IndexedBase, Sum, Symbol
    from derivations import Derivation, IndexRange, Real, Size, Step, rules

    k = Symbol("k", integer=True, positive=True)
    j, i, l = (Symbol(n, integer=True) for n in "jil")
    x = IndexedBase("x", real=True)
    wrong = Derivation("capture", "A weighted sum", (Size(k), IndexRange(j, 1, k), Real(x[l])),
                       Sum(x[i] * j, (i, 1, k)), (
                           Step(Sum(x[i] * i, (i, 1, k)), rules.algebra, "as claimed"),))
''')


def test_a_memo_the_file_writes_is_forgotten_before_checking(tmp_path):
    """Red-team f05: a file that names the canonical bound variable after its own free j (a
    memo, not code) made every sum capture j, in kernel and sampler alike; the memos are now
    emptied once the file has run, so its own check already refutes the claim."""
    patched = tmp_path / "patched.py"
    patched.write_text(MEMO_PATCH + CAPTURE)
    assert _check(patched, tmp_path / "cache")["status"] == "failed"
