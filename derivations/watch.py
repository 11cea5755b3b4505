"""``derivations watch``: check, then check again on every save.

The sources are loaded once and checked. Then, each time a watched file is saved (a source file,
or a file of the author's whose code ran while a source was loaded: a helper it imports), only
the sources that depend on a changed file are loaded again, and everything is checked again with
the verdicts of this session kept in memory under the verdict cache's own keys
(``checking.store``; a derivation interchangeable with one already accepted is not looked at, a
step whose content did not change is not proved again). Sources that share a file (one imports
another, or both import a third) are loaded together, in one ``loader.Loading``: the shared file
runs once for them, so a citation across them is the object that is checked. Each check prints
one status line that ends with its duration, then the failing derivations with their
counterexamples. A source that cannot be loaded is reported and watched until it loads; Ctrl-C
ends the session.

What is reloaded is the author's code only: modules of the ``derivations`` package (the engine
and its catalogue), of the standard library and of installed packages are loaded once per
session, so an edit to them needs a new session (the verdict cache refuses, as always, to store
verdicts of code that is not the code on disk: ``checking.integrity``).

Changes come from ``watchfiles`` (the operating system's file events, through the Rust
``notify`` crate) when it is installed, and otherwise, or with ``--poll``, from comparing the
files' ``stat`` every :data:`POLL_SECONDS`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from derivations import loader
from derivations.checking.store import MEMORY, VerdictCache
from derivations.errors import DerivationError
from derivations.language.derivation import Derivation
from derivations.language.results import DerivationResult, Evidence
from derivations.pipeline import check_loaded
from derivations.render.report import text
from derivations.settings import DEFAULT, CheckSettings

#: Seconds between two looks at the files' ``stat`` when polling.
POLL_SECONDS = 0.05
#: Milliseconds ``watchfiles`` waits after a file event for more of the same save.
STEP_MS = 10
#: Seconds between two looks at the files' ``stat`` while waiting for file events.
SAFETY_SECONDS = 0.5

@dataclass
class Source:
    """One SOURCE argument and what its last load found."""

    name: str
    derivations: list[Derivation] = field(default_factory=list)
    #: the files whose code ran while it was loaded (and, after a failure, the files the error
    #: came from): a save of any of them loads it again
    files: set[Path] = field(default_factory=set)
    #: why it could not be loaded, or None
    error: str | None = None

    @property
    def path(self) -> Path | None:
        """The source's own file, when it names one (as the loader decides)."""
        if self.name.endswith(".py") or "/" in self.name or Path(self.name).exists():
            return Path(self.name).resolve()
        return None


@dataclass(frozen=True)
class Report:
    """One check: its status line and what follows it."""

    line: str
    details: str
    results: tuple[DerivationResult, ...]
    #: steps whose proof ran (the others were answered from memory or the verdict cache)
    proved: int

    @property
    def ok(self) -> bool:
        return not self.details


class Watcher:
    """The sources of a session, their derivations and the verdicts kept in memory."""

    def __init__(self, sources: Iterable[str], *, cache: VerdictCache,
                 settings: CheckSettings = DEFAULT, min_evidence: Evidence = Evidence.SAMPLED,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.sources = [Source(name) for name in sources]
        self.cache = cache
        self.settings = settings
        self.min_evidence = min_evidence
        self.clock = clock
        #: every module a load of this session added to ``sys.modules`` (the author's)
        self._added: set[str] = set()
        #: each watched file's ``stat`` when it was last loaded (see :meth:`stale`)
        self._loaded: dict[Path, tuple[int, int, int] | None] = {}

    def files(self) -> set[Path]:
        """Every watched file."""
        found = {p for s in self.sources for p in s.files}
        found |= {p for s in self.sources if (p := s.path) is not None}
        return found

    def close(self) -> None:
        """Forget every module a load of this session added (the author's code)."""
        for name in self._added:
            sys.modules.pop(name, None)
        self._added = set()

    def stale(self) -> set[Path]:
        """The watched files changed since they were loaded: what a file event may have missed
        (a save while the watcher started, or while it checked)."""
        return {p for p in self.files() if p in self._loaded and _stamp(p) != self._loaded[p]}

    def check(self, changed: Iterable[Path] | None = None) -> Report:
        """Load again the sources that depend on a file of ``changed`` (all of them when it is
        None), then check, reusing what this session already accepted."""
        began = self.clock()
        changed = None if changed is None else {Path(p).resolve() for p in changed}
        if changed is not None:
            for path in changed:  # Python would trust bytecode of the same second and size
                _forget_bytecode(path)
        due = [s for s in self.sources if changed is None or _own(s) & changed]
        loaded = self._groups(due)
        for group in loaded:
            self._load(group)
        # a load may show that sources loaded apart share a file (on the first check, or after
        # an edit that imports another source): they are loaded again together, so that the
        # file they share runs once for all of them and a citation across them is the object
        # loaded and checked (``loader.Loading``)
        for group in self._groups(due):
            if not any(_same(group, other) for other in loaded):
                self._load(group)
        return self._checked(began)

    def _groups(self, due: Iterable[Source]) -> list[list[Source]]:
        """The sources to load together: each of ``due`` with every source that shares a file
        with it, directly or through others (as far as the last loads show)."""
        groups: list[list[Source]] = []
        for source in due:
            if any(source in group for group in groups):
                continue
            group, files = [source], set(_own(source))
            grown = True
            while grown:
                grown = False
                for other in self.sources:
                    if other not in group and _own(other) & files:
                        group.append(other)
                        files |= _own(other)
                        grown = True
            groups.append([s for s in self.sources if s in group])
        return groups

    def _load(self, group: list[Source]) -> None:
        """Load the sources of ``group`` afresh, in one ``loader.Loading`` (a file they share
        runs once): every module a load of this session added is forgotten first, so that its
        imports run again from the files as they are now. Each source of a group of several
        depends on every file the group's load ran."""
        for name in self._added:
            sys.modules.pop(name, None)
        importlib.invalidate_caches()  # a helper file created since the last look
        known = {s.name: _own(s) for s in group}
        for files in known.values():
            self._loaded.update((p, _stamp(p)) for p in files)  # before they are read
        before = set(sys.modules)
        writing, sys.dont_write_bytecode = sys.dont_write_bytecode, True
        self.cache.seal()  # what it holds now, before the author's code runs again
        loading = loader.Loading()
        blamed: dict[str, set[Path]] = {}
        try:
            for source in group:
                source.derivations, source.error, blamed[source.name] = [], None, set()
                try:
                    source.derivations = loading.load([source.name])
                except DerivationError as exc:  # LoadError, AuthoringError: they say where
                    source.error, blamed[source.name] = str(exc), _blamed(exc)
                except Exception as exc:  # the author's code may raise anything
                    source.error = f"loading it raised {type(exc).__name__}: {exc}"
                    blamed[source.name] = _blamed(exc)
        finally:
            sys.dont_write_bytecode = writing
        added = loader.authors_modules(set(sys.modules) - before)
        self._added |= set(added)
        for source in group:
            source.files = set(added.values()) | {p for p in blamed[source.name]
                                                  if loader.authors(p)}
            self._loaded.update((p, _stamp(p)) for p in source.files - known[source.name])

    def _checked(self, began: float) -> Report:
        """Check every loaded derivation; the report of it."""
        broken = [s for s in self.sources if s.error is not None]
        chosen: dict[str, Derivation] = {}
        given: dict[str, str] = {}
        clash = None
        for source in self.sources:
            for d in source.derivations:
                first = chosen.setdefault(d.name, d)
                given.setdefault(d.name, source.name)
                if first is not d and not loader.interchangeable(first, d):
                    clash = (f"two different derivations are named {d.name!r}, from "
                             f"{given[d.name]} and from {source.name}")
        self.cache.forget_lookups()
        self.cache.verify("while the sources were loaded", loaded=True)
        results: tuple[DerivationResult, ...] = ()
        error = clash
        if error is None:
            try:
                results = tuple(check_loaded(chosen.values(), min_evidence=self.min_evidence,
                                             verdicts=self.cache, settings=self.settings))
            except DerivationError as exc:  # a cycle of citations, ...
                error = str(exc)
            except Exception as exc:  # an object the engine cannot handle
                error = f"checking raised {type(exc).__name__}: {exc}"
        self.cache.verify("while the sources were checked")
        proved = self.cache.misses
        took = (self.clock() - began) * 1000
        return _report(results, broken, error, proved, took)


def _report(results: tuple[DerivationResult, ...], broken: list[Source], error: str | None,
            proved: int, took: float) -> Report:
    failed = [r for r in results if not r.ok]
    steps = sum(len(r.steps) for r in results)
    bad_steps = sum(not s.ok for r in results for s in r.steps)
    parts = []
    if broken:
        parts.append(f"{_count(len(broken), 'source')} not loaded")
    if error is not None:
        parts.append("not checked")
    elif failed:
        parts.append(f"FAILED: {len(failed)} of {_count(len(results), 'derivation')}, "
                     f"{bad_steps} of {_count(steps, 'step')}")
    elif results:
        parts.append(f"ok: {_count(len(results), 'derivation')}, {_count(steps, 'step')}")
    else:
        parts.append("nothing to check")
    when = time.strftime("%H:%M:%S")
    line = (f"[{when}] {'; '.join(parts)} ({proved} proved again) in {took:.0f} ms")
    details = [f"derivations: cannot load {s.name}: {s.error}" for s in broken]
    if error is not None:
        details.append(f"derivations: {error}")
    if failed:
        details.append(text(failed).rstrip("\n"))
    return Report(line, "\n".join(details), results, proved)


def _own(source: Source) -> set[Path]:
    """The files ``source`` depends on, its own included."""
    return source.files | ({source.path} if source.path is not None else set())


def _same(group: list[Source], other: list[Source]) -> bool:
    return len(group) == len(other) and all(a is b for a, b in zip(group, other, strict=True))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _blamed(exc: BaseException) -> set[Path]:
    """The files an error came from: every frame of its traceback and of its causes, and the
    file of a syntax error (a helper that fails to import is not in ``sys.modules``, but its
    fix must be seen)."""
    found: set[Path] = set()
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        found |= {Path(f.filename).resolve() for f in traceback.extract_tb(e.__traceback__)
                  if not f.filename.startswith("<")}
        if isinstance(e, SyntaxError) and e.filename and not e.filename.startswith("<"):
            found.add(Path(e.filename).resolve())
        todo += [e.__cause__, e.__context__]
    return {p for p in found if p.is_file()}


def _forget_bytecode(path: Path) -> None:
    """Delete the cached bytecode of a changed ``.py`` file: Python compares only the source's
    size and its modification time in whole seconds, so a second save within the same second
    could otherwise run the first save's code."""
    if path.suffix != ".py" or not loader.authors(path):
        return
    try:
        Path(importlib.util.cache_from_source(str(path))).unlink(missing_ok=True)
    except (OSError, ValueError, NotImplementedError):
        pass


# -- waiting for a save -------------------------------------------------------------------------


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def polled(stale: Callable[[], set[Path]], interval: float = POLL_SECONDS,
           sleep: Callable[[float], None] = time.sleep) -> Iterator[set[Path]]:
    """The watched files that changed since they were loaded (``stale``: by their ``stat``; a
    file that appears or disappears changes too), looked at every ``interval`` seconds."""
    while True:
        sleep(interval)
        changed = stale()
        if changed:
            yield changed


def notified(files: Callable[[], set[Path]],
             stale: Callable[[], set[Path]]) -> Iterator[set[Path]]:
    """The watched files that changed, from the operating system's file events
    (``watchfiles``), and, at every event and every :data:`SAFETY_SECONDS` without one, the
    files changed since they were loaded (``stale``: a save before the events were watched).
    Their folders are watched, not the files themselves: an editor that saves by writing a new
    file and renaming it over the old one is seen too."""
    import watchfiles

    while True:
        watched = files()
        folders = sorted({p.parent for p in watched if p.parent.is_dir()})
        if not folders:
            yield from polled(stale)
            return
        try:
            for events in watchfiles.watch(*folders, step=STEP_MS, recursive=False,
                                           rust_timeout=int(SAFETY_SECONDS * 1000),
                                           yield_on_timeout=True):
                current = files()
                changed = ({Path(p) for _, p in events} & current) | stale()
                if changed:
                    yield changed
                if sorted({p.parent for p in current if p.parent.is_dir()}) != folders:
                    break  # a new helper in another folder: watch again
        except (OSError, RuntimeError) as exc:  # the system's limit of watches, ...
            print(f"derivations: file events failed ({exc}); polling instead", file=sys.stderr)
            yield from polled(stale)
            return


def watching_library() -> bool:
    """Whether ``watchfiles`` is installed (else :func:`polled` is the fallback)."""
    return importlib.util.find_spec("watchfiles") is not None


def run(sources: Iterable[str], *, cache: bool = True, poll: bool = False,
        settings: CheckSettings = DEFAULT, min_evidence: Evidence = Evidence.SAMPLED,
        out: TextIO | None = None) -> None:
    """Check ``sources``, then again on every save, printing a report to ``out`` each time,
    until interrupted (a KeyboardInterrupt reaches the caller)."""
    stream = out if out is not None else sys.stdout
    verdicts = VerdictCache.open(None if cache else MEMORY, remember=True) or \
        VerdictCache.open(MEMORY, remember=True)
    assert verdicts is not None
    verdicts.seal()  # before any author's code runs: see VerdictCache.verify
    watcher = Watcher(sources, cache=verdicts, settings=settings, min_evidence=min_evidence)
    with _ctrl_c() as interrupted:
        try:
            show(watcher.check(), stream)
            how = "polling" if poll or not watching_library() else "file events"
            print(f"watching {_count(len(watcher.files()), 'file')} ({how}); Ctrl-C to stop",
                  file=stream, flush=True)
            changes = polled(watcher.stale) if poll or not watching_library() else \
                notified(watcher.files, watcher.stale)
            for changed in changes:
                show(watcher.check(changed), stream)
                if interrupted.is_set():  # a Ctrl-C that code under the check swallowed
                    raise KeyboardInterrupt
        finally:
            watcher.close()
            verdicts.close()


@contextlib.contextmanager
def _ctrl_c() -> Iterator[threading.Event]:
    """While the session runs, a Ctrl-C raises KeyboardInterrupt as usual and is also
    remembered: library code under a check (a bare ``except:``) may swallow the exception,
    and the session must end all the same once that check is done. Off the main thread, where
    no handler can be set, nothing is remembered."""
    interrupted = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield interrupted
        return

    def handler(signum: int, frame: object) -> None:
        interrupted.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)


def show(report: Report, stream: TextIO) -> None:
    print(report.line, file=stream)
    if report.details:
        print(report.details, file=stream)
    stream.flush()
