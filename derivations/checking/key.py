"""The verdict cache's key: a SHA-256 of everything the proof of a step depends on.

The previous expression and the step's expression (every node with its class, every symbol with
its assumptions), the relation, the rule's name and parameters (transform, certificate, lemma
instance, citations), the facts the hypotheses give, the sampling seed, the settings of the
check (``CheckSettings.fingerprint``), the Python, SymPy, mpmath and package versions, and a
digest of the package's verdict code: every source file under ``derivations/``, recursively,
except the front ends and renderers listed in :data:`NOT_VERDICT_CODE` (so any change to the
code that checks invalidates everything, wherever that code lives). A step that involves a
class or a function from outside SymPy and that code (whose changes the key cannot follow) is
:class:`Unkeyable`, never conflated with another.
"""

from __future__ import annotations

import enum
import hashlib
import platform
import sys
import types
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from sympy import Basic, Dummy, IndexedBase, Number, Symbol, Wild, srepr
from sympy.core.function import AppliedUndef, UndefinedFunction

from derivations._version import __version__
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts
from derivations.language.implementation import Implementation
from derivations.language.step import Step
from derivations.settings import CheckSettings

#: The layout of the database; a new layout gets a new file name, never a migration.
LAYOUT = 2
#: The package's folder.
_PACKAGE = Path(__file__).resolve().parent.parent
#: What under ``derivations/`` cannot change a verdict: the shipped derivations (whose
#: expressions are in every key, and whose reference implementations are keyed by their own
#: digest), the renderers and the front ends. Everything else is verdict code.
NOT_VERDICT_CODE = frozenset({
    "catalogue", "render", "mutation", "schema", "__init__.py", "__main__.py", "cli.py",
    "loader.py", "output.py", "pipeline.py", "progress.py", "pytest_plugin.py", "watch.py",
})


class Unkeyable(Exception):
    """An input the key cannot describe exactly: the step is checked without the cache."""


# -- the code the verdicts depend on ----------------------------------------------------------


def _source_digest(root: Path, paths: list[Path]) -> str:
    """SHA-256 of the files ``paths`` under ``root``, each with its path relative to ``root``
    (a file moved to another folder is another file)."""
    h = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _verdict_code(package: Path) -> list[Path]:
    """Every source file under ``package`` (recursively) that can influence a verdict: all of
    them but those of :data:`NOT_VERDICT_CODE`. A new module or subfolder is included by
    default, so code cannot move out of the digest's sight by moving."""
    return [p for p in package.rglob("*.py")
            if p.relative_to(package).parts[0] not in NOT_VERDICT_CODE]


def code_digest_of(package: Path) -> str:
    """SHA-256 of the verdict code of the package at ``package`` (see :func:`_verdict_code`)."""
    return _source_digest(package, _verdict_code(package))


#: Read when this module is imported, so that it describes the code that runs (a source file
#: edited later, under a running process, must not lend the old code's verdicts its new key).
_CODE_DIGEST = code_digest_of(_PACKAGE)


def code_digest() -> str:
    """SHA-256 of the package's verdict code as imported (:func:`code_digest_of`)."""
    return _CODE_DIGEST


def _trusted(module: str | None) -> bool:
    """Code whose changes the key tracks: SymPy's and mpmath's (by version), the package's
    verdict code (by :func:`code_digest`)."""
    if not module:
        return False
    if module.startswith(("sympy.", "mpmath.")):
        return True
    parts = module.split(".")
    return parts[0] == "derivations" and len(parts) > 1 and (
        parts[1] not in NOT_VERDICT_CODE and f"{parts[1]}.py" not in NOT_VERDICT_CODE)


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


def _environment(settings: CheckSettings) -> list[str]:
    """What every verdict depends on besides its inputs: versions, the checking code, the
    settings of the check."""
    import mpmath
    import sympy
    from sympy.external.gmpy import GROUND_TYPES

    return [
        f"layout={LAYOUT}",
        f"python={platform.python_version()}",
        f"sympy={sympy.__version__} ({GROUND_TYPES})",
        f"mpmath={mpmath.__version__}",
        f"derivations={__version__}",
        f"code={code_digest()}",
        f"settings={settings.fingerprint()}",
    ]


def step_key(prev: Basic, step: Step, facts: Facts, seed: int, settings: CheckSettings) -> str:
    """The SHA-256 key of a step's verdict; raises :class:`Unkeyable`."""
    rule = step.rule
    parameters = (rule.name, rule.summary, rule.relations, rule.transform, rule.certificate,
                  rule.instance, rule.cites, rule.equality_if, rule.carried, rule.mapping,
                  rule.antiderivatives)
    keyer = _Keyer()  # one numbering of Dummies across every part
    parts = [
        *_environment(settings),
        f"seed={seed}",
        f"previous={keyer.text(prev)}",
        f"expression={keyer.text(step.expr)}",
        f"relation={keyer.text(step.relation)}",
        # the rule's parameters; its fitness test and side conditions run on every hit
        f"rule={keyer.text(parameters)}",
        f"facts={keyer.text(facts)}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def derivation_key(d: Derivation, settings: CheckSettings) -> str:
    """The SHA-256 key of a whole derivation's own parts (its steps, implementations and
    equality case): everything it is made of, written as :func:`fingerprint` writes it (so
    equal keys, interchangeable derivations: the same steps, seeds and step keys), with what
    every verdict depends on. Kept in memory only (``store.VerdictCache.keep``); raises
    :class:`Unkeyable` (a reference implementation, code the key cannot follow)."""
    parts = [*_environment(settings), f"derivation={_Keyer().text(d)}"]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def package_digest() -> str:
    """SHA-256 of every source file of the package as it is on disk now (its ``.py`` files and
    its report schema, in every subfolder): the engine, the catalogue, the renderers and the
    front ends, which all shape a report."""
    return _source_digest(_PACKAGE, [p for p in _PACKAGE.rglob("*")
                                     if p.suffix in (".py", ".json") and p.is_file()
                                     and "__pycache__" not in p.parts])


def report_key(request: list[str], settings: CheckSettings) -> str:
    """The SHA-256 key of a whole report of the shipped catalogue (``derivations check`` with
    no source but catalogue names): what every verdict depends on, NumPy's version (the
    reference implementations run on it), :func:`package_digest`, and ``request``, every
    argument that shapes the report (the names, the evidence policy, the JSON report)."""
    parts = [*_environment(settings), f"numpy={_numpy_version()}",
             f"package={package_digest()}", *(f"request={r}" for r in request)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


#: Reference implementations whose code the key can follow: the catalogue's own, whose every
#: source file (with the engine's) is in the key. An author's function may call code anywhere,
#: so its check always runs.
_CATALOGUE_DIGEST = _source_digest(_PACKAGE / "catalogue", sorted(
    (_PACKAGE / "catalogue").rglob("*.py")))


def _numpy_version() -> str:
    """NumPy's version, without importing it when nothing has (a warm check calls no code)."""
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        return str(numpy.__version__)
    from importlib.metadata import version

    return version("numpy")


def implementation_key(impl: Implementation, target: Basic, facts: Facts, seed: int,
                       settings: CheckSettings) -> str:
    """The SHA-256 key of a reference implementation's verdict; raises :class:`Unkeyable`."""
    function = impl.function
    module = getattr(function, "__module__", None) or ""
    catalogue = _PACKAGE / "catalogue"
    in_catalogue = isinstance(function, types.FunctionType) and Path(
        function.__code__.co_filename).resolve().parent == catalogue
    if not in_catalogue or not module.startswith("derivations.catalogue."):
        raise Unkeyable(f"function {module}.{getattr(function, '__qualname__', '?')} is not "
                        "the catalogue's")
    keyer = _Keyer()
    parts = [
        *_environment(settings),
        f"numpy={_numpy_version()}",
        f"catalogue={_CATALOGUE_DIGEST}",
        f"seed={seed}",
        f"function={module}.{function.__qualname__}, {keyer._code(function.__code__)}",
        f"arguments={keyer.text(impl.arguments)}",
        f"target={keyer.text(target)}",
        f"facts={keyer.text(facts)}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


__all__ = ["LAYOUT", "NOT_VERDICT_CODE", "Unkeyable", "code_digest", "code_digest_of",
           "derivation_key", "fingerprint", "implementation_key", "package_digest",
           "report_key", "step_key"]
