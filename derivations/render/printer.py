"""The LaTeX printer for derivations: SymPy's printer, extended for the engine's vocabulary."""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from sympy import Add, Basic, Derivative, Expr, Indexed, IndexedBase, Mul, Symbol, log
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from derivations.language.hypotheses import (
    Definition,
    Hypothesis,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
)
from derivations.language.notation import Optimum, Vector, XLogY, bare_fields

#: The math macros of derivations.sty, by name: the LaTeX outputs use the names, the Markdown
#: outputs (MathJax, KaTeX) the bodies, so that they need no macro declarations.
MATH_MACROS: dict[str, str] = {
    "dvargmin": r"\operatorname*{arg\,min}",
    "dvargmax": r"\operatorname*{arg\,max}",
    "dvKL": r"\operatorname{KL}",
}


class ProofPrinter(LatexPrinter):
    """Prints steps as a textbook would: ``q_j``, ``H(e_y, q)``, ``\\dvargmin_\\theta``.

    With ``macros=False`` it writes the body of each ``dv`` macro instead of its name.

    The terms of a sum are printed in the order a reader writes them (the ``terms`` setting,
    ``"reader"`` by default): a sum in SymPy's canonical order, which is how every evaluated
    ``Add`` stores its terms, is printed with its positive terms first, so ``q - p`` prints as
    ``q_{i} - p_{i}`` and not ``-p_{i} + q_{i}``; a sum the author built in another order with
    ``Add(..., evaluate=False)`` is printed in that order, term for term. Likewise a product in
    SymPy's order prints its logarithms last (``-p(u) log q`` rather than ``-log q p(u)``).
    ``terms="sympy"`` prints every sum and product in SymPy's stored order.
    """

    printmethod = "_latex"
    _default_settings = {**LatexPrinter._default_settings, "macros": True, "terms": "reader"}

    def __init__(self, settings: dict[str, Any] | None = None) -> None:
        defaults = {"order": "none", "long_frac_ratio": 2, "mul_symbol": r"\,"}
        super().__init__({**defaults, **(settings or {})})
        self._before_log: frozenset[Basic] = frozenset()

    def _print_Add(self, expr: Expr, order: str | None = None) -> str:
        if self._settings["terms"] == "reader" and _canonical(expr):
            terms = sorted(expr.args, key=lambda t: bool(t.could_extract_minus_sign()))
            expr = Add(*terms, evaluate=False)
        return str(super()._print_Add(expr, order))

    def _print_Mul(self, expr: Expr) -> str:
        """A product in SymPy's canonical order is printed with its logarithms last, as a reader
        writes ``p_j log q_j`` (SymPy's order can put ``log q`` before a named function such as
        ``\\hat{p}(u, c)``); a product the author built with ``Mul(..., evaluate=False)`` in another
        order is printed as built."""
        if self._settings["terms"] == "reader" and _canonical(expr):
            args = list(expr.args)
            logs = [a for a in args if isinstance(a, (log, XLogY))]
            rest = [a for a in args if not isinstance(a, (log, XLogY))]
            if logs and rest and args != rest + logs and not any(
                    a.is_Pow and a.exp.is_negative for a in rest):
                expr = Mul(*rest, *logs, evaluate=False)
        # a factor that ends in a bare argument (log p, p log p, a template's g x) is bracketed
        # unless it is the last factor or a log follows it: "log p f(a)" would read log(p f(a))
        # (red-team u17). SymPy prints the numerator's factors in the order of expr.args.
        shown = [a for a in expr.args if not (a.is_Pow and a.exp.is_negative)]
        saved = self._before_log
        self._before_log = frozenset(
            a for a, b in zip(shown, shown[1:], strict=False) if isinstance(b, log))
        try:
            return str(super()._print_Mul(expr))
        finally:
            self._before_log = saved

    def _print_Pow(self, expr: Expr) -> str:
        """A power of an object that prints itself (``_latex``: a named function's template,
        ``x log y``), which cannot take SymPy's ``exp`` argument: a function application to any
        power, another such object parenthesised, to a positive integer power."""
        base, power = expr.args
        if hasattr(base, self.printmethod) and (isinstance(base, AppliedUndef) or type(
                base).__module__.startswith("derivations.")):  # (SymPy would pass it exp=)
            shown = self._print(base)
            template = getattr(type(base), "_template", None)
            if not isinstance(base, AppliedUndef) or (
                    isinstance(template, str) and bare_fields(template)):
                # x log y, or g x from a template that shows its argument bare: the power would
                # land on the last factor or argument (g x^2 reads g(x^2): red-team u12, u13)
                shown = rf"\left({shown}\right)"
            return rf"{shown}^{{{self._print(power)}}}"
        return str(super()._print_Pow(expr))

    def _print_Derivative(self, expr: Expr) -> str:
        """A derivative in an entry of a vector (``z_j``) is a partial derivative, printed
        ``\\partial``: SymPy prints ``d`` whenever the differentiated expression shows one free
        symbol, so one proof mixed ``d/dz_j`` and ``\\partial/\\partial z_j`` for the same
        operation. A derivative in a scalar (``d/dt``) keeps SymPy's choice."""
        if not any(isinstance(v, Indexed) for v in expr.variables):
            return str(super()._print_Derivative(expr))
        saved = self._settings["diff_operator_latex"]
        self._settings["diff_operator_latex"] = r"\partial"
        try:
            return str(super()._print_Derivative(expr))
        finally:
            self._settings["diff_operator_latex"] = saved

    def _needs_mul_brackets(self, expr: Expr, first: bool = False, last: bool = False) -> bool:
        """SymPy's rule, except for a power of a sum: it prints as ``\\left(...\\right)^{n}``,
        already closed, so a sum inside it cannot run into the next factor (SymPy would
        write ``\\left(\\left(a - \\sum_j b_j\\right)^{2}\\right) c``); and a derivative
        before another factor is bracketed, so that it is seen to apply to its operand only."""
        if expr.is_Pow and expr.base.is_Add and expr.exp.is_Integer and expr.exp.is_positive:
            return False
        if isinstance(expr, Derivative) and not last:  # d/dz f g: of f, or of f g?
            return True
        if not last and _ends_bare(expr) and expr not in self._before_log:
            return True
        return bool(super()._needs_mul_brackets(expr, first=first, last=last))

    def _macro(self, name: str) -> str:
        return f"\\{name}" if self._settings["macros"] else MATH_MACROS[name]

    def _print_Indexed(self, expr: Basic) -> str:
        label = self._print(expr.base.label)
        return f"{label}_{{{','.join(self._print(i) for i in expr.indices)}}}"

    def _print_Optimum(self, expr: Optimum) -> str:
        objective = self._print(expr.objective)
        if expr.objective.is_Add:
            objective = rf"\left({objective}\right)"
        operator = self._macro(f"dvarg{expr.sense}")
        return rf"{operator}_{{{self._print(expr.variable)}}} {objective}"

    _print_Argmin = _print_Optimum
    _print_Argmax = _print_Optimum

    def _print_log(self, expr: Expr, exp: str | None = None) -> str:
        (arg,) = expr.args
        simple = _bare_log_argument(arg)
        inner = self._print(arg)
        body = rf"\log {inner}" if simple else rf"\log\left({inner}\right)"
        return rf"\left({body}\right)^{{{exp}}}" if exp else body

    def _print_Between(self, expr: Basic) -> str:
        lo, value, hi = (self._print(a) for a in expr.args)
        return rf"{lo} \le {value} \le {hi}"

    def _print_FreeOf(self, expr: Basic) -> str:
        return rf"{self._print(expr.args[0])} \text{{ is free of }} {self._print(expr.args[1])}"

    def _print_Vector(self, expr: Vector) -> str:
        return self._print(expr.display)

    def _print_OneHot(self, expr: Vector) -> str:
        return rf"e_{{{self._print(expr.args[0])}}}"

    def _print_CrossEntropy(self, expr: Expr) -> str:
        p, q = expr.args
        return rf"H({self._print(p)}, {self._print(q)})"

    def _print_Entropy(self, expr: Expr) -> str:
        return rf"H({self._print(expr.args[0])})"

    def _print_Expectation(self, expr: Expr) -> str:
        g, p = expr.args
        return rf"\mathbb{{E}}_{{{self._print(p)}}}\left[{self._print(g)}\right]"

    def _print_KL(self, expr: Expr) -> str:
        p, q = expr.args
        middle = rf"{self._print(p)} \,\middle\|\, {self._print(q)}"
        return self._macro("dvKL") + _fence(middle)

    def _print_tuple(self, expr: Any) -> str:
        """``(y, 1 - y)``: the entries apart by a comma and TeX's own space after it (SymPy
        adds a control space as well, which sets a double space)."""
        body = ", ".join(self._print(e) for e in expr)
        return _fence(body + ("," if len(expr) == 1 else ""))

    def _print_Tuple(self, expr: Any) -> str:
        return self._print_tuple(expr)


def _fence(body: str) -> str:
    """``body`` in growing parentheses that sit tight against their neighbours: TeX puts a thin
    space between an operator or a letter and a ``\\left...\\right`` group (an inner atom), and
    between the group and a comma after it, which would set ``KL (p || q)`` and ``(y, 1 - y) ,``;
    an empty ``\\mathopen{}`` before the group and ``\\mathclose{}`` after it take them away."""
    return rf"\mathopen{{}}\left({body}\right)\mathclose{{}}"


def _bare_log_argument(arg: Basic) -> bool:
    """Whether ``log`` prints this argument without brackets (``\\log p``, ``\\log q_j``)."""
    return bool(arg.is_Symbol or arg.is_Indexed or isinstance(arg, AppliedUndef)
                or (arg.is_Integer and arg.is_positive))


def _ends_bare(expr: Basic) -> bool:
    """Whether a factor prints with a bare argument that a next factor would join: ``log p``,
    ``p log p``, or a function whose template shows an argument without brackets."""
    if isinstance(expr, log):
        return _bare_log_argument(expr.args[0])
    if isinstance(expr, XLogY):
        return _bare_log_argument(expr.args[1])
    template = getattr(type(expr), "_template", None)
    return isinstance(expr, AppliedUndef) and isinstance(template, str) and bool(
        bare_fields(template))


def _canonical(expr: Basic) -> bool:
    """Whether a sum's terms are in SymPy's canonical order (the order of an evaluated
    ``Add``), as opposed to an order its author chose with ``evaluate=False``."""
    args = list(expr.args)
    return args == sorted(args, key=cmp_to_key(Basic.compare))


def latex(expr: Basic, *, macros: bool = True) -> str:
    """LaTeX for one expression, as it appears in proofs (``macros``: see :class:`ProofPrinter`)."""
    return ProofPrinter({"macros": macros}).doprint(expr)


class HypothesisPrinter(ProofPrinter):
    """Prints a hypothesis as display-ready LaTeX (math mode), by SymPy's dispatch: the
    ``_print_<Class>`` method of the first class along the hypothesis's MRO that has one, so a
    new kind of hypothesis needs one method here. The symbols in the ``fixed`` setting (sizes
    and parameters) are never quantified over."""

    _default_settings = {**ProofPrinter._default_settings, "fixed": frozenset()}

    def _quantified(self, pattern: Basic, bound: Basic) -> str:
        """"for all" the symbols of ``pattern`` but ``bound``, the fixed ones and the labels of
        indexed families, or nothing when none is left."""
        exclude = set(self._settings["fixed"]) | {bound}
        names = sorted({str(s) for s in pattern.free_symbols
                        if isinstance(s, Symbol) and s not in exclude
                        and not any(s == b.label for b in pattern.atoms(IndexedBase))})
        return rf" \quad\text{{for all }} {', '.join(names)}" if names else ""

    def _print_Hypothesis(self, h: Hypothesis) -> str:
        raise TypeError(f"no LaTeX form for hypothesis {h!r}: give {type(self).__name__} a "
                        f"method _print_{type(h).__name__}")

    def _print_Size(self, h: Size) -> str:
        return rf"{self._print(h.symbol)} \in \{{1, 2, 3, \dots\}}"

    def _print_Parameter(self, h: Parameter) -> str:
        return rf"{self._print(h.symbol)} \quad\text{{(the parameters, free to take any value)}}"

    def _print_Positive(self, h: Positive) -> str:
        return rf"{self._print(h.pattern)} > 0" + self._quantified(h.pattern, h.pattern)

    def _print_Nonnegative(self, h: Nonnegative) -> str:
        return rf"{self._print(h.pattern)} \ge 0" + self._quantified(h.pattern, h.pattern)

    def _print_Real(self, h: Real) -> str:
        return rf"{self._print(h.pattern)} \in \mathbb{{R}}" + self._quantified(h.pattern,
                                                                              h.pattern)

    def _print_IndexRange(self, h: IndexRange) -> str:
        target: Basic = h.target
        if isinstance(target, IndexedBase):
            target = target[Symbol("i", integer=True)]
        span = h.hi - h.lo
        if span.is_Integer and 0 <= span <= 2:
            members = ", ".join(self._print(h.lo + n) for n in range(int(span) + 1))
            body = rf"{self._print(target)} \in \{{{members}\}}"
        else:
            body = (rf"{self._print(target)} \in \{{{self._print(h.lo)}, \dots, "
                    rf"{self._print(h.hi)}\}}")
        return body + self._quantified(target, h.target)

    def _print_Definition(self, h: Definition) -> str:
        return rf"{self._print(h.applied())} = {self._print(h.formula.expr)}"

    def _print_UnitInterval(self, h: UnitInterval) -> str:
        target = h.target[Symbol("l", integer=True)] if isinstance(
            h.target, IndexedBase) else h.target
        return rf"0 < {self._print(target)} < 1" + self._quantified(target, h.target)

    def _print_Simplex(self, h: Simplex) -> str:
        j = Symbol("j", integer=True)
        rows = _rows(h)
        entry = h.base[(Symbol("i", integer=True), j)] if rows else h.base[j]
        size = self._print(h.size)
        body = (rf"{self._print(entry)} \ge 0, \quad \sum_{{j=1}}^{{{size}}} "
                rf"{self._print(entry)} = 1")
        return body + (r" \quad\text{for all } i" if rows else "")


def _rows(h: Simplex) -> bool:
    """Whether the simplex is stated row by row (an IndexedBase with two indices)."""
    shape = h.base.shape
    return bool(shape is not None and len(shape) == 2)


def hypothesis(h: Hypothesis, fixed: set[Basic], *, macros: bool = True) -> str:
    """One hypothesis as display-ready LaTeX (math mode); ``fixed`` are sizes and parameters."""
    return HypothesisPrinter({"macros": macros, "fixed": frozenset(fixed)}).doprint(h)
