"""A figure of the answer as numbers and as a pgfplots picture.

The curves are sampled here, in Python, at fixed points (:data:`POINTS` of them, evenly spaced
over the figure's domain, ends included) and printed with fixed decimals, so a figure is the same
bytes on every run and every machine, and every format (pgfplots in LaTeX, SVG in HTML) can draw
the same points. Values are computed with mpmath (pure Python, so no platform's libm can change
a digit); a point where a curve is not a finite real number is left out, and the curve jumps.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Basic, lambdify

from derivations.language.document import Figure

#: Points sampled per curve, over the figure's domain with both ends.
POINTS = 101
#: Decimals printed per coordinate.
DECIMALS = 4

#: Line styles for the curves' ``style`` and the grey levels that tell curves apart in print.
_DASH = {"solid": "solid", "dashed": "dashed", "dotted": "densely dotted"}
_COLOURS = ("black", "blue!70!black", "red!70!black", "green!45!black")


def xs(figure: Figure, points: int = POINTS) -> list[float]:
    """The sample points over the figure's domain, ends included."""
    low, high = figure.domain
    return [low + (high - low) * n / (points - 1) for n in range(points)]


def samples(figure: Figure, expr: Basic, points: int = POINTS) -> list[tuple[float, float | None]]:
    """``(x, y)`` at each sample point; ``y`` is None where the curve is not finite and real."""
    import mpmath

    function = lambdify(figure.variable, expr, modules="mpmath")
    out: list[tuple[float, float | None]] = []
    with mpmath.workdps(30):
        for x in xs(figure, points):
            try:
                y = function(mpmath.mpf(repr(x)))
            except (ValueError, ZeroDivisionError, OverflowError, TypeError):
                out.append((x, None))
                continue
            finite = isinstance(y, mpmath.mpf) and mpmath.isfinite(y)
            out.append((x, float(y) if finite else None))
    return out


def _number(value: float) -> str:
    shown = f"{value:.{DECIMALS}f}"
    return "0." + "0" * DECIMALS if shown == "-0." + "0" * DECIMALS else shown


def pgfplots(figure: Figure, text: Callable[[str], str], width: str = r"0.6\linewidth",
             height: str = "5.5cm") -> str:
    """A ``tikzpicture`` with one ``axis``: each curve's sampled points, its style and its
    legend entry (``text`` renders the prose of a label), shrunk to the line's width when the
    legend beside the plot makes it wider (``adjustbox``)."""
    options = [f"width={width}", f"height={height}", f"xlabel={{${figure.xlabel}$}}",
               f"ylabel={{${figure.ylabel}$}}", "legend pos=outer north east",
               "legend cell align=left", "legend style={font=\\footnotesize, draw=none}",
               "tick label style={font=\\footnotesize}", "unbounded coords=jump",
               # Ticks outside, on the labelled sides only: where both axes start at a tick (a
               # reliability diagram's corner, 0.5 and 0) the two labels then do not overlap.
               "tick align=outside", "xtick pos=bottom", "ytick pos=left",
               f"xmin={_number(figure.domain[0])}", f"xmax={_number(figure.domain[1])}"]
    if figure.yrange is not None:
        low, high = figure.yrange
        options += [f"ymin={_number(low)}", f"ymax={_number(high)}",
                    f"restrict y to domain={_number(low - (high - low))}:"
                    f"{_number(high + (high - low))}"]
    lines = [r"\adjustbox{max width=\linewidth}{%", r"\begin{tikzpicture}",
             rf"\begin{{axis}}[{', '.join(options)}]"]
    for n, curve in enumerate(figure.curves):
        colour = _COLOURS[n % len(_COLOURS)]
        pairs = [f"({_number(x)},{_number(y) if y is not None else 'nan'})"
                 for x, y in samples(figure, curve.expr)]
        points = "\n  ".join(" ".join(pairs[n:n + 6]) for n in range(0, len(pairs), 6))
        lines += [rf"\addplot[{colour}, thick, {_DASH[curve.style]}] coordinates {{", "  " + points,
                  "};",
                  rf"\addlegendentry{{{text(curve.label)}}}"]
    lines += [r"\end{axis}", r"\end{tikzpicture}}"]
    return "\n".join(lines) + "\n"
