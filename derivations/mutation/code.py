"""Wrong variants of the reference implementations: the code-side half of the mutation harness.

Each operator changes one place of a function's syntax tree, the way a slip of the keyboard or
of the mind would: an operator (``+`` for ``-``, ``*`` for ``/``, ``**`` for ``*``), a sign
dropped, a constant off by one, a log in the wrong base, a loop that skips its first term, an
index fixed at 0. The mutant is compiled in the module of the original (so ``math`` and the
module's names resolve as before) and checked against the same expression with the same
arguments (:func:`derivations.evidence.code.check_implementation`); the checker must not
accept it.
"""

from __future__ import annotations

import ast
import copy
import inspect
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from derivations.language.derivation import Derivation
from derivations.language.implementation import Implementation

_SWAPPED: dict[type, type] = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div,
                              ast.Div: ast.Mult, ast.Pow: ast.Mult}
#: A function of ``math`` and the wrong one of the same shape.
_WRONG_FUNCTION = {"log": "log2", "log2": "log", "log10": "log", "exp": "expm1",
                   "sqrt": "exp"}


@dataclass(frozen=True)
class CodeChange:
    """One mutant: which operator, what it changed (for the report), and the function."""

    operator: str
    detail: str
    function: Callable[..., Any]


def _operator(node: ast.AST) -> ast.AST | None:
    if isinstance(node, ast.BinOp) and type(node.op) in _SWAPPED:
        return ast.BinOp(node.left, _SWAPPED[type(node.op)](), node.right)
    return None


def _drop_minus(node: ast.AST) -> ast.AST | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return node.operand
    return None


def _constant(node: ast.AST) -> ast.AST | None:
    if (isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)):
        return ast.Constant(node.value + 1)
    return None


def _function(node: ast.AST) -> ast.AST | None:
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "math"
            and node.func.attr in _WRONG_FUNCTION):
        wrong = ast.Attribute(ast.Name("math", ast.Load()), _WRONG_FUNCTION[node.func.attr],
                              ast.Load())
        return ast.Call(wrong, node.args, node.keywords)
    return None


def _skip_first(node: ast.AST) -> ast.AST | None:
    """``range(n)`` becomes ``range(1, n)``: the loop loses its first term."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "range" and len(node.args) == 1):
        return ast.Call(node.func, [ast.Constant(1), node.args[0]], [])
    return None


def _fixed_index(node: ast.AST) -> ast.AST | None:
    """``q[y]`` becomes ``q[0]``: the entry of the label becomes the first entry."""
    if isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Constant):
        return ast.Subscript(node.value, ast.Constant(0), node.ctx)
    return None


OPERATORS: dict[str, Callable[[ast.AST], ast.AST | None]] = {
    "code_operator": _operator,
    "code_drop_minus": _drop_minus,
    "code_constant": _constant,
    "code_function": _function,
    "code_skip_first": _skip_first,
    "code_fixed_index": _fixed_index,
}


def code_changes(function: Callable[..., Any]) -> Iterator[CodeChange]:
    """Every single-place mutant of ``function``, in a fixed order (the syntax tree's)."""
    source = textwrap.dedent(inspect.getsource(function))
    tree = ast.parse(source)
    (definition,) = tree.body
    assert isinstance(definition, ast.FunctionDef)
    definition.decorator_list = []
    places = list(ast.walk(definition))
    for name, operator in OPERATORS.items():
        for position, node in enumerate(places):
            if operator(node) is None:
                continue
            mutant = copy.deepcopy(tree)
            target = list(ast.walk(mutant.body[0]))[position]
            replacement = operator(target)
            assert replacement is not None
            _replace(mutant, target, replacement)
            detail = (f"line {getattr(node, 'lineno', 0) - 1 + function.__code__.co_firstlineno}"
                      f": {ast.unparse(node)} -> {ast.unparse(replacement)}")
            yield CodeChange(name, detail, _compiled(mutant, function))


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(v is old for v in value):
                value[[v is old for v in value].index(True)] = new
                return
    raise ValueError("the node to replace is not in the tree")


def _compiled(tree: ast.Module, original: Callable[..., Any]) -> Callable[..., Any]:
    """The mutated function, defined in (a copy of) the original's module namespace."""
    ast.fix_missing_locations(tree)
    namespace = dict(original.__globals__)
    exec(compile(tree, f"<mutant of {original.__qualname__}>", "exec"), namespace)
    return namespace[original.__name__]


def mutant_implementation(impl: Implementation, change: CodeChange) -> Implementation:
    """``impl`` with its function replaced by the mutant (same expression, same arguments)."""
    return Implementation(change.function, equals=impl.equals, **dict(impl.arguments))


def implementation_sites(derivations: list[Derivation]) -> list[tuple[Derivation, int]]:
    """Every reference implementation of every derivation, as (derivation, number from 1)."""
    return [(d, n) for d in derivations for n in range(1, len(d.implementations) + 1)]
