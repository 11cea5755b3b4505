"""A step whose expression is a Python string, not a SymPy object."""

from derivations import Step, rules

broken = Step("log(q)", rules.algebra, "a string is not an expression")
