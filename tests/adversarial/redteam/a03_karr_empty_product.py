from sympy import Symbol, Product, Integer
from derivations import Derivation, IndexRange, Step, rules

n = Symbol("n", integer=True)
j = Symbol("j", integer=True)

a03 = Derivation(
    name="a03_karr_empty_product",
    title="A product of twos",
    hypotheses=(IndexRange(n, -5, 5),),
    start=Product(Integer(2), (j, 1, n)),
    steps=(Step(2**n, rules.algebra, "n factors of 2"),),
)
