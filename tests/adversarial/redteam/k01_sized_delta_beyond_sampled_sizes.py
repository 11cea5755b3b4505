"""A sized proof of a statement that fails only at sizes the sampler never draws.

``evidence.sized.prove_sized`` fixes every size at ``sized_sizes`` = 1, 2, 3 and proves the
written-out identity there; the hunt for counterexamples (``evidence.sampling``) draws sizes
1, 2, 3 and, now and then, up to ``max_size`` = 40. A step that holds for every k <= 40 and fails
beyond is graded ``sized`` and accepted. Nothing looks at the integer constants of the step
(here 1000), which say where the behaviour changes.

False claim (sized): for every size k,  sum_{j=1}^{k} delta_{j,1000} = 0.
Counterexample: k = 1000: the left side is 1 (the term j = 1000), the right side is 0.

Grade obtained: sized (exit 0).

    python -m derivations check --no-cache tests/adversarial/redteam_round10/k01_sized_delta_beyond_sampled_sizes.py

(The same holds for sum_{j=1}^{k} floor(j/50) = 0, false at k = 50.)

Route: checking.grade._check_equal -> judge.proves_equal fails (the delta's hot index 1000 is
not known to be in [1, k], so kernel.sums.collapse_deltas leaves it) -> sampling.sample agrees
at every point (sizes <= 40) -> evidence.sized.prove_sized proves k = 1, 2, 3 -> SIZED.

Suggested fix: draw sizes (and free integers) at and around every integer constant of the step
and of its bounds (here 999, 1000, 1001), and around each constant's combination with the sizes
(k = c - lo + 1, ...), in the hunt as in the sized proof's set of sizes; more generally, refuse a
sized grade for a step whose integer constants exceed the largest size tried, or add the
constants + 1 to ``sized_sizes`` for that step.
"""
from sympy import Integer, KroneckerDelta, Sum, Symbol

from derivations import Derivation, Size, Step, rules

k = Symbol("k", integer=True, positive=True)
j = Symbol("j", integer=True)

k01 = Derivation(
    name="k01_sized_delta_beyond_sampled_sizes",
    title="A sum of deltas that are never hot",
    hypotheses=(Size(k),),
    start=Sum(KroneckerDelta(j, 1000), (j, 1, k)),
    steps=(Step(Integer(0), rules.algebra, "no term of the sum is hot"),),
)
