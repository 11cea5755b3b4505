"""Quarto ``.qmd`` pages: theorem and proof divs with cross-references Quarto resolves.

A page per derivation: a heading, a ``::: {#thm-dv-<name>}`` theorem div titled by its ``##``
heading, and a ``::: {.proof}`` div; a step that cites another derivation writes
``@thm-dv-<name>``, which Quarto renders as "Theorem N" with a link (across pages in a Quarto
book, the setting these pages are for). Quarto labels allow letters, digits and dashes after
``thm-``, so the underscores of a name become dashes (names are identifiers, so no two collide).
The index page lists the pages by section. Every file starts with an HTML comment line.
"""

from __future__ import annotations

from derivations.render import book, escape
from derivations.render.view import DerivationView


class Quarto(book.Markup):
    suffix = ".qmd"
    header = f"<!-- {book.GENERATED} -->\n"

    def label(self, name: str) -> str:
        return f"thm-dv-{name.replace('_', '-')}"

    def cite(self, name: str, title: str) -> str:
        return f"@{self.label(name)}"

    def theorem(self, v: DerivationView, body: list[str]) -> list[str]:
        return [f"::: {{#{self.label(v.name)}}}", "", f"## {escape.markdown(v.title)}", "",
                *body, "", ":::"]

    def proof(self, body: list[str]) -> list[str]:
        return ["::: {.proof}", *body, "", ":::"]


MARKUP = Quarto()
HEADER = MARKUP.header
SUFFIX = MARKUP.suffix
label = MARKUP.label
files = MARKUP.files

