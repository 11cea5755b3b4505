"""Finding derivations: the catalogue, an author's Python file, or an importable module."""

from __future__ import annotations

import contextlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import keyword
import sys
import sysconfig
import traceback
import zlib
from collections.abc import Iterable, Iterator, Sequence
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


class _AuthorsFolders(importlib.abc.MetaPathFinder):
    """Finds an author's module in the folders of the files being loaded, after every other
    finder: a module of the standard library or of an installed package always comes first, so
    an author's ``math.py`` or ``sympy.py`` never replaces it (an ``import math`` gets the
    library's). It stands in for the folder at the head of ``sys.path`` that running a script
    gives, without letting that folder shadow anything."""

    def __init__(self, folder: Path) -> None:
        self.folder = str(folder)

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if path is not None:  # a submodule: its package's own path finds it
            return None
        return importlib.machinery.PathFinder.find_spec(name, [self.folder])


@contextlib.contextmanager
def _finding_in(folder: Path) -> Iterator[None]:
    finder = _AuthorsFolders(folder)
    sys.meta_path.append(finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


#: The names of the author's modules that loads added to ``sys.modules``; the next load
#: forgets them, so that every load runs the author's code as it is on disk now.
_ADDED: set[str] = set()


def _forget() -> None:
    for name in _ADDED:
        sys.modules.pop(name, None)
    _ADDED.clear()


def _added_since(before: set[str]) -> dict[str, Path]:
    added = authors_modules(set(sys.modules) - before)
    _ADDED.update(added)
    return added


class Loading:
    """One load of several sources: each file of the author's is executed once, as one module,
    whichever way it is reached (named as a source, or imported by another file: the same
    resolved path gives the same module object), so that a derivation cited across files is
    the very object that is loaded and checked.

    A new ``Loading`` forgets the modules earlier loads added to ``sys.modules``."""

    def __init__(self) -> None:
        _forget()
        #: every module of the author's this load reached, by its resolved file
        self.modules: dict[Path, ModuleType] = {}

    def reached(self, before: set[str]) -> None:
        """Note the modules of the author's added to ``sys.modules`` since ``before``."""
        for name, path in _added_since(before).items():
            self.modules.setdefault(path, sys.modules[name])

    def load(self, sources: Sequence[str]) -> list[Derivation]:
        """The derivations ``sources`` name, and those they cite (see :func:`load`)."""
        shipped = catalogue()
        by_name = {d.name: d for d in shipped}
        chosen: list[Derivation] = []
        for source in sources:
            if source in by_name:
                chosen.append(by_name[source])
            elif source.endswith(".py") or "/" in source or Path(source).exists():
                chosen.extend(from_file(Path(source), self))
            elif all(part.isidentifier() for part in source.split(".")):
                if "." not in source:
                    raise LoadError(f"unknown derivation {source!r}; the catalogue has: "
                                    + ", ".join(by_name))
                chosen.extend(from_module(source, self))
            else:
                raise LoadError(f"{source!r} is neither a catalogue name, a .py file nor a "
                                "module")
        known = self.known(by_name, chosen)
        found = _with_citations(chosen, known)
        _check_prose_references(found, known)
        return found

    def known(self, shipped: dict[str, Derivation],
              chosen: Iterable[Derivation]) -> dict[str, Derivation]:
        """Every derivation a citation may name: the catalogue's, then (taking precedence)
        those at the top level of every module of the author's this load reached, imported
        ones included. Two different derivations of one name in them are a LoadError that
        names the files of both."""
        homes: dict[int, list[Path]] = {}
        mine: dict[str, Derivation] = {}
        for path, module in self.modules.items():
            for d in derivations_in(module):
                homes.setdefault(id(d), []).append(path)
                mine.setdefault(d.name, d)
        for d in (*chosen, *(d for m in self.modules.values() for d in derivations_in(m))):
            first = mine.setdefault(d.name, d)
            if first is not d and not interchangeable(first, d):
                one, other = _home(first, homes, d), _home(d, homes, first)
                where = f"both {one}" if one == other else f"{one} and {other}"
                raise LoadError(f"two different derivations are named {d.name!r}, {where}; "
                                "rename one of them")
        return {**shipped, **mine}


def interchangeable(one: Derivation, other: Derivation) -> bool:
    """Equal in every part a check uses: what ``==`` compares, the equality case
    (``check._same_theorem``) and the reference implementations (red-team k06: a twin that
    differs only there would be dropped unchecked). A module reached both as a path and by a
    dotted name gives such twins."""
    return (one == other and one.equality_if == other.equality_if
            and one.implementations == other.implementations)


def _home(d: Derivation, homes: dict[int, list[Path]], other: Derivation) -> str:
    """Where ``d`` is defined, as well as the loader can tell: a file that has it and not
    ``other``."""
    mine, theirs = homes.get(id(d), []), homes.get(id(other), [])
    only = [p for p in mine if p not in theirs] or mine
    return f"in {only[0]}" if only else "not in a file of yours"


def _plain_name(path: Path) -> str | None:
    """The name ``import`` reaches ``path`` by from its folder, when the loader may give the
    module that name: not the name of a module found elsewhere (the standard library, an
    installed package, another file of the author's already loaded)."""
    name = path.stem
    if not name.isidentifier() or keyword.iskeyword(name):
        return None
    there = sys.modules.get(name)
    if there is not None:
        where = getattr(there, "__file__", None)
        return name if isinstance(where, str) and Path(where).resolve() == path else None
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        if isinstance(finder, _AuthorsFolders) or find is None:
            continue
        try:
            spec = find(name, None)
        except Exception:  # a third-party finder may fail; then do not take the name
            return None
        if spec is not None:
            origin = spec.origin
            same = origin not in (None, "built-in", "frozen") and Path(origin).resolve() == path
            return name if same else None
    return name


def _shadowed(exc: BaseException, folder: Path) -> str:
    """A hint when the author's code imported a name of the standard library or of an
    installed package expecting a file of theirs of that name."""
    module = getattr(exc, "obj", None) if isinstance(exc, AttributeError) else None
    name = module.__name__ if isinstance(module, ModuleType) else \
        getattr(exc, "name", None) if isinstance(exc, ImportError) else None
    if not isinstance(name, str) or "." in name:
        return ""
    mine = folder / f"{name}.py"
    there = getattr(sys.modules.get(name), "__file__", None)
    if not mine.is_file() or (isinstance(there, str) and Path(there).resolve() == mine):
        return ""
    return (f" ({mine} cannot be imported as {name!r}: that is the name of a module of the "
            "standard library or of an installed package, which comes first; rename the file)")


def from_file(path: Path, loading: Loading | None = None) -> list[Derivation]:
    """The derivations a Python file defines. The file runs as a module named after it (as
    ``import`` would name it from its folder) unless that name is taken, then under a private
    name; within ``loading``, a file already run (named earlier or imported) is not run again.
    Other files of its folder are importable while it runs (after every library module)."""
    if not path.is_file():
        raise LoadError(f"{path}: no such file")
    resolved = path.resolve()
    if loading is not None and resolved in loading.modules:
        module = loading.modules[resolved]
    else:
        module = _run(path, loading)
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


def _run(path: Path, loading: Loading | None) -> ModuleType:
    resolved = path.resolve()
    name = _plain_name(resolved) or \
        f"_derivations_user_{path.stem}_{zlib.crc32(str(resolved).encode()):08x}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise LoadError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    integrity.baseline()  # the checking code as read from disk, before the author's code runs
    before = set(sys.modules)
    sys.modules[name] = module
    path_before = list(sys.path)
    try:
        with _authors_output(), _finding_in(resolved.parent):
            spec.loader.exec_module(module)
    except AuthoringError as exc:
        sys.modules.pop(name, None)
        raise AuthoringError(f"{path}{_where(exc, path)}: {exc}") from exc
    except KeyboardInterrupt:
        sys.modules.pop(name, None)
        raise
    except BaseException as exc:  # the author's code may raise anything, exit() included
        sys.modules.pop(name, None)
        raise LoadError(f"{path}{_where(exc, path)}: importing it raised "
                        f"{type(exc).__name__}: {exc}{_shadowed(exc, resolved.parent)}") \
            from exc
    finally:
        sys.path[:] = path_before
        integrity.forget()  # whatever the author's code wrote into the checker's memos
        if loading is not None:
            loading.reached(before)
        else:
            _added_since(before)
    _ADDED.add(name)
    if loading is not None:
        loading.modules[resolved] = module
    return module


def from_module(dotted: str, loading: Loading | None = None) -> list[Derivation]:
    integrity.baseline()
    before = set(sys.modules)
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
        if loading is not None:
            loading.reached(before)
        else:
            _added_since(before)
    found = derivations_in(module)
    if not found:
        raise NoDerivations(f"module {dotted}: defines no derivations")
    return found


def _with_citations(chosen: Iterable[Derivation], known: dict[str, Derivation]) -> list[Derivation]:
    """``chosen`` plus every derivation they cite, transitively, each once (``known`` has
    one derivation of each name: :meth:`Loading.known`)."""
    result: dict[str, Derivation] = {}
    visiting: set[str] = set()

    def add(d: Derivation) -> None:
        if d.name in result or d.name in visiting:
            return  # (a cycle, or a derivation citing itself, is refused by the check)
        visiting.add(d.name)
        for cited in d.cites:
            if cited in known and cited not in result:
                add(known[cited])
        result[d.name] = d

    for d in chosen:
        add(d)
    return list(result.values())


def load(sources: Sequence[str] = ()) -> list[Derivation]:
    """The derivations named by ``sources`` (all of the catalogue when empty), and every
    derivation they cite that the catalogue or a loaded file of the author's (one named, or
    one a named file imports) defines. Each file runs once (:class:`Loading`)."""
    if not sources:
        return catalogue()
    return Loading().load(sources)


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
