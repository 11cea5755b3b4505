"""Reading one line of LaTeX math into SymPy, as written.

The grammar (``grammar.lark``) is LALR(1) and conflict-free (Lark's ``strict`` mode refuses it
otherwise); its terminals come from :class:`_Lexer`, which sorts the normal-form tokens of
``tokens.py`` by the document's :class:`~derivations.tex.vocabulary.Vocabulary`. The tree is
built *as written*: sums and products unevaluated, in the source's order, with the source's
brackets, fractions and short sums kept as :class:`Written` nodes, so that printing it back
(the round trip) shows exactly what was read. :func:`meaning` then turns it into the ordinary
SymPy expression the kernel checks.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import LarkError, UnexpectedInput, VisitError
from lark.lexer import Lexer
from sympy import (
    Abs,
    Add,
    Basic,
    Derivative,
    Dummy,
    E,
    Expr,
    IndexedBase,
    Integer,
    KroneckerDelta,
    Lambda,
    Mul,
    Pow,
    Product,
    S,
    Sum,
    Symbol,
    Tuple,
    ceiling,
    exp,
    floor,
    log,
    pi,
    preorder_traversal,
    sqrt,
)
from sympy.core.function import AppliedUndef

from derivations.language.notation import (
    KL,
    Argmax,
    Argmin,
    CrossEntropy,
    Entropy,
    OneHot,
    Optimum,
    Vector,
    XLogY,
    function_vector,
    hide_families,
    indexed_vector,
    named_function,
)
from derivations.render.printer import ProofPrinter, latex
from derivations.tex.tokens import NotRead, Tok, past, tokens
from derivations.tex.vocabulary import ACCENTS, GREEK, Family, Signature, Vocabulary

#: Tokens whose terminal does not depend on the declarations.
_FIXED = {
    "+": "PLUS", "-": "MINUS", "=": "REL", "<": "REL", ">": "REL", r"\le": "REL",
    r"\ge": "REL", "(": "LPAR", ")": "RPAR", "{": "LBRACE", "}": "RBRACE", "^": "SUP",
    "_": "SUB", ",": "COMMA", ";": "SEMI", r"\mid": "MID", r"\|": "PARALLEL",
    r"\cdot": "CDOT", r"\log": "LOG", r"\exp": "EXP", r"\sqrt": "SQRT", r"\frac": "FRAC",
    r"\partial": "PARTIAL", r"\sum": "BIGOP", r"\prod": "BIGOP", r"\dvargmax": "OPTIMUM",
    r"\dvargmin": "OPTIMUM", r"\dvKL": "KL", r"\substack": "SUBSTACK", "\\\\": "ROWSEP",
    r"\lceil": "LCEIL", r"\rceil": "RCEIL", r"\lfloor": "LFLOOR", r"\rfloor": "RFLOOR",
    r"\lvert": "LVERT", r"\rvert": "RVERT",
}


class Written(Expr):
    """A part of a line kept as the source wrote it, for the round trip: printed in the
    source's form, read by the kernel as :meth:`meaning`."""

    def meaning(self) -> Basic:
        raise NotImplementedError


class AsBracketed(Written):
    """``(x)``: the brackets the source wrote."""

    def _latex(self, printer: Any) -> str:
        return rf"\left({printer._print(self.args[0])}\right)"

    def meaning(self) -> Basic:
        return self.args[0]


class AsFraction(Written):
    """``\\frac{a}{b}`` as written (SymPy's printer would merge ``\\frac{1}{m} \\sum`` into one
    fraction)."""

    def _latex(self, printer: Any) -> str:
        a, b = (printer._print(x) for x in self.args)
        return rf"\frac{{{a}}}{{{b}}}"

    def meaning(self) -> Basic:
        return self.args[0] / self.args[1]


class AsShortSum(Written):
    """``\\sum_j x_j`` over the declared range of ``j``."""

    def _latex(self, printer: Any) -> str:
        body, var, _, _, kind = self.args
        return rf"{kind.name} _{{{printer._print(var)}}} {printer._print(body)}"

    def meaning(self) -> Basic:
        body, var, lo, hi, kind = self.args
        return (Sum if kind.name == r"\sum" else Product)(body, (var, lo, hi))


class AsSuperscript(Written):
    """``y^{(i)}``: an entry of a family that writes its index as a bracketed superscript."""

    def _latex(self, printer: Any) -> str:
        entry = self.args[0]
        label, index = printer._print(entry.base.label), printer._print(entry.indices[0])
        return rf"{label}^{{\left({index}\right)}}"

    def meaning(self) -> Basic:
        return self.args[0]


class AsDelta(Written):
    """``\\delta_{j,y}``: a Kronecker delta whose indices the source parted by a comma."""

    def _latex(self, printer: Any) -> str:
        return rf"\delta_{{{printer._print(self.args[0])},{printer._print(self.args[1])}}}"

    def meaning(self) -> Basic:
        return KroneckerDelta(*self.args)


class AsFamily(Written):
    """A family written alone, without its size: it may stand as an argument of a function
    (``\\operatorname{softmax}(z)_{j}``), nowhere else."""

    def _latex(self, printer: Any) -> str:
        return str(printer._print(self.args[0].label))

    def meaning(self) -> Basic:
        return self.args[0]


class AsOnes(Written):
    """``\\mathbf{1}``, the vector of ones: only in a shifted family, ``z + c\\,\\mathbf{1}``."""

    def _latex(self, printer: Any) -> str:
        return r"\mathbf{1}"

    def meaning(self) -> Basic:
        raise NotRead("the vector of ones stands only in a function's argument, as in "
                      "softmax(z + c 1)")


class AsShifted(Written):
    """``z + c\\,\\mathbf{1}`` (or ``-``): a declared family with one number added to every
    entry, as an argument of a declared function only (``softmax(z + c\\,\\mathbf{1})_{j}``).
    ``args``: the family, the shift as written, and the sign (1 or -1)."""

    def _latex(self, printer: Any) -> str:
        base, shift, sign = self.args
        return (f"{printer._print(base.label)} {'+' if sign == 1 else '-'} "
                rf"{printer._print(shift)}\,\mathbf{{1}}")

    def meaning(self) -> Basic:
        raise NotRead("a shifted family stands only as a function's argument")


class AsWeightedLog(Written):
    """``p_j \\log q_j`` in a document that declares the convention ``0 \\log 0 = 0``: the
    weights as written, then the log; it means ``XLogY(weights, q_j)``, zero where the weight
    is zero."""

    def _latex(self, printer: Any) -> str:
        weights, logarithm = self.args
        return f"{printer._print(weights)} {printer._print(logarithm)}"

    def meaning(self) -> Basic:
        weights, logarithm = self.args
        return XLogY(meaning(weights), meaning(logarithm.args[0]))


class AsVector(Written):
    """A declared vector applied to arguments, shown with its arguments as written."""

    def _latex(self, printer: Any) -> str:
        return str(printer._print(self.args[1]))

    def meaning(self) -> Basic:
        return self.args[0]


class AsMeasure(Written):
    """``H(p, q)``, ``H(p)`` or ``KL(p || q)`` of vectors shown as written."""

    def _latex(self, printer: Any) -> str:
        name, *vectors = self.args
        shown = [printer._print(v) for v in vectors]
        if name.name == "KL":
            return rf"\dvKL\left({shown[0]} \middle\| {shown[1]}\right)"
        return rf"H\left({', '.join(shown)}\right)"

    def meaning(self) -> Basic:
        name, *vectors = self.args
        given = [meaning(v) for v in vectors]
        if name.name == "KL":
            return KL(*given)
        return CrossEntropy(*given) if len(given) == 2 else Entropy(*given)


class AsRounded(Written):
    """``\\lceil x \\rceil`` or ``\\lfloor x \\rfloor``, with the braces the source put inside."""

    def _latex(self, printer: Any) -> str:
        body, kind, braced = self.args
        shown = printer._print(body)
        shown = f"{{{shown}}}" if braced else shown
        return rf"\lceil {shown} \rceil" if kind.name == "ceiling" else \
            rf"\lfloor {shown} \rfloor"

    def meaning(self) -> Basic:
        body, kind, _ = self.args
        return (ceiling if kind.name == "ceiling" else floor)(body)


class AsAbsolute(Written):
    """``\\left| x \\right|`` or ``\\lvert x \\rvert``, with the braces the source put
    inside (a bare ``|x|`` is not read: its bars are those of ``p(y | x)`` too)."""

    def _latex(self, printer: Any) -> str:
        body, braced = self.args
        shown = printer._print(body)
        return rf"\lvert {{{shown}}} \rvert" if braced else rf"\lvert {shown} \rvert"

    def meaning(self) -> Basic:
        return Abs(self.args[0])


class AsApplied(Written):
    """``\\log x``, ``\\log(x)``, ``\\exp(x)``: ``\\log`` or ``\\exp`` applied to the next factor,
    with or without brackets, as the source wrote it (the printer would choose its own brackets,
    and write ``e^{x}`` for ``\\exp x``). ``args``: the operand, the name, whether bracketed."""

    def _latex(self, printer: Any) -> str:
        operand, name, bracketed = self.args
        shown = printer._print(operand)
        return rf"{name.name}\left({shown}\right)" if bracketed else rf"{name.name} {shown}"

    def meaning(self) -> Basic:
        operand, name, _ = self.args
        return log(operand) if name.name == r"\log" else exp(operand)


class _AsWritten(ProofPrinter):
    """The project's printer, printing the sums and products of a row in the source's order,
    and never bracketing a :class:`Written` node again (it prints the brackets it has)."""

    def _needs_mul_brackets(self, expr: Expr, first: bool = False, last: bool = False) -> bool:
        if isinstance(expr, Written) or expr.is_Pow and isinstance(expr.base, Written):
            return False
        return super()._needs_mul_brackets(expr, first=first, last=last)

    def _print_Derivative(self, expr: Expr) -> str:
        """Always ``\\partial``: the grammar reads no other derivative."""
        saved = self._settings["diff_operator_latex"]
        self._settings["diff_operator_latex"] = r"\partial"
        try:
            return str(ProofPrinter.__mro__[1]._print_Derivative(self, expr))
        finally:
            self._settings["diff_operator_latex"] = saved

    def _print_Pow(self, expr: Expr) -> str:
        base, power = expr.args
        if isinstance(base, Written):
            return rf"{self._print(base)}^{{{self._print(power)}}}"
        return str(super()._print_Pow(expr))

    def parenthesize(self, item: Any, level: int, is_neg: bool = False,
                     strict: bool = False) -> str:
        if isinstance(item, Written):
            return str(self._print(item))
        return str(super().parenthesize(item, level, is_neg=is_neg, strict=strict))


def as_written(expr: Basic) -> str:
    """``expr``, a tree of :func:`read_row`, printed back for the round trip."""
    return str(_AsWritten({"terms": "sympy"}).doprint(expr))


def meaning(expr: Basic) -> Basic:
    """The ordinary SymPy expression a tree of :func:`read_row` stands for: every
    :class:`Written` node replaced by its meaning, every unevaluated operation evaluated. No
    Written node survives: the kernel must never see one (it would be an opaque symbol)."""
    meant = _meant(expr)
    if any(isinstance(node, Written) for node in preorder_traversal(meant)):
        raise NotRead(f"the reading of {expr} kept a part as written: not read")
    return meant


def _meant(expr: Basic) -> Basic:
    if isinstance(expr, Written):
        return _meant(expr.meaning())
    if isinstance(expr, Lambda):
        return Lambda(expr.variables, _meant(expr.expr))
    if not expr.args:
        return expr
    if isinstance(expr, Vector):  # its label (e_y) or entries may hold a part as written;
        # a display applied to a family (softmax(z)) is only shown: it is kept as it is
        shown, *rest = expr.args
        keep = isinstance(shown, AppliedUndef) and not any(
            isinstance(n, Written) for n in preorder_traversal(shown))
        return type(expr)(shown if keep else _meant(shown), *(_meant(a) for a in rest))
    args = [a if isinstance(a, AsShifted) and isinstance(expr, AppliedUndef) else _meant(a)
            for a in expr.args]
    if isinstance(expr, AppliedUndef) and any(isinstance(a, (IndexedBase, AsShifted))
                                              for a in args):
        return _at_families(expr.func, tuple(args))
    return expr.func(*args)


def _shown_alone(function: Any) -> Symbol:
    """The name that shows the vector of a function of one index (``\\hat{p}`` for the vector
    of the ``\\hat{p}_{j}``): a symbol printed as the function's name, which the audit of what
    is printed ties to the entries (their LaTeX is the name's with a subscript)."""
    return Symbol(function._template.split("_{{{0}}}")[0].replace("{{", "{").replace("}}", "}"))


#: a declared function at given families, by (function, each family argument's place)
_SPECIALISED: dict[tuple[Any, tuple[tuple[int, Basic], ...]], Any] = {}


def _at_families(function: Any, args: tuple[Basic, ...]) -> Basic:
    """``softmax(z)_j`` with ``z`` a declared family: a function of ``j`` alone, one for each
    family it is applied to (``softmax(z)`` and ``softmax(w)`` are two functions), printed as
    written. Its value depends on the family's entries only through its definition, which the
    kernel always unfolds; where no definition gives it, a derivative in an entry of the family
    is refused when the row is read (``_Build._derivative``). A shifted family
    (``softmax(z + c\\,\\mathbf{1})_{j}``) is likewise one function for each family and sign,
    of the shift and the other arguments."""

    def fixed_part(a: Basic) -> Basic:  # what is fixed of an argument: a family, its shift sign
        return Tuple(a.args[0], a.args[2]) if isinstance(a, AsShifted) else a

    fixed = tuple((n, fixed_part(a)) for n, a in enumerate(args)
                  if isinstance(a, (IndexedBase, AsShifted)))
    key = (function, fixed)
    values: list[Basic] = []  # the arguments left: the others, a shift in its family's place
    fields = iter(range(len(args)))
    shown: dict[int, str] = {}
    for n, a in enumerate(args):
        if isinstance(a, IndexedBase):
            shown[n] = latex(a).replace("{", "{{").replace("}", "}}")
        elif isinstance(a, AsShifted):
            label = latex(a.args[0].label).replace("{", "{{").replace("}", "}}")
            sign = "+" if a.args[2] == 1 else "-"
            shown[n] = rf"{label} {sign} {{{next(fields)}}}\,\mathbf{{{{1}}}}"
            values.append(_meant(a.args[1]))
        else:
            shown[n] = f"{{{next(fields)}}}"
            values.append(a)
    if key not in _SPECIALISED:
        template = "".join(
            text.replace("{", "{{").replace("}", "}}") + ("" if field is None else
                                                          shown[int(field)])
            for text, field, _, _ in string.Formatter().parse(function._template))
        name = f"{function}_at_" + "_".join(
            str(a.args[0] if isinstance(a, Tuple) else a.label) + (
                ("_plus" if a.args[1] == 1 else "_minus") if isinstance(a, Tuple) else "")
            for _, a in fixed)
        name = re.sub(r"[^A-Za-z0-9_]+", "_", name)
        _SPECIALISED[key] = named_function(name, template,
                                           **function._explicit_class_assumptions)
        hide_families(_SPECIALISED[key], frozenset(
            a.args[0] if isinstance(a, Tuple) else a for _, a in fixed))
    return _SPECIALISED[key](*values)




class _Lexer(Lexer):
    """Feeds the parser the terminals of a list of normal-form tokens."""

    def __init__(self, conf: Any) -> None:
        pass

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        yield from data


def terminals(toks: list[Tok], vocabulary: Vocabulary, payloads: list[Any]) -> list[Token]:
    """Sort ``toks`` into the grammar's terminals; what each stands for goes to ``payloads``
    (a terminal's value is its index there)."""
    out: list[Token] = []
    names = vocabulary.names()
    n = 0

    here = [False]  # whether an explicit space stands before the token being sorted

    def emit(kind: str, payload: Any, spelling: str) -> None:
        payloads.append((payload, spelling, here[0]))
        here[0] = False
        out.append(Token(kind, str(len(payloads) - 1)))

    texts = [t.text for t in toks]
    while n < len(texts):
        here[0] = toks[n].spaced
        found = next(((key, kind) for key, kind in names
                      if tuple(texts[n:n + len(key)]) == key
                      and (kind != "ONEHOT" or texts[n + len(key):n + len(key) + 1] == ["_"])
                      and (kind != "VECTOR" or key[-1] != ")"
                           or texts[n + len(key):n + len(key) + 1] != ["_"])),
                     None)  # e is the one-hot vector in e_y only: e^{x} is the exponential;
        # softmax(z) is the vector, softmax(z)_{j} its entry
        if found and found[1] == "FUNC" and found[0] in vocabulary.vectors \
                and texts[n + len(found[0]):n + len(found[0]) + 1] != ["_"]:
            found = (found[0], "VECTOR")  # q(x; \theta) or q, the vector of the q_{j}(...)
        if found and len(found[0]) == 1 and texts[n + 1:n + 3] == ["^", "*"]:
            found = None  # q^{*} is a symbol of its own, beside a declared q
        if found:
            key, kind = found
            spelling = " ".join(key)
            n += len(key)
            if kind == "SYMBOL":
                emit(kind, vocabulary.symbols[key], spelling)
            elif kind == "FAMILY":
                family = vocabulary.families[key]
                emit(kind, family, spelling)
                if family.style == "sup" and texts[n:n + 3] == ["^", "{", "("]:
                    emit("SUPINDEX", None, "^{(")
                    n += 3
            elif kind == "VECTOR":
                named = vocabulary.vectors[key]
                emit("VECTOR_A" if named.placeholders else "VECTOR", named, spelling)
            elif kind == "FUNC":
                if not vocabulary.functions[key]:
                    raise NotRead(f"{spelling} is a function whose declaration was refused "
                                  "(its line says why)")
                signatures = _by_shape(vocabulary.functions[key], texts, n)
                shape = signatures[0].shape if signatures else ""
                if not signatures:  # a function of one index, standing as the vector of all
                    vector = next((s for s in vocabulary.functions[key] if s.size is not None),
                                  None)
                    if vector is None:
                        raise NotRead(f"{spelling!r} is a declared function but is not "
                                      "followed by its arguments here")
                    emit("FAMILY", vector, spelling)
                    continue
                emit("FUNC" if shape == "A" else f"FUNC_{shape}", signatures, spelling)
                if shape == "US" and texts[n:n + 3] == ["^", "{", "("]:
                    emit("SUPINDEX", None, "^{(")
                    n += 3
            else:
                emit(kind, vocabulary.onehot[key], spelling)
            continue
        t = texts[n]
        following = texts[n + 1] if n + 1 < len(texts) else ""
        if t in _FIXED:
            emit(_FIXED[t], t, t)
        elif t.isdigit():
            emit("NUMBER", Integer(t), t)
        elif t == "e":
            emit("EULER", E, t)
        elif t == "H" and following == "(":
            emit("ENTROPY", None, t)
        elif t == r"\pi":
            emit("PI", pi, t)
        elif t == r"\delta" and following == "_":
            emit("DELTA", None, t)
        elif ((len(t) == 1 and t.isalpha() and t.isascii()) or t in GREEK) \
                and texts[n + 1:n + 3] == ["^", "*"]:
            spelling = f"{t}^*"  # q^{*}: a symbol of its own, an optimum
            emit("SYMBOL", vocabulary.automatic_symbol(spelling), spelling)
            n += 2
        elif ((len(t) == 1 and t.isalpha() and t.isascii()) or t in GREEK) and following == "_":
            raise NotRead(f"{t}_{{...}}: {t} is not declared as a family or a function, so its "
                          "subscript cannot be read (declare 'family " f"{t}_{{j}}' or a function)")
        elif (len(t) == 1 and t.isalpha() and t.isascii()) or t in GREEK:
            emit("SYMBOL", vocabulary.automatic_symbol(t), t)
        elif t == r"\mathbf" and following == "1":
            emit("ONES", None, r"\mathbf{1}")
            n += 1
        elif t in ACCENTS and (following in GREEK or (len(following) == 1
                                                       and following.isalpha())):
            spelling = f"{t}{{{following}}}"
            emit("SYMBOL", vocabulary.automatic_symbol(spelling), spelling)
            n += 1
        elif t == "\\mathrm" and following == "{":
            raise NotRead(f"{_upto(texts, n)!r} names something that is not declared")
        else:
            raise NotRead(f"{t!r} is not in the declared subset of LaTeX "
                          f"(at {_upto(texts, n)!r})")
        n += 1
    return out


def _by_shape(signatures: list, texts: list[str], n: int) -> list:
    """The signatures of a declared function whose shape the tokens after its name at ``n``
    have: a bracket or a subscript first, and after a bracket, a subscript or not. []: no
    argument follows (the function stands alone)."""
    def after_group(m: int) -> int:
        return past(texts, m)

    def after_bracket(m: int) -> int:
        return past(texts, m, ("(", ")"))

    nxt = texts[n] if n < len(texts) else ""
    if nxt == "(":
        wanted = "AS" if texts[after_bracket(n):after_bracket(n) + 1] == ["_"] else "A"
    elif nxt == "_":
        wanted = "SA" if texts[after_group(n + 1):after_group(n + 1) + 1] == ["("] else "S"
    elif texts[n:n + 3] == ["^", "{", "("]:
        wanted = "US"
    else:
        return []
    found = [s for s in signatures if s.shape == wanted]
    if not found and wanted in ("AS", "SA"):  # f_{j}(x) with f declared f_{j} only: f_{j},
        fallback = {"AS": "A", "SA": "S"}[wanted]  # then a bracket (refused as ambiguous)
        found = [s for s in signatures if s.shape == fallback]
    return found or [signatures[0]]


def _upto(texts: list[str], n: int) -> str:
    return " ".join(texts[max(0, n - 6):n + 4])


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = (Path(__file__).parent / "grammar.lark").read_text(encoding="utf-8")
    return Lark(grammar, start="row", parser="lalr", strict=True, lexer=_Lexer)


def read_row(source: str, vocabulary: Vocabulary) -> list[tuple[str | None, Basic]]:
    """The parts of one row of an ``align*``: each expression with the relation before it
    (None for a row's first expression when it has none), as written (see :func:`meaning`)."""
    toks = tokens(source)
    if not toks:
        return []
    payloads: list[Any] = []
    stream = terminals(toks, vocabulary, payloads)
    try:
        tree = _parser().parse(stream)
    except UnexpectedInput as exc:
        token = getattr(exc, "token", None)
        if token is None or token.type == "$END":
            raise NotRead("the line ends too early (an operand or a bracket is missing)") \
                from None
        spelling = payloads[int(token)][1] if str(token).isdigit() else str(token)
        raise NotRead(f"cannot read {spelling!r} here (after "
                      f"{' '.join(p[1] for p in payloads[:int(token)][-6:])!r})") from None
    except LarkError as exc:  # pragma: no cover - the grammar is built when first used
        raise NotRead(f"the grammar failed: {exc}") from None
    _mark_separated(tree, payloads)
    try:
        parts: list[tuple[str | None, Basic]] = _Build(payloads, vocabulary).transform(tree)
    except VisitError as exc:
        if isinstance(exc.orig_exc, NotRead):
            raise exc.orig_exc from None
        raise NotRead(f"cannot read it: {type(exc.orig_exc).__name__}: {exc.orig_exc}") \
            from None
    for _, side in parts:
        _family_only_as_argument(side, None)
    return parts


def _family_only_as_argument(expr: Basic, parent: Basic | None) -> None:
    """Refuse a family written alone (:class:`AsFamily`) anywhere but as an argument of a
    declared function, and a vector anywhere but as an argument of H or KL."""
    if isinstance(expr, AsFamily) and not isinstance(parent, AppliedUndef):
        _operands(expr)
    if isinstance(expr, AsShifted) and not isinstance(parent, AppliedUndef):
        raise NotRead("a shifted family (z + c 1) stands only as an argument of a declared "
                      "function")
    if isinstance(expr, AsOnes):
        raise NotRead("the vector of ones stands only in a shifted family, z + c\\,\\mathbf{1}, "
                      "as an argument of a declared function")
    if isinstance(expr, AsShifted):
        return
    if isinstance(expr, (Vector, AsVector)) and not isinstance(
            parent, (CrossEntropy, Entropy, KL, AsMeasure)):
        raise NotRead("a vector stands only as an argument of H or KL")
    if isinstance(expr, (Vector, Lambda, AsVector)):
        return
    for arg in expr.args:
        _family_only_as_argument(arg, expr)


def _first_token(node: Any) -> Token | None:
    while isinstance(node, Tree):
        if not node.children:
            return None
        node = node.children[0]
    return node if isinstance(node, Token) else None


def _mark_separated(tree: Tree, payloads: list[Any]) -> None:
    """Put a SEPARATED token before each factor of a product that the source set apart from
    the factor before it by an explicit space or ``\\cdot`` (``\\lambda\\,(a + b)``): the reader
    takes only such a product as a product where the PDF could show something else (a function
    applied to a bracket, a log of two factors)."""
    for node in tree.iter_subtrees():
        if node.data not in ("factors", "product") or len(node.children) < 2:
            continue
        last = node.children[-1]
        before = node.children[-2]
        first = _first_token(last)
        spaced = isinstance(before, Token) and before.type == "CDOT" or (
            first is not None and str(first).isdigit() and payloads[int(first)][2])
        if spaced:
            node.children.insert(len(node.children) - 1, Token("SEPARATED", "-1"))


@v_args(inline=True)
class _Build(Transformer):
    """The tree as written (see the module's docstring)."""

    def __init__(self, payloads: list[Any], vocabulary: Vocabulary) -> None:
        super().__init__()
        self.payloads = payloads
        self.vocabulary = vocabulary

    def _value(self, token: Token) -> Any:
        return self.payloads[int(token)][0]

    def _spelling(self, token: Token) -> str:
        return str(self.payloads[int(token)][1])

    # a row
    def chain(self, *items: Any) -> list[tuple[str | None, Basic]]:
        out: list[tuple[str | None, Basic]] = []
        relation = None
        for item in items:
            if isinstance(item, Token):
                relation = self._spelling(item)
            else:
                out.append((relation, item))
                relation = None
        return out

    # sums and products
    def add(self, a: Basic, _: Token, b: Basic) -> Basic:
        return _shifted(a, b, 1) or Add(*_operands(a, b), evaluate=False)

    def sub(self, a: Basic, _: Token, b: Basic) -> Basic:
        return _shifted(a, b, -1) or Add(*_operands(a, Mul(-1, *_operands(b), evaluate=False)),
                                         evaluate=False)

    def neg(self, _: Token, a: Basic) -> Basic:
        if a.is_Number:  # -1: a negative number, as the printer writes it
            return -a
        return Mul(-1, *_operands(a), evaluate=False)

    def body(self, a: Basic) -> Basic:
        return a

    def factors(self, *items: Any) -> list[tuple[Basic, str]]:
        """The factors of a product, each with how the source set it apart from the one before:
        ``"cdot"``, ``"space"`` (an explicit space command) or ``""``."""
        out: list[tuple[Basic, str]] = []
        separated = ""
        for item in items:
            if isinstance(item, list):
                out.extend(item)
            elif isinstance(item, Token):
                separated = "cdot" if item.type == "CDOT" or separated == "cdot" else (
                    "space" if item.type == "SEPARATED" else separated)
            else:
                out.append((item, separated))
                separated = ""
        return out

    def product(self, *items: Any) -> Basic:
        flat = self.factors(*items)
        for (before, _), (after, separated) in zip(flat, flat[1:], strict=False):
            if separated != "cdot" and _numeral(before) and _numeral(_leading(after)):
                raise NotRead(f"{as_written(before)} {as_written(after)} shows as one number "
                              "(23, or the mixed number 2 1/2); write \\cdot between factors "
                              "that are numbers")
            if isinstance(before, Derivative):
                raise NotRead(f"{as_written(before)} {as_written(after)} is ambiguous: does the "
                              "derivative apply to the whole product? Bracket what it applies "
                              "to, or the derivative itself")
            if isinstance(before, AsApplied) and not before.args[2]:
                raise NotRead(f"{as_written(before)} {as_written(after)} is ambiguous: does the "
                              "operator apply to both factors? Write brackets around what it "
                              "applies to")
            if isinstance(after, AsBracketed) and not separated and not (
                    before.is_Number or isinstance(before, (AsBracketed, AsFraction))):
                raise NotRead(f"{as_written(before)}(...) reads as a function applied to the "
                              "bracket; declare it as a function, or write \\, or \\cdot "
                              "between the factors if it is a product")
        values = [v for v, _ in flat]
        if self.vocabulary.xlogy and len(values) > 1 and isinstance(values[-1], AsApplied) \
                and values[-1].args[1].name == r"\log":
            weights = values[0] if len(values) == 2 else Mul(*_operands(*values[:-1]),
                                                             evaluate=False)
            return AsWeightedLog(*_operands(weights), values[-1])
        return values[0] if len(values) == 1 else Mul(*_operands(*values), evaluate=False)

    # big operators
    def bigop(self, op: Token, bounds: Any, body: Basic) -> Basic:
        kind = self._spelling(op)
        if isinstance(bounds, tuple):  # \sum_j over the declared range of j
            var, lo, hi = bounds
            return AsShortSum(body, var, lo, hi, Symbol(kind))
        return (Sum if kind == r"\sum" else Product)(body, *bounds)

    def optimum(self, op: Token, _: Token, variable: Basic, body: Basic) -> Basic:
        if not isinstance(variable, Symbol):
            raise NotRead(f"the variable of {self._spelling(op)} must be one symbol, "
                          f"not {variable}")
        return (Argmax if self._spelling(op) == r"\dvargmax" else Argmin)(body, variable)

    def from_to(self, _s: Token, _l: Token, var: Token, rel: Token, lo: Basic, _r: Token,
                _u: Token, hi: Basic) -> list[tuple[Basic, Basic, Basic]]:
        if self._spelling(rel) != "=":
            raise NotRead(f"a sum's lower limit reads 'j = 1', not {self._spelling(rel)!r}")
        return [(self._value(var), lo, hi)]

    def over_declared(self, _: Token, var: Token) -> tuple[Basic, Basic, Basic]:
        symbol = self._value(var)
        found = self.vocabulary.ranges.get(symbol)
        if found is None:
            raise NotRead(f"the sum over {self._spelling(var)} has no limits and no range "
                          f"is declared for {self._spelling(var)} (declare 'index "
                          f"{self._spelling(var)} \\in \\{{1, \\dots, k\\}}')")
        return (symbol, *found)

    def substack(self, *items: Any) -> list[tuple[Basic, Basic, Basic]]:
        ranges = next(i for i in items if isinstance(i, list))
        names = [v for v, _, _ in ranges]
        if len(set(names)) != len(names):
            raise NotRead("one index twice under \\substack: the page shows one sum")
        return ranges

    def ranges(self, *items: Any) -> list[tuple[Basic, Basic, Basic]]:
        return [i for i in items if isinstance(i, tuple)]

    def range(self, lo: Basic, rel1: Token, var: Token, rel2: Token,
              hi: Basic) -> tuple[Basic, Basic, Basic]:
        if self._spelling(rel1) != r"\le" or self._spelling(rel2) != r"\le":
            raise NotRead("a range under \\substack reads 'lo \\le j \\le hi'")
        return (self._value(var), lo, hi)

    # powers and scripts
    def power(self, base: Basic, _: Token, exponent: Basic) -> Basic:
        if isinstance(exponent, AsBracketed):
            raise NotRead(f"{as_written(base)}^{{({as_written(exponent.args[0])})}} reads as an "
                          "index in most texts; declare a family written with a bracketed "
                          "superscript, or write the power without the brackets")
        return Pow(base, exponent, evaluate=False)

    def script(self, _l: Token, expr: Basic, _r: Token) -> Basic:
        return expr

    def script_atom(self, token: Token) -> Basic:
        return self._value(token)

    def script_pair(self, _l: Token, a: Basic, _c: Token, b: Basic, _r: Token) -> tuple:
        return (a, b)

    # derivatives
    def deriv(self, _f: Token, _p: Token, _l2: Token, dens: list, _r2: Token,
              operand: Basic) -> Basic:
        return self._derivative(operand, dens)

    def _derivative(self, operand: Basic, dens: list) -> Basic:
        """A derivative, refused where its reading could be 0 while the page means a
        dependence: an undeclared name in the operand (``\\partial L / \\partial z``: is L a
        constant?), or a family standing whole as an argument (``softmax(z)``, whose entries
        the kernel cannot see)."""
        variables = {v for v, _ in dens}
        automatic = set(self.vocabulary.automatic.values())
        for node in preorder_traversal(operand):
            if node in automatic and node not in variables \
                    and node.name not in self.vocabulary.implied:  # assumed of: declared
                raise NotRead(f"{node} is not declared, so the derivative reads it as a constant; "
                              "declare it (a symbol, or a function of the variable)")
            if isinstance(node, (AsFamily, AsShifted)) and any(
                    getattr(v, "base", None) == node.args[0] for v in variables):
                raise NotRead(f"{node.args[0].label} stands whole as an argument: the derivative "
                              "in one of its entries cannot be read")
        return Derivative(operand, *dens)

    def deriv_n(self, _f: Token, _l: Token, _p: Token, _s: Token, order: Basic, _r: Token,
                _l2: Token, dens: list, _r2: Token, operand: Basic) -> Basic:
        total = sum(n for _, n in dens)
        if order != total:
            raise NotRead(f"the derivative's order {order} is not the number of variables "
                          f"below it ({total})")
        return self._derivative(operand, dens)

    def dens(self, *items: Any) -> list:
        return list(reversed(items))

    def den(self, _: Token, variable: Basic) -> tuple:
        return (variable, 1)

    def den_power(self, _: Token, variable: Basic, _s: Token, n: Basic) -> tuple:
        return (variable, n)

    # atoms
    def symbol(self, token: Token) -> Basic:
        return self._value(token)

    def number(self, token: Token) -> Basic:
        return self._value(token)

    def euler(self, token: Token) -> Basic:
        return E

    def pi(self, token: Token) -> Basic:
        return pi

    def paren(self, _l: Token, expr: Basic, _r: Token) -> Basic:
        return AsBracketed(expr)

    def entries(self, _l: Token, *items: Any) -> Basic:
        values = [i for i in items if not isinstance(i, Token)]
        j = Dummy("j", integer=True)
        return Vector(Tuple(*values), Lambda(j, Add(*(v * KroneckerDelta(j, n + 1)
                                                       for n, v in enumerate(values)))),
                      len(values))

    def frac(self, _f: Token, a: Basic, b: Basic) -> Basic:
        lead_a, lead_b = _leading(a), _leading(b)
        if isinstance(lead_a, Symbol) and lead_a.name == "d" and lead_a == lead_b:
            raise NotRead("\\frac{d}{dx} reads as a derivative, but d here is a symbol; write "
                          "\\frac{\\partial}{\\partial x}")
        return AsFraction(a, b)

    def rounded(self, opening: Token, *items: Any) -> Basic:
        body = next(i for i in items if not isinstance(i, Token))
        braced = any(isinstance(i, Token) and i.type == "LBRACE" for i in items)
        kind = "ceiling" if opening.type == "LCEIL" else "floor"
        return AsRounded(body, Symbol(kind), S.true if braced else S.false)

    def absolute(self, _l: Token, *items: Any) -> Basic:
        body = next(i for i in items if not isinstance(i, Token))
        braced = any(isinstance(i, Token) and i.type == "LBRACE" for i in items)
        return AsAbsolute(body, S.true if braced else S.false)

    def ones(self, _: Token) -> Basic:
        return AsOnes()

    def sqrt(self, _s: Token, a: Basic) -> Basic:
        return sqrt(a, evaluate=False)

    def log(self, _: Token, arg: Basic) -> Basic:
        return _applied(r"\log", arg)

    def exp(self, _: Token, arg: Basic) -> Basic:
        return _applied(r"\exp", arg)

    def entry_sub(self, family: Token, _: Token, index: Any) -> Basic:
        f: Family = self._value(family)
        if f.style != "sub":
            raise NotRead(f"{self._spelling(family)} is declared with a superscript index "
                          f"({self._spelling(family)}^{{(i)}}), not a subscript")
        if isinstance(index, Mul) and sum(not a.is_Number for a in index.args) > 1:
            raise NotRead(f"{self._spelling(family)}_{{{as_written(index)}}}: one index that is "
                          "a product, or two indices? A family has one index here: bracket a "
                          "product, (a b)")
        indices = index if isinstance(index, tuple) else (index,)
        if len(indices) != f.rank:
            raise NotRead(f"{self._spelling(family)} has {f.rank} "
                          f"{'index' if f.rank == 1 else 'indices'}, not {len(indices)}")
        return f.base[indices]

    def entry_sup(self, family: Token, _: Token, index: Basic, _r: Token, _b: Token) -> Basic:
        return AsSuperscript(self._value(family).base[index])

    def family(self, token: Token) -> Basic:
        f = self._value(token)
        if isinstance(f, Signature):  # softmax_{j} standing alone: the vector of its values
            return function_vector(f.function, _shown_alone(f.function), f.size)
        if f.size is None:  # the family as an argument of a function (softmax(z)) only
            return AsFamily(f.base)
        return indexed_vector(f.base, f.size)

    def apply_s(self, func: Token, _s: Token, index: Basic) -> Basic:
        return self._value(func)[0].function(index)

    def apply_sa(self, func: Token, _s: Token, index: Basic, _l: Token, args: Any,
                 _r: Token) -> Basic:
        return self._applied(func, args, before=(index,))

    def apply_as(self, func: Token, _l: Token, args: Any, _r: Token, _s: Token,
                 index: Basic) -> Basic:
        return self._applied(func, args, after=(index,))

    def apply_us(self, func: Token, _u: Token, upper: Basic, _r: Token, _b: Token, _s: Token,
                 index: Basic) -> Basic:
        return self._value(func)[0].function(upper, index)

    def apply(self, func: Token, _l: Token, args: Any, _r: Token) -> Basic:
        return self._applied(func, args)

    def _applied(self, func: Token, args: Any, before: tuple = (), after: tuple = ()) -> Basic:
        values = [a for a in args if not isinstance(a, str)]
        separators = tuple(a for a in args if isinstance(a, str))
        for signature in self._value(func):
            if signature.separators == separators:
                return signature.function(*before, *values, *after)
        shapes = " or ".join(f"({', '.join(s.separators) or 'one argument'})"
                             for s in self._value(func))
        raise NotRead(f"{self._spelling(func)} is declared with separators {shapes}, "
                      f"not ({', '.join(separators) or 'one argument'})")

    def args(self, *items: Any) -> list:
        return list(items)

    def sep(self, token: Token) -> str:
        return self._spelling(token)

    def kronecker(self, _d: Token, _s: Token, index: Any) -> Basic:
        if isinstance(index, tuple):
            return AsDelta(*index)
        if isinstance(index, Mul) and len(index.args) == 2:
            a, b = index.args
        else:
            raise NotRead(f"\\delta_{{...}} takes two indices, not {index}")
        return KroneckerDelta(a, b, evaluate=False)

    def vector(self, token: Token) -> Basic:
        v = self._value(token)
        return Vector(v.shown, Lambda(v.index, v.entry), v.size)

    def vector_applied(self, token: Token, _l: Token, args: Any, _r: Token) -> Basic:
        v = self._value(token)
        values = [a for a in args if not isinstance(a, str)]
        separators = tuple(a for a in args if isinstance(a, str))
        if separators != v.separators:
            raise NotRead(f"{self._spelling(token)} is declared with separators "
                          f"({', '.join(v.separators)}), not ({', '.join(separators)})")
        meant = [meaning(a) for a in values]
        entry = v.entry.xreplace(dict(zip(v.placeholders, meant, strict=True)))
        return AsVector(Vector(v.shown(*meant), Lambda(v.index, entry), v.size),
                        v.shown(*values))

    def onehot(self, token: Token, _: Token, label: Basic) -> Basic:
        return OneHot(label, self._value(token))

    def kl(self, _k: Token, _l: Token, p: Basic, _m: Token, q: Basic, _r: Token) -> Basic:
        return _measure("KL", p, q)

    def entropy(self, _h: Token, _l: Token, p: Basic, _r: Token) -> Basic:
        return _measure("H", p)

    def cross_entropy(self, _h: Token, _l: Token, p: Basic, _c: Token, q: Basic,
                      _r: Token) -> Basic:
        return _measure("H", p, q)


def _shifted(family: Basic, shift: Basic, sign: int) -> Basic | None:
    """``z + c\\,\\mathbf{1}`` as an :class:`AsShifted`, or None when the sum is not of that
    form (a family plus a number times the vector of ones)."""
    if not isinstance(family, AsFamily):
        return None
    factors = list(shift.args) if isinstance(shift, Mul) else [shift]
    if not factors or not isinstance(factors[-1], AsOnes):
        return None
    amount = Mul(*factors[:-1], evaluate=False) if len(factors) > 2 else (
        factors[0] if len(factors) == 2 else S.One)
    _operands(amount)
    if any(isinstance(n, (AsOnes, AsFamily)) for n in preorder_traversal(amount)):
        return None
    return AsShifted(family.args[0], amount, Integer(sign))


def _operands(*values: Basic) -> tuple[Basic, ...]:
    """``values``, refused if one is not a number: a vector or an arg max/arg min stands only
    where the grammar puts it (an argument of H or KL; a whole side)."""
    for v in values:
        if isinstance(v, AsVector):
            raise NotRead("a vector stands only as an argument of H or KL here")
        if isinstance(v, AsFamily):
            raise NotRead(f"{v.args[0].label} stands alone here, as a whole vector: declare its "
                          f"size ('family {v.args[0].label}_{{j}} for j \\in \\{{1, \\dots, "
                          "k\\}'), or write one of its entries")
        if isinstance(v, Vector):
            raise NotRead("a vector stands only as an argument of H or KL here")
        if isinstance(v, Optimum):
            raise NotRead("an arg max or arg min stands only as a whole side of a relation; "
                          "bracket its objective")
    return values


def _numeral(expr: Basic) -> bool:
    """A number, or a fraction of numbers, as written."""
    if isinstance(expr, AsFraction):
        return all(_numeral(a) for a in expr.args)
    return bool(expr.is_Number)


def _leading(expr: Basic) -> Basic:
    """The first factor of a product as written, or the expression itself."""
    return expr.args[0] if isinstance(expr, Mul) and expr.args else expr


def _applied(name: str, arg: Basic) -> Basic:
    if arg.is_Pow and isinstance(arg.args[0], AsBracketed):
        raise NotRead(f"{name}(...)^{{...}}: the power of the operator, or of its argument? "
                      f"Write \\left({name}(...)\\right)^{{...}} or {name}\\left((...)^{{...}}"
                      "\\right)")
    bracketed = isinstance(arg, AsBracketed)
    return AsApplied(arg.args[0] if bracketed else arg, Symbol(name), S.true if bracketed
                   else S.false)


def _measure(name: str, *vectors: Basic) -> Basic:
    """``H(p, q)``, ``H(p)`` or ``KL(p || q)``; kept as written when a vector is (a declared
    vector applied to its arguments prints them as written)."""
    given = [_vector(v) for v in vectors]
    kind = KL if name == "KL" else (CrossEntropy if len(given) == 2 else Entropy)
    if not any(isinstance(v, AsVector) for v in given):
        return kind(*given)
    return AsMeasure(Symbol(name), *given)


def _vector(x: Basic) -> Basic:
    if isinstance(x, AsVector):
        return x
    if isinstance(x, AsFamily):
        _operands(x)
    if not isinstance(x, Vector):
        raise NotRead(f"H and KL take vectors (a declared family or a one-hot e_y), not {x}")
    return x
