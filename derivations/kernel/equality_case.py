"""Checking a stated equality case: "with equality if and only if q = p".

"If": under the substitution, the two ends of the chain are proved equal.
"Only if": every inequality step cites a theorem whose own (checked) equality case is the
same condition, or is a lemma certificate sum_j w_j slack(at_j) with every weight
strictly positive, so equality forces every slack to vanish, i.e. at_j = x0 (the lemma's unique
equality point) for every j; and at_j = x0 has the substitution as its only solution, because
at_j is strictly monotone in the substituted entry. A strict step, or one proved without a lemma
certificate, leaves the "only if" unproved, and the equality case is then refused.
"""

from __future__ import annotations

from sympy import Basic, Indexed, IndexedBase, diff

from derivations.kernel.canonical import prove_equal
from derivations.kernel.positivity import is_positive, is_strictly_positive
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Facts, same_family
from derivations.language.notation import Vector


def _entry(key: Basic, at: Basic, over: tuple | None) -> Basic | None:
    """The one entry of ``key`` that ``at`` involves, summed over the whole of ``over``."""
    if isinstance(key, IndexedBase):
        entries = {a for a in at.atoms(Indexed) if same_family(a.base, key)}
        if len(entries) != 1 or over is None:
            return None
        (entry,) = entries
        return entry if entry.indices == (over[0],) else None
    return key if key in at.free_symbols else None


def _sizes_of(family: IndexedBase, d: Derivation) -> set[Basic]:
    """The sizes ``family`` has in the theorem: of a Simplex on it, or of a vector of its
    entries in the statement."""
    sizes = {s.size for s in d.facts.simplices if same_family(s.base, family)}
    for end in (d.start, d.end):
        for v in end.atoms(Vector):
            entry = v.rule.expr
            if isinstance(entry, Indexed) and same_family(entry.base, family):
                sizes.add(v.size)
    return sizes


def _cited_coverage(n: int, theorem: Derivation, mapping: dict[Basic, Basic],
                    m: dict[Basic, Basic], d: Derivation) -> list[str]:
    """Why a cited theorem's equality case, say q = p over its k entries, does not pin down
    every entry of the citer's families (a citation with k mapped to n, of families of n + 2
    entries, says nothing of the last two), or nothing."""
    out = []
    for key in m:
        if not isinstance(key, IndexedBase):
            continue
        families = {b for h in theorem.hypotheses for b in _bases(h)} | {
            b for end in (theorem.start, theorem.end) for b in end.atoms(IndexedBase)}
        theirs = [f for f in families
                  if isinstance(mapped := mapping.get(f, f), IndexedBase)
                  and same_family(mapped, key)]
        covered = {size.xreplace(mapping) for f in theirs for size in _sizes_of(f, theorem)}
        ours = _sizes_of(key, d)
        if not _covers(covered, ours, d.facts):
            out.append(f"equality case: step {n} cites a theorem whose equality case covers "
                       f"{', '.join(map(str, sorted(covered, key=str))) or 'no known number of'}"
                       f" entries of {key}, which has "
                       f"{', '.join(map(str, sorted(ours, key=str))) or 'no known number of'} "
                       "here: not every entry of it")
    return out


def _covers(covered: set[Basic], sizes: set[Basic], facts: Facts) -> bool:
    """Whether every size a family has here (a Simplex's, each vector's of its entries) is
    one that ``covered`` reaches: a sum over k entries says nothing of a family that a Simplex
    gives k + 1 entries, even where a vector shows k of them."""
    return bool(sizes) and all(any(prove_equal(size, c, facts) for c in covered)
                               for size in sizes)


def _bases(h: object) -> set[IndexedBase]:
    """The families a hypothesis mentions."""
    return {b for value in vars(h).values() if isinstance(value, Basic)
            for b in ({value} if isinstance(value, IndexedBase) else value.atoms(IndexedBase))}


def problems(d: Derivation) -> list[str]:
    """Why the stated equality case is not established (empty when it is, or none is stated)."""
    if d.equality_if is None:
        return []
    m = dict(d.equality_if)
    facts = d.facts
    out = []
    if not prove_equal(d.start.xreplace(m), d.end.xreplace(m), facts):
        out.append(f"equality case: under {m} the two ends are not proved equal")
    for n, step in enumerate(d.steps, 1):
        relation = step.relation
        if relation is None or not relation.direction:
            continue
        if relation.strict:
            out.append(f"equality case: step {n} is strict, so equality never holds")
            continue
        if step.rule.instance is None and step.rule.equality_if is not None \
                and step.rule.theorem is None:
            out.append(f"equality case: step {n}'s rule states an equality case but cites no "
                       "theorem that proves it")
            continue
        if step.rule.instance is None and step.rule.equality_if is not None:
            # a cited theorem's certificate vanishes exactly under its checked equality case
            if dict(step.rule.equality_if) != m:
                out.append(f"equality case: step {n} cites a theorem whose equality case is "
                           f"{dict(step.rule.equality_if)}, not {m}")
            out += _cited_coverage(n, step.rule.theorem, dict(step.rule.mapping), m, d)
            continue
        if step.rule.instance is None:
            out.append(f"equality case: step {n} has no lemma certificate, so equality cannot "
                       "be traced back to its cause")
            continue
        lemma, weight, at, over = step.rule.instance
        if len(m) > 1:  # one lemma term per point pins down one unknown, not several
            out.append(f"equality case: step {n} forces one equation per term, which cannot "
                       f"pin down {len(m)} unknowns ({', '.join(map(str, m))}) at once")
            continue
        if over is not None and not (over[1] == 1 and is_positive(over[2], facts)):
            out.append(f"equality case: step {n} does not sum over a whole non-empty range")
        for key in m:
            if isinstance(key, IndexedBase) and over is not None \
                    and not _covers({over[2]}, _sizes_of(key, d), facts):
                out.append(f"equality case: step {n} sums over {over[0]} = {over[1]}..{over[2]}, "
                           f"which is not every entry of {key} (its sizes here: "
                           f"{', '.join(map(str, sorted(_sizes_of(key, d), key=str))) or 'none'})")
        if not is_strictly_positive(weight, facts):
            out.append(f"equality case: step {n}'s weight {weight} is not strictly positive")
        if not prove_equal(at.xreplace(m), lemma.at_equality, facts):
            out.append(f"equality case: under {m}, {at} is not the lemma's equality point "
                       f"{lemma.at_equality}")
        for key in m:
            entry = _entry(key, at, over)
            if entry is None:
                out.append(f"equality case: step {n} does not force every entry of {key}")
                continue
            slope = diff(at, entry)
            if not (is_strictly_positive(slope, facts) or is_strictly_positive(-slope, facts)):
                out.append(f"equality case: {at} is not strictly monotone in {entry}, so "
                           f"{at} = {lemma.at_equality} may have other solutions")
    return out
