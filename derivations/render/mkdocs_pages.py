"""The catalogue as pages of the MkDocs user guide (``docs/hooks/catalogue.py`` adds them).

The same pages as MyST and Quarto, through the same helper (``book.py``), in the Markdown that
Python-Markdown reads with the extensions ``mkdocs.yml`` enables: ``pymdownx.arithmatex``
(``$...$`` and ``$$`` blocks, typeset by MathJax), ``admonition`` (the theorem and the proof),
``attr_list`` (the anchor ``dv-<name>`` on each page's heading) and ``pymdownx.escapeall`` (so
that a backslash escapes any character, as in CommonMark). A citation links to the cited page's
theorem by its title; MkDocs checks the link. The pages carry no header line.
"""

from __future__ import annotations

from derivations.render import book, escape
from derivations.render.view import DerivationView


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" if line else "" for line in lines]


class MkDocs(book.Markup):
    suffix = ".md"

    def cite(self, name: str, title: str) -> str:
        return f"[{escape.markdown(title)}]({name}{self.suffix}#{self.label(name)})"

    def heading(self, v: DerivationView) -> str:
        return f"# {escape.markdown(v.title)} {{#{self.label(v.name)}}}"

    def theorem(self, v: DerivationView, body: list[str]) -> list[str]:
        return ['!!! theorem "Theorem"', "", *_indented(body)]

    def proof(self, body: list[str]) -> list[str]:
        return ['!!! proof "Proof"', "", *_indented(body)]


MARKUP = MkDocs()
anchor = MARKUP.label
files = MARKUP.files

