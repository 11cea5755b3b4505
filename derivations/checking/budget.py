"""The time budget of one step: past it the step ends undecided, never accepted."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Seconds between repeated alarms once the budget is spent.
_REPEAT = 0.25


class OutOfTime(BaseException):
    """Raised by the alarm inside a step that ran out of time (a BaseException, so that no
    ``except Exception`` in SymPy swallows it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`OutOfTime` after ``seconds``; a no-op off the main thread, without
    SIGALRM, or when another alarm is already pending (it is left alone)."""
    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats: should library code swallow one OutOfTime, the next one ends the step.
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)  # type: ignore[arg-type]
    try:
        yield
    finally:
        while True:  # an alarm may still land here; the timer is off once this loop ends
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                break
            except OutOfTime:
                continue
        signal.signal(signal.SIGALRM, previous)
