"""``render/offline.py``: MathJax carried by the pages, and the check that a page loads no
script or style sheet from the network or from an absolute path."""

from __future__ import annotations

import pytest

from derivations.errors import BuildError
from derivations.render import offline


@pytest.mark.parametrize(("html", "outside"), [
    ('<script src="_static/mathjax/tex-svg-full.js"></script>', []),
    ("<script>window.MathJax = {};</script>", []),
    ('<link rel="stylesheet" href="css/pygments.css">', []),
    ('<link rel="icon" href="https://example.org/favicon.ico">', []),  # not a script or style
    ('<script src="https://cdn.example.org/mathjax.js"></script>',
     ["https://cdn.example.org/mathjax.js"]),
    ("<script src='//cdn.example.org/x.js'></script>", ["//cdn.example.org/x.js"]),
    ('<SCRIPT SRC="file:///usr/share/javascript/mathjax/MathJax.js"></SCRIPT>',
     ["file:///usr/share/javascript/mathjax/MathJax.js"]),
    ('<script defer src=/usr/share/x.js></script>', ["/usr/share/x.js"]),
    ('<link href="http://example.org/a.css" rel="stylesheet">', ["http://example.org/a.css"]),
    ('<link rel="preload" href="https://fonts.example.org/f.woff2">',
     ["https://fonts.example.org/f.woff2"]),
    ("<style>@import url('https://fonts.example.org/css');</style>",
     ["https://fonts.example.org/css"]),
    ('<style>@font-face { src: url("/opt/fonts/a.woff"); }</style>', ["/opt/fonts/a.woff"]),
    ("<style>a { background: url(data:image/png;base64,AAAA); }</style>", []),
    ('<svg><path style="marker: url(#m)"/></svg>', []),
])
def test_external_finds_scripts_and_styles_from_outside(html, outside):
    assert offline.external(html) == outside


def test_a_page_that_loads_from_outside_is_refused():
    with pytest.raises(BuildError, match=r"the page would load 'https://x\.org/a\.js' from "
                                         "outside the page"):
        offline.require_self_contained('<script src="https://x.org/a.js"></script>', "the page")


def test_mathjax_is_one_file_of_mathjax_3_that_can_be_inlined():
    code = offline.script_path().read_text()
    assert 'VERSION="3.2.2"' in code and "</script" not in code.lower()
    page = offline.inline_mathjax()
    assert page.startswith(offline.config_script()) and offline.external(page) == []
    assert '"inlineMath": [["$", "$"], ["\\\\(", "\\\\)"]]' in offline.config_script()
