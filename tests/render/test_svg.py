"""The answer's figures as SVG: axes labelled and a legend inside the picture, same bytes."""

from __future__ import annotations

import re

import pytest

from derivations.catalogue.answer import ANSWER
from derivations.language.document import Figure
from derivations.render import svg

FIGURES = [b for s in ANSWER.sections for b in s.blocks if isinstance(b, Figure)]
IT = '<tspan font-style="italic">{}</tspan>'
SUB = '<tspan baseline-shift="sub" font-size="75%">{}</tspan>'


@pytest.mark.parametrize(("tex", "expected"), [
    ("x", IT.format("x")),
    ("a_y", IT.format("a") + SUB.format(IT.format("y"))),
    (r"-\log a_y", "\N{MINUS SIGN}log\N{THIN SPACE}" + IT.format("a") + SUB.format(IT.format("y"))),
    (r"\max_j a_j", "max" + SUB.format(IT.format("j")) + "\N{THIN SPACE}" + IT.format("a")
     + SUB.format(IT.format("j"))),
    (r"\text{nats}", "nats"),
    ("x - 1", IT.format("x") + " \N{MINUS SIGN} 1"),
    (r"\mathrm{KL}(p \,\|\, q)", "KL(" + IT.format("p") + "\N{THIN SPACE}\N{DOUBLE VERTICAL LINE}"
     "\N{THIN SPACE}" + IT.format("q") + ")"),
    ("a < b", IT.format("a") + "&lt;" + IT.format("b")),
])
def test_a_label_is_set_as_svg_text(tex, expected):
    assert svg._text(tex) == expected


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.name)
def test_each_figure_labels_its_axes_and_has_a_legend_row_per_curve(figure):
    drawn = svg.svg(figure)
    assert f">{svg._text(figure.xlabel)}</text>" in drawn
    assert f">{svg._text(figure.ylabel)}</text>" in drawn and "rotate(-90" in drawn
    for curve in figure.curves:
        assert f">{svg._prose(curve.label)}</text>" in drawn
    rows = re.findall(r'<line x1="\d+" y1="(\d+)" x2="\d+" y2="\1" stroke="#[0-9a-f]{6}"', drawn)
    assert len(rows) == len(figure.curves)
    assert drawn == svg.svg(figure)  # the same bytes every time
