"""MyST pages: their structure, and a real Sphinx build (myst-parser, sphinx-proof) with ``-W``.

The book holds two catalogue derivations, one citing the other (with the three it cites, as
``derivations build`` would write them), and a derivation whose title and reasons are full of
Markdown and LaTeX special characters.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.catalogue import SECTIONS
from derivations.pipeline import TITLE, check
from derivations.render import myst

BAD = Path(__file__).parents[1] / "data" / "bad"
SPECIALS = "# $ % & { } ~ end"  # as shown: tests/data/bad/specials.py writes \\$
CONF = """\
project = "Lecture notes"
extensions = ["myst_parser", "sphinx_proof", "derivations.render.sphinx_book"]
exclude_patterns = ["_build"]
"""
CITER, CITED = "mle_is_mean_cross_entropy", "one_hot_cross_entropy"
REF = re.compile(r"\{prf:ref\}`([^`]*)`")
LABEL = re.compile(r"^:label: (.*)$", re.M)


@pytest.fixture(scope="module")
def pages():
    results = check([CITER, CITED, str(BAD / "specials.py")])
    return myst.files(results, TITLE, SECTIONS)


def _sphinx(pages: dict[str, str], root: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    src, out = root / "src", root / "html"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    for name, text in pages.items():
        (src / name).write_text(text)
    done = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b",
                           "html", str(src), str(out)], capture_output=True, text=True,
                          timeout=300, check=False)
    return done, out


@pytest.fixture(scope="module")
def book(pages, tmp_path_factory):
    pytest.importorskip("myst_parser")
    pytest.importorskip("sphinx_proof")
    done, out = _sphinx(pages, tmp_path_factory.mktemp("book"))
    assert done.returncode == 0 and not done.stderr, done.stderr
    return out


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


def test_every_page_is_a_labelled_theorem_and_its_proof(pages):
    names = {name.removesuffix(".md") for name in pages} - {"index"}
    assert CITER in names and CITED in names and "special_characters" in names
    for name in names:
        text = pages[f"{name}.md"]
        assert text.startswith(myst.HEADER)
        assert LABEL.findall(text) == [myst.label(name)]
        assert text.count("````{prf:theorem}") == 1 and text.count("````{prf:proof}") == 1
        lines = text.splitlines()
        assert lines.count("````") == 2 and lines.count("```") == lines.count("```{math}") > 1


def test_citations_are_cross_references_to_generated_labels(pages):
    labels = {label for text in pages.values() for label in LABEL.findall(text)}
    refs = REF.findall(pages[f"{CITER}.md"])
    assert myst.label(CITED) in refs
    assert all(ref in labels for text in pages.values() for ref in REF.findall(text))


def test_index_lists_the_pages_by_section(pages):
    index = pages["index.md"]
    captions = re.findall(r"^:caption: (.*)$", index, re.M)
    assert captions == ["From likelihood to cross entropy", "Further derivations"]
    listed = re.findall(r"^([a-z_]+)$", index, re.M)
    assert listed.index(CITED) < listed.index(CITER) and "special_characters" in listed


def test_sphinx_shows_the_theorem_and_resolves_the_citation(book):
    """The page's heading is the title, the theorem is "Theorem N" alone (no title repeated,
    no colon), and a citation is "Theorem N" linked to the cited page."""
    citer = (book / f"{CITER}.html").read_text()
    assert "<h1>Maximum likelihood is minimum mean cross entropy" in citer
    assert re.search(r'<p class="admonition-title"><span class="caption-number">Theorem \d+ '
                     r"</span></p>", citer)
    link = re.search(rf'<a class="reference internal" href="{CITED}.html#{myst.label(CITED)}">'
                     r"Theorem (\d+)</a>", citer)
    assert link, "the citation of one_hot_cross_entropy is not a resolved link"
    cited = (book / f"{CITED}.html").read_text()
    assert f'id="{myst.label(CITED)}"' in cited
    assert re.search(rf'<span class="caption-number">Theorem {link.group(1)} </span></p>',
                     cited)
    assert "Proof. Each line follows from the one above it" in _text(book / f"{CITER}.html")


def test_a_proof_is_one_aligned_display_ending_with_the_mark(pages, book):
    text = pages[f"{CITER}.md"]
    proof = text[text.index("````{prf:proof}"):].split("\n````\n")[0]
    assert proof.count("```{math}") == 1 and "\\begin{aligned}" in proof
    assert re.search(r"^\\operatorname\*\{arg\\,max\}.* &= .* &&\\quad\\text\{\(1\)\}", proof,
                     re.M)
    assert proof.rstrip().endswith("\N{END OF PROOF}")
    html_page = (book / f"{CITER}.html").read_text()
    assert html_page.count('<div class="math') == 2 + len(re.findall(  # statement, proof, code
        r"\*\*Reference implementation\.\*\*", text)) * 2
    assert "p.admonition-title::after" in (book / "_static" / "derivations.css").read_text()


def test_the_book_loads_mathjax_from_beside_its_pages(book):
    """No page of the book loads a script or style sheet from the network or an absolute
    path; MathJax is the copy in ``_static``."""
    from derivations.render import offline

    pages = sorted(book.rglob("*.html"))
    assert len(pages) > 3
    for page in pages:
        assert offline.external(page.read_text()) == [], page.name
    assert '<script defer="defer" src="_static/mathjax/tex-svg-full.js"></script>' in \
        (book / f"{CITER}.html").read_text()
    assert (book / "_static" / "mathjax" / offline.SCRIPT).stat().st_size > 1_000_000


def test_sphinx_shows_special_characters_literally(book):
    text = _text(book / "special_characters.html")
    for shown in (f"Title {SPECIALS}", f"Summary {SPECIALS}", f"why {SPECIALS}"):
        assert shown in text


def test_a_citation_of_a_missing_theorem_fails_the_build(pages, tmp_path):
    pytest.importorskip("myst_parser")
    pytest.importorskip("sphinx_proof")
    broken = {name: text.replace(f"\n{CITED}\n", "\n") for name, text in pages.items()
              if name != f"{CITED}.md"}
    done, _ = _sphinx(broken, tmp_path)
    assert done.returncode != 0
    assert f"label '{myst.label(CITED)}' not found" in done.stderr
