"""MyST Markdown for Jupyter Book or Sphinx with myst-parser and sphinx-proof.

A page per derivation: a heading (the theorem's title), an untitled ``prf:theorem`` directive
labelled ``dv-<name>`` (stable: the derivation's name) and a ``prf:proof``, its steps one aligned
display; a step that cites another derivation cross-references its theorem with ``{prf:ref}``,
which Sphinx resolves to "Theorem N" with a link (sphinx-proof numbers the theorems in the
toctree's order, the PDF's). The index page holds the answer, if any, and lists the pages by
section in ``toctree`` directives; remarks of the answer are admonitions. Offline math in a
Sphinx book: ``derivations.render.sphinx_book``. Math uses the ``{math}`` directive and role,
so the files need no MyST extension beyond myst-parser's defaults. Every file starts with a
``%`` comment line (a MyST comment: it is not shown).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from derivations.render import book, escape
from derivations.render.view import DerivationView


class MyST(book.Markup):
    suffix = ".md"
    header = f"% {book.GENERATED}\n"

    def inline(self, tex: str) -> str:
        return f"{{math}}`{tex.strip()}`"

    def display(self, tex: str) -> list[str]:
        return ["```{math}", *tex.strip().splitlines(), "```"]

    def cite(self, name: str, number: int) -> str:
        return f"{{prf:ref}}`{self.label(name)}`"  # Sphinx writes "Theorem N" and the link

    def theorem(self, v: DerivationView, body: list[str], number: int) -> list[str]:
        # untitled: the page's heading is the title; sphinx-proof shows "Theorem N"
        return ["````{prf:theorem}", f":label: {self.label(v.name)}", "", *body, "````"]

    def remark(self, label: str, body: list[str]) -> list[str]:
        return ["```{admonition} " + escape.markdown(label), ":class: note", "", *body, "```"]

    def proof(self, body: list[str]) -> list[str]:
        return ["````{prf:proof}", *body, "````"]

    def contents(self, heading: str, views: Sequence[DerivationView],
                 numbers: Mapping[str, int]) -> list[str]:
        return ["", "```{toctree}", f":caption: {heading}", ":maxdepth: 1", "",
                *(v.name for v in views), "```"]


MARKUP = MyST()
HEADER = MARKUP.header
SUFFIX = MARKUP.suffix
label = MARKUP.label
files = MARKUP.files

