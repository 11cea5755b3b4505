"""How a step's expression relates to the previous one: =, <=, >=, <, > or the same optimiser."""

from __future__ import annotations

import enum


class Relation(enum.Enum):
    """How a step's expression relates to the previous one."""

    EQ = "="
    LE = "<="
    GE = ">="
    LT = "<"
    GT = ">"
    #: Both sides are optimiser sets (arg min / arg max over the parameter) and they are equal.
    SAME_OPTIMISER = "same optimiser"

    @property
    def latex(self) -> str:
        return {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">",
                "same optimiser": "="}[self.value]

    @property
    def direction(self) -> str:
        """"up" for <= and <, "down" for >= and >, "" for equalities."""
        return {"<=": "up", "<": "up", ">=": "down", ">": "down"}.get(self.value, "")

    @property
    def strict(self) -> bool:
        return self.value in ("<", ">")
