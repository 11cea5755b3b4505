"""SymPy's private API, in one place: an upgrade of SymPy touches this module only.

The package pins SymPy to one minor release (``pyproject.toml``); these names are what it uses
beyond SymPy's public surface, and why.
"""

from __future__ import annotations

#: The names of every assumption SymPy knows (``positive``, ``integer``, ...): the declaration
#: audit asks each of a symbol, to find everything its declaration implies.
from sympy.core.assumptions import _assume_defined

#: Converts an object that is already SymPy's (or a plain number) without parsing strings:
#: ``sympify`` would turn an author's string into an expression, silently.
from sympy.core.sympify import _sympify

__all__ = ["_assume_defined", "_sympify"]
