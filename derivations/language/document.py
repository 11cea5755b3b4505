"""A document that answers a question with checked mathematics: the question, a notation
bridge, and sections of claims (each backed by checked derivations), remarks (prose that is not
checked, marked as such) and figures drawn from checked expressions.

Every string is prose in the syntax of :mod:`derivations.language.prose` (inline ``$math$``,
```code```, ``[[derivation]]`` references), validated when the object is made. Whether every
reference names a loaded derivation is checked by :meth:`Answer.resolve`, which the pipeline
calls before rendering, so a document cannot cite a theorem that was not checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Union

from sympy import Basic, Symbol

from derivations.errors import AuthoringError
from derivations.language import prose

#: What an unchecked remark is: a fact about practice that no derivation can check, or a reading
#: of the mathematics in words.
RemarkKind = Literal["empirical", "interpretation"]

REMARK_LABEL: dict[str, str] = {"empirical": "Empirical, not checked",
                                "interpretation": "Interpretation, not checked"}


@dataclass(frozen=True)
class Claim:
    """A statement the cited derivations prove; it must cite at least one with ``[[name]]``."""

    text: str

    def __post_init__(self) -> None:
        prose.validate(self.text, "a claim of the answer")
        if not prose.refs(self.text):
            raise AuthoringError(f"a claim must cite the derivation that proves it with "
                                 f"[[name]]; make it a Remark if nothing checks it: "
                                 f"{self.text[:80]!r}")

    @property
    def cites(self) -> tuple[str, ...]:
        return prose.refs(self.text)


@dataclass(frozen=True)
class Remark:
    """Prose that no derivation checks, shown marked apart: an empirical fact or an
    interpretation. It may still cite derivations it comments on."""

    text: str
    kind: RemarkKind

    def __post_init__(self) -> None:
        prose.validate(self.text, "a remark of the answer")
        if self.kind not in REMARK_LABEL:
            raise AuthoringError(f"a remark is one of {sorted(REMARK_LABEL)}, not {self.kind!r}")

    @property
    def cites(self) -> tuple[str, ...]:
        return prose.refs(self.text)

    @property
    def label(self) -> str:
        return REMARK_LABEL[self.kind]


@dataclass(frozen=True)
class Curve:
    """One curve of a figure: ``expr`` as a function of the figure's variable, drawn solid,
    dashed or as a step function; ``label`` is prose for the legend."""

    expr: Basic
    label: str
    style: Literal["solid", "dashed", "dotted"] = "solid"

    def __post_init__(self) -> None:
        prose.validate(self.label, "a curve's label")
        if self.style not in ("solid", "dashed", "dotted"):
            raise AuthoringError(f"a curve is solid, dashed or dotted, not {self.style!r}")


@dataclass(frozen=True)
class Figure:
    """A plot of curves in one real variable over ``domain``, from expressions the cited
    derivations check (``source``); renderers sample the curves themselves (TikZ/pgfplots in
    LaTeX, SVG in HTML), at the same points in every format."""

    name: str  # a label, [a-z0-9-]
    caption: str  # prose
    variable: Symbol
    domain: tuple[float, float]
    curves: tuple[Curve, ...]
    xlabel: str  # math, without dollars
    ylabel: str  # math, without dollars
    source: tuple[str, ...]  # the derivations whose expressions are drawn
    yrange: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        prose.validate(self.caption, f"the caption of figure {self.name}")
        prose.validate(f"${self.xlabel}$ ${self.ylabel}$", f"the axis labels of {self.name}")
        if not self.curves or not self.source:
            raise AuthoringError(f"figure {self.name} needs curves and the derivations they "
                                 "come from")
        low, high = self.domain
        if not low < high:
            raise AuthoringError(f"figure {self.name}: an empty domain {self.domain}")
        for curve in self.curves:
            stray = curve.expr.free_symbols - {self.variable}
            if stray:
                raise AuthoringError(f"figure {self.name}: a curve depends on "
                                     f"{sorted(map(str, stray))} besides {self.variable}")

    @property
    def cites(self) -> tuple[str, ...]:
        labels = [r for curve in self.curves for r in prose.refs(curve.label)]
        return tuple(dict.fromkeys((*self.source, *prose.refs(self.caption), *labels)))


Block = Union[Claim, Remark, Figure]  # noqa: UP007 (a runtime alias on Python 3.10)


@dataclass(frozen=True)
class Section:
    """One sub-question and its answer: the question as asked (prose), an opening sentence
    that answers it directly, then the blocks that argue it."""

    title: str
    asked: str
    opening: str
    blocks: tuple[Block, ...]

    def __post_init__(self) -> None:
        for what, text in (("title", self.title), ("question", self.asked),
                           ("opening", self.opening)):
            prose.validate(text, f"the {what} of the answer's section {self.title!r}")

    @property
    def cites(self) -> tuple[str, ...]:
        found: dict[str, None] = dict.fromkeys((*prose.refs(self.title), *prose.refs(self.asked),
                                                *prose.refs(self.opening)))
        for block in self.blocks:
            found.update(dict.fromkeys(block.cites))
        return tuple(found)


@dataclass(frozen=True)
class NotationRow:
    """The question's symbol, the proofs' symbol for the same thing (math, no dollars; equal
    when the proofs use the question's notation), and its meaning (prose)."""

    question: str
    proofs: str
    meaning: str

    def __post_init__(self) -> None:
        prose.validate(f"${self.question}$ ${self.proofs}$", "a notation row")
        prose.validate(self.meaning, f"the meaning of ${self.question}$")


@dataclass(frozen=True)
class Answer:
    """The question, restated; the notation bridge; a section per sub-question; a closing
    summary (a few sentences, each prose)."""

    title: str
    question: str
    notation: tuple[NotationRow, ...]
    sections: tuple[Section, ...]
    summary: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        prose.validate(self.title, "the answer's title")
        prose.validate(self.question, "the answer's question")
        for line in self.summary:
            prose.validate(line, "the answer's summary")

    @property
    def cites(self) -> tuple[str, ...]:
        found: dict[str, None] = dict.fromkeys((*prose.refs(self.title),
                                                *prose.refs(self.question)))
        for row in self.notation:
            found.update(dict.fromkeys(prose.refs(row.meaning)))
        for section in self.sections:
            found.update(dict.fromkeys(section.cites))
        for line in self.summary:
            found.update(dict.fromkeys(prose.refs(line)))
        return tuple(found)

    def resolve(self, names: Iterable[str]) -> None:
        """Refuse a document that cites a derivation not among ``names`` (the checked ones)."""
        known = set(names)
        missing = [name for name in self.cites if name not in known]
        if missing:
            raise AuthoringError(f"the answer cites {missing}, which are not among the checked "
                                 "derivations")


__all__ = ["Answer", "Block", "Claim", "Curve", "Figure", "NotationRow", "REMARK_LABEL",
           "Remark", "Section"]
