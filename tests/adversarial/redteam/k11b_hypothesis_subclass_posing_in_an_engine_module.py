"""(k11b, a variant of k11 found while closing it: the class names an engine module as its own and
puts itself there, so that a lookup by module and name finds it; the engine's classes are
recorded before any author's code runs, integrity.baseline -> derivation.seal.)

A hypothesis of the author's class (a subclass of ``Positive``) widens ``implies`` and so
justifies a declaration its printed form does not state: ``x`` is declared
``positive=True, integer=True``, the only hypothesis prints as "x > 0" (the printer dispatches
on the class's MRO, ``HypothesisPrinter._print_Positive``), and the kernel proves the step from
the undisplayed integer assumption. The sampler draws x from its SymPy assumptions (integers),
so its cross-check agrees. Nothing refuses a hypothesis whose class is not one of the engine's:
``Derivation.__post_init__`` checks ``isinstance(h, Hypothesis)`` and the declaration audit
(``_check_declarations``) trusts ``h.implies``.

(The start is built with ``evaluate=False`` so that SymPy does not already rewrite sin(pi x) to
0 when the expression is made: the printed theorem shows sin(pi x); the kernel's ``expand``
rebuilds the node and SymPy then uses the integer assumption.)

False claim (symbolic), as printed: for x > 0,  2 sin(pi x) = 0.
Counterexample: x = 1/2: the left side is 2 sin(pi/2) = 2, the right side is 0.

Grade obtained: symbolic, exit 0 (also with --min-evidence symbolic).

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k11_hypothesis_subclass_implies_more.py
    python -m derivations build --no-cache --format latex --out /tmp/k11 tests/adversarial/redteam_round10/k11_hypothesis_subclass_implies_more.py

Route: Derivation.__post_init__ (isinstance only) -> Derivation._check_declarations (reads the
subclass's ``implies``) -> kernel.canonical.canonical (expand rebuilds sin(pi x) with x integer
-> 0) -> judge.proves_equal -> SYMBOLIC; sampling draws integer x (evidence.point follows the
symbol's assumptions).

Suggested fix: accept only the engine's own hypothesis classes (``type(h) in {Size, Parameter,
Positive, Real, Nonnegative, IndexRange, Simplex, UnitInterval, Definition}``), as
``audit_problem`` already does for Derivation itself; the same goes for every other engine type
an author hands in: Rule (k09), Lemma (k10), Step, Relation, Implementation.
"""
from sympy import Integer, Mul, Symbol, pi, sin

from derivations import Derivation, Positive, Step, rules


class _Positive(Positive):
    """Printed as "x > 0" (the printer dispatches on Positive); justifies integer=True too."""

    @property
    def implies(self):
        return super().implies | {"integer", "rational"}


import sys as _s
_Positive.__module__ = "derivations.language.hypotheses"
setattr(_s.modules["derivations.language.hypotheses"], "_Positive", _Positive)
x = Symbol("x", positive=True, integer=True)

k11 = Derivation(
    name="k11_hypothesis_subclass_implies_more",
    title="A sine at a multiple of pi",
    hypotheses=(_Positive(x),),
    start=Mul(2, sin(pi * x, evaluate=False)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes there"),),
)
