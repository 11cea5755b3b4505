"""The user guide cannot rot: it builds without warnings and every example in it runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import derivations
from derivations import rules

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"
PAGES = sorted(DOCS.glob("*.md"))
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
POISSON = EXAMPLES / "poisson.py"
WRONG_EDIT = ("Step(lam - y * log(lam)", "Step(lam + y * log(lam)")


def _blocks(language: str) -> list[tuple[str, str]]:
    return [(page.name, body) for page in PAGES for lang, body in FENCE.findall(page.read_text())
            if lang == language]


def _examples() -> str:
    return "\n".join(p.read_text() for p in sorted(EXAMPLES.iterdir()))


def _is_excerpt(body: str) -> bool:
    return body.strip() in _examples()


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("page", "body"), _blocks("python"),
                         ids=[f"{p}-{n}" for n, (p, _) in enumerate(_blocks("python"))])
def test_every_python_block_is_an_example_excerpt_or_runs(page, body, tmp_path, monkeypatch):
    if _is_excerpt(body):
        return
    monkeypatch.chdir(tmp_path)
    exec(compile(body, f"{page} (python block)", "exec"), {"__name__": "__docs__"})


@pytest.mark.parametrize("name", ["github-workflow.yml", "pre-commit-config.yaml"])
def test_the_yaml_shown_is_the_example_file(name):
    text = (EXAMPLES / name).read_text().strip()
    assert text in [body.strip() for _, body in _blocks("yaml")]


def test_the_tutorial_shows_the_whole_example_file():
    shown = [body.strip() for page, body in _blocks("python") if page == "first-derivation.md"]
    code = [line for line in POISSON.read_text().splitlines()
            if line.strip() and not line.startswith(('"""', "A worked example", "Poisson "))]
    missing = [line for line in code if not any(line in block for block in shown)]
    assert not missing


def _console_all(page: str, command: str) -> list[str]:
    """The outputs shown under ``$ command`` in the console blocks of ``page``."""
    found = []
    for body in re.findall(r"^```console\n(.*?)^```", (DOCS / page).read_text(), re.M | re.S):
        lines = body.splitlines()
        if lines and lines[0] == f"$ {command}":
            found.append("\n".join(lines[1:]))
    assert found, f"no console block for {command!r} in {page}"
    return found


def test_the_example_checks_as_the_tutorial_shows(tmp_path):
    shutil.copy(POISSON, tmp_path / "poisson.py")
    run = _run([sys.executable, "-m", "derivations", "check", "poisson.py"], tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == _console_all("first-derivation.md",
                                              "derivations check poisson.py")[0]
    assert "0 sized, 0 sampled, 0 failed" in run.stdout


def test_the_broken_example_fails_as_the_tutorial_shows(tmp_path):
    assert WRONG_EDIT[0] in POISSON.read_text()
    (tmp_path / "poisson.py").write_text(POISSON.read_text().replace(*WRONG_EDIT))
    run = _run([sys.executable, "-m", "derivations", "check", "poisson.py"], tmp_path)
    assert run.returncode == 1
    _, broken = _console_all("first-derivation.md", "derivations check poisson.py")
    assert "counterexample: at" in broken
    for line in broken.splitlines():
        if line != "...":
            assert line in run.stdout.splitlines()


@pytest.mark.parametrize("sources", [["two_squares.py"], ["squares.py", "two_squares.py"],
                                     ["two_squares.py", "squares.py"]])
def test_the_citation_across_files_checks_as_the_reference_shows(sources, tmp_path):
    for name in ("squares.py", "two_squares.py"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    run = _run([sys.executable, "-m", "derivations", "check", "--no-cache", *sources], tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == _console_all("reference.md",
                                              "derivations check two_squares.py")[0]


def test_the_logsumexp_example_checks_as_the_reference_shows(tmp_path):
    shutil.copy(EXAMPLES / "logsumexp.py", tmp_path / "logsumexp.py")
    run = _run([sys.executable, "-m", "derivations", "check", "--no-cache", "logsumexp.py"],
               tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip() == _console_all("reference.md", "derivations check logsumexp.py")[0]


def test_the_logsumexp_example_with_log_k_taken_off_fails(tmp_path):
    wrong = ("Step(lse, rules.inequality", "Step(lse - log(k), rules.inequality")
    text = (EXAMPLES / "logsumexp.py").read_text()
    assert wrong[0] in text
    (tmp_path / "logsumexp.py").write_text(text.replace(*wrong))
    run = _run([sys.executable, "-m", "derivations", "check", "--no-cache", "logsumexp.py"],
               tmp_path)
    assert run.returncode == 1
    assert "counterexample: at" in run.stdout


def test_the_reference_names_every_rule_and_every_public_name():
    text = (DOCS / "reference.md").read_text()
    missing = [n for n in rules.__all__ if n not in text]
    missing += [n for n in derivations.__all__ if n != "__version__" and n not in text]
    assert not missing


def test_the_reference_describes_every_field_of_the_json_report():
    import json
    from importlib.resources import files

    schema = json.loads((files("derivations") / "schema" / "report-2.schema.json").read_text())
    fields = [*schema["properties"], *schema["$defs"]["derivation"]["properties"],
              *schema["$defs"]["step"]["properties"]]
    text = (DOCS / "reference.md").read_text()
    assert [f for f in fields if f"`{f}`" not in text] == []


def test_the_docs_build_without_warnings(tmp_path):
    pytest.importorskip("mkdocs")
    run = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                str(tmp_path / "site")], ROOT)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    assert (tmp_path / "site" / "first-derivation" / "index.html").is_file()
    remote = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="(?:https?:)?//[^"]*"')
    for page in (tmp_path / "site").rglob("*.html"):  # nothing is loaded from the network
        assert not remote.search(page.read_text()), page
    tutorial = (tmp_path / "site" / "first-derivation" / "index.html").read_text()
    assert '<div class="codehilite"><pre>' in tutorial  # highlighted by Pygments at build time
    assert '<span class="kn">from</span>' in tutorial
    assert (tmp_path / "site" / "css" / "pygments.css").read_text().startswith("pre { line-height")
