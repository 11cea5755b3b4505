"""Prose may now carry inline math ($...$) in the title, the summary and every justification,
and none of it is checked: a false formula is printed next to the check marks.

Printed: the title "The logarithm is additive: log(a + b) = log a + log b" and the step's
justification "so log(a + b) = log a + log b, and sqrt(a + b) = sqrt a + sqrt b", beside a step
graded ``symbolic``. False: at a = b = 1, log 2 != 0 and sqrt 2 != 2. What is checked is the
true log(ab) = log a + log b; what the title and the justification state is never compared with
it (prose.py validates only the LaTeX syntax of the math).
"""
from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)

c03 = Derivation(
    name="c03_prose_formula_unchecked",
    title=r"The logarithm is additive: $\log(a + b) = \log a + \log b$",
    summary=r"For $a, b > 0$: $\log(a + b) = \log a + \log b$ and $\sqrt{a + b} = \sqrt{a} + "
            r"\sqrt{b}$.",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.log_of_product,
                r"so $\log(a + b) = \log a + \log b$, and $\sqrt{a + b} = \sqrt{a} + \sqrt{b}$"),),
)
