"""A pytest plugin: every derivation in a Python file becomes a test item.

Collection is opt-in, like pytest's own ``--doctest-modules``: nothing happens unless the run
passes ``--derivations`` or the ini file sets ``derivations = true``, so installing the package
changes no one else's test run. Nor does it cost anything: this module imports only pytest and
the standard library, and the engine (SymPy with it) is imported by the hooks that run once
collection is on. A Python file is collected when it imports the ``derivations`` package (read
from its syntax tree, without importing it), except ``conftest.py``. Its derivations are then
found exactly as ``derivations check FILE`` finds them (``loader.load``: every Derivation object
the module holds at top level, however it was built), and a collected file in which the loader
finds none is a collection error, never silence. A test module (one that pytest's
``python_files`` matches) is pytest's own: its derivations are items too, but it may have none.
Checking goes through the same pipeline as ``derivations check``.
"""

from __future__ import annotations

import ast
import fnmatch
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from derivations.language.derivation import Derivation
    from derivations.language.results import DerivationResult, Evidence, StepResult

#: The weakest evidence a step may have, read and checked once the plugin is in use.
_MIN_EVIDENCE: pytest.StashKey[Evidence] = pytest.StashKey()


def pytest_addoption(parser: pytest.Parser) -> None:
    # No ``choices``: the grades are those of ``Evidence``, whose module imports SymPy; a value
    # is checked in ``pytest_configure``, and only when the plugin is in use.
    group = parser.getgroup("derivations", "checked derivations")
    group.addoption("--derivations", action="store_true", default=False,
                    help="collect Python files that define Derivation objects; one test item "
                         "per derivation")
    group.addoption("--derivations-min-evidence", metavar="GRADE", default=None,
                    help="fail steps supported only by weaker evidence: symbolic, sized or "
                         "sampled (default: sampled)")
    parser.addini("derivations", type="bool", default=False,
                  help="collect derivations as with --derivations")
    parser.addini("derivations_min_evidence", default="sampled",
                  help="the weakest evidence a step may have: symbolic, sized or sampled")


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("derivations") or config.getini("derivations"))


def pytest_configure(config: pytest.Config) -> None:
    """Check the minimum evidence before collection, when the plugin is in use (enabled, or
    its option given); otherwise import nothing."""
    if _enabled(config) or config.getoption("derivations_min_evidence") is not None:
        config.stash[_MIN_EVIDENCE] = _min_evidence(config)


def _min_evidence(config: pytest.Config) -> Evidence:
    from derivations.language.results import Evidence

    chosen = config.getoption("derivations_min_evidence") or config.getini(
        "derivations_min_evidence")
    grades = [e.value for e in Evidence]
    if chosen not in grades:
        raise pytest.UsageError(f"derivations_min_evidence must be one of {', '.join(grades)}, "
                                f"not {chosen!r}")
    return Evidence(chosen)


def _imports_derivations(path: Path) -> bool:
    """Whether ``path`` imports the ``derivations`` package or a module of it, anywhere in the
    file. A file that cannot be parsed counts when it names the package (the loader then
    reports why it cannot be loaded)."""
    try:
        source = path.read_bytes()
    except OSError:
        return False
    try:
        tree = ast.parse(source, filename=str(path))
    except (SyntaxError, ValueError):
        return b"derivations" in source
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == "derivations" or name.startswith("derivations.") for name in names):
            return True
    return False


def _test_module(path: Path, config: pytest.Config) -> bool:
    """Whether pytest collects ``path`` as a test module (its ``python_files`` patterns)."""
    return any(fnmatch.fnmatch(path.name if "/" not in pattern else path.as_posix(),
                               pattern if "/" not in pattern else f"*{pattern}")
               for pattern in config.getini("python_files"))


def pytest_collect_file(file_path: Path,
                        parent: pytest.Collector) -> DerivationFile | TexFile | None:
    if not _enabled(parent.config):
        return None
    if file_path.suffix == ".tex":
        return TexFile.from_parent(parent, path=file_path) if _declares(file_path) else None
    if file_path.suffix != ".py":
        return None
    if file_path.name == "conftest.py" or not _imports_derivations(file_path):
        return None
    return DerivationFile.from_parent(parent, path=file_path)


class DerivationFile(pytest.File):
    """A Python file of derivations; its items share one check of the whole file."""

    _loaded: list[Derivation]
    _results: dict[str, DerivationResult] | None = None

    def collect(self) -> Iterator[DerivationItem]:
        from derivations.errors import DerivationError, NoDerivations
        from derivations.loader import catalogue, load

        try:  # the file's derivations and those they cite, as ``derivations check FILE``
            self._loaded = load([str(self.path)])
        except NoDerivations as exc:  # a test module may have none; any other file is an error
            if _test_module(self.path, self.config):
                return
            raise self.CollectError(
                f"derivations: {exc}; the plugin collects every file that imports derivations "
                "(see --ignore and collect_ignore for a helper module)") from exc
        except DerivationError as exc:  # an authoring error, or an import that raised
            raise self.CollectError(f"derivations: {exc}") from exc
        shipped = {id(d) for d in catalogue()}
        for d in self._loaded:
            if id(d) not in shipped:
                yield DerivationItem.from_parent(self, name=d.name, derivation=d)

    def result(self, name: str) -> DerivationResult:
        if self._results is None:
            from derivations.pipeline import check_loaded

            checked = check_loaded(self._loaded, min_evidence=self.config.stash[_MIN_EVIDENCE])
            self._results = {r.derivation.name: r for r in checked}
        return self._results[name]


def _declares(path: Path) -> bool:
    """Whether a .tex file has a ``%dv`` declaration line: only such a file is collected (a
    document with none was not written to be checked)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(line.lstrip().startswith("%dv ") for line in text.splitlines())


class TexFile(pytest.File):
    """A lecturer's .tex file: one item per chain, and one for the rows it could not read."""

    def collect(self) -> Iterator[pytest.Item]:
        from derivations.tex import read_file

        self.reading = read_file(self.path)
        self._results: dict[str, DerivationResult] | None = None
        for d in self.reading.derivations:
            yield TexChainItem.from_parent(self, name=f"line {self.reading.starts[d.name]}",
                                           derivation=d)
        if self.reading.unread:
            yield TexUnreadItem.from_parent(self, name="rows not read")

    def result(self, name: str) -> DerivationResult:
        if self._results is None:
            from derivations.pipeline import check_loaded

            checked = check_loaded(self.reading.checked(),
                                   min_evidence=self.config.stash[_MIN_EVIDENCE])
            self._results = {r.derivation.name: r for r in checked}
        return self._results[name]

    def report(self, results: list[DerivationResult], unread: bool = False) -> str:
        from dataclasses import replace

        from derivations.render.report import lines_text

        lines = self.reading.source_lines(str(self.path))
        if not unread:
            lines = replace(lines, unread=(), notes=())
        names = {r.derivation.name for r in results}
        lines = replace(lines, steps={n: v for n, v in lines.steps.items() if n in names})
        return lines_text(results, [lines])


class TexChainItem(pytest.Item):
    """One chain of a .tex file: passes when every step holds."""

    def __init__(self, *, derivation: Derivation, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.derivation = derivation

    def runtest(self) -> None:
        assert isinstance(self.parent, TexFile)
        result = self.parent.result(self.derivation.name)
        if not result.ok:
            raise DerivationFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if not isinstance(excinfo.value, DerivationFailed):
            return str(super().repr_failure(excinfo, style=style))
        assert isinstance(self.parent, TexFile)
        return f"the chain at {self.name} does not check\n\n" + \
            self.parent.report([excinfo.value.result]).rstrip()

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"chain at {self.name}"


class TexRowsNotRead(Exception):
    """Rows of a .tex file that were not read (or whose step was not checked)."""


class TexUnreadItem(pytest.Item):
    """Fails with every row the reader could not read, and why: never a silent pass."""

    def runtest(self) -> None:
        assert isinstance(self.parent, TexFile)
        raise TexRowsNotRead("\n".join(f"{self.path.name}:{line}: {why}"
                                        for line, why in sorted(self.parent.reading.unread)))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, TexRowsNotRead):
            return f"rows of {self.path.name} that were not read:\n{excinfo.value}"
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, "rows not read"


class DerivationFailed(Exception):
    """A derivation did not check; carries its result for ``repr_failure``."""

    def __init__(self, result: DerivationResult) -> None:
        super().__init__(result.derivation.name)
        self.result = result


def _failure(step: StepResult) -> str:
    """The failing step: rule, both sides, the evidence tried, the counterexample."""
    lines = [step.describe().split(" does not follow")[0] + " does not follow",
             f"  reason:         {step.reason}",
             f"  left side:      {step.previous}",
             f"  right side:     {step.step.expr}",
             f"  relation:       {step.step.relation.value if step.step.relation else '?'}",
             f"  evidence tried: {', '.join(step.tried) or 'none'}"]
    for c in step.conditions:
        lines.append(f"  side condition: {c.text} ({'holds' if c.holds else 'NOT established'})")
    if step.counterexample is not None:
        lines.append(f"  counterexample: {step.counterexample.describe()}")
    else:
        lines.append("  counterexample: none found")
    return "\n".join(lines)


class DerivationItem(pytest.Item):
    """One derivation: passes when every step holds and every citation checks."""

    def __init__(self, *, derivation: Derivation, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.derivation = derivation

    def runtest(self) -> None:
        from derivations.render.report import text

        assert isinstance(self.parent, DerivationFile)
        result = self.parent.result(self.derivation.name)
        if not result.ok:
            raise DerivationFailed(result)
        self.add_report_section("call", "derivation steps", text([result]))  # shown by -rP

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if not isinstance(excinfo.value, DerivationFailed):
            return str(super().repr_failure(excinfo, style=style))
        from derivations.render.report import text

        result = excinfo.value.result
        d = result.derivation
        parts = [f"derivation {d.name!r} ({d.title}) does not check"]
        parts += [f"! {p}" for p in result.problems]
        parts += [_failure(s) for s in result.steps if not s.ok]
        parts += [code.describe() for code in result.implementations if not code.ok]
        parts.append(text([result]).rstrip())
        return "\n\n".join(parts)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"derivation {self.derivation.name}"
