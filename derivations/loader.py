"""Finding derivations: the catalogue, an author's Python file, or an importable module."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import sys
import sysconfig
import traceback
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

from derivations.checking import integrity
from derivations.errors import AuthoringError, LoadError, NoDerivations
from derivations.language.derivation import Derivation

#: The package's folder, and the folders of the standard library and installed packages.
_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = tuple(sorted({Path(p).resolve() for key, p in sysconfig.get_paths().items()
                           if key in ("stdlib", "platstdlib", "purelib", "platlib")}))


def authors(path: Path) -> bool:
    """Whether ``path`` is an author's code: not the package's, the standard library's or an
    installed package's."""
    path = path.resolve()
    return not any(path.is_relative_to(root) for root in (_PACKAGE, *_LIBRARIES))


def authors_modules(names: Iterable[str]) -> dict[str, Path]:
    """The files of the modules among ``names`` (in ``sys.modules``) that are an author's code
    (:func:`authors`)."""
    found = {}
    for name in names:
        where = getattr(sys.modules.get(name), "__file__", None)
        if isinstance(where, str) and authors(Path(where)):
            found[name] = Path(where).resolve()
    return found


def shipped_only(sources: Sequence[str]) -> bool:
    """Whether ``sources`` can only name the shipped catalogue (no source, or names that are
    not paths): then :func:`load` runs no code but the package's."""
    return all(s.isidentifier() and not Path(s).exists() for s in sources)


def catalogue() -> list[Derivation]:
    from derivations.catalogue import CATALOGUE

    return list(CATALOGUE)


def derivations_in(module: ModuleType) -> list[Derivation]:
    """The Derivation objects a module defines at top level, in definition order."""
    found: dict[int, Derivation] = {}
    for value in vars(module).values():
        if isinstance(value, Derivation):
            found.setdefault(id(value), value)
    return list(found.values())


def _authors_output() -> contextlib.AbstractContextManager[object]:
    """While the author's code runs, what it prints goes to standard error: standard output
    belongs to the command (``--json -`` writes only JSON there)."""
    return contextlib.redirect_stdout(sys.stderr)


def _where(exc: BaseException, path: Path) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if Path(f.filename).resolve() == path.resolve()]
    return f" (line {frames[-1].lineno})" if frames else ""


def from_file(path: Path) -> list[Derivation]:
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    name = f"_derivations_user_{path.stem}_{zlib.crc32(str(path.resolve()).encode()):08x}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise LoadError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    integrity.baseline()  # the checking code as read from disk, before the author's code runs
    sys.modules[name] = module
    sys.path.insert(0, str(path.parent.resolve()))
    try:
        with _authors_output():
            spec.loader.exec_module(module)
    except AuthoringError as exc:
        raise AuthoringError(f"{path}{_where(exc, path)}: {exc}") from exc
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # the author's code may raise anything, exit() included
        raise LoadError(f"{path}{_where(exc, path)}: importing it raised "
                        f"{type(exc).__name__}: {exc}") from exc
    finally:
        sys.path.remove(str(path.parent.resolve()))
        integrity.forget()  # whatever the author's code wrote into the checker's memos
    found = derivations_in(module)
    if not found:
        raise NoDerivations(f"{path}: defines no derivations (no top-level Derivation objects)")
    if any("[[" in text for d in found for _, text in d.prose):
        known = {d.name: d for d in (*catalogue(), *found)}
        try:
            _check_prose_references(found, known)
        except AuthoringError as exc:
            raise AuthoringError(f"{path}: {exc}") from exc
    return found


def from_module(dotted: str) -> list[Derivation]:
    integrity.baseline()
    try:
        with _authors_output():
            module = importlib.import_module(dotted)
    except ModuleNotFoundError as exc:
        raise LoadError(f"{dotted!r} is neither a catalogue name, a file, nor an importable "
                        f"module ({exc})") from exc
    except (AuthoringError, KeyboardInterrupt):
        raise
    except BaseException as exc:
        raise LoadError(f"module {dotted}: importing it raised {type(exc).__name__}: {exc}") \
            from exc
    finally:
        integrity.forget()
    found = derivations_in(module)
    if not found:
        raise NoDerivations(f"module {dotted}: defines no derivations")
    return found


def _with_citations(chosen: Iterable[Derivation], known: dict[str, Derivation]) -> list[Derivation]:
    """``chosen`` plus every derivation they cite, transitively, each once."""
    result: dict[str, Derivation] = {}

    def add(d: Derivation) -> None:
        if d.name in result:
            # the same file reached as a path and as a module gives equal, not identical, objects
            if result[d.name] != d:
                raise AuthoringError(f"two different derivations are named {d.name!r}")
            return
        for cited in d.cites:
            if cited in known and cited not in result:
                add(known[cited])
        result[d.name] = d

    for d in chosen:
        add(d)
    return list(result.values())


def load(sources: Sequence[str] = ()) -> list[Derivation]:
    """The derivations named by ``sources`` (all of the catalogue when empty)."""
    shipped = catalogue()
    if not sources:
        return shipped
    by_name = {d.name: d for d in shipped}
    chosen: list[Derivation] = []
    for source in sources:
        if source in by_name:
            chosen.append(by_name[source])
        elif source.endswith(".py") or "/" in source or Path(source).exists():
            chosen.extend(from_file(Path(source)))
        elif all(part.isidentifier() for part in source.split(".")):
            if "." not in source:
                raise LoadError(f"unknown derivation {source!r}; the catalogue has: "
                                + ", ".join(by_name))
            chosen.extend(from_module(source))
        else:
            raise LoadError(f"{source!r} is neither a catalogue name, a .py file nor a module")
    known = {**by_name, **{d.name: d for d in chosen}}
    found = _with_citations(chosen, known)
    _check_prose_references(found, known)
    return found


def _check_prose_references(found: Iterable[Derivation], known: dict[str, Derivation]) -> None:
    """Every ``[[name]]`` in a derivation's prose names a derivation that is loaded: a reference
    to nothing would print as a citation of a theorem that was never checked."""
    from derivations.language import prose

    for d in found:
        for place, text in d.prose:
            missing = [name for name in prose.refs(text) if name not in known]
            if missing:
                raise AuthoringError(f"derivation {d.name!r}: {place} refers to "
                                     f"[[{missing[0]}]], which names no loaded derivation")
