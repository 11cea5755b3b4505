"""The verdict cache: a step whose inputs have not changed is not proved again.

An accepted verdict (its evidence grade, its reason and what was tried) is stored in SQLite under
the key of ``checking.key``. Only accepted steps are stored: a failing or undecided step is
checked afresh every time. On a hit the checker still runs the rule's fitness test and its side
conditions (which are cheap, and so are rebuilt exactly, as SymPy objects); it skips only the
proof and the sampling. Anything the key cannot describe exactly makes the step uncacheable.

The database is ``$DERIVATIONS_CACHE_DIR``, ``$XDG_CACHE_HOME/derivations`` or
``~/.cache/derivations``, file :data:`FILENAME`, in WAL mode with a busy timeout, so two
processes may check at once. A cache that cannot be opened, read or written is dropped with one
warning on standard error: it never fails a check.

A check of the shipped catalogue alone whose every input is unchanged (``derivations check``
with the cache on) is answered by the whole report it printed last time, stored under a key of
every source file of the package and of what every verdict depends on
(``checking.key.report_key``): it neither constructs nor checks a derivation.

A process that checks again and again (``derivations watch``) also keeps in memory every
verdict it has read or stored, and, when it asks for it (``remember=True``), the accepted parts
of whole derivations (``checking.parts``); what it keeps in memory passed the same test as what
is written to disk (``checking.integrity``), and :data:`MEMORY` is a cache that has no file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sympy import Basic

from derivations.checking import integrity
from derivations.checking.key import LAYOUT, Unkeyable, implementation_key, step_key
from derivations.language.hypotheses import Facts
from derivations.language.implementation import Implementation
from derivations.language.step import Step
from derivations.settings import CheckSettings

FILENAME = f"verdicts-{LAYOUT}.sqlite"
#: Milliseconds a writer waits for another process's transaction before giving up the write.
BUSY_TIMEOUT_MS = 5000
#: Tries at opening a database that another process is creating at the same moment.
OPEN_ATTEMPTS = 20
#: The path of a cache that lives in memory only (SQLite's name for it).
MEMORY = Path(":memory:")
#: Whole derivations' parts kept in memory, at most this many (then forgotten all at once).
PARTS_KEPT = 10_000


@dataclass(frozen=True)
class Verdict:
    """What the cache keeps of an accepted step (the rest is rebuilt by the checker)."""

    evidence: str
    reason: str
    tried: tuple[str, ...]


def cache_dir() -> Path:
    """Where the cache lives: ``$DERIVATIONS_CACHE_DIR``, else the XDG cache directory."""
    explicit = os.environ.get("DERIVATIONS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "derivations"


@dataclass(frozen=True)
class Lookup:
    """One consultation of the cache: which step, under which key, and whether it was a hit."""

    index: int
    key: str | None
    hit: bool


class VerdictCache:
    """Accepted verdicts by key, in one SQLite file shared by every process."""

    def __init__(self, path: Path, *, remember: bool = False) -> None:
        self.path = path
        self.lookups: list[Lookup] = []
        #: whether whole derivations' accepted parts are kept (:meth:`keep`, :meth:`recall`)
        self.remember = remember
        self._keys: dict[tuple[Any, ...], tuple[tuple[Any, ...], str | None]] = {}
        #: accepted verdicts not yet written (see :meth:`flush`)
        self._pending: dict[str, str] = {}
        #: accepted verdicts read from the database or written to it, by key
        self._known: dict[str, Verdict] = {}
        self._parts: dict[str, object] = {}
        self._warned = False
        if path != MEMORY:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db: sqlite3.Connection | None = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; a cache
            self._db.execute("CREATE TABLE IF NOT EXISTS verdicts "
                             "(key TEXT PRIMARY KEY, verdict TEXT NOT NULL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS reports "
                             "(key TEXT PRIMARY KEY, report TEXT NOT NULL)")
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, directory: Path | None = None, *,
             remember: bool = False) -> VerdictCache | None:
        """The cache in ``directory`` (default :func:`cache_dir`; :data:`MEMORY` for one
        without a file), or None, with one warning, when it cannot be used."""
        path = MEMORY if directory == MEMORY else (
            (directory if directory is not None else cache_dir()) / FILENAME)
        for attempt in range(1, OPEN_ATTEMPTS + 1):
            try:
                cache = cls(path)
                cache.remember = remember
                return cache
            except sqlite3.OperationalError as exc:
                # processes creating the file at once: switching it to WAL can fail at once
                # with "locked", without waiting for the busy timeout
                if attempt < OPEN_ATTEMPTS and ("locked" in str(exc) or "busy" in str(exc)):
                    time.sleep(0.02 * attempt)
                    continue
                _warn(path, exc)
            except (OSError, sqlite3.Error) as exc:
                _warn(path, exc)
            return None
        return None

    @property
    def hits(self) -> int:
        return sum(1 for x in self.lookups if x.hit)

    @property
    def misses(self) -> int:
        return sum(1 for x in self.lookups if not x.hit)

    def key(self, prev: Basic, step: Step, facts: Facts, seed: int,
            settings: CheckSettings) -> str | None:
        return self._remembered(step_key, prev, step, facts, seed, settings)

    def code_key(self, impl: Implementation, target: Basic, facts: Facts, seed: int,
                 settings: CheckSettings) -> str | None:
        return self._remembered(implementation_key, impl, target, facts, seed, settings)

    def _remembered(self, make: Any, *inputs: Any) -> str | None:
        """``make(*inputs)``, once per inputs (by identity: the parallel check looks a step
        up before checking it), or None for inputs it cannot key."""
        memo = (make, *(x if isinstance(x, int) else id(x) for x in inputs))
        known = self._keys.get(memo)
        if known is None:
            try:
                key = make(*inputs)
            except Unkeyable:
                key = None
            known = self._keys[memo] = (inputs, key)  # inputs kept: their ids stay theirs
        return known[1]

    def forget_lookups(self) -> None:
        """Start counting lookups afresh, and drop the keys remembered by the identity of their
        inputs (a process that loads its derivations again would keep the old ones alive)."""
        self.lookups = []
        self._keys = {}

    def has(self, key: str) -> bool:
        """Whether an accepted verdict is stored under ``key`` (not recorded as a lookup)."""
        return self._read(key) is not None

    def get(self, index: int, key: str | None) -> Verdict | None:
        """The stored verdict for ``key``, or None (recorded in :attr:`lookups`)."""
        found = self._read(key) if key is not None else None
        self.lookups.append(Lookup(index, key, found is not None))
        return found

    def _read(self, key: str) -> Verdict | None:
        if self._db is None:
            return None
        known = self._known.get(key)
        if known is not None:
            return known
        if key in self._pending:
            row: tuple[str] | None = (self._pending[key],)
        else:
            try:
                row = self._db.execute("SELECT verdict FROM verdicts WHERE key = ?",
                                       (key,)).fetchone()
            except sqlite3.Error as exc:
                self._drop(exc)
                return None
        if row is None:
            return None
        try:  # a damaged row is a miss, never a verdict
            data = json.loads(row[0])
            if data["status"] != "ok" or data["evidence"] not in ("symbolic", "sized", "sampled"):
                return None
            tried = data["tried"]
            if not (isinstance(data["reason"], str) and isinstance(tried, list)
                    and all(isinstance(t, str) for t in tried)):
                return None
            verdict = Verdict(data["evidence"], data["reason"], tuple(tried))
        except (ValueError, KeyError, TypeError):
            return None
        if key not in self._pending:  # read from the database: kept as the database has it
            self._known[key] = verdict
        return verdict

    def put(self, key: str, verdict: Verdict) -> None:
        """Keep an accepted verdict, to be written by :meth:`flush` (at the end of each
        derivation's check, and on :meth:`close`)."""
        if self._db is None:
            return
        self._pending[key] = json.dumps({"status": "ok", "evidence": verdict.evidence,
                                         "reason": verdict.reason,
                                         "tried": list(verdict.tried)})

    def flush(self) -> None:
        """Write the pending verdicts in one transaction, if the checking code that found them
        is the code on disk (``checking.integrity``); otherwise drop them, with one warning. A
        write that fails is skipped."""
        pending, self._pending = self._pending, {}
        if self._db is None or not pending:
            return
        problem = integrity.untrusted()
        if problem is not None:
            if not self._warned:
                print(f"derivations: warning: the checking code of this process is not the "
                      f"code on disk ({problem}); its verdicts are not stored in {self.path}",
                      file=sys.stderr)
                self._warned = True
            return
        self._known.update((key, verdict) for key in pending
                           if (verdict := self._read_pending(pending, key)) is not None)
        try:
            with self._db:  # one transaction
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO verdicts (key, verdict) VALUES (?, ?)",
                    sorted(pending.items()))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return  # another process held the database too long: these writes are skipped
            self._drop(exc)
        except sqlite3.Error as exc:
            self._drop(exc)

    def report(self, key: str) -> dict[str, str] | None:
        """The whole report stored under ``key`` (:meth:`keep_report`), or None. A damaged
        row is a miss."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT report FROM reports WHERE key = ?",
                                   (key,)).fetchone()
        except sqlite3.Error as exc:
            self._drop(exc)
            return None
        if row is None:
            return None
        try:
            data = json.loads(row[0])
        except ValueError:
            return None
        if not (isinstance(data, dict) and data.get("status") == "ok"
                and all(isinstance(v, str) for v in data.values())):
            return None
        return data

    def keep_report(self, key: str, texts: dict[str, str]) -> None:
        """Store the texts of a whole report in which every derivation holds, under ``key``
        (``checking.key.report_key``), if the checking code that made it is the code on disk
        (the test :meth:`flush` applies). A write that fails is skipped."""
        if self._db is None or integrity.untrusted() is not None:
            return
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO reports (key, report) VALUES (?, ?)",
                                 (key, json.dumps({**texts, "status": "ok"}, sort_keys=True)))
        except sqlite3.Error:
            pass

    @staticmethod
    def _read_pending(pending: dict[str, str], key: str) -> Verdict | None:
        data = json.loads(pending[key])
        return Verdict(data["evidence"], data["reason"], tuple(data["tried"]))

    def keep(self, key: str, parts: object) -> None:
        """Keep a whole derivation's accepted parts in memory under ``key``, if this cache
        remembers them and the checking code that found them is the code on disk (the test
        :meth:`flush` applies)."""
        if not self.remember or integrity.untrusted() is not None:
            return
        if len(self._parts) >= PARTS_KEPT:
            self._parts.clear()
        self._parts[key] = parts

    def recall(self, key: str) -> object | None:
        """What :meth:`keep` kept under ``key``, or None."""
        return self._parts.get(key) if self.remember else None

    def _drop(self, exc: Exception) -> None:
        """Stop using a database that fails (warned once)."""
        if not self._warned:
            _warn(self.path, exc)
            self._warned = True
        self.close()

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


def _warn(path: Path, exc: Exception) -> None:
    print(f"derivations: warning: verdict cache {path} is unusable ({exc}); checking without "
          "it (delete the file to start afresh)", file=sys.stderr)


__all__ = ["FILENAME", "MEMORY", "Lookup", "Verdict", "VerdictCache", "cache_dir"]
