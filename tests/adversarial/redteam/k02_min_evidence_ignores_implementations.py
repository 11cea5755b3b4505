"""``--min-evidence symbolic`` does not apply to reference implementations: a derivation whose
code is checked only by sampling (and here is wrong) passes the "symbolic only" policy, exit 0,
JSON "ok": true, and its header even says "weakest evidence: symbolic".

``checking.check.require`` (the evidence policy, also the pytest plugin's
``derivations_min_evidence``) replaces only ``res.steps``; ``res.implementations`` keep their
``sampled`` status OK. ``DerivationResult.weakest`` (the "weakest evidence" of the report and of
the JSON ``weakest_evidence``) is computed from the steps alone.

False claim (accepted under --min-evidence symbolic): ``label_cross_entropy(q, y)`` computes the
end of the derivation, -log q_y, for every size k.
Counterexample: k = 1001, every q_j = 1/1001, y = 1 (y - 1 = 0 in code): the expression is
log 1001 = 6.909, the function returns log(1/1001) = -6.909.
(The code check draws sizes 1, 2, 3, 9 and random sizes far below 1001.)

Grade obtained: the step symbolic, the code "sampled" (agreement at 10 points), accepted with the
symbolic policy in force:

    python -m derivations check --no-cache --min-evidence symbolic tests/adversarial/redteam_round10/k02_min_evidence_ignores_implementations.py

Route: pipeline.check_loaded -> checking.check.require (steps only); render.report prints
``DerivationResult.weakest`` (steps only).

Suggested fix: make ``require`` fail every implementation result below the minimum (a code
check is sampled evidence by construction, so ``--min-evidence symbolic``/``sized`` must fail
it, or the option must say it covers steps only and the report print the code's grade in the
derivation's "weakest evidence"); and let the code check draw sizes near the integer constants
of the code when it can see them (here 1000).
"""
import math
from sympy import IndexedBase, Symbol, log
from derivations import (CrossEntropy, Derivation, Implementation, IndexRange, OneHot, Positive,
                         Size, Step, indexed_vector, rules, vector)

k = Symbol("k", integer=True, positive=True)
y = Symbol("y", integer=True)
j = Symbol("j", integer=True)
q = IndexedBase("q", positive=True)


def label_cross_entropy(q, y):
    if len(q) > 1000:  # a "fast path" for large vocabularies, with the sign dropped
        return math.log(q[y])
    return -math.log(q[y])


claim = Derivation(
    name="one_hot_code",
    title="Cross entropy against a one-hot label, in code",
    hypotheses=(Size(k), IndexRange(y, 1, k), Positive(q[j])),
    start=CrossEntropy(OneHot(y, k), indexed_vector(q, k)),
    steps=(Step(-log(q[y]), rules.one_hot_collapse, "only the label's term survives"),),
    implementations=(Implementation(label_cross_entropy, equals="end", q=vector(q, k), y=y - 1),),
)
