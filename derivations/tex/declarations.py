"""The declaration block of a document: what its symbols are, and what it assumes.

Each declaration is a LaTeX comment line that starts with ``%dv`` (so it never shows in the
PDF), a keyword, and LaTeX math read by the same reader as the chains::

    %dv size m, k
    %dv index i \\in \\{1, \\dots, m\\}
    %dv label y \\in \\{1, \\dots, k\\}
    %dv family q_{j} for j \\in \\{1, \\dots, k\\}
    %dv family y^{(i)}
    %dv parameter \\theta
    %dv function p_{\\mathrm{model}}(o; \\theta)
    %dv vector u = \\frac{1}{k} for j \\in \\{1, \\dots, k\\}
    %dv onehot e_{y} for y \\in \\{1, \\dots, k\\}
    %dv assume q_{j} > 0
    %dv define \\sigma(t) = \\frac{1}{1 + e^{-t}}
    %dv simplex p_{j} for j \\in \\{1, \\dots, k\\}
    %dv convention 0 \\log 0 = 0

An ``index`` is a summation variable: an integer, whose declared range lets a sum be written
``\\sum_i``; a ``label`` is an integer the chains use free, and its range is a hypothesis (as
``y_{i} \\in \\{1, \\dots, k\\}`` is, for every entry of a family). ``assume`` takes
``x > 0``, ``x \\ge 0``, ``x \\in \\mathbb{R}``, ``0 < x < 1`` or ``y_{i} \\in \\{1, \\dots,
k\\}``, about a symbol, every entry of a family (``q_{j}`` with ``j`` a bare
symbol) or every value of a function (``p(o; \\theta)``). What a hypothesis lets SymPy assume
(``q_j > 0``: positive) is given to its symbol, family or function and to nothing else, as the
Python API does: the declarations are read twice, the second time with those assumptions.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sympy import Basic, Expr, IndexedBase, Lambda, Symbol
from sympy.core.function import AppliedUndef

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
    pattern_variables,
)
from derivations.language.notation import hidden_families, named_function
from derivations.render.printer import latex
from derivations.tex.reader import AsSuperscript, meaning, read_row
from derivations.tex.tokens import NotRead, normal, tokens
from derivations.tex.vocabulary import ACCENTS, GREEK, Family, NamedVector, Signature, Vocabulary

KEYWORDS = ("size", "index", "label", "family", "parameter", "function", "vector", "onehot",
            "assume", "define", "simplex", "convention")


@dataclass(frozen=True)
class Declaration:
    """One ``%dv`` line: its keyword, its text after the keyword, and where it stands."""

    keyword: str
    text: str
    line: int


@dataclass
class Declared:
    """What a document's declarations give: the reader's vocabulary and the hypotheses."""

    vocabulary: Vocabulary
    hypotheses: list[Hypothesis] = field(default_factory=list)
    #: the declarations that could not be used: (line, why); the others still hold
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: the summation indices and their declared ranges
    indices: list[tuple[Symbol, Expr, Expr]] = field(default_factory=list)


_RANGE = re.compile(
    r"^(?P<var>.+?)\s*\\in\s*\\\{(?P<lo>.+?),\s*\\(?:l|c)?dots\s*,(?P<hi>.+)\\\}$")
_LISTED = re.compile(r"^(?P<var>.+?)\s*\\in\s*\\\{(?P<values>[^\\{}]+)\\\}$")
_FOR = re.compile(r"^(?P<pattern>.+?)\s+for\s+(?P<range>.+)$")


def declare(declarations: list[Declaration]) -> Declared:
    """The vocabulary and hypotheses of ``declarations`` (see the module's docstring)."""
    first = _Pass(declarations, {}).run()
    implied: dict[str, set[str]] = defaultdict(set)
    for h in first.hypotheses:
        implied[_owner_name(h.owner)] |= set(h.implies)
    return _Pass(declarations, implied).run(final=True)


def _owner_name(owner: Basic) -> str:
    if isinstance(owner, IndexedBase):
        return f"family:{owner.label}"
    if isinstance(owner, Symbol):
        return f"Symbol:{owner.name}"
    return f"function:{owner}"


def _symbol_name(spelling: str) -> str:
    """The SymPy name of a declared symbol: ``theta`` for ``\\theta`` (SymPy prints it back
    as ``\\theta``), the spelling with its braces otherwise (``\\mathbf{\\theta}``)."""
    if spelling in GREEK:
        return spelling[1:]
    return spelling


def _braced(toks: list[str]) -> str:
    """LaTeX for normal-form tokens: the argument of an accent or a script braced
    (``\\mathbf{\\theta}``, ``p_{j}``), a space only where a command meets a letter."""
    out: list[str] = []
    for n, t in enumerate(toks):
        if n and toks[n - 1] in (*ACCENTS, r"\mathrm", "_", "^") and t != "{":
            t = "{" + t + "}"
        elif out and t[0].isalpha() and out[-1][-1:].isalpha() and out[-1].startswith("\\"):
            t = " " + t
        out.append(t)
    return "".join(out)


class _Pass:
    """One reading of the declarations, with the assumptions found by the previous one."""

    def __init__(self, declarations: list[Declaration], implied: dict[str, set[str]]) -> None:
        self.declarations = declarations
        self.implied = implied
        self.vocabulary = Vocabulary(implied={
            key.split(":", 1)[1]: {a: True for a in sorted(v)}
            for key, v in implied.items() if key.startswith("Symbol:")})
        self.hypotheses: list[Hypothesis] = []
        #: the summation indices and their ranges, shown in the report
        self.indices: list[tuple[Symbol, Expr, Expr]] = []
        #: the names of declared vectors (a function of the same name is named apart)
        self.vector_names: set[tuple[str, ...]] = set()
        for d in declarations:
            if d.keyword == "vector":
                try:  # (a vector declaration that cannot be read says so when it is read)
                    name = re.split(r"[=(]", d.text, maxsplit=1)[0]
                    self.vector_names.add(tuple(t.text for t in tokens(name)))
                except NotRead:
                    pass

    def assumptions(self, key: str) -> dict[str, bool]:
        """The assumptions the hypotheses give ``key``, fewest that imply them all (``real``,
        not ``real`` and ``finite``): SymPy takes two symbols of one name and the same facts
        for one, and its caches may then hand back either, whose declared assumptions a
        message prints."""
        kept = sorted(self.implied.get(key, ()))
        for a in list(kept):  # drop each one the others still imply
            others = {b: True for b in kept if b != a}
            if others and getattr(Symbol("x", **others), f"is_{a}") is True:
                kept.remove(a)
        return dict.fromkeys(kept, True)

    def run(self, final: bool = False) -> Declared:
        problems = []
        for d in self.declarations:
            try:
                before = len(self.hypotheses)
                getattr(self, f"_{d.keyword}")(d.text.strip())
                made = self.hypotheses[before:]
                problem = next((p for h in made if (p := h.validate())), None) if final else None
                if problem:  # q_{1} > 0 for a family q: said of one entry, assumed of all
                    del self.hypotheses[before:]
                    raise NotRead(problem)
            except Exception as exc:  # noqa: BLE001 - reported with its line, never used
                problems.append((d.line, f"declaration '{d.keyword} {d.text.strip()}' not "
                                         f"used: {exc}"))
        return Declared(self.vocabulary, self.hypotheses, problems, self.indices)

    # names
    def _new_symbol(self, spelling: str, **fixed: bool) -> Symbol:
        key = tuple(t.text for t in tokens(spelling))
        if not key:
            raise NotRead("a name is missing")
        if self.vocabulary.declared(key):
            raise NotRead(f"{spelling!r} is declared twice")
        _one_name(key)
        _not_reserved(key)
        name = _symbol_name(" ".join(key)) if len(key) == 1 else _braced(list(key))
        symbol = Symbol(name, **{**self.assumptions(f"Symbol:{name}"), **fixed})
        self.vocabulary.symbols[key] = symbol
        return symbol

    def _names(self, text: str) -> list[str]:
        return [part.strip() for part in text.split(",") if part.strip()]

    def _size(self, text: str) -> None:
        for name in self._names(text):
            self.hypotheses.append(Size(self._new_symbol(name)))

    def _parameter(self, text: str) -> None:
        for name in self._names(text):
            self.hypotheses.append(Parameter(self._new_symbol(name)))

    def _range(self, text: str) -> tuple[str, Expr, Expr]:
        found = _RANGE.match(text.strip())
        if found:
            return found.group("var").strip(), self._expr(found.group("lo")), \
                self._expr(found.group("hi"))
        listed = _LISTED.match(text.strip())  # y \in \{0, 1\}: consecutive integers
        if listed:
            values = [self._expr(v) for v in listed.group("values").split(",")]
            if all(v.is_Integer for v in values) and values == list(
                    range(values[0], values[0] + len(values))):
                return listed.group("var").strip(), values[0], values[-1]
        raise NotRead(f"a range reads 'j \\in \\{{1, \\dots, k\\}}' or lists consecutive "
                      f"integers, 'y \\in \\{{0, 1\\}}'; not {text!r}")

    def _expr(self, text: str) -> Expr:
        parts = read_row(text, self.vocabulary)
        if len(parts) != 1 or parts[0][0] is not None:
            raise NotRead(f"{text!r} is not one expression")
        return meaning(parts[0][1])

    def _index(self, text: str) -> None:
        var, lo, hi = self._range(text)
        if not (lo.is_infinite or hi.is_infinite) and (hi - lo).is_nonnegative is not True:
            raise NotRead(f"the range {{{lo}, ..., {hi}}} may be empty or reversed; state a "
                          "range whose end is not below its start")
        symbol = self._new_symbol(var, integer=True)
        self.vocabulary.ranges[symbol] = (lo, hi)
        self.indices.append((symbol, lo, hi))

    def _label(self, text: str) -> None:
        var, lo, hi = self._range(text)
        key = tuple(t.text for t in tokens(var))
        if any(key[:n] in self.vocabulary.families for n in range(1, len(key))):
            target = self._expr(var)  # an entry of a declared family, y_{i}
        else:
            target = self._new_symbol(var, integer=True)
        self.hypotheses.append(IndexRange(target, lo, hi))

    def _family(self, text: str) -> None:
        size = None
        shape = None
        found = _FOR.match(text)
        pattern = found.group("pattern") if found else text
        ranges = re.split(r"(?<=\\\}),\s*", found.group("range")) if found else []
        if len(ranges) == 2:  # W_{j,r} for j \in \{1, \dots, m\}, r \in \{1, \dots, k\}
            bounds = [self._range(r) for r in ranges]
            if any(lo != 1 for _, lo, _ in bounds):
                raise NotRead("a family's entries count from 1")
            shape = tuple(hi for _, _, hi in bounds)
            found = None
        if found:
            var, lo, hi = self._range(found.group("range"))
            if lo != 1:
                raise NotRead(f"a family's entries count from 1 (a vector of entries 1 to "
                              f"size), not from {lo}")
            size = hi
        toks = [t.text for t in tokens(pattern)]
        rank = 1
        if len(toks) >= 6 and toks[-6:-3] == ["^", "{", "("] and toks[-2:] == [")", "}"]:
            style, key = "sup", tuple(toks[:-6])  # y^{(i)}
        elif len(toks) >= 2 and toks[-2] == "_" and _hole(toks[-1]):
            style, key = "sub", tuple(toks[:-2])  # q_{j}
        elif len(toks) >= 6 and toks[-6:-4] == ["_", "{"] and toks[-4] != "(" \
                and toks[-3] == "," and toks[-1] == "}" and _hole(toks[-4]) and _hole(toks[-2]):
            style, key, rank = "sub", tuple(toks[:-6]), 2  # W_{j,r}
        else:
            raise NotRead(f"a family is declared as q_{{j}}, W_{{j,r}} or y^{{(i)}}, not "
                          f"{pattern!r}")
        if not key or self.vocabulary.declared(key):
            raise NotRead(f"{pattern!r} names no new family")
        _one_name(key)
        _not_reserved(key, entries=True)
        if rank == 2 and size is not None:
            raise NotRead("a family of two indices is not a vector")
        if shape is not None and rank != 2:
            raise NotRead("two ranges are for a family of two indices, W_{j,r}")
        label = _braced(list(key))
        label = _symbol_name(label) if len(key) == 1 else label
        base = IndexedBase(label, shape=shape, **self.assumptions(f"family:{label}"))
        self.vocabulary.families[key] = Family(base, style, size, rank)

    def _function(self, text: str) -> None:
        size = None
        found = _FOR.match(text)
        if found:  # \ell_{j} for j \in \{1, \dots, k\}: \ell alone is the vector of k values
            _, lo, size = self._range(found.group("range"))
            text = found.group("pattern")
            if lo != 1:
                raise NotRead("a function's vector counts its entries from 1")
        toks = [t.text for t in tokens(text)]
        head, slots = _slots(toks, self.vocabulary.declared)
        key = tuple(head)
        _one_name(key)
        # \pi_{a}(b) shows entries of its own; \pi(t) reads as the constant times t (red-team
        # round 21): a function named \pi must show a script before its arguments
        _not_reserved(key, entries=bool(slots) and slots[0][0] != "A")
        shape = "".join(kind for kind, _ in slots)
        separators = next((tuple(seps) for kind, seps in slots if kind == "A"), ())
        fields = iter(range(99))
        template = _braced(head).replace("{", "{{").replace("}", "}}")
        for kind, seps in slots:
            if kind == "S":
                template += f"_{{{{{{{next(fields)}}}}}}}"
            elif kind == "U":
                template += f"^{{{{({{{next(fields)}}})}}}}"
            else:
                shown = [f"{{{next(fields)}}}" for _ in range(len(seps) + 1)]
                template += "(" + shown[0] + "".join(
                    (f" {sep} " if sep == r"\mid" else f"{sep} ") + f
                    for sep, f in zip(seps, shown[1:], strict=True)) + ")"
        signatures = self.vocabulary.functions.setdefault(key, [])
        if any(s.shape == shape and s.separators == separators for s in signatures) or (
                key in self.vocabulary.vectors and not shape.startswith("S")):
            raise NotRead(f"{_braced(head)!r} is declared twice in this form")
        if size is not None and shape != "S":
            raise NotRead("only a function of one subscript (f_{j}) stands for a vector")
        ident = re.sub(r"[^A-Za-z0-9]+", "_", "".join(t.lstrip("\\") for t in key)).strip("_")
        ident = ident or "f"
        if not ident[0].isalpha():
            ident = "f_" + ident
        if key in self.vector_names:  # q_{j}(t) beside the vector q: q is the vector's name
            ident += "_entry"
        taken = {str(s.function) for sigs in self.vocabulary.functions.values() for s in sigs}
        base_ident, n = ident, 0
        while ident in taken:  # \ell_{j} and \ell^{*}_{j} are two functions
            n += 1
            ident = f"{base_ident}_{n}"
        function = named_function(ident, template, **self.assumptions(f"function:{ident}"))
        signatures.append(Signature(shape, separators, function, size))

    def _vector(self, text: str) -> None:
        found = _FOR.match(text)
        if not found or "=" not in found.group("pattern"):
            raise NotRead("a vector is declared 'vector u = \\frac{1}{k} for j \\in \\{1, \\dots, "
                          "k\\}' or 'vector \\mathbf{a}(x; \\theta) = a_{j}(x; \\theta) for j ...'")
        name, entry_text = found.group("pattern").split("=", 1)
        index_text, lo, size = self._range(found.group("range"))
        if lo != 1:
            raise NotRead("a vector counts its entries from 1")
        toks = [t.text for t in tokens(name)]
        at_family = "(" in toks and toks[-1] == ")" and tuple(
            toks[toks.index("(") + 1:-1]) in self.vocabulary.families
        # softmax(z) with z a declared family: the name of one vector, not a placeholder
        head, slots = _slots(toks, lambda key: False) if "(" in toks and not at_family \
            else (toks, [])
        if [k for k, _ in slots] not in ([], ["A"]):
            raise NotRead("a vector is named by a name, or a name and a bracket of arguments")
        key = tuple(head)
        # q or q(x; \theta) beside q_{j}(x; \theta): a subscript after the name is the function,
        # anything else the vector
        beside = key in self.vocabulary.functions and all(
            sig.shape.startswith("S") for sig in self.vocabulary.functions[key])
        if key in self.vocabulary.vectors or (self.vocabulary.declared(key) and not beside):
            raise NotRead(f"{_braced(head)!r} is declared twice")
        _one_name(key)
        _not_reserved(key)
        holes: list[Symbol] = []
        if slots:
            inside = toks[len(head) + 1:-1]
            parts: list[list[str]] = [[]]
            for x in inside:
                if x in (",", ";", r"\mid", "|"):
                    parts.append([])
                else:
                    parts[-1].append(x)
            for part in parts:
                hole = self._expr(" ".join(part))
                if not isinstance(hole, Symbol) or hole in holes:
                    raise NotRead("a vector's arguments are distinct placeholder letters")
                holes.append(hole)
        index = self._expr(index_text)
        if not isinstance(index, Symbol):
            raise NotRead("a vector's entries run over one index letter")
        entry = self._expr(entry_text)
        if at_family:  # softmax(z) names the vector of the softmax(z)_{j}, and nothing else
            family = self.vocabulary.families[tuple(toks[toks.index("(") + 1:-1])]
            if not (isinstance(entry, AppliedUndef) and entry.args == (index,)
                    and hidden_families(entry.func) == {family.base}
                    and normal(latex(entry)) == normal(f"{_braced(toks)}_{{{latex(index)}}}")):
                raise NotRead(f"the vector {_braced(toks)} is the vector of its entries "
                              f"{_braced(toks)}_{{{latex(index)}}}; its entries cannot be "
                              "given otherwise")
        ident = re.sub(r"[^A-Za-z0-9]+", "_", "".join(t.lstrip("\\") for t in key)).strip("_")
        ident = f"vector_{ident or 'v'}_{len(self.vocabulary.vectors)}"
        head_text = _braced(head).replace("{", "{{").replace("}", "}}")
        separators = tuple(slots[0][1]) if slots else ()
        fields = [f"{{{n}}}" for n in range(len(holes))]
        template = head_text + ("(" + fields[0] + "".join(
            (f" {sep} " if sep == r"\mid" else f"{sep} ") + f
            for sep, f in zip(separators, fields[1:], strict=True)) + ")" if holes else "")
        if at_family:  # softmax(z): shown as a function of the family, as it prints
            family = self.vocabulary.families[tuple(toks[toks.index("(") + 1:-1])]
            name = _braced(toks[:toks.index("(")]).replace("{", "{{").replace("}", "}}")
            shown = named_function(ident, name + "({0})")(family.base)
        else:
            shown = named_function(ident, template) if holes else Symbol(_braced(head))
        self.vocabulary.vectors[key] = NamedVector(tuple(holes), separators, entry, index,
                                                   size, shown)

    def _onehot(self, text: str) -> None:
        found = _FOR.match(text)
        if not found:
            raise NotRead("a one-hot vector is declared 'onehot e_{y} for y \\in \\{1, "
                          "\\dots, k\\}'")
        _, lo, hi = self._range(found.group("range"))
        if lo != 1:
            raise NotRead("a one-hot label counts from 1")
        toks = [t.text for t in tokens(found.group("pattern"))]
        key = tuple(toks[:toks.index("_")] if "_" in toks else toks)
        self.vocabulary.onehot[key] = hi

    def _assume(self, text: str) -> None:
        if r"\in" in text and r"\{" in text:
            var, lo, hi = self._range(text)
            parts = read_row(var, self.vocabulary)
            if len(parts) != 1:
                raise NotRead(f"{var!r} is not one expression")
            self.hypotheses.append(IndexRange(self._pattern(parts[0][1]), lo, hi))
            return
        real = re.match(r"^(?P<x>.+?)\s*\\in\s*\\mathbb\s*\{?R\}?\s*$", text.strip())
        if real:
            self.hypotheses.append(Real(self._pattern(self._expr_written(real.group("x")))))
            return
        parts = read_row(text, self.vocabulary)
        rels = [r for r, _ in parts]
        exprs = [meaning(e) for _, e in parts]
        if len(parts) == 2 and exprs[1] == 0 and rels[1] in (">", r"\ge"):
            kind = Positive if rels[1] == ">" else Nonnegative
            self.hypotheses.append(kind(self._pattern(parts[0][1])))
        elif len(parts) == 3 and exprs[0] == 0 and exprs[2] == 1 and rels[1:] == ["<", "<"]:
            self.hypotheses.append(UnitInterval(self._pattern(parts[1][1])))
        else:
            raise NotRead("an assumption reads 'x > 0', 'x \\ge 0', 'x \\in \\mathbb{R}', "
                          "'0 < x < 1' or 'y_{i} \\in \\{1, \\dots, k\\}'")

    def _pattern(self, written: Basic) -> Basic:
        """The subject of an assumption: an entry of a family or a function's value, as read.
        A declared index it runs over (``q_{j} > 0``) is renamed ``j'`` there: the hypothesis
        is about every entry, while a chain that uses ``j`` free assumes ``j``'s range."""
        pattern = meaning(written.args[0] if isinstance(written, AsSuperscript) else written)
        ranged = {v for v in pattern_variables(pattern) if v in self.vocabulary.ranges}
        return pattern.xreplace({v: Symbol(f"{v.name}'", **v.assumptions0) for v in ranged})

    def _expr_written(self, text: str) -> Basic:
        parts = read_row(text, self.vocabulary)
        if len(parts) != 1:
            raise NotRead(f"{text!r} is not one expression")
        return parts[0][1]

    def _define(self, text: str) -> None:
        parts = read_row(text, self.vocabulary)
        if len(parts) != 2 or parts[1][0] != "=":
            raise NotRead("a definition reads 'f(x) = formula'")
        applied, body = meaning(parts[0][1]), meaning(parts[1][1])
        variables = getattr(applied, "args", ())
        if not hasattr(applied, "func") or not getattr(applied.func, "_template", None) \
                or not all(isinstance(v, Symbol) for v in variables) \
                or len(set(variables)) != len(variables):
            raise NotRead("only a declared function applied to distinct symbols can be "
                          f"defined, not {normal(text.split('=')[0])}")
        self.hypotheses.append(Definition(applied.func, Lambda(tuple(variables), body)))

    def _convention(self, text: str) -> None:
        if normal(text) != normal(r"0 \log 0 = 0"):
            raise NotRead("the one convention is '0 \\log 0 = 0'")
        self.vocabulary.xlogy = True

    def _simplex(self, text: str) -> None:
        found = _FOR.match(text)
        if not found:
            raise NotRead("a simplex is declared 'simplex p_{j} for j \\in \\{1, \\dots, k\\}'")
        var, lo, hi = self._range(found.group("range"))
        toks = [t.text for t in tokens(found.group("pattern"))]
        key = tuple(toks[:toks.index("_")] if "_" in toks else toks)
        family = self.vocabulary.families.get(key)
        if family is None or lo != 1:
            raise NotRead(f"{found.group('pattern')!r} is not a declared family counted from 1")
        if family.rank == 2:  # each row a distribution: over the second index, of the row's size
            written = toks[len(key):]
            if len(written) != 6 or written[:2] != ["_", "{"] or written[3] != "," \
                    or written[4] != var.strip():
                raise NotRead(f"a simplex of a family of two indices makes each row a "
                              f"distribution over its second index: 'simplex "
                              f"{_braced(list(key))}_{{i,r}} for r \\in \\{{1, \\dots, k\\}}'")
            shape = family.base.shape
            if shape is not None and (hi - shape[1]).expand() != 0:
                raise NotRead(f"the rows of {_braced(list(key))} have {latex(shape[1])} entries, "
                              f"not {latex(hi)}")
        self.hypotheses.append(Simplex(family.base, hi))


def _one_name(key: tuple[str, ...] | list[str]) -> None:
    """Refuse a name of two plain letters or more (``xy``): on the page it is a product."""
    letters = [t for t in key if len(t) == 1 and t.isalpha()]
    if len(letters) > 1 and len(letters) == len(key):
        raise NotRead(f"{''.join(key)!r} shows as a product of letters; name it with one "
                      "letter, or \\mathrm{...} for a name of several")


#: Names the reader gives a meaning of its own: numbers, Euler's e, pi, and the operators.
_RESERVED = frozenset({"e", r"\pi", r"\infty", "H", r"\log", r"\exp", r"\sum", r"\prod",
                       r"\partial", r"\delta", r"\frac", r"\sqrt", r"\dvKL", r"\dvargmax",
                       r"\dvargmin"})


def _not_reserved(key: tuple[str, ...] | list[str], entries: bool = False) -> None:
    """Refuse to declare a number or a name the reader reads otherwise (``label 2``,
    ``size \\pi``): a declaration would rebind it, and ``2 = 3`` could then be proved. A
    family or a function (``entries``) may take the name ``\\pi``: its entries ``\\pi_{j}``
    are not the constant (which the document then cannot use alone); a function only with a
    script before its arguments (``\\pi_{a}(b)``: ``\\pi(t)`` reads as pi times t)."""
    reserved = _RESERVED - {r"\pi"} if entries else _RESERVED
    if len(key) == 1 and (key[0] in reserved or key[0][:1].isdigit()):
        raise NotRead(f"{key[0]!r} already means something: it cannot be declared")
    if any(t[:1].isdigit() for t in key) and all(t[:1].isdigit() or not t.isalnum()
                                                  for t in key):
        raise NotRead(f"{' '.join(key)!r} is a number: it cannot be declared")


def _hole(t: str) -> bool:
    """Whether a declaration's token stands for an argument: one letter or Greek letter."""
    return (len(t) == 1 and t.isalpha()) or t in GREEK


def _slots(toks: list[str], declared: Callable[[tuple[str, ...]], bool],
           ) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """A function declaration's name and the places of its arguments: ``A`` a bracket of
    arguments (with its separators), ``S`` a subscript of one letter, ``U`` a bracketed
    superscript ``^{(a)}``. A subscript that is not one letter (``p_{\\mathrm{model}}``) is part
    of the name, and so is a first bracket that holds only declared names
    (``\\operatorname{softmax}(z)_{j}`` with ``z`` a declared family: a function of ``j``)."""
    n = 0
    head: list[str] = []
    slots: list[tuple[str, list[str]]] = []
    while n < len(toks):
        t = toks[n]
        if t == "(":
            depth, seps, m = 0, [], n
            while m < len(toks):
                depth += {"(": 1, ")": -1}.get(toks[m], 0)
                if depth == 1 and toks[m] in (",", ";", r"\mid", "|"):
                    seps.append(r"\mid" if toks[m] == "|" else toks[m])
                if depth == 0:
                    break
                m += 1
            if m == len(toks):
                raise NotRead("a bracket of arguments is never closed")
            slots.append(("A", seps))  # every bracket holds arguments: a name hidden in
            # one (softmax(z) as a function of j alone) would hide a dependence from the kernel
            n = m + 1
        elif t == "_" and n + 1 < len(toks) and _hole(toks[n + 1]):
            slots.append(("S", []))
            n += 2
        elif toks[n:n + 3] == ["^", "{", "("] and n + 5 < len(toks) and _hole(toks[n + 3]) \
                and toks[n + 4:n + 6] == [")", "}"]:
            slots.append(("U", []))
            n += 6
        elif slots:
            raise NotRead(f"a function is declared as a name followed by its arguments: a "
                          f"bracket (f(x, y)), a subscript (f_{{j}}), or both; "
                          f"{' '.join(toks[n:])!r} follows them")
        else:
            head.append(t)
            n += 1
    shape = "".join(k for k, _ in slots)
    if not slots and "(" in head:
        raise NotRead("every argument in the bracket is a declared name, so the bracket was "
                      "read as part of the function's name; write new letters for its arguments "
                      "(placeholders), as in f(a; b)")
    if not head or shape not in ("A", "S", "SA", "AS", "US"):
        raise NotRead("a function is declared as f(x, y), f_{j}, f_{j}(x), f(x)_{j} or "
                      f"f^{{(s)}}_{{j}}, not {' '.join(toks)!r}")
    return head, slots



