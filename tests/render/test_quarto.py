"""Quarto pages, tested by structure: the quarto binary cannot be installed on these machines
(the PyPI package ``quarto-cli`` downloads it from the network while it builds), so the tests
parse the divs and cross-references themselves, and read the pages with pandoc, which Quarto
runs on them, where pandoc is installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from derivations.catalogue import SECTIONS
from derivations.pipeline import TITLE, check
from derivations.render import quarto

BAD = Path(__file__).parents[1] / "data" / "bad"
SPECIALS = "# $ % & { } ~ end"  # as shown: tests/data/bad/specials.py writes \\$
CITER, CITED = "mle_is_mean_cross_entropy", "one_hot_cross_entropy"
OPEN = re.compile(r"^(:{3,}) ?\{(.*)\}$")
XREF = re.compile(r"(?<![\\\w])@(thm-[\w-]+)")


@pytest.fixture(scope="module")
def pages():
    results = check([CITER, CITED, str(BAD / "specials.py")])
    return quarto.files(results, TITLE, SECTIONS)


def _divs(text: str) -> list[tuple[str, list[str]]]:
    """The top-level fenced divs of a page: their attributes and body lines; fences balance."""
    divs: list[tuple[str, list[str]]] = []
    depth = 0
    for line in text.splitlines():
        opened = OPEN.match(line)
        if opened:
            if depth == 0:
                divs.append((opened.group(2), []))
            depth += 1
        elif re.fullmatch(r":{3,}", line):
            assert depth > 0, "a closing ::: without an opening one"
            depth -= 1
        elif depth:
            divs[-1][1].append(line)
    assert depth == 0, "an unclosed div"
    return divs


def _unresolved(pages: dict[str, str]) -> set[str]:
    """Cross-references to labels that no page defines."""
    labels = {attrs.removeprefix("#") for text in pages.values() for attrs, _ in _divs(text)
              if attrs.startswith("#thm-")}
    return {ref for text in pages.values() for ref in XREF.findall(text)} - labels


def _names(pages: dict[str, str]) -> set[str]:
    return {name.removesuffix(".qmd") for name in pages if name.endswith(".qmd")} - {"index"}


@pytest.mark.parametrize(("name", "label"), [
    ("one_hot_cross_entropy", "thm-dv-one-hot-cross-entropy"),
    ("gibbs_inequality", "thm-dv-gibbs-inequality"),
    ("x2", "thm-dv-x2"),
])
def test_labels_use_letters_digits_and_dashes(name, label):
    assert quarto.label(name) == label


def test_every_page_is_a_theorem_div_then_a_proof_div(pages):
    assert {CITER, CITED, "special_characters"} <= _names(pages)
    for name in _names(pages):
        text = pages[f"{name}.qmd"]
        assert text.startswith(quarto.HEADER)
        (theorem, body), (proof, steps) = _divs(text)
        assert theorem == f"#{quarto.label(name)}" and proof == ".proof"
        assert re.fullmatch(r"thm-[A-Za-z0-9-]+", quarto.label(name))
        assert not [line for line in body if line.startswith("#")]  # the title: page heading
        assert text.count("\n# ") == 1  # the title, shown once
        assert steps[0].startswith("Each line follows") and steps.count("$$") == 2
        assert steps[steps.index("$$") + 1] == "\\begin{aligned}"
        assert [line for line in steps if line][-1].endswith(" \N{END OF PROOF}")


def test_citations_point_at_generated_labels(pages):
    assert f"@{quarto.label(CITED)}" in pages[f"{CITER}.qmd"]
    assert _unresolved(pages) == set()


def test_a_citation_of_a_missing_theorem_is_caught(pages):
    broken = dict(pages)
    del broken[f"{CITED}.qmd"]
    assert _unresolved(broken) == {quarto.label(CITED)}


def test_index_lists_the_pages_by_section(pages):
    index = pages["index.qmd"]
    assert re.findall(r"^## (.*)$", index, re.M) == ["From likelihood to cross entropy",
                                                     "Further derivations"]
    links = re.findall(r"\]\(([a-z_]+)\.qmd\)", index)
    assert set(links) == _names(pages) and links.index(CITED) < links.index(CITER)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "t" in node:
            yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _pandoc(text: str) -> dict[str, Any]:
    done = subprocess.run(["pandoc", "-f", "markdown", "-t", "json"], input=text,
                          capture_output=True, text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def _plain(nodes: list[Any]) -> str:
    """The text of inline nodes, emphasis included, math and citations left out."""
    parts = []
    for n in nodes:
        if n["t"] == "Str":
            parts.append(n["c"])
        elif n["t"] in ("Space", "SoftBreak"):
            parts.append(" ")
        elif n["t"] in ("Emph", "Strong"):
            parts.append(_plain(n["c"]))
    return "".join(parts)


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_the_divs_the_citations_and_the_prose(pages):
    """Pandoc is Quarto's reader: the theorem and proof divs, the cross-references as
    citations, the special characters as plain text."""
    for name in (CITER, "special_characters"):
        ast = _pandoc(pages[f"{name}.qmd"])
        divs = [n["c"][0] for n in _walk(ast) if n["t"] == "Div"]  # (id, classes, attributes)
        assert [d[0] for d in divs] == [quarto.label(name), ""]
        assert divs[1][1] == ["proof"]
        cites = [c["citationId"] for n in _walk(ast) if n["t"] == "Cite" for c in n["c"][0]]
        assert all(c.startswith("thm-dv-") for c in cites)
        if name == CITER:
            assert quarto.label(CITED) in cites
    ast = _pandoc(pages["special_characters.qmd"])
    headers = [_plain(n["c"][2]) for n in _walk(ast) if n["t"] == "Header"]
    assert headers == [f"Title {SPECIALS}"]
    paragraphs = [_plain(n["c"]) for n in _walk(ast) if n["t"] in ("Para", "Plain")]
    assert f"Summary {SPECIALS}" in paragraphs
    assert any(p.startswith(f"✓ why {SPECIALS}; needs ") and p.endswith("\N{END OF PROOF}")
               for p in paragraphs)  # the side condition is a formula: q_1 > 0 and q_2 > 0


def test_the_project_file_makes_a_book_in_the_pdf_order(pages):
    """``_quarto.yml``: index first, then the theorems section by section (parts), numbered
    across the book as the PDF numbers them."""
    project = pages[quarto.PROJECT]
    assert project.startswith("# Generated by `derivations build`")
    chapters = re.findall(r"^ +- ([a-z_]+)\.qmd$", project, re.M)
    assert chapters[0] == "index" and set(chapters[1:]) == _names(pages)
    assert chapters.index(CITED) < chapters.index(CITER)
    assert re.findall(r'^    - part: "(.*)"$', project, re.M) == [
        "From likelihood to cross entropy", "Further derivations"]
    assert "crossref:\n  chapters: false\n" in project
    yaml = pytest.importorskip("yaml")
    assert yaml.safe_load(project)["book"]["chapters"][0] == "index.qmd"
