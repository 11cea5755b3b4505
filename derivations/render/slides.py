"""Beamer slides a lecturer can teach from.

The deck opens with the answer to the question (when the catalogue's answer is given): the
question, the notation bridge, a frame per sub-question (more when a section is long) and its
figures, and the answer's summary right after them. Then, per theorem, a statement frame (its
title, its one-sentence summary, hypotheses and result) and the proof on one frame, revealed a
step per overlay; a proof too tall for one frame is split into two, never more. A statement whose
summary is long is given two frames as well: the summary, then the hypotheses and the result.
Without an answer, a summary of the sections follows the theorems. The reference
implementations are in an appendix. Frame titles are short by construction ("Theorem N", "Proof
of Theorem N"), the theorem's title heading its statement, where it may wrap.

The deck is built from the shared view model only and loads derivations.sty (written next to it).
Theorem numbers are those of the book (:func:`derivations.render.sections.numbers`), printed as
numbers: a citation is "Theorem N" whether or not the cited theorem is in the deck. How to split
a proof is decided here, without TeX, from an estimate of each line's height (measured on the
catalogue: between 5% short and 25% tall of TeX's own heights); every frame's body is also
shrunk (never enlarged) to the frame, so an estimate that is off makes a frame denser, never
overfull, but on the catalogue no frame is shrunk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import ceil

from derivations.language.document import Answer, Block, Figure, Remark, Section
from derivations.language.results import DerivationResult
from derivations.render import escape, plot
from derivations.render.latex import (
    ARRAYS_ONCE,
    HEADER,
    MARK,
    code,
    figure_caption,
    justification,
)
from derivations.render.latex import text as prose_text
from derivations.render.sections import Sections, grouped, numbers
from derivations.render.view import CodeView, DerivationView, StepView, view

#: At most this many frames per proof.
MAX_FRAMES = 2

# Estimated heights in points on a 128 mm x 96 mm beamer page at 11pt, measured on the catalogue.
_PAGE = 208.0  # the room below a frame title of one line (219pt), less the estimate's 5% error
_STATEMENT_PAGE = 210.0  # the same room for a statement, whose estimate errs by 4% at most
_STATEMENT_CHARS = 150  # characters of a statement's LaTeX above which it may take two lines
_LINE = 13.6  # a line of text
_SMALL_LINE = 12.0  # a line of small text
_CHARS = 64  # characters of prose per line
_SMALL_CHARS = 66  # characters of small prose (or of hypotheses' LaTeX source) per line
_WHY_LINE = 11.0  # a line of footnotesize justification
_WHY_CHARS = 66  # characters of justification per line
_NOTATION_ROW = 12.0  # a line of a notation row
_NOTATION_CHARS = 30  # characters of a notation row's meaning (LaTeX source) per line
#: Characters of prose (LaTeX source) on one answer frame before it continues on another.
_ANSWER_CHARS = 900

_PREAMBLE = r"""\documentclass[11pt]{beamer}
\usepackage[T1]{fontenc}
\usepackage{lmodern}
\usefonttheme{serif}
\usefonttheme{professionalfonts}
\usepackage{derivations}
\usepackage{adjustbox}
\usepackage{tabularx}
\usepackage{pgfplots}
\pgfplotsset{compat=1.18}
\setbeamertemplate{navigation symbols}{}
\setbeamertemplate{section page}{\centering\usebeamerfont{section title}%
  \usebeamercolor[fg]{section title}\insertsectionhead\par}
\setbeamertemplate{footline}[frame number]
\setbeamerfont{frametitle}{size=\normalsize}
\setbeamerfont{block title}{size=\normalsize}
\setbeamercolor{block title}{fg=structure.fg}
\setlength{\dvwhywidth}{\dimexpr\textwidth-3em\relax}
\newsavebox{\slidesbox}
% A frame title on one line, shrunk (never enlarged) to the frame's width, which the log reports.
\newcommand{\slidestitle}[1]{\sbox{\slidesbox}{\usebeamerfont{frametitle}#1}%
  \ifdim\wd\slidesbox>\textwidth\typeout{Slides: title of frame \insertframenumber\space
    shrunk to fit}\fi
  \frametitle{\adjustbox{max width=\textwidth}{#1}}}
% A frame's body, shrunk (never enlarged) to the room below the title, which the log reports.
\newcommand{\slidesfit}[1]{\sbox{\slidesbox}{\begin{minipage}[t]{\textwidth}#1\end{minipage}}%
  \dimen0=\ht\slidesbox\advance\dimen0 by \dp\slidesbox
  \ifdim\dimen0>0.84\textheight\typeout{Slides: frame \insertframenumber\space shrunk to
    fit}\fi
  \noindent\adjustbox{max width=\textwidth, max totalheight=0.84\textheight}{\usebox{\slidesbox}}}
% A proof line: the relation in a fixed column, the formula shrunk to the rest of the width.
\newcommand{\slidesline}[2]{\par\noindent\makebox[2em][l]{$#1$}%
  \adjustbox{max width=\dimexpr\linewidth-2em\relax}{$\displaystyle #2$}\par}
% A step's justification, under its formula.
\newcommand{\slideswhy}[1]{\noindent\hspace*{2em}#1\par\vspace{1.5pt}}
% A formula set apart, shrunk to the width.
\newcommand{\slidesmath}[1]{\par\smallskip
  {\centering\adjustbox{max width=\linewidth}{$\displaystyle #1$}\par}\smallskip}
% A theorem's result and its evidence mark: on one line when it fits, else the start on one line
% and the rest (relation first) on the next, each shrunk to the width only if it is still too wide.
\newsavebox{\slidesresult}
\newcommand{\slidesstatement}[3]{\par\smallskip
  \sbox{\slidesresult}{$\displaystyle #1 #2 \qquad #3$}%
  \ifdim\wd\slidesresult>\linewidth
    {\noindent\adjustbox{max width=\linewidth}{$\displaystyle #1$}\par
     \hfill\adjustbox{max width=\linewidth}{$\displaystyle {}#2 \qquad #3$}\par}%
  \else{\centering\usebox{\slidesresult}\par}\fi\smallskip}
% A hypothesis: never broken, shrunk to the width.
\newcommand{\slideshyp}[1]{\mbox{\adjustbox{max width=\linewidth}{$#1$}}}
% An unchecked remark, labelled with its kind.
\newcommand{\slidesremark}[2]{{\color{black!70}\textbf{#1.}\ #2}}
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
    return 14.0


def _step_height(step: StepView) -> float:
    """A proof line and its justification; a citation prints as "Theorem n", and the side
    conditions start on a line of their own."""
    lines = ceil((len(step.why) + 14 * len(step.cites)) / _WHY_CHARS)
    if step.conditions:
        chars = 6 + sum(0.6 * len(c.math) + 2 if c.math is not None else len(c.text) + 2
                        for c in step.conditions)
        lines += ceil(chars / _WHY_CHARS)
    return _math_height(step.expr) + 1.5 + _WHY_LINE * lines


def _prose_height(chars: float, *, small: bool = False) -> float:
    per_line, line = (_SMALL_CHARS, _SMALL_LINE) if small else (_CHARS, _LINE)
    return line * ceil(chars / per_line)


def _statement_height(v: DerivationView) -> float:
    """A statement frame: the block's title (which may wrap), the summary, the hypotheses (small;
    their LaTeX source about 1.8 times as long as what it prints) and the result (on two lines
    when it is long)."""
    hypotheses = len("Hypotheses. ") + sum(len(h) / 1.8 + 3 for h in v.hypotheses)
    return (_prose_height(len(v.title) * 1.15) + 8.0 + _prose_height(len(v.summary)) + 6.0
            + _prose_height(hypotheses, small=True) + 6.0 + _LINE + 6.0
            + _math_height(v.statement)
            + (_math_height(v.conclusion) if len(v.statement) > _STATEMENT_CHARS else 0.0))


def _height(start: str, steps: Sequence[StepView]) -> float:
    return _math_height(start) + sum(_step_height(s) for s in steps)


def parts(v: DerivationView) -> list[tuple[int, int]]:
    """The proof's steps on each of its frames, as ``(lo, hi)``: all on one frame when they fit
    (by the estimate), else in two halves of about equal height."""
    n = len(v.steps)
    if n < 2 or _height(v.start, v.steps) <= _PAGE:
        return [(0, n)]
    best = min(range(1, n), key=lambda i: max(_height(v.start, v.steps[:i]),
                                              _height(v.steps[i - 1].expr, v.steps[i:])))
    return [(0, best), (best, n)]


class _Deck:
    """What every frame needs: the theorem numbers, and prose rendered with them."""

    def __init__(self, results: Sequence[DerivationResult], sections: Sections) -> None:
        self.number: Mapping[str, int] = numbers(results, sections)

    def ref(self, name: str) -> str:
        return f"Theorem~{self.number[name]}" if name in self.number else r"\dvcite{" + name + "}"

    def text(self, source: str) -> str:
        return prose_text(source, self.ref)

    # -- the theorems --------------------------------------------------------------------------

    def statement(self, v: DerivationView) -> str:
        """The statement frame: under the theorem's title, its summary, its hypotheses and its
        result; on two frames (the summary, then the rest) when they do not fit on one."""
        hypotheses = ";\\quad ".join(rf"\slideshyp{{{h}}}" for h in v.hypotheses) or "none"
        mark = MARK[v.evidence] if v.evidence is not None else "?"
        summary = self.text(v.summary) + "\n\n" if v.summary else ""
        formal = "".join([
            r"{\small\textit{Hypotheses.} ", hypotheses, ".\\par}\n",
            r"\medskip", "\n",
            r"Then", "\n", rf"\slidesstatement{{{v.start}}}{{{v.conclusion}}}{{{mark}}}", "\n",
        ])
        bodies = [summary + r"\medskip" + "\n" + formal]
        if summary and _statement_height(v) > _STATEMENT_PAGE:
            bodies = [summary, formal]
        title = rf"Theorem {self.number[v.name]}"
        return "".join(_frame(title, "".join([
            rf"\begin{{block}}{{{self.text(v.title)}}}", "\n", body, r"\end{block}"]))
            for body in bodies)

    def proof(self, v: DerivationView) -> str:
        """The proof on one frame (two when it is too tall), a step per overlay; the second
        frame starts from the expression the first ended with."""
        split = parts(v)
        frames = []
        for part, (lo, hi) in enumerate(split):
            start = v.steps[lo - 1].expr if lo else v.start
            lines = [rf"\slidesline{{}}{{{start}}}"]
            for n, s in enumerate(v.steps[lo:hi], start=2):
                qed = r"\hfill\qedsymbol" if hi == len(v.steps) and n == hi - lo + 1 else ""
                lines.append(rf"\uncover<{n}->{{\slidesline{{{s.relation}}}{{{s.expr}}}"
                             rf"\slideswhy{{{justification(s, self.ref)}{qed}}}}}")
            title = f"Proof of Theorem {self.number[v.name]}"
            if len(split) > 1:
                title += f" ({part + 1}/{len(split)})"
            frames.append("".join([
                rf"\begin{{frame}}[t]\slidestitle{{{title}}}", "\n",
                r"\slidesfit{", "\n", "\n".join(lines), "\n}\n",
                r"\end{frame}", "\n",
            ]))
        return "".join(frames)

    def code(self, v: DerivationView, c: CodeView) -> str:
        """A reference implementation, in the appendix."""
        name = escape.latex(c.name)
        title = f"Theorem {self.number[v.name]} in code: " + r"\texttt{" + name + "}"
        return "".join([rf"\begin{{frame}}[t]\slidestitle{{{title}}}", "\n",
                        r"\slidesfit{", "\n", code(c, _fitted), "}\n", r"\end{frame}", "\n"])

    # -- the answer ----------------------------------------------------------------------------

    def question(self, answer: Answer) -> str:
        return _frame("The question", self.text(answer.question))

    def notation(self, answer: Answer) -> str:
        """The notation bridge as a table, continued on as many frames as its rows need."""
        rows = [(rf"${r.question}$ & ${r.proofs}$ & {self.text(r.meaning)} \\",
                 _NOTATION_ROW * ceil(len(r.meaning) / _NOTATION_CHARS) + 4.0)
                for r in answer.notation]
        groups: list[list[str]] = [[]]
        height = _LINE
        for row, tall in rows:
            if groups[-1] and height + tall > _PAGE:
                groups.append([])
                height = _LINE
            groups[-1].append(row)
            height += tall
        out = []
        for n, group in enumerate(groups):
            body = "".join([r"{\small\renewcommand{\arraystretch}{1.3}", "\n",
                            r"\begin{tabularx}{\textwidth}{@{}ll>{\raggedright\arraybackslash}X@{}}",
                            "\n",
                            r"\textit{Question} & \textit{Proofs} & \textit{Meaning} \\", "\n",
                            "\n".join(group), "\n", r"\end{tabularx}}"])
            title = "Notation" + _count(n, len(groups))
            out.append(_frame(title, body))
        return "".join(out)

    def section(self, section: Section) -> str:
        """A sub-question's frames: the question and the direct answer, then its claims and
        remarks as items revealed one by one (continued on further frames when long); each
        figure on a frame of its own."""
        title = self.text(section.title)
        head = (r"{\small\itshape " + self.text(section.asked) + r"\par}\medskip" + "\n"
                + r"\textbf{" + self.text(section.opening) + "}\n")
        items = [self._item(b) for b in section.blocks if not isinstance(b, Figure)]
        groups = _balanced(items, len(head))
        frames = [self._items(title + _count(n, len(groups)), head if n == 0 else "", group)
                  for n, group in enumerate(groups)]
        frames += [self.figure(title, b) for b in section.blocks if isinstance(b, Figure)]
        return "".join(frames)

    def _items(self, title: str, head: str, items: list[str]) -> str:
        listed = ""
        if items:
            listed = ("\\begin{itemize}\\setlength{\\itemsep}{4pt}\n"
                      + "\n".join(rf"\item<{n}-> {item}"
                                  for n, item in enumerate(items, 2 if head else 1))
                      + "\n\\end{itemize}\n")
        return _frame(title, head + listed)

    def _item(self, block: Block) -> str:
        if isinstance(block, Remark):
            return rf"\slidesremark{{{block.label}}}{{{self.text(block.text)}}}"
        return self.text(block.text)  # type: ignore[union-attr]

    def figure(self, title: str, figure: Figure) -> str:
        picture = plot.pgfplots(figure, self.text, width=r"0.62\textwidth", height="4.6cm")
        caption = r"{\footnotesize " + figure_caption(figure, self.ref) + r"\par}"
        return _frame(title, r"\centering" + "\n" + picture + "\\par\\smallskip\n" + caption)

    def summary(self, answer: Answer | None, results: Sequence[DerivationResult],
                sections: Sections) -> str:
        """The closing frame: the answer's summary, else what each section proves."""
        if answer is not None and answer.summary:
            lines = [self.text(line) for line in answer.summary]
        else:
            lines = []
            for heading, members in grouped(results, sections):
                first, last = (self.number[members[i].derivation.name] for i in (0, -1))
                span = f"Theorem {first}" if first == last else f"Theorems {first}--{last}"
                lines.append(f"{escape.latex(heading or 'The theorems')}: {span}.")
        body = "\\begin{itemize}\\setlength{\\itemsep}{4pt}\n" + "\n".join(
            rf"\item {line}" for line in lines) + "\n\\end{itemize}\n"
        return _frame("In summary", body)


def _balanced(items: list[str], head: int) -> list[list[str]]:
    """The items in as few frames as hold them (by :data:`_ANSWER_CHARS` of source, the first
    frame also holding ``head`` characters), in order, the frames about equally full."""
    total = head + sum(map(len, items))
    count = max(1, min(len(items), ceil(total / _ANSWER_CHARS)))
    share = total / count
    groups: list[list[str]] = [[]]
    filled = float(head)
    for item in items:
        if groups[-1] and len(groups) < count and filled + len(item) / 2 > share * len(groups):
            groups.append([])
        groups[-1].append(item)
        filled += len(item)
    return groups


def _count(n: int, frames: int) -> str:
    """The suffix of a frame title that runs over ``frames`` frames: " (2/3)" on the second of
    three (short, so that a long title still fits on one line), nothing when there is one."""
    return f" ({n + 1}/{frames})" if frames > 1 else ""


def _frame(title: str, body: str) -> str:
    return "".join([rf"\begin{{frame}}[t]\slidestitle{{{title}}}", "\n", r"\slidesfit{", "\n",
                    body, "\n}\n", r"\end{frame}", "\n"])


def _fitted(math: str) -> str:
    """A formula set apart and shrunk (never enlarged) to the frame's width."""
    return rf"\slidesmath{{{math}}}" + "\n"


def deck(results: Sequence[DerivationResult], title: str, sections: Sections = (),
         answer: Answer | None = None) -> str:
    """``slides.tex``: a title frame; the answer (when given), closed by its summary; the legend
    of the evidence marks; for each section a section frame and, per theorem, its statement and
    proof frames; without an answer, a summary of the sections; and the reference
    implementations in an appendix."""
    d = _Deck(results, sections)
    body = []
    if answer is not None:
        body.append(r"\section{The answer}" + "\n" + d.question(answer) + d.notation(answer)
                    + "".join(d.section(s) for s in answer.sections)
                    + d.summary(answer, results, sections))
    body.append(r"\begin{frame}[t]\slidestitle{How to read the proofs}\dvlegend\end{frame}"
                + "\n")
    views = {r.derivation.name: view(r) for r in results}
    for heading, members in grouped(results, sections):
        if heading is not None:
            body.append(rf"\section{{{escape.latex(heading)}}}" + "\n"
                        + r"\begin{frame}\sectionpage\end{frame}" + "\n")
        for r in members:
            v = views[r.derivation.name]
            body.append(f"% {v.name}\n" + d.statement(v) + d.proof(v))
    if answer is None:
        body.append(d.summary(answer, results, sections))
    appendix = [d.code(v, c) for v in views.values() for c in v.implementations]
    if appendix:
        arrays = any(c.arrays for v in views.values() for c in v.implementations)
        note = (r"\par\bigskip{\small " + ARRAYS_ONCE + r"\par}" if arrays else "")
        body.append(r"\appendix" + "\n" + r"\section{Reference implementations}" + "\n"
                    + r"\begin{frame}\sectionpage" + note + r"\end{frame}" + "\n"
                    + r"\renewcommand{\dvarraysnote}{}" + "\n" + "".join(appendix))
    table = "".join(rf"\dvnumbered{{{name}}}{{{n}}}" + "\n" for name, n in d.number.items())
    return "".join([
        HEADER,
        _PREAMBLE,
        table,
        rf"\title{{{escape.latex(title)}}}", "\n",
        r"\author{Generated and checked by \texttt{derivations}}", "\n",
        r"\date{}", "\n",
        r"\hypersetup{pdfauthor={Generated and checked by derivations}}", "\n",
        r"\begin{document}", "\n",
        r"\begin{frame}\titlepage\end{frame}", "\n",
        "".join(body),
        r"\end{document}", "\n",
    ])
