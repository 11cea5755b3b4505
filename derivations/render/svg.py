"""A figure of the answer as SVG, drawn from the checked expressions it plots.

Each curve is sampled at :data:`SAMPLES` evenly spaced points of the figure's domain and every
coordinate is written with two decimals, so the SVG is the same bytes on every machine. A point
where a curve is undefined or leaves the vertical range breaks the line there. The axis labels
and the legend are drawn inside the picture as SVG text (MathJax does not read inside an SVG):
:func:`_text` sets the few LaTeX constructs a label uses (italic letters, upright names such as
``\\log`` and ``\\text{...}``, sub- and superscripts). The page's caption repeats them as math.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from sympy import lambdify

from derivations.language.document import Figure

#: Points per curve (the LaTeX figures sample the same domain).
SAMPLES = 101
WIDTH, HEIGHT = 480, 300  # the height without the legend, which adds a row per curve
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 12, 12, 46
_ROW = 18  # a legend row
_DASH = {"solid": "", "dashed": ' stroke-dasharray="7 4"', "dotted": ' stroke-dasharray="2 3"'}
_COLOURS = ("#1f4e9c", "#b2182b", "#1a7f37", "#6a3d9a")
_COLOUR_NAMES = ("blue", "red", "green", "purple")


def _points(figure: Figure, expr: object) -> list[tuple[float, float | None]]:
    low, high = figure.domain
    f = lambdify(figure.variable, expr, modules="math")
    out: list[tuple[float, float | None]] = []
    for i in range(SAMPLES):
        x = low + (high - low) * i / (SAMPLES - 1)
        try:
            y: float | None = float(f(x))
        except (ValueError, ZeroDivisionError, OverflowError, TypeError):
            y = None
        if y is not None and not math.isfinite(y):
            y = None
        out.append((x, y))
    return out


def _ticks(low: float, high: float) -> list[float]:
    """About five round tick values in [low, high]."""
    step = 10 ** math.floor(math.log10((high - low) / 5))
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor) <= 6:
            step *= factor
            break
    first = math.ceil(low / step - 1e-9)
    return [round(n * step, 10) for n in range(first, math.floor(high / step + 1e-9) + 1)]


def _label(value: float) -> str:
    return f"{value:g}".replace("-", "\N{MINUS SIGN}")


def svg(figure: Figure) -> str:
    """The figure as one SVG element on a single line (no blank line: Markdown keeps it as one
    HTML block), with a ``<title>`` for screen readers."""
    curves = [_points(figure, c.expr) for c in figure.curves]
    ys = [y for points in curves for _, y in points if y is not None]
    low_y, high_y = figure.yrange or ((min(ys), max(ys)) if ys else (0.0, 1.0))
    if not low_y < high_y:
        low_y, high_y = low_y - 1, high_y + 1
    low_x, high_x = figure.domain
    inner_w, inner_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    height = HEIGHT + _ROW * len(figure.curves)

    def sx(x: float) -> str:
        return f"{_LEFT + (x - low_x) / (high_x - low_x) * inner_w:.2f}"

    def sy(y: float) -> str:
        return f"{_TOP + (high_y - y) / (high_y - low_y) * inner_h:.2f}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" role="img" class="dv-figure" '
             f'font-family="serif" font-size="13">',
             f"<title>{_escape(figure.name)}</title>",
             f'<rect x="{_LEFT}" y="{_TOP}" width="{inner_w}" height="{inner_h}" '
             'fill="none" stroke="#888"/>']
    for x in _ticks(low_x, high_x):
        parts.append(f'<line x1="{sx(x)}" y1="{_TOP + inner_h}" x2="{sx(x)}" '
                     f'y2="{_TOP + inner_h + 4}" stroke="#888"/>'
                     f'<text x="{sx(x)}" y="{_TOP + inner_h + 16}" '
                     f'text-anchor="middle">{_label(x)}</text>')
    for y in _ticks(low_y, high_y):
        parts.append(f'<line x1="{_LEFT - 4}" y1="{sy(y)}" x2="{_LEFT}" y2="{sy(y)}" '
                     f'stroke="#888"/><text x="{_LEFT - 6}" y="{sy(y)}" text-anchor="end" '
                     f'dominant-baseline="middle">{_label(y)}</text>')
    if low_y < 0 < high_y:
        parts.append(f'<line x1="{_LEFT}" y1="{sy(0)}" x2="{_LEFT + inner_w}" y2="{sy(0)}" '
                     'stroke="#ccc"/>')
    for n, (curve, points) in enumerate(zip(figure.curves, curves, strict=True)):
        path = _path([(sx(x), sy(y)) if y is not None and low_y <= y <= high_y else None
                      for x, y in points])
        if path:
            parts.append(f'<path d="{path}" fill="none" stroke="{_COLOURS[n % len(_COLOURS)]}" '
                         f'stroke-width="2"{_DASH[curve.style]}/>')
    middle_y = _TOP + inner_h / 2
    parts.append(f'<text x="{_LEFT + inner_w / 2:.2f}" y="{_TOP + inner_h + 36}" '
                 f'text-anchor="middle">{_text(figure.xlabel)}</text>')
    parts.append(f'<text x="16" y="{middle_y:.2f}" text-anchor="middle" '
                 f'transform="rotate(-90 16 {middle_y:.2f})">{_text(figure.ylabel)}</text>')
    for n, curve in enumerate(figure.curves):
        y = HEIGHT + _ROW * n + 4
        colour = _COLOURS[n % len(_COLOURS)]
        parts.append(f'<line x1="{_LEFT}" y1="{y}" x2="{_LEFT + 36}" y2="{y}" '
                     f'stroke="{colour}" stroke-width="2"{_DASH[curve.style]}/>'
                     f'<text x="{_LEFT + 44}" y="{y}" dominant-baseline="middle">'
                     f'{_prose(curve.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


#: Names set upright, and the symbols a label may use, as text.
_NAMES = {"log", "exp", "max", "min", "arg", "KL"}
_SYMBOLS = {",": "\N{THIN SPACE}", ";": " ", "quad": "\N{EM SPACE}",
            "|": "\N{DOUBLE VERTICAL LINE}", "mid": " | ", "sigma": "σ", "theta": "θ",
            "pi": "π", "epsilon": "ε", "mu": "μ",
            "ell": "ℓ", "infty": "∞", "le": "≤", "ge": "≥", "cdot": "·"}
_TOKEN = re.compile(r"\\([A-Za-z]+|.)|([_^])|(\{)|(\})|([A-Za-z])|(-)|(\s+)|(.)")


def _text(tex: str) -> str:
    """A label's LaTeX (math mode) as SVG text: letters italic, names such as ``\\log`` and the
    argument of ``\\text`` or ``\\mathrm`` upright, ``_x`` and ``^{...}`` shifted and smaller."""
    out: list[str] = []
    tokens = list(_TOKEN.finditer(tex))
    i = 0

    def group() -> str:
        """The next token or braced group, as SVG text."""
        nonlocal i
        if i < len(tokens) and tokens[i].group(3):
            depth, start = 1, tokens[i].end()
            i += 1
            while i < len(tokens) and depth:
                depth += 1 if tokens[i].group(3) else -1 if tokens[i].group(4) else 0
                i += 1
            return _text(tex[start:tokens[i - 1].start()])
        i += 1
        return _text(tokens[i - 1].group(0))

    while i < len(tokens):
        m = tokens[i]
        command, script, _, _, letter, minus, space, other = m.groups()
        if command in ("text", "mathrm", "operatorname"):
            i += 1
            inner = tokens[i].end() if i < len(tokens) and tokens[i].group(3) else None
            if inner is not None:
                close = tex.index("}", inner)
                out.append(_escape(tex[inner:close]))
                while i < len(tokens) and tokens[i].start() < close + 1:
                    i += 1
                continue
        elif command in _NAMES:
            out.append(command)
            i += 1
            if i < len(tokens) and tokens[i].group(2):  # a limit: max_j
                i += 1
                out.append(f'<tspan baseline-shift="sub" font-size="75%">{group()}</tspan>')
            if command != "KL":
                out.append("\N{THIN SPACE}")
            continue
        elif command is not None:
            out.append(_escape(_SYMBOLS.get(command, command)))
        elif script:
            i += 1
            shift = "sub" if script == "_" else "super"
            out.append(f'<tspan baseline-shift="{shift}" font-size="75%">{group()}</tspan>')
            continue
        elif letter:
            out.append(f'<tspan font-style="italic">{letter}</tspan>')
        elif minus:  # binary (spaced) after a term, else unary
            out.append(" \N{MINUS SIGN} " if out and not out[-1].endswith("(") else
                       "\N{MINUS SIGN}")
        elif space:
            pass
        elif other is not None:
            out.append({",": ", ", "+": " + ", "=": " = "}.get(other, _escape(other)))
        i += 1
    return "".join(out)


def _prose(text: str) -> str:
    """A legend entry: prose with ``$...$`` math, as SVG text."""
    return "".join(_text(part) if n % 2 else _escape(part)
                   for n, part in enumerate(text.split("$")))


def colour_name(index: int) -> str:
    """The colour of the figure's curve number ``index`` (from 0) in words, for its legend."""
    return _COLOUR_NAMES[index % len(_COLOUR_NAMES)]


def _path(points: Sequence[tuple[str, str] | None]) -> str:
    out, pen = [], False
    for point in points:
        if point is None:
            pen = False
            continue
        out.append(f"{'L' if pen else 'M'}{point[0]},{point[1]}")
        pen = True
    return " ".join(out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
