"""A ``[[name]]`` in a derivation's prose "is resolved when rendered, and a name that was not
checked is refused there" (language/derivation.py ``_check_prose`` docstring; the reference
says ``[[name]]`` is "a reference to a checked derivation"). Nothing refuses it: ``check`` prints
it beside the check mark, and ``build`` (with ``--pdf`` too) writes every format. LaTeX
``\\dvcite{gibbs_inequality}`` prints "a cited theorem" (or "Theorem N" / the title of a
catalogue derivation that this build never checked), MyST and Quarto print the name as code:

    (1) ✓ by `gibbs_inequality`       -- no such derivation exists anywhere

so a step reads as following from a theorem that does not exist or was not checked, and the
title claims the result is "by" a catalogue theorem not loaded in this build. The step's
``cites=`` (which is checked) is empty.
Reproduce: ``python -m derivations build FILE --out /tmp/x`` exits 0; grep the outputs.
"""
from sympy import Symbol, log

from derivations import Derivation, Positive, Step, rules

a = Symbol("a", positive=True)
b = Symbol("b", positive=True)

d11 = Derivation(
    name="d11_prose_ref_to_unchecked_theorem",
    title="The log of a product, by [[kl_divergence_is_nonnegative]]",
    summary="This follows from [[no_such_theorem]].",
    hypotheses=(Positive(a), Positive(b)),
    start=log(a * b),
    steps=(Step(log(a) + log(b), rules.log_of_product, "by [[gibbs_inequality]]"),),
)
