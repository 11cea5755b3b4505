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

Every row carries its signature, an HMAC-SHA256 of its table, key and value under a secret
that the first process to open the cache makes, in the file :data:`SECRET` beside the database
(mode 0600): a row whose signature is wrong was not written by this checker, and is deleted
unread. A derivation file is Python that runs in the checker's own process, and could read
that secret; so before an author's code runs the cache is sealed (:meth:`VerdictCache.seal`:
the signature of every row is remembered), and after the code is loaded, and again after the
check, a row that appeared or changed without the checker writing it discards every stored
verdict and report, renews the secret, and is reported on standard error
(:meth:`VerdictCache.verify`). What this cannot stop (code that writes after the last look, or
a process that runs outside the checker) is in ``docs/reference.md``: ``--no-cache`` is the
choice for files that are not trusted.

A process that checks again and again (``derivations watch``) also keeps in memory every
verdict it has read or stored, and, when it asks for it (``remember=True``), the accepted parts
of whole derivations (``checking.parts``); what it keeps in memory passed the same test as what
is written to disk (``checking.integrity``), and :data:`MEMORY` is a cache that has no file.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import stat
import sys
import tempfile
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
#: The file, beside the database, of the secret that signs its rows (mode 0600).
SECRET = f"verdicts-{LAYOUT}.secret"
#: Bytes of the secret.
_SECRET_BYTES = 32
#: The tables of the database, each a key, a value and the value's signature.
_TABLES = {"verdicts": "verdict", "reports": "report"}
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
        #: rows this cache wrote since :meth:`written` was last asked: (table, key, signature)
        self._written: list[tuple[str, str, str]] = []
        #: what this cache held in memory when :meth:`seal` last ran (see :meth:`verify`)
        self._memory: str | None = None
        #: once :meth:`seal` ran, the signature of every row by (table, key) as this process
        #: left the database
        self._expected: dict[tuple[str, str], str] | None = None
        if path != MEMORY:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._secret = secrets.token_bytes(_SECRET_BYTES) if path == MEMORY else \
            _secret(path.parent / SECRET)
        self._db: sqlite3.Connection | None = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; a cache
            for table, column in _TABLES.items():
                self._db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, "
                                 f"{column} TEXT NOT NULL, mac TEXT NOT NULL)")
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
    def usable(self) -> bool:
        """Whether the database is still in use (not dropped, discarded or closed)."""
        return self._db is not None

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
            row: str | None = self._pending[key]
        else:
            row = self._signed("verdicts", key)
        if row is None:
            return None
        try:  # a damaged row is a miss, never a verdict
            data = json.loads(row)
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
        rows = [(key, value, self._sign("verdicts", key, value))
                for key, value in sorted(pending.items())]
        try:
            with self._db:  # one transaction
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO verdicts (key, verdict, mac) VALUES (?, ?, ?)", rows)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return  # another process held the database too long: these writes are skipped
            self._drop(exc)
            return
        except sqlite3.Error as exc:
            self._drop(exc)
            return
        self.expect([("verdicts", key, mac) for key, _, mac in rows])
        self._written.extend(("verdicts", key, mac) for key, _, mac in rows)

    def report(self, key: str) -> dict[str, str] | None:
        """The whole report stored under ``key`` (:meth:`keep_report`), or None. A damaged
        row is a miss."""
        row = self._signed("reports", key)
        if row is None:
            return None
        try:
            data = json.loads(row)
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
        value = json.dumps({**texts, "status": "ok"}, sort_keys=True)
        mac = self._sign("reports", key, value)
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO reports (key, report, mac) "
                                 "VALUES (?, ?, ?)", (key, value, mac))
        except sqlite3.Error:
            return
        self.expect([("reports", key, mac)])
        self._written.append(("reports", key, mac))

    @staticmethod
    def _read_pending(pending: dict[str, str], key: str) -> Verdict | None:
        data = json.loads(pending[key])
        return Verdict(data["evidence"], data["reason"], tuple(data["tried"]))

    def keep(self, key: str, parts: object) -> None:
        """Keep a whole derivation's accepted parts in memory under ``key``, if this cache
        remembers them and the checking code that found them is the code on disk (the test
        :meth:`flush` applies)."""
        if not self.remember or self._db is None or integrity.untrusted() is not None:
            return
        if len(self._parts) >= PARTS_KEPT:
            self._parts.clear()
        self._parts[key] = parts

    def recall(self, key: str) -> object | None:
        """What :meth:`keep` kept under ``key``, or None."""
        return self._parts.get(key) if self.remember and self._db is not None else None

    # -- what the checker wrote, and nothing else ----------------------------------------------

    def _sign(self, table: str, key: str, value: str) -> str:
        """The signature of a row: HMAC-SHA256, under the secret, of its table, key and value."""
        message = "\0".join((table, key, value)).encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def _signed(self, table: str, key: str) -> str | None:
        """The value stored in ``table`` under ``key`` when its signature is right; a row whose
        signature is wrong (not written by this checker) is deleted, and is a miss."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(f"SELECT {_TABLES[table]}, mac FROM {table} WHERE key = ?",
                                   (key,)).fetchone()
        except sqlite3.Error as exc:
            self._drop(exc)
            return None
        if row is None:
            return None
        value, mac = row
        if isinstance(value, str) and isinstance(mac, str) and hmac.compare_digest(
                mac, self._sign(table, key, value)):
            return value
        try:
            with self._db:
                self._db.execute(f"DELETE FROM {table} WHERE key = ? AND mac IS ?", (key, mac))
        except sqlite3.Error:
            pass  # deleted by a later reader; it is never served either way
        if self._expected is not None:
            self._expected.pop((table, key), None)
        return None

    def _state(self) -> dict[tuple[str, str], str]:
        """The signature of every row of the database, by table and key."""
        assert self._db is not None
        return {(table, key): mac for table in _TABLES
                for key, mac in self._db.execute(f"SELECT key, mac FROM {table}")}

    def seal(self) -> None:
        """From now on, a row that appears or changes in the database and that this cache did
        not write (nor announced with :meth:`expect`) is tampering: :meth:`verify` looks.
        Called before an author's code runs in this process (a file or module is loaded);
        calling it again changes nothing."""
        if self._memory is None:  # anew before the loads of each round (watch loads again)
            self._memory = self._in_memory()
        if self._db is None or self._expected is not None:
            return
        try:
            self._expected = self._state()
        except sqlite3.Error as exc:
            self._drop(exc)

    def _in_memory(self) -> str:
        """A digest of what this cache holds in memory: verdicts not yet written, verdicts
        read, parts remembered (red-team l07: code that finds this object and calls
        :meth:`put` while a file is loaded writes nothing to the database, yet the verdict
        would be served and then signed as the checker's own)."""
        held = repr((sorted(self._pending.items()), sorted((k, repr(v)) for k, v in
                                                           self._known.items()),
                     sorted((k, repr(v)) for k, v in self._parts.items()),
                     len(self._written)))
        return hashlib.sha256(held.encode()).hexdigest()

    def expect(self, rows: list[tuple[str, str, str]]) -> None:
        """Rows (table, key, signature) that the checker wrote: this cache's own writes, and
        those of its worker processes (``checking.parallel``)."""
        if self._expected is not None:
            self._expected.update(((table, key), mac) for table, key, mac in rows)

    def written(self) -> list[tuple[str, str, str]]:
        """The rows this cache wrote since the last call, for :meth:`expect` in another."""
        rows, self._written = self._written, []
        return rows

    def verify(self, during: str, *, loaded: bool = False) -> bool:
        """Whether the database holds, since :meth:`seal`, only rows that the checker wrote
        (true before :meth:`seal`). Otherwise code of this process other than the checker's
        (or another process) wrote to it while ``during``: every stored verdict and report is
        deleted, the secret is renewed, this cache is no longer used, and standard error says
        so. Rows that disappeared are not tampering: a missing row is a miss."""
        if self._db is None or self._expected is None:
            return True
        memory, self._memory = self._memory, None
        if loaded and memory is not None and memory != self._in_memory():
            self._discard(f"verdicts that this checker did not find were put into it {during}")
            return False
        try:
            now = self._state()
        except sqlite3.Error as exc:
            self._drop(exc)
            return False
        foreign = [row for row, mac in now.items() if self._expected.get(row) != mac]
        if not foreign:
            self._expected = now  # forget the rows that disappeared
            return True
        self._discard(f"{len(foreign)} row{'s' if len(foreign) != 1 else ''} that this "
                      f"checker did not write appeared or changed {during}")
        return False

    def _discard(self, why: str) -> None:
        """Delete every row, renew the secret and stop using the database."""
        assert self._db is not None
        try:
            with self._db:
                self._db.execute("BEGIN")
                for table in _TABLES:
                    self._db.execute(f"DELETE FROM {table}")
        except sqlite3.Error:
            pass
        if self.path != MEMORY:
            try:
                _new_secret(self.path.parent / SECRET, replace=True)
            except OSError:
                pass
        print(f"derivations: warning: verdict cache {self.path}: {why}; every stored verdict "
              "and report is discarded and the cache is not used again by this process (check "
              "files you do not trust with --no-cache)", file=sys.stderr)
        self._warned = True
        self._pending, self._known, self._parts, self._expected = {}, {}, {}, None
        self._db.close()
        self._db = None

    def _drop(self, exc: Exception) -> None:
        """Stop using a database that fails (warned once)."""
        if not self._warned:
            _warn(self.path, exc)
            self._warned = True
        self.close()

    def close(self) -> None:
        """Write what is pending, unless the database was tampered with since :meth:`seal`
        (:meth:`verify`), and close it."""
        if self.verify("while the sources were checked"):
            self.flush()
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


def _secret(path: Path) -> bytes:
    """The secret that signs the rows of the database beside ``path``: read from ``path``, or
    made there (mode 0600) by the first process that needs it. A file that is not a regular
    file of this user's, that others may read or write, or of the wrong size is replaced (so
    every row signed with it becomes a miss), with a warning."""
    for _ in range(OPEN_ATTEMPTS):
        try:
            found = _read_secret(path)
        except FileNotFoundError:
            try:
                return _new_secret(path, replace=False)
            except FileExistsError:
                continue  # another process made it at the same moment: read that one
        if found is not None:
            return found
        print(f"derivations: warning: {path} is not a secret of this user's alone; a new one "
              "replaces it, and every stored verdict is checked again", file=sys.stderr)
        return _new_secret(path, replace=True)
    raise OSError(f"{path}: cannot be read or made")


def _read_secret(path: Path) -> bytes | None:
    """The secret in ``path``, or None when it cannot be trusted (FileNotFoundError when
    there is none)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise
    except OSError:  # a symbolic link, ...
        return None
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077
                or (hasattr(os, "getuid") and info.st_uid != os.getuid())):
            return None
        data = os.read(fd, _SECRET_BYTES + 1)
    finally:
        os.close(fd)
    return data if len(data) == _SECRET_BYTES else None


def _new_secret(path: Path, *, replace: bool) -> bytes:
    """A new secret, written to ``path`` whole (through a file of mode 0600 that is linked
    there, or renamed there when ``replace``); FileExistsError when another process made one
    first and not ``replace``."""
    secret = secrets.token_bytes(_SECRET_BYTES)
    fd, made = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(secret)
        if replace:
            os.replace(made, path)
        else:
            os.link(made, path)
    finally:
        if os.path.lexists(made):
            os.unlink(made)
    return secret


def _warn(path: Path, exc: Exception) -> None:
    print(f"derivations: warning: verdict cache {path} is unusable ({exc}); checking without "
          "it (delete the file to start afresh)", file=sys.stderr)


__all__ = ["FILENAME", "MEMORY", "SECRET", "Lookup", "Verdict", "VerdictCache", "cache_dir"]
