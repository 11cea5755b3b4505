# A sum with half-integer bounds: j runs over 1/2, 3/2, 5/2, so (-1)^(2j) = -1 each time and the
# sum is -3.  The kernel renames every bound variable to an *integer* symbol, after which
# SymPy evaluates (-1)^(2b) = 1, and the sum "is" 3.  Sampling sees the same renamed form.
from sympy import Symbol, Sum, Rational, Integer
from derivations import Derivation, Step, rules

j = Symbol("j")

a30 = Derivation(
    name="a30_half_integer_bounds",
    title="A sum of three signs",
    hypotheses=(),
    start=Sum((-1)**(2 * j), (j, Rational(1, 2), Rational(5, 2))),
    steps=(Step(Integer(3), rules.algebra, "each term is one"),),
)
