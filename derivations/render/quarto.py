"""Quarto ``.qmd`` pages: theorem and proof divs with cross-references Quarto resolves.

A page per derivation: a heading, a ``::: {#thm-dv-<name>}`` theorem div titled by its ``##``
heading, and a ``::: {.proof}`` div; a step that cites another derivation writes
``@thm-dv-<name>``, which Quarto renders as "Theorem N" with a link (across pages in a Quarto
book, the setting these pages are for). Quarto labels allow letters, digits and dashes after
``thm-``, so the underscores of a name become dashes (names are identifiers, so no two collide).
The index page lists the pages by section. Every file starts with an HTML comment line.
"""

from __future__ import annotations

from collections.abc import Sequence

from derivations.language.results import DerivationResult
from derivations.render import book
from derivations.render.view import DerivationView

HEADER = f"<!-- {book.GENERATED} -->\n"
SUFFIX = ".qmd"


def label(name: str) -> str:
    """The theorem's label, for ``@thm-...`` in a lecturer's own pages."""
    return f"thm-dv-{name.replace('_', '-')}"


def _inline(tex: str) -> str:
    return f"${tex.strip()}$"


def _display(tex: str) -> list[str]:
    return ["$$", tex.strip(), "$$"]


MARKUP = book.Markup(inline=_inline, display=_display, cite=lambda name: f"@{label(name)}")


def page(v: DerivationView, names: frozenset[str]) -> str:
    """The page of one derivation: heading, theorem, proof."""
    return book.joined([
        HEADER.rstrip("\n"), "",
        f"# {book.escape(v.title)}", "",
        f"::: {{#{label(v.name)}}}", "",
        f"## {book.escape(v.title)}", "",
        *book.statement(v, MARKUP), "",
        ":::", "",
        "::: {.proof}",
        *book.proof(v, MARKUP, names), "",
        ":::",
        *book.code(v, MARKUP),
    ])


def index(views: Sequence[DerivationView], title: str,
          sections: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The index page: how to read the proofs, then each section's pages with their theorems."""
    lines = [HEADER.rstrip("\n"), "", f"# {book.escape(title)}", "", *book.intro()]
    for heading, group in book.grouped(views, sections):
        lines += ["", f"## {book.escape(heading)}", ""]
        lines += [f"- [{book.escape(v.title)}]({v.name}{SUFFIX})" for v in group]
    return book.joined(lines)


def files(results: Sequence[DerivationResult], title: str,
          sections: Sequence[tuple[str, Sequence[str]]] = ()) -> dict[str, str]:
    """Every Quarto file by name: a page per derivation and ``index.qmd``."""
    return book.files(results, SUFFIX, page, lambda views: index(views, title, sections))
