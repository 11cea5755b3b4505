"""Is the checking code that runs the code on disk? The verdict cache stores only if it is.

A derivation file is Python: it may rebind a function of the kernel (``canonical.prove_equal =
lambda *a: True``), swap a function's code, or patch a method. Its verdicts would be stored under
honest keys (the key digests the source files, which did not change), and served to later runs
of the unpatched code. So before a verdict is stored, the live code of every verdict module that
is loaded is compared with its source file: every function and class the file defines at top
level, every method of those classes and every name it imports from another verdict module must
be the object the file describes, compiled from the same bytes.

This guards the package's own code. A patch of SymPy or mpmath themselves is not detected here
(the key's versions cannot see it either); ``derivations check --no-cache`` is the answer to an
untrusted derivation file.
"""

from __future__ import annotations

import ast
import importlib.machinery
import sys
import types
from pathlib import Path
from typing import Any

from derivations.checking.key import NOT_VERDICT_CODE

_PACKAGE = Path(__file__).resolve().parent.parent


def _verdict_module(name: str) -> bool:
    parts = name.split(".")
    return (parts[0] == "derivations" and len(parts) > 1
            and parts[1] not in NOT_VERDICT_CODE and f"{parts[1]}.py" not in NOT_VERDICT_CODE)


def _same_code(live: types.CodeType, disk: types.CodeType) -> bool:
    if live.co_code != disk.co_code or live.co_names != disk.co_names:
        return False
    if len(live.co_consts) != len(disk.co_consts):
        return False
    for a, b in zip(live.co_consts, disk.co_consts, strict=True):
        if isinstance(a, types.CodeType) and isinstance(b, types.CodeType):
            if not _same_code(a, b):
                return False
        elif isinstance(a, types.CodeType) or isinstance(b, types.CodeType):
            return False
        elif type(a) is not type(b) or a != b:
            return False
    return True


def _code_objects(code: types.CodeType) -> dict[str, types.CodeType]:
    """The code of every function a compiled module defines, by qualified name."""
    found: dict[str, types.CodeType] = {}
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found[const.co_qualname] = const
            found.update(_code_objects(const))
    return found


def _function(obj: Any) -> types.FunctionType | None:
    """The plain function behind a function, a static or class method, or a property getter."""
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    if isinstance(obj, property):
        obj = obj.fget
    obj = getattr(obj, "__wrapped__", obj)  # functools.wraps and lru_cache
    return obj if isinstance(obj, types.FunctionType) else None


def _compiled(module: types.ModuleType, path: str, source: bytes) -> types.CodeType | None:
    """The code its loader makes of ``module``'s source file: Python's own compilation, or
    pytest's (which rewrites the asserts of the package that provides a plugin, ``derivations``
    among them); None for a loader whose compilation cannot be repeated here."""
    loader = getattr(module, "__loader__", None)
    plain = compile(source, path, "exec", dont_inherit=True)
    config = getattr(loader, "config", None)
    if type(loader).__name__ == "AssertionRewritingHook" and config is not None:
        from _pytest.assertion.rewrite import _rewrite_test  # only ever under pytest

        rewritten = _rewrite_test(Path(path), config)[1]
        return rewritten if _code_objects(rewritten).keys() == _code_objects(plain).keys() \
            and _matches_any(module, rewritten) else plain
    if isinstance(loader, importlib.machinery.SourceFileLoader):
        return plain
    return None


def _matches_any(module: types.ModuleType, code: types.CodeType) -> bool:
    """Whether the first function ``code`` defines at top level is the module's live one (to
    tell which of two compilations the loader used)."""
    for const in code.co_consts:
        if isinstance(const, types.CodeType) and "." not in const.co_qualname:
            live = _function(getattr(module, const.co_name, None))
            if live is not None and live.__module__ == module.__name__:
                return _same_code(live.__code__, const)
    return True


def module_problem(module: types.ModuleType) -> str | None:
    """Why the live ``module`` is not what its source file describes, or None."""
    path = getattr(module, "__file__", None)
    if path is None:
        return f"{module.__name__} has no source file"
    source = Path(path).read_bytes()
    tree = ast.parse(source)
    code = _compiled(module, path, source)
    if code is None:
        return f"{module.__name__} was loaded by {type(module.__loader__).__name__}"
    compiled = _code_objects(code)
    name = module.__name__
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            live = _function(getattr(module, node.name, None))
            if live is None or live.__module__ != name or not _same_code(
                    live.__code__, compiled[node.name]):
                return f"{name}.{node.name} is not the function its source file defines"
        elif isinstance(node, ast.ClassDef):
            cls = getattr(module, node.name, None)
            if not isinstance(cls, type) or cls.__module__ != name:
                return f"{name}.{node.name} is not the class its source file defines"
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    live = _function(cls.__dict__.get(item.name))
                    disk = compiled.get(f"{node.name}.{item.name}")
                    if live is None or disk is None or not _same_code(live.__code__, disk):
                        return (f"{name}.{node.name}.{item.name} is not the method its source "
                                "file defines")
        elif isinstance(node, ast.ImportFrom) and node.module and _verdict_module(node.module):
            origin = sys.modules.get(node.module)
            for alias in node.names:
                local = alias.asname or alias.name
                if origin is None or not hasattr(origin, alias.name):
                    continue  # a submodule: checked as a module of its own
                if getattr(module, local, None) is not getattr(origin, alias.name):
                    return (f"{name}.{local} is not {node.module}.{alias.name}, which its "
                            "source file imports")
    return None


#: Module-level containers that change as checking runs (caches, queues, this module's own
#: records): not part of what the checking code decides with.
_STATE = frozenset({
    "derivations.checking.integrity._TRUSTED", "derivations.checking.integrity._PRISTINE",
    "derivations.checking.key._TEXTS", "derivations.checking.parallel._queue",
    "derivations.checking.parallel._settings", "derivations.checking.parallel._cache_folder",
    "derivations.checking.parallel._worker_cache",
    "derivations.checking.parts._PRINTED", "derivations.kernel.binders._bound_cache",
    "derivations.language.vocabulary._KNOWN", "derivations.language.derivation._HEADS",
    # the functions the .tex reader makes of a declared function at a family, one per pair
    "derivations.tex.reader._SPECIALISED", "derivations.language.notation._HIDDEN",
})


#: The caches among them, emptied by :func:`forget`.
_CACHES = ("derivations.checking.key._TEXTS", "derivations.checking.parts._PRINTED",
           "derivations.kernel.binders._bound_cache", "derivations.language.vocabulary._KNOWN",
           "derivations.language.derivation._HEADS")


def forget() -> None:
    """Empty every memo the checking code keeps: the caches named as state and the
    ``lru_cache`` of each of its functions.

    Called once an author's code has run (a derivation file executed, a reference
    implementation called, a step with the author's own classes checked): such code may write
    into a memo (``binders._bound_cache[0] = j`` makes every canonical bound variable capture a
    free j) or fill one while a function is patched and then put the function back. Neither
    changes the code the snapshot compares, so the memos themselves are dropped; the verdicts
    found afterwards rest only on what the checking code computes again."""
    for qualified in _CACHES:
        owner, attribute = qualified.rsplit(".", 1)
        if owner in sys.modules:
            getattr(sys.modules[owner], attribute).clear()
    for name in sorted(sys.modules):
        module = sys.modules[name]
        if not _verdict_module(name) or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def _fingerprint(value: object) -> object:
    """What a constant is made of, by identity: a container's members (so that a table changed
    in place, ``_HANDLERS[log] = ...``, is seen), else the object itself."""
    if isinstance(value, dict):
        return tuple((id(k), id(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(id(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(id(v) for v in value)
    return id(value)


def _constants(module: types.ModuleType) -> dict[str, tuple[object, object]]:
    """Every module-level value of ``module`` that is not a module, function or class, and
    every attribute of its classes that is not a method (``Argmin.sense``), each kept with its
    fingerprint."""
    out: dict[str, tuple[object, object]] = {}
    name = module.__name__
    for key, value in vars(module).items():
        if key.startswith("__") or f"{name}.{key}" in _STATE \
                or isinstance(value, types.ModuleType) or _function(value) is not None:
            continue
        if isinstance(value, type):
            if value.__module__ == name:
                for attr, member in vars(value).items():
                    if not attr.startswith("__") and _function(member) is None:
                        out[f"{key}.{attr}"] = (member, _fingerprint(member))
            continue
        out[key] = (value, _fingerprint(value))
    return out


#: The constants of every verdict module as they were when :func:`baseline` ran.
_PRISTINE: dict[str, dict[str, tuple[object, object]]] = {}


def _constant_problem(module: types.ModuleType) -> str | None:
    """Which constant of ``module`` is not what it was at :func:`baseline`, or None."""
    recorded = _PRISTINE.get(module.__name__)
    if recorded is None:
        return None
    live = _constants(module)
    for key, (value, fingerprint) in recorded.items():
        now = live.get(key)
        if now is None or now[0] is not value or now[1] != fingerprint:
            return (f"{module.__name__}.{key} is not the value it had when the checking code "
                    "was loaded")
    return None


def tampered() -> str | None:
    """Why the loaded checking code differs from the files on disk (or a constant from its
    value at :func:`baseline`), or None when it does not (every loaded verdict module is
    compared)."""
    for name in sorted(sys.modules):
        module = sys.modules[name]
        if _verdict_module(name) and module is not None:
            problem = module_problem(module) or _constant_problem(module)
            if problem is not None:
                return problem
    return None


def snapshot() -> tuple[object, ...]:
    """A cheap fingerprint of the loaded verdict code: the identity of every attribute of every
    verdict module, of every member of the classes they define, and of every function's code
    object. Equal snapshots: nothing was rebound in between."""
    out: list[object] = []
    for name in sorted(n for n in sys.modules if _verdict_module(n)):
        module = sys.modules[name]
        if module is None:
            continue
        out.append(name)
        for key, value in vars(module).items():
            out.append(id(value) if f"{name}.{key}" in _STATE else _fingerprint(value))
            if isinstance(value, type) and value.__module__ == name:
                out.extend(_fingerprint(m) for m in vars(value).values())
                out.extend(id(f.__code__) for m in vars(value).values()
                           if (f := _function(m)) is not None)
            function = _function(value)
            if function is not None:
                out.append(id(function.__code__))
    return tuple(out)


#: The snapshot of code known to be the code on disk: taken by :func:`baseline` before any
#: author's code runs, or after :func:`tampered` found nothing.
_TRUSTED: list[tuple[object, ...]] = []


def _verdict_modules() -> list[str]:
    """The dotted names of every verdict module of the package, on disk."""
    found = []
    for path in sorted(_PACKAGE.rglob("*.py")):
        parts = ["derivations", *path.relative_to(_PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        name = ".".join(parts)
        if _verdict_module(name) and not path.name.startswith("__main__"):
            found.append(name)
    return found


def baseline() -> None:
    """Import every verdict module and remember its constants and the snapshot, unless they
    are remembered: called before an author's file is executed, when the code in memory is
    what was just read from disk (the loader calls it; so does the test session, first). A
    process that never calls it (the Python API, with no loader) has its functions, methods and
    imports compared with the files, but its constants are not compared with anything."""
    if _PRISTINE:
        return
    import importlib

    for name in _verdict_modules():
        importlib.import_module(name)
    from derivations.language.derivation import seal

    seal()  # the engine's classes, before an author's class could pose as one
    _PRISTINE.update({name: _constants(sys.modules[name]) for name in sorted(sys.modules)
                      if _verdict_module(name) and sys.modules[name] is not None})
    _TRUSTED[:] = [snapshot()]


def untrusted() -> str | None:
    """Why the verdicts of this process must not be stored, or None: the live code is the
    remembered trusted snapshot, or (the first time, or after a change) every verdict module
    compares equal with its file."""
    now = snapshot()
    if _TRUSTED and _TRUSTED[0] == now:
        return None
    problem = tampered()
    if problem is None:
        _TRUSTED[:] = [now]
        return None
    return problem
