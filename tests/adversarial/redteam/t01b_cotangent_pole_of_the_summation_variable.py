"""Red-team round 18, t01's cotangent variant, kept open at **sampled** grade.

False claim (graded sampled, exit 0): for every size k,

    sum_{j=0}^{k} sin(pi j) cot(pi j / 2)  =  0

Counterexample: the term at j = 0 (and at every even j) is 0 times a pole of cot, which has no
value, so the left side has none.

The kernel refuses it since t01 was closed (a function's pole is judged as written, before the
summation variable is renamed). The sampler still evaluates the summand after renaming, where
SymPy makes sin(pi j) the number 0; unlike t01's gamma(x), the pole depends on the summation
variable, so it cannot be evaluated beside the side at the point. Closing it needs the sampler
to evaluate each term of a concrete range as written (as s05 does).

Command:
    python -m derivations check \
        tests/adversarial/redteam_open/t01b_cotangent_pole_of_the_summation_variable.py --no-cache

Closed the same session as it was found: the product of cot(pi j / 2) over the range,
evaluated beside the side, has no value (`sampling._term_poles`); the step fails at any k.
"""

from sympy import Integer, Sum, Symbol, cot, pi, sin

from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j")

t01b_cotangent_pole_of_the_summation_variable = Derivation(
    name="t01b_cotangent_pole_of_the_summation_variable",
    title="A sine times a cotangent at the integers",
    hypotheses=(Size(k),),
    start=Sum(sin(pi * j) * cot(pi * j / 2), (j, 0, k)),
    steps=(Step(Integer(0), rules.algebra, "the sine vanishes at every integer"),),
)
