"""Titles and justifications stand beside check marks, so their math "may not state a relation"
(docs/reference.md, "Prose"): language/prose.py ``statements`` looks for ``=``, ``<``, ``>``
and a list of relation commands. The list misses relation commands that the allowlist
(``MATH_COMMANDS``) accepts: ``\\rightarrow`` (while its synonym ``\\to`` is caught),
``\\leftarrow``, ``\\ni`` (while ``\\in`` is caught), ``\\mid``, ``\\perp``, ``\\|``; and
math may say the relation in words with ``\\text``.

Printed beside the check mark of a step that checks log(ab) = log a + log b (true):
title "The log of a sum: log(a + b) equals log a + log b" and justification
"so log(a + b) equals log a + log b", both inside $...$. False at a = b = 1: log 2 != 0.
The same text with ``=`` is refused with an AuthoringError.
"""
from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)

d09 = Derivation(
    name="d09_title_relation_in_words",
    title=r"The log of a sum: $\log(a + b) \text{ equals } \log a + \log b$",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.log_of_product,
                r"so $\log(a + b) \text{ equals } \log a + \log b$, and "
                r"$\sqrt{a + b} \rightarrow \sqrt{a} + \sqrt{b}$"),),
)
