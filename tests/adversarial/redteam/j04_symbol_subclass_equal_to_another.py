"""Red-team round 9: a Symbol subclass of the author's that SymPy takes for another symbol.

b12/b13/i03 closed the author's own *function* classes (a Function subclass, an undefined
function given methods): language/derivation.py ``_check_vocabulary`` refuses them because
"its assumptions and printing no hypothesis displays". Nothing looks at the class of a
*symbol*. A ``Symbol`` subclass can carry any method; here ``__eq__`` and ``__hash__`` make the
variable y equal to x (Python tries a subclass's reflected ``__eq__`` first, so ``x == y`` is
True as well). It prints as "y", its hypothesis prints "y \\in \\mathbb{R}", and the declaration
audit is satisfied (its assumptions are exactly ``real``).

Printed theorem (``derivations build``, the .tex fragment):

    "x \\in \\mathbb{R},  y \\in \\mathbb{R}  =>  x\\,y = x^{2}"       (symbolic)

False: x = 1, y = 2 gives 2 != 1. What is checked: the kernel's ``expand`` rebuilds the
product x*y (written with ``evaluate=False`` so that it prints as x y), and SymPy's ``Mul``
collects y into x's power because the two hash alike and compare equal: x^2 - x^2 = 0. The
sampler draws one value per symbol in a dict, so y gets x's value and the cross-check agrees.
(The verdict cache refuses to key the author's class, so nothing is stored; ``-j 2`` gives the
same verdict.)

Route: class 5 (what is printed is not what is checked: two distinct printed symbols are one
object to SymPy), the i03 route through ``Symbol`` instead of ``Function``. Grade: symbolic.

Root cause: language/derivation.py ``_check_vocabulary`` inspects only ``Function`` atoms
(``expr.atoms(Function)``); a subclass of ``Symbol`` (likewise ``Dummy``, ``IndexedBase``,
``Indexed``, ``Integer``, any ``Basic``) defined outside SymPy and the package passes. Every
node's class should be SymPy's or the engine's (checking/key.py ``_class`` already draws that
line for the cache).

Closed: symbols must be Symbol (or Dummy): a symbol class of the author's is refused.
"""
from sympy import Mul, Symbol

from derivations import Derivation, Real, Step, rules

x = Symbol("x", real=True)


class Variable(Symbol):
    """A real variable (that SymPy takes for x)."""

    def __eq__(self, other):
        return Symbol.__eq__(self, other) or Symbol.__eq__(x, other)

    def __hash__(self):
        return hash(x)


y = Variable("y", real=True)

j04_symbol_subclass_equal_to_another = Derivation(
    name="j04_symbol_subclass_equal_to_another",
    title="A product of two reals",
    hypotheses=(Real(x), Real(y)),
    start=Mul(x, y, evaluate=False),
    steps=(Step(x ** 2, rules.algebra, "multiply"),),
)
