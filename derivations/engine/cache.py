"""The verdict cache: a step whose inputs have not changed is not proved again.

An accepted verdict (its evidence grade, its reason and what was tried) is stored in SQLite under
the SHA-256 of everything the proof of the step's relation depends on: the previous expression
and the step's expression (every node with its class, every symbol with its assumptions), the
relation, the rule's name and parameters (transform, certificate, lemma instance, citations), the
facts the hypotheses give, the sampling seed, the engine's numeric settings, the Python, SymPy,
mpmath and package versions, and a digest of the engine's own source files (so any change to the
checker invalidates everything). A step that involves a class or a function from outside SymPy
and the engine (whose code the key cannot follow) is not cached.

Only accepted steps are stored: a failing or undecided step is checked afresh every time. On a
hit the checker still runs the rule's fitness test and its side conditions (which are cheap, and
so are rebuilt exactly, as SymPy objects); it skips only the proof and the sampling. Anything the
key cannot describe exactly (an object of an unknown type) makes the step uncacheable, never
conflated with another.

The database is ``$DERIVATIONS_CACHE_DIR``, ``$XDG_CACHE_HOME/derivations`` or
``~/.cache/derivations``, file :data:`FILENAME`, in WAL mode with a busy timeout, so two
processes may check at once. A cache that cannot be opened, read or written is dropped with one
warning on standard error: it never fails a check.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import os
import platform
import sqlite3
import sys
import time
import types
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sympy import Basic, Dummy, IndexedBase, Number, Symbol, Wild, srepr
from sympy.core.function import AppliedUndef, UndefinedFunction

if TYPE_CHECKING:
    from derivations.engine.hypotheses import Facts
    from derivations.engine.implementation import Implementation
    from derivations.engine.step import Step

#: The layout of the database; a new layout gets a new file name, never a migration.
LAYOUT = 1
FILENAME = f"verdicts-{LAYOUT}.sqlite"
#: Milliseconds a writer waits for another process's transaction before giving up the write.
BUSY_TIMEOUT_MS = 5000
#: Tries at opening a database that another process is creating at the same moment.
OPEN_ATTEMPTS = 20
_ENGINE = Path(__file__).resolve().parent
_TRUSTED_MODULES = ("sympy.", "mpmath.", "derivations.engine.")


class Unkeyable(Exception):
    """An input the key cannot describe exactly: the step is checked without the cache."""


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


# -- the key ------------------------------------------------------------------------------------


def _source_digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


#: Read when the engine is imported, so that it describes the code that runs (a source file
#: edited later, under a running process, must not lend the old code's verdicts its new key).
_ENGINE_DIGEST = _source_digest(list(_ENGINE.glob("*.py")))


def engine_digest() -> str:
    """SHA-256 of the engine's source files (``derivations/engine/*.py``) as imported."""
    return _ENGINE_DIGEST


def _trusted(module: str | None) -> bool:
    """Code whose changes the key tracks (the engine's digest, SymPy's and mpmath's versions)."""
    return bool(module) and (module + ".").startswith(_TRUSTED_MODULES)  # type: ignore[operator]


def _class(cls: type) -> str:
    """A class by name, if its code is tracked. Any other class (a user's own SymPy class) could
    have changed under the same name, and the key cannot see the code that runs: unkeyable."""
    name = f"{cls.__module__}.{cls.__qualname__}"
    if not _trusted(cls.__module__) or "<locals>" in cls.__qualname__:
        raise Unkeyable(f"class {name} is not part of SymPy or the engine")
    return name


def _assumptions(obj: Any) -> str:
    return repr(sorted((k, v) for k, v in obj.assumptions0.items()))


#: Texts of Dummy-free expressions by identity (see :meth:`_Keyer._expr`), at most this many.
_TEXTS: dict[int, tuple[Basic, str]] = {}
_TEXTS_KEPT = 100_000


class _Keyer:
    """Writes objects as text that determines them exactly: equal texts, interchangeable
    objects (up to a consistent renaming of Dummies), whatever ``PYTHONHASHSEED`` is.

    SymPy numbers Dummies from a random base in every process, so a Dummy is written as the
    order of its first appearance in the whole key: one numbering for all parts of a key.
    ``blind`` writes every Dummy alike (only to order the members of a set).
    """

    def __init__(self, *, blind: bool = False) -> None:
        self.blind = blind
        self.dummies: dict[Basic, int] = {}
        self._dummies_met = 0

    def _dummy(self, d: Basic) -> str:
        self._dummies_met += 1
        return "?" if self.blind else str(self.dummies.setdefault(d, len(self.dummies)))

    def text(self, obj: Any) -> str:
        """Raises :class:`Unkeyable` for a type it does not know."""
        if obj is None or isinstance(obj, (bool, int, str, bytes)):
            return f"{type(obj).__name__}:{obj!r}"
        if isinstance(obj, float):
            return f"float:{obj.hex()}"
        if isinstance(obj, enum.Enum):
            return f"{_class(type(obj))}.{obj.name}"
        if isinstance(obj, UndefinedFunction):
            return self._undefined(obj)
        if isinstance(obj, Basic):
            return self._expr(obj)
        if isinstance(obj, (tuple, list)):
            return f"{type(obj).__name__}({', '.join(self.text(x) for x in obj)})"
        if isinstance(obj, (set, frozenset, dict)):
            return self._collection(obj)
        if is_dataclass(obj) and not isinstance(obj, type):
            parts = ", ".join(f"{f.name}={self.text(getattr(obj, f.name))}" for f in fields(obj))
            return f"{_class(type(obj))}({parts})"
        if isinstance(obj, types.FunctionType):
            return self._function(obj)
        if type(obj).__module__ == "mpmath.ctx_mp_python":  # an mpf setting (a tolerance)
            return f"mpf:{obj!r}"
        raise Unkeyable(f"cannot key an object of type {type(obj).__qualname__}")

    def _collection(self, obj: set | frozenset | dict) -> str:
        """Members in an order that does not depend on hashing (nor on Dummy numbers)."""
        blind = _Keyer(blind=True)
        if isinstance(obj, dict):
            items = sorted(obj.items(), key=lambda kv: (blind.text(kv[0]), blind.text(kv[1])))
            return f"dict({', '.join(f'{self.text(k)}: {self.text(v)}' for k, v in items)})"
        members = sorted(obj, key=blind.text)
        return f"set({', '.join(self.text(x) for x in members)})"

    def _undefined(self, func: UndefinedFunction) -> str:
        """An undefined function: its name, its arity and everything it was declared with."""
        extra = sorted(func._kwargs.items())  # assumptions; attributes such as a template
        return (f"UndefinedFunction({func.__name__!r}, nargs={self.text(func.nargs)}, "
                f"{', '.join(f'{k}={self.text(v)}' for k, v in extra)})")

    def _expr(self, e: Basic) -> str:
        """:meth:`_written`, remembered for a subexpression without Dummies (whose text then
        depends on nothing but the object; adjacent steps share their expressions)."""
        known = _TEXTS.get(id(e))
        if known is not None and known[0] is e:
            return known[1]
        met = self._dummies_met
        text = self._written(e)
        if self._dummies_met == met:
            if len(_TEXTS) >= _TEXTS_KEPT:
                _TEXTS.clear()
            _TEXTS[id(e)] = (e, text)  # the entry keeps e alive, so its id is not reused
        return text

    def _written(self, e: Basic) -> str:
        """Every node with its class; every atom with whatever distinguishes it."""
        if isinstance(e, Wild):  # a pattern carries state outside its name and assumptions
            raise Unkeyable(f"a pattern symbol {e}")
        if isinstance(e, Symbol):
            extra = f", dummy={self._dummy(e)}" if isinstance(e, Dummy) else ""
            return f"{_class(type(e))}({e.name!r}{extra}, {_assumptions(e)})"
        if isinstance(e, Number):
            return srepr(e)  # exact: a Float keeps its precision
        head = self._undefined(type(e)) if isinstance(e, AppliedUndef) else _class(type(e))
        if isinstance(e, IndexedBase):  # state kept outside the args
            head += (f"[offset={self.text(e.offset)}, strides={self.text(e.strides)}, "
                     f"{_assumptions(e)}]")
        if not e.args:
            return f"{head}<{srepr(e)}>"
        return f"{head}({', '.join(self._expr(a) for a in e.args)})"

    def _function(self, f: types.FunctionType) -> str:
        """An engine function by its code: bytecode, constants, names, defaults and closure
        values (a closure made at run time, such as a LaTeX template, differs by its values)."""
        if not _trusted(f.__module__):  # what it calls may have changed: see _class
            raise Unkeyable(f"function {f.__module__}.{f.__qualname__} is not the engine's")
        code = f.__code__
        cells = tuple(c.cell_contents for c in f.__closure__ or ())
        return (f"function({f.__module__}.{f.__qualname__}, {self._code(code)}, "
                f"defaults={self.text(f.__defaults__)}, "
                f"kwdefaults={self.text(f.__kwdefaults__)}, closure={self.text(cells)})")

    def _code(self, code: types.CodeType) -> str:
        consts = ", ".join(self._code(c) if isinstance(c, types.CodeType) else self.text(c)
                           for c in code.co_consts)
        return f"code({code.co_code.hex()}, names={code.co_names!r}, consts=({consts}))"


def fingerprint(obj: Any) -> str:
    """The text of ``obj`` that the key hashes (see :class:`_Keyer`)."""
    return _Keyer().text(obj)


_SIMPLE = (bool, int, float, str, type(None))


def _is_setting(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(_is_setting(v) for v in value)
    return isinstance(value, _SIMPLE) or type(value).__module__ == "mpmath.ctx_mp_python"


@functools.lru_cache(maxsize=1)
def _setting_names() -> tuple[tuple[Any, str], ...]:
    """(module, name) of every upper-case module-level name of the engine."""
    import importlib

    out = []
    for path in sorted(_ENGINE.glob("*.py")):
        if path.stem == "__init__":
            continue
        module = importlib.import_module(f"derivations.engine.{path.stem}")
        for attr in sorted(vars(module)):
            bare = attr.lstrip("_")
            if bare[:1].isalpha() and bare.isupper():
                out.append((module, attr))
    return tuple(out)


def _settings() -> str:
    """The engine's module-level settings (``MIN_AGREEMENT``, ``DIGITS``, ...) as they are now:
    a setting changed at run time must not be served verdicts found under another. Written
    again only when some name is bound to another object than last time."""
    names = _setting_names()
    values = tuple(getattr(module, attr, None) for module, attr in names)
    last_values, last_text = _last_settings
    if len(values) == len(last_values) and all(
            a is b for a, b in zip(values, last_values, strict=True)):
        return last_text
    out = []
    for (module, attr), value in zip(names, values, strict=True):
        if _is_setting(value):
            out.append(f"{module.__name__}.{attr}={fingerprint(value)}")
    text = "\n".join(out)
    _last_settings[:] = [values, text]
    return text


#: The values the settings text was last written for (compared by identity) and that text.
_last_settings: list[Any] = [(), ""]


def _environment() -> list[str]:
    """What every verdict depends on besides its inputs: versions, the engine, its settings."""
    import mpmath
    import sympy
    from sympy.external.gmpy import GROUND_TYPES

    import derivations

    return [
        f"layout={LAYOUT}",
        f"python={platform.python_version()}",
        f"sympy={sympy.__version__} ({GROUND_TYPES})",
        f"mpmath={mpmath.__version__}",
        f"derivations={derivations.__version__}",
        f"engine={engine_digest()}",
        _settings(),
    ]


def step_key(prev: Basic, step: Step, facts: Facts, seed: int) -> str:
    """The SHA-256 key of a step's verdict; raises :class:`Unkeyable`."""
    rule = step.rule
    parameters = (rule.name, rule.summary, rule.relations, rule.transform, rule.certificate,
                  rule.instance, rule.cites, rule.equality_if)
    keyer = _Keyer()  # one numbering of Dummies across every part
    parts = [
        *_environment(),
        f"seed={seed}",
        f"previous={keyer.text(prev)}",
        f"expression={keyer.text(step.expr)}",
        f"relation={keyer.text(step.relation)}",
        # the rule's parameters; its fitness test and side conditions run on every hit
        f"rule={keyer.text(parameters)}",
        f"facts={keyer.text(facts)}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


#: Reference implementations whose code the key can follow: the catalogue's own, whose every
#: source file (with the engine's) is in the key. An author's function may call code anywhere,
#: so its check always runs.
_CATALOGUE = _ENGINE.parent / "catalogue"
_CATALOGUE_DIGEST = _source_digest(sorted(_CATALOGUE.glob("*.py")))


def _numpy_version() -> str:
    """NumPy's version, without importing it when nothing has (a warm check calls no code)."""
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        return str(numpy.__version__)
    from importlib.metadata import version

    return version("numpy")


def implementation_key(impl: Implementation, target: Basic, facts: Facts, seed: int) -> str:
    """The SHA-256 key of a reference implementation's verdict; raises :class:`Unkeyable`."""
    function = impl.function
    module = getattr(function, "__module__", None) or ""
    if not isinstance(function, types.FunctionType) or not module.startswith(
            "derivations.catalogue."):
        raise Unkeyable(f"function {module}.{getattr(function, '__qualname__', '?')} is not "
                        "the catalogue's")
    keyer = _Keyer()
    parts = [
        *_environment(),
        f"numpy={_numpy_version()}",
        f"catalogue={_CATALOGUE_DIGEST}",
        f"seed={seed}",
        f"function={module}.{function.__qualname__}, {keyer._code(function.__code__)}",
        f"arguments={keyer.text(impl.arguments)}",
        f"target={keyer.text(target)}",
        f"facts={keyer.text(facts)}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


# -- the database -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lookup:
    """One consultation of the cache: which step, under which key, and whether it was a hit."""

    index: int
    key: str | None
    hit: bool


class VerdictCache:
    """Accepted verdicts by key, in one SQLite file shared by every process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lookups: list[Lookup] = []
        self._keys: dict[tuple[Any, ...], tuple[tuple[Any, ...], str | None]] = {}
        self._warned = False
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db: sqlite3.Connection | None = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL stays consistent; a cache
            self._db.execute("CREATE TABLE IF NOT EXISTS verdicts "
                             "(key TEXT PRIMARY KEY, verdict TEXT NOT NULL)")
        except BaseException:
            self._db.close()
            raise

    @classmethod
    def open(cls, directory: Path | None = None) -> VerdictCache | None:
        """The cache in ``directory`` (default :func:`cache_dir`), or None, with one warning,
        when it cannot be used."""
        path = (directory if directory is not None else cache_dir()) / FILENAME
        for attempt in range(1, OPEN_ATTEMPTS + 1):
            try:
                return cls(path)
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

    def key(self, prev: Basic, step: Step, facts: Facts, seed: int) -> str | None:
        return self._remembered(step_key, prev, step, facts, seed)

    def code_key(self, impl: Implementation, target: Basic, facts: Facts,
                 seed: int) -> str | None:
        return self._remembered(implementation_key, impl, target, facts, seed)

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
            return Verdict(data["evidence"], data["reason"], tuple(tried))
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, verdict: Verdict) -> None:
        """Store an accepted verdict (one transaction; a write that fails is skipped)."""
        if self._db is None:
            return
        text = json.dumps({"status": "ok", "evidence": verdict.evidence,
                           "reason": verdict.reason, "tried": list(verdict.tried)})
        try:
            self._db.execute("INSERT OR REPLACE INTO verdicts (key, verdict) VALUES (?, ?)",
                             (key, text))
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return  # another process held the database too long: this write is skipped
            self._drop(exc)
        except sqlite3.Error as exc:
            self._drop(exc)

    def _drop(self, exc: Exception) -> None:
        """Stop using a database that fails (warned once)."""
        if not self._warned:
            _warn(self.path, exc)
            self._warned = True
        self.close()

    def close(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None


def _warn(path: Path, exc: Exception) -> None:
    print(f"derivations: warning: verdict cache {path} is unusable ({exc}); checking without "
          "it (delete the file to start afresh)", file=sys.stderr)


__all__ = ["FILENAME", "Lookup", "Unkeyable", "Verdict", "VerdictCache", "cache_dir",
           "engine_digest", "fingerprint", "step_key"]
