"""Hypotheses of a theorem, and :class:`Facts`, the form in which the checker consults them.

Every assumption the checker relies on is a visible hypothesis. SymPy assumptions declared on a
symbol (``positive=True``) only count when a hypothesis names that symbol; the derivation refuses
an assumption-carrying symbol that no hypothesis declares (see ``Derivation``), so what a reader
sees in the theorem is exactly what the proof used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sympy import Basic, Derivative, Expr, Indexed, IndexedBase, Lambda, Symbol, latex
from sympy.core.function import AppliedUndef, UndefinedFunction

from derivations._compat import _sympify


def same_family(a: Basic, b: Basic) -> bool:
    """Whether two IndexedBases are one family (by label: substituting a size into a declared
    shape must not make ``p`` a different family)."""
    return bool(isinstance(a, IndexedBase) and isinstance(b, IndexedBase) and a.label == b.label)


def generic_entry(base: IndexedBase, name: str = "j") -> Basic:
    """An entry of ``base`` with symbolic indices, of the family's rank (one index if unshaped)."""
    rank = len(base.shape) if base.shape is not None else 1
    indices = [Symbol(f"{name}{n}" if rank > 1 else name, integer=True) for n in range(rank)]
    return base[tuple(indices)] if rank > 1 else base[indices[0]]


def _owner(target: Basic) -> Basic:
    """What a hypothesis is about: a Symbol, an IndexedBase, or an undefined function."""
    if isinstance(target, Indexed):
        return target.base
    if isinstance(target, AppliedUndef):
        return target.func
    return target


def pattern_variables(pattern: Basic) -> set[Basic]:
    """The symbols a family or function pattern quantifies over: ``j`` in ``q_j``, ``i`` in
    ``p(x_i)``, ``x`` in ``f(x)``."""
    if isinstance(pattern, Indexed):
        return {i for i in pattern.indices if isinstance(i, Symbol)}
    if isinstance(pattern, AppliedUndef):
        out: set[Basic] = set()
        for part in pattern.args:
            out |= {part} if isinstance(part, Symbol) else {
                i for i in getattr(part, "indices", ()) if isinstance(i, Symbol)}
        return out
    return set()


def _generic_part(part: Basic) -> bool:
    """Whether an index or an argument stands for every value: a bare symbol, or an entry whose
    indices are bare symbols (``x_i`` as the argument of ``p(x_i)``)."""
    if isinstance(part, Symbol):
        return True
    return isinstance(part, Indexed) and all(isinstance(i, Symbol) for i in part.indices) \
        and len(set(part.indices)) == len(part.indices)


def pattern_problem(pattern: Basic, what: str) -> str | None:
    """Why a hypothesis about ``pattern`` cannot stand for its whole family or function, or
    None when it does.

    SymPy's assumptions are declared on a family (``IndexedBase("q", positive=True)``) or a
    function, and so hold for every entry or argument; a hypothesis can justify them only when
    it is stated for every entry too: ``q_j > 0`` with ``j`` a bare symbol, not ``q_1 > 0`` (which
    says nothing of q_2), not ``q_{j+1} > 0`` (which says nothing of q_1), and ``p(x_i) > 0`` for
    a function, not ``p(1) > 0``.
    """
    if isinstance(pattern, Indexed):
        parts, kind = pattern.indices, "index"
        generic = all(isinstance(x, Symbol) for x in parts)
    elif isinstance(pattern, AppliedUndef):
        # every argument a bare symbol: p(x_i) > 0 says nothing of p at a value no x_i takes
        parts, kind = pattern.args, "argument"
        generic = all(isinstance(x, Symbol) for x in parts)
    else:
        return None
    if not generic or len(set(parts)) != len(parts):
        owner = _owner(pattern)
        return (f"hypothesis {what} is about {pattern} only, but {owner} is declared for every "
                f"{kind}; state it for every {kind} with distinct symbols (for example "
                f"{_example(pattern)}), so that what is displayed covers what is assumed")
    return None


def _example(pattern: Basic) -> str:
    if isinstance(pattern, Indexed):
        return str(generic_entry(pattern.base))
    return f"{pattern.func}({', '.join(f'x{n}' for n in range(len(pattern.args)))})"


#: What "x > 0" lets SymPy assume about x.
_POSITIVE = frozenset({"positive", "nonnegative", "nonzero", "real", "finite"})
_INTEGER = frozenset({"integer", "rational", "real", "finite"})


class Hypothesis:
    """Base class. ``owner`` is the symbol, indexed family or function the hypothesis is about.

    ``implies`` names the SymPy assumptions this hypothesis justifies on its owner: a symbol may
    be declared only with assumptions that the displayed hypotheses imply.
    """

    owner: Basic

    def validate(self) -> str | None:
        """A reason why this hypothesis does not match its symbol's declaration, or None."""
        return None

    @property
    def implies(self) -> frozenset[str]:
        return frozenset()


@dataclass(frozen=True)
class Size(Hypothesis):
    """``symbol`` is a size (a number of classes or of observations): a positive integer."""

    symbol: Symbol

    @property
    def owner(self) -> Basic:
        return self.symbol

    def validate(self) -> str | None:
        if not (self.symbol.is_integer and self.symbol.is_positive):
            return f"size {self.symbol} must be declared integer=True, positive=True"
        return None

    @property
    def implies(self) -> frozenset[str]:
        return _POSITIVE | _INTEGER


@dataclass(frozen=True)
class Parameter(Hypothesis):
    """``symbol`` is the parameter optimised over (theta): a real number or vector of them."""

    symbol: Symbol

    @property
    def owner(self) -> Basic:
        return self.symbol

    def validate(self) -> str | None:
        if not self.symbol.is_real:
            return f"parameter {self.symbol} must be declared real=True"
        return None

    @property
    def implies(self) -> frozenset[str]:
        return frozenset({"real", "finite"})


@dataclass(frozen=True)
class Positive(Hypothesis):
    """``pattern > 0`` for every value of its indices or arguments (``q[j]``, ``p(x, theta)``)."""

    pattern: Expr

    @property
    def owner(self) -> Basic:
        return _owner(self.pattern)

    def validate(self) -> str | None:
        if self.pattern.is_positive is not True:
            return (f"hypothesis {self.pattern} > 0 needs {self.owner} to be declared "
                    "positive=True")
        return pattern_problem(self.pattern, f"{self.pattern} > 0")

    @property
    def implies(self) -> frozenset[str]:
        return _POSITIVE


@dataclass(frozen=True)
class Real(Hypothesis):
    """``pattern`` is a real number for every value of its indices (logits ``z[j]``, a shift c)."""

    pattern: Expr

    @property
    def owner(self) -> Basic:
        return _owner(self.pattern)

    def validate(self) -> str | None:
        if self.pattern.is_real is not True:
            return f"hypothesis {self.pattern} real needs {self.owner} declared real=True"
        return pattern_problem(self.pattern, f"{self.pattern} real")

    @property
    def implies(self) -> frozenset[str]:
        return frozenset({"real", "finite"})


@dataclass(frozen=True)
class Nonnegative(Hypothesis):
    """``pattern >= 0`` for every value of its indices or arguments."""

    pattern: Expr

    @property
    def owner(self) -> Basic:
        return _owner(self.pattern)

    def validate(self) -> str | None:
        if self.pattern.is_nonnegative is not True:
            return (f"hypothesis {self.pattern} >= 0 needs {self.owner} declared "
                    "nonnegative=True")
        return pattern_problem(self.pattern, f"{self.pattern} >= 0")

    @property
    def implies(self) -> frozenset[str]:
        return frozenset({"nonnegative", "real", "finite"})


@dataclass(frozen=True)
class IndexRange(Hypothesis):
    """``lo <= target <= hi`` for an integer ``target`` (a Symbol, or ``y[i]`` for every i)."""

    target: Expr
    lo: Expr
    hi: Expr

    def __post_init__(self) -> None:
        object.__setattr__(self, "lo", _sympify(self.lo))
        object.__setattr__(self, "hi", _sympify(self.hi))

    @property
    def owner(self) -> Basic:
        return _owner(self.target)

    def validate(self) -> str | None:
        probe = generic_entry(self.target, "i") if isinstance(
            self.target, IndexedBase) else self.target
        if probe.is_integer is not True:
            return f"index {self.target} must be declared integer=True"
        if not (self.lo.is_infinite or self.hi.is_infinite) \
                and (self.hi - self.lo).is_nonnegative is not True:
            return (f"the range {self.lo} <= {self.target} <= {self.hi} may be empty or "
                    "reversed (it prints as the set from lo to hi); state lo <= hi")
        return pattern_problem(self.target, f"{self.lo} <= {self.target} <= {self.hi}")

    @property
    def implies(self) -> frozenset[str]:
        implied = set(_INTEGER)
        if self.lo.is_positive:
            implied |= _POSITIVE
        elif self.lo.is_nonnegative:
            implied.add("nonnegative")
        return frozenset(implied)


@dataclass(frozen=True)
class Definition(Hypothesis):
    """``function(args) = body``: an undefined function given by a formula (a modelling choice)."""

    function: UndefinedFunction
    formula: Lambda
    text: str = ""

    @property
    def owner(self) -> Basic:
        return self.function

    def validate(self) -> str | None:
        if not isinstance(self.function, UndefinedFunction):
            return f"only an undefined function can be defined, not {self.function!r}"
        if not isinstance(self.formula, Lambda):
            return f"the definition of {self.function} must be a Lambda, got {self.formula!r}"
        own = set(self.formula.variables)
        for d in self.formula.expr.atoms(Derivative):
            if not own & set(d.variables) and own & d.expr.free_symbols:
                return (f"the definition of {self.function} holds the derivative {d}, whose "
                        "variable would capture an argument substituted for "
                        f"{', '.join(map(str, sorted(own & d.expr.free_symbols, key=str)))} "
                        "(d/dx (t x^2) at t = x is not d/dx (x^3)). Carry out the derivative in "
                        "the formula")
            if own & set(d.variables):
                return (f"the definition of {self.function} differentiates with respect to its "
                        f"own argument ({d}); applied at another argument, the variable of the "
                        "derivative would be replaced too (d/dx (x x) instead of the derivative "
                        "at x). Carry out the derivative in the formula, or define the function "
                        "by the derivative's result")
        applied = self.function(*self.formula.variables)
        for name in _ORDER:
            if getattr(applied, f"is_{name}") and getattr(self.formula.expr, f"is_{name}") \
                    is not True:
                return (f"{self.function} is declared {name} but its definition "
                        f"{self.formula.expr} is not known to be {name}")
        return None

    @property
    def implies(self) -> frozenset[str]:
        """The function's declared assumptions, each proved from the formula by validate()."""
        applied = self.applied()
        return frozenset(n for n in _ORDER if getattr(applied, f"is_{n}") is True)

    def applied(self) -> Expr:
        return self.function(*self.formula.variables)


@dataclass(frozen=True)
class Simplex(Hypothesis):
    """Each row of ``base`` over its last index is a probability vector of ``size`` entries.

    ``Simplex(p, k)`` states ``p_j >= 0`` and ``sum_{j=1}^{k} p_j = 1``; for ``p[i, j]`` it
    states this for every ``i``. Strict positivity needs a separate ``Positive`` hypothesis.
    """

    base: IndexedBase
    size: Expr

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", _sympify(self.size))

    @property
    def owner(self) -> Basic:
        return self.base

    def validate(self) -> str | None:
        if not isinstance(self.base, IndexedBase):
            return f"a simplex is stated about an IndexedBase, not {self.base!r}"
        if self.base.shape is not None and len(self.base.shape) > 2:
            return (f"a simplex is one distribution (no shape) or a table whose rows are "
                    f"distributions (a shape of two), not a family of rank "
                    f"{len(self.base.shape)} like {self.base}")
        if generic_entry(self.base).is_nonnegative is not True:
            return (f"the entries of {self.base} must be declared nonnegative=True (or "
                    "positive=True with a Positive hypothesis)")
        if (self.size - 1).is_nonnegative is not True or self.size.is_integer is not True:
            return (f"the simplex {self.base} has {self.size} entries, which is not known to be "
                    "an integer of at least 1 (no distribution has no entries: their sum "
                    "could not be 1); use a size declared with Size")
        return None

    @property
    def implies(self) -> frozenset[str]:
        return frozenset({"nonnegative", "real", "finite"})

    def covers(self, entry: Basic) -> bool:
        """Whether ``entry`` is an entry of this simplex: of its family, and of the rank it is
        stated with (one index for a family without a shape: a single distribution, as it
        prints; one per dimension of a shaped family: every row)."""
        rank = len(self.base.shape) if self.base.shape is not None else 1
        return bool(isinstance(entry, Indexed) and same_family(entry.base, self.base)
                    and len(entry.indices) == rank)

    def is_total(self, entry: Basic, variable: Basic, lo: Basic, hi: Basic) -> bool:
        """Whether ``sum_{variable=lo}^{hi} entry`` is a whole row of this simplex."""
        return bool(self.covers(entry)
                    and entry.indices[-1] == variable
                    and not any(variable in i.free_symbols for i in entry.indices[:-1])
                    and lo == 1 and hi == self.size)


@dataclass(frozen=True)
class UnitInterval(Hypothesis):
    """``0 < target < 1``: a probability strictly between 0 and 1 (``a``, or ``a[l]`` for all l).

    The checker uses it by standing a positive symbol in for ``1 - target``, so that
    ``log(1 - a)`` and ``(1 - a)**y`` obey the same sound log rules as ``a``.
    """

    target: Basic

    @property
    def owner(self) -> Basic:
        return _owner(self.target)

    def validate(self) -> str | None:
        probe = generic_entry(self.target, "l") if isinstance(
            self.target, IndexedBase) else self.target
        if probe.is_positive is not True:
            return f"{self.target} in (0, 1) must be declared positive=True"
        return pattern_problem(self.target, f"0 < {self.target} < 1")

    @property
    def implies(self) -> frozenset[str]:
        return _POSITIVE

    @property
    def family(self) -> IndexedBase | None:
        """The family every entry of which lies in (0, 1): the target itself, or the base of an
        entry pattern (``a[l]`` for every l); None for a single symbol."""
        if isinstance(self.target, IndexedBase):
            return self.target
        if isinstance(self.target, Indexed) and pattern_problem(self.target, "") is None:
            return self.target.base
        return None

    def covers(self, expr: Basic) -> bool:
        family = self.family
        if family is not None:
            return isinstance(expr, Indexed) and same_family(expr.base, family)
        return bool(expr == self.target)

    def stand_in(self, expr: Basic) -> Basic:
        """The positive symbol that stands for ``1 - expr``."""
        name = f"_one_minus_{_owner(self.target)}"
        if isinstance(expr, Indexed):
            return IndexedBase(name, positive=True)[expr.indices]
        return Symbol(name, positive=True)


#: The assumptions whose declaration the hypotheses must justify, strongest first.
_ORDER = ("positive", "negative", "nonnegative", "nonpositive", "nonzero", "zero", "integer",
          "rational", "real", "finite")
_DECLARABLE = frozenset(_ORDER)


def _fresh_binders(formula: Lambda) -> Lambda:
    """The formula with the variables of its own sums and products renamed to fresh ones, so
    that an argument substituted into its body is never captured (``f(x) = sum_i x i`` applied
    at ``i``)."""
    from sympy import Dummy, Integral, Product, Sum, preorder_traversal

    body = formula.expr
    fresh: set[Basic] = set()
    while True:
        # an integral's variable too: f(t) = int_0^oo e^(-t x) dx at x would be int e^(-x^2) (s11)
        # (an indefinite integral's variable is free: its value depends on it)
        pending = [b for b in body.atoms(Sum, Product, Integral)
                   if any(v not in fresh for v, *ends in b.limits if len(ends) == 2)]
        if not pending:
            return Lambda(formula.variables, body)
        # the outermost first, in the body as it now stands: renaming an inner binder first
        # changed the outer one, which then was no longer found and kept its variable, free
        # to capture the argument (red-team v07)
        binder = max(pending, key=lambda b: (sum(1 for _ in preorder_traversal(b)), str(b)))
        renaming = {v: Dummy(str(v), **({"integer": True} if not isinstance(binder, Integral)
                                        else {"real": True}))
                    for v, *ends in binder.limits if len(ends) == 2 and v not in fresh}
        fresh.update(renaming.values())
        body = body.xreplace({binder: binder.xreplace(renaming)})


@dataclass(frozen=True)
class Facts:
    """The hypotheses in the form the checker uses them."""

    sizes: tuple[Symbol, ...] = ()
    parameters: tuple[Symbol, ...] = ()
    ranges: tuple[IndexRange, ...] = ()
    definitions: tuple[Definition, ...] = ()
    simplices: tuple[Simplex, ...] = ()
    intervals: tuple[UnitInterval, ...] = ()
    declared: frozenset[Basic] = field(default_factory=frozenset)

    @classmethod
    def from_hypotheses(cls, hypotheses: Iterable[Hypothesis]) -> Facts:
        hyps = tuple(hypotheses)
        return cls(
            sizes=tuple(h.symbol for h in hyps if isinstance(h, Size)),
            parameters=tuple(h.symbol for h in hyps if isinstance(h, Parameter)),
            ranges=tuple(h for h in hyps if isinstance(h, IndexRange)),
            definitions=tuple(h for h in hyps if isinstance(h, Definition)),
            simplices=tuple(h for h in hyps if isinstance(h, Simplex)),
            intervals=tuple(h for h in hyps if isinstance(h, UnitInterval)),
            declared=frozenset(h.owner for h in hyps),
        )

    def range_of(self, expr: Expr) -> tuple[Expr, Expr] | None:
        """The declared range of an integer quantity, or None when nothing is declared.

        A range stated for a family (``IndexRange(y, 1, k)`` with ``y`` an IndexedBase) or for
        an entry pattern (``IndexRange(y[i], 1, k)``, every ``i``) covers every entry of the
        family; the pattern's indices are put into the bounds."""
        for r in self.ranges:
            if r.target == expr:
                return r.lo, r.hi
            if (isinstance(r.target, IndexedBase) and isinstance(expr, Indexed)
                    and same_family(expr.base, r.target)):
                return r.lo, r.hi
            if (isinstance(r.target, Indexed) and isinstance(expr, Indexed)
                    and same_family(expr.base, r.target.base)
                    and len(expr.indices) == len(r.target.indices)
                    and pattern_problem(r.target, "") is None):
                at = dict(zip(r.target.indices, expr.indices, strict=True))
                return r.lo.xreplace(at), r.hi.xreplace(at)
        if expr.is_Integer:
            return expr, expr
        return None

    def in_range(self, expr: Expr, lo: Expr, hi: Expr) -> bool:
        """True when the hypotheses prove ``lo <= expr <= hi`` for the integer ``expr``."""
        declared = self.range_of(expr)
        if declared is None or expr.is_integer is not True:
            return False
        dlo, dhi = declared
        return bool((dlo - lo).is_nonnegative is True and (hi - dhi).is_nonnegative is True)

    def apply_definitions(self, expr: Basic) -> Basic:
        """Replace every defined function by its formula, repeatedly (definitions may nest)."""
        for _ in range(len(self.definitions) + 1):
            before = expr
            for d in self.definitions:
                if expr.has(d.function):
                    expr = expr.replace(d.function, _fresh_binders(d.formula))
            if expr == before:
                return expr
        raise ValueError("definitions refer to each other in a cycle")

    def definition_instances(self, expr: Basic) -> list[Basic]:
        """The formula of each defined function at each argument it is applied to in ``expr``
        (once each, in a fixed order), substituted without SymPy's evaluation: what the
        application stands for, before SymPy's algebra meets it in context or cancels it
        (``f(t, s) = t/s`` at ``(x, x)`` is ``x/x``, not 1: red-team s01). Unfolded in place,
        ``x r(x)`` with ``r(t) = 1/t`` is ``x / x``, which SymPy makes 1 at once, and the pole
        at x = 0 is gone (red-team r05)."""
        from sympy import default_sort_key
        from sympy.core.function import AppliedUndef
        from sympy.core.parameters import evaluate

        found: list[Basic] = []
        applications = sorted(expr.atoms(AppliedUndef), key=default_sort_key)
        for d in self.definitions:
            for application in applications:
                if application.func == d.function \
                        and len(application.args) == len(d.formula.variables):
                    with evaluate(False):  # t/s at (x, x) stays x/x (s01); renamed to an
                        # integer, sin(pi i) would be 0 (u01)
                        formula = _fresh_binders(d.formula)
                        instance = formula.expr.xreplace(
                            dict(zip(formula.variables, application.args, strict=True)))
                    if instance not in found:
                        found.append(instance)
        return found

    def in_unit_interval(self, expr: Basic) -> bool:
        return any(u.covers(expr) for u in self.intervals)

    def complement(self, expr: Basic) -> Basic:
        """Stand a positive symbol in for every ``1 - a`` with ``0 < a < 1`` declared (``c u``
        for ``c - c a``, a number ``c > 0``)."""
        if not self.intervals:
            return expr

        def split(x: Basic) -> tuple[Basic, Basic] | None:
            """``(c, a)`` for ``x = c - c a`` with a number ``c > 0`` (``2 - 2 theta``)."""
            if not x.is_Add or len(x.args) != 2:
                return None
            c, other = (x.args[0], x.args[1]) if x.args[0].is_Number else (x.args[1], x.args[0])
            if not c.is_Number or not c.is_positive or not other.could_extract_minus_sign():
                return None
            a = -other / c
            return (c, a) if self.in_unit_interval(a) else None

        def is_complement(x: Basic) -> bool:
            return split(x) is not None

        def stand_in(x: Basic) -> Basic:
            found = split(x)
            assert found is not None
            c, a = found
            return c * next(u.stand_in(a) for u in self.intervals if u.covers(a))

        return expr.replace(is_complement, stand_in)

    def restore(self, expr: Basic) -> Basic:
        """Undo :meth:`complement`: every stand-in becomes ``1 - a`` again."""
        if not self.intervals:
            return expr
        back: dict[Basic, Basic] = {}
        for atom in expr.atoms(Symbol, Indexed):
            for u in self.intervals:
                family = u.family
                target = family[atom.indices] if isinstance(atom, Indexed) and family is not None \
                    else u.target
                if not isinstance(target, IndexedBase) and u.stand_in(target) == atom:
                    back[atom] = 1 - target
        return expr.xreplace(back)

    def depends_on_parameter(self, expr: Basic) -> bool:
        """Whether ``expr`` involves a parameter, once defined functions are expanded, or
        prints one: a function whose template shows theta among its fixed text is read as a
        function of theta, and so counted (what is printed must be what is checked)."""
        unfolded = self.apply_definitions(expr)
        free = unfolded.free_symbols
        if any(p in free for p in self.parameters):
            return True
        for call in unfolded.atoms(AppliedUndef):
            template = getattr(call.func, "_template", None)
            if template is not None and any(
                    latex(p) in template.replace("{{", "{").replace("}}", "}")
                    for p in self.parameters):
                return True
        names = [latex(s) for s in free if isinstance(s, Symbol)]  # a symbol "L(\theta)"
        return any(latex(p) in name and name != latex(p) for p in self.parameters
                   for name in names)
