"""The catalogue as pages of the MkDocs user guide (``docs/hooks/catalogue.py`` adds them).

The same pages as MyST and Quarto, through the same helper (``book.py``), in the Markdown that
Python-Markdown reads with the extensions ``mkdocs.yml`` enables: ``pymdownx.arithmatex``
(``$...$`` and ``$$`` blocks, typeset by MathJax), ``admonition`` (the theorem and the proof),
``attr_list`` (the anchor ``dv-<name>`` on each page's heading) and ``pymdownx.escapeall`` (so
that a backslash escapes any character, as in CommonMark). A citation links to the cited page's
theorem as "Theorem N", numbered as in the PDF (``sections.numbers``); MkDocs checks the link.
The index page holds the answer first, if any, its remarks as admonitions. The pages carry no
header line.
"""

from __future__ import annotations

from collections.abc import Mapping

from derivations.render import book
from derivations.render.view import DerivationView


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" if line else "" for text in lines for line in text.split("\n")]


class MkDocs(book.Markup):
    suffix = ".md"

    def cite(self, name: str, number: int) -> str:
        return f"[Theorem {number}]({name}{self.suffix}#{self.label(name)})"

    def heading(self, v: DerivationView, number: int, numbers: Mapping[str, int]) -> str:
        return f"# Theorem {number}. {self.prose(v.title, numbers)} {{#{self.label(v.name)}}}"

    def theorem(self, v: DerivationView, body: list[str], number: int) -> list[str]:
        return [f'!!! theorem "Theorem {number}"', "", *_indented(body)]

    def remark(self, label: str, body: list[str]) -> list[str]:
        return [f'!!! note "{label}"', "", *_indented(body)]

    def proof(self, body: list[str]) -> list[str]:
        return ['!!! proof "Proof"', "", *_indented(body)]


MARKUP = MkDocs()
anchor = MARKUP.label
files = MARKUP.files

