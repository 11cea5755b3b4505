"""The fundamental theorem of calculus: a definite integral evaluated by an antiderivative.

The author names the antiderivative; the checker proves that it is one on the whole interval,
that it is continuous there, and takes its values (or limits) at the ends
(``kernel.integrals``). Every other integral of a step is an opaque number to the kernel, once
shown to converge: rewriting an integrand, taking out a constant factor, splitting an integral
of a sum whose terms each converge are proved by the ``algebra`` rule.
"""

from __future__ import annotations

from sympy import Basic, Integral, Lambda, Symbol

from derivations._compat import _sympify
from derivations.language.relation import Relation
from derivations.language.rule import Rule


def _fits(prev: Basic, new: Basic) -> str | None:
    return None if prev.has(Integral) else "no integral on the left to evaluate"


def antiderivative(*forms: Basic, of: Symbol) -> Rule:
    """Evaluate the integrals of the previous expression by the fundamental theorem of
    calculus: each of ``forms`` is an antiderivative, an expression in the variable ``of``;
    it evaluates the first integral whose integrand it is proved to be the derivative of.

    >>> rules.antiderivative(log(1 + exp(t)), of=t)  # for Integral(1/(1 + exp(-t)), (t, 0, x))
    """
    if not forms:
        raise TypeError("antiderivative needs at least one antiderivative")
    if not isinstance(of, Symbol):
        raise TypeError(f"antiderivative(..., of=...) takes the integration variable, not {of!r}")
    return Rule("antiderivative",
                "the fundamental theorem of calculus: F(b) - F(a) for an antiderivative F",
                frozenset({Relation.EQ}), fits=_fits,
                antiderivatives=tuple(Lambda(of, _sympify(f)) for f in forms))
