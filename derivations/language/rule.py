"""Rules: the named reasons a step may give, each with the side conditions it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sympy import Basic, Lambda

from derivations.language.relation import Relation

if TYPE_CHECKING:
    from derivations.language.hypotheses import Facts


@dataclass(frozen=True)
class Condition:
    """A side condition of one step: what it says, and whether the hypotheses establish it.

    ``formula`` (optional) is the condition as a SymPy object for typesetting; ``text`` is the
    same condition in words, for reports.
    """

    text: str
    holds: bool
    detail: str = ""
    formula: Basic | None = None


#: Produces the side conditions a rule needs, from the previous and the new expression.
ConditionMaker = Callable[[Basic, Basic, "Facts"], list[Condition]]
#: Says why a rule cannot describe a step (for instance: no logarithm of a product in sight).
Fitness = Callable[[Basic, Basic], "str | None"]


def _no_conditions(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
    return []


def _always_fits(prev: Basic, new: Basic) -> str | None:
    return None


@dataclass(frozen=True)
class Rule:
    """A named rule.

    ``relations`` are the relations it can justify; ``conditions`` derives its side conditions;
    ``fits`` refuses a rule that plainly does not describe the step. ``transform`` is set for
    rules that keep an optimiser: the step's objective must equal ``transform(previous)``;
    ``certificate`` for inequality rules (see ``inequality_rules``).
    """

    name: str
    summary: str
    relations: frozenset[Relation]
    conditions: ConditionMaker = field(default=_no_conditions, compare=False)
    fits: Fitness = field(default=_always_fits, compare=False)
    transform: Lambda | None = None
    #: For inequality rules: an expression proved non-negative term by term, which must equal
    #: the larger side minus the smaller one.
    certificate: Basic | None = None
    #: For certificates from a lemma: (lemma, weight, argument, summation limit or None), which
    #: the equality-case check reads.
    instance: tuple[Any, Basic, Basic, Any] | None = None
    #: Derivations whose result the rule uses (recorded on every step that uses the rule).
    cites: tuple[str, ...] = ()
    #: For a cited inequality theorem: the (instantiated) condition under which its
    #: certificate vanishes, established by the theorem's own checked equality case.
    equality_if: dict[Basic, Basic] | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        extra = f", transform={self.transform}" if self.transform is not None else ""
        return f"Rule({self.name!r}{extra})"
