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
    """One token: a command (``\\log``), one character, or a run of digits."""

    text: str

    @property
    def is_command(self) -> bool:
        return self.text.startswith("\\") and len(self.text) > 1

    def __str__(self) -> str:
        return self.text


#: Commands that only set space or size, dropped everywhere.
_SPACING = frozenset({
    r"\,", r"\;", r"\:", r"\!", r"\ ", r"\quad", r"\qquad", r"\enspace", r"\thinspace",
    r"\medspace", r"\thickspace", r"\negthinspace", r"\left", r"\right", r"\middle",
    r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl",
    r"\biggr", r"\Biggl", r"\Biggr", r"\bigm", r"\Bigm", r"\displaystyle", r"\textstyle",
    r"\limits", r"\nolimits", r"\mathopen", r"\mathclose", r"\nonumber", r"\notag", r"\allowbreak",
    "~",
})

#: One spelling for each meaning.
_SYNONYMS = {
    r"\leq": r"\le", r"\geq": r"\ge", r"\leqslant": r"\le", r"\geqslant": r"\ge",
    r"\text": r"\mathrm", r"\textrm": r"\mathrm", r"\operatorname": r"\mathrm",
    r"\rm": r"\mathrm", r"\times": r"\cdot", r"\lvert": "|", r"\rvert": "|", r"\vert": "|",
    r"\Vert": r"\|", r"\lVert": r"\|", r"\rVert": r"\|", r"\ln": r"\log", r"\lbrace": r"\{",
    r"\rbrace": r"\}", r"\dfrac": r"\frac", r"\tfrac": r"\frac", r"\boldsymbol": r"\mathbf",
    r"\bm": r"\mathbf", r"\ldots": r"\dots", r"\cdots": r"\dots", r"\dotsc": r"\dots",
    r"\varepsilon": r"\epsilon",
}

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

#: Greek letters typed directly, as their commands.
_GREEK = {unicodedata.lookup(f"GREEK SMALL LETTER {n.upper().replace('LAMBDA', 'LAMDA')}"):
          f"\\{n}" for n in (
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
    "omega")}


def spelled(source: str) -> str:
    """``source`` with arg max, arg min and KL in one spelling each, ``\\underset{x}{\\arg\\max}``
    as ``\\dvargmax_{x}``, and Greek letters typed as characters as their commands."""
    for pattern, replacement in _SPELLINGS:
        source = pattern.sub(replacement, source)
    source = _UNDERSET.sub(lambda m: f"{m.group(2)}_{{{m.group(1)}}}", source)
    return "".join(_GREEK.get(ch, ch) for ch in source)


def tokens(source: str) -> list[Tok]:
    """The tokens of ``source`` in normal form (see the module's docstring)."""
    raw: list[str] = []
    for piece in _TOKEN.findall(spelled(source)):
        if piece.isspace():
            continue
        if piece.isdigit() and raw and raw[-1] in ("^", "_"):
            raw.append(piece[0])  # x^12 is x^1 2: a script is one token unless braced
            if piece[1:]:
                raw.append(piece[1:])
            continue
        piece = _SYNONYMS.get(piece.rstrip("*") if piece.endswith("*") else piece, piece)
        if piece in _SPACING:
            continue
        raw.append(piece)
    return [Tok(t) for t in _ungroup(raw)]


def _ungroup(raw: list[str]) -> list[str]:
    """Drop empty groups and the braces around a group of exactly one token, innermost first."""
    out: list[str] = []
    opened: list[int] = []
    for t in raw:
        if t == "{":
            opened.append(len(out))
            out.append(t)
        elif t == "}" and opened:
            start = opened.pop()
            inner = out[start + 1:]
            if len(inner) <= 1:
                del out[start:]
                out.extend(inner)
            else:
                out.append(t)
        else:
            out.append(t)
    return out


def normal(source: str) -> str:
    """The normal form of ``source`` as a string, for comparing two spellings."""
    return " ".join(t.text for t in tokens(source))


def groups(toks: list[Tok], start: int) -> int:
    """The index just past the group that opens at ``toks[start]`` (a ``{``)."""
    depth = 0
    for n in range(start, len(toks)):
        depth += {"{": 1, "}": -1}.get(toks[n].text, 0)
        if depth == 0:
            return n + 1
    raise NotRead(f"unbalanced braces after {''.join(t.text for t in toks[:start + 1])!r}")
