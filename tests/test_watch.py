"""``derivations watch``: a save is checked again, only what changed is proved again, a failure
shows its counterexample, a file that cannot be loaded is reported until it is fixed, Ctrl-C
ends the session; and what is reused from memory is reused only when it must be the same.

The watcher's loop is driven directly (``Watcher.check`` with the changed files), so no test
races a file's modification time; the one test of the command itself polls, and marks every
save with an explicit later modification time.
"""

from __future__ import annotations

import os
import py_compile
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from derivations import CheckSettings
from derivations.checking import integrity
from derivations.checking.key import derivation_key
from derivations.checking.store import MEMORY, VerdictCache
from derivations.loader import authors, from_file
from derivations.watch import Watcher, polled

ROOT = Path(__file__).resolve().parents[1]


def source(n: int = 3, *, first: str = "", coefficient: str = "") -> str:
    """``n`` derivations of three steps each; ``first`` replaces the last step of the first
    one (``"edit"``: another true step, ``"wrong"``: a false one); ``coefficient`` imports the
    first one's coefficient from a helper module ``helper``."""
    lines = ["from sympy import Symbol, exp, log",
             "from derivations import Derivation, Positive, Real, Step, rules",
             *(["from helper import C"] if coefficient else []),
             "a = Symbol('a', positive=True)", "b = Symbol('b', positive=True)",
             "x = Symbol('x', real=True)", ""]
    for i in range(n):
        c = i + 2
        c_text = "C" if coefficient and i == 0 else str(c)
        last = {"": f"{c_text}*log(a*b) + (2 - {c_text})*log(b) + x",
                "edit": f"{c_text}*log(a*b**2) + (2 - 2*{c_text})*log(b) + x",
                "wrong": f"{c_text}*log(a*b) + (2 - {c_text})*log(b) + x + 1"}[
            first if i == 0 else ""]
        lines.append(f"""d{i} = Derivation(name="d{i}", title="Number {i}",
    hypotheses=(Positive(a), Positive(b), Real(x)),
    start=log(a**{c_text} * b**2 * exp(x)),
    steps=(Step(log(a**{c_text}) + log(b**2) + x, rules.log_of_product, "split the log"),
           Step({c_text}*log(a) + 2*log(b) + x, rules.algebra, "log of a power"),
           Step({last}, rules.algebra, "collect")))
""")
    return "\n".join(lines)


def save(path: Path, text: str) -> None:
    """Write ``text`` and give the file a modification time later than any it had."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    later = max(before, path.stat().st_mtime_ns) + 1_000_000_000
    os.utime(path, ns=(later, later))


@pytest.fixture
def watcher_of(tmp_path):
    made = []

    def make(*sources: str, settings: CheckSettings | None = None) -> Watcher:
        cache = VerdictCache.open(MEMORY, remember=True)
        assert cache is not None
        kwargs = {"settings": settings} if settings is not None else {}
        watcher = Watcher(sources, cache=cache, **kwargs)
        made.append((watcher, cache))
        return watcher

    yield make
    for watcher, cache in made:
        watcher.close()  # the next test's helper.py is another file
        cache.close()


DURATION = re.compile(r" in \d+ ms$")


def test_a_saved_edit_is_checked_again_and_only_the_changed_step_is_proved(tmp_path, watcher_of):
    path = tmp_path / "three.py"
    save(path, source())
    watcher = watcher_of(str(path))
    first = watcher.check()
    assert first.ok and first.proved == 9, first.line
    assert "ok: 3 derivations, 9 steps (9 proved again)" in first.line
    assert DURATION.search(first.line)
    save(path, source(first="edit"))
    edited = watcher.check({path})
    assert edited.ok and edited.proved == 1, edited.line  # d0's last step; d1, d2 unchanged
    assert DURATION.search(edited.line)
    assert "log(a*b**2)" in str(edited.results[0].derivation.steps[-1].expr)
    save(path, source(first="edit"))  # saved again, unchanged
    assert watcher.check({path}).proved == 0


def test_a_failing_step_is_reported_with_its_counterexample(tmp_path, watcher_of):
    path = tmp_path / "three.py"
    save(path, source())
    watcher = watcher_of(str(path))
    assert watcher.check().ok
    save(path, source(first="wrong"))
    report = watcher.check({path})
    assert not report.ok
    assert "FAILED: 1 of 3 derivations, 1 of 9 steps (1 proved again)" in report.line
    assert DURATION.search(report.line)
    assert "d0: FAILED (1 of 3 steps failed)" in report.details
    assert "3. algebra              FAILED    collect" in report.details
    assert "-> counterexample: at " in report.details
    assert "the left side is" in report.details and "the right side is" in report.details
    # a failure is never kept: the next save proves the failing step again
    save(path, source(first="wrong"))
    assert watcher.check({path}).proved == 1
    save(path, source())
    fixed = watcher.check({path})
    assert fixed.ok and fixed.proved == 0  # d0 as it was first accepted


def test_a_file_that_fails_to_import_is_reported_and_watched_until_fixed(tmp_path, watcher_of):
    path = tmp_path / "three.py"
    save(path, source())
    watcher = watcher_of(str(path))
    assert watcher.check().ok
    save(path, source() + "\noops(\n")
    broken = watcher.check({path})
    assert broken.line.split("] ", 1)[1].startswith("1 source not loaded; nothing to check")
    assert DURATION.search(broken.line)
    assert f"derivations: cannot load {path}: {path}" in broken.details
    assert "SyntaxError: '(' was never closed" in broken.details
    assert path in watcher.files()
    save(path, source())
    assert watcher.check({path}).ok


def test_a_helper_that_fails_then_is_fixed_and_then_edited(tmp_path, watcher_of):
    """A helper the source imports is watched: even when its import fails (it is then in no
    module table), and its edits are loaded (no stale module, no stale bytecode)."""
    path, helper = tmp_path / "three.py", tmp_path / "helper.py"
    save(helper, "C = 1 / 0\n")
    save(path, source(coefficient="helper"))
    watcher = watcher_of(str(path))
    broken = watcher.check()
    assert "1 source not loaded" in broken.line
    assert "ZeroDivisionError: division by zero" in broken.details
    assert helper.resolve() in watcher.files()
    save(helper, "C = 2\n")
    assert watcher.check({helper}).ok
    save(helper, "C = 7\n")  # same size: only a fresh load tells
    report = watcher.check({helper})
    assert report.ok and report.proved == 3  # d0's three steps, with 7
    assert "log(a**7" in str(report.results[0].derivation.start)
    assert watcher.check({tmp_path / "unrelated.py"}).proved == 0


def test_a_save_within_the_same_second_is_not_hidden_by_cached_bytecode(tmp_path, watcher_of):
    """Python trusts bytecode whose source has the same size and the same mtime in whole
    seconds; a save that keeps both must still be loaded."""
    path = tmp_path / "three.py"
    save(path, source())
    stamp = path.stat().st_mtime_ns
    py_compile.compile(str(path))  # as an earlier `derivations check` would have left it
    watcher = watcher_of(str(path))
    assert watcher.check().ok
    text = source().replace('"collect"', '"collekt"')  # same size
    path.write_text(text)
    os.utime(path, ns=(stamp, stamp))
    report = watcher.check({path})
    assert [r.derivation.steps[-1].why for r in report.results] == ["collekt"] * 3


THEOREM = """from sympy import Dummy, S
from derivations import Derivation, Real, Relation, Step, rules
t = Dummy("t", real=True)
square = Derivation("square", "{title}", (Real(t),), S.Zero,
                    (Step(t ** 2, rules.inequality, "a square", relation=Relation.LE),))
"""

CITER = """from sympy import S, Symbol
from derivations import Derivation, Real, Relation, Step, rules
import theorem
u = Symbol("u", real=True)
shifted = Derivation("shifted", "A shifted square", (Real(u),), S.Zero,
                     (Step((u - 1) ** 2, rules.by_theorem(theorem.square, {{theorem.t: u - 1}}),
                           "a square", relation=Relation.LE),))
{more}"""


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_source_that_imports_another_cites_the_very_theorem_checked(tmp_path, watcher_of,
                                                                      order):
    """The theorem has a Dummy, so a file run twice would give two different theorems."""
    paths = (tmp_path / "theorem.py", tmp_path / "citer.py")
    save(paths[0], THEOREM.format(title="A square"))
    save(paths[1], CITER.format(more=""))
    watcher = watcher_of(*(str(paths[i]) for i in order))
    first = watcher.check()
    assert first.ok, first.details
    assert "ok: 2 derivations" in first.line
    save(paths[0], THEOREM.format(title="A square is non-negative"))
    again = watcher.check({paths[0]})
    assert again.ok, again.details
    assert {r.derivation.title for r in again.results} == {"A square is non-negative",
                                                           "A shifted square"}
    save(paths[1], CITER.format(more="print('citer saved')\n"))
    assert watcher.check({paths[1]}).ok


def test_two_sources_with_different_derivations_of_one_name_are_named(tmp_path, watcher_of):
    paths = (tmp_path / "one.py", tmp_path / "two.py")
    for path in paths:
        save(path, THEOREM.format(title="A square"))
    report = watcher_of(*map(str, paths)).check()
    assert "not checked" in report.line
    assert (f"two different derivations are named 'square', from {paths[0]} and from "
            f"{paths[1]}") in report.details


def test_polling_yields_the_files_changed_since_they_were_loaded(tmp_path, watcher_of):
    path, helper = tmp_path / "three.py", tmp_path / "helper.py"
    save(helper, "C = 2\n")
    save(path, source(coefficient="helper"))
    watcher = watcher_of(str(path))
    assert watcher.check().ok and watcher.stale() == set()
    saves = iter([lambda: save(helper, "C = 7\n"), lambda: None, lambda: save(path, "")])

    def sleep(seconds: float) -> None:
        next(saves)()

    changes = polled(watcher.stale, sleep=sleep)
    assert next(changes) == {helper.resolve()}
    assert watcher.check({helper}).proved == 3
    assert next(changes) == {path.resolve()}  # one look with nothing changed in between


def test_a_save_during_the_first_check_is_not_missed(tmp_path, watcher_of, monkeypatch):
    """A save after the file was read and before the events are watched: the stamps taken when
    it was loaded tell."""
    path = tmp_path / "three.py"
    save(path, source())
    watcher = watcher_of(str(path))
    from derivations import watch

    real = watch.check_loaded

    def saved_meanwhile(*args, **kwargs):
        save(path, source(first="edit"))
        return real(*args, **kwargs)

    monkeypatch.setattr(watch, "check_loaded", saved_meanwhile)
    watcher.check()
    monkeypatch.undo()
    assert watcher.stale() == {path.resolve()}
    assert watcher.check(watcher.stale()).proved == 1 and watcher.stale() == set()


def test_file_events_yield_the_saved_file(tmp_path):
    """The operating system's events (watchfiles): a writer saves until the watcher has seen
    it, so that no test waits on a guess of how long the watch takes to start."""
    import threading

    pytest.importorskip("watchfiles")
    from derivations.watch import notified

    one, other = tmp_path / "one.py", tmp_path / "other.txt"
    save(one, "A = 1\n")
    seen = threading.Event()

    def writer() -> None:
        for n in range(100):
            if seen.wait(0.1):
                return
            other.write_text(f"{n}\n")  # not watched: never yielded
            one.write_text(f"A = {n}\n")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert next(notified(lambda: {one}, set)) == {one}
    finally:
        seen.set()
        thread.join()


def test_file_events_that_fail_fall_back_to_polling(tmp_path, monkeypatch, capsys):
    watchfiles = pytest.importorskip("watchfiles")
    from derivations import watch

    def refuse(*args, **kwargs):
        raise OSError("OS file watch limit reached")
        yield

    monkeypatch.setattr(watchfiles, "watch", refuse)
    monkeypatch.setattr(watch, "polled", lambda stale: iter([{tmp_path / "polled.py"}]))
    save(tmp_path / "one.py", "A = 1\n")
    assert next(watch.notified(lambda: {tmp_path / "one.py"}, set)) == {tmp_path / "polled.py"}
    assert "file events failed (OS file watch limit reached); polling instead" in \
        capsys.readouterr().err


def test_only_the_authors_files_are_reloaded(tmp_path):
    import sympy

    import derivations

    assert authors(tmp_path / "mine.py")
    assert not authors(Path(sympy.__file__))
    assert not authors(Path(derivations.__file__))


# -- what is reused from memory ---------------------------------------------------------------


def test_a_derivations_memory_key_changes_with_its_content_and_the_settings(tmp_path):
    path = tmp_path / "three.py"
    save(path, source())
    (d0, d1, d2) = from_file(path)
    save(path, source(first="edit"))
    (e0, e1, e2) = from_file(path)
    key = derivation_key
    assert key(d1, CheckSettings()) == key(e1, CheckSettings())  # loaded again, unchanged
    assert key(d0, CheckSettings()) != key(e0, CheckSettings())  # one step edited
    assert key(d1, CheckSettings()) != key(d1, CheckSettings(hunt_points=61))
    save(path, source().replace("Symbol('x', real=True)", "Symbol('x', positive=True)")
         .replace("Real(x)", "Positive(x)"))
    (f0, *_) = from_file(path)
    assert str(f0.steps) == str(d0.steps)  # printed alike,
    assert key(f0, CheckSettings()) != key(d0, CheckSettings())  # but another assumption


def test_a_change_of_settings_proves_again(tmp_path, watcher_of):
    path = tmp_path / "three.py"
    save(path, source())
    watcher = watcher_of(str(path))
    assert watcher.check().proved == 9
    watcher.settings = CheckSettings(hunt_points=61)
    assert watcher.check({path}).proved == 9


def test_parts_are_kept_only_when_the_checking_code_is_the_code_on_disk(monkeypatch):
    cache = VerdictCache.open(MEMORY, remember=True)
    assert cache is not None
    monkeypatch.setattr(integrity, "untrusted", lambda: "kernel.judge.proves_equal was patched")
    cache.keep("k", object())
    assert cache.recall("k") is None
    monkeypatch.undo()
    kept = object()
    cache.keep("k", kept)
    assert cache.recall("k") is kept
    forgetful = VerdictCache.open(MEMORY)
    assert forgetful is not None
    forgetful.keep("k", kept)
    assert forgetful.recall("k") is None  # only a watcher's cache remembers derivations


def test_a_patched_engine_keeps_nothing_in_memory(tmp_path, watcher_of):
    """A source that patches the engine: nothing it accepts is kept, so every check proves
    again (and a later clean source does not inherit its verdicts)."""
    path = tmp_path / "three.py"
    save(path, source() + "\nfrom derivations.kernel import judge\n"
                          "judge.proves_equal = lambda *args, **kwargs: True\n")
    from derivations.kernel import judge

    original = judge.proves_equal
    try:
        watcher = watcher_of(str(path))
        watcher.check()
        save(path, source(first="wrong") + "\nfrom derivations.kernel import judge\n"
                                           "judge.proves_equal = lambda *args, **kwargs: True\n")
        assert watcher.check({path}).proved >= 1
        save(path, source() + "\nfrom derivations.kernel import judge\n"
                              "judge.proves_equal = lambda *args, **kwargs: True\n")
        assert watcher.check({path}).proved == 9
    finally:
        judge.proves_equal = original


# -- the command --------------------------------------------------------------------------------


def test_the_command_checks_each_save_and_ends_cleanly_on_ctrl_c(tmp_path):
    path = tmp_path / "three.py"
    save(path, source())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "derivations", "watch", "--poll", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "ok: 3 derivations, 9 steps" in first and DURATION.search(first.rstrip())
        assert process.stdout.readline().startswith("watching 1 file (polling)")
        save(path, source(first="wrong"))
        failed = process.stdout.readline()
        assert "FAILED: 1 of 3 derivations" in failed and DURATION.search(failed.rstrip())
        assert process.stdout.readline() == "d0: FAILED (1 of 3 steps failed)\n"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode in (0, 130)
    assert "Traceback" not in err
    assert "derivations: stopped watching." in err


def test_a_ctrl_c_that_code_under_a_check_swallows_still_ends_the_session(tmp_path,
                                                                             monkeypatch):
    """A Ctrl-C can land while a check runs, where library code may swallow it (a bare
    ``except:``): the session ends once that check is done, and no later save is checked.
    (Under load, the command's test saved while a check ran, and the session went on.)"""
    import io
    import time

    from derivations import watch

    path = tmp_path / "three.py"
    save(path, source())
    real = Watcher.check
    checks = []

    def check(self, changed=None):
        report = real(self, changed)
        checks.append(changed)
        if changed is not None:  # Ctrl-C, swallowed by the code under the check
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)
            except KeyboardInterrupt:
                pass
        return report

    monkeypatch.setattr(Watcher, "check", check)
    monkeypatch.setattr(watch, "polled", lambda stale: iter([{path}, {path}, {path}]))
    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        watch.run([str(path)], poll=True, out=io.StringIO())
    assert checks == [None, {path}]
    assert signal.getsignal(signal.SIGINT) is before  # the session's handler is gone
