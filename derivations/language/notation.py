"""The engine's vocabulary beyond plain SymPy: optimisers, vectors, entropies, named functions.

These objects are what a derivation's steps are written in. The checker unfolds them into plain
SymPy (:func:`unfold`) before it proves anything; the LaTeX printer prints them as a reader
expects (``\\operatorname*{arg\\,min}_\\theta``, ``H(p, q)``). Printing and checking therefore
start from the same object, and nothing is typed twice.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable
from typing import Any

from sympy import (
    Basic,
    Dummy,
    Expr,
    Function,
    Indexed,
    IndexedBase,
    Integer,
    Lambda,
    Sum,
    Symbol,
    Tuple,
    log,
)
from sympy.core.function import UndefinedFunction

from derivations._compat import _sympify

#: The bound variable used when a vector quantity is unfolded into an explicit sum.
_COMPONENT = Symbol("_c", integer=True)


class Optimum(Basic):
    """The set of optimisers ``arg min_theta f`` or ``arg max_theta f`` of an objective."""

    sense: str = ""

    def __new__(cls, objective: Expr, variable: Symbol) -> Optimum:
        objective, variable = _sympify(objective), _sympify(variable)
        if not isinstance(objective, Expr):
            raise TypeError(f"the objective of {cls.__name__} must be a SymPy expression, "
                            f"got {objective!r}")
        if not isinstance(variable, Symbol):
            raise TypeError(f"{cls.__name__} optimises over a Symbol, got {variable!r}")
        return super().__new__(cls, objective, variable)

    @property
    def objective(self) -> Expr:
        return self.args[0]

    @property
    def variable(self) -> Symbol:
        return self.args[1]

    def with_objective(self, objective: Expr) -> Optimum:
        return type(self)(objective, self.variable)


class Argmin(Optimum):
    """``arg min`` over a variable."""

    sense = "min"


class Argmax(Optimum):
    """``arg max`` over a variable."""

    sense = "max"


class Between(Basic):
    """The statement ``lo <= value <= hi`` (printed as a chain), used in side conditions."""

    def __new__(cls, lo: Expr, value: Expr, hi: Expr) -> Between:
        return super().__new__(cls, _sympify(lo), _sympify(value), _sympify(hi))


class FreeOf(Basic):
    """The statement "``expr`` does not depend on ``variable``", used in side conditions."""

    def __new__(cls, expr: Expr, variable: Symbol) -> FreeOf:
        return super().__new__(cls, _sympify(expr), _sympify(variable))


def flipped(sense: str) -> str:
    """The other sense: a strictly decreasing transform turns max into min and back."""
    return {"min": "max", "max": "min"}[sense]


class Vector(Basic):
    """A vector of ``size`` components, shown as ``display``; component ``j`` is ``rule(j)``.

    ``Vector(Symbol('q'), Lambda(j, q[j]), k)`` is the vector ``q`` of ``k`` entries ``q_j``.
    """

    def __new__(cls, display: Basic, rule: Lambda, size: Expr) -> Vector:
        if not isinstance(rule, Lambda) or len(rule.variables) != 1:
            raise TypeError(f"a Vector's rule must be a one-argument Lambda, got {rule!r}")
        return super().__new__(cls, _sympify(display), rule, _sympify(size))

    @property
    def display(self) -> Basic:
        return self.args[0]

    @property
    def rule(self) -> Lambda:
        return self.args[1]

    @property
    def size(self) -> Expr:
        return self.args[2]

    def component(self, index: Expr) -> Expr:
        return self.rule(index)


class OneHot(Vector):
    """The one-hot vector ``e_y`` of ``size`` entries: component ``j`` is ``delta_{j y}``."""

    def __new__(cls, hot: Expr, size: Expr) -> OneHot:
        return Basic.__new__(cls, _sympify(hot), _sympify(size))

    @property
    def hot(self) -> Expr:
        return self.args[0]

    @property
    def display(self) -> Basic:
        return self.args[0]

    @property
    def rule(self) -> Lambda:
        from sympy import KroneckerDelta

        return Lambda(_COMPONENT, KroneckerDelta(_COMPONENT, self.hot))

    @property
    def size(self) -> Expr:
        return self.args[1]


class XLogY(Function):
    """``x log y`` with the convention ``0 log y = 0`` (so ``0 log 0 = 0``): the terms of the
    information quantities, as information theory defines them, and as SciPy's ``xlogy``
    computes them.

    Where ``x`` is not zero it is ``x log y``; where ``x`` is zero it is zero whatever ``y`` is.
    The checker sees through it only where that cannot matter (``y`` positive, ``x`` nonzero, or
    ``x`` a Kronecker delta, which is 0 or 1); elsewhere it stays an opaque term, equal only to
    itself. The sampler evaluates it by the convention. It prints as ``x log y``: the notation
    of every output states the convention.
    """

    nargs = 2

    @classmethod
    def eval(cls, x: Expr, y: Expr) -> Expr | None:
        """Zero where ``x`` is zero; plain ``x log y`` wherever the convention cannot matter
        (``x`` known nonzero or ``y`` known positive, from the symbols' declared assumptions)."""
        if x.is_zero:
            return Integer(0)
        if (x.is_Number and y.is_Number) or x.is_nonzero or y.is_positive:
            return x * log(y)
        return None

    @staticmethod
    def _imp_(x: Any, y: Any) -> Any:
        """The numeric value (``lambdify``): SciPy's ``xlogy`` semantics on arrays and numbers."""
        import math

        if hasattr(x, "shape"):
            import numpy as np

            return np.where(x == 0, 0.0, x * np.log(np.where(x == 0, 1.0, y)))
        if x == 0:
            return 0.0
        return x * (math.log(y) if isinstance(y, (int, float)) else log(y))

    def fdiff(self, argindex: int = 1) -> Expr:
        """The derivatives of ``x log y`` (``log y`` and ``x / y``): where the term is
        differentiable (``y > 0``) they are its own; at ``x = y = 0``, where it is not, they
        are undefined (``log 0``), so no point there is judged by them."""
        x, y = self.args
        if argindex == 1:
            return log(y)
        if argindex == 2:
            return x / y
        raise ValueError(f"XLogY has two arguments, not an argument {argindex}")

    def _eval_evalf(self, prec: int) -> Expr | None:
        from mpmath.libmp import prec_to_dps

        x, y = self.args
        digits = prec_to_dps(prec)
        value = x.evalf(digits)
        if value.is_zero:
            return Integer(0)
        return (value * log(y.evalf(digits))).evalf(digits)

    def _eval_is_real(self) -> bool | None:
        x, y = self.args
        if x.is_real and (y.is_positive or x.is_zero):
            return True
        return None

    def _eval_is_finite(self) -> bool | None:
        return self._eval_is_real()

    def as_log(self) -> Expr | None:
        """An expression equal to this term at every point, with the convention made
        unnecessary where it cannot matter, else None: ``x log y`` when ``y`` is positive or
        ``x`` nonzero; ``delta log y|delta=1`` for a Kronecker delta ``x`` (0 or 1) when that
        is positive; and ``XLogY(x, r) + x log p`` when ``y = r p`` with ``p`` the positive
        factors (at ``x = 0`` both sides are 0; elsewhere the log of a product with a positive
        factor splits)."""
        from sympy import KroneckerDelta, Mul

        x, y = self.args
        if y.is_positive or x.is_nonzero:
            return x * log(y)
        if isinstance(x, KroneckerDelta):
            hot = y.subs(x, 1)
            if hot.is_positive:
                return x * log(hot)
        factors = Mul.make_args(y)
        positive = [f for f in factors if f.is_positive]
        if positive and len(positive) < len(factors):
            rest = [f for f in factors if not f.is_positive]
            return XLogY(x, Mul(*rest)) + x * log(Mul(*positive))
        return None

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        from sympy import Mul

        x, y = self.args
        body = printer._print(Mul(x, log(y), evaluate=False))
        return body if exp is None else rf"\left({body}\right)^{{{exp}}}"


def xlogy(x: Expr, y: Expr) -> Expr:
    """``x log y`` with ``0 log y = 0``: :class:`XLogY`."""
    return XLogY(x, y)


class Extremum(Expr):
    """The largest (:class:`MaxOver`) or smallest (:class:`MinOver`) of the entries
    ``x_lo, ..., x_hi`` of a family ``x`` (an ``IndexedBase``), for symbolic bounds.

    It has no bound variable, so nothing can capture one. It is defined only where its bounds
    are integers and the range is not empty: the kernel counts it as possibly undefined unless
    the hypotheses prove both, and the sampler calls it undefined at a point where ``hi < lo``.
    What the kernel knows of it is in ``kernel/order.py``: an entry in range is at most the
    max, the max is at most any bound of a generic entry (and the reverse for the min)."""

    is_commutative = True
    #: ``\max`` or ``\min``, for the LaTeX printer
    _operator = ""

    def __new__(cls, base: IndexedBase, lo: Expr, hi: Expr) -> Extremum:
        if not isinstance(base, IndexedBase):
            raise TypeError(f"{cls.__name__} ranges over the entries of an IndexedBase, "
                            f"not {base!r}")
        return Expr.__new__(cls, base, _sympify(lo), _sympify(hi))

    @property
    def base(self) -> IndexedBase:
        return self.args[0]

    @property
    def lo(self) -> Expr:
        return self.args[1]

    @property
    def hi(self) -> Expr:
        return self.args[2]

    def entry(self, index: Expr) -> Expr:
        """The entry ``x_index`` of the family."""
        return self.base[index]

    def _entries(self, assumption: str) -> bool | None:
        """An assumption that holds of every entry (then of the extremum, where defined)."""
        return getattr(self.base[Dummy("i", integer=True)], f"is_{assumption}")

    def _eval_is_real(self) -> bool | None:
        return self._entries("real") or None

    def _eval_is_finite(self) -> bool | None:
        return self._entries("finite") or None

    def _eval_is_positive(self) -> bool | None:
        return self._entries("positive") or None

    def _eval_is_nonnegative(self) -> bool | None:
        return self._entries("nonnegative") or None

    def _latex(self, printer: Any) -> str:
        first, last = (printer._print(self.entry(b)) for b in (self.lo, self.hi))
        return rf"{self._operator}\left\{{{first}, \ldots, {last}\right\}}"


class MaxOver(Extremum):
    """``max(x_lo, ..., x_hi)``: see :class:`Extremum`."""

    _operator = r"\max"


class MinOver(Extremum):
    """``min(x_lo, ..., x_hi)``: see :class:`Extremum`."""

    _operator = r"\min"


def _same_size(p: Vector, q: Vector, what: str) -> None:
    if p.size != q.size:
        raise ValueError(f"{what} needs two vectors of one size, got {p.size} and {q.size}")


class InformationMeasure(Expr):
    """Shared behaviour of the information quantities: unfolded on demand, and real exactly
    when their defining sum is known to be (the logarithms of positive entries), not by
    declaration: the cross entropy of entries that may be negative may be complex."""

    def _terms_are_real(self) -> bool | None:
        """Whether every term of the defining sum is real, judged on a generic component (a
        positive integer index), without building the sum."""
        c = Dummy("c", integer=True, positive=True)
        components = [v.component(c) for v in self.args]
        weight, logged = components[0], components[-1]
        if isinstance(self, KL):
            logged = components[0] / components[1]
        if weight.is_real is True and logged.is_positive is True:
            return True
        return None

    def _eval_is_real(self) -> bool | None:
        return self._terms_are_real()

    def _eval_is_finite(self) -> bool | None:
        return self._terms_are_real()

    def unfold(self) -> Expr:
        raise NotImplementedError


class CrossEntropy(InformationMeasure):
    """``H(p, q) = -sum_j p_j log q_j``, with ``0 log q = 0`` (:class:`XLogY`)."""

    def __new__(cls, p: Vector, q: Vector) -> CrossEntropy:
        _same_size(p, q, "cross entropy")
        return Expr.__new__(cls, p, q)

    def unfold(self) -> Expr:
        p, q = self.args
        j = Dummy("c", integer=True)  # fresh: no component's formula can capture it
        return -Sum(XLogY(p.component(j), q.component(j)), (j, Integer(1), p.size))


class Entropy(InformationMeasure):
    """``H(p) = -sum_j p_j log p_j``, with ``0 log 0 = 0`` (:class:`XLogY`)."""

    def __new__(cls, p: Vector) -> Entropy:
        return Expr.__new__(cls, p)

    def unfold(self) -> Expr:
        (p,) = self.args
        j = Dummy("c", integer=True)  # fresh: no component's formula can capture it
        return -Sum(XLogY(p.component(j), p.component(j)), (j, Integer(1), p.size))


class KL(InformationMeasure):
    """``KL(p || q) = sum_j p_j log(p_j / q_j)``, with ``0 log(0 / q) = 0`` (:class:`XLogY`)."""

    def __new__(cls, p: Vector, q: Vector) -> KL:
        _same_size(p, q, "KL divergence")
        return Expr.__new__(cls, p, q)

    def unfold(self) -> Expr:
        p, q = self.args
        j = Dummy("c", integer=True)  # fresh: no component's formula can capture it
        return Sum(XLogY(p.component(j), p.component(j) / q.component(j)),
                   (j, Integer(1), p.size))


class Expectation(InformationMeasure):
    """``E_{j ~ p}[g_j] = sum_j p_j g_j``: the expectation of a vector ``g`` of values under a
    vector ``p`` of probabilities, of one size. Linearity, and ``H(p, q) = E_p[-log q]``,
    follow from this definition (the kernel unfolds it); nothing about it is assumed."""

    def __new__(cls, g: Vector, p: Vector) -> Expectation:
        _same_size(g, p, "an expectation")
        return Expr.__new__(cls, g, p)

    def _terms_are_real(self) -> bool | None:
        c = Dummy("c", integer=True, positive=True)
        g, p = (v.component(c) for v in self.args)
        return True if g.is_real is True and p.is_real is True else None

    def unfold(self) -> Expr:
        g, p = self.args
        j = Dummy("c", integer=True)  # fresh: no component's formula can capture it
        return Sum(p.component(j) * g.component(j), (j, Integer(1), p.size))


def unfold(expr: Basic) -> Basic:
    """Replace every information quantity and expectation by its defining sum (innermost
    first)."""
    return expr.replace(lambda e: isinstance(e, InformationMeasure), lambda e: e.unfold())


def named_function(name: str, template: str, **assumptions: Any) -> UndefinedFunction:
    """An undefined SymPy function that prints through a LaTeX ``template``.

    ``template`` uses ``{0}``, ``{1}``, ... for the printed arguments, for instance
    ``named_function("p_cond", r"p({0} \\mid {1}; {2})", positive=True)``. The function stays an
    opaque symbol for the checker: two applications are equal only when their arguments are.
    """
    if not name.isidentifier():
        raise ValueError(f"function name {name!r} is not an identifier")
    arity = _template_arity(name, template)
    bare = bare_fields(template)

    def _latex(self: Basic, printer: Any, exp: str | None = None) -> str:
        # the class's template, which the audits read, never a copy of it (red-team m11: a
        # template swapped in this closure printed another statement than the one checked)
        shown = type(self)._template
        fields = bare_fields(shown) if shown != template else bare
        body = shown.format(*(
            rf"\left({printer._print(arg)}\right)" if n in fields and not _atomic(arg)
            else printer._print(arg) for n, arg in enumerate(self.args)))
        # (SymPy's own printer passes a power's exponent here: f(x)^2 inside another function)
        return body if exp is None else rf"\left({body}\right)^{{{exp}}}"

    return Function(name, nargs=arity, _latex=_latex, _template=template, **assumptions)


#: LaTeX that would make an opaque function print like something the checker knows otherwise:
#: a known function or operator, a relation.
_MISLEADING = re.compile(
    r"\\(log|ln|exp|sin|cos|tan|max|min|sup|inf|lim|sqrt|frac|dfrac|sum|prod|int|det|arg|"
    r"partial|nabla|le|leq|ge|geq|ne|neq|approx|equiv|cdot|times|div|pm|mp)(?![A-Za-z])|[=<>]")


#: Commands that typeset a fraction, a binomial or a root, whatever TeX calls them.
_FRACTION = re.compile(r"\\(frac|dfrac|tfrac|cfrac|genfrac|over|atop|above|choose|brace|brack|"
                       r"binom|dbinom|tbinom|sqrt|root)(?![A-Za-z])")
#: Commands that typeset their argument's letters upright or in another font: what they hold
#: is read as a word (\operatorname{log} reads as log).
_WRAPPER = re.compile(r"\\(operatorname|mathop|mathrm|mathit|mathsf|mathbf|mathtt|mathnormal|"
                      r"text|textrm|textit|textsf|textup|textnormal|mbox|hbox|rm|it)\*?\s*"
                      r"\{([^{}]*)\}")
#: The names of functions a reader knows: a word of a printed name that is one of them reads
#: as that function, whatever command typesets it.
_FUNCTION_WORDS = frozenset({
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh",
    "coth", "sech", "csch", "arcsin", "arccos", "arctan", "asin", "acos", "atan", "max", "min",
    "sup", "inf", "lim", "det", "arg", "mod", "bmod", "pmod", "gcd", "sgn", "sign", "erf",
    "argmax", "argmin",
})


@functools.cache
def _vetted_heads() -> tuple[frozenset[str], frozenset[str]]:
    """What SymPy prints before the arguments of each vetted function (\\Gamma for gamma,
    \\zeta, \\psi for digamma, \\theta for Heaviside), and the words among them
    (\\operatorname{atanh}: atanh)."""
    import sympy

    from derivations.language import vocabulary

    x = sympy.Symbol("x")
    heads = set()
    for name in vocabulary.VETTED:
        try:
            printed = sympy.latex(getattr(sympy, name)(x))
        except (TypeError, ValueError):
            continue
        cut = printed.find("\\left(")
        if cut > 0:
            heads.add(printed[:cut].rstrip("{ "))
    heads.add("\\psi")  # digamma's name in print (SymPy writes polygamma(0, x))
    words = {m.group(1) for h in heads for m in [re.fullmatch(r"\\operatorname\{(\w+)\}", h)]
             if m}
    return frozenset(heads), frozenset(words)


def _lead(template_text: str) -> str:
    """The text a template prints before its first argument or bracket, without spacing."""
    lead = re.split(r"\\left|\\mathopen|[(\[]", template_text, maxsplit=1)[0]
    return re.sub(r"\s|\{\}", "", lead)


def reads_as_function(text: str, *, words: bool = True) -> str | None:
    """What in printed TeX ``text`` typesets as a known operation although it is not one: a
    fraction, binomial or root command (``\\tfrac``, ``\\over``), or, with ``words``, a word
    that names a known function however it is set (``\\operatorname{log}``,
    ``\\mathrm{exp}``, plain ``log``); without ``words``, such a word only inside a command
    that sets it upright (a symbol named ``log`` prints in italics, as a product of letters).
    None when there is nothing of the kind."""
    found = _FRACTION.search(text)
    if found:
        return found.group(0)
    wrapped = [m.group(2) for m in _WRAPPER.finditer(text)]
    plain = _WRAPPER.sub(lambda m: m.group(2), text) if words else "".join(wrapped)
    # letters set apart only by thin spaces or empty groups typeset as one word (l\!o{}g)
    plain = re.sub(r"\\[,;:! ]|[{}]", "", plain)
    plain = re.sub(r"\\[A-Za-z]+", " ", plain)  # what is left of other commands: their names
    if words and re.search(r"(^|[^A-Za-z])e\s*\^", plain):
        return "e^"  # the exponential function
    heads, head_words = _vetted_heads()
    for word in re.findall(r"[A-Za-z]+", plain):
        if word in _FUNCTION_WORDS or word in head_words:
            return word
    if words and _lead(text) in heads:
        return _lead(text)  # \Gamma(x), \zeta(x): SymPy's own gamma and zeta print so (u07)
    return None


def _top_level_operator(head: str) -> str | None:
    """A ``+``, ``-`` or ``/`` outside every bracket of ``head``: ``f(x) - 1`` would print an
    opaque function as an arithmetic expression (inside brackets, ``softmax(z + c)``, it
    shows an argument's form)."""
    depth = 0
    for ch in head:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch in "+-/" and depth <= 0:
            return ch
    return None


#: What may stand right before and right after an argument in a template: a bracket, the brace
#: of a group (a subscript), or a separator between arguments.
_OPENS = ("(", "[", "{", ",", ";", "|", "\\mid", "\\lvert", "\\|", "\\langle")
_CLOSES = (")", "]", "}", ",", ";", "|", "\\mid", "\\rvert", "\\|", "\\rangle", "\\right")


def bare_fields(template: str) -> set[int]:
    """The arguments ``template`` shows without brackets around them (``softmax(z + {0} 1)``):
    a sum put there would merge with the text around it (f(x + y) would print as f(x) + y
    does), so the printer brackets any argument there that is not a single symbol, entry,
    number or application."""
    marked = "".join(text + (f"\0{field}\0" if field is not None else "")
                     for text, field, _, _ in string.Formatter().parse(template))
    return {int(shown.group(1)) for shown in re.finditer("\0([0-9]+)\0", marked)
            if not (marked[:shown.start()].rstrip().endswith(_OPENS)
                    and marked[shown.end():].lstrip().startswith(_CLOSES))}


def _atomic(arg: Basic) -> bool:
    """Prints as one unit that no text around it can split."""
    if arg.is_Number:
        return bool(arg.is_nonnegative)
    return isinstance(arg, (Symbol, Indexed, Function))


def _template_arity(name: str, template: str) -> int:
    """The number of arguments ``template`` shows, each exactly once; refuses a template that
    hides an argument or prints the function as something else (a log, a fraction, a sum)."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError as exc:
        raise ValueError(f"the template of {name!r} is not a format string: {exc}") from exc
    if not all(f.isdigit() for f in fields):
        raise ValueError(f"the template of {name!r} may only use numbered fields {{0}}, {{1}}, "
                         f"..., not {fields!r}")
    numbers = sorted(int(f) for f in fields)
    if numbers != list(range(len(numbers))):
        raise ValueError(f"the template of {name!r} must show each argument exactly once "
                         f"({{0}} to {{{len(numbers) - 1}}}), not {template!r}; an argument it "
                         "hides would let two different applications print alike")
    parts = list(string.Formatter().parse(template))
    head = "".join(text for text, _, _, _ in parts)
    if not re.search(r"[A-Za-z]", head.replace("\\left", "").replace("\\right", "")):
        raise ValueError(f"the template of {name!r} shows no name of its own ({template!r}); "
                         "an opaque function must not print as its arguments alone")
    plain = head.replace("\\left", "").replace("\\right", "")
    found = _MISLEADING.search(plain)
    misleading = found.group(0) if found else (reads_as_function(plain)
                                               or _top_level_operator(plain))
    if misleading:
        raise ValueError(f"the template of {name!r} ({template!r}) prints {misleading!r}, "
                         "which reads as something the function is not; give it a name of its "
                         "own (\\operatorname{...})")
    return len(numbers)


def is_named_function(func: Any) -> bool:
    return isinstance(func, UndefinedFunction) and hasattr(func, "_template")


#: The families each function applied to a whole family (``softmax(z)_j``, made by the .tex
#: reader) depends on without taking them as arguments, out of the kernel's sight.
_HIDDEN: dict[Any, frozenset[IndexedBase]] = {}


def hide_families(function: Any, families: frozenset[IndexedBase]) -> None:
    """Record that ``function``'s value depends on the entries of ``families``, which its
    template shows but it does not take: the template may show them, and no derivative in one
    of their entries may be taken of it (it would be 0 to every check)."""
    _HIDDEN[function] = families


def hidden_families(function: Any) -> frozenset[IndexedBase]:
    """The families whose entries ``function``'s value depends on without showing them as
    arguments (``softmax(z)_j``: ``z``); empty for any other function."""
    return _HIDDEN.get(function, frozenset())


def indexed_vector(base: Basic, size: Expr, display: Basic | None = None) -> Vector:
    """The vector ``(base[1], ..., base[size])`` of an IndexedBase, shown as its label."""
    shown = display if display is not None else Symbol(str(base.label))
    return Vector(shown, Lambda(_COMPONENT, base[_COMPONENT]), size)


def function_vector(rule: Callable[[Expr], Expr], display: Basic, size: Expr) -> Vector:
    """A vector whose component ``j`` is ``rule(j)``, shown as ``display``."""
    return Vector(display, Lambda(_COMPONENT, rule(_COMPONENT)), size)


__all__ = [
    "Argmax", "Argmin", "CrossEntropy", "Entropy", "Extremum", "KL", "MaxOver", "MinOver",
    "OneHot", "Optimum", "Tuple", "Vector",
    "flipped", "function_vector", "hidden_families", "hide_families", "indexed_vector",
    "is_named_function", "named_function", "unfold",
]
