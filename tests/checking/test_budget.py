"""The per-step time budget: a step that runs too long ends undecided, never accepted."""

from __future__ import annotations

import signal
import threading

from sympy import Sum, Symbol

from derivations import rules
from derivations.checking.grade import check_step
from derivations.language.hypotheses import Facts
from derivations.language.results import Status
from derivations.language.step import Step
from derivations.settings import DEFAULT, CheckSettings

x = Symbol("x", real=True)
j = Symbol("j", integer=True)
#: Just under the sampler's limit: written out term by term, far slower than these budgets.
HUGE = Sum(x ** j, (j, 1, DEFAULT.max_terms))


def budget(seconds: float) -> CheckSettings:
    return CheckSettings(step_budget=seconds)


def test_pathological_true_step_ends_undecided_within_budget():
    result = check_step(1, HUGE, Step(HUGE + x - x, rules.algebra, "nothing changes"), Facts(),
                        budget(0.5))
    assert result.status is Status.UNDECIDED and not result.ok
    assert result.reason == "could not decide within 0.5 s"


def test_pathological_wrong_step_ends_undecided_not_accepted():
    result = check_step(1, HUGE, Step(HUGE + 1, rules.algebra, "off by one"), Facts(),
                        budget(0.5))
    assert result.status is Status.UNDECIDED
    assert result.reason == "could not decide within 0.5 s"


def test_the_budget_comes_from_the_settings():
    assert DEFAULT.step_budget == 60.0
    result = check_step(1, HUGE, Step(HUGE, rules.algebra, "the same"), Facts(),
                        budget(0.25))
    assert result.reason == "could not decide within 0.25 s"


def test_alarm_and_handler_are_restored():
    before = signal.getsignal(signal.SIGALRM)
    check_step(1, x + x, Step(2 * x, rules.algebra, "collect"), Facts(), budget(5))
    check_step(1, HUGE, Step(HUGE, rules.algebra, "the same"), Facts(), budget(0.2))
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_quick_step_is_judged_as_usual_with_a_budget():
    ok = check_step(1, x + x, Step(2 * x, rules.algebra, "collect"), Facts(), budget(5))
    wrong = check_step(1, x + x, Step(3 * x, rules.algebra, "miscounted"), Facts(), budget(5))
    assert ok.ok and wrong.status is Status.FAILED and wrong.counterexample is not None


def test_an_alarm_swallowed_by_library_code_is_repeated(monkeypatch):
    """A bare ``except`` somewhere in SymPy may eat the first alarm; the next one ends it."""
    import derivations.checking.grade as module

    real = module._check_step
    swallowed = []

    def swallowing(*args):
        try:
            while True:
                pass
        except BaseException as exc:  # what careless library code might do
            swallowed.append(exc)
        return real(*args)

    monkeypatch.setattr(module, "_check_step", swallowing)
    result = check_step(1, HUGE, Step(HUGE + 1, rules.algebra, "off by one"), Facts(),
                        budget(0.3))
    assert swallowed and result.status is Status.UNDECIDED


def test_off_the_main_thread_the_budget_is_not_armed():
    results = []
    thread = threading.Thread(target=lambda: results.append(
        check_step(1, x + x, Step(2 * x, rules.algebra, "collect"), Facts(), budget(0.01))))
    thread.start()
    thread.join()
    assert results[0].ok  # no SIGALRM off the main thread: judged, not cut short
