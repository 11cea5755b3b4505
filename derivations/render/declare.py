"""A derivation's vocabulary as ``%dv`` declaration lines, and each step's rule as ``% by:``.

A generated fragment carries them as LaTeX comments (they never show in the PDF), so that
``derivations check fragment.tex`` reads its chain back without the Python source: the sizes,
summation indices, labels, families, parameters, functions, one-hot vectors, hypotheses and
definitions the chain uses, in the syntax of ``derivations/tex/declarations.py`` (see
``docs/check-your-tex.md``). A cited theorem is written with its mapping and a lemma with
its instance (``theorem:gibbs_inequality(p=\\pi)``); a rule the reader cannot name (an
antiderivative) is written under its own name, and reading it back says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sympy import (
    Basic,
    Dummy,
    Indexed,
    IndexedBase,
    Product,
    Sum,
    Symbol,
    default_sort_key,
    preorder_traversal,
    sqrt,
)
from sympy.core.function import AppliedUndef

from derivations.language.derivation import Derivation
from derivations.language.hypotheses import (
    Definition,
    IndexRange,
    Nonnegative,
    Parameter,
    Positive,
    Real,
    Simplex,
    Size,
    UnitInterval,
    generic_entry,
    pattern_variables,
)
from derivations.language.notation import OneHot, Vector, XLogY
from derivations.language.rule import Rule

#: Rule names as the reader knows them (the optimiser transforms are named by their factory).
_READER_NAMES = {"take_log": "logarithm", "same_objective": "identity"}


def _range(lo: Basic, hi: Basic, latex: Callable[[Basic], str]) -> str:
    return rf"\{{{latex(lo)}, \dots, {latex(hi)}\}}"


def declarations(d: Derivation, latex: Callable[[Basic], str]) -> tuple[str, ...]:
    """The ``%dv`` lines (without the ``%dv``) that declare what ``d`` uses."""
    exprs = [d.start, *(s.expr for s in d.steps)]
    nodes = [n for e in exprs for n in preorder_traversal(e)]
    hyps = d.hypotheses
    for h in hyps:
        for part in vars(h).values():
            if isinstance(part, Basic):
                nodes.extend(preorder_traversal(part))
    lines: list[str] = []
    sizes = [h.symbol for h in hyps if isinstance(h, Size)]
    if sizes:
        lines.append("size " + ", ".join(latex(s) for s in sizes))
    labels = {h.target for h in hyps if isinstance(h, IndexRange)}
    bound: dict[Basic, tuple[Basic, Basic]] = {}
    for n in nodes:
        if isinstance(n, (Sum, Product)):
            for v, lo, hi in n.limits:
                if isinstance(v, Symbol) and not isinstance(v, Dummy) and v not in labels \
                        and v not in sizes:
                    bound.setdefault(v, (lo, hi))
    for v, (lo, hi) in sorted(bound.items(), key=lambda kv: default_sort_key(kv[0])):
        lines.append(rf"index {latex(v)} \in {_range(lo, hi, latex)}")
    sized: dict[IndexedBase, Basic] = {}
    for n in nodes:
        if isinstance(n, Vector) and not isinstance(n, OneHot):
            entry = n.rule.expr
            if isinstance(entry, Indexed) and entry.indices == tuple(n.rule.variables):
                sized.setdefault(entry.base, n.size)
    families = sorted({n.base for n in nodes if isinstance(n, Indexed)}, key=default_sort_key)
    ranks = {n.base: len(n.indices) for n in nodes if isinstance(n, Indexed)}
    for base in families:
        line = f"family {latex(base.label)}_{{j,r}}" if ranks.get(base) == 2 \
            else f"family {latex(base.label)}_{{j}}"
        if ranks.get(base) == 2 and base.shape is not None:  # a table: its two ranges
            line += (rf" for j \in {_range(1, base.shape[0], latex)}, "
                     rf"r \in {_range(1, base.shape[1], latex)}")
        if base in sized:
            line += rf" for j \in {_range(1, sized[base], latex)}"
        lines.append(line)
    for h in hyps:
        if isinstance(h, IndexRange) and isinstance(h.target, Symbol):
            lines.append(rf"label {latex(h.target)} \in {_range(h.lo, h.hi, latex)}")
    lines += [f"parameter {latex(h.symbol)}" for h in hyps if isinstance(h, Parameter)]
    functions = sorted({n.func for n in nodes if isinstance(n, AppliedUndef)
                        and getattr(n.func, "_template", None)}, key=str)
    as_vectors: dict[Basic, Basic] = {}
    for n in nodes:
        if isinstance(n, Vector) and not isinstance(n, OneHot):
            entry = n.rule.expr
            if isinstance(entry, AppliedUndef) and entry.args == tuple(n.rule.variables) \
                    and _subscript_only(entry.func):
                as_vectors.setdefault(entry.func, n.size)
    shown_by: dict[Basic, Vector] = {}  # q(x; \theta), the vector of the q_j(x; \theta)
    for n in nodes:
        if isinstance(n, Vector) and not isinstance(n, OneHot) and isinstance(
                n.display, AppliedUndef) and isinstance(n.rule.expr, AppliedUndef) \
                and set(n.display.args) <= set(n.rule.expr.args):
            shown_by.setdefault(n.display.func, n)
    at_family: dict[Basic, Vector] = {}  # softmax(z), the vector of the softmax(z)_j
    for n in nodes:
        if isinstance(n, Vector) and not isinstance(n, OneHot) and isinstance(
                n.display, AppliedUndef) and n.display.args and all(
                isinstance(a, IndexedBase) for a in n.display.args) and isinstance(
                n.rule.expr, AppliedUndef) and n.rule.expr.args == tuple(n.rule.variables):
            at_family.setdefault(n.display.func, n)
    functions = [f for f in functions if f not in shown_by and f not in at_family]
    forms: set[str] = set()
    for f in functions:
        # softmax(z + c 1)_j beside softmax(z)_j: the reader knows the form (and the shifted
        # family) from the first declaration
        form = re.sub(r"\(([^()]*)\)", lambda m: "(" + "".join(re.findall(
            r"(?<!\\),|;|\\mid", m.group(1))) + ")", re.sub(r"\{[0-9]+\}", "#",
                                                      _unsquared(f._template)))
        if form in forms:
            continue
        forms.add(form)
        names = [chr(ord("a") + n) for n in range(f.nargs.args[0] if f.nargs.is_FiniteSet
                                                   else 1)]
        line = "function " + _unsquared(f._template).format(*names)
        if f in as_vectors:
            line += rf" for a \in {_range(1, as_vectors[f], latex)}"
        lines.append(line)
    named: dict[Basic, Vector] = {}
    for n in nodes:
        if isinstance(n, Vector) and not isinstance(n, OneHot) and isinstance(n.display, Symbol):
            entry = n.rule.expr
            own = (isinstance(entry, Indexed) and entry.indices == tuple(n.rule.variables)) or (
                isinstance(entry, AppliedUndef) and entry.args == tuple(n.rule.variables)
                and _subscript_only(entry.func))
            if not own:  # u with u_j = 1/k: a vector given by its entries
                named.setdefault(n.display, n)
    for display, v in sorted(named.items(), key=lambda kv: str(kv[0])):
        (index,) = v.rule.variables
        j = Symbol("j", integer=True)
        lines.append(f"vector {latex(display)} = {latex(v.rule.expr.xreplace({index: j}))} "
                     rf"for j \in {_range(1, v.size, latex)}")
    for _, v in sorted(at_family.items(), key=lambda kv: str(kv[0])):
        (index,) = v.rule.variables
        j = Symbol("j", integer=True)
        lines.append(f"vector {latex(v.display)} = {latex(v.rule.expr.xreplace({index: j}))} "
                     rf"for j \in {_range(1, v.size, latex)}")
    for _, v in sorted(shown_by.items(), key=lambda kv: str(kv[0])):
        (index,) = v.rule.variables
        holes = {a: Symbol(chr(ord("a") + n)) for n, a in enumerate(v.display.args)}
        j = Symbol("j", integer=True)
        lines.append(f"vector {latex(v.display.xreplace(holes))} = "
                     f"{latex(v.rule.expr.xreplace({index: j, **holes}))} "
                     rf"for j \in {_range(1, v.size, latex)}")
    onehots = {(n.size, latex(n.args[0])) for n in nodes if isinstance(n, OneHot)}
    for size, _ in sorted(onehots, key=str)[:1]:
        lines.append(rf"onehot e_{{c}} for c \in {_range(1, size, latex)}")
    declared = {*sizes, *labels, *bound, *(h.symbol for h in hyps if isinstance(h, Parameter))}
    shown = {latex(x) for n in nodes for x in (n.free_symbols if isinstance(n, Basic) else ())}
    shown |= {latex(b.label) for b in families}
    shown |= {x for f in functions for x in re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])",
                                                      f._template)}
    fresh = (x for x in "uvwabcdrstghmn" if x not in shown)

    def pattern(p: Basic) -> Basic:
        """``p`` with the symbols it quantifies over that nothing declares renamed to letters
        the chain does not use (``p(o; \\theta)`` beside a family ``o_{i}`` would read ``o`` as
        the family)."""
        return p.xreplace({v: Symbol(next(fresh), **v.assumptions0)
                           for v in sorted(pattern_variables(p) - declared, key=str)})

    if any(isinstance(n, XLogY) for n in nodes):
        lines.append(r"convention 0 \log 0 = 0")
    for h in hyps:
        if isinstance(h, Positive):
            lines.append(f"assume {latex(pattern(h.pattern))} > 0")
        elif isinstance(h, Nonnegative):
            lines.append(rf"assume {latex(pattern(h.pattern))} \ge 0")
        elif isinstance(h, Real):
            lines.append(rf"assume {latex(pattern(h.pattern))} \in \mathbb{{R}}")
        elif isinstance(h, UnitInterval):
            target = generic_entry(h.target, "l") if isinstance(h.target, IndexedBase) \
                else h.target
            lines.append(f"assume 0 < {latex(pattern(target))} < 1")
        elif isinstance(h, IndexRange) and not isinstance(h.target, Symbol):
            target = generic_entry(h.target, "i") if isinstance(h.target, IndexedBase) \
                else h.target
            lines.append(rf"assume {latex(target)} \in {_range(h.lo, h.hi, latex)}")
        elif isinstance(h, Simplex):
            if h.base.shape is not None and len(h.base.shape) == 2:  # each row a distribution
                lines.append(rf"simplex {latex(h.base.label)}_{{j,r}} for r \in "
                             f"{_range(1, h.size, latex)}")
            else:
                lines.append(rf"simplex {latex(h.base.label)}_{{j}} for j \in "
                             f"{_range(1, h.size, latex)}")
        elif isinstance(h, Definition):
            renamed = {v: Symbol(next(fresh), **v.assumptions0) for v in h.formula.variables
                       if v not in declared}  # p(x) beside a family x_i would read x as it
            variables = [renamed.get(v, v) for v in h.formula.variables]
            body = h.formula.expr.xreplace(renamed)
            template = getattr(h.function, "_template", "")
            squared = _squared(template)
            of_square = body
            squares: dict[Basic, Basic] = {}
            for n in squared:  # N(y; mu, sigma^2) shows sigma squared: read, its argument is
                variance = Symbol(next(fresh), positive=True)  # the variance
                of_square = of_square.xreplace({variables[n]: sqrt(variance)})
                squares[variance] = variables[n] ** 2
            if squared and of_square.xreplace(squares) == body:  # a function of the square
                for n, variance in zip(squared, squares, strict=True):
                    variables[n] = variance
                body = of_square
                lines.append(f"define {_unsquared(template).format(*map(latex, variables))} = "
                             f"{latex(body)}")
            else:
                lines.append(f"define {latex(h.applied().xreplace(renamed))} = {latex(body)}")
    return tuple(lines)


def _subscript_only(function: Basic) -> bool:
    """Whether ``function`` prints as a name with its one argument as subscript (``\\ell_{j}``),
    so that the name alone shows the vector of its values; ``q_{j}(t)`` shows more."""
    return bool(re.fullmatch(r"[^()]*_\{\{\{0\}\}\}", getattr(function, "_template", "")))


_SQUARED = re.compile(r"\{([0-9]+)\}\^\{\{2\}\}")


def _squared(template: str) -> list[int]:
    """The arguments a function's template shows squared (``\\mathcal{N}(y; mu, sigma^2)``)."""
    return [int(n) for n in _SQUARED.findall(template)]


def _unsquared(template: str) -> str:
    """``template`` with each argument shown squared shown plainly: the declaration of the
    function of the square (the reader takes ``\\sigma^{2}`` there as the argument)."""
    return _SQUARED.sub(lambda m: "{" + m.group(1) + "}", template)


def by(rule: Rule, latex: Callable[[Basic], str]) -> str:
    """What a row's ``% by:`` comment says of ``rule``: the name the reader knows it by, with
    the factor or the constant of an optimiser transform."""
    name = _READER_NAMES.get(rule.name, rule.name)
    if name in ("positive_factor", "add_constant") and rule.transform is not None:
        value = rule.transform(1) if name == "positive_factor" else rule.transform(0)
        return f"{name}({latex(value)})"
    if rule.instance is not None:  # lemma:NAME(at=..., weight=..., over=j \in \{lo, ..., hi\})
        _, weight, at, over = rule.instance
        given = [f"at={latex(at)}", f"weight={latex(weight)}"]
        if over is not None:
            given.append(rf"over={latex(over[0])} \in {_range(over[1], over[2], latex)}")
        return f"{name}({', '.join(given)})"
    if rule.theorem is not None and rule.mapping:  # theorem:NAME(p=\pi)
        return f"{name}({', '.join(f'{latex(k)}={latex(v)}' for k, v in rule.mapping)})"
    return name
