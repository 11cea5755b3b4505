"""Quarto ``.qmd`` pages: theorem and proof divs with cross-references Quarto resolves.

A page per derivation: a heading (the theorem's title), an untitled ``::: {#thm-dv-<name>}``
theorem div, and a ``::: {.proof}`` div, its steps one aligned display; a step that cites
another derivation writes ``@thm-dv-<name>``, which Quarto renders as "Theorem N" with a link
(across pages in a Quarto book, the setting these pages are for). Quarto labels allow letters,
digits and dashes after ``thm-``, so the underscores of a name become dashes (names are
identifiers, so no two collide).
The index page holds the answer, if any (remarks as callouts), and lists the pages by section;
``_quarto.yml`` makes them a book. Every page starts with an HTML comment line.
"""

from __future__ import annotations

from collections.abc import Sequence

from derivations.language.document import Answer
from derivations.language.results import DerivationResult
from derivations.render import book
from derivations.render.sections import Sections, grouped
from derivations.render.view import DerivationView

#: The Quarto project file shipped with the pages: a book whose chapters are the index (with
#: the answer) and the theorems in the PDF's order, numbered across the book as in the PDF.
PROJECT = "_quarto.yml"


class Quarto(book.Markup):
    suffix = ".qmd"
    header = f"<!-- {book.GENERATED} -->\n"

    def label(self, name: str) -> str:
        return f"thm-dv-{name.replace('_', '-')}"

    def cite(self, name: str, number: int) -> str:
        return f"@{self.label(name)}"  # Quarto writes "Theorem N" and the link

    def theorem(self, v: DerivationView, body: list[str], number: int) -> list[str]:
        # untitled: the page's heading is the title; Quarto shows "Theorem N"
        return [f"::: {{#{self.label(v.name)}}}", "", *body, "", ":::"]

    def remark(self, label: str, body: list[str]) -> list[str]:
        title = label.replace('"', "'")
        return [f'::: {{.callout-note title="{title}"}}', "", *body, "", ":::"]

    def files(self, results: Sequence[DerivationResult], title: str,
              sections: Sections = (), document: Answer | None = None) -> dict[str, str]:
        out = super().files(results, title, sections, document)
        out[PROJECT] = project(results, title, sections)
        return out

    def proof(self, body: list[str]) -> list[str]:
        return ["::: {.proof}", *body, "", ":::"]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def project(results: Sequence[DerivationResult], title: str, sections: Sections = ()) -> str:
    """``_quarto.yml``: a book of the pages, its parts the sections, in the PDF's order;
    theorems numbered across the book (``crossref: chapters: false``), as in the PDF."""
    lines = [f"# {book.GENERATED}", "project:", "  type: book", "book:",
             f"  title: {_quoted(title)}", "  chapters:", f"    - {book.INDEX}{Quarto.suffix}"]
    for heading, members in grouped(results, sections):
        lines += [f"    - part: {_quoted(heading or 'Derivations')}", "      chapters:"]
        lines += [f"        - {r.derivation.name}{Quarto.suffix}" for r in members]
    lines += ["crossref:", "  chapters: false", "number-sections: false", "format:",
              "  html: default", ""]
    return "\n".join(lines)


MARKUP = Quarto()
HEADER = MARKUP.header
SUFFIX = MARKUP.suffix
label = MARKUP.label
files = MARKUP.files

