"""The table of rules that justify inequality steps: lemmas and certificates.

A lemma is a one-variable inequality ``slack(x) >= 0`` with equality only at ``x0``, proved by
the engine from convexity: ``slack(x0) = 0``, ``slack'(x0) = 0`` and ``slack'' > 0`` on the
domain (an interval). A certificate cites a lemma at an argument ``at`` with a weight ``w >= 0``,
possibly under a sum; the step holds when the engine proves

    (larger side) - (smaller side) = sum  w * slack(at)

symbolically. Every term on the right is non-negative, so the inequality follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import (
    Basic,
    Contains,
    Dummy,
    Eq,
    Expr,
    GreaterThan,
    Indexed,
    IndexedBase,
    Integer,
    Lambda,
    Reals,
    StrictGreaterThan,
    Sum,
    Symbol,
    SympifyError,
    Tuple,
    diff,
    log,
)
from sympy.core.function import AppliedUndef

from derivations._compat import _sympify
from derivations.errors import AuthoringError
from derivations.kernel.binders import freshen, rename_bound
from derivations.kernel.canonical import prepare, prove_equal
from derivations.kernel.positivity import is_nonnegative, is_positive, not_smooth
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import (
    Definition,
    Facts,
    Hypothesis,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
    pattern_variables,
    same_family,
)
from derivations.language.notation import Between, Optimum
from derivations.language.relation import Relation
from derivations.language.rule import Condition, ConditionMaker, Rule

_ORDER = frozenset({Relation.LE, Relation.GE})
_STRICT = frozenset({Relation.LT, Relation.GT})


@dataclass(frozen=True)
class Lemma:
    """``slack(x) >= 0`` for ``x`` in the domain, with equality exactly at ``x = at_equality``."""

    name: str
    statement: str
    slack: Lambda
    positive_domain: bool
    at_equality: Expr

    def __post_init__(self) -> None:
        """Refuse, with what to write instead, a lemma the checker could not read: a slack
        that is not a one-argument ``Lambda`` (a plain ``0`` is no function), an equality
        point that is not a number or an expression (a plain number is taken as SymPy's)."""
        where = f"lemma {self.name!r}"
        if not isinstance(self.name, str) or not isinstance(self.statement, str):
            raise AuthoringError(f"lemma {self.name!r}: the name and the statement are strings "
                                 f"(got {self.name!r} and {self.statement!r})")
        if not (isinstance(self.slack, Lambda) and len(self.slack.variables) == 1
                and isinstance(self.slack.expr, Expr)):
            raise AuthoringError(
                f"{where}: the slack must be a function of one variable, Lambda(x, ...) with "
                f"slack(x) >= 0 on the domain (for log x <= x - 1: Lambda(x, x - 1 - log(x))), "
                f"not {self.slack!r}")
        if not isinstance(self.positive_domain, bool):
            raise AuthoringError(f"{where}: positive_domain is True (the lemma holds for x > 0) "
                                 f"or False (for every real x), not {self.positive_domain!r}")
        try:
            at = _sympify(self.at_equality)
        except SympifyError:
            at = None
        if not isinstance(at, Expr):
            raise AuthoringError(f"{where}: the equality point must be a number or a SymPy "
                                 f"expression (Integer(1), S(1)/2), not {self.at_equality!r}")
        object.__setattr__(self, "at_equality", at)

    def problem(self) -> str | None:
        """Why the convexity proof of the lemma fails, or None when it is proved."""
        x = Dummy("x", positive=True) if self.positive_domain else Dummy("x", real=True)
        f = self.slack(x)
        rough = not_smooth(f, x)
        if rough is not None:
            return (f"the slack uses {rough}, which may jump; convexity is judged from the "
                    "second derivative only for sums, products, powers, exp and log")
        x0 = self.at_equality
        if x0.is_real is not True:  # convexity and a stationary zero bound a real function at a
            # real point only: (x - i)^2 is 0 at i and "convex", and takes -1 at x = 0 (r04)
            return f"the equality point {x0} is not known to be real"
        if f.is_extended_real is not True:
            return f"the slack {f} is not known to be real on the domain"
        if self.positive_domain and x0.is_positive is not True:
            return f"the equality point {x0} is outside the domain x > 0"
        if f.subs(x, x0).simplify() != 0:
            return f"the slack is not zero at {x0}"
        if diff(f, x).subs(x, x0).simplify() != 0:
            return f"the slack is not stationary at {x0}"
        if diff(f, x, 2).is_positive is not True:
            return "the slack is not known to be strictly convex on the domain"
        return None


_x = Symbol("x")

#: log x <= x - 1 for x > 0, with equality only at x = 1 (the lemma behind Gibbs' inequality).
LOG_BELOW_TANGENT = Lemma("log_below_tangent", "log x <= x - 1 (x > 0)",
                          Lambda(_x, _x - 1 - log(_x)), True, Integer(1))


def _conditions(weight: Expr, at: Expr, lemma: Lemma, over: tuple | None) -> ConditionMaker:
    judged_weight, judged_at = weight, at
    if over is not None:
        # judged for every value of the summation variable: its own assumptions (a "positive"
        # j summed from 0) are no hypothesis, so a fresh integer stands in for it
        fresh = {over[0]: Dummy(str(over[0]), integer=True)}
        judged_weight, judged_at = weight.xreplace(fresh), at.xreplace(fresh)

    def make(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
        problem = lemma.problem()
        out = [Condition(f"lemma {lemma.statement}", problem is None, problem or "",
                         formula=GreaterThan(lemma.slack.expr, 0, evaluate=False))]
        out.append(Condition(f"weight {weight} >= 0", is_nonnegative(judged_weight, facts),
                             formula=GreaterThan(weight, 0, evaluate=False)))
        if lemma.positive_domain:
            out.append(Condition(f"{at} > 0", is_positive(judged_at, facts),
                                 formula=StrictGreaterThan(at, 0, evaluate=False)))
        else:  # the lemma is proved on the real line: its argument must be real
            out.append(Condition(f"{at} is real", prepare(judged_at, facts).is_real is True,
                                 formula=Contains(at, Reals, evaluate=False)))
        if over is not None:
            v, lo, hi = over
            out.append(Condition(f"the sum over {v} runs forwards",
                                 bool((hi - lo + 1).is_nonnegative)))
        return out
    return make


def _fits(prev: Basic, new: Basic) -> str | None:
    if isinstance(prev, Optimum) or isinstance(new, Optimum):
        return "an inequality between optimiser sets means nothing"
    return None


def by_lemma(lemma: Lemma, weight: Expr, at: Expr, over: tuple | None = None) -> Rule:
    """Justify ``<=``/``>=`` by ``sum_over weight * slack(at)`` (``over``: a summation limit
    ``(j, lo, hi)``)."""
    if not isinstance(lemma, Lemma):
        raise TypeError(f"by_lemma needs a Lemma, not {lemma!r}")
    weight, at = _sympify(weight), _sympify(at)
    if over is not None:
        if not (isinstance(over, (tuple, Tuple)) and len(over) == 3
                and isinstance(over[0], Symbol)):
            raise TypeError(f"a summation limit is (symbol, lower, upper), not {over!r}")
        over = (over[0], _sympify(over[1]), _sympify(over[2]))
    term = weight * lemma.slack(at)
    certificate = Sum(term, over) if over is not None else term
    return Rule(f"lemma:{lemma.name}", f"certificate from the lemma {lemma.statement}", _ORDER,
                conditions=_conditions(weight, at, lemma, over), fits=_fits,
                certificate=certificate, instance=(lemma, weight, at, over))


def _transferred(theorem: Derivation, mapping: dict[Basic, Basic]) -> ConditionMaker:
    """The cited theorem's hypotheses, instantiated by ``mapping``, must hold here."""

    def make(prev: Basic, new: Basic, facts: Facts) -> list[Condition]:
        out = []
        for h in theorem.hypotheses:
            text, holds = _transfer(h, mapping, facts)
            out.append(Condition(text, holds, "" if holds else "not implied by this theorem's "
                                 "hypotheses", formula=_transferred_formula(h, mapping)))
        return out
    return make


def _stated_here(inst: Basic, facts: Facts, quantified: set[Basic]) -> bool:
    """Whether every symbol, family and function ``inst`` is made of is named by a hypothesis
    of the citer (or is one of the pattern's own variables): a carried-over hypothesis must not
    hold merely because the cited theorem's own symbol carries a declaration that the citer
    never displays."""
    made_of = {a.base for a in inst.atoms(Indexed)}
    made_of |= {a.func for a in inst.atoms(AppliedUndef)}
    labels = {b.label for b in made_of if isinstance(b, IndexedBase)}
    made_of |= {s for s in inst.free_symbols if isinstance(s, Symbol) and s not in labels}
    return all(x in facts.declared or x in quantified for x in made_of)


def _transferred_formula(h: Hypothesis, m: dict[Basic, Basic]) -> Basic | None:
    """The instantiated hypothesis as a formula, for typesetting (its text is for reports)."""
    if isinstance(h, Size):
        return GreaterThan(h.symbol.xreplace(m), 1, evaluate=False)
    if isinstance(h, Positive):
        return StrictGreaterThan(h.pattern.xreplace(m), 0, evaluate=False)
    if isinstance(h, Nonnegative):
        return GreaterThan(h.pattern.xreplace(m), 0, evaluate=False)
    if isinstance(h, Real):
        return Contains(h.pattern.xreplace(m), Reals, evaluate=False)
    if isinstance(h, Parameter):
        return Contains(h.symbol.xreplace(m), Reals, evaluate=False)
    if isinstance(h, IndexRange):
        return Between(h.lo.xreplace(m), h.target.xreplace(m), h.hi.xreplace(m))
    if isinstance(h, Simplex):
        base, size = h.base.xreplace(m), h.size.xreplace(m)
        j = Dummy("j", integer=True)
        return Eq(Sum(base[j], (j, 1, size)), 1, evaluate=False)
    if isinstance(h, Definition):
        formula = _instantiated(h.formula, m)
        return Eq(h.function(*formula.variables), formula.expr, evaluate=False)
    return None


def _transfer(h: Hypothesis, m: dict[Basic, Basic], facts: Facts) -> tuple[str, bool]:
    if isinstance(h, Size):
        s = h.symbol.xreplace(m)
        return f"{s} is a positive integer", bool(
            s.is_integer and s.is_positive and _stated_here(s, facts, set()))
    if isinstance(h, (Positive, Real, Nonnegative)):
        inst = h.pattern.xreplace(m)
        stated = _stated_here(inst, facts, pattern_variables(h.pattern))
        if isinstance(h, Positive):
            return f"{inst} > 0", stated and is_positive(inst, facts)
        if isinstance(h, Real):
            return f"{inst} is real", stated and prepare(inst, facts).is_real is True
        return f"{inst} >= 0", stated and is_nonnegative(inst, facts)
    if isinstance(h, Simplex):
        base, size = h.base.xreplace(m), h.size.xreplace(m)
        return (f"{base} lies on the simplex of size {size}",
                any(same_family(s.base, base) and s.size == size for s in facts.simplices))
    if isinstance(h, IndexRange):
        target = h.target.xreplace(m)
        return (f"{h.lo} <= {target} <= {h.hi}",
                facts.in_range(target, h.lo.xreplace(m), h.hi.xreplace(m)))
    if isinstance(h, UnitInterval):
        target = h.target.xreplace(m)
        return f"0 < {target} < 1", facts.in_unit_interval(target)
    if isinstance(h, Definition):
        function = h.function.xreplace(m) if isinstance(h.function, Basic) else h.function
        formula = _instantiated(h.formula, m)
        mine = [d for d in facts.definitions if d.function == function]
        return (f"{function} is defined as {formula}",
                any(d.formula == formula or _same_lambda(d.formula, formula) for d in mine))
    if isinstance(h, Parameter):  # the theorem holds for every real value of its parameter
        value = h.symbol.xreplace(m)
        return f"{value} is real", bool(_stated_here(value, facts, set())
                                        and prepare(value, facts).is_real is True)
    return f"{h!r} carries over", False


def _instantiated(formula: Lambda, m: dict[Basic, Basic]) -> Lambda:
    """A cited definition's formula under the citation's mapping, capture-avoiding: its own
    variables are renamed fresh first, so a mapped value that mentions a name like them stays
    free (``Lambda(x, x + c)`` with ``c -> x`` is ``u -> u + x``, not ``x -> 2 x``)."""
    fresh = tuple(Dummy(str(v)) for v in formula.variables)
    body = formula.expr.xreplace(dict(zip(formula.variables, fresh, strict=True)))
    # and so are the variables of its own sums: h(t) = sum_j c j t with c -> j is j 3t, not the
    # 5t a capturing substitution gives (red-team round 20)
    return Lambda(fresh, freshen(body).xreplace(m))


def _same_lambda(a: Lambda, b: Lambda) -> bool:
    """Two definitions with the same body up to the names of their arguments and of the
    variables of their sums."""
    if len(a.variables) != len(b.variables):
        return False
    renamed = a.expr.xreplace(dict(zip(a.variables, b.variables, strict=True)))
    return bool(renamed == b.expr or rename_bound(renamed) == rename_bound(b.expr))


def by_theorem(theorem: Derivation, mapping: dict[Basic, Basic] | None = None) -> Rule:
    """Justify an inequality by a proved inequality theorem, instantiated by ``mapping``.

    A theorem ``a >= b`` certifies ``(a - b)`` instantiated; the step holds when the larger side
    minus the smaller equals that instance and the theorem's hypotheses hold for it here.
    """
    if not isinstance(theorem, Derivation):
        raise TypeError(f"by_theorem cites a Derivation, not {theorem!r}")
    mapping = {_sympify(k): _sympify(v) for k, v in dict(mapping or {}).items()}
    problem = mapping_problem(theorem, mapping)
    if problem:
        raise AuthoringError(f"by_theorem({theorem.name!r}, ...): {problem}")
    relation = theorem.relation
    # the theorem's binders are made fresh first: a mapped value that mentions the theorem's
    # own summation index must not be captured by its sum
    if relation in (Relation.GE, Relation.GT):
        certificate = freshen(theorem.start - theorem.end).xreplace(mapping)
    elif relation in (Relation.LE, Relation.LT):
        certificate = freshen(theorem.end - theorem.start).xreplace(mapping)
    else:
        raise ValueError(f"theorem {theorem.name!r} is not an inequality")
    equality = None
    if theorem.equality_if is not None:  # the certificate vanishes exactly under this condition
        equality = {k.xreplace(mapping): v.xreplace(mapping)
                    for k, v in theorem.equality_if.items()}
    return Rule(f"theorem:{theorem.name}", f"by {theorem.title}", _ORDER,
                conditions=_transferred(theorem, mapping), fits=_fits, certificate=certificate,
                cites=(theorem.name,), equality_if=equality,
                carried=tuple(v for v in mapping.values() if isinstance(v, Basic)),
                theorem=theorem, mapping=tuple(mapping.items()))


def mapping_problem(theorem: Derivation, mapping: dict[Basic, Basic]) -> str | None:
    """Why ``mapping`` is no instantiation of ``theorem``, or None. Its keys must be the
    theorem's own symbols, families and functions: a compound key (``x**2``) or an entry
    (``z[1]``) would rewrite part of the statement rather than instantiate it (red-team n01),
    and what is not the theorem's would change nothing it proves."""
    parts = [theorem.start, theorem.end, *(e for h in theorem.hypotheses
                                           for e in _hypothesis_parts(h))]
    own: set[Basic] = set()
    for e in parts:
        own |= {s for s in e.free_symbols if isinstance(s, Symbol)}
        own |= {b for b in e.atoms(IndexedBase)} | {b.label for b in e.atoms(IndexedBase)}
        own |= {a.func for a in e.atoms(AppliedUndef)}
    own |= {h.owner for h in theorem.hypotheses}
    for key in mapping:
        if key not in own:
            return (f"the mapping's key {key} is not a symbol, family or function of the "
                    "theorem's statement: map each of its own symbols to what it stands for")
    return None


def _hypothesis_parts(h: Hypothesis) -> list[Basic]:
    return [a for a in vars(h).values() if isinstance(a, Basic)]


def certificate_problem(rule: Rule, facts: Facts) -> str | None:
    """Why ``rule``'s certificate cannot be trusted to be a sum of non-negative terms, or None.

    A certificate is trusted only as what :func:`by_lemma` or :func:`by_theorem` make of a
    lemma instance or a cited theorem: it is derived again here from the rule's instance (or
    its theorem and mapping), its side conditions are judged again from that, whatever the
    rule's own ``conditions`` say, and the rule's equality case must be the one derived. A
    hand-made ``Rule`` carrying some other certificate is refused."""
    if rule.certificate is None:
        return None
    if rule.instance is not None:
        lemma, weight, at, over = rule.instance
        if not isinstance(lemma, Lemma):
            return f"its lemma {lemma!r} is not a Lemma"
        expected = by_lemma(lemma, weight, at, over)
        if expected.certificate != rule.certificate or rule.equality_if is not None:
            return "the certificate is not the lemma instance the rule names"
    elif rule.theorem is not None:
        if not isinstance(rule.theorem, Derivation):
            return f"its theorem {rule.theorem!r} is not a Derivation"
        problem = mapping_problem(rule.theorem, dict(rule.mapping))
        if problem:
            return problem
        expected = by_theorem(rule.theorem, dict(rule.mapping))
        if not prove_equal(expected.certificate, rule.certificate, facts):
            return f"the certificate is not the cited theorem {rule.theorem.name!r} instantiated"
        if (expected.equality_if or None) != (rule.equality_if or None):
            return (f"the equality case is not the cited theorem {rule.theorem.name!r}'s "
                    "instantiated")
    else:
        return ("a certificate must come from a lemma (rules.by_lemma) or a cited theorem "
                "(rules.by_theorem)")
    broken = [c for c in expected.conditions(rule.certificate, rule.certificate, facts)
              if not c.holds]
    if broken:
        return f"its side condition {broken[0].text!r} is not established"
    return None


__all__ = ["LOG_BELOW_TANGENT", "Lemma", "by_lemma", "by_theorem", "certificate_problem"]
