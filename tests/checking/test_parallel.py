"""Checking in several processes gives exactly the serial results, failures and citations too."""

from __future__ import annotations

import multiprocessing

import pytest
from sympy import IndexedBase, KroneckerDelta, Sum, Symbol, log

from derivations import (
    CrossEntropy,
    Derivation,
    IndexRange,
    OneHot,
    Positive,
    Size,
    Step,
    indexed_vector,
    rules,
)
from derivations.checking import parallel
from derivations.checking.check import check_all
from derivations.checking.store import VerdictCache
from derivations.loader import load
from derivations.render.report import as_json
from derivations.settings import DEFAULT

k = Symbol("k", integer=True, positive=True)
y, j = Symbol("y", integer=True), Symbol("j", integer=True)
q = IndexedBase("q", positive=True)
HYPOTHESES = (Size(k), IndexRange(y, 1, k), Positive(q[j]))
ONE_HOT = CrossEntropy(OneHot(y, k), indexed_vector(q, k))


def _one_hot(name, entry, cites=()):
    return Derivation(name=name, title=name.replace("_", " "), hypotheses=HYPOTHESES,
                      start=ONE_HOT, steps=(
        Step(-Sum(KroneckerDelta(j, y) * log(q[j]), (j, 1, k)), rules.definition, "definition"),
        Step(-log(entry), rules.one_hot_collapse, "collapse", cites=cites)))


#: A wrong derivation, one citing it, and one citing that citer: the failure must travel.
WITH_FAILURES = [_one_hot("citer_of_citer", q[y], ("citer",)), _one_hot("bad", q[1]),
                 _one_hot("citer", q[y], ("bad",)), _one_hot("good", q[y])]


def _report(results):
    return as_json(results, {"derivations": "test", "sympy": "test"})


@pytest.fixture(scope="module")
def catalogue():
    return load(())


@pytest.fixture(scope="module")
def serial_report(catalogue):
    return _report(check_all(catalogue))


def test_the_catalogue_in_two_processes_gives_the_serial_report_byte_for_byte(
        catalogue, serial_report):
    assert _report(check_all(catalogue, jobs=2)) == serial_report


def test_every_catalogue_derivation_comes_back_from_a_worker(catalogue):
    """No silent fallback: the workers' verdicts travel back for the whole catalogue (side
    conditions whose formulas cannot be pickled included)."""
    parts = parallel.check_in_processes(catalogue, DEFAULT, None, 2)
    assert sorted(parts) == sorted(d.name for d in catalogue)


def test_failures_and_the_citers_of_failures_are_reported_as_in_one_process():
    serial = check_all(WITH_FAILURES)
    assert [r.ok for r in serial] == [False, False, False, True]
    assert serial[0].problems == ("cites 'citer', which does not check",)
    assert _report(check_all(WITH_FAILURES, jobs=3)) == _report(serial)


def test_the_workers_really_check(monkeypatch):
    """The parallel path runs (a pool is made) and hands back every derivation's parts."""
    made = []
    context = multiprocessing.get_context

    def spy(method=None):
        made.append(method)
        return context(method)

    monkeypatch.setattr(parallel.multiprocessing, "get_context", spy)
    parts = parallel.check_in_processes(WITH_FAILURES, DEFAULT, None, 2)
    assert made == ["fork"] and sorted(parts) == sorted(d.name for d in WITH_FAILURES)


def test_a_failing_pool_falls_back_to_the_serial_check(monkeypatch):
    def broken(method=None):
        raise OSError("no processes here")

    monkeypatch.setattr(parallel.multiprocessing, "get_context", broken)
    assert parallel.check_in_processes(WITH_FAILURES, DEFAULT, None, 2) == {}
    assert _report(check_all(WITH_FAILURES, jobs=2)) == _report(check_all(WITH_FAILURES))


def test_workers_fill_the_cache_and_answered_derivations_stay_in_the_parent(
        tmp_path, monkeypatch, catalogue, serial_report):
    cold = VerdictCache.open(tmp_path)
    assert _report(check_all(catalogue, cache=cold, jobs=2)) == serial_report
    cold.close()

    pools = []
    context = multiprocessing.get_context
    monkeypatch.setattr(parallel.multiprocessing, "get_context",
                        lambda method=None: pools.append(method) or context(method))
    warm = VerdictCache.open(tmp_path)
    assert _report(check_all(catalogue, cache=warm, jobs=2)) == serial_report
    assert warm.misses == 0 and warm.hits > 100
    assert pools == []  # every derivation was answered by the cache: no worker was started
    warm.close()
