"""Prose math is validated (language/prose.py ``_math``) for characters, braces and an allowlist
of command *names* only, never for how the commands are used. Math that no output can show
passes: ``\\left(`` without ``\\right``, ``x^`` with nothing to raise, ``\\frac`` without
arguments, ``\\text{a_b}`` (a subscript in text mode), a lone ``\\right)`` or ``\\limits``.

The derivation below is true and checks ``ok`` (exit 0), but
``python -m derivations build FILE --out /tmp/x --pdf`` fails: latexmk stops with
"d05_prose_tex_breaks_pdf.tex:3: Missing \\right. inserted ... Fatal error occurred" followed
by a page of TeX log; no AuthoringError names the derivation and the field, as the reference
promises for "TeX that some output could not show" (MathJax shows the same math as an error).
"""
from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)

d05 = Derivation(
    name="d05_prose_tex_breaks_pdf",
    title=r"The log of a product $\left( a b$",
    summary=r"For positive $a$ and $b$ the log of $a b$ splits into $\log a + \log b$.",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.log_of_product, r"split the product $\text{a_b}$"),),
)
