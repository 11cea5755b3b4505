"""Sized evidence: the identity proved symbolically at several concrete sizes.

Every size (k, m) is fixed in turn at small values; the sums become finite and every index with
a declared range is enumerated over its whole range, so each instance is a finite case split
proved exactly. This is a proof for those sizes only, hence weaker than ``symbolic``.
"""

from __future__ import annotations

import itertools

from sympy import Basic, Derivative, Expr, Indexed, Integer, Symbol, default_sort_key

from derivations.evidence.point import EmptyDomain, write_out
from derivations.kernel.canonical import canonical, prepare, reduces_to_zero, smooth
from derivations.kernel.judge import may_be_undefined
from derivations.language.hypotheses import Facts
from derivations.settings import CheckSettings


def _ranged_atoms(sides: list[Basic], facts: Facts) -> list[Basic]:
    atoms: set[Basic] = set()
    for s in sides:
        atoms |= {a for a in s.atoms(Symbol, Indexed)
                  if facts.range_of(a) is not None and not a.is_Integer
                  and a not in facts.sizes}
    return sorted(atoms, key=default_sort_key)


def _last_entries(e: Basic, facts: Facts, fixed: dict[Basic, Expr]) -> Basic:
    """Under a simplex of concrete size n, replace p_n by 1 - p_1 - ... - p_{n-1}.

    Applied to canonical forms, after logs were expanded under p_n > 0, so no positivity is lost.
    """
    for simplex in facts.simplices:
        n = simplex.size.xreplace(fixed)
        if not n.is_Integer:
            continue
        last = {a: 1 - sum(simplex.base[(*a.indices[:-1], c)] for c in range(1, int(n)))
                for a in e.atoms(Indexed)
                if simplex.covers(a) and a.indices[-1] == n}
        e = e.xreplace(last)
    return e


def _finite(e: Basic, max_terms: int) -> Basic:
    """``e`` with its concrete sums written out term by term (SymPy's ``doit`` alone tries a
    closed form first from a hundred terms on, which can take minutes), then ``doit``."""
    return write_out(e, max_terms).doit()


def prove_sized(lhs: Basic, rhs: Basic, facts: Facts, settings: CheckSettings) -> bool:
    """True when the identity is proved at every size in ``settings.sized_sizes`` (every
    combination), enumerating at most ``settings.max_cases`` index assignments at each."""
    sizes = settings.sized_sizes
    sides = [prepare(lhs, facts), prepare(rhs, facts)]
    if any(not smooth(d) for side in sides for d in side.atoms(Derivative)):
        return False  # written out, SymPy would differentiate through the kink (d|x| = sign x)
    used = [s for s in facts.sizes if any(s in side.free_symbols for side in sides)]
    if not used:
        return False
    if any(may_be_undefined(side, facts) for side in (lhs, rhs)):
        return False  # fixing a size may evaluate a pole away: b^k b^-k is 1 at k = 1 (m07);
        # asked of the sides as written (prepared, sin(pi j)/j summed over j is 0: s05)
    for values in itertools.product(sizes, repeat=len(used)):
        fixed = dict(zip(used, map(Integer, values), strict=True))
        try:
            inst = [_finite(s.xreplace(fixed), settings.max_terms) for s in sides]
        except EmptyDomain:  # too many terms to write out: no proof at this size
            return False
        atoms = _ranged_atoms(inst, facts)
        ranges: list[range] = []
        for atom in atoms:
            lo, hi = (b.xreplace(fixed) for b in facts.range_of(atom))  # type: ignore[union-attr]
            if not (lo.is_Integer and hi.is_Integer):
                return False
            ranges.append(range(int(lo), int(hi) + 1))
        cases = 1
        for r in ranges:
            cases *= len(r)
        if cases > settings.max_cases:
            return False
        for case in itertools.product(*ranges):
            assignment: dict[Basic, Expr] = dict(zip(atoms, map(Integer, case), strict=True))
            written = [s.xreplace(assignment).doit() for s in inst]
            if any(may_be_undefined(s, facts) for s in written):
                return False  # x^(k-2) at k = 1: a denominator that may vanish, as in a proof
            a, b = (canonical(s, facts) for s in written)
            if not reduces_to_zero(_last_entries(a - b, facts, fixed)):
                return False
    return True
