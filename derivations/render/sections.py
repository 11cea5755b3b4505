"""Checked derivations under section headings: the one grouping that every output uses.

The article, the slides, the Markdown pages and the notebook all show the derivations section by
section, in the reading order the sections give (the catalogue's ``SECTIONS``, which the pipeline
passes in); whatever no section names comes last.
"""

from __future__ import annotations

from collections.abc import Sequence

from derivations.language.derivation import Derivation
from derivations.language.results import DerivationResult

#: Section headings, each with its derivations, in reading order (a derivation is matched by
#: name, so a section may list derivations that were not checked this time).
Sections = Sequence[tuple[str, Sequence[Derivation]]]

#: The heading of the derivations that no section lists, after the sections.
FURTHER = "Further derivations"


def grouped(results: Sequence[DerivationResult], sections: Sections
            ) -> list[tuple[str | None, list[DerivationResult]]]:
    """The results under their section headings, in section order, each under the first section
    that lists it; sections with no result are left out. The rest follow in the order given,
    under :data:`FURTHER`, or under no heading (``None``) when no section has a result."""
    left = {r.derivation.name: r for r in results}
    groups: list[tuple[str | None, list[DerivationResult]]] = []
    for heading, members in sections:
        present = [left.pop(d.name) for d in members if d.name in left]
        if present:
            groups.append((heading, present))
    if left:
        groups.append((FURTHER if groups else None, list(left.values())))
    return groups


def numbers(results: Sequence[DerivationResult], sections: Sections) -> dict[str, int]:
    """Each derivation's theorem number: its place, from 1, in the order :func:`grouped` gives.
    The book's ``dvtheorem`` counter runs in that order too, so "Theorem N" means the same
    theorem in the PDF, the slides, the pages and the notebook."""
    ordered = [r.derivation.name for _, members in grouped(results, sections) for r in members]
    return {name: n for n, name in enumerate(ordered, start=1)}
