"""Red-team round 9: a symbol whose *name* is a formula prints without the parentheses its
value needs.

Symbol names are not restricted (only a derivation's own name is), and SymPy's LaTeX printer
writes a symbol's name verbatim and gives it the precedence of an atom: ``Symbol("-x")**2``
prints ``-x^{2}``, ``2*Symbol("a - b")`` prints ``2\\,a - b``. The lookalike audit
(language/derivation.py ``_check_clashes``/``_check_lookalikes``) compares symbols, entries and
function applications with each other by their LaTeX; it never asks whether a name prints like
an *expression*, and nothing parenthesises it.

Printed theorem (``derivations build``, the .tex fragment, also MyST/Quarto):

    "-x \\in \\mathbb{R}  =>  0 \\le -x^{2}"          (symbolic)

read as: for real x, 0 <= -(x^2). False at x = 1: -1 < 0. What is checked is 0 <= s^2 for
one real symbol s (named "-x"), which is true. The first derivation prints
"a - b \\ge 0  =>  0 \\le 2\\,a - b", read: a >= b implies 2a - b >= 0; false at a = b = -1
(2a - b = -1); checked: s >= 0 implies 2 s >= 0.

Route: class 5 (what is printed is not what is checked). Grade: symbolic.

Root cause: language/derivation.py ``_check_declarations``/``_check_lookalikes`` accept any
``Symbol`` name; render/printer.py ``ProofPrinter`` inherits SymPy's ``_print_Symbol``, which
prints the name as LaTeX with an atom's precedence. A name that is not a plain identifier
(letters, digits, an underscore subscript, a Greek letter) should be refused, or its printed
form parenthesised.

Closed: a symbol whose name has an operator, a relation, a bracket or a separator in it is
refused (it would print as an expression).
"""
from sympy import S, Symbol

from derivations import Derivation, Nonnegative, Real, Relation, Step, rules

difference = Symbol("a - b", nonnegative=True)
minus_x = Symbol("-x", real=True)

j02_sum_named_symbol = Derivation(
    name="j02_sum_named_symbol",
    title="Twice a non-negative difference",
    hypotheses=(Nonnegative(difference),),
    start=S.Zero,
    steps=(Step(2 * difference, rules.inequality, "twice a non-negative number",
                relation=Relation.LE),),
)

j02_symbol_named_with_operators = Derivation(
    name="j02_symbol_named_with_operators",
    title="A square is non-negative",
    hypotheses=(Real(minus_x),),
    start=S.Zero,
    steps=(Step(minus_x ** 2, rules.inequality, "a square", relation=Relation.LE),),
)
