"""Beamer slides: a frame per derivation whose proof is revealed one step per overlay, then a
frame per reference implementation.

The deck is built from the shared view model only and loads derivations.sty (written next to it),
so its macros, evidence marks and theorem numbers are those of the article: ``\\dvcite`` on a
slide names the same theorem number as in ``derivations.tex``. Each proof line is shrunk (never
enlarged) to the slide's width on its own, and a proof that would run off the bottom continues
on "(cont.)" frames. Where to cut is decided here, without TeX, from an estimate of each line's
height; the estimate errs on the tall side.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from math import ceil

from derivations.language.results import DerivationResult
from derivations.render import escape
from derivations.render.latex import HEADER, MARK, code, justification
from derivations.render.sections import Sections, grouped
from derivations.render.view import CodeView, DerivationView, StepView, view

#: At most this many proof steps on one frame, however short they are.
MAX_STEPS = 5

# Estimated heights in points on a 128 mm x 96 mm beamer page at 11pt, measured on the catalogue.
_PAGE = 228.0  # below a frame title of one line, above the footline (234, less a margin)
_TITLE_LINE = 14.0  # each further line of a frame title
_TITLE_CHARS = 72  # characters of a frame title per line
_THEOREM = 37.0  # the theorem block's heading, "Then" and the gaps around the statement
_PROOF = 25.0  # the proof block's heading and gaps
_LINE = 12.0  # a line of small text (the hypotheses)
_LINE_CHARS = 60  # characters of small text per line
_WHY_LINE = 11.0  # a line of footnotesize justification
_WHY_CHARS = 62  # characters of justification per line

_PREAMBLE = r"""\documentclass[11pt]{beamer}
\usepackage{derivations}
\usepackage{adjustbox}
\setbeamertemplate{navigation symbols}{}
\setbeamertemplate{footline}[frame number]
\setbeamertemplate{theorems}[numbered]
\setbeamerfont{frametitle}{size=\normalsize}
\setlength{\dvwhywidth}{\dimexpr\textwidth-4em\relax}
% A proof line: the relation in a fixed column, the formula shrunk to the rest of the width.
\newcommand{\slidesline}[2]{\par\noindent\makebox[2em][l]{$#1$}%
  \adjustbox{max width=\dimexpr\linewidth-2em\relax}{$\displaystyle #2$}\par}
% A step's justification, under its formula.
\newcommand{\slideswhy}[1]{\noindent\hspace*{2em}#1\par\vspace{4pt}}
"""


def _math_height(math: str) -> float:
    """The height of a displayed formula: big operators, fractions and the delimiters that grow
    around them make it taller."""
    if r"\substack" in math:
        return 42.0
    big = [op for op in (r"\sum_", r"\prod_", r"\int_") if op in math]
    if big and r"\left" in math and any(op in math.partition(r"\left")[2] for op in big):
        return 41.0  # a big operator inside growing delimiters
    if big:
        return 37.0 if r"\frac" in math or r"\left" in math else 34.0
    if r"\frac" in math:
        return 27.0
    if "_{" in math and any(op in math for op in (r"\dvarg", r"\max", r"\min", r"\lim")):
        return 22.0
    return 12.0


def _step_height(step: StepView) -> float:
    """A proof line and its justification; a citation prints as "Theorem n", and the side
    conditions start on a line of their own."""
    lines = ceil((len(step.why) + 14 * len(step.cites)) / _WHY_CHARS)
    if step.conditions:
        chars = 6 + sum(0.6 * len(c.math) + 2 if c.math is not None else len(c.text) + 2
                        for c in step.conditions)
        lines += ceil(chars / _WHY_CHARS)
    return _math_height(step.expr) + 1.0 + _WHY_LINE * lines


def _theorem_height(v: DerivationView) -> float:
    """The theorem block: the hypotheses (LaTeX source is about 5/3 of the printed width) in
    lines of small text, and the statement."""
    chars = 11 + sum(0.6 * len(h) + 3 for h in v.hypotheses)
    return _THEOREM + _LINE * ceil(chars / _LINE_CHARS) + _math_height(v.statement)


def _room(v: DerivationView, lo: int, hi: int) -> float:
    """Estimated height left on a frame showing steps ``lo`` to ``hi`` (the first frame shows
    the theorem too)."""
    page = _PAGE - _TITLE_LINE * (ceil((len(v.title) + len(" (cont.)")) / _TITLE_CHARS) - 1)
    top = _theorem_height(v) + _math_height(v.start) if lo == 0 else \
        _math_height(v.steps[lo - 1].expr)
    return page - top - _PROOF - sum(_step_height(s) for s in v.steps[lo:hi])


def _cuts(v: DerivationView) -> list[int]:
    """Step indices where frames start, then the number of steps. Each frame takes as many
    steps as fit, at most ``MAX_STEPS`` and at least one; the continuation frames then share
    their steps evenly when that fits too, rather than leave the last one nearly empty."""
    n = len(v.steps)
    cuts = [0]
    for i in range(1, n):
        if _room(v, cuts[-1], i + 1) < 0 or i - cuts[-1] == MAX_STEPS:
            cuts.append(i)
    parts = len(cuts) - 1
    if parts > 1:
        even = [cuts[1] + (n - cuts[1]) * j // parts for j in range(parts)]
        if all(_room(v, lo, hi) >= 0 and hi - lo <= MAX_STEPS
               for lo, hi in pairwise([*even, n])):
            cuts[1:] = even
    return cuts + [n]


def _theorem(v: DerivationView) -> str:
    hypotheses = r";\quad ".join(f"${h}$" for h in v.hypotheses) or "none"
    mark = MARK[v.evidence] if v.evidence is not None else "?"
    return "".join([
        rf"\begin{{dvtheorem}}\label{{dv:{v.name}}}\upshape", "\n",
        r"{\small\textit{Hypotheses.} ", hypotheses, ".\\par}\n",
        r"Then", "\n", _fitted(rf"{v.statement} \qquad {mark}"),
        r"\end{dvtheorem}", "\n",
    ])


def _proof(start: str, steps: Sequence[StepView], *, cont: bool, last: bool) -> str:
    """The proof from ``start``; the frame's step ``n`` is uncovered on overlay ``n + 1``, and
    the end-of-proof mark with the last step."""
    lines = [rf"\vspace{{3pt}}\slidesline{{}}{{{start}}}"]  # clear of the block's heading
    for n, s in enumerate(steps, start=2):
        qed = r"\qedhere" if last and n == len(steps) + 1 else ""
        lines.append(rf"\uncover<{n}->{{\slidesline{{{s.relation}}}{{{s.expr}}}"
                     rf"\slideswhy{{{justification(s)}{qed}}}}}")
    return "".join([
        r"\begin{proof}", r"[\proofname\ (cont.)]" if cont else "", "\n",
        "" if last else "\\renewcommand{\\qed}{}% continued on the next frame\n",
        "\n".join(lines), "\n",
        r"\end{proof}", "\n",
    ])


def _fitted(math: str) -> str:
    """A formula set apart and shrunk (never enlarged) to the frame's width."""
    return (rf"\par{{\centering\adjustbox{{max width=\linewidth}}{{$\displaystyle {math}$}}"
            "\\par}\n")


def _code_frame(title: str, c: CodeView) -> str:
    """After the proof, a frame per reference implementation, as in the article."""
    return "".join([rf"\begin{{frame}}[t]{{{title} (in code)}}", "\n", code(c, _fitted),
                    r"\end{frame}", "\n"])


def _frames(result: DerivationResult) -> str:
    """The derivation's frame, with the theorem, then a "(cont.)" frame per further part, then
    a frame per reference implementation."""
    v = view(result)
    title = escape.latex(v.title)
    cuts = _cuts(v)
    frames = []
    for part, (lo, hi) in enumerate(pairwise(cuts)):
        frames.append("".join([
            rf"\begin{{frame}}[t]{{{title}{' (cont.)' if part else ''}}}", "\n",
            "" if part else _theorem(v),
            _proof(v.steps[lo - 1].expr if part else v.start, v.steps[lo:hi], cont=part > 0,
                   last=hi == len(v.steps)),
            r"\end{frame}", "\n",
        ]))
    frames += [_code_frame(title, c) for c in v.implementations]
    return "".join(frames)


def deck(results: Sequence[DerivationResult], title: str, sections: Sections = ()) -> str:
    """``slides.tex``: a title frame, the legend of the evidence marks, then for each section
    a section frame and the frames of its derivations."""
    body = []
    for heading, members in grouped(results, sections):
        if heading is not None:
            body.append(rf"\section{{{escape.latex(heading)}}}" + "\n"
                        + r"\begin{frame}\sectionpage\end{frame}" + "\n")
        body.extend(f"% {r.derivation.name}\n" + _frames(r) for r in members)
    return "".join([
        HEADER,
        _PREAMBLE,
        rf"\title{{{escape.latex(title)}}}", "\n",
        r"\author{Generated and checked by \texttt{derivations}}", "\n",
        r"\date{}", "\n",
        r"\begin{document}", "\n",
        r"\begin{frame}\titlepage\end{frame}", "\n",
        r"\begin{frame}{Evidence marks}\dvlegend\end{frame}", "\n",
        "".join(body),
        r"\end{document}", "\n",
    ])
