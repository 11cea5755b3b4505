"""A title and justification full of the LaTeX special characters that prose may contain as
text (a dollar sign written \\$; ``_``, ``^`` and backslashes belong in math)."""

from sympy import IndexedBase, Symbol, log

from derivations import Derivation, Positive, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
q = IndexedBase("q", positive=True)
j = Symbol("j", integer=True)

SPECIALS = r"# \$ % & { } ~ end"

special_characters = Derivation(
    name="special_characters",
    title=f"Title {SPECIALS}",
    summary=f"Summary {SPECIALS}",
    hypotheses=(Size(k), Positive(q[j])),
    start=log(q[1] * q[2]),
    steps=(Step(log(q[1]) + log(q[2]), rules.log_of_product, f"why {SPECIALS}"),),
)
