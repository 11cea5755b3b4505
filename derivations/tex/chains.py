"""From the chains of a ``.tex`` file to derivations the kernel checks, line by line.

Every row is read (``reader.read_row``), then printed back with the project's printer and
compared with its source in normal form (``tokens.normal``): a row whose reading does not print
back as written is "not read", never checked, since a reading that dropped or moved a part
would check another statement than the one on the page. The rows of an environment make
chains: a row with a left side of its own (``a &= b``) starts one, a row that starts with a
relation (``&= c``) continues it; a chain's first expression is its start, each relation and
expression after it a step, justified
by the rule its row names (``% by: rule`` or ``\\tag{rule}``) or by default by ``algebra`` (for
``=``, or ``definition`` where a declared definition or an information measure appears) and
``inequality`` (for ``\\le``, ``<``, ``\\ge``, ``>``). A row that is not read cuts its chain:
the rows after it start a new one, and the step into it is reported "not checked".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sympy import Basic, Derivative, Indexed, IndexedBase, Symbol, preorder_traversal
from sympy.core.function import AppliedUndef

from derivations import rules as rule_table
from derivations.language.derivation import Derivation
from derivations.language.hypotheses import Definition, IndexRange, Parameter, Size
from derivations.language.notation import InformationMeasure, hidden_families
from derivations.language.relation import Relation
from derivations.language.rule import Rule
from derivations.language.step import Step
from derivations.render.printer import hypothesis, latex
from derivations.render.report import SourceLines
from derivations.tex.citations import lemmas, theorems, with_citations
from derivations.tex.declarations import _RANGE, Declared, declare
from derivations.tex.document import Chain, Row, expand, scan
from derivations.tex.reader import as_written, meaning, read_row
from derivations.tex.tokens import NotRead, normal, tokens

_PACKAGE = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")
_RELATIONS = {"=": Relation.EQ, r"\le": Relation.LE, r"\ge": Relation.GE, "<": Relation.LT,
              ">": Relation.GT}

#: The rules a row may name without arguments.
_PLAIN: dict[str, Callable[[], Rule]] = {
    "algebra": lambda: rule_table.algebra,
    "definition": lambda: rule_table.definition,
    "log_of_product": lambda: rule_table.log_of_product,
    "one_hot_collapse": lambda: rule_table.one_hot_collapse,
    "inequality": lambda: rule_table.inequality,
    "logarithm": rule_table.logarithm,
    "negate": rule_table.negate,
    "negative_log": rule_table.negative_log,
    "identity": rule_table.identity,
    # as the report names them
    "take_log": rule_table.logarithm,
    "same_objective": rule_table.identity,
}
#: The rules that take one expression, written in LaTeX: ``positive_factor(\frac{1}{m})``.
_WITH_EXPRESSION: dict[str, Callable[[Basic], Rule]] = {
    "positive_factor": rule_table.positive_factor,
    "add_constant": rule_table.add_constant,
}
RULE_NAMES = (*_PLAIN, *_WITH_EXPRESSION)


@dataclass
class Reading:
    """What was read from one file: its derivations, where each step stands, and the rows
    that were not read or whose step was not checked, with why."""

    path: Path
    derivations: list[Derivation] = field(default_factory=list)
    #: the line of each step's row, by derivation
    lines: dict[str, list[int]] = field(default_factory=dict)
    #: the line where each chain starts
    starts: dict[str, int] = field(default_factory=dict)
    unread: list[tuple[int, str]] = field(default_factory=list)
    #: what the report says besides (a display that is not a chain): (line, text)
    notes: list[tuple[int, str]] = field(default_factory=list)
    #: the hypotheses of the declarations, in LaTeX
    hypotheses: list[str] = field(default_factory=list)
    #: rows read, and rows in chains, for the share a report gives
    rows_read: int = 0
    rows: int = 0
    #: the catalogue's theorems the rows cite (``% by: theorem:...``), and what they cite
    cited: list[Derivation] = field(default_factory=list)

    def checked(self) -> list[Derivation]:
        """What a check of the file checks: its chains and the theorems they cite."""
        if not self.cited:  # (the catalogue is imported only for a file that cites it)
            return list(self.derivations)
        names = {d.name for d in self.derivations}
        return [*(d for d in with_citations(self.cited) if d.name not in names),
                *self.derivations]

    def source_lines(self, shown: str) -> SourceLines:
        """Where the steps stand, for the report, with the file named ``shown``."""
        return SourceLines(shown, {name: list(lines) for name, lines in self.lines.items()},
                           tuple(sorted(self.unread)), self.rows_read, self.rows,
                           tuple(sorted(self.notes)), tuple(self.hypotheses))


def read_file(path: Path) -> Reading:
    """Read the chains of ``path`` (the file is only read, never written)."""
    text = path.read_text(encoding="utf-8")
    reading = Reading(path)
    try:
        doc = scan(text)
    except NotRead as exc:
        reading.unread.append((0, str(exc)))
        return reading
    for found in _PACKAGE.finditer(text):
        local = [name.strip() for name in found.group(1).split(",")
                 if (path.parent / f"{name.strip()}.sty").exists()]
        if local and not doc.untrusted:  # a package of the author's can redefine anything
            doc.untrusted = (f"line {text.count(chr(10), 0, found.start()) + 1}: the package "
                             f"{local[0]}.sty beside the file can change what a command means")
    macros = doc.macros_at(len(text))
    declared = declare([replace(d, text=expand(d.text, macros)) for d in doc.declarations])
    reading.unread.extend([*doc.problems, *declared.problems])
    fixed = {h.symbol for h in declared.hypotheses if isinstance(h, (Size, Parameter))}
    reading.hypotheses = [hypothesis(h, fixed) for h in declared.hypotheses] + [
        rf"{latex(v)} \in \{{{latex(lo)}, \dots, {latex(hi)}\}} \quad\text{{(an index)}}"
        for v, lo, hi in declared.indices] + (
        [r"0 \log 0 = 0 \quad\text{(convention: } p \log q = 0 \text{ where } p = 0)"]
        if declared.vocabulary.xlogy else []) + [
        rf"{latex(v.shown(*v.placeholders) if v.placeholders else v.shown)} = \left("
        rf"{latex(v.entry)}\right)_{{{latex(v.index)}=1}}^{{{latex(v.size)}}}"
        for v in declared.vocabulary.vectors.values()]  # what a vector's name stands for
    reading.notes.extend((line, f"note: {what} is a display, not a chain (only align and "
                                "align* are read): it is not checked")
                         for line, what in doc.skipped)
    for chain in doc.chains:
        if doc.untrusted:
            reading.rows += len(chain.rows)
            reading.unread.extend((row.line, f"not read: {doc.untrusted}") for row in chain.rows)
            continue
        _read_chain(chain, declared, doc.macros_at(chain.offset), reading)
    return reading


def _name(path: Path, line: int) -> str:
    stem = re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_") or "tex"
    return f"{stem if stem[0].isalpha() else 'tex_' + stem}_line_{line}"


def _read_chain(chain: Chain, declared: Declared, macros: dict[str, tuple[int, str]],
                reading: Reading) -> None:
    segment: list[tuple[Row, str | None, Basic]] = []  # each part as read, and its meaning
    told: set[int] = set()

    def tell(line: int, why: str) -> None:
        told.add(line)
        reading.unread.append((line, why))

    def close() -> None:
        if len(segment) > 1:
            _derivation(segment, declared, reading)
        elif segment and len(chain.rows) > 1 and segment[0][0].line not in told:
            tell(segment[0][0].line, "not checked: the rows next to it were not read")
        segment.clear()

    for row in chain.rows:
        reading.rows += 1
        try:
            if row.problem:
                raise NotRead(row.problem)
            parts = read_row(expand(row.math, macros), declared.vocabulary)
            # as built: the source's order of terms and factors, not the reader's order
            printed = " ".join(f"{rel or ''} {as_written(expr)}" for rel, expr in parts)
            if normal(printed) != normal(expand(row.math, macros)):
                raise NotRead(f"it does not read back as written: it was read as "
                              f"${printed.strip()}$")
            meant = [(rel, meaning(expr)) for rel, expr in parts]
        except NotRead as exc:
            tell(row.line, f"not read: {exc}")
            close()
            continue
        except Exception as exc:  # noqa: BLE001 - whatever went wrong, the row is not passed
            tell(row.line, f"not read: {type(exc).__name__}: {exc}")
            close()
            continue
        reading.rows_read += 1
        for rel, expr in meant:
            if rel is None and segment:  # a row with a left side of its own: a new chain
                close()
            if rel is not None and not segment:
                tell(row.line, "not checked: the step into this row starts from a row that "
                               "was not read")
                rel = None
            segment.append((row, rel, expr))
    close()


def _rule(row: Row, relation: Relation, before: Basic, after: Basic,
          declared: Declared) -> Rule:
    named = row.by or (row.tag if re.sub(r"[ -]", "_", row.tag.strip()) in RULE_NAMES else "")
    cited = re.fullmatch(r"\s*(theorem|lemma)\s*:\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*",
                         named, re.DOTALL)
    if cited:
        kind, name, given = cited.groups()
        arguments = _arguments(given or "")
        if kind == "lemma":
            return _lemma(name, arguments, declared)
        return _theorem(name, arguments, declared)
    if named:
        m = re.fullmatch(r"\s*([A-Za-z_ -]+?)\s*(?:\((.*)\))?\s*", named, re.DOTALL)
        key = re.sub(r"[ -]", "_", m.group(1)) if m else named
        if m and key in _PLAIN and not m.group(2):
            return _PLAIN[key]()
        if m and key in _WITH_EXPRESSION and m.group(2):
            parts = read_row(m.group(2), declared.vocabulary)
            if len(parts) != 1:
                raise NotRead(f"the rule {key} takes one expression, not {m.group(2)!r}")
            return _WITH_EXPRESSION[key](meaning(parts[0][1]))
        raise NotRead(f"{named!r} names no rule; the rules are {', '.join(RULE_NAMES)} "
                      "(positive_factor and add_constant with an expression in brackets)")
    if relation is not Relation.EQ:
        return rule_table.inequality
    defined = {h.function for h in declared.hypotheses if isinstance(h, Definition)}
    unfolds = any(isinstance(e, InformationMeasure) or getattr(e, "func", None) in defined
                  for side in (before, after) for e in preorder_traversal(side))
    return rule_table.definition if unfolds else rule_table.algebra


def _arguments(given: str) -> dict[str, str]:
    """``key=value`` pairs separated by commas outside brackets and braces."""
    parts, depth, start = [], 0, 0
    toks = re.finditer(r"\\[{}]|\\left.|\\right.|[{}()\[\],]", given)
    for t in toks:
        c = t.group()
        if c in ("{", "(", "[", r"\{") or c.startswith(r"\left"):
            depth += 1
        elif c in ("}", ")", "]", r"\}") or c.startswith(r"\right"):
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(given[start:t.start()])
            start = t.end()
    parts.append(given[start:])
    out: dict[str, str] = {}
    for part in (p.strip() for p in parts):
        if not part:
            continue
        key, eq, value = part.partition("=")
        if not eq or not key.strip() or not value.strip():
            raise NotRead(f"a rule's arguments read 'name=value', not {part!r}")
        if key.strip() in out:
            raise NotRead(f"the argument {key.strip()!r} is given twice")
        out[key.strip()] = value.strip()
    return out


def _value(text: str, declared: Declared) -> Basic:
    """One expression of a rule's arguments; a declared family's name alone is the family."""
    key = tuple(t.text for t in tokens(text))
    family = declared.vocabulary.families.get(key)
    if family is not None:
        return family.base
    parts = read_row(text, declared.vocabulary)
    if len(parts) != 1 or parts[0][0] is not None:
        raise NotRead(f"{text!r} is not one expression")
    written = as_written(parts[0][1])
    if normal(written) != normal(text):
        raise NotRead(f"{text!r} does not read back as written: it was read as ${written}$")
    return meaning(parts[0][1])


def _lemma(name: str, arguments: dict[str, str], declared: Declared) -> Rule:
    """``lemma:log_below_tangent(at=..., weight=..., over=j \\in \\{1, \\dots, k\\})``: the
    lemma's slack at ``at``, times ``weight``, summed over ``over`` when given."""
    lemma = lemmas().get(name)
    if lemma is None:
        raise NotRead(f"'lemma:{name}' names no lemma; the lemmas are "
                      f"{', '.join(sorted(lemmas()))}")
    unknown = set(arguments) - {"at", "weight", "over"}
    if unknown or not {"at", "weight"} <= set(arguments):
        raise NotRead(f"lemma:{name} takes at=..., weight=... and optionally over=j \\in "
                      f"\\{{1, \\dots, k\\}}; not {', '.join(arguments) or 'nothing'}")
    over = None
    if "over" in arguments:
        found = _RANGE.match(arguments["over"])
        if not found:
            raise NotRead(f"over reads 'j \\in \\{{1, \\dots, k\\}}', not {arguments['over']!r}")
        variable = _value(found.group("var"), declared)
        if not isinstance(variable, Symbol):
            raise NotRead(f"over sums over a symbol, not {found.group('var')!r}")
        over = (variable, _value(found.group("lo"), declared), _value(found.group("hi"), declared))
    return rule_table.by_lemma(lemma, _value(arguments["weight"], declared),
                               _value(arguments["at"], declared), over)


def _theorem(name: str, arguments: dict[str, str], declared: Declared) -> Rule:
    """``theorem:gibbs_inequality(p=\\pi)``: the catalogue's theorem, its symbols, families and
    functions mapped to those written (a name not given maps to the declared name printed
    alike, when there is one)."""
    theorem = theorems().get(name)
    if theorem is None:
        raise NotRead(f"'theorem:{name}' names no theorem of the catalogue")
    own = _own(theorem)
    mapping: dict[Basic, Basic] = {}
    for key, text in arguments.items():
        target = own.get(normal(key))
        if target is None:
            raise NotRead(f"{key!r} is none of the symbols of {name}: "
                          f"{', '.join(sorted(own))}")
        mapping[target] = _value(text, declared)
    mine = {normal(latex(x)): x for x in _declared_objects(declared)}
    for shown, target in own.items():
        if target not in mapping and shown in mine and mine[shown] != target:
            mapping[target] = mine[shown]
    return rule_table.by_theorem(theorem, mapping)


def _own(theorem: Derivation) -> dict[str, Basic]:
    """The symbols, families and functions a theorem's mapping may name, by their LaTeX."""
    parts = [theorem.start, theorem.end, *(a for h in theorem.hypotheses
                                           for a in vars(h).values() if isinstance(a, Basic))]
    found: dict[str, Basic] = {}
    for e in parts:
        for base in e.atoms(IndexedBase):
            found[normal(latex(base))] = base
        for f in e.atoms(AppliedUndef):
            found[normal(latex(f.func(*f.args)).split("(")[0])] = f.func
    for h in theorem.hypotheses:
        if isinstance(h, (Size, Parameter)):
            found[normal(latex(h.symbol))] = h.symbol
    return found


def _declared_objects(declared: Declared) -> list[Basic]:
    v = declared.vocabulary
    return [*v.symbols.values(), *(f.base for f in v.families.values())]


def _hidden_dependence(exprs: tuple, hypotheses: list) -> str | None:
    """Why a chain that differentiates in an entry of a family cannot be checked, or None: a
    function applied to that family (``softmax(z)_j``) depends on its entries only through its
    definition, so one that appears undefined, in a row or in a definition the chain unfolds,
    would have a derivative of 0 there."""
    bodies = [h.formula.expr for h in hypotheses if isinstance(h, Definition)]
    nodes = [n for e in (*exprs, *bodies) for n in preorder_traversal(e)]
    varied = {v.base for n in nodes if isinstance(n, Derivative) for v in n.variables
              if isinstance(v, Indexed)}
    defined = {h.function for h in hypotheses if isinstance(h, Definition)}
    for n in nodes:
        if isinstance(n, AppliedUndef) and n.func not in defined \
                and hidden_families(n.func) & varied:
            (family, *_) = sorted(hidden_families(n.func) & varied, key=str)
            return (f"it differentiates in an entry of {latex(family)}, and {latex(n)} depends "
                    f"on {latex(family)} through a definition that is not declared; define it "
                    "('%dv define ...'), or the derivative would read it as a constant")
    return None


def _relevant(hypotheses: list, exprs: tuple) -> list:
    """The hypotheses of a chain: every one, but the definitions of functions it does not use
    (directly, or through another definition it uses): a definition holds only where its
    function appears, and a problem with it belongs to the chains that use it."""
    definitions = {h.function: h for h in hypotheses if isinstance(h, Definition)}
    wanted: set = set()
    todo = [n for e in exprs for n in preorder_traversal(e)
            if getattr(n, "func", None) in definitions]
    while todo:
        f = todo.pop().func
        if f not in wanted:
            wanted.add(f)
            todo += [n for n in preorder_traversal(definitions[f].formula.expr)
                     if getattr(n, "func", None) in definitions]
    return [h for h in hypotheses if not isinstance(h, Definition) or h.function in wanted]


def _derivation(segment: list[tuple[Row, str | None, Basic]], declared: Declared,
                reading: Reading) -> None:
    first_row = segment[0][0]
    name = _name(reading.path, first_row.line)
    start = segment[0][2]
    steps, lines = [], []
    previous = start
    for row, rel, value in segment[1:]:
        relation = _RELATIONS[rel or "="]
        try:
            rule = _rule(row, relation, previous, value, declared)
        except Exception as exc:  # noqa: BLE001 - a rule that cannot be made names its row
            reading.unread.append((row.line, f"not read: {exc}"))
            reading.unread.append((first_row.line, f"not checked: the chain, because the rule "
                                                   f"of line {row.line} cannot be made"))
            return
        if relation not in rule.relations and rule.relations == frozenset(
                {Relation.SAME_OPTIMISER}) and relation is Relation.EQ:
            relation = Relation.SAME_OPTIMISER
        why = f"the row at line {row.line}"
        steps.append(Step(value, rule, why, relation=relation))
        lines.append(row.line)
        previous = value
    exprs = (start, *(s.expr for s in steps))
    used = set().union(*(e.free_symbols for e in exprs))
    ranged = [IndexRange(v, lo, hi) for v, (lo, hi) in declared.vocabulary.ranges.items()
              if v in used]  # an index used free here: its declared range is a hypothesis
    hypotheses = _relevant(declared.hypotheses, exprs)
    hidden = _hidden_dependence(exprs, hypotheses)
    if hidden:
        reading.unread.append((first_row.line, f"not checked: {hidden}"))
        return
    try:
        d = Derivation(name=name, title=f"The chain at line {first_row.line}",
                       summary=f"The chain that starts at line {first_row.line} of the file.",
                       hypotheses=(*hypotheses, *ranged),
                       start=start,
                       steps=tuple(steps))
    except Exception as exc:  # noqa: BLE001 - the chain is reported, never passed
        reading.unread.append((first_row.line, f"not checked: {exc}"))
        return
    reading.derivations.append(d)
    reading.cited.extend(s.rule.theorem for s in steps if s.rule.theorem is not None)
    reading.lines[name] = lines
    reading.starts[name] = first_row.line
