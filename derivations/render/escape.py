"""Escaping prose: every character its reader would take for markup becomes a literal.

One function per markup, so that a call site says which: :func:`latex` for the LaTeX outputs
(article, slides, dependency graph), :func:`markdown` for the Markdown ones, in the
:class:`Dialect` of the program that reads them (:data:`PAGES` for the MyST, Quarto and MkDocs
pages, :data:`NOTEBOOK` for the Jupyter notebook).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_LATEX = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
}


def latex(text: str) -> str:
    """``text`` as LaTeX that prints exactly these characters."""
    return "".join(_LATEX.get(ch, ch) for ch in text)


@dataclass(frozen=True)
class Dialect:
    """What one reader of Markdown takes for markup in a line of prose."""

    #: Each character it would read as markup, and what it shows literally instead.
    literal: Mapping[str, str]
    #: Whether a paragraph that starts like a block (a list, a quote, a div) must be escaped.
    blocks: bool


def _backslashed(characters: str) -> dict[str, str]:
    return {ch: "\\" + ch for ch in characters}


#: The pages: CommonMark (MyST), pandoc's Markdown (Quarto) and Python-Markdown with
#: ``pymdownx.escapeall`` (MkDocs) read emphasis, code, links, math, roles, citations (``@``),
#: sub/superscript and comments (``%``); at the start of a paragraph, lists, quotes, divs and
#: definitions.
PAGES = Dialect(literal=_backslashed("\\`*_[]{}<>#$@~^|%&"), blocks=True)

#: The notebook: Jupyter's Markdown and nbconvert's exports read emphasis, code, links, headings
#: and math; ``<``, ``>`` and ``&`` are written as HTML entities.
NOTEBOOK = Dialect(literal=_backslashed("\\`*_[]#$") | {"<": "&lt;", ">": "&gt;", "&": "&amp;"},
                   blocks=False)

#: At the start of a paragraph these could open a list, a quote, a div or a definition.
_BLOCK_START = frozenset("-+=>:(")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def characters(text: str, dialect: Dialect = PAGES) -> str:
    """A piece of prose inside a line (between math or code spans) as Markdown that shows these
    characters: each run of whitespace becomes one space, kept at the ends."""
    return "".join(dialect.literal.get(ch, ch) for ch in re.sub(r"\s+", " ", text))


def line_start(out: str, dialect: Dialect = PAGES) -> str:
    """An escaped line that a reader would not take for the start of a block (a list, a quote,
    a div, a numbered item)."""
    if not dialect.blocks:
        return out
    if out[:1] in _BLOCK_START:
        return "\\" + out
    return _NUMBERED.sub(r"\1\\\2", out)  # "1." would open a numbered list


def markdown(text: str, dialect: Dialect = PAGES) -> str:
    """Prose as Markdown that shows exactly these characters, on one line."""
    return line_start(characters(" ".join(text.split()), dialect), dialect)
