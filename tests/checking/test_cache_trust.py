"""The verdict cache serves only what the checker wrote (red-team round 10, k03 and k04).

A derivation file is Python that runs inside the checker's process. It may write rows into the
cache under the public key of its own false step (k03) or a whole catalogue report (k04). Two
defences, each tested alone: a row must carry the HMAC of its content under the cache's secret
(a row written without it is deleted unread), and a row that appears while an author's code may
run (the secret is readable by that code) discards the whole cache, with a warning. The one
thing the cache cannot tell apart, a row signed by code that runs outside the checker with the
user's own permissions, is pinned by the last test: it is the documented trust boundary.
"""

from __future__ import annotations

import json
import sqlite3
import stat
import textwrap
from pathlib import Path

import pytest
from sympy import Symbol

from derivations import Derivation, Real, Step, rules
from derivations.checking.check import check_all
from derivations.checking.key import report_key, step_key
from derivations.checking.parts import step_seed
from derivations.checking.store import FILENAME, SECRET, VerdictCache
from derivations.cli import main
from derivations.language.hypotheses import Facts
from derivations.pipeline import check_report
from derivations.settings import DEFAULT

x = Symbol("x", real=True)

#: How an attacker writes a row: with no signature, or signed with the secret it read from the
#: cache folder (what code in the checker's process can do). Run by the tests and, as text, by
#: the author's files below.
FORGE = '''
def forge(folder, table, key, value, signed):
    import hashlib, hmac, sqlite3
    from derivations.checking.store import FILENAME, SECRET
    mac = "0" * 64
    if signed:
        secret = (folder / SECRET).read_bytes()
        mac = hmac.new(secret, "\\0".join((table, key, value)).encode(),
                       hashlib.sha256).hexdigest()
    with sqlite3.connect(folder / FILENAME) as db:
        db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", (key, value, mac))
'''
namespace: dict[str, object] = {}
exec(FORGE, namespace)
forge = namespace["forge"]

OK = json.dumps({"status": "ok", "evidence": "symbolic", "reason": "", "tried": ["symbolic"]})

#: k03: the square of a sum expanded wrongly; when POISON is set, the file writes an "ok,
#: symbolic" verdict for its own step while it is loaded.
K03 = FORGE + '''
import json, os
from sympy import Symbol
from derivations import Derivation, Real, Step, rules
from derivations.checking.key import step_key
from derivations.checking.parts import step_seed
from derivations.checking.store import cache_dir
from derivations.language.hypotheses import Facts
from derivations.settings import DEFAULT

x = Symbol("x", real=True)
_start = (x + 1) ** 2
_step = Step(x**2 + 1, rules.algebra, "expand the square")
if os.environ.get("POISON"):
    _key = step_key(_start, _step, Facts.from_hypotheses((Real(x),)),
                    step_seed(_start, _step), DEFAULT)
    _ok = {"status": "ok", "evidence": "symbolic", "reason": "", "tried": ["symbolic"]}
    forge(cache_dir(), "verdicts", _key, json.dumps(_ok), os.environ["POISON"] == "signed")

k03 = Derivation(name="k03_cache_row_written_by_author", title="The square of a sum",
                 hypotheses=(Real(x),), start=_start, steps=(_step,))
'''

#: k04: a harmless derivation whose file, when POISON is set, stores a forged report for a
#: later check of a catalogue name.
K04 = FORGE + '''
import json, os
from sympy import Integer
from derivations import Derivation, Step, rules
from derivations.checking.key import report_key
from derivations.checking.store import cache_dir
from derivations.settings import DEFAULT

if os.environ.get("POISON"):
    _request = ["sources=['softmax_is_positive']", "min_evidence=sampled", "json=None"]
    _text = "riemann_hypothesis: ok (1 step, weakest evidence: symbolic)\\n"
    forge(cache_dir(), "reports", report_key(_request, DEFAULT),
          json.dumps({"text": _text, "status": "ok"}), os.environ["POISON"] == "signed")

k04 = Derivation(name="k04_stored_report_written_by_author", title="A harmless sum",
                 hypotheses=(), start=Integer(1) + Integer(1),
                 steps=(Step(Integer(2), rules.algebra, "add"),))
'''

REQUEST = ["sources=['softmax_is_positive']", "min_evidence=sampled", "json=None"]


def _k03_key() -> str:
    start, step = (x + 1) ** 2, Step(x**2 + 1, rules.algebra, "expand the square")
    return step_key(start, step, Facts.from_hypotheses((Real(x),)), step_seed(start, step),
                    DEFAULT)


def _rows(folder: Path, table: str = "verdicts") -> int:
    with sqlite3.connect(folder / FILENAME) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own, made by an honest check of a catalogue name (so it
    holds verdicts, a stored report and the secret)."""
    where = tmp_path / "cache"
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(where))
    assert main(["check", "softmax_is_positive"]) == 0
    assert _rows(where) > 0 and _rows(where, "reports") == 1
    return where


def _author(tmp_path: Path, name: str, source: str) -> str:
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(source))
    return str(path)


# -- the signature ------------------------------------------------------------------------------


def test_k03_a_verdict_the_checker_did_not_sign_is_not_served_and_is_deleted(
        folder, tmp_path, capsys):
    forge(folder, "verdicts", _k03_key(), OK, False)  # written outside any checker
    assert main(["check", _author(tmp_path, "k03", K03)]) == 1
    out = capsys.readouterr().out
    assert "k03_cache_row_written_by_author: FAILED" in out and "counterexample" in out
    with sqlite3.connect(folder / FILENAME) as db:
        assert db.execute("SELECT count(*) FROM verdicts WHERE key = ?",
                          (_k03_key(),)).fetchone()[0] == 0


@pytest.mark.parametrize("change", ["text", "unsigned"])
def test_k04_a_report_the_checker_did_not_sign_is_not_served(folder, change):
    key = report_key(REQUEST, DEFAULT)
    forged = json.dumps({"text": "riemann_hypothesis: ok\n", "status": "ok"})
    if change == "text":  # the honest row's signature kept, its text replaced
        with sqlite3.connect(folder / FILENAME) as db:
            db.execute("UPDATE reports SET report = ? WHERE key = ?", (forged, key))
    else:
        forge(folder, "reports", key, forged, False)
    report = check_report(["softmax_is_positive"], cache=True)
    assert not report.stored and "riemann" not in report.text
    assert "softmax_is_positive: ok" in report.text


def test_a_verdict_signed_for_another_key_is_not_served(folder):
    cache = VerdictCache.open(folder)
    assert cache is not None
    (key, value, mac), *_ = sqlite3.connect(folder / FILENAME).execute(
        "SELECT key, verdict, mac FROM verdicts")
    with sqlite3.connect(folder / FILENAME) as db:  # an honest row copied under k03's key
        db.execute("INSERT INTO verdicts VALUES (?, ?, ?)", (_k03_key(), value, mac))
    assert cache.has(key) and not cache.has(_k03_key())
    cache.close()


# -- rows written while an author's code runs ---------------------------------------------------


def test_k03_a_signed_verdict_written_while_the_file_loads_discards_the_cache(
        folder, tmp_path, monkeypatch, capsys):
    secret = (folder / SECRET).read_bytes()
    source = _author(tmp_path, "k03", K03)
    monkeypatch.setenv("POISON", "signed")
    capsys.readouterr()
    assert main(["check", source]) == 1
    captured = capsys.readouterr()
    assert "k03_cache_row_written_by_author: FAILED" in captured.out
    assert (f"derivations: warning: verdict cache {folder / FILENAME}: 1 row that this checker "
            "did not write appeared or changed while the sources were loaded; every stored "
            "verdict and report is discarded") in captured.err
    assert _rows(folder) == _rows(folder, "reports") == 0  # the honest ones too
    assert (folder / SECRET).read_bytes() != secret  # what the file read is worth nothing now
    monkeypatch.delenv("POISON")
    assert main(["check", source]) == 1  # later, clean runs: still failed
    assert capsys.readouterr().err == ""


def test_k04_a_signed_report_written_while_a_file_loads_discards_the_cache(
        folder, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("POISON", "signed")
    assert main(["check", _author(tmp_path, "k04", K04)]) == 0  # its own derivation holds
    assert "appeared or changed while the sources were loaded" in capsys.readouterr().err
    report = check_report(["softmax_is_positive"], cache=True)
    assert not report.stored and "riemann" not in report.text


def test_a_signed_row_written_while_checking_is_found_when_the_cache_closes(folder, capsys):
    """Code the checker calls (a reference implementation, a thread the file started) may
    write after the file is loaded: the check's end looks again."""
    cache = VerdictCache.open(folder)
    assert cache is not None
    cache.seal()
    forge(folder, "verdicts", _k03_key(), OK, True)
    cache.close()
    assert "appeared or changed while the sources were checked" in capsys.readouterr().err
    assert _rows(folder) == 0


def test_the_checkers_own_writes_and_its_workers_are_not_tampering(tmp_path, capsys):
    square = Derivation("square", "a square", (Real(x),), (x + 1) ** 2,
                        (Step(x**2 + 2 * x + 1, rules.algebra, "expand"),))
    cube = Derivation("cube", "a cube", (Real(x),), (x + 1) ** 3,
                      (Step(x**3 + 3 * x**2 + 3 * x + 1, rules.algebra, "expand"),))
    for jobs in (1, 2):  # in this process, then in two forked workers
        cache = VerdictCache.open(tmp_path / str(jobs))
        assert cache is not None
        cache.seal()
        assert all(r.ok for r in check_all([square, cube], cache=cache, jobs=jobs))
        assert cache.verify("while the sources were checked")
        cache.close()
        assert capsys.readouterr().err == ""
        assert _rows(tmp_path / str(jobs)) == 2


def test_a_row_that_disappears_is_not_tampering(folder, capsys):
    cache = VerdictCache.open(folder)
    assert cache is not None
    cache.seal()
    with sqlite3.connect(folder / FILENAME) as db:
        db.execute("DELETE FROM reports")
    assert cache.verify("while the sources were loaded")
    cache.close()
    assert capsys.readouterr().err == "" and _rows(folder) > 0


# -- the secret ---------------------------------------------------------------------------------


def test_the_secret_is_this_users_alone(tmp_path):
    cache = VerdictCache.open(tmp_path)
    assert cache is not None
    cache.close()
    assert stat.S_IMODE((tmp_path / SECRET).stat().st_mode) == 0o600
    assert len((tmp_path / SECRET).read_bytes()) == 32


def test_a_secret_others_may_read_is_replaced_and_its_rows_are_not_served(folder, capsys):
    cache = VerdictCache.open(folder)
    assert cache is not None
    (key,) = cache._db.execute("SELECT key FROM verdicts LIMIT 1").fetchone()
    cache.close()
    (folder / SECRET).chmod(0o644)
    capsys.readouterr()
    again = VerdictCache.open(folder)
    assert again is not None
    assert "is not a secret of this user's alone" in capsys.readouterr().err
    assert stat.S_IMODE((folder / SECRET).stat().st_mode) == 0o600
    assert not again.has(key)
    again.close()


def test_the_trust_boundary_a_row_signed_outside_the_checker_is_served(folder):
    """What the cache cannot refuse: code that runs as the user outside the checker (or after
    the checker's last look) can read the secret and sign. ``--no-cache`` or a fresh cache is
    the choice for files that are not trusted (docs/reference.md)."""
    forge(folder, "verdicts", _k03_key(), OK, True)
    cache = VerdictCache.open(folder)
    assert cache is not None and cache.has(_k03_key())
    cache.close()
