"""A step of a derivation: the new expression, its relation to the previous one, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from sympy import Basic

from derivations.language.relation import Relation
from derivations.language.rule import Rule


@dataclass(frozen=True)
class Step:
    """One line of a proof.

    ``expr`` is the new expression, ``rule`` the named rule that justifies it, ``why`` a one-line
    justification for the reader, ``cites`` the names of derivations whose result this step uses.
    ``relation`` defaults to the rule's own when the rule allows exactly one.
    """

    expr: Basic
    rule: Rule
    why: str
    relation: Relation | None = None
    cites: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not isinstance(self.expr, Basic):
            raise TypeError(f"a step's expression must be a SymPy object, got {self.expr!r}")
        if not isinstance(self.rule, Rule):
            raise TypeError(f"a step's rule must be a Rule, got {self.rule!r}")
        if not isinstance(self.why, str) or not self.why.strip():
            raise ValueError("a step needs a one-line justification ('why')")
        if isinstance(self.cites, str):
            object.__setattr__(self, "cites", (self.cites,))
        theorem = getattr(self.rule.theorem, "name", None)
        named = (*self.rule.cites, *((theorem,) if isinstance(theorem, str) else ()))
        extra = tuple(c for c in dict.fromkeys(named) if c not in self.cites)
        object.__setattr__(self, "cites", (*self.cites, *extra))
        if self.relation is None:
            if len(self.rule.relations) != 1:
                raise ValueError(f"rule {self.rule.name!r} allows several relations; "
                                 "give the step's relation explicitly")
            object.__setattr__(self, "relation", next(iter(self.rule.relations)))
        if self.relation not in self.rule.relations:
            raise ValueError(f"rule {self.rule.name!r} does not justify a "
                             f"{self.relation.value!r} step")  # type: ignore[union-attr]
