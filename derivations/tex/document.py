"""Finding what to read in a ``.tex`` file: its declarations, its macros and its chains.

A chain is an ``align*`` (or ``align``) environment; its rows are
split at ``\\\\`` outside braces. A row keeps the line number where its math starts, the
justification it names (a trailing ``% by: rule`` comment, or a ``\\tag{...}`` that names a
rule) and its math: the text before the second ``&`` of the row (what stands after ``&&`` is
a note for the reader of the PDF), with ``\\tag`` and ``\\label`` taken out, and without the full
stop or comma that ends it as a sentence.

The author's own macros are expanded before a row is read: ``\\newcommand`` and
``\\renewcommand`` (with up to nine arguments, no optional one) and ``\\DeclareMathOperator``
(its name becomes ``\\operatorname{...}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from derivations.tex.declarations import KEYWORDS, Declaration
from derivations.tex.tokens import NotRead

_ENVIRONMENTS = ("align*", "align")
_BEGIN = re.compile(r"\\begin\s*\{(" + "|".join(re.escape(e) for e in _ENVIRONMENTS) + r")\}")
_DECLARATION = re.compile(r"^\s*%dv\s+(\w+)\s*(.*)$")
_BY = re.compile(r"^\s*by\s*:\s*(.+?)\s*$")
#: The full stop or comma that ends a displayed formula in prose, with the space before it.
_PUNCTUATION = re.compile(r"(?:\s|\\[,;:! ]|\\q?quad)*"
                          r"(?:(?<!\\)[.,;]|\\(?:text|mathrm)\{\s*[.,;]\s*\})"
                          r"(?:\s|\\[,;:! ])*$")


@dataclass(frozen=True)
class Row:
    """One row of a chain."""

    line: int
    math: str
    #: the rule the row names (``% by: ...`` or ``\\tag{...}``), "" for the default
    by: str = ""
    #: the text of ``\\tag{...}``, shown in the report
    tag: str = ""
    #: why the row cannot be read at all (a second equation on it), "" when it can
    problem: str = ""


@dataclass(frozen=True)
class Chain:
    """One environment: where it starts and its rows."""

    line: int
    environment: str
    rows: tuple[Row, ...]
    #: where the environment starts in the file: the macros defined before it apply
    offset: int = 0


@dataclass
class Document:
    """What a ``.tex`` file gives the reader."""

    declarations: list[Declaration] = field(default_factory=list)
    #: every macro definition: where it stands, its name, number of arguments and body
    definitions: list[tuple[int, str, int, str]] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)
    #: what could not be used: (line, why)
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: displays that are not chains (``equation``, ``\\[...\\]``): (line, what), reported
    skipped: list[tuple[int, str]] = field(default_factory=list)
    #: why no formula of the document can be read as TeX sets it ("" when they can)
    untrusted: str = ""

    def macros_at(self, offset: int) -> dict[str, tuple[int, str]]:
        """The macros in force at ``offset``: the last definition of each name before it."""
        found: dict[str, tuple[int, str]] = {}
        for at, name, arity, body in self.definitions:
            if at < offset:
                found[name] = (arity, body)
        return found


def _comment_at(line: str) -> int:
    """Where the comment of ``line`` starts (an unescaped ``%``), or its length."""
    n = 0
    while n < len(line):
        verb = _VERB.match(line, n)
        if verb:  # \verb|%| sets a percent sign
            n = verb.end()
            continue
        if line[n] == "\\":
            n += 2
            continue
        if line[n] == "%":
            return n
        n += 1
    return len(line)


def _group(text: str, start: int) -> tuple[str, int]:
    """The contents of the braced group that opens at ``text[start]`` and the index after it."""
    if start >= len(text) or text[start] != "{":
        raise NotRead(f"a braced group was expected at {text[start:start + 20]!r}")
    depth = 0
    n = start
    while n < len(text):
        if text[n] == "\\":
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[n], 0)
        if depth == 0:
            return text[start + 1:n], n + 1
        n += 1
    raise NotRead(f"unbalanced braces after {text[start:start + 30]!r}")


_MACRO = re.compile(r"\\(?:(?:re)?newcommand|providecommand)\*?\s*(\{\\[A-Za-z]+\}|\\[A-Za-z]+)\s*"
                    r"(?:\[(\d)\])?\s*")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*(\{\\[A-Za-z]+\}|\\[A-Za-z]+)\s*")
_DEF = re.compile(r"\\[gex]?def\s*(\\[A-Za-z]+)\s*")
#: TeX primitives that change what a command or a character means in ways the reader does not
#: follow: a document that uses one is not read at all.
_UNTRUSTED = re.compile(r"\\(let|futurelet|catcode|mathcode|mathchardef|chardef|"
                        r"DeclareMathSymbol|DeclareMathDelimiter|DeclareRobustCommand|"
                        r"renewenvironment|newenvironment|expandafter|csname|"
                        r"(?:New|Renew|Provide|Declare)DocumentCommand|"
                        r"(?:New|Renew|Declare)CommandCopy|ExplSyntaxOn|input|include|subfile|"
                        r"DeclareUnicodeCharacter|newunicodechar|newif|if[A-Za-z]*|else|fi|"
                        r"import|makeatletter)(?![A-Za-z])")


def _depth(text: str, at: int) -> int:
    """The brace depth at ``at`` in ``text``."""
    depth, n = 0, 0
    while n < at:
        if text[n] == "\\":
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[n], 0)
        n += 1
    return depth


def _definitions(text: str, doc: Document) -> None:
    """The author's macro definitions in ``text`` (comments already blanked), in order. A
    definition inside a group (a macro's body, ``{...}``) is local to it or never run: the
    reader refuses to guess and makes the document unreadable."""
    for pattern in (_MACRO, _OPERATOR, _DEF):
        for m in pattern.finditer(text):
            if _depth(text, m.start()) != 0:
                doc.untrusted = doc.untrusted or (
                    f"line {text.count(chr(10), 0, m.start()) + 1}: a macro is defined inside a "
                    "group or another definition, where TeX may or may not run it")
    for m in _MACRO.finditer(text):
        body, _ = _group(text, m.end())
        name = m.group(1).strip("{}")
        if m.group(0).startswith(r"\providecommand"):
            continue  # it defines only what no package and no earlier line defined: unknown
        doc.definitions.append((m.start(), name, int(m.group(2) or 0), body))
    for m in _OPERATOR.finditer(text):
        body, _ = _group(text, m.end())
        doc.definitions.append((m.start(), m.group(1).strip("{}"), 0,
                                rf"\operatorname{{{body}}}"))
    for m in _DEF.finditer(text):
        if text[m.end():m.end() + 1] != "{":
            doc.untrusted = doc.untrusted or (
                f"line {text.count(chr(10), 0, m.start()) + 1}: \\def{m.group(1)} takes "
                "parameters, which the reader does not expand")
            continue
        body, _ = _group(text, m.end())
        doc.definitions.append((m.start(), m.group(1), 0, body))
    doc.definitions.sort()
    found = _UNTRUSTED.search(text)
    if found:
        doc.untrusted = doc.untrusted or (
            f"line {text.count(chr(10), 0, found.start()) + 1}: \\{found.group(1)} can change "
            "what a command means in ways the reader does not follow")


_TAKERS = {"^": 1, "_": 1, r"\sqrt": 1, r"\frac": 2, r"\dfrac": 2, r"\tfrac": 2}


def _argument_places(math: str) -> set[int]:
    """Where a single token stands as an undelimited argument of ``^``, ``_``, ``\\sqrt`` or
    ``\\frac`` (its offset in ``math``), as TeX reads them, nested groups included."""
    places: set[int] = set()
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"\\[A-Za-z]+|\\.|\S", math)]
    n = 0
    while n < len(pieces):
        wanted = _TAKERS.get(pieces[n][1], 0)
        at = n + 1
        for _ in range(wanted):
            if at >= len(pieces):
                break
            if pieces[at][1] == "{":
                depth = 0
                while at < len(pieces):
                    depth += {"{": 1, "}": -1}.get(pieces[at][1], 0)
                    at += 1
                    if depth == 0:
                        break
            else:
                places.add(pieces[at][0])
                at += 1
        n += 1
    return places


def expand(math: str, macros: dict[str, tuple[int, str]], depth: int = 0) -> str:
    """``math`` with the author's macros expanded (each argument a braced group or a token)."""
    if not macros:
        return math
    if depth > 20:
        raise NotRead("the author's macros expand without end")
    pattern = re.compile("(" + "|".join(re.escape(m) for m in sorted(macros, key=len,
                                                                      reverse=True))
                         + r")(?![A-Za-z])")
    out, n, changed = [], 0, False
    arguments = _argument_places(math)
    for m in pattern.finditer(math):
        if m.start() < n:
            continue
        arity, body = macros[m.group(1)]
        out.append(math[n:m.start()])
        n = m.end()
        for k in range(1, arity + 1):
            while n < len(math) and math[n].isspace():
                n += 1
            command = re.match(r"\\(?:[A-Za-z]+|.)", math[n:])
            if n < len(math) and math[n] == "{":
                arg, n = _group(math, n)
            elif command:  # a control sequence is one argument, as TeX takes it
                arg, n = command.group(0), n + len(command.group(0))
            elif n < len(math):
                arg, n = math[n], n + 1
            else:
                raise NotRead(f"{m.group(1)} needs {arity} arguments")
            body = body.replace(f"#{k}", arg)
        if m.start() in arguments:
            raise NotRead(f"{m.group(1)} stands unbraced as the argument of a command: TeX "
                          "takes it whole (\\frac) or only its first token (^, _, \\sqrt); "
                          f"brace it, {{{m.group(1)}}}")
        out.append(" " + body + " ")
        changed = True
    out.append(math[n:])
    result = "".join(out)
    return expand(result, macros, depth + 1) if changed else result


def _split_rows(blank: str, original: str) -> list[tuple[int, int]]:
    """Where the rows of an environment's body start and how long they are, split at ``\\\\``
    outside braces in ``blank`` (the body with its comments blanked). A comment on the line of
    a ``\\\\`` (``\\\\ % by: rule``) belongs to the row that ``\\\\`` ends."""
    rows, depth, start, n = [], 0, 0, 0
    while n < len(blank):
        ch = blank[n]
        if ch == "\\" and blank[n + 1:n + 2] == "\\" and depth == 0:
            end = blank.find("\n", n)
            end = len(blank) if end < 0 else end
            if original[n + 2:end].strip().startswith("%"):
                rows.append((start, end - start))
                n = start = end
            else:
                rows.append((start, n - start))
                n += 2
                start = n
            continue
        if ch == "\\":
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        n += 1
    rows.append((start, len(blank) - start))
    return rows


def _take(math: str, command: str) -> tuple[str, str]:
    """``math`` without ``\\command{...}`` and the group's contents ("" when absent)."""
    m = re.search(re.escape(command) + r"\*?\s*(?=\{)", math)
    if not m:
        return math, ""
    inside, end = _group(math, m.end())
    return math[:m.start()] + math[end:], inside


#: A row whose first cell is empty and whose math starts with an operator continues the
#: expression of the row before (``&\\quad - c``).
_CONTINUES = re.compile(r"^(?:\s|\\q?quad|\\[,;: ]|\{\})*(?:[+\-]|\\cdot|\\times|\\pm)")
_NOTE = re.compile(r"\\(?:text|textrm|textit|mbox|emph)\s*\{[^{}$]*\}|\\q?quad|\\[,;: ]|\s|"
                   r"\\dvwhy\{.*\}")


def _before_notes(math: str) -> tuple[str, str]:
    """The row's math: the text before its second ``&`` outside braces, without ``&``; and
    why the rest cannot be left unread ("" when it is a note: empty, or text after ``&&``)."""
    depth, n = 0, 0
    cells: list[list[str]] = [[]]
    while n < len(math):
        ch = math[n]
        if ch == "\\":
            cells[-1].append(math[n:n + 2])
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "&" and depth == 0:
            cells.append([])
        else:
            cells[-1].append(ch)
        n += 1
    texts = ["".join(c) for c in cells]
    kept = " ".join(texts[:2])
    if len(texts) > 1 and _NOTE.sub("", texts[0]) == "" and _CONTINUES.match(texts[1]):
        kept = "\0" + kept  # the row goes on with the expression of the row before
    if any(_NOTE.sub("", rest) != "" for rest in texts[2:]):
        return kept, ("a second equation stands on this row, after its second '&': write one "
                      "equation per row, and only text (\\text{...}) after '&&'")
    return kept, ""


def _row(text: str, line: int) -> Row | None:
    comment = ""
    kept = []
    for part in text.split("\n"):
        cut = _comment_at(part)
        if cut < len(part):
            comment = part[cut + 1:] if _BY.match(part[cut + 1:]) else comment
        kept.append(part[:cut])
    math = re.sub(r"\\\\\s*$", "", " ".join(kept).rstrip())  # a `\\ % by:` row's own `\\`
    math, tag = _take(math, r"\tag")
    math, _ = _take(math, r"\label")
    math, problem = _before_notes(math)
    math = _PUNCTUATION.sub("", math.replace(r"\nonumber", "").replace(r"\notag", ""))
    if not math.strip():
        return None
    by = _BY.match(comment)
    return Row(line, math.strip(), by.group(1) if by else "", tag.strip(), problem)


def _blanked(text: str) -> str:
    """``text`` with every comment, ``comment`` environment and ``\\verb`` argument replaced by
    spaces (lines and offsets kept): what TeX never sets. (A conditional, ``\\iffalse`` among
    them, makes the document unreadable: which branch TeX sets is not the reader's to guess.)"""
    out = []
    for line in text.split("\n"):
        cut = _comment_at(line)
        out.append(line[:cut] + " " * (len(line) - cut))
    blank = "\n".join(out)
    for pattern in (_COMMENT_ENV, _VERB):
        blank = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), blank)
    return blank


_COMMENT_ENV = re.compile(r"\\begin\s*\{comment\}.*?\\end\s*\{comment\}", re.DOTALL)
_VERB = re.compile(r"\\verb\*?([^A-Za-z\s]).*?\1")


_DISPLAYS = re.compile(r"\\begin\s*\{(equation\*?|gather\*?|multline\*?|eqnarray\*?|flalign\*?|"
                       r"alignat\*?|displaymath|math|dmath\*?|split)\}|\\\[|\$\$")


def scan(text: str) -> Document:
    """The declarations, macros and chains of a ``.tex`` file's text. Only what TeX sets is
    read: comments are blank (but for ``%dv`` lines and ``% by:``), nothing after
    ``\\end{document}`` counts, and a macro applies from where it is defined."""
    doc = Document()
    for number, line in enumerate(text.split("\n"), start=1):
        found = _DECLARATION.match(line)
        if found:
            keyword = found.group(1)
            if keyword not in KEYWORDS:
                doc.problems.append((number, f"'%dv {keyword}' is not a declaration; the "
                                             f"keywords are {', '.join(KEYWORDS)}"))
            else:
                doc.declarations.append(Declaration(keyword, found.group(2), number))
    blank = _blanked(text)
    ending = re.search(r"\\end\s*\{document\}", blank)
    if ending:
        blank = blank[:ending.start()]
    _definitions(blank, doc)

    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    for m in _DISPLAYS.finditer(blank):
        what = m.group(1) or m.group(0)
        doc.skipped.append((line_of(m.start()), what))
    for m in _BEGIN.finditer(blank):
        environment = m.group(1)
        closing = re.compile(r"\\end\s*\{" + re.escape(environment) + r"\}")
        end = closing.search(blank, m.end())
        if end is None:
            doc.problems.append((line_of(m.start()), f"\\begin{{{environment}}} is never "
                                                     "closed"))
            continue
        rows: list[Row] = []
        for offset, length in _split_rows(blank[m.end():end.start()],
                                          text[m.end():end.start()]):
            at = m.end() + offset
            row_text = text[at:at + length]
            lead = len(row_text) - len(row_text.lstrip())
            row = _row(row_text, line_of(at + lead))
            if row is None:
                continue
            if row.math.startswith("\0"):  # one expression over two rows: read as one
                math = row.math[1:]
                if not rows:  # the first row: an expression that starts with a sign
                    rows.append(replace(row, math=math))
                    continue
                last = rows[-1]
                rows[-1] = replace(last, math=f"{last.math} {math}",
                                   by=last.by or row.by, tag=last.tag or row.tag,
                                   problem=last.problem or row.problem or (
                                       "two rules are named for one row"
                                       if last.by and row.by else ""))
                continue
            rows.append(row)
        doc.chains.append(Chain(line_of(m.start()), environment, tuple(rows), m.start()))
    return doc
