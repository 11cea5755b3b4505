"""The proof by cases substitutes each value of a ranged integer with ``xreplace``, which
re-evaluates the expression: (x^2 - 2)^(v^2 + 1) (x^2 - 2)^(-(v^2 + 1)) becomes the literal 1 in
every case, and ``may_be_undefined`` is then asked about the evaluated case, not about the
step as written. The direct proof is correctly refused (the second factor has a negative
exponent, so x^2 - 2 must be proved non-zero, and it is not); the case split proves it anyway.
The cross-check never draws x = sqrt(2) (m02: rational roots only), so it agrees.

False claim (symbolic, "proved case by case: n = -3, ..., 3", exit 0, also under
``--min-evidence symbolic``): for real x and every integer -3 <= n <= 3,
(x^2 - 2)^(n^2 + 1) (x^2 - 2)^(-(n^2 + 1)) = 1.

Counterexample: x = sqrt(2), any n (say n = 0): the left side is 0 * (1/0), undefined; the right
side is 1.

Grade obtained: symbolic (JSON: ``"tried": ["symbolic", "cases", "sampled"]``, reason "proved
case by case: n = -3, -2, -1, 0, 1, 2, 3"), exit 0.

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam/m07_case_split_evaluates_away_the_pole.py

Route: checking/grade.py ``_check_equal`` -> ``_by_cases`` -> kernel/judge.py
``proves_by_cases``: ``lhs.xreplace({n: Integer(v)})`` rebuilds the ``Mul`` (written with
``evaluate=False``) with evaluation on, so the two powers combine into 1; ``proves_equal(1, 1)``
then holds in each case, and the undefined point of the original step is gone.

Variant also run (sized, exit 0): for real x and every size k, (x^2 - 2)^k (x^2 - 2)^(-k) = 1
(``Mul(..., evaluate=False)``). The kernel refuses it (the exponent -k is negative, so x^2 - 2
is a denominator), sizes are never split on, and evidence/sized.py ``prove_sized`` substitutes
k = 1, 2, 3 with ``xreplace`` (and ``doit``), gets the literal 1, and only then asks
``may_be_undefined``: "proved only at concrete sizes".

Suggested fix: in ``proves_by_cases`` (and wherever a case is judged), require
``not may_be_undefined(side)`` of the *original* sides too (a side undefined somewhere is
undefined in some case), or substitute without evaluation (``xreplace`` inside
``evaluate(False)``) and judge the unevaluated case, so that what each case proves is the step
as written at that value. The same in ``sized.prove_sized`` (ask ``may_be_undefined`` of the
sides before fixing the sizes, or substitute unevaluated).

Closed in three parts: the case split asks first whether a side may be undefined as written
(round 12, ``judge.proves_by_cases``); the sampler evaluates the base of each power whose
exponent may be negative beside the side (``sampling._poles``, as for m06), so the step fails
at x = sqrt 2; and ``sized.prove_sized`` asks the same question of the sides before it fixes
any size, so the variant with a size k is no longer "proved at concrete sizes" either.
"""
from sympy import Mul, S, Symbol

from derivations import Derivation, IndexRange, Real, Step, rules

x = Symbol("x", real=True)
n = Symbol("n", integer=True)
base = x**2 - 2

m07 = Derivation(
    name="m07_case_split_evaluates_away_the_pole",
    title="A power and its reciprocal",
    hypotheses=(Real(x), IndexRange(n, -3, 3)),
    start=Mul(base**(n**2 + 1), base**(-n**2 - 1), evaluate=False),
    steps=(Step(S.One, rules.algebra, "a power times its reciprocal"),),
)
