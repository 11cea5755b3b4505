"""A hypothesis bound given as a string: never parsed (no code runs from data)."""

from sympy import Symbol

from derivations import IndexRange

y = Symbol("y", integer=True)
hypothesis = IndexRange(y, 1, "__import__('os').system('echo pwned')")
