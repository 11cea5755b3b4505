"""The table of mutation operators: ways to make a correct step wrong.

Each operator takes a :class:`Site` (one step of one derivation, with what precedes it) and
yields :class:`Change` objects: a new expression, relation, rule or set of hypotheses for that
step, with a line saying what was changed. :mod:`derivations.mutation.harness` feeds every
change to the checker and decides which ones are equivalent (still correct) by proof.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sympy import (
    Add,
    Basic,
    Function,
    Indexed,
    IndexedBase,
    Integer,
    Pow,
    Product,
    Sum,
    Symbol,
    default_sort_key,
    exp,
    log,
    preorder_traversal,
)
from sympy.core.function import UndefinedFunction

from derivations import rules
from derivations._compat import _sympify
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Definition, Facts, Hypothesis, Parameter
from derivations.language.notation import Argmax, Argmin, Optimum, is_named_function, named_function
from derivations.language.relation import Relation
from derivations.language.rule import Rule
from derivations.language.step import Step
from derivations.rules.optimiser import u as _u


@dataclass(frozen=True)
class Site:
    """Step ``index`` (from 1) of ``derivation``; ``prev`` is the expression before it."""

    derivation: Derivation
    index: int
    prev: Basic

    @property
    def step(self) -> Step:
        return self.derivation.steps[self.index - 1]


@dataclass(frozen=True)
class Change:
    """One wrong variant of a step. ``kind`` says what the equivalence test compares:
    ``expr`` (the new expression), ``relation``, ``rule`` or ``hypothesis``."""

    operator: str
    detail: str
    kind: str
    prev: Basic
    step: Step
    facts: Facts
    removed: Hypothesis | None = None


def _body(e: Basic) -> Basic:
    return e.objective if isinstance(e, Optimum) else e


def _rewrap(e: Basic, body: Basic) -> Basic:
    return e.with_objective(body) if isinstance(e, Optimum) else body


def _with_expr(site: Site, operator: str, detail: str, body: Basic) -> Change | None:
    """A change of the step's expression (the objective, for an optimiser set)."""
    if body == _body(site.step.expr):
        return None
    new = dataclasses.replace(site.step, expr=_rewrap(site.step.expr, body))
    return Change(operator, detail, "expr", site.prev, new, site.derivation.facts)


def _first(e: Basic, test: Callable[[Basic], bool]) -> Basic | None:
    return next((x for x in preorder_traversal(e) if test(x)), None)


def _terms(add: Basic) -> list[Basic]:
    return sorted(add.args, key=default_sort_key)


# --- expression operators -------------------------------------------------------------------


def flip_sign(site: Site) -> Iterator[Change | None]:
    body = _body(site.step.expr)
    if body != 0:
        yield _with_expr(site, "flip_sign", "the whole expression negated", -body)
    add = _first(body, lambda x: x.is_Add)
    if add is not None:
        first = _terms(add)[0]
        yield _with_expr(site, "flip_sign", f"the sign of the term {first} flipped",
                         body.xreplace({add: add - 2 * first}))


def swap_families(site: Site) -> Iterator[Change | None]:
    """p and q swapped: two indexed families (or a family and another of the derivation)."""
    body = _body(site.step.expr)
    here = sorted(body.atoms(IndexedBase), key=default_sort_key)
    every = sorted({b for e in site.derivation.expressions for b in _body(e).atoms(IndexedBase)},
                   key=default_sort_key)
    for a in here:
        for b in every:
            if a != b and (a.shape is None) == (b.shape is None):
                detail = f"{a} and {b} swapped" if b in here else f"{a} replaced by {b}"
                yield _with_expr(site, "swap_families", detail, body.xreplace({a: b, b: a}))
                return


def drop_or_duplicate_term(site: Site) -> Iterator[Change | None]:
    body = _body(site.step.expr)
    add = _first(body, lambda x: x.is_Add)
    if add is None:
        return
    terms = _terms(add)
    yield _with_expr(site, "drop_term", f"the term {terms[0]} dropped",
                     body.xreplace({add: Add(*terms[1:])}))
    yield _with_expr(site, "duplicate_term", f"the term {terms[0]} duplicated",
                     body.xreplace({add: add + terms[0]}))


def change_bounds(site: Site) -> Iterator[Change | None]:
    """An index bound changed (k -> k-1, a sum from 0) or the summation variable shifted."""
    body = _body(site.step.expr)
    found = _first(body, lambda x: isinstance(x, (Sum, Product)))
    if found is None:
        return
    v, lo, hi = found.limits[-1]
    rest = found.limits[:-1]

    def rebuilt(function: Basic, limit: tuple) -> Basic:
        return body.xreplace({found: found.func(function, *rest, limit)})

    yield _with_expr(site, "change_bounds", f"upper bound {hi} -> {hi - 1}",
                     rebuilt(found.function, (v, lo, hi - 1)))
    if lo != 0:
        yield _with_expr(site, "change_bounds", f"the sum over {v} starts at 0",
                         rebuilt(found.function, (v, Integer(0), hi)))
    yield _with_expr(site, "change_bounds", f"summation variable {v} -> {v} - 1 in the summand",
                     rebuilt(found.function.xreplace({v: v - 1}), (v, lo, hi)))


def shift_index(site: Site) -> Iterator[Change | None]:
    """A free index moved by one (q_y -> q_{y+1})."""
    body = _body(site.step.expr)
    bound = {lim[0] for s in body.atoms(Sum, Product) for lim in s.limits}
    for entry in sorted(body.atoms(Indexed), key=default_sort_key):
        index = entry.indices[-1]
        if index.free_symbols and not index.free_symbols & bound:
            shifted = entry.base[(*entry.indices[:-1], index + 1)]
            yield _with_expr(site, "shift_index", f"{entry} -> {shifted}",
                             body.xreplace({entry: shifted}))
            return


def wrong_constant(site: Site) -> Iterator[Change | None]:
    """1/m -> 1/(m+1) for a size m; ln 2 dropped; otherwise a stray factor 2."""
    body = _body(site.step.expr)
    sizes = site.derivation.facts.sizes
    changed = False
    for s in sizes:
        if Pow(s, -1) in body.atoms(Pow):
            changed = True
            yield _with_expr(site, "wrong_constant", f"1/{s} -> 1/({s} + 1)",
                             body.xreplace({Pow(s, -1): Pow(s + 1, -1)}))
    if log(2) in body.atoms(log):
        changed = True
        yield _with_expr(site, "wrong_constant", "ln 2 dropped", body.xreplace({log(2): 1}))
    if not changed and body != 0:
        yield _with_expr(site, "wrong_constant", "a stray factor 2", 2 * body)


def change_log_base(site: Site) -> Iterator[Change | None]:
    body = _body(site.step.expr)
    logs = sorted((g for g in body.atoms(log) if g != log(2)), key=default_sort_key)
    if logs:
        yield _with_expr(site, "log_base", f"{logs[0]} -> log_2 of the same argument",
                         body.xreplace({logs[0]: logs[0] / log(2)}))


# --- optimiser operators ----------------------------------------------------------------------


def flip_sense(site: Site) -> Iterator[Change | None]:
    """arg max kept as arg max (or min as min) where the transform reverses it, and so on."""
    new = site.step.expr
    if isinstance(new, Optimum):
        other = Argmin if isinstance(new, Argmax) else Argmax
        step = dataclasses.replace(site.step, expr=other(new.objective, new.variable))
        yield Change("flip_sense", f"arg {new.sense} -> arg {other.sense} "
                     f"(transform {site.step.rule.name})", "rule", site.prev, step,
                     site.derivation.facts)


def parameter_constant(site: Site) -> Iterator[Change | None]:
    """A "constant" (added term or positive factor) that depends on the parameter."""
    new, rule, facts = site.step.expr, site.step.rule, site.derivation.facts
    if not isinstance(new, Optimum) or not facts.parameters or rule.transform is None:
        return
    theta = facts.parameters[0]
    if rule.name == "add_constant":
        constant = rule.transform.expr - _u
        mutated = rules.add_constant(constant + theta)
        body = new.objective + theta
        detail = f"the added constant {constant} -> {constant + theta}"
    elif rule.name == "positive_factor":
        factor = rule.transform.expr / _u
        mutated = rules.positive_factor(factor * exp(theta))
        body = new.objective * exp(theta)
        detail = f"the positive factor {factor} -> {factor * exp(theta)}"
    else:
        return
    step = dataclasses.replace(site.step, expr=new.with_objective(body), rule=mutated)
    yield Change("parameter_constant", detail, "rule", site.prev, step, facts)


# --- inequality operators ---------------------------------------------------------------------

_REVERSED = {Relation.LE: Relation.GE, Relation.GE: Relation.LE,
             Relation.LT: Relation.GT, Relation.GT: Relation.LT}
_STRICT = {Relation.LE: Relation.LT, Relation.GE: Relation.GT}


def _relation_change(site: Site, relation: Relation, detail: str) -> Change | None:
    rule = site.step.rule
    if relation not in rule.relations:  # e.g. a lemma justifies <= and >= only
        rule = dataclasses.replace(rule, relations=rule.relations | {relation})
    step = dataclasses.replace(site.step, relation=relation, rule=rule)
    return Change("reverse_inequality", detail, "relation", site.prev, step,
                  site.derivation.facts)


def reverse_inequality(site: Site) -> Iterator[Change | None]:
    relation = site.step.relation
    if relation in _REVERSED:
        yield _relation_change(site, _REVERSED[relation],
                               f"{relation.value} -> {_REVERSED[relation].value}")
    if relation in _STRICT:
        yield _relation_change(site, _STRICT[relation],
                               f"{relation.value} -> {_STRICT[relation].value} (made strict)")


def negative_weight(site: Site) -> Iterator[Change | None]:
    """A lemma certificate with a negated weight, or at a wrong argument."""
    rule = site.step.rule
    if rule.instance is None:
        return
    lemma, weight, at, over = rule.instance
    for detail, mutated in (
            (f"weight {weight} -> {-weight}", rules.by_lemma(lemma, -weight, at, over)),
            (f"lemma applied at {at} + 1 instead of {at}",
             rules.by_lemma(lemma, weight, at + 1, over))):
        step = dataclasses.replace(site.step, rule=mutated)
        yield Change("bad_certificate", detail, "rule", site.prev, step, site.derivation.facts)


# --- hypothesis removal -----------------------------------------------------------------------


def _stripped(owner: Basic, keep: set[str]) -> Basic:
    """``owner`` re-declared with only the assumptions ``keep`` (what other hypotheses give)."""
    assumptions = {name: True for name in sorted(keep)}
    if isinstance(owner, IndexedBase):
        return IndexedBase(Symbol(str(owner.label), **assumptions), shape=owner.shape,
                           **assumptions)
    if isinstance(owner, UndefinedFunction):
        if is_named_function(owner):
            return named_function(str(owner), owner._template, **assumptions)
        return Function(str(owner), **assumptions)
    assert isinstance(owner, Symbol)
    return Symbol(owner.name, **assumptions)


def _substitute(e: Basic, old: Basic, new: Basic) -> Basic:
    if isinstance(e, UndefinedFunction):  # a Definition's function itself
        return new if e == old else e
    if isinstance(old, UndefinedFunction):
        return e.replace(old, new)
    return e.xreplace({old: new})


def _rebuilt_rule(rule: Rule, sub: Callable[[Basic], Basic]) -> Rule | None:
    """``rule`` with ``sub`` applied to everything it captured; None when that is unknown."""
    if rule.name in ("add_constant", "positive_factor"):
        assert rule.transform is not None
        if rule.name == "add_constant":
            return rules.add_constant(sub(rule.transform.expr - _u))
        return rules.positive_factor(sub(rule.transform.expr / _u))
    if rule.instance is not None:
        lemma, weight, at, over = rule.instance
        over = tuple(sub(_sympify(x)) for x in over) if over is not None else None
        return rules.by_lemma(lemma, sub(weight), sub(at), over)
    if rule.cites or rule.certificate is not None:
        return None  # a cited theorem's instance is not recorded on the rule
    if rule.transform is not None and rule.transform.expr.free_symbols - {_u}:
        return None
    return rule


def _hypothesis_sub(h: Hypothesis, sub: Callable[[Basic], Basic]) -> Hypothesis:
    changes = {}
    for f in dataclasses.fields(h):  # type: ignore[arg-type]
        value = getattr(h, f.name)
        if isinstance(value, (Basic, UndefinedFunction)):
            changes[f.name] = sub(value)
    return dataclasses.replace(h, **changes)  # type: ignore[type-var]


def _mentions(e: Basic, owner: Basic, facts: Facts) -> bool:
    e = facts.apply_definitions(e) if not isinstance(owner, UndefinedFunction) else e
    if isinstance(owner, UndefinedFunction):
        return bool(e.atoms(owner)) or any(
            isinstance(x, Basic) and x.func == owner for x in preorder_traversal(e))
    return owner in e.free_symbols or owner in e.atoms(IndexedBase) or owner in e.atoms(Symbol)


def remove_hypothesis(site: Site) -> Iterator[Change | None]:
    """Each hypothesis about something the step mentions, removed, with the assumptions it
    justified stripped from that symbol (as an author who forgot it would have to write)."""
    d, facts = site.derivation, site.derivation.facts
    for n, h in enumerate(d.hypotheses):
        owner = h.owner
        if isinstance(h, Parameter) and not isinstance(site.step.expr, Optimum):
            continue
        if not (_mentions(site.prev, owner, facts) or _mentions(site.step.expr, owner, facts)):
            continue
        rest = d.hypotheses[:n] + d.hypotheses[n + 1:]
        keep: set[str] = set()
        for other in rest:
            if other.owner == owner and not isinstance(other, Definition):
                keep |= other.implies
        new_owner = _stripped(owner, keep)

        def sub(e: Basic, old: Basic = owner, new: Basic = new_owner) -> Basic:
            return _substitute(e, old, new)

        rule = _rebuilt_rule(site.step.rule, sub)
        if rule is None:
            continue
        hyps = tuple(_hypothesis_sub(r, sub) for r in rest)
        step = dataclasses.replace(site.step, expr=sub(site.step.expr), rule=rule)
        label = type(h).__name__
        yield Change("remove_hypothesis", f"hypothesis {label}({owner}) removed", "hypothesis",
                     sub(site.prev), step, Facts.from_hypotheses(hyps), removed=h)


#: Every operator, in the order their mutants are listed.
OPERATORS: tuple[Callable[[Site], Iterator[Change | None]], ...] = (
    flip_sign, swap_families, drop_or_duplicate_term, change_bounds, shift_index,
    wrong_constant, change_log_base, flip_sense, parameter_constant, reverse_inequality,
    negative_weight, remove_hypothesis,
)


def changes(site: Site) -> Iterator[Change]:
    """Every mutant of one step, each distinct one once."""
    seen: set[tuple] = set()
    for operator in OPERATORS:
        for change in operator(site):
            if change is None:
                continue
            key = (change.kind, change.step.expr if change.kind == "expr" else change.detail)
            if key in seen:
                continue
            seen.add(key)
            yield change


__all__ = ["OPERATORS", "Change", "Site", "changes"]
