"""The verdict cache: reuse exactly when nothing changed, never serve a failure as a success."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sympy
from sympy import Float, Function, IndexedBase, Integer, KroneckerDelta, Sum, Symbol, log

import derivations
from derivations import rules
from derivations.checking import check as checker
from derivations.checking import key as key_module
from derivations.checking.check import check_all
from derivations.checking.grade import check_step
from derivations.checking.key import Unkeyable, fingerprint, step_key
from derivations.checking.parts import code_seed, step_seed
from derivations.checking.store import FILENAME, Verdict, VerdictCache, cache_dir
from derivations.cli import main
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import IndexRange, Positive, Size
from derivations.language.results import Evidence, Status
from derivations.language.step import Relation, Step
from derivations.render.report import as_json
from derivations.rules.inequality import LOG_BELOW_TANGENT
from derivations.settings import DEFAULT, CheckSettings

a = Symbol("a", positive=True)
k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
y = Symbol("y", integer=True)
q = IndexedBase("q", positive=True)


POSITIVE_A = (Positive(a),)


def _tangent(weight=1, second=None, hypotheses=POSITIVE_A, name="tangent") -> Derivation:
    """log a <= a - 1 = (a^2 - a)/a = -(1 - a): three steps, the first by a lemma instance."""
    return Derivation(name, "the tangent bound", tuple(hypotheses), log(a), (
        Step(a - 1, rules.by_lemma(LOG_BELOW_TANGENT, Integer(weight), a), "below the tangent",
             relation=Relation.LE),
        Step(second if second is not None else (a**2 - a) / a, rules.algebra, "a common factor"),
        Step(-(1 - a), rules.algebra, "a sign"),
    ))


def _one_hot(entry=None, name="one_hot") -> Derivation:
    return Derivation(name, "one-hot", (Size(k), IndexRange(y, 1, k), Positive(q[j])),
                      -Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), (
                          Step(-log(entry if entry is not None else q[y]), rules.one_hot_collapse,
                               "only the label's term survives"),))


@pytest.fixture
def db(tmp_path) -> VerdictCache:
    opened = VerdictCache.open(tmp_path)
    assert opened is not None
    yield opened
    opened.close()


def _run(d: Derivation, directory: Path, settings: CheckSettings = DEFAULT,
         ) -> tuple[list[Status], list[tuple[int, bool]]]:
    """Check ``d`` with the cache in ``directory``: the statuses, and (step, hit) per lookup."""
    opened = VerdictCache.open(directory)
    assert opened is not None
    try:
        (result,) = check_all([d], cache=opened, settings=settings)
    finally:
        opened.close()
    return [s.status for s in result.steps], [(x.index, x.hit) for x in opened.lookups]


def _rows(directory: Path) -> int:
    with sqlite3.connect(directory / FILENAME) as con:
        return con.execute("SELECT count(*) FROM verdicts").fetchone()[0]


# -- reuse --------------------------------------------------------------------------------------


def test_a_second_run_is_served_from_the_cache_and_gives_the_same_results(tmp_path):
    first, second = (VerdictCache.open(tmp_path) for _ in range(2))
    assert first is not None and second is not None
    cold = check_all([_tangent(), _one_hot()], cache=first)
    warm = check_all([_tangent(), _one_hot()], cache=second)
    assert (first.hits, first.misses) == (0, 4)
    assert (second.hits, second.misses) == (4, 0)
    assert warm == cold  # status, evidence, reason, conditions (SymPy objects), what was tried
    versions = {"derivations": "x", "sympy": "y"}
    assert as_json(warm, versions) == as_json(cold, versions)
    assert cold[0].steps[0].conditions and cold[0].steps[0].tried == ("certificate", "sampled")


def test_library_calls_do_not_use_the_cache_unless_given_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path))
    check_all([_one_hot()])
    checker.check_derivation(_tangent())
    assert list(tmp_path.iterdir()) == []


# -- invalidation: exactly the affected steps miss ---------------------------------------------


def test_a_changed_step_expression_misses_for_that_step_and_the_next(tmp_path):
    _run(_tangent(), tmp_path)
    statuses, lookups = _run(_tangent(second=(2 * a**2 - 2 * a) / (2 * a)), tmp_path)
    assert statuses == [Status.OK] * 3
    assert lookups == [(1, True), (2, False), (3, False)]  # step 3 starts from step 2's result


def test_a_changed_hypothesis_misses_for_every_step(tmp_path):
    _run(_tangent(), tmp_path)
    _, lookups = _run(_tangent(hypotheses=(Positive(a), Size(k))), tmp_path)
    assert lookups == [(1, False), (2, False), (3, False)]


def test_a_changed_rule_parameter_misses_and_the_wrong_certificate_fails(tmp_path):
    _run(_tangent(), tmp_path)
    statuses, lookups = _run(_tangent(weight=2), tmp_path)
    assert lookups == [(1, False), (2, True), (3, True)]
    assert statuses == [Status.FAILED, Status.OK, Status.OK]


@pytest.mark.parametrize("target, attribute, value", [
    (sympy, "__version__", "0.0.1"),
    (key_module, "__version__", "99.0"),
    (key_module, "code_digest", lambda: "another engine"),
])
def test_a_changed_version_or_code_misses_everywhere(tmp_path, monkeypatch, target, attribute,
                                                      value):
    _run(_tangent(), tmp_path)
    monkeypatch.setattr(target, attribute, value)
    _, lookups = _run(_tangent(), tmp_path)
    assert lookups == [(1, False), (2, False), (3, False)]


@pytest.mark.parametrize("changes", [
    {"min_agreement": 1}, {"cross_check_points": 3}, {"digits": 61}, {"step_budget": 59.0},
    {"sized_sizes": (1, 2)}, {"code_tolerance": 1e-8},
])
def test_other_settings_miss_everywhere(tmp_path, changes):
    _run(_tangent(), tmp_path)
    _, lookups = _run(_tangent(), tmp_path, DEFAULT.replace(**changes))
    assert lookups == [(1, False), (2, False), (3, False)]
    _, lookups = _run(_tangent(), tmp_path, DEFAULT.replace(**changes))
    assert lookups == [(1, True), (2, True), (3, True)]


def test_every_setting_is_in_the_fingerprint():
    import dataclasses

    for f in dataclasses.fields(CheckSettings):
        assert f"{f.name}=" in DEFAULT.fingerprint()


def _package_copy(tmp_path: Path) -> Path:
    import shutil

    package = Path(derivations.__file__).parent
    copy = tmp_path / "derivations"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("new_file", [
    "kernel/lemma.py", "kernel/deeper/nested.py", "checking/new.py", "evidence/x.py",
    "rules/more.py", "language/words.py", "newlayer/anything.py", "settings_extra.py",
])
def test_adding_verdict_code_anywhere_changes_the_digest(tmp_path, new_file):
    copy = _package_copy(tmp_path)
    before = key_module.code_digest_of(copy)
    (copy / new_file).parent.mkdir(parents=True, exist_ok=True)
    (copy / new_file).write_text("ANSWER = 42\n")
    assert key_module.code_digest_of(copy) != before


def test_moving_a_file_changes_the_digest(tmp_path):
    copy = _package_copy(tmp_path)
    before = key_module.code_digest_of(copy)
    (copy / "kernel" / "sub").mkdir()
    (copy / "kernel" / "judge.py").rename(copy / "kernel" / "sub" / "judge.py")
    assert key_module.code_digest_of(copy) != before


@pytest.mark.parametrize("new_file", ["render/pretty.py", "catalogue/more.py", "cli.py"])
def test_renderers_and_front_ends_are_not_verdict_code(tmp_path, new_file):
    copy = _package_copy(tmp_path)
    before = key_module.code_digest_of(copy)
    (copy / new_file).write_text("# a change that cannot alter a verdict\n")
    assert key_module.code_digest_of(copy) == before


def test_the_digest_of_the_running_code_is_that_of_its_files():
    package = Path(derivations.__file__).parent
    assert key_module.code_digest() == key_module.code_digest_of(package)


@pytest.mark.parametrize("one, other", [
    (Symbol("x", positive=True), Symbol("x")),
    (Function("f", positive=True)(a), Function("f")(a)),
    (IndexedBase("p", positive=True)[j], IndexedBase("p")[j]),
    (IndexedBase("p_fp"), IndexedBase("p_fp", offset=1)),  # equal for SymPy, not the same
    (Float("0.1", 15), Float("0.1", 30)),
    (Sum(q[j], (j, 1, k)), Sum(q[j], (j, 0, k))),
])
def test_the_fingerprint_tells_apart_what_sympy_tells_apart(one, other):
    assert fingerprint(one) != fingerprint(other)
    assert fingerprint(one) == fingerprint(one)


def test_keys_do_not_depend_on_the_process():
    """SymPy numbers Dummies from a random base per process; the key must not see it."""
    script = textwrap.dedent("""
        from sympy import Symbol, log
        from derivations import rules
        from derivations.checking.key import step_key
        from derivations.language.hypotheses import Facts, Parameter
        from derivations.language.notation import Argmax
        from derivations.language.step import Step
        t = Symbol("theta", real=True)
        step = Step(Argmax(log(t**2 + 1), t), rules.logarithm(), "log is increasing")
        from derivations.settings import DEFAULT
        print(step_key(Argmax(t**2 + 1, t), step, Facts.from_hypotheses([Parameter(t)]), 1,
                       DEFAULT))
    """)
    keys = {subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                           text=True).stdout for _ in range(2)}
    assert len(keys) == 1 and len(keys.pop().strip()) == 64


class Halved(Function):
    """A user's own SymPy function: its code could change under the same name."""

    @classmethod
    def eval(cls, x):
        return None


def _shout(self, printer):
    return "F"


@pytest.mark.parametrize("obj", [Halved(a), Function("f_user", _latex=_shout)(a), object()])
def test_code_the_key_cannot_follow_is_unkeyable(obj):
    with pytest.raises(Unkeyable):
        fingerprint(obj)


def test_a_step_the_key_cannot_describe_is_checked_without_the_cache(db):
    d = _tangent()
    weird = Step(a - 1, rules.by_lemma(LOG_BELOW_TANGENT, Integer(1), a), "below the tangent",
                 relation=Relation.LE)
    object.__setattr__(weird.rule, "carried", (object(),))  # nothing the key knows
    result = check_step(1, d.start, weird, d.facts, cache=db)
    assert result.ok and [(x.key, x.hit) for x in db.lookups] == [(None, False)]
    assert _rows(db.path.parent) == 0


# -- failures are never served ------------------------------------------------------------------


def test_a_failing_step_is_never_stored_and_fails_every_time(tmp_path):
    wrong = _one_hot(entry=q[1])
    for _ in range(2):
        statuses, lookups = _run(wrong, tmp_path)
        assert statuses == [Status.FAILED] and lookups == [(1, False)]
    assert _rows(tmp_path) == 0


def test_only_accepted_verdicts_are_stored(tmp_path):
    _run(_tangent(weight=2), tmp_path)
    assert _rows(tmp_path) == 2  # steps 2 and 3; the failing step 1 is not


@pytest.mark.parametrize("stored", [
    '{"status": "failed", "evidence": "symbolic", "reason": "", "tried": []}',
    '{"status": "ok", "evidence": "proved by me", "reason": "", "tried": []}',
    '{"status": "ok", "evidence": "symbolic"}',
    'not json',
])
def test_a_damaged_row_is_a_miss_not_a_verdict(db, stored):
    d = _one_hot(entry=q[1])
    key = step_key(d.start, d.steps[0], d.facts, step_seed(d.start, d.steps[0]), DEFAULT)
    db._db.execute("INSERT INTO verdicts VALUES (?, ?, ?)",  # signed: only its content is bad
                   (key, stored, db._sign("verdicts", key, stored)))
    (result,) = check_all([d], cache=db)
    assert result.steps[0].status is Status.FAILED and db.hits == 0


def test_a_forged_verdict_is_served_only_under_its_own_key(db):
    """What the cache returns is what was stored under the exact key: a wrong variant of a
    step has another key, so an accepted verdict cannot leak onto it."""
    good, wrong = _one_hot(), _one_hot(entry=q[1])
    seed = step_seed(good.start, good.steps[0])
    assert step_key(good.start, good.steps[0], good.facts, seed, DEFAULT) != step_key(
        wrong.start, wrong.steps[0], wrong.facts, seed, DEFAULT)
    db.put(step_key(good.start, good.steps[0], good.facts, seed, DEFAULT),
           Verdict(Evidence.SYMBOLIC.value, "", ("symbolic", "sampled")))
    (result,) = check_all([wrong], cache=db)
    assert result.steps[0].status is Status.FAILED


# -- a broken cache never fails a check ---------------------------------------------------------


def test_a_corrupt_database_is_ignored_with_one_warning(tmp_path, capsys):
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    assert VerdictCache.open(tmp_path) is None
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "verdict cache" in err and "checking without it" in err


def test_the_command_line_checks_despite_a_corrupt_database(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path))
    (tmp_path / FILENAME).write_bytes(b"\x00garbage" * 1000)
    assert main(["check", "softmax_is_positive"]) == 0
    captured = capsys.readouterr()
    assert "softmax_is_positive: ok" in captured.out
    assert captured.err.startswith("derivations: warning: verdict cache")


def test_an_unwritable_cache_directory_is_ignored(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a directory")
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(blocker / "cache"))
    assert main(["check", "softmax_is_positive"]) == 0
    assert "verdict cache" in capsys.readouterr().err


def test_a_database_that_fails_while_in_use_is_dropped(db, capsys):
    db._db.execute("DROP TABLE verdicts")
    (result,) = check_all([_one_hot()], cache=db)
    assert result.ok and db._db is None
    assert capsys.readouterr().err.count("verdict cache") == 1


# -- where it lives, and who uses it ------------------------------------------------------------


def test_the_cache_directory_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("DERIVATIONS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "derivations"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "derivations"


@pytest.mark.parametrize("command", [["check", "softmax_is_positive"],
                                     ["build", "softmax_is_positive", "--check"]])
def test_no_cache_touches_no_database(tmp_path, monkeypatch, command):
    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path / "cache"))
    main([*command, "--no-cache"])
    assert not (tmp_path / "cache").exists()
    main(command)
    assert (tmp_path / "cache" / FILENAME).exists()


def _tree(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*"))
            if p.is_file()}


def test_the_command_line_output_is_identical_cold_and_warm(tmp_path, monkeypatch, capsys):
    counts = []

    class Counting(VerdictCache):  # the pipeline's cache; the checking code stays untouched
        def close(self):
            counts.append((self.hits, self.misses))
            super().close()

    monkeypatch.setattr("derivations.pipeline.VerdictCache", Counting)
    names = ["one_hot_cross_entropy", "gibbs_inequality", "mle_as_sum_of_neg_logs"]
    out = tmp_path / "proofs"
    assert main(["build", *names, "--out", str(out), "--no-cache"]) == 0
    written = _tree(out)
    runs = []
    for cold in (True, False):  # each command with an empty cache, then with a filled one
        capsys.readouterr()
        report = tmp_path / f"report-{cold}.json"
        monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path / ("check" if cold else "a")))
        # one process (-j 1): the lookups counted are the parent's
        assert main(["check", *names, "--json", str(report), "-j", "1"]) == 0
        monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path / ("build" if cold else "a")))
        assert main(["build", *names, "--out", str(out), "--check", "-j", "1"]) == 0
        runs.append((capsys.readouterr(), report.read_bytes()))
        if cold:  # the warm round reads the verdicts both commands stored
            (tmp_path / "check").rename(tmp_path / "a")
    (cold, cold_json), (warm, warm_json) = runs
    assert warm.out == cold.out and warm.err == cold.err == "" and warm_json == cold_json
    assert "matches what the code generates" in warm.out
    assert _tree(out) == written
    (zero, steps), (zero_again, again), (reported, none), (served, no_more) = counts
    assert zero == zero_again == none == no_more == 0
    assert steps > 0 and again == steps == served
    assert reported == 0  # the warm check: the report the cold one stored, no step looked up


def test_the_mutation_harness_does_not_use_the_cache(tmp_path, monkeypatch):
    from derivations import mutation
    from derivations.loader import catalogue

    monkeypatch.setenv("DERIVATIONS_CACHE_DIR", str(tmp_path))

    def refuse(*args, **kwargs):
        raise AssertionError("the mutation harness opened the verdict cache")

    monkeypatch.setattr(VerdictCache, "__init__", refuse)
    report = mutation.run([d for d in catalogue() if d.name == "softmax_is_positive"])
    assert report.ok and report.outcomes
    assert list(tmp_path.iterdir()) == []


# -- two processes at once ----------------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from derivations.checking.store import Verdict, VerdictCache
    cache = VerdictCache.open(Path(sys.argv[1]))
    assert cache is not None
    for n in range(300):
        cache.put(f"{sys.argv[2]}-{n}", Verdict("symbolic", "", ("symbolic",)))
        cache.put(f"shared-{n}", Verdict("symbolic", "", ("symbolic",)))
        assert cache.get(0, f"shared-{n}") is not None
    cache.close()
""")


def test_two_processes_write_at_once_without_error(tmp_path):
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path), name],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for name in ("one", "two")]
    for w in writers:
        out, err = w.communicate(timeout=120)
        assert (w.returncode, err) == (0, "")
    assert _rows(tmp_path) == 900
    with sqlite3.connect(tmp_path / FILENAME) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_stored_rows_are_plain_json(db):
    d = _one_hot()
    (result,) = check_all([d], cache=db)
    (stored,) = db._db.execute("SELECT verdict FROM verdicts").fetchone()
    assert json.loads(stored) == {"status": "ok", "evidence": "symbolic", "reason": "",
                                  "tried": list(result.steps[0].tried)}


# -- reference implementations ------------------------------------------------------------------


def _code_lookups(cache: VerdictCache) -> list[bool]:
    return [x.hit for x in cache.lookups if x.index < 0]  # implementations count from -1


def test_a_catalogue_implementation_is_served_from_the_cache_the_second_time(tmp_path):
    from derivations.catalogue import cross_entropy_is_entropy_plus_kl as d

    first, second = (VerdictCache.open(tmp_path) for _ in range(2))
    assert first is not None and second is not None
    cold = check_all([d], cache=first)[0].implementations
    warm = check_all([d], cache=second)[0].implementations
    assert _code_lookups(first) == [False, False, False]
    assert _code_lookups(second) == [True, True, True]
    assert warm == cold and all(r.ok for r in warm)
    assert [r.sizes for r in warm] == [r.sizes for r in check_all([d])[0].implementations]


def test_an_authors_implementation_is_never_cached_and_wrong_code_fails_every_time(db):
    sys.path.insert(0, str(Path(__file__).parents[1] / "data"))
    try:
        from wrong_code import wrong_code_one_hot as d
    finally:
        sys.path.pop(0)
    impl = d.implementations[0]
    assert db.code_key(impl, impl.target(d), d.facts, 0, DEFAULT) is None
    for _ in range(2):
        (result,) = check_all([d], cache=db)[-1].implementations
        assert not result.ok and result.counterexample is not None
    assert all(x.key is None for x in db.lookups if x.index < 0)


def test_a_changed_target_or_seed_changes_the_implementations_key(db):
    from derivations.catalogue import one_hot_cross_entropy as d

    impl = d.implementations[0]
    key = db.code_key(impl, impl.target(d), d.facts, 0, DEFAULT)
    assert key is not None and key == db.code_key(impl, impl.target(d), d.facts, 0, DEFAULT)
    assert key != db.code_key(impl, impl.target(d), d.facts, 1, DEFAULT)
    assert key != db.code_key(impl, 2 * impl.target(d), d.facts, 0, DEFAULT)


def test_a_damaged_implementation_row_is_a_miss_and_the_code_is_checked_again(db):
    from derivations.catalogue import one_hot_cross_entropy as d

    impl = d.implementations[0]
    seed = code_seed(impl, impl.target(d))
    db.put(db.code_key(impl, impl.target(d), d.facts, seed, DEFAULT),
           Verdict("sampled", "forged", ("one,two",)))
    (result,) = check_all([d], cache=db)[0].implementations
    assert result.ok and result.reason != "forged" and result.points >= 8


def test_opening_retries_while_another_process_creates_the_file(tmp_path, monkeypatch, capsys):
    """Two processes creating the file at once: one may see "locked" at once (WAL switch)."""
    init = VerdictCache.__init__
    failures = iter([sqlite3.OperationalError("database is locked")] * 2)

    def flaky(self, path):
        failure = next(failures, None)
        if failure is not None:
            raise failure
        init(self, path)

    monkeypatch.setattr(VerdictCache, "__init__", flaky)
    cache = VerdictCache.open(tmp_path)
    assert cache is not None and capsys.readouterr().err == ""
    cache.close()


def test_a_database_locked_for_good_is_skipped_with_one_warning(tmp_path, monkeypatch, capsys):
    def locked(self, path):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(VerdictCache, "__init__", locked)
    monkeypatch.setattr("derivations.checking.store.time.sleep", lambda s: None)
    assert VerdictCache.open(tmp_path) is None
    assert capsys.readouterr().err.count("is unusable (database is locked)") == 1


def test_a_step_seed_is_the_crc_of_what_the_step_says_printed_once_or_again():
    """Printing each expression once (by identity) does not change a seed: the oracle is the
    definition, the CRC-32 of both sides as printed, the relation and the rule."""
    import zlib

    from derivations.loader import catalogue

    for _ in range(2):  # the second time from the printed texts kept
        for d in catalogue():
            prev = d.start
            for step in d.steps:
                relation = step.relation.value if step.relation is not None else ""
                said = f"{str(prev)}|{str(step.expr)}|{relation}|{step.rule.name}"
                assert step_seed(prev, step) == zlib.crc32(said.encode())
                prev = step.expr
