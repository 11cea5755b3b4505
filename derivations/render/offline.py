"""HTML that needs nothing outside itself: MathJax carried with the page, and a check that a page
loads no script or style sheet from the network or from an absolute path.

MathJax 3's ``tex-svg-full.js`` is one file (2.2 MB) that holds the TeX input with every
extension and the SVG output with its glyphs as paths: it loads nothing else and draws the same
formulas on any machine, without fonts. It comes from the PyPI package ``sphinx-mathjax-offline``
(MathJax 3.2.2, Apache-2.0), a dependency of this package, so neither the build machine's system
packages nor the reader's matter. It was chosen by measurement on the catalogue's hardest
formulas (``aligned`` proofs, ``\\operatorname*{arg\\,min}_\\theta``, ``\\mathbf``,
``\\boldsymbol``, sums with ``\\substack`` limits): MathJax typesets all of them;
latex2mathml's MathML and ziamath's SVG do not (they print ``\\operatorname*`` as "* arg min",
and latex2mathml drops ``aligned``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from derivations.errors import BuildError

#: The PyPI distribution that carries MathJax 3, and the file of it the pages use.
DISTRIBUTION = "sphinx-mathjax-offline"
SCRIPT = "tex-svg-full.js"
_INSIDE = f"sphinx-mathjax-offline/static/mathjax/{SCRIPT}"

#: How MathJax reads the pages: ``$...$`` and ``\\(...\\)`` inline, ``$$...$$`` and ``\\[...\\]``
#: displayed, ``\\$`` a dollar sign; glyphs defined once per page; no menu, no screen-reader
#: speech worker (which would load files of its own).
CONFIG: dict[str, object] = {
    "tex": {"inlineMath": [["$", "$"], ["\\(", "\\)"]],
            "displayMath": [["$$", "$$"], ["\\[", "\\]"]],
            "processEscapes": True},
    "svg": {"fontCache": "global"},
    "options": {"enableMenu": False,
                "processHtmlClass": "tex2jax_process|mathjax_process|math|output_area"},
}


@cache
def script_path() -> Path:
    """Where MathJax 3's ``tex-svg-full.js`` is installed."""
    from importlib import metadata

    try:
        path = Path(str(metadata.distribution(DISTRIBUTION).locate_file(_INSIDE)))
    except metadata.PackageNotFoundError:
        path = Path("/nonexistent")
    if not path.is_file():
        raise BuildError(f"MathJax 3 is not installed: the HTML outputs carry it from the PyPI "
                         f"package {DISTRIBUTION!r} (pip install {DISTRIBUTION})")
    return path


def config_script() -> str:
    """The ``<script>`` that configures MathJax, before MathJax itself."""
    return f"<script>window.MathJax = {json.dumps(CONFIG, sort_keys=True)};</script>"


def inline_mathjax() -> str:
    """MathJax's configuration and MathJax itself, both inline: a page with these in its head
    typesets its math with no file beside it and no network."""
    code = script_path().read_text(encoding="utf-8")
    if "</script" in code.lower():  # would end the inline script early
        raise BuildError(f"{script_path()} cannot be inlined: it contains '</script'")
    return f"{config_script()}\n<script>{code}</script>"


_TAG = re.compile(r"<(script|link)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|href|rel)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
_CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)|url\(\s*["']?([^"')]+)""",
                      re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
#: What a page may not load from: the network (``http:``, ``https:``, ``//host``), the reader's
#: disk by an absolute path (``file:``, ``/usr/...``), or anything but a file beside it.
_OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|\\)", re.IGNORECASE)


def _outside(url: str) -> bool:
    return bool(_OUTSIDE.match(url.strip())) and not url.strip().lower().startswith("data:")


def external(html: str) -> list[str]:
    """Every script, style sheet, CSS import or CSS ``url()`` of ``html`` that is loaded from
    outside the page's own folder: from the network or from an absolute path (a ``data:`` URL
    is part of the page). Empty for a self-contained page."""
    found = []
    for tag, attributes in _TAG.findall(html):
        attrs = {name.lower(): value.strip("\"'") for name, value in _ATTR.findall(attributes)}
        if tag.lower() == "script":
            url = attrs.get("src")
        elif "stylesheet" in attrs.get("rel", "").lower().split() or \
                attrs.get("rel", "").lower() == "preload":
            url = attrs.get("href")
        else:
            url = None
        if url and _outside(url):
            found.append(url)
    for style in _STYLE.findall(html):
        found += [a or b for a, b in _CSS_URL.findall(style) if _outside(a or b)]
    return found


def require_self_contained(html: str, what: str) -> str:
    """``html`` itself, or ``BuildError`` naming the first thing it loads from outside."""
    outside = external(html)
    if outside:
        raise BuildError(f"{what} would load {outside[0]!r} from outside the page: the HTML "
                         "outputs must read with no network and no system package")
    return html
