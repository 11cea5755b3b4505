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
from dataclasses import dataclass, field

from derivations.tex.declarations import KEYWORDS, Declaration
from derivations.tex.tokens import NotRead

_ENVIRONMENTS = ("align*", "align")
_BEGIN = re.compile(r"\\begin\{(" + "|".join(re.escape(e) for e in _ENVIRONMENTS) + r")\}")
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


@dataclass(frozen=True)
class Chain:
    """One environment: where it starts and its rows."""

    line: int
    environment: str
    rows: tuple[Row, ...]


@dataclass
class Document:
    """What a ``.tex`` file gives the reader."""

    declarations: list[Declaration] = field(default_factory=list)
    macros: dict[str, tuple[int, str]] = field(default_factory=dict)
    chains: list[Chain] = field(default_factory=list)
    #: what could not be used: (line, why)
    problems: list[tuple[int, str]] = field(default_factory=list)


def _comment_at(line: str) -> int:
    """Where the comment of ``line`` starts (an unescaped ``%``), or its length."""
    n = 0
    while n < len(line):
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


_MACRO = re.compile(r"\\(?:re)?newcommand\*?\s*(\{\\[A-Za-z]+\}|\\[A-Za-z]+)\s*(?:\[(\d)\])?\s*")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*(\{\\[A-Za-z]+\}|\\[A-Za-z]+)\s*")


def _macros(text: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for m in _MACRO.finditer(text):
        body, _ = _group(text, m.end())
        found[m.group(1).strip("{}")] = (int(m.group(2) or 0), body)
    for m in _OPERATOR.finditer(text):
        body, _ = _group(text, m.end())
        found[m.group(1).strip("{}")] = (0, rf"\operatorname{{{body}}}")
    return found


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
    for m in pattern.finditer(math):
        if m.start() < n:
            continue
        arity, body = macros[m.group(1)]
        out.append(math[n:m.start()])
        n = m.end()
        for k in range(1, arity + 1):
            while n < len(math) and math[n].isspace():
                n += 1
            if n < len(math) and math[n] == "{":
                arg, n = _group(math, n)
            elif n < len(math):
                arg, n = math[n], n + 1
            else:
                raise NotRead(f"{m.group(1)} needs {arity} arguments")
            body = body.replace(f"#{k}", arg)
        out.append(" " + body + " ")
        changed = True
    out.append(math[n:])
    result = "".join(out)
    return expand(result, macros, depth + 1) if changed else result


def _split_rows(body: str) -> list[tuple[int, str]]:
    """The rows of an environment's body at ``\\\\`` outside braces, each with its offset."""
    rows, depth, start, n = [], 0, 0, 0
    while n < len(body):
        ch = body[n]
        if ch == "%":  # a comment runs to the end of its line: braces in it do not count
            end = body.find("\n", n)
            n = len(body) if end < 0 else end
            continue
        if ch == "\\" and body[n + 1:n + 2] == "\\" and depth == 0:
            end = body.find("\n", n)
            end = len(body) if end < 0 else end
            rest = body[n + 2:end]
            if rest.strip().startswith("%"):  # `\\ % by: rule` names the rule of its own row
                rows.append((start, body[start:n] + rest))
                n = start = end
            else:
                rows.append((start, body[start:n]))
                n += 2
                start = n
            continue
        if ch == "\\":
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        n += 1
    rows.append((start, body[start:]))
    return rows


def _take(math: str, command: str) -> tuple[str, str]:
    """``math`` without ``\\command{...}`` and the group's contents ("" when absent)."""
    m = re.search(re.escape(command) + r"\*?\s*(?=\{)", math)
    if not m:
        return math, ""
    inside, end = _group(math, m.end())
    return math[:m.start()] + math[end:], inside


def _before_notes(math: str) -> str:
    """The row's math: the text before its second ``&`` outside braces, without ``&``."""
    depth, amps, n = 0, 0, 0
    out = []
    while n < len(math):
        ch = math[n]
        if ch == "\\":
            out.append(math[n:n + 2])
            n += 2
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "&" and depth == 0:
            amps += 1
            if amps == 2:
                break
            out.append(" ")
        else:
            out.append(ch)
        n += 1
    return "".join(out)


def _row(text: str, line: int) -> Row | None:
    comment = ""
    kept = []
    for part in text.split("\n"):
        cut = _comment_at(part)
        if cut < len(part):
            comment = part[cut + 1:] if _BY.match(part[cut + 1:]) else comment
        kept.append(part[:cut])
    math = " ".join(kept)
    math, tag = _take(math, r"\tag")
    math, _ = _take(math, r"\label")
    math = _before_notes(math).replace(r"\nonumber", "").replace(r"\notag", "")
    math = _PUNCTUATION.sub("", math)
    if not math.strip():
        return None
    by = _BY.match(comment)
    return Row(line, math.strip(), by.group(1) if by else "", tag.strip())


def scan(text: str) -> Document:
    """The declarations, macros and chains of a ``.tex`` file's text."""
    doc = Document(macros=_macros(text))
    for number, line in enumerate(text.split("\n"), start=1):
        found = _DECLARATION.match(line)
        if found:
            keyword = found.group(1)
            if keyword not in KEYWORDS:
                doc.problems.append((number, f"'%dv {keyword}' is not a declaration; the "
                                             f"keywords are {', '.join(KEYWORDS)}"))
            else:
                doc.declarations.append(Declaration(keyword, found.group(2), number))
    for m in _BEGIN.finditer(text):
        if _comment_at(text[text.rfind("\n", 0, m.start()) + 1:m.start()]) < \
                m.start() - text.rfind("\n", 0, m.start()) - 1:
            continue  # the environment is commented out
        environment = m.group(1)
        end = text.find(rf"\end{{{environment}}}", m.end())
        if end < 0:
            doc.problems.append((text.count("\n", 0, m.start()) + 1,
                                 f"\\begin{{{environment}}} is never closed"))
            continue
        body = text[m.end():end]
        rows = []
        for offset, row_text in _split_rows(body):
            lead = len(row_text) - len(row_text.lstrip())
            row = _row(row_text, text.count("\n", 0, m.end() + offset + lead) + 1)
            if row is not None:
                rows.append(row)
        doc.chains.append(Chain(text.count("\n", 0, m.start()) + 1, environment, tuple(rows)))
    return doc
