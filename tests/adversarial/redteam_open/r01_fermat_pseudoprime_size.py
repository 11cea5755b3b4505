"""Red-team round 16, r01: a statement about sizes that is true at every size the checker
tries (sized proof at 1, 2, 3; random sizes up to 40) and false first at k = 339, with no
constant in the step that could point the sampler at it.

False claim (graded **sized**, exit 0):

    for every size k (a positive integer), with n = k + 2:
        sum_{j=2}^{k+1} [j divides n] * [n divides 2^n - 2] = 0
    ("a number that passes the base-2 Fermat test has no proper divisor", i.e. there is no
    base-2 Fermat pseudoprime), where [a divides b] is written 1 - ceiling(b/a) + floor(b/a).

Counterexample: k = 339, n = 341 = 11 * 31: 2^341 = 2 (mod 341), and j = 11, 31 divide 341,
so the left side is 2, not 0. (Checked with Python: pow(2, 341, 341) == 2; 341 is the
smallest base-2 pseudoprime, so the claim holds for every n < 341, i.e. k < 339.)

Command:
    python -m derivations check \
        tests/adversarial/redteam_open/r01_fermat_pseudoprime_size.py --no-cache
Output: "r01_fermat_pseudoprime_size: ok (1 step, weakest evidence: sized)" with the label
"[weaker evidence: proved only at concrete sizes]", exit 0.

Route: the kernel proves nothing (the summand divides by j; `judge.may_be_undefined`).
`evidence/sized.prove_sized` writes the sum out at k = 1, 2, 3 (`settings.sized_sizes`) and
proves each instance; the hunt (`sampling.sample`) draws sizes in 1..12, now and then up to
`max_size` = 40 (`point.Point._size`); the landmark sizes come only from the step's numeric
constants (here 1 and 2: `point.landmarks`), and `hot_sizes` only from Kronecker deltas. A
claim about sizes whose first failure is not next to any constant in it (a number-theoretic
coincidence: pseudoprimes, Euler's k^2 + k + 41 rewritten without 41, Carmichael numbers) is
never tried. This differs from k01/m05/m09/m12 (a delta hot at a constant or at a root of an
equation): there is no constant, delta or equation to read the failing size from.

Suggested fix: "sized" evidence cannot be sound for a claim about every size; at least label
such a step as holding "for k <= 3 (and sampled up to 40)" in every output, and refuse it
under `--min-evidence sized` unless the statement is polynomial/rational in the sizes (where
finitely many sizes of a bounded degree do prove it). Draw a few sizes in the hundreds and
thousands when a summand uses floor/ceiling/Mod of a size.
"""

from sympy import Integer, Sum, Symbol, ceiling, floor

from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)
n = k + 2


def divides(a, b):
    """1 when a divides b, else 0 (b/a is an integer exactly when its ceiling is its floor)."""
    return 1 - ceiling(b / a) + floor(b / a)


r01_fermat_pseudoprime_size = Derivation(
    name="r01_fermat_pseudoprime_size",
    title="A number passing the base-2 Fermat test has no proper divisor",
    hypotheses=(Size(k),),
    start=Sum(divides(j, n) * divides(n, 2**n - 2), (j, 2, k + 1)),
    steps=(Step(Integer(0), rules.algebra, "Fermat's little theorem, read backwards"),),
)
