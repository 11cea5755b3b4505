"""The catalogue as pages of the MkDocs user guide (``docs/hooks/catalogue.py`` adds them).

The same pages as MyST and Quarto, through the same helper (``book.py``), in the Markdown that
Python-Markdown reads with the extensions ``mkdocs.yml`` enables: ``pymdownx.arithmatex``
(``$...$`` and ``$$`` blocks, typeset by MathJax), ``admonition`` (the theorem and the proof),
``attr_list`` (the anchor ``dv-<name>`` on each page's heading) and ``pymdownx.escapeall`` (so
that a backslash escapes any character, as in CommonMark). A citation links to the cited page's
theorem by its title; MkDocs checks the link.
"""

from __future__ import annotations

from collections.abc import Sequence

from derivations.language.results import DerivationResult
from derivations.render import book
from derivations.render.view import DerivationView

SUFFIX = ".md"


def anchor(name: str) -> str:
    return f"dv-{name}"


def _inline(tex: str) -> str:
    return f"${tex.strip()}$"


def _display(tex: str) -> list[str]:
    return ["$$", tex.strip(), "$$"]


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" if line else "" for line in lines]


def page(v: DerivationView, titles: dict[str, str]) -> str:
    """The page of one derivation: its title, then the theorem and the proof as admonitions."""
    markup = book.Markup(inline=_inline, display=_display,
                         cite=lambda n: f"[{book.escape(titles[n])}]({n}{SUFFIX}#{anchor(n)})")
    names = frozenset(titles)
    return book.joined([
        f"# {book.escape(v.title)} {{#{anchor(v.name)}}}", "",
        '!!! theorem "Theorem"', "",
        *_indented(book.statement(v, markup)), "",
        '!!! proof "Proof"', "",
        *_indented(book.proof(v, markup, names)),
        *book.code(v, markup),
    ])


def index(views: Sequence[DerivationView], title: str,
          sections: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The index page: how to read the proofs, then each section's pages."""
    lines = [f"# {book.escape(title)}", "", *book.intro()]
    for heading, group in book.grouped(views, sections):
        lines += ["", f"## {book.escape(heading)}", ""]
        lines += [f"- [{book.escape(v.title)}]({v.name}{SUFFIX})" for v in group]
    return book.joined(lines)


def files(results: Sequence[DerivationResult], title: str,
          sections: Sequence[tuple[str, Sequence[str]]] = ()) -> dict[str, str]:
    """Every page by name: one per derivation and ``index.md``."""
    titles = {r.derivation.name: r.derivation.title for r in results}
    return book.files(results, SUFFIX, lambda v, _names: page(v, titles),
                      lambda views: index(views, title, sections))
