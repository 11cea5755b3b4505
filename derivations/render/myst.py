"""MyST Markdown for Jupyter Book or Sphinx with myst-parser and sphinx-proof.

A page per derivation: a heading, a ``prf:theorem`` directive labelled ``dv-<name>`` (stable: the
derivation's name) and a ``prf:proof``; a step that cites another derivation cross-references its
theorem with ``{prf:ref}``, which Sphinx resolves to "Theorem N" with a link. The index page
lists the pages by section in ``toctree`` directives. Math uses the ``{math}`` directive and role,
so the files need no MyST extension beyond myst-parser's defaults. Every file starts with a
``%`` comment line (a MyST comment: it is not shown).
"""

from __future__ import annotations

from collections.abc import Sequence

from derivations.render import book, escape
from derivations.render.view import DerivationView


class MyST(book.Markup):
    suffix = ".md"
    header = f"% {book.GENERATED}\n"

    def inline(self, tex: str) -> str:
        return f"{{math}}`{tex.strip()}`"

    def display(self, tex: str) -> list[str]:
        return ["```{math}", tex.strip(), "```"]

    def cite(self, name: str, title: str) -> str:
        return f"{{prf:ref}}`{self.label(name)}`"

    def theorem(self, v: DerivationView, body: list[str]) -> list[str]:
        return [f"````{{prf:theorem}} {escape.markdown(v.title)}", f":label: {self.label(v.name)}",
                "", *body, "````"]

    def proof(self, body: list[str]) -> list[str]:
        return ["````{prf:proof}", *body, "````"]

    def contents(self, heading: str, views: Sequence[DerivationView]) -> list[str]:
        return ["", "```{toctree}", f":caption: {heading}", ":maxdepth: 1", "",
                *(v.name for v in views), "```"]


MARKUP = MyST()
HEADER = MARKUP.header
SUFFIX = MARKUP.suffix
label = MARKUP.label
files = MARKUP.files

