"""Red-team round 16, r04: an author's lemma whose slack is complex on the real line passes the
convexity proof, and its "non-negative" certificate is -1 times a weight.

False claim (graded **symbolic**, exit 0, also under `--min-evidence symbolic`):

    for every size k (a positive integer),  max(0, k - 4) <= 0

Counterexample: k = 5: max(0, 1) = 1 > 0 (and k - 4 for every k >= 5).

The lemma: `Lemma("square_is_nonnegative", "0 <= (w - i)^2", Lambda(w, (w - I)**2),
positive_domain=False, at_equality=I)`, i.e. "(w - i)^2 >= 0 for real w, with equality at
w = i". It is false: at w = 0 the slack is (−i)^2 = −1. The step cites it with weight
max(0, k − 4) at the argument 0, so the certificate is max(0, k − 4)·(0 − i)^2 =
−max(0, k − 4), which is exactly (larger side) − (smaller side) = 0 − max(0, k − 4).

Command:
    python -m derivations check \
        tests/adversarial/redteam/r04_lemma_with_a_complex_slack.py --no-cache --min-evidence symbolic
Output: "r04_lemma_with_a_complex_slack: ok (1 step, weakest evidence: symbolic)", exit 0.

Route: `rules/inequality.Lemma.problem` proves the lemma from convexity with a real Dummy x:
`f.subs(x, x0).simplify() == 0` and `f'(x0) == 0` at x0 = i (true: x0 is never required to be
real, nor in the domain, when `positive_domain` is False; the positive-domain branch does check
x0 > 0), and `diff(f, x, 2).is_positive` (2 > 0). Convexity + a stationary zero proves
slack >= 0 only for a real-valued slack with a real stationary point; neither is checked.
`_conditions` then checks weight >= 0 (`is_nonnegative(Max(0, k - 4))`: SymPy says True) and
"0 is real". `judge.proves_order` proves `high - low == certificate` with `prove_equal`
(0 - max(0, k-4) = -max(0, k-4)), and the sides themselves are real. The 2-point cross-check
of a proved step draws sizes in 1..4 only (`Point._size` with `large=False`), where
max(0, k − 4) = 0. (The same lemma with weight 1 proves 1 <= 0 in the kernel; there the
cross-check catches it: "sampling contradicts the symbolic proof".)

Suggested fix: in `Lemma.problem`, require `x0.is_real is True` (and `x0` in the domain for
either domain), and require the slack to be real on the domain
(`f.is_extended_real is True` for the real/positive Dummy x), refusing any slack with `I`
or other non-real constants; equivalently check `slack(x).is_real` before the convexity
argument. Also consider letting the cross-check of a certificate-proved step draw sizes
beyond 4.

Closed: ``Lemma.problem`` requires the equality point to be real and the slack real on the
domain (convexity and a stationary zero bound a real function only): "the equality point I is
not known to be real".
"""

from sympy import I, Integer, Lambda, Max, Symbol

from derivations import Derivation, Relation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
w = Symbol("w")

SQUARE_IS_NONNEGATIVE = rules.Lemma("square_is_nonnegative", "0 <= (w - i)^2",
                                    Lambda(w, (w - I) ** 2), False, I)

r04_lemma_with_a_complex_slack = Derivation(
    name="r04_lemma_with_a_complex_slack",
    title="Every size is at most four",
    hypotheses=(Size(k),),
    start=Max(0, k - 4),
    steps=(Step(Integer(0), rules.by_lemma(SQUARE_IS_NONNEGATIVE, Max(0, k - 4), Integer(0)),
                "a square is non-negative", relation=Relation.LE),),
)
