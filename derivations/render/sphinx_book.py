"""A Sphinx extension for books made from the MyST pages: their math typesets offline.

Add it to a book's ``conf.py`` after myst-parser and sphinx-proof::

    extensions = ["myst_parser", "sphinx_proof", "derivations.render.sphinx_book"]

It copies MathJax 3 (``render/offline.py``: one file, glyphs included) into the book's
``_static/mathjax/`` and points Sphinx's ``mathjax_path`` at it, so no page loads anything from
the network (Sphinx's default is a CDN), and adds a small style sheet (:data:`CSS`). A
``mathjax_path`` or ``mathjax3_config`` set in
``conf.py`` is left alone. Sphinx is imported by Sphinx, never by this module.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

from derivations.render import offline

#: Where the book's pages find MathJax, relative to ``_static``.
MATHJAX_PATH = f"mathjax/{offline.SCRIPT}"
#: The book's own style sheet, in ``_static``: no colon after "Theorem N" (themes such as
#: alabaster add one to every admonition title), figures that shrink with the page.
CSS_FILE = "derivations.css"
CSS = """div.theorem > p.admonition-title::after, div.proof > p.admonition-title::after {
  content: none;
}
div.dv-figure svg { max-width: 100%; height: auto; }
"""


def _copy_mathjax(app: Any, exception: BaseException | None) -> None:
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "mathjax"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(offline.script_path(), target / offline.SCRIPT)
        (Path(app.outdir) / "_static" / CSS_FILE).write_text(CSS, encoding="utf-8")


def _configure(app: Any, config: Any) -> None:
    offline.script_path()  # fail early, with the package to install, if MathJax is missing
    if not config.mathjax_path or "://" in str(config.mathjax_path):
        config.mathjax_path = MATHJAX_PATH
    if config.mathjax3_config is None:
        config.mathjax3_config = copy.deepcopy(offline.CONFIG)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.mathjax")
    app.connect("config-inited", _configure, priority=900)
    app.connect("build-finished", _copy_mathjax)
    app.add_css_file(CSS_FILE)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
