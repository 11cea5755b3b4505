"""LaTeX math as a list of tokens, with what only sets type taken away.

Reading a line and comparing it with what the printer makes of it (the round trip) start from
the same normal form: spacing, ``\\left``/``\\right`` and other sizing commands, empty groups
and braces around one token carry no meaning and are dropped; synonyms (``\\leq`` and ``\\le``,
``\\text`` and ``\\mathrm``) become one spelling; the several ways of writing arg max, arg min and
KL become one token each. Everything else is kept, so a reading that loses or adds a symbol, a
subscript or a bracket shows up as a difference.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from derivations.errors import AuthoringError


class NotRead(AuthoringError):
    """A line (or a declaration) the reader does not understand; the message says why."""


@dataclass(frozen=True)
class Tok:
    """One token: a command (``\\log``), one character, or a run of digits. ``spaced``: an
    explicit space (``\\,``, ``\\;``, ``\\quad``, ...) stands before it in the source, which
    the reader takes as the sign of a product (``\\lambda\\,(a + b)``, not ``\\lambda(a + b)``)."""

    text: str
    spaced: bool = False

    @property
    def is_command(self) -> bool:
        return self.text.startswith("\\") and len(self.text) > 1

    def __str__(self) -> str:
        return self.text


#: Commands that only set space or size, dropped everywhere.
_SPACING = frozenset({
    r"\,", r"\;", r"\:", r"\!", r"\ ", r"\quad", r"\qquad", r"\enspace", r"\thinspace",
    r"\medspace", r"\thickspace", r"\negthinspace", r"\negmedspace", r"\negthickspace",
    r"\left", r"\right", r"\middle",
    r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl",
    r"\biggr", r"\Biggl", r"\Biggr", r"\bigm", r"\Bigm", r"\displaystyle", r"\textstyle",
    r"\limits", r"\nolimits", r"\mathopen", r"\mathclose", r"\nonumber", r"\notag", r"\allowbreak",
    "~",
})

#: One spelling for each meaning.
_SYNONYMS = {
    r"\leq": r"\le", r"\geq": r"\ge", r"\leqslant": r"\le", r"\geqslant": r"\ge",
    r"\text": r"\mathrm", r"\textrm": r"\mathrm", r"\operatorname": r"\mathrm",
    r"\rm": r"\mathrm", r"\times": r"\cdot", "|": r"\mid", r"\vert": r"\mid",
    r"\Vert": r"\|", r"\lVert": r"\|", r"\rVert": r"\|", r"\ln": r"\log", r"\lbrace": r"\{",
    r"\rbrace": r"\}", r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\ldots": r"\dots",
    r"\cdots": r"\dots", r"\dotsc": r"\dots", r"\bm": r"\boldsymbol",
}
#: The space each spacing command sets, in mu: a product whose factors the source sets apart by
#: a positive space is taken as a product (``\\,\\!`` sets none).
_SPACES = {r"\,": 3, r"\;": 5, r"\:": 4, r"\ ": 6, r"\quad": 18, r"\qquad": 36, "~": 6,
           r"\enspace": 9, r"\thinspace": 3, r"\medspace": 4, r"\thickspace": 5, r"\!": -3,
           r"\negthinspace": -3, r"\negmedspace": -4, r"\negthickspace": -5}
#: A space this wide (in mu; \\quad is 18) separates formulas, not factors.
_WIDE = 18
#: Commands that make the next token a delimiter.
_SIZING = frozenset({r"\left", r"\right", r"\middle", r"\big", r"\Big", r"\bigg", r"\Bigg",
                     r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\Biggl",
                     r"\Biggr", r"\bigm", r"\Bigm"})
#: The sizing commands of an opening and of a closing delimiter (``\left|``, ``\right|``).
_OPENING = frozenset({r"\left", r"\bigl", r"\Bigl", r"\biggl", r"\Biggl"})
_CLOSING = frozenset({r"\right", r"\bigr", r"\Bigr", r"\biggr", r"\Biggr"})
#: Commands that take the next token or group as an argument, and how many.
_ARGUMENTS = {"^": 1, "_": 1, r"\sqrt": 1, r"\frac": 2}

#: Spellings of arg max, arg min and KL, rewritten before tokens are made (each becomes the
#: package's own macro, which is how the printer writes them).
_SPELLINGS = (
    (re.compile(r"\\operatorname\*?\s*\{\s*arg\s*(?:\\[,;:! ]\s*)*max\s*\}|\\arg\s*\\max"
                r"|\\argmax(?![A-Za-z])|\\mathop\{\s*\\mathrm\{arg\s*(?:\\[,;:! ]\s*)*max\}\s*\}"),
     r"\\dvargmax "),
    (re.compile(r"\\operatorname\*?\s*\{\s*arg\s*(?:\\[,;:! ]\s*)*min\s*\}|\\arg\s*\\min"
                r"|\\argmin(?![A-Za-z])|\\mathop\{\s*\\mathrm\{arg\s*(?:\\[,;:! ]\s*)*min\}\s*\}"),
     r"\\dvargmin "),
    (re.compile(r"D_\{?\s*\\(?:mathrm|operatorname|text)\{KL\}\s*\}?"
                r"|\\(?:mathrm|operatorname|text)\{KL\}"),
     r"\\dvKL "),
)

_UNDERSET = re.compile(r"\\underset\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{\s*(\\dvarg(?:max|min))\s*\}")

_TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|[0-9]+|\s+|.", re.DOTALL)

#: Unicode's letters as unicode-math sets them: U+03B5 is the open epsilon of \varepsilon (the
#: lunate one, U+03F5, is \epsilon), and likewise for phi and theta.
_VARIANTS = {"\N{GREEK SMALL LETTER EPSILON}": r"\varepsilon",
             "\N{GREEK LUNATE EPSILON SYMBOL}": r"\epsilon",
             "\N{GREEK SMALL LETTER PHI}": r"\varphi", "\N{GREEK PHI SYMBOL}": r"\phi",
             "\N{GREEK THETA SYMBOL}": r"\vartheta"}
#: Greek letters typed directly, as their commands.
_GREEK = {unicodedata.lookup(f"GREEK SMALL LETTER {n.upper().replace('LAMBDA', 'LAMDA')}"):
          f"\\{n}" for n in (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
    "omega")} | _VARIANTS


_BOLD_GREEK = re.compile(r"\\mathbf\s*\{\s*(\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|"
                         r"eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|upsilon|"
                         r"phi|varphi|chi|psi|omega))\s*\}")


def spelled(source: str) -> str:
    """``source`` with arg max, arg min and KL in one spelling each, ``\\underset{x}{\\arg\\max}``
    as ``\\dvargmax_{x}``, and Greek letters typed as characters as their commands."""
    for pattern, replacement in _SPELLINGS:
        source = pattern.sub(replacement, source)
    source = _UNDERSET.sub(lambda m: f"{m.group(2)}_{{{m.group(1)}}}", source)
    if _BOLD_GREEK.search(source):  # pdfLaTeX's \mathbf does not touch a Greek command
        raise NotRead(r"\mathbf{\theta} is set as \theta by pdfLaTeX; write \boldsymbol{\theta}")
    # a typed Greek letter in \mathbf is bold (unicode-math): \boldsymbol{\theta}
    source = re.sub(r"\\mathbf\s*\{\s*([\u0370-\u03ff])\s*\}",
                    lambda m: rf"\boldsymbol{{{_GREEK.get(m.group(1), m.group(1))}}}", source)
    return "".join(_GREEK.get(ch, ch) for ch in source)



def tokens(source: str) -> list[Tok]:
    """The tokens of ``source`` in normal form (see the module's docstring)."""
    raw: list[tuple[str, bool]] = []
    space, sized = 0, ""
    pieces = [p for p in _TOKEN.findall(spelled(source)) if not p.isspace()]
    for n, piece in enumerate(pieces):
        if piece.isdigit() and raw and raw[-1][0] in ("^", "_"):
            raw.append((piece[0], space > 0))  # x^12 is x^1 2: one token unless braced
            if piece[1:]:
                raw.append((piece[1:], False))
            space = 0
            continue
        piece = _SYNONYMS.get(piece.rstrip("*") if piece.endswith("*") else piece, piece)
        if piece in ("<", ">") and sized:  # \left< is an angle bracket, not a relation
            piece = r"\langle" if piece == "<" else r"\rangle"
        if piece == r"\mid" and sized in _OPENING:  # \left| x \right|: an absolute value
            piece = r"\lvert"
        elif piece == r"\mid" and sized in _CLOSING:
            piece = r"\rvert"
        sized = piece if piece in _SIZING else ""
        if piece in _SPACING:
            space += _SPACES.get(piece, 0)
            continue
        if space >= _WIDE and raw and piece not in ("{", "}"):
            raise NotRead("a wide space (\\quad) inside a formula sets two formulas apart: "
                          "write one per row, or the words after '&&'")
        empty = piece == "{" and pieces[n + 1:n + 2] == ["}"] or piece == "}" and raw and \
            raw[-1][0] == "{"
        raw.append((piece, space > 0))
        if not empty:
            space = 0
    _check_arguments([t for t, _ in raw])
    return [Tok(t, sp) for t, sp in _ungroup(raw)]


def _check_arguments(raw: list[str]) -> None:
    """Refuse what TeX reads otherwise than the reader would: a run of digits as the argument
    of ``\\frac`` or ``\\sqrt`` (TeX takes one digit: ``\\frac12`` is a half), and an empty group
    as an argument (``2^{}3`` shows 23)."""
    def end(n: int) -> int:
        return past(raw, n)

    for n, t in enumerate(raw):
        at = n + 1
        for _ in range(_ARGUMENTS.get(t, 0)):
            if raw[at:at + 2] == ["{", "}"]:
                raise NotRead(f"an empty group stands as the argument of {t!r}, which TeX sets "
                              "as nothing; write the argument")
            if at < len(raw) and raw[at].isdigit() and len(raw[at]) > 1:
                raise NotRead(f"{t} {raw[at]}: TeX takes one digit as the argument of {t}; "
                              "brace the argument")
            at = end(at)


def _ungroup(raw: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Drop empty groups and the braces around a group of exactly one token, innermost first."""
    out: list[tuple[str, bool]] = []
    opened: list[int] = []
    for t in raw:
        if t[0] == "{":
            opened.append(len(out))
            out.append(t)
        elif t[0] == "}" and opened:
            start = opened.pop()
            inner = out[start + 1:]
            if len(inner) <= 1:
                spaced = out[start][1]
                del out[start:]
                out.extend((x, x_spaced or spaced) for x, x_spaced in inner)
            else:
                out.append(t)
        else:
            out.append(t)
    return out


def normal(source: str) -> str:
    """The normal form of ``source`` as a string, for comparing two spellings (where ``\\cdot``
    between two factors and their juxtaposition are one product)."""
    return " ".join(t.text for t in tokens(source) if t.text != r"\cdot")


def past(texts: list[str], start: int, brackets: tuple[str, str] = ("{", "}")) -> int:
    """The index just past the group that opens at ``texts[start]`` (with ``brackets``), or
    past the one token there; the end of ``texts`` when the group is not closed."""
    if start >= len(texts) or texts[start] != brackets[0]:
        return start + 1
    depth = 0
    for n in range(start, len(texts)):
        depth += {brackets[0]: 1, brackets[1]: -1}.get(texts[n], 0)
        if depth == 0:
            return n + 1
    return len(texts)
