"""Beamer slides a lecturer can teach from.

The deck opens with the answer to the question (when the catalogue's answer is given): the
question, the notation bridge, a frame per sub-question (more when a section is long) and its
figures. Then, per theorem, a statement frame (its title, its one-sentence summary, hypotheses and
result) and the proof on one frame, revealed a step per overlay; a proof too tall for one frame
is split into two, never more. A closing summary follows the theorems, and the reference
implementations are in an appendix.

The deck is built from the shared view model only and loads derivations.sty (written next to it).
Theorem numbers are those of the book (:func:`derivations.render.sections.numbers`), printed as
numbers: a citation is "Theorem N" whether or not the cited theorem is in the deck. How to split
a proof is decided here, without TeX, from an estimate of each line's height that errs on the
tall side; every frame's body is also shrunk (never enlarged) to the frame, so an estimate that
is off makes a frame denser, never overfull.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import ceil

from derivations.language.document import Answer, Block, Figure, Remark, Section
from derivations.language.results import DerivationResult
from derivations.render import escape, plot
from derivations.render.latex import HEADER, MARK, code, figure_caption, justification
from derivations.render.latex import text as prose_text
from derivations.render.sections import Sections, grouped, numbers
from derivations.render.view import CodeView, DerivationView, StepView, view

#: At most this many frames per proof.
MAX_FRAMES = 2

# Estimated heights in points on a 128 mm x 96 mm beamer page at 11pt, measured on the catalogue.
_PAGE = 330.0  # below a frame title of one line (the estimate is about 1.4 times too tall)
_LINE = 12.0  # a line of text
_WHY_LINE = 11.0  # a line of footnotesize justification
_WHY_CHARS = 66  # characters of justification per line
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
% A frame title on one line, shrunk (never enlarged) to the frame's width.
\newcommand{\slidestitle}[1]{\frametitle{\adjustbox{max width=\textwidth}{#1}}}
% A frame's body, shrunk (never enlarged) to the room below the title.
\newcommand{\slidesfit}[1]{\noindent\adjustbox{max width=\textwidth,
  max totalheight=0.84\textheight}{\begin{minipage}[t]{\textwidth}#1\end{minipage}}}
% A proof line: the relation in a fixed column, the formula shrunk to the rest of the width.
\newcommand{\slidesline}[2]{\par\noindent\makebox[2em][l]{$#1$}%
  \adjustbox{max width=\dimexpr\linewidth-2em\relax}{$\displaystyle #2$}\par}
% A step's justification, under its formula.
\newcommand{\slideswhy}[1]{\noindent\hspace*{2em}#1\par\vspace{3pt}}
% A formula set apart, shrunk to the width.
\newcommand{\slidesmath}[1]{\par\smallskip
  {\centering\adjustbox{max width=\linewidth}{$\displaystyle #1$}\par}\smallskip}
% A hypothesis: never broken, shrunk to the width.
\newcommand{\slideshyp}[1]{\mbox{\adjustbox{max width=\linewidth}{$#1$}}}
% An unchecked remark, labelled with its kind.
\newcommand{\slidesremark}[2]{{\color{black!70}\textsf{\textbf{#1.}}\ #2}}
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
    return _math_height(step.expr) + 3.0 + _WHY_LINE * lines


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
        """The statement frame: the summary, the hypotheses and the result."""
        hypotheses = ";\\quad ".join(rf"\slideshyp{{{h}}}" for h in v.hypotheses) or "none"
        mark = MARK[v.evidence] if v.evidence is not None else "?"
        return "".join([
            rf"\begin{{frame}}[t]\slidestitle{{{self.text(v.title)}}}", "\n",
            r"\slidesfit{", "\n",
            rf"\begin{{block}}{{Theorem {self.number[v.name]}}}", "\n",
            self.text(v.summary) + "\n\n" + r"\medskip" + "\n" if v.summary else "",
            r"{\small\textit{Hypotheses.} ", hypotheses, ".\\par}\n",
            r"\medskip", "\n",
            r"Then", "\n", rf"\slidesmath{{{v.statement} \qquad {mark}}}",
            "\n", r"\end{block}}", "\n",
            r"\end{frame}", "\n",
        ])

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
        rows = [rf"${r.question}$ & ${r.proofs}$ & {self.text(r.meaning)} \\"
                for r in answer.notation]
        out = []
        for n in range(0, len(rows), 8):
            body = "".join([r"{\small\renewcommand{\arraystretch}{1.3}", "\n",
                            r"\begin{tabularx}{\textwidth}{@{}ll>{\raggedright\arraybackslash}X@{}}",
                            "\n",
                            r"\textit{Question} & \textit{Proofs} & \textit{Meaning} \\", "\n",
                            "\n".join(rows[n:n + 8]), "\n", r"\end{tabularx}}"])
            title = "Notation" + (" (continued)" if n else "")
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
        frames = [self._items(title, head if n == 0 else "", group, continued=n > 0)
                  for n, group in enumerate(_balanced(items, len(head)))]
        frames += [self.figure(title, b) for b in section.blocks if isinstance(b, Figure)]
        return "".join(frames)

    def _items(self, title: str, head: str, items: list[str], *, continued: bool) -> str:
        listed = ""
        if items:
            listed = ("\\begin{itemize}\\setlength{\\itemsep}{4pt}\n"
                      + "\n".join(rf"\item<{n}-> {item}"
                                  for n, item in enumerate(items, 2 if head else 1))
                      + "\n\\end{itemize}\n")
        return _frame(title + (" (continued)" if continued else ""), head + listed)

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


def _frame(title: str, body: str) -> str:
    return "".join([rf"\begin{{frame}}[t]\slidestitle{{{title}}}", "\n", r"\slidesfit{", "\n",
                    body, "\n}\n", r"\end{frame}", "\n"])


def _fitted(math: str) -> str:
    """A formula set apart and shrunk (never enlarged) to the frame's width."""
    return rf"\slidesmath{{{math}}}" + "\n"


def deck(results: Sequence[DerivationResult], title: str, sections: Sections = (),
         answer: Answer | None = None) -> str:
    """``slides.tex``: a title frame; the answer (when given); the legend of the evidence
    marks; for each section a section frame and, per theorem, its statement and proof frames;
    a closing summary; and the reference implementations in an appendix."""
    d = _Deck(results, sections)
    body = []
    if answer is not None:
        body.append(r"\section{The answer}" + "\n" + d.question(answer) + d.notation(answer)
                    + "".join(d.section(s) for s in answer.sections))
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
    body.append(d.summary(answer, results, sections))
    appendix = [d.code(v, c) for v in views.values() for c in v.implementations]
    if appendix:
        body.append(r"\appendix" + "\n" + r"\section{Reference implementations}" + "\n"
                    + r"\begin{frame}\sectionpage\end{frame}" + "\n" + "".join(appendix))
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
