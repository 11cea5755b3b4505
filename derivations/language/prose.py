"""Prose with mathematics in it: what an author writes in titles, summaries, justifications,
notes and the answer's paragraphs, validated once and rendered by every output format.

The syntax is the one a LaTeX author already uses, restricted so that every format can show it
and no format can be subverted by it:

- ``$...$`` is inline math, written in a small subset of amsmath (the commands in
  :data:`MATH_COMMANDS`): it is set by LaTeX in the PDF and the slides and by MathJax/KaTeX in the
  pages, so it must mean the same to both. No display math, no alignment (``&``, ``\\\\``), no
  comments, no macro definitions, no file access, no catcode tricks (``^^``).
- ```name``` is a code name (a Python identifier or call), set in a monospaced font.
- ``[[name]]`` refers to a derivation of the catalogue by its name; each format prints it as
  "Theorem N" with the number it has there (never the code name).
- ``\\$`` is a literal dollar sign in text.

Everything else is plain text, and a plain-text formula is refused: text may not contain ``_``,
``^``, ``=``, ``<``, ``>``, an operator between spaces or a mathematical Unicode character
(Greek letters, relations, operators); the error says to write it as math. :func:`segments`
splits and validates; renderers fold the segments with :func:`render`, each with its own
escaping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from derivations.errors import AuthoringError

Kind = Literal["text", "math", "code", "ref"]


@dataclass(frozen=True)
class Segment:
    """A piece of prose: ``text`` (raw, to be escaped), ``math`` (validated LaTeX for math
    mode, without the dollars), ``code`` (a code name) or ``ref`` (a derivation's name)."""

    kind: Kind
    body: str


GREEK = """alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu
nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta
Lambda Xi Pi Sigma Upsilon Phi Psi Omega""".split()

#: The commands inline math may use: each is standard amsmath/amssymb and known to MathJax and
#: KaTeX, none reads or writes files, defines macros or changes how TeX reads its input.
MATH_COMMANDS: frozenset[str] = frozenset(GREEK) | frozenset("""
log ln exp sin cos tan tanh sinh cosh det dim max min arg sup inf lim Pr
sum prod int frac tfrac dfrac sqrt binom
left right middle big Big bigg Bigg bigl bigr Bigl Bigr mid vert Vert lvert rvert lVert rVert
langle rangle lfloor rfloor lceil rceil lbrace rbrace
cdot cdots ldots dots vdots ddots times div pm mp ast star circ bullet
le leq ge geq ne neq lt gt approx equiv sim simeq propto ll gg
in notin ni subset subseteq supset supseteq cup cap setminus emptyset varnothing
to mapsto rightarrow leftarrow Rightarrow Leftarrow iff implies
forall exists neg land lor infty partial nabla prime ell top perp
mathrm mathbf mathit mathsf mathtt mathcal mathbb boldsymbol operatorname text textrm textit
hat tilde bar vec dot ddot overline underline widehat widetilde
quad qquad limits nolimits displaystyle textstyle colon
""".split())

#: Control symbols allowed after a backslash in math: spacing and escaped delimiters.
_MATH_SYMBOLS = frozenset(",;:! {}|%#&_")

_FORBIDDEN_HINT = ("it reads or writes files, defines macros or changes how TeX reads its input; "
                   "prose math may use only the commands listed in "
                   "derivations.language.prose.MATH_COMMANDS")

_TEXT_FORMULA = re.compile(r"_|\^|[=<>]|\s[+*/]\s|\w[+*]\w|[A-Za-z]\([^()]*[-+*/^][^()]*\)")
_CODE = re.compile(r"`([^`\n]+)`")
_REF = re.compile(r"\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*(\(\))?")
_COMMAND = re.compile(r"\\([A-Za-z]+|.)", re.DOTALL)


def segments(text: str, where: str = "prose") -> tuple[Segment, ...]:
    """Split ``text`` into segments, validating each; ``where`` names the text in errors
    (e.g. "the summary of softmax_is_positive")."""
    if not isinstance(text, str):
        raise AuthoringError(f"{where} must be a string, not {type(text).__name__}")
    pieces = _split_dollars(text, where)
    found: list[Segment] = []
    for index, piece in enumerate(pieces):
        if index % 2:
            found.append(Segment("math", _math(piece, where)))
        else:
            found += _text(piece, where)
    return tuple(s for s in found if s.body)


def validate(text: str, where: str = "prose") -> str:
    """``text`` itself once :func:`segments` accepts it (for use in dataclass checks)."""
    segments(text, where)
    return text


def refs(text: str) -> tuple[str, ...]:
    """The derivations ``text`` refers to with ``[[name]]``, in order of first mention."""
    return tuple(dict.fromkeys(s.body for s in segments(text) if s.kind == "ref"))


#: Relations in math: a prose formula with one of these states something, and a statement beside
#: a check mark (a title, a justification) reads as checked when it is not.
_RELATION = re.compile(r"[=<>]|\\(le|leq|ge|geq|ne|neq|lt|gt|approx|equiv|sim|simeq|propto|"
                       r"ll|gg|in|notin|ni|subset|subseteq|supset|supseteq|iff|implies|"
                       r"Rightarrow|Leftarrow|rightarrow|leftarrow|to|mapsto|mid|perp|text|"
                       r"textrm|textit)(?![A-Za-z])")


#: Words inside math that state a relation, in whatever font (``\\mathrm{equals}``: red-team
#: round 21).
_RELATION_WORDS = frozenset(
    "equals equal eq is are be becomes gives yields exceeds than iff implies means bounds below "
    "above under over at most least not no le leq ge geq lt gt ne neq coincides coincide "
    "matches match same identical agrees agree differs differ greater smaller larger less "
    "exceed bounded".split())
_WORD_COMMAND = re.compile(r"\\(?:math[a-z]*|operatorname\*?|text[a-z]*|mbox|hbox)\s*"
                           r"\{([^{}]*)\}")


def _states(body: str) -> bool:
    """A relation symbol, or a relation word set in any font: the words are read as TeX sets
    them, with font commands, braces and spacing commands gone (``\\mathrm{equ}\\mathrm{als}``
    is "equals": red-team round 22)."""
    if _RELATION.search(body):
        return True
    if not _WORD_COMMAND.search(body) and not re.search(r"\\(boldsymbol|bm|pmb)", body):
        return False
    spaced = re.sub(r"\\[,;:! ]|~|\\q?quad(?![A-Za-z])", " ", body)
    shown = re.sub(r"\\(?:math[a-z]*|operatorname\*?|text[a-z]*|mbox|hbox|boldsymbol|bm|pmb)"
                   r"(?![A-Za-z])|[{}]", "", spaced)
    return bool(_RELATION_WORDS & set(re.findall(r"[A-Za-z]+", shown.lower())))


def statements(text: str) -> tuple[str, ...]:
    """The math segments of ``text`` that state a relation (``$a = b$``, ``$x \\le 1$``,
    ``$a \\;\\mathrm{equals}\\; b$``)."""
    return tuple(s.body for s in segments(text) if s.kind == "math" and _states(s.body))


def plain(text: str) -> str:
    """The prose with its markup removed (math as written, without dollars): for a terminal,
    a log line or a search index, never for a typeset page."""
    return render(text, text=str, math=str, code=str, ref=str)


def render(prose: str, *, text: Callable[[str], str], math: Callable[[str], str],
           code: Callable[[str], str], ref: Callable[[str], str]) -> str:
    """Fold the prose's segments, each through its format's function: ``text`` escapes plain
    text, ``math`` wraps validated math, ``code`` sets a code name, ``ref`` prints a
    derivation's reference (e.g. "Theorem 3")."""
    parts = {"text": text, "math": math, "code": code, "ref": ref}
    return "".join(parts[s.kind](s.body) for s in segments(prose))


def _split_dollars(text: str, where: str) -> list[str]:
    """Text and math alternately (even indices text, odd math); ``\\$`` stays in the text."""
    pieces, current, in_math, i = [], [], False, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if c == "$":
            if text[i + 1:i + 2] == "$":
                raise AuthoringError(f"{where}: display math ($$...$$) is not allowed in prose; "
                                     "write inline math between single dollars")
            pieces.append("".join(current))
            current, in_math = [], not in_math
            i += 1
            continue
        current.append(c)
        i += 1
    if in_math:
        raise AuthoringError(f"{where}: a $ opens math that is never closed: {text!r}")
    pieces.append("".join(current))
    return pieces


def _text(piece: str, where: str) -> list[Segment]:
    """Plain text with code spans and references; refuses a formula written as text."""
    out: list[Segment] = []
    pos = 0
    for match in re.finditer(rf"{_CODE.pattern}|{_REF.pattern}", piece):
        out += _plain(piece[pos:match.start()], where)
        if match.group(1) is not None:
            name = match.group(1)
            if not _NAME.fullmatch(name):
                raise AuthoringError(f"{where}: `{name}` is not a code name (an identifier, "
                                     "dotted or called with ()); write math between $...$")
            out.append(Segment("code", name))
        else:
            out.append(Segment("ref", match.group(2)))
        pos = match.end()
    out += _plain(piece[pos:], where)
    return out


def _plain(piece: str, where: str) -> list[Segment]:
    if "`" in piece:
        raise AuthoringError(f"{where}: an unmatched backquote in {piece!r}; a code name is "
                             "written `name`")
    if "[[" in piece or "]]" in piece:
        raise AuthoringError(f"{where}: a reference is written [[derivation_name]]: {piece!r}")
    text = piece.replace("\\$", "$")
    if "\\" in text:
        raise AuthoringError(f"{where}: a backslash outside math in {piece!r}; TeX commands "
                             "belong between $...$ (a dollar sign is written \\$)")
    formula = _TEXT_FORMULA.search(text)
    if formula:
        raise AuthoringError(f"{where}: {formula.group()!r} in plain text looks like a formula "
                             f"({piece.strip()!r}); write it as math between $...$")
    for char in text:
        if _mathematical(char):
            raise AuthoringError(
                f"{where}: the character {char!r} ({unicodedata.name(char, 'unnamed')}) in "
                f"plain text is mathematics; write it as math between $...$, e.g. "
                r"$\theta$ or $\le$")
        if unicodedata.category(char) in ("Cc", "Cf") and char not in "\n\t":
            raise AuthoringError(f"{where}: a control character {char!r} in prose")
    return [Segment("text", text)]


def _mathematical(char: str) -> bool:
    """Greek letters, mathematical operators and arrows, super/subscripts, modifier carets."""
    if unicodedata.category(char) == "Sm" and char not in "+=|~":
        return True
    name = unicodedata.name(char, "")
    return (name.startswith(("GREEK ", "MATHEMATICAL ", "SUPERSCRIPT ", "SUBSCRIPT ",
                             "DOUBLE-STRUCK ", "MODIFIER LETTER CIRCUMFLEX"))
            or "ARROW" in name or char in "‖∑∏∫√∞∂∇≤≥≠≈∈∉⊂⊆∪∩ˆ")


def _math(body: str, where: str) -> str:
    """Validate inline math: printable ASCII, balanced braces, allowed commands only."""
    if not body.strip():
        raise AuthoringError(f"{where}: empty math ($$ or $ $)")
    for char in body:
        if not (" " <= char <= "~"):
            raise AuthoringError(f"{where}: the character {char!r} in math ${body}$; math is "
                                 r"written in ASCII TeX (e.g. \theta, \le)")
    for bad, what in (("^^", "a character code (^^)"), ("%", "a comment (%)"),
                      ("#", "a macro parameter (#)"), ("&", "an alignment (&)")):
        if bad in body.replace("\\%", "").replace("\\#", "").replace("\\&", ""):
            raise AuthoringError(f"{where}: {what} in math ${body}$ is not allowed in prose")
    depth = 0
    for char in _COMMAND.sub("", body):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            raise AuthoringError(f"{where}: a closing brace without its opening one in ${body}$")
    if depth:
        raise AuthoringError(f"{where}: unbalanced braces in ${body}$")
    lefts = len(re.findall(r"\\left(?![A-Za-z])", body))
    if lefts != len(re.findall(r"\\right(?![A-Za-z])", body)):
        raise AuthoringError(f"{where}: every \\left needs its \\right in ${body}$")
    for text in re.findall(r"\\text(?:rm|it)?\s*\{([^{}]*)\}", body):
        if re.search(r"[_^\\$]", text):
            raise AuthoringError(f"{where}: text inside math may not hold _, ^, \\ or $: "
                                 f"\\text{{{text}}} in ${body}$")
    for match in _COMMAND.finditer(body):
        name = match.group(1)
        if name == "\\":
            raise AuthoringError(f"{where}: a line break (\\\\) in math ${body}$ is not allowed "
                                 "in prose")
        if len(name) == 1 and not name.isalpha():
            if name not in _MATH_SYMBOLS:
                raise AuthoringError(f"{where}: the control symbol \\{name} in ${body}$ is not "
                                     "allowed in prose math")
            continue
        if name not in MATH_COMMANDS:
            raise AuthoringError(f"{where}: \\{name} in ${body}$ is not allowed in prose math: "
                                 f"{_FORBIDDEN_HINT}")
    return body


#: The public name (``from derivations import validate_prose``).
validate_prose = validate

__all__ = ["MATH_COMMANDS", "Segment", "plain", "refs", "render", "segments", "statements",
           "validate",
           "validate_prose"]
