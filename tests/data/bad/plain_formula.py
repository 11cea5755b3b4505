"""A justification that writes a formula as plain text, and one that hides a TeX command that
would read a file when the PDF is built: both are refused before anything is checked."""

from sympy import IndexedBase, Symbol, log

from derivations import Derivation, Positive, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
q = IndexedBase("q", positive=True)
j = Symbol("j", integer=True)

plain_formula = Derivation(
    name="plain_formula",
    title="The log of a product",
    summary=r"Reads the file: $\input{/etc/passwd}$",
    hypotheses=(Size(k), Positive(q[j])),
    start=log(q[1] * q[2]),
    steps=(Step(log(q[1]) + log(q[2]), rules.log_of_product, "log(q_1 q_2) = log q_1 + log q_2"),),
)
