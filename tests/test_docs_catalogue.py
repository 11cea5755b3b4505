"""The user guide shows the catalogue through the same renderer: ``docs/hooks/catalogue.py``
checks it when MkDocs builds and adds a page per derivation, typeset by a MathJax served from
the guide itself."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from derivations.catalogue import CATALOGUE
from derivations.render import mkdocs_pages

ROOT = Path(__file__).resolve().parents[1]
CITER, CITED = "mle_is_mean_cross_entropy", "one_hot_cross_entropy"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pytest.importorskip("mkdocs")
    pytest.importorskip("pymdownx")
    if not Path("/usr/share/javascript/mathjax/MathJax.js").is_file():
        pytest.skip("Debian's libjs-mathjax is not installed (scripts/install-tex.sh)")
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                          str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         check=False)
    assert run.returncode == 0 and "WARNING" not in run.stderr, run.stderr
    return out


def test_the_catalogue_index_links_every_derivation(site):
    index = (site / "catalogue" / "index.html").read_text()
    linked = set(re.findall(r'<a href="([a-z0-9_]+)/">', index))
    assert linked == {d.name for d in CATALOGUE}


def test_a_page_shows_theorem_proof_and_a_working_citation(site):
    """Theorems are numbered as in the PDF (``sections.numbers``) and cited as "Theorem N"."""
    from derivations.catalogue import SECTIONS
    from derivations.pipeline import check
    from derivations.render.sections import numbers

    number = numbers(check(cache=True), SECTIONS)
    page = (site / "catalogue" / CITER / "index.html").read_text()
    assert f'<p class="admonition-title">Theorem {number[CITER]}</p>' in page
    assert f"Theorem {number[CITER]}. Maximum likelihood is minimum mean cross entropy" in page
    assert f">Theorem {number[CITED]}</a>" in page
    assert '<p class="admonition-title">Proof</p>' in page
    assert '<span class="arithmatex">\\(' in page and '<div class="arithmatex">\\[' in page
    anchor = mkdocs_pages.anchor(CITED)
    assert f'href="../{CITED}/#{anchor}"' in page
    assert f'id="{anchor}"' in (site / "catalogue" / CITED / "index.html").read_text()


def test_no_page_loads_a_script_or_style_sheet_from_outside(site):
    from derivations.render import offline

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    assert {p.name: offline.external(p.read_text()) for p in pages
            if offline.external(p.read_text())} == {}


def test_the_answer_comes_first_in_the_catalogue(site):
    index = (site / "catalogue" / "index.html").read_text()
    assert index.index(">Notation<") < index.rindex("The theorems, checked")
    assert '<div class="dv-figure"' in index and "Interpretation, not checked" in index


def test_mathjax_is_served_by_the_guide(site):
    page = (site / "catalogue" / CITER / "index.html").read_text()
    scripts = re.findall(r'<script src="([^"]*)"', page)
    assert "../../javascripts/mathjax/MathJax.js?config=TeX-AMS_CHTML" in scripts
    assert not [s for s in scripts if "mathjax" in s.lower() and "//" in s]
    for part in ("MathJax.js", "config/TeX-AMS_CHTML.js", "jax/output/CommonHTML/jax.js"):
        assert (site / "javascripts" / "mathjax" / part).is_file()
