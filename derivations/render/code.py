"""Reference implementations as LaTeX: the function by latexify, its arguments by the printer.

latexify-py turns a plain Python function into a formula. Its rough edges are fixed the way it
is built to be extended, by subclassing its code generators (as the proofs' printer subclasses
SymPy's), never by editing the printed string:

* a minus sign after an operator gets parentheses (``a - -b`` prints as ``a - (-b)``);
* ``math.log(x, b)`` prints as ``\\log_{b} x`` and ``math.log1p(x)`` as ``\\log(1 + x)``;
* the module prefixes ``math.``, ``np.`` and ``numpy.`` are dropped (``math.pi`` is ``\\pi``);
* local assignments and the definition are lines of an ``aligned`` block (display style);
* a sum over a ``range`` with a condition (``for j in range(k) if p[j] != 0``) keeps its
  bounds and sets the condition under the first one (``\\sum_{\\substack{j = 0 \\\\ p_{j}
  \\ne 0}}^{k - 1}``), where latexify would print the whole comprehension as a conjunction;
* a name longer than a letter (the function's, ``len``, a local variable's) is a code name, set
  in typewriter type (``\\mathtt``) rather than latexify's roman, as code names are in prose.

latexify is imported only when a function is rendered: ``derivations check`` never loads it.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable
from functools import cache
from typing import Any

from sympy import Add, Basic, Integer, Symbol

from derivations.language.implementation import Entries, Implementation

#: Module prefixes latexify drops, so that ``np.exp`` and ``math.pi`` print as ``\exp``, ``\pi``.
PREFIXES = frozenset({"math", "np", "numpy"})


@cache
def _codegen() -> type:
    """latexify's function code generator, with the expression generator fixed as above."""
    from latexify.codegen import (
        expression_codegen,
        expression_rules,
        function_codegen,
        identifier_converter,
    )

    class CodeNames(identifier_converter.IdentifierConverter):
        def convert(self, name: str) -> tuple[str, bool]:
            """latexify's conversion, with ``\\mathtt`` for a name of several letters."""
            shown, single = super().convert(name)
            if shown.startswith(r"\mathrm{"):
                shown = r"\mathtt{" + shown[len(r"\mathrm{"):]
            return shown, single

    class ExpressionCodegen(expression_codegen.ExpressionCodegen):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self._identifier_converter = CodeNames(
                use_math_symbols=options.get("use_math_symbols", False))

        def visit_BinOp(self, node: ast.BinOp) -> str:
            """latexify's rule, with a parenthesised right operand when it starts with a minus
            sign and an operator stands before it (``a - (-b)``, ``a \\cdot (-b)``)."""
            prec = expression_rules.get_precedence(node)
            rule = self._bin_op_rules[type(node.op)]
            lhs = self._wrap_binop_operand(node.left, prec, rule.operand_left)
            rhs = self._wrap_binop_operand(node.right, prec, rule.operand_right)
            if rule.latex_middle.strip() and rhs.startswith("-"):
                rhs = rf"\mathopen{{}}\left( {rhs} \mathclose{{}}\right)"
            if type(node.op) in (ast.Mult, ast.MatMult) and self._should_remove_multiply_op(
                    lhs, rhs, node.left, node.right):
                return f"{rule.latex_left}{lhs} {rhs}{rule.latex_right}"
            return f"{rule.latex_left}{lhs}{rule.latex_middle}{rhs}{rule.latex_right}"

        def _get_sum_prod_info(self, node: ast.GeneratorExp
                               ) -> tuple[str, list[tuple[str, str]]]:
            """latexify's bounds of a sum or product, with a ``range`` that has conditions
            kept as bounds and the conditions stacked under the lower one."""
            elt, scripts = super()._get_sum_prod_info(node)
            for n, comp in enumerate(node.generators):
                bounds = self._get_sum_prod_range(comp)
                if bounds is not None and comp.ifs:
                    lower, upper = bounds
                    rows = [f"{self.visit(comp.target)} = {lower}",
                            *(self.visit(condition) for condition in comp.ifs)]
                    scripts[n] = (r"\substack{" + r" \\ ".join(rows) + "}", upper)
            return elt, scripts

        def visit_Call(self, node: ast.Call) -> str:
            """``log(x, b)`` as a log to the base b, ``log1p(x)`` as ``log(1 + x)``."""
            from latexify import ast_utils

            name = ast_utils.extract_function_name_or_none(node)
            if name == "log" and len(node.args) == 2 and not node.keywords:
                arg = node.args[0]
                power = isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Pow)
                inner = self._wrap_operand(arg, expression_rules.get_precedence(node), power)
                return rf"\log_{{{self.visit(node.args[1])}}} {inner}"
            if name == "log1p" and len(node.args) == 1 and not node.keywords:
                one_plus = ast.BinOp(ast.Constant(1), ast.Add(), node.args[0])
                return self.visit(ast.Call(ast.Name("log", ast.Load()), [one_plus], []))
            return str(super().visit_Call(node))

    class FunctionCodegen(function_codegen.FunctionCodegen):
        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self._expression_codegen = ExpressionCodegen(
                use_math_symbols=options.get("use_math_symbols", False),
                use_set_symbols=options.get("use_set_symbols", False))
            self._identifier_converter = CodeNames(
                use_math_symbols=options.get("use_math_symbols", False))

        def visit_FunctionDef(self, node: ast.FunctionDef) -> str:
            """Assignments and the definition in an ``aligned`` block, whose lines are in
            display style (latexify's ``array`` sets sums and fractions in text style)."""
            from latexify import ast_utils

            lines = [s for s in node.body[:-1]
                     if not (isinstance(s, ast.Expr) and ast_utils.is_constant(s.value))]
            if not lines:
                return str(super().visit_FunctionDef(node))
            last = copy.copy(node)
            last.body = node.body[-1:]
            shown = [*(self.visit(s) for s in lines), super().visit_FunctionDef(last)]
            return r"\begin{aligned} " + r" \\ ".join(f"& {s}" for s in shown) + r" \end{aligned}"

    return FunctionCodegen


def function_latex(function: Callable[..., Any]) -> str:
    """The LaTeX of ``function`` (math mode), by latexify with the fixes above.

    Raises ``ValueError`` naming the function when latexify cannot render it (a ``for`` loop,
    say).
    """
    from latexify import exceptions, parser, transformers

    try:
        tree = parser.parse_function(function)
        tree = transformers.AugAssignReplacer().visit(tree)
        tree = transformers.PrefixTrimmer(set(PREFIXES)).visit(tree)
        return str(_codegen()(use_math_symbols=True).visit(tree))
    except exceptions.LatexifyError as exc:
        name = getattr(function, "__qualname__", repr(function))
        raise ValueError(f"latexify cannot render {name}: {type(exc).__name__}: {exc}") from exc


def _entries(entries: Entries, latex: Callable[[Basic], str]) -> str:
    """``(q_{1}, \\dots, q_{k})`` for a vector; ``(p_{i,j})_{1 \\le i \\le m, 1 \\le j \\le k}``."""
    if len(entries.shape) == 1:
        (size,) = entries.shape
        first, last = (_numbers_last(entries.rule(n)) for n in (Integer(1), size))
        if size == 1:
            return rf"\left({latex(first)}\right)"
        if size == 2:
            return rf"\left({latex(first)}, {latex(last)}\right)"
        return rf"\left({latex(first)}, \dots, {latex(last)}\right)"
    taken = {str(s) for s in entries.rule.free_symbols}
    names = next((n for n in (("i", "j"), ("r", "s"), ("u", "v")) if not taken & set(n)),
                 ("i_0", "j_0"))
    indices = [Symbol(n, integer=True) for n in names[:len(entries.shape)]]
    ranges = r",\ ".join(rf"1 \le {latex(i)} \le {latex(s)}"
                         for i, s in zip(indices, entries.shape, strict=True))
    return rf"\left({latex(_numbers_last(entries.rule(*indices)))}\right)_{{{ranges}}}"


def _numbers_last(expr: Basic) -> Basic:
    """``y - 1`` rather than ``-1 + y`` (the printer keeps the order of the terms)."""
    if not isinstance(expr, Add):
        return expr
    return Add(*sorted(expr.args, key=lambda term: bool(term.is_Number)), evaluate=False)


def parameter_latex(name: str) -> str:
    """A parameter's name as latexify prints it in the signature (``mu`` is ``\\mu``)."""
    from latexify.codegen.identifier_converter import IdentifierConverter

    return str(IdentifierConverter(use_math_symbols=True).convert(name)[0])


def arguments_latex(impl: Implementation, latex: Callable[[Basic], str]) -> tuple[str, ...]:
    """What each argument of the function receives, as math: ``q \\leftarrow \\left(q_{1},
    \\dots, q_{k}\\right)``, ``y \\leftarrow y - 1``. An argument that is the theorem's symbol
    of the same name (``\\sigma \\leftarrow \\sigma``) is left out."""
    out = []
    for name, value in impl.arguments:
        if isinstance(value, Entries):
            shown = _entries(value, latex)
        else:
            shown = latex(_numbers_last(value))
        parameter = parameter_latex(name)
        if shown != parameter:
            out.append(rf"{parameter} \leftarrow {shown}")
    return tuple(out)
