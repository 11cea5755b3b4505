"""The digest of a canonical form that the JSON report carries."""

from __future__ import annotations

from sympy import IndexedBase, Sum, Symbol

from derivations.checking.digest import canonical_sha256
from derivations.language.hypotheses import Facts, Positive, Size


def test_the_hash_identifies_renamed_bound_variables_and_separates_different_sums():
    k = Symbol("k", integer=True, positive=True)
    j, r = Symbol("j", integer=True), Symbol("r", integer=True)
    q = IndexedBase("q", positive=True)
    facts = Facts.from_hypotheses((Size(k), Positive(q[j])))
    assert canonical_sha256(Sum(q[j], (j, 1, k)), facts) == canonical_sha256(
        Sum(q[r], (r, 1, k)), facts)
    assert canonical_sha256(Sum(q[j], (j, 1, k)), facts) != canonical_sha256(
        Sum(q[j], (j, 1, k - 1)), facts)
