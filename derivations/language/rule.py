"""Rules: the named reasons a step may give, each with the side conditions it needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sympy import Basic, Lambda, Tuple

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
    #: Any other expression the rule's side conditions read (a cited theorem's mapping), so
    #: that the declaration audit sees it.
    carried: tuple[Basic, ...] = ()
    #: For a cited theorem: the derivation object the certificate was taken from. The checker
    #: accepts the citation only when it is the loaded, checked derivation of that name.
    theorem: Any = field(default=None, compare=False, repr=False)
    #: For a cited theorem: the mapping of its symbols to the citer's, as (theirs, ours) pairs
    #: (the checker derives the certificate again from the theorem and this mapping).
    mapping: tuple[tuple[Basic, Basic], ...] = ()
    #: For the fundamental theorem of calculus (``rules.antiderivative``): each antiderivative
    #: as a Lambda of the integration variable. The checker evaluates the integrals they fit
    #: (``kernel.integrals.fundamental``) and shows each as a side condition.
    antiderivatives: tuple[Lambda, ...] = ()

    def expressions(self) -> list[tuple[str, Basic]]:
        """Every expression the rule carries, named for a message: what the declaration audit
        scans, since each may decide a side condition or a proof. A lemma's weight and argument
        under a sum are shown bound by the sum's variable (``Lambda``), as they are used."""
        out: list[tuple[str, Basic]] = []
        if self.transform is not None:
            out.append(("transform", self.transform))
        if self.certificate is not None:
            out.append(("certificate", self.certificate))
        if self.instance is not None:
            lemma, weight, at, over = self.instance
            bound = (over[0],) if over is not None else ()
            out.append(("weight", Lambda(bound, weight) if bound else weight))
            out.append(("lemma argument", Lambda(bound, at) if bound else at))
            if over is not None:
                out.append(("summation range", Tuple(*over[1:])))
            out.append(("lemma", lemma.slack))
            out.append(("lemma's equality point", lemma.at_equality))
        for key, value in (self.equality_if or {}).items():
            out += [("equality case", key), ("equality case", value)]
        out += [("cited theorem's mapping", e) for e in self.carried]
        out += [("cited theorem's mapping", ours) for _, ours in self.mapping]
        out += [("antiderivative", form) for form in self.antiderivatives]
        return [(name, e) for name, e in out if isinstance(e, Basic)]

    def __repr__(self) -> str:
        extra = f", transform={self.transform}" if self.transform is not None else ""
        return f"Rule({self.name!r}{extra})"
