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

from derivations.language.results import DerivationResult
from derivations.render import book
from derivations.render.view import DerivationView

HEADER = f"% {book.GENERATED}\n"
SUFFIX = ".md"


def label(name: str) -> str:
    """The theorem's label, for ``{prf:ref}`` in a lecturer's own pages."""
    return f"dv-{name}"


def _inline(tex: str) -> str:
    return f"{{math}}`{tex.strip()}`"


def _display(tex: str) -> list[str]:
    return ["```{math}", tex.strip(), "```"]


MARKUP = book.Markup(inline=_inline, display=_display,
                     cite=lambda name: f"{{prf:ref}}`{label(name)}`")


def page(v: DerivationView, names: frozenset[str]) -> str:
    """The page of one derivation: heading, theorem, proof."""
    return book.joined([
        HEADER.rstrip("\n"), "",
        f"# {book.escape(v.title)}", "",
        f"````{{prf:theorem}} {book.escape(v.title)}",
        f":label: {label(v.name)}", "",
        *book.statement(v, MARKUP),
        "````", "",
        "````{prf:proof}",
        *book.proof(v, MARKUP, names),
        "````",
        *book.code(v, MARKUP),
    ])


def index(views: Sequence[DerivationView], title: str,
          sections: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The index page: how to read the proofs, then a ``toctree`` per section."""
    lines = [HEADER.rstrip("\n"), "", f"# {book.escape(title)}", "", *book.intro()]
    for heading, group in book.grouped(views, sections):
        lines += ["", "```{toctree}", f":caption: {heading}", ":maxdepth: 1", "",
                  *(v.name for v in group), "```"]
    return book.joined(lines)


def files(results: Sequence[DerivationResult], title: str,
          sections: Sequence[tuple[str, Sequence[str]]] = ()) -> dict[str, str]:
    """Every MyST file by name: a page per derivation and ``index.md``."""
    return book.files(results, SUFFIX, page, lambda views: index(views, title, sections))
